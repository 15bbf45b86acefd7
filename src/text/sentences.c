/* sentences.c - the sentences of an article's text outside chrome: glued
 * `했다.중국` split; decimals, dotted dates, initials and quoted speech
 * kept whole (see kg/text.h). */
#include <pthread.h>
#include <string.h>

#include "korean/grammar.h"
#include "text/textint.h"

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

/* Quotative endings that follow a quoted sentence inside a larger one
 * (grammar text: quote_tails), looked up once. */
static const char *const *quote_tails;
static pthread_once_t words_once = PTHREAD_ONCE_INIT;

static void words_init(void)
{
    quote_tails = kg_gram_words("text", "quote_tails");
}

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
            unsigned cp = 0xFFFD;
            kg_utf8_decode((const unsigned char *)s + j, b - j, &cp);
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
            /* glued sentences: 했다.중국 - split unless it is a word part;
             * 받았다.3일 too (a Hangul syllable, the stop, a digit) */
            unsigned pcp = 0;
            if (i > a) {
                size_t q = i - 1;
                while (q > a && ((unsigned char)s[q] & 0xC0) == 0x80)
                    q--;
                kg_utf8_decode((const unsigned char *)s + q, i - q, &pcp);
            }
            int glued_digit = is_digit(s[j]) && (unsigned char)s[i] == '.' && kg_is_hangul(pcp);
            if (!kg_is_hangul(cp) && !is_upper(s[j]) && cp != '"' && cp != '\'' && !closed_quote && !glued_digit) {
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

static void find_sentences(kg_text *t, text_line *ln, size_t nl, svec *sv)
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

void kg_txt_sentences(kg_text *t, text_line *ln, size_t nl)
{
    svec sv = { NULL, 0, 0 };
    pthread_once(&words_once, words_init);
    find_sentences(t, ln, nl, &sv);
    t->sent = sv.v;
    t->n_sent = sv.n;
}
