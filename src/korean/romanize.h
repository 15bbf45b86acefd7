/* korean/romanize.h - slugs for discovered actors and documents: Hangul
 * in the Revised Romanization of Korean (syllable by syllable, without the
 * sound-change rules across syllables). The one declaration of
 * kg_slug_append: it is language knowledge, so it lives in the korean
 * layer (internal); the tagger and kg extract's header include this file
 * (an include/kg header cannot be included from here: korean is below
 * tag). Not API. */
#ifndef KG_KOREAN_ROMANIZE_H
#define KG_KOREAN_ROMANIZE_H

#include <stddef.h>

#include "kg/buf.h"

/* Appends a slug for s[0..n) to out: Hangul in the Revised Romanization
 * of Korean (syllable by syllable), Latin letters and digits lower-cased,
 * every other run of characters one hyphen; hyphens squeezed. The ids of
 * discovered actors are made so, and kg extract's document ids. */
void kg_slug_append(kg_buf *out, const char *s, size_t n);

#endif
