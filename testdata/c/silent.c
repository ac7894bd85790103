/* Code that must stay silent in the default profile: the parent's side, the vfork failure
 * branch, careful children, posix_spawn, and vfork reached in ways vforklint does not model
 * where the child is careful anyway. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

void frobnicate(void);

int g_running;

/* the parent's branch may do anything */
int ok_parent_does_anything(const char *path, char *const argv[])
{
    int status;
    char *copy;
    pid_t pid = vfork();

    if (pid == 0) {
        execve(path, argv, environ);
        _exit(127);
    }
    if (pid > 0) {
        printf("started %d\n", (int)pid);
        copy = strdup(path);
        free(copy);
        frobnicate();
        g_running = 1;
        waitpid(pid, &status, 0);
        g_running = 0;
        if (status != 0)
            exit(1);
        return status;
    }
    return -1;
}

/* the failure branch (pid < 0) may print and exit */
void ok_failure_lt0_prints_and_exits(const char *path, char *const argv[])
{
    pid_t pid = vfork();

    if (pid < 0) {
        perror("vfork");
        fprintf(stderr, "cannot run %s\n", path);
        exit(1);
    }
    if (pid == 0) {
        execv(path, argv);
        _exit(127);
    }
}

/* the failure branch (pid == -1) may return and write globals */
int ok_failure_eq_minus1_returns(const char *path, char *const argv[])
{
    pid_t pid = vfork();

    if (pid == -1) {
        g_running = 0;
        puts("vfork failed");
        return -1;
    }
    if (pid == 0) {
        execv(path, argv);
        _exit(127);
    }
    return 0;
}

/* a careful child: only async-signal-safe calls, then exec and _exit */
void ok_careful_child(const char *in, const char *out, const sigset_t *mask,
                      const char *path, char *const argv[])
{
    pid_t pid = vfork();

    if (pid == 0) {
        int fd;

        sigprocmask(SIG_SETMASK, mask, NULL);
        fd = open(in, O_RDONLY);
        if (fd < 0)
            _exit(126);
        dup2(fd, 0);
        close(fd);
        fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd < 0)
            _exit(126);
        dup2(fd, 1);
        close(fd);
        execve(path, argv, environ);
        _exit(127);
    }
}

/* a job-control child: process group, terminal, signals, then exec */
void ok_job_control_child(int tty, const char *path, char *const argv[])
{
    pid_t pid = vfork();

    if (pid == 0) {
        setpgid(0, 0);
        tcsetpgrp(tty, getpid());
        signal(SIGINT, SIG_DFL);
        signal(SIGTSTP, SIG_DFL);
        execve(path, argv, environ);
        _exit(127);
    }
    if (pid > 0)
        setpgid(pid, pid);
}

/* a pipe made by the parent, wired up by the child */
int ok_pipe_to_child(const char *path, char *const argv[])
{
    int fds[2];
    pid_t pid;

    if (pipe(fds) < 0)
        return -1;
    pid = vfork();
    if (pid == 0) {
        close(fds[1]);
        if (fds[0] != 0) {
            dup2(fds[0], 0);
            close(fds[0]);
        }
        execv(path, argv);
        _exit(127);
    }
    close(fds[0]);
    if (pid < 0) {
        close(fds[1]);
        return -1;
    }
    return fds[1];
}

/* posix_spawn instead of vfork (s16) */
int ok_posix_spawn(const char *path, char *const argv[])
{
    pid_t pid;
    posix_spawn_file_actions_t actions;
    int rc;

    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addclose(&actions, 3);
    rc = posix_spawn(&pid, path, &actions, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
        fprintf(stderr, "posix_spawn: %d\n", rc);
        return -1;
    }
    printf("started %d\n", (int)pid);
    return 0;
}

/* posix_spawnp searches PATH, but it is not an exec in a vfork child */
int ok_posix_spawnp(const char *prog, char *const argv[])
{
    pid_t pid;

    return posix_spawnp(&pid, prog, NULL, NULL, argv, environ);
}

/* vfork called through a function pointer (s19); the child is careful either way */
int ok_vfork_through_pointer(const char *path, char *const argv[])
{
    pid_t (*spawner)(void) = vfork;
    pid_t pid = spawner();

    if (pid == 0) {
        execv(path, argv);
        _exit(127);
    }
    return pid < 0 ? -1 : 0;
}

struct clone_args_ {
    const char *path;
    char *const *argv;
};

static int clone_child(void *arg)
{
    const struct clone_args_ *a = arg;

    execv(a->path, a->argv);
    _exit(127);
}

/* clone(CLONE_VM | CLONE_VFORK) (s11); the child function is careful either way */
int ok_clone_vfork(const char *path, char *const argv[], char *stack_top)
{
    struct clone_args_ a;

    a.path = path;
    a.argv = argv;
    return clone(clone_child, stack_top, CLONE_VM | CLONE_VFORK | SIGCHLD, &a);
}

/* syscall(SYS_vfork) (s13); the child is careful either way */
long ok_syscall_vfork(const char *path, char *const argv[])
{
    long pid = syscall(SYS_vfork);

    if (pid == 0) {
        execv(path, argv);
        _exit(127);
    }
    return pid;
}

/* no vfork at all: nothing to report */
int ok_no_vfork(const char *msg)
{
    printf("%s\n", msg);
    g_running++;
    return 0;
}
