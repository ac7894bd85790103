#include <sys/types.h>
#include <unistd.h>
#include "portability.h"

void perror_exit(const char *msg) NORETURN;

/* vfork that dies on failure: the site is where the macro is used */
#define XVFORK() ({ \
	pid_t xvfork_pid = vfork(); \
	if (xvfork_pid < 0) \
		perror_exit("vfork"); \
	xvfork_pid; \
})
