/*
 * vforkprobe: measures, on the machine at hand, whether vfork() is a real vfork (child borrows
 * the parent's memory, parent suspended until the child execs or exits) and what it saves over
 * fork(). Prints one JSON document (schema 1, see README.md) on stdout and nothing else.
 *
 * Portable C99 + POSIX. Linux-only pieces (clone, getauxval, /proc) sit behind feature tests so
 * the file also builds on the BSDs, macOS and Cygwin, where those mechanisms report "unavailable".
 *
 * Build-time switches: -DVFP_NO_VFORK, -DVFP_NO_CLONE, -DVFP_NO_POSIX_SPAWN leave a mechanism out;
 * -DVFP_LIBC_VERSION='"1.2.3"' names a libc version the program cannot find out itself (musl).
 */
#define _GNU_SOURCE /* clone() and CLONE_* on glibc and musl; vfork() declaration */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#if !defined(VFP_NO_POSIX_SPAWN)
#include <spawn.h>
#define VFP_HAVE_POSIX_SPAWN 1
#endif

#if defined(__linux__)
#include <sched.h>
#if !defined(VFP_NO_AUXV)
#include <sys/auxv.h>
#define VFP_HAVE_AUXV 1
#endif
#endif

#if defined(__linux__) && defined(CLONE_VM) && defined(CLONE_VFORK) && !defined(VFP_NO_CLONE)
#define VFP_HAVE_CLONE 1
#endif

#if !defined(VFP_NO_VFORK)
#define VFP_HAVE_VFORK 1
#endif

#if defined(__GLIBC__)
#include <gnu/libc-version.h>
#endif

#if !defined(MAP_ANONYMOUS) && defined(MAP_ANON)
#define MAP_ANONYMOUS MAP_ANON
#endif

#define VFP_SCHEMA 1
#define VFP_VERSION "1.0.0"

extern char **environ;

/* ------------------------------------------------------------------------------------------ */
/* options                                                                                      */

#define MAX_SIZES 16
#define MAX_TRIALS 50

struct options {
    int quick;
    int trials;
    int busy_ms;
    int nsizes;
    uint64_t sizes[MAX_SIZES];
    char size_labels[MAX_SIZES][24];
    int max_iterations;
    int min_iterations;
    int budget_ms;
    const char *thp; /* "off", "on" or "system" */
    const char *exec_target;
};

static struct options opt;

/* ------------------------------------------------------------------------------------------ */
/* time                                                                                         */

static int64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* ------------------------------------------------------------------------------------------ */
/* JSON output: a tiny emitter, so that the probe depends on nothing but libc                  */

static int json_depth;
static int json_first[64];

static void json_indent(void) {
    int i;
    putchar('\n');
    for (i = 0; i < json_depth; i++) fputs("  ", stdout);
}

static void json_string_value(const char *s) {
    const unsigned char *p;
    if (s == NULL) {
        fputs("null", stdout);
        return;
    }
    putchar('"');
    for (p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", stdout); break;
        case '\\': fputs("\\\\", stdout); break;
        case '\n': fputs("\\n", stdout); break;
        case '\r': fputs("\\r", stdout); break;
        case '\t': fputs("\\t", stdout); break;
        default:
            if (*p < 0x20 || *p == 0x7f) printf("\\u%04x", *p);
            else putchar(*p);
        }
    }
    putchar('"');
}

/* Starts a member ("key": ...) or, with key NULL, an array element. */
static void json_next(const char *key) {
    if (!json_first[json_depth]) putchar(',');
    json_first[json_depth] = 0;
    json_indent();
    if (key) {
        json_string_value(key);
        fputs(": ", stdout);
    }
}

static void json_open(const char *key, char bracket) {
    if (json_depth > 0) json_next(key);
    putchar(bracket);
    json_depth++;
    json_first[json_depth] = 1;
}

static void json_close(char bracket) {
    int empty = json_first[json_depth];
    json_depth--;
    if (!empty) json_indent();
    putchar(bracket);
}

static void json_str(const char *key, const char *v) { json_next(key); json_string_value(v); }
static void json_int(const char *key, long long v) { json_next(key); printf("%lld", v); }
static void json_bool(const char *key, int v) { json_next(key); fputs(v ? "true" : "false", stdout); }
static void json_null(const char *key) { json_next(key); fputs("null", stdout); }

static void json_num(const char *key, double v) {
    json_next(key);
    if (v != v) fputs("null", stdout);
    else printf("%.1f", v);
}

static void json_ratio(const char *key, double num, double den) {
    json_next(key);
    if (num > 0 && den > 0) printf("%.2f", num / den);
    else fputs("null", stdout);
}

/* ------------------------------------------------------------------------------------------ */
/* small helpers                                                                                */

static int read_small_file(const char *path, char *buf, size_t cap) {
    int fd = open(path, O_RDONLY);
    ssize_t n, total = 0;
    if (fd < 0) return -1;
    while ((size_t)total < cap - 1 && (n = read(fd, buf + total, cap - 1 - total)) > 0) total += n;
    close(fd);
    buf[total] = '\0';
    return (int)total;
}

static int reap(pid_t pid) {
    int status;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) return -1;
    }
    return status;
}

static int exited_ok(int status) { return status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0; }

static void describe_status(int status, char *buf, size_t cap) {
    if (status == -1) snprintf(buf, cap, "waitpid failed: %s", strerror(errno));
    else if (WIFEXITED(status)) snprintf(buf, cap, "child exited with status %d", WEXITSTATUS(status));
    else if (WIFSIGNALED(status)) snprintf(buf, cap, "child killed by signal %d", WTERMSIG(status));
    else snprintf(buf, cap, "child ended with wait status 0x%x", status);
}

/* ------------------------------------------------------------------------------------------ */
/* semantics                                                                                    */

/*
 * The child reports through a MAP_SHARED page because that page is shared whatever the mechanism
 * does with the rest of memory; the globals, heap word and stack word are what we test.
 */
