/* test_extract_write.c - how kg extract writes facts files: named by
 * document id in a folder (two inputs for one file stop everything),
 * numbered backups that are never overwritten, the merge of a re-extraction
 * with hand edits (and --diff), the warnings for a missing date and a text
 * that is not Korean, and the lexicon's part_of/country kept for timelines. */
#include <criterion/criterion.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kg/buf.h"
#include "kg/merge.h"
#include "testutil.h"

/* Runs a shell command in dir with the bundled lexicons; output in *out. */
static int sh(const char *dir, char **out, const char *fmt, ...)
{
    char cwd[4096], cmd[16384], body[12000];
    cr_assert(getcwd(cwd, sizeof cwd) != NULL);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(body, sizeof body, fmt, ap);
    va_end(ap);
    snprintf(cmd, sizeof cmd, "cd '%s' && export KG_DATA='%s/yaml' KG='%s' && { %s ; } 2>&1", dir,
             cwd, kgt_binary(), body);
    return kgt_run(cmd, out);
}

static char *path_in(const char *dir, const char *name)
{
    kg_buf b = KG_BUF_INIT;
    kg_buf_printf(&b, "%s/%s", dir, name);
    return kg_buf_detach(&b, NULL);
}

static void put(const char *dir, const char *name, const char *text)
{
    char *p = path_in(dir, name);
    cr_assert(kgt_write(p, text) == 0, "cannot write %s", p);
    free(p);
}

static char *get(const char *dir, const char *name)
{
    char *p = path_in(dir, name);
    char *t = kgt_slurp(p, NULL);
    free(p);
    return t;
}

static int exists(const char *dir, const char *name)
{
    char *p = path_in(dir, name);
    struct stat st;
    int r = stat(p, &st) == 0;
    free(p);
    return r;
}

/* Replaces the first `from` in the file by `to`. */
static void edit(const char *dir, const char *name, const char *from, const char *to)
{
    char *t = get(dir, name);
    cr_assert(t, "%s is missing", name);
    char *at = strstr(t, from);
    cr_assert(at, "'%s' not in %s:\n%s", from, name, t);
    kg_buf b = KG_BUF_INIT;
    kg_buf_add(&b, t, (size_t)(at - t));
    kg_buf_puts(&b, to);
    kg_buf_puts(&b, at + strlen(from));
    put(dir, name, b.ptr);
    kg_buf_free(&b);
    free(t);
}

/* Removes the list item that starts with the line `head` (up to the next
 * line that is not indented under it). */
static void cut_item(const char *dir, const char *name, const char *head)
{
    char *t = get(dir, name);
    cr_assert(t, "%s is missing", name);
    char *at = strstr(t, head);
    cr_assert(at, "'%s' not in %s:\n%s", head, name, t);
    char *end = at + strlen(head);
    while (*end == ' ')
        end = strchr(end, '\n') ? strchr(end, '\n') + 1 : end + strlen(end);
    kg_buf b = KG_BUF_INIT;
    kg_buf_add(&b, t, (size_t)(at - t));
    kg_buf_puts(&b, end);
    put(dir, name, b.ptr);
    kg_buf_free(&b);
    free(t);
}

static const char *art_a = "미국 정부, 새 규제 발표\n"
                           "미국 정부가 지난 2일 중국을 겨냥해 새 규제를 발표했다.\n"
                           "이에 중국 상무부는 강하게 반발했다.\n";
static const char *art_b = "연구소 설립\n한 대학이 지난 5일 새 연구소를 설립했다.\n";
static const char *more = "구글은 지난 3일 새 반도체를 공개했다.\n";

