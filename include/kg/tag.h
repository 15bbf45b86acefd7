/* kg/tag.h - finding mentions in a text: actors, times and figures.
 *
 * A kg_lexicon holds every actor of the lexicon files compiled into one
 * double-array trie over all names and aliases (built once, then shared
 * read-only by any number of taggings). kg_tag_text() walks a kg_text
 * (see kg/text.h) and appends one kg_mention per actor, time and figure it
 * finds, in text order, skipping page chrome:
 *
 *   - actors: longest lexicon match at a word start that ends at a word
 *     boundary or before particles (은/는/이/가/을/를/의/에서 ...); Latin
 *     aliases case-insensitively; an alias shared by several actors is
 *     resolved from the country written before it or last mentioned; and
 *     actors missing from the lexicon are discovered (한글(English)
 *     glosses, organisation suffixes, names before titles, acronyms), each
 *     with a slug id (the English gloss, or the Revised Romanization);
 *   - times: EDTF values relative to the document date (DCT);
 *   - figures: value, unit, counter and approximation.
 *
 * kg_mention_json() writes the JSON Lines form of `kg tag`. */
#ifndef KG_TAG_H
#define KG_TAG_H

#include <stddef.h>
#include <stdint.h>
#include "kg/buf.h"
#include "kg/diag.h"
#include "kg/edtf.h"
#include "kg/facts.h"
#include "kg/json.h" /* kg_json_escape, with the mentions' JSON */
#include "kg/text.h"

/* ---- the lexicon ---- */

typedef struct kg_lexicon kg_lexicon;

/* A new, empty lexicon. Free with kg_lexicon_free. */
kg_lexicon *kg_lexicon_new(void);
/* NULL is fine. Mentions that point at lexicon strings die with it. */
void kg_lexicon_free(kg_lexicon *lx);

/* Adds one actor with its name and aliases (copied). The same id added
 * twice merges the names. type and part_of may be NULL. Returns 0, or -1
 * after kg_lexicon_compile. */
int kg_lexicon_add(kg_lexicon *lx, const char *id, const char *name, const char *type,
                   const char *part_of, const char *const *aliases, size_t n_aliases);
/* Adds every actor defined in the corpus (lexicon files and documents). */
void kg_lexicon_add_corpus(kg_lexicon *lx, const kg_corpus *c);
/* Builds the automaton. Aliases that normalise to nothing are reported as
 * warnings. Returns 0. After it, kg_lexicon_add is refused. */
int kg_lexicon_compile(kg_lexicon *lx, kg_diag *d);
/* The compiled lexicon as bytes, appended to out, for a cache: stamp
 * (at most 4095 bytes) says what it was built from and must be given
 * again to read it back. Returns 0, or -1 when lx is not compiled or too
 * large. The bytes are this build's memory layout, not a file format. */
int kg_lexicon_save(const kg_lexicon *lx, const void *stamp, size_t stamp_len, kg_buf *out);
/* A compiled lexicon from bytes kg_lexicon_save wrote with the same
 * stamp, or NULL when they are anything else (another stamp, truncated,
 * damaged, inconsistent: every count, index and link is checked). */
kg_lexicon *kg_lexicon_load(const void *data, size_t len, const void *stamp, size_t stamp_len);
/* The same without a copy: data (from malloc) becomes the lexicon's, or
 * is freed when it is refused. */
kg_lexicon *kg_lexicon_load_owned(void *data, size_t len, const void *stamp, size_t stamp_len);
/* The checksum the saved bytes carry, and a helper that writes it anew
 * after the bytes were changed (tests, fuzzing). */
uint64_t kg_lexicon_blob_sum(const void *data, size_t len);
void kg_lexicon_blob_reseal(void *data, size_t len);
/* Number of actors and of distinct match keys (aliases after folding). */
size_t kg_lexicon_actors(const kg_lexicon *lx);
size_t kg_lexicon_keys(const kg_lexicon *lx);
/* Looks an exact alias up (case and spaces ignored); returns the actor's
 * id or NULL. */