struct shared_page {
    volatile int64_t child_start_ns;
    volatile int64_t child_end_ns;
    volatile int parent_returned; /* set by the parent the moment the call returns to it */
    volatile int child_saw_parent;
    volatile int child_ran;
};

static struct shared_page *shared;

#define PARENT_VALUE 0x1111
#define CHILD_VALUE 0x2222

static volatile int global_word;

enum mechanism { M_VFORK, M_CLONE_VFORK, M_FORK, M_COUNT };
static const char *const mechanism_names[M_COUNT] = {"vfork", "clone_vfork", "fork"};
static const char *const mechanism_calls[M_COUNT] = {"vfork()", "clone(CLONE_VM|CLONE_VFORK|SIGCHLD)",
                                                     "fork()"};

struct trial {
    int ok;               /* the trial produced a measurement */
    char error[160];      /* why not, when !ok */
    int global_shared, heap_shared, stack_shared;
    int child_saw_parent; /* the child saw the parent running while it was still alive */
    int suspended;        /* the parent resumed only after the child's last timestamp */
    double parent_blocked_ms;
    double child_busy_ms;
    const char *memory;   /* shared, copied, partial */
    const char *verdict;
};

struct mechanism_result {
    int available;
    char reason[160];
    int ntrials;
    struct trial trials[MAX_TRIALS];
    const char *verdict;
};

static struct mechanism_result results[M_COUNT];

/*
 * Two trials that agree on memory but not on suspension. A child that saw the parent running
 * proves the parent is not suspended; a child that did not proves nothing (on a loaded machine
 * the parent may simply not have been scheduled during the child's busy wait), so the proof wins.
 */
static const char *settle(const char *a, const char *b, const struct mechanism_result *r) {
    int i, saw = 0;
    for (i = 0; i < r->ntrials; i++) saw |= r->trials[i].ok && r->trials[i].child_saw_parent;
    if (!saw) return "inconsistent";
    if ((strcmp(a, "fork-like") == 0 || strcmp(a, "copy-but-suspended") == 0)
        && (strcmp(b, "fork-like") == 0 || strcmp(b, "copy-but-suspended") == 0)) return "fork-like";
    if ((strcmp(a, "shared-not-suspended") == 0 || strcmp(a, "true-vfork") == 0)
        && (strcmp(b, "shared-not-suspended") == 0 || strcmp(b, "true-vfork") == 0)) return "shared-not-suspended";
    return "inconsistent";
}

static void fill_reason(char *buf, size_t cap, const char *what, int err) {
    snprintf(buf, cap, "%s failed: %s (errno %d)", what, strerror(err), err);
}

/*
 * Busy-waits rather than sleeps: a sleeping child would let a fork-like parent and a suspended
 * parent look alike. Stops early once the parent is seen running, which already settles
 * "not suspended" and keeps fork-like platforms fast.
 */
static void child_body(volatile int *stack_word, volatile int *heap_word, int busy_ms) {
    int64_t start = now_ns(), deadline = start + (int64_t)busy_ms * 1000000;
    shared->child_start_ns = start;
    shared->child_ran = 1;
    global_word = CHILD_VALUE;
    *heap_word = CHILD_VALUE;
    *stack_word = CHILD_VALUE;
    while (now_ns() < deadline) {
        if (shared->parent_returned) {
            shared->child_saw_parent = 1;
            break;
        }
    }
    shared->child_end_ns = now_ns();
}

static void reset_shared(void) {
    shared->child_start_ns = 0;
    shared->child_end_ns = 0;
    shared->parent_returned = 0;
    shared->child_saw_parent = 0;
    shared->child_ran = 0;
}

static void classify_trial(struct trial *t, int status, int64_t called, int64_t resumed,
                           int stack_value, int heap_value) {
    int shared_count;
    if (!shared->child_ran || !exited_ok(status)) {
        t->ok = 0;
        describe_status(status, t->error, sizeof t->error);
        if (!shared->child_ran) snprintf(t->error, sizeof t->error, "the child never ran");
        return;
    }
    t->ok = 1;
    t->global_shared = global_word == CHILD_VALUE;
    t->heap_shared = heap_value == CHILD_VALUE;
    t->stack_shared = stack_value == CHILD_VALUE;
    t->child_saw_parent = shared->child_saw_parent;
    t->suspended = resumed >= shared->child_end_ns;
    t->parent_blocked_ms = (double)(resumed - called) / 1e6;
    t->child_busy_ms = (double)(shared->child_end_ns - shared->child_start_ns) / 1e6;
    shared_count = t->global_shared + t->heap_shared + t->stack_shared;
    t->memory = shared_count == 3 ? "shared" : shared_count == 0 ? "copied" : "partial";
    if (shared_count != 0 && shared_count != 3) t->verdict = "inconsistent";
    else if (t->suspended && t->child_saw_parent) t->verdict = "inconsistent"; /* clocks disagree with the flag */
    else if (shared_count == 3) t->verdict = t->suspended ? "true-vfork" : "shared-not-suspended";
    else t->verdict = t->suspended ? "copy-but-suspended" : "fork-like";
}

