/* busybox's libbb.h in miniature: a vfork wrapper, a statement-expression vfork macro, and
 * error helpers that never return because they end in exit() */
#ifndef LIBBB_H
#define LIBBB_H 1

#include <sys/types.h>
#include <unistd.h>

#define NORETURN __attribute__ ((__noreturn__))

/* a function that returns vfork's result: its callers get the child (busybox had this bug) */
pid_t xvfork(void);

/* a macro that cannot return in the child: the site is where it is used */
#define XVFORK() \
({ \
	pid_t bb__xvfork_pid = vfork(); \
	if (bb__xvfork_pid < 0) \
		bb_perror_msg_and_die("vfork"); \
	bb__xvfork_pid; \
})

void bb_perror_msg_and_die(const char *s);
void bb_error_msg(const char *s);
void BB_EXECVP_or_die(char **argv);
extern int logging_enabled;

#endif
