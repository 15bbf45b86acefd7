/* tagint.h - helpers shared by the files of src/tag/ (text intake and the
 * tagger): UTF-8 decoding of already validated text, character classes,
 * and the internal interfaces between the tagger's parts. Not API. */
#ifndef KG_TAGINT_H
#define KG_TAGINT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "kg/buf.h"
#include "kg/edtf.h"
#include "kg/text.h"

/* Decodes the code point at s[0..] (valid UTF-8 assumed, as in normalised
 * text); *n gets its length. A NUL or the end gives 0. */
static inline uint32_t kg_u8_dec(const unsigned char *s, size_t avail, size_t *n)
{
    unsigned c = s[0];
    if (c < 0x80 || avail < 2) {
        *n = 1;
        return c;
    }
    if (c < 0xE0) {
        *n = 2;
        return ((c & 0x1F) << 6) | (s[1] & 0x3F);
    }
    if (c < 0xF0 || avail < 4) {
        if (avail < 3) {
            *n = avail;
            return 0xFFFD;
        }
        *n = 3;
        return ((c & 0x0F) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3F);
    }
    *n = 4;
    return ((c & 0x07) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3F);
}

/* Start of the code point that ends just before offset i. */
static inline size_t kg_u8_prev(const char *s, size_t i)
{
    if (i == 0)
        return 0;
    i--;
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    return i;
}

/* Code point before offset i (0 at the start). */
static inline uint32_t kg_u8_before(const char *s, size_t i)
{
    if (i == 0)
        return 0;
    size_t p = kg_u8_prev(s, i), n;
    return kg_u8_dec((const unsigned char *)s + p, i - p, &n);
}

/* Code point at offset i of a NUL-terminated string (0 at the end). */
static inline uint32_t kg_u8_at(const char *s, size_t len, size_t i, size_t *n)
{
    if (i >= len) {
        *n = 0;
        return 0;
    }
    return kg_u8_dec((const unsigned char *)s + i, len - i, n);
}

static inline size_t kg_u8_put(char *out, uint32_t cp)
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

typedef enum kg_cc {
    KG_CC_END = 0,   /* start or end of text */
    KG_CC_SPACE,     /* space, newline */
    KG_CC_PUNCT,     /* everything else */
    KG_CC_DIGIT,     /* 0-9 */
    KG_CC_LATIN,     /* A-Z a-z (and Latin letters beyond ASCII) */
    KG_CC_HANGUL,    /* Hangul syllables and jamo */
    KG_CC_HAN        /* CJK ideographs */
} kg_cc;

static inline kg_cc kg_cc_of(uint32_t cp)
{
    if (cp == 0)
        return KG_CC_END;
    if (cp < 0x80) {
        if (cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r')
            return KG_CC_SPACE;
        if (cp >= '0' && cp <= '9')
            return KG_CC_DIGIT;
        if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')
            return KG_CC_LATIN;
        return KG_CC_PUNCT;
    }
    if (cp >= 0xAC00 && cp <= 0xD7A3)
        return KG_CC_HANGUL;
    if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
        (cp >= 0xF900 && cp <= 0xFAFF))
        return KG_CC_HAN;
    if ((cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3131 && cp <= 0x318C))
        return KG_CC_HANGUL;
    if ((cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7))
        return KG_CC_LATIN;
    if (cp == 0xA0 || cp == 0x3000)
        return KG_CC_SPACE;
    return KG_CC_PUNCT;
}

static inline int kg_is_hangul(uint32_t cp)
{
    return cp >= 0xAC00 && cp <= 0xD7A3;
}

/* Starts-with test for a NUL-free literal at s[i..len). */
static inline int kg_at(const char *s, size_t len, size_t i, const char *lit)
{
    size_t n = strlen(lit);
    return i + n <= len && memcmp(s + i, lit, n) == 0;
}

/* ---- numbers (numbers.c) ---- */

/* A number as written: digits with commas and a decimal point, Korean
 * multipliers (십 백 천 만 억 조, mixed: 4천500, 12조600억, 1.5조), Sino-
 * Korean numerals (삼십, 이백) and native ones (두, 세, 열, 스무). */
typedef struct kg_num {
    double value;
    size_t start, end;   /* normalised offsets of the number */
    int digits;          /* number of ASCII digits read */
    int has_mult;        /* a Korean multiplier was used */
    int has_point;       /* a decimal point was read */
    int has_comma;
    int words;           /* written in Hangul words only (두, 삼십 ...) */
    int int_digits;      /* digits before the point (for years: 4) */
} kg_num;

/* Reads a number starting at s[i]. Returns 1 and fills *out, or 0. */
int kg_num_scan(const char *s, size_t len, size_t i, kg_num *out);
/* Reads a native Korean number word (한 두 세 네 다섯 ... 열 스무 스물...)
 * at s[i] that stands alone as a word; returns 1 and fills *out, or 0. */
int kg_num_scan_native(const char *s, size_t len, size_t i, kg_num *out);

/* ---- romanization (romanize.c) ---- */

/* Appends a slug for s[0..n) to out: Hangul in Revised Romanization,
 * Latin lower-cased, everything else a hyphen; hyphens squeezed. */
void kg_slug_append(kg_buf *out, const char *s, size_t n);

#endif
