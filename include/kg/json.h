/* kg/json.h - the one JSON string writer (src/util/json.c). */
#ifndef KG_JSON_H
#define KG_JSON_H

#include <stddef.h>

#include "kg/buf.h"

/* Escapes s[0..n) (valid UTF-8, or bytes to pass through) for a JSON
 * string at p, which has room for 6 * n bytes; returns the new end.
 * Quotes, backslashes and control characters are escaped; other bytes,
 * also those >= 0x80, are copied. */
char *kg_json_esc_raw(char *p, const char *s, size_t n);
/* The same, appended to out (no quotes). */
void kg_json_escape(kg_buf *out, const char *s, size_t n);
/* A quoted JSON string of any bytes: invalid UTF-8 becomes U+FFFD,
 * U+2028 and U+2029 are escaped. */
void kg_json_string(kg_buf *b, const char *s, size_t len);

#endif
