/* vforklint-disable-file VFK108 -- the frob_* helpers are async-signal-safe (libfrob manual, section 3) */
/* A whole file's findings of one rule, and only that rule. */
#include <stdio.h>
#include <unistd.h>

void frob_reset(void);
void frob_close_all(void);

void spawn(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        frob_reset();
        frob_close_all();
        printf("exec %s\n", path);                              /* expect: VFK101 */
        execv(path, argv);
        _exit(127);
    }
}
