/* util/tls.c - per-thread objects (see tls.h). */
#include <stdlib.h>

#include "kg/buf.h"
#include "util/tls.h"

static pthread_mutex_t make_mu = PTHREAD_MUTEX_INITIALIZER;

void *kg_tls_get(kg_tls *t)
{
    if (!atomic_load_explicit(&t->ready, memory_order_acquire)) {
        pthread_mutex_lock(&make_mu);
        if (!atomic_load_explicit(&t->ready, memory_order_relaxed)) {
            if (pthread_key_create(&t->key, t->free_fn) != 0)
                abort();
            atomic_store_explicit(&t->ready, 1, memory_order_release);
        }
        pthread_mutex_unlock(&make_mu);
    }
    void *p = pthread_getspecific(t->key);
    if (!p) {
        p = kg_xcalloc(1, t->size);
        if (pthread_setspecific(t->key, p) != 0)
            abort();
    }
    return p;
}

void kg_tls_trim(void **p, size_t *n, size_t size, size_t keep)
{
    if (*n * size > keep) {
        free(*p);
        *p = NULL;
        *n = 0;
    }
}
