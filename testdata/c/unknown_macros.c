/* Macros from a header that is not there (a build would generate it): vforklint reads the
 * functions as a human reader would, so their children are still analysed. */
#include <stdio.h>
#include <unistd.h>
#include "generated_platform.h"                 /* not found: FAST_FUNC & co. are unknown */

void FAST_FUNC bad_attribute_before_the_name(void)
{
    if (vfork() == 0) {
        printf("child\n");                      /* expect: VFK101 */
        _exit(1);
    }
}

static NOINLINE int bad_attribute_among_specifiers(void)
{
    if (vfork() == 0) {
        puts("child");                          /* expect: VFK101 */
        _exit(1);
    }
    return 0;
}

int bad_attribute_after_a_parameter(int argc UNUSED_PARAM, char **argv)
{
    if (vfork() == 0) {
        puts(argv[0]);                          /* expect: VFK101 */
        _exit(1);
    }
    return 0;
}

static int bad_feature_macro_in_the_parameters(IF_FEATURE_LOG(int log_fd,) IF_NOT_FEATURE_LOG(int unused,) const char *msg)
{
    if (vfork() == 0) {
        puts(msg);                              /* expect: VFK101 */
        _exit(1);
    }
    return 0;
}

int bad_knr_prototype_macro __P((const char *path));

int bad_knr_prototype_macro(const char *path)
{
    if (vfork() == 0) {
        fputs(path, stderr);                    /* expect: VFK101 */
        _exit(1);
    }
    return 0;
}

int main(int argc, char **argv) MAIN_EXTERNALLY_VISIBLE;

/* Emacs' DEFUN: a macro in place of the whole function head */
DEFUN ("spawn-child", Fspawn_child, Sspawn_child, 1, 1, 0,
       doc: /* Start a child. */)
  (Lisp_Object program)
{
    if (vfork() == 0) {
        printf("child\n");                      /* expect: VFK101 */
        _exit(1);
    }
    return program;
}

/* busybox nc: const only where the feature is off (IF_NOT_NC_SERVER(const)); the counter is
 * not a constant 0 in the build that counts, so the vfork behind the test is a site */
void bad_qualifier_in_a_feature_macro(char **argv)
{
    IF_NOT_NC_SERVER(const) unsigned listeners = 0;
    while (*++argv)
        IF_NC_SERVER(listeners++);
    if (listeners > 1 && vfork() == 0) {
        puts(argv[0]);                          /* expect: VFK101 */
        _exit(1);
    }
}

/* busybox nc: a variable declared once for each configuration, and the macro of one of them
 * wraps a qualifier alone elsewhere (so it is dropped): the other passes its tokens through, so
 * the vfork is a site and its child reaches the exec, not the parent's code after it */
static short poll_events[2];
void bad_declared_once_for_each_configuration(char **argv, unsigned listen_count)
{
    IF_NOT_NC_EXTRA(const) unsigned wait_seconds = 0;
    IF_NOT_NC_EXTRA(const int exec_argv = 0;)
    IF_NC_EXTRA(char **exec_argv = NULL;)
    if (argv[1] != NULL)
        IF_NC_EXTRA(exec_argv = argv + 1);
    if (exec_argv) {
        if (listen_count > 1 && vfork() != 0)
            return;
        puts("child");                          /* expect: VFK101 */
        IF_NC_EXTRA(execv(exec_argv[0], exec_argv);)
        IF_NC_EXTRA(_exit(127);)
    }
    poll_events[0] = wait_seconds;
}

/* busybox httpd: a feature macro passes its tokens through, and one of them is a macro that is a
 * constant where the feature is off: the child writes nothing there */
#define gzip_wanted 0
static long reply_size;
void bad_constant_assigned_in_a_feature_macro(void)
{
    if (vfork() == 0) {
        IF_FEATURE_HTTPD_GZIP(gzip_wanted = 0;)
        reply_size = -1;                        /* expect: VFK104 */
        _exit(0);
    }
}

/* dash: SSIZE_MAX is ((ssize_t)((size_t)-1 >> 1)), and no header read declares ssize_t: the cast
 * reads as a call of ssize_t(), which is the value of its argument, not a function to look up */
