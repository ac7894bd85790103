package io.github.vforklint.cli;

import picocli.CommandLine.Command;

@Command(name = "vforklint",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Finds vfork() misuse in C code; probes whether vfork is real on this machine.",
        footer = {"", "Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or configuration error,",
                "3 analysis incomplete for some file (findings still reported) or out of memory, 4 internal error."})
final class VforklintCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing command: check, rules, explain or probe");
    }
}
