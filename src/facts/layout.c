/* layout.c - the canonical layout with comments kept: comments are found
 * in the text (outside every scalar, as libyaml's marks tell), named by
 * the YAML path of the line they belong to, and put back beside the line
 * with the same path in what kg_facts_emit writes. The result is read
 * back and compared with the plain canonical text, so a comment can never
 * change the data. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

#include "kg/buf.h"
#include "kg/factio.h"
#include "util/hmap.h"
#include "kg/layout.h"

void kg_layout_info_free(kg_layout_info *info)
{
    free(info->orphan_path);
    memset(info, 0, sizeof *info);
}

/* ---- lines and scalar ranges ---- */

typedef struct lines {
    size_t *start;        /* byte offset of each line (0-based index) */
    size_t n;             /* number of lines */
    size_t len;           /* length of the text */
} lines;

static void lines_init(lines *L, const char *t, size_t len)
{
    size_t n = 1;
    for (size_t i = 0; i < len; i++)
        if (t[i] == '\n' && i + 1 < len)
            n++;
    L->start = kg_xmalloc(n * sizeof *L->start);
    L->n = 0;
    L->len = len;
    L->start[L->n++] = 0;
    for (size_t i = 0; i < len; i++)
        if (t[i] == '\n' && i + 1 < len)
            L->start[L->n++] = i + 1;
}

/* End of line i (the offset of its '\n', or the end of the text). */
static size_t line_end(const lines *L, const char *t, size_t i)
{
    size_t e = i + 1 < L->n ? L->start[i + 1] - 1 : L->len;
    if (e > L->start[i] && e == L->len && t[e - 1] == '\n')
        e--;
    return e;
}

/* Byte offset of a libyaml mark (line, column in characters). */
static size_t mark_off(const lines *L, const char *t, const yaml_mark_t *m)
{
    if (m->line >= L->n)
        return L->len;
    size_t p = L->start[m->line];
    for (size_t c = 0; c < m->column && p < L->len && t[p] != '\n'; c++) {
        p++;
        while (p < L->len && ((unsigned char)t[p] & 0xC0) == 0x80)
            p++;
    }
    return p;
}

typedef struct range {
    size_t a, b;
} range;

/* The byte ranges of every scalar of the text, in order; -1 if libyaml
 * cannot read it. */
static int scalar_ranges(const char *t, size_t len, const lines *L, range **out, size_t *n)
{
    yaml_parser_t p;
    yaml_event_t ev;
    size_t cap = 0;
    *out = NULL;
    *n = 0;
    if (!yaml_parser_initialize(&p))
        return -1;
    yaml_parser_set_input_string(&p, (const unsigned char *)t, len);
    int rc = -1;
    for (;;) {
        if (!yaml_parser_parse(&p, &ev))
            break;
        int type = ev.type;
        if (type == YAML_SCALAR_EVENT) {
            KG_VEC_PUSH(*out, *n, cap);
            (*out)[*n].a = mark_off(L, t, &ev.start_mark);
            (*out)[*n].b = mark_off(L, t, &ev.end_mark);
            (*n)++;
        }
        yaml_event_delete(&ev);
        if (type == YAML_STREAM_END_EVENT) {
            rc = 0;
            break;
        }
    }
    yaml_parser_delete(&p);
    return rc;
}

/* ---- paths ---- */

/* Every key and list item of a tree, in document order (a key before what
 * is inside its value), with the line it starts on. */
typedef struct anchors {
    struct anchor {
        char *path;
        int line;
    } *v;
    size_t n, cap;
} anchors;

static void anchors_free(anchors *a)
{
    for (size_t i = 0; i < a->n; i++)
        free(a->v[i].path);
    free(a->v);
}

static void put_anchor(anchors *a, int line, const char *path)
{
    KG_VEC_PUSH(a->v, a->n, a->cap);
    a->v[a->n].path = kg_xstrdup(path);
    a->v[a->n].line = line;
    a->n++;
}

static const char *scalar_of(const kg_node *n)
{
    return n && n->kind == KG_NODE_SCALAR ? n->value : NULL;
}

