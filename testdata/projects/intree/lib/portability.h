/* found next to lib.h, which includes it */
#define NORETURN __attribute__((__noreturn__))
