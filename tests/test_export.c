/* test_export.c - the export writers (src/render/export.c) on what the
 * command line never hands them (kg check leaves such facts out): control
 * characters, characters XML 1.0 forbids and bytes that are not UTF-8 must
 * come out of every format replaced, never raw. And the CSV field writer
 * (src/util/csv.c). The formats read back by real readers are in
 * tests/export-check.py. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "kg.h"
#include "util/csv.h"
#include "kg/render.h"
#include "testutil.h"

/* Every string holds ESC, BEL, a C1 control (U+0085), U+FFFE, a tab, a
 * CR and a NUL-free invalid byte (\xff), besides markup. */
static const char hostile_yaml[] =
    "kg: 1\n"
    "document: {id: cx-doc, title: \"T\\e]0;x\\a<&>\\x85\\uFFFE\"}\n"
    "actors:\n"
    "- {id: cx-a, name: \"A\\e[2J\\t\\r\\x85\\uFFFF</script>\", type: country}\n"
    "events:\n"
    "- {id: e1, type: announce, title: \"E\\e[31m\\a\\x9b\\uFFFE\\\"-->#;:\", date: 2025-01-02, "
    "agent: [cx-a], when: \"\\b\\f\\v\"}\n"
    "- {id: e2, type: protest, title: \"F\\x01\\x7f\\x1f\", date: 2025-01-03, agent: [cx-a]}\n"
    "figures:\n"
    "- {id: f1, value: 2, unit: \"%\", measure: \"M\\e\\x85\", subject: cx-a, date: 2025}\n"
    "relations:\n"
    "- {from: e2, type: responds-to, to: e1}\n";

static void load(kg_corpus *c, const char *yaml)
{
    char *dir = kgt_tmpdir();
    kg_buf p = KG_BUF_INIT;
    kg_buf_printf(&p, "%s/f.yaml", dir);
    cr_assert_eq(kgt_write(p.ptr, yaml), 0);
    kg_diag d = KG_DIAG_INIT;
    kg_facts_load_file(c, p.ptr, &d);
    cr_assert_eq(c->n, 1, "the fixture loads");
    kg_diag_free(&d);
    kg_buf_free(&p);
    free(dir);
}

/* The first raw control character, C1 control, U+FFFE/U+FFFF or invalid
 * UTF-8 in s (tab, LF and, for CSV's record ends, CR after nothing but
 * the record allowed), or NULL. */
static const char *bad_char(const char *s, size_t n, int csv)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n' || c == '\t')
            continue;
        if (c == '\r' && csv && i + 1 < n && s[i + 1] == '\n')
            continue;
        if (c < 0x20 || c == 0x7f)
            return s + i;
        if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
            (unsigned char)s[i + 1] <= 0x9f)
            return s + i;
        if (c == 0xEF && i + 2 < n && (unsigned char)s[i + 1] == 0xBF &&
            ((unsigned char)s[i + 2] == 0xBE || (unsigned char)s[i + 2] == 0xBF))
            return s + i;
        if (c == 0xff || c == 0xfe)
            return s + i;
    }
    return NULL;
}

Test(export, no_raw_control_characters_in_any_format)
{
    kg_corpus c = KG_CORPUS_INIT;
    load(&c, hostile_yaml);
    kg_render_opts o = KG_RENDER_OPTS_INIT;
    o.no_source = 1;
    o.title = "제목\x1b]0;t\a";
    for (int f = KG_EXPORT_CSV; f <= KG_EXPORT_MERMAID_FLOWCHART; f++) {
        int tables = f == KG_EXPORT_CSV ? KG_N_TABLES : 1;
        for (int t = 0; t < tables; t++) {
            kg_buf out = KG_BUF_INIT;
            kg_diag d = KG_DIAG_INIT;
            int rc = kg_export(&c, &o, (kg_export_format)f, (kg_export_table)t, &out, &d);
            cr_assert_eq(rc, KG_RENDER_OK, "%s", kg_export_format_name((kg_export_format)f));
            const char *bad = bad_char(out.ptr, out.len, f == KG_EXPORT_CSV);
            cr_assert_null(bad, "%s/%s: a raw control or non-character at byte %zu: %.40s",
                           kg_export_format_name((kg_export_format)f),
                           kg_export_table_name((kg_export_table)t),
                           (size_t)(bad - out.ptr), bad);
            /* what was there is shown as U+FFFD, not dropped */
            if (f != KG_EXPORT_CSV || t == KG_TABLE_EVENTS || t == KG_TABLE_ACTORS)
                cr_assert(strstr(out.ptr, "\xEF\xBF\xBD"), "%s: U+FFFD in place of the controls",
                          kg_export_format_name((kg_export_format)f));
            kg_buf_free(&out);
            kg_diag_free(&d);
        }
    }
    kg_corpus_free(&c);
}

