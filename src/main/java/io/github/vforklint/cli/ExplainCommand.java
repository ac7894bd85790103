package io.github.vforklint.cli;

import io.github.vforklint.rules.Reference;
import io.github.vforklint.rules.RuleCatalogue;
import io.github.vforklint.rules.RuleDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.stream.Collectors;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explains a rule: why it matters, a bad and a good example, references.")
final class ExplainCommand implements java.util.concurrent.Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RULE", description = "Rule id (VFK101) or name (unsafe-call).")
    String rule;

    @Override
    public Integer call() {
        RuleDefinition def = RuleCatalogue.load().find(rule)
                .orElseThrow(() -> new UsageException("unknown rule '" + rule + "' (see `vforklint rules`)"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("# " + def.id() + " " + def.name() + " (" + def.severity().label() + "; profiles: "
                + def.profiles().stream().map(p -> p.label()).collect(Collectors.joining(", ")) + ")");
        out.println();
        out.println(def.summary() + ".");
        out.println();
        out.println(def.description());
        if (!def.references().isEmpty()) {
            out.println();
            out.println("## References");
            out.println();
            for (Reference r : def.references()) {
                out.println("- " + r.title() + ": " + r.url());
            }
        }
        out.flush();
        return ExitCode.OK.code();
    }
}
