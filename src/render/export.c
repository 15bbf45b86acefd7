/* export.c - the facts for the tools people already have: CSV tables,
 * GraphML and GEXF (Gephi, Cytoscape, yEd), TimelineJS JSON (Knight
 * Lab's web timeline) and Mermaid (Markdown, wikis).
 *
 * Every export draws from the same kg_view as the pictures (view.c), so
 * `kg export --focus X` holds what `kg graph --focus X` draws, under the
 * same ids. Every string is made valid UTF-8 with control characters
 * replaced (kg_utf8_clean, as in the pictures) and then escaped for where
 * it lands: XML text and attributes, JSON strings (holding HTML, which is
 * what TimelineJS makes of them), CSV fields, Mermaid labels. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/csv.h"
#include "kg/json.h"
#include "util/hmap.h"
#include "render/render_int.h"

static const char *const format_names[] = { "csv",     "graphml",          "gexf",
                                            "timelinejs", "mermaid",       "mermaid-timeline",
                                            "mermaid-flowchart", NULL };
static const char *const table_names[] = { "events", "actors", "figures", "relations", NULL };

int kg_export_format_parse(const char *name, kg_export_format *f)
{
    for (int i = 0; name && format_names[i]; i++)
        if (strcmp(name, format_names[i]) == 0) {
            *f = (kg_export_format)i;
            return 0;
        }
    return -1;
}

const char *kg_export_format_name(kg_export_format f)
{
    return (unsigned)f < sizeof format_names / sizeof *format_names - 1 ? format_names[f] : "?";
}

int kg_export_table_parse(const char *name, kg_export_table *t)
{
    for (int i = 0; name && table_names[i]; i++)
        if (strcmp(name, table_names[i]) == 0) {
            *t = (kg_export_table)i;
            return 0;
        }
    return -1;
}

const char *kg_export_table_name(kg_export_table t)
{
    return (unsigned)t < KG_N_TABLES ? table_names[t] : "?";
}

/* ---- the values every format writes ---- */

static const char *kind_name(kg_vkind k)
{
    return k == KG_V_ACTOR ? "actor" : k == KG_V_EVENT ? "event" : "figure";
}

static const char *prec_name(kg_prec p)
{
    return p == KG_PREC_YEAR ? "year" : p == KG_PREC_MONTH ? "month" : p == KG_PREC_DAY ? "day" : "";
}

/* The date of a node (event: its first valid one; figure: its own), or
 * NULL. */
static const kg_date *node_date(const kg_vnode *n)
{
    if (n->kind == KG_V_EVENT)
        return n->date;
    if (n->kind == KG_V_FIGURE && n->fig->date.text && n->fig->date.valid)
        return &n->fig->date;
    return NULL;
}

/* A day number as YYYY-MM-DD into buf ("" for an open end). */
static const char *iso_day(long day, char buf[16])
{
    buf[0] = '\0';
    if (day == LONG_MIN || day == LONG_MAX)
        return buf;
    int y, m, d;
    kg_civil_from_days(day, &y, &m, &d);
    snprintf(buf, 16, "%04d-%02d-%02d", y, m, d);
    return buf;
}

/* What one node says, as plain (uncleaned) text fields. */
typedef struct fields {
    const char *label, *type, *date, *precision, *document, *source, *url, *country;
    char start[16], end[16];
    kg_buf label_buf;
} fields;

static void node_fields(const kg_view *v, const kg_vnode *n, fields *f)
{
    memset(f, 0, sizeof *f);
    kg_buf_init(&f->label_buf);
    f->label = n->id;
    const kg_date *d = node_date(n);
    if (d) {
        long first, last;
        kg_edtf_bounds(&d->edtf, &first, &last);
        iso_day(first, f->start);
        iso_day(last, f->end);
        f->date = d->text;
        f->precision = prec_name(d->edtf.a.prec ? d->edtf.a.prec : d->edtf.b.prec);
    }
    if (n->doc) {
        f->document = n->doc->id;
        f->source = n->doc->title;
        f->url = kg_view_url(n);
    }
    f->country = n->country_name;
    switch (n->kind) {
    case KG_V_ACTOR:
        f->label = n->name ? n->name : n->id;
        f->type = n->type;
        break;
    case KG_V_EVENT: {
        const kg_event *ev = n->recs[0].ev;
        if (ev->title && *ev->title)
            f->label = ev->title;
        f->type = ev->type ? ev->type : "other";
        break;
    }
    case KG_V_FIGURE:
        if (n->fig->measure && *n->fig->measure) {
            kg_buf_puts(&f->label_buf, n->fig->measure);
            kg_buf_puts(&f->label_buf, ": ");
        }
        kg_figure_value(&f->label_buf, n->fig);
        f->label = f->label_buf.ptr;
        f->type = n->fig->measure;
        f->country = NULL;
        break;
    }
    (void)v;
}

