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
#include "kg/tag.h"

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
    for (size_t k = 0; lit[k]; k++)
        if (i + k >= len || s[i + k] != lit[k])
            return 0;
    return 1;
}

/* The end of lit if s[i..] starts with it, else 0 (early exit: cheap
 * when it does not). */
static inline size_t kg_lit(const char *s, size_t len, size_t i, const char *lit)
{
    size_t k = 0;
    for (; lit[k]; k++)
        if (i + k >= len || s[i + k] != lit[k])
            return 0;
    return i + k;
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

/* ---- the lexicon (lexicon.c) ---- */

typedef struct kg_lex_actor {
    char *id, *name, *type, *part_of;
    int part_of_idx;       /* index of the part_of actor, or -1 */
    int is_country;        /* type country */
    int is_person;         /* type person */
} kg_lex_actor;

typedef struct kg_lex_key {
    int first, n;          /* actors: lx->key_actors[first .. first+n) */
    int latin;             /* the key is all ASCII (Latin-script alias) */
    int keylen;
} kg_lex_key;

struct kg_lexicon {
    kg_lex_actor *actors;
    size_t n_actors, cap_actors;
    /* id -> actor index (open addressing, size power of 2) */
    int *id_tab;
    size_t id_cap;
    /* aliases before compiling: folded key and actor */
    struct lex_pending {
        char *key;
        int actor;
    } *pend;
    size_t n_pend, cap_pend;
    /* compiled */
    int compiled;
    int32_t *base, *check, *val;
    size_t da_size;
    kg_lex_key *keys;
    size_t n_keys;
    int *key_actors;
    size_t n_key_actors;
};

typedef struct kg_lexhit {
    size_t end;            /* text offset just after the match */
    int key;               /* index into lx->keys */
} kg_lexhit;

/* Folds an alias into its match key: normalised like article text, ASCII
 * lower-cased, spaces removed. Appends to out. */
void kg_lex_fold(const char *alias, kg_buf *out);
/* All keys that match s from offset i (spaces in the text are skipped
 * between characters, ASCII case ignored), shortest first. Returns the
 * number written to hits (at most max). */
size_t kg_lex_walk(const kg_lexicon *lx, const char *s, size_t len, size_t i, kg_lexhit *hits,
                   size_t max);
int kg_lex_find_id(const kg_lexicon *lx, const char *id);

/* ---- calendar helpers (independent of edtf.c) ---- */

static inline int kg_tag_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static inline int kg_tag_mdays(int y, int m)
{
    static const int md[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (m < 1 || m > 12)
        return 31;
    return md[m - 1] + (m == 2 && kg_tag_leap(y));
}

/* Days since 1970-01-01 (H. Hinnant's algorithm) and back. */
static inline long kg_tag_days(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static inline void kg_tag_civil(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long yy = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yy + (*m <= 2));
}

/* ---- the tagging context shared by times.c, figures.c, actors.c ---- */

typedef struct kg_tctx {
    const kg_lexicon *lx;
    const kg_text *t;
    const char *s;         /* normalised text */
    size_t len;
    kg_mentions *out;
    kg_edtf_point dct;     /* prec NONE: unknown */
    unsigned flags;
    /* normalised ranges already taken by times (figures skip them) */
    size_t *taken;         /* pairs start, end, sorted */
    size_t n_taken, cap_taken;
} kg_tctx;

/* Appends a mention covering normalised [ns, ne). */
kg_mention *kg_tctx_add(kg_tctx *c, kg_mention_kind kind, size_t ns, size_t ne);
/* Copies n bytes into the mentions' string pool. */
const char *kg_tctx_str(kg_tctx *c, const char *s, size_t n);
/* 1 if [a, b) overlaps a taken range. */
int kg_tctx_taken(const kg_tctx *c, size_t a, size_t b);

void kg_find_times(kg_tctx *c);
void kg_find_figures(kg_tctx *c);
void kg_find_actors(kg_tctx *c);

/* 1 if position i starts a token: the character before is a space, a
 * punctuation mark or the start of the text. */
static inline int kg_tok_start(const char *s, size_t i)
{
    if (i == 0)
        return 1;
    unsigned char p = (unsigned char)s[i - 1];
    if (p < 0x80)
        return !((p >= '0' && p <= '9') || ((p | 0x20) >= 'a' && (p | 0x20) <= 'z'));
    return kg_cc_of(kg_u8_before(s, i)) <= KG_CC_PUNCT;
}

/* 1 if the Hangul run from s[i] to the next non-Hangul character is
 * empty or made only of particles and copula endings (은, 는, 에서는,
 * 까지, 이었다 ...); *end gets the end of that run. (actors.c) */
int kg_tail_ok(const char *s, size_t len, size_t i, size_t *end);

#endif
