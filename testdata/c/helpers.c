/* Helpers with a body in this file, called from the vfork child: their contents are analysed
 * and a finding inside one is reported in the helper, at the offending line, once.
 * The helpers that hold an expectation are named bad_*; the functions that vfork and call them
 * are named spawn_* when they hold no expectation themselves. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

/* no body here and unknown to the catalogue */
void frobnicate(void);
/* declared noreturn, no body here */
void fatal_child(const char *why) __attribute__((noreturn));
_Noreturn void fatal_child_code(int code);

int g_helper_calls;
static int g_spawned;

/* VFK101 inside a helper the child calls: reported here, not at the call (s07) */
void bad_helper_prints(const char *msg)
{
    printf("child: %s\n", msg);             /* expect: VFK101 */
}

void spawn_with_printing_helper(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        bad_helper_prints("starting");
        execv(path, argv);
        _exit(127);
    }
}

/* VFK104 inside a helper: write to a global */
void bad_helper_writes_global(void)
{
    g_spawned = 1;                          /* expect: VFK104 */
}

void spawn_with_global_writing_helper(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        bad_helper_writes_global();
        execv(path, argv);
        _exit(127);
    }
}

/* VFK104 inside a helper: write through its pointer parameter (the caller passes the
 * parent's variable) */
void bad_helper_writes_through_parameter(int *status)
{
    *status = 1;                            /* expect: VFK104 */
}

int spawn_with_parameter_writing_helper(const char *path, char *const argv[])
{
    int status = 0;
    pid_t pid = vfork();

    if (pid == 0) {
        bad_helper_writes_through_parameter(&status);
        execv(path, argv);
        _exit(127);
    }
    return pid < 0 ? -1 : status;           /* expect: VFK201 */
}

/* VFK104 inside a helper: a static local of the helper is shared with the parent */
void bad_helper_counts_calls(void)
{
    static int calls;

    calls++;                                /* expect: VFK104 */
}

void spawn_with_counting_helper(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        bad_helper_counts_calls();
        execv(path, argv);
        _exit(127);
    }
}

/* VFK102 inside a helper */
void bad_helper_exits(int code)
{
    exit(code);                             /* expect: VFK102 */
}

void spawn_with_exiting_helper(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        execv(path, argv);
        bad_helper_exits(127);
        _exit(127);
    }
}

/* VFK108 inside a helper */
void bad_helper_calls_unknown(void)
{
    frobnicate();                           /* expect: VFK108 */
}

void spawn_with_unknown_calling_helper(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        bad_helper_calls_unknown();
        execv(path, argv);
        _exit(127);
    }
}

/* a helper the child calls twice is reported once */
void bad_helper_called_twice(const char *what)
{
    puts(what);                             /* expect: VFK101 */
}

void spawn_calling_helper_twice(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        bad_helper_called_twice("first");
        bad_helper_called_twice("second");
        execv(path, argv);
        _exit(127);
    }
}

/* a helper called from two different vfork sites is reported once */
void bad_helper_shared_by_two_sites(const char *path)
{
    fprintf(stderr, "exec %s\n", path);     /* expect: VFK101 */
}

void spawn_site_one(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        bad_helper_shared_by_two_sites(path);
        execv(path, argv);
        _exit(127);
    }
}

void spawn_site_two(const char *path, char *const argv[])
{
    pid_t pid = vfork();

    if (pid == 0) {
        bad_helper_shared_by_two_sites(path);
        execve(path, argv, environ);
        _exit(127);
    }
}

/* a helper reached through another helper: reported in the innermost one */
void bad_inner_helper(void)
{
    g_helper_calls = 0;                     /* expect: VFK104 */
}

static void outer_helper(void)
{
    bad_inner_helper();
}

void spawn_with_nested_helpers(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        outer_helper();
        execv(path, argv);
        _exit(127);
    }
}

/* mutual recursion between two helpers: the analysis ends, the printf is reported once */
static void pong(int n);

void bad_ping(int n)
{
    printf("ping %d\n", n);                 /* expect: VFK101 */
    if (n > 0)
        pong(n - 1);
}

static void pong(int n)
{
    if (n > 0)
        bad_ping(n - 1);
}

void spawn_ping_pong(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        bad_ping(3);
        pong(2);
        execv(path, argv);
        _exit(127);
    }
}