static void fields_free(fields *f)
{
    kg_buf_free(&f->label_buf);
}

/* ---- CSV ---- */

/* One cleaned field (NULL: empty), then a comma unless last. */
static void csv_put(kg_buf *out, const char *s, int last)
{
    kg_buf tmp = KG_BUF_INIT;
    if (s)
        kg_utf8_clean(&tmp, s, strlen(s));
    kg_csv_field(out, tmp.ptr, tmp.len);
    kg_buf_free(&tmp);
    if (last)
        kg_csv_end(out);
    else
        kg_buf_putc(out, ',');
}

static void csv_header(kg_buf *out, const char *const *cols)
{
    for (size_t i = 0; cols[i]; i++)
        csv_put(out, cols[i], !cols[i + 1]);
}

static void join_ids(kg_buf *b, const kg_strv *ids)
{
    for (size_t i = 0; i < ids->n; i++) {
        if (i)
            kg_buf_putc(b, ';');
        kg_buf_puts(b, ids->v[i]);
    }
}

static void csv_events(kg_view *v, kg_buf *out)
{
    static const char *const cols[] = { "id",        "title",    "type",    "date",   "start",
                                        "end",       "precision", "when",   "agents", "targets",
                                        "country",   "document", "source",  "url",    "same_as",
                                        "quote",     "sentence", NULL };
    csv_header(out, cols);
    kg_buf tmp = KG_BUF_INIT;
    for (size_t i = 0; i < v->n_nodes; i++) {
        const kg_vnode *n = &v->nodes[i];
        if (n->kind != KG_V_EVENT)
            continue;
        const kg_event *ev = n->recs[0].ev;
        fields f;
        node_fields(v, n, &f);
        csv_put(out, n->id, 0);
        csv_put(out, ev->title, 0);
        csv_put(out, f.type, 0);
        csv_put(out, f.date, 0);
        csv_put(out, f.start, 0);
        csv_put(out, f.end, 0);
        csv_put(out, f.precision, 0);
        csv_put(out, ev->when, 0);
        kg_buf_reset(&tmp);
        join_ids(&tmp, &n->agents);
        csv_put(out, tmp.ptr, 0);
        kg_buf_reset(&tmp);
        join_ids(&tmp, &n->targets);
        csv_put(out, tmp.ptr, 0);
        csv_put(out, n->country, 0);
        csv_put(out, f.document, 0);
        csv_put(out, f.source, 0);
        csv_put(out, f.url, 0);
        kg_buf_reset(&tmp);
        for (size_t r = 1; r < n->n_recs; r++)
            kg_buf_printf(&tmp, "%s%s/%s", r > 1 ? ";" : "", n->recs[r].doc->id,
                          n->recs[r].ev->id);
        csv_put(out, tmp.ptr, 0);
        csv_put(out, ev->quote, 0);
        kg_buf_reset(&tmp);
        kg_view_sentence(v, n->recs[0].doc_ix, &ev->span, ev->sentence, &tmp);
        csv_put(out, tmp.ptr, 1);
        fields_free(&f);
    }
    kg_buf_free(&tmp);
}

