/* kg/extract.h - from an article to a facts document: the document
 * header, events clause by clause, figures and relations.
 *
 * kg_extract() reads the bytes of one article, finds its mentions with the
 * tagger (kg/tag.h) and its sentences with the text intake (kg/text.h),
 * and builds a kg_doc in memory that kg_facts_emit() writes as a facts
 * file (shared/docs/facts-format.md):
 *
 *   - header: headline, publisher and author from the byline or dateline,
 *     `published` from the options or the dateline, the first URL, source,
 *     sha256 and a stable id slug;
 *   - events: a predicate of the event lexicon (or an event noun with a
 *     support verb, 규제를 강화하다) makes an event of its type; the verb
 *     ending decides whether the clause states an act (past, decided,
 *     reported) or only a state, an intention, a hypothesis or a forecast,
 *     which are left out; agent from the subject or topic, target from
 *     에 대한 / 을 겨냥해 / the object, date from the clause, else the
 *     sentence, else an explicit carry-over (이날, 당시);
 *   - relations: responds-to, causes, part-of and same-as from the cues of
 *     the event lexicon and from the grammar (-자, a meeting's 에서);
 *   - figures: the tagged figures with measure, subject and date.
 *
 * The event lexicon (kg_evlex) is data: yaml/lexicon/events.yaml, read
 * through the facts reader, where `event_types` and `relation_cues` land
 * in the document's extra keys. */
#ifndef KG_EXTRACT_H
#define KG_EXTRACT_H

#include <stddef.h>
#include "kg/diag.h"
#include "kg/edtf.h"
#include "kg/facts.h"
#include "kg/tag.h"

/* ---- the event lexicon ---- */

typedef struct kg_evlex kg_evlex;

/* A new, empty event lexicon. Free with kg_evlex_free (NULL is fine). */
kg_evlex *kg_evlex_new(void);
void kg_evlex_free(kg_evlex *ev);
/* Adds the `event_types` and `relation_cues` of every document of c that
 * has them (other documents are skipped). A malformed entry is a finding
 * in d at its line and column. Returns the number of errors. */
size_t kg_evlex_add_corpus(kg_evlex *ev, const kg_corpus *c, kg_diag *d);
/* Number of predicate and noun entries, and of relation cues. */
size_t kg_evlex_size(const kg_evlex *ev);
size_t kg_evlex_cues(const kg_evlex *ev);

/* ---- extraction ---- */

typedef struct kg_extract_opts {
    /* The document date: prec NONE takes the text's dateline, else none. */
    kg_edtf_point dct;
    /* Written as document.source (the path the offsets refer to); NULL
     * leaves it out. */
    const char *source;
    /* The file's name (for the id slug when the publisher is unknown, and
     * for findings); may be NULL. */
    const char *name;
    /* KG_TEXT_* flags for kg_text_load (KG_TEXT_LENIENT ...). */
    unsigned text_flags;
    /* The lexicon files the actors came from, or NULL: an actor's aliases
     * that the article's forms contain (팬 in "팬 연구원") are listed too,
     * so that the file names every form a reader may look for. */
    const kg_corpus *lexicon;
} kg_extract_opts;

/* Extracts the facts of the len bytes at src. lx (actors) and ev (event
 * lexicon) are read only and may be shared between threads. On success
 * returns 0 and *out gets a new document (caller frees with kg_doc_free);
 * on error (bytes that are not UTF-8 without KG_TEXT_LENIENT) returns -1
 * with the finding in d and *out NULL. Warnings may be added either way. */
int kg_extract(const kg_lexicon *lx, const kg_evlex *ev, const char *src, size_t len,
               const kg_extract_opts *o, kg_doc **out, kg_diag *d);

#endif
