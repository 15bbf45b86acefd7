/* test_check.c - pieces of `kg check` that the catalogue cannot show
 * alone: EUC-KR detection (no false alarm on Latin-1 or binary bytes) and
 * the order of many findings. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "kg.h"
#include "kg/utf8.h"

Test(euckr, korean_in_euckr_is_recognised)
{
    /* 안녕하세요 정부 in EUC-KR */
    static const char s[] = "\xBE\xC8\xB3\xE7\xC7\xCF\xBC\xBC\xBF\xE4 \xC1\xA4\xBA\xCE";
    cr_expect(kg_looks_euckr(s, strlen(s)));
}

Test(euckr, latin1_and_binary_are_not_euckr)
{
    static const char latin1[] = "caf\xE9 cr\xE8" "me br\xFB" "l\xE9" "e";
    static const char bin[] = "\xFF\xFE\x00\x01\x80\x81";
    static const char lone[] = "abc\xB0";
    cr_expect(!kg_looks_euckr(latin1, strlen(latin1)));
    cr_expect(!kg_looks_euckr(bin, sizeof bin - 1));
    cr_expect(!kg_looks_euckr(lone, strlen(lone)));
}

Test(ctrl, control_characters_are_found_and_named)
{
    unsigned cp = 0;
    cr_expect_eq(kg_utf8_ctrl_at("\x1b[", 2, &cp), 1);
    cr_expect_eq(cp, 0x1B);
    cr_expect_str_eq(kg_ctrl_name(cp), "ESC");
    cr_expect_eq(kg_utf8_ctrl_at("\xC2\x9B", 2, &cp), 2);
    cr_expect_eq(cp, 0x9B);
    cr_expect_eq(kg_utf8_ctrl_at("\xC2\xA0", 2, &cp), 0, "NBSP is no control");
    cr_expect_eq(kg_utf8_ctrl_at("\x7F", 1, &cp), 1);
    cr_expect_str_eq(kg_ctrl_name(cp), "DEL");
}

/* Sorting keeps equal findings in the order they were found, and is not
 * quadratic: 200000 findings sort at once. */
Test(diag, sort_is_stable_and_fast, .timeout = 20)
{
    kg_diag d = KG_DIAG_INIT;
    for (int i = 0; i < 200000; i++)
        kg_diag_error(&d, i % 2 ? "b.yaml" : "a.yaml", 100 - i % 100, 1, "%d", i);
    kg_diag_sort(&d);
    for (size_t i = 1; i < d.n; i++) {
        int c = strcmp(d.v[i - 1].file, d.v[i].file);
        cr_assert(c < 0 || (c == 0 && (d.v[i - 1].line < d.v[i].line ||
                                       (d.v[i - 1].line == d.v[i].line &&
                                        atoi(d.v[i - 1].msg) < atoi(d.v[i].msg)))),
                  "out of order at %zu", i);
    }
    kg_diag_free(&d);
}
