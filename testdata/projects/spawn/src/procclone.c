/* A project's wrapper of clone(), as LXC's lxc_clone(): its callers choose the flags, so this
 * file names none of them, and no analysis of its own finds it a wrapper. */
#include <sched.h>
#include <signal.h>
#include <stdlib.h>

#define PROC_STACK_SIZE (64 * 1024)

int proc_clone(int (*fn)(void *), void *arg, int flags)
{
	char *stack = malloc(PROC_STACK_SIZE);

	if (!stack)
		return -1;
	return clone(fn, stack + PROC_STACK_SIZE, flags | SIGCHLD, arg);
}
