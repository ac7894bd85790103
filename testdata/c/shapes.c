/* Child-region shapes: every way the code can tell the vfork child from the parent.
 * Each bad_ function makes one stdio call in the child (VFK101); each ok_ function has a
 * careful child (exec, then _exit) and lets the parent or the failure branch do anything. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <errno.h>
#include <unistd.h>

extern char **environ;

/* pid_t pid = vfork(); then if (pid == 0) */
int bad_decl_then_eq0(const char *path, char *const argv[])
{
    pid_t pid = vfork();
    if (pid == 0) {
        printf("child: exec %s\n", path);   /* expect: VFK101 */
        execv(path, argv);
        _exit(127);
    }
    return pid < 0 ? -1 : 0;
}

/* assignment to a variable declared earlier, then if (pid == 0) */
int bad_assign_then_eq0(const char *path, char *const argv[])
{
    pid_t pid;

    pid = vfork();
    if (pid == 0) {
        puts("child");                      /* expect: VFK101 */
        execv(path, argv);
        _exit(127);
    }
    return pid < 0 ? -1 : 0;
}

/* if ((pid = vfork()) == 0) */
int bad_assign_in_condition(const char *path, char *const argv[])
{
    pid_t pid;

    if ((pid = vfork()) == 0) {
        fprintf(stderr, "child %s\n", path); /* expect: VFK101 */
        execv(path, argv);
        _exit(127);
    }
    return pid < 0 ? -1 : 0;
}

/* x = pid = vfork(); the outer variable is the one tested */
int bad_chained_assignment(const char *path, char *const argv[])
{
    pid_t pid, child;

    child = pid = vfork();
    if (child == 0) {
        puts(path);                         /* expect: VFK101 */
        execv(path, argv);
        _exit(127);
    }
    return pid < 0 ? -1 : 0;
}

/* if (vfork() == 0): result tested but never stored (s17) */
void bad_unstored_eq0(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        printf("child\n");                  /* expect: VFK101 */
        execv(path, argv);
        _exit(127);
    }
}

/* switch (vfork()) with case -1, case 0 and default */
int bad_switch_unstored(const char *path, char *const argv[])
{
    switch (vfork()) {
    case -1:
        perror("vfork");
        return -1;
    case 0:
        puts("in child");                   /* expect: VFK101 */
        execv(path, argv);
        _exit(127);
    default:
        return 0;
    }
}

/* switch (pid) on a stored result, child in case 0 between case -1 and default */
int bad_switch_on_pid(const char *path, char *const argv[])
{
    pid_t pid = vfork();

    switch (pid) {
    case -1:
        perror("vfork");
        return -1;
    case 0:
        fprintf(stderr, "exec %s\n", path); /* expect: VFK101 */
        execv(path, argv);
        _exit(127);
    default:
        break;
    }
    waitpid(pid, NULL, 0);
    return 0;
}

/* switch (pid = vfork()), child in case 0 (s18) */
int bad_switch_assign(const char *path, char *const argv[])
{
    pid_t pid;

    switch (pid = vfork()) {
    case 0:
        printf("child of %s\n", path);      /* expect: VFK101 */
        execv(path, argv);
        _exit(127);
    case -1:
        return -1;
    default:
        waitpid(pid, NULL, 0);
        return 0;
    }
}

/* if (!pid) */
int bad_not_pid(const char *path, char *const argv[])
{
    pid_t pid = vfork();

    if (!pid) {
        perror("child");                    /* expect: VFK101 */
        execv(path, argv);
        _exit(127);
    }
    return pid < 0 ? -1 : 0;
}

/* if (pid) parent else child */
int bad_truthy_else_child(const char *path, char *const argv[])
{
    pid_t pid = vfork();

    if (pid) {
        if (pid < 0)
            return -1;
        waitpid(pid, NULL, 0);
    } else {
        puts("child");                      /* expect: VFK101 */
        execv(path, argv);
        _exit(127);
    }
    return 0;
}

/* if (pid != 0) parent else child */
int bad_ne0_else_child(const char *path, char *const argv[])
{
    pid_t pid = vfork();

    if (pid != 0) {
        return pid < 0 ? -1 : 0;
    } else {
        printf("child\n");                  /* expect: VFK101 */
        execv(path, argv);
        _exit(127);
    }
}

/* if (pid < 0) ... else if (pid > 0) ... else child (s24) */
int bad_lt_gt_else_child(const char *path, char *const argv[])
{
    pid_t pid = vfork();

    if (pid < 0) {
        perror("vfork");
        return -1;
    } else if (pid > 0) {
        waitpid(pid, NULL, 0);
    } else {
        fprintf(stderr, "child\n");         /* expect: VFK101 */
        execv(path, argv);
        _exit(127);
    }
    return 0;
}

