/* korean/numbers.h - reading numbers as Korean news writes them: ASCII
 * digits with thousands commas and decimals, Korean multipliers mixed in,
 * Sino-Korean numerals and native number words (korean.yaml:
 * small_multipliers, big_multipliers, sino_digits, native_tens,
 * native_ones). */
#ifndef KG_KOREAN_NUMBERS_H
#define KG_KOREAN_NUMBERS_H

#include <stddef.h>

/* A number as written: digits with commas and a decimal point, Korean
 * multipliers (십 백 천 만 억 조, mixed: 4천500, 12조600억, 1.5조), Sino-
 * Korean numerals (삼십, 이백) and native ones (두, 세, 열, 스무). */
typedef struct kg_num {
    double value;
    size_t start, end;   /* normalised offsets of the number */
    int digits;          /* number of ASCII digits read */
    int has_mult;        /* a Korean multiplier was used */
    int has_point;       /* a decimal point was read */
    int has_comma;
    int words;           /* written in Hangul words only (두, 삼십 ...) */
    int int_digits;      /* digits before the point (for years: 4) */
    int over;            /* an approximation mark inside it: 1천800여만 */
    int glued;           /* a native word glued to what follows (다섯개) */
    double to;           /* the upper end of a native range (두세: value 2, to 3), else 0 */
} kg_num;

/* Reads a number starting at s[i]. Returns 1 and fills *out, or 0. */
int kg_num_scan(const char *s, size_t len, size_t i, kg_num *out);
/* 0 when kg_num_scan at s[i], a Hangul syllable, certainly reads no
 * number: a number in words starts with a Sino-Korean digit and a small
 * multiplier (삼십), or a small multiplier and a digit or multiplier
 * (십이, 백만); else 1. Two lookups, for the callers that try many
 * syllables (figures.c). */
int kg_num_words_may_start(const char *s, size_t len, size_t i);
/* 0 when kg_num_scan_native at s[i] certainly reads nothing: s[i] is
 * no Hangul syllable that a native ten or one starts with; else 1. */
int kg_num_native_may_start(const char *s, size_t len, size_t i);
/* The classes of Hangul syllable c (cp - 0xAC00, below 11172) as the
 * readers above see it, KG_NUM_SYL_* bits: the first Sino-Korean digit
 * word of 1 or more, small multiplier or big multiplier that matches
 * there is that syllable (KG_NUM_SYL_SINO, _SMALL, _BIG), and a native
 * ten or one starts with it (KG_NUM_SYL_NATIVE). kg_num_words_may_start
 * and kg_num_native_may_start answer from these; a caller may build its
 * own tables from them once (figures.c). */
/* KG_NUM_SYL_NATIVE_ON: a native numeral may go on with that syllable
 * (the second syllable of a native ten, one or range word, or the first
 * of a native one, which may follow a ten): where the syllable after a
 * native numeral's first one has not this bit, kg_num_scan_native reads
 * one syllable there or nothing (figures.c). (128: the bits between are
 * figures.c's own in the same table.) */
enum {
    KG_NUM_SYL_SINO = 1, KG_NUM_SYL_SMALL = 2, KG_NUM_SYL_BIG = 4, KG_NUM_SYL_NATIVE = 8,
    KG_NUM_SYL_NATIVE_ON = 128
};
unsigned kg_num_syl_class(unsigned c);
/* Reads a native Korean number word (한 두 세 네 다섯 ... 열 스무 스물...)
 * at s[i] that stands alone as a word, or is glued to what follows (then
 * out->glued is set: the caller decides whether a counter may follow);
 * returns 1 and fills *out, or 0. A range word (한두, 두세, 서너:
 * korean.yaml native_ranges) gives its lower end in value, its upper in
 * to. */
int kg_num_scan_native(const char *s, size_t len, size_t i, kg_num *out);

#endif
