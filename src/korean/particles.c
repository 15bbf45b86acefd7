/* korean/particles.c - the particle table of korean.yaml (see
 * particles.h): buckets by first syllable for kg_tail_ok, the roles for
 * the extractor, the case and figure classes. */
#include "korean/particles.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "kg/buf.h"
#include "korean/grammar.h"

/* tail particles indexed by their first syllable for speed, with their
 * lengths; a bucket ends with w == NULL. Every word starts with a Hangul
 * syllable (others could never match in a run of syllables). */
#define PSLOTS 97
typedef struct particle {
    const char *w;
    size_t n;
    int last; /* class last: no particle follows it */
} particle;
static particle *pbuck[PSLOTS];
static kg_sylset pfirst;

/* the entries with a role, in the table's order */
typedef struct role_part {
    const char *w;
    size_t n;
    int role;
} role_part;
static role_part *roles;
static size_t nroles;

static const char *const *case_words;
static const char *const *figure_words;
static const char *const *homographs;

static pthread_once_t once = PTHREAD_ONCE_INIT;

static const char *const role_names[] = { "subject", "topic", "object", "genitive", "conjunct",
                                          "locative", "dative", "other", NULL };

static unsigned syl_slot(const char *p)
{
    unsigned cp = (((unsigned char)p[0] & 0x0Fu) << 12) | (((unsigned char)p[1] & 0x3Fu) << 6) |
                  ((unsigned char)p[2] & 0x3Fu);
    return cp % PSLOTS;
}

static int has_class(const kg_gram_entry *e, const char *cls)
{
    for (const char *const *c = e->classes; *c; c++)
        if (!strcmp(*c, cls))
            return 1;
    return 0;
}

static void build(void)
{
    const kg_gram_list *l = kg_gram_list_get("korean", "particles");
    size_t cnt[PSLOTS] = { 0 }, fill[PSLOTS] = { 0 };
    for (size_t k = 0; k < l->n; k++) {
        const char *w = l->e[k].form;
        if (has_class(&l->e[k], "tail") && strlen(w) >= 3 && kg_u8_syllable((const unsigned char *)w))
            cnt[syl_slot(w)]++;
    }
    for (int sl = 0; sl < PSLOTS; sl++)
        pbuck[sl] = kg_xcalloc(cnt[sl] + 1, sizeof **pbuck);
    roles = kg_xcalloc(l->n + 1, sizeof *roles);
    for (size_t k = 0; k < l->n; k++) {
        const kg_gram_entry *e = &l->e[k];
        const char *w = e->form;
        size_t n = strlen(w);
        if (!n)
            continue;
        if (has_class(e, "tail") && n >= 3 && kg_u8_syllable((const unsigned char *)w)) {
            unsigned sl = syl_slot(w);
            pbuck[sl][fill[sl]++] = (particle){ w, n, has_class(e, "last") };
            kg_sylset_add_first(&pfirst, w);
        }
        for (int r = 0; role_names[r]; r++)
            if (has_class(e, role_names[r])) {
                roles[nroles++] = (role_part){ w, n, KG_PART_SUBJ + r };
                break;
            }
    }
    case_words = kg_gram_class("korean", "particles", "case");
    figure_words = kg_gram_class("korean", "particles", "figure");
    homographs = kg_gram_words("korean", "particle_homographs");
}

static void ready(void)
{
    pthread_once(&once, build);
}

static int tail_rec(const char *s, size_t i, size_t end, int depth)
{
    if (i == end)
        return 1;
    if (depth >= 4 || end - i < 3)
        return 0;
    for (const particle *p = pbuck[syl_slot(s + i)]; p->w; p++) {
        /* the bucket shares the slot, not the syllable: its last bytes
         * tell most apart */
        if (i + p->n > end || s[i + 2] != p->w[2] || s[i + 1] != p->w[1] || s[i] != p->w[0])
            continue;
        size_t k = 3; /* particles are a few bytes: compare in place */
        while (k < p->n && s[i + k] == p->w[k])
            k++;
        if (k == p->n && (i + p->n == end || !p->last) && tail_rec(s, i + p->n, end, depth + 1))
            return 1;
    }
    return 0;
}

int kg_tail_ok(const char *s, size_t len, size_t i, size_t *end)
{
    ready();
    size_t e = kg_hangul_run_end(s, len, i);
    *end = e;
    if (e == i)
        return 1;
    if (e - i > 18)
        return 0;
    return tail_rec(s, i, e, 0);
}

int kg_tail_syllables(const char *s, size_t i, size_t e)
{
    return e - i <= 18 && tail_rec(s, i, e, 0);
}

const kg_sylset *kg_particle_firsts(void)
{
    ready();
    return &pfirst;
}

int kg_particle_exact(const char *s, size_t a, size_t b)
{
    ready();
    for (size_t i = 0; i < nroles; i++)
        if (b - a == roles[i].n && memcmp(s + a, roles[i].w, roles[i].n) == 0)
            return roles[i].role;
    return KG_PART_NONE;
}

int kg_particle_ending(const char *s, size_t a, size_t b, size_t *ps)
{
    ready();
    size_t len = b - a;
    /* 추가, 합의, 결과 whole: a noun, not a stem and its particle */
    for (int k = 0; homographs && homographs[k]; k++)
        if (strlen(homographs[k]) == len && memcmp(s + a, homographs[k], len) == 0) {
            *ps = b;
            return KG_PART_NONE;
        }
    for (size_t i = 0; i < nroles; i++) {
        size_t n = roles[i].n;
        if (len > n && memcmp(s + b - n, roles[i].w, n) == 0) {
            *ps = b - n;
            return roles[i].role;
        }
    }
    *ps = b;
    return KG_PART_NONE;
}

int kg_case_particle_at(const char *s, size_t i, size_t end)
{
    ready();
    for (int k = 0; case_words[k]; k++) {
        size_t n = strlen(case_words[k]);
        if (i + n <= end && memcmp(s + i, case_words[k], n) == 0)
            return 1;
    }
    return 0;
}

const char *const *kg_particles_figure(void)
{
    ready();
    return figure_words;
}
