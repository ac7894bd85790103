/* Writes in the vfork child to memory it shares with the parent (VFK104), and the parent
 * reading what the child wrote (VFK201). */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <alloca.h>
#include <errno.h>
#include <termios.h>
#include <unistd.h>

extern char **environ;

enum job_state { JOB_NEW, JOB_RUNNING, JOB_FAILED };

struct job {
    enum job_state state;
    int exit_code;
};

struct spawn_opts {
    int fd;
    int flags;
};

int g_spawn_count;
static int s_last_fd = -1;
int *g_status_slot;
static int g_child_stage;

/* VFK104: write to a global (s05) */
void bad_global_write(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        g_spawn_count = 1;                  /* expect: VFK104 */
        execv(path, argv);
        _exit(127);
    }
}

/* VFK104: write to a file-scope static */
void bad_file_static_write(int fd, const char *path, char *const argv[])
{
    if (vfork() == 0) {
        s_last_fd = fd;                     /* expect: VFK104 */
        execv(path, argv);
        _exit(127);
    }
}

/* VFK104: write to a static local declared before the vfork */
pid_t bad_static_local_write(const char *path, char *const argv[])
{
    static int spawned;
    pid_t pid;

    if (spawned)
        return 0;
    pid = vfork();
    if (pid == 0) {
        spawned = 1;                        /* expect: VFK104 */
        execv(path, argv);
        _exit(127);
    }
    return pid;
}

/* VFK104: write to a parameter the parent reads afterwards */
int bad_parameter_write(int fd, const char *path, char *const argv[])
{
    if (vfork() == 0) {
        if (fd < 0)
            fd = open("/dev/null", O_RDWR); /* expect: VFK104 */
        dup2(fd, 0);
        execv(path, argv);
        _exit(127);
    }
    return fd;                              /* expect: VFK201 */
}

/* VFK104: write to a local declared before the vfork (s04) */
int bad_local_before_vfork(int fd, const char *path, char *const argv[])
{
    int target = 1;
    pid_t pid;

    if (fd == target)
        return 0;
    pid = vfork();
    if (pid == 0) {
        target = 2;                         /* expect: VFK104 */
        dup2(fd, 2);
        execv(path, argv);
        _exit(127);
    }
    return pid < 0 ? -1 : target;           /* expect: VFK201 */
}

/* VFK104: *p through a pointer parameter (s26) */
void bad_deref_write(int *status_out, const char *path, char *const argv[])
{
    if (vfork() == 0) {
        execv(path, argv);
        *status_out = 127;                  /* expect: VFK104 */
        _exit(127);
    }
}

/* VFK104: p->f through a pointer parameter */
void bad_member_through_pointer(struct job *job, const char *path, char *const argv[])
{
    if (vfork() == 0) {
        job->state = JOB_RUNNING;           /* expect: VFK104 */
        execv(path, argv);
        _exit(127);
    }
}

/* VFK104: p[i] through a pointer parameter */
void bad_index_through_pointer(int *fds, const char *path, char *const argv[])
{
    if (vfork() == 0) {
        dup2(fds[0], 0);
        fds[0] = -1;                        /* expect: VFK104 */
        execv(path, argv);
        _exit(127);
    }
}

/* VFK104: *p through a global pointer */
void bad_global_pointer_deref(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        execv(path, argv);
        *g_status_slot = 127;               /* expect: VFK104 */
        _exit(127);
    }
}

/* VFK104: heap memory the parent allocated before the vfork (s30) */
void bad_heap_write(size_t len, const char *path, char *const argv[])
{
    char *buf = malloc(len);

    if (buf == NULL)
        return;
    if (vfork() == 0) {
        buf[0] = '\0';                      /* expect: VFK104 */
        execv(path, argv);
        _exit(127);
    }
}

/* VFK104: ++ on a global */
void bad_preincrement_global(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        ++g_spawn_count;                    /* expect: VFK104 */
        execv(path, argv);
        _exit(127);
    }
}

/* compound assignment to a local declared before the vfork that the parent never reads again:
 * harmless where vfork shares memory (a note in the strict profile only) */
int ok_compound_assign_unobservable_local(const char *path, char *const argv[])
{
    int attempts = 0;
    pid_t pid = vfork();

    if (pid == 0) {
        attempts += 1;
        execv(path, argv);
        _exit(127);
    }
    return pid;
}

/* VFK104: -- on a parameter the parent reads in the next round of its loop */
void bad_postdecrement_parameter(int retries, const char *path, char *const argv[])
{
    while (retries > 0) {                   /* expect: VFK201 */
        if (vfork() == 0) {
            while (retries-- > 0)           /* expect: VFK104 */
                execv(path, argv);
            _exit(127);
        }
        retries--;                          /* expect: VFK201 */
    }
}

/* VFK104: element of an array declared before the vfork */
int bad_parent_array_write(const char *path, char *const argv[])
{
    char name[32] = "child";
    pid_t pid;

    if (strcmp(argv[0], name) == 0)
        return 0;
    pid = vfork();
    if (pid == 0) {
        name[0] = 'C';                      /* expect: VFK104 */
        execv(path, argv);
        _exit(127);
    }
    return pid < 0 ? -1 : name[1];          /* expect: VFK201 */
}

