#include <stdio.h>
#include <stdlib.h>

/* definitions the tree's text index must find despite what precedes the name (review #6) */
__attribute__((noreturn)) void spawn_fatal(const char *msg)
{
	fputs(msg, stderr);                     /* expect: VFK101 */
	exit(127);                              /* expect: VFK102 */
}

void /* logs from the child */ spawn_log(const char *msg)
{
	fputs(msg, stderr);                     /* expect: VFK101 */
}
