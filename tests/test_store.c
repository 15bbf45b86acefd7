/* test_store.c - the SQLite store: loading and merging (one row per actor
 * id, same-as clusters), incremental builds (only changed files reloaded,
 * removed files' rows gone), refusals (facts with errors, foreign files,
 * newer schemas), interrupted builds (cancelled, and a process killed in
 * the middle) leaving the old store, schema upgrades, full-text search in
 * Hangul, read-only queries and their table / JSON output, kg show and
 * kg path. Fixtures: tests/store/facts (invented actors and sentences)
 * and tests/store/text (the source texts the spans point into). */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kg.h"
#include "kg/store.h"
#include "testutil.h"

/* ---- helpers ---- */

/* A fresh copy of the fixtures, a kg project: DIR/kg.yaml, DIR/facts/...
 * and DIR/text/... (the articles folder); the store goes to
 * DIR/out/kg.sqlite. */
static char *fixture(void)
{
    char *dir = kgt_tmpdir();
    char cmd[512];
    cr_assert(dir);
    snprintf(cmd, sizeof cmd, "cp -R tests/store/kg.yaml tests/store/facts tests/store/text '%s'/ && mkdir '%s'/out", dir, dir);
    cr_assert_eq(system(cmd), 0, "cannot copy the fixtures");
    return dir;
}

static char *path_in(const char *dir, const char *rel)
{
    kg_buf b = KG_BUF_INIT;
    kg_buf_printf(&b, "%s/%s", dir, rel);
    return kg_buf_detach(&b, NULL);
}

typedef struct cancel_at {
    size_t at;       /* cancel before loading this many files */
    int kill;        /* _exit() instead of returning 1: a killed process */
} cancel_at;

static int cancel_cb(void *ctx, const char *file, size_t done, size_t total)
{
    cancel_at *c = ctx;
    (void)file;
    (void)total;
    if (done >= c->at) {
        if (c->kill)
            _exit(7);
        return 1;
    }
    return 0;
}

/* Loads DIR/facts and builds the store; returns kg_store_build's status. */
static int build(const char *dir, kg_build_stats *st, kg_diag *d, const kg_build_opts *o)
{
    kg_corpus c = KG_CORPUS_INIT;
    kg_store *s = NULL;
    char *facts = path_in(dir, "facts"), *db = path_in(dir, "out/kg.sqlite");
    char *text = path_in(dir, "text"); /* the project's articles folder */
    kg_strv_push(&c.source_roots, text);
    free(text);
    cr_assert_geq(kg_facts_load_path(&c, facts, d), 0);
    int rc = kg_store_open(&s, db, 0, d);
    if (rc == 0)
        rc = kg_store_build(s, &c, o, st, d);
    kg_store_close(s);
    kg_corpus_free(&c);
    free(facts);
    free(db);
    return rc;
}

static void build_ok(const char *dir, kg_build_stats *st)
{
    kg_diag d = KG_DIAG_INIT;
    kg_build_stats tmp;
    int rc = build(dir, st ? st : &tmp, &d, NULL);
    if (rc != 0)
        for (size_t i = 0; i < d.n; i++)
            cr_log_error("%s", d.v[i].msg);
    cr_assert_eq(rc, KG_STORE_OK);
    kg_diag_free(&d);
}

/* The first column of the first row of sql on the store, as text ("" for
 * none / NULL); malloc'd. Opens the file with plain sqlite3. */