/* member of a struct declared before the vfork that the parent never reads again: harmless
 * where vfork shares memory (a note in the strict profile only) */
int ok_parent_struct_write_unobservable(int fd, const char *path, char *const argv[])
{
    struct spawn_opts opts = { 0, 0 };
    pid_t pid;

    if (fd == opts.fd)
        return 0;
    pid = vfork();
    if (pid == 0) {
        opts.fd = fd;
        execv(path, argv);
        _exit(127);
    }
    return pid;
}

/* VFK104: a child-local pointer that may point at the parent's buffer */
void bad_pointer_may_point_at_parent(char *parent_buf, int use_parent)
{
    if (vfork() == 0) {
        char local[8];
        char *p = local;

        if (use_parent)
            p = parent_buf;
        *p = '\0';                          /* expect: VFK104 */
        _exit(0);
    }
}

/* VFK104 + VFK201: the child flags a failed exec, the parent reads the flag (s12) */
int bad_exec_failed_flag(const char *path, char *const argv[])
{
    volatile int exec_failed = 0;
    pid_t pid = vfork();

    if (pid == 0) {
        execv(path, argv);
        exec_failed = 1;                    /* expect: VFK104 */
        _exit(127);
    }
    if (pid < 0)
        return -1;
    waitpid(pid, NULL, 0);
    return exec_failed ? -1 : 0;            /* expect: VFK201 */
}

/* VFK104 + VFK201: a global stage marker read in the parent's else branch */
int bad_stage_read_in_parent_branch(const char *path, char *const argv[])
{
    pid_t pid = vfork();

    if (pid == 0) {
        g_child_stage = 2;                  /* expect: VFK104 */
        execv(path, argv);
        _exit(127);
    } else if (pid > 0) {
        waitpid(pid, NULL, 0);
        if (g_child_stage == 2)             /* expect: VFK201 */
            return 1;
    }
    return 0;
}

/* ---------------------------------------------------------------------------------------- */

/* an int declared in the child region may be written */
void ok_child_local_int(int fd, const char *path, char *const argv[])
{
    if (vfork() == 0) {
        int code = 120;

        if (fd < 0)
            code = 126;
        else
            code += 7;
        execv(path, argv);
        _exit(code);
    }
}

/* an array declared in the child region may be written */
void ok_child_local_array(int errfd, const char *path, char *const argv[])
{
    if (vfork() == 0) {
        char msg[4];

        execv(path, argv);
        msg[0] = 'e';
        msg[1] = 'r';
        msg[2] = 'r';
        msg[3] = '\n';
        write(errfd, msg, sizeof msg);
        _exit(127);
    }
}

/* a struct declared in the child region may be written */
void ok_child_local_struct(int fd, const char *path, char *const argv[])
{
    if (vfork() == 0) {
        struct spawn_opts opts;

        opts.fd = fd;
        opts.flags = 0;
        if (opts.fd >= 0)
            dup2(opts.fd, 0);
        execv(path, argv);
        _exit(127 + opts.flags);
    }
}

/* a pointer declared in the child that only points at the child's own array */
void ok_pointer_to_child_array(int errfd, const char *path, char *const argv[])
{
    if (vfork() == 0) {
        char msg[8];
        char *p = msg;

        execv(path, argv);
        *p = 'x';
        p[1] = '\n';
        p++;
        *p = '!';
        p = p + 1;
        *p = '?';
        write(errfd, msg, 2);
        _exit(127);
    }
}

/* storing vfork's result is not a write to shared memory */
pid_t ok_store_result(const char *path, char *const argv[])
{
    pid_t pid, copy;

    copy = pid = vfork();
    if (pid == 0) {
        execv(path, argv);
        _exit(127);
    }
    return copy;
}

/* the child may read anything the parent owns */
void ok_child_reads_parent_memory(const struct job *job, const int *fds,
                                  const char *path, char *const argv[])
{
    if (vfork() == 0) {
        if (job->state == JOB_FAILED || g_spawn_count > 10 || s_last_fd == fds[0])
            _exit(125);
        dup2(fds[0], 0);
        execv(path, argv);
        _exit(127);
    }
}

/* the parent and the failure branch may write anything */
int ok_parent_writes(struct job *job, const char *path, char *const argv[])
{
    pid_t pid = vfork();

    if (pid == 0) {
        execv(path, argv);
        _exit(127);
    }
    if (pid < 0) {
        job->state = JOB_FAILED;
        g_spawn_count = 0;
        return -1;
    }
    job->state = JOB_RUNNING;
    ++g_spawn_count;
    return 0;
}

/* the parent reads a variable the child only read: no VFK201 */
int ok_parent_reads_unwritten(int fd, const char *path, char *const argv[])
{
    int saved_fd = fd;
    pid_t pid = vfork();

    if (pid == 0) {
        dup2(saved_fd, 0);
        execv(path, argv);
        _exit(127);
    }
    waitpid(pid, NULL, 0);
    return saved_fd;
}

/* a struct whose definition is in a system header the scan does not read (struct termios):
 * an element of its array member is still storage inside the child's own local */