static void csv_actors(kg_view *v, kg_buf *out)
{
    static const char *const cols[] = { "id", "name", "type", "part_of", "country", "aliases", NULL };
    csv_header(out, cols);
    kg_buf tmp = KG_BUF_INIT;
    for (size_t i = 0; i < v->n_nodes; i++) {
        const kg_vnode *n = &v->nodes[i];
        if (n->kind != KG_V_ACTOR)
            continue;
        csv_put(out, n->id, 0);
        csv_put(out, n->name, 0);
        csv_put(out, n->type, 0);
        csv_put(out, n->part_of, 0);
        csv_put(out, n->country, 0);
        kg_buf_reset(&tmp);
        const kg_merged_actor *a = kg_actors_find(&v->actors, n->id);
        for (size_t k = 0; a && k < a->n_aliases; k++)
            kg_buf_printf(&tmp, "%s%s", k ? ";" : "", a->aliases[k]);
        csv_put(out, tmp.ptr, 1);
    }
    kg_buf_free(&tmp);
}

static void csv_number(kg_buf *out, double x, int set, int last)
{
    char buf[40] = "";
    if (set) {
        snprintf(buf, sizeof buf, "%.15g", x);
        if (strtod(buf, NULL) != x)
            snprintf(buf, sizeof buf, "%.17g", x);
    }
    csv_put(out, buf, last);
}

static void csv_figures(kg_view *v, kg_buf *out)
{
    static const char *const cols[] = { "id",      "measure", "value",    "value_max", "unit",
                                        "counter", "approx",  "text",     "subject",   "date",
                                        "start",   "end",     "precision", "document", "source",
                                        "url",     "quote",   "sentence", NULL };
    csv_header(out, cols);
    kg_buf tmp = KG_BUF_INIT;
    for (size_t i = 0; i < v->n_nodes; i++) {
        const kg_vnode *n = &v->nodes[i];
        if (n->kind != KG_V_FIGURE)
            continue;
        const kg_figure *fg = n->fig;
        fields f;
        node_fields(v, n, &f);
        csv_put(out, n->id, 0);
        csv_put(out, fg->measure, 0);
        csv_number(out, fg->value, 1, 0);
        csv_number(out, fg->value_max, fg->is_range, 0);
        csv_put(out, fg->unit, 0);
        csv_put(out, fg->counter, 0);
        csv_put(out, fg->approx ? fg->approx : "exact", 0);
        kg_buf_reset(&tmp);
        kg_figure_value(&tmp, fg);
        csv_put(out, tmp.ptr, 0);
        csv_put(out, fg->subject, 0);
        csv_put(out, f.date, 0);
        csv_put(out, f.start, 0);
        csv_put(out, f.end, 0);
        csv_put(out, f.precision, 0);
        csv_put(out, f.document, 0);
        csv_put(out, f.source, 0);
        csv_put(out, f.url, 0);
        csv_put(out, fg->quote, 0);
        kg_buf_reset(&tmp);
        kg_view_sentence(v, n->doc_ix, &fg->span, fg->sentence, &tmp);
        csv_put(out, tmp.ptr, 1);
        fields_free(&f);
    }
    kg_buf_free(&tmp);
}

/* The relations between the events kept (same-as groups are one event:
 * their members are in events.csv's same_as). */
static void csv_relations(kg_view *v, kg_buf *out)
{
    static const char *const cols[] = { "id", "from", "type", "to", NULL };
    csv_header(out, cols);
    for (size_t i = 0; i < v->n_edges; i++) {
        const kg_vedge *e = &v->edges[i];
        if (e->kind != KG_E_RELATION)
            continue;
        csv_put(out, e->id, 0);
        csv_put(out, v->nodes[e->from].id, 0);
        csv_put(out, kg_edge_kind_name(e), 0);
        csv_put(out, v->nodes[e->to].id, 1);
    }
}

/* ---- XML (GraphML, GEXF) ---- */

/* Text for XML element content: valid UTF-8 with no character XML 1.0
 * forbids (kg_html_escape cleans first), markup characters as entities. */
static void xml_text(kg_buf *out, const char *s)
{
    kg_html_escape(out, s ? s : "");
}

/* The same for an attribute value: a newline as &#10;, since a parser
 * turns a raw one into a space. */
static void xml_attr(kg_buf *out, const char *s)
{
    kg_buf tmp = KG_BUF_INIT;
    kg_html_escape(&tmp, s ? s : "");
    for (size_t i = 0; i < tmp.len; i++) {
        if (tmp.ptr[i] == '\n')
            kg_buf_puts(out, "&#10;");
        else
            kg_buf_putc(out, tmp.ptr[i]);
    }
    kg_buf_free(&tmp);
}

