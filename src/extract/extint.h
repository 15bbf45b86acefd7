/* extint.h - what the files of src/extract/ share: the compiled event
 * lexicon, the per-sentence analysis (words, particles, verb endings) and
 * the event candidates. Not API. */
#ifndef KG_EXTINT_H
#define KG_EXTINT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "kg/buf.h"
#include "kg/extract.h"
#include "util/hmap.h"
#include "kg/tag.h"
#include "kg/text.h"
#include "korean/hangul.h"

/* ---- UTF-8 on normalised (valid) text: korean/hangul.h ---- */

/* The code point at s[i] (0 at len), *n its length. */
static inline uint32_t ex_cp(const char *s, size_t len, size_t i, size_t *n)
{
    return kg_u8_at(s, len, i, n);
}

/* Offset of the code point that ends at i. */
static inline size_t ex_prev(const char *s, size_t i)
{
    return kg_u8_prev(s, i);
}

static inline int ex_hangul(uint32_t c)
{
    return kg_is_hangul(c);
}

/* Final consonant (jongseong) index of a Hangul syllable, 0 = none. */
static inline int ex_jong(uint32_t c)
{
    return kg_hangul_jong(c);
}

#define EX_JONG_N KG_JONG_N
#define EX_JONG_L KG_JONG_L
#define EX_JONG_SS KG_JONG_SS

static inline int ex_at(const char *s, size_t len, size_t i, const char *lit)
{
    size_t n = strlen(lit);
    return i + n <= len && memcmp(s + i, lit, n) == 0;
}

static inline int ex_ends(const char *s, size_t a, size_t b, const char *lit)
{
    size_t n = strlen(lit);
    return b >= a + n && memcmp(s + b - n, lit, n) == 0;
}

/* 1 if s[a..b) ends with one of the words of list (NULL-ended). */
static inline int ex_ends_any(const char *s, size_t a, size_t b, const char *const *list)
{
    for (int k = 0; list[k]; k++)
        if (ex_ends(s, a, b, list[k]))
            return 1;
    return 0;
}

/* 1 if the stem s[a..b) names the stocks of a sector (자동차주, 관련주):
 * it ends in one of suffixes (relations.yaml move_stock_suffixes) after
 * two syllables at least. */
static inline int ex_stock_stem(const char *s, size_t a, size_t b, const char *const *suffixes)
{
    for (int k = 0; suffixes[k]; k++) {
        size_t l = strlen(suffixes[k]);
        if (b >= a + l + 6 && !memcmp(s + b - l, suffixes[k], l))
            return 1;
    }
    return 0;
}

/* Length of the first word of list (NULL-ended) that s[a..b) ends with,
 * 0 if none. */
static inline size_t ex_ends_which(const char *s, size_t a, size_t b, const char *const *list)
{
    for (int k = 0; list[k]; k++)
        if (ex_ends(s, a, b, list[k]))
            return strlen(list[k]);
    return 0;
}

/* Length of the first word of list that s[i..len) starts with, 0 if
 * none. */
static inline size_t ex_at_any(const char *s, size_t len, size_t i, const char *const *list)
{
    for (int k = 0; list[k]; k++)
        if (ex_at(s, len, i, list[k]))
            return strlen(list[k]);
    return 0;
}

/* 1 if s[a..b) is one of the words of list. */
static inline int ex_is_any(const char *s, size_t a, size_t b, const char *const *list)
{
    for (int k = 0; list[k]; k++)
        if (strlen(list[k]) == b - a && memcmp(s + a, list[k], b - a) == 0)
            return 1;
    return 0;
}

/* 1 if one of the words of list occurs in s[a..b). */
static inline int ex_has_any(const char *s, size_t a, size_t b, const char *const *list)
{
    for (int k = 0; list[k]; k++) {
        size_t n = strlen(list[k]);
        for (size_t i = a; n && i + n <= b; i++)
            if (memcmp(s + i, list[k], n) == 0)
                return 1;
    }
    return 0;
}

/* Copies src into dst[n], cut on a UTF-8 boundary. */
static inline void ex_copy(char *dst, size_t n, const char *src)
{
    size_t l = strlen(src);
    if (l >= n) {
        l = n - 1;
        while (l > 0 && ((unsigned char)src[l] & 0xC0) == 0x80)
            l--;
    }
    memmove(dst, src, l);
    dst[l] = '\0';
}

