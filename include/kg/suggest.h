/* kg/suggest.h - "did you mean": the closest of a set of known words to
 * one a user typed (after git's help.c). */
#ifndef KG_SUGGEST_H
#define KG_SUGGEST_H

#include <stddef.h>

/* Optimal string alignment distance between a and b, counted in bytes
 * (insert, delete, substitute, swap two neighbours: 1 each). */
size_t kg_edit_distance(const char *a, const char *b);
/* The word of cands[0..n) closest to word, or NULL when none is close
 * enough to be a likely typo: a distance of at most 1 for words of up to
 * four bytes, 2 up to eight, else 3 (or word is a prefix of exactly one
 * candidate). NULL entries of cands are skipped. */
const char *kg_suggest(const char *word, const char *const *cands, size_t n);

#endif