/* if (pid == -1) ... else if (pid > 0) ... else child */
int bad_eq_minus1_chain(const char *path, char *const argv[])
{
    pid_t pid = vfork();

    if (pid == -1) {
        perror("vfork");
        exit(1);
    } else if (pid > 0) {
        return 0;
    } else {
        puts("child");                      /* expect: VFK101 */
        execv(path, argv);
        _exit(127);
    }
}

/* if (pid < 0) ... else if (pid == 0) child else parent */
int bad_else_if_eq0(const char *path, char *const argv[])
{
    pid_t pid = vfork();

    if (pid < 0) {
        return -1;
    } else if (pid == 0) {
        printf("child\n");                  /* expect: VFK101 */
        execv(path, argv);
        _exit(127);
    } else {
        waitpid(pid, NULL, 0);
    }
    return 0;
}

/* the child is what remains after if (pid > 0) return pid; */
pid_t bad_return_pid_first(const char *path, char *const argv[])
{
    pid_t pid = vfork();

    if (pid > 0)
        return pid;
    puts("child");                          /* expect: VFK101 */
    execv(path, argv);
    _exit(127);
}

/* both the failure and the parent return early; the rest is the child */
pid_t bad_guards_then_child(const char *path, char *const argv[])
{
    pid_t pid = vfork();

    if (pid < 0)
        return -1;
    if (pid > 0)
        return pid;
    fprintf(stderr, "child\n");             /* expect: VFK101 */
    execv(path, argv);
    _exit(127);
}

/* if (pid != 0) return ...; with the unstored form: if (vfork() != 0) return; */
void bad_unstored_ne0_return(const char *path, char *const argv[])
{
    if (vfork() != 0)
        return;
    printf("child\n");                      /* expect: VFK101 */
    execv(path, argv);
    _exit(127);
}

/* if (pid) goto parent; child code; parent: label */
int bad_goto_parent(const char *path, char *const argv[])
{
    pid_t pid = vfork();

    if (pid)
        goto parent;
    puts("child");                          /* expect: VFK101 */
    execv(path, argv);
    _exit(127);
parent:
    if (pid < 0)
        return -1;
    waitpid(pid, NULL, 0);
    return 0;
}

/* if (pid == 0) goto child; the child code sits after the parent's return */
int bad_goto_child(const char *path, char *const argv[])
{
    pid_t pid = vfork();

    if (pid == 0)
        goto child;
    if (pid < 0)
        return -1;
    waitpid(pid, NULL, 0);
    return 0;
child:
    printf("child %s\n", path);             /* expect: VFK101 */
    execv(path, argv);
    _exit(127);
}

/* vfork in a loop */
int bad_vfork_in_loop(char **const cmds[], int n)
{
    int i;

    for (i = 0; i < n; i++) {
        pid_t pid = vfork();
        if (pid == 0) {
            printf("running %s\n", cmds[i][0]);   /* expect: VFK101 */
            execv(cmds[i][0], cmds[i]);
            _exit(127);
        }
        if (pid < 0)
            return -1;
    }
    return 0;
}

/* the unsafe call is nested in blocks, an if and a loop inside the child */
int bad_nested_blocks(const char *path, char *const argv[], int verbose)
{
    pid_t pid = vfork();

    if (pid == 0) {
        {
            if (verbose) {
                int k;
                for (k = 0; k < verbose; k++) {
                    fprintf(stderr, "v");   /* expect: VFK101 */
                }
            }
        }
        execv(path, argv);
        _exit(127);
    }
    return pid < 0 ? -1 : 0;
}

/* vfork(); result ignored: the rest of the function runs in the child too (s25) */
void bad_result_ignored(void)
{
    vfork();
    puts("both processes get here");        /* expect: VFK101 */
}                                           /* expect: VFK103 */

/* a child with no exec that leaves its if: the shared code after it runs in the child */
int bad_child_leaves_block(int fd)
{
    pid_t pid = vfork();

    if (pid == 0) {
        dup2(fd, 1);
    }
    printf("after vfork\n");                /* expect: VFK101 */
    return pid < 0 ? -1 : 0;                /* expect: VFK103 */
}

/* ---------------------------------------------------------------------------------------- */

/* the canonical shape: exec then _exit (s09) */
int ok_decl_then_eq0(const char *path, char *const argv[])
{
    pid_t pid = vfork();

    if (pid == 0) {
        execve(path, argv, environ);
        _exit(127);
    }
    if (pid < 0) {
        perror("vfork");
        return -1;
    }
    printf("started %d\n", (int)pid);
    return 0;
}