/* ---- the event lexicon (evlex.c) ---- */

enum { EX_REL_RESPONDS = 0, EX_REL_CAUSES, EX_REL_PART, EX_REL_SAME, EX_REL_N };

typedef struct ex_entry {
    char *text;      /* as written in the lexicon */
    size_t len;
    int type;        /* index into kg_event_types */
    int noun;        /* from `nouns` (else `predicates`) */
    int midword;     /* may start inside a word (…하겠다, 겠다고) */
    int native;      /* a native verb stem, see ex_stem_native */
    uint32_t fcp;    /* its first code point (the sort key) */
    /* a phrase whose first word ends in a particle (명단에 올, 펀드를
     * 조성): where that particle starts and its class (EX_P_*), read once
     * for the gap matchers of events.c; w1: the first word's length */
    size_t ps1, w1;
    int part1;
} ex_entry;

struct kg_evlex {
    ex_entry *v;                 /* sorted by first code point, longest first */
    size_t n, cap;
    kg_hmap nouns;               /* text without spaces -> type + 1 (intptr) */
    kg_hmap lemmas;              /* lemma (noun of noun+하다, 되다) -> type + 1 */
    char **keys;                 /* storage of the nouns and lemmas maps' keys */
    size_t n_keys, cap_keys;
    char **cues[EX_REL_N];       /* relation cues by type */
    size_t n_cues[EX_REL_N], cap_cues[EX_REL_N];
};

/* Type of a lemma (the noun of a noun+하다/되다 verb: 철회, 부과) from the
 * lexicon's `lemmas` lists; -1 if none. */
int ex_lemma_type(const kg_evlex *ev, const char *lemma);
/* Index of type name in kg_event_types, or -1. */
int ex_type_index(const char *name);
/* Range [*lo, *hi) of entries whose text starts with code point cp. */
void ex_evlex_range(const kg_evlex *ev, uint32_t cp, size_t *lo, size_t *hi);
/* Type of the longest event noun (or noun-like predicate) that ends the
 * text s[0..n) with spaces ignored; -1 if none. */
int ex_noun_type(const kg_evlex *ev, const char *s, size_t n);

/* ---- one document being extracted (extract.c, events.c, header.c) ---- */

/* A word (eojeol): a run of non-space bytes of one sentence, in the
 * normalised text. core is the word without leading/trailing punctuation. */
typedef struct ex_word {
    size_t s, e;          /* the whole word */
    size_t cs, ce;        /* core: letters and digits */
    size_t ps;            /* start of the particle in the core (= ce if none) */
    int particle;         /* EX_P_* */
    int in_quote;         /* inside "…" */
    int quote_close;      /* a closing " is in this word */
    int in_title;         /* inside '…' (a title or a name) */
} ex_word;

enum {
    EX_P_NONE = 0,
    EX_P_SUBJ,    /* 이 가 께서 측이 */
    EX_P_TOPIC,   /* 은 는 측은 에서는 도 */
    EX_P_OBJ,     /* 을 를 */
    EX_P_GEN,     /* 의 */
    EX_P_CONJ,    /* 와 과 및 */
    EX_P_LOC,     /* 에서 */
    EX_P_DAT,     /* 에 에게 */
    EX_P_OTHER    /* 로 으로 까지 부터 보다 만 ... */
};

/* Sets w->cs, w->ce: the word without punctuation around it. */
void ex_word_core(const char *s, ex_word *w);
/* Finds the particle at the end of core [cs, ce); fills w->ps and
 * w->particle. */
void ex_word_particle(const char *s, ex_word *w);
/* The class of the particle that is all of s[a..b), or EX_P_NONE. */
int ex_particle_exact(const char *s, size_t a, size_t b);
/* 1 if a lexicon stem is a native verb stem (앞서, 밝히, 열린) or is written
 * with its ending, rather than a noun that needs 하다 (규제, 반발). */