#define CHUNK_MAX ((ssize_t)((size_t)-1 >> 1))
void bad_type_cast_read_as_a_call(char **argv, size_t n)
{
    if (vfork() == 0) {
        if (n > CHUNK_MAX)
            puts("too big");                    /* expect: VFK101 */
        execv(argv[0], argv);
        _exit(127);
    }
}

/* Emacs' lisp.h picks its integer type by the limits of <stdint.h> and <limits.h>; with no system
 * header read they are 64-bit Linux's, so the type is defined and a cast to it is not a call */
#include <limits.h>
#include <stdint.h>
#if INTPTR_MAX <= 0
# error "INTPTR_MAX misconfigured"
#elif INTPTR_MAX <= LONG_MAX
typedef long lisp_word;
#endif
void bad_cast_to_a_type_the_limits_choose(char **argv, long v)
{
    if (vfork() == 0) {
        if ((lisp_word) (v) > 0)
            puts("positive");                   /* expect: VFK101 */
        execv(argv[0], argv);
        _exit(127);
    }
}

/* Emacs' callproc.c: a known macro hides an unknown one (AVOID is _Noreturn ATTRIBUTE_COLD void,
 * and ATTRIBUTE_COLD is _GL_ATTRIBUTE_COLD from a config.h that is not there) */
#define ATTRIBUTE_COLD _GL_ATTRIBUTE_COLD
#define AVOID _Noreturn ATTRIBUTE_COLD void

static AVOID
exec_failed (char const *name)
{
    fputs(name, stderr);                        /* expect: VFK101 */
    _exit(127);
}

void spawn_with_a_helper_declared_through_nested_macros(char **argv)
{
    if (vfork() == 0) {
        execv(argv[0], argv);
        exec_failed(argv[0]);
    }
}

/* Emacs' DEFUN again, now with lisp.h read: the known macro begins with SUBR_SECTION_ATTRIBUTE,
 * which is ATTRIBUTE_SECTION (".subrs"), and that one comes from a config.h that is not there.
 * Every function written with it failed to parse. */
#define SECTION_ATTRIBUTE ATTRIBUTE_SECTION (".commands")
#define DEFINE_COMMAND(fnname, maxargs) \
    SECTION_ATTRIBUTE static const int fnname##_arity = maxargs; \
    int fnname

DEFINE_COMMAND (Fspawn_through_a_known_macro, 1) (char **argv)
{
    if (vfork() == 0) {
        puts(argv[0]);                          /* expect: VFK101 */
        _exit(127);
    }
    return 0;
}

/* A configured build's paths (BINDIR from config.h or -D) and <inttypes.h>'s formats are macros
 * for strings: without them the whole exec and the whole printf would not parse (uClibc-ng's
 * ldd.c writes execle(TRUSTED_LDSO, ...), TRUSTED_LDSO being UCLIBC_RUNTIME_PREFIX "lib/" UCLIBC_LDSO) */
void bad_printf_with_a_format_macro(char **argv, unsigned long long n)
{
    if (vfork() == 0) {
        execl(BINDIR "/helper", "helper", (char *)0);
        printf("exec failed after %" PRIu64 " tries\n", n);   /* expect: VFK101 */
        _exit(127);
    }
}

void good_exec_of_a_configured_path(char **argv)
{
    if (vfork() == 0) {
        execv(LIBEXECDIR "/helper", argv);
        _exit(127);
    }
}

/* BSD's <sys/queue.h>, not read: a loop header and the list a type macro declares
 * (FreeBSD's popen() closes the other streams' descriptors so in its vfork child) */
struct stream {
    SLIST_ENTRY(stream) next;
    FILE *fp;
};
static SLIST_HEAD(, stream) streams = SLIST_HEAD_INITIALIZER(streams);

void bad_stdio_in_a_loop_macro(char **argv)
{
    struct stream *s;

    if (vfork() == 0) {
        SLIST_FOREACH(s, &streams, next)
            close(fileno(s->fp));               /* expect: VFK101 */
        execv(argv[0], argv);
        _exit(127);
    }
    SLIST_INSERT_HEAD(&streams, s, next);
}
