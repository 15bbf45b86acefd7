/* test_facts.c - the facts model: EDTF dates, the YAML reader and writer
 * (round-trip golden files), hand-edit protection, and the catalogue of
 * `kg check` findings (tests/catalogue: one reproducer per message). */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kg.h"
#include "testutil.h"

/* ---- EDTF ---- */

Test(edtf, valid_forms_print_back_unchanged)
{
    static const char *const ok[] = { "2025", "2025-01", "2025-01-13", "2015~", "2025-01?",
                                      "2024-02-29", "2025%", "2023-11/2025-09", "2017/..",
                                      "../2030", "2024-11-21/2024-11-30", "0000", "1957" };
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
        kg_edtf e;
        char buf[64];
        const char *err = NULL;
        cr_assert_eq(kg_edtf_parse(ok[i], &e, &err), 0, "%s: %s", ok[i], err);
        kg_edtf_format(&e, buf, sizeof buf);
        cr_expect_str_eq(buf, ok[i]);
    }
}

Test(edtf, parsed_fields)
{
    kg_edtf e;
    cr_assert_eq(kg_edtf_parse("2015~", &e, NULL), 0);
    cr_expect(e.a.approx && !e.a.uncertain && e.a.prec == KG_PREC_YEAR && e.a.year == 2015);
    cr_assert_eq(kg_edtf_parse("2017/..", &e, NULL), 0);
    cr_expect(e.interval && e.b.prec == KG_PREC_NONE && e.a.year == 2017);
    cr_assert_eq(kg_edtf_parse("2025-01?", &e, NULL), 0);
    cr_expect(e.a.uncertain && e.a.month == 1 && e.a.prec == KG_PREC_MONTH);
}

Test(edtf, invalid_dates_are_refused_with_a_reason)
{
    static const char *const bad[][2] = {
        { "2023-04-31", "day 31 out of range for 2023-04 (which has 30 days)" },
        { "2023-02-29", "day 29 out of range for 2023-02 (which has 28 days)" },
        { "2025-13", "month 13 out of range (01-12)" },
        { "99999", "years have four digits here (0000-9999)" },
        { "2025/2024", "interval ends before it starts" },
        { "../..", "not an EDTF interval: both ends open" },
        { "", "empty date" },
        { "2025-1-5", NULL },
        { "25", NULL },
        { "2025-01-13T10:00", NULL },
        { "2025~~", NULL },
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        kg_edtf e;
        const char *err = NULL;
        cr_expect_eq(kg_edtf_parse(bad[i][0], &e, &err), -1, "%s accepted", bad[i][0]);
        if (bad[i][1])
            cr_expect_str_eq(err, bad[i][1]);
    }
}

Test(edtf, bounds_cover_the_whole_period)
{
    kg_edtf e;
    long a, b;
    kg_edtf_parse("2024-02", &e, NULL);
    kg_edtf_bounds(&e, &a, &b);
    cr_expect_eq(b - a, 28); /* 29 days in February 2024 */
    cr_expect_eq(a, kg_days_from_civil(2024, 2, 1));
    kg_edtf_parse("2024-11-21/2024-11-30", &e, NULL);
    kg_edtf_bounds(&e, &a, &b);
    cr_expect_eq(b - a, 9);
    int y, m, d;
    kg_civil_from_days(kg_days_from_civil(2025, 1, 13), &y, &m, &d);
    cr_expect(y == 2025 && m == 1 && d == 13);
}

/* ---- reader ---- */

static kg_doc *parse(const char *text, kg_diag *d)
{
    kg_node *tree = kg_yaml_parse("t.yaml", text, strlen(text), d);
    return kg_doc_from_tree("t.yaml", tree, d);
}

Test(reader, reads_every_field_and_keeps_unknown_keys)
{
    kg_diag d = KG_DIAG_INIT;
    kg_doc *doc = parse("kg: 1\n"
                        "document: {id: d1, title: 제목, published: 2025-01-15, note: 메모}\n"
                        "actors:\n  - {id: a, name: 가, type: country, aliases: [A, 에이], x: 1}\n"
                        "events:\n  - {id: e1, type: restrict, date: 2025-01-13, agent: [a], "
                        "target: [a], span: [3, 9]}\n"
                        "figures:\n  - {id: f1, value: [3, 6], unit: month, approx: about}\n"
                        "relations:\n  - {from: e1, type: causes, to: f1}\n"
                        "later: [keep]\n",
                        &d);
    cr_assert_eq(d.errors, 0);
    cr_expect_str_eq(doc->id, "d1");
    cr_expect_str_eq(doc->published.text, "2025-01-15");
    cr_expect_eq(doc->header_extra.n, 1);
    cr_expect_str_eq(doc->actors[0].aliases.v[1], "에이");
    cr_expect_str_eq(doc->actors[0].extra.v[0].key, "x");
    cr_expect(doc->events[0].span.set && doc->events[0].span.start == 3 && doc->events[0].span.end == 9);
    cr_expect(doc->events[0].date.valid);
    cr_expect(doc->figures[0].is_range && doc->figures[0].value == 3 && doc->figures[0].value_max == 6);
    cr_expect_str_eq(doc->extra.v[0].key, "later");
    cr_expect_eq(doc->is_lexicon, 0);
    kg_doc_free(doc);
    kg_diag_free(&d);
}

