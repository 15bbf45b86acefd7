/* korean/endings.c - verb stems and endings: whether a stem stands as a
 * verb (규제하다) or as a noun (규제를), and what the verb ending of a
 * predicate says (past, adnominal, connective, quotative, intention,
 * forecast ...). Works on words of the normalised text, without a
 * dictionary; the word lists are korean.yaml's (read at first use). */
#ifndef KG_KOREAN_ENDINGS_H
#define KG_KOREAN_ENDINGS_H

#include <stddef.h>

/* A word (eojeol) of a text: its core [cs, ce), letters and digits
 * without the punctuation around. */
typedef struct kg_kword {
    size_t cs, ce;
} kg_kword;

/* 1 if a stem is a native verb stem (앞서, 밝히, 열린; its last syllable
 * is one of verb_stem_finals or has ㅆ) or is written with its ending,
 * rather than a noun that needs 하다 (규제, 반발). */
int kg_stem_native(const char *text, size_t len);
/* The forms of a verb stem whose last syllable is open (매기, 나타내,
 * 늘리) when an ending fuses into that syllable: the adnominals with ㄴ
 * and ㄹ (매긴, 매길) and the past with ㅆ on the contracted vowel
 * (매겼: korean.yaml past_contractions). Writes up to 3 NUL-terminated
 * strings of at most cap bytes into out and returns how many; 0 when
 * the last syllable is closed or is no Hangul. */
int kg_stem_fused(const char *text, size_t len, char out[][64], int max);
/* Length of a light verb (light_verbs: 하, 했, 된, 시키, 당하 ...) at s[i],
 * or 0. */
size_t kg_light_verb(const char *s, size_t i, size_t end);
/* 1 if a stem that ends at me, in a word whose core ends at ce, stands as
 * a verb: a light verb follows, or a native stem is not followed by a case
 * particle. */
int kg_verbal_after(const char *s, size_t me, size_t ce, int native);

/* Features of the verb ending of a predicate (bit flags). */
enum {
    KG_END_PAST = 1 << 0,       /* 했, 섰, 됐 ... */
    KG_END_ADNOM = 1 << 1,      /* 한, 된, 열린 + noun */
    KG_END_FUTADN = 1 << 2,     /* 할, 될 + noun */
    KG_END_PRESADN = 1 << 3,    /* 하는 + noun */
    KG_END_FINAL = 1 << 4,      /* 했다, 한다 */
    KG_END_PRESENT = 1 << 5,    /* 한다, 선다 */
    KG_END_CONN = 1 << 6,       /* 하고, 하며, 해, 하면서 ... */
    KG_END_QUOTIVE = 1 << 7,    /* 했다고, 하겠다며, 라고 */
    KG_END_PROGR = 1 << 8,      /* 하고 있다, 해 있다 */
    KG_END_NOMIN = 1 << 9,      /* 하기, 함 (not 하기로 하다, 하기도 하다) */
    KG_END_INTENT = 1 << 10,    /* 하려, 하려고, 하려다 */
    KG_END_HYPO = 1 << 11,      /* 한다면 */
    KG_END_NEG = 1 << 12,       /* 하지 않, 하지 못, 못 하 */
    KG_END_FORECAST = 1 << 13,  /* 할 것으로, 할 것이라는 */
    KG_END_COMPL = 1 << 14,     /* 하겠다는 계획, 한다는 것 (not past) */
    KG_END_VOLIT = 1 << 15,     /* 겠 */
    KG_END_CAUSE = 1 << 16,     /* 했기 때문에, 한 탓에, 한 결과 */
    KG_END_WHEN = 1 << 17,      /* 하자 (reaction follows) */
    KG_END_HABIT = 1 << 18,     /* 하는 것으로 알려졌다 */
    KG_END_TEMPCONN = 1 << 19   /* 한 뒤, 한 후, 한 가운데 */
};

/* Reads the ending of the predicate word w whose stem ends at me, with
 * the words around it (NULL at the edges); returns KG_END_* flags. */
unsigned kg_ending(const char *s, size_t me, const kg_kword *w, const kg_kword *next, const kg_kword *next2,
                   const kg_kword *prev);

#endif