static void walk(const kg_node *n, const char *prefix, anchors *a)
{
    kg_buf p = KG_BUF_INIT;
    if (!n)
        return;
    if (n->kind == KG_NODE_MAP) {
        for (size_t i = 0; i + 1 < n->n; i += 2) {
            const char *k = scalar_of(n->items[i]);
            kg_buf_reset(&p);
            kg_buf_printf(&p, "%s%s%s", prefix, *prefix ? "." : "", k ? k : "?");
            put_anchor(a, n->items[i]->line, p.ptr);
            walk(n->items[i + 1], p.ptr, a);
        }
    } else if (n->kind == KG_NODE_SEQ) {
        for (size_t i = 0; i < n->n; i++) {
            const kg_node *it = n->items[i];
            const char *id = scalar_of(kg_node_get(it, "id"));
            for (size_t j = 0; id && j < n->n; j++) {
                const char *o = scalar_of(kg_node_get(n->items[j], "id"));
                if (j != i && o && strcmp(o, id) == 0)
                    id = NULL;
            }
            kg_buf_reset(&p);
            if (id)
                kg_buf_printf(&p, "%s[id=%s]", prefix, id);
            else
                kg_buf_printf(&p, "%s[%zu]", prefix, i);
            put_anchor(a, it->line, p.ptr);
            walk(it, p.ptr, a);
        }
    }
    kg_buf_free(&p);
}

/* The path of each line: its first anchor (the outermost). */
static char **paths_of(const anchors *a, size_t n_lines)
{
    char **paths = kg_xcalloc(n_lines ? n_lines : 1, sizeof *paths);
    for (size_t i = 0; i < a->n; i++) {
        int line = a->v[i].line;
        if (line >= 1 && (size_t)line <= n_lines && !paths[line - 1])
            paths[line - 1] = kg_xstrdup(a->v[i].path);
    }
    return paths;
}

char **kg_layout_paths(const kg_node *tree, const char *text, size_t len, size_t *n_lines)
{
    lines L;
    anchors a = { 0 };
    lines_init(&L, text, len);
    *n_lines = L.n;
    free(L.start);
    walk(tree, "", &a);
    char **paths = paths_of(&a, *n_lines);
    anchors_free(&a);
    return paths;
}

void kg_layout_paths_free(char **paths, size_t n_lines)
{
    for (size_t i = 0; paths && i < n_lines; i++)
        free(paths[i]);
    free(paths);
}

/* ---- comments of a text ---- */

enum { C_BLANK, C_FULL, C_EOL };

typedef struct comment {
    int kind;
    const char *path;     /* borrowed from the path table; NULL: end of file */
    char *text;           /* from '#' to the end of the line, trailing blanks cut */
    int line, col;
} comment;

typedef struct scan {
    comment *v;
    size_t n, cap;
} scan;

static void add_comment(scan *s, int kind, const char *path, const char *t, size_t a, size_t b,
                        int line, int col)
{
    while (b > a && (t[b - 1] == ' ' || t[b - 1] == '\t' || t[b - 1] == '\r'))
        b--;
    KG_VEC_PUSH(s->v, s->n, s->cap);
    s->v[s->n++] = (comment){ kind, path, kg_xstrndup(t + a, b - a), line, col };
}

static int is_trailer(const char *t, size_t a, size_t b)
{
    size_t plen = strlen(KG_CHECKSUM_PREFIX);
    return b - a >= plen && memcmp(t + a, KG_CHECKSUM_PREFIX, plen) == 0;
}

static int col_of(const char *t, size_t ls, size_t q)
{
    int col = 1;
    for (size_t i = ls; i < q; i++)
        if (((unsigned char)t[i] & 0xC0) != 0x80)
            col++;
    return col;
}

/* Finds the comments of t. paths[i] is the path of line i+1. */
static int scan_comments(const char *t, size_t len, char **paths, scan *s)
{
    lines L;
    range *r;
    size_t nr, ri = 0;
    lines_init(&L, t, len);
    if (scalar_ranges(t, len, &L, &r, &nr) < 0) {
        free(L.start);
        return -1;
    }
    /* comments waiting for the line they belong to: s->v[pend..] */
    size_t pend = 0;
    const char *last = NULL;
    for (size_t i = 0; i < L.n; i++) {
        size_t ls = L.start[i], le = line_end(&L, t, i), p = ls;
        while (ri < nr && r[ri].b <= ls)
            ri++;
        int in_scalar = ri < nr && r[ri].a < ls; /* the line goes on a scalar */
        while (p < le && (t[p] == ' ' || t[p] == '\t' || t[p] == '\r'))
            p++;
        if (p == le) {
            if (!in_scalar)
                add_comment(s, C_BLANK, NULL, t, p, p, (int)i + 1, 1);
            continue;
        }
        /* the first '#' outside a scalar, at the start or after a blank */
        size_t q = le;
        for (size_t k = p; k < le; k++) {
            if (t[k] != '#' || (k > ls && t[k - 1] != ' ' && t[k - 1] != '\t'))
                continue;
            while (ri < nr && r[ri].b <= k)
                ri++;
            if (ri < nr && r[ri].a <= k)
                continue;
            q = k;
            break;
        }
        if (q == p) {
            if (!is_trailer(t, q, le))
                add_comment(s, C_FULL, NULL, t, q, le, (int)i + 1, col_of(t, ls, q));
            continue;
        }
        const char *path = paths[i];
        if (path) {
            for (size_t k = pend; k < s->n; k++)
                if (!s->v[k].path)
                    s->v[k].path = path;
            pend = s->n;
            last = path;
        }
        if (q < le) {
            const char *to = path ? path : last;
            add_comment(s, to ? C_EOL : C_FULL, to, t, q, le, (int)i + 1, col_of(t, ls, q));
        }
    }
    free(r);
    free(L.start);
    return 0;
}

