/* Leaving the vfork child: exit/quick_exit (VFK102), return and falling off the end (VFK103),
 * and the ways that are fine: _exit, _Exit, abort, return inside a helper. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

/* VFK102: exit() after a failed exec runs the parent's atexit handlers (s02) */
void bad_exit_after_exec(const char *path, char *const argv[])
{
    pid_t pid = vfork();

    if (pid == 0) {
        execv(path, argv);
        exit(127);                          /* expect: VFK102 */
    }
}

/* VFK102: exit() without any exec */
int bad_exit_only(int fd)
{
    pid_t pid = vfork();

    if (pid == 0) {
        dup2(fd, 1);
        exit(0);                            /* expect: VFK102 */
    }
    return pid < 0 ? -1 : 0;
}

/* VFK102: quick_exit() */
void bad_quick_exit(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        execv(path, argv);
        quick_exit(127);                    /* expect: VFK102 */
    }
}

/* exit() ends the path: the printf after it is not reported */
void bad_exit_ends_path(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        execv(path, argv);
        exit(1);                            /* expect: VFK102 */
        printf("not reached\n");
    }
}

/* VFK103: explicit return in the child (s03) */
int bad_return_in_child(int fd, const char *path, char *const argv[])
{
    pid_t pid = vfork();

    if (pid == 0) {
        if (dup2(fd, 0) < 0)
            return -1;                      /* expect: VFK103 */
        execv(path, argv);
        _exit(127);
    }
    return pid < 0 ? -1 : 0;
}

/* VFK103: bare return in a void function */
void bad_return_void(int fd)
{
    if (vfork() == 0) {
        close(fd);
        return;                             /* expect: VFK103 */
    }
}

/* VFK103: return inside case 0 */
int bad_return_in_case(int fd)
{
    switch (vfork()) {
    case -1:
        return -1;
    case 0:
        close(fd);
        return 1;                           /* expect: VFK103 */
    default:
        return 0;
    }
}

/* VFK103 on the closing brace: the child falls off the end of a void function (s14) */
void bad_falls_off_end(int fd)
{
    pid_t pid = vfork();

    if (pid == 0) {
        dup2(fd, 1);
    }
}                                           /* expect: VFK103 */

/* VFK103 on the closing brace: the child is what remains after the parent returned (s14b) */
void bad_falls_off_end_after_guard(int fd)
{
    if (vfork() != 0)
        return;
    dup2(fd, 0);
    close(fd);
}                                           /* expect: VFK103 */

/* VFK103: a wrapper returning vfork's result returns in the child too (s29) */
pid_t bad_vfork_wrapper(void)
{
    return vfork();                         /* expect: VFK103 */
}

/* ---------------------------------------------------------------------------------------- */

static int redirect_stdin(int fd)
{
    if (fd < 0)
        return -1;
    if (dup2(fd, 0) < 0)
        return -1;
    close(fd);
    return 0;
}

/* a return inside a helper the child calls is fine */
void ok_return_in_helper(int fd, const char *path, char *const argv[])
{
    if (vfork() == 0) {
        if (redirect_stdin(fd) < 0)
            _exit(126);
        execv(path, argv);
        _exit(127);
    }
}

/* _Exit ends the child like _exit */
void ok_underscore_Exit(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        execv(path, argv);
        _Exit(127);
    }
}

/* abort() ends the child: the printf after it is not reached */
void ok_abort_ends_child(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        execv(path, argv);
        abort();
        printf("not reached\n");
    }
}

/* exit and return in the parent's branch are fine */
int ok_exit_and_return_in_parent(const char *path, char *const argv[])
{
    int status;
    pid_t pid = vfork();

    if (pid == 0) {
        execv(path, argv);
        _exit(127);
    }
    if (pid > 0) {
        waitpid(pid, &status, 0);
        if (status != 0)
            exit(1);
        return 0;
    }
    return -1;
}

/* exit and return on the vfork failure branch are fine */
int ok_exit_on_failure(const char *path, char *const argv[], int fatal)
{
    pid_t pid = vfork();

    if (pid < 0) {
        if (fatal)
            exit(1);
        return -1;
    }
    if (pid == 0) {
        execv(path, argv);
        _exit(127);
    }
    return 0;
}

/* the child's only way out is _exit, on every path */
void ok_exit_on_every_path(int fd, const char *path, char *const argv[])
{
    if (vfork() == 0) {
        if (fd < 0)
            _exit(125);
        if (dup2(fd, 0) < 0)
            _exit(126);
        execve(path, argv, environ);
        _exit(127);
    }
}

/* pthread_exit never returns (rules/functions/noreturn.yml): the child's path ends there, so
 * the puts after it is unreachable; the call itself still touches the parent's thread state */
void bad_pthread_exit_ends_path(void)
{
    if (vfork() == 0) {
        pthread_exit(NULL);                 /* expect: VFK101 */
        puts("not reached");
    }
}
