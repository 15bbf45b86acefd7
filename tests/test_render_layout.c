/* test_render_layout.c - the timeline as a reader sees it, measured from
 * the SVG itself: every text's box (x, y, font-size and anchor of the
 * <text>, its width estimated as 1 em a character, 0.6 em an ASCII one,
 * 0.3 em a space, which is wider than Noto Sans CJK KR draws them) must
 * not be crossed by a line (edge paths, polygon and ellipse outlines)
 * or overlap another text of another object; on the bundled yaml/ (all
 * three kinds of lanes), on a generated long-span case and on short
 * spans. Also: the axis ticks adapt to the span (days, weeks, months,
 * years; never a wall of lines), and the legends say only what the
 * picture holds, from the style. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kg.h"
#include "kg/render.h"
#include "render/render_int.h"
#include "testutil.h"

/* ---- reading the SVG ---- */

struct tbox {
    double x0, y0, x1, y1;
    int obj;              /* the object (node or edge group) it belongs to */
    char text[96];
};

struct seg {
    double x0, y0, x1, y1;
    int obj;
};

struct svg {
    struct tbox *t;
    size_t nt, capt;
    struct seg *s;
    size_t ns, caps;
    char (*ids)[160];     /* per object: its id */
    size_t nobj, capobj;
};

static const char *attr(const char *tag, const char *end, const char *name, char *val, size_t cap)
{
    size_t n = strlen(name);
    for (const char *p = tag; p && p < end; p++) {
        p = strstr(p, name);
        if (!p || p >= end)
            return NULL;
        if ((p[-1] == ' ' || p[-1] == '\n') && p[n] == '=' && p[n + 1] == '"') {
            const char *v = p + n + 2, *q = strchr(v, '"');
            size_t len = (size_t)(q - v) < cap - 1 ? (size_t)(q - v) : cap - 1;
            memcpy(val, v, len);
            val[len] = '\0';
            return val;
        }
    }
    return NULL;
}

static void add_seg(struct svg *g, double x0, double y0, double x1, double y1, int obj)
{
    KG_VEC_PUSH(g->s, g->ns, g->caps);
    g->s[g->ns++] = (struct seg){ x0, y0, x1, y1, obj };
}

/* The numbers of a points="" or d="" list, in order. */
static size_t numbers(const char *s, double *v, size_t cap)
{
    size_t n = 0;
    while (*s && n < cap) {
        while (*s && !(*s == '-' || *s == '.' || (*s >= '0' && *s <= '9')))
            s++;
        if (!*s)
            break;
        char *end;
        v[n++] = strtod(s, &end);
        s = end;
    }
    return n;
}

/* Width in em of SVG text (entities count as the character they are). */
static double text_em(const char *s, char *plain, size_t cap)
{
    double em = 0;
    size_t k = 0;
    while (*s) {
        unsigned cp;
        if (*s == '&') {
            const char *semi = strchr(s, ';');
            if (s[1] == '#')
                cp = (unsigned)strtoul(s + 2 + (s[2] == 'x'), NULL, s[2] == 'x' ? 16 : 10);
            else if (!strncmp(s, "&amp;", 5))
                cp = '&';
            else if (!strncmp(s, "&lt;", 4))
                cp = '<';
            else if (!strncmp(s, "&gt;", 4))
                cp = '>';
            else
                cp = '"';
            s = semi ? semi + 1 : s + 1;
        } else {
            unsigned char c = (unsigned char)*s;
            int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
            cp = c < 0x80 ? c : 0x100; /* any non-ASCII */
            if (k + (size_t)len < cap) {
                memcpy(plain + k, s, (size_t)len);
                k += (size_t)len;
            }
            s += len;
            em += cp == ' ' ? 0.3 : cp < 0x80 ? 0.6 : 1.0;
            continue;
        }
        if (k + 1 < cap && cp < 0x80)
            plain[k++] = (char)cp;
        em += cp == ' ' || cp == 0xA0 ? 0.3 : cp < 0x80 ? 0.6 : 1.0;
    }
    plain[k] = '\0';
    return em;
}

