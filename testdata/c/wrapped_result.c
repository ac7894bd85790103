/* toybox: XVFORK() is xvforkwrap(vfork()), a helper handed the vfork result that marks the child
 * and hands the result back. The parent gets its pid back and the child 0, so the code after the
 * child's exec is the parent's, not the child's. */
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

struct context { int stacktop; int exitval; } toys;

static pid_t xvforkwrap(pid_t pid)
{
    if (pid == -1)
        _exit(1);
    if (!pid)
        toys.stacktop = 0;              /* expect: VFK104 */
    return pid;
}

#define XVFORK() xvforkwrap(vfork())

int spawn_through_a_wrapped_result(char **argv)
{
    pid_t pid;
    int status;

    if (!(pid = XVFORK())) {
        execv(argv[0], argv);
        if (getenv("RETRY"))
            execv(argv[1], argv + 1);
        _exit(127);
    }
    waitpid(pid, &status, 0);
    toys.exitval = WEXITSTATUS(status); /* the parent's own write */
    return toys.exitval;
}
