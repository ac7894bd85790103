/* The dataflow engine (issue 9): what a path-by-path walk missed or got wrong. Each function is
 * written from a shape found in real vfork code. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

void close_most_fds(void);
void reset_sighandlers(void);
void message(const char *what);

/* ---------------------------------------------------------------------------------------- */
/* An unknown call before the exec does not hide what happens when the exec fails: the code
 * after the call shows that it returns. */
void bad_unknown_call_then_exec_falls_through(char **argv)
{
    if (vfork() == 0) {
        close_most_fds();                   /* expect: VFK108 */
        execv(argv[0], argv);               /* expect: VFK105 */
    }
    puts("parent goes on");
}

int bad_unknown_call_then_exec_returns(char **argv)
{
    if (vfork() == 0) {
        close_most_fds();                   /* expect: VFK108 */
        execv(argv[0], argv);               /* expect: VFK105 */
        return 1;
    }
    return 0;
}

/* ... and a child that goes on past its block after such a call returns from the function */
int bad_unknown_call_then_child_returns(int fd)
{
    if (vfork() == 0) {
        close_most_fds();                   /* expect: VFK108 */
        dup2(fd, 0);
    }
    return 0;                               /* expect: VFK103 */
}

/* gdb's fork_inferior: fork() or vfork() share the child's block; an unknown call early in it
 * must not stop the analysis at the next branch */
void bad_fork_or_vfork_share_the_child(int use_vfork, char **argv)
{
    pid_t pid;

    if (use_vfork)
        pid = vfork();
    else
        pid = fork();
    if (pid < 0)
        perror("fork");
    if (pid == 0) {
        close_most_fds();                   /* expect: VFK108 */
        if (argv[1] != 0)
            fprintf(stderr, "running %s\n", argv[1]); /* expect: VFK101 */
        execvp(argv[0], argv);              /* expect: VFK107 */
        _exit(0177);
    }
}

/* busybox init's run(): pid = BB_MMU ? fork() : vfork(), the child is what remains */
pid_t bad_init_run_shape(int use_fork, char **argv)
{
    pid_t pid = use_fork ? fork() : vfork();

    if (pid < 0)
        message("can't fork");
    if (pid)
        return pid;
    reset_sighandlers();                    /* expect: VFK108 */
    setenv("RUNLEVEL", "2", 1);             /* expect: VFK101 VFK104 */
    execv(argv[0], argv);
    _exit(-1);
}

/* ---------------------------------------------------------------------------------------- */
/* Library calls that write through their arguments into the parent's memory */
static char g_message[64];
char *g_owned;

void bad_library_writes_into_parent_memory(char *parent_buf, int fd, char **argv)
{
    char *line;

    if (vfork() == 0) {
        memset(parent_buf, 0, 16);          /* expect: VFK104 */
        memcpy(g_message, "x", 2);          /* expect: VFK104 */
        strcpy(parent_buf, "child");        /* expect: VFK104 */
        sprintf(g_message, "%d", fd);       /* expect: VFK101 VFK104 */
        read(fd, parent_buf, 16);           /* expect: VFK104 */
        asprintf(&g_owned, "%s", argv[0]);  /* expect: VFK101 VFK104 */
        asprintf(&line, "%s", argv[0]);     /* expect: VFK101 */
        line[0] = 'X';
        execv(argv[0], argv);
        _exit(127);
    }
}

/* the same calls into the child's own memory are fine */
void ok_library_writes_into_child_memory(int fd, char **argv)
{
    if (vfork() == 0) {
        char buf[32];
        char *colon;

        memset(buf, 0, sizeof buf);
        read(fd, buf, sizeof buf - 1);
        colon = strchr(buf, ':');
        if (colon != 0)
            *colon = 0;
        execv(buf, argv);
        _exit(127);
    }
}

/* ---------------------------------------------------------------------------------------- */
/* Where the vfork result is stored */
pid_t g_child_pid;
pid_t g_last;
struct job { pid_t pid; };

void bad_result_stored_in_a_global(char **argv)
{
    g_child_pid = vfork();                  /* expect: VFK104 */
    if (g_child_pid == 0) {
        execv(argv[0], argv);
        _exit(127);
    }
}

