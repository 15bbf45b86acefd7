/* test_extract.c - tests of the extractor (kg/extract.h) and `kg extract`.
 *
 * tests/spec/extract.spec holds the rules as cases of our own sentences
 * (format at the top of the file): one loop extracts every case with the
 * bundled lexicons (yaml/lexicon) and compares the events and relations
 * with the expected lines, reporting the file and line of each failing
 * case. tests/extract/NAME.txt are short articles written for the tests;
 * NAME.yaml is the facts file expected from each (KG_REGEN=1 rewrites the
 * golden files from the current output; review the diff before keeping
 * it). The card's example is checked on the real seed 003 when
 * ../shared/seeds is there. */
#include <criterion/criterion.h>
#include <glob.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "kg.h"
#include "kg/extract.h"
#include "kg/tag.h"
#include "kg/text.h"
#include "testutil.h"

/* The bundled lexicons (testutil), checked once. */
static const kgt_lexes *bundled(void)
{
    const kgt_lexes *L = kgt_bundled_lexes();
    cr_assert_not_null(L, "yaml/lexicon unreadable, or the event lexicon has errors");
    cr_assert(kg_evlex_size(L->ev) > 100);
    return L;
}

static kg_doc *extract_str(const char *text, const char *dct, unsigned flags)
{
    const kgt_lexes *L = bundled();
    kg_extract_opts o;
    memset(&o, 0, sizeof o);
    if (dct)
        cr_assert(kg_dct_parse(dct, &o.dct) == 0, "bad date %s", dct);
    o.text_flags = flags;
    o.lexicon = L->c;
    o.source = "case.txt";
    kg_diag d = KG_DIAG_INIT;
    kg_doc *doc = NULL;
    int r = kg_extract(L->lx, L->ev, text, strlen(text), &o, &doc, &d);
    kg_diag_free(&d);
    return r == 0 ? doc : NULL;
}

/* ------------------------------------------------------------------ */
/* spec file                                                           */

static void put_ids(kg_buf *b, const char *key, const kg_strv *v)
{
    if (!v->n)
        return;
    kg_buf_printf(b, " %s=", key);
    for (size_t i = 0; i < v->n; i++)
        kg_buf_printf(b, "%s%s", i ? "," : "", v->v[i]);
}

/* One line per event: TYPE [agent=..] [target=..] date=EDTF|null; then
 * one per relation: eN TYPE eM; then, with figs, one per figure:
 * figure VALUE UNIT subject=ID|none measure=TEXT|none. */
static void canon_events(const kg_doc *doc, int figs, kg_buf *out)
{
    for (size_t i = 0; i < doc->n_events; i++) {
        const kg_event *e = &doc->events[i];
        kg_buf_puts(out, e->type);
        put_ids(out, "agent", &e->agent);
        put_ids(out, "target", &e->target);
        kg_buf_printf(out, " date=%s\n", e->date.text ? e->date.text : "null");
    }
    for (size_t i = 0; i < doc->n_relations; i++) {
        const kg_relation *r = &doc->relations[i];
        kg_buf_printf(out, "%s %s %s\n", r->from, r->type, r->to);
    }
    for (size_t i = 0; figs && i < doc->n_figures; i++) {
        const kg_figure *f = &doc->figures[i];
        kg_buf_printf(out, "figure %s %s subject=%s measure=%s\n", f->value_text, f->unit,
                      f->subject ? f->subject : "none", f->measure ? f->measure : "none");
    }
}

struct extract_spec {
    int figs; /* %figures on: the figures are expected too */
};

static int extract_directive(void *ctx, const kgt_spec_case *at, const char *line)
{
    (void)at;
    struct extract_spec *x = ctx;
    if (strcmp(line, "%figures on") && strcmp(line, "%figures off"))
        return -1;
    x->figs = !strcmp(line, "%figures on");
    return 0;
}

static int extract_case(void *ctx, const kgt_spec_case *c, kg_buf *got)
{
    struct extract_spec *x = ctx;
    kg_doc *doc = extract_str(c->input, c->dct, KG_TEXT_NO_CHROME);
    if (!doc)
        return -1;
    canon_events(doc, x->figs, got);
    kg_doc_free(doc);
    return 0;
}

/* Runs the cases of one spec file; returns how many there are, counts
 * the failures in *failed. */
