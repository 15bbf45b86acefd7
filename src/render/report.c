/* report.c - `kg report` (kg_render_report): one self-contained HTML page
 * a reader explores, or Markdown that refers to timeline.svg and graph.svg.
 *
 * The page holds the timeline and graph SVG inline, tables of events,
 * actors, figures, relations and documents, and the facts again as JSON
 * for its script (src/render/report.js and report.css, made into C
 * strings by gen-assets.sh): pan and zoom, sorting, filters, a search and
 * a detail panel with each fact's source sentence. Without script it is
 * the same pictures (at their own size, scrolled) and static tables. It
 * needs no network, and its Content-Security-Policy forbids any.
 *
 * Every text from the facts is escaped for HTML (text and attributes) or,
 * in the JSON, with "<", ">" and "&" as \u escapes so that nothing ends
 * the <script> element; only http(s) URLs become links. The two SVGs get
 * id prefixes (tl_, gr_) so that their ids stay unique in one page. */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <nettle/base64.h>
#include <nettle/sha2.h>

#include "kg/json.h"
#include "render/render_int.h"

static void esc(kg_buf *out, const char *s)
{
    kg_html_escape(out, s ? s : "");
}

/* A link to url if it is http(s), else just the text. */
static void link_or_text(kg_buf *out, const char *url, const char *text)
{
    if (url && kg_url_ok(url)) {
        kg_buf_puts(out, "<a href=\"");
        esc(out, url);
        kg_buf_puts(out, "\" rel=\"noopener noreferrer\">");
        esc(out, text);
        kg_buf_puts(out, "</a>");
    } else {
        esc(out, text);
    }
}

static void source_label(kg_buf *tmp, const kg_doc *doc)
{
    kg_buf_reset(tmp);
    if (doc->publisher)
        kg_buf_puts(tmp, doc->publisher);
    if (doc->published.text)
        kg_buf_printf(tmp, "%s%s", tmp->len ? " " : "", doc->published.text);
    if (!tmp->len)
        kg_buf_puts(tmp, doc->id ? doc->id : "?");
}

static void names(const kg_view *v, kg_buf *out, const kg_strv *ids)
{
    for (size_t i = 0; i < ids->n; i++) {
        if (i)
            kg_buf_puts(out, ", ");
        esc(out, kg_view_actor_name(v, ids->v[i]));
    }
}

/* Markdown: escape what would be read as markup, and keep a cell on one
 * line. HTML inside Markdown is escaped too. */
static void md(kg_buf *out, const char *s)
{
    kg_buf tmp = KG_BUF_INIT;
    kg_utf8_clean(&tmp, s ? s : "", strlen(s ? s : ""));
    for (const char *p = tmp.ptr; *p; p++) {
        if (strchr("\\`*_[]|<>#!{}", *p)) {
            if (*p == '<')
                kg_buf_puts(out, "&lt;");
            else if (*p == '>')
                kg_buf_puts(out, "&gt;");
            else {
                kg_buf_putc(out, '\\');
                kg_buf_putc(out, *p);
            }
        } else if (*p == '\n') {
            kg_buf_putc(out, ' ');
        } else if (*p == '&') {
            kg_buf_puts(out, "&amp;");
        } else {
            kg_buf_putc(out, *p);
        }
    }
    kg_buf_free(&tmp);
}

static void md_link(kg_buf *out, const char *url, const char *text)
{
    if (url && kg_url_ok(url)) {
        kg_buf_putc(out, '[');
        md(out, text);
        kg_buf_puts(out, "](");
        /* parentheses and spaces would end the link */
        for (const char *p = url; *p; p++) {
            if (*p == '(' || *p == ')' || *p == ' ' || *p == '<' || *p == '>')
                kg_buf_printf(out, "%%%02X", (unsigned char)*p);
            else
                kg_buf_putc(out, *p);
        }
        kg_buf_putc(out, ')');
    } else {
        md(out, text);
    }
}

static void md_names(const kg_view *v, kg_buf *out, const kg_strv *ids)
{
    for (size_t i = 0; i < ids->n; i++) {
        if (i)
            kg_buf_puts(out, ", ");
        md(out, kg_view_actor_name(v, ids->v[i]));
    }
}

