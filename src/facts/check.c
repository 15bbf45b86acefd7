/* check.c - what `kg check` verifies in loaded facts: value sets, slugs,
 * duplicate and dangling ids across documents, conflicting actor
 * definitions, dates, spans against the source text, URLs. Every finding
 * carries the position of the offending value. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "kg/buf.h"
#include "kg/check.h"
#include "kg/factio.h"
#include "util/hmap.h"
#include "kg/suggest.h"
#include "kg/utf8.h"
#include "kg/quote.h"
#include "facts/resolve.h"

static const kg_node *at(const kg_node *map, const char *key)
{
    const kg_node *v = kg_node_get(map, key);
    return v ? v : map;
}

#define LINE(n) ((n) ? (n)->line : 0)
#define COL(n) ((n) ? (n)->col : 0)

static void list_values(kg_buf *b, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        kg_buf_printf(b, "%s%s", i ? ", " : "", list[i]);
}

static void check_value(kg_diag *d, const kg_doc *doc, const kg_node *n, const char *what,
                        const char *value, const char *const *allowed)
{
    if (!value || kg_in_list(allowed, value))
        return;
    size_t n_allowed = 0;
    while (allowed[n_allowed])
        n_allowed++;
    const char *sug = strlen(value) <= 64 ? kg_suggest(value, allowed, n_allowed) : NULL;
    if (sug) {
        kg_diag_error(d, doc->path, LINE(n), COL(n), "unknown %s '%s'; did you mean '%s'?", what,
                      value, sug);
        return;
    }
    kg_buf b = KG_BUF_INIT;
    list_values(&b, allowed);
    kg_diag_error(d, doc->path, LINE(n), COL(n), "unknown %s '%s' (expected one of: %s)", what,
                  value, b.ptr);
    kg_buf_free(&b);
}

static void check_slug(kg_diag *d, const kg_doc *doc, const kg_node *n, const char *what,
                       const char *id)
{
    if (id && !kg_is_slug(id))
        kg_diag_error(d, doc->path, LINE(n), COL(n),
                      "%s '%s' is not a slug (lower-case ASCII letters, digits and '-', "
                      "starting with a letter or digit)", what, id);
}

static void require(kg_diag *d, const kg_doc *doc, const kg_node *item, const char *what,
                    const char *key, const void *value)
{
    if (!value)
        kg_diag_error(d, doc->path, LINE(item), COL(item), "%s without '%s'", what, key);
}

/* Month names a date may be written with (13 Jan 2025, March 2025). */
static int month_of(const char *w, size_t len)
{
    static const char *const names[] = { "january", "february", "march", "april", "may", "june",
                                         "july", "august", "september", "october", "november",
                                         "december" };
    if (len < 3)
        return 0;
    for (int m = 0; m < 12; m++)
        if (len <= strlen(names[m]) && strncasecmp(w, names[m], len) == 0)
            return m + 1;
    return 0;
}

/* Reads a date written in another common form (15/03/2025, 2025.3.15,
 * 2025/03, 20250315, 2025년 3월 15일, 13 Jan 2025) into EDTF: out gets the
 * value, alt a second reading when day and month could be either (both
 * empty when the text is no recognisable date). */
static void date_suggest(const char *s, char out[16], char alt[16])
{
    long num[4];
    int digits[4], n = 0, month = 0, month_pos = -1;
    out[0] = alt[0] = '\0';
    for (const char *p = s; *p;) {
        if (*p >= '0' && *p <= '9') {
            if (n == 4)
                return;
            const char *q = p;
            long v = 0;
            while (*q >= '0' && *q <= '9' && q - p < 9)
                v = v * 10 + (*q++ - '0');
            if (*q >= '0' && *q <= '9')
                return;
            digits[n] = (int)(q - p);
            num[n++] = v;
            p = q;
        } else if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')) {
            const char *q = p;
            while ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z'))
                q++;
            int m = month_of(p, (size_t)(q - p));
            if (!m || month)
                return;
            month = m;
            month_pos = n;
            p = q;
        } else if (strchr("/.-, ", *p)) {
            p++;
        } else if (strncmp(p, "년", 3) == 0 || strncmp(p, "월", 3) == 0 || strncmp(p, "일", 3) == 0) {
            p += 3;
        } else {
            return;
        }
    }
    long y = 0, m = 0, dd = 0, m2 = 0, d2 = 0;
    if (month) {
        /* 13 Jan 2025, Jan 13 2025, January 2025 */
        if (n == 2 && digits[1] == 4 && digits[0] <= 2)
            y = num[1], m = month, dd = num[0];
        else if (n == 1 && digits[0] == 4 && month_pos == 0)
            y = num[0], m = month;
        else
            return;
    } else if (n == 1 && digits[0] == 8) {
        y = num[0] / 10000, m = num[0] / 100 % 100, dd = num[0] % 100;
    } else if (n >= 2 && n <= 3 && digits[0] == 4) {
        y = num[0], m = num[1], dd = n == 3 ? num[2] : 0;
        if (digits[1] > 2 || (n == 3 && digits[2] > 2))
            return;
    } else if (n == 3 && digits[2] == 4 && digits[0] <= 2 && digits[1] <= 2) {
        y = num[2];
        if (num[0] > 12 || num[1] <= 12)
            m = num[1], dd = num[0];   /* day first (15/03/2025) */
        if (num[0] <= 12 && num[1] > 12)
            m = num[0], dd = num[1];   /* month first (03/15/2025) */
        else if (num[0] <= 12 && num[1] <= 12 && num[0] != num[1])
            m2 = num[0], d2 = num[1];  /* either */
    } else if (n == 2 && digits[1] == 4 && digits[0] <= 2) {
        y = num[1], m = num[0];
    } else {
        return;
    }
    kg_edtf e;
    char buf[64];
    if (y < 0 || y > 9999 || m < 1 || m > 12 || dd < 0 || dd > 31 || m2 > 12 || d2 > 31)
        return;
    if (dd)
        snprintf(buf, sizeof buf, "%04d-%02d-%02d", (int)y, (int)m, (int)dd);
    else
        snprintf(buf, sizeof buf, "%04d-%02d", (int)y, (int)m);
    if (strlen(buf) >= 16 || kg_edtf_parse(buf, &e, NULL) < 0 || strcmp(buf, s) == 0)
        return;
    memcpy(out, buf, strlen(buf) + 1);
    if (m2) {
        snprintf(buf, sizeof buf, "%04d-%02d-%02d", (int)y, (int)m2, (int)d2);
        if (strlen(buf) < 16 && kg_edtf_parse(buf, &e, NULL) == 0)
            memcpy(alt, buf, strlen(buf) + 1);
    }
}

