/* store.c - opening and closing the SQLite store, its schema (the tables,
 * indexes, views and full-text triggers of KG_STORE_SCHEMA_VERSION), and
 * the checks that a file is a kg store of the right version. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kg/factio.h"
#include "store-int.h"

/* The schema. Foreign keys from one table to another are deferred so that
 * a document can be deleted and loaded again inside the build transaction
 * while other documents point at its events; they are checked at COMMIT.
 * FTS rows are keyed by pk*4 + kind (1 event, 2 figure, 3 actor) so that
 * they can be deleted without a scan. The build writes them in a few
 * big statements rather than from triggers: FTS5 flushes its pending
 * terms at every statement that touches it, which made row-by-row
 * triggers cost half the build. */
const char kg__store_schema_sql[] =
    "CREATE TABLE meta(\n"
    "  key TEXT PRIMARY KEY,\n"
    "  value TEXT\n"
    ") WITHOUT ROWID;\n"
    "CREATE TABLE documents(\n"
    "  doc INTEGER PRIMARY KEY AUTOINCREMENT,\n"
    "  id TEXT UNIQUE,\n"
    "  file TEXT NOT NULL UNIQUE,\n"
    "  file_sha256 TEXT NOT NULL,\n"
    "  kind TEXT NOT NULL CHECK (kind IN ('article', 'lexicon')),\n"
    "  title TEXT,\n"
    "  publisher TEXT,\n"
    "  author TEXT,\n"
    "  published TEXT,\n"
    "  published_start TEXT,\n"
    "  published_end TEXT,\n"
    "  url TEXT,\n"
    "  source TEXT,\n"
    "  source_path TEXT,\n"
    "  source_sha256 TEXT,\n"
    "  source_seen_sha256 TEXT,\n"
    "  loaded_at TEXT NOT NULL,\n"
    "  build INTEGER NOT NULL\n"
    ");\n"
    KG__STORE_LATER_INDEXES
    "CREATE TABLE actor_defs(\n"
    "  actor TEXT NOT NULL,\n"
    "  doc INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,\n"
    "  name TEXT,\n"
    "  type TEXT,\n"
    "  part_of TEXT,\n"
    "  aliases TEXT NOT NULL DEFAULT '[]',\n"
    "  country TEXT,\n"
    "  PRIMARY KEY (actor, doc)\n"
    ") WITHOUT ROWID;\n"
    "CREATE INDEX actor_defs_doc ON actor_defs(doc);\n"
    "CREATE INDEX actor_defs_country ON actor_defs(actor)\n"
    "  WHERE country IS NOT NULL AND country <> '';\n"
    "CREATE TABLE actors(\n"
    "  pk INTEGER PRIMARY KEY,\n"
    "  id TEXT NOT NULL UNIQUE,\n"
    "  name TEXT NOT NULL,\n"
    "  type TEXT,\n"
    "  part_of TEXT REFERENCES actors(id) DEFERRABLE INITIALLY DEFERRED,\n"
    "  defined_in INTEGER REFERENCES documents(doc) DEFERRABLE INITIALLY DEFERRED\n"
    ");\n"
    "CREATE INDEX actors_part_of ON actors(part_of);\n"
    "CREATE INDEX actors_name ON actors(name COLLATE NOCASE);\n"
    "CREATE TABLE aliases(\n"
    "  actor TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE\n"
    "    DEFERRABLE INITIALLY DEFERRED,\n"
    "  alias TEXT NOT NULL,\n"
    "  PRIMARY KEY (actor, alias)\n"
    ") WITHOUT ROWID;\n"
    "CREATE INDEX aliases_alias ON aliases(alias COLLATE NOCASE);\n"
    "CREATE TABLE events(\n"
    "  pk INTEGER PRIMARY KEY,\n"
    "  id TEXT NOT NULL UNIQUE,\n"
    "  doc INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,\n"
    "  local_id TEXT NOT NULL,\n"
    "  title TEXT,\n"
    "  type TEXT,\n"
    "  date TEXT,\n"
    "  date_start TEXT,\n"
    "  date_end TEXT,\n"
    "  date_approx INTEGER NOT NULL DEFAULT 0,\n"
    "  date_uncertain INTEGER NOT NULL DEFAULT 0,\n"
    "  when_text TEXT,\n"
    "  cluster TEXT NOT NULL\n"
    ");\n"
    "CREATE INDEX events_doc ON events(doc);\n"
    "CREATE INDEX events_local ON events(local_id);\n"
    "CREATE INDEX events_cluster ON events(cluster);\n"
    "CREATE INDEX events_date ON events(date_start);\n"
    /* the dates --from/--to select by: a short one by its start, the
     * others (open, long, or not as ISO text) all read */
    "CREATE INDEX events_odd_date ON events(cluster) WHERE " KG_ODD_DATE ";\n"
    "CREATE INDEX events_type ON events(type);\n"
    "CREATE TABLE event_actors(\n"
    "  event TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE\n"
    "    DEFERRABLE INITIALLY DEFERRED,\n"
    "  role TEXT NOT NULL CHECK (role IN ('agent', 'target')),\n"
    "  actor TEXT NOT NULL REFERENCES actors(id) DEFERRABLE INITIALLY DEFERRED,\n"
    "  ord INTEGER NOT NULL,\n"
    "  PRIMARY KEY (event, role, actor)\n"
    ") WITHOUT ROWID;\n"
    "CREATE INDEX event_actors_actor ON event_actors(actor);\n"
    "CREATE TABLE figures(\n"
    "  pk INTEGER PRIMARY KEY,\n"
    "  id TEXT NOT NULL UNIQUE,\n"
    "  doc INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,\n"
    "  local_id TEXT NOT NULL,\n"
    "  value NUMERIC,\n"
    "  value_max NUMERIC,\n"
    "  value_text TEXT,\n"
    "  unit TEXT,\n"
    "  counter TEXT,\n"
    "  approx TEXT NOT NULL DEFAULT 'exact',\n"
    "  measure TEXT,\n"
    "  subject TEXT REFERENCES actors(id) DEFERRABLE INITIALLY DEFERRED,\n"
    "  date TEXT,\n"
    "  date_start TEXT,\n"
    "  date_end TEXT\n"
    ");\n"
    "CREATE INDEX figures_doc ON figures(doc);\n"
    "CREATE INDEX figures_subject ON figures(subject);\n"
    "CREATE INDEX figures_date ON figures(date_start);\n"
    "CREATE INDEX figures_odd_date ON figures(pk) WHERE " KG_ODD_DATE ";\n"
    "CREATE TABLE relations(\n"
    "  pk INTEGER PRIMARY KEY,\n"
    "  doc INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,\n"
    "  local_id TEXT,\n"
    "  from_event TEXT NOT NULL REFERENCES events(id) DEFERRABLE INITIALLY DEFERRED,\n"
    "  type TEXT NOT NULL,\n"
    "  to_event TEXT NOT NULL REFERENCES events(id) DEFERRABLE INITIALLY DEFERRED\n"
    ");\n"
    "CREATE INDEX relations_doc ON relations(doc);\n"
    "CREATE INDEX relations_from ON relations(from_event);\n"
    "CREATE INDEX relations_to ON relations(to_event);\n"
    "CREATE INDEX relations_type ON relations(type);\n"
    "CREATE TABLE spans(\n"
    "  fact TEXT PRIMARY KEY,\n"
    "  kind TEXT NOT NULL CHECK (kind IN ('event', 'figure')),\n"
    "  doc INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,\n"
    "  start_byte INTEGER NOT NULL,\n"
    "  end_byte INTEGER NOT NULL,\n"
    "  text TEXT,\n"
    "  sentence TEXT,\n"
    "  quote TEXT\n"
    ") WITHOUT ROWID;\n"
    "CREATE INDEX spans_doc ON spans(doc);\n"
    "CREATE VIRTUAL TABLE search USING fts5(\n"
    "  text, kind UNINDEXED, ref UNINDEXED,\n"
    "  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'\n"
    ");\n"
    "CREATE VIEW event_clusters AS\n"
    "  SELECT c.id AS cluster, count(*) AS members, c.title, c.type, c.date,\n"
    "         c.date_start, c.date_end, group_concat(e.id, ' ') AS events\n"
    "  FROM events e JOIN events c ON c.id = e.cluster\n"
    "  GROUP BY c.id;\n"
    "CREATE VIEW facts AS\n"
    "  SELECT 'event' AS kind, e.id, d.id AS document, d.file, e.title AS text,\n"
    "         e.date, s.start_byte, s.end_byte, s.sentence\n"
    "  FROM events e JOIN documents d ON d.doc = e.doc\n"
    "  LEFT JOIN spans s ON s.fact = e.id\n"
    "  UNION ALL\n"
    "  SELECT 'figure', f.id, d.id, d.file, f.measure, f.date, s.start_byte,\n"
    "         s.end_byte, s.sentence\n"
    "  FROM figures f JOIN documents d ON d.doc = f.doc\n"
    "  LEFT JOIN spans s ON s.fact = f.id;\n";

