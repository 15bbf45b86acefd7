/* facts/resolve.h - the corpus resolved across its files, for the
 * renderers and the store alike: full fact ids and the same-as groups of
 * events. (Internal: not part of kg.h.)
 *
 * A fact's full id is DOC/LOCAL: the id of its document, a slash, its id
 * in the file. A reference written in a file (a relation's from/to) is a
 * full id when it has a slash, else a local id of the same file. */
#ifndef KG_FACTS_RESOLVE_H
#define KG_FACTS_RESOLVE_H

#include <stddef.h>

#include "kg/buf.h"
#include "kg/facts.h"
#include "util/hmap.h"
#include "util/uf.h"

#define KG_NO_EVENT ((size_t)-1)

/* The full id of the fact local of doc, malloc'd ("-/LOCAL" when the
 * document has no id). */
char *kg_fact_id(const kg_doc *doc, const char *local);

/* The full id the reference ref, written in the document doc_id, names,
 * into b (reset first). */
void kg_fact_ref(kg_buf *b, const char *doc_id, const char *ref);

/* One event of the corpus under its full id. */
typedef struct kg_evrec {
    const kg_doc *doc;
    size_t doc_ix;        /* index of doc in the corpus */
    const kg_event *ev;
    char *fid;            /* full id (owned) */
} kg_evrec;

/* The events of the corpus's articles (documents with an id) in corpus
 * order (an event whose full id is taken, which kg check reports, is one
 * of its own that no reference names), and their
 * same-as groups: the events the same-as relations link (a reference that
 * names no such event is skipped). A group's root is its first event. */
typedef struct kg_events {
    kg_evrec *v;
    size_t n, cap;
    kg_hmap by_fid;       /* full id -> index + 1 */
    kg_uf same;
} kg_events;

void kg_events_build(kg_events *e, const kg_corpus *c);
void kg_events_free(kg_events *e);
/* The index of the event ref (written in doc) names, or KG_NO_EVENT. */
size_t kg_events_ref(const kg_events *e, const kg_doc *doc, const char *ref);
/* The index of the first event of i's same-as group. */
size_t kg_events_group(kg_events *e, size_t i);

#endif
