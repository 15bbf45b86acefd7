/* test_output.c - where kg writes: kg_write_atomic over links, FIFOs and
 * devices, kg_outset (a set replaced together or not at all), a new store
 * put in place only when complete, and kg_store_query_run's streaming,
 * --limit and stop request. */
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kg/factio.h"
#include "kg/store.h"
#include "testutil.h"

static char *in(const char *dir, const char *name)
{
    char *p = malloc(strlen(dir) + strlen(name) + 2);
    sprintf(p, "%s/%s", dir, name);
    return p;
}

static void rm_rf(char *dir)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    kgt_run(cmd, NULL);
    free(dir);
}

static int count_entries(const char *dir)
{
    char cmd[600], *out = NULL;
    snprintf(cmd, sizeof cmd, "ls -A '%s' | wc -l", dir);
    kgt_run(cmd, &out);
    int n = out ? atoi(out) : -1;
    free(out);
    return n;
}

Test(output, a_symlink_has_the_file_it_leads_to_replaced)
{
    char *dir = kgt_tmpdir();
    char *real = in(dir, "real.txt"), *link = in(dir, "link.txt");
    kgt_write(real, "old\n");
    cr_assert_eq(symlink("real.txt", link), 0);
    cr_assert_eq(kg_write_atomic(link, "new\n", 4), 0);
    struct stat st;
    cr_assert_eq(lstat(link, &st), 0);
    cr_expect(S_ISLNK(st.st_mode), "the link was replaced by a file");
    char *t = kgt_slurp(real, NULL);
    cr_expect_str_eq(t, "new\n");
    free(t);
    cr_expect_eq(count_entries(dir), 2, "a temporary file was left");
    free(real);
    free(link);
    rm_rf(dir);
}

Test(output, a_dangling_symlink_and_a_folder_are_refused)
{
    char *dir = kgt_tmpdir();
    char *link = in(dir, "dangling"), *sub = in(dir, "sub");
    cr_assert_eq(symlink("missing", link), 0);
    cr_assert_eq(mkdir(sub, 0777), 0);
    kg_outset o = KG_OUTSET_INIT;
    cr_expect_eq(kg_outset_add(&o, link, "x", 1), -1);
    cr_expect(strstr(kg_outset_error(&o), "missing file") != NULL, "%s", kg_outset_error(&o));
    kg_outset_free(&o);
    cr_expect_eq(kg_write_atomic(sub, "x", 1), -1);
    cr_expect_eq(errno, EISDIR);
    struct stat st;
    cr_expect(lstat(link, &st) == 0 && S_ISLNK(st.st_mode));
    cr_expect(lstat(sub, &st) == 0 && S_ISDIR(st.st_mode));
    free(link);
    free(sub);
    rm_rf(dir);
}

Test(output, a_fifo_is_written_in_place)
{
    char *dir = kgt_tmpdir();
    char *fifo = in(dir, "fifo");
    cr_assert_eq(mkfifo(fifo, 0600), 0);
    pid_t pid = fork();
    cr_assert_neq(pid, -1);
    if (pid == 0) {
        int fd = open(fifo, O_RDONLY);
        char buf[64];
        ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof buf);
        _exit(n == 6 && memcmp(buf, "hello\n", 6) == 0 ? 0 : 1);
    }
    cr_assert_eq(kg_write_atomic(fifo, "hello\n", 6), 0);
    int status;
    waitpid(pid, &status, 0);
    cr_expect(WIFEXITED(status) && WEXITSTATUS(status) == 0, "the reader did not get the bytes");
    struct stat st;
    cr_expect(lstat(fifo, &st) == 0 && S_ISFIFO(st.st_mode), "the FIFO was replaced");
    free(fifo);
    rm_rf(dir);
}

