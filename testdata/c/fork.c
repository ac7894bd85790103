/* fork() is not vfork(): the child has its own copy of memory, so nothing it does is reported. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

int g_fork_children;

/* a fork child may use stdio */
void ok_fork_child_printf(const char *path, char *const argv[])
{
    if (fork() == 0) {
        printf("child %s\n", path);
        execv(path, argv);
        perror("execv");
        _exit(127);
    }
}

/* a fork child may call exit */
void ok_fork_child_exit(const char *path, char *const argv[])
{
    pid_t pid = fork();

    if (pid == 0) {
        execv(path, argv);
        exit(127);
    }
}

/* a fork child may return */
int ok_fork_child_return(const char *path, char *const argv[])
{
    pid_t pid = fork();

    if (pid == 0) {
        execv(path, argv);
        return -1;
    }
    return pid < 0 ? -1 : 0;
}

/* a fork child may fall off the end of the function */
void ok_fork_child_falls_off_end(int fd)
{
    if (fork() == 0) {
        dup2(fd, 1);
    }
}

/* a fork child may write globals and locals, and the parent may read them */
int ok_fork_child_writes(int *out, const char *path, char *const argv[])
{
    int failed = 0;
    pid_t pid = fork();

    if (pid == 0) {
        g_fork_children++;
        *out = 1;
        execv(path, argv);
        failed = 1;
        _exit(127);
    }
    waitpid(pid, NULL, 0);
    return failed;
}

/* a fork child may call unknown functions, malloc and execvp */
void ok_fork_child_anything(void (*setup)(void), const char *prog, char *const argv[])
{
    switch (fork()) {
    case 0:
        setup();
        free(malloc(16));
        setenv("LC_ALL", "C", 1);
        execvp(prog, argv);
        exit(127);
    default:
        break;
    }
}
