/* Functions defined in a header whose own macros come from a header that is not there (Emacs'
 * lisp.h without config.h): the header is read through those macros as the file is, so the
 * child's calls into it are followed: count_up() writes the parent's counter, a VFK104 in the
 * header that HeaderMacrosTest checks, and leave_child() ends the child. */
#include <unistd.h>
#include "unconfigured.h"

static int spawned;

int FAST_FUNC ok_helper_from_an_unconfigured_header(char **argv)
{
    pid_t pid = vfork();

    if (pid == 0) {
        execv(argv[0], argv);
        leave_child(127);
    }
    return pid;
}

int FAST_FUNC spawn_with_a_helper_from_an_unconfigured_header(char **argv)
{
    pid_t pid = vfork();

    if (pid == 0) {
        count_up(&spawned);
        execv(argv[0], argv);
        leave_child(127);
    }
    return pid;
}
