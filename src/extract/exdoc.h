/* exdoc.h - the state of one extraction (events.c, relate.c, extract.c).
 * Not API.
 *
 * The files call one way: extract.c (kg_extract) reads each sentence with
 * events.c (ex_sentence_events), then merges its clauses and relates the
 * events with relate.c (ex_merge_sentence, ex_relate); events.c and
 * relate.c do not call each other or extract.c; all three use exdoc.c
 * (ex_first_at) and the Korean helpers and the event lexicon below it. */
#ifndef KG_EXDOC_H
#define KG_EXDOC_H

#include "extint.h"

struct ex_role;
struct cand;

typedef struct exdoc {
    const kg_text *t;
    const char *s;            /* t->norm */
    size_t len;
    const kg_mentions *m;
    const kg_evlex *ev;
    const kg_lexicon *lx;     /* for the part_of chains of actors */
    int *act, *tim, *fig;     /* mention indexes by kind, in text order */
    size_t n_act, n_time, n_fig;
    /* the sentence being read */
    size_t se;
    size_t chain;             /* start of the clause chain (-고, -며 …) */
    size_t a0, a1, t0, t1;    /* the sentence's actors and times: act[a0..a1) */
    int loc_is_venue;         /* X에서 is a place for the event at hand */
    ex_word *w;
    size_t nw, capw;
    struct ex_role *r;
    size_t nr, capr;
    struct cand *cand_v;
    size_t cap_cand;
    /* results */
    ex_event *ev_v;
    size_t n_ev, cap_ev;
    ex_rel *rel;
    size_t n_rel, cap_rel;
    char last_date[48], last_when[96];
    /* the last day told outside quotes (events.c): what an act or a
     * statement with no time of its own is dated by, across sentences
     * that tell of a year or a month in between */
    char last_day[48], last_day_when[96];
    size_t last_day_at; /* where that day was told */
    /* the story's main day: as last_day, but never moved back to an
     * earlier day (간밤 … told after a story of the 22nd); an act with no
     * time of its own in a later paragraph than last_day_at takes it */
    char main_day[48], main_day_when[96];
    int lead_done;            /* the lead (the body's first sentence with an act) was read */
    size_t lead_sent, lead_se; /* its index and end */
    int headed;               /* a headline came before it */
    size_t cap_end; int cap_is; /* the line read last by caption_line (events.c): its end, and its answer */
    int cap_credit;             /* ... and whether it ends with a photo credit */
    /* the story's last topic (X는, else the subject X가) told outside
     * quotes (events.c): the doer of a clause with a dropped subject */
    int topic[4], n_topic;
    size_t topic_sent, para, topic_para, prev_se;
    kg_edtf_point dct;        /* the document date (prec NONE: unknown) */
} exdoc;

/* exdoc.c: first index i of idx[0..n) whose mention starts at or after o
 * (the index lists are sorted by position; binary search). */
size_t ex_first_at(const exdoc *x, const int *idx, size_t n, size_t o);

/* events.c: 1 if the time mention m is the base of a comparison (전
 * 거래일보다, 전년 대비; events.yaml date_base_words): it dates nothing. */
int ex_base_time(const exdoc *x, const kg_mention *m);

/* events.c: 1 if the words before offset at (from ss on) are a coercive
 * act as an object and a hint verb as an adnominal (군사 개입을 시사하는
 * 발언: the noun after them tells a threat; events.yaml threat_hint_verbs). */
int ex_threat_hint(const exdoc *x, size_t ss, size_t at);
/* The act named by the words before a plan noun (관세 부과 of 관세 부과
 * 계획): their lexicon noun, else the last word that is a noun or a lemma
 * of the lexicon; -1 if none (events.c). */
int ex_plan_act_type(const exdoc *x, const char *words, size_t n);

/* events.c: dates e by the time mention ti (its value into date, its
 * text into when). */
void ex_date_from(exdoc *x, ex_event *e, int ti);

/* events.c: dates the lead's acts with no time of their own by the
 * document's day, after the relations had their say (ex_relate). */
void ex_lead_dates(exdoc *x);
/* events.c: finds the events of sentence si [ss, se) and appends them
 * (not merged: the caller runs ex_merge_sentence on them). */
void ex_sentence_events(exdoc *x, size_t si, size_t ss, size_t se, int title_line);
/* events.c: after ex_merge_sentence, an act told with a day of its own
 * and said on another day (11일 열었다고 12일 밝혔다) is dated by the act. */
void ex_told_act_dates(exdoc *x, size_t first);
/* events.c: two subjects sharing one verb (A는 …, B는 …에 마쳤다): an event
 * for the first too; after ex_merge_sentence, on the events from first on. */
void ex_gapped_subjects(exdoc *x, size_t first);

/* relate.c: merges the clauses of one act among the events from index
 * first on (those of one ex_sentence_events call). */
void ex_merge_sentence(exdoc *x, size_t first);
/* Links repeated mentions same-as (copying dates to mentions without),
 * then adds responds-to, causes and part-of. */
void ex_relate(exdoc *x);
/* Appends a relation unless it is there already. */
void ex_add_rel(exdoc *x, int from, int type, int to);

#endif
