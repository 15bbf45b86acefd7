/* test_util.c - the one UTF-8 decoder (kg/utf8.h), kg_buf_fixed, and the
 * JSON writers (kg_json_esc_raw, the numbers of kg_mention_json). */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "kg/buf.h"
#include "kg/tag.h"
#include "kg/text.h"
#include "kg/utf8.h"

static size_t dec(const char *s, size_t n, unsigned *cp)
{
    *cp = 0xDEADu;
    return kg_utf8_decode((const unsigned char *)s, n, cp);
}

Test(utf8, decodes_valid_sequences_of_each_length)
{
    unsigned cp;
    cr_assert_eq(dec("A", 1, &cp), 1);
    cr_assert_eq(cp, 0x41u);
    cr_assert_eq(dec("\xC2\xA0", 2, &cp), 2);
    cr_assert_eq(cp, 0xA0u);
    cr_assert_eq(dec("\xEA\xB0\x80", 3, &cp), 3); /* U+AC00 */
    cr_assert_eq(cp, 0xAC00u);
    cr_assert_eq(dec("\xF0\x9F\x98\x80", 4, &cp), 4);
    cr_assert_eq(cp, 0x1F600u);
    cr_assert_eq(dec("\xF4\x8F\xBF\xBF", 4, &cp), 4);
    cr_assert_eq(cp, 0x10FFFFu);
}

Test(utf8, rejects_invalid_lead_and_continuation_bytes)
{
    unsigned cp;
    cr_assert_eq(dec("\x80", 1, &cp), 0);
    cr_assert_eq(dec("\xBF", 1, &cp), 0);
    cr_assert_eq(dec("\xFF\x80", 2, &cp), 0);
    cr_assert_eq(dec("\xF5\x80\x80\x80", 4, &cp), 0);
    cr_assert_eq(dec("\xC3\x41", 2, &cp), 0);
    cr_assert_eq(dec("\xEA\xB0\x41", 3, &cp), 0);
    cr_assert_eq(cp, 0xDEADu, "cp untouched on invalid");
}

Test(utf8, rejects_overlongs)
{
    unsigned cp;
    cr_assert_eq(dec("\xC0\xAF", 2, &cp), 0);
    cr_assert_eq(dec("\xC1\xBF", 2, &cp), 0);
    cr_assert_eq(dec("\xE0\x80\xAF", 3, &cp), 0);
    cr_assert_eq(dec("\xE0\x9F\xBF", 3, &cp), 0);
    cr_assert_eq(dec("\xF0\x80\x80\xAF", 4, &cp), 0);
    cr_assert_eq(dec("\xF0\x8F\xBF\xBF", 4, &cp), 0);
    cr_assert_eq(dec("\xE0\xA0\x80", 3, &cp), 3); /* U+0800, the first non-overlong */
}

Test(utf8, rejects_surrogates_and_above_max)
{
    unsigned cp;
    cr_assert_eq(dec("\xED\xA0\x80", 3, &cp), 0); /* U+D800 */
    cr_assert_eq(dec("\xED\xBF\xBF", 3, &cp), 0); /* U+DFFF */
    cr_assert_eq(dec("\xED\x9F\xBF", 3, &cp), 3); /* U+D7FF */
    cr_assert_eq(dec("\xF4\x90\x80\x80", 4, &cp), 0); /* U+110000 */
}

Test(utf8, rejects_truncated_sequences)
{
    unsigned cp;
    cr_assert_eq(dec("\xC2", 1, &cp), 0);
    cr_assert_eq(dec("\xEA\xB0", 2, &cp), 0);
    cr_assert_eq(dec("\xF0\x9F\x98", 3, &cp), 0);
    cr_assert_eq(kg_utf8_seq((const unsigned char *)"\xEA\xB0\x80", 2), 0);
}

Test(utf8, check_gives_the_first_bad_offset)
{
    cr_assert_eq(kg_utf8_check("ab\xEA\xB0\x80", 5), 5);
    cr_assert_eq(kg_utf8_check("ab\xED\xA0\x80z", 6), 2);
    cr_assert_eq(kg_utf8_check("ab\xEA\xB0", 4), 2);
}

#include "kg/json.h"

/* The one JSON writer: what the store, kg tag and kg query all emit. */
Test(json, escapes_what_json_needs_and_repairs_what_is_broken)
{
    kg_buf b = KG_BUF_INIT;
    kg_json_string(&b, "a\"b\\c\n\x01\x7f", 8);
    cr_assert_str_eq(b.ptr, "\"a\\\"b\\\\c\\n\\u0001\\u007f\"");
    kg_buf_reset(&b);
    /* a bad byte becomes U+FFFD, one per byte; U+2028 is escaped for <script> */
    kg_json_string(&b, "\xea\xb0\x80\xff\xc3x\xe2\x80\xa8", 9);
    cr_assert_str_eq(b.ptr, "\"\xea\xb0\x80\xef\xbf\xbd\xef\xbf\xbdx\\u2028\"");
    kg_buf_reset(&b);
    /* long clean runs (the word-at-a-time path) and an escape after them */
    kg_json_escape(&b, "abcdefghijklmnopqrstuvwxyz0123456789\"", 37);
    cr_assert_str_eq(b.ptr, "abcdefghijklmnopqrstuvwxyz0123456789\\\"");
    kg_buf_free(&b);
}

/* kg_buf_fixed writes what printf's %.Nf writes, byte for byte: halves
 * (exact and near), negative zero, values that round to zero, large and
 * odd values, and many random coordinates. */
