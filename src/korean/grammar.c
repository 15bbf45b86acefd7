/* korean/grammar.c - reads the grammar files into named lists (see
 * grammar.h). The built-in grammar is the text of yaml/grammar/ files,
 * compiled in by a make rule (src/korean/gen-grammar.sh); it is read on
 * first use and is also the schema a user's file is checked against: the
 * grammars, keys, classes and fields it uses are the ones kg knows. */
#include "korean/grammar.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "kg/buf.h"
#include "kg/factio.h"
#include "kg/facts.h"
#include "kg/suggest.h"
#include "kg/utf8.h"
#include "util/hmap.h"

/* the built-in grammar files (generated: grammar-data.c) */
struct kg_gram_text {
    const char *name, *text;
};
extern const struct kg_gram_text kg_grammar_default[];

#define KG_MAX_GRAMMAR_FILE (16u << 20)

/* one class of a list: its words, NULL-terminated */
struct gclass {
    char *name;
    const char **words;
};

struct glist {
    kg_gram_list pub;
    struct gclass *cls;
    size_t ncls;
    int builtin;
    int src; /* the built-in file it was read from (index), or -1 */
};

/* The built-in files are read one at a time, when a list of their
 * grammar is first asked for (kg tag never reads events or relations),
 * or all at once when a user's file must be checked against them. */
#define KG_MAX_BUILTIN 64

static struct {
    struct glist **lists; /* every list read, also the replaced ones */
    size_t n, cap;
    kg_hmap by_name;      /* "grammar/key" -> the list in use */
    char **names;         /* the keys of by_name (owned) */
    size_t nnames, capnames;
    char **strings;       /* every string the entries point to */
    size_t nstr, capstr;
    void **blocks;        /* arrays to free */
    size_t nblk, capblk;
    /* per built-in file: read yet, and the data folder's file with the
     * same bytes (its lists take that path, as if read from it) */
    unsigned char done[KG_MAX_BUILTIN];
    const char *alias[KG_MAX_BUILTIN];
    size_t parses; /* texts parsed (kg_grammar_parses) */
    char *next;    /* the arena's free bytes (see arena) */
    size_t left;
    uint64_t print; /* of the data folders' files (kg_grammar_fingerprint) */
} G;

/* guards G: a list may be read in on a tagging thread */
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

static void *keep_block(void *p);

/* n zeroed bytes, 8-aligned, that live as long as G: carved from blocks
 * of 64 KB (a grammar file makes thousands of small strings and arrays;
 * one malloc each was a tenth of kg tag's start-up). */
static void *arena(size_t n)
{
    static const size_t chunk = 64u << 10;
    n = (n + 7) & ~(size_t)7;
    if (!n)
        n = 8;
    if (n > G.left) {
        size_t sz = n > chunk / 4 ? n : chunk;
        char *b = keep_block(kg_xcalloc(1, sz));
        if (n > chunk / 4)
            return b; /* a large one alone */
        G.next = b;
        G.left = sz;
    }
    void *p = G.next;
    G.next += n;
    G.left -= n;
    return p;
}

/* n zeroed items of size sz from the arena. */
static void *arena_items(size_t n, size_t sz)
{
    if (sz && n > SIZE_MAX / sz - 1) {
        fprintf(stderr, "kg: out of memory\n");
        abort();
    }
    return arena(n * sz);
}

/* A copy of s (at most n bytes, up to a NUL) in the arena. */
static char *keep(const char *s, size_t n)
{
    n = strnlen(s, n);
    char *c = arena(n + 1);
    memcpy(c, s, n);
    return c;
}

static void *keep_block(void *p)
{
    KG_VEC_PUSH(G.blocks, G.nblk, G.capblk);
    G.blocks[G.nblk++] = p;
    return p;
}

static const char *full_name(const char *grammar, const char *key, kg_buf *b)
{
    kg_buf_reset(b);
    kg_buf_printf(b, "%s/%s", grammar, key);
    return b->ptr;
}

static struct glist *find(const char *grammar, const char *key)
{
    kg_buf b = KG_BUF_INIT;
    struct glist *l = kg_hmap_get(&G.by_name, full_name(grammar, key, &b));
    kg_buf_free(&b);
    return l;
}

