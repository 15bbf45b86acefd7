/* korean/morph.c - a word (eojeol) read as stem + light verb + ending,
 * without a dictionary: a Sino-Korean noun of two to six syllables, a
 * light verb (하다, 되다, 시키다, 당하다: light_verbs) and an ending made
 * only of ending syllables (morph_ending_syllables) — 발표했다 is 발표 +
 * 했 + 다, 금지되자 is 금지 + 되 + 자, 추진할 is 추진 + 할. The lemma is the
 * noun; the event lexicon looks it up. The lists are korean.yaml's. */
#ifndef KG_KOREAN_MORPH_H
#define KG_KOREAN_MORPH_H

#include <stddef.h>

enum {
    KG_MORPH_NONE = 0,
    KG_MORPH_ACTIVE,  /* noun + 하다 / 시키다 */
    KG_MORPH_PASSIVE  /* noun + 되다 / 당하다 */
};

typedef struct kg_morph {
    int kind;          /* KG_MORPH_* */
    size_t stem_end;   /* offset in s where the noun ends (the light verb starts) */
    size_t lv_end;     /* offset in s where the light verb ends */
    char lemma[64];    /* the noun, NUL-ended (empty when kind is NONE) */
} kg_morph;

/* Reads the word s[cs, ce) (its core, no punctuation) into m; returns
 * m->kind. Never reads outside [cs, ce). */
int kg_morph_word(const char *s, size_t cs, size_t ce, kg_morph *m);

#endif
