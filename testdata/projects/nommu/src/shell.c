#include <stdlib.h>
#include "portable.h"

/* careful code: correct under fork and under vfork */
int run_careful(const char *path, char *const argv[], int fd)
{
	pid_t pid = fork();

	if (pid == 0) {
		dup2(fd, 1);
		execv(path, argv);
		_exit(127);
	}
	return pid;
}

/* returns from the child: harmless with fork, fatal with vfork */
int run_and_return(const char *path, char *const argv[])
{
	pid_t pid = fork();

	if (pid == 0) {
		if (execv(path, argv) < 0)      /* expect: VFK105 (when NOMMU is defined) */
			return -1;
	}
	return pid;
}
