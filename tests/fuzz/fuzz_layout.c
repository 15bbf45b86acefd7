/* fuzz_layout.c - libFuzzer harness: arbitrary bytes as a hand-edited
 * facts file through kg fmt's comment-keeping writer (kg_facts_format) and
 * the line diff of the two texts. A formatted file must read back, and
 * formatting it again must change nothing. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kg.h"
#include "kg/diff.h"
#include "kg/layout.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    kg_diag d = KG_DIAG_INIT;
    kg_node *tree = kg_yaml_parse("fuzz.yaml", text, size, &d);
    kg_doc *doc = d.errors ? NULL : kg_doc_from_tree("fuzz.yaml", tree, &d);
    if (!doc || d.errors) {
        if (doc)
            kg_doc_free(doc);
        else
            kg_node_free(tree);
        kg_diag_free(&d);
        return 0;
    }
    kg_buf out = KG_BUF_INIT;
    kg_layout_info info = { 0 };
    if (kg_facts_format(doc, "fuzz.yaml", text, size, &out, &info, &d) == 0) {
        kg_buf df = KG_BUF_INIT;
        kg_diff_unified(&df, "a", text, size, "b", out.ptr, out.len, 3);
        kg_buf_free(&df);
        /* the formatted text reads back, and is a fixed point */
        kg_diag d2 = KG_DIAG_INIT;
        kg_node *t2 = kg_yaml_parse("again.yaml", out.ptr, out.len, &d2);
        kg_doc *back = d2.errors ? NULL : kg_doc_from_tree("again.yaml", t2, &d2);
        if (!back || d2.errors)
            abort(); /* fmt wrote something the reader refuses */
        kg_buf again = KG_BUF_INIT;
        kg_layout_info info2 = { 0 };
        if (!info.orphans && kg_facts_format(back, "again.yaml", out.ptr, out.len, &again, &info2, &d2) == 0 &&
            (again.len != out.len || memcmp(again.ptr, out.ptr, out.len) != 0))
            abort(); /* formatting twice changed the text */
        kg_layout_info_free(&info2);
        kg_buf_free(&again);
        kg_doc_free(back);
        kg_diag_free(&d2);
    }
    kg_layout_info_free(&info);
    kg_buf_free(&out);
    kg_doc_free(doc);
    kg_diag_free(&d);
    return 0;
}