static void check_date(kg_diag *d, const kg_doc *doc, const kg_node *n, const kg_date *dt)
{
    const char *err = NULL;
    kg_edtf e;
    if (!dt->text)
        return;
    if (kg_edtf_parse(dt->text, &e, &err) == 0)
        return;
    /* a date in some other form: say what form a date takes, and read it */
    char sug[16], alt[16];
    date_suggest(dt->text, sug, alt);
    if (strncmp(err, "not an EDTF", 11) != 0 && !*sug) {
        kg_diag_error(d, doc->path, LINE(n), COL(n), "invalid date '%s': %s", dt->text, err);
        return;
    }
    kg_buf b = KG_BUF_INIT;
    if (*sug && *alt)
        kg_buf_printf(&b, "; did you mean '%s' (day first) or '%s' (month first)?", sug, alt);
    else if (*sug)
        kg_buf_printf(&b, "; did you mean '%s'?", sug);
    kg_diag_error(d, doc->path, LINE(n), COL(n),
                  "invalid date '%s': %s (an EDTF date is YYYY, YYYY-MM or YYYY-MM-DD, with ~ "
                  "(about) or ? (uncertain) after it, or A/B for a span: 2023-11/2025-09)%s",
                  dt->text, *sug || strncmp(err, "not an EDTF date (", 18) == 0 ? "not an EDTF date" : err,
                  b.len ? b.ptr : "");
    kg_buf_free(&b);
}

int kg_url_ok(const char *url)
{
    const char *rest;
    if (strncmp(url, "https://", 8) == 0)
        rest = url + 8;
    else if (strncmp(url, "http://", 7) == 0)
        rest = url + 7;
    else
        return 0;
    if (!*rest || *rest == '/')
        return 0;
    for (const unsigned char *p = (const unsigned char *)url; *p; p++)
        if (*p <= ' ' || *p == 0x7f || *p == '"' || *p == '<' || *p == '>' || *p == '\\')
            return 0;
    return 1;
}

/* ---- one document ---- */

struct source {
    char *text;
    size_t len;
    int have;
};

static void check_span(kg_diag *d, const kg_doc *doc, const kg_node *item, const kg_span *sp,
                       const struct source *src)
{
    if (!sp->set || !src->have)
        return;
    const kg_node *n = at(item, "span");
    if ((unsigned long long)sp->end > src->len) {
        kg_diag_error(d, doc->path, LINE(n), COL(n),
                      "span [%lld, %lld] is past the end of the source text (%zu bytes)",
                      sp->start, sp->end, src->len);
        return;
    }
    const unsigned char *t = (const unsigned char *)src->text;
    long long ends[2] = { sp->start, sp->end };
    for (int i = 0; i < 2; i++)
        if ((size_t)ends[i] < src->len && (t[ends[i]] & 0xC0) == 0x80) {
            kg_diag_error(d, doc->path, LINE(n), COL(n),
                          "span %s %lld falls inside a UTF-8 character of the source text",
                          i ? "end" : "start", ends[i]);
            return;
        }
}

static void load_source(kg_diag *d, const kg_corpus *c, const kg_doc *doc, struct source *src)
{
    memset(src, 0, sizeof *src);
    char *path = NULL;
    kg_source_status where = kg_source_resolve(c, doc, &path);
    const kg_node *hdr = kg_node_get(doc->tree, "document");
    const kg_node *n = at(hdr, "source");
    if (where == KG_SOURCE_OUTSIDE)
        kg_diag_error(d, doc->path, LINE(n), COL(n),
                      "source '%s' leads outside the project; kg reads a source text only "
                      "below the facts file's folder or the project's articles folder: "
                      "move the text there and name it relative to this file",
                      doc->source);
    if (!path)
        return;
    src->text = kg_read_file(path, &src->len, 0);
    if (!src->text) {
        kg_diag_warn(d, doc->path, LINE(n), COL(n), "source text '%s' cannot be read (%s); spans not checked",
                     doc->source, strerror(errno));
        free(path);
        return;
    }
    src->have = 1;
    free(path);
    if (doc->sha256) {
        char hex[65];
        kg_sha256_hex(src->text, src->len, hex);
        if (strcmp(hex, doc->sha256) != 0) {
            const kg_node *s = at(hdr, "sha256");
            kg_diag_warn(d, doc->path, LINE(s), COL(s),
                         "source text '%s' has changed since these facts were made "
                         "(sha256 %.12s… now); the spans may be stale",
                         doc->source, hex);
        }
    }
}

