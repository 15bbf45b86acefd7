/* header.c - the document header: the headline, who published and wrote
 * the article (bylines "(서울=연합뉴스) 권숙희 기자", "홍순도 베이징
 * 특파원", copyright lines "ⓒ 아시아투데이"), its date and URL, and an id
 * slug made of the publisher (or file name), the date and a few romanised
 * words of the headline, so that the same article gets the same id. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exhead.h"
#include "kg/check.h"
#include "kg/factio.h"
#include "korean/grammar.h"
#include "korean/romanize.h" /* kg_slug_append: Revised Romanization */
#include "kg/tag.h"

/* The news format is the grammar's (yaml/grammar/events.yaml), looked up
 * at the first header: byline titles (기자, 특파원; class after-city: a
 * city may stand between the name and the title), publishers with the
 * short id of their articles (field slug; others are romanised), and the
 * copyright and caption marks. */
static const char *const *byline_titles, *const *city_titles, *const *copyright_marks, *const *caption_marks;
static const kg_gram_list *publishers;
static pthread_once_t lists_once = PTHREAD_ONCE_INIT;

static void lists_init(void)
{
    byline_titles = kg_gram_words("events", "byline_titles");
    city_titles = kg_gram_class("events", "byline_titles", "after-city");
    publishers = kg_gram_list_get("events", "publishers");
    copyright_marks = kg_gram_words("events", "copyright_marks");
    caption_marks = kg_gram_words("events", "caption_marks");
}

static int hangul_run(const char *s, size_t a, size_t b)
{
    size_t n, k = 0;
    for (size_t i = a; i < b; i += n) {
        uint32_t c = ex_cp(s, b, i, &n);
        if (!ex_hangul(c))
            return 0;
        k++;
    }
    return (int)k;
}

/* The word that ends at e (Hangul, 2 to 4 syllables) or NULL. */
static char *name_before(const char *s, size_t lo, size_t e)
{
    while (e > lo && s[e - 1] == ' ')
        e--;
    size_t b = e;
    while (b > lo && s[b - 1] != ' ' && s[b - 1] != '\n' && s[b - 1] != ')' && s[b - 1] != '=')
        b--;
    int n = hangul_run(s, b, e);
    if (n < 2 || n > 4)
        return NULL;
    return kg_xstrndup(s + b, e - b);
}

/* Finds "NAME 기자" or "NAME [CITY] 특파원" not inside chrome. */
static char *find_author(const kg_text *t)
{
    const char *s = t->norm;
    size_t len = t->norm_len;
    char *best = NULL;
    size_t best_at = len;
    for (int k = 0; byline_titles[k]; k++) {
        /* " 기자": the title after a space */
        const char *title = byline_titles[k];
        size_t tl = strlen(title) + 1;
        int city = 0;
        for (int c = 0; city_titles[c]; c++)
            city |= !strcmp(city_titles[c], title);
        for (size_t i = 0; i + tl <= len; i++) {
            if (s[i] != ' ' || memcmp(s + i + 1, title, tl - 1) != 0)
                continue;
            size_t e = i + tl;
            /* 기자회견, 기자들: not a byline */
            if (e < len && s[e] != ' ' && s[e] != '\n' && s[e] != '=' && s[e] != '.' && s[e] != ',')
                continue;
            if (i >= best_at)
                break;
            size_t lo = i > 80 ? i - 80 : 0;
            char *nm = name_before(s, lo, i);
            if (!nm && city) {
                /* 홍순도 베이징 특파원: skip the city */
                size_t b = i;
                while (b > lo && s[b - 1] != ' ')
                    b--;
                if (b > lo)
                    nm = name_before(s, lo, b - 1);
            } else if (nm && city) {
                /* the word right before 특파원 may be the city */
                size_t b = i;
                while (b > lo && s[b - 1] != ' ')
                    b--;
                char *nm2 = b > lo ? name_before(s, lo, b - 1) : NULL;
                if (nm2) {
                    free(nm);
                    nm = nm2;
                }
            }
            if (nm) {
                free(best);
                best = nm;
                best_at = i;
                break;
            }
        }
    }
    return best;
}