void bad_chained_store_into_a_global(char **argv)
{
    pid_t pid;

    g_last = pid = vfork();                 /* expect: VFK104 */
    if (pid == 0) {
        execv(argv[0], argv);
        _exit(127);
    }
}

void bad_result_stored_in_a_heap_field(struct job *job, char **argv)
{
    job->pid = vfork();                     /* expect: VFK104 */
    if (job->pid == 0) {
        execv(argv[0], argv);
        _exit(127);
    }
}

/* a copy made only in the child is not the parent's own result store */
pid_t bad_copy_made_only_in_the_child(char **argv)
{
    pid_t pid, copy = -1;

    pid = vfork();
    if (pid == 0) {
        copy = pid;                         /* expect: VFK104 */
        execv(argv[0], argv);
        _exit(127);
    }
    return copy;                            /* expect: VFK201 */
}

/* ---------------------------------------------------------------------------------------- */
/* A function-like macro whose expansion calls two functions, one inside the other (GNU make's
 * OSS(error, NILF, "%s", strerror(errno))): two calls, two findings, each at its own name */
void error(int status, const char *format, ...);
#define NILF 0
#define OSS(_t, _a, _f, _s1) _t (_a, _f, _s1)

void bad_calls_nested_in_a_macro(char **argv)
{
    if (vfork() == 0) {
        execv(argv[0], argv);
        OSS(error, NILF, "%s", strerror(errno)); /* expect: VFK101 VFK101 */
        _exit(127);
    }
}

/* ---------------------------------------------------------------------------------------- */
/* Cost grows with the CFG, not with its paths: 18 conditional copies of the result (2^18
 * paths), then counting loops, one of them on the result, then the child */
void bad_child_after_many_conditional_copies(int f, char **argv)
{
    pid_t pid = vfork();
    pid_t c1 = 0, c2 = 0, c3 = 0, c4 = 0, c5 = 0, c6 = 0, c7 = 0, c8 = 0, c9 = 0;
    pid_t c10 = 0, c11 = 0, c12 = 0, c13 = 0, c14 = 0, c15 = 0, c16 = 0, c17 = 0, c18 = 0;
    long i, spins = 0;
    pid_t n;

    if (f & 1) c1 = pid;
    if (f & 2) c2 = pid;
    if (f & 4) c3 = pid;
    if (f & 8) c4 = pid;
    if (f & 16) c5 = pid;
    if (f & 32) c6 = pid;
    if (f & 64) c7 = pid;
    if (f & 128) c8 = pid;
    if (f & 256) c9 = pid;
    if (f & 512) c10 = pid;
    if (f & 1024) c11 = pid;
    if (f & 2048) c12 = pid;
    if (f & 4096) c13 = pid;
    if (f & 8192) c14 = pid;
    if (f & 16384) c15 = pid;
    if (f & 32768) c16 = pid;
    if (f & 65536) c17 = pid;
    if (f & 131072) c18 = pid;
    for (i = 0; i < 1000000; i++)
        spins++;
    for (n = pid; n > 0; n--)
        spins++;
    if (pid == 0) {
        printf("child after %ld\n", spins); /* expect: VFK101 */
        execv(argv[0], argv);
        _exit(127);
    }
    if (c1 + c2 + c3 + c4 + c5 + c6 + c7 + c8 + c9 + c10 + c11 + c12 + c13 + c14 + c15 + c16 + c17 + c18 == 0)
        puts("parent");
}

/* ---------------------------------------------------------------------------------------- */
/* Child tests that are not a literal comparison */
static const pid_t IN_CHILD = 0;
#define UNLIKELY(x) __builtin_expect(!!(x), 0)

int ok_child_test_against_a_const_object(char **argv)
{
    pid_t pid = vfork();

    if (pid == IN_CHILD) {
        execv(argv[0], argv);
        _exit(127);
    }
    puts("parent");
    return pid;
}

int ok_child_test_through_a_flag(char **argv)
{
    pid_t pid = vfork();
    int is_child = (pid == 0);

    if (is_child) {
        execv(argv[0], argv);
        _exit(127);
    }
    puts("parent");
    return pid;
}

