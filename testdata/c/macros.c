/* Macros from a project header (found with -I testdata/c/include): vfork aliases, the child
 * test, and unsafe code hidden in a macro. A finding made by a macro is reported on the line
 * where the macro is used. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "spawn_macros.h"

int g_marked;

/* #define SPAWN vfork: the alias is a vfork site (s10) */
int bad_spawn_alias(const char *path, char *const argv[])
{
    pid_t pid = SPAWN();

    if (pid == 0) {
        printf("child\n");                  /* expect: VFK101 */
        execv(path, argv);
        _exit(127);
    }
    return pid < 0 ? -1 : 0;
}

/* #define DO_VFORK() vfork(): the function-like alias is a vfork site */
int bad_do_vfork_macro(const char *path, char *const argv[])
{
    pid_t pid;

    if ((pid = DO_VFORK()) == 0) {
        puts("child");                      /* expect: VFK101 */
        execv(path, argv);
        _exit(127);
    }
    return pid < 0 ? -1 : 0;
}

/* the child test written as a macro: IS_CHILD(pid) is pid == 0 */
int bad_is_child_macro(const char *path, char *const argv[])
{
    pid_t pid = vfork();

    if (IS_CHILD(pid)) {
        fprintf(stderr, "child\n");         /* expect: VFK101 */
        execv(path, argv);
        _exit(127);
    }
    return pid < 0 ? -1 : 0;
}

/* a macro wrapping printf: the finding is on the line of the macro use */
void bad_log_macro(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        CHILD_LOG(path);                    /* expect: VFK101 */
        execv(path, argv);
        _exit(127);
    }
}

/* a do/while macro with perror and _exit: VFK101 at the use, and the child ends there */
void bad_die_macro(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        execv(path, argv);
        CHILD_DIE("execv");                 /* expect: VFK101 */
    }
}

/* a store hidden in a macro: VFK104 at the macro use */
void bad_store_macro(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        MARK(g_marked);                     /* expect: VFK104 */
        execv(path, argv);
        _exit(127);
    }
}

/* all macros together: alias, child test, logging */
int bad_all_macros(const char *path, char *const argv[])
{
    pid_t pid = DO_VFORK();

    if (IS_CHILD(pid)) {
        execv(path, argv);
        CHILD_LOG("exec failed");           /* expect: VFK101 */
        CHILD_FAIL();
    }
    return pid < 0 ? -1 : 0;
}

/* ---------------------------------------------------------------------------------------- */

/* the alias with a careful child */
int ok_spawn_alias(const char *path, char *const argv[])
{
    pid_t pid = SPAWN();

    if (pid == 0) {
        execv(path, argv);
        _exit(127);
    }
    return pid < 0 ? -1 : 0;
}

/* CHILD_FAIL() expands to _exit: the child ends at the macro */
void ok_fail_macro(const char *path, char *const argv[])
{
    if (DO_VFORK() == 0) {
        execv(path, argv);
        CHILD_FAIL();
    }
}

/* the unsafe macros in the parent are fine */
int ok_macros_in_parent(const char *path, char *const argv[])
{
    pid_t pid = SPAWN();

    if (IS_CHILD(pid)) {
        execv(path, argv);
        CHILD_FAIL();
    }
    if (pid < 0)
        CHILD_DIE("vfork");
    CHILD_LOG("parent");
    MARK(g_marked);
    return 0;
}

/* noreturn through a compatibility header that erases __attribute__ unless __GNUC__ is
 * defined: vforklint parses as GCC does, so die_with_message() ends the child */
#include "platform_compat.h"

void bad_noreturn_through_compat_header(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        execv(path, argv);
        die_with_message("exec failed");    /* expect: VFK108 */
        puts("not reached");
    }
}