/* "(서울=연합뉴스)", "ⓒ 아시아투데이", "<저작권자(c) 연합뉴스" */
static char *find_publisher(const kg_text *t)
{
    const char *s = t->norm;
    size_t len = t->norm_len;
    for (size_t i = 0; i + 1 < len && i < 4096; i++) {
        if (s[i] != '(')
            continue;
        size_t k = i + 1;
        while (k < len && k < i + 40 && s[k] != '=' && s[k] != ')' && s[k] != '\n')
            k++;
        if (k >= len || s[k] != '=')
            continue;
        size_t a = k + 1, b = a;
        while (b < len && b < a + 60 && s[b] != ')' && s[b] != '\n')
            b++;
        if (b < len && s[b] == ')' && b > a)
            return kg_xstrndup(s + a, b - a);
    }
    for (int m = 0; copyright_marks[m]; m++) {
        size_t ml = strlen(copyright_marks[m]);
        for (size_t i = 0; i + ml <= len; i++) {
            if (memcmp(s + i, copyright_marks[m], ml) != 0)
                continue;
            size_t a = i + ml;
            while (a < len && s[a] == ' ')
                a++;
            size_t b = a;
            while (b < len && s[b] != ',' && s[b] != ' ' && s[b] != '\n' && s[b] != '.' &&
                   s[b] != '>')
                b++;
            if (b > a && hangul_run(s, a, b) >= 2)
                return kg_xstrndup(s + a, b - a);
        }
    }
    return NULL;
}

/* The first line of article text, without a caption mark; into out. */
static void find_headline(const kg_text *t, const char *src, kg_buf *out, size_t *ns, size_t *ne)
{
    const char *s = t->norm;
    size_t ls = 0;
    *ns = *ne = 0;
    while (ls < t->norm_len) {
        size_t le = ls;
        while (le < t->norm_len && s[le] != '\n')
            le++;
        size_t a = ls;
        while (a < le && (s[a] == ' ' || kg_text_in_chrome(t, a)))
            a = kg_text_in_chrome(t, a) ? kg_text_chrome_end(t, a) : a + 1;
        if (a < le) {
            size_t b = a;
            while (b < le && !kg_text_in_chrome(t, b))
                b++;
            while (b > a && s[b - 1] == ' ')
                b--;
            /* ▲ ■ ● marks of captions and lists */
            for (int k = 0; caption_marks[k]; k++)
                if (ex_at(s, b, a, caption_marks[k])) {
                    a += strlen(caption_marks[k]);
                    while (a < b && s[a] == ' ')
                        a++;
                }
            if (b > a) {
                size_t oa = kg_text_src_offset(t, a), ob = kg_text_src_offset(t, b);
                size_t l = ob - oa;
                if (l > 160) {
                    /* a long first line: cut at a word boundary */
                    l = 160;
                    while (l > 0 && src[oa + l] != ' ')
                        l--;
                    while (l > 0 && ((unsigned char)src[oa + l] & 0xC0) == 0x80)
                        l--;
                    kg_buf_add(out, src + oa, l);
                    kg_buf_puts(out, "…");
                } else {
                    kg_buf_add(out, src + oa, l);
                }
                *ns = a;
                *ne = b;
                return;
            }
        }
        ls = le + 1;
    }
}

static const char *publisher_slug(const char *name)
{
    for (size_t i = 0; i < publishers->n; i++)
        if (strcmp(publishers->e[i].form, name) == 0)
            return kg_gram_field(&publishers->e[i], "slug"); /* NULL: romanised */
    return NULL;
}

static void slug_part(kg_buf *id, const char *s, size_t n)
{
    if (id->len && id->ptr[id->len - 1] != '-')
        kg_buf_putc(id, '-');
    kg_slug_append(id, s, n);
}