#if defined(VFP_HAVE_VFORK)
/* noinline keeps the vfork caller's frame (holding stack_word) alive and in memory. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static int trial_vfork(struct trial *t, volatile int *heap_word, int *unavailable_errno) {
    volatile int stack_word = PARENT_VALUE;
    int64_t called, resumed;
    pid_t pid;
    int status;
    global_word = PARENT_VALUE;
    *heap_word = PARENT_VALUE;
    reset_shared();
    called = now_ns();
    pid = vfork();
    if (pid == 0) {
        child_body(&stack_word, heap_word, opt.busy_ms);
        _exit(0);
    }
    resumed = now_ns();
    shared->parent_returned = 1;
    if (pid < 0) {
        *unavailable_errno = errno;
        return -1;
    }
    status = reap(pid);
    classify_trial(t, status, called, resumed, stack_word, *heap_word);
    return 0;
}
#endif

/* The fork control repeats trial_vfork on purpose: the two must differ only in the call, and
 * the vfork call cannot move into a shared helper, whose return in the child would corrupt the
 * very frame being measured. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static int trial_fork(struct trial *t, volatile int *heap_word, int *unavailable_errno) {
    volatile int stack_word = PARENT_VALUE;
    int64_t called, resumed;
    pid_t pid;
    int status;
    global_word = PARENT_VALUE;
    *heap_word = PARENT_VALUE;
    reset_shared();
    called = now_ns();
    pid = fork();
    if (pid == 0) {
        child_body(&stack_word, heap_word, opt.busy_ms);
        _exit(0);
    }
    resumed = now_ns();
    shared->parent_returned = 1;
    if (pid < 0) {
        *unavailable_errno = errno;
        return -1;
    }
    status = reap(pid);
    classify_trial(t, status, called, resumed, stack_word, *heap_word);
    return 0;
}

#if defined(VFP_HAVE_CLONE)
#define CLONE_STACK_SIZE (256 * 1024)
static char *clone_stack_top;

struct clone_arg {
    volatile int *stack_word;
    volatile int *heap_word;
};

static int clone_semantics_child(void *p) {
    struct clone_arg *a = (struct clone_arg *)p;
    child_body(a->stack_word, a->heap_word, opt.busy_ms);
    _exit(0);
    return 0;
}

static int ensure_clone_stack(void) {
    void *stack;
    int flags = MAP_PRIVATE | MAP_ANONYMOUS;
#if defined(MAP_STACK)
    flags |= MAP_STACK;
#endif
    if (clone_stack_top) return 0;
    stack = mmap(NULL, CLONE_STACK_SIZE, PROT_READ | PROT_WRITE, flags, -1, 0);
    if (stack == MAP_FAILED) return -1;
    /* Stacks grow down on every Linux architecture but PA-RISC. */
#if defined(__hppa__)
    clone_stack_top = (char *)stack;
#else
    clone_stack_top = (char *)stack + CLONE_STACK_SIZE;
#endif
    return 0;
}

#if defined(__GNUC__)
__attribute__((noinline))
#endif
static int trial_clone(struct trial *t, volatile int *heap_word, int *unavailable_errno) {
    volatile int stack_word = PARENT_VALUE;
    struct clone_arg arg;
    int64_t called, resumed;
    pid_t pid;
    int status;
    if (ensure_clone_stack() != 0) {
        *unavailable_errno = errno;
        return -1;
    }
    arg.stack_word = &stack_word;
    arg.heap_word = heap_word;
    global_word = PARENT_VALUE;
    *heap_word = PARENT_VALUE;
    reset_shared();
    called = now_ns();
    pid = clone(clone_semantics_child, clone_stack_top, CLONE_VM | CLONE_VFORK | SIGCHLD, &arg);
    resumed = now_ns();
    shared->parent_returned = 1;
    if (pid < 0) {
        *unavailable_errno = errno;
        return -1;
    }
    status = reap(pid);
    classify_trial(t, status, called, resumed, stack_word, *heap_word);
    return 0;
}
#endif

static void run_semantics(void) {
    volatile int *heap_word = (volatile int *)malloc(sizeof(int));
    int m, i;
    if (!heap_word) {
        fprintf(stderr, "vforkprobe: out of memory\n");
        exit(1);
    }
    for (m = 0; m < M_COUNT; m++) {
        results[m].available = 1;
        results[m].reason[0] = '\0';
        results[m].ntrials = 0;
    }
#if !defined(VFP_HAVE_VFORK)
    results[M_VFORK].available = 0;
    snprintf(results[M_VFORK].reason, sizeof results[M_VFORK].reason, "not built (VFP_NO_VFORK)");
#endif
#if !defined(VFP_HAVE_CLONE)
    results[M_CLONE_VFORK].available = 0;
    snprintf(results[M_CLONE_VFORK].reason, sizeof results[M_CLONE_VFORK].reason,
             "not built (VFP_NO_CLONE, or not Linux)");
#endif
    for (i = 0; i < opt.trials; i++) {
        for (m = 0; m < M_COUNT; m++) {
            struct mechanism_result *r = &results[m];
            struct trial *t = &r->trials[r->ntrials];
            int err = 0, rc = -1;
            if (!r->available) continue;
            memset(t, 0, sizeof *t);
            switch (m) {
#if defined(VFP_HAVE_VFORK)
            case M_VFORK: rc = trial_vfork(t, heap_word, &err); break;
#endif
#if defined(VFP_HAVE_CLONE)
            case M_CLONE_VFORK: rc = trial_clone(t, heap_word, &err); break;
#endif
            case M_FORK: rc = trial_fork(t, heap_word, &err); break;
            default: break;
            }
            if (rc != 0) {
                /* ENOSYS/EINVAL: the kernel or emulator does not offer it (WSL1 said EINVAL). */
                r->available = 0;
                fill_reason(r->reason, sizeof r->reason, mechanism_calls[m], err);
                continue;
            }
            r->ntrials++;
        }
    }
    for (m = 0; m < M_COUNT; m++) {
        struct mechanism_result *r = &results[m];
        if (!r->available) {
            r->verdict = "unavailable";
            continue;
        }
        r->verdict = NULL;
        for (i = 0; i < r->ntrials; i++) {
            const char *v = r->trials[i].ok ? r->trials[i].verdict : "inconsistent";
            if (r->verdict == NULL) r->verdict = v;
            else if (strcmp(r->verdict, v) != 0) r->verdict = settle(r->verdict, v, r);
        }
        if (r->verdict == NULL) r->verdict = "inconsistent";
    }
    free((void *)heap_word);
}

/* ------------------------------------------------------------------------------------------ */
/* latency                                                                                      */

enum cost { C_FORK_EXIT, C_VFORK_EXIT, C_FORK_EXEC, C_VFORK_EXEC, C_POSIX_SPAWN, C_CLONE_EXEC, C_COUNT };
static const char *const cost_names[C_COUNT] = {"fork_exit", "vfork_exit", "fork_exec",
                                                "vfork_exec", "posix_spawn", "clone_exec"};
