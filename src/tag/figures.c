/* figures.c - quantities in Korean text: a number (see numbers.c), its
 * unit and its approximation.
 *
 * Units: ISO 4217 codes for money (원 KRW, 달러 $ USD, 위안 元 CNY, 엔 JPY,
 * 유로 EUR ...), % and %p, 배 (x), counters (개 건 명 곳 편 회 대 종 ...;
 * unit "count" with the counter kept), durations (시간 h, 일 day, 주 week,
 * 개월 month, 년 year), sizes (cm km nm 나노 GW ...), GPU hours (gpu-h).
 * Approximations: 약 대략 가량 정도 안팎 내외 전후 쯤 (about), 여 이상 넘는
 * 돌파 초과 남짓 (over), 미만 이하 이내 (under). Ranges 3~6개월 give
 * [3, 6]; fractions 절반, 10분의 1 are multiples (x).
 *
 * Not figures: years and dates (times.c claims them first), ranks (1위,
 * 톱 10), ordinals (제2, 3번째, 2차, 2기), versions and names (V3, 2.5-맥스,
 * H-1B, G1, 1호), bare numbers without a unit or a Korean multiplier. */
#include <pthread.h>
#include <string.h>

#include "tagint.h"

typedef struct unitdef {
    const char *w;       /* as written */
    const char *unit;    /* unit written out */
    const char *counter; /* for count */
    int glued_ok;        /* may be followed directly by Hangul (개국 ...) */
} unitdef;

/* Longer forms first where one is a prefix of another. */
static const unitdef units[] = {
    /* money */
    { "미국 달러", "USD", NULL, 0 }, { "미 달러", "USD", NULL, 0 }, { "홍콩달러", "HKD", NULL, 0 },
    { "대만달러", "TWD", NULL, 0 }, { "싱가포르달러", "SGD", NULL, 0 }, { "호주달러", "AUD", NULL, 0 },
    { "캐나다달러", "CAD", NULL, 0 }, { "달러", "USD", NULL, 0 }, { "위안화", "CNY", NULL, 0 },
    { "위안", "CNY", NULL, 0 }, { "元", "CNY", NULL, 1 }, { "원화", "KRW", NULL, 0 }, { "원", "KRW", NULL, 0 },
    { "엔화", "JPY", NULL, 0 }, { "엔", "JPY", NULL, 0 }, { "유로", "EUR", NULL, 0 }, { "파운드", "GBP", NULL, 0 },
    { "루블", "RUB", NULL, 0 }, { "루피", "INR", NULL, 0 }, { "USD", "USD", NULL, 0 }, { "CNY", "CNY", NULL, 0 },
    { "KRW", "KRW", NULL, 0 }, { "EUR", "EUR", NULL, 0 }, { "JPY", "JPY", NULL, 0 },
    /* percent */
    { "%포인트", "%p", NULL, 0 }, { "%p", "%p", NULL, 0 }, { "%P", "%p", NULL, 0 },
    { "퍼센트포인트", "%p", NULL, 0 }, { "%", "%", NULL, 1 }, { "퍼센트", "%", NULL, 0 },
    { "배", "x", NULL, 0 },
    /* GPU hours before hours */
    { "GPU 시간", "gpu-h", NULL, 0 }, { "GPU시간", "gpu-h", NULL, 0 }, { "GPU hours", "gpu-h", NULL, 0 },
    /* durations */
    { "시간", "h", NULL, 0 }, { "개월", "month", NULL, 0 }, { "주일", "week", NULL, 0 },
    { "주", "week", NULL, 0 }, { "일", "day", NULL, 0 }, { "년", "year", NULL, 0 }, { "분", "min", NULL, 0 },
    { "초", "s", NULL, 0 }, { "세", "year", NULL, 0 }, { "달", "month", NULL, 0 },
    /* sizes and power */
    { "나노미터", "nm", NULL, 0 }, { "나노", "nm", NULL, 1 }, { "nm", "nm", NULL, 1 },
    { "센티미터", "cm", NULL, 0 }, { "센티", "cm", NULL, 0 }, { "cm", "cm", NULL, 1 },
    { "밀리미터", "mm", NULL, 0 }, { "mm", "mm", NULL, 1 }, { "킬로미터", "km", NULL, 0 },
    { "km", "km", NULL, 1 }, { "미터", "m", NULL, 0 }, { "킬로그램", "kg", NULL, 0 }, { "kg", "kg", NULL, 1 },
    { "그램", "g", NULL, 0 }, { "톤", "t", NULL, 0 }, { "기가와트시", "GWh", NULL, 0 },
    { "기가와트", "GW", NULL, 0 }, { "메가와트", "MW", NULL, 0 }, { "킬로와트", "kW", NULL, 0 },
    { "테라와트시", "TWh", NULL, 0 }, { "GWh", "GWh", NULL, 1 }, { "TWh", "TWh", NULL, 1 },
    { "MWh", "MWh", NULL, 1 }, { "kWh", "kWh", NULL, 1 }, { "GW", "GW", NULL, 1 }, { "MW", "MW", NULL, 1 },
    { "kW", "kW", NULL, 1 }, { "TW", "TW", NULL, 1 }, { "테라바이트", "TB", NULL, 0 },
    { "기가바이트", "GB", NULL, 0 }, { "페타바이트", "PB", NULL, 0 }, { "TB", "TB", NULL, 1 },
    { "GB", "GB", NULL, 1 }, { "PB", "PB", NULL, 1 }, { "MB", "MB", NULL, 1 }, { "GHz", "GHz", NULL, 1 },
    { "큐비트", "qubit", NULL, 0 }, { "㎡", "m2", NULL, 1 }, { "제곱미터", "m2", NULL, 0 },
    { "인치", "in", NULL, 0 }, { "마일", "mi", NULL, 0 }, { "배럴", "bbl", NULL, 0 },
    /* counters */
    { "개국", "count", "개국", 0 }, { "개사", "count", "개사", 0 }, { "개소", "count", "개소", 0 },
    { "개", "count", "개", 0 }, { "건", "count", "건", 0 }, { "명", "count", "명", 0 },
    { "곳", "count", "곳", 0 }, { "편", "count", "편", 0 }, { "회", "count", "회", 0 },
    { "대", "count", "대", 0 }, { "종", "count", "종", 0 }, { "척", "count", "척", 0 },
    { "마리", "count", "마리", 0 }, { "가구", "count", "가구", 0 }, { "채", "count", "채", 0 },
    { "권", "count", "권", 0 }, { "점", "count", "점", 0 }, { "쌍", "count", "쌍", 0 },
    { "가지", "count", "가지", 0 }, { "차례", "count", "차례", 0 }, { "번", "count", "번", 0 },
    { "표", "count", "표", 0 }, { "석", "count", "석", 0 }, { "팀", "count", "팀", 0 },
    { "인", "count", "인", 0 }, { "개팀", "count", "개팀", 0 }, { "종목", "count", "종목", 0 },
    { NULL, NULL, NULL, 0 }
};

