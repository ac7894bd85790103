/* Sites that only some preprocessor configurations compile. Without the build's config.h these
 * macros are undefined, so the default configuration leaves the vfork code out; vforklint analyses
 * each such branch in the nearest configuration that compiles it, and every finding made there
 * says which configuration it holds in. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define USE_VFORK 0
#define HAVE_MMU 1

/* a feature macro the missing config.h would set */
void bad_feature_branch(void)
{
#if ENABLE_FEATURE_SPAWN
    if (vfork() == 0) {
        printf("child\n");                  /* expect: VFK101 (when ENABLE_FEATURE_SPAWN is 1) */
        _exit(1);
    }
#endif
}

/* #ifdef inside an #if the default configuration takes: only the inner macro changes */
void bad_nested_ifdef(void)
{
#if defined(__linux__)
# ifdef HAVE_WORKING_VFORK
    pid_t pid = vfork();

    if (pid == 0)
        exit(1);                            /* expect: VFK102 (when HAVE_WORKING_VFORK is defined) */
# endif
#endif
}

/* an #elif branch: the #if before it stays false */
void bad_elif_branch(const char *path, char *const argv[])
{
#if USE_POSIX_SPAWN
    (void) path;
#elif USE_VFORK_SPAWN
    if (vfork() == 0) {
        puts(path);                         /* expect: VFK101 (when USE_VFORK_SPAWN is 1) */
        execv(path, argv);
        _exit(127);
    }
#else
    (void) argv;
#endif
}

/* #ifndef a macro this file defines: its #define is set aside in that configuration */
void bad_ifndef_branch(void)
{
#ifndef HAVE_MMU
    if (vfork() == 0) {
        puts("no mmu");                     /* expect: VFK101 (when HAVE_MMU is undefined) */
        _exit(1);
    }
#endif
}

/* #if on a macro this file defines to 0 */
void bad_disabled_by_the_file(void)
{
#if USE_VFORK
    if (vfork() == 0) {
        malloc(1);                          /* expect: VFK101 (when USE_VFORK is 1) */
        _exit(1);
    }
#endif
}

/* the #else of a group whose #if holds by default */
void bad_else_branch(void)
{
#if defined(__linux__) && !defined(FORCE_VFORK)
    if (fork() == 0) {
        puts("fork child may do this");
        exit(0);
    }
#else
    if (vfork() == 0) {
        puts("vfork child");                /* expect: VFK101 (when FORCE_VFORK is defined) */
        _exit(0);
    }
#endif
}

/* the same child in the default configuration and in another one is reported once, with no configuration */
void bad_in_every_configuration(void)
{
    pid_t pid;

#if USE_VFORK
    pid = vfork();
#else
    pid = vfork();
#endif
    if (pid == 0) {
        printf("both\n");                   /* expect: VFK101 */
        _exit(1);
    }
}

/* no configuration compiles #if 0: nothing to report, and a diagnostic says why the call is not analysed */
void ok_never_compiled(void)
{
#if 0
    if (vfork() == 0) {
        puts("dead");
        _exit(1);
    }
#endif
}