/* if ((pid = vfork()) == 0) with a careful child; the parent prints */
int ok_assign_in_condition(const char *path, char *const argv[])
{
    pid_t pid;
    int status;

    if ((pid = vfork()) == 0) {
        execv(path, argv);
        _exit(127);
    }
    if (pid < 0)
        return -1;
    waitpid(pid, &status, 0);
    printf("exit status %d\n", status);
    return status;
}

/* x = pid = vfork(); the inner variable is the one tested */
int ok_chained_assignment(const char *path, char *const argv[])
{
    pid_t pid, child;

    child = pid = vfork();
    if (pid == 0) {
        execv(path, argv);
        _exit(127);
    }
    printf("child %d\n", (int)child);
    return 0;
}

/* switch (vfork()): failure and parent cases print, the child is careful */
int ok_switch_unstored(const char *path, char *const argv[])
{
    switch (vfork()) {
    case -1:
        perror("vfork");
        exit(1);
    case 0:
        execv(path, argv);
        _exit(127);
    default:
        puts("parent");
        return 0;
    }
}

/* switch (pid) with every case; only case 0 is the child */
int ok_switch_on_pid(const char *path, char *const argv[])
{
    pid_t pid = vfork();

    switch (pid) {
    case -1:
        fprintf(stderr, "vfork failed\n");
        return -1;
    case 0:
        execv(path, argv);
        _exit(127);
    default:
        printf("parent of %d\n", (int)pid);
        break;
    }
    return 0;
}

/* if (!pid) with a careful child; everything after is the parent's */
int ok_not_pid(const char *path, char *const argv[])
{
    pid_t pid = vfork();

    if (!pid) {
        execv(path, argv);
        _exit(127);
    }
    puts("parent");
    return pid < 0 ? -1 : 0;
}

/* if (pid) parent else child: the parent branch prints and frees */
int ok_truthy_parent_branch(const char *path, char *const argv[], char *scratch)
{
    pid_t pid = vfork();

    if (pid) {
        printf("parent, child=%d\n", (int)pid);
        free(scratch);
    } else {
        execv(path, argv);
        _exit(127);
    }
    return 0;
}

/* failure / parent / child chain where only the final else is the child */
int ok_lt_gt_else_child(const char *path, char *const argv[])
{
    pid_t pid = vfork();

    if (pid < 0) {
        perror("vfork");
        return -1;
    } else if (pid > 0) {
        printf("started %d\n", (int)pid);
        return 0;
    } else {
        execv(path, argv);
        _exit(127);
    }
}

/* the parent returns first; the careful child follows */
pid_t ok_guards_then_child(const char *path, char *const argv[])
{
    pid_t pid = vfork();

    if (pid < 0) {
        perror("vfork");
        return -1;
    }
    if (pid > 0)
        return pid;
    execv(path, argv);
    _exit(127);
}

/* if (pid) goto parent; the parent code after the label prints */
int ok_goto_parent(const char *path, char *const argv[])
{
    pid_t pid = vfork();

    if (pid)
        goto parent;
    execv(path, argv);
    _exit(127);
parent:
    printf("parent %d\n", (int)pid);
    return pid < 0 ? -1 : 0;
}

/* goto child; the parent code before the label prints */
int ok_goto_child(const char *path, char *const argv[])
{
    pid_t pid = vfork();

    if (pid == 0)
        goto child;
    puts("parent");
    return pid < 0 ? -1 : 0;
child:
    execv(path, argv);
    _exit(127);
}

/* correct vfork in a loop; the counter is written only on the failure path (s21) */
int ok_vfork_in_loop(char **const cmds[], int n)
{
    int failures = 0;
    int i;

    for (i = 0; i < n; i++) {
        pid_t pid = vfork();
        if (pid == 0) {
            execv(cmds[i][0], cmds[i]);
            _exit(127);
        }
        if (pid < 0)
            failures++;
    }
    return failures;
}

/* unstored if (vfork() == 0) with a careful child; the parent prints */
void ok_unstored_eq0(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        execv(path, argv);
        _exit(127);
    }
    puts("parent");
}

/* ---------------------------------------------------------------------------------------- */
/* Calls vforklint cannot see into (VFK108) are not assumed to return into the parent's code:
 * the busybox-style exec_or_die() usually never returns. Only the call is reported. */
void exec_or_die(char **argv);