Test(extract_write, same_basename_two_files)
{
    char *dir = kgt_tmpdir(), *out = NULL;
    /* a project whose articles folder holds a/ and b/ (sources must lie
     * inside the project) */
    cr_assert(sh(dir, &out, "mkdir a b && echo 'articles: .' > kg.yaml") == 0);
    free(out);
    put(dir, "a/article.txt", art_a);
    put(dir, "b/article.txt", art_b);
    int rc = sh(dir, &out, "$KG extract --date 2025-01-05 a/article.txt b/article.txt -o facts/");
    cr_expect_eq(rc, 0, "%s", out);
    free(out);
    /* one file per document, named by its id; both pass kg check */
    rc = sh(dir, &out, "ls facts/*.yaml | wc -l; grep -l '연구소 설립' facts/*.yaml; "
                       "grep -l '새 규제 발표' facts/*.yaml; $KG check facts");
    cr_expect_eq(rc, 0, "%s", out);
    cr_expect(out && strncmp(out, "2\n", 2) == 0, "not two files: %s", out);
    cr_expect(out && strstr(out, "facts/article-20250105-") != NULL, "%s", out);
    free(out);
    free(dir);
}

Test(extract_write, one_file_for_two_inputs_writes_nothing)
{
    char *dir = kgt_tmpdir(), *out = NULL;
    /* a project whose articles folder holds a/ and b/ (sources must lie
     * inside the project) */
    cr_assert(sh(dir, &out, "mkdir a b && echo 'articles: .' > kg.yaml") == 0);
    free(out);
    put(dir, "a/article.txt", art_a);
    put(dir, "b/article.txt", art_a); /* the same document twice */
    put(dir, "a.txt", art_a);
    int rc = sh(dir, &out, "$KG extract --date 2025-01-05 a/article.txt b/article.txt -o facts/");
    cr_expect_eq(rc, 2, "%s", out);
    cr_expect(out && strstr(out, "a/article.txt and b/article.txt") &&
                  strstr(out, "nothing written"), "%s", out);
    free(out);
    cr_expect(!exists(dir, "facts"), "a folder was left behind");
    /* into an existing folder: still nothing */
    cr_assert(sh(dir, &out, "mkdir facts") == 0);
    free(out);
    rc = sh(dir, &out, "$KG extract --date 2025-01-05 a/article.txt b/article.txt -o facts; "
                       "ls -A facts | wc -l");
    cr_expect_eq(rc, 0, "%s", out);
    cr_expect(out && strstr(out, "\n0\n"), "something was written: %s", out);
    free(out);
    /* one input and -o FILE is as before */
    rc = sh(dir, &out, "$KG extract --date 2025-01-05 a.txt -o one.yaml && test -s one.yaml");
    cr_expect_eq(rc, 0, "%s", out);
    free(out);
    free(dir);
}

Test(extract_write, force_backups_are_numbered)
{
    char *dir = kgt_tmpdir(), *out = NULL;
    put(dir, "a.txt", art_a);
    cr_assert(sh(dir, &out, "$KG extract --date 2025-01-05 a.txt -o a.yaml") == 0, "%s", out);
    free(out);
    char *mine1 = get(dir, "a.yaml");
    kg_buf e = KG_BUF_INIT;
    kg_buf_printf(&e, "%s# first hand edit\n", mine1);
    put(dir, "a.yaml", e.ptr);
    int rc = sh(dir, &out, "$KG extract --force --date 2025-01-05 a.txt -o a.yaml");
    cr_expect_eq(rc, 0, "%s", out);
    cr_expect(out && strstr(out, "kept as a.yaml.orig"), "%s", out);
    free(out);
    char *kept = get(dir, "a.yaml.orig");
    cr_expect(kept && strcmp(kept, e.ptr) == 0, "a.yaml.orig is not the first edit");
    free(kept);
    /* a second hand edit and --force: the first backup stays */
    kg_buf e2 = KG_BUF_INIT;
    kg_buf_printf(&e2, "%s# second hand edit\n", mine1);
    put(dir, "a.yaml", e2.ptr);
    rc = sh(dir, &out, "$KG extract --force --date 2025-01-05 a.txt -o a.yaml");
    cr_expect_eq(rc, 0, "%s", out);
    cr_expect(out && strstr(out, "kept as a.yaml.orig.1"), "the message does not name the "
              "backup written: %s", out);
    free(out);
    kept = get(dir, "a.yaml.orig");
    cr_expect(kept && strcmp(kept, e.ptr) == 0, "the first backup was overwritten");
    free(kept);
    kept = get(dir, "a.yaml.orig.1");
    cr_expect(kept && strcmp(kept, e2.ptr) == 0, "a.yaml.orig.1 is not the second edit");
    free(kept);
    kg_buf_free(&e);
    kg_buf_free(&e2);
    free(mine1);
    free(dir);
}