static size_t run_spec(const char *path, size_t *failed_out)
{
    struct extract_spec x = { 0 };
    kgt_spec hooks = { extract_directive, extract_case, &x };
    size_t failed = 0, cases = kgt_spec_file(path, &hooks, &failed);
    cr_expect_eq(failed, 0, "%zu of %zu cases of %s fail", failed, cases, path);
    *failed_out += failed;
    return cases;
}

/* tests/spec/extract.spec and every tests/spec/extract-TOPIC.spec (one
 * file per class of rule: statements, relations, predicates ...). */
Test(extract_spec, all_cases)
{
    glob_t g;
    cr_assert_eq(glob("tests/spec/extract*.spec", 0, NULL, &g), 0, "no tests/spec/extract*.spec");
    size_t cases = 0, failed = 0;
    for (size_t i = 0; i < g.gl_pathc; i++)
        cases += run_spec(g.gl_pathv[i], &failed);
    globfree(&g);
    cr_expect(cases >= 100, "the extract spec files have %zu cases, want at least 100", cases);
    cr_expect_eq(failed, 0, "%zu of %zu extract spec cases fail", failed, cases);
}

/* ------------------------------------------------------------------ */
/* golden facts files of our own short articles                        */

static kg_doc *extract_file(const char *path, const char *source)
{
    const kgt_lexes *L = bundled();
    size_t len;
    char *text = kgt_slurp(path, &len);
    cr_assert(text != NULL, "cannot read %s", path);
    kg_extract_opts o;
    memset(&o, 0, sizeof o);
    o.lexicon = L->c;
    o.source = source;
    o.name = path;
    kg_diag d = KG_DIAG_INIT;
    kg_doc *doc = NULL;
    cr_assert_eq(kg_extract(L->lx, L->ev, text, len, &o, &doc, &d), 0, "%s: extract failed", path);
    kg_diag_free(&d);
    free(text);
    return doc;
}

Test(extract_golden, articles)
{
    DIR *dir = opendir("tests/extract");
    cr_assert(dir != NULL, "tests/extract is missing");
    struct dirent *de;
    int n = 0, regen = getenv("KG_REGEN") != NULL;
    while ((de = readdir(dir))) {
        size_t l = strlen(de->d_name);
        if (l < 5 || strcmp(de->d_name + l - 4, ".txt") != 0)
            continue;
        char txt[512], yml[512];
        snprintf(txt, sizeof txt, "tests/extract/%s", de->d_name);
        snprintf(yml, sizeof yml, "tests/extract/%.*s.yaml", (int)(l - 4), de->d_name);
        kg_doc *doc = extract_file(txt, de->d_name);
        kg_buf out = KG_BUF_INIT;
        kg_facts_emit(doc, &out);
        if (regen) {
            cr_assert(kgt_write(yml, out.ptr) == 0, "cannot write %s", yml);
        } else {
            char *want = kgt_slurp(yml, NULL);
            cr_assert(want != NULL, "%s is missing (KG_REGEN=1 writes it)", yml);
            cr_expect_str_eq(out.ptr, want, "%s differs from its golden file %s", txt, yml);
            free(want);
        }
        kg_buf_free(&out);
        kg_doc_free(doc);
        n++;
    }
    closedir(dir);
    cr_expect(n >= 3, "want at least 3 golden articles, found %d", n);
}

/* The golden articles' facts pass `kg check` with their texts beside them. */
Test(extract_golden, files_pass_check)
{
    char *out = NULL;
    char cmd[512];
    snprintf(cmd, sizeof cmd, "%s check tests/extract yaml/lexicon 2>&1", kgt_binary());
    int rc = kgt_run(cmd, &out);
    cr_expect_eq(rc, 0, "kg check on tests/extract failed:\n%s", out ? out : "");
    free(out);
}

/* ------------------------------------------------------------------ */
/* the library                                                         */

Test(extract, header_from_byline)
{
    const char *text = "작은 연구소, 새 번역 모델 공개\n"
                       "(서울=연합뉴스) 김하늘 기자 = 한 연구소가 지난 3일 새 번역 모델을 공개했다.\n"
                       "https://example.com/news/123\n";
    kg_doc *doc = extract_str(text, "2025-03-05", 0);
    cr_assert(doc);
    cr_expect_str_eq(doc->title, "작은 연구소, 새 번역 모델 공개");
    cr_expect_str_eq(doc->publisher, "연합뉴스");
    cr_expect_str_eq(doc->author, "김하늘");
    cr_expect_str_eq(doc->published.text, "2025-03-05");
    cr_expect(doc->url && strcmp(doc->url, "https://example.com/news/123") == 0, "url: %s",
              doc->url ? doc->url : "(none)");
    cr_expect(doc->id && strncmp(doc->id, "yna-20250305", 12) == 0, "id: %s", doc->id);
    cr_expect_eq(strlen(doc->sha256), 64);
    cr_assert_eq(doc->n_events, 1);
    cr_expect_str_eq(doc->events[0].type, "release");
    cr_expect_str_eq(doc->events[0].date.text, "2025-03-03");
    kg_doc_free(doc);
}

