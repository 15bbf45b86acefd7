/* test_regress.c - every input a fuzzer once crashed on stays fixed:
 * each file in tests/fuzz/regress/NAME is fed to the same checks as the NAME
 * harness (tag: offsets on character boundaries, JSON lines valid UTF-8
 * without raw control characters; facts: read, check and write back;
 * lexcache: a lexicon read from the cache's bytes saves and reads back). */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kg.h"
#include "kg/extract.h"
#include "kg/tag.h"
#include "kg/text.h"
#include "kg/utf8.h"
#include "testutil.h"

typedef void (*check_fn)(const char *name, const char *data, size_t size);

static int each_input(const char *dir, check_fn fn)
{
    DIR *dp = opendir(dir);
    if (!dp)
        return 0;
    struct dirent *de;
    int n = 0;
    while ((de = readdir(dp))) {
        if (de->d_name[0] == '.')
            continue;
        char path[512];
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        size_t len;
        char *data = kgt_slurp(path, &len);
        cr_assert_not_null(data, "cannot read %s", path);
        fn(path, data, len);
        free(data);
        n++;
    }
    closedir(dp);
    return n;
}

static void check_tag(const char *name, const char *data, size_t size)
{
    kg_lexicon *lx = kg_lexicon_new();
    static const char *const mc[] = { "상무부", "MOFCOM" };
    kg_lexicon_add(lx, "china", "중국", "country", NULL, NULL, 0);
    kg_lexicon_add(lx, "china-mofcom", "중국 상무부", "government", "china", mc, 2);
    kg_diag d = KG_DIAG_INIT;
    kg_lexicon_compile(lx, &d);
    kg_text t;
    memset(&t, 0, sizeof t);
    cr_assert_eq(kg_text_load(&t, data, size, 0, KG_TEXT_LENIENT, name, &d), 0);
    for (int dated = 0; dated < 2; dated++) {
        kg_mentions m = KG_MENTIONS_INIT;
        kg_tag_opts o;
        memset(&o, 0, sizeof o);
        if (dated) {
            o.dct.year = 2025;
            o.dct.month = 1;
            o.dct.day = 15;
            o.dct.prec = KG_PREC_DAY;
        }
        kg_tag_text(lx, &t, &o, &m, NULL);
        kg_buf b = KG_BUF_INIT;
        for (size_t i = 0; i < m.n; i++) {
            const kg_mention *x = &m.v[i];
            cr_expect(x->start <= x->end && x->end <= size, "%s: mention %zu out of range", name, i);
            kg_buf_reset(&b);
            kg_mention_json(x, &t, &b);
            cr_expect_eq(kg_utf8_check(b.ptr, b.len), b.len, "%s: invalid UTF-8 in %s", name, b.ptr);
            for (size_t k = 0; k < b.len; k++)
                cr_expect((unsigned char)b.ptr[k] >= 0x20, "%s: raw control byte in JSON", name);
        }
        kg_buf_free(&b);
        kg_mentions_free(&m);
    }
    kg_text_free(&t);
    kg_diag_free(&d);
    kg_lexicon_free(lx);
}

static void check_facts(const char *name, const char *data, size_t size)
{
    kg_diag d = KG_DIAG_INIT;
    kg_node *tree = kg_yaml_parse(name, data, size, &d);
    if (tree || !d.errors) {
        kg_doc *doc = kg_doc_from_tree(name, tree, &d);
        kg_corpus c = KG_CORPUS_INIT;
        kg_corpus_add(&c, doc);
        kg_check(&c, &d);
        kg_buf out = KG_BUF_INIT;
        cr_expect_eq(kg_facts_emit(doc, &out), 0, "%s", name);
        kg_buf_free(&out);
        kg_corpus_free(&c);
    }
    kg_diag_free(&d);
}

static void check_extract(const char *name, const char *data, size_t size)
{
    kg_lexicon *lx = kg_lexicon_new();
    kg_evlex *ev = kg_evlex_new();
    kg_corpus c = KG_CORPUS_INIT;
    kg_diag d = KG_DIAG_INIT;
    kg_lexicon_add(lx, "usa", "미국", "country", NULL, NULL, 0);
    kg_lexicon_compile(lx, &d);
    cr_assert_eq(kg_facts_load_path(&c, "yaml/lexicon/events.yaml", &d), 0);
    kg_evlex_add_corpus(ev, &c, &d);
    kg_extract_opts o;
    memset(&o, 0, sizeof o);
    o.text_flags = KG_TEXT_LENIENT;
    o.name = name;
    kg_doc *doc = NULL;
    cr_assert_eq(kg_extract(lx, ev, data, size, &o, &doc, &d), 0, "%s", name);
    kg_buf out = KG_BUF_INIT;
    cr_expect_eq(kg_facts_emit(doc, &out), 0, "%s", name);
    kg_diag d2 = KG_DIAG_INIT;
    kg_node *tree = kg_yaml_parse("again", out.ptr, out.len, &d2);
    kg_doc *back = kg_doc_from_tree("again", tree, &d2);
    kg_corpus one = KG_CORPUS_INIT;
    kg_corpus_add(&one, back);
    kg_check(&one, &d2);
    for (size_t i = 0; i < d2.n; i++)
        cr_expect(d2.v[i].sev != KG_SEV_ERROR || strstr(d2.v[i].msg, "unknown actor"),
                  "%s: %s", name, d2.v[i].msg);
    kg_corpus_free(&one);
    kg_diag_free(&d2);
    kg_buf_free(&out);
    kg_doc_free(doc);
    kg_corpus_free(&c);
    kg_evlex_free(ev);
    kg_lexicon_free(lx);
    kg_diag_free(&d);
}

/* kg tag's lexicon cache (fuzz_lexcache): bytes sealed with a fresh
 * checksum are refused, or read into a lexicon that saves and reads back. */
static void check_lexcache(const char *name, const char *data, size_t size)
{
    char *b = kg_xmalloc(size ? size : 1);
    memcpy(b, data, size);
    uint32_t stamp_len = 0;
    if (size >= 48)
        memcpy(&stamp_len, b + 32, 4);
    if (stamp_len > size - (size >= 48 ? 48 : size))
        stamp_len = 0;
    kg_lexicon_blob_reseal(b, size);
    const char *stamp = size >= 48 ? b + 48 : "";
    kg_lexicon *lx = kg_lexicon_load(b, size, stamp, stamp_len);
    if (lx) {
        kg_buf again = KG_BUF_INIT;
        if (kg_lexicon_save(lx, stamp, stamp_len, &again) == 0) {
            kg_lexicon *back = kg_lexicon_load(again.ptr, again.len, stamp, stamp_len);
            cr_expect_not_null(back, "%s: saved again, it does not read back", name);
            kg_lexicon_free(back);
        }
        kg_buf_free(&again);
        kg_lexicon_free(lx);
    }
    free(b);
}

Test(regress, fuzzer_findings_stay_fixed)
{
    int n = each_input("tests/fuzz/regress/tag", check_tag);
    n += each_input("tests/fuzz/regress/facts", check_facts);
    n += each_input("tests/fuzz/regress/extract", check_extract);
    n += each_input("tests/fuzz/regress/lexcache", check_lexcache);
    cr_expect_geq(n, 1, "no regression inputs found in tests/fuzz/regress");
}
