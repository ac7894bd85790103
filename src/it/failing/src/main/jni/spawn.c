#include <stdio.h>
#include <unistd.h>

/* A JNI helper that starts a program: the vfork child calls printf, which shares stdio with the JVM. */
int spawn(const char *path, char *const argv[])
{
    pid_t pid = vfork();
    if (pid == 0) {
        printf("starting %s\n", path);
        execv(path, argv);
        _exit(127);
    }
    return pid;
}

