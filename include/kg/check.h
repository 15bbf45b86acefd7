/* kg/check.h - validation of loaded facts (what `kg check` reports).
 *
 * kg_check looks at every document of a corpus and at the corpus as a
 * whole: value sets, slugs, duplicate ids, references across documents,
 * conflicting actor definitions, dates, spans against the source text and
 * its sha256, URLs. Findings go to d with the position of the value. */
#ifndef KG_CHECK_H
#define KG_CHECK_H

#include "kg/diag.h"
#include "kg/facts.h"

/* Returns the number of errors found (warnings do not count). */
size_t kg_check(const kg_corpus *c, kg_diag *d);
/* kg_check one document at a time, for a corpus too big to hold: add
 * checks a document on its own (as kg_check does; c gives the folders
 * its source text may be in) and keeps the little the checks across
 * documents need, so the document may be freed right after; end runs
 * those checks (actor references, events of other documents, duplicate
 * document ids, conflicting and cyclic actor definitions, names two
 * actors share) and returns the errors they found. The findings are
 * kg_check's, in its order. */
typedef struct kg_xcheck kg_xcheck;
kg_xcheck *kg_xcheck_new(void);
void kg_xcheck_add(kg_xcheck *x, const kg_corpus *c, const kg_doc *doc, kg_diag *d);
size_t kg_xcheck_end(kg_xcheck *x, kg_diag *d);
void kg_xcheck_free(kg_xcheck *x);

/* What kg_check finds in each document on its own (no reference to
 * another document or to an actor is looked up: the store's incremental
 * build checks those against the store). Returns the errors found. */
size_t kg_check_local(const kg_corpus *c, kg_diag *d);

/* Where a document's source text is. It resolves against the folder of
 * the document's file and may only be below that folder or below one of
 * c->source_roots (the project's articles folder), compared on real paths
 * after every symlink; a source that leads anywhere else is never read.
 * KG_SOURCE_OK sets *path to a malloc'd path to read (caller frees; the
 * file may still be missing); else *path is NULL. c may be NULL (no roots
 * but the file's folder). */
typedef enum kg_source_status {
    KG_SOURCE_NONE = 0,  /* the document names no source */
    KG_SOURCE_OK,        /* inside: *path is set */
    KG_SOURCE_OUTSIDE    /* leads out of every allowed folder: not read */
} kg_source_status;
kg_source_status kg_source_resolve(const kg_corpus *c, const kg_doc *doc, char **path);
/* The path kg_source_resolve gives, or NULL (no source, or outside). */
char *kg_source_path(const kg_corpus *c, const kg_doc *doc);

/* 1 if url is an absolute http:// or https:// URL with a host. */
int kg_url_ok(const char *url);

#endif
