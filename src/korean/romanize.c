/* romanize.c - slugs for discovered actors: Hangul in the Revised
 * Romanization of Korean (syllable by syllable, without the sound-change
 * rules across syllables), Latin letters and digits lower-cased, every
 * other run of characters one hyphen. */
#include "korean/romanize.h"

#include <string.h>

#include "korean/hangul.h"

/* (each in four bytes, NUL-padded: see put4) */
static const char rr_initial[19][4] = {
    "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"
};
static const char rr_vowel[21][4] = {
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi",
    "yu", "eu", "ui", "i"
};
static const char rr_final[28][4] = {
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t",
    "t", "ng", "t", "t", "k", "t", "p", "t"
};

/* Appends the letters of w (at most three, NUL-padded to four bytes) at
 * p and returns their end: all four bytes are copied and the end moves
 * by the count of letters, without a branch per letter (the lengths
 * follow the syllables, which no predictor guesses). p has room for
 * the four bytes. */
static inline char *put4(char *p, const char w[4])
{
    memcpy(p, w, 4);
    return p + (w[0] != 0) + (w[1] != 0) + (w[2] != 0);
}

void kg_slug_append(kg_buf *out, const char *s, size_t n)
{
    /* written in place: a character of k bytes gives at most a hyphen
     * and seven letters (a syllable of three bytes), so 3n bytes do,
     * and put4 may write three bytes past the last letter */
    kg_buf_grow(out, 3 * n + 4);
    char *const base = out->ptr;
    char *p = base + out->len;
    size_t i = 0;
    int dash = p > base && p[-1] != '-';
    while (i < n) {
        size_t k;
        uint32_t cp = kg_u8_dec((const unsigned char *)s + i, n - i, &k);
        if (k == 0)
            break;
        i += k;
        if (cp >= 0xAC00 && cp <= 0xD7A3) {
            unsigned v = cp - 0xAC00;
            unsigned ini = v / 588, med = (v % 588) / 28, fin = v % 28;
            if (dash && p > base && p[-1] != '-')
                *p++ = '-';
            dash = 0;
            p = put4(p, rr_initial[ini]);
            p = put4(p, rr_vowel[med]);
            p = put4(p, rr_final[fin]);
        } else if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z')) {
            if (dash && p > base && p[-1] != '-')
                *p++ = '-';
            dash = 0;
            *p++ = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
        } else {
            dash = 1;
        }
    }
    while (p > base && p[-1] == '-')
        p--;
    out->len = (size_t)(p - base);
    *p = '\0';
}