/* The built-in list of a key (what a user's list is checked against). */
static struct glist *find_builtin(const char *grammar, const char *key)
{
    for (size_t i = 0; i < G.n; i++)
        if (G.lists[i]->builtin && !strcmp(G.lists[i]->pub.grammar, grammar) && !strcmp(G.lists[i]->pub.key, key))
            return G.lists[i];
    return NULL;
}

static int is_x_key(const char *k)
{
    return k[0] == 'x' && k[1] == '-';
}

static const char *scalar(const kg_node *n)
{
    return n && n->kind == KG_NODE_SCALAR ? n->value : NULL;
}

/* ---- checking ------------------------------------------------------ */

struct chk {
    const char *path;
    kg_diag *d;
    size_t errors;
    int builtin; /* reading the built-in grammar: everything is known */
    int src;     /* the built-in file read (index), or -1 */
};

static void err(struct chk *c, const kg_node *at, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void err(struct chk *c, const kg_node *at, const char *fmt, ...)
{
    kg_buf b = KG_BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    kg_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    kg_diag_error(c->d, c->path, at ? at->line : 0, at ? at->col : 0, "%s", b.ptr);
    kg_buf_free(&b);
    c->errors++;
}

/* " (did you mean 'x'?)" or "" */
static const char *hint(kg_buf *b, const char *word, const char *const *cands, size_t n)
{
    const char *s = kg_suggest(word, cands, n);
    kg_buf_reset(b);
    if (s)
        kg_buf_printf(b, " (did you mean '%s'?)", s);
    else
        kg_buf_puts(b, "");
    return b->ptr;
}

/* The first control character or invalid byte of a word: 0 when clean. */
static int bad_text(const char *s, size_t n, unsigned *cp_out)
{
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        size_t k = kg_utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (!k) {
            *cp_out = (unsigned char)s[i];
            return 2;
        }
        if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) {
            *cp_out = cp;
            return 1;
        }
        i += k;
    }
    return 0;
}

/* The classes (or fields) the built-in list of the same key knows. */
static void known_of(const struct glist *def, int fields, kg_strv *out)
{
    if (!def)
        return;
    for (size_t i = 0; i < def->pub.n; i++) {
        const char *const *v = fields ? def->pub.e[i].fields : def->pub.e[i].classes;
        for (size_t k = 0; v[k]; k += fields ? 2 : 1)
            if (!kg_strv_has(out, v[k]))
                kg_strv_push(out, v[k]);
    }
}

static void join(kg_buf *b, const kg_strv *v)
{
    kg_buf_reset(b);
    for (size_t i = 0; i < v->n; i++)
        kg_buf_printf(b, "%s%s", i ? ", " : "", v->v[i]);
    if (!v->n)
        kg_buf_puts(b, "none");
}

