/* util/hmap.h - a string-keyed hash map (open addressing, FNV-1a).
 * Keys are borrowed: the caller keeps them alive while the map is used. */
#ifndef KG_HMAP_H
#define KG_HMAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct kg_hmap {
    const char **keys;
    void **vals;
    size_t n, cap;   /* cap is 0 or a power of two */
    size_t *hashes;  /* each slot's key's hash: a probe compares strings only when they match */
} kg_hmap;

#define KG_HMAP_INIT { NULL, NULL, 0, 0, NULL }

/* The value stored for key, or NULL. */
void *kg_hmap_get(const kg_hmap *m, const char *key);
/* Stores val for key unless key is there already; returns the value now
 * stored (the old one when the key existed). */
void *kg_hmap_put(kg_hmap *m, const char *key, void *val);
/* Makes room for n keys in all, so that putting them grows nothing. */
void kg_hmap_reserve(kg_hmap *m, size_t n);
void kg_hmap_free(kg_hmap *m);
size_t kg_hash_str(const char *s);

/* Folds n bytes into h: FNV-1a over 8-byte words, then the tail bytes.
 * Not cryptographic: it tells a changed or damaged file. Start with
 * 0xcbf29ce484222325. */
uint64_t kg_fold64(uint64_t h, const void *data, size_t n);

#endif
