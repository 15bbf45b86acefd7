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

/* 1 if one of the eight bytes of w needs escaping: below 0x20, '"',
 * '\\' or 0x7F (exact "has a zero byte" tests). */
static inline int word_needs_esc(uint64_t w)
{
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    uint64_t q = w ^ (ones * '"'), b = w ^ (ones * '\\'), d = w ^ (ones * 0x7F);
    uint64_t hit = ((w - ones * 0x20) & ~w) | ((q - ones) & ~q) | ((b - ones) & ~b) | ((d - ones) & ~d);
    return (hit & highs) != 0;
}

/* The same for the four bytes of w. */
static inline int word4_needs_esc(uint32_t w)
{
    const uint32_t ones = 0x01010101u, highs = 0x80808080u;
    uint32_t q = w ^ (ones * '"'), b = w ^ (ones * '\\'), d = w ^ (ones * 0x7F);
    uint32_t hit = ((w - ones * 0x20) & ~w) | ((q - ones) & ~q) | ((b - ones) & ~b) | ((d - ones) & ~d);
    return (hit & highs) != 0;
}

#ifdef __SSE2__
/* The lanes of v that need escaping, as a mask. */
static inline unsigned block_needs_esc(__m128i v)
{
    const __m128i x1f = _mm_set1_epi8(0x1F), quote = _mm_set1_epi8('"'), bsl = _mm_set1_epi8('\\'),
                  del = _mm_set1_epi8(0x7F);
    __m128i bad = _mm_or_si128(_mm_cmpeq_epi8(_mm_max_epu8(v, x1f), x1f), /* v <= 0x1F */
                               _mm_or_si128(_mm_cmpeq_epi8(v, quote),
                                            _mm_or_si128(_mm_cmpeq_epi8(v, bsl), _mm_cmpeq_epi8(v, del))));
    return (unsigned)_mm_movemask_epi8(bad);
}
#endif

/* Escapes s[0..n) at p (room for 6 * n bytes); returns the new end.
 * Strings with no byte to escape (nearly all) are copied whole: in
 * blocks, the last one overlapping the one before (it rewrites the same
 * bytes), so that no byte is looked at alone; the byte loop takes over
 * from the first block that holds a byte to escape. */
char *kg_json_esc_raw(char *p, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    size_t i = 0;
    char *const out = p;
    if (n >= 16) {
#ifdef __SSE2__
        /* sixteen bytes at a time while none needs escaping */
        while (i + 16 <= n) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
            if (block_needs_esc(v))
                break;
            _mm_storeu_si128((__m128i *)(void *)(out + i), v);
            i += 16;
        }
        if (i == n)
            return out + n;
        if (i + 16 > n) {
            /* the rest as the last sixteen bytes (all before i are copied) */
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + n - 16));
            if (!block_needs_esc(v)) {
                _mm_storeu_si128((__m128i *)(void *)(out + n - 16), v);
                return out + n;
            }
        }
        p = out + i;
#endif
    } else if (n >= 8) {
        uint64_t a, b;
        memcpy(&a, s, 8);
        memcpy(&b, s + n - 8, 8);
        if (!word_needs_esc(a) && !word_needs_esc(b)) {
            memcpy(out, &a, 8);
            memcpy(out + n - 8, &b, 8);
            return out + n;
        }
    } else if (n >= 4) {
        uint32_t a, b;
        memcpy(&a, s, 4);
        memcpy(&b, s + n - 4, 4);
        if (!word4_needs_esc(a) && !word4_needs_esc(b)) {
            memcpy(out, &a, 4);
            memcpy(out + n - 4, &b, 4);
            return out + n;
        }
    }
    /* then eight at a time while no byte needs escaping */
    while (i + 8 <= n) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (word_needs_esc(w))
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