/* Checks and reads one entry into e; returns 0 when it is unusable. */
static int read_entry(struct chk *c, const char *key, const kg_node *n, const struct glist *def, kg_gram_entry *e,
                      kg_strv *cls, kg_strv *fld)
{
    const kg_node *form = n;
    kg_strv classes = { 0 }, fields = { 0 };
    int ok = 1;
    kg_buf b = KG_BUF_INIT, h = KG_BUF_INIT;
    if (n->kind == KG_NODE_MAP) {
        form = kg_node_get(n, "form");
        if (!form) {
            err(c, n, "an entry of %s that is a mapping needs 'form:' (the word)", key);
            ok = 0;
        }
        for (size_t i = 0; i + 1 < n->n; i += 2) {
            const char *k = scalar(n->items[i]);
            const kg_node *v = n->items[i + 1];
            if (!k || !strcmp(k, "form") || is_x_key(k))
                continue;
            if (!strcmp(k, "class")) {
                size_t m = v->kind == KG_NODE_SEQ ? v->n : 1;
                for (size_t j = 0; j < m; j++) {
                    const kg_node *cv = v->kind == KG_NODE_SEQ ? v->items[j] : v;
                    const char *s = scalar(cv);
                    if (!s || !*s) {
                        err(c, cv, "a class of %s is a name or a list of names", key);
                        ok = 0;
                    } else if (!c->builtin && !kg_strv_has(cls, s)) {
                        join(&b, cls);
                        err(c, cv, "unknown class '%s' of %s; kg knows: %s%s", s, key, b.ptr,
                            hint(&h, s, (const char *const *)cls->v, cls->n));
                        ok = 0;
                    } else if (kg_strv_has(&classes, s)) {
                        err(c, cv, "class '%s' is given twice", s);
                    } else
                        kg_strv_push(&classes, s);
                }
                continue;
            }
            if (!c->builtin && !kg_strv_has(fld, k)) {
                join(&b, fld);
                err(c, n->items[i], "unknown field '%s' of %s; kg knows: form, class%s%s%s", k, key,
                    fld->n ? ", " : "", fld->n ? b.ptr : "", hint(&h, k, (const char *const *)fld->v, fld->n));
                ok = 0;
                continue;
            }
            const char *s = scalar(v);
            if (!s) {
                err(c, v, "field '%s' of %s must be a single value", k, key);
                ok = 0;
                continue;
            }
            kg_strv_push(&fields, k);
            kg_strv_push(&fields, s);
        }
    } else if (n->kind != KG_NODE_SCALAR) {
        err(c, n, "an entry of %s is a word or a mapping with 'form:', not a list", key);
        form = NULL;
        ok = 0;
    }
    const char *w = scalar(form);
    if (form && !w) {
        err(c, form, "the form of an entry of %s must be a word", key);
        ok = 0;
    } else if (w && !*w) {
        err(c, form, "an empty word in %s", key);
        ok = 0;
    } else if (w) {
        unsigned cp = 0;
        int bad = bad_text(w, form->len, &cp);
        if (bad == 2) {
            err(c, form, "a word of %s is not valid UTF-8 (byte 0x%02X); save the file as UTF-8", key, cp);
            ok = 0;
        } else if (bad) {
            err(c, form, "control character U+%04X in a word of %s; remove it", cp, key);
            ok = 0;
        }
    }
    (void)def;
    if (ok) {
        e->form = keep(w, form->len);
        e->line = n->line;
        e->col = n->col;
        const char **cv = arena_items(classes.n + 1, sizeof *cv);
        for (size_t i = 0; i < classes.n; i++)
            cv[i] = keep(classes.v[i], strlen(classes.v[i]));
        e->classes = cv;
        const char **fv = arena_items(fields.n + 1, sizeof *fv);
        for (size_t i = 0; i < fields.n; i++)
            fv[i] = keep(fields.v[i], strlen(fields.v[i]));
        e->fields = fv;
    }
    kg_strv_free(&classes);
    kg_strv_free(&fields);
    kg_buf_free(&b);
    kg_buf_free(&h);
    return ok;
}

/* The keys the built-in grammar NAME has (for unknown-key hints). */
static void keys_of(const char *grammar, kg_strv *out)
{
    for (size_t i = 0; i < G.n; i++)
        if (G.lists[i]->builtin && !strcmp(G.lists[i]->pub.grammar, grammar))
            kg_strv_push(out, G.lists[i]->pub.key);
}

static void grammars_known(kg_strv *out)
{
    for (size_t i = 0; i < G.n; i++)
        if (G.lists[i]->builtin && !kg_strv_has(out, G.lists[i]->pub.grammar))
            kg_strv_push(out, G.lists[i]->pub.grammar);
}

