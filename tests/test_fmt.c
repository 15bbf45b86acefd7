/* test_fmt.c - kg fmt: comments kept by YAML path (golden files in
 * tests/fmt: NAME.in.yaml must come out as NAME.out.yaml, which must be
 * stable), what kg extract writes is canonical, --diff writes nothing,
 * folders, a comment that would lose its place. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kg/factio.h"
#include "kg/layout.h"
#include "testutil.h"

static char *format_text(const char *name, const char *text, kg_layout_info *info)
{
    kg_diag d = KG_DIAG_INIT;
    kg_node *tree = kg_yaml_parse(name, text, strlen(text), &d);
    kg_doc *doc = kg_doc_from_tree(name, tree, &d);
    cr_assert_eq(d.errors, 0, "%s: %s", name, d.n ? d.v[0].msg : "");
    kg_buf out = KG_BUF_INIT;
    cr_assert_eq(kg_facts_format(doc, name, text, strlen(text), &out, info, &d), 0, "%s: %s", name,
                 d.n ? d.v[0].msg : "");
    kg_doc_free(doc);
    kg_diag_free(&d);
    return kg_buf_detach(&out, NULL);
}

Test(fmt, golden_files_keep_comments)
{
    DIR *dp = opendir("tests/fmt");
    cr_assert_not_null(dp);
    struct dirent *de;
    int n = 0;
    while ((de = readdir(dp))) {
        size_t l = strlen(de->d_name);
        if (l < 9 || strcmp(de->d_name + l - 8, ".in.yaml") != 0)
            continue;
        char in[512], want_path[512];
        snprintf(in, sizeof in, "tests/fmt/%s", de->d_name);
        snprintf(want_path, sizeof want_path, "tests/fmt/%.*s.out.yaml", (int)(l - 8), de->d_name);
        char *text = kgt_slurp(in, NULL), *want = kgt_slurp(want_path, NULL);
        cr_assert(text && want, "%s or %s missing", in, want_path);
        kg_layout_info info;
        char *got = format_text(in, text, &info);
        cr_expect_str_eq(got, want, "%s", in);
        cr_expect_gt(info.comments, 0, "%s has no comments", in);
        kg_layout_info_free(&info);
        char *again = format_text(want_path, want, &info);
        cr_expect_str_eq(again, want, "%s is not stable", want_path);
        cr_expect_eq(info.orphans, 0, "%s: the notes' comments have no place", want_path);
        kg_layout_info_free(&info);
        free(text);
        free(want);
        free(got);
        free(again);
        n++;
    }
    closedir(dp);
    cr_expect_geq(n, 2);
}

Test(fmt, comments_follow_their_key_and_item)
{
    const char *in = "kg: 1\n"
                     "document:\n"
                     "  title: 가상 제목  # 제목 옆\n"
                     "  # 아이디 위\n"
                     "  id: test-doc\n"
                     "events:\n"
                     "  - id: e2\n"
                     "    type: meet\n"
                     "  # 둘째 사건 위\n"
                     "  - {id: e3, type: pledge}   # 셋째 옆\n";
    kg_layout_info info;
    char *got = format_text("t.yaml", in, &info);
    cr_expect_str_eq(got, "kg: 1\n"
                          "document:\n"
                          "  # 아이디 위\n"
                          "  id: test-doc\n"
                          "  title: 가상 제목 # 제목 옆\n"
                          "events:\n"
                          "- id: e2\n"
                          "  type: meet\n"
                          "# 둘째 사건 위\n"
                          "- {id: e3, type: pledge} # 셋째 옆\n");
    cr_expect_eq(info.comments, 4);
    cr_expect_eq(info.orphans, 0);
    kg_layout_info_free(&info);
    free(got);
}

Test(fmt, a_comment_whose_line_is_gone_goes_to_the_end)
{
    const char *in = "kg: 1\ndocument:\n  id: d\n  # 모름\n  author:\n";
    kg_layout_info info;
    char *got = format_text("t.yaml", in, &info);
    cr_expect_eq(info.orphans, 1);
    cr_expect_eq(info.orphan_line, 4);
    cr_expect_str_eq(info.orphan_path, "document.author");
    cr_expect(strstr(got, "# 모름\n") != NULL, "%s", got);
    kg_layout_info_free(&info);
    free(got);
}

static char *run(const char *fmt, const char *arg, int *rc)
{
    char cmd[2048];
    char *out = NULL;
    snprintf(cmd, sizeof cmd, fmt, kgt_binary(), arg, arg, arg);
    *rc = kgt_run(cmd, &out);
    return out;
}

/* An article of our own, written for this test. */
static const char article[] =
    "가상일보 = 김기자 기자 2025.03.01\n"
    "서울연구소가 1일 새 인공지능 모델을 공개했다. 정부는 다음 달 관련 예산을 늘리기로 했다.\n";

