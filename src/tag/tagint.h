/* tagint.h - helpers shared by the files of src/tag/ (the tagger; text
 * intake is src/text): UTF-8 decoding of already validated text, character classes,
 * and the internal interfaces between the tagger's parts. Not API. */
#ifndef KG_TAGINT_H
#define KG_TAGINT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "kg/buf.h"
#include "kg/edtf.h"
#include "kg/text.h"
#include "kg/tag.h"
#include "korean/hangul.h" /* the UTF-8 decoder and the Hangul syllable sets */
#include "korean/numbers.h"
#include "korean/particles.h" /* kg_tail_ok */
#include "korean/romanize.h"
#include "util/hmap.h"
#include "kg/utf8.h"
#include "util/scan.h"


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

/* numbers (kg_num_scan) and romanization (kg_slug_append): korean/numbers.h,
 * korean/romanize.h */

/* ---- the lexicon (lexicon.c) ---- */

typedef struct kg_lex_actor {
    char *id, *name, *type, *part_of;
    int part_of_idx;       /* index of the part_of actor, or -1 */
    int is_country;        /* type country */
    int is_person;         /* type person */
    int is_product;        /* type product */
    int is_place;          /* `place: true`: an actor only where it acts (actors.c run_known) */
    /* the actor's JSON as kg tag writes it, escaped once:
     * "id":"..","name":".." (json_head bytes) then ,"type":"..","how":"lexicon" */
    char *json;
    unsigned json_head, json_len;
} kg_lex_actor;

typedef struct kg_lex_key {
    int first, n;          /* actors: lx->key_actors[first .. first+n) */
    int latin;             /* the key is all ASCII (Latin-script alias) */
    int keylen;
} kg_lex_key;

#define KG_LEX_NSYL 11172     /* Hangul syllables U+AC00..U+D7A3 */
#define KG_LEX_PAIR_BITS 17   /* pair_bits has 2^17 bits (16 KB) */

/* One cell of the double array: base, check and value side by side, so
 * that a step's check brings the next step's base and value along. */
typedef struct kg_da_cell {
    int32_t base, check, val;
} kg_da_cell;