static const int cost_execs[C_COUNT] = {0, 0, 1, 1, 1, 1};

struct cell {
    int available;
    char reason[200];
    int n;
    double median_us, p90_us, min_us, max_us;
};

struct size_result {
    uint64_t size;
    const char *label;
    long long rss_bytes; /* -1 when unknown */
    const char *pages;
    char error[200];
    struct cell cells[C_COUNT];
};

static struct size_result size_results[MAX_SIZES];
static char exec_path[4096];
static char *exec_argv[] = {"vforkprobe", "--noop", NULL};
static char exec_problem[300];

/* One timed create-and-reap; returns nanoseconds, or -1 with *status describing the failure. */
static int64_t once(enum cost c, int *status_out) {
    int64_t t0 = now_ns();
    pid_t pid = -1;
    int status;
    *status_out = 0;
    switch (c) {
    case C_FORK_EXIT:
        pid = fork();
        if (pid == 0) _exit(0);
        break;
    case C_FORK_EXEC:
        pid = fork();
        if (pid == 0) {
            execve(exec_path, exec_argv, environ);
            _exit(127);
        }
        break;
#if defined(VFP_HAVE_VFORK)
    case C_VFORK_EXIT:
        pid = vfork();
        if (pid == 0) _exit(0);
        break;
    case C_VFORK_EXEC:
        pid = vfork();
        if (pid == 0) {
            execve(exec_path, exec_argv, environ);
            _exit(127);
        }
        break;
#endif
#if defined(VFP_HAVE_POSIX_SPAWN)
    case C_POSIX_SPAWN: {
        int rc = posix_spawn(&pid, exec_path, NULL, NULL, exec_argv, environ);
        if (rc != 0) {
            errno = rc;
            pid = -1;
        }
        break;
    }
#endif
    default: break;
    }
    if (pid < 0) {
        *status_out = -2;
        return -1;
    }
    status = reap(pid);
    if (!exited_ok(status)) {
        *status_out = status;
        return -1;
    }
    return now_ns() - t0;
}

#if defined(VFP_HAVE_CLONE)
static int clone_exec_child(void *unused) {
    (void)unused;
    execve(exec_path, exec_argv, environ);
    _exit(127);
    return 127;
}

static int64_t once_clone_exec(int *status_out) {
    int64_t t0 = now_ns();
    int status;
    pid_t pid = clone(clone_exec_child, clone_stack_top, CLONE_VM | CLONE_VFORK | SIGCHLD, NULL);
    *status_out = 0;
    if (pid < 0) {
        *status_out = -2;
        return -1;
    }
    status = reap(pid);
    if (!exited_ok(status)) {
        *status_out = status;
        return -1;
    }
    return now_ns() - t0;
}
#endif

static int cmp_i64(const void *a, const void *b) {
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return x < y ? -1 : x > y;
}

/* Whether a cell can be measured at all; if not, says why in cell->reason. */
static int cell_measurable(enum cost c, struct cell *cell) {
    cell->available = 1;
    cell->n = 0;
    cell->reason[0] = '\0';
#if !defined(VFP_HAVE_VFORK)
    if (c == C_VFORK_EXIT || c == C_VFORK_EXEC) {
        snprintf(cell->reason, sizeof cell->reason, "not built (VFP_NO_VFORK)");
        return cell->available = 0;
    }
#endif
    if ((c == C_VFORK_EXIT || c == C_VFORK_EXEC) && !results[M_VFORK].available) {
        snprintf(cell->reason, sizeof cell->reason, "vfork unavailable: %.150s", results[M_VFORK].reason);
        return cell->available = 0;
    }
#if !defined(VFP_HAVE_POSIX_SPAWN)
    if (c == C_POSIX_SPAWN) {
        snprintf(cell->reason, sizeof cell->reason, "not built (VFP_NO_POSIX_SPAWN)");
        return cell->available = 0;
    }
#endif
    if (c == C_CLONE_EXEC) {
#if defined(VFP_HAVE_CLONE)
        if (!results[M_CLONE_VFORK].available) {
            snprintf(cell->reason, sizeof cell->reason, "%.199s", results[M_CLONE_VFORK].reason);
            return cell->available = 0;
        }
#else
        snprintf(cell->reason, sizeof cell->reason, "not built (VFP_NO_CLONE, or not Linux)");
        return cell->available = 0;
#endif
    }
    if (cost_execs[c] && exec_problem[0]) {
        snprintf(cell->reason, sizeof cell->reason, "%.199s", exec_problem);
        return cell->available = 0;
    }
    return 1;
}

static void cell_statistics(struct cell *cell, int64_t *samples, int n) {
    qsort(samples, (size_t)n, sizeof samples[0], cmp_i64);
    cell->n = n;
    cell->median_us = (n % 2 ? (double)samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2.0) / 1e3;
    cell->p90_us = (double)samples[(9 * n + 9) / 10 - 1] / 1e3; /* nearest rank */
    cell->min_us = (double)samples[0] / 1e3;
    cell->max_us = (double)samples[n - 1] / 1e3;
}

/*
 * Measures all cells of one parent size round-robin, one run of each per round, so that a burst
 * of load from elsewhere on the machine spreads over every mechanism instead of skewing one.
 * A cell stops after max_iterations runs, or after min_iterations once its runs add up to budget_ms.
 */