int kg__store_fail(kg_store *s, kg_diag *d, const char *what)
{
    /* a damaged store says what to do about it */
    switch (sqlite3_extended_errcode(s->db) & 0xff) {
    case SQLITE_CORRUPT:
        kg_diag_error(d, s->path, 0, 0,
                      "%s: %s; the store is damaged: delete it, or run 'kg build "
                      "--force-rebuild' (which keeps it as %s.damaged and builds a new one)",
                      what, sqlite3_errmsg(s->db), s->path);
        break;
    case SQLITE_NOTADB:
        kg_diag_error(d, s->path, 0, 0,
                      "%s: %s; if it is a damaged kg store, delete it or run 'kg build "
                      "--force-rebuild'", what, sqlite3_errmsg(s->db));
        break;
    default:
        kg_diag_error(d, s->path, 0, 0, "%s: %s", what, sqlite3_errmsg(s->db));
    }
    return KG_STORE_ERROR;
}

sqlite3_stmt *kg__store_prepare(kg_store *s, kg_diag *d, const char *sql)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
        kg__store_fail(s, d, "cannot prepare a statement");
        sqlite3_finalize(st);
        return NULL;
    }
    return st;
}

static int pragma_int(kg_store *s, const char *sql, int *out)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            *out = sqlite3_column_int(st, 0);
            rc = SQLITE_OK;
        } else if (rc == SQLITE_DONE) {
            *out = 0;
            rc = SQLITE_OK;
        }
    }
    sqlite3_finalize(st);
    return rc;
}