/* The title when neither the project nor --title gives one. */
#define NEUTRAL_TITLE "사실 보고서"

static void write_markdown(kg_view *v, const kg_corpus *c, const kg_render_opts *o, kg_buf *out)
{
    kg_buf tmp = KG_BUF_INIT;
    kg_buf_puts(out, "# ");
    md(out, o->title ? o->title : NEUTRAL_TITLE);
    kg_buf_puts(out, "\n\n");
    if (o->intro) {
        md(out, o->intro);
        kg_buf_puts(out, "\n\n");
    }
    kg_buf_puts(out, "## 타임라인\n\n![타임라인](timeline.svg)\n\n");
    kg_buf_puts(out, "## 관계 그래프\n\n![관계 그래프](graph.svg)\n\n");
    kg_buf_puts(out, "## 사건\n\n| 날짜 | 사건 | 유형 | 주체 | 대상 | 출처 |\n|---|---|---|---|---|---|\n");
    for (size_t i = 0; i < v->n_nodes; i++) {
        const kg_vnode *n = &v->nodes[i];
        if (n->kind != KG_V_EVENT)
            continue;
        const kg_event *ev = n->recs[0].ev;
        kg_buf_reset(&tmp);
        kg_date_text(&tmp, n->date);
        kg_buf_puts(out, "| ");
        md(out, tmp.ptr);
        kg_buf_puts(out, " | ");
        md(out, ev->title ? ev->title : n->id);
        kg_buf_puts(out, " | ");
        md(out, ev->type);
        kg_buf_puts(out, " | ");
        md_names(v, out, &n->agents);
        kg_buf_puts(out, " | ");
        md_names(v, out, &n->targets);
        kg_buf_puts(out, " | ");
        for (size_t r = 0; r < n->n_recs; r++) {
            if (r)
                kg_buf_puts(out, ", ");
            source_label(&tmp, n->recs[r].doc);
            md_link(out, n->recs[r].doc->url, tmp.ptr);
        }
        kg_buf_puts(out, " |\n");
    }
    kg_buf_puts(out, "\n## 수치\n\n| 항목 | 값 | 대상 | 날짜 | 출처 |\n|---|---|---|---|---|\n");
    for (size_t i = 0; i < v->n_nodes; i++) {
        const kg_vnode *n = &v->nodes[i];
        if (n->kind != KG_V_FIGURE)
            continue;
        kg_buf_puts(out, "| ");
        md(out, n->fig->measure ? n->fig->measure : n->id);
        kg_buf_puts(out, " | ");
        kg_buf_reset(&tmp);
        kg_figure_value(&tmp, n->fig);
        md(out, tmp.ptr);
        kg_buf_puts(out, " | ");
        md(out, n->fig->subject ? kg_view_actor_name(v, n->fig->subject) : "");
        kg_buf_puts(out, " | ");
        md(out, n->fig->date.text ? n->fig->date.text : "");
        kg_buf_puts(out, " | ");
        source_label(&tmp, n->doc);
        md_link(out, n->doc->url, tmp.ptr);
        kg_buf_puts(out, " |\n");
    }
    kg_buf_puts(out, "\n## 문서\n\n| id | 제목 | 발행처 | 날짜 |\n|---|---|---|---|\n");
    for (size_t i = 0; i < c->n; i++) {
        const kg_doc *doc = c->docs[i];
        if (doc->is_lexicon)
            continue;
        kg_buf_puts(out, "| ");
        md(out, doc->id);
        kg_buf_puts(out, " | ");
        md_link(out, doc->url, doc->title ? doc->title : doc->id ? doc->id : "?");
        kg_buf_puts(out, " | ");
        md(out, doc->publisher);
        kg_buf_puts(out, " | ");
        md(out, doc->published.text);
        kg_buf_puts(out, " |\n");
    }
    kg_buf_free(&tmp);
}

/* ---- the HTML page ---- */

/* The page's style sheet and script: src/render/report.css and report.js
 * as C strings (gen-assets.sh, a make rule). */
extern const char kg_report_css[];
extern const char kg_report_js[];

