#ifndef ACCORD_CSYSTEMD_SHIM_H
#define ACCORD_CSYSTEMD_SHIM_H
#include <systemd/sd-daemon.h>
#include <systemd/sd-journal.h>
#endif
