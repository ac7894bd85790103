/* Calls in the vfork child: VFK101 (unsafe), VFK107 (PATH search), VFK108 (unknown or through
 * a pointer); how often and where they are reported; what the default profile accepts. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <locale.h>
#include <pthread.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <syslog.h>
#include <unistd.h>

extern char **environ;

/* functions with no body in this file and unknown to the catalogue */
void frobnicate(void);
int quux_prepare_child(int fd);

struct child_ops {
    void (*before_exec)(int fd);
};

int g_children;

/* VFK101 stdio: printf (s01) */
void bad_stdio_printf(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        printf("exec %s\n", path);          /* expect: VFK101 */
        execv(path, argv);
        _exit(127);
    }
}

/* VFK101 stdio: fprintf to stderr */
void bad_stdio_fprintf(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        execv(path, argv);
        fprintf(stderr, "cannot exec %s\n", path); /* expect: VFK101 */
        _exit(127);
    }
}

/* VFK101 stdio: puts and perror */
void bad_stdio_puts_perror(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        puts("about to exec");              /* expect: VFK101 */
        execv(path, argv);
        perror(path);                       /* expect: VFK101 */
        _exit(127);
    }
}

/* VFK101 heap: malloc */
void bad_heap_malloc(const char *path, size_t len)
{
    if (vfork() == 0) {
        char *copy = malloc(len + 1);       /* expect: VFK101 */
        if (copy == NULL)
            _exit(126);
        execl(path, path, (char *)NULL);
        _exit(127);
    }
}

/* VFK101 heap: free of memory the parent allocated */
void bad_heap_free(char *buffer, const char *path, char *const argv[])
{
    if (vfork() == 0) {
        free(buffer);                       /* expect: VFK101 */
        execv(path, argv);
        _exit(127);
    }
}

/* VFK101 heap: strdup */
void bad_heap_strdup(const char *path)
{
    if (vfork() == 0) {
        char *name = strdup(path);          /* expect: VFK101 */
        execl(path, name, (char *)NULL);
        _exit(127);
    }
}

/* VFK101 environment: setenv */
void bad_env_setenv(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        setenv("LC_ALL", "C", 1);           /* expect: VFK101 VFK104 */
        execv(path, argv);
        _exit(127);
    }
}

/* VFK101 environment: putenv */
void bad_env_putenv(const char *path, char *const argv[], char *assignment)
{
    if (vfork() == 0) {
        putenv(assignment);                 /* expect: VFK101 VFK104 */
        execv(path, argv);
        _exit(127);
    }
}

/* VFK101 locale: setlocale */
void bad_locale_setlocale(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        setlocale(LC_ALL, "C");             /* expect: VFK101 */
        execv(path, argv);
        _exit(127);
    }
}

/* VFK101 logging: syslog */
void bad_syslog(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        execv(path, argv);
        syslog(LOG_ERR, "exec of %s failed", path); /* expect: VFK101 */
        _exit(127);
    }
}

/* VFK101 threads: pthread_mutex_lock on a mutex shared with the parent */
void bad_pthread_lock(pthread_mutex_t *lock, const char *path, char *const argv[])
{
    if (vfork() == 0) {
        pthread_mutex_lock(lock);           /* expect: VFK101 */
        execv(path, argv);
        _exit(127);
    }
}

/* VFK101 dynamic loading: dlopen */
void bad_dlopen(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        void *h = dlopen("libpreload.so", RTLD_NOW); /* expect: VFK101 */
        if (h == NULL)
            _exit(126);
        execv(path, argv);
        _exit(127);
    }
}

/* VFK101 user database: getpwnam */
void bad_getpwnam(const char *user, const char *path, char *const argv[])
{
    if (vfork() == 0) {
        struct passwd *pw = getpwnam(user); /* expect: VFK101 */
        if (pw == NULL)
            _exit(126);
        execv(path, argv);
        _exit(127);
    }
}

/* VFK107: execlp searches PATH; _exit after it, so nothing else */
void bad_execlp(const char *prog)
{
    if (vfork() == 0) {
        execlp(prog, prog, (char *)NULL);   /* expect: VFK107 */
        _exit(127);
    }
}

/* VFK107: execvpe searches PATH */
void bad_execvpe(const char *prog, char *const argv[], char *const envp[])
{
    if (vfork() == 0) {
        execvpe(prog, argv, envp);          /* expect: VFK107 */
        _exit(127);
    }
}

/* VFK108: a function declared here without a body and unknown to the catalogue */
void bad_unknown_call(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        frobnicate();                       /* expect: VFK108 */
        execv(path, argv);
        _exit(127);
    }
}

/* VFK108: an unknown call whose result is used in a condition */
void bad_unknown_in_condition(int fd, const char *path, char *const argv[])
{
    if (vfork() == 0) {
        if (quux_prepare_child(fd) < 0)     /* expect: VFK108 */
            _exit(126);
        execv(path, argv);
        _exit(127);
    }
}

