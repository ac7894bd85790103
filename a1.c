#include <unistd.h>
extern void my_fatal(const char *);
int g;
int f(char **argv) {
    pid_t pid = vfork();
    if (pid == 0) {
        execv(argv[0], argv);
        my_fatal("exec failed");
    }
    return pid;
}
