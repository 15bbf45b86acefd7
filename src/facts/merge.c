/* merge.c - the three-way merge of a hand-edited facts file with a new
 * extraction (see kg/merge.h for the rules).
 *
 * The texts are cut into lines (views into the texts, with their line
 * numbers), and the lines into blocks by indentation, three levels deep:
 * top-level keys; the keys of `document:` and the items of the list
 * sections; the keys of each block-style item. A block owns the comment
 * and blank lines above it; its body runs to the line before the next
 * block. Each level is rendered at indent 0 and indented by its parent,
 * so a block taken from the machine's text fits the hand's layout. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kg/factio.h"
#include "kg/facts.h"
#include "kg/merge.h"

enum { K_ATOM, K_MAP, K_LIST, K_ITEM };

typedef struct line {
    const char *s;
    size_t n;
    int no; /* 1-based line number in its file */
} line;

typedef struct ents ents;

typedef struct ent {
    char *key;      /* identity in its container */
    char *label;    /* for messages */
    char *from, *to; /* relations: the events they join */
    const line *lv; /* the container's lines */
    size_t p0, b0, b1; /* comments [p0, b0), body [b0, b1) */
    char *pre, *body;  /* those lines as text, at indent 0 */
    int kind;
    size_t kid_indent; /* K_MAP, K_LIST: the kids' indent; K_ITEM: column after "- " */
    line *kl;          /* the kids' lines, owned */
    ents *kids;
    int used;
} ent;

struct ents {
    ent *v;
    size_t n, cap;
    const line *lv;
    size_t t0, t1; /* trailing comment lines */
};

typedef struct mctx {
    const char *name;
    kg_diag *d;
    long conflicts;
    kg_strv gone; /* event ids the person deleted */
} mctx;

static const char *const sections[] = { "actors", "events", "figures", "relations", NULL };
static const char *const singular[] = { "actor", "event", "figure", "relation", NULL };

/* ---- lines ---- */

static line *split_lines(const char *t, size_t len, size_t *n)
{
    line *v = NULL;
    size_t cnt = 0, cap = 0;
    int no = 0;
    size_t plen = strlen(KG_CHECKSUM_PREFIX);
    for (size_t i = 0; i < len;) {
        size_t e = i;
        while (e < len && t[e] != '\n')
            e++;
        no++;
        size_t l = e - i;
        if (l && t[i + l - 1] == '\r')
            l--;
        /* kg's checksum trailer is no part of anybody's text */
        if (!(l >= plen && memcmp(t + i, KG_CHECKSUM_PREFIX, plen) == 0)) {
            KG_VEC_PUSH(v, cnt, cap);
            v[cnt].s = t + i;
            v[cnt].n = l;
            v[cnt].no = no;
            cnt++;
        }
        i = e < len ? e + 1 : e;
    }
    *n = cnt;
    return v;
}

static size_t indent_of(const line *l)
{
    size_t i = 0;
    while (i < l->n && l->s[i] == ' ')
        i++;
    return i;
}

static int is_note(const line *l) /* a blank or comment line */
{
    size_t i = indent_of(l);
    return i == l->n || l->s[i] == '#';
}

static int is_dash(const line *l, size_t i)
{
    return i < l->n && l->s[i] == '-' && (i + 1 == l->n || l->s[i + 1] == ' ');
}

static line *dedent(const line *lv, size_t n, size_t k)
{
    line *o = kg_xcalloc(n ? n : 1, sizeof *o);
    for (size_t i = 0; i < n; i++) {
        size_t ind = indent_of(&lv[i]);
        if (ind > k)
            ind = k;
        o[i].s = lv[i].s + ind;
        o[i].n = lv[i].n - ind;
        o[i].no = lv[i].no;
    }
    return o;
}

static char *join(const line *lv, size_t a, size_t b)
{
    kg_buf t = KG_BUF_INIT;
    for (size_t i = a; i < b; i++) {
        kg_buf_add(&t, lv[i].s, lv[i].n);
        kg_buf_putc(&t, '\n');
    }
    return kg_buf_detach(&t, NULL);
}

