/* korean/morph.c - a word as noun + light verb + ending (see morph.h).
 * The light verbs are korean.yaml's light_verbs (longest first); the
 * ending after them must be made of the syllables of
 * morph_ending_syllables and be at most morph_max_ending syllables long. */
#include "korean/morph.h"

#include <pthread.h>
#include <string.h>

#include "korean/endings.h"
#include "korean/grammar.h"
#include "korean/hangul.h"

static const char *const *end_syl;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void)
{
    end_syl = kg_gram_words("korean", "morph_ending_syllables");
}

enum { MIN_NOUN = 2, MAX_NOUN = 6, MAX_ENDING = 5 };

static int ending_syllable(const char *s, size_t i, size_t n)
{
    for (int k = 0; end_syl && end_syl[k]; k++)
        if (strlen(end_syl[k]) == n && memcmp(s + i, end_syl[k], n) == 0)
            return 1;
    return 0;
}

/* 1 if s[a, b) is empty or made only of ending syllables (at most
 * MAX_ENDING of them). */
static int is_ending(const char *s, size_t a, size_t b)
{
    int k = 0;
    for (size_t i = a; i < b; k++) {
        size_t n;
        uint32_t c = kg_u8_at(s, b, i, &n);
        if (!kg_is_hangul(c) || k >= MAX_ENDING || !ending_syllable(s, i, n))
            return 0;
        i += n;
    }
    return 1;
}

int kg_morph_word(const char *s, size_t cs, size_t ce, kg_morph *m)
{
    pthread_once(&once, load);
    memset(m, 0, sizeof *m);
    int syl = 0;
    for (size_t i = cs; i < ce && syl <= MAX_NOUN;) {
        size_t n;
        uint32_t c = kg_u8_at(s, ce, i, &n);
        if (!kg_is_hangul(c))
            return KG_MORPH_NONE; /* the noun is Hangul only */
        if (syl >= MIN_NOUN) {
            size_t lv = kg_light_verb(s, i, ce);
            if (lv && is_ending(s, i + lv, ce) && i - cs < sizeof m->lemma) {
                /* 되/된/될/됨/돼/됐 and 당하…: the subject is the patient */
                int passive = !memcmp(s + i, "되", 3) || !memcmp(s + i, "된", 3) ||
                              !memcmp(s + i, "될", 3) || !memcmp(s + i, "됨", 3) ||
                              !memcmp(s + i, "돼", 3) || !memcmp(s + i, "됐", 3) ||
                              !memcmp(s + i, "당", 3);
                m->kind = passive ? KG_MORPH_PASSIVE : KG_MORPH_ACTIVE;
                m->stem_end = i;
                m->lv_end = i + lv;
                memcpy(m->lemma, s + cs, i - cs);
                m->lemma[i - cs] = '\0';
                return m->kind;
            }
        }
        i += n;
        syl++;
    }
    return KG_MORPH_NONE;
}
