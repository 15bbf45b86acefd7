/* yamltree.c - YAML text to a kg_node tree with 1-based positions, through
 * libyaml's event parser. Anchors are ignored, aliases refused (no alias
 * bombs), nesting is limited to KG_YAML_MAX_DEPTH, and duplicate keys in
 * a mapping are errors. */
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "kg/buf.h"
#include "kg/factio.h"
#include "kg/facts.h"
#include "kg/utf8.h"

void kg_node_free(kg_node *n)
{
    if (!n)
        return;
    for (size_t i = 0; i < n->n; i++)
        kg_node_free(n->items[i]);
    free(n->items);
    free(n->tag);
    free(n->value);
    free(n);
}

kg_node *kg_node_clone(const kg_node *n)
{
    if (!n)
        return NULL;
    kg_node *c = kg_xcalloc(1, sizeof *c);
    *c = *n;
    c->tag = n->tag ? kg_xstrdup(n->tag) : NULL;
    c->value = n->value ? kg_xstrndup(n->value, n->len) : NULL;
    c->items = n->n ? kg_xmalloc(n->n * sizeof *c->items) : NULL;
    for (size_t i = 0; i < n->n; i++)
        c->items[i] = kg_node_clone(n->items[i]);
    return c;
}

const kg_node *kg_node_key(const kg_node *map, const char *key)
{
    if (!map || map->kind != KG_NODE_MAP)
        return NULL;
    for (size_t i = 0; i + 1 < map->n; i += 2) {
        const kg_node *k = map->items[i];
        if (k->kind == KG_NODE_SCALAR && strcmp(k->value, key) == 0)
            return k;
    }
    return NULL;
}

const kg_node *kg_node_get(const kg_node *map, const char *key)
{
    if (!map || map->kind != KG_NODE_MAP)
        return NULL;
    for (size_t i = 0; i + 1 < map->n; i += 2) {
        const kg_node *k = map->items[i];
        if (k->kind == KG_NODE_SCALAR && strcmp(k->value, key) == 0)
            return map->items[i + 1];
    }
    return NULL;
}

int kg_node_is_null(const kg_node *n)
{
    if (!n)
        return 1;
    if (n->kind != KG_NODE_SCALAR || !n->plain)
        return 0;
    return n->len == 0 || strcmp(n->value, "~") == 0 || strcmp(n->value, "null") == 0 ||
           strcmp(n->value, "Null") == 0 || strcmp(n->value, "NULL") == 0;
}

static kg_node *new_node(kg_node_kind kind, yaml_mark_t mark, const yaml_char_t *tag)
{
    kg_node *n = kg_xcalloc(1, sizeof *n);
    n->kind = kind;
    n->line = (int)mark.line + 1;
    n->col = (int)mark.column + 1;
    n->tag = tag ? kg_xstrdup((const char *)tag) : NULL;
    return n;
}

static void push_item(kg_node *parent, kg_node *child)
{
    size_t cap = parent->n;
    /* grow by powers of two: capacity is implied by n */
    if ((cap & (cap - 1)) == 0) {
        size_t ncap = cap ? cap * 2 : 4;
        parent->items = kg_xrealloc(parent->items, ncap * sizeof *parent->items);
    }
    parent->items[parent->n++] = child;
}

/* Checks a key just added to a mapping against the earlier ones. Keys are
 * compared as text; complex (non-scalar) keys are refused. */
static int check_key(const char *name, kg_node *map, kg_diag *d)
{
    kg_node *key = map->items[map->n - 1];
    if (map->n / 2 >= 4096) {
        kg_diag_error(d, name, key->line, key->col, "mapping with more than 4096 keys");
        return -1;
    }
    if (key->kind != KG_NODE_SCALAR) {
        kg_diag_error(d, name, key->line, key->col, "a mapping key must be a plain string");
        return -1;
    }
    for (size_t i = 0; i + 1 < map->n - 1; i += 2) {
        kg_node *k = map->items[i];
        if (k->kind == KG_NODE_SCALAR && k->len == key->len &&
            memcmp(k->value, key->value, key->len) == 0) {
            kg_diag_error(d, name, key->line, key->col, "duplicate key '%s' (first at line %d)",
                          key->value, k->line);
            return -1;
        }
    }
    return 0;
}

