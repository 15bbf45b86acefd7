/* util/tls.h - a per-thread object kept from one use to the next (the
 * working arrays of kg_text_load, of the tagger and of the actor rules):
 * made zeroed at the thread's first use, freed by its free function when
 * the thread ends, and buffers in it that grew too large freed after a
 * use. */
#ifndef KG_TLS_H
#define KG_TLS_H

#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>

typedef struct kg_tls {
    size_t size;              /* the object's bytes */
    void (*free_fn)(void *);  /* frees an object and what it holds */
    atomic_int ready;         /* (key made) */
    pthread_key_t key;
} kg_tls;

#define KG_TLS_INIT(type, free_fn) { sizeof(type), (free_fn), 0, 0 }

/* This thread's object of t (zeroed bytes at its first use). */
void *kg_tls_get(kg_tls *t);

/* Frees *p (and sets *p NULL, *n 0) when its n items of size bytes are
 * more than keep bytes: a buffer that grew for a large input is not kept
 * for the next. */
void kg_tls_trim(void **p, size_t *n, size_t size, size_t keep);

#endif
