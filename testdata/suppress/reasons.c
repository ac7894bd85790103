/* fixture: --require-reason */
/* With --require-reason, a suppression without a reason is an error (VFK001); the ones with a
 * reason, after " -- " or after a NOLINT's parenthesis, are fine. */
#include <stdio.h>
#include <unistd.h>

void spawn(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        puts("a"); /* expect: VFK001 */ // vforklint-disable-line VFK101
        puts("b"); // vforklint-disable-line VFK101 -- stdout is unbuffered in this tool
        puts("c"); /* expect: VFK001 */ // NOLINT(vforklint-VFK101)
        puts("d"); // NOLINT(vforklint-VFK101): stdout is unbuffered in this tool
        execv(path, argv);
        _exit(127);
    }
}
