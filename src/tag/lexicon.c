/* lexicon.c - the actor lexicon compiled into a double-array trie.
 *
 * Every name and alias is folded into a key (normalised as article text,
 * ASCII lower-cased, spaces removed) and inserted into a byte trie, which
 * is then laid out as a double array (base/check, Aoe 1989): the child of
 * state s on byte c is t = base[s] + c when check[t] == s. A walk costs
 * two array reads per byte whatever the lexicon's size. Keys shared by
 * several actors keep all of them; the tagger picks one from context. */
#include <stdlib.h>
#include <string.h>

#include "facts/resolve.h"
#include "kg/tag.h"
#include "tagint.h"
#include "util/hmap.h"

kg_lexicon *kg_lexicon_new(void)
{
    kg_lexicon *lx = kg_xcalloc(1, sizeof *lx);
    return lx;
}

void kg_lexicon_free(kg_lexicon *lx)
{
    if (!lx)
        return;
    if (lx->blob) {
        /* the arrays and strings are in the blob */
        free(lx->blob);
        free(lx->json_block);
    } else {
        for (size_t i = 0; i < lx->n_actors; i++) {
            free(lx->actors[i].id);
            free(lx->actors[i].name);
            free(lx->actors[i].type);
            free(lx->actors[i].part_of);
            free(lx->actors[i].json);
        }
        free(lx->da);
        free(lx->pair_bits);
        free(lx->keys);
        free(lx->key_actors);
    }
    free(lx->actors);
    kg_hmap_free(&lx->ids);
    for (size_t i = 0; i < lx->n_pend; i++)
        free(lx->pend[i].key);
    free(lx->pend);
    free(lx->first_state);
    free(lx);
}

int kg_lex_find_id(const kg_lexicon *lx, const char *id)
{
    return (int)(intptr_t)kg_hmap_get(&lx->ids, id) - 1;
}

void kg_lex_fold(const char *alias, kg_buf *out)
{
    kg_text t;
    kg_diag d = KG_DIAG_INIT;
    size_t n = strlen(alias);
    if (kg_text_load(&t, alias, n, 0, KG_TEXT_LENIENT | KG_TEXT_NO_CHROME, NULL, &d) == 0) {
        for (size_t i = 0; i < t.norm_len; i++) {
            char c = t.norm[i];
            if (c == ' ' || c == '\n')
                continue;
            if (c >= 'A' && c <= 'Z')
                c = (char)(c + 32);
            kg_buf_putc(out, c);
        }
    }
    kg_text_free(&t);
    kg_diag_free(&d);
}

static void add_key(kg_lexicon *lx, const char *alias, int actor)
{
    if (!alias || !*alias)
        return;
    kg_buf k = KG_BUF_INIT;
    kg_lex_fold(alias, &k);
    if (k.len == 0 || (k.len == 1 && (unsigned char)k.ptr[0] < 0x80)) {
        /* a one-letter Latin alias (X) would match everywhere */
        kg_buf_free(&k);
        return;
    }
    KG_VEC_PUSH(lx->pend, lx->n_pend, lx->cap_pend);
    lx->pend[lx->n_pend].key = kg_buf_detach(&k, NULL);
    lx->pend[lx->n_pend].actor = actor;
    lx->n_pend++;
}

int kg_lexicon_add(kg_lexicon *lx, const char *id, const char *name, const char *type,
                   const char *part_of, const char *const *aliases, size_t n_aliases)
{
    if (lx->compiled || !id || !*id)
        return -1;
    int idx = kg_lex_find_id(lx, id);
    if (idx < 0) {
        KG_VEC_PUSH(lx->actors, lx->n_actors, lx->cap_actors);
        idx = (int)lx->n_actors;
        kg_lex_actor *a = &lx->actors[idx];
        memset(a, 0, sizeof *a);
        a->id = kg_xstrdup(id);
        a->name = kg_xstrdup(name ? name : id);
        a->type = type ? kg_xstrdup(type) : NULL;
        a->part_of = part_of ? kg_xstrdup(part_of) : NULL;
        a->part_of_idx = -1;
        kg_hmap_put(&lx->ids, a->id, (void *)(intptr_t)(idx + 1));
        lx->n_actors++;
    } else {
        kg_lex_actor *a = &lx->actors[idx];
        if (!a->type && type)
            a->type = kg_xstrdup(type);
        if (!a->part_of && part_of)
            a->part_of = kg_xstrdup(part_of);
    }
    add_key(lx, name, idx);
    for (size_t i = 0; i < n_aliases; i++)
        add_key(lx, aliases[i], idx);
    return 0;
}