Test(extract_write, fmt_force_backups_are_numbered)
{
    char *dir = kgt_tmpdir(), *out = NULL;
    /* a comment above an empty value has no line to go back to: fmt --force
     * moves it to the end and keeps the old file */
    put(dir, "f.yaml", "kg: 1\ndocument:\n  id: x\n  title: y\n  # one\n  author:\n");
    cr_expect_eq(sh(dir, &out, "$KG fmt --force f.yaml"), 0, "%s", out);
    free(out);
    put(dir, "f.yaml", "kg: 1\ndocument:\n  id: x\n  title: y\n  # two\n  author:\n");
    cr_expect_eq(sh(dir, &out, "$KG fmt --force f.yaml"), 0, "%s", out);
    cr_expect(out && strstr(out, "f.yaml.orig.1"), "%s", out);
    free(out);
    char *a = get(dir, "f.yaml.orig"), *b = get(dir, "f.yaml.orig.1");
    cr_expect(a && strstr(a, "# one"), "f.yaml.orig lost the first comment");
    cr_expect(b && strstr(b, "# two"), "f.yaml.orig.1 lacks the second comment");
    free(a);
    free(b);
    free(dir);
}

/* Extracts a.txt to a.yaml and edits it by hand: a new document title, a
 * comment, event e2 and its relation deleted. */
static char *hand_edited(void)
{
    char *dir = kgt_tmpdir(), *out = NULL;
    put(dir, "a.txt", art_a);
    cr_assert(sh(dir, &out, "$KG extract --date 2025-01-05 a.txt -o a.yaml") == 0, "%s", out);
    free(out);
    cr_assert(exists(dir, ".kg/a.yaml"), "kg keeps no copy of what it wrote");
    edit(dir, "a.yaml", "title: 미국 정부, 새 규제 발표", "title: 미국의 대중 규제 # 고침");
    edit(dir, "a.yaml", "- id: e1\n", "# e1: 원문과 대조함\n- id: e1\n");
    cut_item(dir, "a.yaml", "- id: e2\n");
    edit(dir, "a.yaml", "- {from: e2, type: responds-to, to: e1}\n", "");
    return dir;
}

Test(extract_write, merge_keeps_hand_edits)
{
    char *dir = hand_edited(), *out = NULL;
    /* the article grows by a sentence: a new machine event */
    kg_buf t = KG_BUF_INIT;
    kg_buf_printf(&t, "%s%s", art_a, more);
    put(dir, "a.txt", t.ptr);
    kg_buf_free(&t);
    int rc = sh(dir, &out, "$KG extract --date 2025-01-05 a.txt -o a.yaml");
    cr_expect_eq(rc, 0, "%s", out);
    cr_expect(out && strstr(out, "merged"), "%s", out);
    free(out);
    char *y = get(dir, "a.yaml");
    cr_assert(y);
    cr_expect(strstr(y, "title: 미국의 대중 규제 # 고침\n"), "the hand title is gone:\n%s", y);
    cr_expect(strstr(y, "# e1: 원문과 대조함\n- id: e1\n"), "the comment is gone:\n%s", y);
    cr_expect(strstr(y, "구글, 새 반도체 공개"), "the new event did not arrive:\n%s", y);
    cr_expect(!strstr(y, "id: e2\n") && !strstr(y, "from: e2"),
              "the event deleted by hand is back:\n%s", y);
    cr_expect(!strstr(y, "b090872662888ac9a2b7f3f4e3bfd268ceeccafe2de6b6d99970a82c91a03bec"),
              "the sha256 is stale:\n%s", y);
    cr_expect(!strstr(y, "kg-checksum"), "a merged file must not pass as kg's own:\n%s", y);
    free(y);
    cr_expect_eq(sh(dir, &out, "$KG check a.yaml"), 0, "the merge does not pass kg check: %s",
                 out);
    free(out);
    /* again, with nothing new: the file stays as it is */
    y = get(dir, "a.yaml");
    cr_expect_eq(sh(dir, &out, "$KG extract --date 2025-01-05 a.txt -o a.yaml"), 0, "%s", out);
    free(out);
    char *y2 = get(dir, "a.yaml");
    cr_expect(y && y2 && strcmp(y, y2) == 0, "a second merge changed the file");
    free(y);
    free(y2);
    free(dir);
}

