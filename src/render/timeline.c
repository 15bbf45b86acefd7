/* timeline.c - `kg timeline`: the dated timeline (kg_render_timeline).
 *
 * kg places every node and routes every arrow itself and hands Graphviz
 * pinned positions (pos="x,y!" on nodes, pos="e,..." on edges,
 * layout=nop2, notranslate=true): Graphviz measures and draws the text,
 * but the geometry is ours, so that
 *   - the time axis is proportional (x is a linear function of the day);
 *   - a day is a dot, a month or a year a bar over it, an interval a bar,
 *     an open interval an arrow-shaped bar fading toward its open end,
 *     an approximate date is dashed, an uncertain one carries a "?";
 *   - events in one lane that would collide are stacked in rows, using an
 *     upper estimate of each label's width (kg_text_width), so labels
 *     never overlap;
 *   - an event without a date that responds to, is caused by or is part
 *     of a dated one is drawn at that one's date, marked "date inferred"
 *     (dashed outline, class inferred, said in its tooltip);
 *   - other events without a date go into an "undated" box below the lanes;
 *   - the axis ticks follow the span (days, weeks, months, quarters, half
 *     years, years), a label's width apart;
 *   - no line crosses a label: grid lines break around labels, and arrows
 *     run in the free band below each row's marks and in columns clear of
 *     every label (route);
 *   - a legend lists what the picture holds, drawn from the style.
 * Coordinates are computed top-down in points and flipped for Graphviz,
 * whose y axis points up. */
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/hmap.h"
#include "render/render_int.h"

#define NONE ((size_t)-1)
/* kg_edtf_bounds marks open ends with the extremes of int (or long) */
#define OPEN_START(day) ((day) <= (long)INT_MIN)
#define OPEN_END(day) ((day) >= (long)INT_MAX)

/* geometry, in points */
#define MARGIN 10.0      /* around everything */
#define AXIS_Y 34.0      /* the axis line, below the tick labels */
#define LANE_PAD 8.0     /* above the first and below the last row */
#define GAP 10.0         /* least room between two labels in a row */
#define DOT 9.0          /* diameter of a day's dot */
#define BAR 8.0          /* height of a bar */
#define MIN_BAR 4.0      /* least width of a bar */
#define UNDATED_ROW 22.0
#define LINE_CLEAR 2.0   /* least room between a label and a line */
#define LANE_LABEL_H (13 * 1.3 + 14)

struct item {
    size_t node;          /* index into view.nodes */
    int dated;
    long first, last;     /* days, clamped to the axis */
    int open_start, open_end, approx, uncertain, point;
    double x0, x1;        /* the mark */
    double lx, lw, lh;    /* the label's left edge, width, height */
    double cw;            /* the width lines and other labels keep clear
                           * of: lw, or more by kg_text_rough_width */
    double ext0, ext1;    /* what the item occupies in its row */
    size_t lane, row;
    double y;             /* top of its row (top-down) */
    char *label;          /* HTML */
};

struct lane {
    char *key;
    const char *name;
    size_t n, rows;
    double *row_end;      /* right end of what each row holds so far */
    double top, height;
};

/* A stretch of the time axis. A long stretch without events (a quarter of
 * the whole span and more than two years) is cut out and drawn as a
 * break, so that a lone event decades away does not squeeze the rest into
 * a corner; within a segment the axis is proportional. */
struct seg {
    long lo, hi;          /* [lo, hi) days */
    double x0, w;         /* where it is drawn */
};

#define BREAK_W 28.0      /* width of a break in the axis */

/* A rectangle, top-down: what an arrow or a grid line must not cross. */
struct rect {
    double x0, y0, x1, y1;
};

/* An event's mark, and the item it is. */
struct mark {
    struct rect r;
    size_t item;
};

struct tl {
    const kg_render_opts *o;
    const kg_style *style;
    kg_view view;
    kg_hmap node_ix;      /* view node id → index+1 */
    struct item *items;
    size_t n_items;
    struct lane *lanes;
    size_t n_lanes, cap_lanes;
    kg_hmap lane_ix;      /* key → index+1 */
    long lo, hi;          /* axis: [lo, hi) days, all segments */
    double x0, width;     /* where the axis starts, its length */
    struct seg *segs;
    size_t n_segs;
    double row_h, fs;
    size_t title_chars;
    double bottom;        /* lowest y used (top-down) */
    double right;         /* rightmost x used */
    double name_w;        /* width of the lane names' column */
    double lanes_bottom;  /* y below the last lane */
    double full_w;        /* width of the lane bands */
    size_t n_dated;       /* dated items (first in items once sorted) */
    size_t *inferred;     /* per view node: 1 + the node its date is
                           * inferred from, 0 if none */
    const char **inferred_rel; /* per view node: the relation it follows */
    struct tick *ticks;   /* the axis's ticks */
    size_t n_ticks;
    struct rect *boxes;   /* the labels in the lanes (set_label_boxes) */
    size_t n_boxes;
    size_t *item_of;      /* per view node: 1 + its item, 0 if none */
    struct mark *marks;   /* the dated items' marks, left to right */
    size_t n_arrows;      /* arrows drawn */
    unsigned rel_drawn;   /* bit r: an arrow of kg_relation_types[r] */
    Agraph_t *g;
    kg_buf b;
    kg_buf num;           /* pinned's attribute values */
};

/* x of a day: linear within a segment, and across a break. */
static double xday(const struct tl *t, double day)
{
    size_t i = 0;
    while (i + 1 < t->n_segs && day >= (double)t->segs[i].hi)
        i++;
    const struct seg *s = &t->segs[i];
    if (i > 0 && day < (double)s->lo) { /* inside the break before s */
        const struct seg *p = &t->segs[i - 1];
        return p->x0 + p->w + (day - (double)p->hi) / (double)(s->lo - p->hi) * BREAK_W;
    }
    return s->x0 + (day - (double)s->lo) * s->w / (double)(s->hi - s->lo);
}

/* ---- lanes ---- */

static const kg_vnode *actor_node(const struct tl *t, const char *id)
{
    size_t ix = (size_t)kg_hmap_get(&t->node_ix, id);
    return ix && t->view.nodes[ix - 1].kind == KG_V_ACTOR ? &t->view.nodes[ix - 1] : NULL;
}

/* The top of an actor's part_of chain (a cycle stops after 64 steps). */
static const kg_vnode *top_of(const struct tl *t, const char *id)
{
    const kg_vnode *a = actor_node(t, id);
    for (int i = 0; a && a->part_of && i < 64; i++) {
        const kg_vnode *up = actor_node(t, a->part_of);
        if (!up)
            break;
        a = up;
    }
    return a;
}

/* The lane an event belongs to: its key and its name. By country: the
 * country of the first agent that has one (kg_vnode.country: the top of
 * its part_of chain if that is a country, else its `country` key, also
 * inherited through part_of); else the top part_of ancestor of the first
 * agent when that top is not defined (has no type); events without one
 * share the lane "기타". */
static void lane_of(const struct tl *t, const kg_vnode *n, const char **key, const char **name)
{
    *key = "";
    *name = "기타";
    if (t->o->lanes == KG_LANES_TYPE) {
        const char *type = n->recs[0].ev->type;
        char kind[64];
        *key = type && kg_in_list(kg_event_types, type) ? type : "other";
        /* named by the style (its code stays in the tooltip) */
        snprintf(kind, sizeof kind, "event.%s", *key);
        *name = kg_style_name(t->style, kind, *key);
        return;
    }
    const kg_strv *who = n->agents.n ? &n->agents : &n->targets;
    if (!who->n)
        return;
    if (t->o->lanes == KG_LANES_ACTOR) {
        const kg_vnode *a = actor_node(t, who->v[0]);
        *key = who->v[0];
        *name = a && a->name ? a->name : *key;
        return;
    }
    if (n->country) {
        *key = n->country;
        *name = n->country_name ? n->country_name : n->country;
        return;
    }
    if (n->agents.n) {
        const kg_vnode *top = top_of(t, n->agents.v[0]);
        if (top && !top->type) {
            *key = top->id;
            *name = top->name ? top->name : top->id;
        }
    }
}

static size_t lane_get(struct tl *t, const char *key, const char *name)
{
    size_t ix = (size_t)kg_hmap_get(&t->lane_ix, key);
    if (ix)
        return ix - 1;
    KG_VEC_PUSH(t->lanes, t->n_lanes, t->cap_lanes);
    struct lane *l = &t->lanes[t->n_lanes];
    memset(l, 0, sizeof *l);
    l->key = kg_xstrdup(key);
    l->name = name;
    t->n_lanes++;
    /* the keys move when lanes grow: index the copies, rebuilt below */
    kg_hmap_free(&t->lane_ix);
    for (size_t i = 0; i < t->n_lanes; i++)
        kg_hmap_put(&t->lane_ix, t->lanes[i].key, (void *)(i + 1));
    return t->n_lanes - 1;
}

static int cmp_lane(const void *pa, const void *pb)
{
    const struct lane *a = pa, *b = pb;
    if (!*a->key != !*b->key) /* the lane without an actor comes last */
        return !*a->key ? 1 : -1;
    if (a->n != b->n)
        return a->n > b->n ? -1 : 1;
    return strcmp(a->key, b->key);
}

/* ---- axis ---- */

struct span {
    long a, z;
};

static int cmp_span(const void *pa, const void *pb)
{
    const struct span *a = pa, *b = pb;
    return a->a < b->a ? -1 : a->a > b->a;
}

/* Works out the axis: the days the dated events cover, cut into segments
 * at long empty stretches, each padded a little and given a share of the
 * width in proportion to its length. */
