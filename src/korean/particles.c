/* korean/particles.c - the particle table of korean.yaml (see
 * particles.h): buckets by first syllable for kg_tail_ok, the roles for
 * the extractor, the case and figure classes. */
#include "korean/particles.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kg/buf.h"
#include "korean/grammar.h"

/* The tail particles as a trie of syllables, for kg_tail_ok: a rest is
 * read syllable by syllable once, and where a particle ends the rest
 * after it is tried (a table scan compared each particle that shares a
 * first syllable with the rest: 23 start with 이). Only particles all of
 * Hangul syllables are in it: kg_tail_ok reads runs of syllables, which
 * no other can match. A node is a syllable (its three bytes in key);
 * its children are pn[child .. child + nchild). */
typedef struct pnode {
    uint32_t key;
    uint32_t child, nchild;
    unsigned char end;  /* a particle ends here */
    unsigned char last; /* ... and each that does is of class last: no particle follows it */
} pnode;
static pnode *pn; /* pn[0] is the root */
/* the root's children by their key: an open-addressed table of node
 * indexes (0: empty), a power of two at least four times as large as
 * the first syllables are many (a few dozen) */
static uint32_t *proot;
static unsigned proot_bits;
static kg_sylset pfirst;

/* the entries with a role, in the table's order */
typedef struct role_part {
    const char *w;
    size_t n;
    int role;
} role_part;
static role_part *roles;
static size_t nroles;

static const char *const *case_words;
static const char *const *figure_words;
static const char *const *homographs;

static pthread_once_t once = PTHREAD_ONCE_INIT;

static const char *const role_names[] = { "subject", "topic", "object", "genitive", "conjunct",
                                          "locative", "dative", "other", NULL };

/* The three bytes of the character at p, as a trie key. */
static inline uint32_t key3(const char *p)
{
    return (uint32_t)(unsigned char)p[0] << 16 | (uint32_t)(unsigned char)p[1] << 8 | (unsigned char)p[2];
}

static inline unsigned root_slot(uint32_t key)
{
    return (key * 2654435761u) >> (32 - proot_bits);
}

/* The child of node k with key, or NULL. */
static inline const pnode *pn_child(size_t k, uint32_t key)
{
    if (k == 0) {
        unsigned mask = (1u << proot_bits) - 1;
        for (unsigned h = root_slot(key);; h = (h + 1) & mask) {
            if (!proot[h])
                return NULL;
            if (pn[proot[h]].key == key)
                return &pn[proot[h]];
        }
    }
    const pnode *c = pn + pn[k].child;
    for (unsigned q = 0; q < pn[k].nchild; q++)
        if (c[q].key == key)
            return &c[q];
    return NULL;
}

/* Building the trie: nodes with a linked list of children first
 * (tnode), then laid out so that each node's children are side by side. */
typedef struct tnode {
    uint32_t key;
    int first, next; /* first child, next sibling (-1: none) */
    unsigned char end, last;
} tnode;

static void trie_add(tnode **t, size_t *n, size_t *cap, const char *w, size_t len, int last)
{
    int k = 0;
    for (size_t i = 0; i < len; i += 3) {
        uint32_t key = key3(w + i);
        int c = (*t)[k].first;
        while (c >= 0 && (*t)[c].key != key)
            c = (*t)[c].next;
        if (c < 0) {
            KG_VEC_PUSH(*t, *n, *cap);
            c = (int)(*n)++;
            (*t)[c] = (tnode){ key, -1, (*t)[k].first, 0, 1 };
            (*t)[k].first = c;
        }
        k = c;
    }
    /* (the same word twice: it may be followed if either may) */
    if (!(*t)[k].end)
        (*t)[k].last = (unsigned char)last;
    else
        (*t)[k].last &= (unsigned char)last;
    (*t)[k].end = 1;
}

static void trie_build(tnode *t, size_t n)
{
    /* breadth first: a node's children are laid out together */
    int *order = kg_xmalloc(n * sizeof *order), *at = kg_xmalloc(n * sizeof *at);
    size_t head = 0, tail = 1;
    order[0] = 0;
    pn = kg_xcalloc(n, sizeof *pn);
    at[0] = 0;
    while (head < tail) {
        int k = order[head++];
        pnode *d = &pn[at[k]];
        d->key = t[k].key;
        d->end = t[k].end;
        d->last = t[k].last;
        d->child = (uint32_t)tail;
        for (int c = t[k].first; c >= 0; c = t[c].next) {
            at[c] = (int)tail;
            order[tail++] = c;
        }
        d->nchild = (uint32_t)(tail - d->child);
    }
    for (proot_bits = 6; (1u << proot_bits) < 4 * pn[0].nchild; proot_bits++)
        ;
    unsigned mask = (1u << proot_bits) - 1;
    proot = kg_xcalloc((size_t)mask + 1, sizeof *proot);
    for (unsigned q = 0; q < pn[0].nchild; q++) {
        uint32_t k = pn[0].child + q;
        unsigned h = root_slot(pn[k].key);
        while (proot[h])
            h = (h + 1) & mask;
        proot[h] = k;
    }
    free(order);
    free(at);
}