static void measure_size(struct size_result *r, int64_t *samples) {
    int c, active = 0;
    int warmup[C_COUNT], n[C_COUNT], done[C_COUNT];
    int64_t spent[C_COUNT];
    for (c = 0; c < C_COUNT; c++) {
        warmup[c] = 2;
        n[c] = 0;
        spent[c] = 0;
        done[c] = !cell_measurable((enum cost)c, &r->cells[c]);
        active += !done[c];
    }
    while (active > 0) {
        for (c = 0; c < C_COUNT; c++) {
            int status = 0;
            int64_t d;
            struct cell *cell = &r->cells[c];
            if (done[c]) continue;
#if defined(VFP_HAVE_CLONE)
            d = c == C_CLONE_EXEC ? once_clone_exec(&status) : once((enum cost)c, &status);
#else
            d = once((enum cost)c, &status);
#endif
            if (d < 0) {
                cell->available = 0;
                if (status == -2) fill_reason(cell->reason, sizeof cell->reason, cost_names[c], errno);
                else describe_status(status, cell->reason, sizeof cell->reason);
                done[c] = 1;
                active--;
                continue;
            }
            if (warmup[c] > 0) {
                warmup[c]--;
                continue;
            }
            samples[(size_t)c * (size_t)opt.max_iterations + (size_t)n[c]++] = d;
            spent[c] += d;
            if (n[c] >= opt.max_iterations || (n[c] >= opt.min_iterations && spent[c] >= (int64_t)opt.budget_ms * 1000000)) {
                cell_statistics(cell, samples + (size_t)c * (size_t)opt.max_iterations, n[c]);
                done[c] = 1;
                active--;
            }
        }
    }
}

static long long resident_bytes(void) {
#if defined(__linux__)
    char buf[128];
    long long size_pages, resident_pages;
    if (read_small_file("/proc/self/statm", buf, sizeof buf) > 0 &&
        sscanf(buf, "%lld %lld", &size_pages, &resident_pages) == 2)
        return resident_pages * (long long)sysconf(_SC_PAGESIZE);
#endif
    return -1;
}

static long long available_memory(void) {
#if defined(__linux__)
    char buf[8192];
    const char *p;
    long long kb;
    if (read_small_file("/proc/meminfo", buf, sizeof buf) > 0 && (p = strstr(buf, "MemAvailable:")) &&
        sscanf(p + 13, "%lld", &kb) == 1)
        return kb * 1024;
#endif
    return -1;
}

static void check_exec_target(void) {
    int status = 0;
    if (access(exec_path, X_OK) != 0) {
        snprintf(exec_problem, sizeof exec_problem, "cannot execute %.150s: %.100s", exec_path, strerror(errno));
        return;
    }
    if (once(C_FORK_EXEC, &status) < 0) {
        char why[160];
        describe_status(status, why, sizeof why);
        /* 127: execve failed, e.g. a foreign binary under a user-mode emulator without binfmt_misc */
        snprintf(exec_problem, sizeof exec_problem, "test exec of %.120s failed: %.60s%s", exec_path, why,
                 status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 127
                     ? " (execve failed: a foreign binary under a user-mode emulator without binfmt_misc?)"
                     : "");
    }
}

