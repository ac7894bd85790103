/* The compiler's own <stddef.h> and <stdarg.h> are not read without --system-includes, and
 * offsetof() and va_arg() take a type: a statement that uses them is no expression unless
 * vforklint knows them as GCC defines them, and the child's code in it would go unread. */
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct state {
    int pid;
    char name[32];
    char scratch[64];
};
static struct state state;

void bad_clearing_the_parents_state_by_offsetof(char **argv)
{
    if (vfork() == 0) {
        memset(&state, 0, offsetof(struct state, scratch));    /* expect: VFK104 */
        execv(argv[0], argv);
        _exit(127);
    }
}

int bad_copying_arguments_in_the_child(const char *path, ...)
{
    char *argv[16];
    int n = 0;
    va_list ap;
    pid_t pid;

    va_start(ap, path);
    pid = vfork();
    if (pid == 0) {
        while (n < 15 && (argv[n] = strdup(va_arg(ap, char *))) != NULL)   /* expect: VFK101 */
            n++;
        argv[n] = NULL;
        execv(path, argv);
        _exit(127);
    }
    va_end(ap);
    return pid;
}

int ok_arguments_gathered_before_vfork(const char *path, ...)
{
    char *argv[16];
    int n = 0;
    va_list ap;
    pid_t pid;

    va_start(ap, path);
    while (n < 15 && (argv[n] = va_arg(ap, char *)) != NULL)
        n++;
    va_end(ap);
    argv[n] = NULL;
    pid = vfork();
    if (pid == 0) {
        execv(path, argv);
        _exit(127);
    }
    return pid;
}
