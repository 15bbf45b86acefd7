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

/* Resolves a document's `source` against the folder of its file: returns
 * a malloc'd path (caller frees), or NULL if the document has no source. */
char *kg_source_path(const kg_doc *doc);

/* 1 if url is an absolute http:// or https:// URL with a host. */
int kg_url_ok(const char *url);

#endif
