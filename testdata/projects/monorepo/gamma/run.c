#include <unistd.h>

void report(void);

int start(char *const argv[])
{
	if (vfork() == 0) {
		report();                       /* expect: VFK108 */
		execv(argv[0], argv);
		_exit(127);
	}
	return 0;
}