static int is_hex64(const char *s)
{
    size_t i = 0;
    for (; s[i]; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
            return 0;
    return i == 64;
}

static void check_header(kg_diag *d, const kg_doc *doc)
{
    const kg_node *root = doc->tree;
    if (!root || root->kind != KG_NODE_MAP)
        return;
    if (!doc->version)
        kg_diag_error(d, doc->path, 1, 1, "missing 'kg: 1' (the facts format version)");
    else if (strcmp(doc->version, "1") != 0) {
        const kg_node *n = at(root, "kg");
        kg_diag_error(d, doc->path, LINE(n), COL(n),
                      "unsupported facts format version '%s' (this kg reads version 1)", doc->version);
    }
    if (!doc->has_header)
        return;
    const kg_node *hdr = kg_node_get(root, "document");
    if (!hdr || hdr->kind != KG_NODE_MAP)
        return;
    require(d, doc, hdr, "document", "id", doc->id);
    check_slug(d, doc, at(hdr, "id"), "document id", doc->id);
    check_date(d, doc, at(hdr, "published"), &doc->published);
    if (doc->url && !kg_url_ok(doc->url)) {
        const kg_node *n = at(hdr, "url");
        kg_diag_error(d, doc->path, LINE(n), COL(n), "url '%s' is not an http(s) URL", doc->url);
    }
    if (doc->sha256 && !is_hex64(doc->sha256)) {
        const kg_node *n = at(hdr, "sha256");
        kg_diag_error(d, doc->path, LINE(n), COL(n), "sha256 must be 64 lower-case hex digits");
    }
}

/* Reports a second use of an id among a document's events, figures and
 * relations (they share one namespace: relations may point at any). */
static void check_dups(kg_diag *d, const kg_doc *doc)
{
    kg_hmap seen = KG_HMAP_INIT; /* id -> its first item's node */
    static const kg_node no_node;
    for (int kind = 0; kind < 3; kind++) {
        size_t n = kind == 0 ? doc->n_events : kind == 1 ? doc->n_figures : doc->n_relations;
        for (size_t i = 0; i < n; i++) {
            const char *id = kind == 0 ? doc->events[i].id : kind == 1 ? doc->figures[i].id
                                                                        : doc->relations[i].id;
            const kg_node *node = kind == 0 ? doc->events[i].node : kind == 1 ? doc->figures[i].node
                                                                               : doc->relations[i].node;
            if (!id)
                continue;
            const kg_node *key = node ? node : &no_node;
            const kg_node *first = kg_hmap_put(&seen, id, (void *)key);
            if (first != key) {
                const kg_node *a = at(node, "id");
                kg_diag_error(d, doc->path, LINE(a), COL(a), "duplicate id '%s' (first at line %d)",
                              id, first == &no_node ? 0 : LINE(at(first, "id")));
            }
        }
    }
    kg_hmap_free(&seen);
}

/* ---- keys and characters ----
 *
 * Every key of a known place (the top of a file, the document header, an
 * actor, an event, a figure, a relation, an entry of a lexicon's
 * event_types or relation_cues) is one the format defines, one of kg's own
 * extensions, or unknown. An unknown key that is a likely misspelling of a
 * known one is an error (the value it holds is lost to kg); any other
 * unknown key a warning (kept, not read); a key starting with 'x-' is a
 * declared extension and passes silently.
 *
 * No value may hold a control character (C0, DEL, C1): they can rewrite a
 * terminal that prints them. The fields the format defines are one line
 * each, so there even a line break or a tab is an error; free text (the
 * value of an unknown or x- key, a lexicon entry's description) may hold
 * line breaks and tabs, as YAML block text does. */

enum place { PL_TOP, PL_HEADER, PL_ACTOR, PL_EVENT, PL_FIGURE, PL_RELATION, PL_EVTYPE, PL_RELCUE,
             PL_N };

static const char *const actor_ext[] = { "country", "place", NULL };
static const char *const top_ext[] = { "event_types", "relation_cues", NULL };
static const char *const evtype_keys[] = { "type", "description", "predicates", "nouns", "lemmas", NULL };
static const char *const relcue_keys[] = { "type", "description", "cues", NULL };
static const char *const no_keys[] = { NULL };

static const struct {
    const char *where;
    const char *const *known, *const *ext;
} places[PL_N] = {
    [PL_TOP] = { "at the top of the file", kg_top_keys, top_ext },
    [PL_HEADER] = { "in the document header", kg_header_keys, no_keys },
    [PL_ACTOR] = { "in an actor", kg_actor_keys, actor_ext },
    [PL_EVENT] = { "in an event", kg_event_keys, no_keys },
    [PL_FIGURE] = { "in a figure", kg_figure_keys, no_keys },
    [PL_RELATION] = { "in a relation", kg_relation_keys, no_keys },
    [PL_EVTYPE] = { "in an event_types entry", evtype_keys, no_keys },
    [PL_RELCUE] = { "in a relation_cues entry", relcue_keys, no_keys },
};

/* Appends s to b with control characters and backslashes escaped. */
static void put_escaped(kg_buf *b, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned cp;
        int k = kg_utf8_ctrl_at(s + i, len - i, &cp);
        if (k) {
            kg_buf_printf(b, "\\u%04X", cp);
            i += (size_t)k - 1;
        } else {
            kg_buf_putc(b, s[i]);
        }
    }
}

/* The first control character of a scalar, if any (free text may hold
 * tabs and line feeds); reports it once. */
static void check_chars(kg_diag *d, const kg_doc *doc, const kg_node *n, const char *key, int free_text,
                        int nul_reported)
{
    size_t chars = 0;
    for (size_t i = 0; i < n->len; i++) {
        unsigned char c = (unsigned char)n->value[i];
        if ((c & 0xC0) != 0x80)
            chars++;
        unsigned cp;
        int k = kg_utf8_ctrl_at(n->value + i, n->len - i, &cp);
        if (!k || (free_text && (cp == '\t' || cp == '\n')) || (cp == 0 && nul_reported))
            continue;
        kg_buf where = KG_BUF_INIT;
        if (key) {
            kg_buf_puts(&where, "'");
            put_escaped(&where, key, strlen(key));
            kg_buf_puts(&where, "'");
        } else {
            kg_buf_puts(&where, "a key");
        }
        if (cp == '\n' || cp == '\r')
            kg_diag_error(d, doc->path, n->line, n->col,
                          "line break U+%04X (%s) at character %zu of %s, which is one line; "
                          "join the lines (a block value with | or > keeps its line breaks)",
                          cp, kg_ctrl_name(cp), chars, where.ptr);
        else if (cp == '\t')
            kg_diag_error(d, doc->path, n->line, n->col,
                          "tab U+0009 (TAB) at character %zu of %s; write a space instead",
                          chars, where.ptr);
        else
            kg_diag_error(d, doc->path, n->line, n->col,
                          "control character U+%04X (%s) at character %zu of %s; remove it "
                          "(it could rewrite the terminal that shows it)",
                          cp, kg_ctrl_name(cp), chars, where.ptr);
        kg_buf_free(&where);
        return;
    }
}

/* Every scalar below n (keys too) for control characters. */
static void check_chars_below(kg_diag *d, const kg_doc *doc, const kg_node *n, const char *key,
                              int free_text, int nul_reported)
{
    if (!n)
        return;
    if (n->kind == KG_NODE_SCALAR) {
        check_chars(d, doc, n, key, free_text, nul_reported);
        return;
    }
    for (size_t i = 0; i < n->n; i++) {
        const kg_node *c = n->items[i];
        if (n->kind == KG_NODE_MAP && i % 2 == 0)
            check_chars(d, doc, c, NULL, 0, 0);
        else
            check_chars_below(d, doc, c, key, free_text, nul_reported);
    }
}

static void check_map(kg_diag *d, const kg_doc *doc, const kg_node *map, enum place pl);

static void check_items(kg_diag *d, const kg_doc *doc, const kg_node *list, enum place pl,
                        const char *key)
{
    if (list->kind != KG_NODE_SEQ) {
        check_chars_below(d, doc, list, key, 0, 1);
        return;
    }
    for (size_t i = 0; i < list->n; i++) {
        if (list->items[i]->kind == KG_NODE_MAP)
            check_map(d, doc, list->items[i], pl);
        else
            check_chars_below(d, doc, list->items[i], key, 0, 1);
    }
}

