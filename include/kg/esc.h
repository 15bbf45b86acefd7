/* kg/esc.h - text for a terminal: what a facts file, an article or a
 * file name says is printed with its control characters made visible, so
 * that no input can move the cursor, retitle or clear a terminal, ring a
 * bell, or start a line that looks like one of kg's own messages.
 *
 * Escaped: C0 controls as \a \b \t \n \v \f \r \e or \xHH; DEL as \x7f;
 * C1 controls (U+0080-U+009F) as \u0080 ... \u009f; a byte that is not
 * valid UTF-8 as \xHH. Everything else, backslashes included, is kept, so
 * text without control characters prints as it is, and escaping twice
 * changes nothing. (JSON output needs no more: its writer escapes C0
 * controls, and \u0085 is what JSON itself would write.) */
#ifndef KG_ESC_H
#define KG_ESC_H

#include <stdio.h>
#include <stddef.h>
#include "kg/buf.h"

/* Flags. */
enum {
    KG_ESC_LINES = 1 /* keep newline and tab: the text is lines kg laid out */
};

/* Appends s[0..len) escaped to out. */
void kg_esc(kg_buf *out, const char *s, size_t len, int flags);
/* The same for a NUL-terminated string (NULL appends nothing). */
void kg_esc_str(kg_buf *out, const char *s, int flags);
/* Writes s[0..len) escaped to fp; returns -1 on a write error, else 0. */
int kg_esc_write(FILE *fp, const char *s, size_t len, int flags);
/* How many bytes the escape of the character at s (n bytes left) takes
 * with KG_ESC_LINES (0: it is printed as it is), and how many bytes of s
 * that character is (*used); for lining up a caret under escaped text. */
size_t kg_esc_width(const char *s, size_t n, size_t *used);

#endif
