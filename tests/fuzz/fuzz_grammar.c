/* fuzz_grammar.c - libFuzzer harness: arbitrary bytes as a grammar file
 * (yaml/grammar/, written by users) through the grammar reader and its
 * checks. Asserts: no crash, no leak, and the same text checked twice
 * gives the same number of errors (the reader keeps no state between
 * files). */
#include <stdint.h>
#include <stdlib.h>

#include "kg.h"
#include "korean/grammar.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    kg_diag d = KG_DIAG_INIT, d2 = KG_DIAG_INIT;
    size_t a = kg_grammar_check_text("fuzz.yaml", (const char *)data, size, &d);
    size_t b = kg_grammar_check_text("fuzz.yaml", (const char *)data, size, &d2);
    if (a != b || d.n != d2.n)
        abort();
    kg_diag_free(&d);
    kg_diag_free(&d2);
    return 0;
}