static void check_map(kg_diag *d, const kg_doc *doc, const kg_node *map, enum place pl)
{
    const char *const *known = places[pl].known, *const *ext = places[pl].ext;
    /* the reader refuses a NUL in the string fields it reads */
    int read = pl <= PL_RELATION;
    for (size_t i = 0; i + 1 < map->n; i += 2) {
        const kg_node *k = map->items[i], *v = map->items[i + 1];
        const char *key = k->value;
        check_chars(d, doc, k, NULL, 0, 0);
        if (kg_in_list(known, key) || kg_in_list(ext, key)) {
            int is_ext = !kg_in_list(known, key);
            if (pl == PL_TOP && strcmp(key, "document") == 0 && v->kind == KG_NODE_MAP)
                check_map(d, doc, v, PL_HEADER);
            else if (pl == PL_TOP && strcmp(key, "actors") == 0)
                check_items(d, doc, v, PL_ACTOR, key);
            else if (pl == PL_TOP && strcmp(key, "events") == 0)
                check_items(d, doc, v, PL_EVENT, key);
            else if (pl == PL_TOP && strcmp(key, "figures") == 0)
                check_items(d, doc, v, PL_FIGURE, key);
            else if (pl == PL_TOP && strcmp(key, "relations") == 0)
                check_items(d, doc, v, PL_RELATION, key);
            else if (pl == PL_TOP && strcmp(key, "event_types") == 0)
                check_items(d, doc, v, PL_EVTYPE, key);
            else if (pl == PL_TOP && strcmp(key, "relation_cues") == 0)
                check_items(d, doc, v, PL_RELCUE, key);
            else
                check_chars_below(d, doc, v, key, strcmp(key, "description") == 0,
                                  read && !is_ext);
            continue;
        }
        check_chars_below(d, doc, v, key, 1, 0);
        if (strncmp(key, "x-", 2) == 0 || memchr(key, '\0', k->len))
            continue;
        /* candidates: the keys of this place, the format's and kg's own */
        const char *cands[32];
        size_t n = 0;
        for (size_t j = 0; known[j] && n < 32; j++)
            cands[n++] = known[j];
        for (size_t j = 0; ext[j] && n < 32; j++)
            cands[n++] = ext[j];
        const char *sug = k->len <= 64 ? kg_suggest(key, cands, n) : NULL;
        kg_buf name = KG_BUF_INIT;
        put_escaped(&name, key, k->len);
        if (sug)
            kg_diag_error(d, doc->path, k->line, k->col, "unknown key '%s' %s; did you mean '%s'?",
                          name.ptr, places[pl].where, sug);
        else
            kg_diag_warn(d, doc->path, k->line, k->col,
                         "unknown key '%s' %s: kept, but not read by kg (start an extension "
                         "key with 'x-' to say it is one)", name.ptr, places[pl].where);
        kg_buf_free(&name);
    }
}

static void check_keys(kg_diag *d, const kg_doc *doc)
{
    if (doc->tree && doc->tree->kind == KG_NODE_MAP)
        check_map(d, doc, doc->tree, PL_TOP);
    else if (doc->tree)
        check_chars_below(d, doc, doc->tree, NULL, 0, 0);
}

static void check_doc(kg_diag *d, const kg_corpus *c, const kg_doc *doc)
{
    check_keys(d, doc);
    struct source src;
    check_header(d, doc);
    load_source(d, c, doc, &src);
    kg_hmap actor_ids = KG_HMAP_INIT; /* id -> its first actor in this document */
    for (size_t i = 0; i < doc->n_actors; i++) {
        const kg_actor *a = &doc->actors[i];
        require(d, doc, a->node, "actor", "id", a->id);
        require(d, doc, a->node, "actor", "name", a->name);
        check_slug(d, doc, at(a->node, "id"), "actor id", a->id);
        check_value(d, doc, at(a->node, "type"), "actor type", a->type, kg_actor_types);
        if (a->part_of && a->id && strcmp(a->part_of, a->id) == 0) {
            const kg_node *n = at(a->node, "part_of");
            kg_diag_error(d, doc->path, LINE(n), COL(n), "actor '%s' is part_of itself", a->id);
        }
        const kg_actor *first = a->id ? kg_hmap_put(&actor_ids, a->id, (void *)a) : a;
        if (first != a) {
            const kg_node *n = at(a->node, "id");
            kg_diag_error(d, doc->path, LINE(n), COL(n), "duplicate actor id '%s' (first at line %d)",
                          a->id, LINE(first->node));
        }
    }
    kg_hmap_free(&actor_ids);
    for (size_t i = 0; i < doc->n_events; i++) {
        const kg_event *e = &doc->events[i];
        require(d, doc, e->node, "event", "id", e->id);
        require(d, doc, e->node, "event", "type", e->type);
        check_slug(d, doc, at(e->node, "id"), "event id", e->id);
        check_value(d, doc, at(e->node, "type"), "event type", e->type, kg_event_types);
        check_date(d, doc, at(e->node, "date"), &e->date);
        if (src.have && e->span.set) /* a span whose quote moved (kg respan) */
            kg_check_quote(d, doc, at(e->node, "span"), e->span.start, e->span.end, e->quote,
                           src.text, src.len);
        check_span(d, doc, e->node, &e->span, &src);
    }
    for (size_t i = 0; i < doc->n_figures; i++) {
        const kg_figure *f = &doc->figures[i];
        require(d, doc, f->node, "figure", "id", f->id);
        if (!kg_node_get(f->node, "value")) /* a bad value is reported by the reader */
            require(d, doc, f->node, "figure", "value", f->value_text);
        require(d, doc, f->node, "figure", "unit", f->unit);
        check_slug(d, doc, at(f->node, "id"), "figure id", f->id);
        const char *usug = f->unit && !kg_unit_known(f->unit) ? kg_unit_suggest(f->unit) : NULL;
        if (usug) {
            const kg_node *n = at(f->node, "unit");
            kg_diag_error(d, doc->path, LINE(n), COL(n), "unknown unit '%s'; did you mean '%s'?",
                          f->unit, usug);
        } else if (f->unit && !kg_unit_known(f->unit)) {
            const kg_node *n = at(f->node, "unit");
            kg_diag_error(d, doc->path, LINE(n), COL(n),
                          "unknown unit '%s' (expected an ISO 4217 code such as USD, CNY, KRW, "
                          "or one of %%, %%p, x, count, h, day, week, month, year, cm, nm, GW, gpu-h)",
                          f->unit);
        }
        check_value(d, doc, at(f->node, "approx"), "approx", f->approx, kg_approx_values);
        check_date(d, doc, at(f->node, "date"), &f->date);
        if (src.have && f->span.set) /* a span whose quote moved (kg respan) */
            kg_check_quote(d, doc, at(f->node, "span"), f->span.start, f->span.end, f->quote,
                           src.text, src.len);
        check_span(d, doc, f->node, &f->span, &src);
    }
    for (size_t i = 0; i < doc->n_relations; i++) {
        const kg_relation *r = &doc->relations[i];
        require(d, doc, r->node, "relation", "from", r->from);
        require(d, doc, r->node, "relation", "type", r->type);
        require(d, doc, r->node, "relation", "to", r->to);
        if (r->id)
            check_slug(d, doc, at(r->node, "id"), "relation id", r->id);
        check_value(d, doc, at(r->node, "type"), "relation type", r->type, kg_relation_types);
        if (r->from && r->to && strcmp(r->from, r->to) == 0)
            kg_diag_error(d, doc->path, LINE(r->node), COL(r->node), "relation from '%s' to itself",
                          r->from);
    }
    check_dups(d, doc);
    free(src.text);
}

