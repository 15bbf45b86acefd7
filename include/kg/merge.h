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

#endif
