/* reader.c - from a kg_node tree to the facts model, and loading files and
 * folders. Structural problems (a list where a string belongs, a span that
 * is not two integers) are reported here with the value's position; the
 * meaning of values (known types, references, dates) is kg_check's job. */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "kg/buf.h"
#include "kg/factio.h"
#include "kg/facts.h"

struct ctx {
    const char *name;
    kg_diag *d;
    int errors;
};

static void err(struct ctx *c, const kg_node *n, const char *fmt, const char *a, const char *b)
{
    kg_diag_error(c->d, c->name, n ? n->line : 0, n ? n->col : 0, fmt, a, b);
    c->errors++;
}

static const char *kind_name(const kg_node *n)
{
    return n->kind == KG_NODE_MAP ? "a mapping" : n->kind == KG_NODE_SEQ ? "a list" : "a scalar";
}

/* A string field: a scalar; plain null gives NULL. */
static char *get_str(struct ctx *c, const kg_node *v, const char *key)
{
    if (!v || kg_node_is_null(v))
        return NULL;
    if (v->kind != KG_NODE_SCALAR) {
        err(c, v, "'%s' must be a string, not %s", key, kind_name(v));
        return NULL;
    }
    if (memchr(v->value, '\0', v->len)) {
        err(c, v, "'%s' contains a NUL character%s", key, "");
        return NULL;
    }
    return kg_xstrdup(v->value);
}

static void get_strv(struct ctx *c, const kg_node *v, const char *key, kg_strv *out)
{
    if (!v || kg_node_is_null(v))
        return;
    if (v->kind != KG_NODE_SEQ) {
        err(c, v, "'%s' must be a list, e.g. [%s]", key, v->kind == KG_NODE_SCALAR ? v->value : "...");
        return;
    }
    for (size_t i = 0; i < v->n; i++) {
        char *s = get_str(c, v->items[i], key);
        if (s) {
            KG_VEC_PUSH(out->v, out->n, out->cap);
            out->v[out->n++] = s;
        }
    }
}

static int parse_int(const kg_node *v, long long *out)
{
    if (!v || v->kind != KG_NODE_SCALAR || !v->plain || v->len == 0 || v->len > 18)
        return -1;
    char *end;
    errno = 0;
    long long x = strtoll(v->value, &end, 10);
    if (*end || errno)
        return -1;
    *out = x;
    return 0;
}

static int parse_number(const kg_node *v, double *out)
{
    if (!v || v->kind != KG_NODE_SCALAR || !v->plain || v->len == 0 || v->len > 64)
        return -1;
    char *end;
    const char *s = v->value;
    /* a YAML number: digits, optional sign, point and exponent; no hex, no inf */
    for (const char *p = s; *p; p++)
        if (!strchr("0123456789+-.eE", *p))
            return -1;
    errno = 0;
    double x = strtod(s, &end);
    if (*end || errno || end == s)
        return -1;
    *out = x;
    return 0;
}

static void get_span(struct ctx *c, const kg_node *v, kg_span *sp)
{
    if (!v || kg_node_is_null(v))
        return;
    long long a, b;
    if (v->kind != KG_NODE_SEQ || v->n != 2 || parse_int(v->items[0], &a) < 0 ||
        parse_int(v->items[1], &b) < 0) {
        err(c, v, "'span' must be two byte offsets [start, end]%s%s", "", "");
        return;
    }
    if (a < 0 || b < a) {
        err(c, v, "'span' must satisfy 0 <= start <= end%s%s", "", "");
        return;
    }
    sp->set = 1;
    sp->start = a;
    sp->end = b;
}

static void get_date(struct ctx *c, const kg_node *v, kg_date *d)
{
    if (!v || kg_node_is_null(v))
        return;
    if (v->kind != KG_NODE_SCALAR) {
        err(c, v, "a date must be an EDTF string or null, not %s%s", kind_name(v), "");
        return;
    }
    kg_date_set(d, v->value); /* validity is checked by kg_check */
}

