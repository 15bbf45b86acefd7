/* test_project.c - a kg project: kg init, kg.yaml found by walking up
 * from a subfolder, what commands do outside any project (say so, exit 2,
 * touch nothing), the report's title, kg.yaml mistakes with line:col,
 * kg extract's default output; and the one source resolver
 * (kg_source_resolve): a source is read only below its facts file's
 * folder or a source root, compared after every symlink. */
#define _GNU_SOURCE /* memmem */
#include <criterion/criterion.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "kg.h"
#include "testutil.h"

/* ---- helpers ---- */

static char *in(const char *dir, const char *rel)
{
    kg_buf b = KG_BUF_INIT;
    kg_buf_printf(&b, "%s/%s", dir, rel);
    return kg_buf_detach(&b, NULL);
}

static void put(const char *dir, const char *rel, const char *text)
{
    char *p = in(dir, rel);
    cr_assert_eq(kgt_write(p, text), 0, "cannot write %s", p);
    free(p);
}

static void sh(const char *fmt, const char *a, const char *b)
{
    char cmd[4096];
    snprintf(cmd, sizeof cmd, fmt, a, b);
    cr_assert_eq(system(cmd), 0, "%s", cmd);
}

/* Runs `cd DIR && kg ARGS 2>&1` with the bundled lexicons; returns the
 * exit status, the output in *out (caller frees). */
static int kg_in(const char *dir, const char *args, char **out)
{
    return kgt_kg_in(dir, args, out);
}

static void rm_rf(char *dir)
{
    sh("rm -rf '%s'%s", dir, "");
    free(dir);
}

static const char article[] =
    "2025년 1월 10일 미국 상무부는 중국에 대한 반도체 장비 수출 통제를 강화했다고 밝혔다.\n";

/* ---- kg init and walking up ---- */

Test(project, init_makes_the_folders_and_a_commented_kg_yaml)
{
    char *dir = kgt_tmpdir(), *out = NULL;
    cr_assert_eq(kg_in(dir, "init p --title '제목 \"따옴표\"'", &out), 0, "%s", out);
    free(out);
    static const char *const folders[] = { "p/articles", "p/facts", "p/facts/lexicon", "p/out" };
    for (size_t i = 0; i < 4; i++) {
        struct stat st;
        char *f = in(dir, folders[i]);
        cr_expect(stat(f, &st) == 0 && S_ISDIR(st.st_mode), "%s missing", folders[i]);
        free(f);
    }
    char *y = in(dir, "p/kg.yaml");
    char *text = kgt_slurp(y, NULL);
    cr_assert_not_null(text);
    cr_expect(strstr(text, "title: \"제목 \\\"따옴표\\\"\"\n") != NULL, "%s", text);
    cr_expect(strstr(text, "\n# ") != NULL, "no comments: %s", text);
    /* the project reads back: its title lands in the report */
    cr_expect_eq(kg_in(dir, "init p", &out), 1, "%s", out);
    cr_expect(strstr(out, "left as it is") != NULL, "%s", out);
    free(out);
    char *again = kgt_slurp(y, NULL);
    cr_expect_str_eq(again, text, "kg init overwrote kg.yaml");
    free(again);
    free(text);
    free(y);
    rm_rf(dir);
}

