/*
 * The command line: "name=value" words separated by blanks, loaded to
 * 0x1000 in the cell (jailhouse cell load CELL IMAGE -s "..." -a 0x1000).
 * A name given without "=value" counts as true for cmdline_bool; when a
 * name appears twice, the last one counts.
 */
#ifndef INMATE_CMDLINE_H
#define INMATE_CMDLINE_H

#include "types.h"

#define CMDLINE_ADDRESS	0x1000
#define CMDLINE_SIZE	256

extern char cmdline[CMDLINE_SIZE];

/* The value of name copied to buffer, or default_value if name is absent. */
const char *cmdline_str(const char *name, char *buffer, size_t size, const char *default_value);
/* Decimal, or hexadecimal with 0x; default_value if absent or malformed. */
long long cmdline_int(const char *name, long long default_value);
/* true/yes/on/1 or false/no/off/0; default_value if absent or unknown. */
bool cmdline_bool(const char *name, bool default_value);

/* The same, on a string of the caller's. */
const char *args_str(const char *args, const char *name, char *buffer, size_t size,
		     const char *default_value);
long long args_int(const char *args, const char *name, long long default_value);
bool args_bool(const char *args, const char *name, bool default_value);

#endif