Test(extract_write, diff_writes_nothing)
{
    char *dir = hand_edited(), *out = NULL;
    kg_buf t = KG_BUF_INIT;
    kg_buf_printf(&t, "%s%s", art_a, more);
    put(dir, "a.txt", t.ptr);
    kg_buf_free(&t);
    char *before = get(dir, "a.yaml"), *base = get(dir, ".kg/a.yaml");
    int rc = sh(dir, &out, "$KG extract --diff --date 2025-01-05 a.txt -o a.yaml");
    cr_expect_eq(rc, 0, "%s", out);
    cr_expect(out && strstr(out, "--- a.yaml\n") && strstr(out, "+  title: 구글, 새 반도체 공개"),
              "no diff shown: %s", out);
    free(out);
    char *after = get(dir, "a.yaml"), *base2 = get(dir, ".kg/a.yaml");
    cr_expect(after && strcmp(before, after) == 0, "--diff changed the file");
    cr_expect(base2 && strcmp(base, base2) == 0, "--diff changed kg's copy");
    cr_expect(!exists(dir, "a.yaml.orig"), "--diff made a backup");
    free(before);
    free(after);
    free(base);
    free(base2);
    /* --diff needs something to compare with */
    cr_expect_eq(sh(dir, &out, "$KG extract --diff a.txt"), 2, "%s", out);
    free(out);
    free(dir);
}

Test(extract_write, conflict_is_reported_and_yours_kept)
{
    char *dir = hand_edited(), *out = NULL;
    edit(dir, "a.yaml", "title: 미국 정부, 중국 새 규제 발표", "title: 미국이 규제를 발표");
    /* the article changes the same event */
    kg_buf t = KG_BUF_INIT;
    kg_buf_puts(&t, art_a);
    char *at = strstr(t.ptr, "발표했다");
    cr_assert(at);
    memcpy(at, "시행했다", strlen("시행했다"));
    put(dir, "a.txt", t.ptr);
    kg_buf_free(&t);
    int rc = sh(dir, &out, "$KG extract --date 2025-01-05 a.txt -o a.yaml");
    cr_expect_eq(rc, 1, "%s", out);
    cr_expect(out && strstr(out, "a.yaml:") && strstr(out, "warning: 'title' of event e1") &&
                  strstr(out, "kg now says: title: 미국 정부, 중국 새 규제 시행"),
              "no conflict reported: %s", out);
    free(out);
    char *y = get(dir, "a.yaml");
    cr_expect(y && strstr(y, "title: 미국이 규제를 발표\n"), "the hand title is gone:\n%s", y);
    free(y);
    free(dir);
}

Test(extract_write, no_base_refuses)
{
    char *dir = hand_edited(), *out = NULL;
    cr_assert(sh(dir, &out, "rm .kg/a.yaml") == 0);
    free(out);
    char *before = get(dir, "a.yaml");
    int rc = sh(dir, &out, "$KG extract --date 2025-01-05 a.txt -o a.yaml");
    cr_expect_eq(rc, 1, "%s", out);
    cr_expect(out && strstr(out, "--diff") && strstr(out, "--force"), "%s", out);
    free(out);
    char *after = get(dir, "a.yaml");
    cr_expect(after && strcmp(before, after) == 0, "the hand-edited file was changed");
    free(before);
    free(after);
    free(dir);
}

