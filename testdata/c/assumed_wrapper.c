/* A wrapper whose definition is in no scanned file (a file copied alone, its header missing):
 * a call of a function named like a vfork wrapper, whose result is used, is taken for vfork in a
 * configuration of its own, and the findings say it was a guess. */
#include <stdio.h>
#include <unistd.h>
#include "missing_lib.h"

void bad_child_of_a_guessed_wrapper(const char *path, char *const argv[])
{
    pid_t pid = xvfork();

    if (pid == 0) {
        printf("child\n");                  /* expect: VFK101 (when xvfork is vfork, guessed from its name: no scanned file defines it) */
        execv(path, argv);
        _exit(127);
    }
}

/* its result is not used: not a vfork */
void ok_statement_call(void)
{
    xvfork_parent_waits_and_exits();
    puts("parent");
}
