package io.github.vforklint.cli;

import picocli.CommandLine;

/** Process entry point. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code instead of exiting, for tests and embedding. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new VforklintCommand());
        cli.setExitCodeExceptionMapper(e -> ExitCode.INTERNAL.code());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UsageException usage) {
                commandLine.getErr().println("vforklint: " + usage.getMessage());
                return ExitCode.USAGE.code();
            }
            commandLine.getErr().println("vforklint: internal error: " + e);
            if (System.getenv("VFORKLINT_DEBUG") != null) {
                e.printStackTrace(commandLine.getErr());
            } else {
                commandLine.getErr().println("vforklint: set VFORKLINT_DEBUG=1 for the stack trace, and please report it");
            }
            return ExitCode.INTERNAL.code();
        });
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine c = e.getCommandLine();
            c.getErr().println("vforklint: " + e.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCode.USAGE.code();
        });
        return cli;
    }
}
