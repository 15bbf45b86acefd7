/* text.c - text intake (see kg/text.h): UTF-8 validation, normalisation
 * with an offset map, page-chrome ranges, sentence splitting and the
 * dateline. Shared by `kg tag` and `kg extract`.
 *
 * The normalised text is built lazily: as long as every character is one
 * that normalisation leaves alone (ASCII, Hangul syllables, CJK
 * ideographs), nothing is copied and the map is the identity. The first
 * character that changes switches to copying, so that clean text costs one
 * pass and no extra memory for the map. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "kg/text.h"
#include "kg/utf8.h"
#include "tagint.h"

/* ------------------------------------------------------------------ */
/* UTF-8 validation                                                    */

/* ------------------------------------------------------------------ */
/* normalisation                                                       */

typedef struct nbuild {
    const char *src;
    size_t len;
    int copying;
    kg_buf out;
    uint32_t *map;
    size_t map_cap;
} nbuild;

static void nb_start_copy(nbuild *b, size_t upto)
{
    b->copying = 1;
    kg_buf_grow(&b->out, b->len + 16);
    kg_buf_add(&b->out, b->src, upto);
    b->map_cap = b->len + 16;
    b->map = kg_xmalloc(b->map_cap * sizeof *b->map);
    for (size_t i = 0; i < upto; i++)
        b->map[i] = (uint32_t)i;
}

static void nb_emit(nbuild *b, const char *bytes, size_t n, size_t from)
{
    if (b->out.len + n + 1 > b->map_cap) {
        b->map_cap = (b->out.len + n + 1) * 2;
        b->map = kg_xrealloc(b->map, b->map_cap * sizeof *b->map);
    }
    for (size_t k = 0; k < n; k++)
        b->map[b->out.len + k] = (uint32_t)from;
    kg_buf_add(&b->out, bytes, n);
}

/* A small cache of utf8proc results by code point. */
typedef struct ncache_ent {
    uint32_t key;  /* code point + 1; 0 = empty */
    int8_t n;      /* -1 = keep as is */
    char out[13];
} ncache_ent;

#define NCACHE 512

/* What a character becomes: returns -1 to keep it, else the length of
 * its replacement in out (0 = drop). */
static int norm_special(uint32_t cp, char out[16])
{
    switch (cp) {
    case 0x09: case 0x0B: case 0x0C:
    case 0xA0: case 0x202F: case 0x205F: case 0x3000: case 0x1680:
        out[0] = ' ';
        return 1;
    case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: case 0xAD:
        return 0;
    case 0x223C: case 0x301C: case 0xFF5E: case 0x2053:
        out[0] = '~';
        return 1;
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
        out[0] = '\'';
        return 1;
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
        out[0] = '"';
        return 1;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
        out[0] = '-';
        return 1;
    case 0x318D: case 0x30FB: case 0xFF65: case 0x2027: case 0x2219:
        return (int)kg_u8_put(out, 0xB7);
    case 0xA9: case 0x24D2: case 0x24B8: /* © ⓒ Ⓒ: copyright lines need them */
        return -1;
    default:
        break;
    }
    if (cp >= 0x2000 && cp <= 0x200A) {
        out[0] = ' ';
        return 1;
    }
    if (cp < 0x20 || cp == 0x7F) {
        out[0] = ' ';
        return 1;
    }
    if ((cp >= 0x3131 && cp <= 0x318E) || (cp >= 0x2460 && cp <= 0x24FF))
        return -1; /* compatibility jamo, circled numbers: keep */
    return -2;     /* ask utf8proc */
}

static int norm_char(uint32_t cp, char out[16], ncache_ent *cache)
{
    int r = norm_special(cp, out);
    if (r != -2)
        return r;
    ncache_ent *e = &cache[cp % NCACHE];
    if (e->key == cp + 1) {
        if (e->n >= 0)
            memcpy(out, e->out, (size_t)e->n);
        return e->n;
    }
    char in[4];
    size_t inlen = kg_u8_put(in, cp);
    utf8proc_uint8_t *res = NULL;
    utf8proc_ssize_t m = utf8proc_map((const utf8proc_uint8_t *)in, (utf8proc_ssize_t)inlen, &res,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT);
    int n = -1;
    if (m >= 0 && res && !((size_t)m == inlen && memcmp(res, in, inlen) == 0) && m <= 12) {
        n = (int)m;
        memcpy(out, res, (size_t)m);
        /* a compatibility form of a space folds to ' ' */
        for (int k = 0; k < n; k++)
            if (out[k] == '\t')
                out[k] = ' ';
    }
    free(res);
    e->key = cp + 1;
    e->n = (int8_t)n;
    if (n > 0)
        memcpy(e->out, out, (size_t)n);
    return n;
}

/* Length of the prefix of u[0..n) that normalise's fast path would take
 * (printable ASCII, newlines, well-formed Hangul syllables), checked
 * sixteen bytes at a time; it stops at the start of the character where
 * the first block it cannot vouch for begins, and the byte loop takes
 * over from there (0 without SSE2). Blocks follow each other at a fixed
 * stride, so no block waits for the previous one: the continuation bytes
 * a syllable led in the last two bytes of a block still owes are carried
 * into the next block as a mask. */