Test(extract, correspondent_byline_and_copyright)
{
    const char *text = "제목 한 줄\n박서준 워싱턴 특파원\n미국 정부가 새 규제를 발표했다.\n"
                       "ⓒ 아시아투데이, 무단전재 및 재배포 금지\n";
    kg_doc *doc = extract_str(text, "2025", 0);
    cr_assert(doc);
    cr_expect_str_eq(doc->author, "박서준");
    cr_expect_str_eq(doc->publisher, "아시아투데이");
    cr_expect(doc->id && strncmp(doc->id, "asiatoday-2025", 14) == 0, "id: %s", doc->id);
    kg_doc_free(doc);
}

Test(extract, id_is_stable)
{
    const char *text = "중국 상무부, 수출 규제에 반발\n중국 상무부는 미국의 새 규제에 강하게 반발했다.\n";
    kg_doc *a = extract_str(text, "2025-02-01", 0), *b = extract_str(text, "2025-02-01", 0);
    cr_assert(a && b);
    cr_expect_str_eq(a->id, b->id);
    cr_expect(kg_is_slug(a->id), "not a slug: %s", a->id);
    kg_doc_free(a);
    kg_doc_free(b);
}

/* the span is the content verb with its object, not the clause from its
 * start (issue 13: two verbs of one sentence are two spans) */
Test(extract, spans_are_byte_offsets_of_the_clause)
{
    const char *text = "미국 정부가 지난 2일 중국을 겨냥해 새 규제를 발표했다.";
    kg_doc *doc = extract_str(text, "2025-01-10", 0);
    cr_assert(doc && doc->n_events == 1);
    const kg_span *sp = &doc->events[0].span;
    cr_assert(sp->set && sp->start >= 0 && sp->end <= (long long)strlen(text));
    cr_expect(strstr(text + sp->start, "발표했다") != NULL);
    cr_expect(memcmp(text + sp->start, "새 규제를", strlen("새 규제를")) == 0);
    kg_doc_free(doc);
}

Test(extract, invalid_utf8_fails_unless_lenient)
{
    const char bad[] = "미국 정부가 규제를 \xff 발표했다.";
    cr_expect_null(extract_str(bad, NULL, 0));
    kg_doc *doc = extract_str(bad, NULL, KG_TEXT_LENIENT);
    cr_expect_not_null(doc);
    kg_doc_free(doc);
}

Test(extract, hostile_long_sentence, .timeout = 20)
{
    /* one sentence of 100 000 characters: no crash, linear time */
    kg_buf b = KG_BUF_INIT;
    while (b.len < 300000)
        kg_buf_puts(&b, "미국 정부가 규제를 강화하고 ");
    kg_buf_puts(&b, "발표했다.");
    kg_doc *doc = extract_str(b.ptr, "2025", 0);
    cr_assert_not_null(doc);
    kg_doc_free(doc);
    kg_buf_free(&b);
}

Test(extract, empty_and_odd_inputs)
{
    static const char *const inputs[] = { "", "\n\n\n", "다", "\"", "'''", "((((", "이에",
                                          "=> 발표했다 \"하겠다\"고", NULL };
    for (int i = 0; inputs[i]; i++) {
        kg_doc *doc = extract_str(inputs[i], "2025-01-01", 0);
        cr_expect_not_null(doc, "input %d", i);
        kg_doc_free(doc);
    }
}

