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

/* A control character at s (n bytes available): C0 (U+0000-U+001F), DEL
 * or C1 (U+0080-U+009F, written C2 80-C2 9F). Returns its length in bytes
 * (1 or 2) and its code point in *cp, or 0 if s does not start with one. */
int kg_utf8_ctrl_at(const char *s, size_t n, unsigned *cp);
/* The short name of a control character: "ESC", "BEL", "DEL", "CSI" ... */
const char *kg_ctrl_name(unsigned cp);
/* 1 if bytes that are not UTF-8 read plausibly as EUC-KR or CP949 Korean:
 * Hangul syllables (a byte 0xB0-0xC8 then one 0xA1-0xFE) make at least
 * half of the two-byte pairs, and next to no byte is left over. */
int kg_looks_euckr(const char *s, size_t len);

#endif