/* Reads the SVG Graphviz wrote: texts, and the outlines of everything. */
static void svg_read(struct svg *g, const char *svg)
{
    memset(g, 0, sizeof *g);
    int depth = 0, obj = -1;
    char val[4096];
    for (const char *p = strchr(svg, '<'); p; p = strchr(p + 1, '<')) {
        const char *end = strchr(p, '>');
        if (!end)
            break;
        if (!strncmp(p, "<g ", 3) || !strncmp(p, "<g>", 3)) {
            depth++;
            if (depth == 2) { /* a node or an edge of the graph */
                KG_VEC_PUSH(g->ids, g->nobj, g->capobj);
                const char *id = attr(p, end, "id", val, sizeof val) ? val : "?";
                size_t len = strlen(id) < sizeof g->ids[0] - 1 ? strlen(id) : sizeof g->ids[0] - 1;
                memcpy(g->ids[g->nobj], id, len);
                g->ids[g->nobj][len] = '\0';
                obj = (int)g->nobj++;
            }
        } else if (!strncmp(p, "</g>", 4)) {
            if (depth == 2)
                obj = -1;
            depth--;
        } else if (!strncmp(p, "<text ", 6)) {
            double x = atof(attr(p, end, "x", val, sizeof val) ? val : "0");
            double y = atof(attr(p, end, "y", val, sizeof val) ? val : "0");
            double fs = atof(attr(p, end, "font-size", val, sizeof val) ? val : "14");
            const char *anchor = attr(p, end, "text-anchor", val, sizeof val) ? val : "start";
            int mid = !strcmp(anchor, "middle"), right = !strcmp(anchor, "end");
            const char *close = strstr(end, "</text>");
            size_t len = close ? (size_t)(close - end - 1) : 0;
            char *raw = kg_xmalloc(len + 1);
            memcpy(raw, end + 1, len);
            raw[len] = '\0';
            struct tbox b;
            memset(&b, 0, sizeof b);
            double w = text_em(raw, b.text, sizeof b.text) * fs;
            free(raw);
            int blank = 1;
            for (const char *q = b.text; *q; q++)
                blank &= *q == ' ';
            if (blank)
                continue;
            /* leading spaces are drawn as space, not ink */
            b.x0 = mid ? x - w / 2 : right ? x - w : x;
            b.x1 = b.x0 + w;
            b.y0 = y - 0.88 * fs;
            b.y1 = y + 0.12 * fs;
            b.obj = obj;
            KG_VEC_PUSH(g->t, g->nt, g->capt);
            g->t[g->nt++] = b;
        } else if (!strncmp(p, "<polygon ", 9) || !strncmp(p, "<polyline ", 10)) {
            if (!attr(p, end, "points", val, sizeof val))
                continue;
            double v[512];
            size_t n = numbers(val, v, 512);
            for (size_t i = 2; i + 1 < n; i += 2)
                add_seg(g, v[i - 2], v[i - 1], v[i], v[i + 1], obj);
        } else if (!strncmp(p, "<path ", 6)) {
            if (!attr(p, end, "d", val, sizeof val))
                continue;
            double v[1024];
            size_t n = numbers(val, v, 1024);
            /* M p0 C c1 c2 p1 c1 c2 p2 ...: each cubic, in 8 steps */
            for (size_t i = 2; i + 5 < n; i += 6) {
                double px = v[i - 2], py = v[i - 1];
                for (int k = 1; k <= 8; k++) {
                    double u = k / 8.0, a = (1 - u) * (1 - u) * (1 - u), b = 3 * u * (1 - u) * (1 - u),
                           c = 3 * u * u * (1 - u), d = u * u * u;
                    double qx = a * v[i - 2] + b * v[i] + c * v[i + 2] + d * v[i + 4];
                    double qy = a * v[i - 1] + b * v[i + 1] + c * v[i + 3] + d * v[i + 5];
                    add_seg(g, px, py, qx, qy, obj);
                    px = qx, py = qy;
                }
            }
        } else if (!strncmp(p, "<ellipse ", 9)) {
            double cx = atof(attr(p, end, "cx", val, sizeof val) ? val : "0");
            double cy = atof(attr(p, end, "cy", val, sizeof val) ? val : "0");
            double rx = atof(attr(p, end, "rx", val, sizeof val) ? val : "0");
            double ry = atof(attr(p, end, "ry", val, sizeof val) ? val : "0");
            add_seg(g, cx - rx, cy - ry, cx + rx, cy - ry, obj);
            add_seg(g, cx + rx, cy - ry, cx + rx, cy + ry, obj);
            add_seg(g, cx + rx, cy + ry, cx - rx, cy + ry, obj);
            add_seg(g, cx - rx, cy + ry, cx - rx, cy - ry, obj);
        }
    }
}