static char *q1(const char *dir, const char *sql)
{
    char *db = path_in(dir, "out/kg.sqlite");
    sqlite3 *h = NULL;
    sqlite3_stmt *st = NULL;
    cr_assert_eq(sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    cr_assert_eq(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK, "%s: %s", sql, sqlite3_errmsg(h));
    char *r = NULL;
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
        r = kg_xstrdup((const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(h);
    free(db);
    return r ? r : kg_xstrdup("");
}

#define expect_q(dir, sql, want)                                                              \
    do {                                                                                      \
        char *got_ = q1((dir), (sql));                                                        \
        cr_expect_str_eq(got_, (want), "%s", (sql));                                          \
        free(got_);                                                                           \
    } while (0)

/* A fingerprint of everything the store holds (to compare before/after). */
static char *snapshot(const char *dir)
{
    return q1(dir, "SELECT (SELECT group_concat(file || ':' || file_sha256, ',') FROM documents)"
                   " || '|' || (SELECT group_concat(id || '=' || name, ',') FROM actors)"
                   " || '|' || (SELECT group_concat(id || '=' || coalesce(title, ''), ',') FROM events)"
                   " || '|' || (SELECT count(*) FROM search)");
}

static void append_file(const char *dir, const char *rel, const char *text)
{
    char *p = path_in(dir, rel);
    FILE *f = fopen(p, "a");
    cr_assert(f);
    fputs(text, f);
    fclose(f);
    free(p);
}

static void rm_rf(char *dir)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    (void)system(cmd);
    free(dir);
}

static kg_store *open_ro(const char *dir)
{
    char *db = path_in(dir, "out/kg.sqlite");
    kg_store *s = NULL;
    kg_diag d = KG_DIAG_INIT;
    cr_assert_eq(kg_store_open(&s, db, KG_STORE_READONLY, &d), 0);
    kg_diag_free(&d);
    free(db);
    return s;
}

/* ---- loading and merging ---- */

Test(store, one_row_per_actor_with_names_and_aliases_merged)
{
    char *dir = fixture();
    kg_build_stats st;
    build_ok(dir, &st);
    cr_expect_eq(st.files, 4);
    cr_expect_eq(st.loaded, 4);
    cr_expect_eq(st.actors, 6);
    /* westland-gov: lexicon + alpha + beta, one row, the lexicon's name */
    expect_q(dir, "SELECT count(*) FROM actors WHERE id = 'westland-gov'", "1");
    expect_q(dir, "SELECT name || '/' || type || '/' || part_of FROM actors WHERE id = 'westland-gov'",
             "서쪽연방 정부/government/westland");
    expect_q(dir, "SELECT group_concat(alias, ',') FROM (SELECT alias FROM aliases"
                  " WHERE actor = 'westland-gov' ORDER BY alias)",
             "서쪽 정부,서쪽연방 행정부");
    /* starlab: beta and gamma define it, beta's type and aliases kept */
    expect_q(dir, "SELECT type || '/' || part_of FROM actors WHERE id = 'starlab'", "company/eastland");
    expect_q(dir, "SELECT count(*) FROM actor_defs WHERE actor = 'starlab'", "2");
    /* the event's actors and the span's sentence from the source text */
    expect_q(dir, "SELECT group_concat(role || ':' || actor, ',') FROM event_actors"
                  " WHERE event = 'alpha-0110/e1'",
             "agent:westland-gov,target:eastland");
    expect_q(dir, "SELECT sentence FROM spans WHERE fact = 'alpha-0110/e2'",
             "이에 동쪽공화국 통상부는 \"부당한 조치\"라며 강하게 반발했다.");
    expect_q(dir, "SELECT text FROM spans WHERE fact = 'alpha-0110/f1'", "4천500곳");
    expect_q(dir, "SELECT value || ' ' || counter || ' ' || approx FROM figures WHERE id = 'alpha-0110/f1'",
             "4500 곳 over");
    expect_q(dir, "SELECT date_start || '..' || date_end || ' ' || date_approx FROM events"
                  " WHERE id = 'gamma-0201/e1'",
             "2031-02-01..2031-02-28 1");
    expect_q(dir, "SELECT from_event || ' ' || type || ' ' || to_event FROM relations WHERE doc ="
                  " (SELECT doc FROM documents WHERE id = 'beta-0109')",
             "beta-0109/e1 same-as alpha-0110/e1");
    expect_q(dir, "PRAGMA user_version", "2");
    expect_q(dir, "PRAGMA foreign_key_check", "");
    rm_rf(dir);
}

Test(store, same_as_events_share_one_cluster)
{
    char *dir = fixture();
    build_ok(dir, NULL);
    expect_q(dir, "SELECT cluster FROM events WHERE id = 'beta-0109/e1'", "alpha-0110/e1");
    expect_q(dir, "SELECT cluster FROM events WHERE id = 'alpha-0110/e1'", "alpha-0110/e1");
    expect_q(dir, "SELECT count(DISTINCT cluster) || '/' || count(*) FROM events", "4/5");
    expect_q(dir, "SELECT members || ' ' || events FROM event_clusters WHERE cluster = 'alpha-0110/e1'",
             "2 alpha-0110/e1 beta-0109/e1");
    rm_rf(dir);
}

Test(store, full_text_search_finds_hangul_words)
{
    char *dir = fixture();
    build_ok(dir, NULL);
    /* an alias, a title word (prefix: the particle is part of the token), a measure */
    expect_q(dir, "SELECT group_concat(ref, ',') FROM (SELECT ref FROM search"
                  " WHERE search MATCH '통상부*' ORDER BY ref)",
             "alpha-0110/e2,eastland-trade");
    expect_q(dir, "SELECT ref FROM search WHERE search MATCH '달빛펀드' AND kind = 'actor'", "moonfund");
    expect_q(dir, "SELECT ref FROM search WHERE search MATCH '기업' AND kind = 'figure'", "alpha-0110/f1");
    expect_q(dir, "SELECT ref FROM search WHERE search MATCH 'starlab'", "starlab");
    rm_rf(dir);
}

/* ---- incremental builds ---- */

Test(store, only_the_changed_file_is_reloaded)
{
    char *dir = fixture();
    build_ok(dir, NULL);
    char *alpha = q1(dir, "SELECT doc || loaded_at FROM documents WHERE id = 'alpha-0110'");
    char *gamma = q1(dir, "SELECT doc FROM documents WHERE id = 'gamma-0201'");

    kg_build_stats st;
    build_ok(dir, &st);
    cr_expect_eq(st.loaded, 0);
    cr_expect_eq(st.unchanged, 4);

    /* a hand edit in gamma: only gamma is loaded again */
    append_file(dir, "facts/gamma.yaml",
                "  - id: e2\n    title: 달빛펀드, 두 번째 투자\n    type: invest\n    agent: [moonfund]\n");
    build_ok(dir, &st);
    cr_expect_eq(st.loaded, 1);
    cr_expect_eq(st.unchanged, 3);
    cr_expect_eq(st.removed, 0);
    char *alpha2 = q1(dir, "SELECT doc || loaded_at FROM documents WHERE id = 'alpha-0110'");
    char *gamma2 = q1(dir, "SELECT doc FROM documents WHERE id = 'gamma-0201'");
    cr_expect_str_eq(alpha2, alpha, "alpha was reloaded");
    cr_expect_str_neq(gamma2, gamma, "gamma was not reloaded");
    expect_q(dir, "SELECT group_concat(id) FROM documents"
                  " WHERE build = (SELECT value FROM meta WHERE key = 'build')", "gamma-0201");
    expect_q(dir, "SELECT title FROM events WHERE id = 'gamma-0201/e2'", "달빛펀드, 두 번째 투자");
    expect_q(dir, "SELECT ref FROM search WHERE search MATCH '두*'", "gamma-0201/e2");
    expect_q(dir, "SELECT (SELECT count(*) FROM search) = (SELECT count(*) FROM events)"
                  " + (SELECT count(*) FROM figures) + (SELECT count(*) FROM actors)", "1");
    /* the merged actors are still whole */
    expect_q(dir, "SELECT count(*) FROM actors", "6");
    expect_q(dir, "SELECT count(*) FROM aliases WHERE actor = 'starlab'", "1");
    free(alpha);
    free(gamma);
    free(alpha2);
    free(gamma2);
    rm_rf(dir);
}

Test(store, a_removed_files_facts_disappear)
{
    char *dir = fixture();
    build_ok(dir, NULL);
    char *g = path_in(dir, "facts/gamma.yaml");
    cr_assert_eq(unlink(g), 0);
    free(g);
    kg_build_stats st;
    build_ok(dir, &st);
    cr_expect_eq(st.removed, 1);
    cr_expect_eq(st.loaded, 0);
    expect_q(dir, "SELECT count(*) FROM documents WHERE id = 'gamma-0201'", "0");
    expect_q(dir, "SELECT count(*) FROM events WHERE id LIKE 'gamma-0201/%'", "0");
    /* moonfund was defined only there; starlab lives on in beta */
    expect_q(dir, "SELECT group_concat(id, ',') FROM (SELECT id FROM actors ORDER BY id)",
             "eastland,eastland-trade,starlab,westland,westland-gov");
    expect_q(dir, "SELECT count(*) FROM search WHERE search MATCH '달빛펀드*'", "0");
    expect_q(dir, "SELECT count(*) FROM event_actors WHERE actor = 'moonfund'", "0");

    expect_q(dir, "SELECT (SELECT count(*) FROM search) = (SELECT count(*) FROM events)"
                  " + (SELECT count(*) FROM figures) + (SELECT count(*) FROM actors)", "1");
    /* removing the same-as side splits the cluster again */
    char *b = path_in(dir, "facts/beta.yaml");
    cr_assert_eq(unlink(b), 0);
    free(b);
    build_ok(dir, &st);
    expect_q(dir, "SELECT count(*) FROM events WHERE cluster <> id", "0");
    expect_q(dir, "SELECT count(*) FROM actors WHERE id = 'starlab'", "0");
    rm_rf(dir);
}

Test(store, a_source_text_that_appears_or_goes_reloads_its_document)
{
    char *dir = fixture();
    build_ok(dir, NULL);
    char *txt = path_in(dir, "text/alpha.txt"), *moved = path_in(dir, "alpha.txt");
    cr_assert_eq(rename(txt, moved), 0);
    kg_build_stats st;
    build_ok(dir, &st);
    cr_expect_eq(st.loaded, 1);
    expect_q(dir, "SELECT count(*) FROM spans WHERE doc = (SELECT doc FROM documents WHERE id = 'alpha-0110')"
                  " AND sentence IS NULL", "3");
    expect_q(dir, "SELECT coalesce(source_seen_sha256, 'none') FROM documents WHERE id = 'alpha-0110'", "none");
    cr_assert_eq(rename(moved, txt), 0);
    build_ok(dir, &st);
    cr_expect_eq(st.loaded, 1);
    expect_q(dir, "SELECT count(*) FROM spans WHERE sentence IS NULL", "0");
    free(txt);
    free(moved);
    rm_rf(dir);
}

/* ---- refusals and interrupted builds ---- */

Test(store, facts_with_errors_leave_the_store_unchanged)
{
    char *dir = fixture();
    build_ok(dir, NULL);
    char *before = snapshot(dir);
    /* an unknown actor (kg_check finds it) */
    append_file(dir, "facts/gamma.yaml", "  - id: e9\n    title: x\n    type: other\n    agent: [nobody]\n");
    kg_diag d = KG_DIAG_INIT;
    kg_build_stats st;
    cr_expect_eq(build(dir, &st, &d, NULL), KG_STORE_REFUSED);
    cr_expect_gt(d.errors, 0);
    int named = 0;
    for (size_t i = 0; i < d.n; i++)
        named |= strstr(d.v[i].msg, "nobody") != NULL;
    cr_expect(named, "the finding names the unknown actor");
    char *after = snapshot(dir);
    cr_expect_str_eq(after, before);
    free(before);
    free(after);
    kg_diag_free(&d);
    rm_rf(dir);
}

Test(store, a_cancelled_build_leaves_the_old_store)
{
    char *dir = fixture();
    build_ok(dir, NULL);
    char *before = snapshot(dir);
    /* change two files and remove one, then cancel after the first load */
    append_file(dir, "facts/gamma.yaml", "  - id: e2\n    title: 새 사건\n    type: other\n");
    append_file(dir, "facts/alpha.yaml", "# edited\n");
    char *b = path_in(dir, "facts/beta.yaml");
    unlink(b);
    free(b);
    cancel_at c = { 1, 0 };
    kg_build_opts o = { 0, cancel_cb, &c };
    kg_diag d = KG_DIAG_INIT;
    kg_build_stats st;
    cr_expect_eq(build(dir, &st, &d, &o), KG_STORE_REFUSED);
    char *after = snapshot(dir);
    cr_expect_str_eq(after, before);
    free(before);
    free(after);
    kg_diag_free(&d);
    rm_rf(dir);
}

Test(store, a_build_killed_midway_leaves_the_old_store)
{
    char *dir = fixture();
    build_ok(dir, NULL);
    char *before = snapshot(dir);
    append_file(dir, "facts/gamma.yaml", "  - id: e2\n    title: 새 사건\n    type: other\n");
    append_file(dir, "facts/alpha.yaml", "# edited\n");
    char *b = path_in(dir, "facts/beta.yaml");
    unlink(b);
    free(b);

    pid_t pid = fork();
    cr_assert_geq(pid, 0);
    if (pid == 0) {
        /* the child dies inside the transaction, after beta's rows were
         * deleted and alpha was loaded again: no ROLLBACK, no COMMIT */
        cancel_at c = { 1, 1 };
        kg_build_opts o = { 0, cancel_cb, &c };
        kg_diag d = KG_DIAG_INIT;
        kg_build_stats st;
        build(dir, &st, &d, &o);
        _exit(0);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 7, "the child did not die mid-build");
    /* it died with a transaction open: its rollback journal is still there */
    char *journal = path_in(dir, "out/kg.sqlite-journal");
    cr_expect_eq(access(journal, F_OK), 0, "no journal left behind");
    free(journal);

    /* the next open for writing rolls the journal back */
    char *db = path_in(dir, "out/kg.sqlite");
    kg_store *s = NULL;
    kg_diag d = KG_DIAG_INIT;
    cr_assert_eq(kg_store_open(&s, db, 0, &d), 0);
    kg_store_close(s);
    char *after = snapshot(dir);
    cr_expect_str_eq(after, before);
    /* and the next build completes */
    kg_build_stats st;
    build_ok(dir, &st);
    cr_expect_eq(st.removed, 1);
    cr_expect_eq(st.loaded, 2);
    free(before);
    free(after);
    free(db);
    kg_diag_free(&d);
    rm_rf(dir);
}

Test(store, an_older_schema_is_rebuilt_with_a_note)
{
    char *dir = fixture();
    build_ok(dir, NULL);
    char *db = path_in(dir, "out/kg.sqlite");
    sqlite3 *h = NULL;
    cr_assert_eq(sqlite3_open(db, &h), SQLITE_OK);
    cr_assert_eq(sqlite3_exec(h, "PRAGMA user_version = 0; CREATE TABLE leftover(x)", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(h);

    kg_diag d = KG_DIAG_INIT;
    kg_build_stats st;
    cr_assert_eq(build(dir, &st, &d, NULL), KG_STORE_OK);
    cr_expect(st.created);
    cr_expect_eq(st.loaded, 4);
    int noted = 0;
    for (size_t i = 0; i < d.n; i++)
        noted |= d.v[i].sev == KG_SEV_NOTE && strstr(d.v[i].msg, "older") != NULL;
    cr_expect(noted, "no note says the store was rebuilt");
    expect_q(dir, "PRAGMA user_version", "2");
    expect_q(dir, "SELECT count(*) FROM sqlite_schema WHERE name = 'leftover'", "0");
    expect_q(dir, "SELECT count(*) FROM actors", "6");

    /* a read-only open of an old store says what to do */
    cr_assert_eq(sqlite3_open(db, &h), SQLITE_OK);
    sqlite3_exec(h, "PRAGMA user_version = 0", NULL, NULL, NULL);
    sqlite3_close(h);
    kg_store *s = NULL;
    kg_diag d2 = KG_DIAG_INIT;
    cr_expect_eq(kg_store_open(&s, db, KG_STORE_READONLY, &d2), KG_STORE_ERROR);
    cr_assert_eq(d2.n, 1);
    cr_expect(strstr(d2.v[0].msg, "run 'kg build'") != NULL, "%s", d2.v[0].msg);
    kg_diag_free(&d);
    kg_diag_free(&d2);
    free(db);
    rm_rf(dir);
}

Test(store, a_file_that_is_not_a_kg_store_is_never_overwritten)
{
    char *dir = fixture();
    char *db = path_in(dir, "out/kg.sqlite");
    sqlite3 *h = NULL;
    cr_assert_eq(sqlite3_open(db, &h), SQLITE_OK);
    cr_assert_eq(sqlite3_exec(h, "CREATE TABLE precious(x); INSERT INTO precious VALUES (42)", NULL, NULL, NULL),
                 SQLITE_OK);
    sqlite3_close(h);
    kg_diag d = KG_DIAG_INIT;
    kg_build_stats st;
    kg_build_opts force = { 1, NULL, NULL };
    cr_expect_eq(build(dir, &st, &d, &force), KG_STORE_ERROR);
    cr_expect(d.errors > 0 && strstr(d.v[d.n - 1].msg, "not a kg store") != NULL);
    expect_q(dir, "SELECT x FROM precious", "42");
    kg_diag_free(&d);
    free(db);
    rm_rf(dir);
}

Test(store, a_newer_schema_is_refused)
{
    char *dir = fixture();
    build_ok(dir, NULL);
    char *db = path_in(dir, "out/kg.sqlite");
    sqlite3 *h = NULL;
    cr_assert_eq(sqlite3_open(db, &h), SQLITE_OK);
    sqlite3_exec(h, "PRAGMA user_version = 99", NULL, NULL, NULL);
    sqlite3_close(h);
    kg_diag d = KG_DIAG_INIT;
    kg_build_stats st;
    cr_expect_eq(build(dir, &st, &d, NULL), KG_STORE_ERROR);
    cr_expect(d.errors > 0 && strstr(d.v[d.n - 1].msg, "newer") != NULL);
    expect_q(dir, "PRAGMA user_version", "99");
    kg_diag_free(&d);
    free(db);
    rm_rf(dir);
}

/* ---- query ---- */

Test(store_query, refuses_sql_that_would_write_and_runs_nothing)
{
    char *dir = fixture();
    build_ok(dir, NULL);
    kg_store *s = open_ro(dir);
    static const char *const bad[] = {
        "DELETE FROM actors",
        "SELECT 1; UPDATE actors SET name = 'x'",
        "CREATE TABLE t(x)",
        "DROP TABLE actors",
        "ATTACH DATABASE 'other.db' AS o",
        "PRAGMA user_version = 5",
        "INSERT INTO search(search) VALUES ('delete-all')",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        kg_buf out = KG_BUF_INIT;
        kg_diag d = KG_DIAG_INIT;
        cr_expect_eq(kg_store_query(s, bad[i], KG_QUERY_TABLE, &out, &d), KG_STORE_USAGE, "%s", bad[i]);
        cr_expect_eq(out.len, 0, "%s printed %s", bad[i], out.ptr);
        kg_buf_free(&out);
        kg_diag_free(&d);
    }
    kg_store_close(s);
    expect_q(dir, "SELECT count(*) FROM actors", "6");
    expect_q(dir, "PRAGMA user_version", "2");
    rm_rf(dir);
}

Test(store_query, table_aligns_hangul_by_display_width)
{
    char *dir = fixture();
    build_ok(dir, NULL);
    kg_store *s = open_ro(dir);
    kg_buf out = KG_BUF_INIT;
    kg_diag d = KG_DIAG_INIT;
    cr_assert_eq(kg_store_query(s,
                                "SELECT name, type, (SELECT count(*) FROM event_actors WHERE actor = a.id) AS n"
                                " FROM actors a WHERE id IN ('eastland', 'westland', 'eastland-trade')"
                                " ORDER BY id",
                                KG_QUERY_TABLE, &out, &d),
                 KG_STORE_OK);
    cr_expect_str_eq(out.ptr,
                     "name               type        n\n"
                     "-----------------  ----------  -\n"
                     "동쪽공화국         country     1\n"
                     "동쪽공화국 통상부  government  1\n"
                     "서쪽연방           country     0\n");
    kg_buf_free(&out);
    kg_diag_free(&d);
    kg_store_close(s);
    rm_rf(dir);
}

Test(store_query, json_is_escaped_and_typed)
{
    char *dir = fixture();
    build_ok(dir, NULL);
    kg_store *s = open_ro(dir);
    kg_buf out = KG_BUF_INIT;
    kg_diag d = KG_DIAG_INIT;
    cr_assert_eq(kg_store_query(s,
                                "SELECT 'a\"b\\c' || char(10) || char(1) AS x, 1.5 AS y, NULL AS z,"
                                " 42 AS x, id FROM actors WHERE id = 'eastland'",
                                KG_QUERY_JSON, &out, &d),
                 KG_STORE_OK);
    cr_expect_str_eq(out.ptr, "[\n  {\"x\": \"a\\\"b\\\\c\\n\\u0001\", \"y\": 1.5, \"z\": null, \"x_2\": 42,"
                              " \"id\": \"eastland\"}\n]\n");
    kg_buf_reset(&out);
    cr_assert_eq(kg_store_query(s, "SELECT name FROM actors WHERE 0", KG_QUERY_JSON, &out, &d), KG_STORE_OK);
    cr_expect_str_eq(out.ptr, "[]\n");
    kg_buf_free(&out);
    kg_diag_free(&d);
    kg_store_close(s);
    rm_rf(dir);
}

/* ---- show and path ---- */

Test(store_show, an_actor_by_alias_with_sources_and_sentences)
{
    char *dir = fixture();
    build_ok(dir, NULL);
    kg_store *s = open_ro(dir);
    kg_buf out = KG_BUF_INIT;
    kg_diag d = KG_DIAG_INIT;
    cr_assert_eq(kg_store_show(s, "ministry of trade", &out, &d), KG_STORE_OK);
    cr_expect(strstr(out.ptr, "actor eastland-trade: 동쪽공화국 통상부\n") == out.ptr, "%s", out.ptr);
    cr_expect(strstr(out.ptr, "alpha-0110/e2") != NULL);
    cr_expect(strstr(out.ptr, "bytes 220-242") != NULL, "%s", out.ptr);
    cr_expect(strstr(out.ptr, "\"이에 동쪽공화국 통상부는 \"부당한 조치\"라며 강하게 반발했다.\"") != NULL, "%s",
              out.ptr);
    kg_buf_reset(&out);
    /* an event by full id: its same-as partner and the relation to it */
    cr_assert_eq(kg_store_show(s, "beta-0109/e1", &out, &d), KG_STORE_OK);
    cr_expect(strstr(out.ptr, "same as     alpha-0110/e1") != NULL, "%s", out.ptr);
    kg_buf_reset(&out);
    cr_assert_eq(kg_store_show(s, "alpha-0110/e1", &out, &d), KG_STORE_OK);
    cr_expect(strstr(out.ptr, "answered by alpha-0110/e2") != NULL, "%s", out.ptr);
    kg_buf_reset(&out);
    /* e1 is in three documents: listed, not guessed */
    cr_expect_eq(kg_store_show(s, "e1", &out, &d), KG_STORE_REFUSED);
    cr_expect(strstr(out.ptr, "gamma-0201/e1") != NULL);
    kg_buf_reset(&out);
    cr_expect_eq(kg_store_show(s, "없는이름", &out, &d), KG_STORE_REFUSED);
    kg_buf_free(&out);
    kg_diag_free(&d);
    kg_store_close(s);
    rm_rf(dir);
}

Test(store_path, the_shortest_chain_between_two_actors)
{
    char *dir = fixture();
    build_ok(dir, NULL);
    kg_store *s = open_ro(dir);
    kg_buf out = KG_BUF_INIT;
    kg_diag d = KG_DIAG_INIT;
    cr_assert_eq(kg_store_path(s, "달빛펀드", "westland-gov", &out, &d), KG_STORE_OK);
    cr_expect_str_eq(out.ptr,
                     "5 links from moonfund to westland-gov:\n"
                     "  moonfund (달빛펀드)\n"
                     "  1. is agent of    event gamma-0201/e1 [invest, 2031-02~] 달빛펀드, 별빛랩에 투자\n"
                     "  2. has target     starlab (별빛랩)\n"
                     "  3. is part of     eastland (동쪽공화국)\n"
                     "  4. is target of   event alpha-0110/e1 [restrict, 2031-01-10] 서쪽연방 정부, 동쪽공화국 겨냥 연산칩 수출 규제 강화\n"
                     "  5. has agent      westland-gov (서쪽연방 정부)\n");
    kg_buf_reset(&out);
    /* through a relation, and into the same-as partner in another document */
    cr_assert_eq(kg_store_path(s, "eastland-trade", "westland", &out, &d), KG_STORE_OK);
    cr_expect(strstr(out.ptr, "responds to") != NULL, "%s", out.ptr);
    kg_buf_reset(&out);
    cr_expect_eq(kg_store_path(s, "moonfund", "nobody", &out, &d), KG_STORE_REFUSED);
    kg_buf_free(&out);
    kg_diag_free(&d);
    kg_store_close(s);
    rm_rf(dir);
}

/* The bundled story: the Commerce Ministry's protest (e11) responds to the
 * 2025-01-13 controls (e1). Followed backwards from the controls, the step
 * is "is answered by" e11, the protest itself, not "the same event" with
 * e1 printed twice. Builds the repository's own project. */
Test(store_path, a_reaction_followed_backwards_names_the_reaction)
{
    char *dir = kgt_tmpdir();
    char args[1024], *out = NULL;
    snprintf(args, sizeof args, "build --db '%s/kg.sqlite' -q", dir);
    char cwd[4096];
    cr_assert(getcwd(cwd, sizeof cwd) != NULL);
    cr_assert_eq(kgt_kg_in(cwd, args, &out), 0, "%s", out);
    free(out);
    snprintf(args, sizeof args, "path --db '%s/kg.sqlite' biden-administration china-mofcom", dir);
    cr_assert_eq(kgt_kg_in(cwd, args, &out), 0, "%s", out);
    cr_expect(strstr(out, "  1. is agent of    event yna-20250115-ai-chip-controls/e1 [restrict, 2025-01-13]") != NULL,
              "%s", out);
    cr_expect(strstr(out, "  2. is answered by event yna-20250115-ai-chip-controls/e11 [protest,") != NULL, "%s", out);
    cr_expect(strstr(out, "  3. has agent      china-mofcom") != NULL, "%s", out);
    cr_expect(strstr(out, "the same event") == NULL, "%s", out);
    free(out);
    rm_rf(dir);
}

/* ---- the commands ---- */

Test(store_cli, build_refuses_bad_facts_and_query_refuses_writes)
{
    char *dir = fixture();
    char cmd[1024];
    char *out = NULL;
    snprintf(cmd, sizeof cmd, "cd '%s' && '%s' build facts --db new/dir/kg.sqlite 2>&1", dir, kgt_binary());
    cr_assert_eq(kgt_run(cmd, &out), 0, "%s", out);
    cr_expect(strstr(out, "4 files (4 loaded") != NULL, "%s", out);
    free(out);
    snprintf(cmd, sizeof cmd, "cd '%s' && '%s' query --db new/dir/kg.sqlite 'DELETE FROM actors' 2>&1", dir,
             kgt_binary());
    cr_expect_eq(kgt_run(cmd, &out), KG_EXIT_USAGE);
    cr_expect(strstr(out, "only read-only SQL") != NULL, "%s", out);
    free(out);
    append_file(dir, "facts/gamma.yaml", "  - id: e9\n    title: x\n    type: nonsense\n");
    snprintf(cmd, sizeof cmd, "cd '%s' && '%s' build facts --db new/dir/kg.sqlite 2>&1", dir, kgt_binary());
    cr_expect_eq(kgt_run(cmd, &out), KG_EXIT_FINDINGS);
    cr_expect(strstr(out, "gamma.yaml:") != NULL && strstr(out, "nonsense") != NULL, "%s", out);
    cr_expect(strstr(out, "was not changed") != NULL, "%s", out);
    free(out);
    snprintf(cmd, sizeof cmd, "cd '%s' && '%s' show --db nowhere.sqlite x 2>&1", dir, kgt_binary());
    cr_expect_eq(kgt_run(cmd, &out), KG_EXIT_IO);
    free(out);
    rm_rf(dir);
}
