#ifndef PORTABLE_H
#define PORTABLE_H
#include <unistd.h>

#ifdef NOMMU
/* uClinux has no fork(); programs written for fork must use vfork there */
# define fork vfork
#endif

void report(const char *what);
#endif
