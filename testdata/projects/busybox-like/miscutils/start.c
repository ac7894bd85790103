#include <stdio.h>

/* A static function that shares the wrapper's name: calls to it are not vfork sites, and
 * nothing here may be reported (review #1). */
static int xvfork(void)
{
	return puts("starting");
}

int main(void)
{
	int rc = xvfork();

	printf("rc=%d\n", rc);
	return 0;
}