/* Words after a number that make it something else than a figure. */
static const char *const not_after[] = {
    "위안", /* (a currency: checked as a unit before this list is read) */
    "위", "등", "호", "기", "차", "세대", "세기", "번째", "째", "단계", "층", "월", "시", "분기", "분의", "년대",
    "주년", "대째", "부", "장", "조", "항", "절", "학년", "학기", "강", "라운드", "판", "쇄", NULL
};

static int isd(char c)
{
    return c >= '0' && c <= '9';
}

static int islat(char c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static size_t lit(const char *s, size_t len, size_t i, const char *w)
{
    return kg_lit(s, len, i, w);
}

static int word_end_ok(const char *s, size_t len, size_t e)
{
    size_t n;
    uint32_t cp = kg_u8_at(s, len, e, &n);
    if (!kg_is_hangul(cp))
        return !(cp < 0x80 && (isd((char)cp) || islat((char)cp)));
    size_t end;
    return kg_tail_ok(s, len, e, &end);
}

/* Approximation words after the figure (after a particle or space). */
static const struct {
    const char *w;
    kg_approx a;
} approx_after[] = {
    { "가량", KG_APPROX_ABOUT }, { "정도", KG_APPROX_ABOUT }, { "안팎", KG_APPROX_ABOUT },
    { "내외", KG_APPROX_ABOUT }, { "전후", KG_APPROX_ABOUT }, { "쯤", KG_APPROX_ABOUT },
    { "남짓", KG_APPROX_OVER }, { "이상", KG_APPROX_OVER }, { "넘는", KG_APPROX_OVER },
    { "넘게", KG_APPROX_OVER }, { "넘어", KG_APPROX_OVER }, { "넘겨", KG_APPROX_OVER },
    { "넘기", KG_APPROX_OVER }, { "넘었", KG_APPROX_OVER }, { "넘긴", KG_APPROX_OVER },
    { "넘을", KG_APPROX_OVER }, { "넘은", KG_APPROX_OVER }, { "웃도", KG_APPROX_OVER },
    { "초과", KG_APPROX_OVER }, { "돌파", KG_APPROX_OVER }, { "미만", KG_APPROX_UNDER },
    { "이하", KG_APPROX_UNDER }, { "이내", KG_APPROX_UNDER }, { "가까이", KG_APPROX_ABOUT },
    { "가까운", KG_APPROX_ABOUT }, { "육박", KG_APPROX_ABOUT }, { "밑돌", KG_APPROX_UNDER },
    { "못 미치", KG_APPROX_UNDER }, { NULL, KG_APPROX_EXACT }
};

/* The units and the approximation words chained by their first
 * character, in list order (the first match in the list wins, and only
 * words with the text's first character can match): a lookup walks one
 * short chain instead of the whole list. */
#define FC_BUCKETS 128
static signed char unit_head[FC_BUCKETS], approx_head[FC_BUCKETS];
static unsigned char unit_next[sizeof units / sizeof *units], approx_next[sizeof approx_after / sizeof *approx_after];
#define FC_END 0xFF
_Static_assert(sizeof units / sizeof *units < FC_END && sizeof approx_after / sizeof *approx_after < FC_END,
               "chain links are bytes");

/* Bucket of the character at w[0..n) (n >= 1). */
static unsigned fc_bucket(const unsigned char *w, size_t n)
{
    size_t k = w[0] < 0x80 ? 1 : w[0] < 0xE0 ? 2 : w[0] < 0xF0 ? 3 : 4;
    unsigned h = 0;
    for (size_t q = 0; q < k && q < n; q++)
        h = h * 251 + w[q];
    return (h ^ (h >> 7)) % FC_BUCKETS;
}

/* Builds a chain table over n words (word k is words(k)). */
static void fc_build(signed char *head, unsigned char *next, size_t n, const char *(*word)(size_t))
{
    unsigned char tail[FC_BUCKETS];
    memset(head, -1, FC_BUCKETS);
    for (size_t k = 0; k < n; k++) {
        const char *w = word(k);
        unsigned b = fc_bucket((const unsigned char *)w, strlen(w));
        next[k] = FC_END;
        if (head[b] < 0)
            head[b] = (signed char)k;
        else
            next[tail[b]] = (unsigned char)k;
        tail[b] = (unsigned char)k;
    }
}

static const char *unit_word(size_t k)
{
    return units[k].w;
}

static const char *approx_word(size_t k)
{
    return approx_after[k].w;
}

/* First word of a chain for the text at s[i..len), or -1. */
static int fc_first(const signed char *head, const char *s, size_t len, size_t i)
{
    if (i >= len)
        return -1;
    return head[fc_bucket((const unsigned char *)s + i, len - i)];
}

static kg_approx approx_prefix(const char *s, size_t i, size_t *start)
{
#define PRE(w, a) { w, sizeof(w) - 1, a }
    static const struct {
        const char *w;
        size_t n;
        kg_approx a;
    } pre[] = { PRE("약 ", KG_APPROX_ABOUT), PRE("대략 ", KG_APPROX_ABOUT), PRE("거의 ", KG_APPROX_ABOUT),
                PRE("근 ", KG_APPROX_ABOUT), PRE("얼추 ", KG_APPROX_ABOUT), PRE("어림잡아 ", KG_APPROX_ABOUT),
                PRE("줄잡아 ", KG_APPROX_ABOUT), PRE("최대 ", KG_APPROX_UNDER), PRE("최소 ", KG_APPROX_OVER),
                PRE("적어도 ", KG_APPROX_OVER), PRE("약", KG_APPROX_ABOUT), { NULL, 0, KG_APPROX_EXACT } };
#undef PRE
    for (int k = 0; pre[k].w; k++) {
        size_t n = pre[k].n;
        /* the byte before the first one decides most (a syllable's last
         * byte, or the space) */
        if (i >= n && s[i - 1] == pre[k].w[n - 1] && s[i - 2] == pre[k].w[n - 2] &&
            memcmp(s + i - n, pre[k].w, n) == 0) {
            /* the word itself must start a token */
            if (!kg_tok_start(s, i - n))
                continue;
            *start = i - n;
            return pre[k].a;
        }
    }
    *start = i;
    return KG_APPROX_EXACT;
}

static kg_approx approx_suffix(const char *s, size_t len, size_t e)
{
    size_t j = e;
    if (j < len && s[j] == ')')
        j++; /* 7000억 위안(985억 달러)을 넘는 */
    /* a particle may stand between: 4천500개를 넘어섰다 */
    /* (korean.yaml particles of class figure, then a space; or a space
     * alone; or nothing) */
    const char *const *parts = kg_particles_figure();
    for (int p = -1;; p++) {
        size_t k = j;
        if (p >= 0 && parts[p]) {
            k = lit(s, len, j, parts[p]);
            k = k && k < len && s[k] == ' ' ? k + 1 : 0;
        } else if (p >= 0)
            k = lit(s, len, j, " ");
        if (k)
            for (int a = fc_first(approx_head, s, len, k); a >= 0; a = approx_next[a] == FC_END ? -1 : approx_next[a])
                if (lit(s, len, k, approx_after[a].w))
                    return approx_after[a].a;
        if (p >= 0 && !parts[p])
            break;
    }
    return KG_APPROX_EXACT;
}

/* Finds the unit at i (after an optional space). */
static const unitdef *unit_at(const char *s, size_t len, size_t i, size_t *end)
{
    for (int pass = 0; pass < 2; pass++) {
        size_t j = i;
        if (pass == 1) {
            if (j >= len || s[j] != ' ')
                return NULL;
            j++;
        }
        for (int q = fc_first(unit_head, s, len, j); q >= 0; q = unit_next[q] == FC_END ? -1 : unit_next[q]) {
            const unitdef *u = &units[q];
            size_t k = lit(s, len, j, u->w);
            if (!k)
                continue;
            /* % and symbols end anywhere; words must end the word */
            if (u->glued_ok || word_end_ok(s, len, k)) {
                *end = k;
                return u;
            }
            /* counters may be followed by an approximation word glued */
            for (int a = fc_first(approx_head, s, len, k); a >= 0;
                 a = approx_next[a] == FC_END ? -1 : approx_next[a])
                if (lit(s, len, k, approx_after[a].w)) {
                    *end = k;
                    return u;
                }
            if (lit(s, len, k, "씩") || lit(s, len, k, "당") || lit(s, len, k, "여")) {
                *end = k;
                return u;
            }
        }
        /* after a space only a few units: 600억 위안, 5000여 개, 260만 GPU 시간 */
    }
    return NULL;
}

static int excluded_after(const char *s, size_t len, size_t e)
{
    if (lit(s, len, e, "위안"))
        return 0;
    for (int k = 0; not_after[k]; k++) {
        size_t q = lit(s, len, e, not_after[k]);
        /* the word must end there: 1위를 is a rank, 48시간 is not 48시 */
        if (q && word_end_ok(s, len, q))
            return 1;
    }
    return 0;
}

/* Emits a figure; returns the end. */
static void emit(kg_tctx *c, size_t a, size_t b, double v, double vmax, int range, const unitdef *u,
                 kg_approx ap)
{
    kg_mention *m = kg_tctx_add(c, KG_MENTION_FIGURE, a, b);
    m->num = v;
    m->num_max = vmax;
    m->is_range = range;
    m->unit = u ? u->unit : "count";
    m->counter = u ? u->counter : NULL;
    m->approx = ap;
}

/* The trailing big multiplier of a number (1~2조: the 조 applies to 1 too). */
static double trailing_mult(const char *s, size_t len, const kg_num *n)
{
    (void)len;
    if (n->end < 3)
        return 1;
    const char *p = s + n->end - 3;
    if (!memcmp(p, "만", 3))
        return 1e4;
    if (!memcmp(p, "억", 3))
        return 1e8;
    if (!memcmp(p, "조", 3))
        return 1e12;
    if (!memcmp(p, "천", 3))
        return 1e3;
    if (!memcmp(p, "백", 3))
        return 1e2;
    return 1;
}

/* Tries a figure at i. Returns its end or 0. */
static size_t figure_at(kg_tctx *c, size_t i)
{
    const char *s = c->s;
    size_t len = c->len;
    kg_num n1;
    size_t k;
    const unitdef *pre_unit = NULL;
    static const unitdef usd = { "$", "USD", NULL, 1 }, krw = { "₩", "KRW", NULL, 1 },
                         eur = { "€", "EUR", NULL, 1 }, gbp = { "£", "GBP", NULL, 1 },
                         cny = { "¥", "CNY", NULL, 1 };
    size_t st = i;
    unsigned char c0 = (unsigned char)s[i];
    /* currency before the number (the signs below are led by $, U, C2,
     * E2 or EF: a digit or a Hangul syllable is none of them) */
    if (c0 != '$' && c0 != 'U' && c0 != 0xC2 && c0 != 0xE2 && c0 != 0xEF) {
        /* no currency sign */
    } else if (s[i] == '$') {
        pre_unit = &usd;
        i++;
    } else if ((k = lit(s, len, i, "US$"))) {
        pre_unit = &usd;
        i = k;
    } else if ((k = lit(s, len, i, "₩")) || (k = lit(s, len, i, "￦"))) {
        pre_unit = &krw;
        i = k;
    } else if ((k = lit(s, len, i, "€"))) {
        pre_unit = &eur;
        i = k;
    } else if ((k = lit(s, len, i, "£"))) {
        pre_unit = &gbp;
        i = k;
    } else if ((k = lit(s, len, i, "¥"))) {
        pre_unit = &cny;
        i = k;
    }
    if (pre_unit && i < len && s[i] == ' ')
        i++;
    int native = 0;
    if (!kg_num_scan(s, len, i, &n1)) {
        if (pre_unit || !kg_num_scan_native(s, len, i, &n1))
            return 0;
        native = 1;
    }
    if (!pre_unit) {
        /* versions, names and codes: V3, H-1B, G1, 2.5-맥스, 5G */
        if (i > 0) {
            char p = s[i - 1];
            if (islat(p) || p == '.' || p == '_' || p == '/' || p == '#')
                return 0;
            if (p == '-' && i > 1 && (islat(s[i - 2]) || isd(s[i - 2])))
                return 0;
            if (kg_at(s, len, i >= 3 ? i - 3 : 0, "제") && i >= 3)
                return 0;
            if ((i >= 4 && kg_at(s, len, i - 4, "톱 ")) || (i >= 4 && !memcmp(s + i - 4, "TOP ", 4)) ||
                (i >= 4 && !memcmp(s + i - 4, "Top ", 4)) || (i >= 3 && kg_at(s, len, i - 3, "톱")) ||
                (i >= 3 && !memcmp(s + i - 3, "No.", 3)))
                return 0;
        }
    }
    size_t e = n1.end;
    if (e < len && (s[e] == '-' || s[e] == '.') && e + 1 < len && !isd(s[e + 1]) && s[e + 1] != ' ' &&
        s[e + 1] != '\n')
        return 0; /* 2.5-맥스 */
    if (e < len && islat(s[e])) {
        /* only units glued: 3nm, 5GW, 170cm */
        size_t ue;
        const unitdef *u = unit_at(s, len, e, &ue);
        if (!u || (ue < len && islat(s[ue])))
            return 0;
    }
    kg_approx ap = KG_APPROX_EXACT;
    size_t start = st;
    if (!pre_unit)
        ap = approx_prefix(s, st, &start);
    /* 여 (over) before the unit */
    if ((k = lit(s, len, e, "여")) && !lit(s, len, e, "여건") && !lit(s, len, e, "여성")) {
        ap = KG_APPROX_OVER;
        e = k;
    }
    /* ranges: 3~6개월, 100억~200억 원 */
    int range = 0;
    kg_num n2;
    size_t re = e;
    if (!native && e < len && (s[e] == '~' || (s[e] == '-' && !n1.has_point))) {
        size_t j = e + 1;
        if (j < len && s[j] == ' ')
            j++;
        /* a range goes up: 2002~5년 is no range of years */
        if (kg_num_scan(s, len, j, &n2) && n2.value >= n1.value) {
            range = 1;
            re = n2.end;
            if ((k = lit(s, len, re, "여"))) {
                ap = KG_APPROX_OVER;
                re = k;
            }
        }
    }
    size_t ue = 0;
    const unitdef *u = NULL;
    size_t after = range ? re : e;
    if (pre_unit) {
        u = pre_unit;
        ue = after;
        /* $1.5 billion */
        static const struct {
            const char *w;
            double m;
        } eng[] = { { " trillion", 1e12 }, { " billion", 1e9 }, { " million", 1e6 }, { " thousand", 1e3 },
                    { "조", 1 }, { NULL, 0 } };
        for (int q = 0; eng[q].w; q++)
            if ((k = lit(s, len, ue, eng[q].w)) && eng[q].m > 1) {
                n1.value *= eng[q].m;
                if (range)
                    n2.value *= eng[q].m;
                ue = k;
                break;
            }
        (void)0;
    } else {
        u = unit_at(s, len, after, &ue);
        /* a rank, an ordinal, a date part - unless a longer unit starts
         * there (48시간 is no 48시) */
        if (excluded_after(s, len, after) && !(u && ue > after && s[after] != ' ' && strlen(u->w) > 3))
            return 0;
        if (u) {
            /* a year is a time, not a duration */
            if (!strcmp(u->unit, "year") && !strcmp(u->w, "년") && !range && n1.int_digits == 4 &&
                !n1.has_mult && n1.value >= 1000)
                return 0;
            /* 20대 청년: an age group */
            if (u->counter && !strcmp(u->w, "대") && !n1.has_mult && n1.value >= 10 && n1.value <= 90 &&
                (int)n1.value % 10 == 0)
                return 0;
            /* 분 as minutes only with digits */
            if (!strcmp(u->w, "세") && native)
                return 0;
            if (!strcmp(u->w, "주") && lit(s, len, after, "주년"))
                return 0;
            /* a unit after a space: only money, counters, GPU hours;
             * not "2 일" etc. which are rare and ambiguous */
        } else {
            /* no unit: only numbers with a Korean multiplier count */
            if (!n1.has_mult || native || range)
                return 0;
            ue = after;
            static const unitdef cnt = { "", "count", NULL, 0 };
            u = &cnt;
            if (!word_end_ok(s, len, ue) && !lit(s, len, ue, " "))
                return 0;
        }
        if (native && !(u->counter || !strcmp(u->unit, "x") || !strcmp(u->unit, "month") ||
                         !strcmp(u->unit, "year") || !strcmp(u->unit, "week") || !strcmp(u->unit, "day") ||
                         !strcmp(u->unit, "h")))
            return 0;
        if (native && ue > after && s[after] != ' ')
            return 0; /* 세계: not 3 + 계 */
    }
    if (native && after == e && s[e] != ' ')
        return 0;
    if ((k = lit(s, len, ue, "여"))) {
        ap = KG_APPROX_OVER;
        ue = k;
    }
    kg_approx ap2 = approx_suffix(s, len, ue);
    if (ap2 != KG_APPROX_EXACT && ap == KG_APPROX_EXACT)
        ap = ap2;
    if (range) {
        double m2 = trailing_mult(s, len, &n2);
        double v1 = n1.value;
        if (!n1.has_mult && m2 > 1 && v1 * m2 <= n2.value)
            v1 *= m2;
        emit(c, start, ue, v1, n2.value, 1, u, ap);
    } else {
        emit(c, start, ue, n1.value, 0, 0, u, ap);
    }
    return ue;
}

/* Words that are figures by themselves. */
static size_t word_figure(kg_tctx *c, size_t i)
{
    const char *s = c->s;
    size_t len = c->len, k;
    static const unitdef wk = { "", "week", NULL, 0 }, dy = { "", "day", NULL, 0 }, mo = { "", "month", NULL, 0 },
                         yr = { "", "year", NULL, 0 }, x = { "", "x", NULL, 0 };
    static const struct {
        const char *w;
        double v;
        const unitdef *u;
    } words[] = { { "일주일", 1, &wk }, { "이틀", 2, &dy }, { "사흘", 3, &dy }, { "나흘", 4, &dy },
                  { "닷새", 5, &dy }, { "엿새", 6, &dy }, { "열흘", 10, &dy }, { "보름", 15, &dy },
                  { "한 달", 1, &mo }, { "두 달", 2, &mo }, { "석 달", 3, &mo }, { "넉 달", 4, &mo },
                  { "한 해", 1, &yr }, { "절반", 0.5, &x }, { "반년", 0.5, &yr }, { NULL, 0, NULL } };
    /* (the words are all Hangul: none starts at a digit) */
    for (int q = 0; (unsigned char)s[i] >= 0x80 && words[q].w; q++) {
        if ((k = lit(s, len, i, words[q].w)) && word_end_ok(s, len, k)) {
            if (!strcmp(words[q].w, "한 해") && !lit(s, len, k, " 동안") && !lit(s, len, k, "만에"))
                continue;
            size_t start;
            kg_approx ap = approx_prefix(s, i, &start);
            kg_approx ap2 = approx_suffix(s, len, k);
            emit(c, start, k, words[q].v, 0, 0, words[q].u, ap != KG_APPROX_EXACT ? ap : ap2);
            return k;
        }
    }
    /* N분의 M */
    kg_num a, b;
    if (kg_num_scan(s, len, i, &a) && (k = lit(s, len, a.end, "분의")) && k < len) {
        size_t j = k;
        if (j < len && s[j] == ' ')
            j++;
        if (kg_num_scan(s, len, j, &b) && a.value > 0) {
            size_t start;
            kg_approx ap = approx_prefix(s, i, &start);
            emit(c, start, b.end, b.value / a.value, 0, 0, &x, ap);
            return b.end;
        }
    }
    return 0;
}

/* The first characters with which a figure written in Hangul (or a
 * currency sign) can start: native and Sino-Korean numbers, 일주일, 절반. */
static kg_sylset fig_syl;
static pthread_once_t fig_syl_once = PTHREAD_ONCE_INIT;

static void fig_syl_init(void)
{
    kg_sylset_add(&fig_syl, KG_FIG_FIRST_SYLS);
    fc_build(unit_head, unit_next, sizeof units / sizeof *units - 1, unit_word);
    fc_build(approx_head, approx_next, sizeof approx_after / sizeof *approx_after - 1, approx_word);
}

static int fig_first(const char *s, size_t len, size_t i)
{
    if (i + 2 >= len)
        return 0;
    if ((unsigned char)s[i] == 0xC2) /* £ ¥ */
        return 1;
    if (kg_sylset_at(&fig_syl, s, len, i))
        return 1;
    return kg_at(s, len, i, "₩") || kg_at(s, len, i, "￦") || kg_at(s, len, i, "€");
}

void kg_find_figures(kg_tctx *c)
{
    const char *s = c->s;
    size_t len = c->len;
    const kg_text *t = c->t;
    size_t ci = 0, ti = 0;
    pthread_once(&fig_syl_once, fig_syl_init);
    /* the tokens: no figure starts inside a Hangul word */
    size_t next = 0, k = 0, i;
    while ((i = kg_tok_next(c, &k, next)) != (size_t)-1) {
        unsigned char ch = (unsigned char)s[i];
        if (ch >= 0xEA && ch <= 0xED && !kg_sylset_at(&fig_syl, s, len, i))
            continue; /* a syllable that starts no figure */
        if (!(isd((char)ch) || ch == '$' || ch == 'U' || ch >= 0xE0 || ch == 0xC2))
            continue;
        /* the cheap tests first (positions in chrome or in a time are
         * skipped below either way) */
        if (ch >= 0x80 && (!fig_first(s, len, i) || !kg_tok_start(s, i)))
            continue;
        while (ci < t->n_chrome && t->chrome[ci].r.nend <= i)
            ci++;
        if (ci < t->n_chrome && t->chrome[ci].r.nstart <= i) {
            next = t->chrome[ci].r.nend;
            continue;
        }
        while (ti < c->n_taken && c->taken[ti + 1] <= i)
            ti += 2;
        if (ti < c->n_taken && c->taken[ti] <= i) {
            next = c->taken[ti + 1];
            continue;
        }
        if (isd((char)ch) && i > 0 && (isd(s[i - 1]) || s[i - 1] == ','))
            continue;
        size_t e = 0;
        if (ch >= 0x80) {
            e = word_figure(c, i);
            if (!e)
                e = figure_at(c, i);
        } else if (ch == 'U') {
            if (kg_at(s, len, i, "US$"))
                e = figure_at(c, i);
        } else {
            e = word_figure(c, i);
            if (!e)
                e = figure_at(c, i);
        }
        if (e)
            next = e;
    }
}
