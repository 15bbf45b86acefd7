/* test_render_valid.c - the renderers on facts with errors: kg graph, kg
 * timeline and kg report draw what is valid, leave out what is not, say so
 * on stderr and exit 1 (kg_render_prune); and no label handed to Graphviz
 * is one it rejects (an empty date, name, title or measure). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kg.h"
#include "kg/render.h"
#include "testutil.h"

static const char bad_yaml[] =
    "kg: 1\n"
    "document: {id: rv-doc, title: 렌더 시험}\n"
    "actors:\n"
    "- {id: rv-a, name: 가나라, type: country}\n"
    "- {id: rv-b, name: 마바사, type: bogus-type}\n"
    "events:\n"
    "- {id: e1, type: announce, title: 빈날짜사건, date: \"\", agent: [rv-a, nobody]}\n"
    "- {id: e2, type: bogus, title: 틀린유형사건}\n"
    "- {id: e3, type: announce, title: 멀쩡한사건, date: 2025-03-04, agent: [rv-a], target: [rv-b]}\n"
    "figures:\n"
    "- {id: f1, value: 3, unit: \"%\", measure: 점유율수치, date: \"\"}\n"
    "- {id: f2, value: 5, unit: parsecs, measure: 엉뚱한단위}\n"
    "relations:\n"
    "- {from: e3, type: causes, to: e9}\n"
    "- {from: e3, type: causes, to: e2}\n"
    "- {from: e3, type: causes, to: e1}\n";

static char *write_fixture(const char *yaml, char **dir_out)
{
    char *dir = kgt_tmpdir();
    kg_buf p = KG_BUF_INIT;
    kg_buf_printf(&p, "%s/facts.yaml", dir);
    cr_assert_eq(kgt_write(p.ptr, yaml), 0);
    *dir_out = dir;
    return kg_buf_detach(&p, NULL);
}

/* Runs `kg CMD FILE -o DIR/OUT`; returns the exit status, the picture in
 * *pic and stderr in *err. */
static int run_render(const char *cmd, const char *file, const char *dir, const char *out,
                      char **pic, char **err)
{
    kg_buf c = KG_BUF_INIT, o = KG_BUF_INIT;
    kg_buf_printf(&o, "%s/%s", dir, out);
    kg_buf_printf(&c, "'%s' %s '%s' -o '%s' 2>&1 >/dev/null", kgt_binary(), cmd, file, o.ptr);
    int rc = kgt_run(c.ptr, err);
    *pic = kgt_slurp(o.ptr, NULL);
    kg_buf_free(&c);
    kg_buf_free(&o);
    return rc;
}

static void expect_valid_drawn(const char *cmd, const char *out)
{
    char *dir, *pic = NULL, *err = NULL;
    char *file = write_fixture(bad_yaml, &dir);
    int rc = run_render(cmd, file, dir, out, &pic, &err);
    cr_assert_eq(rc, 1, "kg %s exits 1 on facts with errors, not %d:\n%s", cmd, rc, err);
    cr_assert_not_null(pic, "kg %s wrote no picture:\n%s", cmd, err);
    /* valid facts are drawn, the event with a bad date undated */
    cr_expect(strstr(pic, "멀쩡한사건") != NULL, "the valid event is missing");
    cr_expect(strstr(pic, "빈날짜사건") != NULL, "the event with a bad date is missing");
    cr_expect(strstr(pic, "점유율수치") != NULL || strcmp(cmd, "timeline") == 0,
              "the figure with a bad date is missing");
    cr_expect(strstr(pic, "가나라") != NULL, "the valid actor is missing");
    /* facts with errors are not */
    cr_expect(strstr(pic, "틀린유형사건") == NULL, "an event with a bad type is drawn");
    cr_expect(strstr(pic, "엉뚱한단위") == NULL, "a figure with a bad unit is drawn");
    cr_expect(strstr(pic, "마바사") == NULL, "an actor with a bad type is drawn");
    cr_expect(strstr(pic, "nobody") == NULL, "an unknown actor is drawn");
    /* stderr: the findings as kg check prints them, then what was left out */
    cr_expect(strstr(err, "facts.yaml:7:") && strstr(err, "invalid date ''"), "%s", err);
    cr_expect(strstr(err, "unknown event type 'bogus'") != NULL, "%s", err);
    kg_buf want = KG_BUF_INIT;
    /* e2, f2, rv-b, the relations to e9 and to e2 */
    kg_buf_printf(&want, "kg: %s: left out 5 facts with errors and drew 3 without their bad "
                         "values (see above); run 'kg check'", cmd);
    cr_expect(strstr(err, want.ptr) != NULL, "no summary line '%s' in:\n%s", want.ptr, err);
    kg_buf_free(&want);
    free(pic);
    free(err);
    free(file);
    free(dir);
}

