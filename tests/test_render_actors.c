/* test_render_actors.c - `kg graph` past the style's kg_max_nodes (or
 * --max-nodes) draws the actor graph: actors only, one edge per pair of
 * actors weighted by the events that link them (agent -> target, or two
 * agents of one event), the heaviest edges kept, a note saying so; under
 * the limit, or with --focus, the full graph (issue 16). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kg.h"
#include "kg/render.h"
#include "testutil.h"

/* Four actors (the last with a name full of markup) and 18 events:
 * a0 -> a1 five times, every other ordered pair once, and a2 with a3 as
 * the two agents of two events: 22 nodes. */
static kg_corpus *load_fixture(void)
{
    kg_buf y = KG_BUF_INIT;
    kg_buf_puts(&y, "kg: 1\ndocument:\n  id: actors-fixture\n  title: fixture\n"
                    "actors:\n"
                    "  - {id: a0, name: Alpha, type: country}\n"
                    "  - {id: a1, name: Beta, type: company}\n"
                    "  - {id: a2, name: Gamma, type: person}\n"
                    "  - {id: a3, name: \"<b>\\\"&'\\\\N\", type: company}\n"
                    "events:\n");
    int k = 0;
    for (int i = 0; i < 5; i++, k++)
        kg_buf_printf(&y, "  - {id: e%d, title: t%d, type: restrict, date: 2024-01-%02d, "
                          "agent: [a0], target: [a1]}\n", k + 1, k, k + 1);
    for (int a = 0; a < 4; a++)
        for (int t = 0; t < 4; t++)
            if (a != t && !(a == 0 && t == 1)) {
                kg_buf_printf(&y, "  - {id: e%d, title: t%d, type: meet, date: 2024-02-%02d, "
                                  "agent: [a%d], target: [a%d]}\n", k + 1, k, k + 1, a, t);
                k++;
            }
    for (int i = 0; i < 2; i++, k++)
        kg_buf_printf(&y, "  - {id: e%d, title: t%d, type: cooperate, date: 2024-03-%02d, "
                          "agent: [a2, a3]}\n", k + 1, k, i + 1);
    char *dir = kgt_tmpdir();
    kg_buf path = KG_BUF_INIT;
    kg_buf_printf(&path, "%s/doc.yaml", dir);
    cr_assert_eq(kgt_write(path.ptr, y.ptr), 0);
    kg_corpus *c = kg_xcalloc(1, sizeof *c);
    kg_corpus_init(c);
    kg_diag d = KG_DIAG_INIT;
    cr_assert(kg_facts_load_path(c, path.ptr, &d) >= 0);
    cr_assert_eq(d.errors, 0, "fixture: %s", d.n ? d.v[0].msg : "");
    kg_diag_free(&d);
    kg_buf_free(&path);
    kg_buf_free(&y);
    free(dir);
    return c;
}

/* DOT of the graph with max_nodes and focus; the findings' text into
 * *notes (malloc'd). */
static char *draw(const kg_corpus *c, int max_nodes, const char *focus, char **notes)
{
    kg_render_opts o = KG_RENDER_OPTS_INIT;
    o.format = KG_FMT_DOT;
    o.no_source = 1;
    o.max_nodes = max_nodes;
    o.focus = focus;
    kg_buf out = KG_BUF_INIT, msg = KG_BUF_INIT;
    kg_diag d = KG_DIAG_INIT;
    cr_assert_eq(kg_render_graph(c, &o, &out, &d), KG_RENDER_OK);
    cr_assert_eq(d.errors, 0);
    for (size_t i = 0; i < d.n; i++)
        kg_buf_printf(&msg, "%s\n", d.v[i].msg);
    kg_buf_putc(&msg, '\0');
    *notes = kg_buf_detach(&msg, NULL);
    kg_diag_free(&d);
    return kg_buf_detach(&out, NULL);
}

