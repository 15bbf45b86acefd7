/* test_loop.c - the analyst's loop as a user goes through it, end to end:
 * kg init, extract, edit the facts by hand, build and draw, edit the
 * article, check (which names the moved spans), respan, re-extract with
 * --diff and then for real. Nothing the person wrote is lost, no second
 * file appears, and the re-extraction needs no flag the first one had
 * (--date): the facts file made from the same article is found by its
 * source and keeps its document id and date. Articles written for this
 * test. */
#include <criterion/criterion.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kg/buf.h"
#include "testutil.h"

static int kg_in(const char *dir, const char *args, char **out)
{
    return kgt_kg_in(dir, args, out);
}

static int sh_in(const char *dir, const char *script, char **out)
{
    kg_buf cmd = KG_BUF_INIT;
    kg_buf_printf(&cmd, "cd '%s' && { %s; } 2>&1", dir, script);
    int rc = kgt_run(cmd.ptr, out);
    kg_buf_free(&cmd);
    return rc;
}

static const char first[] =
    "미국, 대중 반도체 장비 수출 통제 강화\n"
    "미국 상무부는 지난 13일 중국을 겨냥한 반도체 장비 수출 통제를 강화한다고 발표했다.\n"
    "이에 중국 상무부는 14일 성명을 내고 강하게 반발했다.\n";
/* the same story, corrected upstream: a word before the first span */
static const char second[] =
    "미국, 대중 반도체 장비 수출 통제 강화\n"
    "워싱턴의 미국 상무부는 지난 13일 중국을 겨냥한 반도체 장비 수출 통제를 강화한다고 발표했다.\n"
    "이에 중국 상무부는 14일 성명을 내고 강하게 반발했다.\n";

/* A project made with `kg init p INIT_ARGS` in a new temporary folder, its
 * article articles/a.txt holding `first`, extracted with a document date. */
typedef struct loop_project {
    char *dir;      /* the temporary folder */
    kg_buf p, a;    /* the project folder and the article's path */
} loop_project;

static void project_start(loop_project *lp, const char *init_args)
{
    char *out = NULL;
    lp->dir = kgt_tmpdir();
    kg_buf cmd = KG_BUF_INIT;
    kg_buf_printf(&cmd, "init p%s", init_args);
    cr_assert_eq(kg_in(lp->dir, cmd.ptr, &out), 0, "%s", out);
    free(out);
    kg_buf_free(&cmd);
    lp->p = (kg_buf)KG_BUF_INIT;
    lp->a = (kg_buf)KG_BUF_INIT;
    kg_buf_printf(&lp->p, "%s/p", lp->dir);
    kg_buf_printf(&lp->a, "%s/p/articles/a.txt", lp->dir);
    cr_assert_eq(kgt_write(lp->a.ptr, first), 0);
    cr_assert_eq(kg_in(lp->p.ptr, "extract --date 2025-01-15 articles/a.txt", &out), 0, "%s", out);
    free(out);
}

static void project_end(loop_project *lp)
{
    kg_buf rm = KG_BUF_INIT;
    kg_buf_printf(&rm, "rm -rf '%s'", lp->dir);
    cr_expect_eq(system(rm.ptr), 0);
    kg_buf_free(&rm);
    kg_buf_free(&lp->p);
    kg_buf_free(&lp->a);
    free(lp->dir);
}

