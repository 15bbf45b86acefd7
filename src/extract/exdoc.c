/* exdoc.c - what the stages of one extraction share (exdoc.h), below them
 * all: events.c and relate.c call it, extract.c calls those two, and
 * nothing here calls back up. */
#include "exdoc.h"

size_t ex_first_at(const exdoc *x, const int *idx, size_t n, size_t o)
{
    size_t a = 0, b = n;
    while (a < b) {
        size_t m = (a + b) / 2;
        if (x->m->v[idx[m]].nstart < o)
            a = m + 1;
        else
            b = m;
    }
    return a;
}