/* VFK108: a call through a function pointer parameter */
void bad_function_pointer_call(void (*setup)(void), const char *path, char *const argv[])
{
    if (vfork() == 0) {
        setup();                            /* expect: VFK108 */
        execv(path, argv);
        _exit(127);
    }
}

/* VFK108: a call through a function pointer in a struct */
void bad_struct_function_pointer_call(const struct child_ops *ops, int fd,
                                      const char *path, char *const argv[])
{
    if (vfork() == 0) {
        ops->before_exec(fd);               /* expect: VFK108 */
        execv(path, argv);
        _exit(127);
    }
}

/* several violations on one path: each is reported, not only the first (s28) */
void bad_many_on_one_path(void)
{
    if (vfork() == 0) {
        g_children++;                       /* expect: VFK104 */
        printf("child %d\n", g_children);   /* expect: VFK101 */
        frobnicate();                       /* expect: VFK108 */
        exit(1);                            /* expect: VFK102 */
    }
}

/* two findings of the same rule on one line */
void bad_two_calls_one_line(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        printf("exec "); puts(path);        /* expect: VFK101 VFK101 */
        execv(path, argv);
        _exit(127);
    }
}

/* a write and an unsafe call on one line */
void bad_write_and_call_one_line(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        g_children = 1; puts("two");        /* expect: VFK104 VFK101 */
        execv(path, argv);
        _exit(127);
    }
}

/* one call reached by two paths through the child is reported once */
void bad_two_paths_once(int quiet, const char *path, char *const argv[])
{
    if (vfork() == 0) {
        if (quiet)
            close(1);
        else
            dup2(2, 1);
        puts("starting");                   /* expect: VFK101 */
        execv(path, argv);
        _exit(127);
    }
}

/* one call reached from two vfork sites is reported once */
int bad_two_sites_once(const char *first, const char *second, char *const argv[])
{
    pid_t pid;

    if ((pid = vfork()) == 0)
        goto child;
    if (pid < 0)
        return -1;
    if ((pid = vfork()) == 0)
        goto child;
    return pid < 0 ? -1 : 0;
child:
    printf("child of %s or %s\n", first, second); /* expect: VFK101 */
    execv(first, argv);
    execv(second, argv);
    _exit(127);
}

/* ---------------------------------------------------------------------------------------- */

/* async-signal-safe calls are quiet in the default profile (s08) */
void ok_async_signal_safe_calls(int in, int out, const sigset_t *mask,
                                const char *dir, const char *path, char *const argv[])
{
    if (vfork() == 0) {
        int fd;

        sigprocmask(SIG_SETMASK, mask, NULL);
        signal(SIGPIPE, SIG_DFL);
        setsid();
        setpgid(0, 0);
        umask(022);
        if (chdir(dir) < 0)
            _exit(126);
        fd = open("/dev/null", O_RDONLY);
        if (fd >= 0 && fd != 0) {
            dup2(fd, 0);
            close(fd);
        }
        dup2(in, 0);
        dup2(out, 1);
        fcntl(out, F_SETFD, FD_CLOEXEC);
        close(in);
        close(out);
        execve(path, argv, environ);
        _exit(127);
    }
}

/* a container's child: namespaces and mounts are system calls on kernel objects, quiet too */
void ok_namespace_and_mount_calls(int nsfd, const char *root, const char *path, char *const argv[])
{
    if (vfork() == 0) {
        if (setns(nsfd, 0) < 0 || unshare(0x00020000) < 0)
            _exit(126);
        if (mount("none", "/", NULL, 0x40000 | 0x4000, NULL) < 0)
            _exit(126);
        umount2("/mnt", 2);
        sethostname("box", 3);
        if (chroot(root) < 0)
            _exit(126);
        execve(path, argv, environ);
        _exit(127);
    }
}

/* pure functions on child-local buffers are quiet in the default profile */
void ok_pure_calls(const char *dir, const char *name)
{
    if (vfork() == 0) {
        char path[256];
        size_t dl = strlen(dir);
        size_t nl = strlen(name);

        if (dl + nl + 2 > sizeof path)
            _exit(126);
        memset(path, 0, sizeof path);
        memcpy(path, dir, dl);
        path[dl] = '/';
        memcpy(path + dl + 1, name, nl);
        if (strcmp(name, "sh") == 0)
            _exit(125);
        execl(path, name, (char *)NULL);
        _exit(127);
    }
}

/* write, getpid and kill in the child are async-signal-safe */
void ok_report_with_write(int errfd, const char *path, char *const argv[])
{
    if (vfork() == 0) {
        execv(path, argv);
        write(errfd, "exec failed\n", 12);
        kill(getpid(), SIGKILL);
        _exit(127);
    }
}

/* unknown calls, pointer calls and stdio in the parent are not reported */
int ok_calls_in_parent(void (*after)(void), const char *path, char *const argv[])
{
    pid_t pid;

    frobnicate();
    pid = vfork();
    if (pid == 0) {
        execv(path, argv);
        _exit(127);
    }
    after();
    frobnicate();
    printf("spawned %d\n", (int)pid);
    return quux_prepare_child(1);
}
