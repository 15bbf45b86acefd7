/* korean/endings.c - verb stems and endings (see endings.h): whether a
 * stem stands as a verb (규제하다) or as a noun (규제를), and what the ending
 * of a predicate says (past, adnominal, connective, quotative, intention,
 * forecast ...). The word lists are korean.yaml's; the rules are here. */
#include "korean/endings.h"

#include <pthread.h>
#include <string.h>

#include "korean/grammar.h"
#include "korean/hangul.h"
#include "korean/particles.h"
#include "kg/utf8.h"

/* the lists of korean.yaml, read once */
static struct {
    const char *const *native_final, *const *lv, *const *nomin, *const *intent, *const *hypo, *const *question, *const *quot, *const *compl, *const *conn, *const *aux_past, *const *decide, *const *conn_after, *const *act_fact, *const *plan, *const *cause_after, *const *ongoing, *const *aspect, *const *past_when, *const *reported_fact, *const *reported_verbs;
    const char *const *joining, *const *exist, *const *decided, *const *gi, *const *neg_adv, *const *neg_end,
        *const *neg_verb, *const *plain, *const *n_conn, *const *progr, *const *conn_nopast;
    const kg_gram_list *exper, *past;
} L;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void)
{
    L.native_final = kg_gram_words("korean", "verb_stem_finals");
    L.past = kg_gram_list_get("korean", "past_contractions");
    L.lv = kg_gram_words("korean", "light_verbs");
    L.nomin = kg_gram_words("korean", "nominal_endings");
    L.intent = kg_gram_words("korean", "intent_endings");
    L.hypo = kg_gram_words("korean", "hypothesis_endings");
    L.question = kg_gram_words("korean", "question_endings");
    L.quot = kg_gram_words("korean", "quote_endings");
    L.compl = kg_gram_words("korean", "complement_endings");
    L.conn = kg_gram_words("korean", "connective_endings");
    L.aux_past = kg_gram_words("korean", "past_auxiliaries");
    L.decide = kg_gram_words("korean", "decide_verbs");
    L.conn_after = kg_gram_words("korean", "clause_after_nouns");
    L.act_fact = kg_gram_words("korean", "fact_nouns");
    L.reported_fact = kg_gram_words("korean", "reported_fact_nouns");
    L.reported_verbs = kg_gram_words("korean", "reported_fact_verbs");
    L.plan = kg_gram_words("korean", "plan_nouns");
    L.cause_after = kg_gram_words("korean", "cause_nouns");
    L.ongoing = kg_gram_words("korean", "ongoing_nouns");
    L.aspect = kg_gram_words("korean", "aspect_verbs");
    L.past_when = kg_gram_words("korean", "past_when_nouns");
    L.joining = kg_gram_words("korean", "clause_joining_nouns");
    L.exper = kg_gram_list_get("korean", "experience_nouns");
    L.exist = kg_gram_words("korean", "existence_verbs");
    L.decided = kg_gram_words("korean", "decision_endings");
    L.gi = kg_gram_words("korean", "act_noun_endings");
    L.neg_adv = kg_gram_words("korean", "negation_adverbs");
    L.neg_end = kg_gram_words("korean", "negation_endings");
    L.neg_verb = kg_gram_words("korean", "negation_verbs");
    L.plain = kg_gram_words("korean", "plain_endings");
    L.n_conn = kg_gram_words("korean", "n_final_connectives");
    L.progr = kg_gram_words("korean", "progressive_verbs");
    L.conn_nopast = kg_gram_words("korean", "connectives_not_past");
}

static void ready(void)
{
    pthread_once(&once, load);
}

static int at(const char *s, size_t len, size_t i, const char *lit)
{
    size_t n = strlen(lit);
    return i + n <= len && memcmp(s + i, lit, n) == 0;
}

static int ends(const char *s, size_t a, size_t b, const char *lit)
{
    size_t n = strlen(lit);
    return b >= a + n && memcmp(s + b - n, lit, n) == 0;
}

