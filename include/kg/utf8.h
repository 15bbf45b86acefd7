/* kg/utf8.h - UTF-8 validation (strict: no overlong forms, no surrogates,
 * nothing above U+10FFFF). */
#ifndef KG_UTF8_H
#define KG_UTF8_H

#include <stddef.h>

/* Length of the valid UTF-8 sequence at s (1-4), or 0 if the bytes there
 * are not one (n is how many bytes are available): the one strict check
 * of kg. Inline: text intake calls it for every non-ASCII character. */
static inline size_t kg_utf8_seq(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        return n >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
            return 0;
        if (c == 0xE0 && s[1] < 0xA0) /* overlong */
            return 0;
        if (c == 0xED && s[1] >= 0xA0) /* surrogate */
            return 0;
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
            return 0;
        if (c == 0xF0 && s[1] < 0x90) /* overlong */
            return 0;
        if (c == 0xF4 && s[1] >= 0x90) /* above U+10FFFF */
            return 0;
        return 4;
    }
    return 0;
}

/* The strict decoder: length of the valid sequence at s (as kg_utf8_seq)
 * and its code point in *cp, or 0 (and *cp untouched) if not valid. */
static inline size_t kg_utf8_decode(const unsigned char *s, size_t n, unsigned *cp)
{
    size_t k = kg_utf8_seq(s, n);
    switch (k) {
    case 1: *cp = s[0]; break;
    case 2: *cp = ((s[0] & 0x1Fu) << 6) | (s[1] & 0x3Fu); break;
    case 3: *cp = ((s[0] & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu); break;
    case 4:
        *cp = ((s[0] & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
        break;
    default: break;
    }
    return k;
}
/* Returns len if all of s is valid UTF-8, else the offset of the first
 * byte that is not. */
size_t kg_utf8_check(const char *s, size_t len);
struct kg_buf;
/* Appends s (len bytes) to out with every byte that starts no valid
 * sequence replaced by U+FFFD. */
void kg_utf8_repair(struct kg_buf *out, const char *s, size_t len);
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

/* Writes cp as UTF-8 to out (room for 4 bytes); returns its length (1-4).
 * The one encoder (text intake and the tagger use it). */
static inline size_t kg_utf8_put(char *out, unsigned cp)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

#endif
