/* A library's main header in miniature (testdata/c/header_prototypes.c): hundreds of function
 * prototypes, of which a file calls a few, beside the types and variables they use. */
#ifndef PROTOTYPES_H
#define PROTOTYPES_H

typedef long lib_off_t;
typedef struct lib_buffer {
	char *data;
	unsigned long length;
} lib_buffer_t;
typedef int (*lib_visit_t)(void *item, void *data);

extern int lib_verbose;
extern void (*lib_on_error)(const char *why);

#define LIB_FAST __attribute__((regparm(3)))
#define LIB_NORETURN __attribute__((__noreturn__))

/* Ten functions of one prefix, in the shapes a library's header declares them. */
#define LIB_FAMILY(p) \
	int p##_open(const char *path, int flags); \
	lib_off_t p##_seek(int fd, lib_off_t where, int whence); \
	char *p##_strdup(const char *s) __attribute__((malloc)); \
	void LIB_FAST p##_free(void *pointer); \
	extern unsigned long p##_count(const lib_buffer_t *buffer); \
	int p##_printf(const char *format, ...) __attribute__((format(printf, 1, 2))); \
	const struct lib_buffer *p##_buffer(int which); \
	void p##_fail(const char *why) LIB_NORETURN; \
	int p##_rename(const char *from, const char *to) __asm__("lib_rename"); \
	long long p##_total(lib_visit_t each, void *data);

LIB_FAMILY(archive) LIB_FAMILY(console) LIB_FAMILY(crypt) LIB_FAMILY(device) LIB_FAMILY(editor)
LIB_FAMILY(file) LIB_FAMILY(group) LIB_FAMILY(hash) LIB_FAMILY(init) LIB_FAMILY(journal)
LIB_FAMILY(kernel) LIB_FAMILY(login) LIB_FAMILY(mail) LIB_FAMILY(net) LIB_FAMILY(option)
LIB_FAMILY(passwd) LIB_FAMILY(queue) LIB_FAMILY(route) LIB_FAMILY(shell) LIB_FAMILY(term)
LIB_FAMILY(user) LIB_FAMILY(volume) LIB_FAMILY(watch) LIB_FAMILY(xattr) LIB_FAMILY(yank)
LIB_FAMILY(zone) LIB_FAMILY(audit) LIB_FAMILY(boot) LIB_FAMILY(clock) LIB_FAMILY(daemon)
LIB_FAMILY(env) LIB_FAMILY(font) LIB_FAMILY(gzip) LIB_FAMILY(host) LIB_FAMILY(inet)
LIB_FAMILY(job) LIB_FAMILY(key) LIB_FAMILY(link) LIB_FAMILY(mount) LIB_FAMILY(nice)

void lib_die(int status) LIB_NORETURN;
void lib_warn(const char *message);
int lib_spawn(char **argv);

/* Calls a prototype the file itself never names. */
static inline void lib_leave(int status)
{
	lib_die(status);
}

#endif
