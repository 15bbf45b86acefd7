/* test_resolve.c - the merged actor (facts/resolve.h): one actor defined in
 * a lexicon and two facts files, loaded with the paths in every order.
 * The graph's label, the store's row, kg check's conflict and the
 * tagger's entry all follow the one rule: lexicons first, then by path,
 * each field from the first definition that gives it (an empty name is
 * no name), aliases unioned in that order. */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kg.h"
#include "kg/render.h"
#include "kg/store.h"
#include "kg/tag.h"
#include "facts/resolve.h"
#include "render/render_int.h"
#include "tag/tagint.h"
#include "testutil.h"

/* made-up facts: the lexicon gives the type but an empty name, a.yaml the
 * name and part_of, b.yaml another name and an alias; c.yaml (for kg
 * check only) a conflicting type */
static const char *const LEX = "kg: 1\n"
                               "actors:\n"
                               "  - {id: acme, name: '', type: company, aliases: [에이크미]}\n"
                               "  - {id: usa, name: 미국, type: country}\n";
static const char *const DOC_A = "kg: 1\n"
                                 "document: {id: doc-a, title: 가}\n"
                                 "actors:\n"
                                 "  - {id: acme, name: 에이크미 코퍼레이션, part_of: usa}\n";
static const char *const DOC_B = "kg: 1\n"
                                 "document: {id: doc-b, title: 나}\n"
                                 "actors:\n"
                                 "  - {id: acme, name: Acme Corp, aliases: [ACME]}\n"
                                 "events:\n"
                                 "  - {id: e1, title: 출시, type: other, date: 2025-01-02, agent: [acme]}\n";

static const char *const DOC_C = "kg: 1\n"
                                 "document: {id: doc-c, title: 다}\n"
                                 "actors:\n"
                                 "  - {id: acme, name: 에이크미, type: organization}\n";

#define NAME "에이크미 코퍼레이션"

static const char *const ORDERS[][3] = {
    { "lex.yaml", "a.yaml", "b.yaml" }, { "b.yaml", "a.yaml", "lex.yaml" },
    { "a.yaml", "lex.yaml", "b.yaml" }, { "b.yaml", "lex.yaml", "a.yaml" },
};
#define N_ORDERS (sizeof ORDERS / sizeof *ORDERS)

static char *dir;

static char *path_in(const char *rel)
{
    kg_buf b = KG_BUF_INIT;
    kg_buf_printf(&b, "%s/%s", dir, rel);
    return kg_buf_detach(&b, NULL);
}

static void setup(void)
{
    dir = kgt_tmpdir();
    cr_assert(dir);
    const char *names[4] = { "lex.yaml", "a.yaml", "b.yaml", "c.yaml" };
    const char *texts[4] = { LEX, DOC_A, DOC_B, DOC_C };
    for (int i = 0; i < 4; i++) {
        char *p = path_in(names[i]);
        cr_assert_eq(kgt_write(p, texts[i]), 0);
        free(p);
    }
}

static void teardown(void)
{
    free(dir);
}

static void load_file(kg_corpus *c, const char *name)
{
    kg_diag d = KG_DIAG_INIT;
    char *p = path_in(name);
    cr_assert_geq(kg_facts_load_path(c, p, &d), 0, "cannot load %s", p);
    cr_assert_eq(d.errors, 0, "%s: %s", p, d.n ? d.v[0].msg : "");
    free(p);
    kg_diag_free(&d);
}

/* The three files loaded in order k. */
static void load(kg_corpus *c, size_t k)
{
    kg_corpus_init(c);
    for (int i = 0; i < 3; i++)
        load_file(c, ORDERS[k][i]);
}

TestSuite(resolve, .init = setup, .fini = teardown);

Test(resolve, merged_actor_follows_the_rule)
{
    for (size_t k = 0; k < N_ORDERS; k++) {
        kg_corpus c;
        load(&c, k);
        kg_actors m;
        kg_actors_build(&m, &c);
        const kg_merged_actor *a = kg_actors_find(&m, "acme");
        cr_assert(a);
        cr_expect_str_eq(a->name, NAME);
        cr_expect_str_eq(a->type, "company");
        cr_expect_str_eq(a->part_of, "usa");
        cr_assert_eq(a->n_aliases, 3);
        cr_expect_str_eq(a->aliases[0], "에이크미");
        cr_expect_str_eq(a->aliases[1], "Acme Corp");
        cr_expect_str_eq(a->aliases[2], "ACME");
        /* its first definition is the lexicon's */
        cr_expect(m.defs[a->first].doc->is_lexicon);
        cr_expect_null(kg_actors_find(&m, "nobody"));
        kg_actors_free(&m);
        kg_corpus_free(&c);
    }
}

