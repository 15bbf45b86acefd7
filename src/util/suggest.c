/* suggest.c - "did you mean": edit distance and the closest known word. */
#include <stdlib.h>
#include <string.h>

#include "kg/buf.h"
#include "kg/suggest.h"

size_t kg_edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    /* three rows: two back (for swaps), one back, this one */
    size_t *r0 = kg_xcalloc(lb + 1, sizeof *r0), *r1 = kg_xcalloc(lb + 1, sizeof *r1),
           *r2 = kg_xcalloc(lb + 1, sizeof *r2);
    for (size_t j = 0; j <= lb; j++)
        r1[j] = j;
    for (size_t i = 1; i <= la; i++) {
        r2[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t cost = a[i - 1] != b[j - 1];
            size_t v = r1[j - 1] + cost;
            if (r1[j] + 1 < v)
                v = r1[j] + 1;
            if (r2[j - 1] + 1 < v)
                v = r2[j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && r0[j - 2] + 1 < v)
                v = r0[j - 2] + 1;
            r2[j] = v;
        }
        size_t *t = r0;
        r0 = r1;
        r1 = r2;
        r2 = t;
    }
    size_t d = r1[lb];
    free(r0);
    free(r1);
    free(r2);
    return d;
}

const char *kg_suggest(const char *word, const char *const *cands, size_t n)
{
    size_t len = strlen(word);
    if (len == 0)
        return NULL;
    size_t limit = len <= 4 ? 1 : len <= 8 ? 2 : 3;
    const char *best = NULL, *prefix = NULL;
    size_t best_d = (size_t)-1, prefixes = 0;
    for (size_t i = 0; i < n; i++) {
        if (!cands[i] || strcmp(cands[i], word) == 0)
            continue;
        if (strncmp(cands[i], word, len) == 0) {
            prefix = cands[i];
            prefixes++;
        }
        size_t d = kg_edit_distance(word, cands[i]);
        if (d < best_d) {
            best_d = d;
            best = cands[i];
        }
    }
    if (best && best_d <= limit)
        return best;
    return prefixes == 1 ? prefix : NULL;
}
