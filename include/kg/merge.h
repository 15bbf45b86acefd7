/* kg/merge.h - re-extracting over a facts file a person has edited: a
 * three-way merge of the text kg last wrote (the base), the file as the
 * person left it (hand) and what kg writes now (machine).
 *
 * The merge works on the text, so comments and hand formatting stay. A
 * file is split into blocks: the top-level keys; inside `document:` each
 * key; inside actors, events and figures each item (keyed by id) and
 * inside each item each key; each relation (keyed by from, type and to).
 * Comment and blank lines belong to the block below them. For each block:
 * hand == base takes the machine's text; machine == base keeps hand's;
 * both changed keeps hand's and reports a conflict (a warning at the hand
 * file's line, saying what kg now says). Blocks new in the machine text
 * are appended to their section; blocks the machine dropped go if the
 * person never touched them; blocks the person deleted stay deleted (and
 * so do new machine relations to an event the person deleted). */
#ifndef KG_MERGE_H
#define KG_MERGE_H

#include <stddef.h>

#include "kg/buf.h"
#include "kg/diag.h"

/* Where kg keeps the last text it wrote to path, to merge against later:
 * DIR/.kg/NAME for DIR/NAME (hidden folders are skipped by every loader).
 * Returns a malloc'd path. */
char *kg_merge_base_path(const char *path);

/* Merges as described above and appends the result to out (without a
 * checksum trailer: it holds hand edits). name is the hand file's path for
 * findings. Conflicts are warnings in d. Returns the number of conflicts,
 * or -1 (an error in d, out untouched) when the result would not be valid
 * YAML. */
long kg_facts_merge(const char *name, const char *base, size_t blen, const char *hand,
                    size_t hlen, const char *mach, size_t mlen, kg_buf *out, kg_diag *d);

struct kg_doc;
/* Before a merge: gives the events and figures kg extracts now (doc) the
 * ids the same facts had in what kg wrote last (base), so that a sentence
 * added early in an article does not renumber every later event and pair
 * unrelated ones. The same fact, in passes from strict to loose, each
 * base fact taken once: the same quote; the same title and type (figures:
 * value, unit and measure); the same type, agents and targets (figures:
 * unit and measure), for a reworded sentence; last, the same id. Facts new to kg get ids used in neither base nor
 * hand (the person's file, may be NULL); relations follow their events.
 * Returns how many ids changed. */
size_t kg_doc_align_ids(struct kg_doc *doc, const struct kg_doc *base, const struct kg_doc *hand);

#endif
