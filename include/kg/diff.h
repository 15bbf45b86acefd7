/* kg/diff.h - line diffs for showing what a rewrite would change
 * (kg fmt --diff, kg extract --diff): Myers' algorithm, unified output. */
#ifndef KG_DIFF_H
#define KG_DIFF_H

#include <stddef.h>

#include "kg/buf.h"

/* Appends to out a unified diff of a -> b with `context` lines of
 * context around each change, headed "--- a_name" / "+++ b_name"; a
 * last line without a newline is marked "\ No newline at end of file".
 * Returns the number of hunks (0 when the texts are equal, and then
 * nothing is appended). When out is a terminal-bound buffer the caller
 * escapes it; the diff itself copies the bytes. */
size_t kg_diff_unified(kg_buf *out, const char *a_name, const char *a, size_t alen,
                       const char *b_name, const char *b, size_t blen, int context);

#endif