/* a helper that ends in _exit on some paths only: the code after its call is reached */
static void exit_if_negative(int rc)
{
    if (rc < 0)
        _exit(126);
}

void bad_code_after_partial_exit_helper(int fd, const char *path, char *const argv[])
{
    if (vfork() == 0) {
        exit_if_negative(dup2(fd, 0));
        puts("redirected");                 /* expect: VFK101 */
        execv(path, argv);
        _exit(127);
    }
}

/* a helper declared noreturn without a body: unknown, so VFK108 at the call, and it ends
 * the child, so the printf after it is not reported */
void bad_noreturn_attribute_prototype(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        execv(path, argv);
        fatal_child("execv");               /* expect: VFK108 */
        printf("not reached\n");
    }
}

/* the same with _Noreturn */
void bad_noreturn_keyword_prototype(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        execv(path, argv);
        fatal_child_code(127);              /* expect: VFK108 */
        puts("not reached");
    }
}

/* noreturn through a project macro whose header is missing (rules/functions/noreturn.yml,
 * attribute-macros), written after the declarator or before it: the file is read again with the
 * unknown word guessed to be a macro, and the declaration says the helper ends the child (in a
 * header, which is not read again, see noreturn_in_header.c) */
void fatal_unparsed_after(const char *why) ATTRIBUTE_NORETURN;
NORETURN void fatal_unparsed_before(int code);

void bad_noreturn_macro_after_unparsed(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        execv(path, argv);
        fatal_unparsed_after("execv");      /* expect: VFK108 */
        puts("not reached");
    }
}

void bad_noreturn_macro_before_unparsed(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        execv(path, argv);
        fatal_unparsed_before(127);         /* expect: VFK108 */
        puts("not reached");
    }
}

/* ---------------------------------------------------------------------------------------- */

/* every path of this helper ends in _exit, so it does not return (s20) */
static void child_die(int code)
{
    _exit(code);
}

/* the noreturn helper ends the child: the printf after its call is not reached */
void ok_noreturn_helper(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        execv(path, argv);
        child_die(127);
        printf("not reached\n");
    }
}

/* every path ends in _exit or _Exit, through an if/else */
static void child_fail(int code, int quick)
{
    if (quick)
        _Exit(code);
    else
        _exit(code);
}

/* the same inference through branches */
void ok_noreturn_helper_with_branches(const char *path, char *const argv[], int quick)
{
    if (vfork() == 0) {
        execv(path, argv);
        child_fail(127, quick);
        fprintf(stderr, "not reached\n");
    }
}

/* a helper that writes only its own locals and returns */
static int count_args(char *const argv[])
{
    int n = 0;
    char buf[4];

    while (argv[n] != NULL)
        n++;
    buf[0] = (char)n;
    return buf[0] > 0 ? n : 0;
}

/* the helper's own locals and its return are fine */
void ok_helper_with_own_locals(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        if (count_args(argv) == 0)
            _exit(126);
        execv(path, argv);
        _exit(127);
    }
}

/* a helper that only uses async-signal-safe calls */
static void setup_fds(int in, int out)
{
    if (in != 0) {
        dup2(in, 0);
        close(in);
    }
    if (out != 1) {
        dup2(out, 1);
        close(out);
    }
}

/* a careful helper called from the child */
void ok_careful_helper(int in, int out, const char *path, char *const argv[])
{
    if (vfork() == 0) {
        setup_fds(in, out);
        execve(path, argv, environ);
        _exit(127);
    }
}

/* a helper that prints, called only from the parent */
static void parent_log(const char *msg)
{
    printf("parent: %s\n", msg);
    g_helper_calls++;
}

/* helpers called by the parent are not analysed for the child */
int ok_unsafe_helper_in_parent(const char *path, char *const argv[])
{
    pid_t pid = vfork();

    if (pid == 0) {
        execv(path, argv);
        _exit(127);
    }
    parent_log(pid < 0 ? "vfork failed" : "started");
    return pid < 0 ? -1 : 0;
}

/* a helper that execs and then _exits on every path */
static void exec_or_die(const char *path, char *const argv[])
{
    execve(path, argv, environ);
    _exit(127);
}

/* the child calls a helper that execs and never returns */
void ok_exec_helper(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        exec_or_die(path, argv);
        puts("not reached");
    }
}