Test(project, commands_find_it_from_a_subfolder)
{
    char *dir = kgt_tmpdir(), *out = NULL;
    cr_assert_eq(kg_in(dir, "init p --title 'Walk up'", &out), 0, "%s", out);
    free(out);
    put(dir, "p/articles/a.txt", article);
    char *deep = in(dir, "p/articles/x/y");
    sh("mkdir -p '%s'%s", deep, "");
    /* extract without -o: into the project's facts folder */
    cr_assert_eq(kg_in(deep, "extract --date 2025-01-10 ../../a.txt", &out), 0, "%s", out);
    free(out);
    /* named by its document id: the one *.yaml in facts/ */
    char *pf = in(dir, "p/facts");
    sh("cp \"$(ls '%s'/*.yaml | head -n 1)\" '%s/../only.yaml'", pf, pf);
    free(pf);
    char *facts = in(dir, "p/only.yaml");
    char *y = kgt_slurp(facts, NULL);
    cr_assert_not_null(y, "kg extract did not write %s", facts);
    cr_expect(strstr(y, "source: ../articles/a.txt\n") != NULL, "%s", y);
    free(y);
    free(facts);
    cr_expect_eq(kg_in(deep, "check", &out), 0, "%s", out);
    free(out);
    cr_expect_eq(kg_in(deep, "build", &out), 0, "%s", out);
    cr_expect(strstr(out, "../../../out/kg.sqlite: 1 file") != NULL, "%s", out);
    free(out);
    cr_expect_eq(kg_in(deep, "query 'select id from documents'", &out), 0, "%s", out);
    free(out);
    cr_expect_eq(kg_in(deep, "report", &out), 0, "%s", out);
    free(out);
    char *rp = in(dir, "p/out/report.html");
    char *html = kgt_slurp(rp, NULL);
    cr_assert_not_null(html, "no report in the project's out/");
    cr_expect(strstr(html, "<h1>Walk up</h1>") != NULL);
    cr_expect(strstr(html, "<title>Walk up</title>") != NULL);
    free(html);
    free(rp);
    /* --title wins, and is escaped */
    cr_expect_eq(kg_in(deep, "report --title 'A <b>&' -o -", &out), 0);
    cr_expect(strstr(out, "<h1>A &lt;b&gt;&amp;</h1>") != NULL, "%.300s", out);
    free(out);
    free(deep);
    rm_rf(dir);
}

/* ---- outside any project ---- */

Test(project, outside_one_commands_without_path_say_so_and_touch_nothing)
{
    char *dir = kgt_tmpdir(), *out = NULL;
    /* a user's own store, made from their own facts */
    put(dir, "mine.yaml", "kg: 1\ndocument: {id: mine, title: 제목}\n"
                          "actors:\n- {id: a, name: 가, type: country}\n");
    cr_assert_eq(kg_in(dir, "build mine.yaml -q", &out), 0, "%s", out);
    free(out);
    char *db = in(dir, "out/kg.sqlite");
    size_t len0, len1;
    char *before = kgt_slurp(db, &len0);
    cr_assert_not_null(before);
    static const char *const cmds[] = { "build", "check", "dump", "fmt", "graph -o g.svg",
                                        "timeline", "report" };
    for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++) {
        cr_expect_eq(kg_in(dir, cmds[i], &out), KG_EXIT_USAGE, "kg %s: %s", cmds[i], out);
        cr_expect(strstr(out, "not inside a kg project") && strstr(out, "kg init"), "kg %s: %s",
                  cmds[i], out);
        free(out);
    }
    char *after = kgt_slurp(db, &len1);
    cr_expect(len0 == len1 && memcmp(before, after, len0) == 0, "the store was changed");
    struct stat st;
    char *g = in(dir, "g.svg"), *r = in(dir, "out/report.html");
    cr_expect_neq(stat(g, &st), 0, "a graph was drawn");
    cr_expect_neq(stat(r, &st), 0, "a report was written");
    free(g);
    free(r);
    /* kg extract without a project still writes to standard output */
    put(dir, "a.txt", article);
    cr_expect_eq(kg_in(dir, "extract --date 2025-01-10 a.txt", &out), 0, "%s", out);
    cr_expect(strstr(out, "source: a.txt") != NULL, "%.300s", out);
    free(out);
    free(before);
    free(after);
    free(db);
    rm_rf(dir);
}

/* ---- kg.yaml mistakes ---- */

