/* Macros from a header that is not there (a build would generate it): vforklint reads the
 * functions as a human reader would, so their children are still analysed. */
#include <stdio.h>
#include <unistd.h>
#include "generated_platform.h"                 /* not found: FAST_FUNC & co. are unknown */

void FAST_FUNC bad_attribute_before_the_name(void)
{
    if (vfork() == 0) {
        printf("child\n");                      /* expect: VFK101 */
        _exit(1);
    }
}

static NOINLINE int bad_attribute_among_specifiers(void)
{
    if (vfork() == 0) {
        puts("child");                          /* expect: VFK101 */
        _exit(1);
    }
    return 0;
}

int bad_attribute_after_a_parameter(int argc UNUSED_PARAM, char **argv)
{
    if (vfork() == 0) {
        puts(argv[0]);                          /* expect: VFK101 */
        _exit(1);
    }
    return 0;
}

static int bad_feature_macro_in_the_parameters(IF_FEATURE_LOG(int log_fd,) IF_NOT_FEATURE_LOG(int unused,) const char *msg)
{
    if (vfork() == 0) {
        puts(msg);                              /* expect: VFK101 */
        _exit(1);
    }
    return 0;
}

int bad_knr_prototype_macro __P((const char *path));

int bad_knr_prototype_macro(const char *path)
{
    if (vfork() == 0) {
        fputs(path, stderr);                    /* expect: VFK101 */
        _exit(1);
    }
    return 0;
}

int main(int argc, char **argv) MAIN_EXTERNALLY_VISIBLE;

/* Emacs' DEFUN: a macro in place of the whole function head */
DEFUN ("spawn-child", Fspawn_child, Sspawn_child, 1, 1, 0,
       doc: /* Start a child. */)
  (Lisp_Object program)
{
    if (vfork() == 0) {
        printf("child\n");                      /* expect: VFK101 */
        _exit(1);
    }
    return program;
}

/* busybox nc: const only where the feature is off (IF_NOT_NC_SERVER(const)); the counter is
 * not a constant 0 in the build that counts, so the vfork behind the test is a site */
void bad_qualifier_in_a_feature_macro(char **argv)
{
    IF_NOT_NC_SERVER(const) unsigned listeners = 0;
    while (*++argv)
        IF_NC_SERVER(listeners++);
    if (listeners > 1 && vfork() == 0) {
        puts(argv[0]);                          /* expect: VFK101 */
        _exit(1);
    }
}

/* Emacs' callproc.c: a known macro hides an unknown one (AVOID is _Noreturn ATTRIBUTE_COLD void,
 * and ATTRIBUTE_COLD is _GL_ATTRIBUTE_COLD from a config.h that is not there) */
#define ATTRIBUTE_COLD _GL_ATTRIBUTE_COLD
#define AVOID _Noreturn ATTRIBUTE_COLD void

static AVOID
exec_failed (char const *name)
{
    fputs(name, stderr);                        /* expect: VFK101 */
    _exit(127);
}

void spawn_with_a_helper_declared_through_nested_macros(char **argv)
{
    if (vfork() == 0) {
        execv(argv[0], argv);
        exec_failed(argv[0]);
    }
}