/* ---- putting them back ---- */

typedef struct slot {
    size_t *v;            /* indexes into the scan */
    size_t n, cap;
} slot;

static void slot_add(slot *sl, size_t k)
{
    KG_VEC_PUSH(sl->v, sl->n, sl->cap);
    sl->v[sl->n++] = k;
}

static void put_line(kg_buf *out, int *blank, const char *indent, size_t ilen, const comment *c)
{
    if (c->kind == C_BLANK) {
        if (!*blank)
            kg_buf_putc(out, '\n');
        *blank = 1;
        return;
    }
    kg_buf_add(out, indent, ilen);
    kg_buf_puts(out, c->text);
    kg_buf_putc(out, '\n');
    *blank = 0;
}

/* Builds out from the canonical text e (its lines' paths in epaths) and
 * the comments in s. */
/* cross[i]: a scalar runs over the start of line i (nothing may go
 * between line i-1 and line i) */
static char *crossed_lines(const lines *L, const range *r, size_t nr)
{
    char *cross = kg_xcalloc(L->n + 1, 1);
    for (size_t k = 0, i = 1; k < nr; k++) {
        while (i < L->n && L->start[i] <= r[k].a)
            i++;
        for (size_t j = i; j < L->n && L->start[j] < r[k].b; j++)
            cross[j] = 1;
    }
    return cross;
}

/* Each comment of the scan to its slot: before a line of the edited text,
 * at a line's end, at the end of the file, or an orphan (its path is
 * gone); info counts them. */
static void place_comments(const scan *s, const kg_hmap *where, const char *cross, size_t nlines,
                           slot *before, slot *eol, slot *end, slot *orphans, kg_layout_info *info)
{
    for (size_t k = 0; k < s->n; k++) {
        const comment *c = &s->v[k];
        if (c->kind != C_BLANK)
            info->comments++;
        if (!c->path) {
            slot_add(end, k);
            continue;
        }
        const size_t *at = kg_hmap_get(where, c->path);
        if (!at) {
            if (c->kind == C_BLANK)
                continue;
            if (!info->orphans++) {
                info->orphan_line = c->line;
                info->orphan_col = c->col;
                info->orphan_path = kg_xstrdup(c->path);
            }
            slot_add(orphans, k);
            continue;
        }
        size_t i = *at;
        if (c->kind == C_EOL && !eol[i].n && !(i + 1 < nlines && cross[i + 1])) {
            slot_add(&eol[i], k);
            continue;
        }
        while (i > 0 && cross[i])
            i--;
        slot_add(&before[i], k);
    }
}

/* The comments at the end of the file (blank lines only between them),
 * then the orphans under a line that says where they stood. */
static void put_end_comments(kg_buf *out, int *blank, const scan *s, const slot *end,
                             const slot *orphans)
{
    /* at the end: comments only (blank lines between them) */
    for (size_t k = 0; k < end->n; k++) {
        const comment *c = &s->v[end->v[k]];
        int more = 0;
        for (size_t j = k; j < end->n && !more; j++)
            more = s->v[end->v[j]].kind != C_BLANK;
        if (more)
            put_line(out, blank, "", 0, c);
    }
    const char *prev = NULL;
    for (size_t k = 0; k < orphans->n; k++) {
        const comment *c = &s->v[orphans->v[k]];
        if (!prev || strcmp(prev, c->path) != 0)
            kg_buf_printf(out, "# kg fmt: the comments below stood at %s (line %d), which is gone:\n",
                          c->path, c->line);
        prev = c->path;
        put_line(out, blank, "", 0, c);
    }
}

