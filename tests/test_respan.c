/* test_respan.c - quotes beside spans (kg/quote.h), kg check's "span
 * moved" warning and kg respan, on an article of our own: a word inserted
 * before the spans, the spanned text deleted, --dry-run, --diff,
 * --add-quotes. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kg/buf.h"
#include "kg/factio.h"
#include "kg/quote.h"
#include "kg/utf8.h"
#include "testutil.h"

static const char article[] =
    "서울연구소가 1일 새 인공지능 모델을 공개했다. 연구소는 이 모델이 한국어 문서를 빠르게 "
    "요약한다고 밝혔다. 정부는 다음 달 관련 예산을 늘리기로 했다.\n";

static long long off(const char *text, const char *piece)
{
    const char *p = strstr(text, piece);
    cr_assert_not_null(p, "'%s' not in the text", piece);
    return p - text;
}

Test(quote, whole_or_head_and_tail_on_character_boundaries)
{
    const char *t = article;
    size_t len = strlen(t);
    long long a = off(t, "새 인공지능"), b = off(t, ". 연구소는");
    char *q = kg_quote_make(t, len, a, b);
    cr_expect_str_eq(q, "새 인공지능 모델을 공개했다");
    cr_expect(kg_quote_at(t, len, q, a, b));
    cr_expect(!kg_quote_at(t, len, q, a + 3, b + 3));
    free(q);
    /* the whole article: more than 48 characters */
    q = kg_quote_make(t, len, 0, (long long)len - 1);
    cr_expect_str_eq(q, "서울연구소가 1일 새 인공지능 모델을 … 다음 달 관련 예산을 늘리기로 했다.");
    cr_expect_eq(kg_utf8_check(q, strlen(q)), strlen(q));
    free(q);
    /* a span that cuts a character has no quote */
    cr_expect_null(kg_quote_make(t, len, 1, 9));
    cr_expect_null(kg_quote_make(t, len, 5, 5));
}

Test(quote, found_again_after_an_insert_nearest_first)
{
    const char *t = article;
    long long a = off(t, "정부는"), b = off(t, "했다.\n") + 6;
    char *q = kg_quote_make(t, strlen(t), a, b);
    kg_buf e = KG_BUF_INIT;
    kg_buf_add(&e, t, (size_t)off(t, "새 "));
    kg_buf_puts(&e, "오후에 ");
    kg_buf_puts(&e, t + off(t, "새 "));
    long long na, nb;
    cr_assert(kg_quote_find(e.ptr, e.len, q, a, b, &na, &nb));
    cr_expect_eq(na, a + 10);
    cr_expect_eq(nb, b + 10);
    /* deleted: not found */
    cr_expect(!kg_quote_find(t, (size_t)a, q, a, b, &na, &nb));
    free(q);
    kg_buf_free(&e);
    /* twice in the text: the one nearest the old place */
    const char *twice = "예산을 늘린다. 그리고 예산을 늘린다.";
    long long second = off(twice, "그리고") + 10;
    cr_assert(kg_quote_find(twice, strlen(twice), "예산을 늘린다", second - 3, second + 16, &na, &nb));
    cr_expect_eq(na, second);
    cr_assert(kg_quote_find(twice, strlen(twice), "예산을 늘린다", 0, 19, &na, &nb));
    cr_expect_eq(na, 0);
}

Test(quote, a_long_quote_is_found_by_head_and_tail)
{
    const char *t = article;
    size_t len = strlen(t);
    long long a = off(t, "연구소는"), b = off(t, "했다.\n") + 6;
    char *q = kg_quote_make(t, len, a, b);
    cr_assert(strstr(q, KG_QUOTE_SEP) != NULL, "%s", q);
    kg_buf e = KG_BUF_INIT;
    kg_buf_puts(&e, "머리말. ");
    kg_buf_puts(&e, t);
    long long na, nb;
    cr_assert(kg_quote_find(e.ptr, e.len, q, a, b, &na, &nb));
    cr_expect_eq(na, a + 11);
    cr_expect_eq(nb, b + 11);
    free(q);
    kg_buf_free(&e);
}