static void set_sane_term(void)
{
    struct termios tty;

    if (tcgetattr(0, &tty) != 0)
        return;
    tty.c_cc[VINTR] = 3;
    tcsetattr(0, TCSANOW, &tty);
}

void ok_struct_of_unknown_type_in_helper(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        set_sane_term();
        execv(path, argv);
        _exit(127);
    }
}

/* CPython's _posixsubprocess: hex digits written backwards into the child's own buffer */
static void report_errno_in_hex(int fd, int saved_errno)
{
    char hex_errno[sizeof(saved_errno) * 2 + 1];
    char *cur = hex_errno + sizeof(hex_errno);

    while (saved_errno != 0 && cur != hex_errno) {
        *--cur = "0123456789abcdef"[saved_errno % 16];
        saved_errno /= 16;
    }
    write(fd, cur, hex_errno + sizeof(hex_errno) - cur);
}

void ok_pre_decrement_into_child_buffer(int fd, const char *path, char *const argv[])
{
    if (vfork() == 0) {
        execv(path, argv);
        report_errno_in_hex(fd, 2);
        _exit(127);
    }
}

/* errno is the parent thread's under vfork, but every failed exec writes it anyway */
void ok_errno_written_after_exec(int fd, const char *path, char *const argv[])
{
    if (vfork() == 0) {
        execv(path, argv);
        if (errno == ENOENT)
            errno = ENOEXEC;
        write(fd, &errno, sizeof errno);
        _exit(127);
    }
}

/* GNU make's exec_command: an argv built with alloca lives in the child's own frame */
static void exec_through_shell(const char *shell, char **argv)
{
    char **new_argv = alloca(3 * sizeof(char *));

    new_argv[0] = (char *) shell;
    new_argv[1] = argv[0];
    new_argv[2] = NULL;
    execv(shell, new_argv);
}

void ok_alloca_in_child(const char *shell, char **argv)
{
    if (vfork() == 0) {
        exec_through_shell(shell, argv);
        _exit(127);
    }
}

/* busybox tcpudp: the parent stores a new value before it reads, so the child's write to the
 * variable is dead by then: the parent can never see it (a note in the strict profile only) */
char *describe_peer(int fd);

void ok_parent_overwrites_before_reading(int fd, const char *path, char *const argv[])
{
    char *remote = 0;

    for (;;) {
        remote = describe_peer(fd);
        if (remote == 0)
            break;
        if (vfork() == 0) {
            remote = 0;
            execv(path, argv);
            _exit(127);
        }
    }
}

/* memory a function pointer handed out: vforklint cannot know whose it is (CPython passes
 * allocators around this way) */
static char *(*buffer_source)(void);

static void fill_from_source(void)
{
    char *p = buffer_source();              /* expect: VFK108 */

    *p = 0;                                 /* expect: VFK104 */
}

void spawn_fills_buffer_from_pointer(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        fill_from_source();
        execv(path, argv);
        _exit(127);
    }
}

/* Memory the child allocated is the child's: the allocation is the finding, not the writes
 * into it (busybox bb_verror_msg builds its message this way) */
static void *xmalloc_or_die(unsigned n)
{
    void *p = malloc(n);                    /* expect: VFK101 */

    if (!p)
        _exit(1);
    return p;
}

void spawn_writes_into_its_own_allocations(char *parent_buf, const char *path, char *const argv[])
{
    if (vfork() == 0) {
        char *mine = malloc(8);             /* expect: VFK101 */
        char *wrapped = xmalloc_or_die(8);
        char *grown = realloc(mine, 16);    /* expect: VFK101 */
        char *theirs = realloc(parent_buf, 16); /* expect: VFK101 */

        mine[0] = 'a';
        wrapped[0] = 'b';
        grown[1] = 'c';
        theirs[0] = 'd';                    /* expect: VFK104 */
        execv(path, argv);
        _exit(127);
    }
}

/* ---------------------------------------------------------------------------------------- */
/* VFK201 bookkeeping (review #11) */
static int child_status;

static void set_child_status(void)
{
    child_status = 1;                       /* expect: VFK104 */
}

/* (a) the parent stores its own value before reading: the helper's write is dead by then */
int ok_parent_overwrites_helper_global(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        set_child_status();
        execv(path, argv);
        _exit(127);
    }
    child_status = 0;
    return child_status;
}

/* (b) the result holder stays the parent's to overwrite, however often the child changes it */
pid_t ok_child_reuses_result_variable(const char *path, char *const argv[])
{
    pid_t pid = vfork();

    if (pid == 0) {
        pid = getpid();
        pid = 0;
        execv(path, argv);
        _exit(127);
    }
    return pid;
}

/* (d) a helper writes through &status: the parent's later read relies on it */
static void set_through(int *where)
{
    *where = 1;                             /* expect: VFK104 */
}

int bad_parent_reads_what_helper_wrote_through_address(const char *path, char *const argv[])
{
    int status = 0;

    if (vfork() == 0) {
        set_through(&status);
        execv(path, argv);
        _exit(127);
    }
    return status;                          /* expect: VFK201 */
}
