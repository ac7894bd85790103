#include <stdio.h>

/* alpha's logger prints; beta never links it */
void log_line(const char *s)
{
	printf("%s\n", s);
}
