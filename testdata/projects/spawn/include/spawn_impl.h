#ifndef SPAWN_IMPL_H
#define SPAWN_IMPL_H
#include <sched.h>
#include <signal.h>
#include <sys/types.h>

struct spawn_args {
	const char *path;
	char *const *argv;
	char *const *envp;
	int err;
	int fds[2];
};

#define SPAWN_FLAGS (CLONE_VM | CLONE_VFORK | SIGCHLD)

int spawn_child(void *arg);
int close_tree(int depth);
int close_leaf(int depth);
#endif