/* The attributes nodes and edges carry, in this order, in both XML
 * formats. */
enum { A_KIND, A_LABEL, A_TYPE, A_DATE, A_START, A_END, A_PREC, A_DOC, A_SOURCE, A_URL,
       A_COUNTRY, A_VALUE, A_UNIT, A_N };
static const char *const attr_names[A_N] = { "kind",     "label",  "type",     "date", "start",
                                             "end",      "precision", "document", "source", "url",
                                             "country",  "value",  "unit" };

/* The attribute values of a node, NULL when it has none. *value gets the
 * figure's value (A_VALUE is written as a number). */
static void node_attrs(const kg_view *v, const kg_vnode *n, fields *f, const char *vals[A_N],
                       char num[40])
{
    node_fields(v, n, f);
    memset(vals, 0, A_N * sizeof *vals);
    vals[A_KIND] = kind_name(n->kind);
    vals[A_LABEL] = f->label;
    vals[A_TYPE] = f->type;
    vals[A_DATE] = f->date;
    vals[A_START] = f->start[0] ? f->start : NULL;
    vals[A_END] = f->end[0] ? f->end : NULL;
    vals[A_PREC] = f->precision && *f->precision ? f->precision : NULL;
    vals[A_DOC] = f->document;
    vals[A_SOURCE] = f->source;
    vals[A_URL] = f->url;
    vals[A_COUNTRY] = f->country;
    if (n->kind == KG_V_FIGURE) {
        snprintf(num, 40, "%.15g", n->fig->value);
        if (strtod(num, NULL) != n->fig->value)
            snprintf(num, 40, "%.17g", n->fig->value);
        vals[A_VALUE] = num;
        vals[A_UNIT] = n->fig->unit;
    }
}

static const char *edge_label(const kg_vedge *e)
{
    return kg_edge_kind_name(e);
}

/* an edge's kind attribute: "relation" for every relation type */
static const char *edge_kind(const kg_vedge *e)
{
    return e->kind == KG_E_RELATION ? "relation" : kg_edge_kind_name(e);
}

/* INDENT<edge id="ID" source="FROM" target="TO  (the attribute left open) */
static void edge_open(const kg_view *v, const kg_vedge *e, const char *indent, kg_buf *out)
{
    kg_buf_printf(out, "%s<edge id=\"", indent);
    xml_attr(out, e->id);
    kg_buf_puts(out, "\" source=\"");
    xml_attr(out, v->nodes[e->from].id);
    kg_buf_puts(out, "\" target=\"");
    xml_attr(out, v->nodes[e->to].id);
}

/* Calls write for every node of the view with its attribute values
 * (NULL where a node has none). */
typedef void node_writer(kg_buf *out, const kg_vnode *n, const char *const vals[A_N]);

static void each_node(const kg_view *v, kg_buf *out, node_writer *write)
{
    for (size_t i = 0; i < v->n_nodes; i++) {
        const kg_vnode *n = &v->nodes[i];
        fields f;
        const char *vals[A_N];
        char num[40];
        node_attrs(v, n, &f, vals, num);
        write(out, n, vals);
        fields_free(&f);
    }
}

static void graphml_node(kg_buf *out, const kg_vnode *n, const char *const vals[A_N])
{
    kg_buf_puts(out, "    <node id=\"");
    xml_attr(out, n->id);
    kg_buf_puts(out, "\">\n");
    for (int a = 0; a < A_N; a++) {
        if (!vals[a])
            continue;
        kg_buf_printf(out, "      <data key=\"n_%s\">", attr_names[a]);
        xml_text(out, vals[a]);
        kg_buf_puts(out, "</data>\n");
    }
    kg_buf_puts(out, "    </node>\n");
}

static void gexf_node(kg_buf *out, const kg_vnode *n, const char *const vals[A_N])
{
    kg_buf_puts(out, "      <node id=\"");
    xml_attr(out, n->id);
    kg_buf_puts(out, "\" label=\"");
    xml_attr(out, vals[A_LABEL]);
    kg_buf_puts(out, "\">\n        <attvalues>\n");
    for (int a = 0; a < A_N; a++) {
        if (!vals[a] || a == A_LABEL)
            continue;
        kg_buf_printf(out, "          <attvalue for=\"%s\" value=\"", attr_names[a]);
        xml_attr(out, vals[a]);
        kg_buf_puts(out, "\"/>\n");
    }
    kg_buf_puts(out, "        </attvalues>\n      </node>\n");
}

