/* Keeps exported headers from including <stdlib.h>: any build that reads it stops here. (Were it
 * read in spite of that, its #define would make the child's exit() an _exit().) */
#ifndef _STDLIB_H
#define _STDLIB_H
#error "Please do not include <stdlib.h> from exported headers"
#define exit _exit
#endif