static size_t plain_prefix(const unsigned char *u, size_t n)
{
    size_t i = 0;
#ifdef __SSE2__
    const __m128i c1f = _mm_set1_epi8(0x1F), c7f = _mm_set1_epi8(0x7F), nl = _mm_set1_epi8('\n'),
                  mc0 = _mm_set1_epi8((char)0xC0), x80 = _mm_set1_epi8((char)0x80);
    unsigned carry = 0; /* continuations owed at this block's bytes 0 and 1 */
    while (i + 18 <= n) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(u + i));
        /* signed compares: bytes >= 0x80 fail the ASCII test */
        __m128i ascii = _mm_or_si128(_mm_and_si128(_mm_cmpgt_epi8(v, c1f), _mm_cmplt_epi8(v, c7f)),
                                     _mm_cmpeq_epi8(v, nl));
        __m128i cont = _mm_cmpeq_epi8(_mm_and_si128(v, mc0), x80);
        __m128i lead = kg_syl_leads((const char *)u + i);
        unsigned a = (unsigned)_mm_movemask_epi8(ascii), c = (unsigned)_mm_movemask_epi8(cont),
                 l = (unsigned)_mm_movemask_epi8(lead);
        unsigned want = (l << 1) | (l << 2) | carry; /* where continuations must be */
        if ((a | c | l) != 0xFFFF || (c ^ want) & 0xFFFF)
            break;
        carry = want >> 16;
        i += 16;
    }
    /* back to the lead of a syllable the last block did not finish */
    if (carry & 2)
        i -= 1;
    else if (carry & 1)
        i -= 2;
#endif
    (void)u; /* (unused without SSE2) */
    return i < n ? i : n;
}

