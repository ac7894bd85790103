/* The file's configuration has fork(): #define fork vfork is skipped by default. vforklint also
 * analyses the configuration without HAVE_FORK, where every fork() is a vfork site. */
#include <stdio.h>
#include <unistd.h>

#define HAVE_FORK 1

#ifndef HAVE_FORK
# define fork vfork
#endif

void bad_fork_becomes_vfork(void)
{
    pid_t pid = fork();

    if (pid == 0) {
        printf("child\n");                  /* expect: VFK101 (when HAVE_FORK is undefined) */
        _exit(1);
    }
}
