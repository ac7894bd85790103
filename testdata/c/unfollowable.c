/* Code the analysis cannot follow ends the path unjudged, with an incomplete-analysis
 * diagnostic, instead of being taken for a return (review #8) */
#include <stdio.h>
#include <unistd.h>

int ok_computed_goto_in_child(int k)
{
    static void *table[] = { &&first, &&second };

    if (vfork() == 0) {
        goto *table[k];
    }
    return 0;
first:
    _exit(1);
second:
    _exit(2);
}