static void graphml(kg_view *v, kg_buf *out)
{
    kg_buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
                     "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                     "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
                     "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
    for (int a = 0; a < A_N; a++)
        kg_buf_printf(out, "  <key id=\"n_%s\" for=\"node\" attr.name=\"%s\" attr.type=\"%s\"/>\n",
                      attr_names[a], attr_names[a], a == A_VALUE ? "double" : "string");
    kg_buf_puts(out, "  <key id=\"e_kind\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>\n"
                     "  <key id=\"e_label\" for=\"edge\" attr.name=\"label\" attr.type=\"string\"/>\n"
                     "  <graph id=\"kg\" edgedefault=\"directed\">\n");
    each_node(v, out, graphml_node);
    for (size_t i = 0; i < v->n_edges; i++) {
        const kg_vedge *e = &v->edges[i];
        edge_open(v, e, "    ", out);
        kg_buf_puts(out, "\">\n      <data key=\"e_kind\">");
        xml_text(out, edge_kind(e));
        kg_buf_puts(out, "</data>\n      <data key=\"e_label\">");
        xml_text(out, edge_label(e));
        kg_buf_puts(out, "</data>\n    </edge>\n");
    }
    kg_buf_puts(out, "  </graph>\n</graphml>\n");
}

static void gexf(kg_view *v, const kg_render_opts *o, kg_buf *out)
{
    kg_buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<gexf xmlns=\"http://www.gexf.net/1.2draft\" version=\"1.2\">\n"
                     "  <meta>\n    <creator>kg " KG_VERSION "</creator>\n"
                     "    <description>");
    xml_text(out, o->title ? o->title : "kg facts");
    kg_buf_puts(out, "</description>\n  </meta>\n"
                     "  <graph mode=\"static\" defaultedgetype=\"directed\">\n"
                     "    <attributes class=\"node\">\n");
    for (int a = 0; a < A_N; a++)
        if (a != A_LABEL)
            kg_buf_printf(out, "      <attribute id=\"%s\" title=\"%s\" type=\"%s\"/>\n",
                          attr_names[a], attr_names[a], a == A_VALUE ? "double" : "string");
    kg_buf_puts(out, "    </attributes>\n    <attributes class=\"edge\">\n"
                     "      <attribute id=\"kind\" title=\"kind\" type=\"string\"/>\n"
                     "    </attributes>\n    <nodes>\n");
    each_node(v, out, gexf_node);
    kg_buf_puts(out, "    </nodes>\n    <edges>\n");
    for (size_t i = 0; i < v->n_edges; i++) {
        const kg_vedge *e = &v->edges[i];
        edge_open(v, e, "      ", out);
        kg_buf_puts(out, "\" label=\"");
        xml_attr(out, edge_label(e));
        kg_buf_puts(out, "\">\n        <attvalues>\n          <attvalue for=\"kind\" value=\"");
        xml_attr(out, edge_kind(e));
        kg_buf_puts(out, "\"/>\n        </attvalues>\n      </edge>\n");
    }
    kg_buf_puts(out, "    </edges>\n  </graph>\n</gexf>\n");
}

/* ---- TimelineJS ---- */

/* A JSON string holding s as HTML text (TimelineJS puts headline, text
 * and group into the page as HTML). */
static void json_html(kg_buf *out, const char *s)
{
    kg_buf tmp = KG_BUF_INIT;
    kg_html_escape(&tmp, s ? s : "");
    kg_json_string(out, tmp.ptr, tmp.len);
    kg_buf_free(&tmp);
}

/* {"year": Y, "month": M, "day": D} down to the point's precision. */
static void tl_date(kg_buf *out, const kg_edtf_point *p)
{
    kg_buf_printf(out, "{\"year\": %d", p->year);
    if (p->prec >= KG_PREC_MONTH)
        kg_buf_printf(out, ", \"month\": %d", p->month);
    if (p->prec >= KG_PREC_DAY)
        kg_buf_printf(out, ", \"day\": %d", p->day);
    kg_buf_putc(out, '}');
}