/* What the page writer carries: the view, the HTML and, beside it, the
 * facts as JSON for the script (one entry per table row, data-i="N"). */
typedef struct page {
    kg_view *v;
    const kg_corpus *c;
    kg_buf *out;
    kg_buf json;       /* the entries, comma-separated, no brackets */
    size_t n_facts;    /* entries written */
    kg_buf tmp, sent;
} page;

static void jstr(kg_buf *j, const char *s)
{
    if (s)
        kg_json_string(j, s, strlen(s));
    else
        kg_buf_puts(j, "null");
}

/* a day bound (days since 1970) or null for an open or unknown end */
static void jday(kg_buf *j, int has, long day)
{
    if (has && day != LONG_MIN && day != LONG_MAX)
        kg_buf_printf(j, "%ld", day);
    else
        kg_buf_puts(j, "null");
}

/* ,"KEY":"S" (or null) and ,"KEY":DAY (or null) in the current entry */
static void jkey(page *p, const char *key, const char *s)
{
    kg_buf_printf(&p->json, ",\"%s\":", key);
    jstr(&p->json, s);
}

static void jkey_day(page *p, const char *key, int has, long day)
{
    kg_buf_printf(&p->json, ",\"%s\":", key);
    jday(&p->json, has, day);
}

/* Starts the next JSON entry: {"k":KIND,"id":ID,"label":LABEL; returns
 * its index (the row's data-i). */
static size_t fact_begin(page *p, const char *kind, const char *id, const char *label)
{
    if (p->n_facts)
        kg_buf_puts(&p->json, ",\n");
    kg_buf_printf(&p->json, "{\"k\":\"%s\",\"id\":", kind);
    jstr(&p->json, id);
    jkey(p, "label", label);
    return p->n_facts++;
}

/* ,"KEY":[{"id":..,"name":..},...] for actor ids */
static void jactors(page *p, const char *key, const kg_strv *ids)
{
    kg_buf_printf(&p->json, ",\"%s\":[", key);
    for (size_t i = 0; i < ids->n; i++) {
        kg_buf_puts(&p->json, i ? ",{\"id\":" : "{\"id\":");
        jstr(&p->json, ids->v[i]);
        jkey(p, "name", kg_view_actor_name(p->v, ids->v[i]));
        kg_buf_putc(&p->json, '}');
    }
    kg_buf_putc(&p->json, ']');
}

/* One source of a fact: the document, its link if http(s), and the
 * sentence the span points into (the article's, when it can be read;
 * else the quote the facts keep). */
static void jsource(page *p, size_t doc_ix, const kg_doc *doc, const kg_span *span,
                    const char *quote, const char *sentence)
{
    source_label(&p->tmp, doc);
    kg_buf_puts(&p->json, "{\"doc\":");
    jstr(&p->json, p->tmp.ptr);
    jkey(p, "title", doc->title ? doc->title : doc->id);
    jkey(p, "url", doc->url && kg_url_ok(doc->url) ? doc->url : NULL);
    kg_buf_reset(&p->sent);
    kg_view_sentence(p->v, doc_ix, span, sentence, &p->sent);
    jkey(p, "sent", p->sent.len ? p->sent.ptr : NULL);
    jkey(p, "quote", quote);
    kg_buf_putc(&p->json, '}');
}

/* Appends the JSON for a <script type="application/json"> element: the
 * characters that could end the element or open a comment in it ("<",
 * ">", "&", only ever inside JSON strings) as \u escapes, so that no
 * article text can break out of it. */
static void put_script_json(kg_buf *out, const kg_buf *json)
{
    for (size_t i = 0; i < json->len; i++) {
        char ch = json->ptr[i];
        if (ch == '<' || ch == '>' || ch == '&')
            kg_buf_printf(out, "\\u%04x", (unsigned)ch);
        else
            kg_buf_putc(out, ch);
    }
}

/* The Content-Security-Policy of the page: nothing from the network at
 * all, and no script but the page's own (by its SHA-256), so that even
 * a text that slipped through escaping could run nothing. */
