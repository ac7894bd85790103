/* A global that tells the child it is one: dash sets vforked before vfork() and clears it in the
 * parent; helpers the child calls test it and take the path meant for a vfork child. Helpers are
 * summarised for what the caller knows of the globals they read. */
#include <setjmp.h>
#include <stdlib.h>
#include <unistd.h>

int vforked;
static int in_child_mode;
static int exception;
static int shell_level;
static jmp_buf handler;

static void raise_flagged(int e)
{
    if (vforked)
        _exit(2);
    exception = e;                      /* the flagged child never gets here */
    longjmp(handler, 1);
}

static void raise_unflagged(int e)
{
    if (vforked)
        _exit(2);
    exception = e;                      /* expect: VFK104 */
    longjmp(handler, 1);                /* expect: VFK101 */
}

static void prepare_child(void)
{
    int here = vforked;

    if (!here)
        shell_level++;                  /* the flagged child skips this */
}

static void leave_or_reset(void)
{
    if (in_child_mode == 1)
        _exit(1);
    free(NULL);                         /* only with another mode */
}

/* dash's error path: exverror() is in a cycle with the allocator it calls (out of memory is an
 * error too), and reaches the raise that _exits in a flagged child */
static void report_error(const char *message);
static void *stack_alloc(int size);

static void raise_in_cycle(int e)
{
    if (vforked)
        _exit(2);
    exception = e;                      /* the flagged child never gets here */
    longjmp(handler, 1);
}

static void report_error(const char *message)
{
    char *copy = stack_alloc(10);

    if (!copy)
        report_error("out of memory");
    raise_in_cycle(1);
}

static void *stack_alloc(int size)
{
    static char arena[64];

    if (size > 64)
        report_error("too big");
    return arena;
}

int ok_flag_through_a_recursive_error_path(char **argv)
{
    int pid;

    vforked++;
    pid = vfork();
    if (pid == 0) {
        execv(argv[0], argv);
        report_error("not found");
    }
    vforked = 0;
    return pid;
}

int ok_counted_flag(char **argv)
{
    int pid;

    vforked++;
    pid = vfork();
    if (pid == 0) {
        prepare_child();
        execv(argv[0], argv);
        raise_flagged(127);
    }
    vforked = 0;
    return pid;
}

int ok_static_mode(char **argv)
{
    int pid;

    in_child_mode = 1;
    pid = vfork();
    if (pid == 0) {
        execv(argv[0], argv);
        leave_or_reset();
    }
    in_child_mode = 0;
    return pid;
}

int spawn_with_the_flag_unset(char **argv)
{
    int pid = vfork();

    if (pid == 0) {
        execv(argv[0], argv);
        raise_unflagged(127);
    }
    return pid;
}
