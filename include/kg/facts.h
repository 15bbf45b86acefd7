/* kg/facts.h - the facts model: documents, actors, events, figures and
 * relations, as in the facts format v1 (shared/docs/facts-format.md).
 *
 * A kg_corpus owns every document loaded into it; a document owns all its
 * strings and the YAML node tree it was read from (so that findings can
 * point at the line and column of any value, and keys kg does not know are
 * kept and written back). Every string field may be NULL when the file did
 * not give it. */
#ifndef KG_FACTS_H
#define KG_FACTS_H

#include <stddef.h>
#include "kg/edtf.h"

/* The version of kg and of the facts format it reads and writes. */
#define KG_VERSION "0.1.0"
#define KG_FORMAT_VERSION 1

/* ---- generic YAML node tree (what the file said, with positions) ---- */

typedef enum kg_node_kind { KG_NODE_SCALAR, KG_NODE_SEQ, KG_NODE_MAP } kg_node_kind;

typedef struct kg_node kg_node;
struct kg_node {
    kg_node_kind kind;
    int line, col;        /* 1-based start of the node */
    char *tag;            /* explicit tag, or NULL */
    char *value;          /* scalar text (NUL-terminated; may hold NULs if len says so) */
    size_t len;           /* scalar length in bytes */
    int style;            /* libyaml scalar or collection style it was read with */
    int plain;            /* scalar was plain (unquoted): null/number/bool resolution applies */
    kg_node **items;      /* SEQ: the items; MAP: key, value, key, value ... */
    size_t n;             /* number of pointers in items */
};

/* Finds the value of key in a MAP node; NULL if absent or node not a MAP. */
const kg_node *kg_node_get(const kg_node *map, const char *key);
/* Finds the key node itself (for positions of key findings). */
const kg_node *kg_node_key(const kg_node *map, const char *key);
/* True for a plain scalar that YAML 1.1/1.2 core reads as null (~, null, empty). */
int kg_node_is_null(const kg_node *n);
void kg_node_free(kg_node *n);
kg_node *kg_node_clone(const kg_node *n);

/* ---- model ---- */

/* Keys kg does not know, kept in their order so a rewrite keeps them. */
typedef struct kg_extra {
    char *key;
    kg_node *value;       /* owned */
} kg_extra;

typedef struct kg_extras {
    kg_extra *v;
    size_t n, cap;
} kg_extras;

typedef struct kg_strv {
    char **v;
    size_t n, cap;
} kg_strv;

void kg_strv_push(kg_strv *s, const char *str);
void kg_strv_free(kg_strv *s);
int kg_strv_has(const kg_strv *s, const char *str);

/* A date as written plus, if it parsed, its value. `text` NULL = null. */
typedef struct kg_date {
    char *text;
    int valid;            /* text parsed as EDTF */
    kg_edtf edtf;
} kg_date;

typedef struct kg_span {
    int set;
    long long start, end; /* byte offsets [start, end) into the source text */
} kg_span;

typedef struct kg_actor {
    char *id, *name, *type, *part_of;
    kg_strv aliases;
    kg_extras extra;
    const kg_node *node;  /* the actor's map in its document's tree */
} kg_actor;

typedef struct kg_event {
    char *id, *title, *type, *when;
    kg_date date;
    kg_strv agent, target;
    kg_span span;
    char *quote;          /* the text the span covered (kg/quote.h), or NULL */
    char *sentence;       /* the source text's sentence around the span as
                             the store holds it (kg_store_load), or NULL:
                             the renderers read the source text */
    kg_extras extra;
    const kg_node *node;
} kg_event;

typedef enum kg_approx {
    KG_APPROX_EXACT = 0,
    KG_APPROX_ABOUT,
    KG_APPROX_OVER,
    KG_APPROX_UNDER
} kg_approx;

typedef struct kg_figure {
    char *id;
    char *value_text;     /* the value as written (kept for writing back) */
    char *value_max_text; /* for a range [min, max]: the max as written */
    double value, value_max;
    int is_range;
    char *unit, *counter, *approx, *measure, *subject;
    kg_date date;
    kg_span span;
    char *quote;          /* the text the span covered (kg/quote.h), or NULL */
    char *sentence;       /* as kg_event's */
    kg_extras extra;
    const kg_node *node;
} kg_figure;

typedef struct kg_relation {
    char *id;             /* optional */
    char *from, *type, *to;
    kg_extras extra;
    const kg_node *node;
} kg_relation;