static void axis_range(struct tl *t)
{
    struct span *v = kg_xmalloc((t->n_items ? t->n_items : 1) * sizeof *v);
    size_t n = 0;
    for (size_t i = 0; i < t->n_items; i++) {
        const kg_vnode *nd = &t->view.nodes[t->items[i].node];
        if (!t->items[i].dated)
            continue;
        if (OPEN_START(nd->first) && OPEN_END(nd->last))
            continue;
        long a = !OPEN_START(nd->first) ? nd->first : nd->last;
        long z = !OPEN_END(nd->last) ? nd->last + 1 : nd->first + 1;
        v[n].a = a, v[n].z = z;
        n++;
    }
    t->segs = kg_xcalloc(n ? n : 1, sizeof *t->segs);
    if (n == 0) { /* nothing dated: no axis is drawn */
        t->segs[0].lo = 0, t->segs[0].hi = 365;
        t->n_segs = 1;
    } else {
        qsort(v, n, sizeof *v, cmp_span);
        long lo = v[0].a, hi = v[0].z;
        for (size_t i = 1; i < n; i++)
            if (v[i].z > hi)
                hi = v[i].z;
        long total = hi - lo;
        long cut = total / 4 > 730 ? total / 4 : 730;
        struct seg *cur = &t->segs[0];
        cur->lo = v[0].a, cur->hi = v[0].z;
        t->n_segs = 1;
        for (size_t i = 1; i < n; i++) {
            if (v[i].a - cur->hi > cut) {
                cur = &t->segs[t->n_segs++];
                cur->lo = v[i].a, cur->hi = v[i].z;
            } else if (v[i].z > cur->hi) {
                cur->hi = v[i].z;
            }
        }
    }
    free(v);
    /* pad each segment; a short one is widened to at least 30 days */
    long sum = 0;
    for (size_t i = 0; i < t->n_segs; i++) {
        struct seg *sg = &t->segs[i];
        long span = sg->hi - sg->lo;
        if (span < 30) {
            sg->lo -= (30 - span) / 2;
            sg->hi = sg->lo + 30;
            span = 30;
        }
        long pad = span / 30 > 3 ? span / 30 : 3;
        sg->lo -= pad;
        sg->hi += pad;
        sum += sg->hi - sg->lo;
    }
    /* widths: proportional, but none narrower than 70 points */
    double room = t->width - BREAK_W * (double)(t->n_segs - 1);
    double x = t->x0;
    for (size_t i = 0; i < t->n_segs; i++) {
        struct seg *sg = &t->segs[i];
        sg->w = room * (double)(sg->hi - sg->lo) / (double)sum;
        if (sg->w < 70)
            sg->w = 70;
    }
    double got = 0;
    for (size_t i = 0; i < t->n_segs; i++)
        got += t->segs[i].w;
    for (size_t i = 0; i < t->n_segs; i++) {
        struct seg *sg = &t->segs[i];
        sg->w *= room / got;
        sg->x0 = x;
        x += sg->w + BREAK_W;
    }
    t->lo = t->segs[0].lo;
    t->hi = t->segs[t->n_segs - 1].hi;
}

struct tick {
    long day;
    int major;            /* a major tick: bigger label, darker grid line */
    int prio;             /* 0 first of a segment or a year, 1 a month among
                           * days, 2 the rest: who keeps its place first */
    char id[48];
    char text[64];
    double x, w, fs;      /* centre, label width and font size */
    double cw;            /* the room its label keeps */
};

/* The steps the ticks can take, finest first. */
enum unit { U_DAY, U_WEEK, U_MONTH, U_YEAR };
static const struct step {
    enum unit unit;
    int n;
    double days;          /* its mean length */
} steps[] = {
    { U_DAY, 1, 1 },       { U_DAY, 2, 2 },        { U_WEEK, 1, 7 },       { U_MONTH, 1, 30.44 },
    { U_MONTH, 3, 91.31 }, { U_MONTH, 6, 182.6 },  { U_YEAR, 1, 365.25 },  { U_YEAR, 2, 730.5 },
    { U_YEAR, 5, 1826 },   { U_YEAR, 10, 3652 },   { U_YEAR, 20, 7305 },   { U_YEAR, 50, 18262 },
    { U_YEAR, 100, 36525 }, { U_YEAR, 200, 73050 }, { U_YEAR, 500, 182625 }, { U_YEAR, 1000, 365250 },
};

/* Least room between two ticks, in points: a label and some air. Finer
 * ticks than this are a wall of lines, not a scale. */
#define TICK_SPACE 56.0
#define TICK_GAP 8.0       /* least room between two tick labels */

static void add_tick(struct tick **v, size_t *n, size_t *cap, long day, int major, int prio,
                     const char *id, const char *text)
{
    KG_VEC_PUSH(*v, *n, *cap);
    struct tick *k = &(*v)[(*n)++];
    memset(k, 0, sizeof *k);
    k->day = day;
    k->major = major;
    k->prio = prio;
    snprintf(k->id, sizeof k->id, "%s", id);
    snprintf(k->text, sizeof k->text, "%s", text);
}

/* The ticks of one segment: the coarsest step that is still at least
 * TICK_SPACE apart decides days, weeks (Mondays), months, quarters, half
 * years or years. The first tick of a segment says the year (and month)
 * it is in; later ones only what changed. Labels that would still touch
 * are removed afterwards (drop_crowded_ticks). */
static void choose_ticks(const struct seg *sg, struct tick **pv, size_t *count, size_t *pcap)
{
    double per_day = sg->w / (double)(sg->hi - sg->lo);
    size_t k = 0, n_steps = sizeof steps / sizeof *steps;
    while (k + 1 < n_steps && steps[k].days * per_day < TICK_SPACE)
        k++;
    const struct step *st = &steps[k];
    struct tick *v = *pv;
    size_t n = *count, cap = *pcap, n_before = *count;
    char id[48], text[64];
    for (long day = sg->lo; day < sg->hi; day++) {
        int y, m, d;
        kg_civil_from_days(day, &y, &m, &d);
        int first = n == n_before;
        int jan1 = m == 1 && d == 1, mstart = d == 1;
        int on = 0, major = 0, prio = 2;
        switch (st->unit) {
        case U_YEAR:
            on = jan1 && y % st->n == 0;
            major = 1;
            prio = 0;
            break;
        case U_MONTH:
            on = mstart && (m - 1) % st->n == 0;
            major = jan1;
            prio = jan1 ? 0 : 2;
            break;
        case U_WEEK:
        case U_DAY:
            on = mstart || (st->unit == U_WEEK ? (day % 7 + 7) % 7 == 4 /* a Monday */
                                               : (d - 1) % st->n == 0);
            major = mstart;
            prio = jan1 ? 0 : mstart ? 1 : 2;
            break;
        }
        if (!on) {
            /* nothing before the next candidate: skip ahead */
            if (st->unit == U_YEAR && !(m == 1 && d == 1))
                day = kg_days_from_civil(y + 1, 1, 1) - 1;
            else if (st->unit == U_MONTH && d != 1)
                day = kg_days_from_civil(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) - 1;
            continue;
        }
        if (st->unit == U_YEAR || (st->unit == U_MONTH && jan1))
            snprintf(text, sizeof text, "%d년", y);
        else if (first && st->unit == U_MONTH)
            snprintf(text, sizeof text, "%d년 %d월", y, m);
        else if (first)
            snprintf(text, sizeof text, "%d년 %d월 %d일", y, m, d);
        else if (jan1)
            snprintf(text, sizeof text, "%d년 1월", y);
        else if (mstart)
            snprintf(text, sizeof text, "%d월", m);
        else
            snprintf(text, sizeof text, "%d일", d);
        if (jan1)
            snprintf(id, sizeof id, "%04d", y);
        else if (mstart)
            snprintf(id, sizeof id, "%04d-%02d", y, m);
        else
            snprintf(id, sizeof id, "%04d-%02d-%02d", y, m, d);
        add_tick(&v, &n, &cap, day, major || first, first ? 0 : prio, id, text);
    }
    /* a segment without a tick (narrower than a step) still says where
     * it is: a tick at its middle */
    if (n == n_before) {
        long mid = sg->lo + (sg->hi - sg->lo) / 2;
        int y, m, d;
        kg_civil_from_days(mid, &y, &m, &d);
        snprintf(id, sizeof id, "%04d-%02d-%02d", y, m, d);
        snprintf(text, sizeof text, "%d년 %d월", y, m);
        add_tick(&v, &n, &cap, mid, 1, 0, id, text);
    }
    *pv = v;
    *count = n;
    *pcap = cap;
}

static int cmp_tick_prio(const void *pa, const void *pb)
{
    const struct tick *a = pa, *b = pb;
    if (a->prio != b->prio)
        return a->prio < b->prio ? -1 : 1;
    return a->day < b->day ? -1 : a->day > b->day;
}

static int cmp_tick_day(const void *pa, const void *pb)
{
    const struct tick *a = pa, *b = pb;
    return a->day < b->day ? -1 : a->day > b->day;
}

/* ---- nodes ---- */

/* Appends n points "x,y x,y ..." (xy: x0, y0, x1, y1 ...), two
 * decimals each, as "%.2f,%.2f" would. */
static void put_points(kg_buf *b, const double *xy, int n)
{
    for (int i = 0; i < n; i++) {
        if (i)
            kg_buf_putc(b, ' ');
        kg_buf_fixed(b, xy[2 * i], 2);
        kg_buf_putc(b, ',');
        kg_buf_fixed(b, xy[2 * i + 1], 2);
    }
}

static Agnode_t *pinned(struct tl *t, const char *name, double x, double y_down, double w,
                        double h)
{
    Agnode_t *n = agnode(t->g, (char *)name, 1);
    kg_buf *b = &t->num; /* (as "%.2f,%.2f!", "%.4f": kg_buf_fixed) */
    kg_buf_reset(b);
    kg_buf_fixed(b, x, 2);
    kg_buf_putc(b, ',');
    kg_buf_fixed(b, -y_down, 2);
    kg_buf_putc(b, '!');
    kg_gv_set(n, "pos", b->ptr);
    kg_buf_reset(b);
    kg_buf_fixed(b, w / 72.0, 4);
    kg_gv_set(n, "width", b->ptr);
    kg_buf_reset(b);
    kg_buf_fixed(b, h / 72.0, 4);
    kg_gv_set(n, "height", b->ptr);
    return n;
}

static void set_ids(struct tl *t, void *obj, const char *id, const char *cls)
{
    kg_buf_reset(&t->b);
    kg_buf_printf(&t->b, "%s%s", t->o->id_prefix ? t->o->id_prefix : "", id);
    kg_gv_set(obj, "id", t->b.ptr);
    kg_gv_set(obj, "class", cls);
}

static void set_tooltip(void *obj, const char *text)
{
    kg_buf b = KG_BUF_INIT;
    kg_gv_tooltip(&b, text);
    kg_gv_set(obj, "tooltip", b.ptr);
    kg_buf_free(&b);
}

static void style2(const struct tl *t, void *obj, const char *kind, const char *sub)
{
    kg_buf b = KG_BUF_INIT;
    kg_style_apply(t->style, obj, kind);
    if (sub) {
        kg_buf_printf(&b, "%s.%s", kind, sub);
        kg_style_apply(t->style, obj, b.ptr);
    }
    kg_buf_free(&b);
}

static const char *event_type(const kg_vnode *n)
{
    const char *type = n->recs[0].ev->type;
    return type && kg_in_list(kg_event_types, type) ? type : "other";
}

/* The label of an event: its date (small, grey) and title, and a "?" for
 * an uncertain date. Fills the width estimate. */
