/* kg/store.h - the SQLite store: the facts of a corpus loaded into an
 * ordinary SQLite file (tables documented in the README), kept up to date
 * incrementally, and the read-only questions asked of it (query, show,
 * path).
 *
 * Every function returns a status and adds what went wrong to a kg_diag
 * (the store's path as the finding's file, with sqlite3_errmsg() in the
 * message); none prints or exits. Output meant for a person (tables,
 * JSON, the facts of an actor, a chain of facts) is appended to a kg_buf
 * the caller owns. */
#ifndef KG_STORE_H
#define KG_STORE_H

#include <stddef.h>
#include "kg/buf.h"
#include "kg/diag.h"
#include "kg/facts.h"

struct sqlite3;

/* The layout of the tables, kept in PRAGMA user_version. A store with an
 * older version is rebuilt from the facts by kg_store_build; one with a
 * newer version is refused. */
#define KG_STORE_SCHEMA_VERSION 2
/* PRAGMA application_id of a kg store ("kgst"): a file with tables and
 * another id is not ours and is never overwritten. */
#define KG_STORE_APPLICATION_ID 0x6b677374

/* Status codes (kg_store_* return these; -1 .. 2). */
enum kg_store_status {
    KG_STORE_ERROR = -1,     /* database or I/O error, described in the diag */
    KG_STORE_OK = 0,
    KG_STORE_REFUSED = 1,    /* findings: the facts have errors, nothing found,
                                the build was cancelled; the store unchanged */
    KG_STORE_USAGE = 2       /* the request itself is wrong (e.g. SQL that
                                would write) */,
    KG_STORE_FULL = 3        /* kg_store_update: the changed files alone cannot
                                tell the build is right (a finding, or something
                                another file uses changed); nothing was written:
                                check and build the whole corpus instead */
};

typedef struct kg_store kg_store;

/* Open flags. */
#define KG_STORE_READONLY 0x1  /* SQLITE_OPEN_READONLY; the file must exist
                                  and be a current kg store. A journal left
                                  by an interrupted build is rolled back
                                  first (the store returns to its state
                                  before that build) */
#define KG_STORE_NO_RECOVER 0x2 /* with READONLY: report such a journal
                                   instead of rolling it back */

/* Opens the store at path (created, empty, when it does not exist and
 * READONLY is not given; its folder must exist). Foreign keys are on.
 * Returns 0 and sets *out (free with kg_store_close), or -1 with *out
 * NULL and a finding in d: cannot open, not a database, not a kg store,
 * schema too old (read-only) or too new. */
int kg_store_open(kg_store **out, const char *path, unsigned flags, kg_diag *d);
/* Closes the store; NULL is fine. */
void kg_store_close(kg_store *s);
/* The SQLite handle, owned by the store (do not close it). */
struct sqlite3 *kg_store_db(kg_store *s);

/* What a picture asks for (kg graph, timeline and report's --focus,
 * --depth, --from, --to, --type, --doc), for kg_store_load. */
typedef struct kg_store_pick {
    const char *focus;
    int depth;                    /* 0: 2 */
    const char *from, *to;        /* EDTF */
    const char *const *types;
    size_t n_types;
    const char *doc;
    int all_docs;                 /* every document's header (the report's
                                     table), not only those of the facts read */
    /* the folder the store's file keys are relative to, as reached from
     * here (the project's root: "." or "../.."); NULL: the keys as they are */
    const char *root;
} kg_store_pick;

/* Reads into c (empty) what a view with the options of p draws, as
 * documents of the facts model: every document's header, the merged
 * actors (as one lexicon, each actor defined once, with its `country`),
 * and the events, figures and relations p can select -- a superset, for
 * kg_view_build to select from exactly as from the facts files (see
 * load.c). *focus_id gets the actor p->focus names (malloc'd), NULL when
 * none does. Returns KG_STORE_OK, or KG_STORE_ERROR (said on d; c may
 * hold part of the store). */
int kg_store_load(kg_store *s, const kg_store_pick *p, kg_corpus *c, char **focus_id, kg_diag *d);