Test(extract, evlex_reports_malformed_entries)
{
    const char *y = "kg: 1\nevent_types:\n  - type: nonsense\n    predicates: [발표]\n"
                    "  - type: announce\n    predicates: [3, {a: b}]\nrelation_cues:\n"
                    "  - type: wrong\n    cues: [이에]\n";
    kg_diag d = KG_DIAG_INIT;
    kg_node *tree = kg_yaml_parse("bad.yaml", y, strlen(y), &d);
    cr_assert(tree);
    kg_corpus c = KG_CORPUS_INIT;
    kg_corpus_add(&c, kg_doc_from_tree("bad.yaml", tree, &d));
    kg_evlex *ev = kg_evlex_new();
    size_t errs = kg_evlex_add_corpus(ev, &c, &d);
    cr_expect_geq(errs, 3, "errors: %zu", errs);
    cr_expect_eq(kg_evlex_size(ev), 1); /* "3" is a string to YAML here */
    kg_evlex_free(ev);
    kg_corpus_free(&c);
    kg_diag_free(&d);
}

/* ------------------------------------------------------------------ */
/* the command                                                         */

/* `cd DIR && KG_DATA=<repo>/yaml`: the bundled lexicons from any folder. */
static const char *data_env(void)
{
    static char buf[4200];
    if (!buf[0]) {
        char cwd[4096];
        cr_assert(getcwd(cwd, sizeof cwd) != NULL);
        snprintf(buf, sizeof buf, "KG_DATA=%s/yaml", cwd);
    }
    return buf;
}

static char *tmpfile_with(const char *dir, const char *name, const char *text)
{
    char *p = malloc(strlen(dir) + strlen(name) + 2);
    sprintf(p, "%s/%s", dir, name);
    cr_assert(kgt_write(p, text) == 0);
    return p;
}

static const char *art1 = "미국 정부, 새 규제 발표\n미국 정부가 지난 2일 중국을 겨냥해 새 규제를 "
                          "발표했다.\n이에 중국 상무부는 강하게 반발했다.\n";
static const char *art2 = "연구소 설립\n한 대학이 지난 5일 새 연구소를 설립했다.\n";

Test(extract_cli, hand_edits_are_kept)
{
    char *dir = kgt_tmpdir(), *out = NULL, cmd[16384];
    char *in = tmpfile_with(dir, "a.txt", art1);
    snprintf(cmd, sizeof cmd, "cd %s && %s %s extract --date 2025-01-05 a.txt -o a.yaml 2>&1", dir,
             data_env(), kgt_binary());
    cr_assert_eq(kgt_run(cmd, &out), 0, "%s", out);
    free(out);
    /* unchanged since kg wrote it: overwriting is fine */
    cr_assert_eq(kgt_run(cmd, &out), 0, "%s", out);
    free(out);
    /* a person edits it: extract refuses and says what to do */
    char path[1024];
    snprintf(path, sizeof path, "%s/a.yaml", dir);
    char *y = kgt_slurp(path, NULL);
    kg_buf e = KG_BUF_INIT;
    kg_buf_puts(&e, y);
    kg_buf_puts(&e, "# checked by hand\n");
    kgt_write(path, e.ptr);
    /* kg keeps what it wrote in .kg/ and merges: the comment stays */
    cr_assert_eq(kgt_run(cmd, &out), 0, "%s", out);
    free(out);
    char *now = kgt_slurp(path, NULL);
    cr_expect(now && strstr(now, "# checked by hand\n"), "the hand edit is gone: %s", now);
    free(now);
    kgt_write(path, e.ptr);
    /* without that copy it refuses and says what to do */
    char basep[1024];
    snprintf(basep, sizeof basep, "%s/.kg/a.yaml", dir);
    cr_assert_eq(unlink(basep), 0);
    cr_assert_eq(kgt_run(cmd, &out), 1, "%s", out);
    cr_expect(strstr(out, "--force") != NULL, "%s", out);
    free(out);
    now = kgt_slurp(path, NULL);
    cr_expect_str_eq(now, e.ptr, "the edited file was changed");
    free(now);
    /* --force keeps the edit as .orig */
    snprintf(cmd, sizeof cmd,
             "cd %s && %s %s extract --force --date 2025-01-05 a.txt -o a.yaml 2>&1", dir,
             data_env(), kgt_binary());
    cr_assert_eq(kgt_run(cmd, &out), 0, "%s", out);
    free(out);
    snprintf(path, sizeof path, "%s/a.yaml.orig", dir);
    char *orig = kgt_slurp(path, NULL);
    cr_expect(orig && strcmp(orig, e.ptr) == 0, "the .orig copy is not the edited file");
    free(orig);
    kg_buf_free(&e);
    free(y);
    free(in);
    free(dir);
}

