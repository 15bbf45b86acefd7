/* text.c - making text safe for Graphviz and HTML, and measuring it.
 *
 * Graphviz writes whatever bytes it is given into the SVG, so invalid
 * UTF-8 or a stray control character makes the file malformed; and it
 * interprets its own escapes in labels and tooltips (\N, \G, \n, \l and
 * &#...; entities), so a title must be escaped before it is handed over. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "kg/utf8.h"
#include "render/render_int.h"

static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */

/* Walks s as code points, calling fn with the (cleaned) bytes of each. */
typedef void (*cp_fn)(void *ctx, unsigned cp, const char *bytes, size_t len);

static void each_cp(void *out, const char *s, size_t len, cp_fn fn)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        unsigned cp;
        size_t k = kg_utf8_decode(p + i, len - i, &cp);
        if (k == 0) {
            fn(out, 0xFFFD, replacement, 3);
            i++;
            continue;
        }
        if (cp == '\t')
            fn(out, ' ', " ", 1);
        else if ((cp < 0x20 && cp != '\n') || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) ||
                 cp == 0xFFFE || cp == 0xFFFF)
            fn(out, 0xFFFD, replacement, 3);
        else
            fn(out, cp, (const char *)p + i, k);
        i += k;
    }
}

static void put_clean(void *out, unsigned cp, const char *bytes, size_t len)
{
    (void)cp;
    kg_buf_add((kg_buf *)out, bytes, len);
}

void kg_utf8_clean(kg_buf *out, const char *s, size_t len)
{
    if (s)
        each_cp(out, s, len, put_clean);
}

size_t kg_utf8_prefix(const char *s, size_t max_chars)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, n = 0;
    while (p[i] && n < max_chars) {
        i++;
        while ((p[i] & 0xC0) == 0x80)
            i++;
        n++;
    }
    return i;
}

/* Cleans s into a scratch buffer and cuts it to max_chars code points. */
static void clean_cut(kg_buf *tmp, const char *s, size_t max_chars)
{
    kg_utf8_clean(tmp, s, strlen(s));
    if (max_chars) {
        size_t cut = kg_utf8_prefix(tmp->ptr, max_chars);
        if (cut < tmp->len) {
            size_t keep = kg_utf8_prefix(tmp->ptr, max_chars > 1 ? max_chars - 1 : 1);
            tmp->len = keep;
            tmp->ptr[keep] = '\0';
            kg_buf_puts(tmp, "\xE2\x80\xA6"); /* … */
        }
    }
}

/* Appends clean (valid UTF-8) text with & < > " ' as entities. For a
 * Graphviz HTML label (gv), backslashes are doubled too, since Graphviz
 * substitutes \N, \G ... in HTML text and reads a doubled one as one,
 * and newlines become <BR/>. */
static void escape_markup(kg_buf *out, const char *clean, int gv)
{
    for (const char *p = clean; *p; p++) {
        switch (*p) {
        case '&': kg_buf_puts(out, "&amp;"); break;
        case '<': kg_buf_puts(out, "&lt;"); break;
        case '>': kg_buf_puts(out, "&gt;"); break;
        case '"': kg_buf_puts(out, "&quot;"); break;
        case '\'': kg_buf_puts(out, "&#39;"); break;
        case '\\':
            if (gv)
                kg_buf_puts(out, "\\\\");
            else
                kg_buf_putc(out, '\\');
            break;
        case '\n':
            if (gv)
                kg_buf_puts(out, "<BR/>");
            else
                kg_buf_putc(out, '\n');
            break;
        case '\r': break;
        default: kg_buf_putc(out, *p);
        }
    }
}

/* No label or tooltip holds more than this many characters, whatever a
 * facts file says (a title of megabytes would cost Graphviz minutes: its
 * label and tooltip handling is quadratic in the longest string). */
enum { LABEL_HARD_MAX = 1000, TOOLTIP_MAX = 4000 };

void kg_gv_html(kg_buf *out, const char *s, size_t max_chars)
{
    kg_buf tmp = KG_BUF_INIT;
    if (!s)
        return;
    clean_cut(&tmp, s, max_chars && max_chars < LABEL_HARD_MAX ? max_chars : LABEL_HARD_MAX);
    escape_markup(out, tmp.ptr, 1);
    kg_buf_free(&tmp);
}