/* ---- across documents ----
 *
 * Of each document, only what the checks across documents need is kept
 * (struct xcheck): its path and id, its event and figure ids, copies of
 * its actor definitions with the positions of their values, and the
 * references it makes (to actors, to events of other documents) with
 * theirs. A document can be checked on its own and let go as soon as it
 * is read (kg_xcheck_add), so that a corpus of any size is checked in
 * bounded memory; the references are looked up at the end
 * (kg_xcheck_end). Strings are kept once (an actor id named by 10,000
 * files is one string). */

typedef struct xpos {
    int line, col;
} xpos;

static xpos pos_of(const kg_node *n)
{
    xpos p = { LINE(n), COL(n) };
    return p;
}

/* A name or alias of a definition as written, and where. */
typedef struct xname {
    const char *value;
    xpos at;
} xname;

/* What is kept of one actor definition besides its kg_actor copy. */
typedef struct xdef {
    xpos map, type, part_of;
    const char *name_value;  /* the name node's scalar, or NULL */
    xpos name_at;            /* the name node, or 0:0 without one */
    xname *aliases;          /* the alias items that are scalars */
    size_t n_aliases;
    xname *names;            /* the names a warning may speak of: the name, then aliases */
    size_t n_names;
} xdef;

enum { K_PART_OF, K_COUNTRY, K_AGENT, K_TARGET, K_SUBJECT, K_FROM, K_TO };
static const char *const ref_keys[] = { "part_of", "country", "agent", "target", "subject", "from", "to" };
enum { R_ACTOR, R_COUNTRY, R_COUNTRY_BAD, R_EVENT };

/* A reference to check at the end. */
typedef struct xref {
    unsigned char kind, key;
    const char *value;       /* the id (NULL for R_COUNTRY_BAD) */
    const char *owner;       /* R_COUNTRY: the actor's id, or "?" */
    xpos at;
} xref;

/* One document as the checks across documents see it: doc is a small
 * kg_doc of its own (path, id, lexicon or not, the actor copies). */
struct docinfo {
    kg_doc *doc;
    xdef *defs;              /* one per doc->actors */
    xpos id_at;
    kg_hmap items;           /* event and figure id -> the docinfo */
    const char **ids;
    size_t n_ids, cap_ids;
    xref *refs;
    size_t n_refs, cap_refs;
};

typedef kg_actor_def def_t;
struct kg_xcheck {
    kg_hmap strings;         /* every string kept, once */
    kg_corpus docs;          /* the small documents, in the order added */
    struct docinfo *info;    /* one per document */
    size_t n_info, cap_info;
    /* built by kg_xcheck_end */
    kg_actors act;           /* the merged actors and their definitions */
    kg_hmap by_doc;          /* the small kg_doc -> its docinfo */
    kg_hmap docids;          /* document id -> struct docinfo (the first with that id) */
    kg_hmap names;           /* actor name or alias -> def_t (the first to use it) */
    const char **actor_ids, **doc_ids;   /* each once, for suggestions */
    size_t n_actor_ids, n_doc_ids;
    size_t suggest_budget;               /* suggestions left (bounds the work) */
};
typedef struct kg_xcheck xindex;

static const char *keep(xindex *ix, const char *s)
{
    if (!s)
        return NULL;
    const char *k = kg_hmap_get(&ix->strings, s);
    if (k)
        return k;
    char *c = kg_xstrdup(s);
    kg_hmap_put(&ix->strings, c, c);
    return c;
}

static void add_ref(struct docinfo *di, int kind, int key, const char *value, const char *owner,
                    const kg_node *at_node)
{
    KG_VEC_PUSH(di->refs, di->n_refs, di->cap_refs);
    xref *r = &di->refs[di->n_refs++];
    r->kind = (unsigned char)kind;
    r->key = (unsigned char)key;
    r->value = value;
    r->owner = owner;
    r->at = pos_of(at_node);
}

kg_xcheck *kg_xcheck_new(void)
{
    xindex *ix = kg_xcalloc(1, sizeof *ix);
    ix->suggest_budget = 200;
    return ix;
}

