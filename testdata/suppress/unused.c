/* vforklint-disable-file VFK102 -- no exit() here any more */  /* expect: VFK001 */
/* Suppressions that suppress nothing, or cannot be read: each is a VFK001 note, and a broken
 * one leaves its findings reported. */
#include <stdio.h>
#include <unistd.h>

int g_count;

void spawn(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        /* vforklint-disable-next-line VFK101 -- the printf went away */  /* expect: VFK001 */
        execv(path, argv);
        /* vforklint-disable-next-line VFK101,VFK104 -- half of it is used */  /* expect: VFK001 */
        puts("exec failed");
        /* vforklint-disable-next-line -- forgot the rule */  /* expect: VFK001 */
        puts("no rule named");                                  /* expect: VFK101 */
        /* vforklint-disable-next-line VFK999 -- misspelt */  /* expect: VFK001 */
        puts("unknown rule");                                   /* expect: VFK101 */
        /* vforklint-disable VFK104 -- never closed */  /* expect: VFK001 */
        g_count = 1;                                            /* expect: VFK104 */
        /* vforklint-enable VFK102 */  /* expect: VFK001 */
        /* vforklint-disable-next-line VFK001 */  /* expect: VFK001 */
        _exit(127);
    }
}