/* 1 if s[a..b) ends with one of the words of list (NULL-ended). */
static int ends_any(const char *s, size_t a, size_t b, const char *const *list)
{
    for (int k = 0; list[k]; k++)
        if (ends(s, a, b, list[k]))
            return 1;
    return 0;
}

int kg_stem_native(const char *text, size_t len)
{
    ready();
    if (!len)
        return 0;
    size_t p = kg_u8_prev(text, len), n;
    uint32_t c = kg_u8_at(text, len, p, &n);
    if (!kg_is_hangul(c))
        return 0;
    if (kg_hangul_jong(c) == KG_JONG_SS)
        return 1;
    for (int i = 0; L.native_final[i]; i++)
        if (strlen(L.native_final[i]) == n && memcmp(text + p, L.native_final[i], n) == 0)
            return 1;
    return 0;
}

/* The syllable of lead l, vowel v and final t, as UTF-8 into o (3 bytes). */
static void put_syllable(char *o, int l, int v, int t)
{
    kg_utf8_put(o, 0xAC00 + (unsigned)((l * 21 + v) * 28 + t));
}

/* The vowel index (0 ㅏ … 20 ㅣ) of a compatibility jamo vowel written
 * in the grammar (ㅏ U+314F … ㅣ U+3163), or -1. */
static int jamo_vowel(const char *w)
{
    size_t n;
    uint32_t c = w && *w ? kg_u8_at(w, strlen(w), 0, &n) : 0;
    return c >= 0x314F && c <= 0x3163 ? (int)(c - 0x314F) : -1;
}

int kg_stem_fused(const char *text, size_t len, char out[][64], int max)
{
    ready();
    if (!len || max < 3)
        return 0;
    size_t p = kg_u8_prev(text, len), n;
    uint32_t c = kg_u8_at(text, len, p, &n);
    if (!kg_is_hangul(c) || kg_hangul_jong(c) != 0 || p + 3 > 63)
        return 0;
    int l = (int)((c - 0xAC00) / 588), v = (int)((c - 0xAC00) % 588 / 28);
    int k = 0;
    /* the adnominals: 매긴, 매길 */
    const int fin[2] = { KG_JONG_N, KG_JONG_L };
    for (int i = 0; i < 2; i++) {
        memcpy(out[k], text, p);
        put_syllable(out[k] + p, l, v, fin[i]);
        out[k][p + 3] = '\0';
        k++;
    }
    /* the past, on the vowel the ending contracts with (매겼, 나타냈),
     * or a syllable of its own (하: 했); the first entry that fits */
    for (size_t i = 0; L.past && i < L.past->n; i++) {
        const kg_gram_entry *e = &L.past->e[i];
        const char *form = e->form, *past = kg_gram_field(e, "past");
        if (!past || !form)
            continue;
        if (jamo_vowel(form) < 0) { /* a syllable */
            if (strlen(form) != n || memcmp(form, text + p, n) || strlen(past) != 3)
                continue;
            memcpy(out[k], text, p);
            memcpy(out[k] + p, past, 3);
        } else {
            int pv = jamo_vowel(past);
            if (jamo_vowel(form) != v || pv < 0)
                continue;
            memcpy(out[k], text, p);
            put_syllable(out[k] + p, l, pv, KG_JONG_SS);
        }
        out[k][p + 3] = '\0';
        k++;
        break;
    }
    return k;
}

size_t kg_light_verb(const char *s, size_t i, size_t end)
{
    ready();
    for (int k = 0; L.lv[k]; k++)
        if (i + strlen(L.lv[k]) <= end && at(s, end, i, L.lv[k]))
            return strlen(L.lv[k]);
    return 0;
}

int kg_verbal_after(const char *s, size_t me, size_t ce, int native)
{
    if (me >= ce)
        return native;
    if (kg_light_verb(s, me, ce))
        return 1;
    if (!native)
        return 0;
    return !kg_case_particle_at(s, me, ce);
}

