#ifndef ACCORD_CSYSTEMD_SHIM_H
#define ACCORD_CSYSTEMD_SHIM_H
// sd-journal.h otherwise turns sd_journal_sendv into a macro that adds this header's own location;
// the Swift side sends the caller's CODE_FILE/CODE_LINE/CODE_FUNC itself.
#define SD_JOURNAL_SUPPRESS_LOCATION 1
#include <systemd/sd-daemon.h>
#include <systemd/sd-journal.h>
#endif