/* The text of the DOT statement that declares id="ID", or NULL. */
static char *statement(const char *dot, const char *id)
{
    char key[128];
    snprintf(key, sizeof key, "id=\"%s\"", id);
    const char *p = strstr(dot, key);
    if (!p)
        return NULL;
    const char *a = p, *z = strstr(p, "];");
    while (a > dot && !(a[-1] == '\n' && a[0] == '\t' && a[1] != '\t'))
        a--;
    size_t n = z ? (size_t)(z - a) : strlen(a);
    char *s = malloc(n + 1);
    memcpy(s, a, n);
    s[n] = '\0';
    return s;
}

static size_t count(const char *s, const char *what)
{
    size_t n = 0;
    for (const char *p = s; (p = strstr(p, what)); p += strlen(what))
        n++;
    return n;
}

Test(render_actors, past_the_limit_actors_and_weighted_edges)
{
    kg_corpus *c = load_fixture();
    char *notes, *dot = draw(c, 10, NULL, &notes);
    /* actors only */
    cr_expect_eq(count(dot, "class=\"event"), 0, "%s", dot);
    cr_expect_eq(count(dot, "class=\"actor "), 4);
    /* a0 -> a1: five events, the heaviest edge, the count in its tooltip */
    char *e = statement(dot, "a0.acts-on.a1");
    cr_assert(e, "no a0 -> a1 edge in\n%s", dot);
    cr_expect(strstr(e, "5 events") && strstr(e, "Alpha") && strstr(e, "Beta"), "%s", e);
    cr_expect(strstr(e, "penwidth=6.00"), "%s", e);
    cr_expect(strstr(e, "class=\"actors acts-on\""), "%s", e);
    free(e);
    /* one event: the thinnest */
    e = statement(dot, "a1.acts-on.a0");
    cr_assert(e);
    cr_expect(strstr(e, "(1 event, acts-on)") && strstr(e, "penwidth=0.60"), "%s", e);
    free(e);
    /* the two agents of two events; a3's name escaped as every tooltip */
    e = statement(dot, "a2.co-agent.a3");
    cr_assert(e, "no co-agent edge in\n%s", dot);
    cr_expect(strstr(e, "2 events") && strstr(e, "arrowhead=none"), "%s", e);
    cr_expect(strstr(e, "tooltip=\"Gamma + <b>\\\"&amp;'\\\\\\\\N: "), "%s", e);
    free(e);
    /* 13 edges, 3 an actor kept: the lightest last one goes, said so */
    cr_expect_eq(count(dot, "acts-on."), 11, "%s", dot);
    cr_expect_null(strstr(dot, "a3.acts-on.a2"));
    cr_expect(strstr(notes, "22 nodes (18 events)") && strstr(notes, "actor graph") &&
                  strstr(notes, "4 actors, 12 edges") && strstr(notes, "--focus") &&
                  strstr(notes, "--max-nodes 10") && strstr(notes, "1 lightest edge, of at most 1 event"),
              "%s", notes);
    /* the legend names the edge kinds drawn */
    cr_expect(strstr(dot, "legend.edge.acts-on") && strstr(dot, "legend.edge.co-agent"));
    free(dot);
    free(notes);
    kg_corpus_free(c);
    free(c);
}

Test(render_actors, under_the_limit_or_focused_the_full_graph)
{
    kg_corpus *c = load_fixture();
    /* the style's kg_max_nodes (400), no limit, and --focus past the limit */
    const int max[] = { 0, -1, 10 };
    const char *focus[] = { NULL, NULL, "a0" };
    for (int i = 0; i < 3; i++) {
        char *notes, *dot = draw(c, max[i], focus[i], &notes);
        cr_expect_eq(count(dot, "class=\"event"), i < 2 ? 18 : 10, "case %d: %zu", i, count(dot, "class=\"event"));
        cr_expect_eq(count(dot, "acts-on"), 0, "case %d", i);
        cr_expect_eq(count(dot, "co-agent"), 0, "case %d", i);
        cr_expect_null(strstr(notes, "actor graph"), "case %d: %s", i, notes);
        free(dot);
        free(notes);
    }
    kg_corpus_free(c);
    free(c);
}
