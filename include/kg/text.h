/* kg/text.h - text intake: what `kg tag` and `kg extract` read before
 * they look for anything.
 *
 * kg_text_load() takes the bytes of one article (or one window of a large
 * file) and works out, without changing them:
 *   - whether they are valid UTF-8 (an invalid byte is an error naming its
 *     offset, or, with KG_TEXT_LENIENT, a byte that is skipped);
 *   - a normalised copy for matching: BOM dropped, CRLF and CR to LF, tabs,
 *     NBSP and other spaces to ' ', zero-width characters dropped, NFKC
 *     compatibility forms folded through utf8proc (㎝ -> cm, full-width
 *     digits -> ASCII, ～ ∼ 〜 -> ~, “ ” -> ", ‘ ’ -> ', ㆍ -> ·), with a
 *     map from every normalised byte back to the original byte offset;
 *   - page chrome (menus, share buttons, 기사듣기, 글자크기, 닫기, copyright
 *     lines, e-mail addresses, URLs, related-news lists, FAQ boxes, teaser
 *     copies of a later paragraph) as ranges to ignore;
 *   - sentences (glued `했다.중국` split; decimals, dotted dates, initials
 *     and quoted speech kept whole);
 *   - the dateline's date (승인 : 2025. 11. 01., 입력 2025.05.18 11:14,
 *     2024-12-02 (월)), the document creation time (DCT) when no --date is
 *     given.
 *
 * Every range is given twice: `start`/`end` are byte offsets [start, end)
 * into the original bytes plus `base` (so into the file), `nstart`/`nend`
 * into the normalised text. */
#ifndef KG_TEXT_H
#define KG_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include "kg/diag.h"
#include "kg/edtf.h"

/* Options of kg_text_load (bit flags). */
enum {
    KG_TEXT_LENIENT = 1 << 0,   /* skip invalid UTF-8 bytes (one warning) */
    KG_TEXT_NO_CHROME = 1 << 1, /* treat every line as article text */
    KG_TEXT_NO_SENTENCES = 1 << 2 /* leave sent empty (the tagger needs none) */
};

typedef enum kg_chrome_kind {
    KG_CHROME_WIDGET = 0,  /* menus, share buttons, 기사듣기, 글자크기, 닫기 */
    KG_CHROME_URL,         /* a URL or a markdown image link */
    KG_CHROME_EMAIL,       /* an e-mail address */
    KG_CHROME_COPYRIGHT,   /* <저작권자 ...>, ⓒ ..., 무단 전재 ..., (끝) */
    KG_CHROME_RELATED,     /* 관련뉴스 / 관련기사 heading and its list */
    KG_CHROME_FAQ,         /* a site's FAQ box (자주 묻는 질문, Q./A. lines) */
    KG_CHROME_TEASER       /* a paragraph that a later, longer one repeats */
} kg_chrome_kind;

typedef struct kg_text_range {
    size_t start, end;     /* original bytes (file offsets: base included) */
    size_t nstart, nend;   /* normalised text */
} kg_text_range;

typedef struct kg_chrome {
    kg_text_range r;
    kg_chrome_kind kind;
} kg_chrome;

typedef struct kg_text {
    /* the original bytes: borrowed, they must outlive the kg_text */
    const char *src;
    size_t len;
    size_t base;           /* file offset of src[0] (for windows of a file) */

    /* normalised text, NUL-terminated; owned (may alias nothing else) */
    char *norm;
    size_t norm_len;
    /* map[i] = offset in src of the character that normalised byte i came
     * from; map[norm_len] = len. NULL when norm is a byte-for-byte copy. */
    uint32_t *map;

    kg_chrome *chrome;     /* sorted by start, not overlapping */
    size_t n_chrome;
    kg_text_range *sent;   /* sentences in text order, chrome left out */
    size_t n_sent;

    int has_dateline;      /* a dateline was found ... */
    kg_edtf dateline;      /* ... with this date (day or minute precision) */
    kg_text_range dateline_at;   /* where its date is */

    size_t n_invalid;      /* invalid bytes skipped (lenient mode) */

    /* 1 when KG_TEXT_PAD bytes after norm[norm_len] can be read (they
     * are 0): kg_text_load's texts, so that a short piece of norm can be
     * copied by whole vectors without a look at its length first */
    int norm_padded;
} kg_text;

#define KG_TEXT_PAD 32

/* Reads len bytes at src (not NUL-terminated necessarily) as one document
 * or window whose first byte is at file offset base. name is used in
 * findings. Returns 0; or -1 when the bytes are not valid UTF-8 and
 * KG_TEXT_LENIENT is not set (the finding names the byte offset, and t is
 * left empty but valid to free). t must be freed with kg_text_free. */
int kg_text_load(kg_text *t, const char *src, size_t len, size_t base, unsigned flags,
                 const char *name, kg_diag *d);

/* Releases what kg_text_load allocated. NULL, or a zeroed kg_text, is fine. */
void kg_text_free(kg_text *t);

/* Original file offset (base included) of normalised offset n (0..norm_len). */
size_t kg_text_src_offset(const kg_text *t, size_t n);

/* 1 if normalised offset n lies in chrome. Binary search, O(log chrome). */
int kg_text_in_chrome(const kg_text *t, size_t n);
/* The end (normalised) of the chrome range holding n, or n itself. */
size_t kg_text_chrome_end(const kg_text *t, size_t n);

/* Name of a chrome kind ("widget", "url", ...), for debugging output. */
const char *kg_chrome_kind_name(kg_chrome_kind k);

/* (UTF-8 validation on its own: kg_utf8_check in kg/utf8.h.) */

/* Looks for a date written as a dateline or an absolute date at s (in
 * normalised text): `2025. 11. 01.`, `2025.05.18`, `2025-01-13`,
 * `2025/01/13`, optionally followed by a time `21:27` and a weekday
 * `(월)`. On success fills *out (day precision) and returns the number
 * of bytes used; 0 if there is none. */
size_t kg_text_scan_date(const char *s, size_t len, kg_edtf *out);

#endif
