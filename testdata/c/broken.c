/* A file with a syntax error in one function that has nothing to do with vfork: the functions
 * around it must still be analysed. The error is the missing semicolon in parse_level(). No vfork
 * child reaches parse_level(), so its body is not read and its error not reported; child_level(),
 * broken the same way, is a child's helper: what did not parse there is reported, and the file is
 * not fully analysed. */
#include <stdio.h>
#include <sys/types.h>
#include <unistd.h>

int g_level;

/* VFK101 before the broken function */
void bad_before_broken(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        puts("child");                      /* expect: VFK101 */
        execv(path, argv);
        _exit(127);
    }
}

/* deliberately broken: the declaration of level lacks its semicolon */
int parse_level(const char *s)
{
    int level = 0
    while (*s >= '0' && *s <= '9') {
        level = level * 10 + (*s - '0');
        s++;
    }
    return level;
}

/* VFK104 after the broken function */
void bad_after_broken(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        g_level = 1;                        /* expect: VFK104 */
        execv(path, argv);
        _exit(127);
    }
}

/* a careful child after the broken function */
void ok_after_broken(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        execv(path, argv);
        _exit(127);
    }
}

/* deliberately broken as parse_level() is, but called by a vfork child */
static int child_level(const char *s)
{
    int level = 0
    return level + (s != 0);
}

void child_calls_broken_helper(const char *path, char *const argv[])
{
    if (vfork() == 0) {
        if (child_level(path) == 0)
            execv(path, argv);
        _exit(127);
    }
}