Test(extract_cli, folder_jobs_and_check)
{
    char *dir = kgt_tmpdir(), *out = NULL, cmd[16384];
    free(tmpfile_with(dir, "a.txt", art1));
    free(tmpfile_with(dir, "b.txt", art2));
    snprintf(cmd, sizeof cmd,
             /* a project whose articles are its top folder: the facts in
              * one/ may name ../a.txt */
             "cd %s && echo 'articles: .' > kg.yaml && export %s && "
             "%s extract --date 2025-01-10 a.txt b.txt -o one/ --jobs 1 2>&1 "
             "&& %s extract --date 2025-01-10 a.txt b.txt -o two --jobs 2 2>&1 && "
             "diff -r one two && "
             "%s check one 2>&1",
             dir, data_env(), kgt_binary(), kgt_binary(), kgt_binary());
    int rc = kgt_run(cmd, &out);
    cr_expect_eq(rc, 0, "%s", out);
    free(out);
    /* no progress bar when stderr is not a terminal */
    snprintf(cmd, sizeof cmd, "cd %s && %s %s extract a.txt b.txt -o three 2>&1", dir, data_env(),
             kgt_binary());
    rc = kgt_run(cmd, &out);
    cr_expect_eq(rc, 0);
    cr_expect(out && !strstr(out, "files"), "unexpected output: %s", out);
    free(out);
    /* the card's relation comes out of the first article */
    /* files in a folder are named by document id */
    snprintf(cmd, sizeof cmd, "cd %s/one && cat a-20250110-*.yaml", dir);
    char *y = NULL;
    cr_assert_eq(kgt_run(cmd, &y), 0);
    cr_assert(y);
    cr_expect(strstr(y, "{from: e2, type: responds-to, to: e1}") != NULL, "%s", y);
    cr_expect(strstr(y, "source: ../a.txt") != NULL, "%s", y);
    free(y);
    free(dir);
}

Test(extract_cli, usage_errors)
{
    char *out = NULL, cmd[1024];
    static const char *const args[] = { "", "--jobs 0 x.txt", "--date 2025-13 x.txt",
                                        "--bogus x.txt", NULL };
    for (int i = 0; args[i]; i++) {
        snprintf(cmd, sizeof cmd, "%s extract %s 2>&1", kgt_binary(), args[i]);
        cr_expect_eq(kgt_run(cmd, &out), 2, "'%s': %s", args[i], out);
        free(out);
    }
    snprintf(cmd, sizeof cmd, "%s extract /nonexistent/x.txt 2>&1", kgt_binary());
    cr_expect_eq(kgt_run(cmd, &out), 3, "%s", out);
    free(out);
    snprintf(cmd, sizeof cmd, "%s help extract 2>&1", kgt_binary());
    cr_expect_eq(kgt_run(cmd, &out), 0);
    cr_expect(out && strstr(out, "--force") && strstr(out, ".orig"), "%s", out);
    free(out);
}

/* ------------------------------------------------------------------ */
/* the card's example on the real seed                                 */

Test(extract_seed, card_example_in_003)
{
    const char *seeds = kgt_seeds_dir();
    if (!seeds)
        cr_skip_test("../shared/seeds is not here");
    char path[1024];
    snprintf(path, sizeof path, "%s/003_2d27646d52f2e6f3.txt", seeds);
    const kgt_lexes *L = bundled();
    size_t len;
    char *text = kgt_slurp(path, &len);
    if (!text)
        cr_skip_test("seed 003 is not here");
    kg_extract_opts o;
    memset(&o, 0, sizeof o);
    kg_dct_parse("2025-01-15", &o.dct);
    o.lexicon = L->c;
    kg_diag d = KG_DIAG_INIT;
    kg_doc *doc = NULL;
    cr_assert_eq(kg_extract(L->lx, L->ev, text, len, &o, &doc, &d), 0);
    const char *controls = NULL, *reaction = NULL;
    for (size_t i = 0; i < doc->n_events; i++) {
        const kg_event *e = &doc->events[i];
        if (!controls && !strcmp(e->type, "restrict") && e->date.text &&
            !strcmp(e->date.text, "2025-01-13") && kg_strv_has(&e->agent, "biden-administration"))
            controls = e->id;
        if (!reaction && !strcmp(e->type, "protest") && kg_strv_has(&e->agent, "china-mofcom"))
            reaction = e->id;
    }
    cr_assert(controls, "no 2025-01-13 export controls event");
    cr_assert(reaction, "no protest by the Commerce Ministry");
    int linked = 0;
    for (size_t i = 0; i < doc->n_relations; i++) {
        const kg_relation *r = &doc->relations[i];
        linked |= !strcmp(r->from, reaction) && !strcmp(r->type, "responds-to") &&
                  !strcmp(r->to, controls);
    }
    cr_expect(linked, "%s does not respond to %s", reaction, controls);
    kg_doc_free(doc);
    kg_diag_free(&d);
    free(text);
}