struct kg_lexicon {
    kg_lex_actor *actors;
    size_t n_actors, cap_actors;
    kg_hmap ids;     /* id -> actor index + 1 (keys: actors[].id) */
    /* aliases before compiling: folded key and actor */
    struct lex_pending {
        char *key;
        int actor;
    } *pend;
    size_t n_pend, cap_pend;
    /* compiled */
    int compiled;
    kg_da_cell *da;
    size_t da_size;
    kg_lex_key *keys;
    size_t n_keys;
    int *key_actors;
    size_t n_key_actors;
    /* the state after each Hangul syllable from the root, -1 where no
     * key starts with it (NULL before compiling) */
    int32_t *first_state;
    /* the first two syllables of the keys (a one-hash Bloom filter) and
     * the syllables that are whole keys: a walk whose first two
     * syllables start no key can only match the first alone */
    unsigned char *pair_bits;
    kg_sylset single_syl;
    /* tests only: walk byte by byte without the two lookups above (the
     * result must be the same) */
    int plain_walk;
    /* read from a cache (kg_lexicon_load): the bytes that keys,
     * key_actors, da, pair_bits and the actors' strings point into, and
     * the actors' JSON in one block; NULL when built here */
    void *blob;
    char *json_block;
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
/* kg_lex_walk from state st at s[j] (the walk's loop): the hits already
 * found are nh. */
size_t kg_lex_walk_on(const kg_lexicon *lx, const char *s, size_t len, size_t j, int32_t st, kg_lexhit *hits,
                      size_t nh, size_t max);

/* The bit of two first syllables (0..KG_LEX_NSYL-1) in pair_bits. */
static inline uint32_t kg_lex_pair_hash(int a, int b)
{
    return ((uint32_t)a * (uint32_t)KG_LEX_NSYL + (uint32_t)b) * 2654435761u >> (32 - KG_LEX_PAIR_BITS);
}

/* kg_lex_walk at s[i], a Hangul syllable a (0..KG_LEX_NSYL-1) glued to a
 * second syllable b, or to none (b < 0): the same hits, most word starts
 * answered here by a load or two (no key starts with a, or none with
 * a and b) instead of a call. lx compiled; max >= 1. */
static inline size_t kg_lex_walk_syl(const kg_lexicon *lx, const char *s, size_t len, size_t i, int a, int b,
                                     kg_lexhit *hits, size_t max)
{
    if (lx->plain_walk)
        return kg_lex_walk(lx, s, len, i, hits, max);
    int32_t st = lx->first_state[a];
    if (st < 0)
        return 0;
    if (b >= 0) {
        uint32_t h = kg_lex_pair_hash(a, b);
        if (!((lx->pair_bits[h >> 3] >> (h & 7)) & 1)) {
            /* no key starts with the two: the first syllable alone */
            if (!((lx->single_syl.bits[a >> 3] >> (a & 7)) & 1) || lx->da[st].val < 0)
                return 0;
            hits[0].end = i + 3;
            hits[0].key = lx->da[st].val;
            return 1;
        }
    }
    size_t nh = 0;
    if (lx->da[st].val >= 0) {
        /* (i + 3 ends a character: the syllable) */
        hits[0].end = i + 3;
        hits[0].key = lx->da[st].val;
        nh = 1;
    }
    return kg_lex_walk_on(lx, s, len, i + 3, st, hits, nh, max);
}

/* ---- calendar helpers (kg/edtf.h does the arithmetic) ---- */

/* Days in a month; 31 for a month out of range (callers check months). */
static inline int kg_tag_mdays(int y, int m)
{
    int n = kg_days_in_month(y, m);
    return n ? n : 31;
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
    /* the taken ranges indexed for kg_tctx_taken once the times are all
     * found (kg_tctx_index_taken): their starts ascending and, at k, the
     * largest end of the first k + 1 ranges; NULL before */
    size_t *taken_start, *taken_maxend;
    /* the positions the time and figure finders look at, ascending (one
     * pass over the text for both, see kg_tctx_tokens) */
    size_t *tok;
    size_t n_tok;
    /* the ends of the runs of Hangul syllables, found by the same pass
     * (kg_tctx_tokens): bit p (of word p >> 6) set iff a syllable
     * U+AC00..U+D7A3 starts at p - 3 and none at p (p <= len); NULL
     * before. kg_run_end reads it. */
    uint64_t *runend;
    /* the calling thread's buffers, kept from one text to the next
     * (kg_tscratch_get) */
    struct kg_tscratch *scr;
} kg_tctx;

/* The buffers of the size of a text that a thread keeps for its next
 * text (the token list and bitmap, the taken ranges and their index,
 * the mention sort's), instead of a dozen mallocs and frees a text
 * (tctx.c): kg_tag_text takes them at the start and trims them at the
 * end (a buffer grown past a window's worth is freed then). Freed when
 * the thread ends. */
struct kg_tscratch *kg_tscratch_get(void);
void kg_tscratch_trim(struct kg_tscratch *scr);
/* Scratch room for n bytes in scr (contents undefined), for the sort. */
void *kg_tscratch_sort(struct kg_tscratch *scr, size_t n);
/* A mention array of at least n entries from scr, whose *cap entries the
 * caller owns from now on (the mentions' sort swaps its list in:
 * kg_tscratch_put_mentions); contents undefined. */
kg_mention *kg_tscratch_take_mentions(struct kg_tscratch *scr, size_t n, size_t *cap);
void kg_tscratch_put_mentions(struct kg_tscratch *scr, kg_mention *v, size_t cap);

/* Adds to set the syllables with which a time (grammar "times") or a
 * figure (grammar "units") written in Hangul may start: the list
 * token_first_syllables of that grammar (tctx.c). */
void kg_tctx_first_syls(kg_sylset *set, const char *grammar);

/* Fills c->tok with the positions where a time or a figure may start:
 * a digit not right after another digit; ' $ U; a Hangul syllable
 * (U+AC00..U+D7A3) of the token_first_syllables of times or units that
 * does not follow another syllable (inside a word neither starts); any
 * other character that is not ASCII, except what EA..ED lead after a
 * syllable. */
void kg_tctx_tokens(kg_tctx *c);
/* 1 if Hangul syllable cp may start a time or a figure (tests). */
int kg_tctx_token_syllable(uint32_t cp);

/* The finders' walk over the tokens: the first token at or after from
 * (where the text is looked at again after a match or chrome), *k
 * advanced past it; (size_t)-1 after the last. */
static inline size_t kg_tok_next(const kg_tctx *c, size_t *k, size_t from)
{
    while (*k < c->n_tok && c->tok[*k] < from)
        (*k)++;
    return *k < c->n_tok ? c->tok[(*k)++] : (size_t)-1;
}

/* The end of the run of Hangul syllables at i, where one starts (the
 * caller knows), from the bitmap re of kg_tctx's runend: a load or two
 * and a bit scan where the scan of the bytes cost a call and a block
 * compare a word. */
static inline size_t kg_run_end_syl(const uint64_t *re, size_t i)
{
    /* (the run's end is a bit at most at len: the scan ends there) */
    size_t p = i + 3, w = p >> 6;
    uint64_t m = re[w] & (~(uint64_t)0 << (p & 63));
    while (!m)
        m = re[++w];
    return (w << 6) + (size_t)__builtin_ctzll(m);
}

/* kg_hangul_run_end(c->s, c->len, i) at a character's start i (the end
 * of the run of syllables there, i when none starts there) from
 * c->runend, built by kg_tctx_tokens; c->runend not NULL. */
static inline size_t kg_run_end(const kg_tctx *c, size_t i)
{
    const unsigned char *u = (const unsigned char *)c->s + i;
    if (i + 2 >= c->len || u[0] < 0xEA || u[0] > 0xED || !kg_u8_syllable(u))
        return i;
    return kg_run_end_syl(c->runend, i);
}

/* Appends a mention covering normalised [ns, ne). */
kg_mention *kg_tctx_add(kg_tctx *c, kg_mention_kind kind, size_t ns, size_t ne);
/* Copies n bytes into the mentions' string pool. */
const char *kg_tctx_str(kg_tctx *c, const char *s, size_t n);
/* 1 if [a, b) overlaps a taken range. */
int kg_tctx_taken(const kg_tctx *c, size_t a, size_t b);
/* Indexes the taken ranges for kg_tctx_taken (a binary search instead of
 * a walk over all of them: a 4 MB window has thousands); called when no
 * more are taken. kg_tctx_free_taken gives ranges and index back to
 * c->scr (the ranges' list comes from there too: kg_tctx_take). */
void kg_tctx_index_taken(kg_tctx *c);
void kg_tctx_free_taken(kg_tctx *c);
/* Fills c->scr and hands its list of taken ranges to c (c->taken, NULL
 * when there is none yet: times.c allocates it then). */
void kg_tctx_take(kg_tctx *c);
/* 1 if a word of sentence_terms (grammar units) ends just before i: 징역
 * 8월 is a term of eight months, no August. */
int kg_term_before(const char *s, size_t i);

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

/* kg_tail_ok: src/korean/particles.h */

#endif