static void svg_free(struct svg *g)
{
    free(g->t);
    free(g->s);
    free(g->ids);
}

/* 1 if the segment passes through the inside of box b (Liang-Barsky). */
static int seg_crosses(const struct seg *s, const struct tbox *b)
{
    double t0 = 0, t1 = 1, dx = s->x1 - s->x0, dy = s->y1 - s->y0;
    double p[4] = { -dx, dx, -dy, dy };
    double q[4] = { s->x0 - b->x0, b->x1 - s->x0, s->y0 - b->y0, b->y1 - s->y0 };
    for (int i = 0; i < 4; i++) {
        if (fabs(p[i]) < 1e-9) {
            if (q[i] <= 0.01)
                return 0;
            continue;
        }
        double r = q[i] / p[i];
        if (p[i] < 0) {
            if (r > t0)
                t0 = r;
        } else if (r < t1) {
            t1 = r;
        }
    }
    return t1 - t0 > 1e-6;
}

static int boxes_overlap(const struct tbox *a, const struct tbox *b)
{
    return a->x0 < b->x1 - 0.01 && b->x0 < a->x1 - 0.01 && a->y0 < b->y1 - 0.01 &&
           b->y0 < a->y1 - 0.01;
}

/* How many texts a line of another object crosses, or another object's
 * text overlaps; each logged. */
static int crossings(const char *what, const char *svgtext)
{
    struct svg g;
    svg_read(&g, svgtext);
    int bad = 0;
    cr_assert(g.nt > 0, "%s: no text read from the SVG", what);
    for (size_t i = 0; i < g.nt; i++) {
        const struct tbox *b = &g.t[i];
        for (size_t j = 0; j < g.ns; j++) {
            const struct seg *s = &g.s[j];
            if (s->obj == b->obj || s->obj < 0 || !seg_crosses(s, b))
                continue;
            if (bad++ < 12)
                cr_log_error("%s: a line of %s crosses '%s' of %s", what, g.ids[s->obj], b->text,
                             b->obj >= 0 ? g.ids[b->obj] : "the graph");
        }
        for (size_t j = i + 1; j < g.nt; j++) {
            const struct tbox *c = &g.t[j];
            if (c->obj == b->obj || !boxes_overlap(b, c))
                continue;
            if (bad++ < 12)
                cr_log_error("%s: '%s' overlaps '%s'", what, b->text, c->text);
        }
    }
    svg_free(&g);
    return bad;
}

/* ---- rendering ---- */

static kg_corpus *load_text(const char *yaml)
{
    return kgt_facts_text(yaml, 1);
}

static void free_corpus(kg_corpus *c)
{
    kgt_corpus_free(c);
}

static char *render_opts(kg_render_fn fn, const kg_corpus *c, kg_format f, kg_render_opts *o)
{
    return kgt_render(fn, c, f, o, 0);
}

static char *render(kg_render_fn fn, const kg_corpus *c, kg_format f)
{
    kg_render_opts o = KG_RENDER_OPTS_INIT;
    return render_opts(fn, c, f, &o);
}

static unsigned long lcg(unsigned long *x)
{
    *x = (*x * 1103515245UL + 12345UL) & 0xffffffffUL;
    return (*x >> 16) & 0x7fff;
}

/* A long story: 70 events over 1950-2025 among five actors, most of them
 * in the last five years, with titles of every length in Hangul and
 * Latin, every kind of date, and relations between near and far events.
 * The same numbers every run (a fixed linear congruential sequence). */