/* ---- the commands ---- */

typedef struct fixture {
    char *dir;
    char txt[512], yml[512];
} fixture;

/* Writes the article and a facts file for it: two events and a figure,
 * with quotes (or not), a comment, and the article's sha256. */
static void setup(fixture *f, int quotes)
{
    f->dir = kgt_tmpdir();
    snprintf(f->txt, sizeof f->txt, "%s/a.txt", f->dir);
    snprintf(f->yml, sizeof f->yml, "%s/a.yaml", f->dir);
    cr_assert_eq(kgt_write(f->txt, article), 0);
    const char *t = article;
    size_t len = strlen(t);
    long long s1 = off(t, "새 인공지능"), e1 = off(t, ". 연구소는");
    long long s2 = off(t, "정부는"), e2 = off(t, "했다.\n") + 6;
    long long s3 = off(t, "1일"), e3 = s3 + 4;
    char hex[65];
    kg_sha256_hex(t, len, hex);
    char *q1 = kg_quote_make(t, len, s1, e1), *q2 = kg_quote_make(t, len, s2, e2),
         *q3 = kg_quote_make(t, len, s3, e3);
    kg_buf y = KG_BUF_INIT;
    kg_buf_printf(&y,
                  "kg: 1\n"
                  "document:\n"
                  "  id: test-20250301-respan\n"
                  "  source: a.txt\n"
                  "  sha256: %s\n"
                  "events:\n"
                  "- id: e1\n"
                  "  type: release\n"
                  "  span: [%lld, %lld]\n", hex, s1, e1);
    if (quotes)
        kg_buf_printf(&y, "  quote: %s\n", q1);
    kg_buf_printf(&y,
                  "# 예산 사건: 손으로 쓴 주석\n"
                  "- id: e2\n"
                  "  type: pledge\n"
                  "  span: [%lld, %lld] # 끝 주석\n", s2, e2);
    if (quotes)
        kg_buf_printf(&y, "  quote: %s\n", q2);
    kg_buf_printf(&y, "figures:\n- id: f1\n  value: 1\n  unit: day\n  span: [%lld, %lld]\n", s3, e3);
    if (quotes)
        kg_buf_printf(&y, "  quote: %s\n", q3);
    cr_assert_eq(kgt_write(f->yml, y.ptr), 0);
    kg_buf_free(&y);
    free(q1);
    free(q2);
    free(q3);
}

static void teardown(fixture *f)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf %s", f->dir);
    if (system(cmd) != 0)
        cr_log_warn("cannot remove %s", f->dir);
    free(f->dir);
}

static void edit(fixture *f, const char *from, const char *to)
{
    char *t = kgt_slurp(f->txt, NULL);
    char *p = strstr(t, from);
    cr_assert_not_null(p);
    kg_buf b = KG_BUF_INIT;
    kg_buf_add(&b, t, (size_t)(p - t));
    kg_buf_puts(&b, to);
    kg_buf_puts(&b, p + strlen(from));
    cr_assert_eq(kgt_write(f->txt, b.ptr), 0);
    kg_buf_free(&b);
    free(t);
}

static int kg(const fixture *f, const char *args, char **out)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "cd %s && %s %s 2>&1", f->dir, kgt_binary(), args);
    return kgt_run(cmd, out);
}

