/* util/uf.c - union-find over indices (see uf.h). */
#include <stdlib.h>

#include "kg/buf.h"
#include "util/uf.h"

void kg_uf_init(kg_uf *u, size_t n)
{
    u->parent = kg_xcalloc(n ? n : 1, sizeof *u->parent);
    u->n = n;
    for (size_t i = 0; i < n; i++)
        u->parent[i] = i;
}

void kg_uf_free(kg_uf *u)
{
    free(u->parent);
    u->parent = NULL;
    u->n = 0;
}

size_t kg_uf_find(kg_uf *u, size_t i)
{
    size_t *p = u->parent;
    while (p[i] != i) {
        p[i] = p[p[i]];
        i = p[i];
    }
    return i;
}

size_t kg_uf_union(kg_uf *u, size_t a, size_t b,
                   int (*less)(size_t ra, size_t rb, void *ctx), void *ctx)
{
    size_t ra = kg_uf_find(u, a), rb = kg_uf_find(u, b);
    if (ra == rb)
        return ra;
    int a_first = less ? less(ra, rb, ctx) != 0 : ra < rb;
    if (a_first) {
        u->parent[rb] = ra;
        return ra;
    }
    u->parent[ra] = rb;
    return rb;
}
