/* tag.c - the tagger's driver: runs the time, figure and actor finders on
 * a kg_text, sorts their mentions, and writes them as JSON Lines. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kg/tag.h"
#include "tagint.h"

void kg_mentions_reset(kg_mentions *m)
{
    for (size_t i = 0; i < m->n_pool; i++)
        free(m->pool[i]);
    m->n_pool = 0;
    m->n = 0;
}

void kg_mentions_free(kg_mentions *m)
{
    if (!m)
        return;
    kg_mentions_reset(m);
    free(m->pool);
    free(m->v);
    memset(m, 0, sizeof *m);
}

kg_mention *kg_tctx_add(kg_tctx *c, kg_mention_kind kind, size_t ns, size_t ne)
{
    kg_mentions *m = c->out;
    KG_VEC_PUSH(m->v, m->n, m->cap);
    kg_mention *x = &m->v[m->n++];
    memset(x, 0, sizeof *x);
    x->kind = kind;
    x->nstart = ns;
    x->nend = ne;
    x->start = kg_text_src_offset(c->t, ns);
    x->end = kg_text_src_offset(c->t, ne);
    return x;
}

const char *kg_tctx_str(kg_tctx *c, const char *s, size_t n)
{
    kg_mentions *m = c->out;
    KG_VEC_PUSH(m->pool, m->n_pool, m->cap_pool);
    char *p = kg_xstrndup(s, n);
    m->pool[m->n_pool++] = p;
    return p;
}

int kg_tctx_taken(const kg_tctx *c, size_t a, size_t b)
{
    for (size_t i = 0; i + 1 < c->n_taken; i += 2)
        if (c->taken[i] < b && a < c->taken[i + 1])
            return 1;
    return 0;
}

static int mention_cmp(const void *a, const void *b)
{
    const kg_mention *x = a, *y = b;
    if (x->nstart != y->nstart)
        return x->nstart < y->nstart ? -1 : 1;
    if (x->nend != y->nend)
        return x->nend > y->nend ? -1 : 1;
    return (int)x->kind - (int)y->kind;
}

int kg_tag_text(const kg_lexicon *lx, const kg_text *t, const kg_tag_opts *opts, kg_mentions *out,
                kg_edtf_point *dct_used)
{
    kg_tctx c;
    memset(&c, 0, sizeof c);
    c.lx = lx;
    c.t = t;
    c.s = t->norm;
    c.len = t->norm_len;
    c.out = out;
    c.flags = opts ? opts->flags : 0;
    if (opts && opts->dct.prec != KG_PREC_NONE)
        c.dct = opts->dct;
    else if (t->has_dateline)
        c.dct = t->dateline.a;
    c.dct.approx = 0;
    c.dct.uncertain = 0;
    if (dct_used)
        *dct_used = c.dct;
    size_t first = out->n;
    if (!(c.flags & KG_TAG_NO_TIMES))
        kg_find_times(&c);
    if (!(c.flags & KG_TAG_NO_FIGURES))
        kg_find_figures(&c);
    if (!(c.flags & KG_TAG_NO_ACTORS))
        kg_find_actors(&c);
    free(c.taken);
    /* each finder works left to right; their lists are merged by position
     * (figures never overlap times, which claim their ranges first) */
    if (out->n - first > 1)
        qsort(out->v + first, out->n - first, sizeof *out->v, mention_cmp);
    return 0;
}

void kg_json_escape(kg_buf *out, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && (unsigned char)s[j] >= 0x20 && s[j] != '"' && s[j] != '\\' && s[j] != 0x7f)
            j++;
        if (j > i)
            kg_buf_add(out, s + i, j - i);
        if (j >= n)
            break;
        unsigned char c = (unsigned char)s[j];
        switch (c) {
        case '"': kg_buf_add(out, "\\\"", 2); break;
        case '\\': kg_buf_add(out, "\\\\", 2); break;
        case '\n': kg_buf_add(out, "\\n", 2); break;
        case '\r': kg_buf_add(out, "\\r", 2); break;
        case '\t': kg_buf_add(out, "\\t", 2); break;
        case '\b': kg_buf_add(out, "\\b", 2); break;
        case '\f': kg_buf_add(out, "\\f", 2); break;
        default: {
            char u[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };
            kg_buf_add(out, u, 6);
        }
        }
        i = j + 1;
    }
}

static void put_str(kg_buf *out, const char *key, const char *s, size_t n)
{
    kg_buf_putc(out, '"');
    kg_buf_puts(out, key);
    kg_buf_add(out, "\":\"", 3);
    kg_json_escape(out, s, n);
    kg_buf_putc(out, '"');
}

