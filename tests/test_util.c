/* test_util.c - the one UTF-8 decoder (kg/utf8.h), and kg_buf_fixed. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "kg/buf.h"
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