/* Copies out what the checks across documents need of doc. */
static void xcheck_record(xindex *ix, const kg_doc *doc)
{
    kg_doc *sd = kg_xcalloc(1, sizeof *sd);
    sd->path = (char *)keep(ix, doc->path);
    sd->is_lexicon = doc->is_lexicon;
    sd->has_header = doc->has_header;
    sd->id = (char *)keep(ix, doc->id);
    KG_VEC_PUSH(ix->info, ix->n_info, ix->cap_info);
    struct docinfo *di = &ix->info[ix->n_info++];
    memset(di, 0, sizeof *di);
    di->doc = sd;
    di->id_at = pos_of(at(kg_node_get(doc->tree, "document"), "id"));
    kg_corpus_add(&ix->docs, sd);

    /* the actor definitions */
    sd->actors = kg_xcalloc(doc->n_actors ? doc->n_actors : 1, sizeof *sd->actors);
    sd->n_actors = sd->cap_actors = doc->n_actors;
    di->defs = kg_xcalloc(doc->n_actors ? doc->n_actors : 1, sizeof *di->defs);
    for (size_t i = 0; i < doc->n_actors; i++) {
        const kg_actor *a = &doc->actors[i];
        kg_actor *c = &sd->actors[i];
        xdef *x = &di->defs[i];
        c->id = (char *)keep(ix, a->id);
        c->name = (char *)keep(ix, a->name);
        c->type = (char *)keep(ix, a->type);
        c->part_of = (char *)keep(ix, a->part_of);
        if (a->aliases.n) {
            c->aliases.v = kg_xcalloc(a->aliases.n, sizeof *c->aliases.v);
            for (size_t j = 0; j < a->aliases.n; j++)
                c->aliases.v[j] = (char *)keep(ix, a->aliases.v[j]);
            c->aliases.n = c->aliases.cap = a->aliases.n;
        }
        /* the `country` key as written (kg_actor_country_key reads it
         * from the node, which goes with the document) */
        const kg_node *m = a->node, *cn = kg_node_get(m, "country");
        const char *ckey = kg_actor_country_key(a);
        if (ckey) {
            kg_node *v = kg_xcalloc(1, sizeof *v);
            v->kind = KG_NODE_SCALAR;
            v->value = (char *)keep(ix, ckey);
            v->len = strlen(ckey);
            c->extra.v = kg_xcalloc(1, sizeof *c->extra.v);
            c->extra.v[0].key = (char *)keep(ix, "country");
            c->extra.v[0].value = v;
            c->extra.n = c->extra.cap = 1;
        }
        x->map = pos_of(m);
        x->type = pos_of(at(m, "type"));
        x->part_of = pos_of(at(m, "part_of"));
        const kg_node *nm = kg_node_get(m, "name"), *al = kg_node_get(m, "aliases");
        x->name_value = nm && nm->kind == KG_NODE_SCALAR ? keep(ix, nm->value) : NULL;
        x->name_at = pos_of(nm);
        size_t nal = al && al->kind == KG_NODE_SEQ ? al->n : 0;
        x->aliases = kg_xcalloc(nal + 1, sizeof *x->aliases);
        x->names = kg_xcalloc(nal + 2, sizeof *x->names);
        if (nm && nm->kind == KG_NODE_SCALAR && !kg_node_is_null(nm) && !memchr(nm->value, '\0', nm->len)) {
            x->names[x->n_names].value = x->name_value;
            x->names[x->n_names++].at = pos_of(nm);
        }
        for (size_t j = 0; j < nal; j++) {
            const kg_node *it = al->items[j];
            if (it->kind != KG_NODE_SCALAR)
                continue;
            x->aliases[x->n_aliases].value = keep(ix, it->value);
            x->aliases[x->n_aliases++].at = pos_of(it);
            if (!kg_node_is_null(it) && !memchr(it->value, '\0', it->len)) {
                x->names[x->n_names].value = x->aliases[x->n_aliases - 1].value;
                x->names[x->n_names++].at = pos_of(it);
            }
        }
        /* its references, in the order they are checked */
        if (a->part_of)
            add_ref(di, R_ACTOR, K_PART_OF, c->part_of, NULL, at(m, "part_of"));
        if (cn && cn->kind == KG_NODE_SCALAR && !kg_node_is_null(cn))
            add_ref(di, R_COUNTRY, K_COUNTRY, keep(ix, cn->value), a->id ? c->id : "?", cn);
        else if (cn && !kg_node_is_null(cn))
            add_ref(di, R_COUNTRY_BAD, K_COUNTRY, NULL, NULL, cn);
    }
    /* the ids other documents may point at */
    for (int kind = 0; kind < 2; kind++) {
        size_t n = kind ? doc->n_figures : doc->n_events;
        for (size_t j = 0; j < n; j++) {
            const char *id = kind ? doc->figures[j].id : doc->events[j].id;
            if (!id)
                continue;
            id = keep(ix, id);
            kg_hmap_put(&di->items, id, di);
            KG_VEC_PUSH(di->ids, di->n_ids, di->cap_ids);
            di->ids[di->n_ids++] = id;
        }
    }
    for (size_t i = 0; i < doc->n_events; i++) {
        const kg_event *e = &doc->events[i];
        for (size_t j = 0; j < e->agent.n; j++)
            add_ref(di, R_ACTOR, K_AGENT, keep(ix, e->agent.v[j]), NULL, at(e->node, "agent"));
        for (size_t j = 0; j < e->target.n; j++)
            add_ref(di, R_ACTOR, K_TARGET, keep(ix, e->target.v[j]), NULL, at(e->node, "target"));
    }
    for (size_t i = 0; i < doc->n_figures; i++)
        if (doc->figures[i].subject)
            add_ref(di, R_ACTOR, K_SUBJECT, keep(ix, doc->figures[i].subject), NULL,
                    at(doc->figures[i].node, "subject"));
    for (size_t i = 0; i < doc->n_relations; i++) {
        const kg_relation *r = &doc->relations[i];
        if (r->from)
            add_ref(di, R_EVENT, K_FROM, keep(ix, r->from), NULL, at(r->node, "from"));
        if (r->to)
            add_ref(di, R_EVENT, K_TO, keep(ix, r->to), NULL, at(r->node, "to"));
    }
}

static const kg_merged_actor *find_actor(const xindex *ix, const char *id)
{
    return kg_actors_find(&ix->act, id);
}

static const xdef *xdef_of(const xindex *ix, const def_t *df)
{
    return &ix->info[df->doc_ix].defs[df->a - df->doc->actors];
}

/* The first definition of the actor that gives the field (0 type, 1
 * part_of), or NULL. */
static const def_t *giver(const xindex *ix, const kg_merged_actor *m, int field)
{
    for (size_t i = m->first; i != KG_NO_DEF; i = ix->act.defs[i].next) {
        const kg_actor *a = ix->act.defs[i].a;
        const char *v = field ? a->part_of : a->type;
        if (v && *v)
            return &ix->act.defs[i];
    }
    return NULL;
}

/* The id of the country an actor belongs to: itself for a country, its
 * 'country', else that of what it is part_of; NULL if none is known. */
static const char *actor_country(const xindex *ix, const kg_merged_actor *a)
{
    for (int steps = 0; a && steps < 64; steps++) {
        if (a->type && strcmp(a->type, "country") == 0)
            return a->id;
        if (a->country)
            return a->country;
        if (!a->part_of)
            return NULL;
        a = find_actor(ix, a->part_of);
    }
    return NULL;
}

static int actor_has_name(const kg_actor *a, const char *s)
{
    return (a->name && strcmp(a->name, s) == 0) || kg_strv_has(&a->aliases, s);
}