/* Extracts text and checks the actor id: it has alias (with a space), or,
 * alias NULL, no alias with a space other than its name. */
static void expect_alias(const char *text, const char *id, const char *alias)
{
    kg_doc *doc = extract_str(text, "2025-03-20", 0);
    cr_assert(doc, "%s: extract failed", text);
    const kg_actor *a = NULL;
    for (size_t i = 0; i < doc->n_actors; i++)
        if (doc->actors[i].id && !strcmp(doc->actors[i].id, id))
            a = &doc->actors[i];
    if (alias)
        cr_expect(a && kg_strv_has(&a->aliases, alias), "%s: no alias %s on %s", text, alias, id);
    else if (a)
        for (size_t k = 0; k < a->aliases.n; k++)
            cr_expect(!strchr(a->aliases.v[k], ' ') || !strcmp(a->aliases.v[k], a->name), "%s: unexpected alias %s",
                      text, a->aliases.v[k]);
    kg_doc_free(doc);
}

/* A person named then titled is also known by the name with its title, as
 * written (a country initial may stand between); no title, no such form. */
Test(extract, title_alias_of_a_person)
{
    static const struct {
        const char *text, *id, *alias; /* alias NULL: the actor has no alias with a space */
    } cases[] = {
        {"박정민 장관은 새 규제를 발표했다.", "bakjeongmin", "박정민 장관"},
        {"리처드 윌슨 회장이 새 공장 건설을 밝혔다.", "richeodeu-wilseun", "리처드 윌슨 회장"},
        {"바이든 미 대통령은 새 관세를 부과했다.", "joe-biden", "바이든 미 대통령"},
        {"시진핑 중 국가주석이 협정에 서명했다.", "xi-jinping", "시진핑 중 국가주석"},
        {"김영수 대표이사는 10조원을 투자한다고 밝혔다.", "gimyeongsu", "김영수 대표이사"},
        {"웨이민 사장은 새 칩을 공개했다.", "weimin", "웨이민 사장"},
        {"한지호 교수는 새 연구소를 세웠다.", "hanjiho", "한지호 교수"},
        {"다니엘 로페즈 최고경영자가 신제품을 내놨다.", "daniel-ropejeu", "다니엘 로페즈 최고경영자"},
        {"오세진 위원장은 새 법안을 발의했다.", "osejin", "오세진 위원장"},
        {"최민아 차관보가 회담에 나섰다.", "choemina", "최민아 차관보"},
        /* negatives: nothing titled after the name */
        {"바이든은 새 관세를 부과했다.", "joe-biden", NULL},
        {"시진핑 주석은 협정에 서명했다. 시진핑은 이어 연설했다.", "xi-jinping", "시진핑 주석"},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++)
        expect_alias(cases[c].text, cases[c].id, cases[c].alias);
}

/* A court named and then one of its numbered benches is also known by the
 * two together, as written (names.yaml division_heads/division_ends), and
 * a body by its term before it (22대 국회); a bench with no number, or
 * something else next to the name, adds nothing. */
Test(extract, division_alias_of_a_court)
{
    static const struct {
        const char *text, *id, *alias; /* alias NULL: no alias with a space */
    } cases[] = {
        {"서울중앙지법 형사3부는 전 임원에게 징역 2년을 선고했다.", "seouljungangjibeop", "서울중앙지법 형사3부"},
        {"수원지법 민사12부는 회사의 청구를 기각했다.", "suwonjibeop", "수원지법 민사12부"},
        {"수원지법 형사부는 선고를 미뤘다.", "suwonjibeop", NULL},
        {"서울중앙지법 3층에서 재판이 열렸다.", "seouljungangjibeop", NULL},
        /* a body's term before it (names.yaml term_counters) */
        {"22대 국회는 새 법안을 발의했다.", "korea-national-assembly", "22대 국회"},
        {"지난 국회는 법안을 폐기했다.", "korea-national-assembly", NULL},
        {"3대 주주인 삼성전자는 지분을 늘렸다.", "samsung-electronics", NULL},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++)
        expect_alias(cases[c].text, cases[c].id, cases[c].alias);
}
