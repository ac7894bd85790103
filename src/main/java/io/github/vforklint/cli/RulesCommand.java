package io.github.vforklint.cli;

import io.github.vforklint.rules.RuleCatalogue;
import io.github.vforklint.rules.RuleDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.stream.Collectors;

@Command(name = "rules", mixinStandardHelpOptions = true, description = "Lists the rules.")
final class RulesCommand implements java.util.concurrent.Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-7s %-25s %-8s %-16s %s%n", "ID", "NAME", "LEVEL", "PROFILES", "SUMMARY");
        for (RuleDefinition rule : RuleCatalogue.load().all().stream()
                .sorted(java.util.Comparator.comparing(RuleDefinition::id)).toList()) {
            String profiles = rule.profiles().stream().map(p -> p.label()).collect(Collectors.joining(","));
            out.printf("%-7s %-25s %-8s %-16s %s%n", rule.id(), rule.name(), rule.severity().label(), profiles, rule.summary());
        }
        out.flush();
        return ExitCode.OK.code();
    }
}