int bad_child_ends_in_unknown_call(char **argv)
{
    pid_t pid = vfork();

    if (pid == 0) {
        close(0);
        exec_or_die(argv);                  /* expect: VFK108 */
    }
    printf("parent\n");
    return pid;
}

/* code that only the child runs after such a call is still the child's */
int bad_return_after_unknown_call(char **argv)
{
    if (vfork() == 0) {
        exec_or_die(argv);                  /* expect: VFK108 */
        return -1;                          /* expect: VFK103 */
    }
    return 0;
}

/* busybox inetd: the child marks itself by decrementing the result ("-1: we are the child");
 * the parent branch after it must not be taken for the child, and the write to pid is not a
 * write to parent memory: the parent stores its own vfork result there afterwards */
int bad_child_marks_itself_by_decrement(const char *path, char *const argv[])
{
    pid_t pid = vfork();

    if (pid < 0)
        return -1;
    if (pid == 0)
        pid--;
    if (pid > 0) {
        printf("parent: started %d\n", (int) pid);
        return 0;
    }
    puts("child");                          /* expect: VFK101 */
    execv(path, argv);
    _exit(127);
}

/* ---------------------------------------------------------------------------------------- */
/* The configuration decides: with a constant condition only the taken branch of ?: runs
 * (busybox: pid = BB_MMU ? xfork() : xvfork();). The other branch runs where the macro is 0:
 * vforklint analyses that configuration too, and says so on what it finds there. */
#define HAVE_MMU 1
#define NO_MMU 0

void bad_constant_condition_vfork_only_without_mmu(void)
{
    pid_t pid = HAVE_MMU ? fork() : vfork();

    if (pid == 0) {
        printf("child may use stdio only when forked\n");   /* expect: VFK101 (when HAVE_MMU is 0) */
        exit(0);                                              /* expect: VFK102 (when HAVE_MMU is 0) */
    }
}

void bad_constant_condition_picks_vfork(void)
{
    pid_t pid = NO_MMU ? fork() : vfork();

    if (pid == 0) {
        printf("vfork child\n");            /* expect: VFK101 */
        _exit(0);
    }
    printf("parent\n");
}

/* a condition that is not a constant: either branch, and the result is still tracked */
void bad_unknown_condition_either_branch(int use_fork)
{
    pid_t pid = use_fork ? fork() : vfork();

    if (pid == 0) {
        puts("child");                      /* expect: VFK101 */
        _exit(0);
    }
    puts("parent");
}

/* the result stored in a struct member (busybox hush: command->pid = vfork()): the child's 0 sits
 * in the parent's heap until the parent stores the pid, where other threads can see it */
struct job { pid_t pid; const char *path; };

void bad_result_in_struct_member(struct job *command, char *const argv[])
{
    command->pid = vfork();                 /* expect: VFK104 */
    if (!command->pid) {
        puts("child");                      /* expect: VFK101 */
        execv(command->path, argv);
        _exit(127);
    }
    printf("started %d\n", (int) command->pid);
}

/* ---------------------------------------------------------------------------------------- */
/* The child as what remains after "if (pid > 0) return pid;": the failure path (pid == -1)
 * runs the same code without a child, so that code is not "parent code" (review #2) */
pid_t ok_child_after_parent_returns(const char *path, char **argv)
{
    pid_t pid = vfork();

    if (pid > 0)
        return pid;
    {
        char *args[3];

        args[0] = "sh";
        args[1] = (char *) path;
        args[2] = 0;
        execv("/bin/sh", args);
        if (errno == ENOENT)
            _exit(127);
        _exit(126);
    }
}

/* exec, then a die() vforklint cannot see into: not assumed to return (review #3) */
extern void my_fatal(const char *why);

pid_t bad_exec_then_unknown_die(char **argv)
{
    pid_t pid;

    if ((pid = vfork()) == 0) {
        execv(argv[0], argv);
        my_fatal("exec failed");            /* expect: VFK108 */
    }
    return pid;
}

/* a ?: that is not a constant: the fork() arm is not on the vfork path (review #4) */
void ok_choice_of_vfork_or_fork(int use_vfork, char **argv)
{
    pid_t pid = use_vfork ? vfork() : fork();

    if (pid == 0) {
        execv(argv[0], argv);
        _exit(127);
    }
}

/* the result kept in an array element (review #5) */
int ok_result_in_array_element(int n, char **argv)
{
    pid_t pids[8];
    int i;

    for (i = 0; i < n && i < 8; i++) {
        pids[i] = vfork();
        if (pids[i] == 0) {
            execv(argv[0], argv);
            _exit(127);
        }
        printf("started %d\n", (int) pids[i]);
    }
    return 0;
}
