package io.github.vforklint.cli;

import io.github.vforklint.rules.RuleCatalogue;
import io.github.vforklint.rules.RuleDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

@Command(name = "rules", mixinStandardHelpOptions = true, description = "Lists the rules.")
final class RulesCommand implements java.util.concurrent.Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<RuleDefinition> rules = RuleCatalogue.load().all().stream()
                .sorted(java.util.Comparator.comparing(RuleDefinition::id)).toList();
        int nameWidth = rules.stream().mapToInt(r -> r.name().length()).max().orElse(4);
        String row = "%-7s %-" + nameWidth + "s %-8s %-16s %s%n";
        out.printf(row, "ID", "NAME", "LEVEL", "PROFILES", "SUMMARY");
        for (RuleDefinition rule : rules) {
            String profiles = rule.profiles().stream().map(p -> p.label()).collect(Collectors.joining(","));
            out.printf(row, rule.id(), rule.name(), rule.severity().label(), profiles, rule.summary());
        }
        out.flush();
        return ExitCode.OK.code();
    }
}