void kg_lexicon_add_corpus(kg_lexicon *lx, const kg_corpus *c)
{
    /* one entry per actor as its definitions merge (facts/resolve.h) */
    kg_actors m;
    kg_actors_build(&m, c);
    for (size_t i = 0; i < m.n; i++) {
        const kg_merged_actor *a = &m.v[i];
        kg_lexicon_add(lx, a->id, a->name, a->type, a->part_of, a->aliases, a->n_aliases);
        if (a->place)
            lx->actors[kg_lex_find_id(lx, a->id)].is_place = 1;
    }
    kg_actors_free(&m);
}

/* ---- building ---- */

typedef struct tnode {
    int child, sibling;  /* first child, next sibling (sorted by byte) */
    int key;             /* key index ending here, or -1 */
    unsigned char c;
} tnode;

static int pend_cmp(const void *a, const void *b)
{
    const struct lex_pending *x = a, *y = b;
    int r = strcmp(x->key, y->key);
    if (r)
        return r;
    return x->actor - y->actor;
}

static void da_ensure(kg_lexicon *lx, size_t need)
{
    if (need <= lx->da_size)
        return;
    size_t n = lx->da_size ? lx->da_size : 1024;
    while (n < need)
        n *= 2;
    lx->da = kg_xrealloc(lx->da, n * sizeof *lx->da);
    for (size_t i = lx->da_size; i < n; i++)
        lx->da[i] = (kg_da_cell){ 0, -1, -1 };
    lx->da_size = n;
}

/* The free cells of the double array, as a doubly linked list in cell
 * order; cap is how far the list reaches (cells below it are listed or
 * used). next/prev -2 marks a cell that is not in the list. */
typedef struct freelist {
    int32_t *next, *prev;
    uint8_t *fails;
    int32_t head, tail;
    size_t cap;
} freelist;

static void free_unlink(freelist *f, int32_t c)
{
    if (f->prev[c] >= 0)
        f->next[f->prev[c]] = f->next[c];
    else
        f->head = f->next[c];
    if (f->next[c] >= 0)
        f->prev[f->next[c]] = f->prev[c];
    else
        f->tail = f->prev[c];
    f->next[c] = f->prev[c] = -2;
}

/* Extends the list to every cell of the arrays. */
static void free_grow(kg_lexicon *lx, freelist *f)
{
    size_t old = f->cap, n = lx->da_size;
    if (n <= old && f->next)
        return;
    f->next = kg_xrealloc(f->next, n * sizeof *f->next);
    f->prev = kg_xrealloc(f->prev, n * sizeof *f->prev);
    f->fails = kg_xrealloc(f->fails, n);
    if (!f->next || old == 0)
        old = 1;
    for (size_t k = old; k < n; k++) {
        f->fails[k] = 0;
        if (lx->da[k].check != -1) {
            f->next[k] = f->prev[k] = -2;
            continue;
        }
        f->prev[k] = f->tail;
        f->next[k] = -1;
        if (f->tail >= 0)
            f->next[f->tail] = (int32_t)k;
        else
            f->head = (int32_t)k;
        f->tail = (int32_t)k;
    }
    f->cap = n;
}

/* The state after byte c from state st, or -1 (kg_lex_walk's step). */
static int32_t da_step(const kg_lexicon *lx, int32_t st, unsigned char c)
{
    size_t t = (size_t)lx->da[st].base + c;
    if (t >= lx->da_size || lx->da[t].check != st || (st == 0 && lx->da[0].base == 0 && t == 0))
        return -1;
    return (int32_t)t;
}

/* The state after each Hangul syllable from the root (-1 where no key
 * starts with it): most word starts are ruled out, and the others skip
 * three steps, by one lookup in kg_lex_walk. */
static int32_t *first_states(const kg_lexicon *lx)
{
    int32_t *tab = kg_xmalloc(KG_LEX_NSYL * sizeof *tab);
    for (uint32_t cp = 0xAC00; cp <= 0xD7A3; cp++) {
        char u[4];
        kg_utf8_put(u, cp);
        int32_t st = lx->da_size ? 0 : -1;
        for (int k = 0; k < 3 && st >= 0; k++)
            st = da_step(lx, st, (unsigned char)u[k]);
        tab[cp - 0xAC00] = st;
    }
    return tab;
}

/* The Hangul syllable at u (valid UTF-8, led by EA-ED) as 0..11171, or -1. */
static inline int syl_index(const unsigned char *u)
{
    uint32_t cp = ((u[0] & 0x0Fu) << 12) | ((u[1] & 0x3Fu) << 6) | (u[2] & 0x3Fu);
    return cp >= 0xAC00 && cp <= 0xD7A3 ? (int)(cp - 0xAC00) : -1;
}

