/* A NOMMU port: where fork() does not exist, fork means vfork. Every fork() below is a vfork site
 * only in that configuration, and the findings say so: a user can tell a NOMMU-only hazard from
 * an everyday one. Here HAVE_FORK is not defined, so that is the configuration analysed by default. */
#include <stdio.h>
#include <unistd.h>

#if !defined(HAVE_FORK)
# define fork vfork
#endif

void bad_fork_is_vfork_without_have_fork(void)
{
    pid_t pid = fork();

    if (pid == 0) {
        printf("child\n");                  /* expect: VFK101 (when HAVE_FORK is undefined) */
        _exit(1);
    }
}