static void make_label(struct tl *t, struct item *it, const kg_vnode *n)
{
    const kg_event *ev = n->recs[0].ev;
    kg_buf html = KG_BUF_INIT, date = KG_BUF_INIT, title = KG_BUF_INIT;
    double w = 0, rough = 0;
    if (it->dated) {
        kg_date_text(&date, n->date);
        if (t->inferred[it->node]) /* not the event's own date */
            kg_buf_puts(&date, " 추정");
        kg_buf_puts(&html, "<FONT POINT-SIZE=\"8\" COLOR=\"#666666\">");
        kg_gv_html(&html, date.ptr, 0);
        kg_buf_puts(&html, "</FONT> ");
        w += kg_text_width(date.ptr, 8) + kg_text_width(" ", t->fs);
        rough += kg_text_rough_width(date.ptr, 8) + kg_text_rough_width(" ", t->fs);
    }
    /* the estimate is taken of the text as drawn: cleaned and cut */
    const char *text = ev->title && *ev->title ? ev->title : n->id;
    kg_utf8_clean(&title, text, strlen(text));
    size_t cut = kg_utf8_prefix(title.ptr, t->title_chars);
    if (cut < title.len) {
        title.len = kg_utf8_prefix(title.ptr, t->title_chars - 1);
        title.ptr[title.len] = '\0';
        kg_buf_puts(&title, "\xE2\x80\xA6");
    }
    for (char *p = title.ptr; *p; p++)
        if (*p == '\n')
            *p = ' ';
    kg_gv_html(&html, title.ptr, 0);
    w += kg_text_width(title.ptr, t->fs);
    rough += kg_text_rough_width(title.ptr, t->fs);
    if (it->uncertain) {
        kg_buf_puts(&html, " <FONT COLOR=\"#c0392b\"><B>?</B></FONT>");
        w += kg_text_width(" ?", t->fs) + 1;
        rough += kg_text_rough_width(" ?", t->fs);
    }
    it->label = kg_buf_detach(&html, NULL);
    it->lw = ceil(w);
    /* Graphviz centres the text in lw: it may start a little right of lx */
    it->cw = ceil(fmax(it->lw, rough + 0.03 * it->lw + 3));
    it->lh = ceil(t->fs * 1.3 + 2);
    kg_buf_free(&date);
    kg_buf_free(&title);
}

/* What kind of date an event has (before its label is made). */
static void date_kind(struct item *it, const kg_vnode *n)
{
    const kg_edtf *e = &n->date->edtf;
    it->open_start = OPEN_START(n->first);
    it->open_end = OPEN_END(n->last);
    it->approx = e->a.approx || (e->interval && e->b.approx);
    it->uncertain = e->a.uncertain || (e->interval && e->b.uncertain);
    it->point = !e->interval && e->a.prec == KG_PREC_DAY;
}

static void place_dated(struct tl *t, struct item *it, const kg_vnode *n)
{
    it->first = it->open_start ? t->lo : n->first;
    it->last = it->open_end ? t->hi - 1 : n->last;
    double a = xday(t, (double)it->first), z = xday(t, (double)it->last + 1);
    if (it->point) {
        double c = (a + z) / 2;
        a = c - DOT / 2, z = c + DOT / 2;
    } else if (z - a < MIN_BAR) {
        double c = (a + z) / 2;
        a = c - MIN_BAR / 2, z = c + MIN_BAR / 2;
    }
    it->x0 = a, it->x1 = z;
    it->lx = a;
    /* a label that would run far past the axis ends at its mark instead */
    if (it->lx + it->lw > t->x0 + t->width + 60 && it->x1 - it->lw >= t->x0 - 40)
        it->lx = it->x1 - it->lw;
    it->ext0 = fmin(it->x0, it->lx);
    it->ext1 = fmax(it->x1, it->lx + it->cw);
}

static int cmp_item(const void *pa, const void *pb)
{
    const struct item *a = pa, *b = pb;
    if (a->dated != b->dated)
        return a->dated ? -1 : 1;
    if (a->ext0 != b->ext0)
        return a->ext0 < b->ext0 ? -1 : 1;
    return a->node < b->node ? -1 : a->node > b->node;
}

/* Draws an event: its mark centred at (cx, cy) and its label centred at
 * (lcx, lcy), both with the fact's tooltip and link. */
static void draw_event(struct tl *t, struct item *it, const kg_vnode *n, double cx, double cy,
                       double lcx, double lcy)
{
    const char *type = event_type(n);
    double w = it->point || !it->dated ? DOT : it->x1 - it->x0;
    double h = it->point || !it->dated ? DOT : BAR;
    Agnode_t *m = pinned(t, n->id, cx, cy, w, h);
    kg_gv_set(m, "fixedsize", "true");
    kg_gv_set(m, "label", "");
    style2(t, m, "event", type);
    kg_buf cls = KG_BUF_INIT;
    kg_buf_printf(&cls, "event %s", type);
    if (!it->dated) {
        kg_gv_set(m, "shape", "circle");
        kg_gv_set(m, "style", "filled,dotted");
        kg_buf_puts(&cls, " undated");
    } else if (it->point) {
        kg_gv_set(m, "shape", "circle");
        kg_buf_puts(&cls, " day");
    } else {
        kg_gv_set(m, "shape", it->open_end ? "rarrow" : it->open_start ? "larrow" : "box");
        kg_buf_puts(&cls, " span");
    }
    if (it->approx) {
        kg_style_apply(t->style, m, "event.approx");
        kg_buf_puts(&cls, " approx");
    }
    if (it->uncertain)
        kg_buf_puts(&cls, " uncertain");
    size_t from = t->inferred[it->node];
    if (from) {
        if (!kg_style_apply(t->style, m, "event.inferred"))
            kg_gv_set(m, "style", "filled,dashed");
        kg_buf_puts(&cls, " inferred");
    }
    if (it->open_start || it->open_end) {
        /* fade from the type's colour to white toward the open end */
        const char *fill = agget(m, "fillcolor");
        char *f = kg_xstrdup(fill && *fill ? fill : "#888888");
        kg_style_apply(t->style, m, "event.open");
        kg_gv_setf(m, "fillcolor", it->open_end ? "%s:white" : "white:%s", f);
        free(f);
        kg_buf_puts(&cls, " open");
    }
    set_ids(t, m, n->id, cls.ptr);
    kg_buf tip = KG_BUF_INIT;
    if (from) {
        /* its own date is none: say so, then where the place comes from */
        kg_vnode *own = &t->view.nodes[it->node];
        const kg_date *d = own->date;
        own->date = NULL;
        kg_view_describe(&t->view, n, &tip);
        own->date = d;
        const kg_vnode *src = &t->view.nodes[from - 1];
        const kg_event *sev = src->recs[0].ev;
        kg_buf_printf(&tip, "\n날짜 추정 (date inferred): %s ",
                      !strcmp(t->inferred_rel[it->node], "causes") ? "결과 (caused by)"
                      : !strcmp(t->inferred_rel[it->node], "part-of") ? "일부 (part of)"
                                                                      : "대응 (responds to)");
        kg_buf_puts(&tip, sev->title && *sev->title ? sev->title : src->id);
        kg_buf_puts(&tip, ", ");
        kg_date_text(&tip, d);
    } else {
        kg_view_describe(&t->view, n, &tip);
    }
    set_tooltip(m, tip.ptr);
    kg_buf url = KG_BUF_INIT;
    if (kg_gv_url(&url, kg_view_url(n)) == 0) {
        kg_gv_set(m, "URL", url.ptr);
        kg_gv_set(m, "target", "_blank");
    }
    /* the label: same tooltip and link */
    kg_buf name = KG_BUF_INIT;
    kg_buf_printf(&name, "%s.label", n->id);
    Agnode_t *l = pinned(t, name.ptr, lcx, lcy, it->lw, it->lh);
    kg_style_apply(t->style, l, "label");
    if (it->uncertain)
        kg_style_apply(t->style, l, "label.uncertain");
    kg_gv_set(l, "margin", "0");
    kg_gv_set_html(l, "label", it->label);
    kg_buf_reset(&cls);
    kg_buf_printf(&cls, "label %s", type);
    set_ids(t, l, name.ptr, cls.ptr);
    set_tooltip(l, tip.ptr);
    if (url.len) {
        kg_gv_set(l, "URL", url.ptr);
        kg_gv_set(l, "target", "_blank");
    }
    if (it->lx + it->lw > t->right)
        t->right = it->lx + it->lw;
    kg_buf_free(&name);
    kg_buf_free(&url);
    kg_buf_free(&tip);
    kg_buf_free(&cls);
}

static void plain_node(struct tl *t, const char *name, const char *kind, const char *sub,
                       const char *cls, const char *html, double x, double y, double w,
                       double h)
{
    Agnode_t *n = pinned(t, name, x, y, w, h);
    if (html) {
        kg_gv_set_html(n, "label", html);
    } else {
        kg_gv_set(n, "label", "");
        kg_gv_set(n, "fixedsize", "true");
    }
    style2(t, n, kind, sub);
    set_ids(t, n, name, cls);
}

/* Sizes from the style: label font size, axis width, row height, title
 * length. */
static void set_metrics(struct tl *t)
{
    const kg_style *style = t->style;
    const char *fsv = kg_style_get(style, "label", "fontsize");
    t->fs = fsv ? atof(fsv) : 0;
    if (t->fs <= 0) {
        const char *def = kg_style_get(style, "event", "fontsize");
        t->fs = def ? atof(def) : 10;
    }
    t->width = kg_style_num(style, "kg_width", 1100);
    if (t->width < 100)
        t->width = 100;
    t->row_h = kg_style_num(style, "kg_row", 34);
    /* a label, its mark and a free band for arrows */
    if (t->row_h < ceil(t->fs * 1.3 + 2) + 2 + DOT + 8)
        t->row_h = ceil(t->fs * 1.3 + 2) + 2 + DOT + 8;
    t->title_chars = (size_t)kg_style_num(style, "kg_title", 42);
    if (t->title_chars < 4)
        t->title_chars = 4;
}

/* Dates for undated events from the dated events they are linked to: a
 * reaction (responds-to) or a part (part-of) is drawn at the date of what
 * it answers or belongs to, an effect (causes) at its cause's. Follows
 * chains (a reaction to a part of a dated plan), a few steps deep. The
 * view's node takes the date; t->inferred says where it came from. */
