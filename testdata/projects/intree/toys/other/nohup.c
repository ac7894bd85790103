#include <lib/lib.h>

/* an angle-bracket include of the project's own header is looked up in the tree too */
void nohup_exec(char *const argv[])
{
	if (!XVFORK()) {
		setenv("NOHUP", "1", 1);                 /* expect: VFK101 VFK104 */
		execv(argv[0], argv);
		_exit(127);
	}
}
