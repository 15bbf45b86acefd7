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
    size_t h = kg_hash_str(key);
    for (size_t i = h & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        if (!m->keys[i])
            return NULL;
        if (m->hashes[i] == h && strcmp(m->keys[i], key) == 0)
            return m->vals[i];
    }
}

/* Stores key (whose hash is h) in a free slot of m; m has room. */
static void place(kg_hmap *m, const char *key, size_t h, void *val)
{
    size_t i = h & (m->cap - 1);
    while (m->keys[i])
        i = (i + 1) & (m->cap - 1);
    m->keys[i] = key;
    m->vals[i] = val;
    m->hashes[i] = h;
    m->n++;
}

static void grow_to(kg_hmap *m, size_t cap)
{
    kg_hmap g = { NULL, NULL, 0, cap, NULL };
    g.keys = kg_xcalloc(g.cap, sizeof *g.keys);
    g.vals = kg_xcalloc(g.cap, sizeof *g.vals);
    g.hashes = kg_xcalloc(g.cap, sizeof *g.hashes);
    for (size_t i = 0; i < m->cap; i++)
        if (m->keys[i])
            place(&g, m->keys[i], m->hashes[i], m->vals[i]);
    free(m->keys);
    free(m->vals);
    free(m->hashes);
    *m = g;
}

static void grow(kg_hmap *m)
{
    grow_to(m, m->cap ? m->cap * 2 : 16);
}

void kg_hmap_reserve(kg_hmap *m, size_t n)
{
    size_t cap = m->cap ? m->cap : 16;
    while (n * 4 > cap * 3)
        cap *= 2;
    if (cap > m->cap)
        grow_to(m, cap);
}

void *kg_hmap_put(kg_hmap *m, const char *key, void *val)
{
    if ((m->n + 1) * 4 > m->cap * 3)
        grow(m);
    size_t h = kg_hash_str(key), i = h & (m->cap - 1);
    for (; m->keys[i]; i = (i + 1) & (m->cap - 1))
        if (m->hashes[i] == h && strcmp(m->keys[i], key) == 0)
            return m->vals[i];
    m->keys[i] = key;
    m->vals[i] = val;
    m->hashes[i] = h;
    m->n++;
    return val;
}

void kg_hmap_free(kg_hmap *m)
{
    if (!m)
        return;
    free(m->keys);
    free(m->vals);
    free(m->hashes);
    memset(m, 0, sizeof *m);
}

uint64_t kg_fold64(uint64_t h, const void *data, size_t n)
{
    const unsigned char *p = data;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        h = (h ^ w) * 0x100000001b3u;
        h ^= h >> 29;
    }
    for (; i < n; i++)
        h = (h ^ p[i]) * 0x100000001b3u;
    return h;
}