Test(reader, deep_nesting_is_refused_not_crashed)
{
    kg_buf b = KG_BUF_INIT;
    kg_buf_puts(&b, "kg: 1\nx: ");
    for (int i = 0; i < 10000; i++)
        kg_buf_putc(&b, '[');
    kg_diag d = KG_DIAG_INIT;
    kg_node *tree = kg_yaml_parse("deep.yaml", b.ptr, b.len, &d);
    cr_expect_null(tree);
    cr_assert_eq(d.errors, 1);
    cr_expect(strstr(d.v[0].msg, "nested deeper than") != NULL, "%s", d.v[0].msg);
    kg_buf_free(&b);
    kg_diag_free(&d);
}

Test(reader, alias_bomb_is_refused)
{
    const char *bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n"
                       "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                       "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n";
    kg_diag d = KG_DIAG_INIT;
    kg_node *tree = kg_yaml_parse("bomb.yaml", bomb, strlen(bomb), &d);
    cr_expect_null(tree);
    cr_expect_eq(d.errors, 1);
    cr_expect_eq(d.v[0].line, 2);
    kg_diag_free(&d);
}

Test(reader, empty_file_is_an_empty_lexicon)
{
    kg_diag d = KG_DIAG_INIT;
    kg_node *tree = kg_yaml_parse("e.yaml", "", 0, &d);
    cr_expect_null(tree);
    cr_expect_eq(d.errors, 0);
    kg_diag_free(&d);
}

/* ---- writer: round-trip golden files ---- */

static char *emit_file(const char *path)
{
    size_t len;
    char *text = kgt_slurp(path, &len);
    cr_assert_not_null(text, "cannot read %s", path);
    kg_diag d = KG_DIAG_INIT;
    kg_node *tree = kg_yaml_parse(path, text, len, &d);
    kg_doc *doc = kg_doc_from_tree(path, tree, &d);
    cr_assert_eq(d.errors, 0, "%s: %s", path, d.n ? d.v[0].msg : "");
    kg_buf out = KG_BUF_INIT;
    cr_assert_eq(kg_facts_emit(doc, &out), 0);
    kg_doc_free(doc);
    kg_diag_free(&d);
    free(text);
    return kg_buf_detach(&out, NULL);
}

/* tests/roundtrip/NAME.yaml is in canonical layout: writing what was read
 * gives the same bytes. NAME.in.yaml is hand-styled: it must come out as
 * NAME.out.yaml, and that must be stable. */
Test(writer, round_trip_golden_files)
{
    DIR *dp = opendir("tests/roundtrip");
    cr_assert_not_null(dp);
    struct dirent *de;
    int n = 0;
    while ((de = readdir(dp))) {
        char path[512], want[512];
        const char *name = de->d_name;
        size_t l = strlen(name);
        if (l < 6 || strcmp(name + l - 5, ".yaml") != 0 || strstr(name, ".out.yaml"))
            continue;
        snprintf(path, sizeof path, "tests/roundtrip/%s", name);
        if (l > 8 && strcmp(name + l - 8, ".in.yaml") == 0)
            snprintf(want, sizeof want, "tests/roundtrip/%.*s.out.yaml", (int)(l - 8), name);
        else
            snprintf(want, sizeof want, "%s", path);
        char *got = emit_file(path);
        char *expected = kgt_slurp(want, NULL);
        cr_assert_not_null(expected, "missing %s", want);
        cr_expect_str_eq(got, expected, "%s", path);
        char *again = emit_file(want);
        cr_expect_str_eq(again, expected, "%s is not stable", want);
        free(got);
        free(again);
        free(expected);
        n++;
    }
    closedir(dp);
    cr_expect_geq(n, 3, "only %d round-trip cases", n);
}

