/* fuzz_extract.c - libFuzzer harness: arbitrary bytes through kg extract
 * (lenient text intake, the bundled event lexicon, a small actor lexicon).
 * Asserts: the facts it makes pass the structural checks (every span
 * inside the text, ids unique), and what the writer emits reads back
 * without errors. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kg.h"
#include "kg/extract.h"
#include "kg/tag.h"
#include "kg/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static kg_lexicon *lx;
static kg_evlex *ev;

static void setup(void)
{
    static const char *const mc[] = { "상무부", "MOFCOM" };
    kg_diag d = KG_DIAG_INIT;
    lx = kg_lexicon_new();
    kg_lexicon_add(lx, "usa", "미국", "country", NULL, NULL, 0);
    kg_lexicon_add(lx, "china", "중국", "country", NULL, NULL, 0);
    kg_lexicon_add(lx, "china-mofcom", "중국 상무부", "government", "china", mc, 2);
    kg_lexicon_compile(lx, &d);
    kg_corpus c = KG_CORPUS_INIT;
    ev = kg_evlex_new();
    /* the bundled event lexicon, read from the repository when at hand */
    if (kg_facts_load_path(&c, "yaml/lexicon/events.yaml", &d) == 0)
        kg_evlex_add_corpus(ev, &c, &d);
    kg_corpus_free(&c);
    kg_diag_free(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!lx)
        setup();
    kg_extract_opts o;
    memset(&o, 0, sizeof o);
    o.text_flags = KG_TEXT_LENIENT;
    o.source = "fuzz.txt";
    o.name = "fuzz.txt";
    if (size && data[0] & 1) {
        o.dct.year = 2025;
        o.dct.month = 1;
        o.dct.day = 15;
        o.dct.prec = KG_PREC_DAY;
    }
    kg_doc *doc = NULL;
    kg_diag d = KG_DIAG_INIT;
    if (kg_extract(lx, ev, (const char *)data, size, &o, &doc, &d) == 0 && doc) {
        for (size_t i = 0; i < doc->n_events; i++) {
            const kg_span *sp = &doc->events[i].span;
            if (sp->set && (sp->start > sp->end || (size_t)sp->end > size))
                abort();
        }
        for (size_t i = 0; i < doc->n_figures; i++) {
            const kg_span *sp = &doc->figures[i].span;
            if (sp->set && (sp->start > sp->end || (size_t)sp->end > size))
                abort();
        }
        kg_buf out = KG_BUF_INIT;
        if (kg_facts_emit(doc, &out) != 0)
            abort();
        kg_diag d2 = KG_DIAG_INIT;
        kg_node *tree = kg_yaml_parse("again.yaml", out.ptr, out.len, &d2);
        kg_doc *back = kg_doc_from_tree("again.yaml", tree, &d2);
        if (d2.errors)
            abort();
        kg_doc_free(back);
        kg_diag_free(&d2);
        kg_buf_free(&out);
    }
    kg_doc_free(doc);
    kg_diag_free(&d);
    return 0;
}
