/* korean/particles.h - the particles and copula endings that follow a
 * noun (korean.yaml `particles`: one table, classes say which rule reads
 * an entry): does a word end well after a name (kg_tail_ok), what a
 * word's particle does in a sentence (the extractor's roles), and the
 * particles that may stand between a figure and its approximation. The
 * table is read once, at first use; afterwards every call is read-only
 * and any number of threads may call. */
#ifndef KG_KOREAN_PARTICLES_H
#define KG_KOREAN_PARTICLES_H

#include <stddef.h>

#include "korean/hangul.h"

/* 1 if the Hangul run from s[i] to the next non-Hangul character is
 * empty or made only of particles and copula endings of class tail (은,
 * 는, 에서는, 까지, 이었다 ...); *end gets the end of that run. */
int kg_tail_ok(const char *s, size_t len, size_t i, size_t *end);

/* kg_tail_ok of a rest s[i..e) known to be all Hangul syllables and to
 * end the run (e is where kg_tail_ok would find its end): 1 if it is
 * particles, without looking for the run's end again. Only after the
 * table was read (any other call here, such as kg_particle_firsts). */
int kg_tail_syllables(const char *s, size_t i, size_t e);

/* The first syllables of the tail particles: a rest that starts with
 * another is none. */
const kg_sylset *kg_particle_firsts(void);

/* What a particle does (the classes subject ... other). */
enum {
    KG_PART_NONE = 0,
    KG_PART_SUBJ,  /* 이 가 께서 측이 */
    KG_PART_TOPIC, /* 은 는 측은 에서는 도 */
    KG_PART_OBJ,   /* 을 를 */
    KG_PART_GEN,   /* 의 */
    KG_PART_CONJ,  /* 와 과 이나 이며 */
    KG_PART_LOC,   /* 에서 서 */
    KG_PART_DAT,   /* 에 에게 에는 */
    KG_PART_OTHER  /* 로 으로 까지 부터 보다 만 ... */
};

/* The role of the particle that is all of s[a..b), or KG_PART_NONE. */
int kg_particle_exact(const char *s, size_t a, size_t b);

/* The role of the particle that ends the word s[a..b) and is shorter
 * than it (the first of the table that does), its start in *ps; else
 * KG_PART_NONE and *ps = b. */
int kg_particle_ending(const char *s, size_t a, size_t b, size_t *ps);

/* 1 if a case particle (class case) starts at s[i] (before end). */
int kg_case_particle_at(const char *s, size_t i, size_t end);

/* The particles of class figure, NULL-terminated. */
const char *const *kg_particles_figure(void);

#endif
