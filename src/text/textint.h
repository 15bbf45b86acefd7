/* textint.h - what the files of src/text/ (text intake, see kg/text.h)
 * share: the lines of the normalised text, the phases kg_text_load runs
 * (normalise.c, chrome.c, dateline.c, sentences.c) and a few character
 * helpers. The text stage stands on util, facts and korean only; the
 * tagger (src/tag) stands on it. Not API. */
#ifndef KG_TEXTINT_H
#define KG_TEXTINT_H

#include <stddef.h>
#include <stdint.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "kg/buf.h"
#include "kg/diag.h"
#include "kg/text.h"
#include "kg/utf8.h"
#include "util/scan.h"

/* One line of the normalised text. */
typedef struct text_line {
    size_t s, e;     /* the line without its newline */
    size_t ts, te;   /* trimmed */
} text_line;

static inline int kg_txt_is_sp(char c)
{
    return c == ' ' || c == '\t';
}

/* ---- the phases of kg_text_load ---- */

/* Fills t->norm, t->norm_len and t->map from t->src (normalise.c).
 * Returns 0, or -1 on invalid UTF-8 without KG_TEXT_LENIENT (reported
 * in d). */
int kg_txt_normalise(kg_text *t, unsigned flags, const char *name, kg_diag *d);
/* Fills t->chrome and t->n_chrome (chrome.c); with find 0 there is none
 * (KG_TEXT_NO_CHROME). */
void kg_txt_chrome(kg_text *t, text_line *ln, size_t nl, int find);
/* Fills t->has_dateline, t->dateline, t->dateline_at (dateline.c). */
void kg_txt_dateline(kg_text *t, text_line *ln, size_t nl);
/* Fills t->sent and t->n_sent: the sentences outside chrome (sentences.c). */
void kg_txt_sentences(kg_text *t, text_line *ln, size_t nl);

/* ---- characters ----
 * (Hangul tests of the text stage's own; src/korean may give them once.) */

/* Writes cp as UTF-8 to out; returns its length (1-4). */
static inline size_t kg_txt_u8_put(char *out, uint32_t cp)
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

/* 1 if cp is a precomposed Hangul syllable (U+AC00..U+D7A3). */
static inline int kg_txt_is_syllable(uint32_t cp)
{
    return cp >= 0xAC00 && cp <= 0xD7A3;
}

/* 1 if the three bytes at u, a character of valid UTF-8 led by EA-ED,
 * are a Hangul syllable: all of EB and EC, EA from B0, ED up to 9E A3. */
static inline int kg_txt_u8_syllable(const unsigned char *u)
{
    switch (u[0]) {
    case 0xEB: case 0xEC: return 1;
    case 0xEA: return u[1] >= 0xB0;
    case 0xED: return u[1] < 0x9E || (u[1] == 0x9E && u[2] <= 0xA3);
    default: return 0;
    }
}

#ifdef __SSE2__
/* Lane k set where p[k] leads a Hangul syllable (p[0..18) readable); the
 * same test as kg_txt_u8_syllable, sixteen bytes at a time. */
static inline __m128i kg_txt_syl_leads(const char *p)
{
    const __m128i eb = _mm_set1_epi8((char)0xEB), ec = _mm_set1_epi8((char)0xEC), ea = _mm_set1_epi8((char)0xEA),
                  ed = _mm_set1_epi8((char)0xED), xb0 = _mm_set1_epi8((char)0xB0), x9d = _mm_set1_epi8((char)0x9D),
                  x9e = _mm_set1_epi8((char)0x9E), xa3 = _mm_set1_epi8((char)0xA3);
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
    __m128i v1 = _mm_loadu_si128((const __m128i *)(const void *)(p + 1));
    __m128i v2 = _mm_loadu_si128((const __m128i *)(const void *)(p + 2));
    __m128i ed_ok = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(v1, x9d), v1),
                                 _mm_and_si128(_mm_cmpeq_epi8(v1, x9e), _mm_cmpeq_epi8(_mm_min_epu8(v2, xa3), v2)));
    return _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, eb), _mm_cmpeq_epi8(v, ec)),
                        _mm_or_si128(_mm_and_si128(_mm_cmpeq_epi8(v, ea), _mm_cmpeq_epi8(_mm_max_epu8(v1, xb0), v1)),
                                     _mm_and_si128(_mm_cmpeq_epi8(v, ed), ed_ok)));
}
#endif

#endif