typedef struct kg_doc {
    char *path;           /* the file it was read from (or will be written to) */
    int is_lexicon;       /* has no `document:` header */
    char *version;        /* the `kg:` value as written ("1") */
    /* document header */
    int has_header;
    char *id, *title, *publisher, *author, *url, *source, *sha256;
    kg_date published;
    kg_extras header_extra;
    /* content */
    kg_actor *actors;     size_t n_actors, cap_actors;
    kg_event *events;     size_t n_events, cap_events;
    kg_figure *figures;   size_t n_figures, cap_figures;
    kg_relation *relations; size_t n_relations, cap_relations;
    kg_extras extra;      /* unknown top-level keys */
    /* where things are, for findings */
    kg_node *tree;        /* owned; NULL for a document built in memory */
} kg_doc;

typedef struct kg_corpus {
    kg_doc **docs;
    size_t n, cap;
    /* Counted by kg_facts_load_file/_path: files whose bytes were read
     * (also those that then failed to parse), and paths that could not be
     * read at all. */
    size_t files_read, paths_unread;
    /* Set before loading when positions are not needed (drawing): each
     * document's node tree is freed as soon as it is read, and the items'
     * `node` pointers are NULL. Saves most of the memory of a load. */
    int drop_trees;
    /* Folders a document's source text may be below besides its own
     * file's folder (the project's articles folder); see
     * kg_source_resolve. Freed with the corpus. */
    kg_strv source_roots;
    /* Grammar files met while loading (a mapping that starts with
     * `grammar:`, see doc/grammar.md): not facts, so not in docs; kg check
     * checks them with the grammar's own rules. Freed with the corpus. */
    kg_strv grammar_files;
} kg_corpus;

#define KG_CORPUS_INIT { NULL, 0, 0, 0, 0, 0 }

/* Allocates an empty document (all fields NULL/0). Free with kg_doc_free. */
kg_doc *kg_doc_new(void);
void kg_doc_free(kg_doc *doc);
/* Append a zeroed element and return it (owned by the document). */
kg_actor *kg_doc_add_actor(kg_doc *doc);
kg_event *kg_doc_add_event(kg_doc *doc);
kg_figure *kg_doc_add_figure(kg_doc *doc);
kg_relation *kg_doc_add_relation(kg_doc *doc);
/* Sets *field to a copy of value (NULL clears it), freeing the old one. */
void kg_set_str(char **field, const char *value);
/* Sets a date from EDTF text (NULL = null); returns 0 if it parsed. */
int kg_date_set(kg_date *d, const char *text);
void kg_date_free(kg_date *d);

/* Frees the document's node tree and clears every `node` pointer. */
void kg_doc_drop_tree(kg_doc *doc);
void kg_corpus_init(kg_corpus *c);
void kg_corpus_add(kg_corpus *c, kg_doc *doc);   /* takes ownership */
void kg_corpus_free(kg_corpus *c);
/* First document with that id, or NULL. */
kg_doc *kg_corpus_find_doc(const kg_corpus *c, const char *doc_id);
/* First definition of an actor id across the corpus (lexicons first in
 * load order), or NULL; *where gets its document when not NULL. */
const kg_actor *kg_corpus_find_actor(const kg_corpus *c, const char *id, const kg_doc **where);

/* Value sets of the format, NULL-terminated. */
extern const char *const kg_actor_types[];
extern const char *const kg_event_types[];
extern const char *const kg_relation_types[];
extern const char *const kg_approx_values[];
/* The keys the format defines in each place, NULL-terminated: the top of
 * a file, the document header, an actor, an event, a figure, a relation.
 * The reader keeps every other key as an extra. */
extern const char *const kg_top_keys[];
extern const char *const kg_header_keys[];
extern const char *const kg_actor_keys[];
extern const char *const kg_event_keys[];
extern const char *const kg_figure_keys[];
extern const char *const kg_relation_keys[];
/* 1 if s is an ASCII slug [a-z0-9][a-z0-9-]* */
int kg_is_slug(const char *s);
/* 1 if unit is one the format allows (ISO 4217 money codes included). */
int kg_unit_known(const char *unit);
/* The known unit closest to an unknown one ("usd" -> "USD", "precent" ->
 * "%"... by spelling), or NULL when none is close. */
const char *kg_unit_suggest(const char *unit);
int kg_in_list(const char *const *list, const char *s);

#endif