static inline uint32_t pair_hash(int a, int b)
{
    return kg_lex_pair_hash(a, b);
}

/* Notes the first two syllables of every key (a Bloom filter of one
 * hash) and the syllables that are keys on their own. A bit array and
 * not util's kg_wordset: a miss must be one load on every syllable of
 * the text, and a false hit only costs the full lookup that follows. */
static void note_pairs(kg_lexicon *lx)
{
    lx->pair_bits = kg_xcalloc((1u << KG_LEX_PAIR_BITS) / 8, 1);
    for (size_t i = 0; i < lx->n_pend; i++) {
        const unsigned char *k = (const unsigned char *)lx->pend[i].key;
        size_t n = strlen((const char *)k);
        if (n < 3 || k[0] < 0xEA || k[0] > 0xED)
            continue;
        int a = syl_index(k);
        if (a < 0)
            continue;
        if (n == 3)
            lx->single_syl.bits[a >> 3] |= (unsigned char)(1u << (a & 7));
        else if (n >= 6 && k[3] >= 0xEA && k[3] <= 0xED) {
            int b = syl_index(k + 3);
            if (b >= 0) {
                uint32_t h = pair_hash(a, b);
                lx->pair_bits[h >> 3] |= (unsigned char)(1u << (h & 7));
            }
        }
    }
}

/* Compile, phase 1: part_of links, the type flags and the JSON head of
 * every actor. */
static void compile_actors(kg_lexicon *lx)
{
    /* from a cache: all the JSON in one block (one allocation) */
    kg_buf all = KG_BUF_INIT;
    size_t *at = lx->blob ? kg_xmalloc((lx->n_actors + 1) * sizeof *at) : NULL;
    for (size_t i = 0; i < lx->n_actors; i++) {
        kg_lex_actor *a = &lx->actors[i];
        a->part_of_idx = a->part_of ? kg_lex_find_id(lx, a->part_of) : -1;
        a->is_country = a->type && strcmp(a->type, "country") == 0;
        a->is_person = a->type && strcmp(a->type, "person") == 0;
        a->is_product = a->type && strcmp(a->type, "product") == 0;
        /* (from a cache: written straight into the block) */
        kg_buf own = KG_BUF_INIT, *jp = at ? &all : &own;
        size_t start = jp->len;
        if (at)
            at[i] = start;
        kg_buf_puts(jp, "\"id\":\"");
        kg_json_escape(jp, a->id, strlen(a->id));
        kg_buf_puts(jp, "\",\"name\":\"");
        kg_json_escape(jp, a->name ? a->name : "", a->name ? strlen(a->name) : 0);
        kg_buf_putc(jp, '"');
        a->json_head = (unsigned)(jp->len - start);
        if (a->type) {
            kg_buf_puts(jp, ",\"type\":\"");
            kg_json_escape(jp, a->type, strlen(a->type));
            kg_buf_putc(jp, '"');
        }
        kg_buf_puts(jp, ",\"how\":\"lexicon\"");
        a->json_len = (unsigned)(jp->len - start);
        if (at)
            kg_buf_putc(&all, 0);
        else
            a->json = kg_buf_detach(&own, NULL);
    }
    if (at) {
        lx->json_block = kg_buf_detach(&all, NULL);
        for (size_t i = 0; i < lx->n_actors; i++)
            lx->actors[i].json = lx->json_block + at[i];
        free(at);
    }
}

/* Phase 2: the distinct keys, each with its actors (pend sorted). */
static void compile_keys(kg_lexicon *lx)
{
    /* pend is NULL when there are none, which qsort must not be given */
    if (lx->n_pend > 1)
        qsort(lx->pend, lx->n_pend, sizeof *lx->pend, pend_cmp);
    lx->keys = kg_xcalloc(lx->n_pend ? lx->n_pend : 1, sizeof *lx->keys);
    lx->key_actors = kg_xcalloc(lx->n_pend ? lx->n_pend : 1, sizeof *lx->key_actors);
    size_t nk = 0, na = 0;
    for (size_t i = 0; i < lx->n_pend; i++) {
        if (i == 0 || strcmp(lx->pend[i].key, lx->pend[i - 1].key) != 0) {
            kg_lex_key *k = &lx->keys[nk++];
            k->first = (int)na;
            k->n = 0;
            k->keylen = (int)strlen(lx->pend[i].key);
            k->latin = 1;
            for (const char *p = lx->pend[i].key; *p; p++)
                if ((unsigned char)*p >= 0x80)
                    k->latin = 0;
        }
        kg_lex_key *k = &lx->keys[nk - 1];
        if (k->n && lx->key_actors[na - 1] == lx->pend[i].actor)
            continue;
        lx->key_actors[na++] = lx->pend[i].actor;
        k->n++;
    }
    lx->n_keys = nk;
    lx->n_key_actors = na;
}

