#include <sched.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "spawn_impl.h"

static char stack[16384];

int spawn_with_clone(struct spawn_args *args)
{
	return clone(spawn_child, stack + sizeof stack, SPAWN_FLAGS, args);
}

/* flags in a constant: still a vfork child */
int spawn_with_flags_variable(struct spawn_args *args)
{
	const int flags = CLONE_VM | CLONE_VFORK | SIGCHLD;

	return clone(spawn_child, stack + sizeof stack, flags, args);
}

/* without CLONE_VM the child has its own memory: not a vfork child, nothing to check */
int spawn_copy(struct spawn_args *args)
{
	return clone(spawn_child, stack + sizeof stack, SIGCHLD, args);
}

void spawn_fatal(const char *msg);
void spawn_log(const char *msg);

/* vfork by its system call number; the helpers live in fatal.c */
int spawn_raw(const char *path, char *const argv[])
{
	long pid = syscall(SYS_vfork);

	if (pid == 0) {
		printf("raw child\n");          /* expect: VFK101 */
		spawn_log("exec");
		execv(path, argv);
		spawn_fatal("exec failed");
	}
	return (int) pid;
}

/* clone3 through syscall(), as glibc offers no wrapper: returns 0 in a vfork child when the
 * clone_args flags hold CLONE_VM and CLONE_VFORK */
struct clone_args_compat { unsigned long long flags, pidfd, child_tid, parent_tid, exit_signal; };

int spawn_clone3(const char *path, char *const argv[])
{
	struct clone_args_compat ca = { .flags = CLONE_VM | CLONE_VFORK, .exit_signal = SIGCHLD };
	long pid = syscall(SYS_clone3, &ca, sizeof ca);

	if (pid == 0) {
		puts("clone3 child");           /* expect: VFK101 */
		execv(path, argv);
		_exit(127);
	}
	return (int) pid;
}

/* the same without CLONE_VFORK: an ordinary child with its own memory, nothing to check */
int spawn_clone3_copy(const char *path, char *const argv[])
{
	struct clone_args_compat ca = { .flags = 0, .exit_signal = SIGCHLD };
	long pid = syscall(SYS_clone3, &ca, sizeof ca);

	if (pid == 0) {
		puts("copied child");
		execv(path, argv);
		_exit(127);
	}
	return (int) pid;
}

/* the flags handed to a wrapper of clone() defined in another file (procclone.c) */
int proc_clone(int (*fn)(void *), void *arg, int flags);

static int share_namespaces(void *arg)
{
	struct spawn_args *args = arg;

	printf("joining %s\n", args->path);     /* expect: VFK101 */
	return 0;
}

static int copied_namespaces(void *arg)
{
	struct spawn_args *args = arg;

	printf("copied %s\n", args->path);
	return 0;
}

int spawn_through_a_clone_wrapper(struct spawn_args *args)
{
	if (proc_clone(copied_namespaces, args, SIGCHLD) < 0)
		return -1;
	return proc_clone(share_namespaces, args, CLONE_VFORK | CLONE_VM | CLONE_FILES);
}
