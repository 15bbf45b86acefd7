/* csv.c - CSV fields (RFC 4180) that a spreadsheet will not run. */
#include <stdlib.h>
#include <string.h>

#include "util/csv.h"

/* 1 if s[0..n) is a plain decimal number ("-3", "+1.5", "-2e3"), which a
 * spreadsheet reads as a number, not a formula. */
static int is_number(const char *s, size_t n)
{
    char tmp[64], *end;
    if (n == 0 || n >= sizeof tmp)
        return 0;
    memcpy(tmp, s, n);
    tmp[n] = '\0';
    for (size_t i = 0; i < n; i++)
        if (!strchr("0123456789+-.eE", tmp[i]))
            return 0;
    strtod(tmp, &end);
    return *end == '\0';
}

void kg_csv_field(kg_buf *out, const char *s, size_t n)
{
    if (!s)
        n = 0;
    int formula = n > 0 && s[0] && strchr("=+-@\t\r", s[0]) && !is_number(s, n);
    int quote = formula; /* a field that starts with ' is quoted, to be plain */
    for (size_t i = 0; i < n && !quote; i++)
        if (s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r')
            quote = 1;
    if (n > 0 && (s[0] == ' ' || s[n - 1] == ' '))
        quote = 1;
    if (!quote) {
        kg_buf_add(out, s, n);
        return;
    }
    kg_buf_putc(out, '"');
    if (formula)
        kg_buf_putc(out, '\'');
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"')
            kg_buf_putc(out, '"');
        kg_buf_putc(out, s[i]);
    }
    kg_buf_putc(out, '"');
}

void kg_csv_end(kg_buf *out)
{
    kg_buf_puts(out, "\r\n");
}
