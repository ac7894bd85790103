package io.github.vforklint;

/** C sources the build-plugin tests put into the projects they make. */
public final class PluginFixtures {

    /** One VFK101 (printf in the child) on line 7, in function spawn. */
    public static final String BAD = """
            #include <stdio.h>
            #include <unistd.h>
            int spawn(const char *path, char *const argv[])
            {
                pid_t pid = vfork();
                if (pid == 0) {
                    printf("starting %s\\n", path);
                    execv(path, argv);
                    _exit(127);
                }
                return pid;
            }
            """;

    /** The same without the printf: nothing to report. */
    public static final String GOOD = BAD.replace("        printf(\"starting %s\\n\", path);\n", "");

    private PluginFixtures() {
    }
}
