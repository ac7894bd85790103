package io.github.vforklint.config;

import io.github.vforklint.finding.Severity;
import io.github.vforklint.rules.Profile;
import io.github.vforklint.rules.RuleCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigFileTest {

    private static final RuleCatalogue CATALOGUE = RuleCatalogue.load();

    @TempDir
    Path temp;

    private CheckConfig load(String yaml) throws Exception {
        Path file = temp.resolve(ConfigFile.NAME);
        Files.writeString(file, yaml);
        return ConfigFile.load(file, ".vforklint.yml", ConfigFile.Origin.NAMED_BY_USER, CATALOGUE);
    }

    private String error(String yaml) {
        return assertThrows(ConfigException.class, () -> load(yaml)).getMessage();
    }

    @Test
    void everyKeyIsRead() throws Exception {
        CheckConfig c = load("""
                paths: [src]
                profile: strict
                select: [VFK101, exit-in-child]
                ignore: VFK108, VFK106
                severity:
                  unknown-call: note
                include: ["src/**"]
                exclude: ["src/third_party/**"]
                include-dirs: [include]
                defines: {ENABLE_NOMMU: 1, DEBUG: true, NAME: ""}
                undefines: [__GNUC__]
                system-includes: false
                cc: clang
                jobs: 2
                fail-on: warning
                baseline: ci/vforklint-baseline.json
                require-reason: true
                """);
        assertEquals(List.of(temp.resolve("src")), c.paths());
        assertEquals(Profile.STRICT, c.profile());
        assertEquals(List.of("VFK101", "VFK102"), c.select());
        assertEquals(List.of("VFK108", "VFK106"), c.ignore());
        assertEquals(Map.of("VFK108", Severity.NOTE), c.severity());
        assertTrue(c.include().get(0).matches(temp.resolve("src/a/b.c")));
        assertTrue(c.exclude().get(0).matches(temp.resolve("src/third_party/x.c")));
        assertEquals(List.of(temp.resolve("include")), c.includeDirs());
        assertEquals(Map.of("ENABLE_NOMMU", "1", "DEBUG", "1", "NAME", ""), c.defines());
        assertEquals(List.of("__GNUC__"), c.undefines());
        assertEquals(false, c.systemIncludes());
        assertEquals("clang", c.compiler());
        assertEquals(2, c.jobs());
        assertEquals(FailOn.WARNING, c.failOn());
        assertEquals(temp.resolve("ci/vforklint-baseline.json"), c.baseline());
        assertEquals(true, c.requireReason());
    }

    @Test
    void errorsNameTheFileAndLine() {
        assertEquals(".vforklint.yml:2: unknown key 'fial-on' (known: paths, profile, select, ignore, severity, include,"
                + " exclude, include-dirs, defines, undefines, system-includes, cc, jobs, fail-on, baseline, require-reason, java-release)",
                error("profile: strict\nfial-on: warning\n"));
        assertEquals(".vforklint.yml:3: select: unknown rule 'VFK999' (see `vforklint rules`)",
                error("select:\n  - VFK101\n  - VFK999\n"));
        assertEquals(".vforklint.yml:3: severity of VFK101: unknown severity 'fatal' (expected error, warning or note)",
                error("# levels\nseverity:\n  VFK101: fatal\n"));
        assertEquals(".vforklint.yml:1: fail-on: unknown level 'sometimes' (expected error, warning, note or never)",
                error("fail-on: sometimes\n"));
        assertEquals(".vforklint.yml:1: profile: unknown profile 'lenient' (expected default or strict)",
                error("profile: lenient\n"));
        assertEquals(".vforklint.yml:2: jobs: expected a whole number of at least 1, not '0'", error("\njobs: 0\n"));
        assertEquals(".vforklint.yml:1: require-reason: expected true or false, not 'yes please'",
                error("require-reason: yes please\n"));
        assertEquals(".vforklint.yml:2: defines: not a macro name: '1BAD'", error("defines:\n  - 1BAD=2\n"));
        assertTrue(error("profile: [strict\n").startsWith(".vforklint.yml:"), "YAML syntax errors have a line too");
        assertTrue(error("profile: strict\nprofile: default\n").startsWith(".vforklint.yml:2: not valid YAML"),
                "a repeated key is an error, not a silent override");
        assertEquals(".vforklint.yml:1: expected a mapping of option names to values, as in `profile: strict`",
                error("- strict\n"));
    }

    @Test
    void anEmptyFileSetsNothing() throws Exception {
        assertEquals(CheckConfig.empty(), load("# nothing yet\n"));
    }

    @Test
    void discoveryLooksUpwardsAndStopsAtTheRepositoryRoot() throws Exception {
        Path repo = temp.resolve("repo");
        Path deep = repo.resolve("src/lib");
        Files.createDirectories(deep);
        Files.createDirectories(repo.resolve(".git"));
        Files.writeString(temp.resolve(ConfigFile.NAME), "profile: strict\n");
        assertEquals(Optional.empty(), ConfigDiscovery.find(deep), "the file above the repository is not its own");

        Files.writeString(repo.resolve(ConfigFile.NAME), "profile: strict\n");
        assertEquals(Optional.of(repo.resolve(ConfigFile.NAME)), ConfigDiscovery.find(deep));
        Files.writeString(deep.resolve("x.c"), "int x;\n");
        assertEquals(Optional.of(repo.resolve(ConfigFile.NAME)), ConfigDiscovery.find(deep.resolve("x.c")));
        Files.writeString(repo.resolve("src/" + ConfigFile.NAME), "profile: default\n");
        assertEquals(Optional.of(repo.resolve("src/" + ConfigFile.NAME)), ConfigDiscovery.find(deep), "the nearest wins");
    }

    private String errorFoundInTree(String yaml) throws Exception {
        Path file = temp.resolve(ConfigFile.NAME);
        Files.writeString(file, yaml);
        return assertThrows(ConfigException.class,
                () -> ConfigFile.load(file, ".vforklint.yml", ConfigFile.Origin.FOUND_IN_TREE, CATALOGUE)).getMessage();
    }

    @Test
    void aFileFoundInTheTreeCannotNameAProgramToRun() throws Exception {
        assertTrue(errorFoundInTree("profile: strict\ncc: tools/cc\n")
                .startsWith(".vforklint.yml:2: cc: a configuration file found in the scanned tree cannot make vforklint"
                        + " run a program"));
        assertTrue(errorFoundInTree("system-includes: true\n").startsWith(".vforklint.yml:1: system-includes: "));
        Path file = temp.resolve(ConfigFile.NAME);
        Files.writeString(file, "system-includes: false\nprofile: strict\n");
        assertEquals(false, ConfigFile.load(file, ".vforklint.yml", ConfigFile.Origin.FOUND_IN_TREE, CATALOGUE)
                .systemIncludes(), "turning it off runs nothing");
        Files.writeString(file, "system-includes: true\ncc: clang\n");
        assertEquals("clang", load("system-includes: true\ncc: clang\n").compiler(), "a file named with -c may");
    }

    @Test
    void aliasesAreRefusedNotReadAsTheAnchorsName() {
        assertEquals(".vforklint.yml:2: not valid YAML: aliases (*name) are not supported: write the value out",
                error("exclude: &e [x.c]\ninclude: *e\n"));
        assertTrue(error("base: &b {profile: strict}\n<<: *b\n").contains("aliases"));
    }
}