/* Phase 3: a plain trie of the keys (they are sorted, so children come in
 * byte order); *ntn gets its number of nodes. */
static tnode *compile_trie(const kg_lexicon *lx, size_t *ntn_out)
{
    tnode *tn = NULL;
    size_t ntn = 0, ctn = 0;
    KG_VEC_PUSH(tn, ntn, ctn);
    tn[0] = (tnode){ -1, -1, -1, 0 };
    ntn = 1;
    size_t ki = 0;
    for (size_t i = 0; i < lx->n_pend; i++) {
        if (i > 0 && strcmp(lx->pend[i].key, lx->pend[i - 1].key) == 0)
            continue;
        const unsigned char *key = (const unsigned char *)lx->pend[i].key;
        int cur = 0;
        for (; *key; key++) {
            int ch = tn[cur].child, prev = -1;
            while (ch >= 0 && tn[ch].c < *key) {
                prev = ch;
                ch = tn[ch].sibling;
            }
            if (ch >= 0 && tn[ch].c == *key) {
                cur = ch;
                continue;
            }
            KG_VEC_PUSH(tn, ntn, ctn);
            int nn = (int)ntn++;
            tn[nn] = (tnode){ -1, ch, -1, *key };
            if (prev >= 0)
                tn[prev].sibling = nn;
            else
                tn[cur].child = nn;
            cur = nn;
        }
        tn[cur].key = (int)ki++;
    }
    *ntn_out = ntn;
    return tn;
}

/* Phase 4, one state: a base for the children bytes cs[0..nc) (ascending)
 * from the free list, growing the arrays when none fits. */
static int da_find_base(kg_lexicon *lx, freelist *fl, const unsigned char *cs, int nc)
{
    int b = -1;
    for (;;) {
        int32_t p = fl->head;
        while (p >= 0) {
            int32_t nx = fl->next[p];
            if ((size_t)p >= (size_t)cs[0] + 1) {
                int cand = p - cs[0];
                da_ensure(lx, (size_t)cand + 257);
                int ok = 1;
                for (int k = 1; k < nc; k++)
                    if (lx->da[cand + cs[k]].check != -1) {
                        ok = 0;
                        break;
                    }
                if (ok) {
                    b = cand;
                    break;
                }
                if (++fl->fails[p] > 24)
                    free_unlink(fl, p);
            } else if (++fl->fails[p] > 24) {
                /* a cell below 256 that the UTF-8 bytes of Hangul keys
                 * can never take: walked past for every state, it is
                 * dropped (a few cells left unused, not a scan of them
                 * per state) */
                free_unlink(fl, p);
            }
            p = nx;
        }
        if (b >= 0)
            break;
        /* no room: grow the arrays and the free list */
        da_ensure(lx, lx->da_size * 2);
        free_grow(lx, fl);
    }
    free_grow(lx, fl);
    return b;
}

/* Phase 4: the double array, breadth first. Free cells are kept in a
 * doubly linked list so that the search for a base skips the used ones; a
 * free cell that failed as an anchor many times is dropped from the list
 * (it stays unused), which keeps the build near linear. */
static void compile_da(kg_lexicon *lx, const tnode *tn, size_t ntn)
{
    da_ensure(lx, 1024);
    int *da_of = kg_xmalloc(ntn * sizeof *da_of); /* trie node -> DA state */
    int *queue = kg_xmalloc(ntn * sizeof *queue);
    freelist fl = { NULL, NULL, NULL, 1, -1, 1 };
    free_grow(lx, &fl);
    size_t qt = 0;
    da_of[0] = 0;
    lx->da[0].check = 0; /* root is used */
    lx->da[0].val = tn[0].key;
    queue[qt++] = 0;
    while (qt > 0) {
        int node = queue[--qt];
        int s = da_of[node];
        if (tn[node].child < 0)
            continue;
        unsigned char cs[256]; /* the children's bytes, ascending */
        int first = tn[node].child, nc = 1;
        cs[0] = tn[first].c;
        for (int ch = tn[first].sibling; ch >= 0; ch = tn[ch].sibling)
            cs[nc++] = tn[ch].c;
        int b = da_find_base(lx, &fl, cs, nc);
        lx->da[s].base = b;
        int k = 0;
        for (int ch = tn[node].child; ch >= 0; ch = tn[ch].sibling, k++) {
            int t = b + cs[k];
            lx->da[t].check = s;
            lx->da[t].val = tn[ch].key;
            if (fl.next[t] != -2)
                free_unlink(&fl, t);
            da_of[ch] = t;
            queue[qt++] = ch;
        }
    }
    free(fl.next);
    free(fl.prev);
    free(fl.fails);
    free(da_of);
    free(queue);
}