static void infer_dates(struct tl *t)
{
    size_t n = t->view.n_nodes;
    t->inferred = kg_xcalloc(n ? n : 1, sizeof *t->inferred);
    t->inferred_rel = kg_xcalloc(n ? n : 1, sizeof *t->inferred_rel);
    for (int pass = 0, changed = 1; changed && pass < 8; pass++) {
        changed = 0;
        for (size_t i = 0; i < t->view.n_edges; i++) {
            const kg_vedge *e = &t->view.edges[i];
            if (e->kind != KG_E_RELATION || !e->rel)
                continue;
            size_t u, v; /* u undated takes v's date */
            if (!strcmp(e->rel, "responds-to") || !strcmp(e->rel, "part-of"))
                u = e->from, v = e->to;
            else if (!strcmp(e->rel, "causes"))
                u = e->to, v = e->from;
            else
                continue;
            kg_vnode *nu = &t->view.nodes[u];
            const kg_vnode *nv = &t->view.nodes[v];
            if (nu->kind != KG_V_EVENT || nv->kind != KG_V_EVENT || nu->date || !nv->date)
                continue;
            nu->date = nv->date;
            nu->first = nv->first;
            nu->last = nv->last;
            t->inferred[u] = v + 1;
            t->inferred_rel[u] = e->rel;
            changed = 1;
        }
    }
}

/* One item per event, each dated one in its lane; the lanes sorted. */
static void assign_lanes(struct tl *t)
{
    t->items = kg_xcalloc(t->view.n_nodes ? t->view.n_nodes : 1, sizeof *t->items);
    for (size_t i = 0; i < t->view.n_nodes; i++) {
        const kg_vnode *n = &t->view.nodes[i];
        if (n->kind != KG_V_EVENT)
            continue;
        struct item *it = &t->items[t->n_items++];
        it->node = i;
        it->dated = n->date != NULL;
        if (it->dated) {
            const char *key, *name;
            lane_of(t, n, &key, &name);
            it->lane = lane_get(t, key, name);
            t->lanes[it->lane].n++;
        } else {
            it->lane = NONE;
        }
    }
    if (t->n_lanes) /* every event undated: no lanes (qsort wants an array) */
        qsort(t->lanes, t->n_lanes, sizeof *t->lanes, cmp_lane);
    kg_hmap_free(&t->lane_ix);
    for (size_t i = 0; i < t->n_lanes; i++)
        kg_hmap_put(&t->lane_ix, t->lanes[i].key, (void *)(i + 1));
    for (size_t i = 0; i < t->n_items; i++) {
        struct item *it = &t->items[i];
        if (it->dated) {
            const char *key, *name;
            lane_of(t, &t->view.nodes[it->node], &key, &name);
            it->lane = (size_t)kg_hmap_get(&t->lane_ix, key) - 1;
        }
    }
}

/* How many characters of a lane's name fit the left column (at most 24,
 * and at most NAME_MAX_W points however wide they are drawn). */
#define NAME_MAX_W 190.0
static size_t lane_chars(const char *name)
{
    size_t n = 24;
    kg_buf b = KG_BUF_INIT;
    for (;; n--) {
        kg_buf_reset(&b);
        kg_gv_html(&b, name, n); /* as drawn: cut, with an ellipsis */
        if (n <= 4 || kg_text_rough_width(b.ptr, 13) <= NAME_MAX_W)
            break;
    }
    kg_buf_free(&b);
    return n;
}

/* The left column (lane names), the axis, and each item's label and
 * place on it; the items sorted, dated ones first. */
static void place_items(struct tl *t)
{
    t->name_w = 60;
    for (size_t i = 0; i < t->n_lanes; i++) {
        /* centred, and room for the name however wide it is drawn */
        kg_buf cut = KG_BUF_INIT;
        kg_gv_html(&cut, t->lanes[i].name, lane_chars(t->lanes[i].name));
        double w = kg_text_width(cut.ptr, 13);
        w = fmax(w, 2 * kg_text_rough_width(cut.ptr, 13) - w + 4);
        kg_buf_free(&cut);
        if (w > t->name_w)
            t->name_w = w;
    }
    if (t->name_w > 2 * NAME_MAX_W)
        t->name_w = 2 * NAME_MAX_W;
    t->x0 = MARGIN + t->name_w + 24;
    t->right = t->x0 + t->width;
    axis_range(t);

    for (size_t i = 0; i < t->n_items; i++) {
        struct item *it = &t->items[i];
        if (it->dated)
            date_kind(it, &t->view.nodes[it->node]);
        make_label(t, it, &t->view.nodes[it->node]);
        if (it->dated)
            place_dated(t, it, &t->view.nodes[it->node]);
    }
    qsort(t->items, t->n_items, sizeof *t->items, cmp_item);
    for (size_t i = 0; i < t->n_items; i++)
        t->n_dated += t->items[i].dated;
}

/* Stacks the dated items (each takes the first row of its lane it fits
 * in), then the lanes top-down; sets lanes_bottom, right and full_w. */
static void stack_rows(struct tl *t)
{
    for (size_t i = 0; i < t->n_items; i++) {
        struct item *it = &t->items[i];
        if (!it->dated)
            continue;
        struct lane *l = &t->lanes[it->lane];
        size_t r = 0;
        while (r < l->rows && l->row_end[r] + GAP > it->ext0)
            r++;
        if (r == l->rows) {
            l->row_end = kg_xrealloc(l->row_end, (l->rows + 1) * sizeof *l->row_end);
            l->rows++;
        }
        l->row_end[r] = it->ext1;
        it->row = r;
    }
    double y = AXIS_Y + 4;
    for (size_t i = 0; i < t->n_lanes; i++) {
        struct lane *l = &t->lanes[i];
        l->top = y;
        l->height = (double)(l->rows ? l->rows : 1) * t->row_h + 2 * LANE_PAD;
        y += l->height;
    }
    t->lanes_bottom = y;
    if (t->right < t->x0 + t->width)
        t->right = t->x0 + t->width;
    for (size_t i = 0; i < t->n_items; i++)
        if (t->items[i].dated && t->items[i].ext1 > t->right)
            t->right = t->items[i].ext1;
    t->full_w = t->right + MARGIN - MARGIN;
}

static int cmp_rect(const void *pa, const void *pb)
{
    const struct rect *a = pa, *b = pb; /* also the first member of a mark */
    return a->x0 < b->x0 ? -1 : a->x0 > b->x0;
}

/* Each dated item's row top, and the boxes of the labels in the lanes
 * (events' and lanes'), which lines must not cross. */
static void set_label_boxes(struct tl *t)
{
    t->boxes = kg_xcalloc(t->n_items + t->n_lanes + 1, sizeof *t->boxes);
    t->item_of = kg_xcalloc(t->view.n_nodes + 1, sizeof *t->item_of);
    for (size_t i = 0; i < t->n_items; i++) {
        struct item *it = &t->items[i];
        t->item_of[it->node] = i + 1;
        if (!it->dated)
            continue;
        const struct lane *l = &t->lanes[it->lane];
        it->y = l->top + LANE_PAD + (double)it->row * t->row_h;
        struct rect *r = &t->boxes[t->n_boxes++];
        r->x0 = it->lx, r->x1 = it->lx + it->cw, r->y0 = it->y, r->y1 = it->y + it->lh;
    }
    for (size_t i = 0; i < t->n_lanes; i++) {
        const struct lane *l = &t->lanes[i];
        double h = LANE_LABEL_H, cy = l->top + l->height / 2;
        struct rect *r = &t->boxes[t->n_boxes++];
        r->x0 = MARGIN + 6, r->x1 = MARGIN + 6 + t->name_w, r->y0 = cy - h / 2, r->y1 = cy + h / 2;
    }
    /* left to right: what lies near an arrow comes out sorted */
    qsort(t->boxes, t->n_boxes, sizeof *t->boxes, cmp_rect);
    t->marks = kg_xcalloc(t->n_dated + 1, sizeof *t->marks);
    for (size_t i = 0; i < t->n_dated; i++) {
        const struct item *it = &t->items[i];
        double hh = (it->point ? DOT : BAR) / 2, cy = it->y + it->lh + 2 + hh;
        t->marks[i] = (struct mark){ { it->x0, cy - hh, it->x1, cy + hh }, i };
    }
    qsort(t->marks, t->n_dated, sizeof *t->marks, cmp_rect);
}

/* The graph with its attributes. */
static void open_graph(struct tl *t)
{
    t->g = agopen("timeline", Agdirected, NULL);
    kg_style_begin(t->style, t->g);
    /* nop2: nodes at their pos, and arrows along the pos kg gives them */
    kg_gv_set(t->g, "layout", "nop2");
    kg_gv_set(t->g, "notranslate", "true");
    kg_buf_reset(&t->b);
    kg_buf_printf(&t->b, "%stimeline", t->o->id_prefix ? t->o->id_prefix : "");
    kg_gv_set(t->g, "id", t->b.ptr);
}

/* The lane bands. */
static void draw_lanes(struct tl *t, kg_buf *name)
{
    for (size_t i = 0; i < t->n_lanes; i++) {
        struct lane *l = &t->lanes[i];
        kg_buf_reset(name);
        kg_buf_printf(name, "lane.%s", *l->key ? l->key : "-");
        plain_node(t, name->ptr, "lane", i % 2 ? "odd" : NULL, "lane", NULL,
                   MARGIN + t->full_w / 2, l->top + l->height / 2, t->full_w, l->height);
    }
}

/* Keeps the ticks whose labels have room: the first of each segment and
 * the years first, then months, then the rest, each kept only if its
 * label is TICK_GAP clear of every label kept and of the axis breaks. */
static void drop_crowded_ticks(struct tl *t)
{
    struct tick *v = t->ticks;
    size_t n = t->n_ticks, kept = 0;
    for (size_t i = 0; i < n; i++) {
        double fs = v[i].major ? 11 : 8;
        const char *tfs = kg_style_get(t->style, v[i].major ? "tick.major" : "tick.minor",
                                       "fontsize");
        if (tfs && atof(tfs) > 0)
            fs = atof(tfs);
        v[i].fs = fs;
        v[i].w = kg_text_width(v[i].text, fs);
        v[i].x = xday(t, (double)v[i].day);
    }
    if (n)
        qsort(v, n, sizeof *v, cmp_tick_prio);
    for (size_t i = 0; i < n; i++) {
        /* room for the label however wide a browser draws it */
        double cw = fmax(v[i].w, 2 * kg_text_rough_width(v[i].text, v[i].fs) - v[i].w + 4);
        double a = v[i].x - cw / 2, z = v[i].x + cw / 2;
        int ok = a >= MARGIN;
        for (size_t j = 0; ok && j < kept; j++)
            if (a < v[j].x + v[j].cw / 2 + TICK_GAP && z > v[j].x - v[j].cw / 2 - TICK_GAP)
                ok = 0;
        for (size_t k = 1; ok && k < t->n_segs; k++) {
            double bx = t->segs[k].x0 - BREAK_W / 2;
            if (a < bx + BREAK_W / 2 + 2 && z > bx - BREAK_W / 2 - 2)
                ok = 0;
        }
        v[i].cw = cw;
        if (ok)
            v[kept++] = v[i];
    }
    t->n_ticks = kept;
    if (kept)
        qsort(v, kept, sizeof *v, cmp_tick_day);
}