static void run_latency(void) {
    int s;
    long page = sysconf(_SC_PAGESIZE);
    int64_t *samples = (int64_t *)malloc(sizeof(int64_t) * (size_t)opt.max_iterations * C_COUNT);
    if (!samples) {
        fprintf(stderr, "vforkprobe: out of memory\n");
        exit(1);
    }
#if defined(VFP_HAVE_CLONE)
    ensure_clone_stack();
#endif
    check_exec_target();
    for (s = 0; s < opt.nsizes; s++) {
        struct size_result *r = &size_results[s];
        long long avail = available_memory();
        char *ballast;
        uint64_t off;
        r->size = opt.sizes[s];
        r->label = opt.size_labels[s];
        r->rss_bytes = -1;
        r->pages = opt.thp;
        r->error[0] = '\0';
        if (avail > 0 && (double)r->size > 0.8 * (double)avail) {
            snprintf(r->error, sizeof r->error, "skipped: %s exceeds 80%% of available memory (%lld MiB)",
                     r->label, avail >> 20);
            continue;
        }
        ballast = (char *)mmap(NULL, (size_t)r->size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (ballast == (char *)MAP_FAILED) {
            snprintf(r->error, sizeof r->error, "mmap of %s failed: %s", r->label, strerror(errno));
            continue;
        }
        /* 4 KiB pages show fork's per-page cost; huge pages hide most of it (see README). */
#if defined(MADV_NOHUGEPAGE)
        if (strcmp(opt.thp, "off") == 0) madvise(ballast, (size_t)r->size, MADV_NOHUGEPAGE);
#endif
#if defined(MADV_HUGEPAGE)
        if (strcmp(opt.thp, "on") == 0) madvise(ballast, (size_t)r->size, MADV_HUGEPAGE);
#endif
        for (off = 0; off < r->size; off += (uint64_t)page) ballast[off] = (char)off;
        r->rss_bytes = resident_bytes();
        measure_size(r, samples);
        munmap(ballast, (size_t)r->size);
    }
    free(samples);
}

/* ------------------------------------------------------------------------------------------ */
/* identity                                                                                     */

static const char *compiled_arch(void) {
#if defined(__x86_64__) && defined(__ILP32__)
    return "x32";
#elif defined(__x86_64__)
    return "x86_64";
#elif defined(__i386__)
    return "i386";
#elif defined(__aarch64__)
    return "aarch64";
#elif defined(__arm__)
    return "arm";
#elif defined(__riscv) && __riscv_xlen == 64
    return "riscv64";
#elif defined(__riscv)
    return "riscv32";
#elif defined(__powerpc64__) && defined(__LITTLE_ENDIAN__)
    return "ppc64le";
#elif defined(__powerpc64__)
    return "ppc64";
#elif defined(__powerpc__)
    return "ppc";
#elif defined(__s390x__)
    return "s390x";
#elif defined(__loongarch64)
    return "loongarch64";
#elif defined(__mips64)
    return "mips64";
#elif defined(__mips__)
    return "mips";
#elif defined(__sparc__)
    return "sparc";
#elif defined(__m68k__)
    return "m68k";
#elif defined(__hppa__)
    return "hppa";
#else
    return "unknown";
#endif
}

/* The CPU family /proc/cpuinfo describes, to notice a binary running on a foreign CPU. */
static const char *cpuinfo_family(const char *cpuinfo) {
    if (strstr(cpuinfo, "vendor_id")) return "x86";
    if (strstr(cpuinfo, "CPU implementer")) return "arm";
    if (strstr(cpuinfo, "isa\t") || strstr(cpuinfo, "mmu\t\t: sv")) return "riscv";
    if (strstr(cpuinfo, "cpu\t\t: POWER") || strstr(cpuinfo, "PowerPC")) return "power";
    if (strstr(cpuinfo, "vendor_id       : IBM/S390")) return "s390";
    return NULL;
}

static const char *arch_family(const char *arch) {
    if (!strcmp(arch, "x86_64") || !strcmp(arch, "i386") || !strcmp(arch, "x32")) return "x86";
    if (!strcmp(arch, "aarch64") || !strcmp(arch, "arm")) return "arm";
    if (!strncmp(arch, "riscv", 5)) return "riscv";
    if (!strncmp(arch, "ppc", 3)) return "power";
    if (!strcmp(arch, "s390x")) return "s390";
    return NULL;
}

static void print_libc(void) {
    json_open("libc", '{');
#if defined(__GLIBC__)
    json_str("name", "glibc");
    json_str("version", gnu_get_libc_version());
    json_str("detected_by", "__GLIBC__ and gnu_get_libc_version()");
#elif defined(__UCLIBC__)
    {
        char v[32];
        snprintf(v, sizeof v, "%d.%d.%d", __UCLIBC_MAJOR__, __UCLIBC_MINOR__, __UCLIBC_SUBLEVEL__);
        json_str("name", "uclibc");
        json_str("version", v);
        json_str("detected_by", "__UCLIBC__");
    }
#elif defined(__BIONIC__)
    json_str("name", "bionic");
    json_null("version");
    json_str("detected_by", "__BIONIC__");
#elif defined(__APPLE__)
    json_str("name", "libSystem");
    json_null("version");
    json_str("detected_by", "__APPLE__");
#elif defined(__CYGWIN__)
    json_str("name", "cygwin");
    json_null("version");
    json_str("detected_by", "__CYGWIN__");
#elif defined(__FreeBSD__) || defined(__NetBSD__) || defined(__OpenBSD__) || defined(__DragonFly__)
    json_str("name", "bsd-libc");
    json_null("version");
    json_str("detected_by", "BSD system macro");
#elif defined(__linux__)
    /* musl deliberately defines no identifying macro; on Linux, "none of the above" is musl. */
    json_str("name", "musl");
#if defined(VFP_LIBC_VERSION)
    json_str("version", VFP_LIBC_VERSION);
#else
    json_null("version");
#endif
    json_str("detected_by", "inferred: Linux without __GLIBC__, __UCLIBC__ or __BIONIC__");
#else
    json_str("name", "other");
    json_null("version");
    json_str("detected_by", "no known libc macro");
#endif
    json_close('}');
}

static void print_compiler(void) {
    json_open("compiler", '{');
#if defined(__clang__)
    json_str("name", "clang");
    json_str("version", __clang_version__);
#elif defined(__GNUC__)
    json_str("name", "gcc");
    json_str("version", __VERSION__);
#else
    json_str("name", "unknown");
    json_null("version");
#endif
    json_close('}');
}

static const char *linkage(void) {
#if defined(VFP_HAVE_AUXV) && defined(AT_BASE)
    /* AT_BASE is the program interpreter's load address: zero when nothing was loaded. */
    return getauxval(AT_BASE) == 0 ? "static" : "dynamic";
#else
    return "unknown";
#endif
}

static void thp_mode(char *buf, size_t cap) {
    char raw[256];
    char *l, *r;
    snprintf(buf, cap, "unknown");
    if (read_small_file("/sys/kernel/mm/transparent_hugepage/enabled", raw, sizeof raw) <= 0) return;
    l = strchr(raw, '[');
    r = l ? strchr(l, ']') : NULL;
    if (l && r) {
        *r = '\0';
        snprintf(buf, cap, "%s", l + 1);
    }
}

static void print_emulation(const struct utsname *u) {
    char evidence[8][300];
    int ne = 0, i;
    const char *detected = "none";
    int virtual_machine = 0;
#if defined(__linux__)
    {
        static char cpuinfo[65536];
        char self_exe[1024], host_exe[1024], task_exe_path[64], status[4096];
        ssize_t n1, n2;
        const char *p;
        n1 = readlink("/proc/self/exe", self_exe, sizeof self_exe - 1);
        snprintf(task_exe_path, sizeof task_exe_path, "/proc/%ld/task/%ld/exe", (long)getpid(), (long)getpid());
        /* Emulators fake /proc/self/exe for their guest but not this longer path to the same link. */
        n2 = readlink(task_exe_path, host_exe, sizeof host_exe - 1);
        if (n1 > 0 && n2 > 0) {
            self_exe[n1] = '\0';
            host_exe[n2] = '\0';
            if (strcmp(self_exe, host_exe) != 0) {
                const char *base = strrchr(host_exe, '/');
                base = base ? base + 1 : host_exe;
                snprintf(evidence[ne++], sizeof evidence[0], "the host process image is %.120s, not %.120s", host_exe,
                         self_exe);
                if (strstr(base, "qemu")) detected = "qemu-user";
                else if (strstr(host_exe, "valgrind") || strstr(base, "memcheck") || strstr(base, "-linux"))
                    detected = "valgrind";
                else detected = "unknown";
            }
        }
        if (read_small_file("/proc/self/maps", cpuinfo, sizeof cpuinfo) > 0 && strstr(cpuinfo, "vgpreload")) {
            snprintf(evidence[ne++], sizeof evidence[0], "valgrind's vgpreload library is mapped");
            detected = "valgrind";
        }
        if (read_small_file("/proc/cpuinfo", cpuinfo, sizeof cpuinfo) > 0) {
            const char *have = cpuinfo_family(cpuinfo), *want = arch_family(compiled_arch());
            if (have && want && strcmp(have, want) != 0) {
                snprintf(evidence[ne++], sizeof evidence[0],
                         "built for %s but /proc/cpuinfo describes a %s CPU", compiled_arch(), have);
                if (!strcmp(detected, "none")) detected = "user-mode-emulator";
            }
            if (strstr(cpuinfo, " hypervisor")) virtual_machine = 1;
        }
        if (read_small_file("/proc/self/status", status, sizeof status) > 0 && (p = strstr(status, "TracerPid:"))) {
            long tracer = strtol(p + 10, NULL, 10);
            if (tracer != 0) snprintf(evidence[ne++], sizeof evidence[0], "traced by pid %ld (ptrace)", tracer);
        }
        if (strstr(u->release, "Microsoft")) {
            snprintf(evidence[ne++], sizeof evidence[0], "kernel release names Microsoft: WSL1");
            detected = "wsl1";
        } else if (strstr(u->release, "microsoft")) {
            snprintf(evidence[ne++], sizeof evidence[0], "kernel release names microsoft: WSL2 (a real Linux kernel in a VM)");
            virtual_machine = 1;
        }
    }
#else
    (void)u;
#endif
    json_open("emulation", '{');
    json_str("detected", detected);
    json_bool("virtual_machine", virtual_machine);
    json_open("evidence", '[');
    for (i = 0; i < ne; i++) json_str(NULL, evidence[i]);
    json_close(']');
    json_close('}');
}

static void print_platform(void) {
    struct utsname u;
    char thp[32];
    if (uname(&u) != 0) memset(&u, 0, sizeof u);
    thp_mode(thp, sizeof thp);
    json_open("platform", '{');
    json_str("os", u.sysname);
    json_str("release", u.release);
    json_str("kernel_version", u.version);
    json_str("machine", u.machine);
    json_str("arch", compiled_arch());
    json_int("pointer_bits", (long long)(sizeof(void *) * 8));
    json_int("page_size", (long long)sysconf(_SC_PAGESIZE));
    json_int("cpus", (long long)sysconf(_SC_NPROCESSORS_ONLN));
    print_libc();
    print_compiler();
    json_str("linkage", linkage());
    json_str("transparent_hugepages", thp);
    print_emulation(&u);
    json_close('}');
}

/* ------------------------------------------------------------------------------------------ */
/* report                                                                                       */

static void print_mechanisms(void) {
    int m, i;
    json_open("mechanisms", '{');
    for (m = 0; m < M_COUNT; m++) {
        struct mechanism_result *r = &results[m];
        json_open(mechanism_names[m], '{');
        json_str("call", mechanism_calls[m]);
        json_str("verdict", r->verdict);
        if (r->available) json_null("reason");
        else json_str("reason", r->reason);
        json_open("trials", '[');
        for (i = 0; i < r->ntrials; i++) {
            struct trial *t = &r->trials[i];
            json_open(NULL, '{');
            if (!t->ok) {
                json_str("verdict", "inconsistent");
                json_str("error", t->error);
            } else {
                json_str("verdict", t->verdict);
                json_str("memory", t->memory);
                json_bool("global_shared", t->global_shared);
                json_bool("heap_shared", t->heap_shared);
                json_bool("stack_shared", t->stack_shared);
                json_bool("suspended", t->suspended);
                json_bool("child_saw_parent_running", t->child_saw_parent);
                json_num("parent_blocked_ms", t->parent_blocked_ms);
                json_num("child_busy_ms", t->child_busy_ms);
            }
            json_close('}');
        }
        json_close(']');
        json_close('}');
    }
    json_close('}');
}

static void print_latency(void) {
    int s, c;
    json_open("latency", '[');
    for (s = 0; opt.quick == 0 && s < opt.nsizes; s++) {
        struct size_result *r = &size_results[s];
        struct cell *k = r->cells;
        json_open(NULL, '{');
        json_str("size", r->label);
        json_int("size_bytes", (long long)r->size);
        if (r->rss_bytes >= 0) json_int("rss_bytes", r->rss_bytes);
        else json_null("rss_bytes");
        json_str("pages", r->pages);
        if (r->error[0]) {
            json_str("error", r->error);
        } else {
            json_null("error");
            json_open("results", '{');
            for (c = 0; c < C_COUNT; c++) {
                json_open(cost_names[c], '{');
                if (k[c].available) {
                    json_num("median_us", k[c].median_us);
                    json_num("p90_us", k[c].p90_us);
                    json_num("min_us", k[c].min_us);
                    json_num("max_us", k[c].max_us);
                    json_int("n", k[c].n);
                } else {
                    json_str("unavailable", k[c].reason);
                }
                json_close('}');
            }
            json_close('}');
            json_open("ratios", '{');
#define MED(x) (k[x].available ? k[x].median_us : 0.0)
            json_ratio("fork_exit_over_vfork_exit", MED(C_FORK_EXIT), MED(C_VFORK_EXIT));
            json_ratio("fork_exec_over_vfork_exec", MED(C_FORK_EXEC), MED(C_VFORK_EXEC));
            json_ratio("fork_exec_over_posix_spawn", MED(C_FORK_EXEC), MED(C_POSIX_SPAWN));
#undef MED
            json_close('}');
        }
        json_close('}');
    }
    json_close(']');
}

/* ------------------------------------------------------------------------------------------ */
/* command line                                                                                 */

static void usage(FILE *f) {
    fputs("usage: vforkprobe [--quick] [--trials N] [--busy-ms N] [--sizes 2M,64M,...]\n"
          "                  [--iterations N] [--min-iterations N] [--budget-ms N]\n"
          "                  [--thp off|on|system] [--exec-target PATH]\n"
          "Prints one JSON document (schema " "1" ") on stdout; see README.md.\n",
          f);
}

static int parse_int(const char *flag, const char *s, int lo, int hi) {
    char *end;
    long v;
    errno = 0;
    v = strtol(s, &end, 10);
    if (errno || *end || end == s || v < lo || v > hi) {
        fprintf(stderr, "vforkprobe: %s expects an integer from %d to %d, got '%s'\n", flag, lo, hi, s);
        exit(2);
    }
    return (int)v;
}

static void parse_sizes(const char *list) {
    char buf[512], *tok, *save = NULL;
    snprintf(buf, sizeof buf, "%s", list);
    opt.nsizes = 0;
    for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        char *end;
        double v;
        uint64_t mult = 1;
        errno = 0;
        v = strtod(tok, &end);
        switch (*end) {
        case 'k': case 'K': mult = 1024ULL; end++; break;
        case 'm': case 'M': mult = 1024ULL * 1024; end++; break;
        case 'g': case 'G': mult = 1024ULL * 1024 * 1024; end++; break;
        default: break;
        }
        if (*end == 'i' || *end == 'B') end++; /* accept 64MiB, 64MB */
        if (*end == 'B') end++;
        if (errno || end == tok || *end || v <= 0 || opt.nsizes == MAX_SIZES) {
            fprintf(stderr, "vforkprobe: --sizes expects a list like 2M,64M,1G (at most %d), got '%s'\n",
                    MAX_SIZES, list);
            exit(2);
        }
        opt.sizes[opt.nsizes] = (uint64_t)(v * (double)mult);
        snprintf(opt.size_labels[opt.nsizes], sizeof opt.size_labels[0], "%s", tok);
        opt.nsizes++;
    }
    if (opt.nsizes == 0) {
        fprintf(stderr, "vforkprobe: --sizes is empty\n");
        exit(2);
    }
}

