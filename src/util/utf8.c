/* utf8.c - strict UTF-8 validation and positions (kg/utf8.h). */
#include "kg/buf.h"
#include "kg/utf8.h"

size_t kg_utf8_check(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        size_t k = kg_utf8_seq(p + i, len - i);
        if (!k)
            return i;
        i += k;
    }
    return len;
}

void kg_utf8_repair(kg_buf *out, const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < len;) {
        size_t k = kg_utf8_seq(u + i, len - i);
        if (k) {
            kg_buf_add(out, s + i, k);
            i += k;
        } else {
            kg_buf_puts(out, "\xEF\xBF\xBD");
            i++;
        }
    }
}

void kg_utf8_linecol(const char *s, size_t off, int *line, int *col)
{
    int l = 1, c = 1;
    for (size_t i = 0; i < off; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == '\n') {
            l++;
            c = 1;
        } else if ((ch & 0xC0) != 0x80) {
            c++;
        }
    }
    *line = l;
    *col = c;
}

int kg_utf8_ctrl_at(const char *s, size_t n, unsigned *cp)
{
    const unsigned char *p = (const unsigned char *)s;
    if (n >= 1 && (p[0] < 0x20 || p[0] == 0x7F)) {
        *cp = p[0];
        return 1;
    }
    if (n >= 2 && p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F) {
        *cp = p[1];
        return 2;
    }
    return 0;
}

const char *kg_ctrl_name(unsigned cp)
{
    static const char *const c0[32] = { "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL",
                                        "BS",  "TAB", "LF",  "VT",  "FF",  "CR",  "SO",  "SI",
                                        "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB",
                                        "CAN", "EM",  "SUB", "ESC", "FS",  "GS",  "RS",  "US" };
    if (cp < 0x20)
        return c0[cp];
    if (cp == 0x7F)
        return "DEL";
    if (cp == 0x9B)
        return "CSI";
    if (cp == 0x9D)
        return "OSC";
    if (cp >= 0x80 && cp <= 0x9F)
        return "C1 control";
    return "control";
}

int kg_looks_euckr(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t pairs = 0, hangul = 0, bad = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char a = p[i];
        if (a < 0x80)
            continue;
        unsigned char b = i + 1 < len ? p[i + 1] : 0;
        /* CP949: lead 0x81-0xFE; trail 0xA1-0xFE (EUC-KR), or A-Z, a-z,
         * 0x81-0xA0 (the CP949 extension) */
        if (a >= 0x81 && a <= 0xFE &&
            ((b >= 0xA1 && b <= 0xFE) || (b >= 0x81 && b <= 0xA0) || (b >= 'A' && b <= 'Z') ||
             (b >= 'a' && b <= 'z'))) {
            pairs++;
            if (a >= 0xB0 && a <= 0xC8 && b >= 0xA1 && b <= 0xFE)
                hangul++; /* KS X 1001 Hangul syllables */
            i++;
        } else {
            bad++;
        }
    }
    if (!hangul)
        return 0;
    if (bad == 0 && hangul * 2 >= pairs)
        return 1;
    return hangul >= 8 && hangul * 2 >= pairs && bad * 20 <= pairs;
}
