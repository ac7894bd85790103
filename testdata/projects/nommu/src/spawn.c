#include <stdio.h>
#include "portable.h"

/* written for fork(): fine there, broken under NOMMU where fork means vfork */
int run_hook(const char *path, char *const argv[])
{
	pid_t pid = fork();

	if (pid == 0) {
		printf("running %s\n", path);   /* expect: VFK101 (when NOMMU is defined) */
		execv(path, argv);
		report("exec failed");
		_exit(127);
	}
	return pid;
}

void report(const char *what)
{
	fputs(what, stderr);                    /* expect: VFK101 (when NOMMU is defined) */
}