/* Appends text with every non-empty line indented by ind spaces. */
static void put_indented(kg_buf *out, const char *t, size_t ind)
{
    while (*t) {
        const char *e = strchr(t, '\n');
        size_t l = e ? (size_t)(e - t) : strlen(t);
        if (l)
            for (size_t i = 0; i < ind; i++)
                kg_buf_putc(out, ' ');
        kg_buf_add(out, t, l);
        kg_buf_putc(out, '\n');
        t += l + (e ? 1 : 0);
    }
}

/* The key of a `key: value` line (quotes taken off), or the whole line. */
static char *key_of(const line *l)
{
    const char *s = l->s;
    size_t n = l->n, k = 0;
    char q = (n && (s[0] == '"' || s[0] == '\'')) ? s[0] : 0;
    if (q) {
        k = 1;
        while (k < n && s[k] != q)
            k++;
        if (k < n && k + 1 < n && s[k + 1] == ':')
            return kg_xstrndup(s + 1, k - 1);
        k = 0;
    }
    for (k = 0; k < n; k++)
        if (s[k] == ':' && (k + 1 == n || s[k + 1] == ' '))
            return kg_xstrndup(s, k);
    return kg_xstrndup(s, n);
}

/* Is the rest of a `key:` line empty (or a comment)? */
static int opens_block(const line *l)
{
    const char *c = memchr(l->s, ':', l->n);
    if (!c)
        return 0;
    for (const char *p = c + 1; p < l->s + l->n; p++) {
        if (*p == '#')
            return 1;
        if (*p != ' ')
            return 0;
    }
    return 1;
}

/* ---- blocks ---- */

static void ents_free(ents *es);

static void ent_free(ent *e)
{
    free(e->key);
    free(e->label);
    free(e->from);
    free(e->to);
    free(e->pre);
    free(e->body);
    free(e->kl);
    if (e->kids) {
        ents_free(e->kids);
        free(e->kids);
    }
}

static void ents_free(ents *es)
{
    for (size_t i = 0; i < es->n; i++)
        ent_free(&es->v[i]);
    free(es->v);
}

/* Cuts lines into blocks: a block starts at a line at indent 0 that is a
 * list item (list) or not one (map). */
static void split_blocks(const line *lv, size_t n, int list, ents *out)
{
    memset(out, 0, sizeof *out);
    out->lv = lv;
    size_t pend = SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        const line *l = &lv[i];
        if (is_note(l)) {
            if (pend == SIZE_MAX)
                pend = i;
            continue;
        }
        int starts = indent_of(l) == 0 && (list ? is_dash(l, 0) : !is_dash(l, 0));
        if (starts || out->n == 0) {
            KG_VEC_PUSH(out->v, out->n, out->cap);
            ent *e = &out->v[out->n++];
            memset(e, 0, sizeof *e);
            e->lv = lv;
            e->p0 = pend == SIZE_MAX ? i : pend;
            e->b0 = i;
        }
        out->v[out->n - 1].b1 = i + 1;
        pend = SIZE_MAX;
    }
    out->t0 = pend == SIZE_MAX ? n : pend;
    out->t1 = n;
    for (size_t i = 0; i < out->n; i++) {
        ent *e = &out->v[i];
        e->pre = join(lv, e->p0, e->b0);
        e->body = join(lv, e->b0, e->b1);
    }
}

static const char *scalar(const kg_node *map, const char *key)
{
    const kg_node *v = kg_node_get(map, key);
    return v && v->kind == KG_NODE_SCALAR ? v->value : NULL;
}

/* An item's identity: its id, or for a relation from/type/to. */
static void item_identity(ent *e, int sec)
{
    kg_diag d = KG_DIAG_INIT;
    kg_node *root = kg_yaml_parse("item", e->body, strlen(e->body), &d);
    const kg_node *m = root && root->kind == KG_NODE_SEQ && root->n ? root->items[0] : NULL;
    kg_buf k = KG_BUF_INIT, lab = KG_BUF_INIT;
    if (m && m->kind == KG_NODE_MAP && !d.errors) {
        if (strcmp(sections[sec], "relations") == 0) {
            const char *f = scalar(m, "from"), *t = scalar(m, "type"), *o = scalar(m, "to");
            if (f && t && o) {
                kg_buf_printf(&k, "rel\n%s\n%s\n%s", f, t, o);
                kg_buf_printf(&lab, "relation %s %s %s", f, t, o);
                e->from = kg_xstrdup(f);
                e->to = kg_xstrdup(o);
            }
        } else if (scalar(m, "id")) {
            kg_buf_printf(&k, "id\n%s", scalar(m, "id"));
            kg_buf_printf(&lab, "%s %s", singular[sec], scalar(m, "id"));
        }
    }
    if (!k.len) { /* no identity: the text is one */
        kg_buf_printf(&k, "text\n%s", e->body);
        kg_buf_printf(&lab, "a %s without id", singular[sec]);
    }
    e->key = kg_buf_detach(&k, NULL);
    e->label = kg_buf_detach(&lab, NULL);
    kg_node_free(root);
    kg_diag_free(&d);
}

