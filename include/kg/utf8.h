/* kg/utf8.h - UTF-8 validation (strict: no overlong forms, no surrogates,
 * nothing above U+10FFFF). */
#ifndef KG_UTF8_H
#define KG_UTF8_H

#include <stddef.h>

/* Length of the valid UTF-8 sequence at s (1-4), or 0 if the bytes there
 * are not one (n is how many bytes are available). */
size_t kg_utf8_seq(const unsigned char *s, size_t n);
/* Returns len if all of s is valid UTF-8, else the offset of the first
 * byte that is not. */
size_t kg_utf8_check(const char *s, size_t len);
/* 1-based line and column (in characters) of byte offset off in s. */
void kg_utf8_linecol(const char *s, size_t off, int *line, int *col);

#endif
