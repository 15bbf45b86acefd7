/* text.c - text intake (see kg/text.h): kg_text_load runs the phases in
 * order on one article or window: normalise (normalise.c), cut into
 * lines, chrome (chrome.c), the dateline (dateline.c), sentences
 * (sentences.c). Shared by `kg tag` and `kg extract`. */
#include <stdlib.h>
#include <string.h>

#include "text/textint.h"

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
    /* lines */
    size_t nl = 0, cap = 64; /* (an article has a few dozen lines) */
    text_line *ln = kg_xmalloc(cap * sizeof *ln);
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
    kg_txt_chrome(t, ln, nl, !(flags & KG_TEXT_NO_CHROME));
    kg_txt_dateline(t, ln, nl);
    if (!(flags & KG_TEXT_NO_SENTENCES))
        kg_txt_sentences(t, ln, nl);
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