static void add_extra(kg_extras *x, const kg_node *key, const kg_node *value)
{
    KG_VEC_PUSH(x->v, x->n, x->cap);
    x->v[x->n].key = kg_xstrdup(key->value);
    x->v[x->n].value = kg_node_clone(value);
    x->n++;
}

static int key_is(const kg_node *k, const char *s)
{
    return k->kind == KG_NODE_SCALAR && strcmp(k->value, s) == 0;
}

static int in(const char *k, const char *const *keys)
{
    for (; *keys; keys++)
        if (strcmp(k, *keys) == 0)
            return 1;
    return 0;
}

/* Keeps every key of map not in known as an extra. */
static void extras(const kg_node *map, const char *const *known, kg_extras *x)
{
    for (size_t i = 0; i + 1 < map->n; i += 2)
        if (!in(map->items[i]->value, known))
            add_extra(x, map->items[i], map->items[i + 1]);
}

static const kg_node *list_of_maps(struct ctx *c, const kg_node *v, const char *key)
{
    if (!v || kg_node_is_null(v))
        return NULL;
    if (v->kind != KG_NODE_SEQ) {
        err(c, v, "'%s' must be a list, not %s", key, kind_name(v));
        return NULL;
    }
    return v;
}

static int item_ok(struct ctx *c, const kg_node *it, const char *what)
{
    if (it->kind != KG_NODE_MAP) {
        err(c, it, "each entry of '%s' must be a mapping, not %s", what, kind_name(it));
        return 0;
    }
    return 1;
}

static void read_actors(struct ctx *c, const kg_node *list, kg_doc *doc)
{
    for (size_t i = 0; list && i < list->n; i++) {
        const kg_node *m = list->items[i];
        if (!item_ok(c, m, "actors"))
            continue;
        kg_actor *a = kg_doc_add_actor(doc);
        a->node = m;
        a->id = get_str(c, kg_node_get(m, "id"), "id");
        a->name = get_str(c, kg_node_get(m, "name"), "name");
        a->type = get_str(c, kg_node_get(m, "type"), "type");
        a->part_of = get_str(c, kg_node_get(m, "part_of"), "part_of");
        get_strv(c, kg_node_get(m, "aliases"), "aliases", &a->aliases);
        extras(m, kg_actor_keys, &a->extra);
    }
}

static void read_events(struct ctx *c, const kg_node *list, kg_doc *doc)
{
    for (size_t i = 0; list && i < list->n; i++) {
        const kg_node *m = list->items[i];
        if (!item_ok(c, m, "events"))
            continue;
        kg_event *e = kg_doc_add_event(doc);
        e->node = m;
        e->id = get_str(c, kg_node_get(m, "id"), "id");
        e->title = get_str(c, kg_node_get(m, "title"), "title");
        e->type = get_str(c, kg_node_get(m, "type"), "type");
        e->when = get_str(c, kg_node_get(m, "when"), "when");
        get_date(c, kg_node_get(m, "date"), &e->date);
        get_strv(c, kg_node_get(m, "agent"), "agent", &e->agent);
        get_strv(c, kg_node_get(m, "target"), "target", &e->target);
        get_span(c, kg_node_get(m, "span"), &e->span);
        e->quote = get_str(c, kg_node_get(m, "quote"), "quote");
        extras(m, kg_event_keys, &e->extra);
    }
}

static void read_value(struct ctx *c, const kg_node *v, kg_figure *f)
{
    if (!v || kg_node_is_null(v))
        return;
    if (v->kind == KG_NODE_SEQ) {
        double a, b;
        if (v->n != 2 || parse_number(v->items[0], &a) < 0 || parse_number(v->items[1], &b) < 0) {
            err(c, v, "'value' must be a number or a range [min, max]%s%s", "", "");
            return;
        }
        if (b < a) {
            err(c, v, "'value' range [min, max] has max below min%s%s", "", "");
            return;
        }
        f->is_range = 1;
        f->value = a;
        f->value_max = b;
        f->value_text = kg_xstrdup(v->items[0]->value);
        f->value_max_text = kg_xstrdup(v->items[1]->value);
        return;
    }
    double x;
    if (parse_number(v, &x) < 0) {
        err(c, v, "'value' must be a number, not '%s'%s", v->kind == KG_NODE_SCALAR ? v->value : kind_name(v), "");
        return;
    }
    f->value = x;
    f->value_text = kg_xstrdup(v->value);
}

