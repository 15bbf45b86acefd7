/* korean.c - the little Korean grammar the extractor reads: particles at
 * the end of a word, whether a lexicon stem stands as a verb (규제하다) or
 * as a noun (규제를), and what the verb ending says (past, adnominal,
 * connective, quotative, intention, forecast …). Works on words of the
 * normalised text, without a dictionary beyond the event lexicon. */
#include <string.h>

#include "extint.h"
#include "korean/particles.h"

_Static_assert((int)EX_P_SUBJ == (int)KG_PART_SUBJ && (int)EX_P_OTHER == (int)KG_PART_OTHER && (int)EX_P_LOC == (int)KG_PART_LOC,
               "EX_P_* are the particle roles of korean/particles.h");

static int is_core_cp(uint32_t c)
{
    return ex_hangul(c) || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
           (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xC0 && c <= 0x24F) || c == '%' || c == '.' ||
           c == '-' || c == '~';
}

void ex_word_core(const char *s, ex_word *w)
{
    size_t a = w->s, b = w->e, n;
    while (a < b) {
        uint32_t c = ex_cp(s, b, a, &n);
        if (is_core_cp(c) && c != '.' && c != '-' && c != '~')
            break;
        a += n;
    }
    while (b > a) {
        size_t p = ex_prev(s, b);
        uint32_t c = ex_cp(s, b, p, &n);
        if (is_core_cp(c) && c != '.' && c != '-' && c != '~' && c != '%')
            break;
        b = p;
    }
    w->cs = a;
    w->ce = b;
}

int ex_particle_exact(const char *s, size_t a, size_t b)
{
    return kg_particle_exact(s, a, b);
}

void ex_word_particle(const char *s, ex_word *w)
{
    /* the particle follows the noun it marks: a Hangul syllable, a Latin
     * letter, a digit or a closing bracket */
    w->particle = kg_particle_ending(s, w->cs, w->ce, &w->ps);
}

/* ---- verbs ---- */

/* Last syllables of native verb stems (and of stems written with their
 * ending): 앞서, 밝히, 열린, 세운, 선보, 내놓, 따라잡 … A stem ending
 * otherwise is a noun that needs 하다 / 되다 to be a verb (규제, 반발). */
static const char *const native_final[] = {
    "서", "혔", "히", "우", "웠", "운", "리", "린", "렸", "나", "누", "치", "보", "놓", "내",
    "죄", "잡", "르", "질", "처", "부", "붓", "세", "하", "올", "열", "좁", "벌", "들", "막",
    "으", "되", "받", "사", "기", "라", "꾸", "면", "다", "고", "며", "짓", "었", "은", "을", NULL
};

int ex_stem_native(const char *text, size_t len)
{
    if (!len)
        return 0;
    size_t p = ex_prev(text, len), n;
    uint32_t c = ex_cp(text, len, p, &n);
    if (!ex_hangul(c))
        return 0;
    if (ex_jong(c) == EX_JONG_SS)
        return 1;
    for (int i = 0; native_final[i]; i++)
        if (strlen(native_final[i]) == n && memcmp(text + p, native_final[i], n) == 0)
            return 1;
    return 0;
}

/* Light-verb forms that make a noun a verb: 하다, 되다, 시키다, 당하다. */
size_t ex_light_verb(const char *s, size_t i, size_t end)
{
    static const char *const lv[] = { "시키", "시킨", "시킬", "시켜", "시켰", "당하", "당한",
                                      "당할", "당해", "당했", "하", "한", "할", "함", "합",
                                      "해", "했", "되", "된", "될", "됨", "돼", "됐", NULL };
    for (int k = 0; lv[k]; k++)
        if (i + strlen(lv[k]) <= end && ex_at(s, end, i, lv[k]))
            return strlen(lv[k]);
    return 0;
}

int ex_verbal_after(const char *s, size_t me, size_t ce, int native)
{
    if (me >= ce)
        return native;
    if (ex_light_verb(s, me, ce))
        return 1;
    if (!native)
        return 0;
    return !kg_case_particle_at(s, me, ce);
}