Test(writer, strings_that_look_like_other_types_are_quoted)
{
    kg_doc *doc = kg_doc_new();
    doc->has_header = 1;
    kg_set_str(&doc->id, "d");
    kg_set_str(&doc->title, "2025");
    kg_set_str(&doc->author, "null");
    kg_set_str(&doc->publisher, "yes");
    kg_buf out = KG_BUF_INIT;
    kg_facts_emit(doc, &out);
    cr_expect(strstr(out.ptr, "title: '2025'") != NULL, "%s", out.ptr);
    cr_expect(strstr(out.ptr, "author: 'null'") != NULL, "%s", out.ptr);
    cr_expect(strstr(out.ptr, "publisher: 'yes'") != NULL, "%s", out.ptr);
    /* and it reads back as the same strings */
    kg_diag d = KG_DIAG_INIT;
    kg_doc *back = parse(out.ptr, &d);
    cr_expect_str_eq(back->title, "2025");
    cr_expect_str_eq(back->author, "null");
    kg_doc_free(back);
    kg_doc_free(doc);
    kg_diag_free(&d);
    kg_buf_free(&out);
}

/* ---- hand edits are never overwritten ---- */

Test(guard, edited_files_are_refused_and_force_keeps_orig)
{
    char *dir = kgt_tmpdir();
    char path[512], orig[512];
    snprintf(path, sizeof path, "%s/f.yaml", dir);
    snprintf(orig, sizeof orig, "%s/f.yaml.orig", dir);
    kg_diag d = KG_DIAG_INIT;

    cr_expect_eq(kg_guard_check(path), KG_GUARD_ABSENT);
    cr_assert_eq(kg_write_guarded(path, "kg: 1\n", 6, 0, &d), 0);
    cr_expect_eq(kg_guard_check(path), KG_GUARD_OURS);
    /* kg may replace its own unchanged output */
    cr_assert_eq(kg_write_guarded(path, "kg: 1\nactors: []\n", 17, 0, &d), 0);
    cr_expect_eq(d.errors, 0);

    /* a person edits it */
    char *text = kgt_slurp(path, NULL);
    char *edited = malloc(strlen(text) + 32);
    sprintf(edited, "# checked by hand\n%s", text);
    kgt_write(path, edited);
    cr_expect_eq(kg_guard_check(path), KG_GUARD_EDITED);
    cr_expect_eq(kg_write_guarded(path, "kg: 1\n", 6, 0, &d), 1);
    cr_assert_eq(d.errors, 1);
    cr_expect(strstr(d.v[0].msg, "--force") != NULL);
    char *now = kgt_slurp(path, NULL);
    cr_expect_str_eq(now, edited, "the edited file was changed");
    free(now);

    /* --force keeps the edit as .orig */
    cr_assert_eq(kg_write_guarded(path, "kg: 1\n", 6, 1, &d), 0);
    char *kept = kgt_slurp(orig, NULL);
    cr_assert_not_null(kept);
    cr_expect_str_eq(kept, edited);
    cr_expect_eq(kg_guard_check(path), KG_GUARD_OURS);

    free(kept);
    free(text);
    free(edited);
    kg_diag_free(&d);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    kgt_run(cmd, NULL);
    free(dir);
}

Test(guard, atomic_write_leaves_no_temporary_files)
{
    char *dir = kgt_tmpdir();
    char path[512], cmd[600];
    snprintf(path, sizeof path, "%s/out.txt", dir);
    cr_assert_eq(kg_write_atomic(path, "one\n", 4), 0);
    cr_assert_eq(kg_write_atomic(path, "two\n", 4), 0);
    char *t = kgt_slurp(path, NULL);
    cr_expect_str_eq(t, "two\n");
    free(t);
    snprintf(cmd, sizeof cmd, "ls -A '%s' | wc -l", dir);
    char *out = NULL;
    kgt_run(cmd, &out);
    cr_expect_eq(atoi(out), 1, "leftover files in %s", dir);
    free(out);
    /* a folder that does not exist: an error, not a crash */
    cr_expect_eq(kg_write_atomic("/nonexistent-kg-dir/x", "x", 1), -1);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    kgt_run(cmd, NULL);
    free(dir);
}

/* ---- the catalogue: every finding of kg check, one reproducer each ---- */

