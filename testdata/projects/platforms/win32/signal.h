/* What the Windows build reads for <signal.h>. */
#ifndef WIN32_SIGNAL_H
#define WIN32_SIGNAL_H
#define SIGINT 2
#define SIG_DFL ((void (*)(int))0)
#define signal _nt_signal
void (*_nt_signal(int sig, void (*handler)(int)))(int);
#endif