/* What to do about libyaml's more puzzling complaints. */
static const char *syntax_hint(const char *problem)
{
    static const struct { const char *problem, *hint; } hints[] = {
        { "mapping values are not allowed",
          "quote the value if it holds ': ' (title: \"A: B\"), or check the indent of this line" },
        { "did not find expected key",
          "check the indent: keys of one mapping start in one column" },
        { "did not find expected '-' indicator",
          "check the indent: items of one list start in one column" },
        { "found character that cannot start any token",
          "quote the value (a value cannot start with @, ` or %)" },
        { "found undefined tag handle", "quote the value (a value cannot start with !)" },
        { "could not find expected ':'",
          "a key needs ': ' after it; quote a value that runs over several lines" },
    };
    for (size_t i = 0; i < sizeof hints / sizeof *hints; i++)
        if (strncmp(problem, hints[i].problem, strlen(hints[i].problem)) == 0)
            return hints[i].hint;
    return NULL;
}

/* 0 if text is UTF-8 without raw control characters (a tab, line feed
 * and carriage return aside); else the error is reported and -1. libyaml
 * reports encoding errors at the start of its buffer and refuses most
 * control characters at 1:1: find the exact place ourselves. */
static int check_bytes(const char *name, const char *text, size_t len, kg_diag *d)
{
    size_t skip = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    size_t bad = kg_utf8_check(text + skip, len - skip) + skip;
    if (bad < len) {
        int line, col;
        kg_utf8_linecol(text, bad, &line, &col);
        if (kg_looks_euckr(text + bad, len - bad))
            kg_diag_error(d, name, line, col,
                          "invalid UTF-8 (byte 0x%02X at offset %zu): the file looks like EUC-KR "
                          "(or CP949); convert it to UTF-8: iconv -f euc-kr -t utf-8 %s > %s.utf8",
                          (unsigned char)text[bad], bad, name, name);
        else
            kg_diag_error(d, name, line, col, "invalid UTF-8 (byte 0x%02X at offset %zu)",
                          (unsigned char)text[bad], bad);
        return -1;
    }
    for (size_t i = 0; i < len; i++) {
        unsigned cp;
        unsigned char c = (unsigned char)text[i];
        /* (only bytes below 0x20, 0x7F and the C2 lead of C1 controls
         * can start one) */
        if ((c >= 0x20 && c != 0x7F && c != 0xC2) || c == '\n')
            continue;
        if (kg_utf8_ctrl_at(text + i, len - i, &cp) && cp != '\t' && cp != '\n' && cp != '\r') {
            int line, col;
            kg_utf8_linecol(text, i, &line, &col);
            kg_diag_error(d, name, line, col,
                          "control character U+%04X (%s) at byte offset %zu is not allowed in a "
                          "facts file; remove it", cp, kg_ctrl_name(cp), i);
            return -1;
        }
    }
    return 0;
}

/* The parser's syntax error, with a hint where there is one. */
static void report_syntax_error(const char *name, const char *text, size_t len,
                                const yaml_parser_t *parser, kg_diag *d)
{
    yaml_mark_t m = parser->problem_mark;
    const char *problem = parser->problem ? parser->problem : "error";
    kg_buf msg = KG_BUF_INIT;
    int tab = m.index < len && text[m.index] == '\t';
    if (tab)
        kg_buf_puts(&msg, "YAML syntax: a tab where YAML wants spaces (indent with spaces)");
    else if (parser->context)
        kg_buf_printf(&msg, "YAML syntax: %s (%s started at line %d)", problem,
                      parser->context + (strncmp(parser->context, "while ", 6) == 0 ? 6 : 0),
                      (int)parser->context_mark.line + 1);
    else
        kg_buf_printf(&msg, "YAML syntax: %s", problem);
    const char *hint = tab ? NULL : syntax_hint(problem);
    if (hint)
        kg_buf_printf(&msg, "; %s", hint);
    kg_diag_error(d, name, (int)m.line + 1, (int)m.column + 1, "%s", msg.ptr);
    kg_buf_free(&msg);
}

/* The node tree as the parser's events build it. */
typedef struct tree_build {
    const char *name;
    kg_diag *d;
    kg_node *stack[KG_YAML_MAX_DEPTH + 1];
    int depth;
    kg_node *root;
    int docs, failed;
    size_t nodes;
} tree_build;

