/* kg/buf.h - a growable byte buffer (after git's strbuf).
 *
 * Invariant: after kg_buf_init() (or KG_BUF_INIT) `ptr` is never NULL and
 * `ptr[len]` is always '\0', so the contents can be used as a C string.
 * Allocation failure aborts the process (there is no sensible recovery in
 * a command-line tool, and every caller would otherwise need a branch). */
#ifndef KG_BUF_H
#define KG_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct kg_buf {
    char *ptr;
    size_t len;
    size_t cap; /* 0 while ptr points at the shared empty string */
} kg_buf;

extern char kg_buf_empty[];
#define KG_BUF_INIT { kg_buf_empty, 0, 0 }

void kg_buf_init(kg_buf *b);
/* Releases the memory; the buffer is empty and usable again. NULL is fine. */
void kg_buf_free(kg_buf *b);
/* Empties the buffer, keeping its memory. */
void kg_buf_reset(kg_buf *b);
void kg_buf_grow(kg_buf *b, size_t extra);
void kg_buf_add(kg_buf *b, const void *data, size_t len);
void kg_buf_puts(kg_buf *b, const char *s);
void kg_buf_putc(kg_buf *b, int c);
void kg_buf_printf(kg_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void kg_buf_vprintf(kg_buf *b, const char *fmt, va_list ap);
/* Appends v as printf's "%.*f" (decimals 0 to 6) writes it, byte for
 * byte, without printf's cost for the common case (the timeline writes
 * tens of thousands of coordinates). */
void kg_buf_fixed(kg_buf *b, double v, int decimals);
/* Hands the contents to the caller (who frees them with free()) and
 * leaves the buffer empty. Never returns NULL. */
char *kg_buf_detach(kg_buf *b, size_t *len);

/* Allocation helpers that abort on failure. */
void *kg_xmalloc(size_t n);
void *kg_xcalloc(size_t n, size_t size);
void *kg_xrealloc(void *p, size_t n);
char *kg_xstrdup(const char *s);
char *kg_xstrndup(const char *s, size_t n);

/* Strings (or any bytes) that live as long as their pool, carved from
 * blocks of 4 KB, each twice the last up to 256 KB (a longer piece gets a
 * block of its own): one malloc per block, not per string. */
typedef struct kg_pool {
    char **blocks;
    size_t n, cap;
    char *at;             /* the free rest of the last block, */
    size_t left;          /* its size */
} kg_pool;

#define KG_POOL_INIT { NULL, 0, 0, NULL, 0 }

/* n bytes from the pool (no alignment: for chars). */
char *kg_pool_alloc(kg_pool *p, size_t n);
/* A copy of s[0..n) as strndup makes it (up to a NUL). */
char *kg_pool_strndup(kg_pool *p, const char *s, size_t n);
char *kg_pool_strdup(kg_pool *p, const char *s);
/* Gives back the end of the last piece allocated, from end on. */
void kg_pool_trim(kg_pool *p, const char *end);
/* Frees every piece (the pool is empty and usable again). */
void kg_pool_reset(kg_pool *p);
void kg_pool_free(kg_pool *p);

/* Grows a (ptr, count, cap) vector so that one more element fits. */
#define KG_VEC_PUSH(ptr, n, cap)                                          \
    do {                                                                  \
        if ((n) >= (cap)) {                                               \
            (cap) = (cap) ? (cap) * 2 : 8;                                \
            (ptr) = kg_xrealloc((ptr), (cap) * sizeof *(ptr));            \
        }                                                                 \
    } while (0)

#endif