/* Cuts a block's body into kids: lines [from, b1) dedented by k. */
static void make_kids(ent *e, size_t from, size_t k, int list)
{
    e->kl = dedent(e->lv + from, e->b1 - from, k);
    e->kids = kg_xcalloc(1, sizeof *e->kids);
    split_blocks(e->kl, e->b1 - from, list, e->kids);
}

static void label_keys(ents *es, const char *parent)
{
    for (size_t i = 0; i < es->n; i++) {
        ent *e = &es->v[i];
        e->key = key_of(&es->lv[e->b0]);
        kg_buf lab = KG_BUF_INIT;
        if (parent)
            kg_buf_printf(&lab, "'%s' of %s", e->key, parent);
        else
            kg_buf_printf(&lab, "'%s'", e->key);
        e->label = kg_buf_detach(&lab, NULL);
    }
}

/* An item "- key: value ..." holds a map: its kids are its keys. */
static void structure_item(ent *e)
{
    const line *l = &e->lv[e->b0];
    size_t c = 1;
    while (c < l->n && l->s[c] == ' ')
        c++;
    if (c < 2 || c >= l->n || strchr("{[#\"'|>&*!", l->s[c]))
        return;
    line first = { l->s + c, l->n - c, l->no };
    if (!memchr(first.s, ':', first.n))
        return;
    e->kind = K_ITEM;
    e->kid_indent = c;
    e->kl = dedent(e->lv + e->b0, e->b1 - e->b0, c);
    e->kl[0] = first;
    e->kids = kg_xcalloc(1, sizeof *e->kids);
    split_blocks(e->kl, e->b1 - e->b0, 0, e->kids);
    label_keys(e->kids, e->label);
}

/* The indent of the first content line in [a, b), or 0. */
static size_t first_indent(const line *lv, size_t a, size_t b, const line **first)
{
    for (size_t i = a; i < b; i++)
        if (!is_note(&lv[i])) {
            *first = &lv[i];
            return indent_of(&lv[i]);
        }
    *first = NULL;
    return 0;
}

static void structure_top(ents *top)
{
    label_keys(top, NULL);
    for (size_t i = 0; i < top->n; i++) {
        ent *e = &top->v[i];
        const line *head = &top->lv[e->b0];
        if (e->b1 - e->b0 < 2 || !opens_block(head))
            continue;
        const line *f;
        size_t k = first_indent(top->lv, e->b0 + 1, e->b1, &f);
        if (!f)
            continue;
        if (strcmp(e->key, "document") == 0 && k > 0 && !is_dash(f, k)) {
            e->kind = K_MAP;
            e->kid_indent = k;
            make_kids(e, e->b0 + 1, k, 0);
            label_keys(e->kids, "the document");
            continue;
        }
        for (int s = 0; sections[s]; s++) {
            if (strcmp(e->key, sections[s]) != 0 || !is_dash(f, k))
                continue;
            e->kind = K_LIST;
            e->kid_indent = k;
            make_kids(e, e->b0 + 1, k, 1);
            for (size_t j = 0; j < e->kids->n; j++) {
                item_identity(&e->kids->v[j], s);
                structure_item(&e->kids->v[j]);
            }
        }
    }
}

static ent *find(ents *es, const char *key, int mark)
{
    for (size_t i = 0; es && i < es->n; i++)
        if (!es->v[i].used && strcmp(es->v[i].key, key) == 0) {
            if (mark)
                es->v[i].used = 1;
            return &es->v[i];
        }
    return NULL;
}

