/* json.c - the one JSON string writer: kg tag's JSON Lines, the lexicon's
 * keys and the store's JSON columns and query output all escape through
 * kg_json_esc_raw (fast: whole words at a time while no byte needs
 * escaping). */
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "kg/utf8.h"
#include "kg/json.h"

/* Escapes s[0..n) at p (room for 6 * n bytes); returns the new end. */
char *kg_json_esc_raw(char *p, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    size_t i = 0;
#ifdef __SSE2__
    /* sixteen bytes at a time while none needs escaping (p has room for
     * 6 * n bytes, so a whole block can be stored) */
    const __m128i x1f = _mm_set1_epi8(0x1F), quote = _mm_set1_epi8('"'), bsl = _mm_set1_epi8('\\'),
                  del = _mm_set1_epi8(0x7F);
    while (i + 16 <= n) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        __m128i bad = _mm_or_si128(_mm_cmpeq_epi8(_mm_max_epu8(v, x1f), x1f), /* v <= 0x1F */
                                   _mm_or_si128(_mm_cmpeq_epi8(v, quote),
                                                _mm_or_si128(_mm_cmpeq_epi8(v, bsl), _mm_cmpeq_epi8(v, del))));
        if (_mm_movemask_epi8(bad))
            break;
        _mm_storeu_si128((__m128i *)(void *)p, v);
        p += 16;
        i += 16;
    }
#endif
    /* then eight at a time: any byte < 0x20, '"', '\\' or 0x7F in the
     * word? (exact "has a zero byte" tests) */
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    while (i + 8 <= n) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        uint64_t q = w ^ (ones * '"'), b = w ^ (ones * '\\'), d = w ^ (ones * 0x7F);
        uint64_t hit = ((w - ones * 0x20) & ~w) | ((q - ones) & ~q) | ((b - ones) & ~b) | ((d - ones) & ~d);
        if (hit & highs)
            break;
        memcpy(p, &w, 8);
        p += 8;
        i += 8;
    }
    for (; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f) {
            *p++ = (char)c;
            continue;
        }
        *p++ = '\\';
        switch (c) {
        case '"': *p++ = '"'; break;
        case '\\': *p++ = '\\'; break;
        case '\n': *p++ = 'n'; break;
        case '\r': *p++ = 'r'; break;
        case '\t': *p++ = 't'; break;
        case '\b': *p++ = 'b'; break;
        case '\f': *p++ = 'f'; break;
        default:
            *p++ = 'u';
            *p++ = '0';
            *p++ = '0';
            *p++ = hex[c >> 4];
            *p++ = hex[c & 15];
        }
    }
    return p;
}

void kg_json_escape(kg_buf *out, const char *s, size_t n)
{
    kg_buf_grow(out, 6 * n);
    char *e = kg_json_esc_raw(out->ptr + out->len, s, n);
    out->len = (size_t)(e - out->ptr);
    out->ptr[out->len] = '\0';
}


/* One quoted JSON string for text that may be anything: invalid UTF-8
 * becomes U+FFFD (a byte at a time), and U+2028/U+2029 are escaped so the
 * JSON is safe inside an HTML <script> too. Runs of clean text go through
 * kg_json_escape. */
void kg_json_string(kg_buf *b, const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    kg_buf_putc(b, '"');
    size_t i = 0, run = 0;
    while (i < len) {
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        unsigned cp = 0;
        size_t k = kg_utf8_decode(p + i, len - i, &cp);
        if (k && cp != 0x2028 && cp != 0x2029) {
            i += k;
            continue;
        }
        kg_json_escape(b, s + run, i - run);
        if (!k) {
            kg_buf_add(b, "\xef\xbf\xbd", 3);
            i++;
        } else {
            kg_buf_printf(b, "\\u%04x", cp);
            i += k;
        }
        run = i;
    }
    kg_json_escape(b, s + run, len - run);
    kg_buf_putc(b, '"');
}
