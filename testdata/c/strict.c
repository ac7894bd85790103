/* fixture: --profile strict */
/* The strict profile: every async-signal-safe or pure call in the vfork child is VFK106, and so
 * is every call to a helper with a body (whose contents are reported as usual). Exec and _exit
 * are not reported; the other rules are unchanged. */
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

void frobnicate(void);

/* VFK106: dup2 in the child */
void bad_strict_dup2(int fd, const char *path, char *const argv[])
{
    if (vfork() == 0) {
        dup2(fd, 0);                        /* expect: VFK106 */
        execve(path, argv, environ);
        _exit(127);
    }
}

/* VFK106: close in the child */
void bad_strict_close(int fd, const char *path, char *const argv[])
{
    if (vfork() == 0) {
        close(fd);                          /* expect: VFK106 */
        execve(path, argv, environ);
        _exit(127);
    }
}

/* VFK106 twice on one line: write and strlen */
void bad_strict_write_strlen(int errfd, const char *path, char *const argv[])
{
    if (vfork() == 0) {
        execve(path, argv, environ);
        write(errfd, path, strlen(path));   /* expect: VFK106 VFK106 */
        _exit(127);
    }
}

/* a helper with no calls in it */
static int pick_fd(int fd)
{
    return fd < 0 ? 0 : fd;
}

/* VFK106 at the call of a helper with a body */
void bad_strict_helper_call(int fd, const char *path, char *const argv[])
{
    if (vfork() == 0) {
        int target = pick_fd(fd);           /* expect: VFK106 */
        if (target != 0)
            _exit(126);
        execve(path, argv, environ);
        _exit(127);
    }
}

/* a helper whose contents are reported as usual in the strict profile */
void bad_strict_helper_body(int fd)
{
    close(fd);                              /* expect: VFK106 */
}

/* VFK106 at the call, and VFK106 inside the helper (above) */
void bad_strict_helper_with_call(int fd, const char *path, char *const argv[])
{
    if (vfork() == 0) {
        bad_strict_helper_body(fd);         /* expect: VFK106 */
        execve(path, argv, environ);
        _exit(127);
    }
}

/* a helper that ends in _exit on every path */
static void child_die(int code)
{
    _exit(code);
}

/* VFK106 at the call of a noreturn helper; the _exit inside it is not reported */
void bad_strict_noreturn_helper(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        execve(path, argv, environ);
        child_die(127);                     /* expect: VFK106 */
    }
}

/* VFK108 stays VFK108 in the strict profile */
void bad_strict_unknown(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        frobnicate();                       /* expect: VFK108 */
        execve(path, argv, environ);
        _exit(127);
    }
}

/* VFK101 stays VFK101 in the strict profile */
void bad_strict_printf(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        execve(path, argv, environ);
        perror("execve");                   /* expect: VFK101 */
        _exit(127);
    }
}

/* execvp is VFK107 only, not VFK106 */
void bad_strict_execvp(const char *prog, char *const argv[])
{
    if (vfork() == 0) {
        execvp(prog, argv);                 /* expect: VFK107 */
        _exit(127);
    }
}

/* ---------------------------------------------------------------------------------------- */

/* only execve and _exit: nothing in the strict profile either */
void ok_strict_execve_exit(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        execve(path, argv, environ);
        _exit(127);
    }
}

/* execv, execl and _Exit are not reported either */
void ok_strict_exec_family(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        execv(path, argv);
        execl(path, path, (char *)NULL);
        _Exit(127);
    }
}

/* the parent and the failure branch are not subject to the strict profile */
int ok_strict_parent_calls(int fd, const char *path, char *const argv[])
{
    int status;
    pid_t pid = vfork();

    if (pid < 0) {
        write(2, "vfork\n", 6);
        close(fd);
        return -1;
    }
    if (pid == 0) {
        execve(path, argv, environ);
        _exit(127);
    }
    close(fd);
    waitpid(pid, &status, 0);
    return status + pick_fd(fd) + (int)strlen(path);
}

/* fork children are not subject to the strict profile */
void ok_strict_fork_child(int fd)
{
    if (fork() == 0) {
        dup2(fd, 0);
        close(fd);
        child_die(pick_fd(fd));
    }
}

/* VFK104 as a note: a local of the vfork caller that the parent never reads again. Harmless
 * where vfork shares memory, but POSIX lets the child change nothing but the pid variable. */
int bad_strict_unobservable_local_write(int fd, const char *path, char *const argv[])
{
    int tries = 3;
    pid_t pid = vfork();

    if (pid == 0) {
        tries = 0;                          /* expect: VFK104 */
        execve(path, argv, environ);
        _exit(127);
    }
    return pid;
}