static ents *section_of(ents *top, const char *name)
{
    for (size_t i = 0; i < top->n; i++)
        if (top->v[i].kind == K_LIST && strcmp(top->v[i].key, name) == 0)
            return top->v[i].kids;
    return NULL;
}

/* ---- merging ---- */

/* The first line of a text, short enough for a message. */
static char *gist(const char *t)
{
    while (*t == ' ' || *t == '-')
        t++;
    size_t n = strcspn(t, "\n");
    int more = t[n] == '\n' && t[n + 1];
    if (n > 100) {
        n = 100;
        while (n > 0 && ((unsigned char)t[n] & 0xC0) == 0x80)
            n--;
        more = 1;
    }
    kg_buf b = KG_BUF_INIT;
    kg_buf_add(&b, t, n);
    if (more)
        kg_buf_puts(&b, " ...");
    return kg_buf_detach(&b, NULL);
}

static void conflict(mctx *m, const ent *h, const char *what, const char *mach)
{
    char *g = mach ? gist(mach) : NULL;
    int no = h->lv[h->b0].no;
    if (g)
        kg_diag_warn(m->d, m->name, no, 0, "%s: you and kg both changed it; kept yours (kg now "
                     "says: %s)", what, g);
    else
        kg_diag_warn(m->d, m->name, no, 0, "%s: kg no longer finds it; kept your edited version",
                     what);
    m->conflicts++;
    free(g);
}

static void merge_ents(mctx *m, ents *b, ents *h, ents *n, int relations, kg_buf *out);

/* The body of a structured block from merged kids. */
static void merge_struct(mctx *m, ent *b, ent *h, ent *n, kg_buf *out)
{
    kg_buf kids = KG_BUF_INIT;
    merge_ents(m, b->kids, h->kids, n->kids, h->kind == K_LIST && strcmp(h->key, "relations") == 0,
               &kids);
    if (h->kind == K_ITEM) {
        size_t at = out->len;
        put_indented(out, kids.ptr, h->kid_indent);
        /* the dash goes on the first line that is not a note */
        for (size_t i = at; i < out->len;) {
            size_t e = i;
            while (e < out->len && out->ptr[e] != '\n')
                e++;
            size_t j = i;
            while (j < e && out->ptr[j] == ' ')
                j++;
            if (j < e && out->ptr[j] != '#') {
                out->ptr[i] = '-';
                break;
            }
            i = e + 1;
        }
    } else {
        const line *hl = &h->lv[h->b0];
        kg_buf_add(out, hl->s, hl->n);
        kg_buf_putc(out, '\n');
        put_indented(out, kids.ptr, h->kid_indent);
    }
    kg_buf_free(&kids);
}

static void merge_one(mctx *m, ent *b, ent *h, ent *n, kg_buf *out)
{
    kg_buf_puts(out, strcmp(h->pre, b->pre) == 0 ? n->pre : h->pre);
    if (strcmp(h->body, b->body) == 0)
        kg_buf_puts(out, n->body);
    else if (strcmp(n->body, b->body) == 0 || strcmp(n->body, h->body) == 0)
        kg_buf_puts(out, h->body);
    else if (h->kind != K_ATOM && h->kind == b->kind && h->kind == n->kind)
        merge_struct(m, b, h, n, out);
    else {
        conflict(m, h, h->label, n->body);
        kg_buf_puts(out, h->body);
    }
}

/* A span and its quote are one fact (the quote is the text at the span):
 * they are merged together, both taken from one side, never the span of
 * one and the quote of the other. */
enum { PAIR_NONE, PAIR_NEW, PAIR_HAND, PAIR_CONFLICT };

static int is_pair_key(const char *key)
{
    return strcmp(key, "span") == 0 || strcmp(key, "quote") == 0;
}

static int same_key(ents *x, ents *y, const char *key)
{
    ent *a = find(x, key, 0), *c = find(y, key, 0);
    return a && c ? strcmp(a->body, c->body) == 0 : !a && !c;
}