static int normalise(kg_text *t, unsigned flags, const char *name, kg_diag *d)
{
    nbuild b = { t->src, t->len, 0, KG_BUF_INIT, NULL, 0 };
    const unsigned char *u = (const unsigned char *)t->src;
    size_t len = t->len, i = 0;
    ncache_ent *cache = NULL;
    char rep[16];

    while (i < len) {
        unsigned c = u[i];
        if (!b.copying) {
            /* Fast path while nothing has changed: printable ASCII, newlines
             * and well-formed Hangul syllables are kept as they are, so they
             * need neither decoding nor a look at the normalisation tables. */
            i += plain_prefix(u + i, len - i);
            while (i < len) {
                c = u[i];
                if ((c >= 0x20 && c < 0x7F) || c == '\n') {
                    i++;
                } else if (c >= 0xEA && c <= 0xED && i + 2 < len && (u[i + 1] & 0xC0) == 0x80 &&
                           (u[i + 2] & 0xC0) == 0x80 && kg_u8_syllable(u + i)) {
                    i += 3;
                } else
                    break;
            }
            if (i >= len)
                break;
        }
        if (c >= 0x20 && c < 0x7F) {
            if (b.copying) {
                size_t j = i + 1;
                while (j < len && u[j] >= 0x20 && u[j] < 0x7F)
                    j++;
                if (b.out.len + (j - i) + 1 > b.map_cap) {
                    b.map_cap = (b.out.len + (j - i) + 1) * 2;
                    b.map = kg_xrealloc(b.map, b.map_cap * sizeof *b.map);
                }
                for (size_t k = i; k < j; k++)
                    b.map[b.out.len + (k - i)] = (uint32_t)k;
                kg_buf_add(&b.out, t->src + i, j - i);
                i = j;
            } else {
                i++;
            }
            continue;
        }
        if (c == '\n') {
            if (b.copying)
                nb_emit(&b, "\n", 1, i);
            i++;
            continue;
        }
        size_t n = c < 0x80 ? 1 : kg_utf8_seq(u + i, len - i);
        if (!n) {
            if (!(flags & KG_TEXT_LENIENT)) {
                if (kg_looks_euckr(t->src + i, len - i))
                    kg_diag_error(d, name, 0, 0,
                                  "invalid UTF-8 byte 0x%02X at byte offset %zu: the text looks "
                                  "like EUC-KR (or CP949); convert it to UTF-8: iconv -f euc-kr "
                                  "-t utf-8 %s > %s.utf8", c, t->base + i, name, name);
                else
                    kg_diag_error(d, name, 0, 0, "invalid UTF-8 byte 0x%02X at byte offset %zu",
                                  c, t->base + i);
                kg_buf_free(&b.out);
                free(b.map);
                free(cache);
                return -1;
            }
            if (!t->n_invalid)
                kg_diag_warn(d, name, 0, 0, "invalid UTF-8 byte 0x%02X at byte offset %zu skipped",
                             c, t->base + i);
            t->n_invalid++;
            if (!b.copying)
                nb_start_copy(&b, i);
            i++;
            continue;
        }
        size_t cn;
        uint32_t cp = kg_u8_dec(u + i, len - i, &cn);
        int keep;
        int r = -1;
        if ((cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
            (cp >= 0x3400 && cp <= 0x4DBF) || cp == 0xB7 || cp == 0x25B2 || cp == 0x25B6) {
            keep = 1;
        } else if (cp == '\r') {
            keep = 0;
            if (i + 1 < len && u[i + 1] == '\n')
                r = 0;
            else {
                rep[0] = '\n';
                r = 1;
            }
        } else if (i == 0 && cp == 0xFEFF) {
            keep = 0;
            r = 0;
        } else {
            if (!cache)
                cache = kg_xcalloc(NCACHE, sizeof *cache);
            r = norm_char(cp, rep, cache);
            keep = r < 0;
        }
        if (keep) {
            if (b.copying)
                nb_emit(&b, t->src + i, n, i);
        } else {
            if (!b.copying)
                nb_start_copy(&b, i);
            if (r > 0)
                nb_emit(&b, rep, (size_t)r, i);
        }
        i += n;
    }
    free(cache);
    if (b.copying) {
        if (b.out.len + 1 > b.map_cap)
            b.map = kg_xrealloc(b.map, (b.out.len + 1) * sizeof *b.map);
        b.map[b.out.len] = (uint32_t)len;
        t->norm_len = b.out.len;
        t->norm = kg_buf_detach(&b.out, NULL);
        t->map = b.map;
    } else {
        t->norm = kg_xmalloc(len + 1);
        memcpy(t->norm, t->src, len);
        t->norm[len] = '\0';
        t->norm_len = len;
        t->map = NULL;
    }
    return 0;
}

size_t kg_text_src_offset(const kg_text *t, size_t n)
{
    if (n > t->norm_len)
        n = t->norm_len;
    return t->base + (t->map ? t->map[n] : n);
}

/* ------------------------------------------------------------------ */
/* chrome                                                              */

typedef struct crange {
    size_t s, e;
    kg_chrome_kind k;
} crange;

typedef struct cvec {
    crange *v;
    size_t n, cap;
} cvec;

static void cv_add(cvec *c, size_t s, size_t e, kg_chrome_kind k)
{
    if (e <= s)
        return;
    KG_VEC_PUSH(c->v, c->n, c->cap);
    c->v[c->n++] = (crange){ s, e, k };
}

typedef struct line {
    size_t s, e;     /* the line without its newline */
    size_t ts, te;   /* trimmed */
} line;

static int is_sp(char c)
{
    return c == ' ' || c == '\t';
}

/* Words that make up share bars, menus and widgets. A line made only of
 * these (and bullets) is chrome. */
static const char *const widget_words[] = {
    "닫기", "기사듣기", "기사듣기중지", "듣기", "중지", "듣기중지", "공유하기", "공유", "기사공유",
    "카카오톡", "카카오스토리", "카카오", "페이스북", "트위터", "엑스", "X", "네이버", "밴드", "네이버밴드",
    "라인", "텔레그램", "링크드인", "URL", "url", "복사", "URL복사", "링크복사", "주소복사", "글자크기",
    "글씨크기", "글자", "글씨", "크기", "작게", "크게", "보통", "키우기", "줄이기", "기사제보", "제보",
    "후원하기", "후원", "인쇄", "인쇄하기", "프린트", "스크랩", "메일", "이메일", "메일보내기", "북마크",
    "구독", "구독하기", "댓글", "좋아요", "싫어요", "맨위로", "맨", "위로", "목록", "이전기사", "다음기사",
    "홈", "전체메뉴", "메뉴", "검색", "로그인", "회원가입", "로그아웃", "바로가기", "기사저장", "저장",
    "가", "가+", "가-", "폰트", "폰트크기", "확대", "축소", "SNS", "공유하기닫기", "본문", "기사", "읽기",
    "음성", "재생", "정지", "설정", "모드", "다크모드", "•", "·", "|", "+", "-", "/", "ㆍ", "▶", "▲",
    "Facebook", "Twitter", "KakaoTalk", "Kakao", "Share", "Print", "Email", "Copy", "Link",
    NULL
};

static kg_wordset widget_set;
static pthread_once_t widget_once = PTHREAD_ONCE_INIT;

static void widget_init(void)
{
    kg_wordset_build(&widget_set, widget_words);
}

/* All words of the line are widget words (and there is at least one
 * word that is not only a bullet). */
static int line_is_widget(const char *s, size_t ts, size_t te)
{
    if (te - ts > 80)
        return 0; /* checked first: most lines are longer */
    pthread_once(&widget_once, widget_init);
    size_t i = ts;
    int words = 0;
    while (i < te) {
        while (i < te && is_sp(s[i]))
            i++;
        size_t j = i;
        while (j < te && !is_sp(s[j]))
            j++;
        if (j > i) {
            /* "\xe2\x80\xa2" is the bullet U+2022 */
            if (!kg_wordset_has(&widget_set, s + i, j - i) &&
                !(j - i == 3 && memcmp(s + i, "\xe2\x80\xa2", 3) == 0))
                return 0;
            words++;
        }
        i = j;
    }
    return words > 0 && te - ts <= 80;
}

/* 1 if a copyright mark starts at s[i] (and ends by te): ⓒ © Ⓒ (c) (C)
 * Copyright COPYRIGHT, All rights reserved, 저작권자, 무단전재, 무단 전재,
 * 재배포 금지, 재배포금지. Only the marks led by s[i]'s byte are compared. */
static int mark_at(const char *s, size_t te, size_t i)
{
    switch ((unsigned char)s[i]) {
    case 0xC2:
        return kg_at(s, te, i, "\xc2\xa9" /* © */);
    case 0xE2:
        return kg_at(s, te, i, "\xe2\x93\x92" /* ⓒ */) || kg_at(s, te, i, "\xe2\x92\xb8" /* Ⓒ */);
    case '(':
        return kg_at(s, te, i, "(c)") || kg_at(s, te, i, "(C)");
    case 'C':
        return kg_at(s, te, i, "Copyright") || kg_at(s, te, i, "COPYRIGHT");
    case 'A':
        return kg_at(s, te, i, "All rights reserved") || kg_at(s, te, i, "All Rights Reserved");
    case 0xEB:
        return kg_at(s, te, i, "무단전재") || kg_at(s, te, i, "무단 전재");
    case 0xEC:
        return kg_at(s, te, i, "저작권자") || kg_at(s, te, i, "재배포 금지") || kg_at(s, te, i, "재배포금지");
    default:
        return 0;
    }
}

/* 1 if s[a..b) holds a Hangul copyright mark. Candidates are their first
 * syllables (무 EB AC B4, 저 EC A0 80, 재 EC 9E AC), found sixteen at a
 * time. */
static int has_ko_mark(const char *s, size_t a, size_t b)
{
    size_t i = a;
#ifdef __SSE2__
    const __m128i eb = _mm_set1_epi8((char)0xEB), ec = _mm_set1_epi8((char)0xEC),
                  ac = _mm_set1_epi8((char)0xAC), a0 = _mm_set1_epi8((char)0xA0),
                  x9e = _mm_set1_epi8((char)0x9E), b4 = _mm_set1_epi8((char)0xB4),
                  x80 = _mm_set1_epi8((char)0x80);
    for (; i + 18 <= b; i += 16) {
        __m128i v0 = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        __m128i v1 = _mm_loadu_si128((const __m128i *)(const void *)(s + i + 1));
        __m128i v2 = _mm_loadu_si128((const __m128i *)(const void *)(s + i + 2));
        __m128i mu = _mm_and_si128(_mm_cmpeq_epi8(v0, eb),
                                   _mm_and_si128(_mm_cmpeq_epi8(v1, ac), _mm_cmpeq_epi8(v2, b4)));
        __m128i jeo = _mm_and_si128(_mm_cmpeq_epi8(v1, a0), _mm_cmpeq_epi8(v2, x80));
        __m128i jae = _mm_and_si128(_mm_cmpeq_epi8(v1, x9e), _mm_cmpeq_epi8(v2, ac));
        __m128i m = _mm_or_si128(mu, _mm_and_si128(_mm_cmpeq_epi8(v0, ec), _mm_or_si128(jeo, jae)));
        for (unsigned mask = (unsigned)_mm_movemask_epi8(m); mask; mask &= mask - 1)
            if (mark_at(s, b, i + (size_t)__builtin_ctz(mask)))
                return 1;
    }
#endif
    for (; i < b; i++)
        if (((unsigned char)s[i] == 0xEB || (unsigned char)s[i] == 0xEC) && mark_at(s, b, i))
            return 1;
    return 0;
}

static int line_is_copyright(const char *s, size_t ts, size_t te)
{
    if (te - ts > 400)
        return 0;
    /* the symbol and Latin marks by their lead bytes (Hangul text never
     * has C2 and E2), then the Hangul ones */
    for (size_t i = kg_find_bytes(s, ts, te, "\xc2\xe2(CA", 5, 0); i < te;
         i = kg_find_bytes(s, i + 1, te, "\xc2\xe2(CA", 5, 0))
        if (mark_at(s, te, i))
            return 1;
    if (has_ko_mark(s, ts, te))
        return 1;
    /* an end mark alone on its line: (끝) <끝> /끝/ [끝] are 5 bytes */
    static const char *const ends[] = { "(끝)", "<끝>", "/끝/", "[끝]", NULL };
    if (te - ts == 5)
        for (const char *const *p = ends; *p; p++)
            if (memcmp(s + ts, *p, 5) == 0)
                return 1;
    return te - ts == 5 && memcmp(s + ts, "(END)", 5) == 0;
}

static int line_starts(const char *s, size_t ts, size_t te, const char *const *heads, size_t maxlen)
{
    if (te - ts > maxlen)
        return 0;
    for (const char *const *p = heads; *p; p++) {
        /* compared in place, no strlen and memcmp calls: most lines
         * differ from every head in the first bytes */
        const char *h = *p;
        size_t k = 0;
        while (h[k] && ts + k < te && s[ts + k] == h[k])
            k++;
        if (!h[k])
            return 1;
    }
    return 0;
}

static const char *const related_heads[] = {
    "관련뉴스", "관련 뉴스", "관련기사", "관련 기사", "관련 글", "관련글", "함께 보면 좋은", "함께 볼만한",
    "많이 본 뉴스", "많이 본 기사", "많이본 뉴스", "많이본뉴스", "인기 기사", "인기기사", "추천 기사",
    "추천기사", "주요 뉴스", "주요뉴스", "이 시각 주요뉴스", "핫클릭", "오늘의 핫", "최신 기사", "최신기사",
    "원문 출처", "원문출처", "원문 보기", "원문보기", "기사 원문", "이전 기사", "다음 기사",
    "[관련", "<관련", NULL
};

static const char *const faq_heads[] = {
    "자주 묻는 질문", "자주묻는 질문", "자주 묻는질문", "자주하는 질문", "자주 하는 질문", "FAQ",
    NULL
};

/* Marks URLs, markdown images/links and e-mail addresses in [a, b). */
static void mark_tokens(const char *s, size_t a, size_t b, cvec *cv)
{
    for (size_t i = a; i < b; i++) {
        char c = s[i];
        if (c != '!' && c != 'h' && c != 'w' && c != '@') {
            /* nothing below starts elsewhere: jump to the next candidate */
            i = kg_find_bytes(s, i, b, "!hw@", 4, 0);
            if (i >= b)
                break;
            c = s[i];
        }
        if (c == '!' && i + 1 < b && s[i + 1] == '[') {
            /* ![alt](url): the whole thing */
            size_t j = i + 2;
            int depth = 1;
            while (j < b && depth) {
                if (s[j] == '[')
                    depth++;
                else if (s[j] == ']')
                    depth--;
                j++;
            }
            if (j < b && s[j] == '(') {
                size_t k = j + 1;
                while (k < b && s[k] != ')' && !is_sp(s[k]))
                    k++;
                if (k < b && s[k] == ')') {
                    cv_add(cv, i, k + 1, KG_CHROME_URL);
                    i = k;
                    continue;
                }
            }
        }
        if ((c == 'h' && (kg_at(s, b, i, "http://") || kg_at(s, b, i, "https://"))) ||
            (c == 'w' && kg_at(s, b, i, "www.") && (i == a || !((s[i - 1] | 0x20) >= 'a' && (s[i - 1] | 0x20) <= 'z')))) {
            size_t j = i;
            while (j < b && !is_sp(s[j]) && (unsigned char)s[j] >= 0x21 && (unsigned char)s[j] < 0x80 &&
                   s[j] != '"' && s[j] != '<' && s[j] != '>')
                j++;
            while (j > i && (s[j - 1] == ')' || s[j - 1] == '.' || s[j - 1] == ',') &&
                   !(s[j - 1] == ')' && memchr(s + i, '(', j - i)))
                j--;
            cv_add(cv, i, j, KG_CHROME_URL);
            i = j;
            continue;
        }
        if (c == '@' && i > a && i + 1 < b) {
            size_t st = i;
            while (st > a) {
                char p = s[st - 1];
                if ((p >= 'a' && p <= 'z') || (p >= 'A' && p <= 'Z') || (p >= '0' && p <= '9') ||
                    p == '.' || p == '_' || p == '%' || p == '+' || p == '-')
                    st--;
                else
                    break;
            }
            size_t en = i + 1;
            int dots = 0;
            while (en < b) {
                char p = s[en];
                if ((p >= 'a' && p <= 'z') || (p >= 'A' && p <= 'Z') || (p >= '0' && p <= '9') || p == '-')
                    en++;
                else if (p == '.' && en + 1 < b && ((s[en + 1] | 0x20) >= 'a' && (s[en + 1] | 0x20) <= 'z')) {
                    dots++;
                    en++;
                } else
                    break;
            }
            if (st < i && dots > 0) {
                cv_add(cv, st, en, KG_CHROME_EMAIL);
                i = en;
            }
        }
    }
}

/* A hash of the n (a multiple of 8) bytes at s, eight at a time: only
 * lines with equal starts must meet, which any hash gives. */
static uint64_t line_key(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        h = (h ^ w) * 0x9E3779B97F4A7C15ull;
        h ^= h >> 29;
    }
    return h;
}