static char *long_span_yaml(void)
{
    static const char *const words[] = { "반도체", "수출", "규제", "발표", "AI", "GPU",
                                         "협력", "회의", "Nvidia", "투자", "공장", "연구소",
                                         "정부", "SMIC", "기술", "표준", "2nm", "합의" };
    static const char *const types[] = { "announce", "restrict", "protest", "invest",
                                         "meet", "release", "cooperate", "legal" };
    static const char *const rels[] = { "responds-to", "causes", "part-of" };
    unsigned long x = 12345;
#define NEXT() lcg(&x)
    kg_buf y = KG_BUF_INIT;
    kg_buf_puts(&y, "kg: 1\ndocument: {id: l, title: 긴 이야기, published: 2025-06-01}\n"
                    "actors:\n"
                    "  - {id: usa, name: 미국, type: country}\n"
                    "  - {id: china, name: 중국, type: country}\n"
                    "  - {id: korea, name: 한국, type: country}\n"
                    "  - {id: acme, name: 에이크미 반도체, type: company}\n"
                    "  - {id: bodyx, name: 국제 표준 기구, type: organization}\n"
                    "events:\n");
    static const char *const who[] = { "usa", "china", "korea", "acme", "bodyx" };
    for (int i = 0; i < 70; i++) {
        int year = i < 8 ? 1950 + (int)(NEXT() % 60) : 2020 + (int)(NEXT() % 6);
        int month = 1 + (int)(NEXT() % 12);
        int day = 1 + (int)(NEXT() % 28);
        char date[48];
        switch (NEXT() % 8) {
        case 0:
            snprintf(date, sizeof date, "%d", year);
            break;
        case 1:
            snprintf(date, sizeof date, "%d-%02d", year, month);
            break;
        case 2:
            snprintf(date, sizeof date, "%d-%02d~", year, month);
            break;
        case 3:
            snprintf(date, sizeof date, "%d-%02d-%02d?", year, month, day);
            break;
        case 4:
            snprintf(date, sizeof date, "%d-%02d/%d-%02d", year, month, year + 1, month);
            break;
        case 5:
            snprintf(date, sizeof date, "%d/..", year);
            break;
        default:
            snprintf(date, sizeof date, "%d-%02d-%02d", year, month, day);
        }
        kg_buf_printf(&y, "  - {id: e%d, title: \"", i);
        int n = 1 + (int)(NEXT() % 9);
        for (int w = 0; w < n; w++)
            kg_buf_printf(&y, "%s%s", w ? " " : "", words[NEXT() % (sizeof words / sizeof *words)]);
        const char *type = types[NEXT() % (sizeof types / sizeof *types)];
        const char *agent = who[NEXT() % (sizeof who / sizeof *who)];
        kg_buf_printf(&y, "\", type: %s, date: %s, agent: [%s]}\n", type, date, agent);
    }
    kg_buf_puts(&y, "relations:\n");
    for (int i = 0; i < 30; i++) {
        int a = (int)(NEXT() % 70);
        int b = (int)(NEXT() % 70);
        const char *rel = rels[NEXT() % 3];
        if (a != b)
            kg_buf_printf(&y, "  - {from: e%d, type: %s, to: e%d}\n", a, rel, b);
    }
#undef NEXT
    return kg_buf_detach(&y, NULL);
}

/* Short spans: events within about six months, three weeks, and two. */
static const char six_months_yaml[] =
    "kg: 1\ndocument: {id: s, title: 여섯 달, published: 2025-02-01}\n"
    "actors:\n"
    "  - {id: usa, name: 미국, type: country}\n"
    "  - {id: china, name: 중국, type: country}\n"
    "events:\n"
    "  - {id: a, title: 첫 사건, type: other, date: 2024-08-06, agent: [usa]}\n"
    "  - {id: b, title: 규제 발표, type: restrict, date: 2024-09-01, agent: [usa]}\n"
    "  - {id: c, title: 반발, type: protest, date: 2024-09-03, agent: [china]}\n"
    "  - {id: d, title: 긴 제목의 후속 회의와 그 결과 발표, type: meet, date: 2024-10-10, agent: [china]}\n"
    "  - {id: e, title: 한 달 동안의 조사, type: legal, date: 2024-11, agent: [china]}\n"
    "  - {id: f, title: 마지막, type: other, date: 2025-01-20, agent: [usa]}\n"
    "relations:\n"
    "  - {from: c, type: responds-to, to: b}\n"
    "  - {from: f, type: causes, to: d}\n";

