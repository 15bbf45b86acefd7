/* kg/quote.h - the text a span covered, kept beside the span in the facts
 * (`quote:`) so that the span can be found again after the article was
 * edited (kg check says which spans moved, kg respan re-anchors them).
 *
 * The form: the spanned text itself when it has at most KG_QUOTE_WHOLE
 * characters (code points); else its first and its last KG_QUOTE_PART
 * characters joined by " … " (space, U+2026, space). Cuts fall on UTF-8
 * character boundaries. Line breaks and other characters stay as they
 * are (the YAML writer escapes them). */
#ifndef KG_QUOTE_H
#define KG_QUOTE_H

#include <stddef.h>

#define KG_QUOTE_WHOLE 48
#define KG_QUOTE_PART 20
#define KG_QUOTE_SEP " \xE2\x80\xA6 "

/* The sentence around text[start, end) (start <= end <= len), the one
 * quoted by `kg show` (the store's spans) and the renderers' tooltips:
 * from just after the previous sentence end to the next sentence end
 * (inclusive), looking at most KG_SENTENCE_REACH bytes either way, with
 * white space trimmed, on UTF-8 boundaries. A sentence ends at '.', '!'
 * or '?' before white space (or the end of the text), or at a line break.
 * Sets [*a, *b). */
#define KG_SENTENCE_REACH 600
void kg_span_sentence(const char *text, size_t len, size_t start, size_t end,
                      size_t *a, size_t *b);

/* The quote of text[start, end), malloc'd; NULL when the span is empty,
 * outside the text, or does not start and end on character boundaries. */
char *kg_quote_make(const char *text, size_t len, long long start, long long end);

/* 1 if quote is what text[start, end) gives (the span still covers it). */
int kg_quote_at(const char *text, size_t len, const char *quote, long long start, long long end);

/* Finds quote in text, the occurrence nearest to the old span [start,
 * end); 1 with the new offsets in *ns, *ne, or 0 when it is not there. */
int kg_quote_find(const char *text, size_t len, const char *quote, long long start,
                  long long end, long long *ns, long long *ne);

/* kg check's part: when quote no longer sits at span sp of doc in the
 * source text, a warning at node n: where the text is now and to run
 * kg respan, or that it is not in the text any more. */
struct kg_diag;
struct kg_doc;
struct kg_node;
void kg_check_quote(struct kg_diag *d, const struct kg_doc *doc, const struct kg_node *n,
                    long long start, long long end, const char *quote, const char *text,
                    size_t len);

/* What kg_respan did. */
typedef struct kg_respan_result {
    size_t moved;         /* spans re-anchored */
    size_t unplaced;      /* spans it could not place (errors in d) */
    size_t quoted;        /* quotes filled in (add_quotes) */
    int sha_updated;      /* doc->sha256 now names text */
} kg_respan_result;

/* Re-anchors every span of doc (read from a file, node tree kept) that
 * has a quote to the occurrence of the quote in text nearest to its old
 * place; each move is a note in d, each span it cannot place an error at
 * the span. When every span is placed, doc->sha256 becomes text's. With
 * add_quotes, spans without a quote get one, which needs text to be the
 * text the spans were made on (its sha256 is the document's); else an
 * error. Returns 0, or -1 when the document has nothing to work on (no
 * header: error in d). */
int kg_respan(struct kg_doc *doc, const char *text, size_t len, int add_quotes,
              kg_respan_result *r, struct kg_diag *d);

#endif