static struct glist *read_list(struct chk *c, const char *grammar, const kg_node *k, const kg_node *v)
{
    const char *key = k->value;
    const struct glist *def = c->builtin ? NULL : find_builtin(grammar, key);
    kg_buf b = KG_BUF_INIT;
    if (!c->builtin && !def) {
        kg_strv keys = { 0 };
        keys_of(grammar, &keys);
        err(c, k, "grammar %s has no list '%s'%s; see doc/grammar.md (keys starting with x- are yours)", grammar,
            key, hint(&b, key, (const char *const *)keys.v, keys.n));
        kg_strv_free(&keys);
        kg_buf_free(&b);
        return NULL;
    }
    if (v->kind != KG_NODE_SEQ) {
        err(c, v, "'%s' must be a list of words (- word, or [a, b])", key);
        kg_buf_free(&b);
        return NULL;
    }
    kg_strv cls = { 0 }, fld = { 0 };
    known_of(def, 0, &cls);
    known_of(def, 1, &fld);
    struct glist *l = kg_xcalloc(1, sizeof *l);
    kg_gram_entry *e = arena_items(v->n + 1, sizeof *e);
    kg_hmap seen = KG_HMAP_INIT;
    size_t n = 0, before = c->errors;
    for (size_t i = 0; i < v->n; i++) {
        if (!read_entry(c, key, v->items[i], def, &e[n], &cls, &fld))
            continue;
        const kg_gram_entry *prev = kg_hmap_get(&seen, e[n].form);
        if (prev) {
            err(c, v->items[i], "'%s' is in %s twice (first at %d:%d); remove one", e[n].form, key, prev->line,
                prev->col);
            continue;
        }
        kg_hmap_put(&seen, e[n].form, &e[n]);
        n++;
    }
    kg_hmap_free(&seen);
    kg_strv_free(&cls);
    kg_strv_free(&fld);
    kg_buf_free(&b);
    l->pub.grammar = keep(grammar, strlen(grammar));
    l->pub.key = keep(key, strlen(key));
    l->pub.path = keep(c->path, strlen(c->path));
    l->pub.n = n;
    l->pub.e = e;
    l->builtin = c->builtin;
    l->src = c->src;
    const char **w = arena_items(n + 1, sizeof *w);
    for (size_t i = 0; i < n; i++)
        w[i] = e[i].form;
    l->pub.words = w;
    /* the classes, each with its words in order */
    for (size_t i = 0; i < n; i++)
        for (const char *const *cl = e[i].classes; *cl; cl++) {
            size_t j = 0;
            while (j < l->ncls && strcmp(l->cls[j].name, *cl))
                j++;
            if (j == l->ncls) {
                l->cls = kg_xrealloc(l->cls, (l->ncls + 1) * sizeof *l->cls);
                l->cls[j].name = (char *)*cl;
                l->cls[j].words = arena_items(n + 1, sizeof(char *));
                l->ncls++;
            }
            size_t m = 0;
            while (l->cls[j].words[m])
                m++;
            l->cls[j].words[m] = e[i].form;
        }
    if (c->errors > before && !c->builtin) {
        free(l->cls);
        free(l);
        return NULL;
    }
    return l;
}

/* Reads a parsed grammar file into lists (appended to out); errors in c. */
static void read_tree(struct chk *c, const kg_node *tree, struct glist ***out, size_t *nout)
{
    kg_buf b = KG_BUF_INIT;
    if (!tree || tree->kind != KG_NODE_MAP || !tree->n || !scalar(tree->items[0]) ||
        strcmp(tree->items[0]->value, "grammar")) {
        err(c, tree, "a grammar file is a mapping that starts with 'grammar: NAME' (see doc/grammar.md)");
        return;
    }
    const kg_node *gv = tree->items[1];
    const char *grammar = scalar(gv);
    if (!grammar || !*grammar) {
        err(c, gv, "'grammar:' names the grammar of the file (korean, names, text, units, times, events, relations)");
        return;
    }
    if (!c->builtin) {
        kg_strv known = { 0 };
        grammars_known(&known);
        if (!kg_strv_has(&known, grammar)) {
            kg_buf l = KG_BUF_INIT;
            join(&l, &known);
            err(c, gv, "unknown grammar '%s'; kg knows: %s%s", grammar, l.ptr,
                hint(&b, grammar, (const char *const *)known.v, known.n));
            kg_buf_free(&l);
            kg_strv_free(&known);
            kg_buf_free(&b);
            return;
        }
        kg_strv_free(&known);
    }
    kg_strv keys = { 0 };
    for (size_t i = 2; i + 1 < tree->n; i += 2) {
        const kg_node *k = tree->items[i], *v = tree->items[i + 1];
        const char *ks = scalar(k);
        if (!ks) {
            err(c, k, "a key of a grammar file is a name");
            continue;
        }
        if (is_x_key(ks))
            continue;
        if (!strcmp(ks, "grammar")) {
            err(c, k, "'grammar:' is given twice");
            continue;
        }
        if (kg_strv_has(&keys, ks)) {
            err(c, k, "'%s' is given twice in this file; keep one list", ks);
            continue;
        }
        kg_strv_push(&keys, ks);
        struct glist *l = read_list(c, grammar, k, v);
        if (l) {
            *out = kg_xrealloc(*out, (*nout + 1) * sizeof **out);
            (*out)[(*nout)++] = l;
        }
    }
    kg_strv_free(&keys);
    kg_buf_free(&b);
}