static const char three_weeks_yaml[] =
    "kg: 1\ndocument: {id: w, title: 세 주, published: 2025-02-01}\n"
    "actors: [{id: usa, name: 미국, type: country}]\n"
    "events:\n"
    "  - {id: a, title: 시작, type: other, date: 2025-01-03, agent: [usa]}\n"
    "  - {id: b, title: 중간, type: meet, date: 2025-01-12, agent: [usa]}\n"
    "  - {id: c, title: 끝, type: other, date: 2025-01-21, agent: [usa]}\n"
    "relations: [{from: c, type: responds-to, to: a}]\n";

static const char two_months_yaml[] =
    "kg: 1\ndocument: {id: m, title: 두 달, published: 2025-04-01}\n"
    "actors: [{id: usa, name: 미국, type: country}]\n"
    "events:\n"
    "  - {id: a, title: 시작, type: other, date: 2025-01-03, agent: [usa]}\n"
    "  - {id: b, title: 끝, type: meet, date: 2025-03-01, agent: [usa]}\n";

static const char decades_yaml[] =
    "kg: 1\ndocument: {id: y, title: 수십 년, published: 2025-04-01}\n"
    "actors: [{id: usa, name: 미국, type: country}]\n"
    "events:\n"
    "  - {id: a, title: 시작, type: other, date: 1990, agent: [usa]}\n"
    "  - {id: b, title: 중간, type: meet, date: 1996-05, agent: [usa]}\n"
    "  - {id: c, title: 중간, type: meet, date: 2002-05, agent: [usa]}\n"
    "  - {id: d, title: 중간, type: meet, date: 2008/2012, agent: [usa]}\n"
    "  - {id: e, title: 중간, type: meet, date: 2015-05-01, agent: [usa]}\n"
    "  - {id: f, title: 끝, type: other, date: 2024-03-01, agent: [usa]}\n";

/* ---- label boxes ---- */

Test(render_layout, bundled_timeline_no_line_crosses_a_label)
{
    static const char *const lanes[] = { "country", "actor", "type" };
    for (size_t i = 0; i < 3; i++) {
        kg_buf cmd = KG_BUF_INIT;
        char *out = NULL;
        kg_buf_printf(&cmd, "%s timeline --no-source -T svg --lanes %s 2>/dev/null", kgt_binary(),
                      lanes[i]);
        cr_assert_eq(kgt_run(cmd.ptr, &out), 0, "%s", cmd.ptr);
        cr_assert(out && strstr(out, "<svg"), "%s wrote no SVG", cmd.ptr);
        cr_expect_eq(crossings(lanes[i], out), 0, "lanes %s: labels crossed", lanes[i]);
        /* the arrows are there (routed, not dropped) */
        cr_expect(strstr(out, "class=\"edge relation responds&#45;to\""), "lanes %s: no arrow",
                  lanes[i]);
        free(out);
        kg_buf_free(&cmd);
    }
}

Test(render_layout, generated_long_span_no_line_crosses_a_label)
{
    char *yaml = long_span_yaml();
    kg_corpus *c = load_text(yaml);
    static const kg_lanes lanes[] = { KG_LANES_COUNTRY, KG_LANES_ACTOR, KG_LANES_TYPE };
    for (size_t i = 0; i < 3; i++) {
        kg_render_opts o = KG_RENDER_OPTS_INIT;
        o.lanes = lanes[i];
        char *svg = render_opts(kg_render_timeline, c, KG_FMT_SVG, &o);
        cr_expect_eq(crossings("long span", svg), 0, "long span, lanes %zu: labels crossed", i);
        size_t arrows = 0;
        for (const char *p = svg; (p = strstr(p, "class=\"edge relation")); p++)
            arrows++;
        cr_expect(arrows >= 20, "only %zu arrows drawn", arrows);
        free(svg);
    }
    free_corpus(c);
    free(yaml);
}