/* A line that a later or earlier longer line starts with (after its
 * trailing ellipsis is dropped), or an exact copy of a later line, is a
 * teaser or summary box: chrome. */
#define TEASER_MIN 60
#define TEASER_KEY 48

static void mark_teasers(const char *s, line *ln, size_t nl, const unsigned char *is_chrome, cvec *cv)
{
    size_t nlong = 0;
    for (size_t i = 0; i < nl; i++)
        if (!is_chrome[i] && ln[i].te - ln[i].ts >= TEASER_MIN)
            nlong++;
    if (nlong < 2)
        return;
    size_t cap = 16;
    while (cap < nlong * 2)
        cap <<= 1;
    size_t *tab = kg_xmalloc(cap * sizeof *tab);
    for (size_t i = 0; i < cap; i++)
        tab[i] = (size_t)-1;
    size_t *next = kg_xmalloc(nl * sizeof *next);
    uint64_t *keys = kg_xmalloc(nl * sizeof *keys);
    for (size_t i = 0; i < nl; i++) {
        next[i] = (size_t)-1;
        if (is_chrome[i] || ln[i].te - ln[i].ts < TEASER_MIN)
            continue;
        keys[i] = line_key(s + ln[i].ts, TEASER_KEY);
        size_t h = keys[i] & (cap - 1);
        /* chain lines with the same key through next[], kept in a bucket
         * list headed in tab (open addressing on the key) */
        while (tab[h] != (size_t)-1 && keys[tab[h]] != keys[i])
            h = (h + 1) & (cap - 1);
        if (tab[h] != (size_t)-1) {
            size_t j = tab[h];
            /* compare with every earlier line of the bucket */
            /* the last few lines with the same start are enough (a window
             * of many articles may repeat a boilerplate line thousands of
             * times; comparing each with all would be quadratic) */
            int seen = 0;
            for (size_t k = j; k != (size_t)-1 && seen < 3; k = next[k], seen++) {
                size_t la = ln[k].te - ln[k].ts, lb = ln[i].te - ln[i].ts;
                size_t ka = k, kb = i;
                if (la > lb || (la == lb)) {
                    /* k is the longer (or equal): i may be the copy; for
                     * equal lines the earlier one is the teaser */
                    if (la == lb) {
                        if (memcmp(s + ln[k].ts, s + ln[i].ts, la) == 0)
                            cv_add(cv, ln[k].s, ln[k].e, KG_CHROME_TEASER);
                        continue;
                    }
                    ka = i;
                    kb = k;
                    size_t t = la;
                    la = lb;
                    lb = t;
                }
                /* ka shorter: drop a trailing ellipsis */
                size_t sl = la;
                const char *sp = s + ln[ka].ts;
                while (sl > 0 && (sp[sl - 1] == '.' || is_sp(sp[sl - 1])))
                    sl--;
                if (sl >= 3 && memcmp(sp + sl - 3, "\xe2\x80\xa6", 3) == 0)
                    sl -= 3;
                if (sl >= TEASER_MIN - 10 && memcmp(sp, s + ln[kb].ts, sl) == 0)
                    cv_add(cv, ln[ka].s, ln[ka].e, KG_CHROME_TEASER);
            }
            next[i] = tab[h];
            tab[h] = i;
        } else {
            tab[h] = i;
        }
    }
    free(tab);
    free(next);
    free(keys);
}