static int word_starts(const char *s, const kg_kword *w, const char *const *list)
{
    for (int k = 0; list[k]; k++)
        if (at(s, w->ce, w->cs, list[k]))
            return 1;
    return 0;
}

/* 1 if the word w is one of list, whole. */
static int word_is(const char *s, const kg_kword *w, const char *const *list)
{
    for (int k = 0; list[k]; k++)
        if ((size_t)(w->ce - w->cs) == strlen(list[k]) && at(s, w->ce, w->cs, list[k]))
            return 1;
    return 0;
}

/* 1 if the word w is a noun of having done (korean experience_nouns: the
 * whole word with class whole, else its beginning). */
static int experience_noun(const char *s, const kg_kword *w)
{
    for (size_t k = 0; k < L.exper->n; k++) {
        const kg_gram_entry *e = &L.exper->e[k];
        int whole = 0;
        for (const char *const *c = e->classes; c && *c; c++)
            whole |= strcmp(*c, "whole") == 0;
        if (at(s, w->ce, w->cs, e->form) && (!whole || (size_t)(w->ce - w->cs) == strlen(e->form)))
            return 1;
    }
    return 0;
}

/* kg_ending, an adnominal in ㄴ or 던 (한, 했던): past, and what the
 * next words make of it (한 뒤, 한 데 이어, 한 바 있다). */
static unsigned adnominal_past(const char *s, unsigned f, const kg_kword *next, const kg_kword *next2)
{
    f |= KG_END_PAST;
    if (next && word_starts(s, next, L.conn_after))
        return f | KG_END_TEMPCONN;
    /* 짓기로 한 데 이어, 발표한 데다: the bound noun 데 joins clauses */
    if (next && word_is(s, next, L.joining))
        return f | KG_END_TEMPCONN;
    if (next && word_starts(s, next, L.cause_after))
        return f | KG_END_CAUSE;
    if (next && word_starts(s, next, L.act_fact))
        return f | KG_END_FINAL;
    /* 합의한 바 있다, 방문한 적이 있다: has done, a finite verb */
    if (next && next2 && experience_noun(s, next) && word_starts(s, next2, L.exist))
        return f | KG_END_FINAL;
    return f | KG_END_ADNOM;
}

/* kg_ending, tense: a syllable with ㅆ from the stem's last syllable on
 * (past), 겠 (will). a..b is the ending. */
static unsigned tense_marks(const char *s, const kg_kword *w, size_t a, size_t b)
{
    unsigned f = 0;
    size_t n;
    size_t from = a > w->cs ? kg_u8_prev(s, a) : a;
    for (size_t i = from; i < b;) {
        uint32_t c = kg_u8_at(s, b, i, &n);
        if (c == 0xACA0 /* 겠: will, not past */)
            f |= KG_END_VOLIT;
        else if (kg_hangul_jong(c) == KG_JONG_SS)
            f |= KG_END_PAST;
        i += n;
    }
    return f;
}