/* The names of ids, joined. */
static void names(const kg_view *v, const kg_strv *ids, kg_buf *out)
{
    for (size_t i = 0; i < ids->n; i++) {
        if (i)
            kg_buf_puts(out, ", ");
        kg_buf_puts(out, kg_view_actor_name(v, ids->v[i]));
    }
}

/* A unique_id TimelineJS can use in a URL hash: the fact id with every
 * character but [A-Za-z0-9_-] as '-', and -2, -3 ... when that is
 * taken. */
static void tl_unique_id(kg_hmap *seen, const char *id, kg_buf *out)
{
    kg_buf b = KG_BUF_INIT;
    for (const char *p = id; *p; p++) {
        char c = *p;
        int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '_' || c == '-';
        kg_buf_putc(&b, ok ? c : '-');
    }
    size_t base = b.len;
    for (int k = 2; kg_hmap_get(seen, b.ptr); k++) {
        b.len = base;
        b.ptr[base] = '\0';
        kg_buf_printf(&b, "-%d", k);
    }
    kg_hmap_put(seen, kg_xstrdup(b.ptr), (void *)1);
    kg_json_string(out, b.ptr, b.len);
    kg_buf_free(&b);
}

static size_t timelinejs(kg_view *v, const kg_render_opts *o, kg_buf *out)
{
    kg_hmap seen = { 0 };
    kg_buf tmp = KG_BUF_INIT, html = KG_BUF_INIT;
    size_t undated = 0, k = 0;
    kg_buf_puts(out, "{\n  \"title\": {\"text\": {\"headline\": ");
    json_html(out, o->title ? o->title : "kg");
    kg_buf_puts(out, ", \"text\": ");
    json_html(out, o->intro ? o->intro : "");
    kg_buf_puts(out, "}},\n  \"events\": [");
    for (size_t i = 0; i < v->n_nodes; i++) {
        const kg_vnode *n = &v->nodes[i];
        if (n->kind != KG_V_EVENT)
            continue;
        if (!n->date) {
            undated++;
            continue;
        }
        const kg_event *ev = n->recs[0].ev;
        const kg_edtf *e = &n->date->edtf;
        const kg_edtf_point *start = e->a.prec ? &e->a : &e->b;
        kg_buf_puts(out, k++ ? ",\n    {" : "\n    {");
        kg_buf_puts(out, "\"unique_id\": ");
        tl_unique_id(&seen, n->id, out);
        kg_buf_puts(out, ", \"start_date\": ");
        tl_date(out, start);
        if (e->interval && e->a.prec && e->b.prec) {
            kg_buf_puts(out, ", \"end_date\": ");
            tl_date(out, &e->b);
        }
        if (e->interval || e->a.approx || e->a.uncertain || e->b.approx || e->b.uncertain) {
            kg_buf_reset(&tmp);
            kg_date_text(&tmp, n->date);
            kg_buf_puts(out, ", \"display_date\": ");
            json_html(out, tmp.ptr);
        }
        kg_buf_puts(out, ",\n     \"text\": {\"headline\": ");
        json_html(out, ev->title && *ev->title ? ev->title : n->id);
        /* the text: who, to whom, the type, the source (a link when http(s)) */
        kg_buf_reset(&html);
        kg_buf_puts(&html, "<p>");
        kg_buf_reset(&tmp);
        names(v, &n->agents, &tmp);
        if (n->targets.n) {
            if (n->agents.n)
                kg_buf_puts(&tmp, " ");
            kg_buf_puts(&tmp, "\xE2\x86\x92 ");
            names(v, &n->targets, &tmp);
        }
        kg_html_escape(&html, tmp.ptr);
        kg_buf_puts(&html, tmp.len ? " (" : "(");
        kg_html_escape(&html, ev->type ? ev->type : "other");
        kg_buf_puts(&html, ")</p><p>");
        const kg_doc *doc = n->recs[0].doc;
        const char *url = kg_view_url(n);
        const char *title = doc->title ? doc->title : doc->id ? doc->id : "?";
        if (url) {
            kg_buf_puts(&html, "<a href=\"");
            kg_html_escape(&html, url);
            kg_buf_puts(&html, "\">");
            kg_html_escape(&html, title);
            kg_buf_puts(&html, "</a>");
        } else {
            kg_html_escape(&html, title);
        }
        kg_buf_puts(&html, "</p>");
        kg_buf_puts(out, ", \"text\": ");
        kg_json_string(out, html.ptr, html.len);
        kg_buf_puts(out, "}");
        if (n->country_name) {
            kg_buf_puts(out, ",\n     \"group\": ");
            json_html(out, n->country_name);
        }
        kg_buf_puts(out, "}");
    }
    kg_buf_puts(out, k ? "\n  ]\n}\n" : "]\n}\n");
    for (size_t i = 0; i < seen.cap; i++)
        free((char *)seen.keys[i]);
    kg_hmap_free(&seen);
    kg_buf_free(&tmp);
    kg_buf_free(&html);
    return undated;
}

