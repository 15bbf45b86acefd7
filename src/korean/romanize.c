/* romanize.c - slugs for discovered actors: Hangul in the Revised
 * Romanization of Korean (syllable by syllable, without the sound-change
 * rules across syllables), Latin letters and digits lower-cased, every
 * other run of characters one hyphen. */
#include "korean/romanize.h"

#include "korean/hangul.h"

static const char *const rr_initial[19] = {
    "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"
};
static const char *const rr_vowel[21] = {
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi",
    "yu", "eu", "ui", "i"
};
static const char *const rr_final[28] = {
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t",
    "t", "ng", "t", "t", "k", "t", "p", "t"
};

void kg_slug_append(kg_buf *out, const char *s, size_t n)
{
    size_t i = 0;
    int dash = out->len > 0 && out->ptr[out->len - 1] != '-';
    while (i < n) {
        size_t k;
        uint32_t cp = kg_u8_dec((const unsigned char *)s + i, n - i, &k);
        if (k == 0)
            break;
        i += k;
        if (cp >= 0xAC00 && cp <= 0xD7A3) {
            unsigned v = cp - 0xAC00;
            unsigned ini = v / 588, med = (v % 588) / 28, fin = v % 28;
            if (dash && out->len > 0 && out->ptr[out->len - 1] != '-')
                kg_buf_putc(out, '-');
            dash = 0;
            kg_buf_puts(out, rr_initial[ini]);
            kg_buf_puts(out, rr_vowel[med]);
            kg_buf_puts(out, rr_final[fin]);
        } else if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
            if (dash && out->len > 0 && out->ptr[out->len - 1] != '-')
                kg_buf_putc(out, '-');
            dash = 0;
            kg_buf_putc(out, (int)cp);
        } else if (cp >= 'A' && cp <= 'Z') {
            if (dash && out->len > 0 && out->ptr[out->len - 1] != '-')
                kg_buf_putc(out, '-');
            dash = 0;
            kg_buf_putc(out, (int)(cp + 32));
        } else {
            dash = 1;
        }
    }
    while (out->len > 0 && out->ptr[out->len - 1] == '-')
        out->len--;
    out->ptr[out->len] = '\0';
}
