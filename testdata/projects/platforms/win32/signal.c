#include "signal.h"

static void (*nt_handlers[32])(int);

void (*_nt_signal(int sig, void (*handler)(int)))(int)
{
	void (*old)(int) = nt_handlers[sig];

	nt_handlers[sig] = handler;
	return old;
}
