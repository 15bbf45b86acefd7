/* test_diff.c - the line diff (util/diff.c): applying its unified output
 * to the old text gives the new one, and it changes no more lines than a
 * longest common subsequence leaves (checked against a plain LCS table on
 * random texts). */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "kg/buf.h"
#include "kg/diff.h"

/* Applies a unified diff (as kg_diff_unified writes it) to a; the result
 * goes to out. Returns the number of '-' plus '+' lines, or -1 when the
 * diff does not fit a (a context or removed line differs). */
static long apply(const char *a, const char *diff, kg_buf *out)
{
    /* a's lines */
    const char *lines[4096];
    size_t lens[4096], n = 0;
    for (const char *p = a; *p;) {
        const char *e = strchr(p, '\n');
        size_t l = e ? (size_t)(e - p + 1) : strlen(p);
        lines[n] = p;
        lens[n++] = l;
        p += l;
    }
    size_t at = 0;
    long changed = 0;
    const char *d = diff;
    while (*d) {
        const char *e = strchr(d, '\n');
        size_t l = e ? (size_t)(e - d + 1) : strlen(d);
        if (!strncmp(d, "---", 3) || !strncmp(d, "+++", 3)) {
            d += l;
            continue;
        }
        if (!strncmp(d, "@@ -", 4)) {
            size_t start = strtoul(d + 4, NULL, 10);
            const char *comma = d + 4 + strspn(d + 4, "0123456789");
            size_t count = *comma == ',' ? strtoul(comma + 1, NULL, 10) : 1;
            size_t from = count ? start - 1 : start;
            while (at < from)
                kg_buf_add(out, lines[at], lens[at]), at++;
            d += l;
            continue;
        }
        char op = *d;
        const char *body = d + 1;
        size_t bl = l - 1;
        int no_nl = !strncmp(d + l, "\\ No newline", 12);
        size_t want = no_nl ? bl - 1 : bl; /* the line as in the file */
        if (op == ' ' || op == '-') {
            if (at >= n || lens[at] != want || memcmp(lines[at], body, want))
                return -1;
            if (op == ' ')
                kg_buf_add(out, body, want);
            else
                changed++;
            at++;
        } else if (op == '+') {
            kg_buf_add(out, body, want);
            changed++;
        } else {
            return -1;
        }
        d += l;
        if (no_nl)
            d += strcspn(d, "\n") + (strchr(d, '\n') ? 1 : 0);
    }
    while (at < n)
        kg_buf_add(out, lines[at], lens[at]), at++;
    return changed;
}

static size_t count_lines(const char *t, const char **v)
{
    size_t n = 0;
    for (const char *p = t; *p;) {
        const char *e = strchr(p, '\n');
        v[n++] = p;
        p = e ? e + 1 : p + strlen(p);
    }
    return n;
}

static int line_eq(const char *x, const char *y)
{
    size_t lx = strcspn(x, "\n"), ly = strcspn(y, "\n");
    return lx == ly && !memcmp(x, y, lx) && (x[lx] == '\n') == (y[ly] == '\n');
}

static long min_changes(const char *a, const char *b)
{
    static const char *va[256], *vb[256];
    static size_t t[257][257];
    size_t n = count_lines(a, va), m = count_lines(b, vb);
    for (size_t i = n + 1; i-- > 0;)
        for (size_t j = m + 1; j-- > 0;) {
            if (i == n || j == m)
                t[i][j] = 0;
            else if (line_eq(va[i], vb[j]))
                t[i][j] = t[i + 1][j + 1] + 1;
            else
                t[i][j] = t[i + 1][j] > t[i][j + 1] ? t[i + 1][j] : t[i][j + 1];
        }
    return (long)(n + m - 2 * t[0][0]);
}

Test(diff, equal_texts_give_nothing)
{
    kg_buf out = KG_BUF_INIT;
    cr_assert_eq(kg_diff_unified(&out, "a", "x\ny\n", 4, "b", "x\ny\n", 4, 3), 0);
    cr_assert_eq(out.len, 0);
    kg_buf_free(&out);
}

Test(diff, one_changed_line_in_unified_form)
{
    const char *a = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
    const char *b = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
    kg_buf out = KG_BUF_INIT;
    cr_assert_eq(kg_diff_unified(&out, "old", a, strlen(a), "new", b, strlen(b), 3), 1);
    cr_assert_str_eq(out.ptr, "--- old\n+++ new\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
    kg_buf_free(&out);
}

Test(diff, missing_last_newline_is_marked)
{
    kg_buf out = KG_BUF_INIT;
    cr_assert_eq(kg_diff_unified(&out, "a", "x\ny", 3, "b", "x\ny\n", 4, 3), 1);
    cr_assert(strstr(out.ptr, "-y\n\\ No newline at end of file\n+y\n"), "%s", out.ptr);
    kg_buf_free(&out);
}

Test(diff, random_texts_patch_back_with_minimal_changes)
{
    srand(7);
    for (int round = 0; round < 400; round++) {
        kg_buf a = KG_BUF_INIT, b = KG_BUF_INIT, out = KG_BUF_INIT, got = KG_BUF_INIT;
        int na = rand() % 40, nb = rand() % 40;
        for (int i = 0; i < na; i++)
            kg_buf_printf(&a, "%c%s", 'a' + rand() % 5, (i < na - 1 || rand() % 4) ? "\n" : "");
        for (int i = 0; i < nb; i++)
            kg_buf_printf(&b, "%c%s", 'a' + rand() % 5, (i < nb - 1 || rand() % 4) ? "\n" : "");
        int ctx = rand() % 4;
        kg_diff_unified(&out, "a", a.ptr, a.len, "b", b.ptr, b.len, ctx);
        long changed = apply(a.ptr, out.ptr, &got);
        cr_assert_geq(changed, 0, "round %d: diff does not apply:\n%s", round, out.ptr);
        cr_assert_str_eq(got.ptr, b.ptr, "round %d:\n%s", round, out.ptr);
        cr_assert_eq(changed, min_changes(a.ptr, b.ptr), "round %d: not minimal:\n%s", round, out.ptr);
        kg_buf_free(&a);
        kg_buf_free(&b);
        kg_buf_free(&out);
        kg_buf_free(&got);
    }
}
