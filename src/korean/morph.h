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

/* Native verbs (issue 13): the dictionary forms (stem + 다) a word
 * s[cs, ce) can be read as, stem + ending, with the ending made of the
 * ending syllables (korean.yaml's morph_ending_syllables) and the stem's
 * last syllable undone where the ending fused with it: 던졌다 (던지다),
 * 넘겨졌다 (넘겨지다), 미뤘다 (미루다), 내놨다 (내놓다), 내린 (내리다),
 * 만든 (만들다), 올리기로 (올리다), 얼어붙었다 (얼어붙다). The longest stem
 * comes first; a caller takes the first its lexicon lists. Writes at most
 * max forms into out; returns how many. Never reads outside [cs, ce). */
typedef struct kg_native {
    char lemma[64]; /* the dictionary form, NUL-ended (던지다) */
    size_t end_at;  /* offset in s where the ending is read from: the
                       fused syllable (졌다) or the ending itself (기로) */
} kg_native;
int kg_morph_native(const char *s, size_t cs, size_t ce, kg_native *out, int max);

#endif