static int crange_cmp(const void *a, const void *b)
{
    const crange *x = a, *y = b;
    if (x->s != y->s)
        return x->s < y->s ? -1 : 1;
    return x->e < y->e ? 1 : (x->e > y->e ? -1 : 0);
}

static void find_chrome(kg_text *t, line *ln, size_t nl, cvec *cv)
{
    const char *s = t->norm;
    unsigned char *is_chrome = kg_xcalloc(nl ? nl : 1, 1);
    int block = 0; /* 1 related list, 2 faq box */
    for (size_t i = 0; i < nl; i++) {
        size_t ts = ln[i].ts, te = ln[i].te;
        if (ts == te)
            continue;
        if (block == 1) {
            if (te - ts < 160) {
                cv_add(cv, ln[i].s, ln[i].e, KG_CHROME_RELATED);
                is_chrome[i] = 1;
                continue;
            }
            block = 0;
        } else if (block == 2) {
            int qa = (s[ts] == 'Q' || s[ts] == 'A') && ts + 1 < te &&
                     (s[ts + 1] == '.' || s[ts + 1] == ':' || s[ts + 1] == ')' || s[ts + 1] == ' ');
            if (qa || te - ts < 120) {
                cv_add(cv, ln[i].s, ln[i].e, KG_CHROME_FAQ);
                is_chrome[i] = 1;
                continue;
            }
            block = 0;
        }
        if (line_is_widget(s, ts, te)) {
            cv_add(cv, ln[i].s, ln[i].e, KG_CHROME_WIDGET);
            is_chrome[i] = 1;
        } else if (line_is_copyright(s, ts, te)) {
            cv_add(cv, ln[i].s, ln[i].e, KG_CHROME_COPYRIGHT);
            is_chrome[i] = 1;
        } else if (line_starts(s, ts, te, related_heads, 60)) {
            cv_add(cv, ln[i].s, ln[i].e, KG_CHROME_RELATED);
            is_chrome[i] = 1;
            block = 1;
        } else if (line_starts(s, ts, te, faq_heads, 40)) {
            cv_add(cv, ln[i].s, ln[i].e, KG_CHROME_FAQ);
            is_chrome[i] = 1;
            block = 2;
        } else {
            size_t before = cv->n;
            mark_tokens(s, ts, te, cv);
            /* a line that is nothing but a URL or address */
            size_t covered = 0;
            for (size_t k = before; k < cv->n; k++)
                covered += cv->v[k].e - cv->v[k].s;
            if (cv->n > before && te - ts - covered < 4) {
                cv->n = before;
                cv_add(cv, ln[i].s, ln[i].e, KG_CHROME_URL);
                is_chrome[i] = 1;
            }
        }
    }
    mark_teasers(s, ln, nl, is_chrome, cv);
    free(is_chrome);

    /* sort, merge overlaps */
    if (cv->n > 1) {
        qsort(cv->v, cv->n, sizeof *cv->v, crange_cmp);
        size_t w = 0;
        for (size_t i = 0; i < cv->n; i++) {
            if (w && cv->v[i].s < cv->v[w - 1].e) {
                if (cv->v[i].e > cv->v[w - 1].e)
                    cv->v[w - 1].e = cv->v[i].e;
                continue;
            }
            cv->v[w++] = cv->v[i];
        }
        cv->n = w;
    }
}