Test(output, devices_are_written_in_place_and_a_full_one_is_an_error)
{
    /* (as root an older kg renamed a file over these) */
    cr_assert_eq(kg_write_atomic("/dev/null", "x", 1), 0);
    struct stat st;
    cr_expect(stat("/dev/null", &st) == 0 && S_ISCHR(st.st_mode));
    if (stat("/dev/full", &st) == 0 && S_ISCHR(st.st_mode)) {
        kg_outset o = KG_OUTSET_INIT;
        cr_expect_eq(kg_outset_add(&o, "/dev/full", "x", 1), 0);
        cr_expect_eq(kg_outset_commit(&o), -1);
        cr_expect_eq(o.err, ENOSPC);
        kg_outset_free(&o);
        cr_expect(stat("/dev/full", &st) == 0 && S_ISCHR(st.st_mode));
    }
}

Test(output, a_set_that_fails_replaces_nothing_and_leaves_no_temporary_file)
{
    char *dir = kgt_tmpdir();
    char *a = in(dir, "a.txt"), *b = in(dir, "b.txt"), *bad = in(dir, "no-such-folder/c.txt");
    kgt_write(a, "old a\n");
    kgt_write(b, "old b\n");
    kg_outset o = KG_OUTSET_INIT;
    cr_assert_eq(kg_outset_add(&o, a, "new a\n", 6), 0);
    cr_assert_eq(kg_outset_add(&o, b, "new b\n", 6), 0);
    cr_expect_eq(kg_outset_add(&o, bad, "c\n", 2), -1);
    cr_expect_str_eq(o.failed, bad);
    cr_expect_eq(kg_outset_commit(&o), -1);
    kg_outset_free(&o);
    char *ta = kgt_slurp(a, NULL), *tb = kgt_slurp(b, NULL);
    cr_expect_str_eq(ta, "old a\n");
    cr_expect_str_eq(tb, "old b\n");
    free(ta);
    free(tb);
    cr_expect_eq(count_entries(dir), 2, "a temporary file was left");

    /* and the same set without the bad one goes in whole */
    kg_outset o2 = KG_OUTSET_INIT;
    cr_assert_eq(kg_outset_add(&o2, a, "new a\n", 6), 0);
    cr_assert_eq(kg_outset_add(&o2, b, "new b\n", 6), 0);
    cr_assert_eq(kg_outset_commit(&o2), 0);
    kg_outset_free(&o2);
    ta = kgt_slurp(a, NULL);
    tb = kgt_slurp(b, NULL);
    cr_expect_str_eq(ta, "new a\n");
    cr_expect_str_eq(tb, "new b\n");
    free(ta);
    free(tb);
    cr_expect_eq(count_entries(dir), 2);
    free(a);
    free(b);
    free(bad);
    rm_rf(dir);
}

/* ---- the store ---- */

static const char facts_ok[] =
    "kg: 1\n"
    "document: {id: out-doc, title: 시험 문서}\n"
    "actors:\n"
    "- {id: na, name: 가나라, type: country}\n"
    "- {id: da, name: 다라국, type: country}\n"
    "events:\n"
    "- {id: e1, title: 가나라와 다라국의 회담, type: meet, agent: [na], target: [da], date: 2024-05-01}\n"
    "- {id: e2, title: 가나라의 발표, type: announce, agent: [na], date: 2024-06-01}\n";

static char *store_fixture(char **db)
{
    char *dir = kgt_tmpdir();
    char *facts = in(dir, "facts");
    cr_assert_eq(mkdir(facts, 0777), 0);
    char *f = in(facts, "doc.yaml");
    kgt_write(f, facts_ok);
    free(f);
    free(facts);
    *db = in(dir, "kg.sqlite");
    return dir;
}