/* GNU make's exec_command(): declared noreturn and defined here. Its body is still the
 * child's code and is checked; the declaration ends the caller's path. */
extern char **environ;
void exec_with_env(char **argv, char **envp) __attribute__((noreturn));

void exec_with_env(char **argv, char **envp)
{
    environ = envp;                         /* expect: VFK104 */
    execvp(argv[0], argv);                  /* expect: VFK107 */
    _exit(127);
}

void spawn_noreturn_helper_with_body(char **argv, char **envp)
{
    if (vfork() == 0) {
        exec_with_env(argv, envp);
        puts("not reached");
    }
}

/* ---------------------------------------------------------------------------------------- */
/* A helper's write through a pointer parameter lands where the caller pointed it
 * (busybox start-stop-daemon: parse_chown_usergroup_or_die(&ugid, ...) on the child's ugid) */
struct ids { int uid; int gid; };

static void parse_ids(struct ids *u, int uid)
{
    u->uid = uid;                           /* expect: VFK104 */
    u->gid = -1;                            /* expect: VFK104 */
}

/* the child's own struct: nothing reaches the parent */
void ok_helper_fills_child_struct(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        struct ids mine;

        parse_ids(&mine, 0);
        setgid(mine.gid);
        execv(path, argv);
        _exit(127);
    }
}

/* the parent's struct, passed down two helpers: reported in the helper that writes */
static void parse_ids_twice(struct ids *v)
{
    parse_ids(v, 1);
}

void spawn_helper_fills_parent_struct(struct ids *out, const char *path, char *const argv[])
{
    if (vfork() == 0) {
        parse_ids_twice(out);
        execv(path, argv);
        _exit(127);
    }
}

/* ---------------------------------------------------------------------------------------- */
/* A parent whose only act after vfork is _exit never uses its memory or frame again: the
 * child may (busybox start-stop-daemon daemonizes this way). Unsafe calls are still reported:
 * the parent's other threads keep running. */
int daemon_state;

int bad_parent_leaves_at_once(char **argv)
{
    pid_t pid = vfork();

    if (pid != 0)
        _exit(0);
    daemon_state = 1;
    printf("daemon\n");                     /* expect: VFK101 */
    return 0;
}

/* ---------------------------------------------------------------------------------------- */
/* A cycle of helpers: the result must not depend on which caller is analysed first (review #7).
 * cycle_a always ends in _exit, so neither caller's child returns. */
static int cycle_flag;
static void cycle_b(void);

static void cycle_a(void)
{
    if (cycle_flag)
        cycle_b();
    _exit(1);
}

static void cycle_b(void)
{
    cycle_a();
}

int ok_cycle_entered_at_a(void)
{
    if (vfork() == 0) {
        cycle_a();
    }
    return 0;
}

int ok_cycle_entered_at_b(void)
{
    if (vfork() == 0) {
        cycle_b();
    }
    return 0;
}

/* A call tree 2^20 paths wide: summaries keep one observation per place (review #9) */
static void wide0(void) { puts("leaf"); }           /* expect: VFK101 */
static void wide1(void) { wide0(); wide0(); }
static void wide2(void) { wide1(); wide1(); }
static void wide3(void) { wide2(); wide2(); }
static void wide4(void) { wide3(); wide3(); }
static void wide5(void) { wide4(); wide4(); }
static void wide6(void) { wide5(); wide5(); }
static void wide7(void) { wide6(); wide6(); }
static void wide8(void) { wide7(); wide7(); }
static void wide9(void) { wide8(); wide8(); }
static void wide10(void) { wide9(); wide9(); }
static void wide11(void) { wide10(); wide10(); }
static void wide12(void) { wide11(); wide11(); }
static void wide13(void) { wide12(); wide12(); }
static void wide14(void) { wide13(); wide13(); }
static void wide15(void) { wide14(); wide14(); }
static void wide16(void) { wide15(); wide15(); }
static void wide17(void) { wide16(); wide16(); }
static void wide18(void) { wide17(); wide17(); }
static void wide19(void) { wide18(); wide18(); }
static void wide20(void) { wide19(); wide19(); }

void spawn_wide_call_tree(void)
{
    if (vfork() == 0) {
        wide20();
        _exit(0);
    }
}