typedef struct kg_build_opts {
    int force_rebuild;    /* drop every table and load every document */
    /* Called before each document is loaded; a non-zero return cancels
     * the build (the transaction is rolled back, kg_store_build returns
     * KG_STORE_REFUSED). May be NULL. */
    int (*progress)(void *ctx, const char *file, size_t done, size_t total);
    void *ctx;
    /* An absolute folder (the project's): files below it are stored under
     * their path relative to it, so that a build from any folder of the
     * project finds the same files (documents.file); others, and all
     * when NULL, under the path as given. */
    const char *base;
    /* The fingerprint of the inputs this build read (the caller's: paths,
     * sizes and modification times of the facts files and their sources),
     * stored in meta (input_fingerprint) with the first line it was made
     * of (input_head: kg, schema, folders), so that the next build can
     * tell "nothing changed" without reading a file. May be NULL (the meta
     * rows are then cleared). */
    const char *fingerprint, *input_head;
    /* The rows of the inputs table (kind, path, line: the line each facts
     * file (kind f) and source text (s) had in the fingerprint), so that
     * the next build can tell which files changed without reading them:
     * input_rows "KIND\tLINE\n" to write (LINE starts with the path and a
     * tab), input_gone "KIND\tPATH\n" to delete; input_all: every other
     * row is deleted first. May be NULL. */
    const char *input_rows, *input_gone;
    int input_all;
} kg_build_opts;

typedef struct kg_build_stats {
    size_t files;         /* facts files in the corpus (lexicons included) */
    size_t loaded;        /* new or changed files (re)loaded */
    size_t unchanged;     /* files whose hash had not changed */
    size_t removed;       /* files in the store but no longer in the corpus */
    size_t actors, events, figures, relations, clusters; /* rows after */
    int created;          /* the schema was created (new store or rebuild) */
} kg_build_stats;

/* Brings the store in line with corpus c, in one transaction: runs
 * kg_check first and refuses (KG_STORE_REFUSED, findings in d, store
 * untouched) when it reports errors; warnings are kept in d. Files are
 * told apart by path; a file whose bytes (and whose source text) have the
 * same SHA-256 as when it was loaded is not reloaded; files of the store
 * missing from c lose their facts. Actors are merged by id across files,
 * same-as events get one cluster id. A store with an older schema (or
 * force_rebuild) is rebuilt and a note says so. opts and stats may be
 * NULL. Returns KG_STORE_OK, KG_STORE_REFUSED or KG_STORE_ERROR (the
 * previous store intact in the last two cases). */
/* Closes the store. A new store (the file did not exist when it was
 * opened for writing) is built under a temporary name beside it: after a
 * completed kg_store_build it is renamed into place here, otherwise
 * removed. Returns 0, or KG_STORE_ERROR (in d) when it could not be put
 * in place. kg_store_close does the same without reporting. */
int kg_store_finish(kg_store *s, kg_diag *d);
/* For --force-rebuild: when the file at path is a kg store by its header
 * (SQLite magic and kg's application_id) that SQLite finds damaged, it
 * is renamed to PATH.damaged (or .damaged.2 ...; its journal with it) and
 * a note added. Returns 1 if moved, 0 if nothing was done (no file, not
 * damaged, or not a kg store: then the normal checks speak), -1 on error. */
int kg_store_set_aside_damaged(const char *path, kg_diag *d);

int kg_store_build(kg_store *s, const kg_corpus *c, const kg_build_opts *opts,
                   kg_build_stats *stats, kg_diag *d);

/* Brings the store up to date when only the files of c changed (new or
 * edited; every other file of the last build is as it was) and the files
 * stored under the keys in removed (kg_store_file_key) are gone: in one
 * transaction, their rows are deleted and c's loaded, then the derived
 * rows (merged actors, same-as clusters, search) are updated. c is
 * checked on its own (kg_check_local), and what the other files hold is
 * checked against the store after the change: a reference to an actor or
 * event that no longer exists, a conflicting or cyclic actor definition,
 * a name another actor id has, a document id used twice. When any of this
 * finds something (or c has an error), nothing is written and the
 * answer is KG_STORE_FULL: the caller then checks the whole corpus (the
 * exact findings) and builds it with kg_store_build. Warnings of c are
 * added to d. A store that is new or of another schema is KG_STORE_FULL
 * too. Returns KG_STORE_OK, KG_STORE_FULL or KG_STORE_ERROR. */
int kg_store_update(kg_store *s, const kg_corpus *c, const kg_strv *removed, const kg_build_opts *opts,
                    kg_build_stats *stats, kg_diag *d);
