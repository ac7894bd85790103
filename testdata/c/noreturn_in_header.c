/*
 * Noreturn helpers declared in a header, through a noreturn macro (rules/functions/noreturn.yml,
 * attribute-macros) that no header read defines. A declaration in the file itself is read again
 * through the guessed macro; one in a header is not, and the declaration the parser split around
 * the word still says the helper ends the child: no failed exec falling through, no stdio after it.
 */
#include <stdio.h>
#include <unistd.h>
#include "noreturn_unread.h"

void bad_fatal_declared_after(char **argv)
{
    if (vfork() == 0) {
        execv(argv[0], argv);
        fatal_after("exec");                /* expect: VFK108 */
        puts("not reached");
    }
}

void bad_fatal_declared_before(char **argv)
{
    if (vfork() == 0) {
        execv(argv[0], argv);
        fatal_before("exec");               /* expect: VFK108 */
        puts("not reached");
    }
}

void bad_fatal_attribute_on_its_own_line(char **argv)
{
    if (vfork() == 0) {
        execv(argv[0], argv);
        fatal_own_line("exec");             /* expect: VFK108 */
        puts("not reached");
    }
}