Test(export, xml_markup_escaped)
{
    kg_corpus c = KG_CORPUS_INIT;
    load(&c, hostile_yaml);
    kg_render_opts o = KG_RENDER_OPTS_INIT;
    o.no_source = 1;
    for (int f = KG_EXPORT_GRAPHML; f <= KG_EXPORT_GEXF; f++) {
        kg_buf out = KG_BUF_INIT;
        kg_diag d = KG_DIAG_INIT;
        cr_assert_eq(kg_export(&c, &o, (kg_export_format)f, 0, &out, &d), KG_RENDER_OK);
        cr_assert_null(strstr(out.ptr, "</script>"), "markup from a name is escaped");
        cr_assert_null(strstr(out.ptr, "-->"), "--> from a title is escaped (&gt;)");
        cr_assert(strstr(out.ptr, "&lt;/script&gt;"));
        kg_buf_free(&out);
        kg_diag_free(&d);
    }
    kg_corpus_free(&c);
}

Test(export, timelinejs_leaves_out_undated_with_a_note)
{
    kg_corpus c = KG_CORPUS_INIT;
    load(&c, "kg: 1\ndocument: {id: u-doc, title: 제목}\nactors:\n- {id: u-a, name: 가, type: country}\n"
             "events:\n- {id: e1, type: meet, title: 날짜 있음, date: 2024-05, agent: [u-a]}\n"
             "- {id: e2, type: meet, title: 날짜 없음, agent: [u-a]}\n");
    kg_render_opts o = KG_RENDER_OPTS_INIT;
    kg_buf out = KG_BUF_INIT;
    kg_diag d = KG_DIAG_INIT;
    cr_assert_eq(kg_export(&c, &o, KG_EXPORT_TIMELINEJS, 0, &out, &d), KG_RENDER_OK);
    cr_assert(strstr(out.ptr, "\"start_date\": {\"year\": 2024, \"month\": 5}"), "%s", out.ptr);
    cr_assert_null(strstr(out.ptr, "날짜 없음"));
    cr_assert_eq(d.n, 1);
    cr_assert(strstr(d.v[0].msg, "1 undated event is left out"), "%s", d.v[0].msg);
    kg_buf_free(&out);
    kg_diag_free(&d);
    kg_corpus_free(&c);
}

Test(export, bad_option_is_eoption)
{
    kg_corpus c = KG_CORPUS_INIT;
    load(&c, hostile_yaml);
    kg_render_opts o = KG_RENDER_OPTS_INIT;
    o.focus = "nobody";
    kg_buf out = KG_BUF_INIT;
    kg_diag d = KG_DIAG_INIT;
    cr_assert_eq(kg_export(&c, &o, KG_EXPORT_GEXF, 0, &out, &d), KG_RENDER_EOPTION);
    cr_assert_eq(out.len, 0, "nothing is written on a bad option");
    kg_buf_free(&out);
    kg_diag_free(&d);
    kg_corpus_free(&c);
}

static char *field(const char *s)
{
    kg_buf b = KG_BUF_INIT;
    kg_csv_field(&b, s, strlen(s));
    return kg_buf_detach(&b, NULL);
}

