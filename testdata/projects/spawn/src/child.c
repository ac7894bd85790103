#include <errno.h>
#include <stdlib.h>
#include <unistd.h>
#include "spawn_impl.h"

/* a helper of the clone child writing through clone's argument: shared by design too (review #14) */
static void record_stage(struct spawn_args *args, int stage)
{
	args->fds[1] = stage;                   /* expect: VFK201 */
}

/* runs as the clone child: clone's argument is shared on purpose, everything else is not */
int spawn_child(void *arg)
{
	struct spawn_args *args = arg;
	char *copy;

	close(args->fds[0]);
	record_stage(args, 1);
	copy = malloc(16);                      /* expect: VFK101 */
	(void) copy;
	close_tree(3);
	execve(args->path, args->argv, args->envp);
	args->err = errno;                      /* expect: VFK201 */
	_exit(127);
}