const char *kg_lexicon_lookup(const kg_lexicon *lx, const char *alias);
/* The id at the top of id's part_of chain in the lexicon (중국 상무부 →
 * china), or id itself when it has none or is not there. */
const char *kg_lexicon_top(const kg_lexicon *lx, const char *id);

/* ---- mentions ---- */

typedef enum kg_mention_kind {
    KG_MENTION_ACTOR = 0,
    KG_MENTION_TIME,
    KG_MENTION_FIGURE
} kg_mention_kind;

typedef struct kg_mention {
    kg_mention_kind kind;
    size_t start, end;     /* byte offsets [start, end) into the file */
    size_t nstart, nend;   /* the same in the kg_text's normalised text:
                              the mention as written is t->norm + nstart */

    /* actors: id, canonical name and type; from the lexicon (valid while it
     * lives) or, for discovered actors, owned by the kg_mentions */
    const char *id, *name, *type;
    const char *how;       /* "lexicon", "gloss", "suffix", "title", "acronym", ... */
    /* optional: id, name, type and how as JSON, escaped beforehand (the
     * lexicon's; see kg_mention_json) */
    const char *json;
    unsigned json_head, json_len;

    /* times: EDTF text, "" for null (unknown) */
    char value[48];

    /* figures */
    double num, num_max;   /* num_max used when is_range */
    int is_range;
    const char *unit;      /* "count", "%", "USD", ... (static strings) */
    const char *counter;   /* for unit count: 개, 명 ... (static), or NULL */
    kg_approx approx;
} kg_mention;

typedef struct kg_mentions {
    kg_mention *v;
    size_t n, cap;
    /* storage for strings the mentions point at (private) */
    kg_pool pool;
} kg_mentions;

#define KG_MENTIONS_INIT { NULL, 0, 0, KG_POOL_INIT }

/* Empties the list (keeps memory). */
void kg_mentions_reset(kg_mentions *m);
/* Releases everything. NULL is fine. */
void kg_mentions_free(kg_mentions *m);

/* ---- tagging ---- */

enum {
    KG_TAG_NO_DISCOVERY = 1 << 0,  /* lexicon actors only */
    KG_TAG_NO_ACTORS = 1 << 1,
    KG_TAG_NO_TIMES = 1 << 2,
    KG_TAG_NO_FIGURES = 1 << 3
};

typedef struct kg_tag_opts {
    /* The document date. prec NONE: take the text's dateline, else unknown
     * (relative times get null). Year, month or day precision. */
    kg_edtf_point dct;
    unsigned flags;
} kg_tag_opts;

/* Finds the mentions of t and appends them to out, sorted by position.
 * lx may be NULL (no lexicon actors). The DCT used is written back to
 * *dct_used when not NULL (prec NONE if none). Returns 0. */
int kg_tag_text(const kg_lexicon *lx, const kg_text *t, const kg_tag_opts *opts, kg_mentions *out,
                kg_edtf_point *dct_used);

/* Appends one JSON object (no newline) for m, found in t: kind, id, name,
 * text, start, end, then value (times), or value, unit, counter, approx
 * (figures). Strings are escaped (quotes, backslash, control characters;
 * UTF-8 kept). */
void kg_mention_json(const kg_mention *m, const kg_text *t, kg_buf *out);
/* Appends the mentions ms->v[first..n) as JSON Lines: each object as
 * kg_mention_json writes it and a newline. head (headn bytes), when not
 * NULL, opens each object in place of its '{': `{"file":"PATH",` for
 * lines that name their file. */
void kg_mentions_json_lines(const kg_mentions *ms, size_t first, const kg_text *t, const char *head, size_t headn,
                            kg_buf *out);

/* Parses a --date argument (EDTF YYYY, YYYY-MM or YYYY-MM-DD) into *p.
 * Returns 0 or -1. */
int kg_dct_parse(const char *s, kg_edtf_point *p);

#endif
