#include <stdio.h>
#include "lib/lib.h"

void netcat_exec(char *const argv[])
{
	pid_t pid = XVFORK();

	if (pid == 0) {
		printf("exec %s\n", argv[0]);           /* expect: VFK101 */
		execv(argv[0], argv);
		_exit(127);
	}
}