Test(project, kg_yaml_errors_have_line_and_column)
{
    static const struct { const char *yaml, *cmd, *msg; int rc; } cases[] = {
        { "title: x\nfatcs: yaml\n", "check",
          "kg: ../kg.yaml:2:1: unknown key 'fatcs' in kg.yaml; did you mean 'facts'?", 1 },
        { "title: [x]\n", "build", "kg: ../kg.yaml:1:8: 'title' must be a string, not a list", 1 },
        { "timeline: {lanes: types}\n", "report",
          "kg: ../kg.yaml:1:19: 'lanes' is country, actor or type, not 'types'", 1 },
        { "timeline: {lane: type}\n", "timeline",
          "kg: ../kg.yaml:1:12: unknown key 'lane' in 'timeline'; did you mean 'lanes'?", 1 },
        { "title: \"x\n", "dump", "kg: ../kg.yaml:", 1 },
        { "- title\n", "graph", "kg: ../kg.yaml:1:1: kg.yaml must be a mapping", 1 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *dir = kgt_tmpdir(), *out = NULL;
        put(dir, "kg.yaml", cases[i].yaml);
        char *sub = in(dir, "sub");
        sh("mkdir '%s'%s", sub, "");
        cr_expect_eq(kg_in(sub, cases[i].cmd, &out), cases[i].rc, "%s: %s", cases[i].yaml, out);
        cr_expect(strstr(out, cases[i].msg) != NULL, "want '%s', got: %s", cases[i].msg, out);
        free(out);
        free(sub);
        rm_rf(dir);
    }
}

/* ---- the repository is a project ---- */

Test(project, the_repository_is_one)
{
    char *out = NULL;
    char cmd[PATH_MAX + 64];
    snprintf(cmd, sizeof cmd, "cd tests && '%s' report --no-source -o - 2>&1", kgt_binary());
    cr_expect_eq(kgt_run(cmd, &out), 0, "%.500s", out);
    cr_expect(strstr(out, "<h1>미·중 AI 경쟁: 사실 보고서</h1>") != NULL, "%.300s", out);
    free(out);
}

/* ---- the source resolver ---- */

static kg_doc *doc_at(const char *path, const char *source)
{
    kg_doc *d = kg_doc_new();
    kg_set_str(&d->path, path);
    kg_set_str(&d->source, source);
    return d;
}

static kg_source_status resolve(const kg_corpus *c, const char *dir, const char *source,
                                char **path)
{
    char *file = in(dir, "proj/facts/f.yaml");
    kg_doc *d = doc_at(file, source);
    kg_source_status s = kg_source_resolve(c, d, path);
    kg_doc_free(d);
    free(file);
    return s;
}

Test(source, resolves_only_inside_the_file_folder_or_a_root)
{
    char *dir = kgt_tmpdir();
    sh("cd '%s' && mkdir -p proj/facts/sub proj/articles/deep elsewhere%s", dir, "");
    put(dir, "proj/facts/sub/here.txt", "가\n");
    put(dir, "proj/articles/deep/a.txt", "나\n");
    put(dir, "elsewhere/secret.txt", "다\n");
    sh("cd '%s' && ln -s ../../elsewhere/secret.txt proj/facts/out.txt && "
       "ln -s ../articles/deep/a.txt proj/facts/in.txt && ln -s ../../elsewhere proj/articles/od%s",
       dir, "");
    kg_corpus c = KG_CORPUS_INIT;
    char *articles = in(dir, "proj/articles");
    kg_strv_push(&c.source_roots, articles);
    char *p = NULL;
    char *abs_secret = in(dir, "elsewhere/secret.txt");
    static const struct { const char *src; kg_source_status want; } cases[] = {
        { "sub/here.txt", KG_SOURCE_OK },
        { "./sub/../sub/here.txt", KG_SOURCE_OK },
        { "../articles/deep/a.txt", KG_SOURCE_OK },
        { "in.txt", KG_SOURCE_OK },                 /* a symlink that stays inside */
        { "missing.txt", KG_SOURCE_OK },            /* inside, not there (a warning in check) */
        { "../../elsewhere/secret.txt", KG_SOURCE_OUTSIDE },
        { "../../../../../../../../../../etc/passwd", KG_SOURCE_OUTSIDE },
        { "/etc/passwd", KG_SOURCE_OUTSIDE },
        { "out.txt", KG_SOURCE_OUTSIDE },           /* a symlink that leads out */
        { "../articles/od/secret.txt", KG_SOURCE_OUTSIDE }, /* a symlinked folder out */
        { "../articles/od/none.txt", KG_SOURCE_OUTSIDE },
        { "../articles/../../elsewhere/x.txt", KG_SOURCE_OUTSIDE },
        { "..", KG_SOURCE_OUTSIDE },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        kg_source_status s = resolve(&c, dir, cases[i].src, &p);
        cr_expect_eq(s, cases[i].want, "%s: %d, expected %d", cases[i].src, s, cases[i].want);
        cr_expect_eq(p != NULL, s == KG_SOURCE_OK, "%s: path %s", cases[i].src, p ? p : "NULL");
        free(p);
    }
    cr_expect_eq(resolve(&c, dir, abs_secret, &p), KG_SOURCE_OUTSIDE);
    cr_expect_null(p);
    /* without the root, the articles folder is out of bounds too */
    kg_corpus bare = KG_CORPUS_INIT;
    cr_expect_eq(resolve(&bare, dir, "../articles/deep/a.txt", &p), KG_SOURCE_OUTSIDE);
    cr_expect_eq(resolve(NULL, dir, "sub/here.txt", &p), KG_SOURCE_OK);
    free(p);
    /* kg_source_path is the same resolver */
    char *file = in(dir, "proj/facts/f.yaml");
    kg_doc *d = doc_at(file, "out.txt");
    cr_expect_null(kg_source_path(&c, d));
    kg_set_str(&d->source, "sub/here.txt");
    p = kg_source_path(&c, d);
    cr_expect(p && strstr(p, "proj/facts/sub/here.txt"), "%s", p ? p : "NULL");
    free(p);
    kg_set_str(&d->source, NULL);
    cr_expect_eq(kg_source_resolve(&c, d, &p), KG_SOURCE_NONE);
    kg_doc_free(d);
    free(file);
    free(abs_secret);
    free(articles);
    kg_corpus_free(&c);
    rm_rf(dir);
}

/* kg check reports the escape at source:'s line and column, and neither
 * kg check nor kg build reads the text (its bytes never reach the store). */
Test(source, escapes_are_errors_and_never_read)
{
    char *dir = kgt_tmpdir(), *out = NULL;
    cr_assert_eq(kg_in(dir, "init p", &out), 0, "%s", out);
    free(out);
    put(dir, "secret.txt", "SECRETWORD 가나다.\n");
    put(dir, "p/facts/esc.yaml", "kg: 1\ndocument:\n  id: esc\n  source: ../../secret.txt\n"
                                 "events:\n- {id: e1, type: other, title: 사건, span: [0, 10]}\n");
    char *p = in(dir, "p");
    cr_expect_eq(kg_in(p, "check", &out), 1, "%s", out);
    cr_expect(strstr(out, "kg: facts/esc.yaml:4:11: source '../../secret.txt' leads outside the "
                          "project") != NULL, "%s", out);
    free(out);
    cr_expect_eq(kg_in(p, "build", &out), 1, "%s", out);
    free(out);
    char *db = in(dir, "p/out/kg.sqlite");
    size_t len = 0;
    char *bytes = kgt_slurp(db, &len);
    cr_expect(!bytes || !memmem(bytes, len, "SECRETWORD", 10), "the text reached the store");
    free(bytes);
    free(db);
    /* the source is dropped and the report drawn without it: exit 1 */
    cr_expect_eq(kg_in(p, "report -o -", &out), 1, "%.300s", out);
    cr_expect_null(strstr(out, "SECRETWORD"), "the text reached the report");
    free(out);
    free(p);
    rm_rf(dir);
}