unsigned kg_ending(const char *s, size_t me, const kg_kword *w, const kg_kword *next,
                   const kg_kword *next2, const kg_kword *prev)
{
    ready();
    unsigned f = 0;
    size_t a = me < w->cs ? w->cs : me, b = w->ce, n;
    f |= tense_marks(s, w, a, b);
    if (b <= w->cs)
        return f;
    size_t lp = kg_u8_prev(s, b);
    uint32_t last = kg_u8_at(s, b, lp, &n);
    uint32_t before = lp > w->cs ? kg_u8_at(s, b, kg_u8_prev(s, lp), &n) : 0;

    if (ends_any(s, w->cs, b, L.decided)) {
        /* 하기로 했다 (decided), 하기도 했다: the act, as the next verb says */
        if (next && word_starts(s, next, L.decide)) {
            if (word_starts(s, next, L.aux_past) || next->ce > next->cs)
                f |= kg_ending(s, next->cs, next, next2, NULL, NULL) & ~KG_END_NOMIN;
            return f | KG_END_PAST;
        }
        return f | KG_END_NOMIN;
    }
    if (ends_any(s, w->cs, b, L.gi) && next && word_starts(s, next, L.cause_after))
        return f | KG_END_CAUSE;
    /* 부과하기 시작했다, 부과하기 시작한: the act, as the aspect verb says */
    if (ends_any(s, w->cs, b, L.gi) && next && word_starts(s, next, L.aspect) && next->ce > next->cs) {
        size_t l = 0;
        for (int k = 0; L.aspect[k]; k++)
            if (at(s, next->ce, next->cs, L.aspect[k]))
                l = strlen(L.aspect[k]);
        return f | (kg_ending(s, next->cs + l, next, next2, NULL, NULL) & ~KG_END_NOMIN);
    }
    if (ends_any(s, w->cs, b, L.nomin))
        return f | KG_END_NOMIN;
    if (ends_any(s, w->cs, b, L.intent))
        return f | KG_END_INTENT;
    if (ends_any(s, w->cs, b, L.hypo) || ends_any(s, w->cs, b, L.question))
        return f | KG_END_HYPO;
    if (prev && word_is(s, prev, L.neg_adv))
        f |= KG_END_NEG;
    if (ends_any(s, w->cs, b, L.neg_end) && next && word_starts(s, next, L.neg_verb))
        return f | KG_END_NEG;
    if (ends_any(s, w->cs, b, L.quot))
        return f | KG_END_QUOTIVE;
    if (ends_any(s, w->cs, b, L.compl)) {
        if (f & KG_END_PAST)
            return f | KG_END_FINAL;
        return f | KG_END_COMPL;
    }
    if (last == 0xB2E4 /* 다 */) {
        f |= KG_END_FINAL;
        if (!(f & KG_END_PAST) && (kg_hangul_jong(before) == KG_JONG_N || before == 0xB294 /* 는 */))
            f |= KG_END_PRESENT;
        return f;
    }
    if (last == 0xC790 /* 자 */)
        return f | KG_END_WHEN | KG_END_CONN;
    if (last == 0xB294 /* 는 */) {
        /* 추진하는 것으로 알려졌다: an act going on, made known */
        if (next && next2 && word_is(s, next, L.reported_fact) && word_starts(s, next2, L.reported_verbs))
            return f | KG_END_PRESENT | KG_END_FINAL;
        if (next && word_starts(s, next, L.act_fact))
            return f | KG_END_HABIT;
        /* 반발하는 상황이다, 검토하는 중이다: a predicate in progress */
        if (next && word_starts(s, next, L.ongoing) && ends_any(s, next->cs, next->ce, L.plain))
            return f | KG_END_PROGR | KG_END_FINAL;
        return f | KG_END_PRESADN;
    }
    /* 보면, 했지만: connectives whose last syllable ends in ㄴ */
    if (ends_any(s, w->cs, b, L.n_conn))
        return f | KG_END_CONN;
    if (last == 0xB358 /* 던 */ || (kg_hangul_jong(last) == KG_JONG_N && last != 0xC740 /* 은 */) ||
        (last == 0xC740 && lp > w->cs))
        return adnominal_past(s, f, next, next2);
    if (kg_hangul_jong(last) == KG_JONG_L) {
        /* 방문했을 때: when it was done, a past act */
        if ((f & KG_END_PAST) && next && word_starts(s, next, L.past_when))
            return f | KG_END_TEMPCONN;
        if (next && word_starts(s, next, L.plan))
            return f | KG_END_FUTADN;
        return f | KG_END_FORECAST;
    }
    if (ends_any(s, w->cs, b, L.conn)) {
        if (next && word_starts(s, next, L.progr))
            return f | KG_END_PROGR;
        if (next && word_starts(s, next, L.aux_past) && !ends_any(s, w->cs, b, L.conn_nopast))
            f |= KG_END_PAST;
        return f | KG_END_CONN;
    }
    return f;
}