static int build_into(const char *dir, const char *db, int *exists_during)
{
    kg_corpus c = KG_CORPUS_INIT;
    kg_diag d = KG_DIAG_INIT;
    kg_store *s = NULL;
    char *facts = in(dir, "facts");
    cr_assert_geq(kg_facts_load_path(&c, facts, &d), 0);
    int rc = kg_store_open(&s, db, 0, &d);
    if (rc == 0)
        rc = kg_store_build(s, &c, NULL, NULL, &d);
    if (exists_during)
        *exists_during = access(db, F_OK) == 0;
    if (kg_store_finish(s, &d) != 0 && rc == 0)
        rc = KG_STORE_ERROR;
    kg_corpus_free(&c);
    kg_diag_free(&d);
    free(facts);
    return rc;
}

Test(output, a_new_store_appears_only_when_its_build_completes)
{
    char *db;
    char *dir = store_fixture(&db);
    int during = 1;
    cr_assert_eq(build_into(dir, db, &during), KG_STORE_OK);
    cr_expect_eq(during, 0, "the store was visible before the build completed");
    cr_expect_eq(access(db, F_OK), 0, "no store after the build");
    cr_expect_eq(count_entries(dir), 2, "something was left beside the store");

    /* a build that is refused leaves no store behind */
    unlink(db);
    char *f = in(dir, "facts/doc.yaml");
    kgt_write(f, "kg: 1\ndocument: {id: out-doc, title: 제목}\nevents:\n"
                 "- {id: e1, title: 사건, type: meet, agent: [nobody]}\n");
    cr_expect_eq(build_into(dir, db, NULL), KG_STORE_REFUSED);
    cr_expect_neq(access(db, F_OK), 0, "a failed build left a store");
    cr_expect_eq(count_entries(dir), 1, "a temporary file was left");
    free(f);
    free(db);
    rm_rf(dir);
}

Test(output, a_device_or_fifo_is_no_store)
{
    char *dir = kgt_tmpdir();
    char *fifo = in(dir, "fifo.sqlite");
    cr_assert_eq(mkfifo(fifo, 0600), 0);
    kg_store *s = NULL;
    kg_diag d = KG_DIAG_INIT;
    cr_expect_eq(kg_store_open(&s, fifo, 0, &d), KG_STORE_ERROR);
    cr_expect(d.n > 0 && strstr(d.v[0].msg, "not a regular file") != NULL);
    kg_diag_free(&d);
    cr_expect_eq(count_entries(dir), 1, "something was made beside the FIFO");
    free(fifo);
    rm_rf(dir);
}

Test(output, a_damaged_store_is_named_and_set_aside_by_a_rebuild)
{
    char *db;
    char *dir = store_fixture(&db);
    cr_assert_eq(build_into(dir, db, NULL), KG_STORE_OK);
    /* flip the first page's b-tree header */
    int fd = open(db, O_WRONLY);
    cr_assert_geq(fd, 0);
    static const char junk[16] = { -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1 };
    cr_assert_eq(pwrite(fd, junk, sizeof junk, 100), (ssize_t)sizeof junk);
    close(fd);
    kg_store *s = NULL;
    kg_diag d = KG_DIAG_INIT;
    cr_expect_eq(kg_store_open(&s, db, KG_STORE_READONLY, &d), KG_STORE_ERROR);
    cr_expect(d.n > 0 && strstr(d.v[0].msg, "the store is damaged") != NULL, "%s",
              d.n ? d.v[0].msg : "(no message)");
    kg_diag_free(&d);
    kg_diag d2 = KG_DIAG_INIT;
    cr_expect_eq(kg_store_set_aside_damaged(db, &d2), 1);
    kg_diag_free(&d2);
    char *aside = in(dir, "kg.sqlite.damaged");
    cr_expect_eq(access(aside, F_OK), 0, "the damaged store was not kept");
    cr_expect_neq(access(db, F_OK), 0);
    /* an intact store, or a file that is not a kg store, is left alone */
    cr_assert_eq(build_into(dir, db, NULL), KG_STORE_OK);
    kg_diag d3 = KG_DIAG_INIT;
    cr_expect_eq(kg_store_set_aside_damaged(db, &d3), 0);
    char *notes = in(dir, "notes.txt");
    kgt_write(notes, "not a database\n");
    cr_expect_eq(kg_store_set_aside_damaged(notes, &d3), 0);
    cr_expect_eq(access(notes, F_OK), 0);
    kg_diag_free(&d3);
    free(notes);
    free(aside);
    free(db);
    rm_rf(dir);
}