/* ---- Mermaid ---- */

/* s on one line (line breaks become spaces), every byte of special
 * written as its number between open ("&#" or "#") and ';'. */
static void mm_escape(kg_buf *out, const char *s, const char *special, const char *open)
{
    kg_buf tmp = KG_BUF_INIT;
    kg_utf8_clean(&tmp, s ? s : "", s ? strlen(s) : 0);
    for (const char *p = tmp.ptr; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c == '\n' || c == '\r')
            kg_buf_putc(out, ' ');
        else if (strchr(special, c))
            kg_buf_printf(out, "%s%d;", open, c);
        else
            kg_buf_putc(out, c);
    }
    kg_buf_free(&tmp);
}

/* Text for a Mermaid timeline: one line; HTML entities for the
 * characters the syntax or the page would read (':' separates events,
 * '#' starts an entity, '<' '&' are HTML there). */
static void mm_timeline_text(kg_buf *out, const char *s)
{
    mm_escape(out, s, ":#;&<>\"'%`{}[]|\\", "&#");
}

/* Text for a quoted flowchart label ["..."]: one line; Mermaid's entity
 * codes (#NN;) for '"', '#' and the HTML characters. */
static void mm_label(kg_buf *out, const char *s)
{
    mm_escape(out, s, "\"#;&<>'%`{}[]|\\", "#");
}

/* The dated events as a Mermaid timeline: a section per year, a period
 * per date, the events of that date after it. Returns the undated events
 * left out. */
static size_t mm_timeline(kg_view *v, const kg_render_opts *o, kg_buf *out)
{
    size_t undated = 0;
    int year = INT_MIN;
    const kg_date *last = NULL;
    kg_buf tmp = KG_BUF_INIT;
    /* the title statement reads to the end of the line (a ':' is safe
     * there and an entity would show as written): line breaks are taken
     * out, and the HTML characters made entities in case it is drawn as
     * HTML */
    kg_buf tl = KG_BUF_INIT;
    const char *title = o->title ? o->title : "kg";
    kg_utf8_clean(&tl, title, strlen(title));
    kg_buf_puts(out, "timeline\n    title ");
    for (size_t i = 0; i < tl.len; i++) {
        char ch = tl.ptr[i];
        if (ch == '\n' || ch == '\r')
            kg_buf_putc(out, ' ');
        else if (ch == '<' || ch == '>' || ch == '&')
            kg_buf_printf(out, "&#%d;", ch);
        else
            kg_buf_putc(out, ch);
    }
    kg_buf_putc(out, '\n');
    kg_buf_free(&tl);
    for (size_t i = 0; i < v->n_nodes; i++) {
        const kg_vnode *n = &v->nodes[i];
        if (n->kind != KG_V_EVENT)
            continue;
        if (!n->date) {
            undated++;
            continue;
        }
        const kg_edtf *e = &n->date->edtf;
        int y = e->a.prec ? e->a.year : e->b.year;
        if (y != year) {
            kg_buf_printf(out, "    section %04d\n", y);
            year = y;
            last = NULL;
        }
        if (!last || strcmp(last->text, n->date->text) != 0) {
            kg_buf_reset(&tmp);
            kg_date_text(&tmp, n->date);
            kg_buf_puts(out, "        ");
            mm_timeline_text(out, tmp.ptr);
            kg_buf_puts(out, " : ");
            last = n->date;
        } else {
            kg_buf_puts(out, "        : "); /* one more event of that date */
        }
        const kg_event *ev = n->recs[0].ev;
        mm_timeline_text(out, ev->title && *ev->title ? ev->title : n->id);
        kg_buf_putc(out, '\n');
    }
    kg_buf_free(&tmp);
    return undated;
}

