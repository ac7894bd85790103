/* noreturn spelled through a project's macro whose header is missing (it is not in the tree):
 * the declarations are recognised by the macro's name (rules/functions/noreturn.yml), so the
 * impossible paths after die() are not analysed. */
#include <unistd.h>
#include "project_attributes.h"

void die(const char *msg) ATTRIBUTE_NORETURN;
NORETURN void fatal(const char *msg);
void usage(void) __dead;

int bad_nothing_after_die(char **argv)
{
    if (vfork() == 0) {
        execv(argv[0], argv);
        die("exec failed");                 /* expect: VFK108 */
        return -1;
    }
    return 0;
}

int bad_nothing_after_fatal(char **argv)
{
    if (vfork() == 0) {
        execv(argv[0], argv);
        fatal("exec failed");               /* expect: VFK108 */
        return -1;
    }
    return 0;
}

static void fail(const char *what)
{
    usage();                                /* expect: VFK108 */
    fatal(what);
}

int ok_helper_ending_in_a_noreturn_call(char **argv)
{
    if (vfork() == 0) {
        fail("bad usage");
        return -1;
    }
    return 0;
}

/* a macro of the missing header in a declaration (busybox ALIGN1): the parser takes it for a
 * variable being assigned; an all-capitals name nothing declares is not memory */
void ok_unknown_macro_in_a_declaration_of_the_child(char **argv)
{
    if (vfork() == 0) {
        static const char banner[] ALIGN1 = "starting\n";

        write(2, banner, sizeof banner - 1);
        execv(argv[0], argv);
        _exit(127);
    }
}