static void put_csp(kg_buf *out)
{
    struct sha256_ctx ctx;
    uint8_t digest[SHA256_DIGEST_SIZE];
    char b64[BASE64_ENCODE_RAW_LENGTH(SHA256_DIGEST_SIZE) + 1];
    sha256_init(&ctx);
    sha256_update(&ctx, strlen(kg_report_js), (const uint8_t *)kg_report_js);
    sha256_digest(&ctx, sizeof digest, digest);
    base64_encode_raw(b64, sizeof digest, digest);
    b64[BASE64_ENCODE_RAW_LENGTH(SHA256_DIGEST_SIZE)] = '\0';
    kg_buf_printf(out,
                  "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                  "style-src 'unsafe-inline'; img-src data:; script-src 'sha256-%s'; "
                  "base-uri 'none'; form-action 'none'\">\n",
                  b64);
}

/* the page head: title, intro, the counts, the navigation and the tools
 * (hidden until the script shows them) */
static void write_html_header(page *p, const kg_render_opts *o)
{
    const kg_view *v = p->v;
    size_t n_docs = 0, n_events = 0, n_figures = 0, n_actors = 0, n_rel = 0;
    for (size_t i = 0; i < p->c->n; i++)
        n_docs += !p->c->docs[i]->is_lexicon;
    for (size_t i = 0; i < v->n_nodes; i++) {
        n_events += v->nodes[i].kind == KG_V_EVENT;
        n_figures += v->nodes[i].kind == KG_V_FIGURE;
        n_actors += v->nodes[i].kind == KG_V_ACTOR;
    }
    for (size_t i = 0; i < v->n_edges; i++)
        n_rel += v->edges[i].kind == KG_E_RELATION;
    kg_buf *out = p->out;

    kg_buf_puts(out, "<!DOCTYPE html>\n<html lang=\"ko\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    put_csp(out);
    kg_buf_puts(out, "<title>");
    esc(out, o->title ? o->title : NEUTRAL_TITLE);
    kg_buf_puts(out, "</title>\n<style>\n");
    kg_buf_puts(out, kg_report_css);
    kg_buf_puts(out, "</style>\n</head>\n<body>\n<header>\n<h1>");
    esc(out, o->title ? o->title : NEUTRAL_TITLE);
    kg_buf_puts(out, "</h1>\n");
    if (o->intro) {
        kg_buf_puts(out, "<p class=\"intro\">");
        esc(out, o->intro);
        kg_buf_puts(out, "</p>\n");
    }
    kg_buf_printf(out, "<p class=\"summary\">문서 %zu건 · 사건 %zu건 · 수치 %zu건 · 행위자 %zu · "
                       "관계 %zu</p>\n",
                  n_docs, n_events, n_figures, n_actors, n_rel);
    kg_buf_puts(out, "<nav><a href=\"#timeline\">타임라인</a><a href=\"#graph\">관계 그래프</a>"
                     "<a href=\"#events\">사건</a><a href=\"#actors\">행위자</a>"
                     "<a href=\"#figures\">수치</a><a href=\"#relations\">관계</a>"
                     "<a href=\"#documents\">문서</a></nav>\n</header>\n");
    kg_buf_puts(out,
                "<div id=\"kg-tools\" class=\"kg-tools\" role=\"search\" hidden>\n"
                "<label>검색 <input type=\"search\" id=\"kg-q\" placeholder=\"사건, 행위자, 문장…\">"
                "</label>\n"
                "<label>유형 <select id=\"kg-type\"><option value=\"\">전체</option></select></label>\n"
                "<label>행위자 <select id=\"kg-actor\"><option value=\"\">전체</option></select>"
                "</label>\n"
                "<label>기간 <input type=\"date\" id=\"kg-from\"></label>"
                "<label>~ <input type=\"date\" id=\"kg-to\"></label>\n"
                "<button type=\"button\" id=\"kg-reset\">초기화</button>\n"
                "<span class=\"kg-count\" id=\"kg-count\" aria-live=\"polite\"></span>\n"
                "</div>\n");
}

/* Appends an SVG made by a renderer for inline use, in a frame the script
 * turns into a pan-and-zoom view: from <svg on (no XML prolog, DOCTYPE or
 * comments before it), gradient ids made unique. */
static void inline_svg(kg_buf *out, const kg_buf *svg, const char *prefix, const char *what)
{
    const char *p = strstr(svg->ptr, "<svg");
    if (!p)
        return;
    kg_buf_printf(out,
                  "<p class=\"hint\"><span class=\"nojs-only\">그림은 제 크기로 그려져 틀 안에서 "
                  "스크롤됩니다.</span><span class=\"js-only\">휠이나 +/− 단추로 확대·축소, "
                  "끌어서 이동, 노드를 누르면 그 사실과 출처 문장이 보입니다.</span></p>\n"
                  "<figure class=\"kg-pic\" data-prefix=\"%s\">\n<div class=\"kg-view\" "
                  "tabindex=\"0\" aria-label=\"%s\">\n",
                  prefix, what);
    /* Graphviz numbers gradients l_0, r_0 ... afresh in each SVG; our own
     * ids all carry the picture's prefix already */
    while (*p) {
        size_t skip = strncmp(p, "id=\"", 4) == 0 ? 4 : strncmp(p, "url(#", 5) == 0 ? 5 : 0;
        if (skip && (p[skip] == 'l' || p[skip] == 'r') && p[skip + 1] == '_') {
            kg_buf_add(out, p, skip);
            kg_buf_puts(out, prefix);
            p += skip;
            continue;
        }
        size_t n = strcspn(p + 1, "iu") + 1;
        kg_buf_add(out, p, n);
        p += n;
    }
    kg_buf_puts(out, "</div>\n</figure>\n");
}

/* Opens a table's section, heading and head row, ready for its rows.
 * COLS names the sortable columns as "KIND HEADING" entries separated by
 * '|'; KIND is "text" or "num" (the cells' data-v). */
static void table_begin(kg_buf *out, const char *id, const char *title, const char *cols)
{
    kg_buf_printf(out, "<section id=\"%s\">\n<h2>%s</h2>\n<table class=\"kg-table\">\n"
                       "<caption></caption>\n<thead><tr>",
                  id, title);
    while (*cols) {
        size_t kind = strcspn(cols, " "), end = strcspn(cols, "|");
        kg_buf_printf(out, "<th data-sort=\"%.*s\">%.*s</th>", (int)kind, cols,
                      (int)(end - kind - 1), cols + kind + 1);
        cols += end + (cols[end] == '|');
    }
    kg_buf_puts(out, "</tr></thead>\n<tbody>\n");
}

static void table_end(kg_buf *out)
{
    kg_buf_puts(out, "</tbody>\n</table>\n</section>\n");
}

/* Opens a date cell: its sort key (the first day, or the last for an open
 * start; none when undated) and the date as a person reads it. An event
 * always says it is undated; a figure's cell is left empty. */
static void date_cell(page *p, const kg_date *d, int say_undated)
{
    long first = 0, last = 0;
    if (d && d->valid) {
        kg_edtf_bounds(&d->edtf, &first, &last);
        kg_buf_printf(p->out, "<td class=\"date\" data-v=\"%ld\">", first != LONG_MIN ? first : last);
    } else {
        kg_buf_puts(p->out, "<td class=\"date\" data-v=\"\">");
    }
    if ((d && d->text) || say_undated) {
        kg_buf_reset(&p->tmp);
        kg_date_text(&p->tmp, d);
        esc(p->out, p->tmp.ptr);
    }
}

/* the events table, one row per event node */
static void write_events(page *p)
{
    kg_view *v = p->v;
    kg_buf *out = p->out;
    table_begin(out, "events", "사건",
                "num 날짜|text 사건|text 유형|text 주체|text 대상|text 출처");
    for (size_t i = 0; i < v->n_nodes; i++) {
        const kg_vnode *n = &v->nodes[i];
        if (n->kind != KG_V_EVENT)
            continue;
        const kg_event *ev = n->recs[0].ev;
        const char *title = ev->title && *ev->title ? ev->title : n->id;
        size_t ix = fact_begin(p, "event", n->id, title);
        jkey(p, "type", ev->type ? ev->type : "other");
        kg_buf_reset(&p->tmp);
        if (n->date)
            kg_date_text(&p->tmp, n->date);
        jkey(p, "date", p->tmp.len ? p->tmp.ptr : NULL);
        jkey(p, "when", ev->when);
        jkey_day(p, "lo", n->date != NULL, n->first);
        jkey_day(p, "hi", n->date != NULL, n->last);
        jactors(p, "agents", &n->agents);
        jactors(p, "targets", &n->targets);
        kg_buf_puts(&p->json, ",\"src\":[");
        for (size_t r = 0; r < n->n_recs; r++) {
            if (r)
                kg_buf_putc(&p->json, ',');
            jsource(p, n->recs[r].doc_ix, n->recs[r].doc, &n->recs[r].ev->span,
                    n->recs[r].ev->quote, n->recs[r].ev->sentence);
        }
        kg_buf_puts(&p->json, "]}");

        kg_buf_puts(out, "<tr id=\"ev-");
        esc(out, n->id);
        kg_buf_printf(out, "\" data-i=\"%zu\">", ix);
        date_cell(p, n->date, 1);
        if (ev->when) {
            kg_buf_puts(out, "<br><small>");
            esc(out, ev->when);
            kg_buf_puts(out, "</small>");
        }
        kg_buf_puts(out, "</td><td>");
        esc(out, title);
        kg_buf_puts(out, "</td><td><span class=\"type\">");
        esc(out, ev->type ? ev->type : "other");
        kg_buf_puts(out, "</span></td><td>");
        names(v, out, &n->agents);
        kg_buf_puts(out, "</td><td>");
        names(v, out, &n->targets);
        kg_buf_puts(out, "</td><td>");
        for (size_t r = 0; r < n->n_recs; r++) {
            if (r)
                kg_buf_puts(out, "<br>");
            source_label(&p->tmp, n->recs[r].doc);
            link_or_text(out, n->recs[r].doc->url, p->tmp.ptr);
        }
        kg_buf_puts(out, "</td></tr>\n");
    }
    table_end(out);
}

/* the actors table, one row per actor node, with how many of the shown
 * events it takes part in */
static void write_actors(page *p)
{
    kg_view *v = p->v;
    kg_buf *out = p->out;
    table_begin(out, "actors", "행위자",
                "text 이름|text 종류|text 소속|text id|num 사건 수");
    size_t *counts = kg_xcalloc(v->n_nodes ? v->n_nodes : 1, sizeof *counts);
    kg_view_actor_events(v, counts);
    for (size_t i = 0; i < v->n_nodes; i++) {
        const kg_vnode *n = &v->nodes[i];
        if (n->kind != KG_V_ACTOR)
            continue;
        size_t count = counts[i];
        const char *name = n->name ? n->name : n->id;
        const char *part = n->part_of ? kg_view_actor_name(v, n->part_of) : NULL;
        size_t ix = fact_begin(p, "actor", n->id, name);
        jkey(p, "type", n->type);
        jkey(p, "part_of", n->part_of);
        jkey(p, "part_name", part);
        kg_buf_puts(&p->json, "}");

        kg_buf_puts(out, "<tr id=\"ac-");
        esc(out, n->id);
        kg_buf_printf(out, "\" data-i=\"%zu\"><td>", ix);
        esc(out, name);
        kg_buf_puts(out, "</td><td>");
        esc(out, n->type);
        kg_buf_puts(out, "</td><td>");
        esc(out, part);
        kg_buf_puts(out, "</td><td>");
        esc(out, n->id);
        kg_buf_printf(out, "</td><td class=\"num\" data-v=\"%zu\">%zu</td></tr>\n", count, count);
    }
    free(counts);
    table_end(out);
}

/* the figures table, one row per figure node */
static void write_figures(page *p)
{
    kg_view *v = p->v;
    kg_buf *out = p->out;
    table_begin(out, "figures", "수치",
                "text 항목|num 값|text 대상|num 날짜|text 출처");
    for (size_t i = 0; i < v->n_nodes; i++) {
        const kg_vnode *n = &v->nodes[i];
        if (n->kind != KG_V_FIGURE)
            continue;
        const kg_figure *f = n->fig;
        const char *label = f->measure && *f->measure ? f->measure : n->id;
        const char *subj = f->subject ? kg_view_actor_name(v, f->subject) : NULL;
        size_t ix = fact_begin(p, "figure", n->id, label);
        kg_buf_reset(&p->tmp);
        kg_figure_value(&p->tmp, f);
        jkey(p, "value", p->tmp.ptr);
        kg_buf_puts(&p->json, ",\"subject\":");
        if (f->subject) {
            kg_buf_puts(&p->json, "{\"id\":");
            jstr(&p->json, f->subject);
            jkey(p, "name", subj);
            kg_buf_putc(&p->json, '}');
        } else {
            kg_buf_puts(&p->json, "null");
        }
        long first = 0, last = 0;
        if (f->date.valid)
            kg_edtf_bounds(&f->date.edtf, &first, &last);
        kg_buf_reset(&p->tmp);
        if (f->date.text)
            kg_date_text(&p->tmp, &f->date);
        jkey(p, "date", p->tmp.len ? p->tmp.ptr : NULL);
        jkey_day(p, "lo", f->date.valid, first);
        jkey_day(p, "hi", f->date.valid, last);
        kg_buf_puts(&p->json, ",\"src\":[");
        jsource(p, n->doc_ix, n->doc, &f->span, f->quote, f->sentence);
        kg_buf_puts(&p->json, "]}");

        kg_buf_puts(out, "<tr id=\"fig-");
        esc(out, n->id);
        kg_buf_printf(out, "\" data-i=\"%zu\"><td>", ix);
        esc(out, label);
        kg_buf_printf(out, "</td><td class=\"num\" data-v=\"%.17g\">", f->value);
        kg_buf_reset(&p->tmp);
        kg_figure_value(&p->tmp, f);
        esc(out, p->tmp.ptr);
        kg_buf_puts(out, "</td><td>");
        esc(out, subj);
        kg_buf_puts(out, "</td>");
        date_cell(p, &f->date, 0);
        kg_buf_puts(out, "</td><td>");
        source_label(&p->tmp, n->doc);
        link_or_text(out, n->doc->url, p->tmp.ptr);
        kg_buf_puts(out, "</td></tr>\n");
    }
    table_end(out);
}

static const char *node_label(const kg_vnode *n)
{
    switch (n->kind) {
    case KG_V_ACTOR: return n->name ? n->name : n->id;
    case KG_V_EVENT:
        return n->recs[0].ev->title && *n->recs[0].ev->title ? n->recs[0].ev->title : n->id;
    case KG_V_FIGURE: return n->fig->measure && *n->fig->measure ? n->fig->measure : n->id;
    }
    return n->id;
}

/* the relations table: the relation edges (responds-to, causes ...),
 * their ends by fact id */
static void write_relations(page *p)
{
    kg_view *v = p->v;
    kg_buf *out = p->out;
    table_begin(out, "relations", "관계",
                "text 출발|text 관계|text 도착");
    for (size_t i = 0; i < v->n_edges; i++) {
        const kg_vedge *e = &v->edges[i];
        if (e->kind != KG_E_RELATION)
            continue;
        const char *from = node_label(&v->nodes[e->from]), *to = node_label(&v->nodes[e->to]);
        const char *rel = kg_edge_kind_name(e);
        kg_buf_reset(&p->tmp);
        kg_buf_printf(&p->tmp, "%s → %s → %s", from, rel, to);
        size_t ix = fact_begin(p, "relation", e->id, p->tmp.ptr);
        jkey(p, "type", rel);
        jkey(p, "from", v->nodes[e->from].id);
        jkey(p, "to", v->nodes[e->to].id);
        kg_buf_putc(&p->json, '}');

        kg_buf_puts(out, "<tr id=\"rel-");
        esc(out, e->id);
        kg_buf_printf(out, "\" data-i=\"%zu\"><td>", ix);
        esc(out, from);
        kg_buf_puts(out, "</td><td><span class=\"type\">");
        esc(out, rel);
        kg_buf_puts(out, "</span></td><td>");
        esc(out, to);
        kg_buf_puts(out, "</td></tr>\n");
    }
    table_end(out);
}

/* the documents table, one row per (non-lexicon) document */
static void write_documents(page *p)
{
    kg_buf *out = p->out;
    table_begin(out, "documents", "문서",
                "text id|text 제목|text 발행처|text 저자|text 날짜");
    for (size_t i = 0; i < p->c->n; i++) {
        const kg_doc *doc = p->c->docs[i];
        if (doc->is_lexicon)
            continue;
        kg_buf_puts(out, "<tr><td>");
        esc(out, doc->id);
        kg_buf_puts(out, "</td><td>");
        link_or_text(out, doc->url, doc->title ? doc->title : doc->id ? doc->id : "?");
        kg_buf_puts(out, "</td><td>");
        esc(out, doc->publisher);
        kg_buf_puts(out, "</td><td>");
        esc(out, doc->author);
        kg_buf_puts(out, "</td><td class=\"date\">");
        esc(out, doc->published.text);
        kg_buf_puts(out, "</td></tr>\n");
    }
    table_end(out);
}

/* The page: head and tools, the two pictures, the tables, the detail
 * panel the script fills, the facts as JSON and the script. */
static void write_html(kg_view *v, const kg_corpus *c, const kg_render_opts *o, kg_buf *out,
                       const kg_buf *tl, const kg_buf *gr)
{
    page p = { v, c, out, KG_BUF_INIT, 0, KG_BUF_INIT, KG_BUF_INIT };
    write_html_header(&p, o);
    kg_buf_puts(out, "<main>\n<section id=\"timeline\">\n<h2>타임라인</h2>\n");
    inline_svg(out, tl, "tl_", "타임라인");
    kg_buf_puts(out, "</section>\n<section id=\"graph\">\n<h2>관계 그래프</h2>\n");
    inline_svg(out, gr, "gr_", "관계 그래프");
    kg_buf_puts(out, "</section>\n");
    write_events(&p);
    write_actors(&p);
    write_figures(&p);
    write_relations(&p);
    write_documents(&p);
    kg_buf_puts(out, "</main>\n<aside id=\"kg-detail\" aria-live=\"polite\" hidden></aside>\n");
    kg_buf_printf(out, "<footer>kg %s · 사실 파일에서 만든 보고서 (facts format %d)</footer>\n",
                  KG_VERSION, KG_FORMAT_VERSION);
    kg_buf_puts(out, "<script type=\"application/json\" id=\"kg-data\">{\"facts\":[\n");
    put_script_json(out, &p.json);
    kg_buf_puts(out, "\n]}</script>\n<script>");
    kg_buf_puts(out, kg_report_js);
    kg_buf_puts(out, "</script>\n</body>\n</html>\n");
    kg_buf_free(&p.json);
    kg_buf_free(&p.tmp);
    kg_buf_free(&p.sent);
}
int kg_render_report(const kg_corpus *c, const kg_render_opts *o, kg_buf *out, kg_diag *d)
{
    kg_view v;
    kg_buf tl = KG_BUF_INIT, gr = KG_BUF_INIT, tmp = KG_BUF_INIT;
    int rc;

    if (o->format != KG_FMT_HTML && o->format != KG_FMT_MD) {
        kg_diag_error(d, NULL, 0, 0, "a report is html or md, not %s", kg_format_name(o->format));
        return KG_RENDER_EFORMAT;
    }
    rc = kg_view_build(&v, c, o, d);
    if (rc != KG_RENDER_OK)
        goto done;
    if (o->format == KG_FMT_MD) {
        write_markdown(&v, c, o, out);
        goto done;
    }

    /* the pictures, with their own styles (a report has no --style) */
    kg_render_opts po = *o;
    po.format = KG_FMT_SVG;
    po.style_text = NULL;
    po.style_len = 0;
    po.id_prefix = "tl_";
    rc = kg_render_timeline(c, &po, &tl, d);
    if (rc != KG_RENDER_OK)
        goto done;
    po.id_prefix = "gr_";
    rc = kg_render_graph(c, &po, &gr, d);
    if (rc != KG_RENDER_OK)
        goto done;

    write_html(&v, c, o, out, &tl, &gr);

done:
    kg_view_free(&v);
    kg_buf_free(&tl);
    kg_buf_free(&gr);
    kg_buf_free(&tmp);
    return rc;
}