static int pair_choice(ents *b, ents *h, ents *n)
{
    if (!b || !h || !n || (!find(b, "span", 0) && !find(h, "span", 0) && !find(n, "span", 0)))
        return PAIR_NONE;
    if (same_key(h, b, "span") && same_key(h, b, "quote"))
        return PAIR_NEW;
    if ((same_key(n, b, "span") && same_key(n, b, "quote")) ||
        (same_key(n, h, "span") && same_key(n, h, "quote")))
        return PAIR_HAND;
    return PAIR_CONFLICT;
}

/* 1 if the notes after the last entry (comments, blank lines) are the
 * same lines in a and b. */
static int same_tail(const ents *a, const ents *b)
{
    if (a->t1 - a->t0 != b->t1 - b->t0)
        return 0;
    for (size_t i = 0; i < a->t1 - a->t0; i++) {
        const line *x = &a->lv[a->t0 + i], *y = &b->lv[b->t0 + i];
        if (x->n != y->n || memcmp(x->s, y->s, x->n) != 0)
            return 0;
    }
    return 1;
}

static void merge_ents(mctx *m, ents *b, ents *h, ents *n, int relations, kg_buf *out)
{
    int pair = pair_choice(b, h, n);
    for (size_t i = 0; i < h->n; i++) {
        ent *he = &h->v[i];
        if (pair != PAIR_NONE && is_pair_key(he->key)) {
            ent *be = find(b, he->key, 1), *ne = find(n, he->key, 1);
            if (pair == PAIR_NEW) {
                if (ne) { /* (dropped when kg no longer gives it) */
                    kg_buf_puts(out, be && strcmp(he->pre, be->pre) == 0 ? ne->pre : he->pre);
                    kg_buf_puts(out, ne->body);
                }
            } else {
                if (pair == PAIR_CONFLICT && strcmp(he->key, "span") == 0)
                    conflict(m, he, he->label, ne ? ne->body : NULL);
                kg_buf_puts(out, he->pre);
                kg_buf_puts(out, he->body);
            }
            continue;
        }
        ent *be = find(b, he->key, 1), *ne = find(n, he->key, 1);
        if (be && ne) {
            merge_one(m, be, he, ne, out);
        } else if (ne) { /* both added it */
            if (strcmp(he->body, ne->body) != 0)
                conflict(m, he, he->label, ne->body);
            kg_buf_puts(out, he->pre);
            kg_buf_puts(out, he->body);
        } else if (be) { /* the machine dropped it */
            if (strcmp(he->body, be->body) == 0 && strcmp(he->pre, be->pre) == 0)
                continue;
            conflict(m, he, he->label, NULL);
            kg_buf_puts(out, he->pre);
            kg_buf_puts(out, he->body);
        } else { /* the person added it */
            kg_buf_puts(out, he->pre);
            kg_buf_puts(out, he->body);
        }
    }
    for (size_t i = 0; n && i < n->n; i++) {
        ent *ne = &n->v[i];
        if (ne->used || find(b, ne->key, 1))
            continue; /* matched, or deleted by the person */
        if (pair != PAIR_NONE && pair != PAIR_NEW && is_pair_key(ne->key))
            continue; /* the person's span stands, with its own quote or none */
        if (relations && ((ne->from && kg_strv_has(&m->gone, ne->from)) ||
                          (ne->to && kg_strv_has(&m->gone, ne->to))))
            continue;
        kg_buf_puts(out, ne->pre);
        kg_buf_puts(out, ne->body);
    }
    /* the notes after the last entry: kg's new ones where the person left
     * them as kg wrote them last, else the person's */
    const ents *t = b && n && same_tail(b, h) ? n : h;
    for (size_t i = t->t0; i < t->t1; i++) {
        kg_buf_add(out, t->lv[i].s, t->lv[i].n);
        kg_buf_putc(out, '\n');
    }
}

char *kg_merge_base_path(const char *path)
{
    const char *slash = strrchr(path, '/');
    kg_buf b = KG_BUF_INIT;
    if (slash)
        kg_buf_add(&b, path, (size_t)(slash - path + 1));
    kg_buf_puts(&b, ".kg/");
    kg_buf_puts(&b, slash ? slash + 1 : path);
    return kg_buf_detach(&b, NULL);
}