/* Makes l the list in use for its key (it is kept either way). */
static void install(struct glist *l)
{
    KG_VEC_PUSH(G.lists, G.n, G.cap);
    G.lists[G.n++] = l;
    kg_buf b = KG_BUF_INIT;
    full_name(l->pub.grammar, l->pub.key, &b);
    size_t slot = 0;
    struct glist *old = kg_hmap_get(&G.by_name, b.ptr);
    if (old) {
        /* replace in place: keys are borrowed, values overwritten */
        for (slot = 0; slot < G.by_name.cap; slot++)
            if (G.by_name.keys[slot] && !strcmp(G.by_name.keys[slot], b.ptr)) {
                G.by_name.vals[slot] = l;
                break;
            }
    } else {
        KG_VEC_PUSH(G.names, G.nnames, G.capnames);
        G.names[G.nnames] = kg_buf_detach(&b, NULL);
        kg_hmap_put(&G.by_name, G.names[G.nnames++], l);
    }
    kg_buf_free(&b);
}

/* Installs l unless its key has a list already (a built-in file read
 * late must not undo a user's list; see load_file). */
static void install_new(struct glist *l)
{
    kg_buf b = KG_BUF_INIT;
    if (kg_hmap_get(&G.by_name, full_name(l->pub.grammar, l->pub.key, &b))) {
        KG_VEC_PUSH(G.lists, G.n, G.cap); /* kept, freed with the others */
        G.lists[G.n++] = l;
    } else
        install(l);
    kg_buf_free(&b);
}

/* Reads built-in file i (once; mu held). */
static void load_file(size_t i)
{
    if (i >= KG_MAX_BUILTIN || G.done[i])
        return;
    G.done[i] = 1;
    const struct kg_gram_text *t = &kg_grammar_default[i];
    kg_diag d;
    kg_diag_init(&d);
    struct chk c = { t->name, &d, 0, 1, (int)i };
    G.parses++;
    kg_node *tree = kg_yaml_parse(t->name, t->text, strlen(t->text), &d);
    struct glist **ls = NULL;
    size_t n = 0;
    read_tree(&c, tree, &ls, &n);
    for (size_t k = 0; k < n; k++) {
        if (G.alias[i])
            /* the data folder's file with these bytes: its path */
            ls[k]->pub.path = G.alias[i];
        install_new(ls[k]);
    }
    free(ls);
    kg_node_free(tree);
    if (d.errors) {
        kg_diag_print(&d, stderr, 0);
        fprintf(stderr, "kg: the built-in grammar has errors (a bug in kg's build)\n");
        abort();
    }
    kg_diag_free(&d);
}

static size_t n_builtin(void)
{
    size_t n = 0;
    while (kg_grammar_default[n].name)
        n++;
    if (n > KG_MAX_BUILTIN) {
        fprintf(stderr, "kg: bug: more than %d built-in grammar files\n", KG_MAX_BUILTIN);
        abort();
    }
    return n;
}

/* The grammar a built-in file names on its 'grammar:' line, into out
 * (empty when no such line is found: then only load_all reads it). */
static void builtin_grammar(size_t i, char *out, size_t cap)
{
    const char *p = kg_grammar_default[i].text;
    out[0] = 0;
    while (p && *p) {
        if (!strncmp(p, "grammar:", 8)) {
            p += 8;
            while (*p == ' ')
                p++;
            size_t n = 0;
            while (p[n] && p[n] != ' ' && p[n] != '\n' && p[n] != '#' && n + 1 < cap)
                n++;
            memcpy(out, p, n);
            out[n] = 0;
            return;
        }
        p = strchr(p, '\n');
        if (p)
            p++;
    }
}

/* Every built-in file (mu held): what a user's file is checked against. */
static void load_all(void)
{
    for (size_t i = 0, n = n_builtin(); i < n; i++)
        load_file(i);
}

