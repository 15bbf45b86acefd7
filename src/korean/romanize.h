/* korean/romanize.h - slugs for discovered actors: Hangul in the Revised
 * Romanization of Korean (syllable by syllable, without the sound-change
 * rules across syllables). */
#ifndef KG_KOREAN_ROMANIZE_H
#define KG_KOREAN_ROMANIZE_H

#include <stddef.h>

#include "kg/buf.h"

/* Appends a slug for s[0..n) to out: Hangul in Revised Romanization,
 * Latin lower-cased, everything else a hyphen; hyphens squeezed. */
void kg_slug_append(kg_buf *out, const char *s, size_t n);

#endif