static void find_self(const char *argv0) {
    ssize_t n = -1;
#if defined(__linux__)
    n = readlink("/proc/self/exe", exec_path, sizeof exec_path - 1);
#endif
    if (n > 0) {
        exec_path[n] = '\0';
    } else if (strchr(argv0, '/')) {
        if (!realpath(argv0, exec_path)) snprintf(exec_path, sizeof exec_path, "%s", argv0);
    } else {
        snprintf(exec_path, sizeof exec_path, "/bin/true"); /* found on PATH: no reliable self path */
    }
}

int main(int argc, char **argv) {
    int i;
    int64_t started;
    /* The exec'd "trivial program" of the latency table is this binary, so that cross builds work. */
    if (argc > 1 && strcmp(argv[1], "--noop") == 0) _exit(0);
    started = now_ns();

    opt.quick = 0;
    opt.trials = 3;
    opt.busy_ms = 50;
    opt.max_iterations = 400;
    opt.min_iterations = 5;
    opt.budget_ms = 40;
    opt.thp = "off";
    opt.exec_target = NULL;
    parse_sizes("2M,64M");
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
#define NEEDS_VALUE                                                          \
    do {                                                                     \
        if (!v) {                                                            \
            fprintf(stderr, "vforkprobe: %s needs a value\n", a);            \
            return 2;                                                        \
        }                                                                    \
        i++;                                                                 \
    } while (0)
        if (!strcmp(a, "--quick")) opt.quick = 1;
        else if (!strcmp(a, "--trials")) { NEEDS_VALUE; opt.trials = parse_int(a, v, 1, MAX_TRIALS); }
        else if (!strcmp(a, "--busy-ms")) { NEEDS_VALUE; opt.busy_ms = parse_int(a, v, 1, 10000); }
        else if (!strcmp(a, "--sizes")) { NEEDS_VALUE; parse_sizes(v); }
        else if (!strcmp(a, "--iterations")) { NEEDS_VALUE; opt.max_iterations = parse_int(a, v, 1, 1000000); }
        else if (!strcmp(a, "--min-iterations")) { NEEDS_VALUE; opt.min_iterations = parse_int(a, v, 1, 1000000); }
        else if (!strcmp(a, "--budget-ms")) { NEEDS_VALUE; opt.budget_ms = parse_int(a, v, 0, 3600000); }
        else if (!strcmp(a, "--thp")) {
            NEEDS_VALUE;
            if (strcmp(v, "off") && strcmp(v, "on") && strcmp(v, "system")) {
                fprintf(stderr, "vforkprobe: --thp expects off, on or system, got '%s'\n", v);
                return 2;
            }
            opt.thp = v;
        }
        else if (!strcmp(a, "--exec-target")) { NEEDS_VALUE; opt.exec_target = v; }
        else if (!strcmp(a, "--help") || !strcmp(a, "-h")) { usage(stdout); return 0; }
        else if (!strcmp(a, "--version")) { printf("vforkprobe %s (schema %d)\n", VFP_VERSION, VFP_SCHEMA); return 0; }
        else {
            fprintf(stderr, "vforkprobe: unknown option '%s'\n", a);
            usage(stderr);
            return 2;
        }
#undef NEEDS_VALUE
    }
    if (opt.min_iterations > opt.max_iterations) opt.min_iterations = opt.max_iterations;
    if (opt.exec_target) snprintf(exec_path, sizeof exec_path, "%s", opt.exec_target);
    else find_self(argv[0]);

    shared = (struct shared_page *)mmap(NULL, sizeof *shared, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (shared == (struct shared_page *)MAP_FAILED) {
        fprintf(stderr, "vforkprobe: mmap(MAP_SHARED) failed: %s\n", strerror(errno));
        return 1;
    }

    run_semantics();
    if (!opt.quick) run_latency();

    json_open(NULL, '{');
    json_int("schema", VFP_SCHEMA);
    json_open("probe", '{');
    json_str("version", VFP_VERSION);
    json_open("options", '{');
    json_bool("quick", opt.quick);
    json_int("trials", opt.trials);
    json_int("busy_ms", opt.busy_ms);
    json_open("sizes", '[');
    for (i = 0; i < opt.nsizes; i++) json_str(NULL, opt.size_labels[i]);
    json_close(']');
    json_int("max_iterations", opt.max_iterations);
    json_int("min_iterations", opt.min_iterations);
    json_int("budget_ms", opt.budget_ms);
    json_str("thp", opt.thp);
    json_close('}');
    json_str("exec_target", exec_path);
    json_num("elapsed_ms", (double)(now_ns() - started) / 1e6);
    json_close('}');
    print_platform();
    print_mechanisms();
    print_latency();
    json_close('}');
    putchar('\n');
    return fflush(stdout) == 0 ? 0 : 1;
}