static void put_num(kg_buf *out, double v)
{
    if (!isfinite(v)) {
        kg_buf_puts(out, "null");
        return;
    }
    if (fabs(v) < 9e15 && v == floor(v)) {
        kg_buf_printf(out, "%.0f", v);
        return;
    }
    char b[40];
    snprintf(b, sizeof b, "%.10g", v);
    kg_buf_puts(out, b);
}

static const char *const approx_names[] = { "exact", "about", "over", "under" };

static void put_offsets(kg_buf *out, size_t a, size_t b)
{
    char tmp[64];
    char *p = tmp + sizeof tmp;
    size_t v = b;
    do {
        *--p = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    static const char e[] = ",\"end\":";
    p -= sizeof e - 1;
    memcpy(p, e, sizeof e - 1);
    v = a;
    do {
        *--p = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    static const char st[] = ",\"start\":";
    p -= sizeof st - 1;
    memcpy(p, st, sizeof st - 1);
    kg_buf_add(out, p, (size_t)(tmp + sizeof tmp - p));
}

void kg_mention_json(const kg_mention *m, const kg_text *t, kg_buf *out)
{
    const char *text = t->norm + m->nstart;
    size_t tn = m->nend - m->nstart;
    kg_buf_putc(out, '{');
    switch (m->kind) {
    case KG_MENTION_ACTOR:
        kg_buf_puts(out, "\"kind\":\"actor\",");
        put_str(out, "id", m->id ? m->id : "", m->id ? strlen(m->id) : 0);
        kg_buf_putc(out, ',');
        put_str(out, "name", m->name ? m->name : "", m->name ? strlen(m->name) : 0);
        kg_buf_putc(out, ',');
        put_str(out, "text", text, tn);
        put_offsets(out, m->start, m->end);
        if (m->type) {
            kg_buf_putc(out, ',');
            put_str(out, "type", m->type, strlen(m->type));
        }
        if (m->how) {
            kg_buf_putc(out, ',');
            put_str(out, "how", m->how, strlen(m->how));
        }
        break;
    case KG_MENTION_TIME:
        kg_buf_puts(out, "\"kind\":\"time\",");
        put_str(out, "text", text, tn);
        put_offsets(out, m->start, m->end);
        kg_buf_puts(out, ",\"value\":");
        if (m->value[0]) {
            kg_buf_putc(out, '"');
            kg_json_escape(out, m->value, strlen(m->value));
            kg_buf_putc(out, '"');
        } else
            kg_buf_puts(out, "null");
        break;
    case KG_MENTION_FIGURE:
        kg_buf_puts(out, "\"kind\":\"figure\",");
        put_str(out, "text", text, tn);
        put_offsets(out, m->start, m->end);
        kg_buf_puts(out, ",\"value\":");
        if (m->is_range) {
            kg_buf_putc(out, '[');
            put_num(out, m->num);
            kg_buf_putc(out, ',');
            put_num(out, m->num_max);
            kg_buf_putc(out, ']');
        } else
            put_num(out, m->num);
        kg_buf_putc(out, ',');
        put_str(out, "unit", m->unit ? m->unit : "", m->unit ? strlen(m->unit) : 0);
        if (m->counter) {
            kg_buf_putc(out, ',');
            put_str(out, "counter", m->counter, strlen(m->counter));
        }
        kg_buf_printf(out, ",\"approx\":\"%s\"", approx_names[m->approx & 3]);
        break;
    }
    kg_buf_putc(out, '}');
}

int kg_dct_parse(const char *s, kg_edtf_point *p)
{
    memset(p, 0, sizeof *p);
    int y = 0, m = 0, d = 0, n = 0;
    size_t len = strlen(s);
    if (len == 4 && sscanf(s, "%4d%n", &y, &n) == 1 && n == 4) {
        p->year = y;
        p->prec = KG_PREC_YEAR;
        return 0;
    }
    if (len == 7 && sscanf(s, "%4d-%2d%n", &y, &m, &n) == 2 && n == 7 && m >= 1 && m <= 12) {
        p->year = y;
        p->month = m;
        p->prec = KG_PREC_MONTH;
        return 0;
    }
    if (len == 10 && sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) == 3 && n == 10 && m >= 1 && m <= 12 && d >= 1 &&
        d <= kg_tag_mdays(y, m)) {
        p->year = y;
        p->month = m;
        p->day = d;
        p->prec = KG_PREC_DAY;
        return 0;
    }
    return -1;
}