Test(extract_write, hidden_base_folder_is_not_loaded)
{
    char *dir = kgt_tmpdir(), *out = NULL;
    put(dir, "a.txt", art_a);
    put(dir, "b.txt", art_b);
    put(dir, "kg.yaml", "articles: .\n");
    int rc = sh(dir, &out, "$KG extract --date 2025-01-05 a.txt b.txt -o facts && "
                           "test -d facts/.kg && $KG check facts");
    cr_expect_eq(rc, 0, "%s", out);
    cr_expect(out && !strstr(out, "duplicate") && !strstr(out, ".kg/"), "%s", out);
    free(out);
    free(dir);
}

Test(extract_write, no_date_warns)
{
    char *dir = kgt_tmpdir(), *out = NULL;
    put(dir, "a.txt", art_a);
    int rc = sh(dir, &out, "$KG extract a.txt -o a.yaml");
    cr_expect_eq(rc, 0, "%s", out);
    cr_expect(out && strstr(out, "a.txt: warning: no publication date found (no dateline, no "
                                 "--date): relative dates are null; give --date YYYY-MM-DD"),
              "%s", out);
    free(out);
    rc = sh(dir, &out, "$KG extract --date 2025-01-05 a.txt -o b.yaml");
    cr_expect(out && !strstr(out, "publication date"), "%s", out);
    free(out);
    free(dir);
}

Test(extract_write, not_korean_is_an_error)
{
    char *dir = kgt_tmpdir(), *out = NULL;
    put(dir, "en.txt", "US tightens chip rules\nThe US government announced new export rules "
                       "on the 2nd. China's commerce ministry objected strongly.\n");
    int rc = sh(dir, &out, "$KG extract --date 2025-01-05 en.txt -o en.yaml");
    cr_expect_eq(rc, 1, "%s", out);
    cr_expect(out && strstr(out, "en.txt: not a Korean text"), "%s", out);
    free(out);
    cr_expect(!exists(dir, "en.yaml"), "an empty facts file was written");
    free(dir);
}

Test(extract_write, lexicon_country_gives_lanes)
{
    char *dir = kgt_tmpdir(), *out = NULL;
    put(dir, "c.txt", "중국, 미국 규제에 반발\n"
                      "미국 정부가 지난 2일 중국을 겨냥해 새 규제를 발표했다.\n"
                      "이에 중국 상무부는 지난 3일 강하게 반발했다.\n");
    int rc = sh(dir, &out, "$KG extract --date 2025-01-05 c.txt -o c.yaml && $KG check c.yaml && "
                           "$KG timeline --lanes country -T dot c.yaml | grep -o 'lanelabel[.][a-z-]*' "
                           "| sort -u");
    cr_expect_eq(rc, 0, "%s", out);
    cr_expect(out && strcmp(out, "lanelabel.china\nlanelabel.usa\n") == 0,
              "the events are not in their countries' lanes: %s", out);
    free(out);
    char *y = get(dir, "c.yaml");
    cr_expect(y && strstr(y, "- id: us-government\n  name: 미국 정부\n  type: government\n"
                             "  part_of: usa\n"), "%s", y);
    free(y);
    free(dir);
}

/* kg_facts_merge of three small texts into *out (emptied first; the
 * caller frees it): the number of conflicts. */
static long merge3(const char *base, const char *hand, const char *mach, kg_buf *out)
{
    kg_diag d = KG_DIAG_INIT;
    kg_buf_reset(out);
    long c = kg_facts_merge("h.yaml", base, strlen(base), hand, strlen(hand), mach, strlen(mach), out, &d);
    kg_diag_free(&d);
    return c;
}