Test(render_layout, short_spans_no_line_crosses_a_label)
{
    const char *const cases[] = { six_months_yaml, three_weeks_yaml, two_months_yaml, decades_yaml };
    for (size_t i = 0; i < 4; i++) {
        kg_corpus *c = load_text(cases[i]);
        char *svg = render(kg_render_timeline, c, KG_FMT_SVG);
        cr_expect_eq(crossings("short span", svg), 0, "case %zu: labels crossed", i);
        free(svg);
        free_corpus(c);
    }
}

/* ---- ticks ---- */

/* The tick labels of a timeline's DOT, in order, '|' separated. */
static void tick_labels(const char *yaml, kg_buf *out, size_t *n)
{
    kg_corpus *c = load_text(yaml);
    char *dot = render(kg_render_timeline, c, KG_FMT_DOT);
    Agraph_t *g = agmemread(dot);
    cr_assert_not_null(g);
    *n = 0;
    for (Agnode_t *v = agfstnode(g); v; v = agnxtnode(g, v)) {
        if (strncmp(agnameof(v), "tick.", 5) != 0)
            continue;
        kg_buf_printf(out, "%s|", agget(v, "label"));
        (*n)++;
    }
    agclose(g);
    free(dot);
    free_corpus(c);
}

Test(render_layout, ticks_adapt_to_the_span)
{
    kg_buf b = KG_BUF_INIT;
    size_t n;
    /* six months: months, the first saying its year; not every 5 days */
    tick_labels(six_months_yaml, &b, &n);
    cr_expect(n >= 5 && n <= 8, "six months: %zu ticks: %s", n, b.ptr);
    cr_expect(strstr(b.ptr, "2024년 8월|") && strstr(b.ptr, "9월|") && strstr(b.ptr, "2025년|"),
              "six months: %s", b.ptr);
    cr_expect_null(strstr(b.ptr, "일|"), "six months has day ticks: %s", b.ptr);
    /* two months: weeks (Mondays) */
    kg_buf_reset(&b);
    tick_labels(two_months_yaml, &b, &n);
    cr_expect(n >= 6 && n <= 12, "two months: %zu ticks: %s", n, b.ptr);
    cr_expect(strstr(b.ptr, "2월|") && strstr(b.ptr, "일|"), "two months: %s", b.ptr);
    cr_expect(strstr(b.ptr, "13일|") || strstr(b.ptr, "20일|"), "two months, no Monday: %s", b.ptr);
    /* three weeks: days */
    kg_buf_reset(&b);
    tick_labels(three_weeks_yaml, &b, &n);
    cr_expect(n >= 8 && n <= 22, "three weeks: %zu ticks: %s", n, b.ptr);
    cr_expect(strstr(b.ptr, "2024년 12월") || strstr(b.ptr, "2025년 1월"), "three weeks: %s", b.ptr);
    /* decades: years, a few apart */
    kg_buf_reset(&b);
    tick_labels(decades_yaml, &b, &n);
    cr_expect(n >= 4 && n <= 20, "decades: %zu ticks: %s", n, b.ptr);
    cr_expect_null(strstr(b.ptr, "월|"), "decades has month ticks: %s", b.ptr);
    kg_buf_free(&b);
}

/* ---- legends ---- */

static const char legend_yaml[] =
    "kg: 1\ndocument: {id: g, title: 범례, published: 2025-02-01}\n"
    "actors:\n"
    "  - {id: usa, name: 미국, type: country}\n"
    "  - {id: ann, name: 앤, type: person}\n"
    "events:\n"
    "  - {id: a, title: 규제 발표, type: restrict, date: 2024-08-06, agent: [usa], target: [ann]}\n"
    "  - {id: b, title: 회의, type: meet, date: 2024-10~, agent: [ann]}\n"
    "  - {id: c, title: 대응, type: protest, date: null, agent: [ann]}\n"
    "relations: [{from: c, type: responds-to, to: a}]\n";

/* The built-in style with one text replaced. */
static char *style_with(int timeline, const char *from, const char *to)
{
    const char *s = kg_render_default_style(timeline);
    const char *p = strstr(s, from);
    cr_assert_not_null(p, "the style has no '%s'", from);
    kg_buf b = KG_BUF_INIT;
    kg_buf_add(&b, s, (size_t)(p - s));
    kg_buf_puts(&b, to);
    kg_buf_puts(&b, p + strlen(from));
    return kg_buf_detach(&b, NULL);
}