/* The grid lines, the axis segments with their breaks, and the tick
 * labels (only when some event is dated). */
static void draw_axis(struct tl *t, kg_buf *name)
{
    size_t cap = 0;
    for (size_t k = 0; k < t->n_segs; k++)
        choose_ticks(&t->segs[k], &t->ticks, &t->n_ticks, &cap);
    drop_crowded_ticks(t);
    const struct tick *ticks = t->ticks;
    double top = AXIS_Y, bottom = t->lanes_bottom;
    struct span *iv = kg_xmalloc((t->n_boxes + t->n_dated + 1) * sizeof *iv);
    kg_buf pos = KG_BUF_INIT;
    for (size_t i = 0; i < t->n_ticks; i++) {
        /* the grid line, broken where it would cross an event's label or
         * mark: one edge of many pieces between two invisible ends (a
         * node a piece would double the nodes of a big timeline) */
        double x = ticks[i].x, y = top;
        size_t n_iv = 0;
        for (size_t j = 0; j < t->n_boxes; j++) {
            const struct rect *r = &t->boxes[j];
            if (x >= r->x0 - LINE_CLEAR && x <= r->x1 + LINE_CLEAR) {
                iv[n_iv].a = (long)floor(r->y0 - LINE_CLEAR);
                iv[n_iv].z = (long)ceil(r->y1 + LINE_CLEAR);
                n_iv++;
            }
        }
        for (size_t j = 0; j < t->n_dated; j++) {
            const struct rect *r = &t->marks[j].r;
            if (x >= r->x0 - 1 && x <= r->x1 + 1) {
                iv[n_iv].a = (long)floor(r->y0 - 1);
                iv[n_iv].z = (long)ceil(r->y1 + 1);
                n_iv++;
            }
        }
        if (n_iv)
            qsort(iv, n_iv, sizeof *iv, cmp_span);
        kg_buf_reset(&pos);
        for (size_t j = 0; j <= n_iv; j++) {
            double stop = j < n_iv && (double)iv[j].a < bottom ? (double)iv[j].a : bottom;
            if (stop - y >= 1) {
                const double pt[8] = { x, -y, x, -(y + (stop - y) / 3), x, -(y + 2 * (stop - y) / 3),
                                       x, -stop };
                if (pos.len)
                    kg_buf_putc(&pos, ';');
                put_points(&pos, pt, 4);
            }
            if (j < n_iv && (double)iv[j].z > y)
                y = (double)iv[j].z;
        }
        if (!pos.len)
            continue;
        const char *kind = ticks[i].major ? "grid.major" : "grid.minor";
        kg_buf_reset(name);
        kg_buf_printf(name, "grid.%s.top", ticks[i].id);
        Agnode_t *a = pinned(t, name->ptr, x, top, 0.01, 0.01);
        kg_buf_reset(name);
        kg_buf_printf(name, "grid.%s.bottom", ticks[i].id);
        Agnode_t *z = pinned(t, name->ptr, x, bottom, 0.01, 0.01);
        kg_gv_set(a, "style", "invis");
        kg_gv_set(z, "style", "invis");
        kg_gv_set(a, "label", "");
        kg_gv_set(z, "label", "");
        Agedge_t *e = agedge(t->g, a, z, NULL, 1);
        const char *color = kg_style_value(t->style, kind, NULL, "color", 0);
        kg_gv_set(e, "color", color ? color : "#cccccc");
        kg_gv_set(e, "penwidth", ticks[i].major ? "1" : "0.6");
        kg_gv_set(e, "style", "solid");
        kg_gv_set(e, "dir", "none");
        kg_gv_set(e, "pos", pos.ptr);
        kg_buf_reset(name);
        kg_buf_printf(name, "grid.%s", ticks[i].id);
        set_ids(t, e, name->ptr, ticks[i].major ? "grid major" : "grid minor");
    }
    kg_buf_free(&pos);
    free(iv);
    for (size_t k = 0; k < t->n_segs; k++) {
        const struct seg *sg = &t->segs[k];
        kg_buf_reset(name);
        kg_buf_printf(name, "axis.%zu", k);
        plain_node(t, name->ptr, "axis", NULL, "axis", NULL, sg->x0 + sg->w / 2, AXIS_Y,
                   sg->w, 1.2);
        if (k == 0)
            continue;
        /* a break: a wavy sign in the gap, on the axis */
        kg_buf_reset(name);
        kg_buf_printf(name, "break.%zu", k);
        plain_node(t, name->ptr, "tick.major", NULL, "break", "≈",
                   sg->x0 - BREAK_W / 2, AXIS_Y - 3, BREAK_W - 4, 14);
        Agnode_t *bn = agnode(t->g, name->ptr, 0);
        kg_gv_set(bn, "margin", "0");
        set_tooltip(bn, "이 구간은 사건이 없어 생략함 (axis break)");
    }
    for (size_t i = 0; i < t->n_ticks; i++) {
        double th = ceil(ticks[i].fs * 1.3);
        kg_buf html = KG_BUF_INIT;
        kg_gv_html(&html, ticks[i].text, 0);
        kg_buf_reset(name);
        kg_buf_printf(name, "tick.%s", ticks[i].id);
        plain_node(t, name->ptr, ticks[i].major ? "tick.major" : "tick.minor", NULL,
                   ticks[i].major ? "tick major" : "tick minor", html.ptr, ticks[i].x,
                   AXIS_Y - 4 - th / 2, ticks[i].w, th);
        Agnode_t *tn = agnode(t->g, name->ptr, 0);
        kg_gv_set(tn, "margin", "0");
        kg_buf_free(&html);
    }
}

/* The lane names in the left column, with their counts. */
static void draw_lane_labels(struct tl *t, kg_buf *name)
{
    for (size_t i = 0; i < t->n_lanes; i++) {
        struct lane *l = &t->lanes[i];
        kg_buf html = KG_BUF_INIT;
        kg_buf_puts(&html, "<TABLE BORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\"><TR><TD>");
        kg_gv_html(&html, l->name, lane_chars(l->name));
        kg_buf_printf(&html, "</TD></TR><TR><TD><FONT POINT-SIZE=\"8\" COLOR=\"#777777\">"
                             "%zu건</FONT></TD></TR></TABLE>", l->n);
        kg_buf_reset(name);
        kg_buf_printf(name, "lanelabel.%s", *l->key ? l->key : "-");
        plain_node(t, name->ptr, "lane.label", NULL, "lane-label", html.ptr,
                   MARGIN + 6 + t->name_w / 2, l->top + l->height / 2, t->name_w, LANE_LABEL_H);
        if (t->o->lanes == KG_LANES_TYPE) /* the type's code */
            set_tooltip(agnode(t->g, name->ptr, 0), l->key);
        kg_buf_free(&html);
    }
}

/* The undated box below the lanes: its events flow left to right. Sets
 * t->bottom. */
static void draw_undated(struct tl *t)
{
    size_t n_undated = t->n_items - t->n_dated;
    double box_top = t->lanes_bottom + 16, full_w = t->full_w;
    if (!n_undated) {
        t->bottom = t->lanes_bottom;
        return;
    }
    double x = MARGIN + 12, yy = box_top + 26, row_w = full_w - 24;
    struct item *first = &t->items[t->n_dated];
    for (size_t i = 0; i < n_undated; i++) {
        struct item *it = first + i;
        double w = DOT + 5 + it->cw;
        if (x > MARGIN + 12 && x + w > MARGIN + 12 + row_w) {
            x = MARGIN + 12;
            yy += UNDATED_ROW;
        }
        it->x0 = x, it->x1 = x + DOT;
        it->lx = x + DOT + 5;
        it->y = yy;
        x += w + 18;
    }
    double box_h = yy + UNDATED_ROW - box_top;
    kg_buf html = KG_BUF_INIT;
    kg_buf_printf(&html, "날짜 미상 · undated (%zu건)", n_undated);
    Agnode_t *bx = pinned(t, "undated", MARGIN + full_w / 2, box_top + box_h / 2, full_w, box_h);
    kg_gv_set(bx, "fixedsize", "true");
    kg_gv_set_html(bx, "label", html.ptr);
    kg_style_apply(t->style, bx, "undated");
    set_ids(t, bx, "undated", "undated");
    kg_buf_free(&html);
    t->bottom = box_top + box_h;
}

/* Marks and labels, on top of the bands. */
static void draw_events(struct tl *t)
{
    for (size_t i = 0; i < t->n_items; i++) {
        struct item *it = &t->items[i];
        const kg_vnode *n = &t->view.nodes[it->node];
        double cy;
        if (it->dated) {
            const struct lane *l = &t->lanes[it->lane];
            it->y = l->top + LANE_PAD + (double)it->row * t->row_h;
            /* the label above its mark */
            cy = it->y + it->lh + 2 + (it->point ? DOT : BAR) / 2;
            draw_event(t, it, n, (it->x0 + it->x1) / 2, cy, it->lx + it->lw / 2,
                       it->y + it->lh / 2);
        } else {
            /* the label beside its dot, on one line */
            cy = it->y + it->lh / 2;
            draw_event(t, it, n, it->x0 + DOT / 2, cy, it->lx + it->lw / 2, cy);
        }
    }
}

/* ---- arrows ---- */

/* 1 if the segment (ax,ay)-(bx,by), horizontal or vertical, comes within
 * pad of r. */
static int seg_hits(double ax, double ay, double bx, double by, const struct rect *r, double pad)
{
    double x0 = fmin(ax, bx), x1 = fmax(ax, bx), y0 = fmin(ay, by), y1 = fmax(ay, by);
    return x0 < r->x1 + pad && x1 > r->x0 - pad && y0 < r->y1 + pad && y1 > r->y0 - pad;
}

/* Where an item's mark is, top-down. */
static void mark_of(const struct tl *t, const struct item *it, double *cy, double *hh)
{
    *hh = (it->point ? DOT : BAR) / 2;
    *cy = it->y + it->lh + 2 + *hh;
    (void)t;
}

/* The free band of an item's row, below the marks and above the next
 * row's labels: arrows run along it. slot spreads arrows apart. */