Test(render_valid, graph_draws_what_is_valid)
{
    expect_valid_drawn("graph", "g.svg");
}

Test(render_valid, graph_dot_leaves_out_what_is_not)
{
    char *dir, *pic = NULL, *err = NULL;
    char *file = write_fixture(bad_yaml, &dir);
    int rc = run_render("graph", file, dir, "g.dot", &pic, &err);
    cr_assert_eq(rc, 1, "%s", err);
    cr_assert_not_null(pic);
    cr_expect(strstr(pic, "\"rv-doc/e1\"") != NULL);
    cr_expect(strstr(pic, "\"rv-doc/e2\"") == NULL);
    cr_expect(strstr(pic, "rv-doc/e3.causes.rv-doc/e1") != NULL, "a valid relation is lost");
    cr_expect(strstr(pic, "rv-doc/e3.causes.rv-doc/e2") == NULL);
    cr_expect(strstr(pic, "class=\"event announce undated\"") != NULL,
              "the event with a bad date is not drawn undated");
    free(pic);
    free(err);
    free(file);
    free(dir);
}

Test(render_valid, timeline_draws_what_is_valid)
{
    expect_valid_drawn("timeline", "t.svg");
}

Test(render_valid, report_writes_what_is_valid)
{
    expect_valid_drawn("report", "r.html");
}

Test(render_valid, clean_facts_exit_0_and_say_nothing)
{
    char *dir, *pic = NULL, *err = NULL;
    char *file = write_fixture("kg: 1\n"
                               "document: {id: rv-ok, title: 제목}\n"
                               "actors:\n- {id: rv-a, name: 가나라, type: country}\n"
                               "events:\n- {id: e1, type: announce, title: 사건, date: 2025-01-02, "
                               "agent: [rv-a]}\n",
                               &dir);
    int rc = run_render("graph", file, dir, "g.svg", &pic, &err);
    cr_expect_eq(rc, 0, "%s", err);
    cr_expect_str_empty(err);
    free(pic);
    free(err);
    free(file);
    free(dir);
}

/* ---- the library: kg_render_prune ---- */

Test(render_valid, prune_keeps_valid_facts_and_drops_bad_values)
{
    char *dir;
    char *file = write_fixture(bad_yaml, &dir);
    kg_corpus c = KG_CORPUS_INIT;
    kg_diag d = KG_DIAG_INIT;
    cr_assert_geq(kg_facts_load_path(&c, file, &d), 0);
    kg_check(&c, &d);
    size_t fixed = 0, out = kg_render_prune(&c, &d, &fixed);
    cr_expect_eq(out, 5);
    cr_expect_eq(fixed, 3);
    cr_assert_eq(c.n, 1);
    const kg_doc *doc = c.docs[0];
    cr_assert_eq(doc->n_events, 2);
    cr_expect_str_eq(doc->events[0].id, "e1");
    cr_expect_null(doc->events[0].date.text, "a bad date is dropped");
    cr_assert_eq(doc->events[0].agent.n, 1, "the unknown agent is dropped");
    cr_expect_str_eq(doc->events[0].agent.v[0], "rv-a");
    cr_expect_str_eq(doc->events[1].id, "e3");
    cr_expect_eq(doc->events[1].target.n, 0, "a target left out with its actor");
    cr_assert_eq(doc->n_figures, 1);
    cr_expect_null(doc->figures[0].date.text);
    cr_assert_eq(doc->n_actors, 1);
    cr_assert_eq(doc->n_relations, 1);
    cr_expect_str_eq(doc->relations[0].to, "e1");
    kg_diag_free(&d);
    kg_corpus_free(&c);
    free(file);
    free(dir);
}

