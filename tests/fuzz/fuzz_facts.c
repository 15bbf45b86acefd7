/* fuzz_facts.c - libFuzzer harness: arbitrary bytes through the facts
 * reader (YAML -> tree -> model), the checker, and the writer; what the
 * writer produces must read back without errors. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kg.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    kg_diag d = KG_DIAG_INIT;
    kg_node *tree = kg_yaml_parse("fuzz.yaml", (const char *)data, size, &d);
    if (!tree && d.errors) {
        kg_diag_free(&d);
        return 0;
    }
    kg_doc *doc = kg_doc_from_tree("fuzz.yaml", tree, &d);
    int clean = d.errors == 0;
    kg_corpus c = KG_CORPUS_INIT;
    kg_corpus_add(&c, doc);
    kg_check(&c, &d);
    for (size_t i = 0; i < d.n; i++) {
        char line[512];
        kg_finding_format(&d.v[i], line, sizeof line);
    }
    if (clean) {
        kg_buf out = KG_BUF_INIT;
        if (kg_facts_emit(doc, &out) == 0) {
            kg_diag d2 = KG_DIAG_INIT;
            kg_node *t2 = kg_yaml_parse("again.yaml", out.ptr, out.len, &d2);
            kg_doc *back = kg_doc_from_tree("again.yaml", t2, &d2);
            if (d2.errors)
                abort(); /* the writer wrote something the reader refuses */
            kg_doc_free(back);
            kg_diag_free(&d2);
        }
        kg_buf_free(&out);
    }
    kg_corpus_free(&c);
    kg_diag_free(&d);
    return 0;
}
