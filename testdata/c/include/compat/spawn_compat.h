/* a spawn macro in a header nested below the -I folder: its users are vfork sites */
#include <unistd.h>
#define COMPAT_SPAWN() vfork()
