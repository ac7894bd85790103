/* Portable code chooses how to keep a descriptor from the exec'd program by what <fcntl.h>
 * defines (tcsh's tc.os.h, GNU make's job.h). Read without system headers, the branch analysed
 * is Linux's, where F_SETFD is defined, not the empty one for systems that have nothing. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#ifdef F_SETFD
# ifndef FD_CLOEXEC
#  define FD_CLOEXEC 1
# endif
# define close_on_exec(fd, v) fcntl((fd), F_SETFD, ((v) ? FD_CLOEXEC : 0))
#else
# define close_on_exec(fd, v)   /* nothing */
#endif

int shout;

void bad_close_on_exec_in_the_child(char **argv)
{
    if (vfork() == 0) {
        (void) close_on_exec(shout = dup(1), 1);    /* expect: VFK104 */
        execv(argv[0], argv);
        _exit(127);
    }
}
