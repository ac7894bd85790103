#include <unistd.h>
#include "libbb.h"

#ifndef CROND_SHELL
# define CROND_SHELL "/bin/false"
#endif

/* a site made by a statement-expression macro: reported at its use, naming the macro */
void run_job(const char *cmd)
{
	pid_t pid = XVFORK();

	if (pid == 0) {
		setenv("SHELL", CROND_SHELL, 1);    /* expect: VFK101 VFK104 */
		execl(CROND_SHELL, CROND_SHELL, "-c", cmd, (char *) 0);
		bb_perror_msg_and_die(CROND_SHELL);
	}
}