/* The list in use for grammar/key, reading the built-in files of that
 * grammar first when needed (mu held). */
static struct glist *find_loading(const char *grammar, const char *key)
{
    struct glist *l = find(grammar, key);
    if (l)
        return l;
    char g[64];
    size_t n = n_builtin();
    for (size_t i = 0; i < n; i++)
        if (!G.done[i]) {
            builtin_grammar(i, g, sizeof g);
            if (!strcmp(g, grammar))
                load_file(i);
        }
    if (!(l = find(grammar, key))) {
        load_all();
        l = find(grammar, key);
    }
    return l;
}

const kg_gram_list *kg_gram_list_get(const char *grammar, const char *key)
{
    pthread_mutex_lock(&mu);
    struct glist *l = find_loading(grammar, key);
    pthread_mutex_unlock(&mu);
    if (!l) {
        fprintf(stderr, "kg: bug: the grammar has no list %s/%s\n", grammar, key);
        abort();
    }
    return &l->pub;
}

const char *const *kg_gram_words(const char *grammar, const char *key)
{
    return kg_gram_list_get(grammar, key)->words;
}

const char *const *kg_gram_class(const char *grammar, const char *key, const char *cls)
{
    static const char *const none[] = { NULL };
    const struct glist *l = (const struct glist *)kg_gram_list_get(grammar, key);
    for (size_t i = 0; i < l->ncls; i++)
        if (!strcmp(l->cls[i].name, cls))
            return l->cls[i].words;
    return none;
}

const char *kg_gram_field(const kg_gram_entry *e, const char *name)
{
    for (const char *const *f = e->fields; f[0]; f += 2)
        if (!strcmp(f[0], name))
            return f[1];
    return NULL;
}

static int has_yaml_suffix(const char *s)
{
    size_t n = strlen(s);
    return (n > 5 && !strcmp(s + n - 5, ".yaml")) || (n > 4 && !strcmp(s + n - 4, ".yml"));
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reads and checks one file's text; its lists in *out (mu held). */
static size_t read_text(const char *path, const char *text, size_t len, kg_diag *d, struct glist ***out,
                        size_t *nout)
{
    load_all();
    size_t before = d->errors;
    G.parses++;
    kg_node *tree = kg_yaml_parse(path, text, len, d);
    struct chk c = { path, d, 0, 0, -1 };
    if (tree)
        read_tree(&c, tree, out, nout);
    kg_node_free(tree);
    return d->errors - before;
}

/* The built-in file whose text is text[0..len), or -1. */
static int same_as_builtin(const char *text, size_t len)
{
    static size_t blen[KG_MAX_BUILTIN + 1]; /* length + 1; 0: not known yet */
    for (size_t i = 0, n = n_builtin(); i < n; i++) {
        if (!blen[i])
            blen[i] = strlen(kg_grammar_default[i].text) + 1;
        if (blen[i] - 1 == len && !memcmp(kg_grammar_default[i].text, text, len))
            return (int)i;
    }
    return -1;
}

/* Copies of the lists read from built-in file i, as if read from path
 * (mu held; the entries are shared, they live as long as G). */
static void copy_builtin(size_t i, const char *path, struct glist ***out, size_t *nout)
{
    const char *kept = keep(path, strlen(path));
    for (size_t k = 0; k < G.n; k++) {
        const struct glist *b = G.lists[k];
        if (!b->builtin || b->src != (int)i)
            continue;
        struct glist *l = kg_xmalloc(sizeof *l);
        *l = *b;
        l->builtin = 0;
        l->src = -1;
        l->pub.path = kept;
        l->cls = b->ncls ? kg_xmalloc(b->ncls * sizeof *l->cls) : NULL;
        if (b->ncls)
            memcpy(l->cls, b->cls, b->ncls * sizeof *l->cls);
        *out = kg_xrealloc(*out, (*nout + 1) * sizeof **out);
        (*out)[(*nout)++] = l;
    }
}

/* Reads one file (mu held). use: for kg_grammar_use_dir, where a file
 * with the bytes of a built-in one is not parsed again: its lists are
 * the built-in ones (read later, when first needed, if they were not
 * read yet). */
static size_t read_file(const char *path, kg_diag *d, struct glist ***out, size_t *nout, int use)
{
    size_t len;
    char *text = kg_read_file(path, &len, KG_MAX_GRAMMAR_FILE);
    if (!text) {
        kg_diag_error(d, path, 0, 0, "cannot read: %s", strerror(errno));
        return 1;
    }
    if (use) {
        G.print = kg_fold64(G.print ? G.print : 0xcbf29ce484222325u, path, strlen(path) + 1);
        G.print = kg_fold64(G.print, &len, sizeof len);
        G.print = kg_fold64(G.print, text, len);
    }
    int same = use ? same_as_builtin(text, len) : -1;
    size_t e = 0;
    if (same >= 0 && G.done[same])
        copy_builtin((size_t)same, path, out, nout);
    else if (same >= 0)
        G.alias[same] = keep(path, strlen(path));
    else
        e = read_text(path, text, len, d, out, nout);
    free(text);
    return e;
}

static void drop(struct glist **ls, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(ls[i]->cls);
        free(ls[i]);
    }
    free(ls);
}