int kg_lexicon_compile(kg_lexicon *lx, kg_diag *d)
{
    (void)d;
    if (lx->compiled)
        return 0;
    compile_actors(lx);
    compile_keys(lx);
    size_t ntn = 0;
    tnode *tn = compile_trie(lx, &ntn);
    compile_da(lx, tn, ntn);
    free(tn);
    note_pairs(lx);
    for (size_t i = 0; i < lx->n_pend; i++)
        free(lx->pend[i].key);
    free(lx->pend);
    lx->pend = NULL;
    lx->n_pend = lx->cap_pend = 0;
    lx->first_state = first_states(lx);
    lx->compiled = 1;
    return 0;
}

size_t kg_lexicon_actors(const kg_lexicon *lx)
{
    return lx ? lx->n_actors : 0;
}

size_t kg_lexicon_keys(const kg_lexicon *lx)
{
    return lx ? (lx->compiled ? lx->n_keys : lx->n_pend) : 0;
}

/* Notes a match ending at j when a key ends in state st and j is a
 * character boundary; returns the new number of hits. */
static inline size_t add_hit(const kg_da_cell *da, int32_t st, const char *s, size_t len, size_t j, kg_lexhit *hits,
                             size_t nh, size_t max)
{
    if (da[st].val >= 0 && nh < max && (j >= len || ((unsigned char)s[j] & 0xC0) != 0x80)) {
        hits[nh].end = j;
        hits[nh].key = da[st].val;
        nh++;
    }
    return nh;
}

size_t kg_lex_walk(const kg_lexicon *lx, const char *s, size_t len, size_t i, kg_lexhit *hits, size_t max)
{
    if (!lx || !lx->compiled || !lx->da_size)
        return 0;
    const kg_da_cell *da = lx->da;
    size_t nh = 0;
    int32_t st = 0;
    size_t j = i;
    const unsigned char *u = (const unsigned char *)s + i;
    int a;
    if (!lx->plain_walk && u[0] >= 0xEA && u[0] <= 0xED && i + 2 < len && (a = syl_index(u)) >= 0) {
        /* a Hangul syllable first: its state from the table, and when a
         * second syllable follows that starts no key with it, only the
         * first syllable alone can match (the walk would read the two
         * syllables' bytes as they are: spaces and glosses are skipped
         * only between other bytes) */
        j = i + 3;
        int b;
        if (j + 2 < len && u[3] >= 0xEA && u[3] <= 0xED && (b = syl_index(u + 3)) >= 0) {
            /* the two small filters first, the larger state table only
             * for a word that passes one */
            uint32_t h = pair_hash(a, b);
            if (!((lx->pair_bits[h >> 3] >> (h & 7)) & 1)) {
                if (!((lx->single_syl.bits[a >> 3] >> (a & 7)) & 1) || max == 0)
                    return 0;
                st = lx->first_state[a];
                if (st < 0 || da[st].val < 0)
                    return 0;
                hits[0].end = j;
                hits[0].key = da[st].val;
                return 1;
            }
        }
        st = lx->first_state[a];
        if (st < 0)
            return 0;
        nh = add_hit(da, st, s, len, j, hits, nh, max);
    }
    return kg_lex_walk_on(lx, s, len, j, st, hits, nh, max);
}