int kg__store_schema_ok(kg_store *s, kg_diag *d)
{
    int version = 0, app = 0, tables = 0;
    if (pragma_int(s, "PRAGMA application_id", &app) != SQLITE_OK ||
        pragma_int(s, "PRAGMA user_version", &version) != SQLITE_OK ||
        pragma_int(s, "SELECT count(*) FROM sqlite_schema", &tables) != SQLITE_OK) {
        kg__store_fail(s, d, "cannot read the store");
        return -1;
    }
    if (tables == 0) {
        kg_diag_error(d, s->path, 0, 0, "the store is empty; run 'kg build' first");
        return -1;
    }
    if (app != KG_STORE_APPLICATION_ID) {
        kg_diag_error(d, s->path, 0, 0, "not a kg store (application_id %d)", app);
        return -1;
    }
    if (version < KG_STORE_SCHEMA_VERSION) {
        kg_diag_error(d, s->path, 0, 0,
                      "the store has schema version %d, this kg reads version %d; "
                      "run 'kg build' to rebuild it", version, KG_STORE_SCHEMA_VERSION);
        return -1;
    }
    if (version > KG_STORE_SCHEMA_VERSION) {
        kg_diag_error(d, s->path, 0, 0,
                      "the store has schema version %d, newer than this kg's %d; "
                      "use a newer kg", version, KG_STORE_SCHEMA_VERSION);
        return -1;
    }
    return 0;
}

/* Rolls back the hot journal an interrupted build left: SQLite does that
 * when a read-write handle first reads the file. Only a journal is undone;
 * nothing else is written. Returns 1 if that worked. */
static int roll_back(const char *path)
{
    sqlite3 *db = NULL;
    int ok = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) ==
                 SQLITE_OK &&
             sqlite3_exec(db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL) == SQLITE_OK;
    sqlite3_close_v2(db);
    return ok;
}