/* ---- kg query ---- */

typedef struct sink_log {
    kg_buf text;
    int chunks, flushes;
    volatile int *stop_after_first;
} sink_log;

static int log_sink(void *ctx, const char *data, size_t len)
{
    sink_log *l = ctx;
    if (!data) {
        l->flushes++;
        return 0;
    }
    kg_buf_add(&l->text, data, len);
    l->chunks++;
    if (l->stop_after_first)
        *l->stop_after_first = 1;
    return 0;
}

static kg_store *open_built(char **dir_out)
{
    char *db;
    char *dir = store_fixture(&db);
    cr_assert_eq(build_into(dir, db, NULL), KG_STORE_OK);
    kg_store *s = NULL;
    kg_diag d = KG_DIAG_INIT;
    cr_assert_eq(kg_store_open(&s, db, KG_STORE_READONLY, &d), 0);
    kg_diag_free(&d);
    free(db);
    *dir_out = dir;
    return s;
}

#define ENDLESS "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "

Test(output, query_limit_stops_an_endless_query_with_a_note)
{
    char *dir;
    kg_store *s = open_built(&dir);
    sink_log l = { KG_BUF_INIT, 0, 0, NULL };
    kg_query_opts o = { KG_QUERY_TABLE, 3, log_sink, &l, NULL };
    kg_diag d = KG_DIAG_INIT;
    cr_assert_eq(kg_store_query_run(s, ENDLESS "SELECT x FROM c", &o, &d), KG_STORE_OK);
    cr_expect_str_eq(l.text.ptr, "x\n-\n1\n2\n3\n");
    cr_expect(d.n == 1 && strstr(d.v[0].msg, "--limit") != NULL);
    kg_diag_free(&d);
    kg_buf_free(&l.text);
    kg_store_close(s);
    rm_rf(dir);
}

Test(output, query_rows_stream_and_a_stop_request_ends_the_query)
{
    char *dir;
    kg_store *s = open_built(&dir);
    volatile int stop = 0;
    /* the sink asks to stop once the first rows came out: the endless
     * query must have printed before it ended (it used to hold every row) */
    sink_log l = { KG_BUF_INIT, 0, 0, &stop };
    kg_query_opts o = { KG_QUERY_JSON, 0, log_sink, &l, &stop };
    kg_diag d = KG_DIAG_INIT;
    cr_assert_eq(kg_store_query_run(s, ENDLESS "SELECT x FROM c", &o, &d), KG_STORE_ERROR);
    cr_expect(l.chunks > 0);
    cr_expect(strncmp(l.text.ptr, "[\n  {\"x\": 1}", 12) == 0, "%.40s", l.text.ptr);
    cr_expect(d.n == 1 && strstr(d.v[0].msg, "interrupted") != NULL);
    kg_diag_free(&d);
    kg_buf_free(&l.text);

    /* load_extension is refused like a write, before anything runs */
    sink_log l2 = { KG_BUF_INIT, 0, 0, NULL };
    kg_query_opts o2 = { KG_QUERY_TABLE, 0, log_sink, &l2, NULL };
    kg_diag d2 = KG_DIAG_INIT;
    cr_expect_eq(kg_store_query_run(s, "SELECT load_extension('/nonexistent/x.so')", &o2, &d2),
                 KG_STORE_USAGE);
    cr_expect_eq(l2.text.len, 0);
    kg_diag_free(&d2);
    kg_buf_free(&l2.text);
    kg_store_close(s);
    rm_rf(dir);
}
