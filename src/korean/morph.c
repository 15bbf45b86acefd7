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
#include "kg/utf8.h"

static const char *const *end_syl, *const *passive_lv;
static const char *plain_end; /* korean plain_endings: the ending of a lemma (먹다) */
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void)
{
    end_syl = kg_gram_words("korean", "morph_ending_syllables");
    passive_lv = kg_gram_words("korean", "passive_light_verbs");
    plain_end = kg_gram_words("korean", "plain_endings")[0];
    if (!plain_end)
        plain_end = "";
}

/* 1 if the light verb at s + i is passive (되/된/…, 당하…): the subject
 * is then the patient. */
static int passive_at(const char *s, size_t i, size_t ce)
{
    for (int k = 0; passive_lv[k]; k++) {
        size_t l = strlen(passive_lv[k]);
        if (i + l <= ce && memcmp(s + i, passive_lv[k], l) == 0)
            return 1;
    }
    return 0;
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
                m->kind = passive_at(s, i, ce) ? KG_MORPH_PASSIVE : KG_MORPH_ACTIVE;
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

/* ---- native verbs (issue 13) ---- */

enum { SYL_BASE = 0xAC00, JUNG_N = 21, JONG_N = 28 };
enum { V_A = 0, V_AE = 1, V_EO = 4, V_YEO = 6, V_O = 8, V_WA = 9, V_U = 13, V_WO = 14, V_I = 20 };
enum { J_NONE = 0, J_N = 4, J_L = 8, J_SS = 20, J_H = 27 };

static uint32_t syl(uint32_t cho, uint32_t jung, uint32_t jong)
{
    return SYL_BASE + (cho * JUNG_N + jung) * JONG_N + jong;
}

/* Appends stem s[a, b) + last + 다 to out[*n] when it fits. */
static void put_form(const char *s, size_t a, size_t b, uint32_t last, size_t at, kg_native *out, int max,
                     int *n)
{
    if (*n >= max || b - a + 3 + strlen(plain_end) + 1 > sizeof out->lemma)
        return;
    char *o = out[*n].lemma;
    out[*n].end_at = at;
    memcpy(o, s + a, b - a);
    size_t l = b - a;
    l += kg_utf8_put(o + l, last);
    memcpy(o + l, plain_end, strlen(plain_end));
    l += strlen(plain_end);
    o[l] = '\0';
    for (int k = 0; k < *n; k++)
        if (!strcmp(out[k].lemma, o))
            return;
    (*n)++;
}

int kg_morph_native(const char *s, size_t cs, size_t ce, kg_native *out, int max)
{
    pthread_once(&once, load);
    int n = 0;
    if (ce <= cs || ce - cs > 40)
        return 0;
    for (size_t i = cs; i < ce;) {
        size_t l;
        if (!kg_is_hangul(kg_u8_at(s, ce, i, &l)))
            return 0;
        i += l;
    }
    /* the last stem syllable ends at e; longest stem first */
    for (size_t e = ce; e > cs;) {
        size_t b = kg_u8_prev(s, e), l;
        uint32_t c = kg_u8_at(s, ce, b, &l);
        uint32_t k = c - SYL_BASE, cho = k / (JUNG_N * JONG_N), jung = k / JONG_N % JUNG_N, jong = k % JONG_N;
        /* stem + ending: 올리+기로, 얼어붙+었다 */
        if (e < ce && is_ending(s, e, ce))
            put_form(s, cs, b, c, e, out, max, &n);
        /* the ending's first consonant fused as final: 내린, 만든, 던졌다 */
        if ((jong == J_N || jong == J_L || jong == J_SS) && is_ending(s, e, ce)) {
            uint32_t v = jung;
            if (jong == J_SS)
                v = jung == V_YEO ? V_I : jung == V_WA ? V_O : jung == V_WO ? V_U : jung;
            if (jong == J_SS && (jung == V_EO || jung == V_A) && cho == 11 /* ㅇ: 었/았 are endings */)
                v = (uint32_t)-1;
            if (v != (uint32_t)-1) {
                put_form(s, cs, b, syl(cho, v, J_NONE), b, out, max, &n);
                if (jong != J_SS)
                    put_form(s, cs, b, syl(cho, v, J_L), b, out, max, &n); /* 만든: 만들 */
                if (jung == V_WA)
                    put_form(s, cs, b, syl(cho, V_O, J_H), b, out, max, &n); /* 놨: 놓 */
            }
        }
        /* a connective 어 fused into the stem: 넘겨 (넘기어), 미뤄 */
        if (e == ce && jong == J_NONE && (jung == V_YEO || jung == V_WO || jung == V_WA) && e - cs > l)
            put_form(s, cs, b, syl(cho, jung == V_YEO ? V_I : jung == V_WO ? V_U : V_O, J_NONE), b, out, max,
                     &n);
        e = b;
    }
    return n;
}
