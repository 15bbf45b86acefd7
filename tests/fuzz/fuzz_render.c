/* fuzz_render.c - libFuzzer harness: arbitrary strings through every
 * escaper kg hands text to (Graphviz HTML labels, tooltips, URLs, HTML,
 * JSON) and, for small inputs, a whole timeline and graph as SVG/DOT with
 * the string as actor name, event title and URL. Asserts: the output is
 * valid UTF-8, no markup from the input survives unescaped, and the SVG is
 * well-formed XML (libxml2, a fuzzing-only dependency). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>

#include "kg.h"
#include "kg/tag.h"
#include "kg/utf8.h"
#include "render/render_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void must_be_utf8(const kg_buf *b)
{
    if (kg_utf8_check(b->ptr, b->len) != b->len)
        abort();
}

/* No '<' '>' or '"' may come out raw from an escaper for markup. */
static void no_markup(const kg_buf *b)
{
    for (size_t i = 0; i < b->len; i++)
        if (b->ptr[i] == '<' || b->ptr[i] == '>' || b->ptr[i] == '"')
            abort();
}

static void no_raw_control(const kg_buf *b)
{
    for (size_t i = 0; i < b->len; i++) {
        unsigned char c = (unsigned char)b->ptr[i];
        if (c < 0x20)
            abort();
        if (c == '"' && (i == 0 || b->ptr[i - 1] != '\\'))
            abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    kg_buf clean = KG_BUF_INIT, b = KG_BUF_INIT;
    kg_utf8_clean(&clean, s, size);
    must_be_utf8(&clean);

    kg_gv_html(&b, clean.ptr, 0);
    must_be_utf8(&b);
    for (size_t i = 0; i < b.len; i++) /* only <BR/> may be markup */
        if (b.ptr[i] == '<' && strncmp(b.ptr + i, "<BR/>", 5) != 0)
            abort();
    kg_buf_reset(&b);
    kg_html_escape(&b, clean.ptr);
    must_be_utf8(&b);
    no_markup(&b);
    kg_buf_reset(&b);
    kg_gv_tooltip(&b, clean.ptr);
    must_be_utf8(&b);
    kg_buf_reset(&b);
    if (kg_gv_url(&b, clean.ptr) == 0) {
        if (strncmp(b.ptr, "http://", 7) != 0 && strncmp(b.ptr, "https://", 8) != 0)
            abort();
        for (size_t i = 0; i < b.len; i++)
            if (strchr("<>\" \\", b.ptr[i]))
                abort();
    }
    kg_buf_reset(&b);
    kg_json_escape(&b, s, size);
    no_raw_control(&b);

    if (size < 200) {
        kg_corpus c = KG_CORPUS_INIT;
        kg_doc *doc = kg_doc_new();
        doc->has_header = 1;
        doc->is_lexicon = 0;
        kg_set_str(&doc->id, "fuzz");
        kg_set_str(&doc->title, clean.ptr);
        kg_set_str(&doc->url, clean.ptr);
        kg_actor *a = kg_doc_add_actor(doc);
        kg_set_str(&a->id, "a");
        kg_set_str(&a->name, clean.ptr);
        kg_set_str(&a->type, "country");
        kg_event *e = kg_doc_add_event(doc);
        kg_set_str(&e->id, "e1");
        kg_set_str(&e->type, "other");
        kg_set_str(&e->title, clean.ptr);
        kg_date_set(&e->date, "2025-01-13");
        kg_strv_push(&e->agent, "a");
        kg_corpus_add(&c, doc);
        kg_render_opts o = KG_RENDER_OPTS_INIT;
        o.format = KG_FMT_DOT;
        o.no_source = 1;
        kg_diag d = KG_DIAG_INIT;
        kg_buf out = KG_BUF_INIT;
        kg_render_graph(&c, &o, &out, &d);
        must_be_utf8(&out);
        kg_buf_reset(&out);
        o.format = KG_FMT_SVG;
        /* layout is slow: draw the SVG for one input in sixteen */
        if (size % 16 == 0 && kg_render_timeline(&c, &o, &out, &d) == 0) {
            must_be_utf8(&out);
            if (memchr(clean.ptr, '<', clean.len) && strstr(out.ptr, "<script"))
                abort();
            xmlDocPtr x = xmlReadMemory(out.ptr, (int)out.len, "t.svg", NULL,
                                        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
            if (!x)
                abort(); /* the SVG is not well-formed XML */
            xmlFreeDoc(x);
        }
        kg_buf_free(&out);
        kg_diag_free(&d);
        kg_corpus_free(&c);
    }
    kg_buf_free(&b);
    kg_buf_free(&clean);
    return 0;
}
