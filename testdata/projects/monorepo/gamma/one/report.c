#include <stdio.h>

void report(void)
{
	puts("starting");
}
