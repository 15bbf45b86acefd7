/* report.c - `kg report` (kg_render_report): one self-contained HTML page
 * with the timeline and graph SVG inline and tables of events, figures
 * and documents; or Markdown that refers to timeline.svg and graph.svg.
 *
 * Every text from the facts is escaped for HTML (text and attributes),
 * and only http(s) URLs become links. The two SVGs get id prefixes so
 * that their ids stay unique in one page. */
#include <string.h>

#include "render/render_int.h"

static const char css[] =
    "body{font-family:\"Noto Sans CJK KR\",sans-serif;margin:24px auto;max-width:1400px;"
    "padding:0 16px;color:#1a1a1a;line-height:1.5}\n"
    "h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:32px 0 8px;"
    "border-bottom:2px solid #1f3a60;padding-bottom:4px}\n"
    ".summary{color:#555}nav a{margin-right:12px}\n"
    "figure{margin:0;overflow:auto;border:1px solid #e3e7ee;background:#fff}\n"
    "figure svg{display:block;max-width:100%;height:auto}\n"
    "table{border-collapse:collapse;width:100%;font-size:14px}\n"
    "th,td{border-bottom:1px solid #e3e7ee;padding:5px 8px;text-align:left;vertical-align:top}\n"
    "th{background:#f4f6fa}td.date{white-space:nowrap;color:#444}td.num{white-space:nowrap}\n"
    ".type{display:inline-block;padding:0 6px;border-radius:8px;background:#eef;font-size:12px}\n"
    "footer{margin-top:32px;color:#777;font-size:12px}\n";

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

/* Appends an SVG made by a renderer for inline use: from <svg on (no XML
 * prolog, DOCTYPE or comments before it), gradient ids made unique. */