void kg_gv_tooltip(kg_buf *out, const char *s)
{
    kg_buf tmp = KG_BUF_INIT;
    if (!s)
        return;
    clean_cut(&tmp, s, TOOLTIP_MAX);
    for (const char *p = tmp.ptr; *p; p++) {
        size_t run = strcspn(p, "\\&\r"); /* (the text between, at once) */
        if (run) {
            kg_buf_add(out, p, run);
            p += run;
            if (!*p)
                break;
        }
        switch (*p) {
        /* A tooltip goes through two rounds of backslash processing
         * (escape sequences, then \N-style substitution): a backslash
         * that must survive both is written four times. */
        case '\\': kg_buf_puts(out, "\\\\\\\\"); break;
        /* Graphviz passes entities through to the SVG: &amp; keeps a
         * literal & (and "&#60;" as written). */
        case '&': kg_buf_puts(out, "&amp;"); break;
        case '\r': break;
        default: kg_buf_putc(out, *p);
        }
    }
    kg_buf_free(&tmp);
}

int kg_gv_url(kg_buf *out, const char *url)
{
    static const char hex[] = "0123456789ABCDEF";
    if (!url || !kg_url_ok(url))
        return -1;
    for (const unsigned char *p = (const unsigned char *)url; *p; p++) {
        unsigned c = *p;
        if (c <= 0x20 || c >= 0x7F || strchr("\"<>\\^`{|}", (int)c)) {
            kg_buf_putc(out, '%');
            kg_buf_putc(out, hex[c >> 4]);
            kg_buf_putc(out, hex[c & 15]);
        } else if (c == '&') {
            kg_buf_puts(out, "&amp;");
        } else {
            kg_buf_putc(out, (int)c);
        }
    }
    return 0;
}

void kg_html_escape(kg_buf *out, const char *s)
{
    kg_buf tmp = KG_BUF_INIT;
    if (!s)
        return;
    kg_utf8_clean(&tmp, s, strlen(s));
    escape_markup(out, tmp.ptr, 0);
    kg_buf_free(&tmp);
}

/* Advance widths of ASCII 0x20-0x7E in Noto Sans CJK KR, in 1/1000 em,
 * as Graphviz's pango plugin measures them. */
static const unsigned short ascii_width[95] = {
    226, 323, 473, 556, 556, 923, 683, 278, 338, 338, 466, 556, 278, 346, 278, 391,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 556, 556, 556, 473,
    946, 601, 661, 610, 691, 593, 556, 691, 728, 293, 490, 646, 541, 811, 721, 743,
    631, 743, 638, 579, 601, 721, 585, 878, 571, 533, 586, 338, 391, 338, 556, 563,
    608, 563, 616, 489, 623, 556, 323, 563, 608, 278, 278, 556, 286, 923, 608, 608,
    623, 623, 391, 466, 354, 608, 518, 803, 496, 518, 473, 338, 271, 338, 556,
};

static void add_width(void *acc, unsigned cp, const char *bytes, size_t len)
{
    double *w = acc;
    (void)bytes;
    (void)len;
    if (cp >= 0x20 && cp < 0x7F)
        *w += ascii_width[cp - 0x20];
    else if (cp >= 0xAC00 && cp <= 0xD7A3)
        *w += 923; /* Hangul syllables */
    else if (cp >= 0xA0 && cp < 0x300)
        *w += 640; /* Latin-1 and Latin extended */
    else if (cp != '\n')
        *w += 1000; /* CJK, symbols, punctuation: full width at most */
}

double kg_text_width(const char *s, double fontsize)
{
    double w = 0;
    if (s)
        each_cp(&w, s, strlen(s), add_width);
    return ceil(w / 1000.0 * fontsize * 1.04 + 1.0);
}

static void add_rough(void *acc, unsigned cp, const char *bytes, size_t len)
{
    double *w = acc;
    (void)bytes;
    (void)len;
    if (cp == ' ')
        *w += 0.3;
    else if (cp > 0x20 && cp < 0x7F)
        *w += 0.6;
    else if (cp != '\n')
        *w += 1.0;
}

