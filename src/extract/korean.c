/* korean.c - the extractor's side of the korean layer: the core of a word
 * (punctuation trimmed) and the calls into src/korean/ (particles.h:
 * particles at the end of a word; endings.h: whether a lexicon stem stands
 * as a verb (규제하다) or as a noun (규제를), and what the verb ending says)
 * with the extractor's words. */
#include <string.h>

#include "extint.h"
#include "korean/endings.h"
#include "korean/particles.h"

_Static_assert((int)EX_P_SUBJ == (int)KG_PART_SUBJ && (int)EX_P_OTHER == (int)KG_PART_OTHER && (int)EX_P_LOC == (int)KG_PART_LOC,
               "EX_P_* are the particle roles of korean/particles.h");

static int is_core_cp(uint32_t c)
{
    return ex_hangul(c) || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
           (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xC0 && c <= 0x24F) || c == '%' || c == '.' ||
           c == '-' || c == '~';
}

void ex_word_core(const char *s, ex_word *w)
{
    size_t a = w->s, b = w->e, n;
    while (a < b) {
        uint32_t c = ex_cp(s, b, a, &n);
        if (is_core_cp(c) && c != '.' && c != '-' && c != '~')
            break;
        a += n;
    }
    while (b > a) {
        size_t p = ex_prev(s, b);
        uint32_t c = ex_cp(s, b, p, &n);
        if (is_core_cp(c) && c != '.' && c != '-' && c != '~' && c != '%')
            break;
        b = p;
    }
    w->cs = a;
    w->ce = b;
}

int ex_particle_exact(const char *s, size_t a, size_t b)
{
    return kg_particle_exact(s, a, b);
}

void ex_word_particle(const char *s, ex_word *w)
{
    /* the particle follows the noun it marks: a Hangul syllable, a Latin
     * letter, a digit or a closing bracket */
    w->particle = kg_particle_ending(s, w->cs, w->ce, &w->ps);
}

_Static_assert((int)EX_F_PAST == (int)KG_END_PAST && (int)EX_F_TEMPCONN == (int)KG_END_TEMPCONN &&
                   (int)EX_F_NOMIN == (int)KG_END_NOMIN,
               "EX_F_* are the ending flags of korean/endings.h");

int ex_stem_native(const char *text, size_t len)
{
    return kg_stem_native(text, len);
}

int ex_stem_fused(const char *text, size_t len, char out[][64], int max)
{
    return kg_stem_fused(text, len, out, max);
}

size_t ex_light_verb(const char *s, size_t i, size_t end)
{
    return kg_light_verb(s, i, end);
}

int ex_verbal_after(const char *s, size_t me, size_t ce, int native)
{
    return kg_verbal_after(s, me, ce, native);
}

unsigned ex_ending(const char *s, size_t me, const ex_word *w, const ex_word *next, const ex_word *next2,
                   const ex_word *prev)
{
    kg_kword kw = { w->cs, w->ce }, kn = { 0, 0 }, kn2 = { 0, 0 }, kp = { 0, 0 };
    if (next)
        kn = (kg_kword){ next->cs, next->ce };
    if (next2)
        kn2 = (kg_kword){ next2->cs, next2->ce };
    if (prev)
        kp = (kg_kword){ prev->cs, prev->ce };
    return kg_ending(s, me, &kw, next ? &kn : NULL, next2 ? &kn2 : NULL, prev ? &kp : NULL);
}
