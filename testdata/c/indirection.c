/* vfork sites hidden behind indirection (issue 8): clone through glibc's CLONE(...) macro and
 * through __clone_internal with the flags in a struct clone_args, syscall(SYS_clone, ...) with
 * the vfork flags, a project wrapper that passes the flags through to clone, and vfork called
 * through a function pointer that holds it. No system header is needed: the flags are
 * recognised by name. */
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

struct clone_args { unsigned long long flags; unsigned long long exit_signal; };
int __clone(int (*fn)(void *), void *stack, int flags, void *arg, ...);
int __clone_internal(struct clone_args *cl_args, int (*fn)(void *), void *arg);

/* glibc posix/spawni.c (2.26 to 2.33) */
#define CLONE(__fn, __stack, __stacksize, __flags, __args) __clone (__fn, __stack, __flags, __args)

static int spawn_child(void *args)
{
    puts("spawned");                        /* expect: VFK101 */
    _exit(127);
}

int spawn_through_the_clone_macro(void *stack, void *args)
{
    return CLONE(spawn_child, stack, 4096, CLONE_VM | CLONE_VFORK | SIGCHLD, args);
}

/* glibc 2.34 and later */
static int spawn_child_internal(void *args)
{
    printf("internal\n");                   /* expect: VFK101 */
    _exit(127);
}

int spawn_through_clone_internal(void *args)
{
    struct clone_args clone_args = { .flags = CLONE_VM | CLONE_VFORK, .exit_signal = SIGCHLD };

    return __clone_internal(&clone_args, spawn_child_internal, args);
}

/* the raw system call without a new stack returns 0 in the child, like vfork */
long bad_raw_clone_syscall(char **argv)
{
    long pid = syscall(SYS_clone, CLONE_VM | CLONE_VFORK | SIGCHLD, 0);

    if (pid == 0) {
        fputs("raw clone child\n", stderr); /* expect: VFK101 */
        execv(argv[0], argv);
        _exit(127);
    }
    return pid;
}

/* a project wrapper that passes the function and the flags through */
static int my_clone(int (*fn)(void *), void *arg, int flags)
{
    static char stack[8192];

    return clone(fn, stack + sizeof stack, flags, arg);
}

static int wrapped_child(void *arg)
{
    puts("wrapped");                        /* expect: VFK101 */
    _exit(0);
}

int spawn_through_a_project_clone_wrapper(void *arg)
{
    return my_clone(wrapped_child, arg, CLONE_VFORK | CLONE_VM | SIGCHLD);
}

/* vfork called through a function pointer that holds it */
static pid_t (*spawner)(void) = vfork;

pid_t bad_vfork_through_a_static_pointer(char **argv)
{
    pid_t pid = spawner();

    if (pid == 0) {
        puts("through a pointer");          /* expect: VFK101 */
        execv(argv[0], argv);
        _exit(127);
    }
    return pid;
}

pid_t bad_vfork_through_a_local_pointer(int use_vfork, char **argv)
{
    pid_t (*start)(void) = vfork;
    pid_t pid;

    if (!use_vfork)
        start = fork;
    pid = start();
    if (pid == 0) {
        puts("maybe vfork");                /* expect: VFK101 */
        execv(argv[0], argv);
        _exit(127);
    }
    return pid;
}

/* the same wrapper with fork-like flags starts no vfork child */
static int forked_child(void *arg)
{
    puts("forked, own memory");
    _exit(0);
}

int ok_clone_wrapper_without_vfork_flags(void *arg)
{
    return my_clone(forked_child, arg, SIGCHLD);
}