/* The chrome range holding normalised offset n, or NULL (binary search). */
static const kg_chrome *chrome_at(const kg_text *t, size_t n)
{
    size_t lo = 0, hi = t->n_chrome;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (t->chrome[mid].r.nend <= n)
            lo = mid + 1;
        else if (t->chrome[mid].r.nstart > n)
            hi = mid;
        else
            return &t->chrome[mid];
    }
    return NULL;
}

int kg_text_in_chrome(const kg_text *t, size_t n)
{
    return chrome_at(t, n) != NULL;
}

size_t kg_text_chrome_end(const kg_text *t, size_t n)
{
    const kg_chrome *c = chrome_at(t, n);
    return c ? c->r.nend : n;
}

const char *kg_chrome_kind_name(kg_chrome_kind k)
{
    static const char *const names[] = { "widget", "url", "email", "copyright", "related", "faq", "teaser" };
    return (unsigned)k < sizeof names / sizeof *names ? names[k] : "chrome";
}

/* ------------------------------------------------------------------ */
/* dates and the dateline                                              */

static int digits_at(const char *s, size_t len, size_t i, int min, int max, int *val, size_t *end)
{
    int v = 0, n = 0;
    while (i < len && n < max && s[i] >= '0' && s[i] <= '9') {
        v = v * 10 + (s[i] - '0');
        i++;
        n++;
    }
    if (n < min || (i < len && s[i] >= '0' && s[i] <= '9'))
        return 0;
    *val = v;
    *end = i;
    return 1;
}

/* out = the day y-m-d. */
static void day_edtf(kg_edtf *out, int y, int m, int d)
{
    memset(out, 0, sizeof *out);
    out->a.year = y;
    out->a.month = m;
    out->a.day = d;
    out->a.prec = KG_PREC_DAY;
}

size_t kg_text_scan_date(const char *s, size_t len, kg_edtf *out)
{
    int y, m, d;
    size_t i;
    if (!digits_at(s, len, 0, 4, 4, &y, &i) || y < 1900 || y > 2199)
        return 0;
    char sep = i < len ? s[i] : 0;
    if (sep != '.' && sep != '-' && sep != '/')
        return 0;
    i++;
    if (sep == '.' && i < len && s[i] == ' ')
        i++;
    if (!digits_at(s, len, i, 1, 2, &m, &i) || m < 1 || m > 12)
        return 0;
    if (i >= len || s[i] != sep)
        return 0;
    i++;
    if (sep == '.' && i < len && s[i] == ' ')
        i++;
    if (!digits_at(s, len, i, 1, 2, &d, &i) || d < 1 || d > kg_tag_mdays(y, m))
        return 0;
    if (sep == '.' && i < len && s[i] == '.')
        i++;
    /* optional time and weekday */
    size_t j = i;
    while (j < len && s[j] == ' ')
        j++;
    int hh, mm;
    size_t k;
    if (digits_at(s, len, j, 1, 2, &hh, &k) && k < len && s[k] == ':' && hh < 24 &&
        digits_at(s, len, k + 1, 2, 2, &mm, &k) && mm < 60) {
        i = k;
        if (i + 2 < len && s[i] == ':' && digits_at(s, len, i + 1, 2, 2, &mm, &k))
            i = k;
        j = i;
        while (j < len && s[j] == ' ')
            j++;
    }
    if (j < len && s[j] == '(') {
        static const char *const wd[] = { "월", "화", "수", "목", "금", "토", "일", NULL };
        for (const char *const *p = wd; *p; p++)
            if (kg_at(s, len, j + 1, *p) && j + 4 < len && s[j + 4] == ')') {
                i = j + 5;
                break;
            }
    }
    day_edtf(out, y, m, d);
    return i;
}

static const char *const dateline_keys[] = {
    "승인", "입력", "기사입력", "최초입력", "등록", "송고", "발행", "게재", "작성", "발행일", "등록일",
    "입력일", "기사승인", "수정", "최종수정", "업데이트", "Published", "Posted", "송고시간", "입력시간",
    "기사입력시간", "게재일", "작성일", "수정일", "최종수정일", NULL
};

/* A date written in Korean, 2025년 03월 04일, at s (a dateline's): its
 * length, or 0. With need_time, only when an hour follows (10시 22분,
 * 10:22), as on a dateline line of its own. */
