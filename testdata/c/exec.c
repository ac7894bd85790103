/* After a failed exec (VFK105), and the exec family in general. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

/* VFK105: the child returns after a failed exec; no VFK103 on the return */
int bad_exec_then_return(const char *path, char *const argv[])
{
    pid_t pid = vfork();

    if (pid == 0) {
        execv(path, argv);                  /* expect: VFK105 */
        return -1;
    }
    return pid < 0 ? -1 : 0;
}

/* VFK105: after a failed exec the child leaves its if into code the parent runs; nothing
 * after it is reported on that path (s06) */
int bad_exec_into_shared_code(const char *path, char *const argv[])
{
    int status = 0;
    pid_t pid = vfork();

    if (pid == 0) {
        execve(path, argv, environ);        /* expect: VFK105 */
    }
    printf("started %d\n", (int)pid);
    waitpid(pid, &status, 0);
    return status;
}

/* VFK105: the same in a void function that just ends (s06b) */
void bad_exec_falls_off_void(const char *path, char *const argv[])
{
    if (vfork() == 0)
        execv(path, argv);                  /* expect: VFK105 */
}

/* VFK105 and VFK101: perror after the exec, then return; no VFK103 */
int bad_exec_perror_return(const char *path, char *const argv[])
{
    pid_t pid = vfork();

    if (pid == 0) {
        execv(path, argv);                  /* expect: VFK105 */
        perror("execv");                    /* expect: VFK101 */
        return -1;
    }
    return pid < 0 ? -1 : 0;
}

/* only VFK101: perror after the exec, but the child then leaves with _exit */
void bad_exec_perror_exit(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        execve(path, argv, environ);
        perror(path);                       /* expect: VFK101 */
        _exit(127);
    }
}

/* VFK105: break out of case 0 after the exec, into the code after the switch */
int bad_exec_break_out_of_switch(const char *path, char *const argv[])
{
    pid_t pid;

    switch (pid = vfork()) {
    case 0:
        execv(path, argv);                  /* expect: VFK105 */
        break;
    case -1:
        return -1;
    default:
        break;
    }
    puts("parent continues");
    waitpid(pid, NULL, 0);
    return 0;
}

/* only VFK107: execvp searches PATH, the child then leaves with _exit */
void bad_execvp_then_exit(const char *prog, char *const argv[])
{
    if (vfork() == 0) {
        execvp(prog, argv);                 /* expect: VFK107 */
        _exit(127);
    }
}

/* VFK107 and VFK105 on one exec: PATH search, then a return */
int bad_execvp_then_return(const char *prog, char *const argv[])
{
    if (vfork() == 0) {
        execvp(prog, argv);                 /* expect: VFK107 VFK105 */
        return 127;
    }
    return 0;
}

/* VFK107 and VFK102: execlp then exit (s15) */
void bad_execlp_then_exit(const char *prog)
{
    if (vfork() == 0) {
        execlp(prog, prog, "--version", (char *)NULL); /* expect: VFK107 */
        exit(127);                          /* expect: VFK102 */
    }
}

/* s06 as written in the survey: main, no _exit after the exec */
int main(int argc, char **argv)
{
    pid_t pid;

    if (argc < 2)
        return 2;
    pid = vfork();
    if (pid == 0) {
        execv(argv[1], argv + 1);           /* expect: VFK105 */
    }
    waitpid(pid, NULL, 0);
    return 0;
}

/* ---------------------------------------------------------------------------------------- */

/* execve then _exit: the correct shape (s09) */
void ok_execve_exit(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        execve(path, argv, environ);
        _exit(127);
    }
}

/* execv then _exit */
void ok_execv_exit(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        execv(path, argv);
        _exit(127);
    }
}

/* execl then _exit */
void ok_execl_exit(const char *cmd)
{
    if (vfork() == 0) {
        execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
        _exit(127);
    }
}

/* execle then _exit */
void ok_execle_exit(const char *cmd, char *const envp[])
{
    if (vfork() == 0) {
        execle("/bin/sh", "sh", "-c", cmd, (char *)NULL, envp);
        _exit(127);
    }
}

/* fexecve then _exit */
void ok_fexecve_exit(int fd, char *const argv[])
{
    if (vfork() == 0) {
        fexecve(fd, argv, environ);
        _exit(127);
    }
}

/* the exec result kept in a new local declared in the child (s22) */
void ok_exec_result_in_child_local(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        int rc = execv(path, argv);
        _exit(rc == -1 ? 127 : 126);
    }
}

/* the child reports the failure through a pipe with write, then _exit (s23) */
int ok_exec_report_through_pipe(int errfd, const char *path, char *const argv[])
{
    pid_t pid = vfork();

    if (pid == 0) {
        int code = 127;
        execv(path, argv);
        write(errfd, &code, sizeof code);
        _exit(code);
    }
    return pid < 0 ? -1 : 0;
}

/* dup2 and close before the exec, _exit after it (s08) */
void ok_dup2_close_exec(int in, int out, const char *path, char *const argv[])
{
    if (vfork() == 0) {
        if (dup2(in, 0) < 0 || dup2(out, 1) < 0)
            _exit(126);
        close(in);
        close(out);
        execve(path, argv, environ);
        _exit(127);
    }
}

/* try two execs in turn, then _exit */
void ok_two_execs_then_exit(const char *first, const char *second, char *const argv[])
{
    if (vfork() == 0) {
        execv(first, argv);
        execv(second, argv);
        _exit(127);
    }
}

/* the failed exec ends in _Exit */
void ok_exec_then_Exit(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        execve(path, argv, environ);
        _Exit(127);
    }
}
