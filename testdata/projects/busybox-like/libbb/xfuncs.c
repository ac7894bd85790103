#include "libbb.h"

pid_t xvfork(void)
{
	pid_t pid = vfork();

	if (pid < 0)
		bb_perror_msg_and_die("vfork");
	return pid;                             /* expect: VFK103 */
}