size_t kg_grammar_check_text(const char *name, const char *text, size_t len, kg_diag *d)
{
    struct glist **ls = NULL;
    pthread_mutex_lock(&mu);
    size_t n = 0, e = read_text(name, text, len, d, &ls, &n);
    pthread_mutex_unlock(&mu);
    drop(ls, n);
    return e;
}

size_t kg_grammar_check_file(const char *path, kg_diag *d)
{
    struct glist **ls = NULL;
    pthread_mutex_lock(&mu);
    size_t n = 0, e = read_file(path, d, &ls, &n, 0);
    pthread_mutex_unlock(&mu);
    drop(ls, n);
    return e;
}

size_t kg_grammar_use_dir(const char *dir, kg_diag *d)
{
    DIR *dp = opendir(dir);
    if (!dp)
        return 0;
    kg_strv names = { 0 };
    struct dirent *de;
    while ((de = readdir(dp)))
        if (de->d_name[0] != '.' && has_yaml_suffix(de->d_name))
            kg_strv_push(&names, de->d_name);
    closedir(dp);
    if (names.n)
        qsort(names.v, names.n, sizeof *names.v, cmp_str);
    size_t errors = 0;
    kg_buf p = KG_BUF_INIT;
    pthread_mutex_lock(&mu);
    for (size_t i = 0; i < names.n; i++) {
        kg_buf_reset(&p);
        kg_buf_printf(&p, "%s/%s", dir, names.v[i]);
        struct stat st;
        if (stat(p.ptr, &st) < 0 || !S_ISREG(st.st_mode))
            continue;
        struct glist **ls = NULL;
        size_t n = 0, e = read_file(p.ptr, d, &ls, &n, 1);
        errors += e;
        for (size_t k = 0; k < n; k++) {
            if (e) {
                free(ls[k]->cls);
                free(ls[k]);
            } else
                install(ls[k]);
        }
        free(ls);
    }
    pthread_mutex_unlock(&mu);
    kg_buf_free(&p);
    kg_strv_free(&names);
    return errors;
}

void kg_grammar_free(void)
{
    pthread_mutex_lock(&mu);
    for (size_t i = 0; i < G.n; i++) {
        free(G.lists[i]->cls);
        free(G.lists[i]);
    }
    for (size_t i = 0; i < G.nstr; i++)
        free(G.strings[i]);
    for (size_t i = 0; i < G.nblk; i++)
        free(G.blocks[i]);
    for (size_t i = 0; i < G.nnames; i++)
        free(G.names[i]);
    free(G.lists);
    free(G.strings);
    free(G.blocks);
    free(G.names);
    kg_hmap_free(&G.by_name);
    /* a later lookup reads the built-in grammar again */
    memset(&G, 0, sizeof G);
    pthread_mutex_unlock(&mu);
}

size_t kg_grammar_parses(void)
{
    pthread_mutex_lock(&mu);
    size_t n = G.parses;
    pthread_mutex_unlock(&mu);
    return n;
}

uint64_t kg_grammar_fingerprint(void)
{
    pthread_mutex_lock(&mu);
    uint64_t h = G.print;
    pthread_mutex_unlock(&mu);
    return h;
}