Test(respan, a_word_inserted_before_the_spans)
{
    fixture f;
    setup(&f, 1);
    char *out;
    cr_assert_eq(kg(&f, "check a.yaml", &out), 0, "%s", out);
    free(out);
    edit(&f, "서울연구소가", "서울연구소가 오늘");
    kg(&f, "check a.yaml", &out);
    cr_expect(strstr(out, "a.yaml:9:9: warning: span [") != NULL, "%s", out);
    cr_expect(strstr(out, "moved: its text is now at [") != NULL, "%s", out);
    cr_expect(strstr(out, "run 'kg respan a.yaml'") != NULL, "%s", out);
    free(out);
    char *before = kgt_slurp(f.yml, NULL);
    cr_expect_eq(kg(&f, "respan --dry-run a.yaml", &out), 0, "%s", out);
    cr_expect(strstr(out, "would move 3 span(s)") != NULL, "%s", out);
    free(out);
    cr_expect_eq(kg(&f, "respan --diff a.yaml", &out), 1, "%s", out);
    cr_expect(strstr(out, "+  span: [") != NULL, "%s", out);
    free(out);
    char *same = kgt_slurp(f.yml, NULL);
    cr_expect_str_eq(same, before, "--dry-run or --diff wrote the file");
    free(same);
    cr_expect_eq(kg(&f, "respan a.yaml", &out), 0, "%s", out);
    free(out);
    cr_expect_eq(kg(&f, "check a.yaml", &out), 0, "%s", out);
    cr_expect(strstr(out, "warning") == NULL, "after respan: %s", out);
    free(out);
    char *after = kgt_slurp(f.yml, NULL);
    cr_expect(strstr(after, "# 예산 사건: 손으로 쓴 주석\n- id: e2\n") != NULL, "%s", after);
    cr_expect(strstr(after, "# 끝 주석\n") != NULL, "%s", after);
    free(after);
    free(before);
    teardown(&f);
}

Test(respan, the_spanned_text_deleted)
{
    fixture f;
    setup(&f, 1);
    char *out;
    edit(&f, "서울연구소가", "서울연구소가 오늘");
    edit(&f, " 정부는 다음 달 관련 예산을 늘리기로 했다.", "");
    kg(&f, "check a.yaml", &out);
    cr_expect(strstr(out, "a.yaml:14:9: warning: span [") != NULL, "%s", out);
    cr_expect(strstr(out, "its text is not found in the source text") != NULL, "%s", out);
    free(out);
    char *before = kgt_slurp(f.yml, NULL);
    cr_expect_eq(kg(&f, "respan a.yaml", &out), 1, "%s", out);
    cr_expect(strstr(out, "a.yaml:14:9: span [") != NULL, "%s", out);
    cr_expect(strstr(out, "its quote is not in the source text any more") != NULL, "%s", out);
    free(out);
    char *after = kgt_slurp(f.yml, NULL);
    cr_expect_str_neq(after, before, "the spans that could be placed were not moved");
    /* the sha256 stays, so kg check goes on warning */
    char *sha_b = strstr(before, "sha256: "), *sha_a = strstr(after, "sha256: ");
    cr_expect(sha_a && strncmp(sha_a, sha_b, 72) == 0, "%s", after);
    free(after);
    free(before);
    teardown(&f);
}

Test(respan, add_quotes_on_the_unchanged_text_only)
{
    fixture f;
    setup(&f, 0);
    char *out;
    cr_expect_eq(kg(&f, "respan --add-quotes a.yaml", &out), 0, "%s", out);
    free(out);
    char *t = kgt_slurp(f.yml, NULL);
    cr_expect(strstr(t, "  quote: 새 인공지능 모델을 공개했다\n") != NULL, "%s", t);
    cr_expect(strstr(t, "  quote: 1일\n") != NULL, "%s", t);
    free(t);
    teardown(&f);
    /* changed text, no quotes: nothing to find the spans by */
    setup(&f, 0);
    edit(&f, "서울연구소가", "서울연구소가 오늘");
    cr_expect_eq(kg(&f, "respan --add-quotes a.yaml", &out), 1, "%s", out);
    cr_expect(strstr(out, "a.yaml:9:9: span [") != NULL, "%s", out);
    cr_expect(strstr(out, "has no quote to be found by") != NULL, "%s", out);
    free(out);
    teardown(&f);
}

Test(respan, the_source_must_be_readable)
{
    fixture f;
    setup(&f, 1);
    char *out;
    remove(f.txt);
    cr_expect_eq(kg(&f, "respan a.yaml", &out), 1, "%s", out);
    cr_expect(strstr(out, "kg respan needs the source text") != NULL, "%s", out);
    free(out);
    teardown(&f);
}