static void read_figures(struct ctx *c, const kg_node *list, kg_doc *doc)
{
    for (size_t i = 0; list && i < list->n; i++) {
        const kg_node *m = list->items[i];
        if (!item_ok(c, m, "figures"))
            continue;
        kg_figure *f = kg_doc_add_figure(doc);
        f->node = m;
        f->id = get_str(c, kg_node_get(m, "id"), "id");
        read_value(c, kg_node_get(m, "value"), f);
        f->unit = get_str(c, kg_node_get(m, "unit"), "unit");
        f->counter = get_str(c, kg_node_get(m, "counter"), "counter");
        f->approx = get_str(c, kg_node_get(m, "approx"), "approx");
        f->measure = get_str(c, kg_node_get(m, "measure"), "measure");
        f->subject = get_str(c, kg_node_get(m, "subject"), "subject");
        get_date(c, kg_node_get(m, "date"), &f->date);
        get_span(c, kg_node_get(m, "span"), &f->span);
        f->quote = get_str(c, kg_node_get(m, "quote"), "quote");
        extras(m, kg_figure_keys, &f->extra);
    }
}

static void read_relations(struct ctx *c, const kg_node *list, kg_doc *doc)
{
    for (size_t i = 0; list && i < list->n; i++) {
        const kg_node *m = list->items[i];
        if (!item_ok(c, m, "relations"))
            continue;
        kg_relation *r = kg_doc_add_relation(doc);
        r->node = m;
        r->id = get_str(c, kg_node_get(m, "id"), "id");
        r->from = get_str(c, kg_node_get(m, "from"), "from");
        r->type = get_str(c, kg_node_get(m, "type"), "type");
        r->to = get_str(c, kg_node_get(m, "to"), "to");
        extras(m, kg_relation_keys, &r->extra);
    }
}

static void read_header(struct ctx *c, const kg_node *m, kg_doc *doc)
{
    if (m->kind != KG_NODE_MAP) {
        err(c, m, "'document' must be a mapping, not %s%s", kind_name(m), "");
        return;
    }
    doc->has_header = 1;
    doc->id = get_str(c, kg_node_get(m, "id"), "id");
    doc->title = get_str(c, kg_node_get(m, "title"), "title");
    doc->publisher = get_str(c, kg_node_get(m, "publisher"), "publisher");
    doc->author = get_str(c, kg_node_get(m, "author"), "author");
    doc->url = get_str(c, kg_node_get(m, "url"), "url");
    doc->source = get_str(c, kg_node_get(m, "source"), "source");
    doc->sha256 = get_str(c, kg_node_get(m, "sha256"), "sha256");
    get_date(c, kg_node_get(m, "published"), &doc->published);
    extras(m, kg_header_keys, &doc->header_extra);
}

kg_doc *kg_doc_from_tree(const char *name, kg_node *tree, kg_diag *d)
{
    struct ctx c = { name, d, 0 };
    kg_doc *doc = kg_doc_new();
    doc->path = kg_xstrdup(name);
    doc->tree = tree;
    doc->is_lexicon = 1;
    if (!tree)
        return doc;
    if (tree->kind != KG_NODE_MAP) {
        err(&c, tree, "a facts file must be a mapping with 'kg: 1' at the top, not %s%s",
            kind_name(tree), "");
        return doc;
    }
    for (size_t i = 0; i + 1 < tree->n; i += 2) {
        const kg_node *k = tree->items[i], *v = tree->items[i + 1];
        if (key_is(k, "kg"))
            doc->version = get_str(&c, v, "kg");
        else if (key_is(k, "document")) {
            doc->is_lexicon = 0;
            read_header(&c, v, doc);
        } else if (key_is(k, "actors"))
            read_actors(&c, list_of_maps(&c, v, "actors"), doc);
        else if (key_is(k, "events"))
            read_events(&c, list_of_maps(&c, v, "events"), doc);
        else if (key_is(k, "figures"))
            read_figures(&c, list_of_maps(&c, v, "figures"), doc);
        else if (key_is(k, "relations"))
            read_relations(&c, list_of_maps(&c, v, "relations"), doc);
        else
            add_extra(&doc->extra, k, v);
    }
    return doc;
}

