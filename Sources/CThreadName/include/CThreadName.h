#ifndef ACCORD_CTHREADNAME_H
#define ACCORD_CTHREADNAME_H
// Names the calling thread as top, perf and gdb show it (at most 15 bytes); returns 0 or an errno value.
// pthread_setname_np is a GNU extension, which Swift's Glibc module leaves out.
int accord_name_current_thread(const char *name);
#endif