Test(render_legend, timeline_legend_lists_what_is_drawn_in_the_style_colours)
{
    kg_corpus *c = load_text(legend_yaml);
    char *style = style_with(1, "\"event.restrict\"  [fillcolor=\"#e45756\"",
                             "\"event.restrict\"  [fillcolor=\"#123456\"");
    kg_render_opts o = KG_RENDER_OPTS_INIT;
    o.style_text = style;
    o.style_len = strlen(style);
    o.style_name = "test.gv";
    char *dot = render_opts(kg_render_timeline, c, KG_FMT_DOT, &o);
    Agraph_t *g = agmemread(dot);
    cr_assert_not_null(g);
    Agnode_t *frame = agnode(g, "legend", 0);
    cr_assert_not_null(frame, "no legend");
    cr_expect_str_eq(agget(frame, "class"), "legend");
    /* the types drawn, in the colour the style gives them */
    Agnode_t *r = agnode(g, "legend.event.restrict", 0);
    cr_assert_not_null(r);
    cr_expect_str_eq(agget(r, "fillcolor"), "#123456");
    cr_expect(strstr(agget(r, "class"), "legend-item"));
    cr_expect_str_eq(agget(r, "tooltip"), "restrict");
    cr_expect(strstr(agget(agnode(g, "legend.event.restrict.label", 0), "label"), "규제"));
    cr_expect_not_null(agnode(g, "legend.event.meet", 0));
    cr_expect_not_null(agnode(g, "legend.event.protest", 0));
    /* not drawn, not listed */
    cr_expect_null(agnode(g, "legend.event.invest", 0));
    cr_expect_null(agnode(g, "legend.event.release", 0));
    cr_expect_null(agnode(g, "legend.label.uncertain", 0));
    cr_expect_null(agnode(g, "legend.legend.break", 0));
    /* the marks this picture has: a day, ~, a date inferred, an arrow */
    cr_expect_not_null(agnode(g, "legend.legend.day", 0));
    cr_expect_not_null(agnode(g, "legend.event.approx", 0));
    cr_expect_not_null(agnode(g, "legend.event.inferred", 0));
    cr_expect_not_null(agnode(g, "legend.edge.responds-to.from", 0));
    cr_expect_null(agnode(g, "legend.edge.causes.from", 0));
    /* below the lanes */
    struct { double x, y; } lp, lane;
    cr_assert(sscanf(agget(frame, "pos"), "%lf,%lf", &lp.x, &lp.y) == 2);
    cr_assert(sscanf(agget(agnode(g, "lane.usa", 0), "pos"), "%lf,%lf", &lane.x, &lane.y) == 2);
    cr_expect(lp.y < lane.y, "the legend is not below the lanes");
    agclose(g);
    free(dot);
    free(style);

    /* kg_legend=top puts it above the axis; none leaves it out */
    style = style_with(1, "kg_legend=bottom", "kg_legend=top");
    o.style_text = style;
    o.style_len = strlen(style);
    dot = render_opts(kg_render_timeline, c, KG_FMT_DOT, &o);
    g = agmemread(dot);
    cr_assert(sscanf(agget(agnode(g, "legend", 0), "pos"), "%lf,%lf", &lp.x, &lp.y) == 2);
    cr_expect(lp.y > 0, "kg_legend=top: the legend is not above the axis");
    agclose(g);
    free(dot);
    free(style);
    style = style_with(1, "kg_legend=bottom", "kg_legend=none");
    o.style_text = style;
    o.style_len = strlen(style);
    dot = render_opts(kg_render_timeline, c, KG_FMT_DOT, &o);
    cr_expect_null(strstr(dot, "legend"), "kg_legend=none still draws a legend");
    free(dot);
    free(style);
    free_corpus(c);
}

