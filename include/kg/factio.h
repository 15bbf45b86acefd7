/* kg/factio.h - reading and writing facts files (YAML, through libyaml).
 *
 * Reading builds a kg_node tree with 1-based positions and converts it to
 * the model; every problem found on the way is added to the diag as an
 * error at the offending line and column, and loading goes on so that all
 * problems are reported at once. Writing emits the documented key order,
 * keeps unknown keys, and quotes only where YAML needs it. */
#ifndef KG_FACTIO_H
#define KG_FACTIO_H

#include <stddef.h>
#include <sys/types.h>
#include "kg/buf.h"
#include "kg/diag.h"
#include "kg/facts.h"

/* Limits against hostile input. */
#define KG_YAML_MAX_DEPTH 64
#define KG_YAML_MAX_NODES 20000000

/* Parses YAML text into a node tree. Returns the root (a MAP, SEQ or
 * SCALAR; an empty document gives NULL with no error) or NULL with errors
 * in d. name is used in findings. Caller frees with kg_node_free. */
kg_node *kg_yaml_parse(const char *name, const char *text, size_t len, kg_diag *d);

/* Converts a tree into a document (type errors go to d). Takes ownership
 * of tree. Always returns a document (possibly with fields missing). */
kg_doc *kg_doc_from_tree(const char *name, kg_node *tree, kg_diag *d);

/* Reads one facts or lexicon file. Returns 0, -1 on I/O error (reported in
 * d), 1 if the file had errors (reported; the document is still added if
 * it could be parsed as YAML). */
int kg_facts_load_file(kg_corpus *c, const char *path, kg_diag *d);
/* Loads a file, or every *.yaml / *.yml below a folder (sorted, so the
 * result does not depend on the file system; lexicon/ folders first).
 * Files named schema.json etc. are ignored. Same return as above. */
int kg_facts_load_path(kg_corpus *c, const char *path, kg_diag *d);
/* The same, one file at a time: each document read is given to each
 * (with c, which holds it and the documents loaded before) and freed when
 * each returns, so that a corpus of any size is read in bounded memory. */
typedef void (*kg_facts_each_fn)(void *ctx, const kg_corpus *c, const kg_doc *doc);
int kg_facts_each_path(kg_corpus *c, const char *path, kg_diag *d, kg_facts_each_fn each, void *ctx);

/* Writes doc as YAML into out (appending). Returns 0. */
int kg_facts_emit(const kg_doc *doc, kg_buf *out);

/* ---- safe writing ---- */

typedef enum kg_guard {
    KG_GUARD_ABSENT = 0,  /* no file there */
    KG_GUARD_OURS,        /* written by kg and unchanged since */
    KG_GUARD_EDITED,      /* changed by hand, or not written by kg */
    KG_GUARD_ERROR,       /* could not be read (errno set) */
    KG_GUARD_STREAM       /* a device or a pipe (/dev/null, /dev/stdout, a
                           * FIFO): no file to keep, written as it is */
} kg_guard;

/* The trailer kg appends to what it writes:
 * "# kg-checksum: sha256:<64 hex of every byte before this line>\n" */
#define KG_CHECKSUM_PREFIX "# kg-checksum: sha256:"

/* Appends the checksum trailer for the bytes already in b. */
void kg_checksum_append(kg_buf *b);
/* Tells whether the file at path may be overwritten without losing an edit. */
kg_guard kg_guard_check(const char *path);
/* Writes data to path atomically: a temporary file in the same folder,
 * fsync, rename. Returns 0, or -1 with errno set (the target untouched).
 * Only a regular file (or a new one) is replaced that way; a symbolic link
 * to a regular file has the file it leads to replaced; a character device
 * or FIFO is written in place (never created or truncated); anything else
 * is refused. It is a set of one (kg_outset below). */
int kg_write_atomic(const char *path, const void *data, size_t len);

/* The process's file-creation mask, read without changing it (safe to
 * call from any thread). */
mode_t kg_umask(void);

/* A set of output files replaced together or not at all: every regular
 * target is written to a temporary file beside it by kg_outset_add; only
 * kg_outset_commit renames them into place (and then writes the character
 * devices and FIFOs in place, whose data must stay valid until then).
 * kg_outset_free removes every temporary file not renamed. */
typedef struct kg_outset_item {
    char *path;        /* as given */
    char *target;      /* the regular file replaced (a link resolved) */
    char *tmp;         /* the staged temporary file, until renamed */
    int in_place, fd;  /* device/FIFO written in place; fd >= 0: /dev/stdout... */
    const void *data;  /* in place: written at commit */
    size_t len;
} kg_outset_item;
typedef struct kg_outset {
    kg_outset_item *v;
    size_t n, cap;
    char *failed;      /* the path that failed, or NULL */
    const char *why;   /* why (static), or NULL for strerror(err) */
    int err;
} kg_outset;
#define KG_OUTSET_INIT { NULL, 0, 0, NULL, NULL, 0 }
/* Stages one file. Returns 0, or -1 (errno set; kg_outset_error says why,
 * o->failed names the path); after a failure commit does nothing. */
int kg_outset_add(kg_outset *o, const char *path, const void *data, size_t len);
/* Renames every staged file into place, then writes the in-place ones.
 * Returns 0 or -1 as above. */
int kg_outset_commit(kg_outset *o);
/* Removes what was staged and not committed; frees. */
void kg_outset_free(kg_outset *o);
/* Why the set failed (a sentence piece for "cannot write 'P': ..."), or NULL. */
const char *kg_outset_error(const kg_outset *o);
/* Keeps data (the old content of path) as a backup that never replaces
 * another one: PATH.orig, or if that is taken PATH.orig.1, PATH.orig.2 ...
 * (up to KG_BACKUP_MAX). Each name is taken atomically and exclusively
 * (a temporary file hard-linked to the name, or O_EXCL where there are no
 * hard links), so neither a crash nor a race leaves a half backup or
 * clobbers an older one. The backup gets path's permissions. Returns the
 * name written (malloc'd), or NULL with errno set. */
#define KG_BACKUP_MAX 9999
char *kg_backup_keep(const char *path, const void *data, size_t len);
/* Writes a generated file with its checksum trailer, refusing (returns 1,
 * finding in d) if the existing file was edited by hand, unless force, in
 * which case the old file is first kept with kg_backup_keep (a note in d
 * names the backup). -1 on I/O error. */
int kg_write_guarded(const char *path, const char *data, size_t len, int force, kg_diag *d);

/* Reads a whole file. Returns a malloc'd NUL-terminated buffer (caller
 * frees) and its length in *len, or NULL with errno set. Refuses files
 * larger than max (EFBIG) when max > 0. */
char *kg_read_file(const char *path, size_t *len, size_t max);
/* Lower-case hex SHA-256 of data into out[65]. */
void kg_sha256_hex(const void *data, size_t len, char out[65]);
/* The same over pieces given one after another: kg_sha256_begin, then
 * kg_sha256_add for each, then kg_sha256_end (which frees it). */
typedef struct kg_sha256 kg_sha256;
kg_sha256 *kg_sha256_begin(void);
void kg_sha256_add(kg_sha256 *h, const void *data, size_t len);
void kg_sha256_end(kg_sha256 *h, char out[65]);

/* mkdir -p: makes the folder path and every missing folder above it
 * (mode 0777 & ~umask). With parent_only, the folders above path's last
 * component only (for a file about to be written there). Returns 0, or -1
 * with errno set (ENOTDIR when something there is not a folder). */
int kg_mkdirs(const char *path, int parent_only);

#endif