double kg_text_rough_width(const char *s, double fontsize)
{
    double w = 0;
    if (s)
        each_cp(&w, s, strlen(s), add_rough);
    return w * fontsize;
}

/* ---- numbers and dates for display ---- */

static void put_grouped(kg_buf *out, long long v)
{
    char digits[32];
    int n = snprintf(digits, sizeof digits, "%lld", v < 0 ? -v : v);
    if (v < 0)
        kg_buf_putc(out, '-');
    for (int i = 0; i < n; i++) {
        kg_buf_putc(out, digits[i]);
        if ((n - i - 1) % 3 == 0 && i != n - 1)
            kg_buf_putc(out, ',');
    }
}

/* 60000000000 → "600억", 12060000000000 → "12조 600억", 4500 → "4,500",
 * 2.5 → "2.5". */
static void put_number(kg_buf *out, double v)
{
    if (!isfinite(v)) {
        kg_buf_puts(out, "?");
        return;
    }
    if (v != floor(v) || fabs(v) >= 1e18) {
        kg_buf_printf(out, "%g", v);
        return;
    }
    long long n = (long long)v;
    long long a = n < 0 ? -n : n;
    if (a < 10000) {
        put_grouped(out, n);
        return;
    }
    static const struct { long long unit; const char *name; } units[] = {
        { 1000000000000LL, "조" }, { 100000000LL, "억" }, { 10000LL, "만" }, { 1, "" },
    };
    if (n < 0)
        kg_buf_putc(out, '-');
    int first = 1;
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        long long q = a / units[i].unit;
        a %= units[i].unit;
        if (q == 0)
            continue;
        if (!first)
            kg_buf_putc(out, ' ');
        put_grouped(out, q);
        kg_buf_puts(out, units[i].name);
        first = 0;
    }
}

static const char *unit_word(const char *unit, const char *counter)
{
    static const struct { const char *unit, *word; } words[] = {
        { "CNY", " 위안" }, { "USD", " 달러" }, { "KRW", "원" }, { "JPY", " 엔" },
        { "EUR", " 유로" }, { "%", "%" }, { "%p", "%p" }, { "x", "배" },
        { "h", "시간" }, { "day", "일" }, { "week", "주" }, { "month", "개월" },
        { "year", "년" }, { "gpu-h", " GPU시간" },
    };
    if (!unit)
        return "";
    if (strcmp(unit, "count") == 0)
        return counter ? counter : "";
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strcmp(words[i].unit, unit) == 0)
            return words[i].word;
    return NULL; /* written as " unit" */
}

void kg_figure_value(kg_buf *out, const kg_figure *f)
{
    const char *approx = f->approx ? f->approx : "exact";
    const char *word = unit_word(f->unit, f->counter);
    if (strcmp(approx, "about") == 0)
        kg_buf_puts(out, "약 ");
    put_number(out, f->value);
    if (f->is_range) {
        kg_buf_putc(out, '~');
        put_number(out, f->value_max);
    }
    if (word)
        kg_utf8_clean(out, word, strlen(word));
    else {
        kg_buf_putc(out, ' ');
        kg_utf8_clean(out, f->unit, strlen(f->unit));
    }
    if (strcmp(approx, "over") == 0)
        kg_buf_puts(out, " 이상");
    else if (strcmp(approx, "under") == 0)
        kg_buf_puts(out, " 미만");
}

void kg_date_text(kg_buf *out, const kg_date *d)
{
    if (!d || !d->text || !*d->text) {
        kg_buf_puts(out, "날짜 미상");
        return;
    }
    if (!d->valid) {
        kg_utf8_clean(out, d->text, strlen(d->text));
        return;
    }
    const char *slash = strchr(d->text, '/');
    if (!slash) {
        kg_buf_puts(out, d->text);
        return;
    }
    /* "A/B" → "A – B", "A/.." → "A –", "../B" → "– B" */
    if (strncmp(d->text, "..", 2) != 0) {
        kg_buf_add(out, d->text, (size_t)(slash - d->text));
        kg_buf_putc(out, ' ');
    }
    kg_buf_puts(out, "\xE2\x80\x93");
    if (strcmp(slash + 1, "..") != 0) {
        kg_buf_putc(out, ' ');
        kg_buf_puts(out, slash + 1);
    }
}
