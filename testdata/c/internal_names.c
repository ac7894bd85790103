/* A C library's own sources call its functions by internal names (glibc's posix_spawn child:
 * __close_nocancel, __dup2, __libc_sigaction): they are judged as the functions they name. */
#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <unistd.h>

struct spawn_args {
    char *const *argv;
    int in_fd;
    int err;
};

static int ok_child_calling_internal_names(void *arguments)
{
    struct spawn_args *args = arguments;
    struct sigaction sa;

    __libc_sigaction(SIGINT, &sa, 0);
    __close_nocancel(3);
    __dup2(args->in_fd, 0);
    __builtin_memset(&sa, 0, sizeof sa);
    execv(args->argv[0], args->argv);
    _exit(127);
}

/* FreeBSD's libc (its namespace.h) */
static int ok_child_calling_namespace_names(void *arguments)
{
    struct spawn_args *args = arguments;

    _close(3);
    __sys_sigprocmask(SIG_SETMASK, 0, 0);
    _dup2(args->in_fd, 0);
    _execve(args->argv[0], args->argv, 0);
    _exit(127);
}

/* older glibc and uClibc-ng: not-cancel.h's macros, spelled without a prefix */
static int ok_child_calling_not_cancel_names(void *arguments)
{
    struct spawn_args *args = arguments;
    int fd = open_not_cancel_2("/dev/null", 0);

    close_not_cancel_no_status(args->in_fd);
    if (close_not_cancel(fd) != 0)
        _exit(126);
    execv(args->argv[0], args->argv);
    _exit(127);
}

static int bad_child_allocating_by_an_internal_name(void *arguments)
{
    struct spawn_args *args = arguments;
    char *copy = __libc_malloc(16);             /* expect: VFK101 */

    execv(args->argv[0], args->argv);
    _exit(copy == 0 ? 126 : 127);
}

int spawn_both(char **argv, char *stack)
{
    struct spawn_args args = { argv, 0, 0 };
    int a = clone(ok_child_calling_internal_names, stack, CLONE_VM | CLONE_VFORK, &args);
    int b = clone(bad_child_allocating_by_an_internal_name, stack, CLONE_VM | CLONE_VFORK, &args);
    int c = clone(ok_child_calling_not_cancel_names, stack, CLONE_VM | CLONE_VFORK, &args);
    int d = clone(ok_child_calling_namespace_names, stack, CLONE_VM | CLONE_VFORK, &args);
    return a + b + c + d;
}
