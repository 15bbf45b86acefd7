/* hmap.c - string-keyed hash map with linear probing (util/hmap.h). */
#include <stdlib.h>
#include <string.h>

#include "kg/buf.h"
#include "util/hmap.h"

size_t kg_hash_str(const char *s)
{
    size_t h = (size_t)14695981039346656037ULL;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= (size_t)1099511628211ULL;
    }
    return h;
}

void *kg_hmap_get(const kg_hmap *m, const char *key)
{
    if (!m->cap)
        return NULL;
    for (size_t i = kg_hash_str(key) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        if (!m->keys[i])
            return NULL;
        if (strcmp(m->keys[i], key) == 0)
            return m->vals[i];
    }
}

static void grow(kg_hmap *m)
{
    kg_hmap g = { NULL, NULL, 0, m->cap ? m->cap * 2 : 16 };
    g.keys = kg_xcalloc(g.cap, sizeof *g.keys);
    g.vals = kg_xcalloc(g.cap, sizeof *g.vals);
    for (size_t i = 0; i < m->cap; i++)
        if (m->keys[i])
            kg_hmap_put(&g, m->keys[i], m->vals[i]);
    free(m->keys);
    free(m->vals);
    *m = g;
}

void *kg_hmap_put(kg_hmap *m, const char *key, void *val)
{
    if ((m->n + 1) * 4 > m->cap * 3)
        grow(m);
    size_t i = kg_hash_str(key) & (m->cap - 1);
    for (; m->keys[i]; i = (i + 1) & (m->cap - 1))
        if (strcmp(m->keys[i], key) == 0)
            return m->vals[i];
    m->keys[i] = key;
    m->vals[i] = val;
    m->n++;
    return val;
}

void kg_hmap_free(kg_hmap *m)
{
    if (!m)
        return;
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}
