/* text.c - text intake (see kg/text.h): kg_text_load runs the phases in
 * order on one article or window: normalise (normalise.c), cut into
 * lines, chrome (chrome.c), the dateline (dateline.c), sentences
 * (sentences.c). Shared by `kg tag` and `kg extract`. */
#include <stdlib.h>
#include <string.h>

#include "text/textint.h"
#include "util/tls.h"

/* A buffer of more bytes than this (a large window's) is freed after its
 * text instead of kept for the next. */
#define KG_TXT_KEEP ((size_t)1 << 20)

static void scr_free(void *p)
{
    kg_txt_scratch *x = p;
    free(x->ln);
    free(x->flags);
    free(x->words);
    free(x->ranges);
    free(x);
}

/* The thread's buffers (made at the first use, freed when it exits). */
static kg_tls scr_tls = KG_TLS_INIT(kg_txt_scratch, scr_free);

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
    kg_txt_scratch *scr = kg_tls_get(&scr_tls);
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
    kg_tls_trim((void **)&scr->ln, &scr->ln_cap, sizeof *scr->ln, KG_TXT_KEEP);
    kg_tls_trim((void **)&scr->flags, &scr->flags_cap, 1, KG_TXT_KEEP);
    kg_tls_trim((void **)&scr->words, &scr->words_cap, sizeof *scr->words, KG_TXT_KEEP);
    kg_tls_trim(&scr->ranges, &scr->ranges_cap, 4 * sizeof(size_t), KG_TXT_KEEP); /* (about a range's size) */
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