int kg_store_open(kg_store **out, const char *path, unsigned flags, kg_diag *d)
{
    *out = NULL;
    kg_store *s = kg_xcalloc(1, sizeof *s);
    s->path = kg_xstrdup(path);
    s->flags = flags;
    int ro = (flags & KG_STORE_READONLY) != 0;
    struct stat sb;
    if (stat(path, &sb) == 0) {
        /* SQLite would write its journal beside a device (/dev/null-journal)
         * and pages into a FIFO: the store is a file or nothing */
        if (!S_ISREG(sb.st_mode)) {
            kg_diag_error(d, path, 0, 0, "not a regular file: the store must be a file; "
                                         "choose another --db");
            goto fail;
        }
    } else if (ro || errno != ENOENT) {
        kg_diag_error(d, path, 0, 0, "cannot open the store: %s%s", strerror(errno),
                      errno == ENOENT ? "; run 'kg build' first" : "");
        goto fail;
    } else if (lstat(path, &sb) == 0) {
        kg_diag_error(d, path, 0, 0, "a symbolic link to a missing file; choose another --db");
        goto fail;
    } else {
        /* a new store: built under a temporary name, renamed into place
         * when the build completes, removed when it does not */
        kg_buf tmp = KG_BUF_INIT;
        kg_buf_printf(&tmp, "%s.tmp.XXXXXX", path);
        int fd = mkstemp(tmp.ptr);
        if (fd < 0) {
            kg_diag_error(d, path, 0, 0, "cannot create the store: %s", strerror(errno));
            kg_buf_free(&tmp);
            goto fail;
        }
        mode_t mask = kg_umask();
        (void)fchmod(fd, 0666 & ~mask);
        close(fd);
        s->tmp = kg_buf_detach(&tmp, NULL);
    }
    /* one handle, one thread: no mutexes needed */
    int oflags = SQLITE_OPEN_NOMUTEX |
                 (ro ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE));
    if (sqlite3_open_v2(s->tmp ? s->tmp : path, &s->db, oflags, NULL) != SQLITE_OK) {
        if (s->db)
            kg__store_fail(s, d, "cannot open the store");
        else
            kg_diag_error(d, path, 0, 0, "cannot open the store: out of memory");
        goto fail;
    }
    sqlite3_extended_result_codes(s->db, 1);
    sqlite3_busy_timeout(s->db, 5000);
    if (sqlite3_exec(s->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL) != SQLITE_OK) {
        kg__store_fail(s, d, "cannot open the store");
        goto fail;
    }
    /* Reading the schema makes SQLite look at the file: a file that is not
     * a database, or a hot journal a read-only handle cannot roll back,
     * shows up here rather than in the first query. */
    int n = 0;
    if (pragma_int(s, "SELECT count(*) FROM sqlite_schema", &n) != SQLITE_OK) {
        int ec = sqlite3_extended_errcode(s->db);
        if ((ec == SQLITE_READONLY_ROLLBACK || ec == SQLITE_READONLY_RECOVERY) &&
            !(flags & KG_STORE_NO_RECOVER) && roll_back(path)) {
            /* the interrupted build is undone: the store is as it was
             * before it; open it read-only again */
            kg_store_close(s);
            return kg_store_open(out, path, flags | KG_STORE_NO_RECOVER, d);
        }
        if (ec == SQLITE_READONLY_ROLLBACK || ec == SQLITE_READONLY_RECOVERY)
            kg_diag_error(d, path, 0, 0,
                          "an interrupted build left a journal to roll back; "
                          "run 'kg build' (or open the store once for writing)");
        else
            kg__store_fail(s, d, "cannot open the store");
        goto fail;
    }
    if (ro && kg__store_schema_ok(s, d) != 0)
        goto fail;
    *out = s;
    return 0;
fail:
    kg_store_close(s);
    return KG_STORE_ERROR;
}

/* Removes a temporary store and what SQLite may have left beside it. */
static void remove_tmp(const char *tmp)
{
    static const char *const side[] = { "", "-journal", "-wal", "-shm" };
    kg_buf b = KG_BUF_INIT;
    for (size_t i = 0; i < sizeof side / sizeof *side; i++) {
        kg_buf_reset(&b);
        kg_buf_printf(&b, "%s%s", tmp, side[i]);
        unlink(b.ptr);
    }
    kg_buf_free(&b);
}

