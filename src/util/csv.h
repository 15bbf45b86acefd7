/* util/csv.h - the one CSV field writer (RFC 4180), for `kg export` and
 * `kg query --csv`. */
#ifndef KG_UTIL_CSV_H
#define KG_UTIL_CSV_H

#include <stddef.h>

#include "kg/buf.h"

/* Appends s[0..n) as one CSV field: quoted when it holds a comma, a
 * quote, a CR or LF or starts or ends with a space, quotes doubled
 * (RFC 4180); the bytes themselves are kept. A field a spreadsheet would
 * run as a formula (it starts with = + - @, a tab or a CR, and is not a
 * number) gets a ' in front (the OWASP advice on CSV injection), so a
 * fact titled "=HYPERLINK(...)" opens in Excel or LibreOffice as text. */
void kg_csv_field(kg_buf *out, const char *s, size_t n);
/* The end of a record: CRLF, as RFC 4180 says. */
void kg_csv_end(kg_buf *out);

#endif
