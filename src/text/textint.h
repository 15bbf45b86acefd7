/* textint.h - what the files of src/text/ (text intake, see kg/text.h)
 * share: the lines of the normalised text, the phases kg_text_load runs
 * (normalise.c, chrome.c, dateline.c, sentences.c) and a few character
 * helpers. The text stage stands on util, facts and korean only; the
 * tagger (src/tag) stands on it. Not API. */
#ifndef KG_TEXTINT_H
#define KG_TEXTINT_H

#include <stddef.h>
#include <stdint.h>

#include "kg/buf.h"
#include "kg/diag.h"
#include "kg/text.h"
#include "kg/utf8.h"
#include "korean/hangul.h" /* Hangul syllable tests: kg_is_hangul, kg_u8_syllable, kg_syl_leads */
#include "util/scan.h"

/* One line of the normalised text. */
typedef struct text_line {
    size_t s, e;     /* the line without its newline */
    size_t ts, te;   /* trimmed */
} text_line;

static inline int kg_txt_is_sp(char c)
{
    return c == ' ' || c == '\t';
}

/* ---- the phases of kg_text_load ---- */

/* Fills t->norm, t->norm_len and t->map from t->src (normalise.c).
 * Returns 0, or -1 on invalid UTF-8 without KG_TEXT_LENIENT (reported
 * in d). */
int kg_txt_normalise(kg_text *t, unsigned flags, const char *name, kg_diag *d);
/* Fills t->chrome and t->n_chrome (chrome.c); with find 0 there is none
 * (KG_TEXT_NO_CHROME). */
void kg_txt_chrome(kg_text *t, text_line *ln, size_t nl, int find);
/* Fills t->has_dateline, t->dateline, t->dateline_at (dateline.c). */
void kg_txt_dateline(kg_text *t, text_line *ln, size_t nl);
/* Fills t->sent and t->n_sent: the sentences outside chrome (sentences.c). */
void kg_txt_sentences(kg_text *t, text_line *ln, size_t nl);

/* ---- characters ----
 * (the Hangul syllable tests are korean/hangul.h's.) */


#endif