/* The chains of responds-to and causes relations as a flowchart: the
 * events they link (with their dates), an arrow from a relation's from
 * to its to, labelled with its type. */
static void mm_flowchart(kg_view *v, kg_buf *out)
{
    size_t *num = kg_xcalloc(v->n_nodes ? v->n_nodes : 1, sizeof *num);
    size_t k = 0;
    kg_buf_puts(out, "flowchart LR\n");
    for (size_t i = 0; i < v->n_edges; i++) {
        const kg_vedge *e = &v->edges[i];
        if (e->kind != KG_E_RELATION || !e->rel ||
            (strcmp(e->rel, "responds-to") != 0 && strcmp(e->rel, "causes") != 0))
            continue;
        size_t ends[2] = { e->from, e->to };
        for (int j = 0; j < 2; j++) {
            const kg_vnode *n = &v->nodes[ends[j]];
            if (num[ends[j]])
                continue;
            num[ends[j]] = ++k;
            const kg_event *ev = n->recs[0].ev;
            kg_buf tmp = KG_BUF_INIT;
            kg_buf_puts(&tmp, ev->title && *ev->title ? ev->title : n->id);
            if (n->date) {
                kg_buf_puts(&tmp, " (");
                kg_date_text(&tmp, n->date);
                kg_buf_puts(&tmp, ")");
            }
            kg_buf_printf(out, "    n%zu[\"", k);
            mm_label(out, tmp.ptr);
            kg_buf_puts(out, "\"]\n");
            kg_buf_free(&tmp);
        }
    }
    for (size_t i = 0; i < v->n_edges; i++) {
        const kg_vedge *e = &v->edges[i];
        if (e->kind != KG_E_RELATION || !num[e->from] || !num[e->to] ||
            (strcmp(e->rel, "responds-to") != 0 && strcmp(e->rel, "causes") != 0))
            continue;
        kg_buf_printf(out, "    n%zu -->|%s| n%zu\n", num[e->from], e->rel, num[e->to]);
    }
    free(num);
}

/* ---- entry ---- */

int kg_export(const kg_corpus *c, const kg_render_opts *o, kg_export_format f,
              kg_export_table t, kg_buf *out, kg_diag *d)
{
    kg_view v;
    int rc = kg_view_build(&v, c, o, d);
    if (rc != KG_RENDER_OK) {
        kg_view_free(&v);
        return rc;
    }
    size_t undated = 0;
    switch (f) {
    case KG_EXPORT_CSV:
        switch (t) {
        case KG_TABLE_EVENTS: csv_events(&v, out); break;
        case KG_TABLE_ACTORS: csv_actors(&v, out); break;
        case KG_TABLE_FIGURES: csv_figures(&v, out); break;
        case KG_TABLE_RELATIONS: csv_relations(&v, out); break;
        default: rc = KG_RENDER_EFORMAT; break;
        }
        break;
    case KG_EXPORT_GRAPHML: graphml(&v, out); break;
    case KG_EXPORT_GEXF: gexf(&v, o, out); break;
    case KG_EXPORT_TIMELINEJS: undated = timelinejs(&v, o, out); break;
    case KG_EXPORT_MERMAID:
        kg_buf_puts(out, "```mermaid\n");
        undated = mm_timeline(&v, o, out);
        kg_buf_puts(out, "```\n\n```mermaid\n");
        mm_flowchart(&v, out);
        kg_buf_puts(out, "```\n");
        break;
    case KG_EXPORT_MERMAID_TIMELINE: undated = mm_timeline(&v, o, out); break;
    case KG_EXPORT_MERMAID_FLOWCHART: mm_flowchart(&v, out); break;
    default: rc = KG_RENDER_EFORMAT; break;
    }
    if (undated)
        kg_diag_add(d, KG_SEV_NOTE, NULL, 0, 0,
                    "%zu undated event%s left out of the timeline (a timeline places only "
                    "dated events)",
                    undated, undated == 1 ? " is" : "s are");
    kg_view_free(&v);
    return rc;
}
