/* C11 that CDT's C parser does not read by itself: a static assertion, at file scope and in the
 * child (gnulib's verify() expands to one). It checks nothing at run time: no call in the child,
 * no declaration that fails to parse. */
#include <stdio.h>
#include <unistd.h>

_Static_assert(sizeof(int) >= 2, "int holds a small count");

int bad_static_assertion_in_the_child(int n)
{
    if (vfork() == 0) {
        _Static_assert(sizeof(long) >= 4, "long holds a pid");
        n = 1;                                  /* expect: VFK104 */
        puts("child");                          /* expect: VFK101 */
        _exit(1);
    }
    return n;                                   /* expect: VFK201 */
}

void ok_static_assertion_before_vfork(char **argv)
{
    _Static_assert(sizeof(char *) >= 4, "pointers hold addresses");
    if (vfork() == 0) {
        execv(argv[0], argv);
        _exit(127);
    }
}