static size_t scan_ko_date(const char *s, size_t len, kg_edtf *out, int need_time)
{
    /* YYYY년 M월 D일, a space allowed after each unit */
    static const char *const units[3] = { "년", "월", "일" };
    int v[3], hh, mm;
    size_t i = 0, k;
    for (int u = 0; u < 3; u++) {
        if (u > 0 && i < len && s[i] == ' ')
            i++;
        if (!digits_at(s, len, i, u ? 1 : 4, u ? 2 : 4, &v[u], &i) || !kg_at(s, len, i, units[u]))
            return 0;
        i += 3;
    }
    int y = v[0], m = v[1], d = v[2];
    if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > kg_tag_mdays(y, m))
        return 0;
    size_t j = i;
    while (j < len && s[j] == ' ')
        j++;
    int timed = 0;
    if (kg_at(s, len, j, "오전 ") || kg_at(s, len, j, "오후 "))
        j += 7;
    if (digits_at(s, len, j, 1, 2, &hh, &k) && hh < 24 &&
        (kg_at(s, len, k, "시") || (k < len && s[k] == ':' && digits_at(s, len, k + 1, 2, 2, &mm, &k)))) {
        timed = 1;
        i = kg_at(s, len, k, "시") ? k + 3 : k;
        size_t q = i;
        while (q < len && s[q] == ' ')
            q++;
        if (digits_at(s, len, q, 1, 2, &mm, &k) && mm < 60 && kg_at(s, len, k, "분"))
            i = k + 3;
    }
    if (need_time && !timed)
        return 0;
    day_edtf(out, y, m, d);
    return i;
}

static void find_dateline(kg_text *t, line *ln, size_t nl)
{
    const char *s = t->norm;
    int best_rank = 1000;
    /* datelines stand near the top of an article */
    for (size_t li = 0; li < nl && li < 80; li++) {
        size_t ts = ln[li].ts, te = ln[li].te;
        if (ts == te || te - ts > 200 || kg_text_in_chrome(t, ts))
            continue;
        for (size_t i = ts; i < te; i++) {
            if (i > ts && s[i - 1] != ' ' && s[i - 1] != '[' && s[i - 1] != '(' && s[i - 1] != '|')
                continue;
            int rank = -1;
            size_t after = i;
            for (int k = 0; dateline_keys[k]; k++) {
                /* the longest key (발행일, not 발행) */
                if (kg_at(s, te, i, dateline_keys[k]) && i + strlen(dateline_keys[k]) > after) {
                    rank = (strncmp(dateline_keys[k], "수정", 6) == 0 || strncmp(dateline_keys[k], "최종수정", 12) == 0 ||
                            strcmp(dateline_keys[k], "업데이트") == 0) ? 50 : 10;
                    after = i + strlen(dateline_keys[k]);
                }
            }
            if (rank < 0) {
                /* a bare date at the start of a short line */
                if (i == ts && s[i] >= '0' && s[i] <= '9' && te - ts <= 40) {
                    rank = 80;
                    after = i;
                } else
                    continue;
            }
            size_t j = after;
            while (j < te && (s[j] == ' ' || s[j] == ':' || s[j] == '|'))
                j++;
            kg_edtf e;
            size_t n = kg_text_scan_date(s + j, te - j, &e);
            if (!n)
                n = scan_ko_date(s + j, te - j, &e, rank == 80);
            if (n && rank < best_rank) {
                best_rank = rank;
                t->has_dateline = 1;
                t->dateline = e;
                t->dateline_at.nstart = j;
                t->dateline_at.nend = j + n;
                t->dateline_at.start = kg_text_src_offset(t, j);
                t->dateline_at.end = kg_text_src_offset(t, j + n);
            }
            if (n)
                break;
        }
        if (best_rank <= 10)
            break;
    }
}

/* ------------------------------------------------------------------ */
/* sentences                                                           */

typedef struct svec {
    kg_text_range *v;
    size_t n, cap;
} svec;