Test(buf, fixed_is_printf)
{
    static const double some[] = { 0, -0.0, 0.005, 0.015, 0.125, 2.675, -2.675, 1.005, -0.001,
                                   0.0049999999, 123456.785, 999999.995, 1e9, -1e12, 1e-9,
                                   72.0 / 72.0, 1100.0 / 3, -35.5 / 72.0, 4503599627370497.0 };
    char want[64];
    unsigned long long x = 88172645463325252ULL;
    for (int i = 0; i < 20000 + (int)(sizeof some / sizeof *some); i++) {
        double v;
        if (i < (int)(sizeof some / sizeof *some)) {
            v = some[i];
        } else {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            v = ((double)(x % 400000000) - 200000000) / (double)(1u << (x >> 60));
        }
        for (int dec = 0; dec <= 6; dec++) {
            kg_buf b = KG_BUF_INIT;
            kg_buf_puts(&b, "p");
            kg_buf_fixed(&b, v, dec);
            snprintf(want, sizeof want, "p%.*f", dec, v);
            cr_assert_str_eq(b.ptr, want, "%.17g with %d decimals", v, dec);
            kg_buf_free(&b);
        }
    }
}

/* kg_json_esc_raw against a byte-at-a-time escaper, on strings of every
 * length up to 80 (the whole-block copies with an overlapping last
 * block, the two-word copies of 4 to 15 bytes, and the byte loop they
 * fall back to), with an escape at every place or none. */
static size_t esc_ref(char *p, const char *s, size_t n)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            o += (size_t)sprintf(p + o, "\\%c", c);
        else if (c == '\n')
            o += (size_t)sprintf(p + o, "\\n");
        else if (c == '\r')
            o += (size_t)sprintf(p + o, "\\r");
        else if (c == '\t')
            o += (size_t)sprintf(p + o, "\\t");
        else if (c == '\b')
            o += (size_t)sprintf(p + o, "\\b");
        else if (c == '\f')
            o += (size_t)sprintf(p + o, "\\f");
        else if (c < 0x20 || c == 0x7F)
            o += (size_t)sprintf(p + o, "\\u%04x", c);
        else
            p[o++] = (char)c;
    }
    return o;
}

Test(json, esc_raw_matches_a_byte_loop_at_every_length)
{
    static const char pool[] = "ab\xea\xb0\x80\xed\x9e\xa3 .,:{}[]\"\\\n\r\t\x01\x1f\x7f\x80\xff";
    char s[96], want[96 * 6 + 1], have[96 * 6 + 1];
    unsigned st = 7;
    for (size_t n = 0; n <= 80; n++)
        for (int round = 0; round < 300; round++) {
            for (size_t i = 0; i < n; i++) {
                st = st * 1103515245u + 12345u;
                /* mostly clean text, now and then a byte to escape */
                s[i] = (st >> 16) % 8 ? "abc\xea\xb0\x80 ."[(st >> 8) % 8] : pool[(st >> 4) % (sizeof pool - 1)];
            }
            size_t w = esc_ref(want, s, n);
            size_t h = (size_t)(kg_json_esc_raw(have, s, n) - have);
            cr_assert_eq(h, w, "length %zu, round %d", n, round);
            cr_assert(memcmp(have, want, w) == 0, "length %zu, round %d", n, round);
        }
}

/* A figure's value in kg tag's JSON is what printf's %.0f writes for an
 * integer and %.10g otherwise (kg_mention_json writes decimals without
 * printf): decimals of every number of places, near the switch to
 * exponents, negative, and many random values. */
static void value_is_printfs(double v)
{
    kg_text t;
    memset(&t, 0, sizeof t);
    t.norm = (char *)"7";
    t.norm_len = 1;
    kg_mention m;
    memset(&m, 0, sizeof m);
    m.kind = KG_MENTION_FIGURE;
    m.nend = 1;
    m.num = v;
    m.unit = "count";
    kg_buf b = KG_BUF_INIT;
    kg_mention_json(&m, &t, &b);
    char want[64];
    if (!isfinite(v))
        snprintf(want, sizeof want, "null");
    else if (fabs(v) < 9e15 && v == floor(v))
        snprintf(want, sizeof want, "%.0f", v);
    else
        snprintf(want, sizeof want, "%.10g", v);
    const char *p = strstr(b.ptr, "\"value\":");
    cr_assert(p, "%s", b.ptr);
    p += 8;
    size_t n = strcspn(p, ",");
    cr_assert(n == strlen(want) && !memcmp(p, want, n), "%.17g: %.*s, printf %s", v, (int)n, p, want);
    kg_buf_free(&b);
}

Test(json, figure_values_are_written_as_printf_writes_them)
{
    static const double some[] = { 0.5, 0.1, 0.2, 0.3, 1.1, 2332.31, 14.9, 0.75, 123456.789, 2.675, 1.005,
                                   0.0001, 0.00012, 0.00009999, 1e-5, 999999999.5, 999999999.99, 1e9 + 0.5,
                                   1.0 / 3, 2.0 / 3, 1e300, 5e-324, 0.0, -0.0, 42, 1e15, 1e16 };
    for (size_t k = 0; k < sizeof some / sizeof *some; k++) {
        value_is_printfs(some[k]);
        value_is_printfs(-some[k]);
    }
    unsigned long long st = 88172645463325252ull;
    for (int k = 0; k < 200000; k++) {
        st ^= st << 13;
        st ^= st >> 7;
        st ^= st << 17;
        double v = (double)(st % 10000000000ull) / pow(10, (double)((st >> 40) % 12));
        value_is_printfs(v);
        value_is_printfs(-v / 7);
    }
}