static int apply(const char *e, size_t elen, const anchors *ea, const scan *s, kg_buf *out,
                 kg_layout_info *info)
{
    lines L;
    range *r;
    size_t nr;
    lines_init(&L, e, elen);
    if (scalar_ranges(e, elen, &L, &r, &nr) < 0) {
        free(L.start);
        return -1;
    }
    char *cross = crossed_lines(&L, r, nr);
    kg_hmap where = KG_HMAP_INIT;
    size_t *idx = kg_xmalloc(L.n * sizeof *idx);
    for (size_t i = 0; i < L.n; i++)
        idx[i] = i;
    for (size_t k = 0; k < ea->n; k++)
        if (ea->v[k].line >= 1 && (size_t)ea->v[k].line <= L.n)
            kg_hmap_put(&where, ea->v[k].path, &idx[ea->v[k].line - 1]);
    slot *before = kg_xcalloc(L.n, sizeof *before), *eol = kg_xcalloc(L.n, sizeof *eol);
    slot end = { 0 }, orphans = { 0 };
    place_comments(s, &where, cross, L.n, before, eol, &end, &orphans, info);
    int blank = 1;
    for (size_t i = 0; i < L.n; i++) {
        size_t ls = L.start[i], le = line_end(&L, e, i), ind = ls;
        while (ind < le && e[ind] == ' ')
            ind++;
        for (size_t k = 0; k < before[i].n; k++)
            put_line(out, &blank, e + ls, ind - ls, &s->v[before[i].v[k]]);
        kg_buf_add(out, e + ls, le - ls);
        for (size_t k = 0; k < eol[i].n; k++)
            kg_buf_printf(out, " %s", s->v[eol[i].v[k]].text);
        kg_buf_putc(out, '\n');
        blank = ls == le;
    }
    put_end_comments(out, &blank, s, &end, &orphans);
    for (size_t i = 0; i < L.n; i++) {
        free(before[i].v);
        free(eol[i].v);
    }
    free(before);
    free(eol);
    free(end.v);
    free(orphans.v);
    free(idx);
    kg_hmap_free(&where);
    free(cross);
    free(r);
    free(L.start);
    return 0;
}

/* Reads text back and writes it canonically into out (no comments). */
static int canonical(const char *text, size_t len, kg_buf *out)
{
    kg_diag d = KG_DIAG_INIT;
    kg_node *tree = kg_yaml_parse("-", text, len, &d);
    int rc = -1;
    if (!d.errors) {
        kg_doc *doc = kg_doc_from_tree("-", tree, &d);
        if (!d.errors && kg_facts_emit(doc, out) == 0)
            rc = 0;
        kg_doc_free(doc);
    } else {
        kg_node_free(tree);
    }
    kg_diag_free(&d);
    return rc;
}

int kg_facts_format(const kg_doc *doc, const char *name, const char *text, size_t len,
                    kg_buf *out, kg_layout_info *info, kg_diag *d)
{
    kg_buf e = KG_BUF_INIT, back = KG_BUF_INIT, res = KG_BUF_INIT;
    scan s = { 0 };
    char **paths = NULL;
    anchors ea = { 0 };
    size_t n_lines = 0;
    int rc = -1;
    memset(info, 0, sizeof *info);
    if (kg_facts_emit(doc, &e) < 0) {
        kg_diag_error(d, name, 0, 0, "cannot write the facts as YAML");
        goto done;
    }
    paths = kg_layout_paths(doc->tree, text, len, &n_lines);
    if (scan_comments(text, len, paths, &s) < 0) {
        kg_diag_error(d, name, 0, 0, "cannot read the file's comments (is it YAML?)");
        goto done;
    }
    {
        kg_diag ed = KG_DIAG_INIT;
        kg_node *etree = kg_yaml_parse("-", e.ptr, e.len, &ed);
        walk(etree, "", &ea);
        kg_node_free(etree);
        kg_diag_free(&ed);
    }
    if (apply(e.ptr, e.len, &ea, &s, &res, info) < 0 || canonical(res.ptr, res.len, &back) < 0 ||
        back.len != e.len || memcmp(back.ptr, e.ptr, e.len) != 0) {
        kg_diag_error(d, name, 0, 0,
                      "cannot keep the comments without changing the data (a bug in kg; "
                      "please report it with the file); the file is left as it was");
        goto done;
    }
    kg_buf_add(out, res.ptr, res.len);
    rc = 0;
done:
    for (size_t i = 0; i < s.n; i++)
        free(s.v[i].text);
    free(s.v);
    kg_layout_paths_free(paths, n_lines);
    anchors_free(&ea);
    kg_buf_free(&e);
    kg_buf_free(&back);
    kg_buf_free(&res);
    return rc;
}

