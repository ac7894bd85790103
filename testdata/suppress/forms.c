/* Every suppression form, with the findings each hides and the ones it leaves. The
 * expectations are what vforklint reports after suppressions are applied. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

extern int g_state;
void frobnicate(void);

/* the line after the comment, by rule id */
void next_line(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        /* vforklint-disable-next-line VFK101 -- progress line, tolerated on Linux */
        printf("starting %s\n", path);
        puts("not suppressed");                                 /* expect: VFK101 */
        execv(path, argv);
        _exit(127);
    }
}

/* the comment's own line, by rule name; a multi-line comment covers the line after its end */
void same_line(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        puts("tolerated");  // vforklint-disable-line unsafe-call -- by name
        /*
         * vforklint-disable-next-line VFK108 -- frobnicate() is async-signal-safe,
         * see libfrob's manual
         */
        frobnicate();
        execv(path, argv);
        exit(127);                                              /* expect: VFK102 */
    }
}

/* a block, closed for one rule while another goes on */
void block(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        /* vforklint-disable VFK104,VFK101 -- the parent resets the state after wait() */
        g_state = 1;
        g_state++;
        puts("in the block");
        /* vforklint-enable VFK104 */
        g_state = 3;                                            /* expect: VFK104 */
        puts("VFK101 still disabled");
        /* vforklint-enable VFK101 */
        puts("after the block");                                /* expect: VFK101 */
        execv(path, argv);
        _exit(127);
    }
}

/* two rules on one line; a suppression inside a string is text, not a comment */
void two_rules(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        // vforklint-disable-next-line VFK101, VFK104 -- both are known, see issue 12
        g_state = printf("x");
        puts("// vforklint-disable-line VFK101");              /* expect: VFK101 */
        execv(path, argv);
        _exit(127);
    }
}

/* clang-tidy's forms, when they name vforklint; a bare NOLINT is clang-tidy's alone */
void nolint(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        puts("a"); // NOLINT(vforklint-VFK101): clang-tidy style reason
        puts("b"); // NOLINT(vforklint-*)
        // NOLINTNEXTLINE(vforklint-unsafe-call)
        puts("c");
        puts("d"); /* expect: VFK101 */ // NOLINT
        puts("e"); /* expect: VFK101 */ // NOLINT(bugprone-*)
        puts("f"); /* expect: VFK101 */ // NOLINT(*)
        puts("g"); /* expect: VFK101 VFK001 */ // NOLINT(vforklint-*,-vforklint-VFK101)
        // NOLINTBEGIN(vforklint-VFK104)
        g_state = 5;
        g_state = 6;
        // NOLINTEND(vforklint-VFK104)
        execv(path, argv);
        _exit(127);
    }
}