size_t kg_lex_walk_on(const kg_lexicon *lx, const char *s, size_t len, size_t j, int32_t st, kg_lexhit *hits,
                      size_t nh, size_t max)
{
    const kg_da_cell *da = lx->da;
    size_t size = lx->da_size;
    while (j < len) {
        unsigned char c = (unsigned char)s[j];
        if (c >= 0x80) {
            /* the common case, bytes of Hangul and other scripts: no
             * space, gloss or case to handle */
            size_t t = (size_t)da[st].base + c;
            if (t >= size || da[t].check != st)
                break;
            st = (int32_t)t;
            j++;
            nh = add_hit(da, st, s, len, j, hits, nh, max);
            continue;
        }
        if (c == ' ' && st != 0) {
            /* one space between characters is ignored */
            if (j + 1 >= len || s[j + 1] == ' ' || s[j + 1] == '\n' || s[j - 1] == ' ')
                break;
            j++;
            continue;
        }
        if (c == '(' && st != 0 && j + 4 < len && (unsigned char)s[j + 1] >= 0xE3 &&
            (unsigned char)s[j + 1] <= 0xE9) {
            /* a Hanja gloss inside a name: 칭화(淸華)대 */
            size_t q = j + 1;
            while (q < len && q - j < 40 && s[q] != ')' && (unsigned char)s[q] >= 0x80)
                q++;
            if (q < len && s[q] == ')' && q + 1 < len && (unsigned char)s[q + 1] >= 0xEA) {
                j = q + 1;
                continue;
            }
        }
        if (c == '(' && st != 0 && j + 3 < len && s[j - 1] != ' ' &&
            ((s[j + 1] >= 'A' && s[j + 1] <= 'Z') || (s[j + 1] >= 'a' && s[j + 1] <= 'z'))) {
            /* a Latin gloss between the words of a name: 유럽연합(EU)
             * 집행위원회 (a name that ends before it matched already) */
            size_t q = j + 1;
            while (q < len && q - j < 40 &&
                   ((s[q] >= 'A' && s[q] <= 'Z') || (s[q] >= 'a' && s[q] <= 'z') || (s[q] >= '0' && s[q] <= '9') ||
                    s[q] == ' ' || s[q] == '.' || s[q] == '&' || s[q] == '-'))
                q++;
            if (q + 2 < len && s[q] == ')' &&
                (s[q + 1] == ' ' ? (unsigned char)s[q + 2] >= 0xEA : (unsigned char)s[q + 1] >= 0xEA)) {
                j = q + 1;
                continue;
            }
        }
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        size_t t = (size_t)da[st].base + c;
        if (t >= size || da[t].check != st || (st == 0 && da[0].base == 0 && t == 0))
            break;
        st = (int32_t)t;
        j++;
        nh = add_hit(da, st, s, len, j, hits, nh, max);
    }
    return nh;
}

const char *kg_lexicon_top(const kg_lexicon *lx, const char *id)
{
    if (!lx || !lx->compiled || !id)
        return id;
    int a = kg_lex_find_id(lx, id);
    for (int guard = 0; a >= 0 && lx->actors[a].part_of_idx >= 0 && guard < 16; guard++)
        a = lx->actors[a].part_of_idx;
    return a >= 0 ? lx->actors[a].id : id;
}

const char *kg_lexicon_lookup(const kg_lexicon *lx, const char *alias)
{
    if (!lx || !lx->compiled)
        return NULL;
    kg_buf k = KG_BUF_INIT;
    kg_lex_fold(alias, &k);
    kg_lexhit h[64];
    size_t n = kg_lex_walk(lx, k.ptr, k.len, 0, h, 64);
    const char *id = NULL;
    if (n && h[n - 1].end == k.len)
        id = lx->actors[lx->key_actors[lx->keys[h[n - 1].key].first]].id;
    kg_buf_free(&k);
    return id;
}

/* ---- the compiled lexicon as bytes (kg tag's cache) ----
 *
 * A head, the stamp (the caller's key: what the lexicon was built from),
 * then the arrays as they are in memory (keys, key_actors, da, pair_bits,
 * single_syl) and the actors' strings. Everything is checked on reading:
 * the sum, every count against the size, every index against its array,
 * every trie link against its parent; any doubt gives NULL. */

#define LEXC_MAGIC "kg-lexc2"
#define LEXC_PAIR_BYTES ((1u << KG_LEX_PAIR_BITS) / 8)
#define LEXC_MAX_ITEMS (1u << 28)

struct lexc_head {
    char magic[8];
    uint32_t endian; /* 0x01020304 as written */
    uint32_t n_actors, n_keys, n_key_actors, da_size, strings_len, stamp_len, pad;
    uint64_t sum; /* kg_lexicon_blob_sum of what follows the head */
};

uint64_t kg_lexicon_blob_sum(const void *data, size_t len)
{
    uint64_t h = kg_fold64(0xcbf29ce484222325u, data, len);
    return h ^ (h >> 32);
}

static void put_opt(kg_buf *b, const char *s)
{
    kg_buf_putc(b, s ? '1' : '0');
    if (s)
        kg_buf_add(b, s, strlen(s) + 1);
}