long kg_facts_merge(const char *name, const char *base, size_t blen, const char *hand,
                    size_t hlen, const char *mach, size_t mlen, kg_buf *out, kg_diag *d)
{
    size_t nb, nh, nm;
    line *lb = split_lines(base, blen, &nb), *lh = split_lines(hand, hlen, &nh),
         *lm = split_lines(mach, mlen, &nm);
    ents tb, th, tm;
    split_blocks(lb, nb, 0, &tb);
    split_blocks(lh, nh, 0, &th);
    split_blocks(lm, nm, 0, &tm);
    structure_top(&tb);
    structure_top(&th);
    structure_top(&tm);
    mctx m;
    memset(&m, 0, sizeof m);
    m.name = name;
    m.d = d;
    /* the events the person deleted: their new relations are not wanted */
    ents *eb = section_of(&tb, "events"), *eh = section_of(&th, "events");
    for (size_t i = 0; eb && i < eb->n; i++)
        if (!find(eh, eb->v[i].key, 0) && strncmp(eb->v[i].key, "id\n", 3) == 0)
            kg_strv_push(&m.gone, eb->v[i].key + 3);
    kg_buf res = KG_BUF_INIT;
    merge_ents(&m, &tb, &th, &tm, 0, &res);
    long rc = m.conflicts;
    /* never write a merge that is not YAML any more */
    kg_diag pd = KG_DIAG_INIT;
    kg_node *tree = kg_yaml_parse(name, res.ptr, res.len, &pd);
    if (pd.errors) {
        const kg_finding *f = &pd.v[0];
        kg_diag_error(d, name, 0, 0, "cannot merge kg's new facts into your edits (the result "
                      "would not be valid YAML: line %d: %s); see them with --diff, or use "
                      "--force", f->line, f->msg);
        rc = -1;
    } else {
        kg_buf_add(out, res.ptr, res.len);
    }
    kg_node_free(tree);
    kg_diag_free(&pd);
    kg_buf_free(&res);
    kg_strv_free(&m.gone);
    ents_free(&tb);
    ents_free(&th);
    ents_free(&tm);
    free(lb);
    free(lh);
    free(lm);
    return rc;
}

/* ---- aligning ids with the base ---- */