Test(render_legend, type_lanes_are_named_in_korean_or_by_code)
{
    kg_corpus *c = load_text(legend_yaml);
    kg_render_opts o = KG_RENDER_OPTS_INIT;
    o.lanes = KG_LANES_TYPE;
    char *dot = render_opts(kg_render_timeline, c, KG_FMT_DOT, &o);
    Agraph_t *g = agmemread(dot);
    Agnode_t *l = agnode(g, "lanelabel.restrict", 0);
    cr_assert_not_null(l);
    cr_expect(strstr(agget(l, "label"), "규제·제한"), "%s", agget(l, "label"));
    cr_expect_null(strstr(agget(l, "label"), "restrict"), "%s", agget(l, "label"));
    cr_expect_str_eq(agget(l, "tooltip"), "restrict");
    agclose(g);
    free(dot);
    char *style = style_with(1, "kg_names=ko", "kg_names=code");
    o.style_text = style;
    o.style_len = strlen(style);
    dot = render_opts(kg_render_timeline, c, KG_FMT_DOT, &o);
    g = agmemread(dot);
    l = agnode(g, "lanelabel.restrict", 0);
    cr_expect(strstr(agget(l, "label"), "restrict"), "kg_names=code: %s", agget(l, "label"));
    cr_expect(strstr(agget(agnode(g, "legend.event.meet.label", 0), "label"), "meet"));
    agclose(g);
    free(dot);
    free(style);
    free_corpus(c);
}

Test(render_legend, graph_legend_lists_what_is_drawn_in_the_style_colours)
{
    kg_corpus *c = load_text(legend_yaml);
    char *style = style_with(0, "\"event.meet\"      [fillcolor=\"#e6e3f3\"",
                             "\"event.meet\"      [fillcolor=\"#abcdef\"");
    kg_render_opts o = KG_RENDER_OPTS_INIT;
    o.style_text = style;
    o.style_len = strlen(style);
    o.style_name = "test.gv";
    char *dot = render_opts(kg_render_graph, c, KG_FMT_DOT, &o);
    Agraph_t *g = agmemread(dot);
    cr_assert_not_null(g);
    const char *label = agget(g, "label");
    cr_assert(label && strstr(label, "ID=\"legend\""), "no legend: %s", label ? label : "");
    cr_expect_str_eq(agget(g, "labelloc"), "b");
    /* kinds drawn: their rows, in the style's colours, with their codes */
    cr_expect(strstr(label, "ID=\"legend.event.meet\" TITLE=\"meet\""));
    cr_expect(strstr(label, "BGCOLOR=\"#abcdef\""), "the swatch is not in the style's colour");
    cr_expect(strstr(label, "ID=\"legend.event.restrict\""));
    cr_expect(strstr(label, "ID=\"legend.actor.person\""));
    cr_expect(strstr(label, "ID=\"legend.actor.country\""));
    cr_expect(strstr(label, "ID=\"legend.edge.target\""));
    cr_expect(strstr(label, "ID=\"legend.edge.responds-to\""));
    cr_expect(strstr(label, "회담·회의") && strstr(label, "인물"), "not named in Korean");
    cr_expect(strstr(label, "대략의 날짜"), "the ~ of 2024-10~ is not explained");
    /* kinds not drawn: no rows */
    cr_expect_null(strstr(label, "legend.event.invest"));
    cr_expect_null(strstr(label, "legend.actor.company"));
    cr_expect_null(strstr(label, "legend.edge.causes"));
    cr_expect_null(strstr(label, "legend.edge.subject"));
    cr_expect_null(strstr(label, "불확실"));
    agclose(g);
    free(dot);
    free(style);
    /* in the SVG: a group the report can find */
    char *svg = render(kg_render_graph, c, KG_FMT_SVG);
    cr_expect(strstr(svg, "<g id=\"a_legend\">"), "no legend group in the SVG");
    cr_expect(strstr(svg, "<g id=\"a_legend.event.meet\">"));
    free(svg);
    style = style_with(0, "kg_legend=bottom", "kg_legend=none");
    o.style_text = style;
    o.style_len = strlen(style);
    dot = render_opts(kg_render_graph, c, KG_FMT_DOT, &o);
    cr_expect_null(strstr(dot, "legend"), "kg_legend=none still draws a legend");
    free(dot);
    free(style);
    free_corpus(c);
}
