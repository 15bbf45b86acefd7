/* fuzz_edtf.c - libFuzzer harness: the EDTF parser; a date that parses
 * must print back to the same text and have ordered bounds. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kg/buf.h"
#include "kg/edtf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = kg_xstrndup((const char *)data, size);
    kg_edtf e;
    const char *err;
    if (strlen(s) == size && kg_edtf_parse(s, &e, &err) == 0) {
        char buf[64];
        kg_edtf_format(&e, buf, sizeof buf);
        if (strcmp(buf, s) != 0)
            abort();
        long a, b;
        kg_edtf_bounds(&e, &a, &b);
        if (a > b)
            abort();
    }
    free(s);
    return 0;
}
