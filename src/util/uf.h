/* util/uf.h - union-find (disjoint sets) over the indices 0..n-1, with
 * path halving. The root of a joined set is chosen by the caller's order
 * (the smaller root wins), so a set's root can name it. */
#ifndef KG_UF_H
#define KG_UF_H

#include <stddef.h>

typedef struct kg_uf {
    size_t *parent;
    size_t n;
} kg_uf;

/* n singleton sets. */
void kg_uf_init(kg_uf *u, size_t n);
void kg_uf_free(kg_uf *u);
/* The root of i's set. */
size_t kg_uf_find(kg_uf *u, size_t i);
/* Joins the sets of a and b and returns the new root: of the two roots,
 * the one less(ra, rb, ctx) says is smaller (ra when less returns
 * nonzero, else rb); with less NULL, the smaller index. */
size_t kg_uf_union(kg_uf *u, size_t a, size_t b,
                   int (*less)(size_t ra, size_t rb, void *ctx), void *ctx);

#endif