static double channel_of(const struct tl *t, const struct item *it, int slot)
{
    double band_top = it->y + it->lh + 2 + DOT, band_bottom = it->y + t->row_h;
    return (band_top + band_bottom) / 2 + (double)slot * 2.0;
}

#define MAX_PATH 8

struct route {
    double x[MAX_PATH], y[MAX_PATH];
    int n;
    double cost;
};

/* The path of an arrow from a to b through the column at x: down from
 * a's mark into its row's free band, along it to x, along x to b's row,
 * along b's free band to beside b's mark, up to the mark's middle and
 * into its side (left when left). Every label lies above a mark in its
 * own row, so the bands and the last steps are clear of text; the column
 * at x is the one choice (route_check checks it). cost: its length. */
static void route(const struct tl *t, const struct item *a, const struct item *b, double x,
                  int left, int slot, struct route *p)
{
    double cya, hha, cyb, hhb;
    mark_of(t, a, &cya, &hha);
    mark_of(t, b, &cyb, &hhb);
    double cxa = (a->x0 + a->x1) / 2;
    double cha = channel_of(t, a, slot), chb = channel_of(t, b, slot);
    double xe = left ? b->x0 - 12 : b->x1 + 12;
    double px[] = { cxa, cxa, x, x, xe, xe, left ? b->x0 : b->x1 };
    double py[] = { cya + hha, cha, cha, chb, chb, cyb, cyb };
    p->n = 0;
    p->cost = 0;
    for (int i = 0; i < 7; i++) {
        if (p->n && fabs(p->x[p->n - 1] - px[i]) < 0.01 && fabs(p->y[p->n - 1] - py[i]) < 0.01)
            continue;
        if (p->n)
            p->cost += fabs(px[i] - p->x[p->n - 1]) + fabs(py[i] - p->y[p->n - 1]);
        p->x[p->n] = px[i];
        p->y[p->n] = py[i];
        p->n++;
    }
}

/* What lies near an arrow's way (between its two rows): the labels and
 * the other events' marks, so that checking a path does not look at the
 * whole picture. */
struct near {
    struct rect *labels, *marks; /* sorted by left edge */
    size_t n_labels, n_marks;
    double w_labels, w_marks;    /* the widest of each */
};

/* How many of v[0..n) (sorted by left edge, none wider than wmax) the
 * segment comes within pad of; stops at the first when first. */
static size_t hits(const struct rect *v, size_t n, double wmax, double ax, double ay, double bx,
                   double by, double pad, int first)
{
    double lo = fmin(ax, bx) - wmax - pad, hi = fmax(ax, bx) + pad;
    size_t a = 0, z = n, count = 0;
    while (a < z) { /* the first whose left edge is past lo */
        size_t mid = (a + z) / 2;
        if (v[mid].x0 < lo)
            a = mid + 1;
        else
            z = mid;
    }
    for (size_t j = a; j < n && v[j].x0 < hi; j++)
        if (seg_hits(ax, ay, bx, by, &v[j], pad) && (++count, first))
            break;
    return count;
}

static void near_collect(const struct tl *t, const struct item *a, const struct item *b,
                         double y0, double y1, struct near *nr)
{
    nr->labels = kg_xmalloc((t->n_boxes + 1) * sizeof *nr->labels);
    nr->marks = kg_xmalloc((t->n_dated + 1) * sizeof *nr->marks);
    nr->n_labels = nr->n_marks = 0;
    nr->w_labels = nr->w_marks = 0;
    for (size_t j = 0; j < t->n_boxes; j++) {
        const struct rect *r = &t->boxes[j];
        if (r->y0 - LINE_CLEAR - 1 < y1 && r->y1 + LINE_CLEAR + 1 > y0) {
            nr->labels[nr->n_labels++] = *r;
            nr->w_labels = fmax(nr->w_labels, r->x1 - r->x0);
        }
    }
    for (size_t j = 0; j < t->n_dated; j++) {
        const struct mark *m = &t->marks[j];
        const struct item *o = &t->items[m->item];
        if (o == a || o == b)
            continue;
        if (m->r.y0 - 2 < y1 && m->r.y1 + 2 > y0) {
            nr->marks[nr->n_marks++] = m->r;
            nr->w_marks = fmax(nr->w_marks, m->r.x1 - m->r.x0);
        }
    }
}

/* Checks a path: its cost becomes -1 if it comes near a label, and grows
 * for every other event's mark it crosses. */
static void route_check(const struct near *nr, struct route *p)
{
    for (int i = 0; i + 1 < p->n; i++) {
        if (hits(nr->labels, nr->n_labels, nr->w_labels, p->x[i], p->y[i], p->x[i + 1],
                 p->y[i + 1], LINE_CLEAR, 1)) {
            p->cost = -1;
            return;
        }
        /* crossing another event's mark is allowed, but avoided */
        p->cost += 200 * (double)hits(nr->marks, nr->n_marks, nr->w_marks, p->x[i], p->y[i],
                                      p->x[i + 1], p->y[i + 1], 1, 0);
    }
}

/* Sorted, merged x intervals a column may not take. */
struct blocked {
    struct span1 {
        double a, z;
    } *v;
    size_t n;
};

/* What a column between heights y0 and y1 must avoid: the labels there
 * (and the marks too, with marks). */
static void blocked_between(const struct near *nr, double y0, double y1, int marks,
                            struct blocked *bl)
{
    double pad = LINE_CLEAR + 0.5;
    bl->v = kg_xmalloc((nr->n_labels + nr->n_marks + 1) * sizeof *bl->v);
    bl->n = 0;
    /* both lists are sorted by left edge: merge them */
    size_t i = 0, j = 0, nm = marks ? nr->n_marks : 0;
    while (i < nr->n_labels || j < nm) {
        int take_label = j == nm || (i < nr->n_labels && nr->labels[i].x0 - pad <=
                                                             nr->marks[j].x0 - 1.5);
        const struct rect *r = take_label ? &nr->labels[i++] : &nr->marks[j++];
        double p = take_label ? pad : 1.5;
        if (r->y0 - p < y1 && r->y1 + p > y0)
            bl->v[bl->n++] = (struct span1){ r->x0 - p, r->x1 + p };
    }
    size_t k = 0;
    for (i = 0; i < bl->n; i++) {
        if (k && bl->v[i].a <= bl->v[k - 1].z) {
            if (bl->v[i].z > bl->v[k - 1].z)
                bl->v[k - 1].z = bl->v[i].z;
        } else {
            bl->v[k++] = bl->v[i];
        }
    }
    bl->n = k;
}

/* The free x nearest to x. */
static double snap_free(const struct blocked *bl, double x)
{
    size_t lo = 0, hi = bl->n;
    while (lo < hi) { /* the first interval ending after x */
        size_t mid = (lo + hi) / 2;
        if (bl->v[mid].z <= x)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == bl->n || bl->v[lo].a >= x)
        return x;
    double l = bl->v[lo].a - 0.5, r = bl->v[lo].z + 0.5;
    return x - l <= r - x ? l : r;
}

/* The shortest path from a to b among a few columns (a's, beside b's
 * mark, and the free ones nearest to them), first keeping clear of marks
 * as well as labels, then of labels only; the column right of everything
 * is the last resort. Returns 0, or -1 if no path clears every label. */
static int best_route(const struct tl *t, const struct item *a, const struct item *b, int slot,
                      struct route *best)
{
    memset(best, 0, sizeof *best);
    best->cost = -1;
    double off = (double)slot * 3; /* arrows in different slots: apart */
    double cha = channel_of(t, a, slot), chb = channel_of(t, b, slot);
    double cxa = (a->x0 + a->x1) / 2, cya, hha, cyb, hhb;
    mark_of(t, a, &cya, &hha);
    mark_of(t, b, &cyb, &hhb);
    struct near nr;
    near_collect(t, a, b, fmin(fmin(cha, chb), fmin(cya, cyb)) - 12,
                 fmax(fmax(cha, chb), fmax(cya, cyb)) + 12, &nr);
    for (int marks = 1; marks >= 0; marks--) {
        struct blocked bl;
        blocked_between(&nr, fmin(cha, chb), fmax(cha, chb), marks, &bl);
        for (int left = 0; left < 2; left++) {
            double xe = left ? b->x0 - 12 : b->x1 + 12;
            double want[] = { xe + off, cxa + off, fmin(xe, cxa) + off, fmax(xe, cxa) + off,
                              t->right + 8 + off };
            for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
                struct route p;
                route(t, a, b, snap_free(&bl, want[i]), left, slot, &p);
                if (best->cost >= 0 && p.cost >= best->cost)
                    continue;
                route_check(&nr, &p);
                if (p.cost >= 0 && (best->cost < 0 || p.cost < best->cost))
                    *best = p;
            }
        }
        free(bl.v);
    }
    free(nr.labels);
    free(nr.marks);
    return best->cost >= 0 ? 0 : -1;
}

/* The edge's pos: the path as a B-spline (straight pieces), ending
 * alen short of b's mark where the arrowhead ("e,x,y") takes over. */
static void path_pos(const struct route *p, double alen, kg_buf *out)
{
    int n = p->n;
    double tx = p->x[n - 1], ty = p->y[n - 1];
    double dx = tx - p->x[n - 2], dy = ty - p->y[n - 2];
    double len = sqrt(dx * dx + dy * dy);
    if (alen > len - 1)
        alen = len > 2 ? len - 1 : 0;
    double ex = len > 0 ? tx - dx / len * alen : tx, ey = len > 0 ? ty - dy / len * alen : ty;
    kg_buf_puts(out, "e,");
    const double end[4] = { tx, -ty, p->x[0], -p->y[0] };
    put_points(out, end, 2);
    for (int i = 1; i < n; i++) {
        double x0 = p->x[i - 1], y0 = p->y[i - 1];
        double x1 = i == n - 1 ? ex : p->x[i], y1 = i == n - 1 ? ey : p->y[i];
        const double pt[6] = { x0 + (x1 - x0) / 3, -(y0 + (y1 - y0) / 3), x0 + 2 * (x1 - x0) / 3,
                               -(y0 + 2 * (y1 - y0) / 3), x1, -y1 };
        kg_buf_putc(out, ' ');
        put_points(out, pt, 3);
    }
}

/* Arrows between dated events (same-as events are one already), routed
 * by kg around the labels (see route). */
