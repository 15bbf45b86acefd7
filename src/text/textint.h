/* textint.h - what the files of src/text/ (text intake, see kg/text.h)
 * share: the lines of the normalised text, the phases kg_text_load runs
 * (normalise.c, chrome.c, dateline.c, sentences.c) and a few character
 * helpers. The text stage stands on util, facts and korean only; the
 * tagger (src/tag) stands on it. Not API. */
#ifndef KG_TEXTINT_H
#define KG_TEXTINT_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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

/* ---- the thread's buffers, kept from one text to the next ----
 * kg_text_load's working arrays (the lines, chrome's per-line flags, its
 * teaser table and its ranges) are taken from here instead of a malloc
 * and a free for each text; one that grew past a large window's size is
 * freed after its text. Only inside kg_text_load (which is not
 * reentered while one runs on the thread). */
typedef struct kg_txt_scratch {
    text_line *ln;
    size_t ln_cap;      /* lines */
    unsigned char *flags;
    size_t flags_cap;   /* bytes */
    size_t *words;
    size_t words_cap;   /* size_t words */
    void *ranges;
    size_t ranges_cap;  /* chrome.c's ranges */
} kg_txt_scratch;

/* scr->flags with room for n bytes, zeroed. */
static inline unsigned char *kg_txt_flags(kg_txt_scratch *scr, size_t n)
{
    if (n > scr->flags_cap) {
        free(scr->flags);
        scr->flags = kg_xmalloc(n);
        scr->flags_cap = n;
    }
    memset(scr->flags, 0, n);
    return scr->flags;
}

/* scr->words with room for n. */
static inline size_t *kg_txt_words(kg_txt_scratch *scr, size_t n)
{
    if (n > scr->words_cap) {
        free(scr->words);
        scr->words = kg_xmalloc(n * sizeof *scr->words);
        scr->words_cap = n;
    }
    return scr->words;
}

/* ---- the phases of kg_text_load ---- */

/* Fills t->norm, t->norm_len and t->map from t->src (normalise.c).
 * Returns 0, or -1 on invalid UTF-8 without KG_TEXT_LENIENT (reported
 * in d). */
int kg_txt_normalise(kg_text *t, unsigned flags, const char *name, kg_diag *d);
/* Fills t->chrome and t->n_chrome (chrome.c); with find 0 there is none
 * (KG_TEXT_NO_CHROME). */
void kg_txt_chrome(kg_text *t, text_line *ln, size_t nl, int find, kg_txt_scratch *scr);
/* Fills t->has_dateline, t->dateline, t->dateline_at (dateline.c). */
void kg_txt_dateline(kg_text *t, text_line *ln, size_t nl);
/* Fills t->sent and t->n_sent: the sentences outside chrome (sentences.c). */
void kg_txt_sentences(kg_text *t, text_line *ln, size_t nl);

/* ---- characters ----
 * (the Hangul syllable tests are korean/hangul.h's.) */


#endif