int ok_failure_test_in_an_expect_macro(char **argv)
{
    pid_t pid = vfork();

    if (UNLIKELY(pid < 0)) {
        perror("vfork");
        return -1;
    }
    if (pid == 0) {
        execv(argv[0], argv);
        _exit(127);
    }
    puts("parent");
    return pid;
}

/* ---------------------------------------------------------------------------------------- */
/* Memory the child allocated through a project's allocator is the child's: a function that
 * returns fresh memory is an allocator (busybox xmalloc, dropbear m_malloc) */
static void *xmalloc(size_t n)
{
    void *p = malloc(n);                    /* expect: VFK101 */

    if (p == 0)
        _exit(1);
    return p;
}

static void *xzalloc(size_t n)
{
    void *p = xmalloc(n);

    memset(p, 0, n);
    return p;
}

static char *skip_spaces(char *s)
{
    while (*s == ' ')
        s++;
    return s;
}

void ok_writes_into_memory_from_project_allocators(char **argv)
{
    if (vfork() == 0) {
        char *buf = xzalloc(64);
        char *name = skip_spaces(buf);
        char *eq;

        buf[0] = ' ';
        name[1] = 'x';
        eq = strstr(name, "=");
        if (eq)
            *eq = 0;
        execv(argv[0], argv);
        _exit(127);
    }
}

/* writes through a pointer derived from the parent's memory stay errors */
void bad_derived_pointer_into_parent_memory(char *parent_line, char **argv)
{
    if (vfork() == 0) {
        char *colon = strchr(parent_line, ':');

        if (colon)
            *colon = 0;                     /* expect: VFK104 */
        skip_spaces(parent_line)[0] = 0;    /* expect: VFK104 */
        execv(argv[0], argv);
        _exit(127);
    }
}

/* ---------------------------------------------------------------------------------------- */
/* Grandchildren: after fork() in the vfork child, the fork child has its own memory (busybox
 * timeout: the vfork child forks, its parent half exits, the grandchild goes on) */
static int fork_off(void)
{
    pid_t pid = fork();                     /* expect: VFK101 */

    if (pid < 0)
        _exit(1);
    if (pid > 0)
        _exit(0);                           /* the vfork child leaves here */
    return 0;
}

int bad_grandchild_goes_on(char **argv)
{
    if (vfork() == 0) {
        pid_t pid = fork();                 /* expect: VFK101 */

        if (pid == 0) {
            printf("grandchild\n");
            exit(0);
        }
        execv(argv[0], argv);
        _exit(127);
    }
    return 0;
}

int ok_daemonizing_helper_leaves_a_grandchild(char **argv)
{
    if (vfork() == 0) {
        fork_off();
        printf("watching\n");
        return 0;
    }
    return 0;
}

/* ---------------------------------------------------------------------------------------- */
/* Writes to the vfork caller's locals that the parent never reads again: silent by default
 * (a note in the strict profile, see strict.c) */
int ok_unobservable_local_writes(int fd, char **argv)
{
    char name[16];
    int tries = 3;
    pid_t pid = vfork();

    if (pid == 0) {
        name[0] = 'c';
        tries = 0;
        fd = dup(fd);
        execv(argv[0], argv);
        _exit(127);
    }
    return pid;
}

/* the same write is an error where the parent reads it */
int bad_observable_local_write(char **argv)
{
    int failed = 0;
    pid_t pid = vfork();

    if (pid == 0) {
        execv(argv[0], argv);
        failed = 1;                         /* expect: VFK104 */
        _exit(127);
    }
    return failed ? -1 : pid;               /* expect: VFK201 */
}

/* busybox spawn(): the parent tests a flag it set to 0 before vfork and the child may have set;
 * what the parent knew before vfork is not what it finds afterwards */
int bad_parent_tests_a_flag_set_before_vfork(char **argv)
{
    int failed = 0;
    pid_t pid = vfork();

    if (pid == 0) {
        execv(argv[0], argv);
        failed = errno;                     /* expect: VFK104 */
        _exit(111);
    }
    if (failed) {                           /* expect: VFK201 */
        errno = failed;                     /* expect: VFK201 */
        return -1;
    }
    return pid;
}
