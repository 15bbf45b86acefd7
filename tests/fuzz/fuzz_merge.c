/* fuzz_merge.c - libFuzzer harness: the three-way merge of hand edits.
 * The input is three texts separated by NUL bytes: what kg wrote last,
 * the person's file, what kg writes now. A merge that succeeds must be
 * valid YAML (kg_facts_merge checks and refuses otherwise); merging a
 * file nobody touched gives kg's new text exactly. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kg.h"
#include "kg/merge.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int cmp_line(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Do the two texts hold the same lines, counted, in any order? */
static int same_lines(const char *a, size_t alen, const char *b, size_t blen)
{
    if (alen != blen)
        return 0;
    char *x = malloc(alen + 1), *y = malloc(blen + 1);
    memcpy(x, a, alen);
    memcpy(y, b, blen);
    x[alen] = y[blen] = '\0';
    size_t n = 0;
    for (size_t i = 0; i < alen; i++)
        n += x[i] == '\n';
    char **lx = calloc(n + 1, sizeof *lx), **ly = calloc(n + 1, sizeof *ly);
    size_t kx = 0, ky = 0;
    for (char *p = x, *e; kx <= n && (e = strchr(p, '\n')); p = e + 1)
        *e = '\0', lx[kx++] = p;
    for (char *p = y, *e; ky <= n && (e = strchr(p, '\n')); p = e + 1)
        *e = '\0', ly[ky++] = p;
    int same = kx == ky;
    if (same) {
        qsort(lx, kx, sizeof *lx, cmp_line);
        qsort(ly, ky, sizeof *ly, cmp_line);
        for (size_t i = 0; same && i < kx; i++)
            same = strcmp(lx[i], ly[i]) == 0;
    }
    free(lx);
    free(ly);
    free(x);
    free(y);
    return same;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *p = (const char *)data, *end = p + size;
    const char *part[3];
    size_t len[3];
    for (int i = 0; i < 3; i++) {
        const char *z = memchr(p, '\0', (size_t)(end - p));
        part[i] = p;
        len[i] = z ? (size_t)(z - p) : (size_t)(end - p);
        p = z ? z + 1 : end;
    }
    char *t[3];
    for (int i = 0; i < 3; i++) {
        t[i] = malloc(len[i] + 1);
        memcpy(t[i], part[i], len[i]);
        t[i][len[i]] = '\0';
    }
    kg_buf out = KG_BUF_INIT;
    kg_diag d = KG_DIAG_INIT;
    kg_facts_merge("fuzz.yaml", t[0], len[0], t[1], len[1], t[2], len[2], &out, &d);
    kg_buf_free(&out);
    kg_diag_free(&d);
    /* untouched by the person: kg's new text, byte for byte */
    kg_diag_init(&d);
    kg_diag d0 = KG_DIAG_INIT;
    kg_node *tb = kg_yaml_parse("b.yaml", t[0], len[0], &d0), *tn = kg_yaml_parse("n.yaml", t[2], len[2], &d0);
    if (!d0.errors && kg_facts_merge("fuzz.yaml", t[0], len[0], t[0], len[0], t[2], len[2], &out, &d) >= 0 &&
        len[2] && t[2][len[2] - 1] == '\n' && !same_lines(out.ptr, out.len, t[2], len[2]))
        abort(); /* (a key new to kg may move to the end of its map: same lines, in any order) */
    kg_node_free(tb);
    kg_node_free(tn);
    kg_diag_free(&d0);
    kg_buf_free(&out);
    kg_diag_free(&d);
    for (int i = 0; i < 3; i++)
        free(t[i]);
    return 0;
}
