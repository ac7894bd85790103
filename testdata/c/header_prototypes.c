/*
 * A header of hundreds of prototypes, as a library's main header is (busybox's libbb.h declares
 * over a thousand): the parser reads the prototypes the code names, where the header has them,
 * and leaves the rest unread. A noreturn prototype read so still ends the child, whether the
 * child calls it or a helper in the header does (that helper's call of lib_die() is reported in
 * the header); a prototype without the attribute may return, into stdio.
 */
#include <stdio.h>
#include <unistd.h>
#include "prototypes.h"

void bad_noreturn_prototype_among_many(char **argv)
{
    if (vfork() == 0) {
        execv(argv[0], argv);
        net_fail("exec");                   /* expect: VFK108 */
        puts("not reached");
    }
}

void prototype_named_by_a_header_helper(char **argv)
{
    if (vfork() == 0) {
        execv(argv[0], argv);
        lib_leave(127);
        puts("not reached");
    }
}

void bad_prototype_that_may_return(char **argv)
{
    if (vfork() == 0) {
        execv(argv[0], argv);
        lib_warn("exec failed");            /* expect: VFK108 */
        puts("reached");                    /* expect: VFK101 */
        _exit(127);
    }
}