/* 1 if w[0..n) is Hangul syllables only. */
static int all_syllables(const char *w, size_t n)
{
    if (n == 0 || n % 3)
        return 0;
    for (size_t i = 0; i < n; i += 3)
        if (!kg_u8_syllable((const unsigned char *)w + i))
            return 0;
    return 1;
}

static int has_class(const kg_gram_entry *e, const char *cls)
{
    for (const char *const *c = e->classes; *c; c++)
        if (!strcmp(*c, cls))
            return 1;
    return 0;
}

static void build(void)
{
    const kg_gram_list *l = kg_gram_list_get("korean", "particles");
    size_t nt = 1, capt = 64;
    tnode *t = kg_xmalloc(capt * sizeof *t);
    t[0] = (tnode){ 0, -1, -1, 0, 0 };
    roles = kg_xcalloc(l->n + 1, sizeof *roles);
    for (size_t k = 0; k < l->n; k++) {
        const kg_gram_entry *e = &l->e[k];
        const char *w = e->form;
        size_t n = strlen(w);
        if (!n)
            continue;
        if (has_class(e, "tail") && n >= 3 && kg_u8_syllable((const unsigned char *)w)) {
            if (all_syllables(w, n))
                trie_add(&t, &nt, &capt, w, n, has_class(e, "last"));
            kg_sylset_add_first(&pfirst, w);
        }
        for (int r = 0; role_names[r]; r++)
            if (has_class(e, role_names[r])) {
                roles[nroles++] = (role_part){ w, n, KG_PART_SUBJ + r };
                break;
            }
    }
    trie_build(t, nt);
    free(t);
    case_words = kg_gram_class("korean", "particles", "case");
    figure_words = kg_gram_class("korean", "particles", "figure");
    homographs = kg_gram_words("korean", "particle_homographs");
}

static void ready(void)
{
    pthread_once(&once, build);
}

/* 1 if the syllables s[i..end) are at most 4 - depth tail particles,
 * none after one of class last. */
static int tail_rec(const char *s, size_t i, size_t end, int depth)
{
    if (i == end)
        return 1;
    if (depth >= 4 || end - i < 3)
        return 0;
    const pnode *d = pn_child(0, key3(s + i));
    for (size_t j = i + 3; d; j += 3) {
        if (d->end && (j == end || !d->last) && tail_rec(s, j, end, depth + 1))
            return 1;
        if (j + 3 > end)
            break;
        d = pn_child((size_t)(d - pn), key3(s + j));
    }
    return 0;
}

int kg_tail_ok(const char *s, size_t len, size_t i, size_t *end)
{
    ready();
    size_t e = kg_hangul_run_end(s, len, i);
    *end = e;
    if (e == i)
        return 1;
    if (e - i > 18)
        return 0;
    return tail_rec(s, i, e, 0);
}

int kg_tail_syllables(const char *s, size_t i, size_t e)
{
    return e - i <= 18 && tail_rec(s, i, e, 0);
}

const kg_sylset *kg_particle_firsts(void)
{
    ready();
    return &pfirst;
}

int kg_particle_exact(const char *s, size_t a, size_t b)
{
    ready();
    for (size_t i = 0; i < nroles; i++)
        if (b - a == roles[i].n && memcmp(s + a, roles[i].w, roles[i].n) == 0)
            return roles[i].role;
    return KG_PART_NONE;
}

int kg_particle_ending(const char *s, size_t a, size_t b, size_t *ps)
{
    ready();
    size_t len = b - a;
    /* 추가, 합의, 결과 whole: a noun, not a stem and its particle */
    for (int k = 0; homographs && homographs[k]; k++)
        if (strlen(homographs[k]) == len && memcmp(s + a, homographs[k], len) == 0) {
            *ps = b;
            return KG_PART_NONE;
        }
    for (size_t i = 0; i < nroles; i++) {
        size_t n = roles[i].n;
        if (len > n && memcmp(s + b - n, roles[i].w, n) == 0) {
            *ps = b - n;
            return roles[i].role;
        }
    }
    *ps = b;
    return KG_PART_NONE;
}

int kg_case_particle_at(const char *s, size_t i, size_t end)
{
    ready();
    for (int k = 0; case_words[k]; k++) {
        size_t n = strlen(case_words[k]);
        if (i + n <= end && memcmp(s + i, case_words[k], n) == 0)
            return 1;
    }
    return 0;
}

const char *const *kg_particles_figure(void)
{
    ready();
    return figure_words;
}
