/* facts/resolve.h - the corpus resolved across its files, for the
 * renderers, the store, kg check and the tagger alike: full fact ids, the
 * same-as groups of events and the merged actors. (Internal: not part of
 * kg.h.)
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

/* ---- merged actors ----
 *
 * An actor id may be defined in several files (a lexicon and facts files).
 * The actor they define together follows one rule, whatever the order of
 * the paths a command is given:
 *
 *   - the definitions are taken lexicon files first, then the other files,
 *     each group in the byte order of the file paths, and within a file in
 *     the order written (kg_actor_def_cmp);
 *   - name, type, part_of and country (the `country` extension key) are
 *     each the first non-empty value a definition gives (none: NULL; the
 *     name then shows as the id, see kg_actor_name);
 *   - aliases are every name and alias of the definitions in that order,
 *     each once, empty ones and the merged name left out.
 *
 * The fields point into the definitions (or into what the caller of
 * kg_actor_merge_add keeps alive). */
typedef struct kg_merged_actor {
    const char *id, *name, *type, *part_of, *country;
    int place;            /* a definition says `place: true` (kg_actor_place_key) */
    const char **aliases;
    size_t n_aliases, cap_aliases;
    size_t first;         /* kg_actors: index of its first definition in defs */
} kg_merged_actor;

/* One definition of an actor in the corpus. */
typedef struct kg_actor_def {
    const kg_actor *a;
    const kg_doc *doc;
    size_t doc_ix;        /* index of doc in the corpus */
    size_t next;          /* the next definition of the same id, or KG_NO_DEF */
} kg_actor_def;

#define KG_NO_DEF ((size_t)-1)

/* The definitions with an id, in the rule's order, and the actors they
 * merge into, one per id, in the order of their first definitions. */
typedef struct kg_actors {
    kg_actor_def *defs;
    size_t n_defs;
    kg_merged_actor *v;
    size_t n, cap;
    kg_hmap by_id;        /* id -> index into v + 1 */
} kg_actors;

void kg_actors_build(kg_actors *m, const kg_corpus *c);
void kg_actors_free(kg_actors *m);
/* The merged actor id, or NULL when no file defines it. */
const kg_merged_actor *kg_actors_find(const kg_actors *m, const char *id);

/* The order of definitions (see the rule above): lexicon first, then by
 * path (strcmp); 0 for the same file. */
int kg_actor_def_cmp(int lexicon_a, const char *path_a, int lexicon_b, const char *path_b);

/* The merge one definition at a time, for a caller whose definitions are
 * not a corpus (the store's rows): init, then per definition in the
 * rule's order add and a name call for its name and each alias, then
 * end. add keeps the first non-empty value of each field; end takes
 * the merged name out of the aliases. */
void kg_actor_merge_init(kg_merged_actor *m, const char *id);
void kg_actor_merge_add(kg_merged_actor *m, const char *name, const char *type,
                        const char *part_of, const char *country);
void kg_actor_merge_name(kg_merged_actor *m, const char *name);
void kg_actor_merge_end(kg_merged_actor *m);
void kg_actor_merge_free(kg_merged_actor *m);

/* The name an actor shows: its name, else its id. */
const char *kg_actor_name(const kg_merged_actor *m);
/* The value of a definition's `country` key when it is a plain id (a
 * non-empty scalar), else NULL. */
const char *kg_actor_country_key(const kg_actor *a);

/* 1 if a's `place` extension key is true: the actor is a place too (a
 * city, a province), named as an actor only where it acts (see
 * names.yaml place_acting_particles); 0 otherwise. */
int kg_actor_place_key(const kg_actor *a);

#endif