int ex_stem_native(const char *text, size_t len);
/* The fused forms of a verb stem (매기: 매긴, 매길, 매겼): kg_stem_fused. */
int ex_stem_fused(const char *text, size_t len, char out[][64], int max);
/* Length of a light verb (하, 했, 된, 시키, 당하 …) at s[i], or 0. */
size_t ex_light_verb(const char *s, size_t i, size_t end);
/* 1 if a stem that ends at me, in a word whose core ends at ce, stands as
 * a verb: a light verb follows, or a native stem is not followed by a case
 * particle. */
int ex_verbal_after(const char *s, size_t me, size_t ce, int native);

/* Features of the verb ending of a predicate (bit flags). */
enum {
    EX_F_PAST = 1 << 0,       /* 했, 섰, 됐 … */
    EX_F_ADNOM = 1 << 1,      /* 한, 된, 열린 + noun */
    EX_F_FUTADN = 1 << 2,     /* 할, 될 + noun */
    EX_F_PRESADN = 1 << 3,    /* 하는 + noun */
    EX_F_FINAL = 1 << 4,      /* 했다, 한다 */
    EX_F_PRESENT = 1 << 5,    /* 한다, 선다 */
    EX_F_CONN = 1 << 6,       /* 하고, 하며, 해, 하면서 … */
    EX_F_QUOTIVE = 1 << 7,    /* 했다고, 하겠다며, 라고 */
    EX_F_PROGR = 1 << 8,      /* 하고 있다, 해 있다 */
    EX_F_NOMIN = 1 << 9,      /* 하기, 함 (not 하기로 하다, 하기도 하다) */
    EX_F_INTENT = 1 << 10,    /* 하려, 하려고, 하려다 */
    EX_F_HYPO = 1 << 11,      /* 한다면 */
    EX_F_NEG = 1 << 12,       /* 하지 않, 하지 못, 못 하 */
    EX_F_FORECAST = 1 << 13,  /* 할 것으로, 할 것이라는 */
    EX_F_COMPL = 1 << 14,     /* 하겠다는 계획, 한다는 것 (not past) */
    EX_F_VOLIT = 1 << 15,     /* 겠 */
    EX_F_CAUSE = 1 << 16,     /* 했기 때문에, 한 탓에, 한 결과 */
    EX_F_WHEN = 1 << 17,      /* 하자 (reaction follows) */
    EX_F_HABIT = 1 << 18,     /* 하는 것으로 알려졌다 */
    EX_F_TEMPCONN = 1 << 19   /* 한 뒤, 한 후, 한 가운데 */
};

/* Reads the ending of the predicate word w whose stem ends at me, with
 * the words around it (NULL at the edges); returns EX_F_* flags. */
unsigned ex_ending(const char *s, size_t me, const ex_word *w, const ex_word *next,
                   const ex_word *next2, const ex_word *prev);

typedef struct ex_event {
    int type;
    size_t ps, pe;        /* the predicate (normalised) */
    size_t cs;            /* clause start (normalised) */
    size_t span_s;        /* start of the span written out: the content
                           * verb with its object (0: from cs) */
    size_t chain;         /* start of its chain of clauses (-고, -며 …) */
    size_t sent;          /* sentence index */
    unsigned f;
    int dropped;          /* merged into another or filtered */
    int title_line;       /* in the headline block */
    int caption;          /* in a caption with a photo credit (… AP 연합뉴스) */
    int quoted;           /* said inside a quotation (a vow, an objection) */
    int received;         /* its subject received the act (제재를 받았다) */
    /* roles: actor mention indexes, -1 ends */
    int agent[4], target[4];
    int n_agent, n_target;
    int subj_in_clause;
    int time;             /* time mention index or -1 */
    char date[48];        /* EDTF or "" */
    char when[96];
    /* object noun (space free) and its text for titles */
    char obj[64];
    char obj2[64];
    char pred[64];        /* the predicate as a title word */
    int phrase;           /* the lexicon phrase holds its object (관세를 부과) */
    int canon;            /* same-as: index of the first mention, or -1 */
    int stmt;             /* a statement: speech verb with what was said */
    int np;               /* named by a noun phrase (relate.c np_event) */
} ex_event;

typedef struct ex_rel {
    int from, to;         /* event indexes */
    int type;             /* EX_REL_* */
} ex_rel;

#endif