Test(fmt, what_extract_writes_is_canonical)
{
    char *dir = kgt_tmpdir(), path[512];
    snprintf(path, sizeof path, "%s/a.txt", dir);
    cr_assert_eq(kgt_write(path, article), 0);
    int rc;
    char *out = run("cd %2$s && %1$s extract a.txt -o a.yaml --date 2025-03-01 2>&1", dir, &rc);
    cr_assert_eq(rc, 0, "%s", out);
    free(out);
    out = run("cd %2$s && %1$s fmt --check a.yaml 2>&1", dir, &rc);
    cr_expect_eq(rc, 0, "kg fmt --check on what kg extract wrote: %s", out);
    free(out);
    free(dir);
}

static const char messy[] = "# 손으로 쓴 주석\n"
                            "kg: 1\n"
                            "document: {id: test-messy, title: 제목}\n"
                            "actors:\n"
                            "  - {id: a, name: 가, type: country}  # 들여쓴 목록\n";

Test(fmt, diff_shows_and_writes_nothing)
{
    char *dir = kgt_tmpdir(), path[512];
    snprintf(path, sizeof path, "%s/m.yaml", dir);
    cr_assert_eq(kgt_write(path, messy), 0);
    int rc;
    char *out = NULL, cmd[1024];
    snprintf(cmd, sizeof cmd, "%s fmt --diff %s 2>&1", kgt_binary(), path);
    rc = kgt_run(cmd, &out);
    cr_expect_eq(rc, 1, "%s", out);
    cr_expect(strstr(out, "+++ ") != NULL, "%s", out);
    cr_expect(strstr(out, "-  - {id: a, name: 가, type: country}  # 들여쓴 목록") != NULL, "%s", out);
    cr_expect(strstr(out, "+- {id: a, name: 가, type: country} # 들여쓴 목록") != NULL, "%s", out);
    free(out);
    char *after = kgt_slurp(path, NULL);
    cr_expect_str_eq(after, messy, "kg fmt --diff changed the file");
    free(after);
    free(dir);
}

Test(fmt, folders_are_walked_hidden_ones_skipped)
{
    char *dir = kgt_tmpdir(), p[512];
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "mkdir -p %s/sub %s/.hidden", dir, dir);
    cr_assert_eq(system(cmd), 0);
    const char *names[] = { "a.yaml", "sub/b.yaml", ".hidden/c.yaml" };
    for (int i = 0; i < 3; i++) {
        snprintf(p, sizeof p, "%s/%s", dir, names[i]);
        cr_assert_eq(kgt_write(p, messy), 0);
    }
    snprintf(p, sizeof p, "%s/kg.yaml", dir); /* not a facts file: left alone */
    cr_assert_eq(kgt_write(p, "title: 내 프로젝트\n"), 0);
    char *out = NULL;
    snprintf(cmd, sizeof cmd, "%s fmt --check %s 2>&1", kgt_binary(), dir);
    cr_expect_eq(kgt_run(cmd, &out), 1, "%s", out);
    cr_expect(strstr(out, "sub/b.yaml") != NULL, "%s", out);
    cr_expect(strstr(out, ".hidden") == NULL, "%s", out);
    free(out);
    snprintf(cmd, sizeof cmd, "%s fmt %s 2>&1", kgt_binary(), dir);
    cr_expect_eq(kgt_run(cmd, &out), 0, "%s", out);
    free(out);
    snprintf(cmd, sizeof cmd, "%s fmt --check %s 2>&1", kgt_binary(), dir);
    cr_expect_eq(kgt_run(cmd, &out), 0, "%s", out);
    free(out);
    for (int i = 0; i < 4; i++) {
        snprintf(p, sizeof p, "%s/%s", dir, i < 3 ? names[i] : "kg.yaml");
        char *t = kgt_slurp(p, NULL);
        if (i == 3)
            cr_expect_str_eq(t, "title: 내 프로젝트\n");
        else if (i == 2)
            cr_expect_str_eq(t, messy, "a hidden folder was formatted");
        else
            cr_expect(strstr(t, "# 손으로 쓴 주석\n") == t && strstr(t, "# 들여쓴 목록"), "%s", t);
        free(t);
    }
    free(dir);
}

Test(fmt, moving_a_comment_needs_force)
{
    char *dir = kgt_tmpdir(), path[512], cmd[1024];
    const char *in = "kg: 1\ndocument:\n  id: d\n  # 모름\n  author:\n";
    snprintf(path, sizeof path, "%s/o.yaml", dir);
    cr_assert_eq(kgt_write(path, in), 0);
    char *out = NULL;
    snprintf(cmd, sizeof cmd, "%s fmt %s 2>&1", kgt_binary(), path);
    cr_expect_eq(kgt_run(cmd, &out), 1, "%s", out);
    cr_expect(strstr(out, "o.yaml:4:3: this comment (and 0 more) would lose its place") != NULL, "%s", out);
    free(out);
    char *t = kgt_slurp(path, NULL);
    cr_expect_str_eq(t, in);
    free(t);
    snprintf(cmd, sizeof cmd, "%s fmt --force %s 2>&1", kgt_binary(), path);
    cr_expect_eq(kgt_run(cmd, &out), 0, "%s", out);
    free(out);
    t = kgt_slurp(path, NULL);
    cr_expect(strstr(t, "document.author (line 4), which is gone:\n# 모름\n") != NULL, "%s", t);
    free(t);
    free(dir);
}
