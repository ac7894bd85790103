#include <unistd.h>
#include "libbb.h"

void BB_EXECVP_or_die(char **argv)
{
	execvp(argv[0], argv);                  /* expect: VFK107 */
	bb_perror_msg_and_die("can't execute");
}
