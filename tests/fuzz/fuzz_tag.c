/* fuzz_tag.c - libFuzzer harness: arbitrary bytes through text intake
 * (lenient) and the tagger, with a small lexicon, and the JSON Lines
 * writer. Asserts: every mention lies inside the text on UTF-8 character
 * boundaries, mentions come in text order, and each JSON line has no raw
 * control character and is valid UTF-8. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kg.h"
#include "kg/tag.h"
#include "kg/text.h"
#include "kg/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static kg_lexicon *lexicon(void)
{
    static kg_lexicon *lx;
    if (!lx) {
        static const char *const us[] = { "미국", "美", "USA" };
        static const char *const cn[] = { "중국", "中", "China" };
        static const char *const mc[] = { "상무부", "MOFCOM" };
        kg_diag d = KG_DIAG_INIT;
        lx = kg_lexicon_new();
        kg_lexicon_add(lx, "usa", "미국", "country", NULL, us, 3);
        kg_lexicon_add(lx, "china", "중국", "country", NULL, cn, 3);
        kg_lexicon_add(lx, "china-mofcom", "중국 상무부", "government", "china", mc, 2);
        kg_lexicon_add(lx, "us-commerce", "미국 상무부", "government", "usa", mc, 1);
        kg_lexicon_compile(lx, &d);
        kg_diag_free(&d);
    }
    return lx;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *src = (const char *)data;
    kg_text t;
    kg_diag d = KG_DIAG_INIT;
    memset(&t, 0, sizeof t);
    if (kg_text_load(&t, src, size, 0, KG_TEXT_LENIENT, "fuzz.txt", &d) == 0) {
        kg_mentions m = KG_MENTIONS_INIT;
        kg_tag_opts o;
        memset(&o, 0, sizeof o);
        if (size && data[0] & 1) { /* half the inputs with a document date */
            o.dct.year = 2025;
            o.dct.month = 1;
            o.dct.day = 15;
            o.dct.prec = KG_PREC_DAY;
        }
        kg_tag_text(lexicon(), &t, &o, &m, NULL);
        kg_buf b = KG_BUF_INIT;
        size_t last = 0;
        for (size_t i = 0; i < m.n; i++) {
            const kg_mention *x = &m.v[i];
            if (x->start > x->end || x->end > size || x->start < last)
                abort();
            last = x->start;
            if ((x->start < size && (data[x->start] & 0xC0) == 0x80) ||
                (x->end < size && (data[x->end] & 0xC0) == 0x80))
                abort();
            kg_buf_reset(&b);
            kg_mention_json(x, &t, &b);
            if (kg_utf8_check(b.ptr, b.len) != b.len)
                abort();
            for (size_t k = 0; k < b.len; k++)
                if ((unsigned char)b.ptr[k] < 0x20)
                    abort();
        }
        kg_buf_free(&b);
        kg_mentions_free(&m);
    }
    kg_text_free(&t);
    kg_diag_free(&d);
    return 0;
}