static int word_starts(const char *s, const ex_word *w, const char *const *list)
{
    for (int k = 0; list[k]; k++)
        if (ex_at(s, w->ce, w->cs, list[k]))
            return 1;
    return 0;
}

unsigned ex_ending(const char *s, size_t me, const ex_word *w, const ex_word *next,
                   const ex_word *next2, const ex_word *prev)
{
    unsigned f = 0;
    size_t a = me < w->cs ? w->cs : me, b = w->ce, n;
    /* past: a syllable with ㅆ from the stem's last syllable on */
    size_t from = a > w->cs ? ex_prev(s, a) : a;
    for (size_t i = from; i < b;) {
        uint32_t c = ex_cp(s, b, i, &n);
        if (c == 0xACA0 /* 겠: will, not past */)
            f |= EX_F_VOLIT;
        else if (ex_jong(c) == EX_JONG_SS)
            f |= EX_F_PAST;
        i += n;
    }
    if (b <= w->cs)
        return f;
    size_t lp = ex_prev(s, b);
    uint32_t last = ex_cp(s, b, lp, &n);
    uint32_t before = lp > w->cs ? ex_cp(s, b, ex_prev(s, lp), &n) : 0;

    static const char *const nomin[] = { "기는", "기가", "기를", "기에", "기엔", "기란",
                                         "기까지", "기", "음을", "음이", NULL };
    static const char *const intent[] = { "려", "려고", "려다", "려다가", "려는", "려면",
                                          "고자", "려던", NULL };
    static const char *const hypo[] = { "다면", "라면", "다면서도", "되면", "하면", "으면", "이면", "는다면",
                                        NULL };
    static const char *const quot[] = { "다고", "라고", "냐고", "자고", "다며", "라며",
                                        "다면서", "라면서", NULL };
    static const char *const compl[] = { "다는", "라는", "다던", "라던", NULL };
    static const char *const conn[] = { "고", "며", "면서", "해", "하여", "여", "아", "어",
                                        "서", "지만", "으나", "나", "는데", "데", "도록",
                                        "게", "고서", "다가", "돼", "되어", "해서", "면", NULL };
    static const char *const aux_past[] = { "했", "왔", "있었", "됐", NULL };
    static const char *const decide[] = { "했", "하", "한", "결정", "합의", NULL };
    static const char *const conn_after[] = { "뒤", "후", "다음", "이후", "가운데", "뒤에",
                                              "후에", "끝에", "직후", "만큼", NULL };
    static const char *const act_fact[] = { "것으로", "것이", "것은", "것을", "것이다",
                                            "것이라고", "것도", NULL };
    static const char *const plan[] = { "예정", "계획", "방침", "전망이다", NULL };
    static const char *const cause_after[] = { "때문에", "탓에", "덕분에", "결과", "여파로",
                                               "바람에", NULL };

    if (ex_ends(s, w->cs, b, "기로") || ex_ends(s, w->cs, b, "기도")) {
        /* 하기로 했다 (decided), 하기도 했다: the act, as the next verb says */
        if (next && word_starts(s, next, decide)) {
            if (word_starts(s, next, aux_past) || next->ce > next->cs)
                f |= ex_ending(s, next->cs, next, next2, NULL, NULL) & ~EX_F_NOMIN;
            return f | EX_F_PAST;
        }
        return f | EX_F_NOMIN;
    }
    if (ex_ends(s, w->cs, b, "기") && next && word_starts(s, next, cause_after))
        return f | EX_F_CAUSE;
    if (ex_ends_any(s, w->cs, b, nomin))
        return f | EX_F_NOMIN;
    if (ex_ends_any(s, w->cs, b, intent))
        return f | EX_F_INTENT;
    if (ex_ends_any(s, w->cs, b, hypo))
        return f | EX_F_HYPO;
    if (prev && (ex_at(s, prev->ce, prev->cs, "못") || ex_at(s, prev->ce, prev->cs, "안")) &&
        prev->ce - prev->cs == 3)
        f |= EX_F_NEG;
    if (ex_ends(s, w->cs, b, "지") && next &&
        (ex_at(s, next->ce, next->cs, "않") || ex_at(s, next->ce, next->cs, "못")))
        return f | EX_F_NEG;
    if (ex_ends_any(s, w->cs, b, quot))
        return f | EX_F_QUOTIVE;
    if (ex_ends_any(s, w->cs, b, compl)) {
        if (f & EX_F_PAST)
            return f | EX_F_FINAL;
        return f | EX_F_COMPL;
    }
    if (last == 0xB2E4 /* 다 */) {
        f |= EX_F_FINAL;
        if (!(f & EX_F_PAST) && (ex_jong(before) == EX_JONG_N || before == 0xB294 /* 는 */))
            f |= EX_F_PRESENT;
        return f;
    }
    if (last == 0xC790 /* 자 */)
        return f | EX_F_WHEN | EX_F_CONN;
    if (last == 0xB294 /* 는 */) {
        static const char *const ongoing[] = { "상황", "중이", "중이다", "모습", "분위기",
                                               "상태", NULL };
        if (next && word_starts(s, next, act_fact))
            return f | EX_F_HABIT;
        /* 반발하는 상황이다, 검토하는 중이다: a predicate in progress */
        if (next && word_starts(s, next, ongoing) && ex_ends(s, next->cs, next->ce, "다"))
            return f | EX_F_PROGR | EX_F_FINAL;
        return f | EX_F_PRESADN;
    }
    /* 보면, 했지만: connectives whose last syllable ends in ㄴ */
    if (ex_ends(s, w->cs, b, "면") || ex_ends(s, w->cs, b, "지만") ||
        ex_ends(s, w->cs, b, "는데도"))
        return f | EX_F_CONN;
    if (last == 0xB358 /* 던 */ || (ex_jong(last) == EX_JONG_N && last != 0xC740 /* 은 */) ||
        (last == 0xC740 && lp > w->cs)) {
        f |= EX_F_PAST;
        if (next && word_starts(s, next, conn_after))
            return f | EX_F_TEMPCONN;
        /* 짓기로 한 데 이어, 발표한 데다: the bound noun 데 joins clauses */
        if (next && ((next->ce - next->cs == 3 && ex_at(s, next->ce, next->cs, "데")) ||
                     (next->ce - next->cs == 6 && ex_at(s, next->ce, next->cs, "데다"))))
            return f | EX_F_TEMPCONN;
        if (next && word_starts(s, next, cause_after))
            return f | EX_F_CAUSE;
        if (next && word_starts(s, next, act_fact))
            return f | EX_F_FINAL;
        /* 합의한 바 있다, 방문한 적이 있다: has done, a finite verb */
        if (next && next2 &&
            ((next->ce - next->cs == 3 && ex_at(s, next->ce, next->cs, "바")) ||
             ex_at(s, next->ce, next->cs, "적이") || ex_at(s, next->ce, next->cs, "적도")) &&
            (ex_at(s, next2->ce, next2->cs, "있") || ex_at(s, next2->ce, next2->cs, "없")))
            return f | EX_F_FINAL;
        return f | EX_F_ADNOM;
    }
    if (ex_jong(last) == EX_JONG_L) {
        if (next && word_starts(s, next, plan))
            return f | EX_F_FUTADN;
        return f | EX_F_FORECAST;
    }
    if (ex_ends_any(s, w->cs, b, conn)) {
        if (next && ex_at(s, next->ce, next->cs, "있"))
            return f | EX_F_PROGR;
        if (next && word_starts(s, next, aux_past) && !(ex_ends(s, w->cs, b, "고")))
            f |= EX_F_PAST;
        return f | EX_F_CONN;
    }
    return f;
}
