/* fuzz_lexcache.c - libFuzzer harness: kg tag's lexicon cache
 * (kg_lexicon_load) on arbitrary bytes, sealed with a fresh checksum so
 * that the structure checks behind it are what is exercised (the stamp
 * is the bytes where the head says it is). A lexicon that is accepted is
 * used: tagging a text with it and saving it again must be safe, and the
 * bytes saved again must read back. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kg.h"
#include "kg/tag.h"
#include "kg/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define HEAD 48 /* the head of the bytes (lexicon.c, struct lexc_head) */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > (16u << 20))
        return 0;
    char *b = kg_xmalloc(size ? size : 1);
    memcpy(b, data, size);
    uint32_t stamp_len = 0;
    if (size >= HEAD)
        memcpy(&stamp_len, b + 32, 4);
    if (stamp_len > size - (size >= HEAD ? HEAD : size))
        stamp_len = 0;
    kg_lexicon_blob_reseal(b, size);
    const char *stamp = size >= HEAD ? b + HEAD : "";
    char *st = kg_xmalloc(stamp_len + 1);
    memcpy(st, stamp, stamp_len);
    kg_lexicon *lx = kg_lexicon_load(b, size, st, stamp_len);
    if (lx) {
        static const char src[] = "미국 상무부는 중국(China)과 유럽연합(EU) 집행위원회를 만났다. MOFCOM 美 中";
        kg_text t;
        kg_diag d = KG_DIAG_INIT;
        if (kg_text_load(&t, src, sizeof src - 1, 0, 0, "fuzz.txt", &d) == 0) {
            kg_mentions m = KG_MENTIONS_INIT;
            kg_tag_opts o;
            memset(&o, 0, sizeof o);
            kg_tag_text(lx, &t, &o, &m, NULL);
            kg_buf j = KG_BUF_INIT;
            for (size_t i = 0; i < m.n; i++)
                kg_mention_json(&m.v[i], &t, &j);
            kg_buf_free(&j);
            kg_mentions_free(&m);
        }
        kg_text_free(&t);
        kg_diag_free(&d);
        kg_lexicon_lookup(lx, "중국 상무부");
        kg_buf again = KG_BUF_INIT;
        if (kg_lexicon_save(lx, st, stamp_len, &again) == 0) {
            kg_lexicon *back = kg_lexicon_load(again.ptr, again.len, st, stamp_len);
            if (!back)
                abort();
            kg_lexicon_free(back);
        }
        kg_buf_free(&again);
        kg_lexicon_free(lx);
    }
    free(st);
    free(b);
    return 0;
}
