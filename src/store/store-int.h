/* store-int.h - what the files of src/store share and nobody else sees:
 * the body of kg_store, error helpers, a string set/map, JSON escaping
 * and display width. */
#ifndef KG_STORE_INT_H
#define KG_STORE_INT_H

#include <sqlite3.h>
#include "kg/store.h"

struct kg_store {
    sqlite3 *db;
    char *path;           /* owned */
    unsigned flags;
    char *tmp;            /* a new store is built here and renamed to path
                           * when a build completes (owned), or NULL */
    int complete;         /* a build completed: the temporary file goes in place */
};

/* A date --from/--to cannot find by its first day alone (load.c): open,
 * longer than KG_SHORT_DAYS, or not ISO text; the partial indexes on it
 * and the queries spell it the same way. */
#define KG_SHORT_DAYS 31
#define KG_ODD_DATE                                                                       \
    "date IS NOT NULL AND (date_start IS NULL OR date_end IS NULL OR length(date_start) <> 10" \
    " OR length(date_end) <> 10 OR julianday(date_end) - julianday(date_start) > 31)"

/* The CREATE statements of the current schema (store.c). */
extern const char kg__store_schema_sql[];
/* Indexes added after the schema's version was set: part of every new
 * store, and added to an older store of the same version when a build
 * opens it (IF NOT EXISTS; a kg that does not know them ignores them).
 * documents_build: the documents a build loaded (its search rows, the
 * same-as clusters it may change), without a scan of every document. */
#define KG__STORE_LATER_INDEXES "CREATE INDEX IF NOT EXISTS documents_build ON documents(build);\n"

/* Adds "what: sqlite3_errmsg(db)" as an error at the store's path;
 * returns KG_STORE_ERROR. */
int kg__store_fail(kg_store *s, kg_diag *d, const char *what);
/* Prepares sql (a literal) or adds an error; returns NULL on failure. */
sqlite3_stmt *kg__store_prepare(kg_store *s, kg_diag *d, const char *sql);
/* Checks that the schema of an open store is the current one; fills d and
 * returns -1 otherwise. *version gets user_version. */
int kg__store_schema_ok(kg_store *s, kg_diag *d);
/* Column text as a C string, "" for NULL. */
const char *kg__col(sqlite3_stmt *st, int i);
/* Column i as text for a terminal: control characters escaped (kg/esc.h),
 * newlines too. The text lives in one of 16 buffers taken in turn (show.c);
 * kg__tcol_free releases them when the output is made. */
const char *kg__tcol(sqlite3_stmt *st, int i);
/* s escaped the same way, in the same buffers. */
const char *kg__tstr(const char *s);
void kg__tcol_free(void);
/* Prepares sql, binds id to ?1 and steps to its row: the statement, or
 * NULL with *rc KG_STORE_REFUSED (no such row) or KG_STORE_ERROR. */
sqlite3_stmt *kg__store_row(kg_store *s, kg_diag *d, const char *sql, const char *id, int *rc);
/* Appends "id (name)" of an actor ("id" alone when it has no row). */
void kg__actor_ref(kg_store *s, kg_buf *out, const char *id);

/* ---- a set / map of strings (open addressing, keys copied) ---- */
typedef struct kg_strmap {
    char **keys;
    long *vals;
    size_t n, cap;
} kg_strmap;

/* Returns the slot of key, or -1. */
long kg__strmap_find(const kg_strmap *m, const char *key);
/* Sets key to val; returns 1 if key was new. */
int kg__strmap_put(kg_strmap *m, const char *key, long val);
/* Value of key, or dflt. */
long kg__strmap_get(const kg_strmap *m, const char *key, long dflt);
void kg__strmap_free(kg_strmap *m);

/* ---- text helpers ---- */
/* Appends s (len bytes) as a JSON string with quotes; invalid UTF-8 becomes
 * U+FFFD, control characters \uXXXX. */
void kg__json_str(kg_buf *b, const char *s, size_t len);
/* Decodes one UTF-8 sequence at s (n bytes left) with kg_utf8_decode (the
 * one strict decoder, kg/utf8.h): returns its length and
 * the code point in *cp, or 1 with *cp = -1 for an invalid byte. */
size_t kg__utf8_next(const unsigned char *s, size_t n, int *cp);
/* Terminal display width of a code point (0, 1 or 2). */
int kg__cp_width(int cp);
/* Appends a code point as UTF-8. */
void kg__utf8_put(kg_buf *b, int cp);

/* ---- lookups shared by show and path ---- */
/* Resolves an actor by id, then by name or alias (case-insensitive).
 * Returns 1 and *id (malloc'd) when exactly one matches, 0 when none,
 * and n > 1 with the candidates listed in *cands (one per line) when
 * ambiguous. */
int kg__store_find_actor(kg_store *s, const char *what, char **id, kg_buf *cands, kg_diag *d);

#endif
