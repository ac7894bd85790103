/* busybox platform.h in miniature: without a GCC-compatible compiler, attributes vanish */
#ifndef __GNUC__
# define __attribute__(x)
#endif
#define NORETURN __attribute__ ((__noreturn__))

void die_with_message(const char *msg) NORETURN;