Test(render_valid, prune_leaves_out_a_document_with_a_bad_header)
{
    char *dir;
    char *file = write_fixture("kg: 2\ndocument: {id: rv-v2, title: 제목}\n"
                               "events:\n- {id: e1, type: announce, title: 사건}\n",
                               &dir);
    kg_corpus c = KG_CORPUS_INIT;
    kg_diag d = KG_DIAG_INIT;
    cr_assert_geq(kg_facts_load_path(&c, file, &d), 0);
    kg_check(&c, &d);
    cr_assert_gt(d.errors, 0);
    cr_expect_eq(kg_render_prune(&c, &d, NULL), 1);
    cr_expect_eq(c.n, 0);
    kg_diag_free(&d);
    kg_corpus_free(&c);
    free(file);
    free(dir);
}

/* ---- labels Graphviz accepts, whatever the facts say ---- */

/* Draws unchecked facts (as a library caller may) with fn as SVG. */
static int draw_unchecked(kg_render_fn fn, const char *yaml, char **pic)
{
    char *dir;
    char *file = write_fixture(yaml, &dir);
    kg_corpus c = KG_CORPUS_INIT;
    kg_diag d = KG_DIAG_INIT;
    c.drop_trees = 1;
    cr_assert_geq(kg_facts_load_path(&c, file, &d), 0);
    kg_render_opts o = KG_RENDER_OPTS_INIT;
    o.no_source = 1;
    o.format = fn == kg_render_report ? KG_FMT_HTML : KG_FMT_SVG;
    kg_buf out = KG_BUF_INIT;
    int rc = fn(&c, &o, &out, &d);
    for (size_t i = 0; i < d.n; i++)
        cr_log_info("finding: %s", d.v[i].msg);
    *pic = kg_buf_detach(&out, NULL);
    kg_diag_free(&d);
    kg_corpus_free(&c);
    free(file);
    free(dir);
    return rc;
}

static const char empty_yaml[] =
    "kg: 1\n"
    "document: {id: rv-empty, title: \"\"}\n"
    "actors:\n- {id: rv-e, name: \"\", type: person}\n"
    "events:\n"
    "- {id: e1, type: announce, title: \"\", date: \"\", agent: [rv-e]}\n"
    "- {id: e2, type: announce, title: \"\", agent: [rv-e]}\n"
    "figures:\n- {id: f1, value: 3, unit: \"%\", measure: \"\", date: \"\"}\n";

Test(render_valid, empty_strings_give_labels_graphviz_accepts)
{
    char *pic = NULL;
    cr_expect_eq(draw_unchecked(kg_render_graph, empty_yaml, &pic), KG_RENDER_OK);
    free(pic);
    cr_expect_eq(draw_unchecked(kg_render_timeline, empty_yaml, &pic), KG_RENDER_OK);
    free(pic);
    cr_expect_eq(draw_unchecked(kg_render_report, empty_yaml, &pic), KG_RENDER_OK);
    free(pic);
    kg_render_cleanup(); /* once: Graphviz's pango plugin outlives a context */
}

Test(render_valid, an_empty_name_or_title_is_drawn_as_the_id)
{
    char *dir;
    char *file = write_fixture(empty_yaml, &dir);
    kg_corpus c = KG_CORPUS_INIT;
    kg_diag d = KG_DIAG_INIT;
    cr_assert_geq(kg_facts_load_path(&c, file, &d), 0);
    kg_render_opts o = KG_RENDER_OPTS_INIT;
    o.no_source = 1;
    o.format = KG_FMT_DOT;
    kg_buf out = KG_BUF_INIT;
    cr_assert_eq(kg_render_graph(&c, &o, &out, &d), KG_RENDER_OK);
    cr_expect(strstr(out.ptr, "label=\"rv-e\"") != NULL, "%s", out.ptr);
    cr_expect(strstr(out.ptr, "<TD>rv-empty/e2</TD>") != NULL, "%s", out.ptr);
    cr_expect(strstr(out.ptr, "<FONT POINT-SIZE=\"8\" COLOR=\"#555555\"></FONT>") == NULL);
    kg_render_cleanup();
    kg_buf_free(&out);
    kg_diag_free(&d);
    kg_corpus_free(&c);
    free(file);
    free(dir);
}