static void draw_relations(struct tl *t)
{
    Agraph_t *g = t->g;
    int slot = 0;
    for (size_t i = 0; i < t->view.n_edges; i++) {
        const kg_vedge *e = &t->view.edges[i];
        if (e->kind != KG_E_RELATION)
            continue;
        /* an arrow to or from the undated box would cross the whole
         * picture: those relations are in the tooltips instead */
        if (!t->view.nodes[e->from].date || !t->view.nodes[e->to].date)
            continue;
        size_t ia = t->item_of[e->from], ib = t->item_of[e->to];
        if (!ia || !ib || ia == ib)
            continue;
        Agnode_t *a = agnode(g, t->view.nodes[e->from].id, 0);
        Agnode_t *z = agnode(g, t->view.nodes[e->to].id, 0);
        if (!a || !z)
            continue;
        struct route p;
        if (best_route(t, &t->items[ia - 1], &t->items[ib - 1], slot - 1, &p) != 0)
            continue; /* no way round the labels: the tooltips say it */
        slot = (slot + 1) % 3;
        Agedge_t *ae = agedge(g, a, z, NULL, 1);
        kg_style_apply(t->style, ae, "edge.relation");
        kg_buf_reset(&t->b);
        kg_buf_printf(&t->b, "edge.%s", e->rel);
        kg_style_apply(t->style, ae, t->b.ptr);
        const char *as = agget(ae, "arrowsize");
        double alen = 10 * (as && *as ? atof(as) : 1);
        kg_buf pos = KG_BUF_INIT;
        path_pos(&p, alen, &pos);
        kg_gv_set(ae, "pos", pos.ptr);
        kg_buf_free(&pos);
        kg_buf cls = KG_BUF_INIT;
        kg_buf_printf(&cls, "relation %s", e->rel);
        set_ids(t, ae, e->id, cls.ptr);
        kg_buf_reset(&cls);
        const kg_event *x = t->view.nodes[e->from].recs[0].ev;
        const kg_event *y2 = t->view.nodes[e->to].recs[0].ev;
        kg_buf_printf(&cls, "%s → %s (%s)", x->title ? x->title : t->view.nodes[e->from].id,
                      y2->title ? y2->title : t->view.nodes[e->to].id, e->rel);
        set_tooltip(ae, cls.ptr);
        kg_buf_free(&cls);
        t->n_arrows++;
        for (size_t r = 0; kg_relation_types[r]; r++)
            if (!strcmp(kg_relation_types[r], e->rel))
                t->rel_drawn |= 1u << r;
    }
}

/* ---- legend ---- */

enum swatch { SW_TYPE, SW_DAY, SW_SPAN, SW_OPEN, SW_APPROX, SW_UNCERTAIN, SW_INFERRED,
              SW_BREAK, SW_ARROW };

struct lg_entry {
    enum swatch sw;
    const char *code;     /* type or relation code; the tooltip */
    char key[48];         /* the id after "legend.": event.restrict ... */
    char name[128];       /* what the legend says */
    double x, y, sw_w, text_w;
};

#define LG_ROW 18.0       /* height of a row of the legend */
#define LG_CELL "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\"><TR><TD>"
#define LG_CELL_END "</TD></TR></TABLE>"
#define LG_PAD 8.0        /* inside the frame */

static void lg_add(const struct tl *t, struct lg_entry **v, size_t *n, size_t *cap,
                   enum swatch sw, const char *kind, const char *code)
{
    KG_VEC_PUSH(*v, *n, *cap);
    struct lg_entry *e = &(*v)[(*n)++];
    memset(e, 0, sizeof *e);
    e->sw = sw;
    e->code = code;
    snprintf(e->key, sizeof e->key, "%s", kind);
    kg_buf clean = KG_BUF_INIT;
    const char *name = kg_style_name(t->style, kind, code);
    kg_utf8_clean(&clean, name, strlen(name));
    snprintf(e->name, sizeof e->name, "%s", clean.ptr);
    kg_buf_free(&clean);
}

/* The legend: what the picture's marks, colours and arrows mean, only
 * those it holds, each drawn with the style entry it explains. Below
 * everything, or above the axis (kg_legend=top). */
static void draw_legend(struct tl *t)
{
    int where = kg_style_legend(t->style);
    if (where == KG_LEGEND_NONE || t->n_items == 0)
        return;
    struct lg_entry *v = NULL;
    size_t n = 0, cap = 0;
    kg_buf kind = KG_BUF_INIT;
    for (size_t k = 0; kg_event_types[k]; k++) {
        int used = 0;
        for (size_t i = 0; i < t->n_items && !used; i++)
            used = !strcmp(event_type(&t->view.nodes[t->items[i].node]), kg_event_types[k]);
        if (!used)
            continue;
        kg_buf_reset(&kind);
        kg_buf_printf(&kind, "event.%s", kg_event_types[k]);
        lg_add(t, &v, &n, &cap, SW_TYPE, kind.ptr, kg_event_types[k]);
    }
    int day = 0, span = 0, open = 0, approx = 0, uncertain = 0, inferred = 0;
    for (size_t i = 0; i < t->n_dated; i++) {
        const struct item *it = &t->items[i];
        day |= it->point;
        span |= !it->point && !it->open_start && !it->open_end;
        open |= it->open_start || it->open_end;
        approx |= it->approx;
        uncertain |= it->uncertain;
        inferred |= t->inferred[it->node] != 0;
    }
    if (day)
        lg_add(t, &v, &n, &cap, SW_DAY, "legend.day", "day");
    if (span)
        lg_add(t, &v, &n, &cap, SW_SPAN, "legend.span", "month, year or interval");
    if (open)
        lg_add(t, &v, &n, &cap, SW_OPEN, "event.open", "open interval");
    if (approx)
        lg_add(t, &v, &n, &cap, SW_APPROX, "event.approx", "~ approximate");
    if (uncertain)
        lg_add(t, &v, &n, &cap, SW_UNCERTAIN, "label.uncertain", "? uncertain");
    if (inferred)
        lg_add(t, &v, &n, &cap, SW_INFERRED, "event.inferred", "date inferred");
    if (t->n_segs > 1 && t->n_dated)
        lg_add(t, &v, &n, &cap, SW_BREAK, "legend.break", "axis break");
    for (size_t r = 0; kg_relation_types[r]; r++) {
        if (!(t->rel_drawn & (1u << r)))
            continue;
        kg_buf_reset(&kind);
        kg_buf_printf(&kind, "edge.%s", kg_relation_types[r]);
        lg_add(t, &v, &n, &cap, SW_ARROW, kind.ptr, kg_relation_types[r]);
    }

    /* places: rows that flow left to right within the lanes' width */
    const char *fsv = kg_style_get(t->style, "legend", "fontsize");
    double fs = fsv && atof(fsv) > 0 ? atof(fsv) : 9;
    const char *title = kg_style_name(t->style, "legend", "legend");
    kg_buf tclean = KG_BUF_INIT;
    kg_utf8_clean(&tclean, title, strlen(title));
    double title_w = kg_text_width(tclean.ptr, fs + 1);
    double left = MARGIN + LG_PAD, x = left + title_w + 14, row = 0, widest = x;
    double limit = MARGIN + (t->full_w > 300 ? t->full_w : 300) - LG_PAD;
    for (size_t i = 0; i < n; i++) {
        struct lg_entry *e = &v[i];
        e->sw_w = e->sw == SW_TYPE || e->sw == SW_DAY || e->sw == SW_INFERRED ? DOT
                  : e->sw == SW_UNCERTAIN || e->sw == SW_BREAK                ? 10
                                                                              : 24;
        e->text_w = kg_text_width(e->name, fs);
        double w = e->sw_w + 4 +
                   fmax(e->text_w, kg_text_rough_width(e->name, fs) + 0.03 * e->text_w + 3);
        if (x > left + title_w + 14 && x + w > limit) {
            x = left + title_w + 14;
            row++;
        }
        e->x = x;
        e->y = row;
        x += w + 14;
        if (x - 14 > widest)
            widest = x - 14;
    }
    double h = (row + 1) * LG_ROW + 2 * LG_PAD - 6, w = widest + LG_PAD - MARGIN;
    double top = where == KG_LEGEND_TOP ? 2 - h : t->bottom + 12;

    Agnode_t *frame = pinned(t, "legend", MARGIN + w / 2, top + h / 2, w, h);
    kg_gv_set(frame, "label", "");
    kg_gv_set(frame, "fixedsize", "true");
    kg_style_apply(t->style, frame, "legend");
    set_ids(t, frame, "legend", "legend");
    set_tooltip(frame, "범례 (legend)");
    const char *fc = kg_style_get(t->style, "legend", "fontcolor");
    /* bold text in a table: Graphviz 2.43 leaks the markup of bold text
     * that stands alone in a label (tests/valgrind.supp) */
    kg_buf html = KG_BUF_INIT;
    kg_buf_puts(&html, LG_CELL "<B>");
    kg_gv_html(&html, tclean.ptr, 0);
    kg_buf_puts(&html, "</B>" LG_CELL_END);
    Agnode_t *tn = pinned(t, "legend.title", left + title_w / 2, top + LG_PAD - 3 + LG_ROW / 2,
                          title_w, ceil((fs + 1) * 1.3));
    kg_style_apply(t->style, tn, "label");
    kg_gv_set(tn, "margin", "0");
    kg_gv_setf(tn, "fontsize", "%g", fs + 1);
    if (fc)
        kg_gv_set(tn, "fontcolor", fc);
    kg_gv_set_html(tn, "label", html.ptr);
    set_ids(t, tn, "legend.title", "legend-title");
    kg_buf_free(&tclean);

    kg_buf name = KG_BUF_INIT, cls = KG_BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        const struct lg_entry *e = &v[i];
        double cy = top + LG_PAD - 3 + e->y * LG_ROW + LG_ROW / 2, cx = e->x + e->sw_w / 2;
        kg_buf_reset(&name);
        kg_buf_printf(&name, "legend.%s", e->key);
        kg_buf_reset(&cls);
        kg_buf_printf(&cls, "legend-item %s", e->key);
        for (char *p = cls.ptr; *p; p++)
            if (*p == '.')
                *p = ' ';
        if (e->sw == SW_ARROW) {
            /* a short arrow between two invisible points */
            kg_buf_puts(&name, ".from");
            Agnode_t *a = pinned(t, name.ptr, e->x, cy, 1, 1);
            kg_buf_reset(&name);
            kg_buf_printf(&name, "legend.%s.to", e->key);
            Agnode_t *z = pinned(t, name.ptr, e->x + e->sw_w, cy, 1, 1);
            kg_gv_set(a, "style", "invis");
            kg_gv_set(z, "style", "invis");
            kg_gv_set(a, "label", "");
            kg_gv_set(z, "label", "");
            Agedge_t *ae = agedge(t->g, a, z, NULL, 1);
            kg_style_apply(t->style, ae, "edge.relation");
            kg_style_apply(t->style, ae, e->key);
            const char *as = agget(ae, "arrowsize");
            double alen = 10 * (as && *as ? atof(as) : 1);
            struct route p = { { e->x, e->x + e->sw_w }, { cy, cy }, 2, 0 };
            kg_buf pos = KG_BUF_INIT;
            path_pos(&p, alen, &pos);
            kg_gv_set(ae, "pos", pos.ptr);
            kg_buf_free(&pos);
            kg_buf_reset(&name);
            kg_buf_printf(&name, "legend.%s", e->key);
            set_ids(t, ae, name.ptr, cls.ptr);
            set_tooltip(ae, e->code);
        } else if (e->sw == SW_UNCERTAIN || e->sw == SW_BREAK) {
            Agnode_t *m = pinned(t, name.ptr, cx, cy, e->sw_w, 12);
            kg_style_apply(t->style, m, e->sw == SW_BREAK ? "tick.major" : "label");
            kg_gv_set(m, "margin", "0");
            kg_gv_set_html(m, "label", e->sw == SW_BREAK ? "≈"
                                       : LG_CELL "<FONT COLOR=\"#c0392b\"><B>?</B></FONT>" LG_CELL_END);
            set_ids(t, m, name.ptr, cls.ptr);
            set_tooltip(m, e->code);
        } else {
            int dot = e->sw == SW_TYPE || e->sw == SW_DAY || e->sw == SW_INFERRED;
            Agnode_t *m = pinned(t, name.ptr, cx, cy, e->sw_w, dot ? DOT : BAR);
            kg_gv_set(m, "fixedsize", "true");
            kg_gv_set(m, "label", "");
            style2(t, m, "event", e->sw == SW_TYPE ? e->code : NULL);
            kg_gv_set(m, "shape", dot ? "circle" : e->sw == SW_OPEN ? "rarrow" : "box");
            /* rows about the shape of a mark, not its type: no colour */
            if (e->sw != SW_TYPE)
                kg_gv_set(m, "fillcolor", "white");
            if (e->sw == SW_APPROX)
                kg_style_apply(t->style, m, "event.approx");
            if (e->sw == SW_INFERRED && !kg_style_apply(t->style, m, "event.inferred"))
                kg_gv_set(m, "style", "filled,dashed");
            if (e->sw == SW_OPEN) {
                const char *fill = agget(m, "fillcolor");
                char *f = kg_xstrdup(fill && *fill && strcmp(fill, "white") ? fill : "#bbbbbb");
                kg_style_apply(t->style, m, "event.open");
                kg_gv_setf(m, "fillcolor", "%s:white", f);
                free(f);
            }
            set_ids(t, m, name.ptr, cls.ptr);
            set_tooltip(m, e->code);
        }
        /* its name */
        kg_buf_reset(&name);
        kg_buf_printf(&name, "legend.%s.label", e->key);
        Agnode_t *l = pinned(t, name.ptr, e->x + e->sw_w + 4 + e->text_w / 2, cy, e->text_w,
                             ceil(fs * 1.3));
        kg_style_apply(t->style, l, "label");
        kg_gv_set(l, "margin", "0");
        kg_gv_setf(l, "fontsize", "%g", fs);
        if (fc)
            kg_gv_set(l, "fontcolor", fc);
        kg_buf_reset(&html);
        kg_gv_html(&html, e->name, 0);
        kg_gv_set_html(l, "label", html.ptr);
        kg_buf_puts(&cls, " legend-label");
        set_ids(t, l, name.ptr, cls.ptr);
        set_tooltip(l, e->code);
    }
    kg_buf_free(&name);
    kg_buf_free(&cls);
    kg_buf_free(&html);
    kg_buf_free(&kind);
    free(v);
}

