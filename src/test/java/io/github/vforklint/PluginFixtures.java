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

    /** A JNI entry point around BAD's spawn: parses only with jni.h and jni_md.h. */
    public static final String JNI = "#include <jni.h>\n" + BAD.replace("int spawn(", "static int spawn(") + """
            JNIEXPORT jint JNICALL Java_demo_Spawner_spawn(JNIEnv *env, jclass cls, jstring path)
            {
                const char *p = (*env)->GetStringUTFChars(env, path, NULL);
                char *argv[] = {(char *)p, NULL};
                int pid = spawn(p, argv);
                (*env)->ReleaseStringUTFChars(env, path, p);
                return pid;
            }
            """;

    /**
     * vfork only where NOMMU is defined, which the default configuration leaves out: found in
     * another configuration (--max-configs), unless the configuration is pinned (-D) and not explored.
     */
    public static final String NOMMU = """
            #include <stdio.h>
            #include <unistd.h>

            int spawn(const char *path, char *const argv[])
            {
            #ifdef NOMMU
                pid_t pid = vfork();
            #else
                pid_t pid = fork();
            #endif
                if (pid == 0) {
                    printf("starting %s\\n", path);
                    execv(path, argv);
                    _exit(127);
                }
                return pid;
            }
            """;

    private PluginFixtures() {
    }
}