static void sv_add(kg_text *t, svec *sv, size_t a, size_t b)
{
    const char *s = t->norm;
    while (a < b && (s[a] == ' ' || s[a] == '\n'))
        a++;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\n'))
        b--;
    if (b <= a)
        return;
    KG_VEC_PUSH(sv->v, sv->n, sv->cap);
    kg_text_range *r = &sv->v[sv->n++];
    r->nstart = a;
    r->nend = b;
    r->start = kg_text_src_offset(t, a);
    r->end = kg_text_src_offset(t, b);
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

/* Quotative endings that follow a quoted sentence inside a larger one. */
static const char *const quote_tails[] = {
    "라고", "라며", "라면서", "고", "며", "면서", "는", "란", "라는", "이라", "이라고", "이라며", "하고",
    "하며", "라", "와", "과", "를", "을", "의", "에", "로", "도", "만", "라던", NULL
};

/* Splits [a, b) (one line without chrome) into sentences. */
static void split_segment(kg_text *t, svec *sv, size_t a, size_t b)
{
    const char *s = t->norm;
    size_t st = a;
    int inq = 0; /* inside a "..." quote */
    /* only quotes, digits and terminators (。 is led by E3) matter */
    static const unsigned char interest[256] = {
        ['"'] = 1, ['.'] = 1, ['?'] = 1, ['!'] = 1, ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1,
        ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1, [0xE3] = 1
    };
    for (size_t i = a; i < b; i++) {
        char c = s[i];
        if (!interest[(unsigned char)c]) {
            i = kg_find_bytes(s, i, b, "\".?!\xe3", 5, 1);
            if (i >= b)
                break;
            c = s[i];
        }
        if (c == '"') {
            inq = !inq;
            continue;
        }
        /* a dotted date is no sentence end: 2025. 11. 01. */
        if (is_digit(c) && (i == a || !is_digit(s[i - 1]))) {
            kg_edtf dd;
            size_t n = kg_text_scan_date(s + i, b - i, &dd);
            if (n) {
                i += n - 1;
                continue;
            }
        }
        int term = c == '.' || c == '?' || c == '!' || kg_at(s, b, i, "\xe3\x80\x82"); /* 。 */
        if (!term)
            continue;
        size_t tl = c == '.' || c == '?' || c == '!' ? 1 : 3;
        if (c == '.') {
            /* decimals and dotted dates: digit . [space] digit */
            if (i > a && is_digit(s[i - 1])) {
                size_t j = i + 1;
                if (j < b && s[j] == ' ')
                    j++;
                if (j < b && is_digit(s[j]))
                    continue;
            }
            /* initials and abbreviations: U.S. / J. Smith / Mr. */
            if (i > a && is_upper(s[i - 1]) && (i - 1 == a || !((s[i - 2] | 0x20) >= 'a' && (s[i - 2] | 0x20) <= 'z')))
                continue;
            if (i + 1 < b && ((s[i + 1] | 0x20) >= 'a' && (s[i + 1] | 0x20) <= 'z') && i > a &&
                ((s[i - 1] | 0x20) >= 'a' && (s[i - 1] | 0x20) <= 'z'))
                continue; /* www.example, file.txt */
        }
        size_t j = i + tl;
        while (j < b && (s[j] == '.' || s[j] == '?' || s[j] == '!'))
            j++;
        /* closing quotes and brackets belong to the sentence */
        int closed_quote = 0;
        while (j < b && (s[j] == '"' || s[j] == '\'' || s[j] == ')' || s[j] == ']' ||
                         kg_at(s, b, j, "\xe3\x80\x8d") || kg_at(s, b, j, "\xe3\x80\x8f"))) {
            if (s[j] == '"') {
                inq = !inq;
                closed_quote = 1;
            }
            j += ((unsigned char)s[j] < 0x80) ? 1 : 3;
        }
        if (inq && !closed_quote)
            continue; /* a full stop inside quoted speech */
        if (j < b && s[j] != ' ') {
            size_t n;
            uint32_t cp = kg_u8_at(s, b, j, &n);
            if (closed_quote || (unsigned char)s[i] != '.') {
                int tail = 0;
                for (const char *const *p = quote_tails; *p; p++)
                    if (kg_at(s, b, j, *p)) {
                        tail = 1;
                        break;
                    }
                if (tail) {
                    i = j - 1; /* the closing quotes are counted already */
                    continue;
                }
            }
            /* glued sentences: 했다.중국 - split unless it is a word part */
            if (!kg_is_hangul(cp) && !is_upper(s[j]) && cp != '"' && cp != '\'' && !closed_quote) {
                i = j - 1;
                continue;
            }
        }
        sv_add(t, sv, st, j);
        st = j;
        i = j - 1;
    }
    sv_add(t, sv, st, b);
}

static void find_sentences(kg_text *t, line *ln, size_t nl, svec *sv)
{
    size_t ci = 0;
    for (size_t li = 0; li < nl; li++) {
        size_t a = ln[li].ts, b = ln[li].te;
        while (a < b) {
            while (ci < t->n_chrome && t->chrome[ci].r.nend <= a)
                ci++;
            size_t cut = b;
            if (ci < t->n_chrome && t->chrome[ci].r.nstart < b)
                cut = t->chrome[ci].r.nstart > a ? t->chrome[ci].r.nstart : a;
            if (cut > a)
                split_segment(t, sv, a, cut);
            if (cut >= b)
                break;
            a = t->chrome[ci].r.nend;
        }
    }
}

/* ------------------------------------------------------------------ */

int kg_text_load(kg_text *t, const char *src, size_t len, size_t base, unsigned flags,
                 const char *name, kg_diag *d)
{
    memset(t, 0, sizeof *t);
    t->src = src;
    t->len = len;
    t->base = base;
    if (normalise(t, flags, name, d) < 0) {
        t->norm = kg_xstrdup("");
        return -1;
    }
    /* lines */
    line *ln = NULL;
    size_t nl = 0, cap = 0;
    const char *s = t->norm;
    size_t i = 0;
    while (i <= t->norm_len) {
        const char *nlp = i < t->norm_len ? memchr(s + i, '\n', t->norm_len - i) : NULL;
        size_t e = nlp ? (size_t)(nlp - s) : t->norm_len;
        KG_VEC_PUSH(ln, nl, cap);
        line *l = &ln[nl++];
        l->s = i;
        l->e = e;
        l->ts = i;
        l->te = e;
        while (l->ts < l->te && is_sp(s[l->ts]))
            l->ts++;
        while (l->te > l->ts && is_sp(s[l->te - 1]))
            l->te--;
        if (!nlp)
            break;
        i = e + 1;
    }
    cvec cv = { NULL, 0, 0 };
    if (!(flags & KG_TEXT_NO_CHROME))
        find_chrome(t, ln, nl, &cv);
    t->n_chrome = cv.n;
    t->chrome = kg_xcalloc(cv.n ? cv.n : 1, sizeof *t->chrome);
    for (size_t k = 0; k < cv.n; k++) {
        kg_chrome *c = &t->chrome[k];
        c->kind = cv.v[k].k;
        c->r.nstart = cv.v[k].s;
        c->r.nend = cv.v[k].e;
        c->r.start = kg_text_src_offset(t, c->r.nstart);
        c->r.end = kg_text_src_offset(t, c->r.nend);
    }
    free(cv.v);
    find_dateline(t, ln, nl);
    svec sv = { NULL, 0, 0 };
    if (!(flags & KG_TEXT_NO_SENTENCES))
        find_sentences(t, ln, nl, &sv);
    t->sent = sv.v;
    t->n_sent = sv.n;
    free(ln);
    return 0;
}

void kg_text_free(kg_text *t)
{
    if (!t)
        return;
    free(t->norm);
    free(t->map);
    free(t->chrome);
    free(t->sent);
    memset(t, 0, sizeof *t);
}