/* The new node an event starts (NULL if none); an end event closes the
 * open collection, a second document or an alias fails the parse. */
static kg_node *node_from_event(tree_build *tb, const yaml_event_t *ev)
{
    kg_node *n = NULL;
    switch (ev->type) {
    case YAML_DOCUMENT_START_EVENT:
        if (++tb->docs > 1) {
            kg_diag_error(tb->d, tb->name, (int)ev->start_mark.line + 1,
                          (int)ev->start_mark.column + 1,
                          "a facts file holds one YAML document; found a second one");
            tb->failed = 1;
        }
        break;
    case YAML_ALIAS_EVENT:
        kg_diag_error(tb->d, tb->name, (int)ev->start_mark.line + 1, (int)ev->start_mark.column + 1,
                      "aliases (*%s) are not supported in facts files; write the value out",
                      (const char *)ev->data.alias.anchor);
        tb->failed = 1;
        break;
    case YAML_SCALAR_EVENT:
        n = new_node(KG_NODE_SCALAR, ev->start_mark, ev->data.scalar.tag);
        n->value = kg_xstrndup((const char *)ev->data.scalar.value, ev->data.scalar.length);
        n->len = ev->data.scalar.length;
        n->style = ev->data.scalar.style;
        n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE && !ev->data.scalar.tag;
        break;
    case YAML_SEQUENCE_START_EVENT:
        n = new_node(KG_NODE_SEQ, ev->start_mark, ev->data.sequence_start.tag);
        n->style = ev->data.sequence_start.style;
        break;
    case YAML_MAPPING_START_EVENT:
        n = new_node(KG_NODE_MAP, ev->start_mark, ev->data.mapping_start.tag);
        n->style = ev->data.mapping_start.style;
        break;
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
        if (tb->depth > 0)
            tb->depth--;
        break;
    default:
        break;
    }
    return n;
}

/* Node n into the tree: the root, or an item of the open collection (a
 * key checked); a collection is opened. Within the limits on nodes and
 * depth, else the parse fails. */
static void attach_node(tree_build *tb, kg_node *n)
{
    if (++tb->nodes > KG_YAML_MAX_NODES) {
        kg_diag_error(tb->d, tb->name, n->line, n->col, "too many YAML nodes (more than %d)",
                      KG_YAML_MAX_NODES);
        kg_node_free(n);
        tb->failed = 1;
    } else if (tb->depth == 0) {
        tb->root = n;
    } else {
        kg_node *parent = tb->stack[tb->depth - 1];
        push_item(parent, n);
        if (parent->kind == KG_NODE_MAP && parent->n % 2 == 1 &&
            check_key(tb->name, parent, tb->d) < 0)
            tb->failed = 1;
    }
    if (!tb->failed && n->kind != KG_NODE_SCALAR) {
        if (tb->depth >= KG_YAML_MAX_DEPTH) {
            kg_diag_error(tb->d, tb->name, n->line, n->col, "YAML nested deeper than %d levels",
                          KG_YAML_MAX_DEPTH);
            tb->failed = 1;
        } else {
            tb->stack[tb->depth++] = n;
        }
    }
}

kg_node *kg_yaml_parse(const char *name, const char *text, size_t len, kg_diag *d)
{
    yaml_parser_t parser;
    yaml_event_t ev;
    tree_build tb;

    if (check_bytes(name, text, len, d) < 0)
        return NULL;
    if (!yaml_parser_initialize(&parser)) {
        kg_diag_error(d, name, 0, 0, "cannot initialise the YAML parser");
        return NULL;
    }
    memset(&tb, 0, sizeof tb);
    tb.name = name;
    tb.d = d;
    yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
    for (;;) {
        if (!yaml_parser_parse(&parser, &ev)) {
            report_syntax_error(name, text, len, &parser, d);
            tb.failed = 1;
            break;
        }
        yaml_event_type_t type = ev.type;
        kg_node *n = node_from_event(&tb, &ev);
        if (n && !tb.failed)
            attach_node(&tb, n);
        else if (n)
            kg_node_free(n);
        yaml_event_delete(&ev);
        if (tb.failed || type == YAML_STREAM_END_EVENT)
            break;
    }
    yaml_parser_delete(&parser);
    if (tb.failed) {
        kg_node_free(tb.root);
        return NULL;
    }
    return tb.root;
}