int kg_lexicon_save(const kg_lexicon *lx, const void *stamp, size_t stamp_len, kg_buf *out)
{
    if (!lx || !lx->compiled || lx->n_actors >= LEXC_MAX_ITEMS || lx->n_keys >= LEXC_MAX_ITEMS ||
        lx->n_key_actors >= LEXC_MAX_ITEMS || lx->da_size >= LEXC_MAX_ITEMS || stamp_len >= 4096)
        return -1;
    /* the cells after the last used one are left out: a walk that would
     * step there stops at the end of the array as it stops at a free
     * cell (kg_lex_walk, da_step) */
    size_t da_size = lx->da_size;
    while (da_size > 1 && lx->da[da_size - 1].check == -1)
        da_size--;
    kg_buf s = KG_BUF_INIT;
    for (size_t i = 0; i < lx->n_actors; i++) {
        const kg_lex_actor *a = &lx->actors[i];
        kg_buf_add(&s, a->id, strlen(a->id) + 1);
        kg_buf_add(&s, a->name, strlen(a->name) + 1);
        put_opt(&s, a->type);
        put_opt(&s, a->part_of);
        kg_buf_putc(&s, a->is_place ? '1' : '0');
    }
    if (s.len >= (size_t)1 << 31) {
        kg_buf_free(&s);
        return -1;
    }
    struct lexc_head h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, LEXC_MAGIC, 8);
    h.endian = 0x01020304u;
    h.n_actors = (uint32_t)lx->n_actors;
    h.n_keys = (uint32_t)lx->n_keys;
    h.n_key_actors = (uint32_t)lx->n_key_actors;
    h.da_size = (uint32_t)da_size;
    h.strings_len = (uint32_t)s.len;
    h.stamp_len = (uint32_t)stamp_len;
    size_t at = out->len;
    kg_buf_add(out, &h, sizeof h);
    if (stamp_len)
        kg_buf_add(out, stamp, stamp_len);
    static const char zero[4];
    kg_buf_add(out, zero, (4 - stamp_len % 4) % 4);
    for (size_t i = 0; i < lx->n_keys; i++) {
        int32_t k[4] = { lx->keys[i].first, lx->keys[i].n, lx->keys[i].latin, lx->keys[i].keylen };
        kg_buf_add(out, k, sizeof k);
    }
    for (size_t i = 0; i < lx->n_key_actors; i++) {
        int32_t v = lx->key_actors[i];
        kg_buf_add(out, &v, sizeof v);
    }
    kg_buf_add(out, lx->da, da_size * sizeof *lx->da);
    kg_buf_add(out, lx->pair_bits, LEXC_PAIR_BYTES);
    kg_buf_add(out, lx->single_syl.bits, sizeof lx->single_syl.bits);
    kg_buf_add(out, s.ptr, s.len);
    kg_buf_free(&s);
    h.sum = kg_lexicon_blob_sum(out->ptr + at + sizeof h, out->len - at - sizeof h);
    memcpy(out->ptr + at, &h, sizeof h);
    return 0;
}

void kg_lexicon_blob_reseal(void *data, size_t len)
{
    struct lexc_head h;
    if (len < sizeof h)
        return;
    memcpy(&h, data, sizeof h);
    h.sum = kg_lexicon_blob_sum((char *)data + sizeof h, len - sizeof h);
    memcpy(data, &h, sizeof h);
}

/* The string at *p (NUL-terminated before end), or NULL. */
static const char *take_str(const char **p, const char *end)
{
    const char *s = *p, *z = s < end ? memchr(s, 0, (size_t)(end - s)) : NULL;
    if (!z)
        return NULL;
    *p = z + 1;
    return s;
}

/* An optional string ('0', or '1' and the string): 1 ok, 0 not. */
static int take_opt(const char **p, const char *end, const char **s)
{
    *s = NULL;
    if (*p >= end || (**p != '0' && **p != '1'))
        return 0;
    if (*(*p)++ == '0')
        return 1;
    return (*s = take_str(p, end)) != NULL;
}

