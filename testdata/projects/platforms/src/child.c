#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

void spawn(char **argv)
{
	if (vfork() == 0) {
		/* Linux's signal(), quiet; read as win32's _nt_signal(), a write to that file's table */
		signal(SIGINT, SIG_DFL);
		printf("starting %s\n", argv[0]);       /* expect: VFK101 */
		execv(argv[0], argv);
		exit(127);                              /* expect: VFK102 */
	}
}

/* true with no <stdbool.h> read: C23's keyword, C99's macro; the child never leaves the loop */
void idle(void)
{
	if (vfork() == 0) {
		while (true)
			pause();
	}
}