void ex_header(const kg_text *t, const kg_mentions *m, const kg_edtf_point *dct,
               const kg_extract_opts *o, const char *src, size_t len, kg_doc *doc)
{
    pthread_once(&lists_once, lists_init);
    kg_buf b = KG_BUF_INIT;
    size_t hs = 0, he = 0;
    find_headline(t, src, &b, &hs, &he);
    if (b.len)
        kg_set_str(&doc->title, b.ptr);
    kg_buf_free(&b);

    char *pub = find_publisher(t);
    char *author = find_author(t);
    kg_set_str(&doc->publisher, pub);
    kg_set_str(&doc->author, author);

    char date[32] = "";
    if (dct && dct->prec != KG_PREC_NONE) {
        kg_edtf e;
        memset(&e, 0, sizeof e);
        e.a = *dct;
        kg_edtf_format(&e, date, sizeof date);
        kg_date_set(&doc->published, date);
    }
    for (size_t i = 0; i < t->n_chrome; i++) {
        const kg_chrome *c = &t->chrome[i];
        if (c->kind != KG_CHROME_URL)
            continue;
        size_t a = c->r.start, e = c->r.end;
        if (e - a < 8 || e - a > 2000 || memcmp(src + a, "http", 4) != 0)
            continue;
        char *u = kg_xstrndup(src + a, e - a);
        size_t ul = strlen(u);
        static const char *const pics[] = { ".png", ".jpg", ".jpeg", ".gif", ".webp", NULL };
        int pic = 0;
        for (int k = 0; pics[k]; k++)
            if (ul > strlen(pics[k]) && strcmp(u + ul - strlen(pics[k]), pics[k]) == 0)
                pic = 1;
        if (!pic && kg_url_ok(u)) {
            kg_set_str(&doc->url, u);
            free(u);
            break;
        }
        free(u);
    }
    if (o->source)
        kg_set_str(&doc->source, o->source);
    char hex[65];
    kg_sha256_hex(src, len, hex);
    kg_set_str(&doc->sha256, hex);

    /* id: publisher-date-words */
    kg_buf id = KG_BUF_INIT;
    const char *ps = pub ? publisher_slug(pub) : NULL;
    if (ps)
        kg_buf_puts(&id, ps);
    else if (pub)
        slug_part(&id, pub, strlen(pub));
    else if (o->name) {
        const char *base = strrchr(o->name, '/');
        base = base ? base + 1 : o->name;
        const char *dot = strrchr(base, '.');
        size_t bl = dot && dot > base ? (size_t)(dot - base) : strlen(base);
        slug_part(&id, base, bl < 24 ? bl : 24);
    }
    if (!id.len)
        kg_buf_puts(&id, "doc");
    if (date[0]) {
        kg_buf_putc(&id, '-');
        for (const char *p = date; *p; p++)
            if (*p >= '0' && *p <= '9')
                kg_buf_putc(&id, *p);
    }
    /* words: the actors of the headline, then its first long word */
    int words = 0;
    for (size_t i = 0; i < m->n && words < 2; i++) {
        const kg_mention *a = &m->v[i];
        if (a->kind != KG_MENTION_ACTOR || a->nstart < hs || a->nend > he || !a->id ||
            !kg_is_slug(a->id) || strstr(id.ptr, a->id))
            continue;
        kg_buf_putc(&id, '-');
        kg_buf_puts(&id, a->id);
        words++;
    }
    for (size_t i = hs; i < he && words < 3;) {
        while (i < he && t->norm[i] == ' ')
            i++;
        size_t e = i;
        while (e < he && t->norm[e] != ' ')
            e++;
        ex_word w = { i, e, 0, 0, 0, 0, 0, 0 };
        ex_word_core(t->norm, &w);
        ex_word_particle(t->norm, &w);
        int actor = 0;
        for (size_t k = 0; k < m->n; k++)
            if (m->v[k].kind == KG_MENTION_ACTOR && m->v[k].nstart < w.ce && m->v[k].nend > w.cs)
                actor = 1;
        if (!actor && hangul_run(t->norm, w.cs, w.ps) >= 2) {
            slug_part(&id, t->norm + w.cs, w.ps - w.cs);
            words++;
        }
        i = e;
    }
    /* a slug: [a-z0-9][a-z0-9-]*, at most 64 characters */
    kg_buf clean = KG_BUF_INIT;
    for (size_t i = 0; i < id.len && clean.len < 64; i++) {
        char c = id.ptr[i];
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            (c == '-' && clean.len && clean.ptr[clean.len - 1] != '-'))
            kg_buf_putc(&clean, c);
    }
    while (clean.len && clean.ptr[clean.len - 1] == '-')
        clean.len--;
    clean.ptr[clean.len] = '\0';
    kg_set_str(&doc->id, clean.len ? clean.ptr : "doc");
    kg_buf_free(&clean);
    kg_buf_free(&id);
    free(pub);
    free(author);
}