/* 1 if a definition of df's actor before df (in the rule's order) has the
 * name s. */
static int earlier_has_name(const xindex *ix, const def_t *df, const char *s)
{
    const kg_merged_actor *own = find_actor(ix, df->a->id);
    for (size_t i = own->first; i != KG_NO_DEF && &ix->act.defs[i] != df; i = ix->act.defs[i].next)
        if (actor_has_name(ix->act.defs[i].a, s))
            return 1;
    return 0;
}

/* One name of df: warns if another actor id has it too, unless the two
 * belong to different countries (an alias such as 상무부 is shared on
 * purpose: the tagger tells them apart by the country named before it). */
static void note_name(kg_diag *d, xindex *ix, const def_t *df, const xname *n)
{
    const def_t *first = kg_hmap_put(&ix->names, n->value, (void *)df);
    if (first == df || strcmp(first->a->id, df->a->id) == 0)
        return;
    /* report a name once per actor: at its first definition, or where a
     * later one adds it */
    if (earlier_has_name(ix, df, n->value))
        return;
    const char *c1 = actor_country(ix, find_actor(ix, df->a->id)),
               *c2 = actor_country(ix, find_actor(ix, first->a->id));
    if (c1 && c2 && strcmp(c1, c2) != 0)
        return;
    const xdef *fx = xdef_of(ix, first);
    xpos fn = fx->name_at;
    if (!fx->name_value || strcmp(fx->name_value, n->value) != 0)
        for (size_t i = 0; i < fx->n_aliases; i++)
            if (strcmp(fx->aliases[i].value, n->value) == 0)
                fn = fx->aliases[i].at;
    if (c1 && c2)
        kg_diag_warn(d, df->doc->path, n->at.line, n->at.col,
                     "'%s' names actor '%s' here and actor '%s' at %s:%d:%d, both of '%s'; merge "
                     "them if they are one actor, else give one of them another name",
                     n->value, df->a->id, first->a->id, first->doc->path, fn.line, fn.col, c1);
    else
        kg_diag_warn(d, df->doc->path, n->at.line, n->at.col,
                     "'%s' names actor '%s' here and actor '%s' at %s:%d:%d; merge them if they are "
                     "one actor, else set 'country' or 'part_of' on both so that they can be told apart",
                     n->value, df->a->id, first->a->id, first->doc->path, fn.line, fn.col);
}

static void index_build(xindex *ix, kg_diag *d)
{
    kg_actors_build(&ix->act, &ix->docs);
    ix->actor_ids = kg_xcalloc(ix->act.n ? ix->act.n : 1, sizeof *ix->actor_ids);
    for (size_t i = 0; i < ix->act.n; i++)
        ix->actor_ids[ix->n_actor_ids++] = ix->act.v[i].id;
    for (size_t i = 0; i < ix->act.n_defs; i++) {
        const def_t *df = &ix->act.defs[i];
        const xdef *x = xdef_of(ix, df);
        for (size_t k = 0; k < x->n_names; k++)
            note_name(d, ix, df, &x->names[k]);
    }
    ix->doc_ids = kg_xcalloc(ix->n_info ? ix->n_info : 1, sizeof *ix->doc_ids);
    for (size_t i = 0; i < ix->n_info; i++) {
        struct docinfo *di = &ix->info[i];
        if (di->doc->id && kg_hmap_put(&ix->docids, di->doc->id, di) == di)
            ix->doc_ids[ix->n_doc_ids++] = di->doc->id;
    }
}

void kg_xcheck_free(kg_xcheck *ix)
{
    if (!ix)
        return;
    kg_actors_free(&ix->act);
    kg_hmap_free(&ix->by_doc);
    kg_hmap_free(&ix->docids);
    kg_hmap_free(&ix->names);
    for (size_t i = 0; i < ix->n_info; i++) {
        struct docinfo *di = &ix->info[i];
        kg_doc *sd = di->doc;
        for (size_t k = 0; k < sd->n_actors; k++) {
            free(sd->actors[k].aliases.v);
            if (sd->actors[k].extra.v)
                free(sd->actors[k].extra.v[0].value);
            free(sd->actors[k].extra.v);
            free(di->defs[k].aliases);
            free(di->defs[k].names);
        }
        free(sd->actors);
        free(sd);
        free(di->defs);
        kg_hmap_free(&di->items);
        free(di->ids);
        free(di->refs);
    }
    free(ix->info);
    free(ix->docs.docs);
    for (size_t i = 0; i < ix->strings.cap; i++)
        if (ix->strings.keys && ix->strings.keys[i])
            free((void *)ix->strings.keys[i]);
    kg_hmap_free(&ix->strings);
    free(ix->actor_ids);
    free(ix->doc_ids);
    free(ix);
}

/* 1 if a and b are the same but for their digits (e1 and e7): numbered
 * ids, where a close one is no likely typo. */
static int differ_in_digits_only(const char *a, const char *b)
{
    for (;;) {
        while (*a >= '0' && *a <= '9')
            a++;
        while (*b >= '0' && *b <= '9')
            b++;
        if (*a != *b)
            return 0;
        if (!*a)
            return 1;
        a++, b++;
    }
}

/* The closest of cands to word, within the budget of suggestions. */
static const char *suggest(xindex *ix, const char *word, const char *const *cands, size_t n)
{
    if (!ix->suggest_budget || strlen(word) > 64)
        return NULL;
    ix->suggest_budget--;
    const char *s = kg_suggest(word, cands, n);
    return s && !differ_in_digits_only(word, s) ? s : NULL;
}

static void did_you_mean(kg_buf *b, const char *sug)
{
    if (sug)
        kg_buf_printf(b, "; did you mean '%s'?", sug);
}

static void actor_ref(kg_diag *d, xindex *ix, const char *path, xpos n, const char *key, const char *id)
{
    if (!id || find_actor(ix, id))
        return;
    kg_buf b = KG_BUF_INIT;
    /* a name where the id belongs (agent: [중국]) */
    const def_t *named = kg_hmap_get(&ix->names, id);
    if (named)
        kg_buf_printf(&b, "; did you mean '%s'? ('%s' is its name; write its id)", named->a->id, id);
    else
        did_you_mean(&b, suggest(ix, id, ix->actor_ids, ix->n_actor_ids));
    kg_diag_error(d, path, n.line, n.col, "unknown actor '%s' in '%s'%s", id, key, b.len ? b.ptr : "");
    kg_buf_free(&b);
}

