/* test_esc.c - control characters shown escaped on the terminal
 * (kg/esc.h), in findings (kg_finding_format) too. */
#include <criterion/criterion.h>
#include <string.h>

#include "kg.h"
#include "kg/esc.h"

static char *esc(const char *s, size_t len, int flags)
{
    kg_buf b = KG_BUF_INIT;
    kg_esc(&b, s, len, flags);
    kg_buf_putc(&b, '\0');
    return kg_buf_detach(&b, NULL);
}

Test(term_esc, c0_del_c1_and_bad_bytes_are_visible)
{
    static const char in[] = "a\x1b]0;t\x07|\n|\t|\r|\x01|\x7f|\xc2\x9b|\xc2\x85|\xff|\xe2\x80|가\\n";
    char *out = esc(in, sizeof in - 1, 0);
    cr_expect_str_eq(out, "a\\e]0;t\\a|\\n|\\t|\\r|\\x01|\\x7f|\\u009b|\\u0085|\\xff|\\xe2\\x80|가\\n");
    free(out);
}

Test(term_esc, lines_keep_newline_and_tab)
{
    char *out = esc("a\tb\nc\x1b", 6, KG_ESC_LINES);
    cr_expect_str_eq(out, "a\tb\nc\\e");
    free(out);
}

Test(term_esc, plain_text_is_kept_and_escaping_twice_changes_nothing)
{
    static const char in[] = "중국 \\N ü é \xc2\xa0 end";
    char *once = esc(in, sizeof in - 1, 0);
    cr_expect_str_eq(once, in);
    char *twice = esc("x\x1b\x07\n", 4, 0);
    char *again = esc(twice, strlen(twice), 0);
    cr_expect_str_eq(again, twice);
    free(once);
    free(twice);
    free(again);
}

Test(term_esc, findings_escape_file_and_message)
{
    kg_diag d = KG_DIAG_INIT;
    kg_diag_error(&d, "a\nkg: b.yaml", 3, 4, "invalid date '%s'", "\x1b]0;x\x07");
    char line[256];
    kg_finding_format(&d.v[0], line, sizeof line);
    cr_expect_str_eq(line, "kg: a\\nkg: b.yaml:3:4: invalid date '\\e]0;x\\a'");
    kg_diag_free(&d);
}
