/* Macros used by macros.c. This header holds no functions, so nothing is reported in it:
 * a finding produced by a macro is reported on the line where the macro is used. */
#ifndef SPAWN_MACROS_H
#define SPAWN_MACROS_H

/* an object-like alias of vfork, as in s10 */
#define SPAWN vfork

/* a function-like wrapper of vfork */
#define DO_VFORK() vfork()

/* the child test written as a macro */
#define IS_CHILD(p) ((p) == 0)

/* logging through stdio (unsafe in a vfork child) */
#define CHILD_LOG(msg) printf("child: %s\n", (msg))

/* report and leave: perror is unsafe, _exit ends the child */
#define CHILD_DIE(msg) do { perror(msg); _exit(127); } while (0)

/* the correct way to leave after a failed exec */
#define CHILD_FAIL() _exit(127)

/* a store hidden in a macro */
#define MARK(flag) ((flag) = 1)

#endif /* SPAWN_MACROS_H */
