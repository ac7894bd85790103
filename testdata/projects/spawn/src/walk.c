#include <stdio.h>
#include <unistd.h>
#include "spawn_impl.h"

/* a cycle of helpers in the child: the analysis must terminate and report once */
int close_tree(int depth)
{
	if (depth <= 0)
		return 0;
	close(depth + 2);
	return close_leaf(depth - 1);
}

int close_leaf(int depth)
{
	if (depth == 1)
		puts("leaf");                   /* expect: VFK101 */
	return close_tree(depth - 1);
}
