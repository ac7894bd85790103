package io.github.vforklint.integrations;

import io.github.vforklint.PluginFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static io.github.vforklint.integrations.VforklintProgram.ROOT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The hook in {@code .pre-commit-hooks.yaml}, run by Debian's {@code pre-commit} with
 * {@code pre-commit try-repo} (which clones this repository, as users' pre-commit does) on a small
 * repository made here. Needs no network. Skipped where pre-commit is not installed, unless
 * {@code VFORKLINT_REQUIRE_PRE_COMMIT=1} (set by .ci/run, which installs it).
 */
class PreCommitHookTest {

    @TempDir
    Path repo;
    @TempDir
    Path tools;
    Map<String, String> env = new HashMap<>();

    @BeforeEach
    void repository() throws Exception {
        boolean required = "1".equals(System.getenv("VFORKLINT_REQUIRE_PRE_COMMIT"));
        boolean installed = which("pre-commit");
        if (required && !installed) {
            throw new AssertionError("VFORKLINT_REQUIRE_PRE_COMMIT=1 but pre-commit is not installed (apt-get install pre-commit)");
        }
        assumeTrue(installed, "pre-commit is not installed (apt-get install pre-commit); .ci/run installs it");
        assumeTrue(required || Files.exists(ROOT.resolve(".git")), "this checkout is not a git repository");
        env.put("PRE_COMMIT_HOME", tools.resolve("pre-commit-home").toString());
        env.put("VFORKLINT_JAR", VforklintProgram.jar(tools).toString());
        for (String who : new String[] {"AUTHOR", "COMMITTER"}) {
            env.put("GIT_" + who + "_NAME", "test");
            env.put("GIT_" + who + "_EMAIL", "test@example.invalid");
        }
        git("init", "-q");
        Files.writeString(repo.resolve("spawn.c"), PluginFixtures.BAD);
        Files.writeString(repo.resolve("ok.c"), PluginFixtures.GOOD.replace("spawn", "spawn_ok"));
        Files.writeString(repo.resolve("README.md"), "not C\n");
        git("add", "-A");
    }

    private void git(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        VforklintProgram.Run run = VforklintProgram.run(repo, env, command);
        assertEquals(0, run.code(), run.output());
    }

    private VforklintProgram.Run tryRepo(String... files) throws Exception {
        String[] command = new String[5 + files.length];
        command[0] = "pre-commit";
        command[1] = "try-repo";
        command[2] = ROOT.toString();
        command[3] = "vforklint";
        command[4] = "--files";
        System.arraycopy(files, 0, command, 5, files.length);
        return VforklintProgram.run(repo, env, command);
    }

    @Test
    void theHookFailsOnAFindingInACommittedCFile() throws Exception {
        VforklintProgram.Run run = tryRepo("spawn.c", "ok.c", "README.md");
        assertEquals(1, run.code(), run.output());
        assertTrue(run.output().matches("(?s).*vforklint \\(vfork misuse in C\\)\\.+Failed.*"), run.output());
        assertTrue(run.output().contains("spawn.c:7:9: error: printf() in the vfork child"), run.output());
    }

    @Test
    void theHookPassesOnCleanCodeAndSkipsFilesThatAreNotC() throws Exception {
        VforklintProgram.Run clean = tryRepo("ok.c");
        assertEquals(0, clean.code(), clean.output());
        assertTrue(clean.output().matches("(?s).*vforklint \\(vfork misuse in C\\)\\.+Passed.*"), clean.output());

        VforklintProgram.Run notC = tryRepo("README.md");
        assertEquals(0, notC.code(), notC.output());
        assertTrue(notC.output().contains("(no files to check)Skipped"), notC.output());
    }

    private static boolean which(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