/* kg_store_build fed one document at a time, for a corpus too big to
 * hold (the caller checks each document as it comes, kg_xcheck, and the
 * whole at the end): begin opens the transaction; add hashes the
 * document's file (and source text) and, when it is new or changed,
 * replaces its rows (c gives the folders its source may be in; the
 * document may be freed after); end with commit removes the files not
 * added, brings the merged actors, same-as clusters and search rows up
 * to date and commits, without it rolls everything back (the store as it
 * was). end frees b, also after a failed begin. Each returns
 * KG_STORE_OK or KG_STORE_ERROR (add: KG_STORE_REFUSED for a file given
 * twice), with the finding in d. */
typedef struct kg_store_stream kg_store_stream;
int kg_store_stream_begin(kg_store *s, const kg_build_opts *opts, kg_build_stats *stats, kg_diag *d,
                          kg_store_stream **b);
int kg_store_stream_add(kg_store_stream *b, const kg_corpus *c, const kg_doc *doc);
int kg_store_stream_end(kg_store_stream *b, int commit);

/* The key a file is stored under (documents.file): its path relative to
 * base when it is below it (after symlinks), else the path as given
 * without a leading ./ (malloc'd). */
char *kg_store_file_key(const char *path, const char *base);

/* The value of meta row KEY (malloc'd), or NULL when there is none. */
char *kg_store_meta(kg_store *s, const char *key);
/* The row counts of a build summary (files = documents stored; loaded,
 * unchanged and removed are left 0; a count that cannot be read is 0:
 * it only feeds a summary), from the meta row the last build wrote, else
 * counted. */
void kg_store_counts(kg_store *s, kg_build_stats *st);

typedef enum kg_query_format {
    KG_QUERY_TABLE = 0,   /* aligned columns (display width: Hangul is 2) */
    KG_QUERY_JSON = 1,    /* an array of objects per statement */
    KG_QUERY_CSV = 2      /* RFC 4180: a header record, then the rows (CRLF);
                             statements separated by an empty line */
} kg_query_format;

/* Runs every statement of sql and appends its rows to out. A statement
 * that would write (sqlite3_stmt_readonly false), ATTACH or DETACH is
 * refused with KG_STORE_USAGE before anything runs. SQL errors are
 * KG_STORE_USAGE with sqlite3_errmsg() in d; a failure while stepping is
 * KG_STORE_ERROR. Intended for a store opened READONLY. */
int kg_store_query(kg_store *s, const char *sql, kg_query_format fmt, kg_buf *out, kg_diag *d);

/* Where kg_store_query_run sends its output as it comes: data, or NULL
 * for "flush now". Returns 0, or -1 to stop the query (a write error; the
 * sink reports it). */
typedef int (*kg_query_sink)(void *ctx, const char *data, size_t len);
typedef struct kg_query_opts {
    kg_query_format fmt;
    long long limit;              /* at most this many rows per statement (0: all) */
    kg_query_sink sink;
    void *sink_ctx;
    volatile int *stop;           /* set (e.g. by a SIGINT handler) to stop; may be NULL */
} kg_query_opts;
/* As kg_store_query, streaming: a table is aligned on its first rows (up
 * to 1000, or half a second's worth) and the rest printed as they come;
 * JSON rows go out as they come. A stop request (*stop, or
 * sqlite3_interrupt) ends the query with KG_STORE_ERROR and "interrupted"
 * in d, after what was read is printed; more rows than limit add a note. */
int kg_store_query_run(kg_store *s, const char *sql, const kg_query_opts *o, kg_diag *d);

/* Appends to out the facts of an actor (by id, name or alias) or of an
 * event or figure (by full id `doc/e1`, by local id when only one
 * document has it, or by title), each with its sources: document id,
 * file, byte span and the sentence at the span when it was at hand at
 * build time. When what matches several things, lists them instead.
 * Returns 0, or KG_STORE_REFUSED with a finding when nothing matches. */
int kg_store_show(kg_store *s, const char *what, kg_buf *out, kg_diag *d);

/* Appends to out the shortest chain of facts linking actors a and b (ids,
 * names or aliases): a breadth-first search over actor - event - actor
 * (agent/target), event - event (relations; same-as clusters are one
 * event) and actor - actor (part_of) links, printed one step a line.
 * Returns 0, or KG_STORE_REFUSED with a finding when an actor is unknown
 * or nothing links them. */
int kg_store_path(kg_store *s, const char *a, const char *b, kg_buf *out, kg_diag *d);

#endif