Test(loop, edit_facts_then_the_article_then_re_extract)
{
    char *out = NULL;
    loop_project lp;
    project_start(&lp, " --title 루프");
    const kg_buf p = lp.p, a = lp.a;
    /* the person retitles the document and notes something above e2 */
    cr_assert_eq(sh_in(p.ptr, "f=$(ls facts/*.yaml) && "
                              "sed -i 's/^  title: 미국, .*/  title: 미 상무부의 통제 강화 # 손봄/' \"$f\" && "
                              "sed -i 's/^- id: e2$/# 원문과 대조함\\n- id: e2/' \"$f\" && "
                              "grep -q '# 손봄' \"$f\" && grep -q '# 원문과 대조함' \"$f\"", &out), 0,
                 "%s", out);
    free(out);
    cr_expect_eq(kg_in(p.ptr, "check", &out), 0, "%s", out);
    free(out);
    cr_expect_eq(kg_in(p.ptr, "build", &out), 0, "%s", out);
    free(out);
    cr_expect_eq(kg_in(p.ptr, "report", &out), 0, "%s", out);
    free(out);
    /* the article changes: check names the moved spans, respan moves them */
    cr_assert_eq(kgt_write(a.ptr, second), 0);
    cr_expect_eq(kg_in(p.ptr, "check", &out), 1, "%s", out);
    cr_expect(strstr(out, "moved: its text is now at") != NULL, "%s", out);
    free(out);
    cr_expect_eq(kg_in(p.ptr, "respan facts", &out), 0, "%s", out);
    free(out);
    cr_expect_eq(kg_in(p.ptr, "check", &out), 0, "%s", out);
    free(out);
    /* re-extract, with no --date: the same file, merged, no conflict */
    cr_expect_eq(kg_in(p.ptr, "extract --diff articles/a.txt", &out), 0, "%s", out);
    cr_expect(!strstr(out, "@@ -0,0"), "--diff compared with no file: %s", out);
    free(out);
    cr_expect_eq(kg_in(p.ptr, "extract articles/a.txt", &out), 0, "%s", out);
    cr_expect(strstr(out, "merged") != NULL, "%s", out);
    cr_expect(!strstr(out, "both changed"), "a conflict where kg itself moved the spans: %s", out);
    free(out);
    cr_assert_eq(sh_in(p.ptr, "ls facts/*.yaml | wc -l; cat facts/*.yaml", &out), 0);
    cr_expect(strncmp(out, "1\n", 2) == 0, "a second facts file appeared: %s", out);
    cr_expect(strstr(out, "title: 미 상무부의 통제 강화 # 손봄") != NULL, "the hand title is lost: %s", out);
    cr_expect(strstr(out, "# 원문과 대조함\n- id: e2") != NULL, "the comment is lost: %s", out);
    cr_expect(strstr(out, "published: 2025-01-15") != NULL, "the date is lost: %s", out);
    cr_expect(strstr(out, "date: 2025-01-13") != NULL, "relative dates were not resolved: %s", out);
    free(out);
    cr_expect_eq(kg_in(p.ptr, "check", &out), 0, "%s", out);
    free(out);
    project_end(&lp);
}

/* A sentence added at the top of the article makes a new first event: the
 * facts that were there keep their ids (found by their quotes), so the
 * person's edits stay on the right events and nothing conflicts. */
Test(loop, a_new_first_sentence_does_not_renumber_the_events)
{
    char *out = NULL;
    loop_project lp;
    project_start(&lp, "");
    const kg_buf p = lp.p, a = lp.a;
    /* the person retitles the protest (e2) */
    cr_assert_eq(sh_in(p.ptr, "f=$(ls facts/*.yaml) && grep -q '^- id: e2$' \"$f\" && "
                              "sed -i '/^- id: e2$/,/^- /s/^  title: .*/  title: 중국의 항의 # 손봄/' \"$f\" && "
                              "grep -q '중국의 항의' \"$f\"", &out), 0, "%s", out);
    free(out);
    /* a new first sentence: an event before the others */
    kg_buf t = KG_BUF_INIT;
    kg_buf_puts(&t, "미국, 대중 반도체 장비 수출 통제 강화\n"
                    "일본 정부는 지난 10일 반도체 장비 수출 규제를 발표했다.\n");
    kg_buf_puts(&t, strchr(first, '\n') + 1);
    cr_assert_eq(kgt_write(a.ptr, t.ptr), 0);
    kg_buf_free(&t);
    cr_expect_eq(kg_in(p.ptr, "respan", &out), 0, "%s", out);
    free(out);
    cr_expect_eq(kg_in(p.ptr, "extract articles/a.txt", &out), 0, "%s", out);
    cr_expect(!strstr(out, "both changed") && !strstr(out, "no longer finds"), "%s", out);
    free(out);
    cr_assert_eq(sh_in(p.ptr, "cat facts/*.yaml", &out), 0);
    /* the retitled protest is still e2, the new event got a new id */
    char *e2 = strstr(out, "- id: e2\n");
    cr_expect(e2 && strstr(e2, "title: 중국의 항의 # 손봄") &&
                  strstr(e2, "type: protest"), "the hand title moved to another event: %s", out);
    cr_expect(strstr(out, "- id: e3\n") != NULL, "the new event has no new id: %s", out);
    cr_expect(strstr(out, "{from: e2, type: responds-to, to: e1}") != NULL, "%s", out);
    free(out);
    cr_expect_eq(kg_in(p.ptr, "check", &out), 0, "%s", out);
    free(out);
    project_end(&lp);
}