Test(resolve, graph_label)
{
    for (size_t k = 0; k < N_ORDERS; k++) {
        kg_corpus c;
        load(&c, k);
        kg_render_opts o = KG_RENDER_OPTS_INIT;
        o.no_source = 1;
        kg_view v;
        kg_diag d = KG_DIAG_INIT;
        cr_assert_eq(kg_view_build(&v, &c, &o, &d), KG_RENDER_OK);
        cr_expect_str_eq(kg_view_actor_name(&v, "acme"), NAME);
        int seen = 0;
        for (size_t i = 0; i < v.n_nodes; i++)
            if (v.nodes[i].kind == KG_V_ACTOR && strcmp(v.nodes[i].id, "acme") == 0) {
                seen = 1;
                cr_expect_str_eq(v.nodes[i].name, NAME);
                cr_expect_str_eq(v.nodes[i].type, "company");
                cr_expect_str_eq(v.nodes[i].country, "usa");
            }
        cr_expect(seen, "no node for acme (order %zu)", k);
        kg_view_free(&v);
        kg_buf out = KG_BUF_INIT;
        o.format = KG_FMT_DOT;
        cr_assert_eq(kg_render_graph(&c, &o, &out, &d), KG_RENDER_OK);
        cr_expect(strstr(out.ptr, NAME), "the graph has no label " NAME " (order %zu)", k);
        kg_buf_free(&out);
        kg_diag_free(&d);
        kg_corpus_free(&c);
    }
}

/* The store's row for acme: "name|type|part_of|kind of the file it is
 * defined in|aliases (a set: in byte order)". */
static char *store_row(size_t k)
{
    kg_corpus c;
    load(&c, k);
    char *db = path_in("kg.sqlite");
    remove(db);
    kg_store *s = NULL;
    kg_diag d = KG_DIAG_INIT;
    cr_assert_eq(kg_store_open(&s, db, 0, &d), 0);
    kg_build_stats st;
    cr_assert_eq(kg_store_build(s, &c, NULL, &st, &d), 0, "%s", d.n ? d.v[0].msg : "");
    kg_store_close(s);
    kg_diag_free(&d);
    kg_corpus_free(&c);
    sqlite3 *h = NULL;
    cr_assert_eq(sqlite3_open(db, &h), SQLITE_OK);
    sqlite3_stmt *q = NULL;
    cr_assert_eq(sqlite3_prepare_v2(h,
                                    "SELECT name || '|' || type || '|' || part_of || '|' ||"
                                    " (SELECT kind FROM documents WHERE doc = a.defined_in) || '|' ||"
                                    " (SELECT group_concat(alias, ',') FROM (SELECT alias FROM aliases"
                                    "  WHERE actor = a.id ORDER BY alias))"
                                    " FROM actors a WHERE id = 'acme'",
                                    -1, &q, NULL),
                 SQLITE_OK, "%s", sqlite3_errmsg(h));
    cr_assert_eq(sqlite3_step(q), SQLITE_ROW);
    char *row = kg_xstrdup((const char *)sqlite3_column_text(q, 0));
    sqlite3_finalize(q);
    sqlite3_close(h);
    free(db);
    return row;
}

Test(resolve, store_row)
{
    for (size_t k = 0; k < N_ORDERS; k++) {
        char *row = store_row(k);
        cr_expect_str_eq(row, NAME "|company|usa|lexicon|ACME,Acme Corp,에이크미", "order %zu", k);
        free(row);
    }
}

Test(resolve, check_reports_against_the_merged_actor)
{
    for (size_t k = 0; k < N_ORDERS; k++) {
        /* c.yaml first and last: the conflict is reported against the
         * lexicon's type, which the merged actor has */
        for (int last = 0; last < 2; last++) {
            kg_corpus c;
            kg_corpus_init(&c);
            if (!last)
                load_file(&c, "c.yaml");
            for (int i = 0; i < 3; i++)
                load_file(&c, ORDERS[k][i]);
            if (last)
                load_file(&c, "c.yaml");
            kg_diag d = KG_DIAG_INIT;
            kg_check(&c, &d);
            int conflicts = 0;
            for (size_t i = 0; i < d.n; i++)
                if (strstr(d.v[i].msg, "has type")) {
                    conflicts++;
                    cr_expect(strstr(d.v[i].msg, "'organization' here but 'company'"), "%s", d.v[i].msg);
                    cr_expect(strstr(d.v[i].msg, "lex.yaml"), "%s", d.v[i].msg);
                    cr_expect(strstr(d.v[i].file, "c.yaml"), "%s", d.v[i].file);
                }
            cr_expect_eq(conflicts, 1, "order %zu", k);
            kg_diag_free(&d);
            kg_corpus_free(&c);
        }
    }
}

Test(resolve, tagger_entry)
{
    for (size_t k = 0; k < N_ORDERS; k++) {
        kg_corpus c;
        load(&c, k);
        kg_lexicon *lx = kg_lexicon_new();
        kg_lexicon_add_corpus(lx, &c);
        kg_diag d = KG_DIAG_INIT;
        cr_assert_eq(kg_lexicon_compile(lx, &d), 0);
        int ix = kg_lex_find_id(lx, "acme");
        cr_assert_geq(ix, 0);
        cr_expect_str_eq(lx->actors[ix].name, NAME, "order %zu", k);
        cr_expect_str_eq(lx->actors[ix].type, "company");
        cr_expect_str_eq(lx->actors[ix].part_of, "usa");
        const char *names[] = { NAME, "Acme Corp", "ACME", "에이크미" };
        for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
            const char *id = kg_lexicon_lookup(lx, names[i]);
            cr_expect(id && strcmp(id, "acme") == 0, "'%s' finds %s", names[i], id ? id : "nothing");
        }
        kg_lexicon_free(lx);
        kg_diag_free(&d);
        kg_corpus_free(&c);
    }
}
