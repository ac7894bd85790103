/* A header whose configuration header is missing: INLINE and ATTRIBUTE_COLD come from a config.h
 * that a build generates, so the functions defined here do not parse as they are written. */
#include "config.h"

INLINE void
(leave_child) (int status)
{
    _exit(status);
}

ATTRIBUTE_COLD INLINE int
(count_up) (int *counter)
{
    return ++*counter;
}
