/* text.c - text intake (see kg/text.h): kg_text_load runs the phases in
 * order on one article or window: normalise (normalise.c), cut into
 * lines, chrome (chrome.c), the dateline (dateline.c), sentences
 * (sentences.c). Shared by `kg tag` and `kg extract`. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "text/textint.h"

/* A buffer of more bytes than this (a large window's) is freed after its
 * text instead of kept for the next. */
#define KG_TXT_KEEP ((size_t)1 << 20)

static pthread_key_t scr_key;
static pthread_once_t scr_once = PTHREAD_ONCE_INIT;

static void scr_free(void *p)
{
    kg_txt_scratch *x = p;
    free(x->ln);
    free(x->flags);
    free(x->words);
    free(x->ranges);
    free(x);
}

static void scr_init(void)
{
    pthread_key_create(&scr_key, scr_free);
}

/* The thread's buffers (made at the first use, freed when it exits). */
static kg_txt_scratch *scratch_get(void)
{
    pthread_once(&scr_once, scr_init);
    kg_txt_scratch *x = pthread_getspecific(scr_key);
    if (!x) {
        x = kg_xcalloc(1, sizeof *x);
        pthread_setspecific(scr_key, x);
    }
    return x;
}

/* Frees *p when its bytes are more than KG_TXT_KEEP. */
static void trim1(void **p, size_t *n, size_t size)
{
    if (*n * size > KG_TXT_KEEP) {
        free(*p);
        *p = NULL;
        *n = 0;
    }
}

int kg_text_load(kg_text *t, const char *src, size_t len, size_t base, unsigned flags,
                 const char *name, kg_diag *d)
{
    memset(t, 0, sizeof *t);
    t->src = src;
    t->len = len;
    t->base = base;
    if (kg_txt_normalise(t, flags, name, d) < 0) {
        t->norm = kg_xstrdup("");
        return -1;
    }
    /* lines (in the thread's buffer: an article has a few dozen) */
    kg_txt_scratch *scr = scratch_get();
    size_t nl = 0, cap = scr->ln_cap;
    text_line *ln = scr->ln;
    const char *s = t->norm;
    size_t i = 0;
    while (i <= t->norm_len) {
        const char *nlp = i < t->norm_len ? memchr(s + i, '\n', t->norm_len - i) : NULL;
        size_t e = nlp ? (size_t)(nlp - s) : t->norm_len;
        KG_VEC_PUSH(ln, nl, cap);
        text_line *l = &ln[nl++];
        l->s = i;
        l->e = e;
        l->ts = i;
        l->te = e;
        while (l->ts < l->te && kg_txt_is_sp(s[l->ts]))
            l->ts++;
        while (l->te > l->ts && kg_txt_is_sp(s[l->te - 1]))
            l->te--;
        if (!nlp)
            break;
        i = e + 1;
    }
    scr->ln = ln;
    scr->ln_cap = cap;
    kg_txt_chrome(t, ln, nl, !(flags & KG_TEXT_NO_CHROME), scr);
    kg_txt_dateline(t, ln, nl);
    if (!(flags & KG_TEXT_NO_SENTENCES))
        kg_txt_sentences(t, ln, nl);
    trim1((void **)&scr->ln, &scr->ln_cap, sizeof *scr->ln);
    trim1((void **)&scr->flags, &scr->flags_cap, 1);
    trim1((void **)&scr->words, &scr->words_cap, sizeof *scr->words);
    trim1(&scr->ranges, &scr->ranges_cap, 4 * sizeof(size_t)); /* (about a range's size) */
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