char *kg_read_file(const char *path, size_t *len, size_t max)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    struct stat st;
    int known = fstat(fileno(fp), &st) == 0;
    if (known && S_ISDIR(st.st_mode)) {
        fclose(fp);
        errno = EISDIR;
        return NULL;
    }
    kg_buf b = KG_BUF_INIT;
    /* a regular file is read into a buffer of its size at once (one
     * allocation, no copy); one that grows meanwhile, or a pipe, in
     * steps */
    if (known && S_ISREG(st.st_mode) && st.st_size > 0 && (!max || (uintmax_t)st.st_size <= max))
        kg_buf_grow(&b, (size_t)st.st_size + 1);
    size_t n;
    for (;;) {
        if (b.cap < b.len + 2)
            kg_buf_grow(&b, 65536);
        n = fread(b.ptr + b.len, 1, b.cap - b.len - 1, fp);
        if (n == 0)
            break;
        if (max && b.len + n > max) {
            kg_buf_free(&b);
            fclose(fp);
            errno = EFBIG;
            return NULL;
        }
        b.len += n;
        b.ptr[b.len] = 0;
    }
    int bad = ferror(fp);
    int saved = errno;
    fclose(fp);
    if (bad) {
        kg_buf_free(&b);
        errno = saved ? saved : EIO;
        return NULL;
    }
    return kg_buf_detach(&b, len);
}

#define KG_MAX_FACTS_FILE (256u << 20)

int kg_facts_load_file(kg_corpus *corpus, const char *path, kg_diag *d)
{
    size_t len;
    char *text = kg_read_file(path, &len, KG_MAX_FACTS_FILE);
    if (!text) {
        kg_diag_error(d, path, 0, 0, "cannot read: %s", strerror(errno));
        corpus->paths_unread++;
        return -1;
    }
    corpus->files_read++;
    size_t before = d->errors;
    kg_node *tree = kg_yaml_parse(path, text, len, d);
    free(text);
    if (!tree && d->errors > before)
        return 1;
    if (tree && tree->kind == KG_NODE_MAP && tree->n >= 2 && tree->items[0]->kind == KG_NODE_SCALAR &&
        !strcmp(tree->items[0]->value, "grammar")) {
        /* a grammar file (yaml/grammar/): no facts */
        kg_strv_push(&corpus->grammar_files, path);
        kg_node_free(tree);
        return 0;
    }
    kg_doc *doc = kg_doc_from_tree(path, tree, d);
    if (corpus->drop_trees)
        kg_doc_drop_tree(doc);
    kg_corpus_add(corpus, doc);
    return d->errors > before ? 1 : 0;
}