static int same_str(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

static int taken(const kg_strv *used, const char *id)
{
    return kg_strv_has(used, id);
}

/* A fresh id PREFIX<n> that is in no list of used. */
static char *fresh_id(char prefix, kg_strv *used)
{
    for (unsigned long n = 1;; n++) {
        char buf[32];
        snprintf(buf, sizeof buf, "%c%lu", prefix, n);
        if (!taken(used, buf)) {
            kg_strv_push(used, buf);
            return kg_xstrdup(buf);
        }
    }
}

/* The final id of each of n items: base's id of the same fact (match
 * passes in order), else a fresh one. ids[i] is the item's id now. */
static size_t align(size_t n, char **ids, size_t nb, const char *const *base_ids,
                    int (*same)(const void *, size_t, const void *, size_t, int),
                    const void *items, const void *base, char prefix, kg_strv *used)
{
    char **fin = kg_xcalloc(n ? n : 1, sizeof *fin);
    char *btaken = kg_xcalloc(nb ? nb : 1, 1);
    for (int pass = 0; pass < 4; pass++)
        for (size_t i = 0; i < n; i++)
            for (size_t k = 0; !fin[i] && k < nb; k++)
                if (!btaken[k] && base_ids[k] &&
                    (pass < 3 ? same(items, i, base, k, pass) : same_str(ids[i], base_ids[k]))) {
                    btaken[k] = 1;
                    fin[i] = kg_xstrdup(base_ids[k]);
                }
    for (size_t i = 0; i < n; i++)
        if (!fin[i])
            fin[i] = fresh_id(prefix, used);
    size_t changed = 0;
    for (size_t i = 0; i < n; i++) {
        if (!same_str(ids[i], fin[i]))
            changed++;
        free(ids[i]);
        ids[i] = fin[i];
    }
    free(fin);
    free(btaken);
    return changed;
}

static int same_strv(const kg_strv *a, const kg_strv *b)
{
    if (a->n != b->n)
        return 0;
    for (size_t i = 0; i < a->n; i++)
        if (!same_str(a->v[i], b->v[i]))
            return 0;
    return 1;
}

/* Passes, loosest last: the same quote; the same title and type; the
 * same type, agents and targets (a sentence reworded); then (in align)
 * the same id, for what is left. */
static int same_event(const void *items, size_t i, const void *base, size_t k, int pass)
{
    const kg_event *a = &((const kg_event *)items)[i], *b = &((const kg_event *)base)[k];
    if (pass == 0)
        return same_str(a->quote, b->quote);
    if (pass == 1)
        return same_str(a->title, b->title) && same_str(a->type, b->type);
    return same_str(a->type, b->type) && same_strv(&a->agent, &b->agent) &&
           same_strv(&a->target, &b->target) && (a->agent.n || a->target.n);
}

static int same_figure(const void *items, size_t i, const void *base, size_t k, int pass)
{
    const kg_figure *a = &((const kg_figure *)items)[i], *b = &((const kg_figure *)base)[k];
    if (pass == 0)
        return same_str(a->quote, b->quote);
    if (pass == 1)
        return same_str(a->value_text, b->value_text) && same_str(a->unit, b->unit) &&
               same_str(a->measure, b->measure);
    return same_str(a->unit, b->unit) && same_str(a->measure, b->measure) && a->measure;
}

size_t kg_doc_align_ids(kg_doc *doc, const kg_doc *base, const kg_doc *hand)
{
    if (!doc || !base)
        return 0;
    /* every id the base or the person's file uses is taken for new facts */
    kg_strv used = { NULL, 0, 0 };
    const kg_doc *olds[2] = { base, hand };
    for (int w = 0; w < 2; w++) {
        const kg_doc *o = olds[w];
        for (size_t i = 0; o && i < o->n_events; i++)
            if (o->events[i].id)
                kg_strv_push(&used, o->events[i].id);
        for (size_t i = 0; o && i < o->n_figures; i++)
            if (o->figures[i].id)
                kg_strv_push(&used, o->figures[i].id);
        for (size_t i = 0; o && i < o->n_relations; i++)
            if (o->relations[i].id)
                kg_strv_push(&used, o->relations[i].id);
    }
    /* events: remember the old ids for the relations */
    size_t ne = doc->n_events, changed = 0;
    char **old = kg_xcalloc(ne ? ne : 1, sizeof *old);
    char **ids = kg_xcalloc(ne ? ne : 1, sizeof *ids);
    const char **bids = kg_xcalloc(base->n_events ? base->n_events : 1, sizeof *bids);
    for (size_t i = 0; i < ne; i++) {
        old[i] = doc->events[i].id ? kg_xstrdup(doc->events[i].id) : NULL;
        ids[i] = doc->events[i].id;
    }
    for (size_t k = 0; k < base->n_events; k++)
        bids[k] = base->events[k].id;
    changed += align(ne, ids, base->n_events, bids, same_event, doc->events, base->events, 'e',
                     &used);
    for (size_t i = 0; i < ne; i++)
        doc->events[i].id = ids[i];
    for (size_t r = 0; r < doc->n_relations; r++) {
        kg_relation *rel = &doc->relations[r];
        char **ends[2] = { &rel->from, &rel->to };
        for (int e = 0; e < 2; e++)
            for (size_t i = 0; *ends[e] && i < ne; i++)
                if (same_str(*ends[e], old[i])) {
                    free(*ends[e]);
                    *ends[e] = kg_xstrdup(ids[i]);
                    break;
                }
    }
    for (size_t i = 0; i < ne; i++)
        free(old[i]);
    free(old);
    free(ids);
    free(bids);
    /* figures */
    size_t nf = doc->n_figures;
    ids = kg_xcalloc(nf ? nf : 1, sizeof *ids);
    bids = kg_xcalloc(base->n_figures ? base->n_figures : 1, sizeof *bids);
    for (size_t i = 0; i < nf; i++)
        ids[i] = doc->figures[i].id;
    for (size_t k = 0; k < base->n_figures; k++)
        bids[k] = base->figures[k].id;
    changed += align(nf, ids, base->n_figures, bids, same_figure, doc->figures, base->figures,
                     'f', &used);
    for (size_t i = 0; i < nf; i++)
        doc->figures[i].id = ids[i];
    free(ids);
    free(bids);
    kg_strv_free(&used);
    return changed;
}