static void event_ref(kg_diag *d, xindex *ix, const struct docinfo *self, xpos n, const char *key,
                      const char *ref)
{
    if (!ref)
        return;
    const char *path = self->doc->path;
    const char *slash = strchr(ref, '/');
    kg_buf b = KG_BUF_INIT;
    if (!slash) {
        if (!kg_hmap_get(&self->items, ref)) {
            did_you_mean(&b, suggest(ix, ref, self->ids, self->n_ids));
            kg_diag_error(d, path, n.line, n.col, "unknown event '%s' in '%s'%s", ref, key,
                          b.len ? b.ptr : "");
        }
        kg_buf_free(&b);
        return;
    }
    char *docid = kg_xstrndup(ref, (size_t)(slash - ref));
    const struct docinfo *other = kg_hmap_get(&ix->docids, docid);
    if (!other) {
        did_you_mean(&b, suggest(ix, docid, ix->doc_ids, ix->n_doc_ids));
        kg_diag_error(d, path, n.line, n.col, "unknown document '%s' in '%s: %s'%s", docid, key, ref,
                      b.len ? b.ptr : "");
    } else if (!kg_hmap_get(&other->items, slash + 1)) {
        const char *sug = suggest(ix, slash + 1, other->ids, other->n_ids);
        if (sug)
            kg_buf_printf(&b, "; did you mean '%s/%s'?", docid, sug);
        kg_diag_error(d, path, n.line, n.col, "unknown event '%s' in document '%s' (%s)%s", slash + 1,
                      docid, other->doc->path, b.len ? b.ptr : "");
    }
    kg_buf_free(&b);
    free(docid);
}

static void check_refs(kg_diag *d, xindex *ix, const struct docinfo *di)
{
    const char *path = di->doc->path;
    for (size_t i = 0; i < di->n_refs; i++) {
        const xref *r = &di->refs[i];
        const char *key = ref_keys[r->key];
        switch (r->kind) {
        case R_ACTOR:
            actor_ref(d, ix, path, r->at, key, r->value);
            break;
        case R_COUNTRY: {
            const kg_merged_actor *ca = find_actor(ix, r->value);
            if (!ca)
                actor_ref(d, ix, path, r->at, key, r->value);
            else if (ca->type && strcmp(ca->type, "country") != 0)
                kg_diag_error(d, path, r->at.line, r->at.col,
                              "'country' of '%s' is '%s', which is a %s, not a country", r->owner,
                              r->value, ca->type);
            break;
        }
        case R_COUNTRY_BAD:
            kg_diag_error(d, path, r->at.line, r->at.col, "'country' must be an actor id");
            break;
        default:
            event_ref(d, ix, di, r->at, key, r->value);
        }
    }
}

/* Same actor id defined with a different type or part_of somewhere else:
 * every definition is compared with the merged actor (the first
 * definition, in the rule's order, that gives the field). */
static void check_conflicts(kg_diag *d, const xindex *ix)
{
    for (size_t i = 0; i < ix->act.n_defs; i++) {
        const def_t *x = &ix->act.defs[i];
        const kg_merged_actor *m = find_actor(ix, x->a->id);
        const char *keys[2] = { "type", "part_of" };
        const char *xv[2] = { x->a->type, x->a->part_of }, *mv[2] = { m->type, m->part_of };
        for (int k = 0; k < 2; k++) {
            const def_t *y = xv[k] && mv[k] ? giver(ix, m, k) : NULL;
            if (y && y != x && strcmp(xv[k], mv[k]) != 0) {
                const xdef *xx = xdef_of(ix, x), *yy = xdef_of(ix, y);
                xpos n = k ? xx->part_of : xx->type, g = k ? yy->part_of : yy->type;
                kg_diag_error(d, x->doc->path, n.line, n.col,
                              "actor '%s' has %s '%s' here but '%s' at %s:%d:%d", x->a->id,
                              keys[k], xv[k], mv[k], y->doc->path, g.line, g.col);
                break;
            }
        }
    }
}

/* The part_of chain of every actor must end (no cycles). */
static void check_cycles(kg_diag *d, const xindex *ix)
{
    for (size_t i = 0; i < ix->act.n; i++) {
        const kg_merged_actor *x = &ix->act.v[i];
        if (!x->part_of || strcmp(x->part_of, x->id) == 0)
            continue;
        const kg_merged_actor *y = x;
        for (int steps = 0; y && y->part_of && steps < 1000; steps++) {
            y = find_actor(ix, y->part_of);
            if (y == x) {
                const def_t *g = giver(ix, x, 1);
                xpos n = xdef_of(ix, g)->part_of;
                kg_diag_error(d, g->doc->path, n.line, n.col,
                              "actor '%s' is part_of itself through a cycle", x->id);
                break;
            }
        }
    }
}

static void check_doc_ids(kg_diag *d, const xindex *ix)
{
    for (size_t i = 0; i < ix->n_info; i++) {
        const struct docinfo *di = &ix->info[i];
        const kg_doc *x = di->doc;
        if (!x->id)
            continue;
        const struct docinfo *first = kg_hmap_get(&ix->docids, x->id);
        if (first != di)
            kg_diag_error(d, x->path, di->id_at.line, di->id_at.col, "document id '%s' is also used by %s",
                          x->id, first->doc->path);
    }
}

void kg_xcheck_add(kg_xcheck *x, const kg_corpus *c, const kg_doc *doc, kg_diag *d)
{
    check_doc(d, c, doc);
    xcheck_record(x, doc);
}

size_t kg_xcheck_end(kg_xcheck *ix, kg_diag *d)
{
    size_t before = d->errors;
    index_build(ix, d);
    check_doc_ids(d, ix);
    check_conflicts(d, ix);
    check_cycles(d, ix);
    for (size_t i = 0; i < ix->n_info; i++)
        check_refs(d, ix, &ix->info[i]);
    return d->errors - before;
}

size_t kg_check_local(const kg_corpus *c, kg_diag *d)
{
    size_t before = d->errors;
    for (size_t i = 0; i < c->n; i++)
        check_doc(d, c, c->docs[i]);
    return d->errors - before;
}

size_t kg_check(const kg_corpus *c, kg_diag *d)
{
    size_t before = d->errors;
    kg_xcheck *x = kg_xcheck_new();
    for (size_t i = 0; i < c->n; i++)
        kg_xcheck_add(x, c, c->docs[i], d);
    kg_xcheck_end(x, d);
    kg_xcheck_free(x);
    return d->errors - before;
}
