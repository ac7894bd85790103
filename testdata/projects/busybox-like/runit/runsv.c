#include <unistd.h>
#include "libbb.h"

/* the child is what the wrapper returns 0 to; helpers in three other files are followed */
int start_service(char **argv)
{
	pid_t pid = xvfork();

	if (pid == 0) {
		close(0);
#if ENABLE_FEATURE_LOG
		logging_enabled = 2;            /* expect-db: VFK104 */
#endif
		BB_EXECVP_or_die(argv);
	}
	return pid;
}

/* the parent relies on a global the child set in a helper of another file */
int start_logged(char **argv)
{
	pid_t pid = xvfork();

	if (pid == 0) {
		bb_error_msg("child");
		BB_EXECVP_or_die(argv);
	}
	if (logging_enabled)                    /* expect: VFK201 */
		return pid;
	return -1;
}
