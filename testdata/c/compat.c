/* The only mention of the process-creation call is in a header below the -I folder
 * (include/compat/): this file must still be found as one worth parsing. */
#include <stdio.h>
#include "compat/spawn_compat.h"

void bad_spawn_through_a_nested_header(void)
{
    if (COMPAT_SPAWN() == 0) {
        printf("child\n");                  /* expect: VFK101 */
        _exit(1);
    }
}
