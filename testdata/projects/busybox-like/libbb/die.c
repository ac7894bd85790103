#include <stdio.h>
#include <stdlib.h>
#include "libbb.h"

int logging_enabled;

/* not declared noreturn: vforklint infers it from the body, which always ends in exit() */
void bb_perror_msg_and_die(const char *s)
{
	fprintf(stderr, "%s\n", s);             /* expect: VFK101 */
	exit(1);                                /* expect: VFK102 */
}

void bb_error_msg(const char *s)
{
	logging_enabled = 1;                    /* expect: VFK104 */
	fputs(s, stderr);                       /* expect: VFK101 */
}
