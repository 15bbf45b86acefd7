/* kg/layout.h - the canonical layout of a facts file, with its comments
 * kept (kg fmt, kg respan), and the list of facts files below a folder.
 *
 * Comments are kept by place: each full-line comment (and each blank
 * line, collapsed to one) belongs to the first line below it that starts
 * a key or a list item, an end-of-line comment to its own line; a line is
 * named by its YAML path, e.g. `events[id=e3].title` (list items by their
 * `id:` when it is unique in the list, else by index: `notes[0]`). In the
 * rewritten file each comment goes back before (or at the end of) the
 * line with the same path, indented like it. A comment whose path is gone
 * goes at the end of the file under a note naming the path: never dropped. */
#ifndef KG_LAYOUT_H
#define KG_LAYOUT_H

#include <stddef.h>

#include "kg/buf.h"
#include "kg/diag.h"
#include "kg/facts.h"

/* What happened to the comments of a file. */
typedef struct kg_layout_info {
    size_t comments;      /* comments found (blank lines not counted) */
    size_t orphans;       /* comments whose place is gone (moved to the end) */
    int orphan_line, orphan_col; /* where the first of them stood */
    char *orphan_path;    /* and the path it belonged to (malloc'd) */
} kg_layout_info;

void kg_layout_info_free(kg_layout_info *info);

/* Writes doc in the canonical layout (kg_facts_emit) into out, with the
 * comments and blank lines of text (the file doc was read from, whose
 * node tree doc->tree still is) put back. A trailing kg checksum line is
 * not a comment (the caller appends a new one when due). Returns 0, or
 * -1 with an error in d (name is the file name for it) when the text
 * cannot be scanned or the result would not read back as doc. */
int kg_facts_format(const kg_doc *doc, const char *name, const char *text, size_t len,
                    kg_buf *out, kg_layout_info *info, kg_diag *d);

/* The YAML path of every line of text (1-based; NULL for a line that
 * starts no key or item), as kg_facts_format names them; *n_lines gets
 * the number of lines. Free with kg_layout_paths_free. */
char **kg_layout_paths(const kg_node *tree, const char *text, size_t len, size_t *n_lines);
void kg_layout_paths_free(char **paths, size_t n_lines);

/* Adds path to files if it is a file, or every *.yaml and *.yml below it
 * if it is a folder (sorted, lexicon/ first, hidden files and folders
 * skipped, at most 8 levels deep; the walk of kg_facts_load_path).
 * Returns 0, or -1 (errno set) when path cannot be read. */
int kg_yaml_files(const char *path, kg_strv *files);

#endif
