/* store.c - opening and closing the SQLite store, its schema (the tables,
 * indexes, views and full-text triggers of KG_STORE_SCHEMA_VERSION), and
 * the checks that a file is a kg store of the right version. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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
    "CREATE TABLE actor_defs(\n"
    "  actor TEXT NOT NULL,\n"
    "  doc INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,\n"
    "  name TEXT,\n"
    "  type TEXT,\n"
    "  part_of TEXT,\n"
    "  aliases TEXT NOT NULL DEFAULT '[]',\n"
    "  PRIMARY KEY (actor, doc)\n"
    ") WITHOUT ROWID;\n"
    "CREATE INDEX actor_defs_doc ON actor_defs(doc);\n"
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
    "  sentence TEXT\n"
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
    kg_diag_error(d, s->path, 0, 0, "%s: %s", what, sqlite3_errmsg(s->db));
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
    if (ro) {
        struct stat sb;
        if (stat(path, &sb) != 0) {
            kg_diag_error(d, path, 0, 0, "cannot open the store: %s%s", strerror(errno),
                          errno == ENOENT ? "; run 'kg build' first" : "");
            goto fail;
        }
    }
    /* one handle, one thread: no mutexes needed */
    int oflags = SQLITE_OPEN_NOMUTEX |
                 (ro ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE));
    if (sqlite3_open_v2(path, &s->db, oflags, NULL) != SQLITE_OK) {
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

void kg_store_close(kg_store *s)
{
    if (!s)
        return;
    sqlite3_close_v2(s->db);
    free(s->path);
    free(s);
}

struct sqlite3 *kg_store_db(kg_store *s)
{
    return s ? s->db : NULL;
}