/* The merge itself, on small texts. */
Test(extract_write, merge_unit)
{
    const char *base = "kg: 1\ndocument:\n  id: d\n  title: t\nactors:\n- id: a\n  name: A\n"
                       "events:\n- id: e1\n  title: one\n  type: other\n- id: e2\n  title: two\n"
                       "  type: other\n";
    const char *hand = "kg: 1\ndocument:\n  id: d\n  # mine\n  title: T\nactors:\n- id: a\n"
                       "  name: A\n  note: kept\nevents:\n- id: e1\n  title: one\n  type: other\n";
    const char *mach = "kg: 1\ndocument:\n  id: d\n  title: t\n  published: 2025\nactors:\n"
                       "- id: a\n  name: A\n- id: b\n  name: B\nevents:\n- id: e1\n  title: uno\n"
                       "  type: other\n- id: e2\n  title: two\n  type: other\n- id: e3\n"
                       "  title: three\n  type: other\n";
    const char *want = "kg: 1\ndocument:\n  id: d\n  # mine\n  title: T\n  published: 2025\n"
                       "actors:\n- id: a\n  name: A\n  note: kept\n- id: b\n  name: B\nevents:\n"
                       "- id: e1\n  title: uno\n  type: other\n- id: e3\n  title: three\n"
                       "  type: other\n";
    kg_buf out = KG_BUF_INIT;
    cr_expect_eq(merge3(base, hand, mach, &out), 0);
    cr_expect_str_eq(out.ptr, want);
    kg_buf_free(&out);
    char *bp = kg_merge_base_path("facts/x.yaml");
    cr_expect_str_eq(bp, "facts/.kg/x.yaml");
    free(bp);
}

/* A span and its quote merge as one: never the person's span with kg's new
 * quote (the quote would no longer be the text at the span). */
Test(extract_write, span_and_quote_merge_together)
{
    const char *base = "kg: 1\ndocument:\n  id: d\nevents:\n- id: e1\n  type: other\n"
                       "  span: [0, 6]\n  quote: 가나\n";
    /* the person moved the span by hand; kg now reads another span */
    const char *hand = "kg: 1\ndocument:\n  id: d\nevents:\n- id: e1\n  type: other\n"
                       "  span: [3, 9]\n  quote: 가나\n";
    const char *mach = "kg: 1\ndocument:\n  id: d\nevents:\n- id: e1\n  type: other\n"
                       "  span: [6, 12]\n  quote: 다라\n";
    kg_buf out = KG_BUF_INIT;
    cr_expect_eq(merge3(base, hand, mach, &out), 1, "one conflict, on the span");
    cr_expect_str_eq(out.ptr, hand);
    /* untouched by the person: both come from kg */
    cr_expect_eq(merge3(base, base, mach, &out), 0);
    cr_expect_str_eq(out.ptr, mach);
    /* the person changed only the quote: theirs stays whole, with its span */
    const char *hand2 = "kg: 1\ndocument:\n  id: d\nevents:\n- id: e1\n  type: other\n"
                        "  span: [0, 6]\n  quote: 가나 # 확인\n";
    cr_expect_eq(merge3(base, hand2, mach, &out), 1);
    cr_expect_str_eq(out.ptr, hand2);
    kg_buf_free(&out);
}

/* The notes after the last entry (comments, blank lines at the end of the
 * file): kg's new ones when the person left them as kg wrote them, the
 * person's when they were edited (a fuzzer found kg's new ones dropped). */
Test(extract_write, merge_trailing_notes)
{
    const char *base = "kg: 1\ndocument:\n  id: d\nevents:\n- id: e1\n  type: other\n";
    const char *mach = "kg: 1\ndocument:\n  id: d\nevents:\n- id: e1\n  type: other\n"
                       "# kg: one event left out\n";
    kg_buf out = KG_BUF_INIT;
    cr_expect_eq(merge3(base, base, mach, &out), 0);
    cr_expect_str_eq(out.ptr, mach);
    /* the person wrote a note of their own at the end: it stays */
    const char *hand = "kg: 1\ndocument:\n  id: d\nevents:\n- id: e1\n  type: other\n"
                       "# 검토: 두 번째 사건 확인할 것\n";
    cr_expect_geq(merge3(base, hand, mach, &out), 0);
    cr_expect_str_eq(out.ptr, hand);
    kg_buf_free(&out);
}