int kg_store_finish(kg_store *s, kg_diag *d)
{
    if (!s)
        return 0;
    int rc = 0;
    if (sqlite3_close_v2(s->db) != SQLITE_OK && s->tmp) {
        kg_diag_error(d, s->path, 0, 0, "cannot close the new store");
        s->complete = 0;
        rc = KG_STORE_ERROR;
    }
    s->db = NULL;
    if (s->tmp) {
        if (s->complete && rename(s->tmp, s->path) != 0) {
            kg_diag_error(d, s->path, 0, 0, "cannot put the new store in place: %s", strerror(errno));
            rc = KG_STORE_ERROR;
        }
        if (!s->complete || rc != 0)
            remove_tmp(s->tmp);
        free(s->tmp);
    }
    free(s->path);
    free(s);
    return rc;
}

void kg_store_close(kg_store *s)
{
    kg_diag d = KG_DIAG_INIT;
    kg_store_finish(s, &d);
    kg_diag_free(&d);
}

/* ---- a damaged store, set aside by --force-rebuild ---- */

/* 1 when the file's header says it is a kg store (SQLite's magic and kg's
 * application_id), whatever the state of its pages. */
static int kg_header(const char *path)
{
    unsigned char h[100];
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    size_t n = fread(h, 1, sizeof h, f);
    fclose(f);
    if (n < sizeof h || memcmp(h, "SQLite format 3", 16) != 0)
        return 0;
    unsigned long app = (unsigned long)h[68] << 24 | (unsigned long)h[69] << 16 |
                        (unsigned long)h[70] << 8 | (unsigned long)h[71];
    return app == (unsigned long)KG_STORE_APPLICATION_ID;
}

/* 1 when SQLite finds the store damaged (a quick_check that is not "ok",
 * or an error that says so). */
static int damaged(const char *path)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    int bad = 0;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
        int ec = db ? sqlite3_errcode(db) : SQLITE_NOMEM;
        bad = ec == SQLITE_CORRUPT || ec == SQLITE_NOTADB;
    } else if (sqlite3_prepare_v2(db, "PRAGMA quick_check(1)", -1, &st, NULL) != SQLITE_OK) {
        int ec = sqlite3_errcode(db);
        bad = ec == SQLITE_CORRUPT || ec == SQLITE_NOTADB;
    } else {
        int rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            const char *r = (const char *)sqlite3_column_text(st, 0);
            bad = !r || strcmp(r, "ok") != 0;
        } else {
            int ec = sqlite3_errcode(db);
            bad = ec == SQLITE_CORRUPT || ec == SQLITE_NOTADB;
        }
    }
    sqlite3_finalize(st);
    sqlite3_close_v2(db);
    return bad;
}

int kg_store_set_aside_damaged(const char *path, kg_diag *d)
{
    struct stat sb;
    if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode) || !kg_header(path) || !damaged(path))
        return 0;
    /* never overwrite an earlier one: FILE.damaged, FILE.damaged.2, ... */
    kg_buf aside = KG_BUF_INIT, from = KG_BUF_INIT, to = KG_BUF_INIT;
    for (int k = 1;; k++) {
        kg_buf_reset(&aside);
        if (k == 1)
            kg_buf_printf(&aside, "%s.damaged", path);
        else
            kg_buf_printf(&aside, "%s.damaged.%d", path, k);
        if (lstat(aside.ptr, &sb) != 0 && errno == ENOENT)
            break;
    }
    int rc = 1;
    if (rename(path, aside.ptr) != 0) {
        kg_diag_error(d, path, 0, 0, "the store is damaged and cannot be moved aside to %s: %s",
                      aside.ptr, strerror(errno));
        rc = -1;
    } else {
        /* a journal belongs to the file it was written for */
        static const char *const side[] = { "-journal", "-wal", "-shm" };
        for (size_t i = 0; i < sizeof side / sizeof *side; i++) {
            kg_buf_reset(&from);
            kg_buf_reset(&to);
            kg_buf_printf(&from, "%s%s", path, side[i]);
            kg_buf_printf(&to, "%s%s", aside.ptr, side[i]);
            if (lstat(from.ptr, &sb) == 0)
                rename(from.ptr, to.ptr);
        }
        kg_diag_add(d, KG_SEV_NOTE, path, 0, 0,
                    "the store was damaged; moved it to %s and building a new one", aside.ptr);
    }
    kg_buf_free(&aside);
    kg_buf_free(&from);
    kg_buf_free(&to);
    return rc;
}

struct sqlite3 *kg_store_db(kg_store *s)
{
    return s ? s->db : NULL;
}
