#include <stdio.h>
#include <unistd.h>

int spawn(const char *path, char *const argv[])
{
    pid_t pid = vfork();
    if (pid == 0) {
        /* vforklint-disable-next-line VFK101 -- stdout is unbuffered in this tool and the parent never writes it */
        printf("starting %s\n", path);
        execv(path, argv);
        _exit(127);
    }
    return pid;
}