static void inline_svg(kg_buf *out, const kg_buf *svg, const char *prefix)
{
    const char *p = strstr(svg->ptr, "<svg");
    if (!p)
        return;
    kg_buf_puts(out, "<figure>\n");
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
    kg_buf_puts(out, "</figure>\n");
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

/* the page head: title, intro, the counts and the navigation */
static void write_html_header(const kg_view *v, const kg_corpus *c, const kg_render_opts *o,
                              kg_buf *out)
{
    size_t n_docs = 0, n_events = 0, n_figures = 0, n_actors = 0;
    for (size_t i = 0; i < c->n; i++)
        n_docs += !c->docs[i]->is_lexicon;
    for (size_t i = 0; i < v->n_nodes; i++) {
        n_events += v->nodes[i].kind == KG_V_EVENT;
        n_figures += v->nodes[i].kind == KG_V_FIGURE;
        n_actors += v->nodes[i].kind == KG_V_ACTOR;
    }

    kg_buf_puts(out, "<!DOCTYPE html>\n<html lang=\"ko\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                     "<title>");
    esc(out, o->title ? o->title : NEUTRAL_TITLE);
    kg_buf_puts(out, "</title>\n<style>\n");
    kg_buf_puts(out, css);
    kg_buf_puts(out, "</style>\n</head>\n<body>\n<header>\n<h1>");
    esc(out, o->title ? o->title : NEUTRAL_TITLE);
    kg_buf_puts(out, "</h1>\n");
    if (o->intro) {
        kg_buf_puts(out, "<p class=\"intro\">");
        esc(out, o->intro);
        kg_buf_puts(out, "</p>\n");
    }
    kg_buf_printf(out, "<p class=\"summary\">문서 %zu건 · 사건 %zu건 · 수치 %zu건 · 행위자 %zu</p>\n",
                  n_docs, n_events, n_figures, n_actors);
    kg_buf_puts(out, "<nav><a href=\"#timeline\">타임라인</a><a href=\"#graph\">관계 그래프</a>"
                     "<a href=\"#events\">사건</a><a href=\"#figures\">수치</a>"
                     "<a href=\"#documents\">문서</a></nav>\n</header>\n");
}

/* the events table, one row per event node */
static void write_events_table(const kg_view *v, kg_buf *out, kg_buf *tmp)
{
    kg_buf_puts(out, "<section id=\"events\">\n<h2>사건</h2>\n<table>\n<thead><tr><th>날짜</th>"
                     "<th>사건</th><th>유형</th><th>주체</th><th>대상</th><th>출처</th></tr>"
                     "</thead>\n<tbody>\n");
    for (size_t i = 0; i < v->n_nodes; i++) {
        const kg_vnode *n = &v->nodes[i];
        if (n->kind != KG_V_EVENT)
            continue;
        const kg_event *ev = n->recs[0].ev;
        kg_buf_puts(out, "<tr id=\"ev-");
        esc(out, n->id);
        kg_buf_puts(out, "\"><td class=\"date\">");
        kg_buf_reset(tmp);
        kg_date_text(tmp, n->date);
        esc(out, tmp->ptr);
        if (ev->when) {
            kg_buf_puts(out, "<br><small>");
            esc(out, ev->when);
            kg_buf_puts(out, "</small>");
        }
        kg_buf_puts(out, "</td><td>");
        esc(out, ev->title ? ev->title : n->id);
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
            source_label(tmp, n->recs[r].doc);
            link_or_text(out, n->recs[r].doc->url, tmp->ptr);
        }
        kg_buf_puts(out, "</td></tr>\n");
    }
    kg_buf_puts(out, "</tbody>\n</table>\n</section>\n");
}

/* the figures table, one row per figure node */
static void write_figures_table(const kg_view *v, kg_buf *out, kg_buf *tmp)
{

    kg_buf_puts(out, "<section id=\"figures\">\n<h2>수치</h2>\n<table>\n<thead><tr><th>항목</th>"
                     "<th>값</th><th>대상</th><th>날짜</th><th>출처</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < v->n_nodes; i++) {
        const kg_vnode *n = &v->nodes[i];
        if (n->kind != KG_V_FIGURE)
            continue;
        kg_buf_puts(out, "<tr id=\"fig-");
        esc(out, n->id);
        kg_buf_puts(out, "\"><td>");
        esc(out, n->fig->measure ? n->fig->measure : n->id);
        kg_buf_puts(out, "</td><td class=\"num\">");
        kg_buf_reset(tmp);
        kg_figure_value(tmp, n->fig);
        esc(out, tmp->ptr);
        kg_buf_puts(out, "</td><td>");
        if (n->fig->subject)
            esc(out, kg_view_actor_name(v, n->fig->subject));
        kg_buf_puts(out, "</td><td class=\"date\">");
        if (n->fig->date.text) {
            kg_buf_reset(tmp);
            kg_date_text(tmp, &n->fig->date);
            esc(out, tmp->ptr);
        }
        kg_buf_puts(out, "</td><td>");
        source_label(tmp, n->doc);
        link_or_text(out, n->doc->url, tmp->ptr);
        kg_buf_puts(out, "</td></tr>\n");
    }
    kg_buf_puts(out, "</tbody>\n</table>\n</section>\n");
}

/* the documents table, one row per (non-lexicon) document */
static void write_documents_table(const kg_corpus *c, kg_buf *out)
{

    kg_buf_puts(out, "<section id=\"documents\">\n<h2>문서</h2>\n<table>\n<thead><tr><th>id</th>"
                     "<th>제목</th><th>발행처</th><th>저자</th><th>날짜</th></tr></thead>\n"
                     "<tbody>\n");
    for (size_t i = 0; i < c->n; i++) {
        const kg_doc *doc = c->docs[i];
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
    kg_buf_puts(out, "</tbody>\n</table>\n</section>\n");
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

    write_html_header(&v, c, o, out);

    kg_buf_puts(out, "<section id=\"timeline\">\n<h2>타임라인</h2>\n");
    inline_svg(out, &tl, "tl_");
    kg_buf_puts(out, "</section>\n<section id=\"graph\">\n<h2>관계 그래프</h2>\n");
    inline_svg(out, &gr, "gr_");
    kg_buf_puts(out, "</section>\n");

    write_events_table(&v, out, &tmp);
    write_figures_table(&v, out, &tmp);
    write_documents_table(c, out);
    kg_buf_printf(out, "<footer>kg %s · 사실 파일에서 만든 보고서 (facts format %d)</footer>\n"
                       "</body>\n</html>\n", KG_VERSION, KG_FORMAT_VERSION);

done:
    kg_view_free(&v);
    kg_buf_free(&tl);
    kg_buf_free(&gr);
    kg_buf_free(&tmp);
    return rc;
}