Test(export, csv_field)
{
    static const struct { const char *in, *out; } cases[] = {
        { "plain", "plain" },
        { "", "" },
        { "a,b", "\"a,b\"" },
        { "say \"hi\"", "\"say \"\"hi\"\"\"" },
        { "two\nlines", "\"two\nlines\"" },
        { "cr\rhere", "\"cr\rhere\"" },
        { " lead", "\" lead\"" },
        { "trail ", "\"trail \"" },
        { "=1+2", "\"'=1+2\"" },
        { "+cmd", "\"'+cmd\"" },
        { "@SUM(A1)", "\"'@SUM(A1)\"" },
        { "-2+3", "\"'-2+3\"" },
        { "-3", "-3" },       /* a number stays a number */
        { "+1.5e3", "+1.5e3" },
        { "한글, 쉼표", "\"한글, 쉼표\"" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *got = field(cases[i].in);
        cr_assert_str_eq(got, cases[i].out, "field of '%s'", cases[i].in);
        free(got);
    }
}

Test(export, format_names_round_trip)
{
    for (int f = KG_EXPORT_CSV; f <= KG_EXPORT_MERMAID_FLOWCHART; f++) {
        kg_export_format g;
        cr_assert_eq(kg_export_format_parse(kg_export_format_name((kg_export_format)f), &g), 0);
        cr_assert_eq((int)g, f);
    }
    kg_export_format g;
    cr_assert_eq(kg_export_format_parse("xlsx", &g), -1);
    kg_export_table t;
    cr_assert_eq(kg_export_table_parse("relations", &t), 0);
    cr_assert_eq(t, KG_TABLE_RELATIONS);
    cr_assert_eq(kg_export_table_parse("people", &t), -1);
}

/* A line break inside a value (the library allows it; kg check does not
 * in a title) stays inside its field in every format: quoted in CSV, \n
 * in JSON, &#10; in an XML attribute, a space in Mermaid (one line per
 * event). */
Test(export, line_break_stays_in_its_field)
{
    kg_corpus c = KG_CORPUS_INIT;
    load(&c, "kg: 1\ndocument: {id: nl-doc, title: 제목}\nactors:\n- {id: nl-a, name: 가, type: country}\n"
             "events:\n- {id: e1, type: meet, title: \"첫줄\\n%% 둘째: 줄\", date: 2024-05-06, agent: [nl-a]}\n"
             "- {id: e2, type: protest, title: 반발, date: 2024-05-07, agent: [nl-a]}\n"
             "relations:\n- {from: e2, type: responds-to, to: e1}\n");
    kg_render_opts o = KG_RENDER_OPTS_INIT;
    static const struct { kg_export_format f; const char *want, *never; } cases[] = {
        { KG_EXPORT_CSV, "\"첫줄\n%% 둘째: 줄\"", NULL },
        { KG_EXPORT_TIMELINEJS, "첫줄\\n%% 둘째: 줄", "첫줄\n" },
        { KG_EXPORT_GEXF, "label=\"첫줄&#10;%% 둘째: 줄\"", "첫줄\n" },
        { KG_EXPORT_GRAPHML, "첫줄\n%% 둘째: 줄</data>", NULL },
        { KG_EXPORT_MERMAID_TIMELINE, "2024-05-06 : 첫줄 &#37;&#37; 둘째&#58; 줄\n", "\n%%" },
        { KG_EXPORT_MERMAID_FLOWCHART, "[\"첫줄 #37;#37; 둘째: 줄 (2024-05-06)\"]", "\n%%" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        kg_buf out = KG_BUF_INIT;
        kg_diag d = KG_DIAG_INIT;
        cr_assert_eq(kg_export(&c, &o, cases[i].f, KG_TABLE_EVENTS, &out, &d), KG_RENDER_OK);
        cr_assert(strstr(out.ptr, cases[i].want), "%s lacks [%s]:\n%s",
                  kg_export_format_name(cases[i].f), cases[i].want, out.ptr);
        if (cases[i].never)
            cr_assert_null(strstr(out.ptr, cases[i].never), "%s has [%s]",
                           kg_export_format_name(cases[i].f), cases[i].never);
        kg_buf_free(&out);
        kg_diag_free(&d);
    }
    kg_corpus_free(&c);
}