static int has_suffix(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && strcmp(s + a - b, suf) == 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Collects the .yaml and .yml files below dir into files (recursively,
 * bounded depth, hidden folders skipped, sorted, lexicon/ first); a folder
 * that cannot be opened is reported in d (when not NULL) and counted. */
static int collect(const char *dir, int depth, kg_strv *files, size_t *unread, kg_diag *d)
{
    DIR *dp = opendir(dir);
    if (!dp) {
        if (d)
            kg_diag_error(d, dir, 0, 0, "cannot open folder: %s", strerror(errno));
        (*unread)++;
        return -1;
    }
    struct dirent *de;
    kg_strv names = { 0 };
    /* the type readdir gives (a regular file needs no stat), after a NUL */
    while ((de = readdir(dp)))
        if (de->d_name[0] != '.') {
            size_t nl = strlen(de->d_name);
            char *e = kg_xcalloc(nl + 3, 1);
            memcpy(e, de->d_name, nl);
            e[nl + 1] = de->d_type == DT_REG ? 'f' : de->d_type == DT_DIR ? 'd' : '?';
            KG_VEC_PUSH(names.v, names.n, names.cap);
            names.v[names.n++] = e;
        }
    closedir(dp);
    if (names.n) /* (qsort of NULL is undefined, even for 0 items) */
        qsort(names.v, names.n, sizeof *names.v, cmp_str);
    int rc = 0;
    kg_buf p = KG_BUF_INIT;
    /* (the folder and a slash once; each name after it) */
    kg_buf_puts(&p, dir);
    if (!has_suffix(dir, "/"))
        kg_buf_putc(&p, '/');
    size_t at = p.len;
    /* lexicon/ first so that full actor definitions come before mentions */
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < names.n; i++) {
            int is_lex = strcmp(names.v[i], "lexicon") == 0;
            if (is_lex != (pass == 0))
                continue;
            p.len = at;
            p.ptr[at] = '\0';
            kg_buf_puts(&p, names.v[i]);
            char kind = names.v[i][strlen(names.v[i]) + 1];
            struct stat st;
            if (kind == 'f')
                st.st_mode = S_IFREG;
            else if (kind == 'd')
                st.st_mode = S_IFDIR;
            else if (stat(p.ptr, &st) < 0)
                continue;
            if (S_ISDIR(st.st_mode)) {
                if (depth < 8 && collect(p.ptr, depth + 1, files, unread, d) < 0)
                    rc = -1;
            } else if (S_ISREG(st.st_mode) &&
                       (has_suffix(p.ptr, ".yaml") || has_suffix(p.ptr, ".yml"))) {
                kg_strv_push(files, p.ptr);
            }
        }
    kg_buf_free(&p);
    kg_strv_free(&names);
    return rc;
}

int kg_yaml_files(const char *path, kg_strv *files)
{
    struct stat st;
    if (stat(path, &st) < 0)
        return -1;
    if (!S_ISDIR(st.st_mode)) {
        kg_strv_push(files, path);
        return 0;
    }
    /* the folder itself must open (errno says why not); folders below
     * that do not are skipped */
    DIR *dp = opendir(path);
    if (!dp)
        return -1;
    closedir(dp);
    size_t unread = 0;
    collect(path, 0, files, &unread, NULL);
    return 0;
}

/* kg_facts_load_file, then each on the documents it added, which are
 * freed after (each NULL: kept). */
static int load_one(kg_corpus *c, const char *path, kg_diag *d, kg_facts_each_fn each, void *ctx)
{
    size_t n0 = c->n;
    int r = kg_facts_load_file(c, path, d);
    if (each) {
        for (size_t i = n0; i < c->n; i++) {
            each(ctx, c, c->docs[i]);
            kg_doc_free(c->docs[i]);
        }
        c->n = n0;
    }
    return r;
}

int kg_facts_each_path(kg_corpus *c, const char *path, kg_diag *d, kg_facts_each_fn each, void *ctx)
{
    struct stat st;
    if (stat(path, &st) < 0) {
        kg_diag_error(d, path, 0, 0, "cannot read: %s", strerror(errno));
        c->paths_unread++;
        return -1;
    }
    if (!S_ISDIR(st.st_mode))
        return load_one(c, path, d, each, ctx);
    kg_strv files = { 0 };
    int rc = collect(path, 0, &files, &c->paths_unread, d);
    for (size_t i = 0; i < files.n; i++) {
        int r = load_one(c, files.v[i], d, each, ctx);
        if (r < 0 || (r > 0 && rc == 0))
            rc = r;
    }
    kg_strv_free(&files);
    return rc;
}

int kg_facts_load_path(kg_corpus *c, const char *path, kg_diag *d)
{
    return kg_facts_each_path(c, path, d, NULL, NULL);
}
