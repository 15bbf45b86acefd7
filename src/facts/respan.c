/* respan.c - spans found again by their quotes: kg check's warning when a
 * quote no longer sits at its span, and kg respan's re-anchoring. */
#include <stdlib.h>
#include <string.h>

#include "kg/buf.h"
#include "kg/factio.h"
#include "kg/quote.h"

static const kg_node *span_node(const kg_node *item)
{
    const kg_node *v = kg_node_get(item, "span");
    return v ? v : item;
}

void kg_check_quote(kg_diag *d, const kg_doc *doc, const kg_node *n, long long start,
                    long long end, const char *quote, const char *text, size_t len)
{
    long long ns, ne;
    if (!quote || kg_quote_at(text, len, quote, start, end))
        return;
    int line = n ? n->line : 0, col = n ? n->col : 0;
    if (kg_quote_find(text, len, quote, start, end, &ns, &ne))
        kg_diag_warn(d, doc->path, line, col,
                     "span [%lld, %lld) moved: its text is now at [%lld, %lld); run 'kg respan %s'",
                     start, end, ns, ne, doc->path);
    else
        kg_diag_warn(d, doc->path, line, col,
                     "span [%lld, %lld) moved: its text is not found in the source text any "
                     "more; set the span (and its quote) by hand", start, end);
}

typedef struct job {
    kg_doc *doc;
    const char *text;
    size_t len;
    int changed, add_quotes;
    kg_respan_result *r;
    kg_diag *d;
} job;

static void one(job *j, const kg_node *item, kg_span *sp, char **quote)
{
    if (!sp->set)
        return;
    const kg_node *n = span_node(item);
    int line = n ? n->line : 0, col = n ? n->col : 0;
    const char *path = j->doc->path;
    long long ns, ne;
    if (*quote) {
        if (kg_quote_at(j->text, j->len, *quote, sp->start, sp->end))
            return;
        if (kg_quote_find(j->text, j->len, *quote, sp->start, sp->end, &ns, &ne)) {
            kg_diag_add(j->d, KG_SEV_NOTE, path, line, col, "span [%lld, %lld) -> [%lld, %lld)",
                        sp->start, sp->end, ns, ne);
            sp->start = ns;
            sp->end = ne;
            j->r->moved++;
        } else {
            kg_diag_error(j->d, path, line, col,
                          "span [%lld, %lld): its quote is not in the source text any more; "
                          "set the span (and its quote) by hand", sp->start, sp->end);
            j->r->unplaced++;
        }
        return;
    }
    if (j->changed) {
        kg_diag_error(j->d, path, line, col,
                      "span [%lld, %lld) has no quote to be found by, and the source text has "
                      "changed; set it by hand (next time, give spans quotes first: kg respan "
                      "--add-quotes on the unchanged text)", sp->start, sp->end);
        j->r->unplaced++;
    } else if (j->add_quotes) {
        *quote = kg_quote_make(j->text, j->len, sp->start, sp->end);
        if (*quote) {
            j->r->quoted++;
        } else {
            kg_diag_error(j->d, path, line, col,
                          "span [%lld, %lld) is empty, past the end of the source text or cuts "
                          "a character; cannot quote it", sp->start, sp->end);
            j->r->unplaced++;
        }
    }
}

int kg_respan(kg_doc *doc, const char *text, size_t len, int add_quotes, kg_respan_result *r,
              kg_diag *d)
{
    memset(r, 0, sizeof *r);
    if (!doc->has_header) {
        kg_diag_error(d, doc->path, 0, 0, "has no 'document:' header, so no spans to re-anchor");
        return -1;
    }
    char hex[65];
    kg_sha256_hex(text, len, hex);
    job j = { doc, text, len, 0, add_quotes, r, d };
    j.changed = doc->sha256 && strcmp(doc->sha256, hex) != 0;
    if (add_quotes && !doc->sha256) {
        const kg_node *h = kg_node_get(doc->tree, "document");
        kg_diag_error(d, doc->path, h ? h->line : 0, h ? h->col : 0,
                      "no sha256 in the document header, so kg cannot tell the source text is "
                      "the one the spans were made on; quotes not added");
        j.add_quotes = 0;
    }
    for (size_t i = 0; i < doc->n_events; i++)
        one(&j, doc->events[i].node, &doc->events[i].span, &doc->events[i].quote);
    for (size_t i = 0; i < doc->n_figures; i++)
        one(&j, doc->figures[i].node, &doc->figures[i].span, &doc->figures[i].quote);
    if (j.changed && !r->unplaced) {
        kg_set_str(&doc->sha256, hex);
        r->sha_updated = 1;
    }
    return 0;
}