kg_lexicon *kg_lexicon_load_owned(void *data, size_t len, const void *stamp, size_t stamp_len)
{
    _Static_assert(sizeof(kg_lex_key) == 16 && sizeof(int) == 4 && sizeof(kg_da_cell) == 12,
                   "the saved arrays are the arrays in memory");
    struct lexc_head h;
    if (!data || len < sizeof h)
        goto refuse;
    memcpy(&h, data, sizeof h);
    if (memcmp(h.magic, LEXC_MAGIC, 8) || h.endian != 0x01020304u || h.stamp_len != stamp_len || h.pad ||
        h.n_actors >= LEXC_MAX_ITEMS || h.n_keys >= LEXC_MAX_ITEMS || h.n_key_actors >= LEXC_MAX_ITEMS ||
        h.da_size >= LEXC_MAX_ITEMS || h.da_size == 0 || h.strings_len >= (uint32_t)1 << 31)
        goto refuse;
    char *p = (char *)data + sizeof h;
    uint64_t need = (uint64_t)sizeof h + stamp_len + (4 - stamp_len % 4) % 4 + (uint64_t)h.n_keys * 16 +
                    (uint64_t)h.n_key_actors * 4 + (uint64_t)h.da_size * sizeof(kg_da_cell) + LEXC_PAIR_BYTES +
                    sizeof(kg_sylset) + h.strings_len;
    /* (an actor takes 6 bytes at least: "x", "", '0', '0', place '0') */
    if (need != len || (uint64_t)h.n_actors * 6 > h.strings_len || (stamp_len && memcmp(p, stamp, stamp_len)) ||
        kg_lexicon_blob_sum(p, len - sizeof h) != h.sum)
        goto refuse;
    p += stamp_len + (4 - stamp_len % 4) % 4;
    /* the arrays stay where they are (4-byte aligned in a malloc'd
     * block), each checked */
    kg_lexicon *lx = kg_lexicon_new();
    lx->blob = data;
    lx->n_keys = h.n_keys;
    lx->keys = (kg_lex_key *)(void *)p;
    p += (size_t)h.n_keys * 16;
    for (size_t i = 0; i < h.n_keys; i++) {
        const kg_lex_key *k = &lx->keys[i];
        if (k->first < 0 || k->n < 1 || (uint64_t)k->first + (uint64_t)k->n > h.n_key_actors ||
            (k->latin != 0 && k->latin != 1) || k->keylen < 1)
            goto bad;
    }
    lx->n_key_actors = h.n_key_actors;
    lx->key_actors = (int *)(void *)p;
    p += (size_t)h.n_key_actors * 4;
    for (size_t i = 0; i < h.n_key_actors; i++)
        if (lx->key_actors[i] < 0 || (uint32_t)lx->key_actors[i] >= h.n_actors)
            goto bad;
    lx->da_size = h.da_size;
    lx->da = (kg_da_cell *)(void *)p;
    p += (size_t)h.da_size * sizeof *lx->da;
    if (lx->da[0].check != 0)
        goto bad;
    for (size_t t = 0; t < h.da_size; t++) {
        const kg_da_cell *c = &lx->da[t];
        if (c->val < -1 || (c->val >= 0 && (uint32_t)c->val >= h.n_keys) || c->check < -1 ||
            (c->check >= 0 && (uint32_t)c->check >= h.da_size))
            goto bad;
        if (t > 0 && c->check >= 0) {
            /* a child: its parent is a used cell whose base leads
             * here by one byte */
            int64_t b = (int64_t)t - lx->da[c->check].base;
            if (b < 0 || b > 255 || (size_t)c->check == t || lx->da[c->check].check < 0)
                goto bad;
        }
    }
    lx->pair_bits = (unsigned char *)p;
    p += LEXC_PAIR_BYTES;
    memcpy(lx->single_syl.bits, p, sizeof lx->single_syl.bits);
    p += sizeof lx->single_syl.bits;
    /* the actors: their strings stay in the blob too */
    const char *q = p, *end = p + h.strings_len;
    lx->actors = kg_xcalloc(h.n_actors ? h.n_actors : 1, sizeof *lx->actors);
    lx->cap_actors = h.n_actors ? h.n_actors : 1;
    for (size_t i = 0; i < h.n_actors; i++) {
        const char *id = take_str(&q, end), *name = id ? take_str(&q, end) : NULL, *type, *part_of;
        if (!name || !*id || !take_opt(&q, end, &type) || !take_opt(&q, end, &part_of) || q >= end ||
            (*q != '0' && *q != '1'))
            goto bad;
        kg_lex_actor *a = &lx->actors[i];
        a->is_place = *q++ == '1';
        a->id = (char *)id;
        a->name = (char *)name;
        a->type = (char *)type;
        a->part_of = (char *)part_of;
        lx->n_actors = i + 1;
        if (kg_hmap_put(&lx->ids, a->id, (void *)(intptr_t)(i + 1)) != (void *)(intptr_t)(i + 1))
            goto bad; /* an id twice */
    }
    if (q != end)
        goto bad;
    compile_actors(lx);
    lx->first_state = first_states(lx);
    lx->compiled = 1;
    return lx;
bad:
    kg_lexicon_free(lx);
    return NULL;
refuse:
    free(data);
    return NULL;
}

kg_lexicon *kg_lexicon_load(const void *data, size_t len, const void *stamp, size_t stamp_len)
{
    if (!data)
        return NULL;
    void *copy = kg_xmalloc(len ? len : 1);
    memcpy(copy, data, len);
    return kg_lexicon_load_owned(copy, len, stamp, stamp_len);
}