Test(catalogue, every_case_gives_its_exact_message_and_exit_code)
{
    DIR *dp = opendir("tests/catalogue");
    cr_assert_not_null(dp);
    struct dirent *de;
    int n = 0;
    while ((de = readdir(dp))) {
        size_t l = strlen(de->d_name);
        if (l < 8 || strcmp(de->d_name + l - 7, ".expect") != 0)
            continue;
        char name[256], path[512], cmd[1024];
        snprintf(name, sizeof name, "%.*s", (int)(l - 7), de->d_name);
        snprintf(path, sizeof path, "tests/catalogue/%s", de->d_name);
        char *expect = kgt_slurp(path, NULL);
        cr_assert_not_null(expect);
        int want_rc = -1;
        sscanf(expect, "exit %d", &want_rc);
        const char *want_msg = strchr(expect, '\n');
        want_msg = want_msg ? want_msg + 1 : "";
        struct stat st;
        snprintf(path, sizeof path, "tests/catalogue/%s", name);
        const char *target = stat(path, &st) == 0 && S_ISDIR(st.st_mode) ? name : NULL;
        char file[300];
        snprintf(file, sizeof file, "%s.yaml", name);
        snprintf(cmd, sizeof cmd, "cd tests/catalogue && '%s' check --quiet '%s' 2>&1 >/dev/null",
                 kgt_binary(), target ? target : file);
        char *out = NULL;
        int rc = kgt_run(cmd, &out);
        cr_expect_eq(rc, want_rc, "%s: exit %d, expected %d", name, rc, want_rc);
        cr_expect_str_eq(out, want_msg, "%s", name);
        free(out);
        free(expect);
        n++;
    }
    closedir(dp);
    cr_expect_geq(n, 25, "only %d catalogue cases", n);
}

/* ---- the bundled knowledge base ---- */

Test(bundled, yaml_folder_checks_clean)
{
    kg_corpus c = KG_CORPUS_INIT;
    kg_diag d = KG_DIAG_INIT;
    kg_strv_push(&c.source_roots, "../shared/seeds"); /* kg.yaml's articles */
    cr_assert_geq(kg_facts_load_path(&c, "yaml", &d), 0);
    kg_check(&c, &d);
    for (size_t i = 0; i < d.n; i++) {
        char line[1024];
        kg_finding_format(&d.v[i], line, sizeof line);
        /* warnings about missing seed texts are fine where ../shared is absent */
        if (d.v[i].sev == KG_SEV_ERROR)
            cr_log_error("%s", line);
    }
    cr_expect_eq(d.errors, 0);
    size_t actors = 0;
    for (size_t i = 0; i < c.n; i++)
        if (c.docs[i]->is_lexicon)
            actors += c.docs[i]->n_actors;
    cr_expect_geq(actors, 120, "only %zu actors in the lexicon", actors);
    kg_corpus_free(&c);
    kg_diag_free(&d);
}

/* Editors check files against yaml/schema.json; it must accept every
 * bundled file and the canonical round-trip files, and refuse bad ones. */
Test(bundled, every_file_validates_against_the_json_schema)
{
    char *out = NULL;
    int rc = kgt_run("python3 tests/schema-check.py yaml/schema.json yaml tests/roundtrip 2>&1", &out);
    cr_expect_eq(rc, 0, "%s", out);
    free(out);
    rc = kgt_run("python3 tests/schema-check.py yaml/schema.json tests/catalogue/url-data.yaml "
                 "tests/catalogue/event-type.yaml tests/catalogue/figure-unit.yaml 2>&1", &out);
    cr_expect_eq(rc, 1, "%s", out);
    cr_expect(strstr(out, "3 files, 3 problems") != NULL, "%s", out);
    free(out);
}

/* A model built in memory from a damaged text may hold invalid UTF-8:
 * libyaml's emitter would loop forever on it (found by fuzz_extract). */
Test(writer, invalid_utf8_in_memory_becomes_replacement_characters)
{
    kg_doc *doc = kg_doc_new();
    doc->has_header = 1;
    kg_set_str(&doc->id, "d");
    kg_set_str(&doc->title, "a\xea\xf5\xad b\xff");
    kg_buf out = KG_BUF_INIT;
    cr_assert_eq(kg_facts_emit(doc, &out), 0);
    cr_expect(strstr(out.ptr, "title: a\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd b\xef\xbf\xbd") != NULL,
              "%s", out.ptr);
    kg_buf_free(&out);
    kg_doc_free(doc);
}

Test(writer, hashes_and_words_stay_plain_numbers_get_quoted)
{
    kg_doc *doc = kg_doc_new();
    doc->has_header = 1;
    kg_set_str(&doc->id, "d");
    kg_set_str(&doc->sha256, "320f269045a34277e7ce58a25ffbbf8a38a6ed3047150b53a0ffb7947c8d2eed");
    kg_set_str(&doc->title, "1e5");
    kg_set_str(&doc->author, "0x1F");
    kg_set_str(&doc->publisher, "12:30");
    kg_buf out = KG_BUF_INIT;
    kg_facts_emit(doc, &out);
    cr_expect(strstr(out.ptr, "sha256: 320f2690") != NULL, "%s", out.ptr);
    cr_expect(strstr(out.ptr, "title: '1e5'") != NULL, "%s", out.ptr);
    cr_expect(strstr(out.ptr, "author: '0x1F'") != NULL, "%s", out.ptr);
    cr_expect(strstr(out.ptr, "publisher: '12:30'") != NULL, "%s", out.ptr);
    kg_buf_free(&out);
    kg_doc_free(doc);
}