/* Past the style's kg_max_events (or --max-events) events, a timeline
 * takes minutes to lay out and cannot be read: only the most recent are
 * drawn, as --from DAY would draw them, DAY the first day that keeps at
 * most that many (more only when they all end on one day), and a note
 * says what was left out and how to narrow the picture. 1 when *cut
 * (a copy of o, its from set to day) is to be drawn instead, else 0. */
static int cmp_long_desc(const void *pa, const void *pb)
{
    long a = *(const long *)pa, b = *(const long *)pb;
    return a > b ? -1 : a < b;
}

static int cut_recent(const kg_view *v, const kg_style *style, const kg_render_opts *o,
                      kg_render_opts *cut, char day[16])
{
    double style_max = kg_style_num(style, "kg_max_events", 2000);
    size_t limit = o->max_events > 0 ? (size_t)o->max_events
                   : o->max_events < 0 || style_max <= 0 ? SIZE_MAX
                                                          : (size_t)style_max;
    size_t events = 0, n = 0;
    for (size_t i = 0; i < v->n_nodes; i++)
        events += v->nodes[i].kind == KG_V_EVENT;
    if (events <= limit)
        return 0;
    long *last = kg_xmalloc(events * sizeof *last);
    for (size_t i = 0; i < v->n_nodes; i++)
        if (v->nodes[i].kind == KG_V_EVENT && v->nodes[i].date)
            last[n++] = v->nodes[i].last;
    qsort(last, n, sizeof *last, cmp_long_desc);
    long from = 0;
    int ok = n > 0;
    if (ok) {
        size_t k = limit < n ? limit : n, at = 0, after = 0;
        long l = last[k - 1];
        for (size_t i = 0; i < n; i++)
            at += last[i] >= l, after += last[i] > l;
        from = at > limit && after > 0 ? l + 1 : l;
        ok = from > -3000000 && from < 3000000; /* (a day a calendar can write) */
    }
    free(last);
    if (!ok)
        return 0; /* (no date to cut at: drawn whole) */
    int y, m, dd;
    kg_civil_from_days(from, &y, &m, &dd);
    snprintf(day, 16, "%04d-%02d-%02d", y, m, dd);
    *cut = *o;
    cut->from = day;
    return 1;
}

/* The note of a cut timeline: what was drawn, what was left out. */
static void cut_note(const kg_view *v, const kg_render_opts *o, size_t events, size_t undated,
                     size_t limit_shown, const char *day, kg_diag *d)
{
    size_t drawn = 0;
    for (size_t i = 0; i < v->n_nodes; i++)
        drawn += v->nodes[i].kind == KG_V_EVENT;
    kg_diag_add(d, KG_SEV_NOTE, NULL, 0, 0,
                "timeline: %zu events are more than %s%zu, too many to lay out in seconds or to "
                "read: drew the %zu most recent, from %s on (as --from %s would); left out %zu "
                "earlier and %zu undated; narrow it with --from/--to, --focus, --type or "
                "--doc, or give --max-events N above %zu (0: no limit)",
                events, o->max_events > 0 ? "--max-events " : "the style's kg_max_events=",
                limit_shown, drawn, day, day, events - drawn - undated, undated, events);
}

int kg_render_timeline(const kg_corpus *c, const kg_render_opts *o, kg_buf *out, kg_diag *d)
{
    struct tl t;
    kg_style *style = NULL;
    int rc;

    memset(&t, 0, sizeof t);
    kg_buf_init(&t.b);
    kg_buf_init(&t.num);
    t.o = o;
    if (o->format != KG_FMT_SVG && o->format != KG_FMT_PNG && o->format != KG_FMT_PDF &&
        o->format != KG_FMT_DOT) {
        kg_diag_error(d, NULL, 0, 0, "a timeline cannot be written as %s",
                      kg_format_name(o->format));
        return KG_RENDER_EFORMAT;
    }
    kg_gv_begin();
    kg_gv_capture(d);
    style = kg_style_load(o->style_text, o->style_len, o->style_name, 1, d);
    if (!style) {
        rc = KG_RENDER_EOPTION;
        goto done;
    }
    t.style = style;
    rc = kg_view_build(&t.view, c, o, d);
    if (rc != KG_RENDER_OK)
        goto done;
    kg_render_opts cut;
    char day[16];
    if (cut_recent(&t.view, style, o, &cut, day)) {
        size_t events = 0, undated = 0;
        for (size_t i = 0; i < t.view.n_nodes; i++) {
            events += t.view.nodes[i].kind == KG_V_EVENT;
            undated += t.view.nodes[i].kind == KG_V_EVENT && !t.view.nodes[i].date;
        }
        kg_view_free(&t.view);
        memset(&t.view, 0, sizeof t.view);
        t.o = &cut;
        rc = kg_view_build(&t.view, c, &cut, d);
        if (rc != KG_RENDER_OK)
            goto done;
        double style_max = kg_style_num(style, "kg_max_events", 2000);
        cut_note(&t.view, o, events, undated,
                 o->max_events > 0 ? (size_t)o->max_events : (size_t)style_max, day, d);
    }
    for (size_t i = 0; i < t.view.n_nodes; i++)
        kg_hmap_put(&t.node_ix, t.view.nodes[i].id, (void *)(i + 1));

    infer_dates(&t);
    set_metrics(&t);
    assign_lanes(&t);
    place_items(&t);
    stack_rows(&t);
    set_label_boxes(&t);

    open_graph(&t);
    kg_buf name = KG_BUF_INIT;
    draw_lanes(&t, &name);
    if (t.n_dated)
        draw_axis(&t, &name);
    draw_lane_labels(&t, &name);
    kg_buf_free(&name);
    draw_undated(&t);
    draw_events(&t);
    draw_relations(&t);
    draw_legend(&t);
    if (t.n_items == 0) {
        plain_node(&t, "empty", "tick.major", NULL, "empty",
                   "선택한 조건에 맞는 사건이 없습니다 (nothing to draw)", t.x0 + 200, AXIS_Y,
                   400, 20);
    }

    rc = kg_gv_emit(NULL, t.g, 0, o->format, o->dpi, out, d);

done:
    if (t.g)
        agclose(t.g);
    kg_style_free(style);
    kg_gv_release();
    free(t.ticks);
    free(t.segs);
    free(t.boxes);
    free(t.marks);
    free(t.item_of);
    for (size_t i = 0; i < t.n_items; i++)
        free(t.items[i].label);
    free(t.items);
    free(t.inferred);
    free(t.inferred_rel);
    for (size_t i = 0; i < t.n_lanes; i++) {
        free(t.lanes[i].key);
        free(t.lanes[i].row_end);
    }
    free(t.lanes);
    kg_hmap_free(&t.lane_ix);
    kg_hmap_free(&t.node_ix);
    kg_view_free(&t.view);
    kg_buf_free(&t.b);
    kg_buf_free(&t.num);
    return rc;
}
