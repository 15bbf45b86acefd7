/* events.c - events clause by clause, their roles and dates.
 *
 * For each sentence: split it into words, mark quoted speech, read the
 * particle of every word and the grammatical role of every actor mention
 * (the particle that closes its noun phrase); find the lexicon predicates
 * and the support verbs with an event noun as object (규제를 강화하다);
 * read each predicate's verb ending and keep only the clauses that state an
 * act; then fill agent, target, date and title. Merging the clauses of
 * one act and the relations across the document are relate.c's, which
 * extract.c runs after each sentence and at the end (exdoc.h). */
#define _GNU_SOURCE /* memmem */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extint.h"
#include "exdoc.h"
#include "korean/particles.h"
#include "korean/grammar.h"
#include "korean/morph.h"

/* The word lists of these rules are the grammar's (yaml/grammar/events.yaml),
 * looked up at the first sentence (lists_init).
 *
 * Support verbs: with an event noun as their object they make an event of
 * the noun's type (제재를 발표하다, 규제를 강화하다, 설립을 주도하다). */
static const char *const *support_verbs;
/* Native support verbs: 회의를 열다, 조치를 취하다, 결정을 내리다. */
static const char *const *support_native;
/* Adverbs that make a comparison a standing state, not an act. */
static const char *const *state_adverbs;
/* Nouns that name an act: an adnominal clause before them is the act. */
static const char *const *act_heads;
/* Words that carry the date of an earlier sentence over. */
static const char *const *carry_words, *const *date_base_words, *const *date_measure_nouns;
/* A time a since word ends (times.yaml since_words: 2023년 이후) before
 * a first or a record (since_firsts: 처음, 최고) or before a span and
 * since_span_ends (6개월 만이다): the base the act is measured from. */
static const char *const *since_words, *const *since_firsts, *const *since_span_ends;
/* What an explanation ends with (relations.yaml explain_copulas: …한
 * 영향이다, 때문이다): a day it tells is the cause's, not the story's. */
static const char *const *explain_copulas;
/* Sentence openers that tell an earlier act (앞서): no day carried. */
static const char *const *earlier_openers;
/* Speech verbs: a quotation before them is what the speaker said. */
static const char *const *speech_verbs;

/* Bound nouns (것, 데, 수), adnominal endings (한, 된), clause endings
 * (면서, 했고), words that make a target (대한, 겨냥해) and time words
 * without a value (최근, 향후). */
static const char *const *bound_nouns, *const *adnominal_ends, *const *clause_ends, *const *target_words,
    *const *vague_times;
/* Predicates by morphology (issue 13): nouns of states, market movements
 * and their subjects, objects that make an imposing act a restriction. */
static const char *const *stock_suffixes; /* relations.yaml move_stock_suffixes */
static const char *const *state_lemmas, *const *market_moves, *const *market_subjects,
    *const *restrict_objects, *const *morph_drop_endings, *const *quote_words, *const *object_typed_lemmas,
    *const *acted_on_verbs, *const *passive_light_verbs, *const *lift_verbs;
/* Native verbs (issue 13): support verbs with a 에-complement. */
static const char *const *support_dative, *const *support_dative_passive;
static const char *const *carry_subjects, *const *group_subjects, *const *carry_skip_particles;
/* Plans (issue 13): -기로 하다 on a native verb, and the auxiliaries after it. */
static const char *const *plan_decide, *const *plan_aux;
/* Lemmas of keeping (유지) that are an act only on a measure or a figure. */
static const char *const *kept_lemmas, *const *kept_objects;
/* Native verbs that set a level (내렸다), a decision on a kept object. */
static const char *const *level_verbs;
/* Verbs of reaction (환영, 우려: relations.yaml reaction_verbs): their
 * object is what they react to and gives them no type. */
static const char *const *reaction_preds;
/* Verbs of aspect after -기 (시작했다): the verb before is the act. */
static const char *const *aspect_verbs;
/* Nouns of a statement issued (성명, 담화: events.yaml statement_nouns). */
static const char *const *statement_nouns;
/* Bound nouns that close an adnominal clause (relations.yaml
 * clause_nouns: 올린 데, 올린 것에). */
static const kg_gram_list *clause_noun_list;
static pthread_once_t lists_once = PTHREAD_ONCE_INIT;

static void lists_init(void)
{
    support_verbs = kg_gram_words("events", "support_verbs");
    support_native = kg_gram_words("events", "support_native");
    state_adverbs = kg_gram_words("events", "state_adverbs");
    act_heads = kg_gram_words("events", "act_heads");
    carry_words = kg_gram_words("events", "carry_words");
    earlier_openers = kg_gram_words("events", "earlier_openers");
    date_base_words = kg_gram_words("events", "date_base_words");
    since_words = kg_gram_words("times", "since_words");
    since_firsts = kg_gram_words("events", "since_firsts");
    since_span_ends = kg_gram_words("events", "since_span_ends");
    explain_copulas = kg_gram_words("relations", "explain_copulas");
    date_measure_nouns = kg_gram_words("events", "date_measure_nouns");
    speech_verbs = kg_gram_words("events", "speech_verbs");
    bound_nouns = kg_gram_words("events", "bound_nouns");
    adnominal_ends = kg_gram_words("events", "adnominal_ends");
    clause_ends = kg_gram_words("events", "clause_ends");
    target_words = kg_gram_words("events", "target_words");
    vague_times = kg_gram_words("events", "vague_times");
    state_lemmas = kg_gram_words("events", "state_lemmas");
    market_moves = kg_gram_words("events", "market_moves");
    market_subjects = kg_gram_words("events", "market_subjects");
    stock_suffixes = kg_gram_words("relations", "move_stock_suffixes");
    restrict_objects = kg_gram_words("events", "restrict_objects");
    morph_drop_endings = kg_gram_words("events", "morph_drop_endings");
    quote_words = kg_gram_words("korean", "quote_endings");
    object_typed_lemmas = kg_gram_words("events", "object_typed_lemmas");
    acted_on_verbs = kg_gram_words("events", "acted_on_verbs");
    passive_light_verbs = kg_gram_words("events", "passive_light_verbs");
    lift_verbs = kg_gram_words("events", "lift_verbs");
    carry_subjects = kg_gram_words("events", "carry_subjects");
    group_subjects = kg_gram_words("events", "group_subjects");
    carry_skip_particles = kg_gram_words("events", "carry_skip_particles");
    support_dative = kg_gram_words("events", "support_dative");
    support_dative_passive = kg_gram_words("events", "support_dative_passive");
    plan_decide = kg_gram_words("korean", "decide_verbs");
    plan_aux = kg_gram_words("events", "plan_auxiliaries");
    kept_lemmas = kg_gram_words("events", "kept_lemmas");
    aspect_verbs = kg_gram_words("korean", "aspect_verbs");
    kept_objects = kg_gram_words("events", "kept_objects");
    level_verbs = kg_gram_words("events", "level_verbs");
    reaction_preds = kg_gram_words("relations", "reaction_verbs");
    statement_nouns = kg_gram_words("events", "statement_nouns");
    clause_noun_list = kg_gram_list_get("relations", "clause_nouns");
}

/* The endings, particles and words single rules below test (events.yaml;
 * each key's comment there names its rule), looked up once: GW(key). */
static struct {
    const char *const *byline_titles, *const *verbal_word_ends, *const *affiliation_nouns,
        *const *additive_particles, *const *adverb_homographs, *const *comparison_particles,
        *const *chain_end_ends, *const *dative_support_particles, *const *plan_ends, *const *lemma_endings,
        *const *auxiliary_link_ends, *const *object_additive_particles, *const *volitional_infixes,
        *const *nominal_ends, *const *quoted_vow_ends, *const *hearsay_words, *const *quotative_particles,
        *const *connective_mood_ends, *const *aim_ends, *const *aim_chain_ends, *const *reported_speech_ends,
        *const *protest_negated_verbs, *const *vow_nouns, *const *reported_link_ends, *const *habit_link_ends,
        *const *habit_auxiliaries, *const *statement_adnominal_heads, *const *release_report_nouns,
        *const *report_quote_ends, *const *ongoing_from_verbs, *const *forecast_period_nouns,
        *const *hint_verbs, *const *range_end_particles, *const *body_object_verbs, *const *group_company_subjects,
        *const *group_country_subjects, *const *background_ends, *const *plan_copula_words, *const *caption_credits,
        *const *intent_nouns, *const *intent_content_ends, *const *plan_object_nouns, *const *measure_object_nouns, *const *measure_sign_verbs, *const *comitative_additive_particles,
        *const *causative_adnominals, *const *causative_link_ends, *const *threat_hint_verbs, *const *threat_nouns, *const *figure_bound_words,
        *const *quoted_plan_nouns, *const *plan_head_nouns, *const *gap_moves, *const *decision_speech_verbs, *const *act_plan_nouns, *const *act_rule_nouns, *const *also_particles, *const *scope_nouns, *const *level_directions, *const *policy_ends, *const *earlier_ends, *const *person_pronouns, *const *remark_nouns, *const *warning_words, *const *quality_suffixes, *const *chair_words,
        *const *passive_measure_nouns, *const *fused_plan_ends, *const *statement_state_adnominals, *const *statement_action_links,
        *const *company_anaphors, *const *object_verb_adverbs, *const *adverb_suffixes, *const *statement_chain_links, *const *level_lemmas, *const *level_target_particles, *const *interval_marks, *const *place_topic_particles, *const *level_bound_nouns, *const *content_nominals,
        *const *support_light_words, *const *reschedule_verbs, *const *reschedule_links, *const *court_nouns,
        *const *court_reason_verbs, *const *held_verbs, *const *site_nouns, *const *plan_actor_types,
        *const *forecast_content_nouns, *const *fine_objects, *const *instrument_particles, *const *counter_verbs_ev, *const *command_quote_ends, *const *day_carry_words,
        *const *support_native_future, *const *plan_future_heads, *const *interview_question_marks;
} gw;
static pthread_once_t gw_once = PTHREAD_ONCE_INIT;

static void gw_init(void)
{
#define GW_GET(k) gw.k = kg_gram_words("events", #k)
    GW_GET(byline_titles);
    GW_GET(verbal_word_ends);
    GW_GET(affiliation_nouns);
    GW_GET(intent_nouns);
    GW_GET(intent_content_ends);
    GW_GET(plan_object_nouns);
    GW_GET(measure_object_nouns);
    GW_GET(measure_sign_verbs);
    GW_GET(comitative_additive_particles);
    GW_GET(causative_adnominals);
    GW_GET(causative_link_ends);
    GW_GET(additive_particles);
    GW_GET(adverb_homographs);
    GW_GET(comparison_particles);
    GW_GET(chain_end_ends);
    GW_GET(dative_support_particles);
    GW_GET(plan_ends);
    GW_GET(plan_copula_words);
    GW_GET(plan_actor_types);
    GW_GET(forecast_content_nouns);
    GW_GET(fine_objects);
    GW_GET(instrument_particles);
    GW_GET(command_quote_ends);
    GW_GET(day_carry_words);
    gw.counter_verbs_ev = kg_gram_words("events", "counter_verbs");
    GW_GET(caption_credits);
    GW_GET(lemma_endings);
    GW_GET(auxiliary_link_ends);
    GW_GET(object_additive_particles);
    GW_GET(volitional_infixes);
    GW_GET(nominal_ends);
    GW_GET(quoted_vow_ends);
    GW_GET(hearsay_words);
    GW_GET(quotative_particles);
    GW_GET(connective_mood_ends);
    GW_GET(aim_ends);
    GW_GET(aim_chain_ends);
    GW_GET(reported_speech_ends);
    GW_GET(protest_negated_verbs);
    GW_GET(vow_nouns);
    GW_GET(reported_link_ends);
    GW_GET(habit_link_ends);
    GW_GET(habit_auxiliaries);
    GW_GET(statement_adnominal_heads);
    GW_GET(release_report_nouns);
    GW_GET(report_quote_ends);
    GW_GET(ongoing_from_verbs);
    GW_GET(forecast_period_nouns);
    GW_GET(hint_verbs);
    GW_GET(range_end_particles);
    GW_GET(body_object_verbs);
    GW_GET(group_company_subjects);
    GW_GET(group_country_subjects);
    GW_GET(background_ends);
    GW_GET(threat_hint_verbs);
    GW_GET(threat_nouns);
    GW_GET(figure_bound_words);
    GW_GET(quoted_plan_nouns);
    GW_GET(plan_head_nouns);
    GW_GET(scope_nouns);
    GW_GET(decision_speech_verbs);
    GW_GET(gap_moves);
    GW_GET(act_plan_nouns);
    GW_GET(act_rule_nouns);
    GW_GET(also_particles);
    GW_GET(level_directions);
    GW_GET(policy_ends);
    GW_GET(earlier_ends);
    GW_GET(interview_question_marks);
    GW_GET(person_pronouns);
    GW_GET(remark_nouns);
    GW_GET(warning_words);
    GW_GET(quality_suffixes);
    GW_GET(chair_words);
    GW_GET(passive_measure_nouns);
    GW_GET(fused_plan_ends);
    GW_GET(statement_state_adnominals);
    GW_GET(statement_action_links);
    GW_GET(company_anaphors);
    GW_GET(object_verb_adverbs);
    GW_GET(adverb_suffixes);
    GW_GET(statement_chain_links);
    GW_GET(level_lemmas);
    GW_GET(level_target_particles);
    GW_GET(interval_marks);
    GW_GET(place_topic_particles);
    GW_GET(level_bound_nouns);
    GW_GET(content_nominals);
    GW_GET(support_light_words);
    GW_GET(reschedule_verbs);
    GW_GET(reschedule_links);
    GW_GET(court_nouns);
    GW_GET(court_reason_verbs);
    GW_GET(held_verbs);
    GW_GET(site_nouns);
    GW_GET(support_native_future);
    GW_GET(plan_future_heads);
#undef GW_GET
}

#define GW(k) (pthread_once(&gw_once, gw_init), gw.k)

/* 1 if the EDTF value starts after the document date (compared at the
 * precision both have); 0 when either is unknown. */
static int after_dct(const char *value, const kg_edtf_point *dct)
{
    int y = 0, m = 0, d = 0;
    int n = sscanf(value, "%4d-%2d-%2d", &y, &m, &d);
    if (n < 1 || dct->prec == KG_PREC_NONE)
        return 0;
    if (y != dct->year)
        return y > dct->year;
    if (n < 2 || dct->prec < KG_PREC_MONTH)
        return 0;
    if (m != dct->month)
        return m > dct->month;
    return n >= 3 && dct->prec >= KG_PREC_DAY && d > dct->day;
}

static int agentive(const kg_mention *m);
static int is_word(const char *s, size_t a, size_t b, const char *const *list);
static int in_time(const exdoc *x, size_t a, size_t b);

/* Removes quote marks from a title word in place ('딥시크' 모델). */
static void strip_quotes(char *t)
{
    char *o = t;
    for (char *p = t; *p; p++)
        if (*p != '\'' && *p != '"')
            *o++ = *p;
    *o = '\0';
}

/* Removes a gloss in parentheses that ends an object phrase in place
 * (양해각서(MOU) -> 양해각서): the noun before it names the act. */
static void strip_gloss(char *t)
{
    size_t n = strlen(t);
    if (n < 3 || t[n - 1] != ')')
        return;
    char *o = strrchr(t, '(');
    if (o && o > t && !strchr(o, ' '))
        *o = '\0';
}

/* ---- words of a sentence ---- */

/* The line of text around o: its first and last byte that is no space
 * (*a == *b when it is blank). */
static void line_around(const exdoc *x, size_t o, size_t *a, size_t *b)
{
    const char *s = x->s;
    size_t ls = o, le = o;
    while (ls > 0 && s[ls - 1] != '\n')
        ls--;
    while (le < x->len && s[le] != '\n')
        le++;
    while (ls < le && s[ls] == ' ')
        ls++;
    while (le > ls && s[le - 1] == ' ')
        le--;
    *a = ls;
    *b = le;
}

/* 1 if the sentence at ss lies in an interview's answer: a paragraph
 * that is one quotation, opened at its start and closed at its end with
 * no speech verb after it, right after a question line (its first word
 * one of interview_question_marks: ―, Q.). The answer is the speaker's
 * own voice, told as the article tells its own: its words are read as
 * outside a quotation (the acts it tells are events, GUIDELINES). */
static int answer_paragraph(const exdoc *x, size_t ss)
{
    const char *s = x->s;
    size_t a, b;
    line_around(x, ss, &a, &b);
    if (b < a + 2 || s[a] != '"' || s[b - 1] != '"' || memchr(s + a + 1, '"', b - a - 2))
        return 0;
    /* the line before that is not blank */
    size_t ls = a;
    while (ls > 0 && s[ls - 1] != '\n')
        ls--;
    while (ls > 0) {
        size_t qa, qb;
        line_around(x, ls - 1, &qa, &qb);
        if (qb > qa)
            return ex_at_any(s, qb, qa, GW(interview_question_marks)) != 0;
        ls = qa;
        while (ls > 0 && s[ls - 1] != '\n')
            ls--;
    }
    return 0;
}

static void split_words(exdoc *x, size_t ss, size_t se)
{
    const char *s = x->s;
    x->nw = 0;
    size_t i = ss;
    int inq = 0, insq = 0;
    int voice = answer_paragraph(x, ss);
    while (i < se) {
        while (i < se && (s[i] == ' ' || s[i] == '\n'))
            i++;
        if (i >= se)
            break;
        size_t a = i;
        while (i < se && s[i] != ' ' && s[i] != '\n')
            i++;
        if (kg_text_in_chrome(x->t, a))
            continue;
        KG_VEC_PUSH(x->w, x->nw, x->capw);
        ex_word *w = &x->w[x->nw++];
        memset(w, 0, sizeof *w);
        w->s = a;
        w->e = i;
        ex_word_core(s, w);
        /* quotes: the state at the core start decides the word; a quote
         * mark at or after the core while inside closes the quotation */
        int q = inq, at_core = inq;
        for (size_t k = a; k < i && !voice; k++) {
            if (s[k] != '"')
                continue;
            if (k < w->cs) {
                q = !q;
                at_core = q;
            } else {
                if (q)
                    w->quote_close = 1;
                q = !q;
            }
        }
        w->in_quote = at_core;
        inq = q;
        /* '…' around a title: its words are not the sentence's subjects */
        int sq = insq, sq_core = insq;
        for (size_t k = a; k < i; k++) {
            if (s[k] != '\'')
                continue;
            sq = !sq;
            if (k < w->cs)
                sq_core = sq;
        }
        w->in_title = sq_core;
        insq = sq;
        if (w->ce > w->cs)
            ex_word_particle(s, w);
    }
    /* a byline opens the first sentence: (서울=연합뉴스) 권숙희 기자 = … */
    for (size_t k = 0; k < x->nw && k < 8; k++) {
        const ex_word *w = &x->w[k];
        if (w->e - w->s == 1 && s[w->s] == '=' && k > 0 &&
            ex_ends_any(s, x->w[k - 1].s, x->w[k - 1].e, GW(byline_titles))) {
            memmove(x->w, x->w + k + 1, (x->nw - k - 1) * sizeof *x->w);
            x->nw -= k + 1;
            break;
        }
    }
}

/* The noun phrase an adnominal clause modifies (공유한 [로봇 영상]이),
 * without its particle, into out; empty when it is an actor. */
static void head_after(const exdoc *x, int wi, char *out, size_t n)
{
    out[0] = '\0';
    for (int k = wi + 1; k <= wi + 4 && (size_t)k < x->nw; k++) {
        const ex_word *w = &x->w[k];
        if (w->particle == EX_P_NONE && (size_t)k + 1 < x->nw && k < wi + 4)
            continue;
        size_t from = x->w[wi + 1].cs, to = w->particle != EX_P_NONE ? w->ps : w->ce;
        if (to <= from || to - from >= n)
            return;
        for (size_t q = x->a0; q < x->a1; q++) {
            const kg_mention *m = &x->m->v[x->act[q]];
            if (m->nstart < to && m->nend > from && agentive(m))
                return;
        }
        memcpy(out, x->s + from, to - from);
        out[to - from] = '\0';
        /* a bound noun (것, 데, 수) names nothing */
        for (int b = 0; bound_nouns[b]; b++)
            if (strcmp(out, bound_nouns[b]) == 0)
                out[0] = '\0';
        strip_quotes(out);
        return;
    }
}

/* Index of the word holding offset o, or -1. */
static int word_at(const exdoc *x, size_t o)
{
    size_t a = 0, b = x->nw;
    while (a < b) {
        size_t m = (a + b) / 2;
        if (x->w[m].e <= o)
            a = m + 1;
        else
            b = m;
    }
    return a < x->nw && x->w[a].s <= o ? (int)a : -1;
}

static int word_is(const exdoc *x, int wi, const char *const *list)
{
    if (wi < 0 || (size_t)wi >= x->nw)
        return 0;
    const ex_word *w = &x->w[wi];
    for (int k = 0; list[k]; k++)
        if (ex_at(x->s, w->ce, w->cs, list[k]))
            return 1;
    return 0;
}

/* ---- actor roles ---- */

typedef struct ex_role {
    int m;            /* mention index */
    int role;         /* EX_P_* of the particle closing its phrase */
    int own;          /* particle right on the mention (not on a head noun) */
    int gen;          /* marked 의 (a modifier of what follows) */
    int mod;          /* followed by another actor in the same phrase */
    int next;         /* next role index in the same phrase, or -1 */
    int prev;         /* the role whose next this is, or -1 */
    size_t pend;      /* end of the closing particle */
    int person;
    int country;
    int in_quote;
    int in_title;     /* inside '…' */
    int hops;         /* words walked to the closing particle */
    int wi;           /* word of the mention's end */
} ex_role;

static int is_verbal_word(const exdoc *x, const ex_word *w)
{
    return ex_ends_any(x->s, w->cs, w->ce, GW(verbal_word_ends));
}

/* 1 if the word is a verb form, read by its ending or by the morphology
 * (겨냥해, 발표한): it ends a noun phrase before it. */
static int verbish_word(const exdoc *x, const ex_word *w)
{
    kg_morph m;
    return is_verbal_word(x, w) || kg_morph_word(x->s, w->cs, w->ce, &m) != KG_MORPH_NONE;
}

/* Skips parenthesised glosses ((ITIF), <파이낸셜 타임스>) at o; returns
 * the offset after them. */
static size_t skip_gloss(const char *s, size_t o, size_t end)
{
    for (int rounds = 0; rounds < 3; rounds++) {
        size_t k = o;
        while (k < end && s[k] == ' ')
            k++;
        if (k >= end || (s[k] != '(' && s[k] != '<' && s[k] != '['))
            return o;
        char open = s[k], close = open == '(' ? ')' : open == '<' ? '>' : ']';
        int depth = 0;
        for (; k < end; k++) {
            if (s[k] == open)
                depth++;
            else if (s[k] == close && --depth == 0)
                break;
        }
        if (k >= end)
            return o;
        o = k + 1;
    }
    return o;
}

/* 1 if word w ends with a closing square bracket (], 】): what stands
 * inside is a byline or a label, no phrase that goes on after it. */
static int bracket_close(const char *s, const ex_word *w)
{
    if (w->e <= w->s)
        return 0;
    if (s[w->e - 1] == ']')
        return 1;
    return w->e - w->s >= 3 && memcmp(s + w->e - 3, "\xe3\x80\x91", 3) == 0;
}

/* Words that make the actor before them the topic (메타 역시, 애플 또한,
 * 미국의 경우에는): events.yaml topic_words, looked up once. */
static const char *const *topic_words;
static pthread_once_t topic_once = PTHREAD_ONCE_INIT;

static void topic_init(void)
{
    topic_words = kg_gram_words("events", "topic_words");
}

static const char *const *topic_word_list(void)
{
    pthread_once(&topic_once, topic_init);
    return topic_words;
}

/* 1 if mention m is a person who ends a note in parentheses after other
 * words, or is followed there by one word, a title (형사1부(부장판사
 * 홍길동)는, 형사1부(재판장 홍길동 부장판사)는): it has no role of its
 * own, and the particle after the bracket is the phrase's before it. A
 * gloss in the brackets (큐웬 2.5-맥스(Qwen 2.5-Max)는) names the same
 * actor: not such a note. */
static int note_name(const char *s, const kg_mention *m, size_t se)
{
    if (m->nend >= se || m->nstart == 0 || s[m->nstart - 1] != ' ' || !m->type || strcmp(m->type, "person") != 0)
        return 0;
    size_t e = m->nend;
    if (s[e] == ' ') {
        /* (one word after the name, then the bracket; an opening one
         * before the name, on its line) */
        size_t q = e + 1;
        while (q < se && s[q] != ' ' && s[q] != ')' && s[q] != '(' && s[q] != '\n')
            q++;
        if (q == e + 1 || q >= se || s[q] != ')')
            return 0;
        size_t b = m->nstart;
        while (b > 0 && s[b - 1] != '(' && s[b - 1] != ')' && s[b - 1] != '\n' && m->nstart - b < 80)
            b--;
        if (b == 0 || s[b - 1] != '(')
            return 0;
        e = q;
    }
    return s[e] == ')';
}

static int starts_any(const char *s, size_t end, size_t i, const char *const *list);

static void compute_roles(exdoc *x, size_t ss, size_t se)
{
    const char *s = x->s;
    x->nr = 0;
    for (size_t i = x->a0; i < x->a1; i++) {
        const kg_mention *m = &x->m->v[x->act[i]];
        if (m->nstart < ss || m->nstart >= se)
            continue;
        int wi = word_at(x, m->nend ? m->nend - 1 : 0);
        if (wi < 0)
            continue;
        KG_VEC_PUSH(x->r, x->nr, x->capr);
        ex_role *r = &x->r[x->nr++];
        memset(r, 0, sizeof *r);
        r->m = x->act[i];
        r->next = -1;
        r->person = m->type && strcmp(m->type, "person") == 0;
        r->country = m->type && strcmp(m->type, "country") == 0;
        r->in_quote = x->w[wi].in_quote;
        r->in_title = x->w[word_at(x, m->nstart)].in_title;
        r->wi = wi;
    }
    for (size_t i = 0; i < x->nr; i++) {
        ex_role *r = &x->r[i];
        const kg_mention *m = &x->m->v[r->m];
        size_t o = skip_gloss(s, m->nend, se);
        int wi = word_at(x, o > m->nstart ? o - 1 : o);
        if (wi < 0)
            wi = r->wi;
        const ex_word *w = &x->w[wi];
        r->role = EX_P_NONE;
        r->pend = o;
        if (note_name(s, m, se))
            continue;
        /* 상무부 산업안보국(BIS) 차관은: a gloss in parentheses right after
         * a mention of its actor has no role of its own (the phrase's is
         * read from the mention before it, over the gloss) */
        if (i > 0 && m->nstart > 0 && s[m->nstart - 1] == '(' && m->id) {
            const kg_mention *p = &x->m->v[x->r[i - 1].m];
            if (p->id && !strcmp(p->id, m->id) && p->nend + 1 == m->nstart)
                continue;
        }
        int first = 1;
        for (int steps = 0; steps < 6; steps++) {
            size_t from = first ? o : w->cs;
            if (from < w->cs)
                from = w->cs;
            if (!first && ex_at_any(s, w->ce, w->cs, GW(affiliation_nouns))) {
                /* 마이크로소프트 출신 연구진이: the actor only says where the
                 * head comes from; the phrase's role is not its own */
                r->mod = 1;
                break;
            }
            if (!first && wi > 0 && bracket_close(s, &x->w[wi - 1]))
                break; /* [OO일보 김철수 기자] 중국이: a byline is no part of the subject */
            if (!first && !w->in_quote && ex_at_any(s, w->ce, w->cs, topic_word_list())) {
                /* 메타 역시 반발했다, 미국의 경우에는 … 마련했다: the topic */
                r->role = EX_P_TOPIC;
                r->pend = w->ce;
                r->hops = steps;
                break;
            }
            if (!first) {
                /* another actor starts this word: same phrase */
                for (size_t j = i + 1; j < x->nr; j++) {
                    const kg_mention *mj = &x->m->v[x->r[j].m];
                    if (mj->nstart >= w->e)
                        break;
                    if (mj->nstart >= w->s && !note_name(s, mj, se)) {
                        r->next = (int)j;
                        /* (삼성전자, SK하이닉스 …: a list, each one a head) */
                        r->mod = !(wi > 0 && x->w[wi - 1].e > x->w[wi - 1].s && s[x->w[wi - 1].e - 1] == ',');
                        break;
                    }
                }
                if (r->next >= 0)
                    break;
                if (is_verbal_word(x, w) || w->in_quote != r->in_quote)
                    break;
            }
            if (from < w->ce) {
                ex_word tmp = *w;
                tmp.cs = from;
                if (first) {
                    /* the rest of the word after the mention is its particle */
                    ex_word_particle(s, &tmp);
                    int exact = ex_particle_exact(s, from, w->ce);
                    if (exact != EX_P_NONE) {
                        tmp.particle = exact;
                        tmp.ps = from;
                        r->own = 1;
                    } else if (tmp.particle != EX_P_NONE && tmp.ps == from) {
                        r->own = 1;
                    } else if (tmp.particle == EX_P_NONE) {
                        /* glued noun (美바이든, 기업들은 …): read the word's particle */
                        tmp.cs = w->cs;
                        ex_word_particle(s, &tmp);
                    }
                } else {
                    ex_word_particle(s, &tmp);
                }
                if (tmp.particle == EX_P_GEN || tmp.particle == EX_P_CONJ) {
                    if (tmp.particle == EX_P_GEN)
                        r->gen = 1;
                    /* the phrase goes on to the next word */
                    for (size_t j = i + 1; j < x->nr; j++) {
                        const kg_mention *mj = &x->m->v[x->r[j].m];
                        if ((size_t)wi + 1 >= x->nw || mj->nstart >= x->w[wi + 1].e)
                            break;
                        if (mj->nstart >= w->e) {
                            r->next = (int)j;
                            break;
                        }
                    }
                    if (r->next >= 0)
                        break;
                    if (tmp.particle == EX_P_CONJ) {
                        r->role = EX_P_CONJ;
                        break;
                    }
                } else if (tmp.particle != EX_P_NONE) {
                    r->role = tmp.particle;
                    /* 일본에서는 기존 리전을 넓히고: a country as a topic of
                     * place (place_topic_particles) tells where, not who */
                    if (tmp.particle == EX_P_TOPIC && r->country && is_word(s, tmp.ps, w->ce, GW(place_topic_particles)))
                        r->role = EX_P_LOC;
                    /* 삼성전자까지 투자를 늘렸다: 'even X' right before an
                     * object is the clause's subject */
                    if (tmp.particle == EX_P_OTHER && (size_t)wi + 1 < x->nw &&
                        x->w[wi + 1].particle == EX_P_OBJ &&
                        ex_ends_any(s, tmp.ps, w->ce, GW(additive_particles)))
                        r->role = EX_P_TOPIC;
                    /* 모디 총리와도 만났다: 'with X too' names a partner, not
                     * the subject (comitative_additive_particles) */
                    if (tmp.particle == EX_P_TOPIC && w->ce > w->cs &&
                        ex_ends_which(s, w->cs, w->ce, GW(comitative_additive_particles)) < w->ce - w->cs &&
                        ex_ends_any(s, w->cs, w->ce, GW(comitative_additive_particles)))
                        r->role = EX_P_CONJ;
                    /* 코스닥 상장도 추진한다: a noun marked with 도 after the
                     * actor (not the actor's own word) right before a
                     * support verb (추진, 검토, 발표) is that verb's object,
                     * also wanted; the actor only says of what (no role:
                     * neither doer nor target) */
                    if (tmp.particle == EX_P_TOPIC && !first && is_word(s, tmp.ps, w->ce, GW(also_particles)) &&
                        tmp.ps > w->cs && (size_t)wi + 1 < x->nw && !x->w[wi + 1].in_quote &&
                        starts_any(s, x->w[wi + 1].ce, x->w[wi + 1].cs, support_verbs) > 0) {
                        r->role = EX_P_NONE;
                        r->mod = 1;
                    }
                    r->pend = w->ce;
                    r->hops = steps;
                    break;
                }
            }
            first = 0;
            if ((size_t)wi + 1 >= x->nw)
                break;
            wi++;
            w = &x->w[wi];
            o = w->cs;
        }
    }
    for (size_t k = 0; k < x->nr; k++)
        x->r[k].prev = -1;
    for (size_t k = 0; k < x->nr; k++)
        if (x->r[k].next >= 0 && x->r[x->r[k].next].prev < 0)
            x->r[x->r[k].next].prev = (int)k;
    /* a phrase takes the role of its last member */
    for (size_t k = x->nr; k-- > 0;) {
        ex_role *r = &x->r[k];
        if (r->next >= 0) {
            r->role = x->r[r->next].role;
            r->pend = x->r[r->next].pend;
        }
    }
}

/* Adds the heads of the phrase that starts at role index i to out. */
static int phrase_heads(const exdoc *x, size_t i, int *out, int max)
{
    int idx[16], n = 0, person = 0;
    for (int k = (int)i; k >= 0 && n < 16; k = x->r[k].next) {
        idx[n++] = k;
        person |= x->r[k].person;
    }
    int got = 0;
    for (int pass = 0; pass < 2 && !got; pass++)
        for (int k = 0; k < n && got < max; k++) {
            const ex_role *r = &x->r[idx[k]];
            int ok = person ? r->person : pass == 1 || (!r->gen && !(r->mod && !r->own));
            if (!ok && !person && pass == 0 && k == n - 1)
                ok = 1;
            /* 메타의 라마는 … 선보였다: a product acts through its owner
             * (the genitive before it) */
            if (ok && !person && pass == 0 && k > 0 && x->r[idx[k - 1]].gen && x->m->v[r->m].type &&
                !strcmp(x->m->v[r->m].type, "product") && !got) {
                const kg_mention *o = &x->m->v[x->r[idx[k - 1]].m];
                if (o->type && strcmp(o->type, "product") && strcmp(o->type, "other") && strcmp(o->type, "country")) {
                    out[got++] = x->r[idx[k - 1]].m;
                    continue;
                }
            }
            if (!ok)
                continue;
            int dup = 0;
            for (int j = 0; j < got; j++)
                if (strcmp(x->m->v[out[j]].id, x->m->v[r->m].id) == 0)
                    dup = 1;
            if (!dup)
                out[got++] = r->m;
        }
    return got;
}

/* Role index of the first member of the phrase holding role k. */
static size_t phrase_start(const exdoc *x, size_t k)
{
    for (int guard = 0; x->r[k].prev >= 0 && guard < 64; guard++)
        k = (size_t)x->r[k].prev;
    return k;
}

static int is_subject(const exdoc *x, const ex_role *r)
{
    const kg_mention *m = &x->m->v[r->m];
    if (r->in_title)
        return 0;
    if (r->role == EX_P_SUBJ || r->role == EX_P_TOPIC)
        return 1;
    /* 정부에서 (an organisation as subject): the particle right on it */
    if (r->role != EX_P_LOC || !r->own || r->country || !m->type ||
        strcmp(m->type, "other") == 0 || x->loc_is_venue)
        return 0;
    /* …에서 열린 회의: the place of what the next verb tells */
    int wi = word_at(x, r->pend ? r->pend - 1 : 0);
    if (wi >= 0 && (size_t)wi + 1 < x->nw) {
        const ex_word *n = &x->w[wi + 1];
        uint32_t last = 0;
        size_t cl;
        if (n->ce > n->cs)
            last = ex_cp(x->s, n->ce, ex_prev(x->s, n->ce), &cl);
        if (n->particle == EX_P_NONE && (ex_jong(last) == EX_JONG_N || last == 0xB294 /* 는 */) &&
            !in_time(x, n->cs, n->ce))
            return 0;
    }
    return 1;
}

/* ---- predicates ---- */

typedef struct cand {
    int type;
    size_t ps, me;     /* stem start, match end */
    int wi;            /* word that holds the verb ending */
    int lv;            /* support verb with an event noun object */
    int dat_passive;   /* a 에-complement support verb whose subject is acted on */
    int announce;      /* a speech or announce predicate (may be retyped) */
    int entry_native;
    int morph;         /* read by the morphology: KG_MORPH_ACTIVE, KG_MORPH_PASSIVE */
    int objw;          /* word of the object phrase's start, or -1 */
    int plan;          /* a native verb in a plan decided (plan_cand) */
    char pred[64];
    char obj[64];
} cand;

/* The object phrase before word wi: the nearest word marked 을/를 (or a
 * bare compound noun right before) within three words; copies its text
 * without the particle into obj and returns the word index, or -1. */
static int agentive(const kg_mention *m)
{
    return !m->type || !strcmp(m->type, "country") || !strcmp(m->type, "government") ||
           !strcmp(m->type, "person");
}

/* 1 if a mention of idx[lo..hi) (the sentence's times or actors) lies
 * in s[a, b). */
static int mention_in(const exdoc *x, const int *idx, size_t lo, size_t hi, size_t a, size_t b)
{
    for (size_t k = lo; k < hi; k++) {
        const kg_mention *m = &x->m->v[idx[k]];
        if (m->nstart < b && m->nend > a)
            return 1;
    }
    return 0;
}

static int in_time(const exdoc *x, size_t a, size_t b)
{
    return mention_in(x, x->tim, x->t0, x->t1, a, b);
}

/* A bare word that can stand in a noun phrase before its head: not a
 * verb form (대한, 필요한, 관련된), not the word that ties an actor to
 * the act (기업에 대해 제재를: target_words), not a time (올해 초), not
 * quoted. */
static int noun_word(const exdoc *x, const ex_word *w)
{
    if (w->particle != EX_P_NONE || w->in_quote || w->quote_close || w->ce <= w->cs)
        return 0;
    for (int k = 0; target_words[k]; k++)
        if (strlen(target_words[k]) == w->ce - w->cs && !memcmp(x->s + w->cs, target_words[k], w->ce - w->cs))
            return 0;
    for (int k = 0; adnominal_ends[k]; k++)
        if (ex_ends(x->s, w->cs, w->ce, adnominal_ends[k]))
            return 0;
    return !in_time(x, w->cs, w->ce);
}

/* 1 if a figure (25%, 2억 달러) starts in word w. */
static int figure_word(const exdoc *x, const ex_word *w)
{
    size_t k = ex_first_at(x, x->fig, x->n_fig, w->s);
    if (k < x->n_fig && x->m->v[x->fig[k]].nstart < w->e)
        return 1;
    /* (a figure that starts on a word before: 최고 | 45%로, 최대 | 30%까지) */
    return k > 0 && x->m->v[x->fig[k - 1]].nend > w->s;
}

static int object_before(const exdoc *x, int wi, int floor, char *obj, size_t objn, int bare)
{
    obj[0] = '\0';
    int adverb = 0; /* a manner adverb passed over */
    for (int k = wi - 1, seen = 0; k >= floor && seen < 4; k--, seen++) {
        const ex_word *w = &x->w[k];
        if (w->in_quote || w->quote_close)
            return -1;
        int bare_noun = bare && k == wi - 1 && w->particle == EX_P_NONE && w->ce > w->cs &&
                        ex_noun_type(x->ev, x->s + w->cs, w->ce - w->cs) >= 0;
        if (w->particle == EX_P_OBJ || bare_noun) {
            /* (an amount before the adverb, 53조 원을 추가로 투자한다:
             * no act named) */
            if (adverb && figure_word(x, w))
                return -1;
            /* the noun phrase: this word and up to two bare words before */
            int a = k;
            while (a > floor && k - a < 2 && noun_word(x, &x->w[a - 1]) && !verbish_word(x, &x->w[a - 1]))
                a--;
            size_t from = x->w[a].cs, to = w->ps;
            if (to <= from || to - from >= objn)
                return -1;
            memcpy(obj, x->s + from, to - from);
            obj[to - from] = '\0';
            strip_quotes(obj);
            strip_gloss(obj);
            /* an actor that acts (a country, a government, a person) as
             * object is the target, not what was done */
            for (size_t q = x->a0; q < x->a1; q++) {
                const kg_mention *m = &x->m->v[x->act[q]];
                if (m->nstart < to && m->nend >= to && agentive(m))
                    obj[0] = '\0';
            }
            return k;
        }
        /* a level or an amount the act reaches (관세를 25%로 인상, 금리를
         * 3.5%까지 올려) stands between the object and the verb */
        /* (the level it starts from too: 전망치를 기존 400억 달러에서
         * 370억 달러로 낮췄다; such words count for none of the four) */
        if ((w->particle == EX_P_OTHER || w->particle == EX_P_LOC) && figure_word(x, w)) {
            seen--;
            continue;
        }
        /* (and the word that opens such a figure: 관세율을 최고 45%로) */
        if (w->particle == EX_P_NONE && k + 1 < wi &&
            (figure_word(x, w) || is_word(x->s, w->cs, w->ce, GW(figure_bound_words))) &&
            (x->w[k + 1].particle == EX_P_OTHER || x->w[k + 1].particle == EX_P_LOC) &&
            figure_word(x, &x->w[k + 1])) {
            seen--;
            continue;
        }
        /* the time since the last such act (기준금리를 8개월 만에
         * 내렸다, 석 달 만에): the mark of events.yaml interval_marks and
         * the figure or time before it, one or two words */
        if (is_word(x->s, w->cs, w->ce, GW(interval_marks))) {
            int j = k - 1, n = 0;
            while (j >= floor && n < 2 &&
                   (figure_word(x, &x->w[j]) || (x->w[j].ce > x->w[j].cs && in_time(x, x->w[j].cs, x->w[j].ce)))) {
                j--;
                n++;
            }
            if (n) {
                k = j + 1;
                seen--;
                continue;
            }
        }
        /* a manner adverb (관세를 추가로 부과했다, 규제를 공식적으로
         * 발표했다) stands between them too */
        if (is_word(x->s, w->cs, w->ce, GW(object_verb_adverbs)) || ex_ends_any(x->s, w->cs, w->ce, GW(adverb_suffixes))) {
            adverb = 1;
            continue;
        }
        if (w->particle != EX_P_NONE)
            return -1;
        if (is_verbal_word(x, w))
            return -1;
    }
    return -1;
}

/* The lexicon type of an object phrase: its event noun, or (수출 통제
 * 강화, 관세 확대) the act noun before a support verb's noun as its last
 * word (support_verbs); -1 if none. */
static int is_word(const char *s, size_t a, size_t b, const char *const *list);
static int is_protest(int type)
{
    return strcmp(kg_event_types[type], "protest") == 0;
}
static int object_type(const exdoc *x, const char *obj)
{
    int t = ex_noun_type(x->ev, obj, strlen(obj));
    const char *sp = strrchr(obj, ' ');
    if (t < 0 && sp && sp > obj && is_word(sp + 1, 0, strlen(sp + 1), support_verbs))
        t = ex_noun_type(x->ev, obj, (size_t)(sp - obj));
    /* 수출 통제 대상, 투자 규모: the scope of an act (events.yaml
     * scope_nouns) has the act's type, once */
    if (t < 0 && sp && sp > obj && is_word(sp + 1, 0, strlen(sp + 1), GW(scope_nouns))) {
        char head[64];
        size_t n = (size_t)(sp - obj);
        if (n < sizeof head) {
            memcpy(head, obj, n);
            head[n] = '\0';
            const char *sp2 = strrchr(head, ' ');
            int h = ex_noun_type(x->ev, head, n);
            if (h < 0 && sp2 && sp2 > head && is_word(sp2 + 1, 0, strlen(sp2 + 1), support_verbs))
                h = ex_noun_type(x->ev, head, (size_t)(sp2 - head));
            if (h >= 0)
                t = h;
        }
    }
    return t;
}

/* The type of the last word of obj[0, n) (the words from the last) that
 * names an act: a noun of the event lexicon, or with lemmas one of its
 * lemmas (조성); -1 if none. */
static int last_act_word_type(const exdoc *x, const char *obj, size_t n, int lemmas)
{
    int t = -1;
    for (size_t e = n; t < 0 && e > 0;) {
        size_t b = e;
        while (b > 0 && obj[b - 1] != ' ')
            b--;
        t = ex_noun_type(x->ev, obj + b, e - b);
        if (t < 0 && lemmas && e - b < 64) {
            char wd[64];
            memcpy(wd, obj + b, e - b);
            wd[e - b] = '\0';
            t = ex_lemma_type(x->ev, wd);
        }
        e = b > 0 ? b - 1 : 0;
    }
    return t;
}

/* The act named by the words before a plan noun (관세 부과 of 관세 부과
 * 계획, 산업단지 조성 of 산업단지 조성 방안): their noun of the lexicon,
 * else the last word that is a noun or a lemma of the lexicon; -1 if
 * none. */
int ex_plan_act_type(const exdoc *x, const char *words, size_t n)
{
    int h = ex_noun_type(x->ev, words, n);
    return h >= 0 ? h : last_act_word_type(x, words, n, 1);
}

/* 관세 부과 계획을 발표했다, 산업단지 조성 계획을 공표했다: a plan of an act
 * written apart (its last word one of events.yaml act_plan_nouns) made public with
 * a verb of deciding or announcing (events.yaml decision_speech_verbs)
 * has the act's type (GUIDELINES: 부과 계획을 발표했다), not the plan
 * noun's announce: the type of the words before the plan noun, else t. A
 * plan only discussed (방안을 논의했다) keeps t. */
static int announced_plan_type(const exdoc *x, const ex_word *verb, const char *obj, int t)
{
    const char *sp = strrchr(obj, ' ');
    if (!sp || sp == obj || !starts_any(x->s, verb->ce, verb->cs, GW(decision_speech_verbs)))
        return t;
    /* (a rule of one act, 수출통제 개정 규정을 발표했다: events.yaml
     * act_rule_nouns, no noun of the lexicon, read as a plan is) */
    int plan = t == ex_type_index("announce") && is_word(sp + 1, 0, strlen(sp + 1), GW(act_plan_nouns));
    int rule = t < 0 && is_word(sp + 1, 0, strlen(sp + 1), GW(act_rule_nouns));
    if (!plan && !rule)
        return t;
    /* (the words before the plan noun, then each from the last: 부과 of
     * 관세 부과; a lemma of the lexicon as a noun too: 조성, 육성) */
    int h = ex_plan_act_type(x, obj, (size_t)(sp - obj));
    return h >= 0 && h != ex_type_index("other") ? h : t;
}

/* 1 if a word of the phrase obj is an event noun of the lexicon (투자 of
 * 투자 세액공제 한도): the phrase names an act, not a bare level. */
static int names_act(const exdoc *x, const char *obj)
{
    for (const char *p = obj; *p;) {
        const char *e = strchr(p, ' ');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n && ex_noun_type(x->ev, p, n) >= 0)
            return 1;
        p += n + (e != NULL);
    }
    return 0;
}

static int holds_any(const char *s, size_t a, size_t b, const char *const *list);
static void copy_word(const exdoc *x, size_t a, size_t b, char *out, size_t n);

/* 1 if the object phrase obj names a coercive act (a restriction of the
 * lexicon: 추가 제재, 관세; or events.yaml threat_nouns: 개입, 보복) and
 * no lifting of one (관세 인하: lift_verbs). */
static int threat_object(const exdoc *x, const char *obj)
{
    int restrict_t = ex_type_index("restrict"), hit = 0;
    for (const char *p = obj; *p;) {
        const char *e = strchr(p, ' ');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n && (ex_noun_type(x->ev, p, n) == restrict_t || ex_ends_any(p, 0, n, GW(threat_nouns))))
            hit = 1;
        if (n && holds_any(p, 0, n, lift_verbs))
            return 0;
        p += n + (e != NULL);
    }
    return hit;
}

/* 1 if c's object, with the bare nouns right before its word (희토류
 * 수출 제한 | 가능성을), names a coercive act (threat_object). */
static int threat_phrase(const exdoc *x, const cand *c)
{
    if (threat_object(x, c->obj))
        return 1;
    if (holds_any(c->obj, 0, strlen(c->obj), lift_verbs))
        return 0; /* (관세 | 인하를: a lifting) */
    for (int k = c->objw - 1, n = 0; k >= 0 && n < 3 && x->w[k].particle == EX_P_NONE && !x->w[k].in_quote;
         k--, n++) {
        char o[64];
        copy_word(x, x->w[k].cs, x->w[k].ce, o, sizeof o);
        if (o[0] && threat_object(x, o))
            return 1;
    }
    return 0;
}

/* 1 if the words before offset at in [ss, at) are a coercive act as an
 * object and a hint verb as an adnominal (군사 개입을 시사하는 | 발언,
 * 보복을 암시한 | 언급): what the noun after them tells is a threat. */
int ex_threat_hint(const exdoc *x, size_t ss, size_t at)
{
    ex_word v, o;
    size_t e = at;
    while (e > ss && x->s[e - 1] == ' ')
        e--;
    if (e == at || e <= ss)
        return 0;
    memset(&v, 0, sizeof v);
    v.e = e;
    for (v.s = e; v.s > ss && x->s[v.s - 1] != ' ' && x->s[v.s - 1] != '\n';)
        v.s--;
    ex_word_core(x->s, &v);
    if (!starts_any(x->s, v.ce, v.cs, GW(threat_hint_verbs)) || !ex_ends_any(x->s, v.cs, v.ce, adnominal_ends))
        return 0;
    e = v.s;
    while (e > ss && x->s[e - 1] == ' ')
        e--;
    if (e == v.s || e <= ss)
        return 0;
    memset(&o, 0, sizeof o);
    o.e = e;
    for (o.s = e; o.s > ss && x->s[o.s - 1] != ' ' && x->s[o.s - 1] != '\n';)
        o.s--;
    ex_word_core(x->s, &o);
    ex_word_particle(x->s, &o);
    if (o.particle != EX_P_OBJ)
        return 0;
    char obj[64];
    copy_word(x, o.cs, o.ps, obj, sizeof obj);
    return obj[0] && threat_object(x, obj);
}

/* 1 if the remark c's object names (c->obj ends in a remark noun) is a
 * warning: a word of its phrase, less a suffix of quality_suffixes
 * (경고성, 구두개입성), ends in a warning word or a coercive act
 * (threat_object); or the adnominal verb before the phrase warns
 * (경고하는 발언) or hints at a coercive act (ex_threat_hint: 보복을
 * 시사하는 발언). */
static int warning_remark(const exdoc *x, const cand *c)
{
    size_t ol = strlen(c->obj);
    for (const char *p = c->obj; *p;) {
        const char *e = strchr(p, ' ');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (!e)
            break; /* (the remark noun itself) */
        char wd[64];
        if (n && n < sizeof wd) {
            memcpy(wd, p, n);
            size_t l = n;
            for (int k = 0; GW(quality_suffixes)[k]; k++) {
                size_t sl = strlen(GW(quality_suffixes)[k]);
                if (l > sl && ex_ends(wd, 0, l, GW(quality_suffixes)[k])) {
                    l -= sl;
                    break;
                }
            }
            wd[l] = '\0';
            if (ex_ends_any(wd, 0, l, GW(warning_words)) || threat_object(x, wd))
                return 1;
        }
        p += n + 1;
    }
    if (c->objw < 0 || ol == 0)
        return 0;
    /* the phrase's first word: the object word and the bare nouns before
     * it that c->obj holds */
    int a = c->objw;
    for (const char *p = c->obj; (p = strchr(p, ' ')) != NULL; p++)
        if (a > 0)
            a--;
    if (a <= 0)
        return 0;
    const ex_word *v = &x->w[a - 1];
    if (!v->in_quote && starts_any(x->s, v->ce, v->cs, GW(warning_words)) &&
        ex_ends_any(x->s, v->cs, v->ce, adnominal_ends))
        return 1;
    return ex_threat_hint(x, x->w[0].s, x->w[a].s);
}

/* The type of the act an adnominal verb at word wi tells (투자하는: the
 * lexicon's lemma; 규제를 강화하는: a support verb's noun takes its
 * object's type), or -1 (none, or an act of type other). */
static int adnominal_act_type(const exdoc *x, int wi)
{
    const ex_word *w = &x->w[wi];
    kg_morph m;
    /* 수출을 제한하도록 하는 규정: the act the verb makes others do
     * (causative_adnominals after causative_link_ends) */
    if (!w->in_quote && wi > 0 && w->cs == w->s && w->ce == w->e && is_word(x->s, w->cs, w->ce, GW(causative_adnominals))) {
        const ex_word *p = &x->w[wi - 1];
        kg_morph pm;
        int pt = -1;
        if (!p->in_quote && p->ce == p->e && ex_ends_any(x->s, p->cs, p->ce, GW(causative_link_ends)) &&
            kg_morph_word(x->s, p->cs, p->ce, &pm) != KG_MORPH_NONE)
            pt = ex_lemma_type(x->ev, pm.lemma);
        return pt == ex_type_index("other") ? -1 : pt;
    }
    /* (its 는 is no topic particle: ends of adnominal_ends only) */
    if (w->in_quote || w->quote_close || !ex_ends_any(x->s, w->cs, w->ce, adnominal_ends))
        return -1;
    /* (a native support verb too, which the morphology may not read:
     * 통제 대상을 넓히는 새 규정) */
    int native = starts_any(x->s, w->ce, w->cs, support_native) > 0, t = -1;
    if (kg_morph_word(x->s, w->cs, w->ce, &m) != KG_MORPH_NONE)
        t = ex_lemma_type(x->ev, m.lemma);
    else if (!native)
        return -1;
    if (t < 0 && (native || is_word(m.lemma, 0, strlen(m.lemma), support_verbs))) {
        char obj[64];
        int ok = object_before(x, wi, 0, obj, sizeof obj, 0);
        t = ok >= 0 && obj[0] ? object_type(x, obj) : -1;
    }
    return t == ex_type_index("other") ? -1 : t;
}

/* 1 if the last word of the object phrase obj is a noun of a plan or a
 * measure that an adnominal verb before it fills (투자하는 방안, 수출을
 * 금지하는 새 규정): plan_object_nouns, measure_object_nouns. */
static int last_word_in(const char *obj, const char *const *list)
{
    const char *sp = strrchr(obj, ' ');
    const char *last = sp ? sp + 1 : obj;
    return is_word(last, 0, strlen(last), list);
}
static int filled_head(const char *obj)
{
    return last_word_in(obj, GW(plan_object_nouns)) || last_word_in(obj, GW(measure_object_nouns));
}

/* The type of the act an adnominal verb tells before the object word ok
 * (adnominal_act_type), over up to two bare nouns between (수출을 금지하는
 * 새 규정을: 새), or -1. */
static int adnominal_before(const exdoc *x, int ok)
{
    int k = ok - 1;
    for (int n = 0; k > 0 && n < 2; n++, k--) {
        const ex_word *w = &x->w[k];
        if (w->particle != EX_P_NONE || !noun_word(x, w) || verbish_word(x, w) ||
            ex_ends_any(x->s, w->cs, w->ce, adnominal_ends))
            break;
    }
    return k >= 0 ? adnominal_act_type(x, k) : -1;
}

static void copy_word(const exdoc *x, size_t a, size_t b, char *out, size_t n)
{
    size_t l = b > a ? b - a : 0;
    if (l >= n)
        l = 0;
    memcpy(out, x->s + a, l);
    out[l] = '\0';
}



/* 앞서 (earlier), 이어 (then): adverbs spelled like a verb form; the verb
 * takes an object or a comparison first (미국을 앞서, 미국보다 앞서). */
static int adverb_homograph(const exdoc *x, int wi)
{
    const char *const *adv = GW(adverb_homographs);
    const ex_word *w = &x->w[wi];
    for (int k = 0; adv[k]; k++) {
        size_t l = strlen(adv[k]);
        if (w->ce - w->cs != l || memcmp(x->s + w->cs, adv[k], l) != 0)
            continue;
        if (wi == 0)
            return 1;
        const ex_word *p = &x->w[wi - 1];
        return p->particle != EX_P_OBJ && !ex_ends_any(x->s, p->cs, p->ce, GW(comparison_particles));
    }
    return 0;
}

static int starts_any(const char *s, size_t end, size_t i, const char *const *list)
{
    for (int k = 0; list[k]; k++)
        if (ex_at(s, end, i, list[k]))
            return (int)strlen(list[k]);
    return 0;
}

/* 1 if the word s[a, b) is one of list. */
static int is_word(const char *s, size_t a, size_t b, const char *const *list)
{
    for (int k = 0; list && list[k]; k++)
        if (strlen(list[k]) == b - a && memcmp(s + a, list[k], b - a) == 0)
            return 1;
    return 0;
}

/* 1 if s[a, b) holds one of list. */
static int holds_any(const char *s, size_t a, size_t b, const char *const *list)
{
    for (int k = 0; list && list[k] && b > a; k++)
        if (memmem(s + a, b - a, list[k], strlen(list[k])))
            return 1;
    return 0;
}

/* 1 if word k, before its particle, is one of the forms of list (회사),
 * or with the bare word before it one of its forms of two words (이 회사,
 * 양국 정상). */
static int subject_form(const exdoc *x, size_t k, const char *const *list)
{
    const ex_word *w = &x->w[k];
    if (w->ps <= w->cs)
        return 0;
    for (int g = 0; list[g]; g++) {
        const char *f = list[g];
        size_t l = strlen(f);
        const char *sp = strchr(f, ' ');
        if (!sp) {
            if (w->ps - w->cs == l && !memcmp(x->s + w->cs, f, l))
                return 1;
        } else if (k > 0) {
            const ex_word *p = &x->w[k - 1];
            size_t pl = (size_t)(sp - f);
            if (p->particle == EX_P_NONE && p->ce - p->cs == pl && !memcmp(x->s + p->cs, f, pl) &&
                w->ps - w->cs == l - pl - 1 && !memcmp(x->s + w->cs, sp + 1, l - pl - 1))
                return 1;
        }
    }
    return 0;
}

/* 1 if a word before wi in its sentence, a subject or topic, is a noun
 * that points back at a company or at several actors (회사는, 이 회사는,
 * 양국은, 두 회사는: events.yaml company_anaphors, group_subjects; their
 * doer is found by carry_agent). */
static int anaphor_subject_before(const exdoc *x, int wi)
{
    for (int k = 0; k < wi; k++) {
        const ex_word *v = &x->w[k];
        if (!v->in_quote && (v->particle == EX_P_SUBJ || v->particle == EX_P_TOPIC) &&
            (subject_form(x, (size_t)k, GW(company_anaphors)) || subject_form(x, (size_t)k, group_subjects)))
            return 1;
    }
    return 0;
}

/* 1 if word wi is a future adnominal (제출할, 공급할) right before a plan
 * stated with its copula (계획이다, 예정이다: plan_copula_words), after an
 * actor as subject: the plan that actor holds. */
static int plan_copula_after(const exdoc *x, int wi)
{
    const ex_word *w = &x->w[wi];
    if (w->in_quote || w->ce <= w->cs || !word_is(x, wi + 1, GW(plan_copula_words)))
        return 0;
    size_t l;
    uint32_t last = ex_cp(x->s, w->ce, kg_u8_prev(x->s, w->ce), &l);
    if (!kg_is_hangul(last) || kg_hangul_jong(last) != KG_JONG_L)
        return 0;
    /* (held by an actor told as its subject: 그는 책을 번역할 계획이다 is
     * no news) */
    for (size_t k = 0; k < x->nr; k++) {
        const ex_role *r = &x->r[k];
        if (!r->in_quote && r->pend <= w->cs && is_subject(x, r))
            return 1;
    }
    /* (or by a noun that points back at one: 회사는 … 양산할 계획이다,
     * 양국은 … 열 예정이다) */
    return anaphor_subject_before(x, wi);
}

/* A predicate read by the morphology at word wi (see morph_cand's use in
 * find_cands): fills c and returns the stem's length, or 0. A lemma of
 * the lexicon gives its type; an unknown one an act of type other unless
 * it names a state (state_lemmas) or a speech verb (the statements'). A
 * restrict lemma (부과, 시행, 통과) is a restriction only with a tariff,
 * law or control named before it (restrict_objects), else other. */
static int ends_clause(const exdoc *x, const ex_word *w);
static int plan_word(const exdoc *x, int wi);
/* 1 if s[0, n) is Hangul syllables only. */
static int all_syllables(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t l;
        if (!kg_is_hangul(ex_cp(s, n, i, &l)))
            return 0;
        i += l;
    }
    return 1;
}

static int morph_cand(const exdoc *x, int wi, cand *c)
{
    const ex_word *w = &x->w[wi];
    kg_morph m;
    if (kg_morph_word(x->s, w->cs, w->ce, &m) == KG_MORPH_NONE)
        return 0;
    /* a speech verb is the statements'; a time word (지난해) no verb */
    if (starts_any(x->s, w->ce, w->cs, speech_verbs) || in_time(x, w->cs, w->ce))
        return 0;
    size_t ll = strlen(m.lemma);
    int t = ex_lemma_type(x->ev, m.lemma);
    /* a compound of Sino-Korean nouns (구속기소, 추가부과, 전면철회): the
     * type of its last two syllables when the lexicon lists them as a
     * lemma, the compound of four syllables or more (Hangul only) */
    if (t < 0 && ll >= 12 && ll % 3 == 0 && all_syllables(m.lemma, ll))
        t = ex_lemma_type(x->ev, m.lemma + ll - 6);
    if (t < 0) {
        /* (a state noun is a plan's act all the same: 공급할 계획이다,
         * 제공하기로 했다) */
        if (is_word(m.lemma, 0, ll, state_lemmas) && !plan_copula_after(x, wi) && !plan_word(x, wi))
            return 0;
        t = ex_type_index("other");
    } else if (t == ex_type_index("restrict") && !holds_any(m.lemma, 0, ll, restrict_objects)) {
        /* in the sentence before it, or the noun it modifies (부과한 관세) */
        size_t b = (size_t)wi + 1 < x->nw ? x->w[wi + 1].ce : w->ce;
        if (!holds_any(x->s, x->w[0].cs, b, restrict_objects)) {
            if (is_word(m.lemma, 0, ll, state_lemmas))
                return 0; /* 포함한: including, when no control is named */
            t = ex_type_index("other");
        }
    }
    /* 보복 관세로 맞대응했다, 수출 통제로 응수했다: an answer made with a
     * measure has the measure's type (a verb of counter_verbs; the word
     * before, ending in one of instrument_particles, names an event noun
     * of the lexicon) */
    if (t == ex_type_index("other") && wi > 0 && is_word(m.lemma, 0, ll, GW(counter_verbs_ev))) {
        const ex_word *v = &x->w[wi - 1];
        size_t pe = ex_ends_which(x->s, v->cs, v->ce, GW(instrument_particles));
        if (pe && !v->in_quote) {
            size_t ne = v->ce - pe;
            int nt = -1;
            /* the noun alone, or with the word before it (보복 관세) */
            if (ne > v->cs)
                nt = ex_noun_type(x->ev, x->s + v->cs, ne - v->cs);
            if (nt < 0 && wi > 1 && !x->w[wi - 2].in_quote && x->w[wi - 2].particle == EX_P_NONE && ne > x->w[wi - 2].cs)
                nt = ex_noun_type(x->ev, x->s + x->w[wi - 2].cs, ne - x->w[wi - 2].cs);
            if (nt >= 0)
                t = nt;
        }
    }
    /* 과징금 421억원을 부과했다, 벌금 2억 유로를 매겼다: a fine laid is a
     * penalty (legal), the noun of the fine before its amount */
    if (t == ex_type_index("restrict"))
        for (int k = wi - 1; k >= 0 && k >= wi - 3; k--) {
            const ex_word *v = &x->w[k];
            if (v->in_quote || ends_clause(x, v))
                break;
            if ((v->particle == EX_P_OBJ || v->particle == EX_P_NONE) && is_word(x->s, v->cs, v->ps, GW(fine_objects))) {
                t = ex_type_index("legal");
                break;
            }
        }
    if (t < 0)
        return 0;
    c->type = t;
    c->ps = w->cs;
    c->me = m.stem_end;
    c->wi = wi;
    c->entry_native = 0;
    c->announce = t == 0;
    c->morph = m.kind;
    snprintf(c->pred, sizeof c->pred, "%s", m.lemma);
    return (int)(m.stem_end - w->cs);
}

/* 1 if the verb that ends the chain after word wi (the first word ending
 * in 다 or a quotative) is past: 철회하고 … 도입했다. */
static int chain_past(const exdoc *x, int wi)
{
    for (size_t k = (size_t)wi + 1; k < x->nw; k++) {
        const ex_word *n = &x->w[k];
        if (!ex_ends_any(x->s, n->cs, n->ce, GW(chain_end_ends)))
            continue;
        for (size_t i = n->cs; i < n->ce;) {
            size_t cl;
            uint32_t cp = ex_cp(x->s, n->ce, i, &cl);
            if (kg_is_hangul(cp) && kg_hangul_jong(cp) == KG_JONG_SS)
                return 1;
            i += cl;
        }
        return 0;
    }
    return 0;
}

/* An act read by the morphology (a noun + 하다 / 되다) is kept only in
 * the forms that tell an act, not a state or a background: past (했다,
 * 했고, 됐으며), passive final (된다, 됐다), a listed lemma in the present
 * or in a chain that ends in the past (철회하고 … 했다); an adnominal (한,
 * 된) only after its object or a place (…을 돌파한, …에서 탈락한), as
 * adjectives (막대한, 공정한) take none; never a form of obligation,
 * manner or allegation (morph_drop_endings: 해야, 하게, 했다는). */
static int morph_act_ok(const exdoc *x, const ex_event *e, const cand *c)
{
    if (!c->morph)
        return 1;
    /* …늘었다고 밝혔다: the statement tells it (the statements' rules) */
    if (e->type == ex_type_index("other") && (e->f & EX_F_QUOTIVE))
        return 0;
    const ex_word *w = &x->w[c->wi];
    for (int k = 0; morph_drop_endings[k]; k++)
        if (ex_ends(x->s, w->cs, w->ce, morph_drop_endings[k]))
            return 0;
    /* 건설할 계획이다, 도입할 방침이다: a plan of a listed act (…할
     * 계획이라고 발표했다 is the announcement's, one event) */
    if ((e->f & EX_F_FUTADN) && !(e->f & EX_F_ADNOM)) {
        const ex_word *n = (size_t)c->wi + 1 < x->nw ? &x->w[c->wi + 1] : NULL;
        /* (an act of no listed type, 제출할 계획이다: the plan, announce,
         * keep_event) */
        return (e->type != ex_type_index("other") || plan_copula_after(x, c->wi)) && n &&
               !ex_ends_any(x->s, n->cs, n->ce, quote_words);
    }
    if (e->f & (EX_F_ADNOM | EX_F_FUTADN)) {
        if (e->f & EX_F_FUTADN || c->wi == 0)
            return 0;
        /* 코딩에 특화된 모델, 서버에 특화된 메모리: a passive adnominal of
         * no listed act only says what the noun is like, a state */
        if (c->morph == KG_MORPH_PASSIVE && e->type == ex_type_index("other"))
            return 0;
        int p = x->w[c->wi - 1].particle;
        return p == EX_P_OBJ || p == EX_P_LOC || p == EX_P_DAT;
    }
    if (e->f & EX_F_PAST)
        return 1;
    /* a market move in a chain (급등하며, 급증하고): market_ok has seen its
     * figure or market subject */
    if ((e->f & EX_F_CONN) && starts_any(c->pred, strlen(c->pred), 0, market_moves))
        return 1;
    if (e->type != ex_type_index("other") && (e->f & (EX_F_FINAL | EX_F_QUOTIVE)))
        return 1; /* a listed lemma: 철회한다, 부과하기로 했다, 추가한다고 */
    if (e->type != ex_type_index("other") && (e->f & EX_F_CONN) && chain_past(x, c->wi))
        return 1; /* a listed lemma in a chain told in the past: 철회하고 … 했다 */
    return c->morph == KG_MORPH_PASSIVE && (e->f & EX_F_FINAL);
}

/* 1 if the predicate at c is an act received (acted_on_verbs: 제재를
 * 받았다; an event noun with 받다 glued or as the next word: 선고받았다,
 * 선고 받았다): its subject is the one acted on. */
static int received_verb(const exdoc *x, const cand *c)
{
    const ex_word *w = &x->w[c->wi];
    if (c->lv)
        return starts_any(x->s, w->ce, c->ps, acted_on_verbs) > 0;
    if (c->me < w->ce && starts_any(x->s, w->ce, c->me, acted_on_verbs) > 0)
        return 1;
    return c->me == w->ce && (size_t)c->wi + 1 < x->nw && !w->in_quote &&
           starts_any(x->s, x->w[c->wi + 1].ce, x->w[c->wi + 1].cs, acted_on_verbs) > 0;
}

/* 1 if the subject of the predicate is the one acted on, other than an
 * act received (received_verb, which the caller asks first): a support
 * verb with a 에-complement (재판에 넘겨졌다), or a legal act or
 * restriction in the passive (기소됐다, 체포된, 금지당했다). */
static int acted_on(const exdoc *x, const ex_event *e, const cand *c)
{
    if (c->dat_passive)
        return 1;
    if (c->lv)
        return 0;
    if (e->type != ex_type_index("legal") && e->type != ex_type_index("restrict"))
        return 0;
    return starts_any(x->s, x->w[c->wi].ce, c->me, passive_light_verbs) > 0;
}

/* 1 if the predicate at c is a market movement (market_moves). */
static int market_move(const exdoc *x, const cand *c)
{
    const ex_word *w = &x->w[c->wi];
    int pw = word_at(x, c->ps);
    if (pw >= 0)
        w = &x->w[pw];
    return starts_any(x->s, w->ce, w->cs, market_moves) || starts_any(c->pred, strlen(c->pred), 0, market_moves);
}

/* 1 unless a market movement (market_moves: 감소했다, 늘었다) has neither a
 * figure nor a market subject (market_subjects, or a sector's stocks) in
 * its chain of clauses. */
static int market_ok(const exdoc *x, const ex_event *e, const cand *c)
{
    if (e->type != ex_type_index("other"))
        return 1;
    const ex_word *w = &x->w[word_at(x, c->ps)];
    if (!starts_any(x->s, w->ce, w->cs, market_moves) && !starts_any(c->pred, strlen(c->pred), 0, market_moves))
        return 1;
    if (e->f & EX_F_QUOTIVE) /* …늘었다고 밝혔다: the statement's content */
        return 0;
    size_t a = e->chain < e->cs ? e->chain : e->cs;
    /* a gap that widens or narrows (events.yaml gap_moves: 벌어졌다) moves
     * a market only with a market subject (금리 차는 …로 벌어졌다), not a
     * share told as a state (격차가 …로 좁혀졌다) */
    if (starts_any(x->s, w->ce, w->cs, GW(gap_moves)) || starts_any(c->pred, strlen(c->pred), 0, GW(gap_moves)))
        return holds_any(x->s, a, c->ps, market_subjects);
    for (size_t k = ex_first_at(x, x->fig, x->n_fig, a); k < x->n_fig; k++) {
        const kg_mention *m = &x->m->v[x->fig[k]];
        if (m->nstart >= e->pe)
            break;
        return 1;
    }
    if (holds_any(x->s, a, c->ps, market_subjects))
        return 1;
    /* 미국 기술주는 급락했다: the stocks of a sector as its subject
     * (relations.yaml move_stock_suffixes) */
    for (int k = word_at(x, a); k >= 0 && (size_t)k < x->nw && x->w[k].s < c->ps; k++)
        if ((x->w[k].particle == EX_P_SUBJ || x->w[k].particle == EX_P_TOPIC) && !x->w[k].in_quote &&
            ex_stock_stem(x->s, x->w[k].cs, x->w[k].ps, stock_suffixes))
            return 1;
    return 0;
}

/* 1 unless a lemma of keeping (kept_lemmas: 유지했다) keeps neither a
 * measure, a rate or a forecast (kept_objects: 관세, 금리, 전망치) nor a
 * figure named in its clause: 건강을 유지했다, 관계를 유지해 왔다 are no acts. */
static int kept_ok(const exdoc *x, const ex_event *e, const cand *c)
{
    /* (a plan stated with its copula is one all the same: 일정을 유지할
     * 계획이다) */
    if (!is_word(c->pred, 0, strlen(c->pred), kept_lemmas) || plan_copula_after(x, c->wi))
        return 1;
    size_t a = e->chain < e->cs ? e->chain : e->cs;
    for (size_t k = ex_first_at(x, x->fig, x->n_fig, a); k < x->n_fig; k++) {
        const kg_mention *m = &x->m->v[x->fig[k]];
        if (m->nstart >= c->ps)
            break;
        return 1;
    }
    return holds_any(x->s, a, c->ps, kept_objects);
}

/* The type of the act a quotative word tells (부과한다고, 집계됐다고,
 * 인상하기로): its lemma's, read by the morphology, or -1. */
static int embedded_type(const exdoc *x, const ex_word *pv)
{
    kg_morph m;
    if (kg_morph_word(x->s, pv->cs, pv->ce, &m) == KG_MORPH_NONE)
        return -1;
    int t = ex_lemma_type(x->ev, m.lemma);
    if (t == ex_type_index("restrict") && !holds_any(m.lemma, 0, strlen(m.lemma), restrict_objects) &&
        !holds_any(x->s, x->w[0].cs, pv->ce, restrict_objects))
        return -1;
    return t > 0 ? t : -1; /* (not announce itself) */
}

/* A support verb with its event noun in a 에-phrase right before it
 * (support_dative: 조사에 들어갔다, 착공에 들어간, 재판에 넘겨졌다): the
 * noun's type (the lexicon's noun, else its lemma) is the event's. Fills
 * c and returns the verb's length, or 0. */
static int dative_cand(const exdoc *x, int wi, cand *c)
{
    const ex_word *w = &x->w[wi];
    if (wi == 0)
        return 0;
    int sv = 0;
    for (int k = 0; support_dative && support_dative[k] && !sv; k++)
        if (ex_at(x->s, w->ce, w->cs, support_dative[k]))
            sv = (int)strlen(support_dative[k]);
    if (!sv)
        return 0;
    /* (a manner adverb may stand between: 투자에 본격적으로 나선다) */
    int pi = wi - 1;
    if (pi > 0 && (is_word(x->s, x->w[pi].cs, x->w[pi].ce, GW(object_verb_adverbs)) ||
                   ex_ends_any(x->s, x->w[pi].cs, x->w[pi].ce, GW(adverb_suffixes))))
        pi--;
    const ex_word *p = &x->w[pi];
    if (p->in_quote || p->quote_close || p->particle != EX_P_DAT ||
        !ex_is_any(x->s, p->ps, p->ce, GW(dative_support_particles)) || p->ps <= p->cs || in_time(x, p->cs, p->ce))
        return 0;
    size_t nl = p->ps - p->cs;
    if (nl >= sizeof c->obj)
        return 0;
    char noun[sizeof c->obj];
    memcpy(noun, x->s + p->cs, nl);
    noun[nl] = '\0';
    int t = ex_noun_type(x->ev, noun, nl);
    if (t < 0)
        t = ex_lemma_type(x->ev, noun);
    if (t < 0 || t == ex_type_index("other"))
        return 0;
    c->type = t;
    c->objw = pi;
    c->morph = 0;
    c->ps = w->cs;
    c->me = w->cs + (size_t)sv;
    c->wi = wi;
    c->lv = 1;
    c->dat_passive = starts_any(x->s, w->ce, w->cs, support_dative_passive) > 0;
    c->entry_native = 0;
    c->announce = t == 0;
    snprintf(c->obj, sizeof c->obj, "%s", noun);
    copy_word(x, w->cs, c->me, c->pred, sizeof c->pred);
    return sv;
}

/* A native verb read by the morphology (던졌다: 던지다, 미루기로: 미루다)
 * whose dictionary form the lexicon lists as a lemma (kg_morph_native):
 * fills c and returns the word's length, or 0. The forms of an act are
 * morph_act_ok's, as for a noun + 하다 verb. */
/* 1 if a subject or topic outside quotes before word wi is a court
 * (법원은, 재판부는, 판사는: events.yaml court_nouns, the end of the noun
 * before its particle), the sentence's speaker also when a clause with
 * a subject of its own comes between (판사는 작가들이 낸 소송에서 …). */
static int court_subject(const exdoc *x, int wi)
{
    for (int k = wi - 1; k >= 0; k--) {
        const ex_word *w = &x->w[k];
        if (w->in_quote || w->quote_close || (w->particle != EX_P_SUBJ && w->particle != EX_P_TOPIC))
            continue;
        if (w->ps > w->cs && ex_ends_any(x->s, w->cs, w->ps, GW(court_nouns)))
            return 1;
    }
    return 0;
}

/* A court's reasoning (재판부는 이같이 판단했다, 법원은 …아니라고 봤다:
 * events.yaml court_reason_verbs with a court as the subject) is its
 * ruling, legal. Fills c and returns the length read, or 0. */
static int court_cand(const exdoc *x, int wi, cand *c)
{
    const ex_word *w = &x->w[wi];
    int l = starts_any(x->s, w->ce, w->cs, GW(court_reason_verbs));
    if (l <= 0 || !court_subject(x, wi))
        return 0;
    c->type = ex_type_index("legal");
    c->ps = w->cs;
    c->me = w->cs + (size_t)l;
    c->wi = wi;
    c->entry_native = 1;
    copy_word(x, w->cs, w->ce, c->pred, sizeof c->pred);
    return (int)(w->ce - w->cs);
}

static int native_cand(const exdoc *x, int wi, cand *c)
{
    const ex_word *w = &x->w[wi];
    kg_native f[8];
    int n = kg_morph_native(x->s, w->cs, w->ce, f, 8);
    for (int k = 0; k < n; k++) {
        int t = ex_lemma_type(x->ev, f[k].lemma);
        if (t < 0)
            continue;
        c->type = t;
        c->ps = w->cs;
        c->me = f[k].end_at;
        c->wi = wi;
        c->entry_native = 0;
        c->announce = t == 0;
        c->morph = KG_MORPH_ACTIVE;
        size_t l = strnlen(f[k].lemma, sizeof f[k].lemma);
        if (l >= sizeof c->pred)
            return 0;
        memcpy(c->pred, f[k].lemma, l);
        c->pred[l] = '\0';
        return (int)(w->ce - w->cs);
    }
    return 0;
}

/* A native verb of no listed type in a plan stated with its copula (공급을
 * 늘릴 계획이다, 회담을 열 예정이다): the plan, typed by its object
 * (plan_object_type) else announce (GUIDELINES: a plan with no act of a
 * listed type). Not a state (있을, 될: statement_state_adnominals). Fills
 * c and returns the length read, or 0. */
static int copula_plan_cand(const exdoc *x, int wi, cand *c)
{
    const ex_word *w = &x->w[wi];
    kg_morph m;
    if (!plan_copula_after(x, wi) || kg_morph_word(x->s, w->cs, w->ce, &m) != KG_MORPH_NONE ||
        is_word(x->s, w->cs, w->ce, GW(statement_state_adnominals)) || in_time(x, w->cs, w->ce))
        return 0;
    kg_native f[8];
    int n = kg_morph_native(x->s, w->cs, w->ce, f, 8);
    if (n <= 0)
        return 0;
    c->type = ex_type_index("announce");
    c->ps = w->cs;
    c->me = f[0].end_at;
    c->wi = wi;
    c->entry_native = 0;
    c->announce = 1;
    c->morph = 0;
    c->plan = 1;
    snprintf(c->pred, sizeof c->pred, "%s", f[0].lemma);
    return (int)(w->ce - w->cs);
}

/* A level set to a figure (유동성 공급을 33조원으로 12조원 늘린다,
 * 세액공제율은 15%로 5%포인트 높인다, 지원 대상을 8곳까지 늘린다): a native
 * verb of events.yaml level_lemmas (a doer sets the level: 늘리다, not
 * 늘다) whose word before, or the one before that after a figure of the
 * change, is a figure with a particle of level_target_particles (the level
 * reached; or a figure and a noun of level_bound_nouns with it: 1년
 * 이내로), both in its sentence. A decision: announce. Fills c and
 * returns the length read, or 0. */
static int level_cand(const exdoc *x, int wi, cand *c)
{
    const ex_word *w = &x->w[wi];
    const char *s = x->s;
    int target = 0;
    for (int j = wi - 1; j >= 0 && j >= wi - 2 && !target; j--) {
        const ex_word *v = &x->w[j];
        /* (a sentence or clause ends after it: 늘렸다. 15%로, no level of this verb) */
        if (v->e > v->ce && (s[v->e - 1] == '.' || s[v->e - 1] == ','))
            break;
        int digit = 0;
        for (size_t q = v->cs; q < v->ps && !digit; q++)
            digit = s[q] >= '0' && s[q] <= '9';
        /* (a noun of a bound after the figure: 1년 이내로, 20% 수준으로) */
        if (!digit && j > 0 && v->ps > v->cs && v->ps < v->ce && is_word(s, v->cs, v->ps, GW(level_bound_nouns)) &&
            is_word(s, v->ps, v->ce, GW(level_target_particles))) {
            const ex_word *u = &x->w[j - 1];
            for (size_t q = u->cs; q < u->ce && !digit; q++)
                digit = s[q] >= '0' && s[q] <= '9';
            target = digit && u->particle == EX_P_NONE;
            break;
        }
        if (!digit)
            break;
        target = v->ps < v->ce && is_word(s, v->ps, v->ce, GW(level_target_particles));
    }
    if (!target)
        return 0;
    kg_native f[8];
    int n = kg_morph_native(s, w->cs, w->ce, f, 8);
    /* (늘린다는 목표, 높인다는 내용: the quotative adnominal read as a
     * particle after 늘린다) */
    if (n <= 0 && w->ps > w->cs && w->ps < w->ce)
        n = kg_morph_native(s, w->cs, w->ps, f, 8);
    for (int k = 0; k < n; k++) {
        if (!is_word(f[k].lemma, 0, strlen(f[k].lemma), GW(level_lemmas)))
            continue;
        c->type = ex_type_index("announce");
        c->ps = w->cs;
        c->me = f[k].end_at;
        c->wi = wi;
        c->entry_native = 0;
        c->announce = 1;
        c->morph = 0;
        snprintf(c->pred, sizeof c->pred, "%s", f[k].lemma);
        return (int)(w->ce - w->cs);
    }
    return 0;
}

/* 1 if word wi ends in -기로 and the next word decides (했다, 하기로
 * 한, 결정했다: korean.yaml decide_verbs): a plan decided. */
static int plan_word(const exdoc *x, int wi)
{
    const ex_word *w = &x->w[wi];
    if ((size_t)wi + 1 >= x->nw || w->in_quote || !ex_ends_any(x->s, w->cs, w->ce, GW(plan_ends)))
        return 0;
    const ex_word *n = &x->w[wi + 1];
    return starts_any(x->s, n->ce, n->cs, plan_decide) > 0;
}

/* A native verb in a plan decided (올리기로 했다, 만들기로 했다, 깔아
 * 주기로 했다) that neither the lexicon nor the morphology read: an act
 * announced, typed by the lexicon's lemma or by its object (the caller's
 * rule for announce verbs), else announce (GUIDELINES: a plan with no act
 * of a listed type). After a verb in -아/-어, an auxiliary (plan_auxiliaries:
 * 주기로) makes one predicate with it. Fills c and returns the length read,
 * or 0. */
static int plan_cand(const exdoc *x, int wi, cand *c)
{
    const ex_word *w = &x->w[wi];
    kg_morph m;
    if (!plan_word(x, wi) || kg_morph_word(x->s, w->cs, w->ce, &m) != KG_MORPH_NONE)
        return 0;
    size_t se = w->ce - ex_ends_which(x->s, w->cs, w->ce, GW(plan_ends));
    if (se <= w->cs || se - w->cs > 15 || in_time(x, w->cs, w->ce))
        return 0;
    for (size_t i = w->cs; i < se;) {
        size_t l;
        if (!kg_is_hangul(ex_cp(x->s, se, i, &l)))
            return 0;
        i += l;
    }
    char lemma[64];
    /* 부과키로 (the light verb 하 fused with -기로): the stem is a noun of
     * two syllables or more, the lemma itself */
    int fused = ex_ends_any(x->s, w->cs, w->ce, GW(fused_plan_ends));
    if (fused && kg_u8_prev(x->s, se) <= w->cs)
        return 0;
    /* (a place in 키 with 로, 헬싱키로 했다, is no plan: the noun is
     * a lemma of the lexicon, or the verb has an object) */
    if (fused && wi > 0 && x->w[wi - 1].particle != EX_P_OBJ) {
        char stem[64];
        snprintf(stem, sizeof stem, "%.*s", (int)(se - w->cs), x->s + w->cs);
        if (ex_lemma_type(x->ev, stem) < 0)
            return 0;
    }
    const char *dict = !fused && GW(lemma_endings)[0] ? GW(lemma_endings)[0] : "";
    snprintf(lemma, sizeof lemma, "%.*s%s", (int)(se - w->cs), x->s + w->cs, dict);
    size_t ps = w->cs;
    if (!fused && wi > 0 && is_word(x->s, w->cs, se, plan_aux)) {
        const ex_word *p = &x->w[wi - 1];
        if (p->in_quote || p->particle != EX_P_NONE ||
            !ex_ends_any(x->s, p->cs, p->ce, GW(auxiliary_link_ends)))
            return 0;
        ps = p->cs;
        snprintf(lemma, sizeof lemma, "%.*s %.*s%s", (int)(p->ce - p->cs), x->s + p->cs, (int)(se - w->cs),
                 x->s + w->cs, dict);
    }
    int t = ex_lemma_type(x->ev, lemma);
    c->type = t >= 0 ? t : 0;
    c->ps = ps;
    c->me = se;
    c->wi = wi;
    c->entry_native = 0;
    c->announce = c->type == 0;
    c->morph = 0;
    c->plan = 1;
    /* a listed lemma fused (보류키로, 추진키로) is read as the morphology
     * reads 보류하기로: its object types it only as object_typed_lemmas
     * says */
    if (fused && t >= 0) {
        c->morph = KG_MORPH_ACTIVE;
        c->plan = 0;
    }
    snprintf(c->pred, sizeof c->pred, "%s", lemma);
    return (int)(w->ce - ps);
}

/* The type of a plan's object (plan_cand, c announce): the object with
 * 을/를 already read, else a noun with 도 right before the verb that is no
 * actor (정부도 만들기로 했다 has its subject there); the type of the
 * object's last word that names an act. c->type stays when none does. */
/* The object marked with 도 right before the verb at c (전망치도
 * 발표했다, 기금도 만들기로): a noun phrase that is no actor (정부도
 * 발표했다 has its subject there). Fills obj and returns its first word,
 * or -1. */
static int object_with_do(const exdoc *x, const cand *c, char *obj, size_t objn)
{
    int k = word_at(x, c->ps) - 1;
    /* (a level, the level it starts from and a manner adverb may stand
     * between, as object_before passes them: 전망치도 1.5%에서 0.8%로
     * 크게 낮췄다) */
    for (int skip = 0; k > 0 && k < (int)x->nw && skip < 4; skip++) {
        const ex_word *v = &x->w[k];
        if (((v->particle == EX_P_OTHER || v->particle == EX_P_LOC) && figure_word(x, v)) ||
            (v->particle == EX_P_NONE && is_word(x->s, v->cs, v->ce, GW(figure_bound_words))) ||
            is_word(x->s, v->cs, v->ce, GW(object_verb_adverbs)) ||
            ex_ends_any(x->s, v->cs, v->ce, GW(adverb_suffixes)))
            k--;
        else
            break;
    }
    if (k < 0 || k >= (int)x->nw)
        return -1;
    const ex_word *w = &x->w[k];
    if (w->in_quote || w->particle != EX_P_TOPIC || !ex_ends_any(x->s, w->cs, w->ce, GW(object_additive_particles)) ||
        w->ps <= w->cs)
        return -1;
    for (size_t q = x->a0; q < x->a1; q++) {
        const kg_mention *m = &x->m->v[x->act[q]];
        if (m->nstart < w->ps && m->nend > w->cs)
            return -1;
    }
    int a = k;
    while (a > 0 && k - a < 2 && noun_word(x, &x->w[a - 1]) && !verbish_word(x, &x->w[a - 1]))
        a--;
    size_t from = x->w[a].cs, to = w->ps;
    if (to - from >= objn)
        return -1;
    memcpy(obj, x->s + from, to - from);
    obj[to - from] = '\0';
    strip_quotes(obj);
    return a;
}

static void plan_object_type(const exdoc *x, cand *c)
{
    /* a measure lifted (관세를 없애기로 했다) is no measure laid */
    const ex_word *w = &x->w[c->wi];
    if (starts_any(x->s, w->ce, w->cs, lift_verbs))
        return;
    if (!c->obj[0]) {
        int a = object_with_do(x, c, c->obj, sizeof c->obj);
        if (a < 0)
            return;
        c->objw = a;
    }
    int t = ex_noun_type(x->ev, c->obj, strlen(c->obj));
    /* each word from the last: the last word that names an act (only for a
     * verb the lexicon does not list: 일정을 늦추기로 is no meeting) */
    if (t < 0 && ex_lemma_type(x->ev, c->pred) < 0)
        t = last_act_word_type(x, c->obj, strlen(c->obj), 0);
    if (t >= 0)
        c->type = t;
}

/* 1 if word w is told in the past (a syllable with ㅆ: 체결했고,
 * 서명했다"며): inside a quote, a past act the speaker reports is an
 * event of its own (GUIDELINES), where a present or a wish is not. */
static int past_word(const exdoc *x, const ex_word *w)
{
    for (size_t i = w->cs; i < w->ce;) {
        size_t cl;
        uint32_t cp = ex_cp(x->s, w->ce, i, &cl);
        if (kg_is_hangul(cp) && kg_hangul_jong(cp) == KG_JONG_SS && cp != 0xACA0 /* 겠: will */)
            return 1;
        i += cl;
    }
    return 0;
}

/* 1 if type t can be a past act reported inside a quote: not a statement
 * (announce, protest, pledge: the statement's own type), not a figure
 * passing a mark (compete) nor an unknown verb (other). */
static int quoted_act_type(int t)
{
    const char *n = kg_event_types[t];
    return strcmp(n, "announce") && strcmp(n, "protest") && strcmp(n, "pledge") && strcmp(n, "compete") &&
           strcmp(n, "other");
}

/* 1 if word wi is an act a quote tells as planned: the quote's last word
 * right after it is a plan noun and nothing else up to the closing mark
 * (…회의를 개최할 예정", …회담을 열 계획"). Such an act is its own event
 * (GUIDELINES: an act a speaker reports is its own event), as a past one. */
static int quoted_plan_word(const exdoc *x, size_t wi)
{
    if (wi + 1 >= x->nw || !x->w[wi].in_quote || x->w[wi].quote_close)
        return 0;
    const ex_word *n = &x->w[wi + 1];
    if (!n->in_quote || !n->quote_close)
        return 0;
    size_t q = n->cs;
    while (q < n->e && x->s[q] != '"')
        q++;
    return is_word(x->s, n->cs, q, GW(quoted_plan_nouns));
}

/* Where a predicate of the lexicon written at pos ends, or 0. A phrase
 * (명단에 올, 조사에 착수) matches also with one adverb of
 * object_verb_adverbs between its last two words (명단에 새로 올렸다,
 * 조사에 곧바로 착수했다). */
static size_t phrase_match(const exdoc *x, size_t pos, const char *text, size_t len)
{
    const char *s = x->s;
    if (pos + len <= x->se && memcmp(s + pos, text, len) == 0)
        return pos + len;
    size_t sp = len;
    while (sp > 0 && text[sp - 1] != ' ')
        sp--;
    if (sp == 0 || sp == len || pos + sp > x->se || memcmp(s + pos, text, sp) != 0)
        return 0;
    int aw = word_at(x, pos + sp);
    if (aw < 0 || (size_t)aw + 1 >= x->nw || x->w[aw].cs != pos + sp ||
        !is_word(s, x->w[aw].cs, x->w[aw].ce, GW(object_verb_adverbs)))
        return 0;
    size_t t = x->w[aw + 1].cs, tl = len - sp;
    if (t + tl > x->se || memcmp(s + t, text + sp, tl) != 0)
        return 0;
    return t + tl;
}

/* phrase_match's third form: a phrase whose first word ends in a
 * particle (명단에 올, 협약을 맺) matches its noun, then a gloss in
 * parentheses or a closing quote mark or both, then the rest (명단(Entity
 * List)에 올렸다, '투자협약(MOU)'을 맺었다). Where the match ends, or 0. */
static size_t gloss_gap_match(const exdoc *x, size_t pos, const ex_entry *e)
{
    const char *s = x->s, *text = e->text;
    size_t len = e->len, ps = e->ps1;
    if (e->part1 == EX_P_NONE || ps == 0 || pos + ps >= x->se || memcmp(s + pos, text, ps) != 0)
        return 0;
    size_t q = pos + ps;
    if (s[q] == '(') {
        size_t c = q + 1;
        while (c < x->se && c < q + 80 && s[c] != ')' && s[c] != '(' && s[c] != '\n')
            c++;
        if (c >= x->se || s[c] != ')')
            return 0;
        q = c + 1;
    }
    while (q < x->se && (s[q] == '\'' || s[q] == '"'))
        q++;
    /* (the rest as phrase_match reads it: an adverb of
     * object_verb_adverbs may stand before the verb, 명단(Entity List)에
     * 새로 올렸다) */
    if (q == pos + ps)
        return 0;
    return phrase_match(x, q, text + ps, len - ps);
}

/* phrase_match's other form: a phrase of two words whose first ends in
 * its object particle (펀드를 조성) matches its noun alone, then an amount
 * that carries an object particle, then the verb (펀드 2000억원을
 * 조성하고, 관세 25%를 부과했다): the figure of the act stands between
 * the noun and its particle. Where the match ends, or 0. */
static size_t figure_gap_match(const exdoc *x, size_t pos, const ex_entry *e)
{
    const char *s = x->s, *text = e->text;
    size_t len = e->len, w1 = e->w1, ps = e->ps1;
    if (e->part1 != EX_P_OBJ || ps == 0 || w1 >= len || memchr(text + w1 + 1, ' ', len - w1 - 1))
        return 0; /* (two words only, the first with its object particle) */
    int nw = word_at(x, pos);
    if (nw < 0 || (size_t)nw + 2 >= x->nw || x->w[nw].cs != pos || x->w[nw].ce != pos + ps ||
        x->w[nw].e != pos + ps || memcmp(s + pos, text, ps) != 0)
        return 0;
    const ex_word *f = &x->w[nw + 1], *v = &x->w[nw + 2];
    if (f->particle != EX_P_OBJ || f->in_quote || !(s[f->cs] >= '0' && s[f->cs] <= '9'))
        return 0;
    size_t tl = len - w1 - 1;
    if (v->cs + tl > x->se || memcmp(s + v->cs, text + w1 + 1, tl) != 0)
        return 0;
    return v->cs + tl;
}

/* Finds every predicate candidate of the sentence's words. */
static size_t find_cands(exdoc *x, cand **out, size_t *cap)
{
    const char *s = x->s;
    size_t n = 0;
    for (size_t wi = 0; wi < x->nw; wi++) {
        const ex_word *w = &x->w[wi];
        if (w->ce <= w->cs)
            continue;
        int best_len = 0;
        cand c;
        memset(&c, 0, sizeof c);
        c.objw = -1;
        /* lexicon predicates at the word start, or inside it for 겠 stems */
        /* only stems with 겠 start inside a word: look there only when the
         * word has one */
        int mid = ex_has_any(s, w->cs, w->ce, GW(volitional_infixes));
        /* a past act in a quote, or one it tells as planned */
        int qpast = w->in_quote && (past_word(x, w) || quoted_plan_word(x, wi));
        for (size_t pos = w->cs; pos < w->ce;) {
            size_t cl;
            uint32_t cp = ex_cp(s, w->ce, pos, &cl);
            size_t lo, hi;
            ex_evlex_range(x->ev, cp, &lo, &hi);
            for (size_t k = lo; k < hi; k++) {
                const ex_entry *e = &x->ev->v[k];
                if (e->noun || (pos > w->cs && !e->midword) || (int)e->len <= best_len)
                    continue;
                if (w->in_quote && !e->midword && !(w->quote_close && is_protest(e->type)) &&
                    !(qpast && quoted_act_type(e->type)))
                    continue;
                size_t me = phrase_match(x, pos, e->text, e->len);
                if (!me && pos == w->cs)
                    me = figure_gap_match(x, pos, e);
                if (!me && pos == w->cs)
                    me = gloss_gap_match(x, pos, e);
                if (!me)
                    continue;
                int ew = word_at(x, me - 1);
                if (ew < 0)
                    continue;
                /* 물리기로 했다: the 로 of -기로 is no particle */
                if (!ex_verbal_after(s, me, x->w[ew].ce, e->native) &&
                    !(e->native && plan_word(x, ew) && ex_ends_any(s, x->w[ew].cs, me, GW(nominal_ends))))
                    continue;
                if (adverb_homograph(x, ew))
                    continue;
                best_len = (int)e->len;
                c.type = e->type;
                c.ps = pos;
                c.me = me;
                c.wi = ew;
                c.entry_native = e->native;
                c.announce = e->type == 0;
                snprintf(c.pred, sizeof c.pred, "%s", e->text);
            }
            pos += cl;
            if (best_len || !mid)
                break;
        }
        /* a quotation that ends in a vow (…지키겠다", …하겠습니다") */
        if (!best_len && w->in_quote && w->quote_close) {
            size_t q = w->cs;
            while (q < w->e && s[q] != '"')
                q++;
            size_t vl = ex_ends_which(s, w->cs, q, GW(quoted_vow_ends));
            if (vl) {
                c.type = ex_type_index("pledge");
                c.ps = w->cs;
                c.me = q - vl;
                c.wi = (int)wi;
                c.entry_native = 1;
                copy_word(x, w->cs, q, c.pred, sizeof c.pred);
                best_len = (int)(q - w->cs);
            }
        }
        /* support verbs with an event noun object */
        int sv = w->in_quote && !qpast ? 0 : starts_any(s, w->ce, w->cs, support_verbs);
        if (sv && !ex_light_verb(s, w->cs + sv, w->ce))
            sv = 0;
        /* 시행하기 시작했다: the act is the verb before the aspect verb */
        if (sv && wi > 0 && ex_ends_any(s, x->w[wi - 1].cs, x->w[wi - 1].ce, GW(nominal_ends)) &&
            starts_any(s, w->ce, w->cs, aspect_verbs))
            sv = 0;
        if (!sv && (!w->in_quote || qpast)) {
            /* a native one: the whole stem as written (열었, 취한) */
            for (int k = 0; support_native[k]; k++)
                if (ex_at(s, w->ce, w->cs, support_native[k])) {
                    sv = (int)strlen(support_native[k]);
                    break;
                }
        }
        /* a native one in its future adnominal, whole, before a plan
         * (집회를 열 예정이다, 성명을 낼 계획이다): 열 and 낼 alone are
         * also other words (열 명), so only there */
        if (!sv && !w->in_quote && wi + 1 < x->nw && is_word(s, w->cs, w->ce, GW(support_native_future)) &&
            starts_any(s, x->w[wi + 1].ce, x->w[wi + 1].cs, GW(plan_future_heads)))
            sv = (int)(w->ce - w->cs);
        /* 하다 alone after an event noun (정상회담을 한다, 협상을 했다,
         * 투자를 했다): the noun's act, whole words only */
        int light = !sv && !w->in_quote && is_word(s, w->cs, w->ce, GW(support_light_words));
        if (sv || light) {
            char obj[64];
            int ok = object_before(x, (int)wi, 0, obj, sizeof obj, 1);
            /* (하다 alone: its object right before it, not an auxiliary
             * 하다 after a verb: 허가를 받아야 한다, 수립할 수 있도록 했다) */
            if (light && ok != (int)wi - 1)
                ok = -1;
            /* 수출 통제도 강화했다, 관세도 올렸다: an act noun marked with
             * 도 right before the verb is its object too */
            if (ok < 0 && !w->in_quote) {
                cand dc = c;
                dc.ps = w->cs;
                ok = object_with_do(x, &dc, obj, sizeof obj);
                if (ok >= 0 && object_type(x, obj) < 0)
                    ok = -1;
                if (ok < 0)
                    obj[0] = '\0';
            }
            int t = ok >= 0 ? announced_plan_type(x, w, obj, object_type(x, obj)) : -1;
            /* a level set higher or lower (기준금리를 내렸다, 전망치를
             * 높였다): a decision announced, unless a predicate of a
             * type read it already (한도를 올리기로 했다 of a plan) */
            if (t < 0 && ok >= 0 && obj[0] && (!best_len || c.type == ex_type_index("other")) &&
                ex_ends_any(obj, 0, strlen(obj), kept_objects) && starts_any(s, w->ce, w->cs, level_verbs) &&
                !names_act(x, obj))
                t = ex_type_index("announce");
            /* a forecast set higher or lower (매출 전망치를 낮췄다,
             * 성장률 전망치를 0.8%로 높였다) is a decision announced, not
             * a report published (GUIDELINES; forecast_period_nouns) */
            if (t == ex_type_index("release") && ok >= 0 && obj[0] && starts_any(s, w->ce, w->cs, level_verbs) &&
                last_word_in(obj, GW(forecast_period_nouns)))
                t = ex_type_index("announce");
            /* 더 투자하는 방안을 논의하고 있다, 규제를 강화하는 방안을
             * 검토: a plan whose act the adnominal verb before it tells
             * has the act's type */
            /* (a noun of the lexicon's announce, 계획, 성명, is filled the
             * same) */
            if (t <= 0 && ok > 0 && obj[0] && filled_head(obj)) {
                int at = adnominal_before(x, ok);
                if (at >= 0)
                    t = at;
            }
            /* 조치를 비판하는 성명을 발표했다: a statement whose content an
             * adnominal verb tells has that content's type when it is an
             * objection or a vow (GUIDELINES: type by content) */
            if (t <= 0 && ok > 0 && obj[0] && last_word_in(obj, statement_nouns)) {
                int at = adnominal_before(x, ok);
                if (at >= 0 && (is_protest(at) || at == ex_type_index("pledge")))
                    t = at;
            }
            if (t >= 0 && (!best_len || c.announce || c.type == t || c.type == ex_type_index("other"))) {
                c.type = t;
                c.objw = ok;
                c.morph = 0;
                c.ps = w->cs;
                c.me = w->cs + (size_t)sv;
                c.wi = (int)wi;
                c.lv = 1;
                c.entry_native = 0;
                snprintf(c.obj, sizeof c.obj, "%s", obj);
                copy_word(x, w->cs, light ? w->ce : w->cs + (size_t)sv, c.pred, sizeof c.pred);
                best_len = light ? (int)(w->ce - w->cs) : sv;
            }
        }
        /* a support verb whose event noun is in a 에-phrase (조사에
         * 들어갔다, 재판에 넘겨졌다) */
        if (!best_len && !w->in_quote)
            best_len = dative_cand(x, (int)wi, &c);
        if (!best_len && !w->in_quote)
            best_len = court_cand(x, (int)wi, &c);
        /* a noun + 하다 / 되다 verb read by the morphology (철회했다,
         * 부과된다, 발표했죠): the lexicon's lemma, else an act of type other */
        if (!best_len && (!w->in_quote || qpast)) {
            best_len = morph_cand(x, (int)wi, &c);
            if (best_len && w->in_quote && !quoted_act_type(c.type))
                best_len = 0; /* a past act in a quote: a listed one only */
        }
        if (!best_len && !w->in_quote)
            best_len = native_cand(x, (int)wi, &c);
        if (!best_len && !w->in_quote)
            best_len = plan_cand(x, (int)wi, &c);
        if (!best_len && !w->in_quote)
            best_len = copula_plan_cand(x, (int)wi, &c);
        if (!best_len && !w->in_quote)
            best_len = level_cand(x, (int)wi, &c);
        if (!best_len)
            continue;
        if (!c.obj[0]) {
            c.objw = object_before(x, word_at(x, c.ps), 0, c.obj, sizeof c.obj, 0);
            /* a speech or announce verb whose object is an event noun takes
             * the noun's type: 수출통제를 발표하다 is a restriction */
            /* (a lemma read by the morphology only when it is listed in
             * object_typed_lemmas: 관세를 인상 is a restriction, 관세를
             * 철회 no) */
            int by_obj = c.morph ? is_word(c.pred, 0, strlen(c.pred), object_typed_lemmas)
                                 : !starts_any(s, w->ce, w->cs, lift_verbs);
            /* 합의를 환영했다: a reaction is no act of what it reacts to */
            if (starts_any(s, w->ce, w->cs, reaction_preds))
                by_obj = 0;
            if ((c.announce || c.type == ex_type_index("found")) && c.obj[0] && by_obj) {
                int t = object_type(x, c.obj);
                if (t >= 0)
                    c.type = t;
            }
            /* 지원책을 내놨다, 대응 방안을 내놓았다: a policy put out is a
             * plan made public (announce), not a product or a report (the
             * last word ends in one of events.yaml policy_ends and is
             * longer: 책 alone is a book) */
            if (c.type == ex_type_index("release") && c.obj[0] && !w->in_quote) {
                const char *sp = strrchr(c.obj, ' '), *last = sp ? sp + 1 : c.obj;
                size_t ll = strlen(last);
                for (int k = 0; GW(policy_ends)[k]; k++) {
                    size_t pl = strlen(GW(policy_ends)[k]);
                    if (ll > pl && !strcmp(last + ll - pl, GW(policy_ends)[k])) {
                        c.type = ex_type_index("announce");
                        break;
                    }
                }
            }
            /* 물가 전망치도 발표했다: an object marked with 도 that names
             * an act types the announcement too */
            /* (관세도 인상했다: a lemma read by the morphology as well,
             * when object_typed_lemmas lists it) */
            if (c.announce && !c.plan && !c.obj[0] && by_obj) {
                char o[sizeof c.obj];
                int a = object_with_do(x, &c, o, sizeof o);
                int t = a >= 0 ? ex_noun_type(x->ev, o, strlen(o)) : -1;
                if (t >= 0) {
                    memcpy(c.obj, o, sizeof c.obj);
                    c.objw = a;
                    c.type = t;
                }
            }
        }
        /* 관세를 부과하는 행정명령에 서명했다: signing a measure that an
         * adnominal verb fills is the act it tells (measure_sign_verbs) */
        if (!c.obj[0] && !w->in_quote && starts_any(s, w->ce, w->cs, GW(measure_sign_verbs))) {
            int k = word_at(x, c.ps) - 1;
            if (k > 0 && x->w[k].particle == EX_P_DAT && x->w[k].ps > x->w[k].cs) {
                char o[64];
                copy_word(x, x->w[k].cs, x->w[k].ps, o, sizeof o);
                int t = o[0] && filled_head(o) ? adnominal_before(x, k) : -1;
                if (t >= 0)
                    c.type = t;
            }
        }
        /* a plan decided (만들기로 했다) is typed by what it makes or
         * raises (GUIDELINES: the act's type), also when that thing is
         * marked with 도 (기금도 만들기로 했다) or is not the phrase's head
         * (투자 세액공제 범위를 올리기로: the last word that names an act) */
        if (c.announce && c.plan)
            plan_object_type(x, &c);
        /* …포함한다고 발표했다, …부과하기로 발표했다: the act announced
         * gives the type (an announce verb that is no speech verb; those
         * are the statements') */
        if (c.announce && !c.obj[0] && c.wi > 0 && !starts_any(s, w->ce, w->cs, speech_verbs)) {
            const ex_word *pv = &x->w[c.wi - 1];
            int said = 0;
            for (int k = 0; !said && quote_words[k]; k++)
                said = ex_ends(s, pv->cs, pv->ce, quote_words[k]);
            said = said && !pv->in_quote;
            int t = said ? embedded_type(x, pv) : -1;
            if (t >= 0)
                c.type = t;
        }
        /* a hint at a coercive act to come (추가 제재를 시사했다, 개입을
         * 시사하는 발언): a threat, pledge (GUIDELINES: a vow, threat or
         * warning), not the act nor a plan */
        if (c.obj[0] && c.wi >= 0 && starts_any(s, x->w[c.wi].ce, c.ps, GW(threat_hint_verbs)) &&
            threat_phrase(x, &c))
            c.type = ex_type_index("pledge");
        /* 구두개입성 발언을 내놨다: a remark put out is a statement, not
         * a report published (GUIDELINES: type by content): a warning or
         * a threat is pledge, any other remark announce */
        if (c.type == ex_type_index("release") && c.obj[0] && last_word_in(c.obj, GW(remark_nouns)))
            c.type = ex_type_index(warning_remark(x, &c) ? "pledge" : "announce");
        /* 인력 감축 계획을 내놨다, 지원 대책을 내놓았다: a plan put out is
         * announced, of the type of the act it names (투자 계획: invest),
         * not a product released */
        if (c.type == ex_type_index("release") && c.obj[0] && last_word_in(c.obj, GW(plan_object_nouns))) {
            int t = object_type(x, c.obj);
            c.type = t >= 0 && t != ex_type_index("release") ? t : ex_type_index("announce");
        }
        /* 새 규제를 공개했다, 보복 관세안을 내놨다, 새 규정을 내놓았다: a
         * measure put out is the measure (its noun's restrict), or
         * announced (a measure noun naming no type: 지침) */
        else if (c.type == ex_type_index("release") && c.obj[0]) {
            int t = object_type(x, c.obj);
            if (t == ex_type_index("restrict"))
                c.type = t;
            else if (last_word_in(c.obj, GW(measure_object_nouns)))
                c.type = t >= 0 && t != ex_type_index("release") ? t : ex_type_index("announce");
        }
        /* 재판이 열린다, 첫 공판은 다음 달 열린다: a sitting held is of
         * the type its subject names (events.yaml held_verbs) */
        if (c.type == ex_type_index("meet") && !c.obj[0] && c.wi >= 0 &&
            starts_any(s, x->w[c.wi].ce, c.ps, GW(held_verbs)) > 0) {
            for (int k = c.wi - 1; k >= 0 && k >= c.wi - 4; k--) {
                const ex_word *v = &x->w[k];
                if (v->in_quote || (v->particle != EX_P_SUBJ && v->particle != EX_P_TOPIC))
                    continue;
                int t = v->ps > v->cs ? ex_noun_type(x->ev, s + v->cs, v->ps - v->cs) : -1;
                if (t >= 0)
                    c.type = t;
                break;
            }
        }
        KG_VEC_PUSH(*out, n, *cap);
        (*out)[n++] = c;
        wi = (size_t)c.wi;
    }
    return n;
}

/* ---- events of a sentence ---- */

/* The last offset in [a, b) where word starts a word, or (size_t)-1. */
static size_t find_word(const exdoc *x, size_t a, size_t b, const char *word)
{
    size_t l = strlen(word), found = (size_t)-1;
    for (size_t i = a; i + l <= b;) {
        const char *p = memmem(x->s + i, b - i, word, l);
        if (!p)
            break;
        size_t at = (size_t)(p - x->s);
        if (at == a || x->s[at - 1] == ' ' || x->s[at - 1] == '\n')
            found = at;
        i = at + 1;
    }
    return found;
}

static int clause_has(const exdoc *x, size_t a, size_t b, const char *const *list)
{
    for (int k = 0; list[k]; k++)
        if (find_word(x, a, b, list[k]) != (size_t)-1)
            return 1;
    return 0;
}

/* Boundary words: a clause ends after them. */
static int ends_clause(const exdoc *x, const ex_word *w)
{
    return (w->e > w->ce && x->s[w->e - 1] == ',') || ex_ends_any(x->s, w->cs, w->ce, clause_ends);
}

/* 1 if one of the n actor mentions v is actor id. */
static int role_has(const int *v, int n, const char *id, const exdoc *x)
{
    for (int i = 0; i < n; i++)
        if (!strcmp(x->m->v[v[i]].id, id))
            return 1;
    return 0;
}

static void add_role(int *v, int *n, int m, const exdoc *x)
{
    if (!role_has(v, *n, x->m->v[m].id, x) && *n < 4)
        v[(*n)++] = m;
}

/* 1 if an actor mention of the sentence overlaps word w. */
static int word_has_actor(const exdoc *x, const ex_word *w)
{
    for (size_t q = x->a0; q < x->a1; q++) {
        const kg_mention *m = &x->m->v[x->act[q]];
        if (m->nstart < w->e && m->nend > w->s)
            return 1;
    }
    return 0;
}

/* 1 if word k is, before its particle, a bound noun that closes an
 * adnominal clause into a phrase (relations.yaml clause_nouns: 것, 데). */
static int clause_noun_word(const exdoc *x, int k)
{
    pthread_once(&lists_once, lists_init);
    const kg_gram_list *cn = clause_noun_list;
    const ex_word *w = &x->w[k];
    for (size_t i = 0; cn && i < cn->n; i++) {
        size_t l = strlen(cn->e[i].form);
        if (w->cs == w->s && w->ps == w->cs + l && !memcmp(x->s + w->cs, cn->e[i].form, l))
            return 1;
    }
    return 0;
}

/* 1 if the word before the predicate at ps is a bound noun that closes
 * an adnominal clause (미국이 관세를 올린 데 반발해, 올린 것에 맞서): the
 * clause's subject is its own, not the predicate's. */
static int closed_clause_before(const exdoc *x, size_t ps)
{
    int k = word_at(x, ps) - 1;
    if (k < 1 || x->w[k].in_quote || !clause_noun_word(x, k))
        return 0;
    /* the word before: an adnominal verb form (올린, 강화한; 막은, 하는
     * read as a topic: the bound noun after it says it is none) */
    const ex_word *v = &x->w[k - 1];
    if ((v->particle != EX_P_NONE && v->particle != EX_P_TOPIC) || v->ce <= v->cs || v->ce != v->e)
        return 0;
    size_t cl;
    uint32_t last = ex_cp(x->s, v->ce, ex_prev(x->s, v->ce), &cl);
    return ex_jong(last) == EX_JONG_N || ex_ends_any(x->s, v->cs, v->ce, adnominal_ends);
}

/* 1 if role r is a country bare before nouns (no particle of its own)
 * whose phrase names an act or a site (독일 공장 건설 계획도, 일본 공장
 * 증설은: a word of it ends in an event noun of the lexicon, or is a site
 * noun, events.yaml site_nouns): the country says where, the phrase is
 * what is acted on, not who acts. */
static int country_modifier(const exdoc *x, const ex_role *r)
{
    /* (a body or company bare before an act noun too: WTO 제소도
     * 검토했다, 엔비디아 인수도 추진했다 — the forum or the object of
     * the act, not its doer; a person is named as a doer) */
    const char *t = x->m->v[r->m].type;
    int body = !r->country && t && strcmp(t, "person") != 0;
    if ((!r->country && !body) || r->own || r->hops < 1 || (r->role != EX_P_SUBJ && r->role != EX_P_TOPIC))
        return 0;
    int pw = word_at(x, r->pend ? r->pend - 1 : 0);
    for (int k = r->wi + 1; k >= 1 && k <= pw && (size_t)k < x->nw; k++) {
        const ex_word *w = &x->w[k];
        size_t end = k == pw ? w->ps : w->ce;
        if (end > w->cs && (ex_noun_type(x->ev, x->s + w->cs, end - w->cs) >= 0 ||
                            (!body && is_word(x->s, w->cs, end, GW(site_nouns)))))
            return 1;
    }
    return 0;
}

static void fill_roles(exdoc *x, ex_event *e, const cand *c)
{
    /* …에서 열린: the place of a meeting, not who met */
    x->loc_is_venue = strcmp(kg_event_types[e->type], "meet") == 0;
    /* agent: the nearest subject or topic before the predicate; a
     * statement belongs to the topic (X는 [Y가 …한다는] 관측을 제시했다) */
    int best = -1, topic = -1, modifier = -1, first = -1;
    for (size_t k = 0; k < x->nr; k++) {
        const ex_role *r = &x->r[k];
        if (r->in_quote || r->pend > c->ps || !is_subject(x, r))
            continue;
        if (x->r[k].next >= 0)
            continue; /* take the phrase from its last member */
        if (first < 0 && !r->gen)
            first = (int)k;
        /* a clause that modifies a noun has its own subject (…이 설립한)
         * or none; the sentence's topic (X는) is not inside it */
        if ((e->f & EX_F_ADNOM) && (r->role != EX_P_SUBJ || r->pend < e->chain))
            continue;
        /* X는 독일 공장 건설 계획도 철회했다: a country that only says
         * where an act is (country_modifier) loses to another subject or
         * topic; it stays the doer when none names one */
        /* (G20 정상회의가 열린: the body whose meeting is held is its
         * doer; a country of one stays a place) */
        if (phrase_start(x, k) == k && country_modifier(x, r) && !(x->loc_is_venue && !r->country)) {
            modifier = (int)k;
            continue;
        }
        if (best < 0 || r->pend >= x->r[best].pend)
            best = (int)k;
        if (r->role == EX_P_TOPIC)
            topic = (int)k;
    }
    if (best < 0 && modifier >= 0) {
        best = modifier;
        if (x->r[modifier].role == EX_P_TOPIC)
            topic = modifier;
    }
    const char *tn = kg_event_types[e->type];
    int statement = c->announce || !strcmp(tn, "announce") || !strcmp(tn, "protest") || !strcmp(tn, "pledge");
    if (topic >= 0 && statement)
        best = topic;
    /* X는 Y가 … 않고 있다며 … 인상하겠다고 밝혔다: a subject inside what X
     * says (closed by 다며, 라고 …) is not the doer of the act after it */
    /* (so is one inside what a subject says: 상무부가 화웨이의 장비가 …
     * 위협한다고 발표했다, 법원이 구글의 사업이 …했다고 판결했다) */
    int outer = topic >= 0 ? topic : first;
    if (outer >= 0 && best >= 0 && best != outer && x->r[outer].pend < x->r[best].pend) {
        int bw = word_at(x, x->r[best].pend ? x->r[best].pend - 1 : 0), pw = word_at(x, c->ps);
        for (int k = bw + 1; bw >= 0 && k < pw; k++)
            if (!x->w[k].in_quote && ex_ends_any(x->s, x->w[k].cs, x->w[k].ce, quote_words)) {
                best = outer;
                break;
            }
    }
    /* 미국이 관세를 올린 데 반발해: a subject inside an adnominal clause
     * that a bound noun closes (relations.yaml clause_nouns: 데, 것에) is
     * that clause's doer, not the doer of the act after it; the noun
     * right before the predicate (올린 데 이어 … 시사한: the clause goes
     * on with its doer) */
    /* its doer is the subject of the clause after it (… 반발해 중국은
     * 수출을 막았다), if one follows */
    if (closed_clause_before(x, c->ps)) {
        best = -1;
        for (size_t k = 0; k < x->nr; k++) {
            const ex_role *r = &x->r[k];
            if (r->in_quote || r->pend <= c->ps || !is_subject(x, r) || r->next >= 0)
                continue;
            best = (int)k;
            break;
        }
    }
    /* X가 발표한 순위에 따르면 R2는 … 앞섰다: a subject inside a source
     * cited by 따르면 is not the doer */
    int cited = 0;
    if (best >= 0) {
        int bw = word_at(x, x->r[best].pend ? x->r[best].pend - 1 : 0), pw = word_at(x, c->ps);
        for (int k = bw + 1; bw >= 0 && k < pw; k++)
            if (ex_at_any(x->s, x->w[k].ce, x->w[k].cs, GW(hearsay_words))) {
                best = -1;
                cited = 1; /* (nor an actor of the clause that follows, below) */
                break;
            }
    }
    /* 연준이 금리를 동결하면서 국내 주가는 2% 올랐다: a move whose own
     * subject, after the actor's, is a market's (market_subjects, or a
     * sector's stocks: 관련주가 일제히 올랐다) is no
     * act of that actor, unless a company (its shares, its sales) */
    /* (a company's own shares are its: 삼성전자는 … 주가가 올랐다) */
    /* (a sector's stocks are no company's own: 한빛전자가 … 공개한 뒤
     * 자동차주는 내렸다) */
    const char *bt = best >= 0 ? x->m->v[x->r[best].m].type : NULL;
    int own_shares = bt && !strcmp(bt, "company");
    if (best >= 0 && e->type == ex_type_index("other") && !cited) {
        int bw = word_at(x, x->r[best].pend ? x->r[best].pend - 1 : 0), pw = word_at(x, c->ps);
        for (int k = bw + 1; bw >= 0 && k < pw; k++) {
            const ex_word *sw = &x->w[k];
            if ((sw->particle == EX_P_SUBJ || sw->particle == EX_P_TOPIC) && !sw->in_quote && !word_has_actor(x, sw) &&
                ((!own_shares && starts_any(x->s, sw->ps, sw->cs, market_subjects) > 0) ||
                 ex_stock_stem(x->s, sw->cs, sw->ps, stock_suffixes))) {
                best = -1;
                break;
            }
        }
    }
    /* X는 … 연구진이 세웠다: a subject that is no actor right before the
     * predicate is its subject; the topic is what it acts on */
    int topic_target = -1;
    if (best >= 0 && best == topic && !statement) {
        int pw = word_at(x, c->ps);
        if (pw > 0) {
            const ex_word *sw = &x->w[pw - 1];
            if (sw->particle == EX_P_SUBJ && !sw->in_quote && !word_has_actor(x, sw) && sw->s >= x->r[topic].pend) {
                topic_target = topic;
                best = -1;
            }
        }
    }
    if (best >= 0) {
        int heads[4];
        int n = phrase_heads(x, phrase_start(x, (size_t)best), heads, 4);
        for (int i = 0; i < n; i++)
            add_role(e->agent, &e->n_agent, heads[i], x);
        e->subj_in_clause = x->m->v[x->r[best].m].nstart >= e->cs;
        /* (…하고 일본 공장 증설은 늦추기로 했다: the act named as the
         * clause's topic makes it a clause of its own, not one act in two
         * verbs with the one before) */
        if (modifier >= 0 && best != modifier && x->m->v[x->r[modifier].m].nstart >= e->cs)
            e->subj_in_clause = 1;
    }
    /* 그는 … 투자 계획을 발표하겠다고 밝혔다: a sentence opened by a
     * pronoun of a person (events.yaml person_pronouns) with no actor as
     * its subject: the person named last in the two sentences before */
    if (best < 0 && !cited && topic_target < 0 && !e->n_agent && x->nw && !x->w[0].in_quote &&
        x->w[0].e <= c->ps && is_word(x->s, x->w[0].cs, x->w[0].ce, GW(person_pronouns)) && e->sent > 0) {
        size_t from = x->t->sent[e->sent >= 2 ? e->sent - 2 : 0].nstart;
        for (size_t q = x->a0; q-- > 0;) {
            const kg_mention *m = &x->m->v[x->act[q]];
            if (m->nstart < from)
                break;
            if (m->type && !strcmp(m->type, "person")) {
                add_role(e->agent, &e->n_agent, x->act[q], x);
                break;
            }
        }
    }
    /* an adnominal clause without a subject: the phrase it modifies */
    int head_end = c->wi; /* the last word of the phrase the clause modifies */
    while ((size_t)head_end + 1 < x->nw && head_end - c->wi < 4) {
        head_end++;
        const ex_word *hw = &x->w[head_end];
        if (hw->particle != EX_P_NONE && hw->particle != EX_P_GEN && hw->particle != EX_P_CONJ)
            break;
    }
    if (!e->n_agent && (e->f & EX_F_ADNOM)) {
        for (size_t k = 0; k < x->nr; k++) {
            const kg_mention *m = &x->m->v[x->r[k].m];
            if (m->nstart < c->me)
                continue;
            int wi = word_at(x, m->nstart);
            if (wi < 0 || wi > head_end)
                break;
            int heads[4];
            int n = phrase_heads(x, phrase_start(x, k), heads, 4);
            for (int i = 0; i < n; i++)
                add_role(e->agent, &e->n_agent, heads[i], x);
            break;
        }
    }
    /* else an actor that modifies a noun of the clause (인식트그룹 보고서),
     * unless the clause has a subject that is not an actor (이 모델은 …) */
    int other_subject = 0;
    for (int k = word_at(x, e->cs); k >= 0 && (size_t)k < x->nw && x->w[k].s < c->ps; k++) {
        const ex_word *w = &x->w[k];
        if ((w->particle != EX_P_SUBJ && w->particle != EX_P_TOPIC) || w->in_quote)
            continue;
        if (!word_has_actor(x, w))
            other_subject = 1;
    }
    if (!e->n_agent && !other_subject && !cited) {
        for (size_t k = x->nr; k-- > 0;) {
            const ex_role *r = &x->r[k];
            const kg_mention *m = &x->m->v[r->m];
            if (r->in_quote || m->nstart < e->cs || m->nend > c->ps)
                continue;
            /* (not the owner of what is acted on: 삼성전자의 영업이익을
             * 넘어섰다 is done to Samsung's figure) */
            if ((r->role == EX_P_NONE || r->gen || r->mod || !r->own) && !r->country &&
                !r->in_title && !(r->gen && r->role == EX_P_OBJ)) {
                add_role(e->agent, &e->n_agent, r->m, x);
                break;
            }
        }
    }
    /* target: 에 대한 / 에 대해 / 을 겨냥해 / 을 대상으로, else the object */
    for (size_t k = 0; k < x->nr; k++) {
        const ex_role *r = &x->r[k];
        const kg_mention *m = &x->m->v[r->m];
        if (r->in_quote || m->nstart < e->cs || r->pend > c->ps)
            continue;
        if ((r->role != EX_P_DAT && r->role != EX_P_OBJ) || r->hops > 1)
            continue;
        int wi = word_at(x, r->pend ? r->pend - 1 : 0);
        if (wi >= 0 && word_is(x, wi + 1, target_words)) {
            int heads[4];
            int n = phrase_heads(x, phrase_start(x, k), heads, 4);
            for (int i = 0; i < n; i++)
                add_role(e->target, &e->n_target, heads[i], x);
        }
    }
    if (!e->n_target) {
        for (size_t k = x->nr; k-- > 0;) {
            const ex_role *r = &x->r[k];
            const kg_mention *m = &x->m->v[r->m];
            if (r->in_quote || m->nstart < e->cs || r->pend > c->ps || r->role != EX_P_OBJ ||
                r->hops > 1)
                continue;
            int heads[4];
            int n = phrase_heads(x, phrase_start(x, k), heads, 4);
            for (int i = 0; i < n; i++)
                add_role(e->target, &e->n_target, heads[i], x);
            break;
        }
    }
    if (!e->n_target && topic_target >= 0) {
        int heads[4];
        int n = phrase_heads(x, phrase_start(x, (size_t)topic_target), heads, 4);
        for (int i = 0; i < n; i++)
            add_role(e->target, &e->n_target, heads[i], x);
    }
    /* a meeting has no target: who met with the subject (X와 만났다, X와
     * 정상회담을 가졌다) is one of its agents */
    if (strcmp(kg_event_types[e->type], "meet") == 0)
        for (size_t k = 0; k < x->nr; k++) {
            const ex_role *r = &x->r[k];
            const kg_mention *m = &x->m->v[r->m];
            if (r->in_quote || m->nstart < e->cs || r->pend > c->ps || r->role != EX_P_CONJ || r->next >= 0)
                continue;
            int heads[4];
            int n = phrase_heads(x, phrase_start(x, k), heads, 4);
            for (int i = 0; i < n; i++)
                add_role(e->agent, &e->n_agent, heads[i], x);
        }
    /* the partner of a joint act: X와 손을 잡고, X와 협력해 */
    if (strcmp(kg_event_types[e->type], "cooperate") == 0)
        for (size_t k = 0; k < x->nr; k++) {
            const ex_role *r = &x->r[k];
            const kg_mention *m = &x->m->v[r->m];
            if (!r->in_quote && m->nstart >= e->cs && r->pend <= c->ps && r->role == EX_P_CONJ &&
                r->next < 0)
                add_role(e->target, &e->n_target, r->m, x);
        }
    if (!e->n_target && (e->f & EX_F_ADNOM) && e->subj_in_clause) {
        for (size_t k = 0; k < x->nr; k++) {
            const kg_mention *m = &x->m->v[x->r[k].m];
            if (m->nstart < c->me)
                continue;
            int wi = word_at(x, m->nstart);
            if (wi < 0 || wi > head_end)
                break;
            int heads[4];
            int n = phrase_heads(x, phrase_start(x, k), heads, 4);
            for (int i = 0; i < n; i++)
                add_role(e->target, &e->n_target, heads[i], x);
            break;
        }
    }
    /* an actor is not its own target */
    for (int i = 0; i < e->n_target; i++)
        for (int j = 0; j < e->n_agent; j++)
            if (strcmp(x->m->v[e->target[i]].id, x->m->v[e->agent[j]].id) == 0) {
                memmove(e->target + i, e->target + i + 1,
                        (size_t)(e->n_target - i - 1) * sizeof *e->target);
                e->n_target--;
                i--;
                break;
            }
}

/* 1 if the predicate's word goes on with a passive light verb after
 * its stem (부과된다, 적용됐고, 훈련됐다). */
static int passive_word(const exdoc *x, const cand *c)
{
    const ex_word *w = &x->w[c->wi];
    for (size_t o = c->ps; o < w->ce; o++)
        if (((unsigned char)x->s[o] & 0xC0) != 0x80 && o > c->ps &&
            starts_any(x->s, w->ce, o, passive_light_verbs) > 0)
            return 1;
    return 0;
}

/* The agent and date lists of session 7 (events.yaml price_words,
 * said_final, said_not_past, possessive_particles), looked up once. */
static const char *const *price_words, *const *said_final, *const *said_not_past, *const *possessive_particles,
    *const *source_words;
static pthread_once_t agdate_once = PTHREAD_ONCE_INIT;

static void agdate_init(void)
{
    price_words = kg_gram_words("events", "price_words");
    said_final = kg_gram_words("events", "said_final");
    said_not_past = kg_gram_words("events", "said_not_past");
    possessive_particles = kg_gram_words("events", "possessive_particles");
    source_words = kg_gram_words("events", "source_words");
}

/* The one acted on is not its own doer: clears e's agents when one of
 * them is its target. */
static void drop_self_agent(const exdoc *x, ex_event *e)
{
    for (int i = 0; i < e->n_target; i++)
        for (int j = 0; j < e->n_agent; j++)
            if (strcmp(x->m->v[e->target[i]].id, x->m->v[e->agent[j]].id) == 0) {
                e->n_agent = 0;
                return;
            }
}

/* The subject w of e is a figure with no owner in its clause (수출이 10%
 * 줄었다): the actor it was last told of as a subject right before it
 * (한국 수출이, 한국의 수출은), searched back through the story, then on
 * through the next two sentences. Sets e's agent; 1 if found. */
static int possessor(const exdoc *x, ex_event *e, const ex_word *w)
{
    pthread_once(&agdate_once, agdate_init);
    int l = starts_any(x->s, w->ps, w->cs, market_subjects);
    if (l <= 0)
        return 0;
    const char *noun = x->s + w->cs;
    /* the end of the next two sentences (at most 600 bytes on) */
    size_t lim = x->se, ahead = 0;
    for (size_t i = x->se; i < x->len && ahead < 2 && i < x->se + 600; i++)
        if (x->s[i] == '.' && (i + 1 >= x->len || x->s[i + 1] == ' ' || x->s[i + 1] == '\n')) {
            lim = i;
            ahead++;
        }
    size_t here = ex_first_at(x, x->act, x->n_act, w->s);
    size_t next = ex_first_at(x, x->act, x->n_act, x->se);
    for (int pass = 0; pass < 2; pass++) {
        /* back at most 64 actor mentions, then ahead */
        size_t n = pass == 0 ? (here < 64 ? here : 64) : x->n_act - next;
        for (size_t c = 0; c < n; c++) {
            int mi = x->act[pass == 0 ? here - 1 - c : next + c];
            const kg_mention *m = &x->m->v[mi];
            if (pass == 1 && m->nend >= lim)
                break;
            size_t i = m->nend, pl = (size_t)starts_any(x->s, x->len, i, possessive_particles);
            i += pl;
            if (i >= x->len || x->s[i] != ' ' || (size_t)l > x->len - i - 1 ||
                memcmp(x->s + i + 1, noun, (size_t)l) != 0)
                continue;
            size_t j = i + 1 + (size_t)l;
            while (j < x->len && x->s[j] != ' ' && x->s[j] != '\n' && j - i < 24)
                j++;
            /* (as a subject: 한국 수출이, not an object 삼성전자 영업이익을) */
            ex_word t;
            memset(&t, 0, sizeof t);
            t.s = i + 1;
            t.e = j;
            ex_word_core(x->s, &t);
            ex_word_particle(x->s, &t);
            if (t.particle != EX_P_SUBJ && t.particle != EX_P_TOPIC)
                continue;
            e->agent[0] = mi;
            e->n_agent = 1;
            return 1;
        }
    }
    return 0;
}

/* Makes the actor mention m (index mi) e's doer: added to the agents
 * (after clearing them when alone is set) and taken out of the targets. */
static void make_doer(const exdoc *x, ex_event *e, int mi, int alone)
{
    const kg_mention *m = &x->m->v[mi];
    if (alone)
        e->n_agent = 0;
    add_role(e->agent, &e->n_agent, mi, x);
    int n = 0;
    for (int i = 0; i < e->n_target; i++)
        if (strcmp(x->m->v[e->target[i]].id, m->id) != 0)
            e->target[n++] = e->target[i];
    e->n_target = n;
}

/* A bill that passes a body (법안이 국회 본회의를 통과했다,
 * 예산안이 이사회를 통과했다: events.yaml body_object_verbs) was passed
 * by that body: the actor named in the object right before the verb (in
 * its word or the word before it, a compound: 국회 본회의를) is the doer. */
static void body_object_agent(const exdoc *x, ex_event *e)
{
    if (starts_any(x->s, e->pe, e->ps, GW(body_object_verbs)) <= 0)
        return;
    int wp = word_at(x, e->ps) - 1;
    if (wp < 0 || x->w[wp].particle != EX_P_OBJ || x->w[wp].s < e->cs)
        return;
    size_t from = wp > 0 && x->w[wp - 1].particle == EX_P_NONE && x->w[wp - 1].s >= e->cs ? x->w[wp - 1].s
                                                                                             : x->w[wp].s;
    for (size_t q = x->a0; q < x->a1; q++) {
        const kg_mention *m = &x->m->v[x->act[q]];
        if (m->nstart >= from && m->nend <= x->w[wp].e) {
            make_doer(x, e, x->act[q], 0); /* (the doer, no longer the target) */
            return;
        }
    }
}

/* 장관 주재로 회의를 열었다, "실장 주재로 회의를 개최할 예정": a meeting
 * whose clause names its chair (a person in the two words right before a
 * word of events.yaml chair_words: the name, or the name and a title) is
 * done by the chair, not by the office that tells of it. */
static void chair_agent(const exdoc *x, ex_event *e, size_t ps)
{
    if (e->type != ex_type_index("meet"))
        return;
    for (size_t k = 1; k < x->nw && x->w[k].s < ps; k++) {
        const ex_word *w = &x->w[k];
        if (w->s < e->cs || !starts_any(x->s, x->len, w->cs, GW(chair_words)))
            continue;
        /* (the name, or the name and the title after it: 김 장관 주재로) */
        size_t from = x->w[k >= 2 ? k - 2 : k - 1].s;
        if (from < e->cs)
            from = e->cs;
        for (size_t q = x->a0; q < x->a1; q++) {
            const kg_mention *m = &x->m->v[x->act[q]];
            if (m->nstart < from || m->nend > w->s || !m->type || strcmp(m->type, "person") != 0)
                continue;
            make_doer(x, e, x->act[q], 1);
            return;
        }
    }
}

/* The last event told outside quotes with a doer, in e's sentence or the
 * two before and in the same block (headline or body); NULL if none. */
static const ex_event *last_doer(const exdoc *x, const ex_event *e, int passive)
{
    const ex_event *protest = NULL;
    for (size_t k = x->n_ev; k-- > 0;) {
        const ex_event *p = &x->ev_v[k];
        if (p->sent + 2 < e->sent)
            break;
        if (p->dropped || p->quoted || !p->n_agent || p->title_line != e->title_line)
            continue;
        /* a passive measure (대상에 7곳이 포함됐다) was laid by the side
         * that acts, not by the side that protested in between (the
         * protest's side when no act is told in the window) */
        if (passive && p->type == ex_type_index("protest") && e->type != p->type) {
            if (!protest)
                protest = p;
            continue;
        }
        return p;
    }
    return protest;
}

/* Reads the measure nouns (events.yaml passive_measure_nouns, the
 * longest at each place: 보복관세 before 관세) in s[a, b): the index of
 * the last one, or 1 if want (>= 0) is one of them (0 if not). */
static int measure_nouns(const exdoc *x, size_t a, size_t b, int want)
{
    const char *const *list = GW(passive_measure_nouns);
    int last = -1;
    for (size_t i = a; i < b;) {
        int hit = -1;
        for (int k = 0; list[k] && hit < 0; k++)
            if (ex_at(x->s, b, i, list[k]))
                hit = k;
        if (hit >= 0) {
            if (want >= 0 && hit == want)
                return 1;
            last = hit;
            i += strlen(list[hit]);
            continue;
        }
        i++;
        while (i < b && ((unsigned char)x->s[i] & 0xC0) == 0x80)
            i++;
    }
    return want >= 0 ? 0 : last;
}

/* A measure told in the passive (추가 관세가 부과된다, 보복관세가
 * 시행되고) was laid by the side the text told laying that same measure
 * before (EU가 … 관세를 부과했다): the last event outside quotes, in the
 * same block, with a doer, no protest nor an act received, whose clause
 * holds the passive clause's last measure noun; NULL if none. */
static const ex_event *measure_doer(const exdoc *x, const ex_event *e)
{
    int want = measure_nouns(x, e->cs, e->ps, -1);
    if (want < 0)
        return NULL;
    for (size_t k = x->n_ev; k-- > 0;) {
        const ex_event *p = &x->ev_v[k];
        if (p->dropped || p->quoted || p->received || !p->n_agent || p->title_line != e->title_line ||
            p->type == ex_type_index("protest") || p->cs >= e->cs)
            continue;
        /* (its clause with the adnominal phrases before it: 관세를 부과하는
         * 방안을 통과시켰다, from the end of the sentence's act before) */
        size_t from = p->sent < x->t->n_sent ? x->t->sent[p->sent].nstart : p->cs;
        if (k > 0 && x->ev_v[k - 1].sent == p->sent && x->ev_v[k - 1].pe > from && x->ev_v[k - 1].pe <= p->cs)
            from = x->ev_v[k - 1].pe;
        if (from > p->cs)
            from = p->cs;
        if (measure_nouns(x, from, p->pe, want))
            return p;
    }
    return NULL;
}

/* 1 if e tells a thing changing by itself (물가 상승세가 둔화되자, 업황이
 * 악화됐다: a light verb 되다 on a change, type other) whose subject, no
 * actor, is told in its clause: done by no one, and done to no actor
 * (the topic before it, 한국은행은 …, is the next clause's doer). */
static int self_change(const exdoc *x, const ex_event *e)
{
    if (e->type != ex_type_index("other"))
        return 0;
    for (size_t k = 0; k < x->nw && x->w[k].s < e->ps; k++) {
        const ex_word *w = &x->w[k];
        if (w->s >= e->cs && !w->in_quote && !w->quote_close && w->particle == EX_P_SUBJ && !word_has_actor(x, w))
            return 1;
    }
    return 0;
}

/* 애플에 벌금을 부과했다, 중국에 수출을 금지했다: the side a restriction
 * or a penalty is laid on, told with 에 in an active clause, is its
 * target when the clause names none other. */
static void dative_target(const exdoc *x, ex_event *e, const cand *c)
{
    if (e->n_target || (e->type != ex_type_index("restrict") && e->type != ex_type_index("legal")))
        return;
    for (size_t k = x->nr; k-- > 0;) {
        const ex_role *r = &x->r[k];
        const kg_mention *m = &x->m->v[r->m];
        if (r->in_quote || m->nstart < e->cs || r->pend > c->ps || r->role != EX_P_DAT || r->hops > 1 || r->country)
            continue;
        /* (법원에 따르면: the source told, not the target) */
        int wi = word_at(x, r->pend ? r->pend - 1 : 0);
        if (wi >= 0 && (size_t)wi + 1 < x->nw &&
            ex_at_any(x->s, x->w[wi + 1].ce, x->w[wi + 1].cs, GW(hearsay_words)))
            continue;
        /* 구글에 30억원, 애플에 20억원의 과징금을: sides listed each with
         * its amount, a comma after each amount, are targets too (in
         * text order) */
        size_t list[8];
        int nl = 0;
        list[nl++] = phrase_start(x, k);
        for (size_t j = list[0]; j-- > 0 && nl < 8;) {
            const ex_role *q = &x->r[j];
            size_t later = x->m->v[x->r[list[nl - 1]].m].nstart;
            /* (the comma may have ended e's clause: the sentence's words) */
            if (q->in_quote || x->nw == 0 || x->m->v[q->m].nstart < x->w[0].s || q->pend > later)
                break;
            if (q->role != EX_P_DAT || q->hops > 1 || q->country)
                continue;
            int wj = word_at(x, q->pend ? q->pend - 1 : 0), wk = word_at(x, later);
            if (wj < 0 || wk <= wj + 1 || wk > wj + 3 || x->s[x->w[wk - 1].e - 1] != ',')
                break;
            int figs = 1;
            for (int w = wj + 1; w < wk; w++)
                figs &= figure_word(x, &x->w[w]);
            if (!figs)
                break;
            j = phrase_start(x, j);
            list[nl++] = j;
        }
        for (int l = nl; l-- > 0;) {
            int heads[4];
            int n = phrase_heads(x, list[l], heads, 4);
            for (int i = 0; i < n; i++)
                if (!role_has(e->agent, e->n_agent, x->m->v[heads[i]].id, x))
                    add_role(e->target, &e->n_target, heads[i], x);
        }
        return;
    }
}

/* A clause with no actor as its doer (a dropped subject: 이 중 첫 팹에
 * 9조원을 투자해; a passive: 추가 관세가 부과된다; a figure as subject:
 * 영업이익은 … 웃돌았다) goes on with the story's last doer (last_doer). */

/* 1 if word k, a subject, is a noun that points back at a company
 * (회사는, 이 회사는: events.yaml company_anaphors; the noun before the
 * particle, with the word before it for a form of two words): e's doer is
 * then the last company told before it, within a few sentences. */
static int company_anaphor(const exdoc *x, ex_event *e, size_t k)
{
    const ex_word *w = &x->w[k];
    if (!subject_form(x, k, GW(company_anaphors)))
        return 0;
    /* (the company that last did something: 카카오는 … 오픈AI와 제휴를
     * 맺었다. 회사는 … is 카카오, not the partner told last) */
    for (size_t q = x->n_ev; q-- > 0;) {
        const ex_event *p = &x->ev_v[q];
        if (p == e || p->dropped || p->quoted || p->ps >= w->s || !p->n_agent)
            continue;
        if (p->ps + 1500 < w->s)
            break;
        const kg_mention *m = &x->m->v[p->agent[0]];
        if (m->type && !strcmp(m->type, "company")) {
            add_role(e->agent, &e->n_agent, p->agent[0], x);
            return 1;
        }
        break;
    }
    for (size_t q = x->a1; q-- > 0;) {
        const kg_mention *m = &x->m->v[x->act[q]];
        if (m->nstart >= w->s)
            continue;
        if (m->nend + 1500 < w->s)
            break;
        if (m->type && !strcmp(m->type, "company")) {
            add_role(e->agent, &e->n_agent, x->act[q], x);
            return 1;
        }
    }
    return 0;
}

static int closed_clause_before(const exdoc *x, size_t ps);
/* The body the person interviewed speaks for: the first company or
 * organisation the article names (the headline's: [인터뷰] 홍길동
 * 한빛AI 대표), a mention of the actor; -1 if none. */
static int interviewee_body(const exdoc *x)
{
    for (size_t k = 0; k < x->n_act; k++) {
        const kg_mention *m = &x->m->v[x->act[k]];
        if (m->type && (!strcmp(m->type, "company") || !strcmp(m->type, "organization")))
            return x->act[k];
    }
    return -1;
}

static void carry_agent(const exdoc *x, ex_event *e, int passive)
{
    /* (올린 데 반발해: the doer before is the closed clause's) */
    if (e->n_agent || e->quoted || closed_clause_before(x, e->ps))
        return;
    /* an interview's answer with no subject (모델 구조를 바꿨다, 투자를
     * 유치했다): the body the person interviewed speaks for */
    if (e->sent < x->t->n_sent && answer_paragraph(x, x->t->sent[e->sent].nstart)) {
        int b = interviewee_body(x);
        if (b >= 0) {
            add_role(e->agent, &e->n_agent, b, x);
            return;
        }
    }
    /* 양국은, 두 회사는: the several actors the last events told of */
    int group = 0;
    const char *gtype = NULL;
    size_t gat = 0;
    for (size_t k = 0; k < x->nw && x->w[k].s < e->ps && !group; k++) {
        const ex_word *w = &x->w[k];
        if (w->in_quote || w->quote_close)
            continue;
        size_t end = k + 1 < x->nw ? x->w[k + 1].ce : w->ce;
        for (int g = 0; group_subjects[g] && !group; g++) {
            size_t l = strlen(group_subjects[g]);
            if (w->s + l <= end && memcmp(x->s + w->s, group_subjects[g], l) == 0)
                group = 1;
        }
        if (group) {
            gat = w->s;
            gtype = starts_any(x->s, end, w->s, GW(group_company_subjects)) > 0   ? "company"
                    : starts_any(x->s, end, w->s, GW(group_country_subjects)) > 0 ? "country"
                                                                                  : NULL;
        }
    }
    if (group) {
        for (size_t k = x->n_ev; k-- > 0;) {
            const ex_event *p = &x->ev_v[k];
            if (p->sent + 3 < e->sent)
                break;
            if (p->dropped || p->title_line != e->title_line)
                continue;
            const int *v = p->n_target >= 2 ? p->target : p->n_agent >= 2 ? p->agent : NULL;
            int n = p->n_target >= 2 ? p->n_target : p->n_agent;
            if (!v)
                continue;
            for (int i = 0; i < n; i++)
                add_role(e->agent, &e->n_agent, v[i], x);
            return;
        }
        /* else the last two actors of the kind the group names (두 회사:
         * companies, 양국: countries) told shortly before it */
        for (size_t q = x->a1; gtype && q-- > 0 && e->n_agent < 2;) {
            const kg_mention *m = &x->m->v[x->act[q]];
            if (m->nstart >= gat)
                continue;
            if (m->nend + 1200 < gat)
                break;
            if (m->type && strcmp(m->type, gtype) == 0)
                add_role(e->agent, &e->n_agent, x->act[q], x);
        }
        if (e->n_agent < 2)
            e->n_agent = 0;
        else /* (in the order told) */
            for (int i = 0, j = e->n_agent - 1; i < j; i++, j--) {
                int t = e->agent[i];
                e->agent[i] = e->agent[j];
                e->agent[j] = t;
            }
        return;
    }
    /* an act received (실형을 선고 받았다) was done by whoever gave it, not
     * by the story's last doer: a mention of the same act may name them
     * (relate.c, share_doers) */
    if (e->received) {
        /* (the one who received it is the story's last doer, when the
         * clause names none: …전직 임원이 실형을 선고 받았다) */
        const ex_event *p = e->n_target ? NULL : last_doer(x, e, 0);
        if (p) {
            memcpy(e->target, p->agent, sizeof e->target);
            e->n_target = p->n_agent;
        }
        return;
    }
    /* a subject of its own that is no actor (the patient of a passive
     * aside): the clause is about it, not about the last doer; a figure
     * of someone's (수출이, 주가가) belongs to whom it was told of */
    int figure_subject = 0;
    for (size_t k = 0; !passive && k < x->nw && x->w[k].s < e->ps; k++) {
        const ex_word *w = &x->w[k];
        if (w->in_quote || w->quote_close || (w->particle != EX_P_SUBJ && w->particle != EX_P_TOPIC))
            continue;
        if (ex_ends_any(x->s, w->cs, w->ce, carry_skip_particles))
            continue;
        if (!word_has_actor(x, w) && starts_any(x->s, w->ps, w->cs, carry_subjects)) {
            figure_subject = 1;
            continue;
        }
        if (word_has_actor(x, w))
            continue;
        /* 회사는, 이 회사는: the company last told of */
        if (company_anaphor(x, e, k))
            return;
        if (starts_any(x->s, w->ps, w->cs, market_subjects) && possessor(x, e, w))
            return;
        return;
    }
    /* a measure told in the passive (추가 관세가 부과된다) was laid by
     * the side told laying that same measure before */
    const ex_event *p = passive ? measure_doer(x, e) : NULL;
    if (p) {
        memcpy(e->agent, p->agent, sizeof e->agent);
        e->n_agent = p->n_agent;
        drop_self_agent(x, e);
        return;
    }
    if (passive && self_change(x, e))
        return;
    p = last_doer(x, e, passive);
    if (p) {
        memcpy(e->agent, p->agent, sizeof e->agent);
        e->n_agent = p->n_agent;
        drop_self_agent(x, e);
        return;
    }
    /* else the story's topic, told of in this paragraph (네이버는 …
     * 개발해왔다. 국내 최초로 인프라를 구축했다.); a passive's subject is
     * what was acted on, and its doer is not the topic */
    /* (a doer's own figures, 영업이익은 … 웃돌았다, are the topic's in the
     * next paragraphs too) */
    if (x->n_topic && !passive && !e->title_line && (x->topic_para == x->para || figure_subject) &&
        x->topic_sent < e->sent) {
        memcpy(e->agent, x->topic, sizeof e->agent);
        e->n_agent = x->n_topic;
        drop_self_agent(x, e);
    }
}

/* Records the topic of sentence si for carry_agent: the first X는
 * phrase of actors outside quotes, else the last X가 one. */
static void remember_topic(exdoc *x, size_t si, int title_line)
{
    if (title_line)
        return;
    int best = -1;
    for (size_t k = 0; k < x->nr; k++) {
        const ex_role *r = &x->r[k];
        if (r->in_quote || r->next >= 0 || r->in_title)
            continue;
        if (r->role == EX_P_TOPIC && r->own) {
            best = (int)k;
            break;
        }
        if (r->role == EX_P_SUBJ && r->own)
            best = (int)k;
    }
    if (best < 0)
        return;
    int heads[4];
    int n = phrase_heads(x, phrase_start(x, (size_t)best), heads, 4);
    if (!n)
        return;
    memcpy(x->topic, heads, sizeof heads);
    x->n_topic = n;
    x->topic_sent = si;
    x->topic_para = x->para;
}

static void set_date_from(exdoc *x, ex_event *e, int ti)
{
    const kg_mention *m = &x->m->v[ti];
    e->time = ti;
    const char *v = m->value;
    size_t l = strlen(v);
    /* an act that starts a period (2017년부터 수립한) happened at its start;
     * a state that holds from then on (2019년부터 추진됐지만, 31일부터
     * 적용된다) is the open period itself */
    if (l > 3 && strcmp(v + l - 3, "/..") == 0 && !(e->pe > e->ps && starts_any(x->s, e->pe, e->ps, GW(ongoing_from_verbs)) > 0))
        l -= 3;
    if (l >= sizeof e->date)
        l = 0;
    memcpy(e->date, v, l);
    e->date[l] = '\0';
    size_t tl = m->nend - m->nstart;
    if (tl >= sizeof e->when)
        tl = sizeof e->when - 1;
    memcpy(e->when, x->s + m->nstart, tl);
    e->when[tl] = '\0';
}

void ex_date_from(exdoc *x, ex_event *e, int ti)
{
    set_date_from(x, e, ti);
}

/* 1 if the two EDTF values are plain points of one precision, a before b
 * (2020-03 and 2020-05; not 2020 and 2020-05, not a range). */
static int points_in_order(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    return la == lb && la >= 4 && !strpbrk(a, "/~?%") && !strpbrk(b, "/~?%") && strcmp(a, b) < 0;
}

/* Widens e's date, taken from the time pick, to the period the clause
 * tells as two times: two coordinated times (4월과 6월 회의에서 …
 * 금리를 내렸다: 4월/6월, korean.yaml's conjunct particles or a comma between
 * them), or a start and an end (3월부터 … 같은 해 9월까지 빼돌린: the
 * start's open range closed by a time that ends in one of events.yaml's
 * range_end_particles). Both times lie in the clause, the first before
 * pick. */
static void join_range(exdoc *x, ex_event *e, int pick)
{
    const kg_mention *m = &x->m->v[pick];
    if (e->date[0] == '\0' || strchr(e->date, '/') || m->nstart < e->cs)
        return;
    for (size_t k = x->t0; k < x->t1; k++) {
        const kg_mention *f = &x->m->v[x->tim[k]];
        if (x->tim[k] == pick || f->nstart < e->cs || f->nend > m->nstart || !f->value[0])
            continue;
        char a[48];
        size_t fl = strlen(f->value);
        if (fl >= sizeof a)
            continue;
        memcpy(a, f->value, fl + 1);
        int from = fl > 3 && strcmp(a + fl - 3, "/..") == 0;
        if (from) {
            /* 3월부터 … 9월까지: m must close the range */
            a[fl - 3] = '\0';
            if (!ex_ends_any(x->s, m->nstart + 1, m->nend, GW(range_end_particles)))
                continue;
        } else {
            /* 4월과 6월: only a conjunct particle or a comma between */
            size_t g = f->nend, ge = m->nstart;
            while (ge > g && x->s[ge - 1] == ' ')
                ge--;
            if (ge > g && x->s[ge - 1] == ',')
                ge--;
            if (ge > g && kg_particle_exact(x->s, g, ge) != KG_PART_CONJ)
                continue;
        }
        if (!points_in_order(a, e->date))
            continue;
        char both[48];
        if (snprintf(both, sizeof both, "%s/%s", a, e->date) >= (int)sizeof both)
            continue;
        memcpy(e->date, both, strlen(both) + 1);
        return;
    }
}

/* 1 if the predicate at e is a speech verb after reported content
 * (…늘었다고 밝혔다, …라고 말했다): the times in the content date what was
 * said, not the saying. */
static int reported_speech(const exdoc *x, const ex_event *e)
{
    if (starts_any(x->s, e->pe, e->ps, speech_verbs) <= 0)
        return 0;
    size_t q = e->ps;
    while (q > e->cs && x->s[q - 1] == ' ')
        q--;
    if (q < e->cs + 3)
        return 0;
    if (ex_ends_any(x->s, e->cs, q, GW(quotative_particles)))
        return 1;
    /* 떨어질 것으로 전망했다: a forecast's content (forecast_content_nouns) */
    int k = word_at(x, q - 1);
    if (k >= 0 && x->w[k].ce == q && is_word(x->s, x->w[k].cs, x->w[k].ce, GW(forecast_content_nouns)))
        return 1;
    return x->s[q - 1] == '"' && ex_ends_any(x->s, e->cs, q - 1, GW(quotative_particles));
}

/* 1 if the time m opens a period that starts after the document date
 * (오는 3월 1일부터: value 2025-03-01/..). */
static int starts_later(const exdoc *x, const kg_mention *m)
{
    size_t l = strlen(m->value);
    return l > 3 && strcmp(m->value + l - 3, "/..") == 0 && after_dct(m->value, &x->dct);
}

/* 1 if the time m is the new time an act is moved to (2030년 이후로
 * 늦추기로 했다, 하반기로 미뤘다): a time glued to or followed by a word of
 * events.yaml reschedule_links, and e's predicate a verb of
 * reschedule_verbs. The time is the target, not the decision's day. */
static int reschedule_time(const exdoc *x, const ex_event *e, const kg_mention *m)
{
    if (!e->pe || !starts_any(x->s, e->pe, e->ps, GW(reschedule_verbs)))
        return 0;
    int k = word_at(x, m->nend > 0 ? m->nend - 1 : 0);
    if (k < 0 || x->w[k].ce > e->ps)
        return 0;
    const ex_word *w = &x->w[k];
    if (m->nend < w->ce)
        return is_word(x->s, m->nend, w->ce, GW(reschedule_links));
    return (size_t)k + 1 < x->nw && x->w[k + 1].ce <= e->ps &&
           is_word(x->s, x->w[k + 1].cs, x->w[k + 1].ce, GW(reschedule_links));
}

/* 1 if the time ti lies in the reported content of the speech event e,
 * before the word that ends the content (…늘었다고 밝혔다). */
static int speech_content_time(const exdoc *x, const ex_event *e, int ti)
{
    const kg_mention *m = &x->m->v[ti];
    /* (a time before the speaker dates the saying: 지난해 8월 재단은 …) */
    if (e->n_agent > 0 && m->nstart < x->m->v[e->agent[0]].nstart)
        return 0;
    return m->nstart > e->cs + 1 && m->nend <= e->ps;
}

/* 1 if the EDTF value v is one day (2025-03-05), not a month, a year or
 * a period: a background told over years carries no day forward. */
static int day_date(const char *v)
{
    return strlen(v) == 10 && v[4] == '-' && v[7] == '-';
}

/* 1 if an event with no time in its sentence takes the last act date: a
 * statement or an act told after it in the past (…고 밝혔다, 반발했다),
 * not a plan, a forecast, a state or a background act. */
static int carries_date(const exdoc *x, const ex_event *e)
{
    /* (an act in a relative clause is background: 정부가 제재한 기업) */
    if (e->f & (EX_F_INTENT | EX_F_HYPO | EX_F_FORECAST | EX_F_HABIT | EX_F_NEG | EX_F_ADNOM))
        return 0;
    /* (a vow in a quotation is dated by its saying: "…하겠다"고 밝혔다) */
    return (e->f & EX_F_PAST) != 0 || reported_speech(x, e) || e->quoted;
}

/* Report verbs (보도했다) and verbs of taking effect (시행), looked up
 * once. */
static const char *const *report_verbs, *const *effect_verbs;
static pthread_once_t report_once = PTHREAD_ONCE_INIT;

static void report_init(void)
{
    report_verbs = kg_gram_words("events", "report_verbs");
    effect_verbs = kg_gram_words("events", "effect_verbs");
}

/* 1 if e is a measure taking effect (규정은 다음 달 1일부터 시행된다):
 * then the start of the period is its own date. */
static int takes_effect(const exdoc *x, const ex_event *e)
{
    pthread_once(&report_once, report_init);
    size_t a = e->pe > e->cs ? e->pe : e->cs;
    /* the predicate word: back from the clause's predicate end to a space */
    size_t w = a;
    while (w > e->cs && x->s[w - 1] != ' ')
        w--;
    return starts_any(x->s, a, w, effect_verbs) > 0;
}

/* 1 if the time m dates a report of the act rather than the act: a
 * report verb follows it within a few words, before the sentence end
 * [.., se) (…했다고 로이터통신이 3일 보도했다). */
static int report_time(const exdoc *x, const kg_mention *m, size_t se)
{
    pthread_once(&report_once, report_init);
    size_t lim = m->nend + 48 < se ? m->nend + 48 : se;
    for (size_t i = m->nend; i < lim; i++)
        if ((i == m->nend || x->s[i - 1] == ' ') && starts_any(x->s, se, i, report_verbs) > 0)
            return 1;
    return 0;
}

/* 1 if the time m dates where the story comes from, not an act: a
 * source cited right after it (3일 법조계에 따르면, 23일 업계에 의하면:
 * events.yaml source_words, within three words), or a date written by a
 * machine (2026-03-03, 2020.01.01 15:50: a page's dateline, not prose). */
static int source_time(const exdoc *x, const kg_mention *m)
{
    pthread_once(&agdate_once, agdate_init);
    size_t l = m->nend - m->nstart, digits = 0, seps = 0, other = 0;
    for (size_t i = m->nstart; i < m->nend; i++) {
        char c = x->s[i];
        if (c >= '0' && c <= '9')
            digits++;
        else if (c == '-' || c == '.')
            seps++;
        else if (c != ' ' && c != ':')
            other++;
    }
    if (l >= 8 && !other && seps >= 2 && digits >= 6)
        return 1;
    int tw = word_at(x, m->nend ? m->nend - 1 : 0);
    for (int k = tw + 1; tw >= 0 && k <= tw + 3 && (size_t)k < x->nw; k++) {
        const ex_word *w = &x->w[k];
        if (w->in_quote || in_time(x, w->cs, w->ce))
            break;
        if (ex_ends_any(x->s, w->cs, w->ce, source_words))
            return 1;
        /* (지난 2일 발표된 통계에 따르면: the time dates the release) */
        if (ends_clause(x, w) || verbish_word(x, w) || ex_ends_any(x->s, w->cs, w->ce, adnominal_ends))
            break;
    }
    return 0;
}

/* 1 if the time m ends in a since word and is the point a first, a
 * record or a span is counted from (지난 5월 2일 이후 6개월여 만이다,
 * 2023년 이후 처음, 2022년 3월 이래 최고치): the act is of the story's
 * day, not of that point (2020년 이후 투자를 늘렸다 keeps its time). */
static int since_base(const exdoc *x, const kg_mention *m)
{
    size_t e = m->nend, i = e;
    int since = 0;
    for (int k = 0; since_words[k] && !since; k++) {
        size_t l = strlen(since_words[k]);
        since = e - m->nstart > l && !memcmp(x->s + e - l, since_words[k], l);
    }
    if (!since)
        return 0;
    if (i < x->len && x->s[i] == ' ')
        i++;
    if (starts_any(x->s, x->len, i, since_firsts) > 0)
        return 1;
    /* a span right after (a figure starting there), then 만 */
    for (size_t k = 0; k < x->n_fig; k++) {
        const kg_mention *f = &x->m->v[x->fig[k]];
        if (f->nstart > i)
            break;
        if (f->nstart == i) {
            size_t j = f->nend;
            if (j < x->len && x->s[j] == ' ')
                j++;
            return starts_any(x->s, x->len, j, since_span_ends) > 0;
        }
    }
    return 0;
}

/* 1 if the time m is the base of a comparison (전 거래일보다, 전년 대비,
 * 1년 전(3천억원)보다): it dates no act. */
int ex_base_time(const exdoc *x, const kg_mention *m)
{
    pthread_once(&lists_once, lists_init);
    size_t i = m->nend;
    if (i < x->len && x->s[i] == '(') {
        const char *cl = memchr(x->s + i, ')', x->len - i < 80 ? x->len - i : 80);
        if (cl)
            i = (size_t)(cl - x->s) + 1;
    }
    if (i < x->len && x->s[i] == ' ')
        i++;
    return starts_any(x->s, x->len, i, date_base_words) > 0 || since_base(x, m);
}

/* 1 if the time m names the period of a measure (2분기 실적, 지난해
 * 매출): it dates the act only when the clause has no other time. */
static int measure_period(const exdoc *x, const kg_mention *m)
{
    /* (a day is no period: 15일 실적을 발표했다 is dated the 15th) */
    if (day_date(m->value))
        return 0;
    size_t i = m->nend;
    if (i < x->len && x->s[i] == ' ')
        i++;
    return starts_any(x->s, x->len, i, date_measure_nouns) > 0;
}


/* 1 if the time m is the period a forecast or target is for (올해 경제
 * 성장률 전망치를 유지했다, 내년 매출 전망을 내놨다): a year or month
 * followed, within two bare nouns, by a forecast noun. It dates no act:
 * the forecast is made on a day of its own. */
static int forecast_period(const exdoc *x, const kg_mention *m)
{
    if (day_date(m->value))
        return 0;
    int k = word_at(x, m->nend > 0 ? m->nend - 1 : 0);
    if (k < 0)
        return 0;
    for (int j = k + 1, n = 0; (size_t)j < x->nw && n < 6; j++, n++) {
        const ex_word *w = &x->w[j];
        if (starts_any(x->s, w->ce, w->cs, GW(forecast_period_nouns)) > 0)
            return 1;
        if (w->particle || w->in_quote)
            return 0;
    }
    return 0;
}

/* 1 if e tells a figure of a period changing (매출이 30% 늘었다, 수출이
 * 10% 감소했다): a figure or a period measure (실적, 수출) in its clause
 * and no price or market as its subject (주가가 4% 올랐다 moves on a
 * day). */
static int period_figure(const exdoc *x, const ex_event *e)
{
    pthread_once(&agdate_once, agdate_init);
    if (e->type != ex_type_index("other") && e->type != ex_type_index("compete"))
        return 0;
    /* (the clauses chained before it too: 47% 증가해 … 기록을 새로 썼다) */
    size_t a = e->cs < e->ps ? e->cs : e->ps;
    if (e->chain < a)
        a = e->chain;
    /* (a price as the subject: 주가가, 코스피는, 종목이; not 유가 하락으로) */
    for (int k = word_at(x, a); k >= 0 && (size_t)k < x->nw && x->w[k].s < e->ps; k++) {
        const ex_word *w = &x->w[k];
        if ((w->particle == EX_P_SUBJ || w->particle == EX_P_TOPIC) && !w->in_quote &&
            clause_has(x, w->s, w->e, price_words))
            return 0;
    }
    /* (a forecast is made on a day: 성장률 전망치를 4%로 유지했다) */
    if (clause_has(x, a, e->pe, GW(forecast_period_nouns)))
        return 0;
    if (clause_has(x, a, e->pe, date_measure_nouns))
        return 1;
    size_t k = ex_first_at(x, x->fig, x->n_fig, a);
    return k < x->n_fig && x->m->v[x->fig[k]].nstart < e->pe;
}

/* 1 if the predicate of e tells what was said: a speech verb after
 * reported content, a verb right after a quotation or a 다고/라고 clause
 * (…것이라고 예상했다), or a verb in -다고 itself (투자한다고 밝혔다). */
static int said_content(const exdoc *x, const ex_event *e)
{
    if (reported_speech(x, e) || (e->f & EX_F_QUOTIVE))
        return 1;
    int pw = word_at(x, e->ps);
    if (pw <= 0)
        return 0;
    const ex_word *v = &x->w[pw - 1];
    return !v->in_quote && (v->quote_close || ex_ends_any(x->s, v->cs, v->ce, quote_words));
}

/* 1 if what e reports was done before the saying: the verb of the content
 * has a past tense (결정했다고 공시했다, 늘었다"고 밝혔다: a syllable with
 * final ㅆ before 다), so a time in it dates that act. */
static int said_past(const exdoc *x, const ex_event *e)
{
    int pw = word_at(x, e->ps);
    if (pw < 0)
        return 0;
    const ex_word *v = (e->f & EX_F_QUOTIVE) || pw == 0 ? &x->w[pw] : &x->w[pw - 1];
    pthread_once(&agdate_once, agdate_init);
    for (size_t i = v->s + 1; i < v->e; i++) {
        if (((unsigned char)x->s[i] & 0xC0) == 0x80 || !starts_any(x->s, v->e, i, said_final))
            continue;
        size_t p = ex_prev(x->s, i), n;
        uint32_t c = ex_cp(x->s, x->len, p, &n);
        if (ex_hangul(c) && ex_jong(c) == EX_JONG_SS && !starts_any(x->s, i, p, said_not_past))
            return 1;
    }
    return 0;
}

/* 1 if the time m comes before the quotation that e's clause reports
 * (재단은 지난해 8월 보고서에서 "…"라고 지적했다): it dates the saying. */
static int before_quote(const exdoc *x, const ex_event *e, const kg_mention *m)
{
    for (int k = word_at(x, m->nend ? m->nend - 1 : 0); k >= 0 && (size_t)k < x->nw && x->w[k].s < e->ps; k++)
        if (x->w[k].in_quote || x->w[k].quote_close)
            return !x->w[word_at(x, m->nstart)].in_quote;
    return 0;
}

/* 1 if the time ti is a year or a month inside what e says (TSMC는 올해
 * 매출이 늘 것이라고 예상했다, …올해 3조원을 투자한다고 밝혔다, 지난해
 * 4분기 순이익이 늘었다고 발표했다): what the content is about, not the
 * day it was said. A day, a time before the speaker or before a
 * quotation, the time of a past act reported (지난달 말 … 결정했다고
 * 공시했다) and the month a measure takes effect (다음 달 … 시행한다고
 * 밝혔다) date the event as before. */
/* 1 if the EDTF value (a single year or month) ends before the document
 * date: 지난 4월, 지난해 told in June 2025. */
static int ends_before_dct(const char *value, const kg_edtf_point *dct)
{
    int y = 0, m = 0;
    int n = sscanf(value, "%4d-%2d", &y, &m);
    if (n < 1 || dct->prec == KG_PREC_NONE || strchr(value, '/'))
        return 0;
    if (y != dct->year)
        return y < dct->year;
    return n >= 2 && dct->prec >= KG_PREC_MONTH && m < dct->month;
}

static int sentence_ends_in(const exdoc *x, size_t ss, size_t se, const char *const *list);
static int said_year(const exdoc *x, const ex_event *e, int ti)
{
    const kg_mention *m = &x->m->v[ti];
    /* a vow (…올리겠다고 밝혔다: pledge, or 겠 in the word before the
     * speech verb) is about what is still to come: a year or a month over
     * before the document date dates the saying */
    if (ends_before_dct(m->value, &x->dct)) {
        int pw = word_at(x, e->ps) - 1;
        const ex_word *lw = pw >= 0 ? &x->w[pw] : NULL;
        if (e->type == ex_type_index("pledge") ||
            (lw && ex_has_any(x->s, lw->cs, lw->ce, GW(volitional_infixes))))
            return 0;
        /* (so is a command or demand: …보존하라고 명령했다, …철회하라고
         * 요구했다) */
        if (lw && ex_ends_any(x->s, lw->cs, lw->ce, GW(command_quote_ends)))
            return 0;
        /* (and a saying told as done before, …투자한다고 발표한 바 있다:
         * events.yaml earlier_ends; the year or month is when it was said) */
        if (e->sent < x->t->n_sent &&
            sentence_ends_in(x, x->t->sent[e->sent].nstart, x->t->sent[e->sent].nend, GW(earlier_ends)))
            return 0;
    }
    if (day_date(m->value) || (after_dct(m->value, &x->dct) && takes_effect(x, e)) || !said_content(x, e) ||
        before_quote(x, e, m) ||
        (said_past(x, e) && !measure_period(x, m)))
        return 0;
    if (e->n_agent > 0 && m->nstart < x->m->v[e->agent[0]].nstart)
        return 0;
    return m->nend <= e->ps;
}

/* 1 if e's predicate word ends in an ending of an act told in passing
 * (events.yaml background_ends: 매각하기도 했다). */
static int in_passing(const exdoc *x, const ex_event *e)
{
    size_t w = e->pe;
    while (w > e->cs && x->s[w - 1] != ' ')
        w--;
    return ex_ends_any(x->s, w, e->pe, GW(background_ends));
}

/* 1 if the time m ends a period still to come (2030년까지, 연말까지:
 * a particle of events.yaml range_end_particles, a value after the
 * document date) with no start of the period told before it in the
 * sentence from ss (3월부터 … 9월까지: a range, join_range's). */
static int deadline_time(const exdoc *x, const kg_mention *m, size_t ss)
{
    if (m->nend <= m->nstart + 1 || !ex_ends_any(x->s, m->nstart + 1, m->nend, GW(range_end_particles)) ||
        !after_dct(m->value, &x->dct))
        return 0;
    for (size_t k = x->t0; k < x->t1; k++) {
        const kg_mention *f = &x->m->v[x->tim[k]];
        size_t fl = strlen(f->value);
        if (f->nstart >= ss && f->nend <= m->nstart && fl > 3 && strcmp(f->value + fl - 3, "/..") == 0)
            return 0;
    }
    return 1;
}

/* 1 if the act e is told by the clause that modifies the time m (관세를
 * 부과하기 시작한 2018년 7월 이후 1년 만이다): its predicate ends at most
 * one word (a support verb) before the time, and the word right before the
 * time ends in an adnominal ending. Such a time is the act's own even when
 * it is the base of a span (since_base). */
static int act_of_time(const exdoc *x, const ex_event *e, const kg_mention *m)
{
    if (e->pe > m->nstart || m->nstart - e->pe > 24)
        return 0;
    size_t b = m->nstart;
    while (b > e->pe && x->s[b - 1] == ' ')
        b--;
    int words = 0;
    for (size_t i = e->pe; i < b; i++)
        if (x->s[i] == ' ')
            words++;
        else if (x->s[i] == ',' || x->s[i] == '.' || x->s[i] == '\n')
            return 0;
    /* (the word before the time a verb's adnominal form, no noun with a
     * particle: 돌파한 것은 2009년 이후 처음이다 tells the act again) */
    int tw = word_at(x, m->nstart);
    if (words > 1 || tw < 1 || x->w[tw - 1].e != b || x->w[tw - 1].particle != EX_P_NONE)
        return 0;
    return ex_ends_any(x->s, x->w[tw - 1].s, b, adnominal_ends);
}

static void fill_date(exdoc *x, ex_event *e, size_t ss, size_t se)
{
    int in_clause = -1, before = -1, after = -1;
    /* for reported speech, the first time of the clause (산업부는 1일 …
     * 늘었다고 밝혔다) when it comes before the content's first actor or
     * verb is taken; else the last, nearest the predicate */
    int speech = reported_speech(x, e), first_in = -1, reported = 0, plan_start = -1, first_before = -1, deadline = -1;
    int release = e->type == ex_type_index("release");
    for (size_t k = x->t0; k < x->t1; k++) {
        const kg_mention *m = &x->m->v[x->tim[k]];
        if (m->nstart < ss || m->nstart >= se || (ex_base_time(x, m) && !(since_base(x, m) && act_of_time(x, e, m))))
            continue;
        /* a time inside a quotation dates what was said there, not the
         * saying (… "다음 달 내놓겠다"고 밝혔다) */
        if (!e->quoted) {
            int tw = word_at(x, m->nstart);
            if (tw >= 0 && (x->w[tw].in_quote || x->w[tw].quote_close))
                continue;
        }
        /* the start of what an act sets in motion (오는 3월 1일부터, 다음
         * 달부터) dates the measure, not the act that decides it; a plan
         * decided (다음 달부터 관세를 올리기로 했다) is the act itself, dated
         * by its start when the clause tells no other time */
        if (reschedule_time(x, e, m))
            continue;
        /* the end of a period still to come (7일 … 2030년까지 투자하기로
         * 했다): the plan's deadline, not when it was decided or said,
         * unless no other time is told; a period opened before it
         * (3월부터 … 9월까지) is join_range's */
        if (deadline_time(x, m, ss)) {
            if (deadline < 0 && m->nend <= e->pe)
                deadline = x->tim[k];
            continue;
        }
        /* (a release set for a day to come, 오는 30일 … 실적을 내놓는다,
         * is dated by that day) */
        if (starts_later(x, m) && !takes_effect(x, e) && !(release && day_date(m->value))) {
            if (plan_start < 0 && m->nend <= e->pe && e->pe > 0 &&
                plan_word(x, word_at(x, e->pe - 1)))
                plan_start = x->tim[k];
            continue;
        }
        /* a report's day is not the act's (…부과했다고 블룸버그가 10일
         * 보도했다); an act known from a report keeps no carried day */
        if ((m->nstart >= e->pe && report_time(x, m, se)) || source_time(x, m)) {
            reported = 1;
            continue;
        }
        if (m->nstart >= e->cs && m->nend <= e->pe) {
            if (in_clause >= 0 && measure_period(x, m))
                continue; /* 지난 7일 2분기 실적을 발표했다: the 7th */
            /* results are released after their period: 2분기 실적을
             * 발표했다 is not dated by the quarter */
            if (release && measure_period(x, m))
                continue;
            /* (nor, after its day, the period of what is released: 오는
             * 30일 지난해 4분기 확정 실적을 내놓는다) */
            if (release && in_clause >= 0 && day_date(x->m->v[in_clause].value) && !day_date(m->value))
                continue;
            if (forecast_period(x, m))
                continue; /* 올해 성장률 전망치를 유지했다: not this year */
            in_clause = x->tim[k];
            if (first_in < 0)
                first_in = x->tim[k];
        }
        else if (m->nend <= e->cs && !forecast_period(x, m)) {
            /* (a quarter of results after the day: 24일 2분기 매출이 …
             * 비슷했지만 … 늘었다고 발표했다, the 24th, as in the clause; nor
             * does the period of the results released date the release) */
            if ((before >= 0 || release) && measure_period(x, m))
                continue;
            before = x->tim[k]; /* (올해 국내총생산, 성장률 전망치를: not this year either) */
            if (first_before < 0)
                first_before = x->tim[k];
        }
        else if (m->nstart >= e->pe && after < 0)
            after = x->tim[k];
    }
    if (in_clause < 0 && plan_start >= 0)
        in_clause = first_in = plan_start;
    /* (a deadline alone dates the plan: 2046년까지 … 조성할 예정이다) */
    if (in_clause < 0 && before < 0 && deadline >= 0)
        in_clause = first_in = deadline;
    /* a vague time word nearer the predicate than any dated one rules */
    size_t vague_at = 0;
    const char *vague = NULL;
    for (int k = 0; vague_times[k]; k++) {
        size_t i = find_word(x, e->cs, e->ps, vague_times[k]);
        if (i != (size_t)-1 && (!vague || i > vague_at)) {
            vague = vague_times[k];
            vague_at = i;
        }
    }
    if (vague && (in_clause < 0 || x->m->v[in_clause].nstart < vague_at)) {
        ex_copy(e->when, sizeof e->when, vague);
        return;
    }
    /* (the content's clause starts after the times: 삼성전자는 7일 공장에
     * 2030년까지 … 투자한다고 밝혔다, the first time, right after the
     * speaker, dates the saying as it does inside the clause) */
    int speech_first = first_in >= 0 ? first_in : in_clause < 0 && before >= 0 ? first_before : -1;
    if (speech && speech_first >= 0 && first_in < 0 && e->n_agent > 0) {
        const kg_mention *fm = &x->m->v[speech_first], *am = &x->m->v[e->agent[0]];
        int tw = word_at(x, fm->nstart);
        if (fm->nstart > am->nend && fm->nstart - am->nend <= 12 && tw > 0 && !x->w[tw - 1].in_quote &&
            (x->w[tw - 1].particle == EX_P_SUBJ || x->w[tw - 1].particle == EX_P_TOPIC) &&
            day_date(fm->value))
            before = speech_first;
    }
    if (speech && first_in >= 0) {
        /* the first time right after the speaker (산업부는 1일 …) or at
         * the clause start dates the saying; a time inside the reported
         * content (지난해 4분기 … 늘었다고 밝혔다) dates what was said */
        const kg_mention *fm = &x->m->v[first_in];
        size_t gap = (size_t)-1;
        if (e->n_agent > 0) {
            const kg_mention *am = &x->m->v[e->agent[0]];
            gap = fm->nstart > am->nend ? fm->nstart - am->nend : (size_t)-1;
            /* (중국 상무부 대변인은 19일, 미국 상무장관은 19일: the
             * speaker's phrase, its title after the name, ends in a subject
             * or topic particle right before the time) */
            int tw = word_at(x, fm->nstart);
            if (gap != (size_t)-1 && tw > 0 && !x->w[tw - 1].in_quote &&
                (x->w[tw - 1].particle == EX_P_SUBJ || x->w[tw - 1].particle == EX_P_TOPIC) &&
                am->nend <= x->w[tw - 1].ce && am->nend >= x->w[tw > 3 ? tw - 3 : 0].cs)
                gap = 0;
        }
        /* (a year or a month there is what the content is about: TSMC는
         * 올해 매출이 늘 것이라고 예상했다 is dated by its saying: said_year) */
        if (((gap != (size_t)-1 && gap <= 12) || fm->nstart <= e->cs + 1) && !said_year(x, e, first_in))
            in_clause = first_in;
        else if (in_clause >= 0 && speech_content_time(x, e, in_clause))
            in_clause = -1;
    }
    /* what is said (…투자한다고 밝혔다, …증가할 것이라고 예상했다) is dated by
     * its saying: a year or a month inside it is what the content is
     * about, not the day it was said */
    int pick = in_clause >= 0 ? in_clause : before >= 0 ? before : after;
    if (pick >= 0 && pick != after && said_year(x, e, pick))
        pick = -1;
    /* a hint or warning of an act to come (다음 달에도 인상을 시사했다,
     * 내년 추가 제재를 예고했다) is dated by its own day, not the time of
     * what it hints at */
    if (pick >= 0 && pick == in_clause && after_dct(x->m->v[pick].value, &x->dct) &&
        starts_any(x->s, e->pe, e->ps, GW(hint_verbs)) > 0)
        pick = first_in >= 0 && first_in != in_clause && !after_dct(x->m->v[first_in].value, &x->dct) ? first_in
                                                                                                     : -1;
    if (pick >= 0) {
        const kg_mention *m = &x->m->v[pick];
        /* 이날, 당시: the date said before, not the document's */
        if (x->last_date[0] &&
            starts_any(x->s, m->nend, m->nstart, carry_words) == (int)(m->nend - m->nstart)) {
            /* (같은 날, 그날: the day last named, not a quarter told
             * after it, 24일 … 2분기 매출을 발표했다. 같은 날 …) */
            int day = x->last_day[0] &&
                      starts_any(x->s, m->nend, m->nstart, GW(day_carry_words)) == (int)(m->nend - m->nstart);
            ex_copy(e->date, sizeof e->date, day ? x->last_day : x->last_date);
            ex_copy(e->when, sizeof e->when, day ? x->last_day_when : x->last_when);
            return;
        }
        set_date_from(x, e, pick);
        join_range(x, e, pick);
        return;
    }
    /* an act told in passing (매각하기도 했다: events.yaml background_ends)
     * is not the story's news: it takes no day told before it */
    if (in_passing(x, e))
        return;
    /* no time of its own (이날, 같은 날, or none in the sentence): the
     * day of the last act told before it, in the same story */
    if (x->last_date[0] && !reported && clause_has(x, ss, e->pe, carry_words)) {
        snprintf(e->date, sizeof e->date, "%s", x->last_date);
        snprintf(e->when, sizeof e->when, "%s", x->last_when);
    } else if (x->last_date[0] && !reported && carries_date(x, e) && period_figure(x, e)) {
        /* a figure goes on with the period last named (지난해 수출이 … 반도체
         * 수출은 25% 줄었다: 지난해) */
        snprintf(e->date, sizeof e->date, "%s", x->last_date);
        snprintf(e->when, sizeof e->when, "%s", x->last_when);
    } else if (x->last_day[0] && !reported && carries_date(x, e) && !starts_any(x->s, se, ss, earlier_openers)) {
        /* (앞서 …했다: an act before the story's day, not on it) */
        /* (in a later paragraph than that day, the story's main day: a
         * day gone by told as background is not what the next paragraph
         * goes on on) */
        int later = x->main_day[0] && x->last_day_at < ss && memchr(x->s + x->last_day_at, '\n', ss - x->last_day_at);
        snprintf(e->date, sizeof e->date, "%s", later ? x->main_day : x->last_day);
        snprintf(e->when, sizeof e->when, "%s", later ? x->main_day_when : x->last_day_when);
    }
}

static void make_pred_word(const exdoc *x, ex_event *e, const cand *c)
{
    e->phrase = strchr(c->pred, ' ') != NULL && !c->lv;
    if (c->lv || !c->entry_native) {
        snprintf(e->pred, sizeof e->pred, "%s", c->pred);
        return;
    }
    /* from the start of the word the predicate was found in (쓰겠다고, not
     * 겠다고) */
    size_t a = c->ps;
    while (a > 0 && c->ps - a < 12 && x->s[a - 1] != ' ' && x->s[a - 1] != '\n' && x->s[a - 1] != '"' &&
           x->s[a - 1] != '\'')
        a--;
    copy_word(x, a, e->pe, e->pred, sizeof e->pred);
}

static int keep_event(const exdoc *x, ex_event *e, const cand *c, const ex_word *w)
{
    unsigned f = e->f;
    if (w->in_quote) {
        /* quoted speech is what the speaker said; a vow (…하겠다) or an
         * objection that ends the quotation (…에 반대한다") is what the
         * speaker did by saying it */
        const char *tn = kg_event_types[e->type];
        if (!strcmp(tn, "pledge")) /* (겠 in the ending, or in the stem: 하겠다) */
            return (f & EX_F_VOLIT) != 0 || ex_has_any(c->pred, 0, strlen(c->pred), GW(volitional_infixes));
        if (!strcmp(tn, "protest"))
            return w->quote_close && !(f & (EX_F_NEG | EX_F_NOMIN | EX_F_PRESADN | EX_F_COMPL));
        /* a past act the speaker reports (…협정을 체결했고): its own event;
         * a figure passing a mark (…4천 개를 넘어섰다") is what the
         * statement tells */
        /* (an act it tells as planned, …개최할 예정": the same) */
        if (!quoted_act_type(e->type))
            return 0;
        if (!(f & EX_F_PAST) && !quoted_plan_word(x, (size_t)(w - x->w)))
            return 0;
    }
    /* 투자를 늘린다는 계획이다, 협상을 계속한다는 방침이다: the plan its
     * subject holds, stated with a copula, is no description */
    /* (4조 원을 투입하는 것이 뼈대다: the plan's content named by a
     * nominal, events.yaml content_nominals, before the copula) */
    /* (투입하는 것이 read alone is a habit, 하는 것이다: before the copula
     * it is the content all the same) */
    int nx = (int)(w - x->w) + 1;
    unsigned content = EX_F_PRESADN | EX_F_COMPL;
    if (word_is(x, nx, GW(content_nominals)) && word_is(x, nx + 1, GW(plan_copula_words))) {
        nx++;
        content |= EX_F_HABIT;
    }
    if ((f & content) && !w->in_quote && word_is(x, nx, GW(plan_copula_words))) {
        f &= ~content;
        e->f = f;
    }
    /* 공장을 짓는다는 계획을 발표했다: the act of a plan made public is
     * kept for relate.c, which makes the two one event (the word after
     * it a plan noun with an object particle, then a verb) */
    unsigned desc = EX_F_COMPL | EX_F_PRESADN;
    {
        int pw = (int)(w - x->w) + 1;
        if ((f & desc) && !w->in_quote && (size_t)pw + 1 < x->nw && x->w[pw].particle == EX_P_OBJ &&
            !x->w[pw].in_quote && is_word(x->s, x->w[pw].cs, x->w[pw].ps, GW(plan_head_nouns)))
            desc = 0;
    }
    if (f & (EX_F_NOMIN | EX_F_INTENT | EX_F_HYPO | EX_F_NEG | EX_F_FORECAST | EX_F_HABIT | desc))
        return 0;
    /* 법안을 제출할 계획이다, 양산을 시작할 방침이다: a plan with no act of
     * a listed type is announce (GUIDELINES) */
    if ((f & EX_F_FUTADN) && e->type == ex_type_index("other") && plan_copula_after(x, c->wi))
        e->type = ex_type_index("announce");
    /* 인력을 재배치하기로 했다, 무료로 제공하기로 했다: so is a plan
     * decided with no act of a listed type */
    if (e->type == ex_type_index("other") && !w->in_quote && plan_word(x, c->wi))
        e->type = ex_type_index("announce");
    /* 그는 내일 친구를 만날 예정이다: a meeting planned with no actor in
     * its clause is no news (양국 정상은 … APEC 정상회의에서 만날 예정이다
     * names one) */
    if ((f & EX_F_FUTADN) && !w->in_quote && word_is(x, c->wi + 1, GW(plan_copula_words)) &&
        is_word(kg_event_types[e->type], 0, strlen(kg_event_types[e->type]), GW(plan_actor_types))) {
        int any = anaphor_subject_before(x, c->wi);
        for (size_t q = x->a0; q < x->a1 && !any; q++) {
            const kg_mention *m = &x->m->v[x->act[q]];
            any = m->nstart >= e->cs && m->nend <= w->ce;
        }
        if (!any)
            return 0;
    }
    if (strcmp(kg_event_types[e->type], "compete") == 0) {
        if (f & (EX_F_PRESENT | EX_F_PROGR))
            return 0;
        /* 환율이 1,470원을 넘어섰다, 코스피가 3,000선을 돌파했다: a market
         * passing a level (a figure as the object) moves, it races no one */
        /* (or a level with a word of direction between: 코스피가 3900선
         * 아래로 밀렸다, events.yaml level_directions) */
        int pw = word_at(x, c->ps), lw = pw - 1;
        if (pw > 1 && !x->w[pw - 1].in_quote && is_word(x->s, x->w[pw - 1].s, x->w[pw - 1].e, GW(level_directions)))
            lw = pw - 2;
        if (lw >= 0 && (lw < pw - 1 || x->w[lw].particle == EX_P_OBJ) && figure_word(x, &x->w[lw]) &&
            x->s[x->w[lw].cs] >= '0' && x->s[x->w[lw].cs] <= '9')
            for (int k = 0; k < lw; k++) {
                const ex_word *v = &x->w[k];
                /* (the subject of the clauses chained before it too:
                 * 코스피는 2% 떨어지며 3900선 아래로 밀렸다) */
                if (!v->in_quote && v->s >= (e->chain < e->cs ? e->chain : e->cs) && (v->particle == EX_P_SUBJ || v->particle == EX_P_TOPIC) &&
                    starts_any(x->s, v->ps, v->cs, market_subjects) > 0) {
                    e->type = ex_type_index("other");
                    break;
                }
            }
        if (clause_has(x, e->cs, c->ps, state_adverbs))
            return 0;
    }
    if (f & EX_F_ADNOM) {
        /* a clause that modifies a noun is an act when it has its own
         * subject or time, or when the noun names an act (조치, 결정) */
        int has_time = 0;
        for (size_t k = x->t0; k < x->t1; k++) {
            const kg_mention *m = &x->m->v[x->tim[k]];
            if (m->nstart >= e->cs && m->nend <= c->ps)
                has_time = 1;
        }
        int subj = 0;
        for (size_t k = 0; k < x->nr; k++) {
            const ex_role *r = &x->r[k];
            /* clauses joined by -고 / -며 share the subject */
            if (!r->in_quote && r->pend <= c->ps && x->m->v[r->m].nstart >= e->chain &&
                is_subject(x, r) && r->role != EX_P_TOPIC)
                subj = 1;
        }
        int head = 0;
        for (int k = c->wi + 1; k <= c->wi + 4 && (size_t)k < x->nw && !head; k++) {
            if (word_is(x, k, act_heads))
                head = 1;
            if (x->w[k].particle != EX_P_NONE && x->w[k].particle != EX_P_GEN)
                break;
        }
        if (!has_time && !subj && !head)
            return 0;
    }
    /* a -고 / -며 clause shares the mood of the verb that ends its chain:
     * 제치고 … 오르겠다는 목표 is an aim, not an act */
    if ((f & EX_F_CONN) && !(f & EX_F_PAST) &&
        ex_ends_any(x->s, w->cs, w->ce, GW(connective_mood_ends))) {
        for (int k = c->wi + 1; k <= c->wi + 6 && (size_t)k < x->nw; k++) {
            const ex_word *n = &x->w[k];
            if (ex_ends_any(x->s, n->cs, n->ce, GW(aim_ends)))
                return 0;
            if (ex_ends_any(x->s, n->cs, n->ce, GW(aim_chain_ends)) || ends_clause(x, n))
                break;
        }
    }
    return 1;
}

static int credit_caption(exdoc *x, size_t at);

static void add_event(exdoc *x, const ex_event *e)
{
    KG_VEC_PUSH(x->ev_v, x->n_ev, x->cap_ev);
    x->ev_v[x->n_ev] = *e;
    x->ev_v[x->n_ev].caption = credit_caption(x, e->ps);
    x->n_ev++;
}

/* ---- statements (issue 13) ----
 * A statement is what one speaker says on one occasion: the quote or the
 * 고/라고/다고 clause, the speech verb, and the sentences that go on with
 * it (이어, 또, 그러면서) are ONE event, typed by what is said: a vow
 * (…하겠다, …할 것) is pledge, an objection is protest, else announce.
 * Its span is the end of what is said and the speech verb. The lists are
 * grammar data (yaml/grammar/events.yaml, the statement_* keys). */

static const char *const *st_demand_verbs;
static const char *const *st_verbs, *const *st_forecast, *const *st_pledge_verbs, *const *st_protest_verbs,
    *const *st_protest_words, *const *st_negations, *const *st_vow_ends, *const *st_state_adn,
    *const *st_continuers, *const *st_release_words, *const *st_quote_links, *const *st_publish_verbs,
    *const *st_data_verbs;
static pthread_once_t st_once = PTHREAD_ONCE_INIT;

static void st_init(void)
{
    st_verbs = kg_gram_words("events", "statement_verbs");
    st_forecast = kg_gram_words("events", "statement_forecast_verbs");
    st_pledge_verbs = kg_gram_words("events", "statement_pledge_verbs");
    st_protest_verbs = kg_gram_words("events", "statement_protest_verbs");
    st_protest_words = kg_gram_words("events", "statement_protest_words");
    st_negations = kg_gram_words("events", "statement_negations");
    st_vow_ends = kg_gram_words("events", "statement_vow_ends");
    st_state_adn = kg_gram_words("events", "statement_state_adnominals");
    st_continuers = kg_gram_words("events", "statement_continuers");
    st_release_words = kg_gram_words("events", "statement_release_words");
    st_publish_verbs = kg_gram_words("events", "statement_publish_verbs");
    st_data_verbs = kg_gram_words("events", "statement_data_verbs");
    st_quote_links = kg_gram_words("events", "statement_quote_links");
    st_demand_verbs = kg_gram_words("events", "statement_demand_verbs");
}

/* The top of an actor mention's part_of chain (중국 상무부 -> china), or
 * its own id. */
static const char *st_top(const exdoc *x, int m)
{
    const char *id = x->m->v[m].id;
    const char *t = id ? kg_lexicon_top(x->lx, id) : NULL;
    return t ? t : id;
}

/* 1 if actor mention m is a state or its body (type country or
 * government). */
static int st_state(const exdoc *x, int m)
{
    const char *t = x->m->v[m].type;
    return t && (!strcmp(t, "country") || !strcmp(t, "government"));
}

/* 1 if e's speaker is a state and what is said in [a, b) has as subject,
 * topic or addressee a state of one other side ("미국이 …바로잡아야 한다"고
 * 요구했다: a demand on the other side); not when it names two others
 * (미국과 중국이 대화로 풀어야 한다: a call on both). */
static int st_other_subject(const exdoc *x, const ex_event *e, size_t a, size_t b)
{
    const char *own = NULL, *other = NULL;
    for (int g = 0; g < e->n_agent && !own; g++)
        if (st_state(x, e->agent[g]))
            own = st_top(x, e->agent[g]);
    if (!own)
        return 0;
    for (size_t k = 0; k < x->nr; k++) {
        const ex_role *r = &x->r[k];
        size_t ms = x->m->v[r->m].nstart;
        if (ms < a || ms >= b)
            continue;
        /* (A와 B가: every actor of the subject's phrase counts) */
        size_t h = k;
        for (int guard = 0; x->r[h].next >= 0 && guard < 8; guard++)
            h = (size_t)x->r[h].next;
        /* (the subject, or the one addressed: 미국에 …하라고 요구했다) */
        if ((!is_subject(x, &x->r[h]) && x->r[h].role != EX_P_DAT) || !st_state(x, r->m))
            continue;
        const char *t = st_top(x, r->m);
        if (!t || !strcmp(t, own))
            continue; /* (the speaker, when what is said starts the sentence) */
        if (other && strcmp(other, t))
            return 0;
        other = t;
    }
    return other != NULL;
}

/* 1 if s[a, b) is one of the words of list, whole. */
static int st_is_one_of(const char *s, size_t a, size_t b, const char *const *list)
{
    for (int k = 0; list[k]; k++)
        if (ex_at(s, b, a, list[k]))
            return 1;
    return 0;
}

/* 1 if one of the words of list occurs in s[a, b). */
static int st_contains(const char *s, size_t a, size_t b, const char *const *list)
{
    for (int k = 0; list[k]; k++) {
        size_t l = strlen(list[k]);
        if (l && b > a && b - a >= l && memmem(s + a, b - a, list[k], l))
            return 1;
    }
    return 0;
}

/* The closing quote of word w (its last '"'), or (size_t)-1. */
static size_t st_close(const exdoc *x, const ex_word *w)
{
    size_t q = (size_t)-1;
    for (size_t k = w->s; k < w->e; k++)
        if (x->s[k] == '"')
            q = k;
    return q;
}

/* The word before speech verb word wi that ends what is said: a closing
 * quote followed by 고/라고/며 (…하겠다"고), or a reported clause (…한다고,
 * …라며), at most five words back with no clause end between; -1 if none.
 * *qe gets the end of what is said (the closing quote, or the word's
 * core end). */
static int st_quotive(const exdoc *x, int wi, size_t *qe)
{
    for (int k = wi - 1; k >= 0 && k >= wi - 6; k--) {
        const ex_word *v = &x->w[k];
        if (v->quote_close) {
            size_t q = st_close(x, v);
            if (q == (size_t)-1)
                return -1;
            size_t a = q + 1, b = v->ce > a ? v->ce : a;
            if (b == a || st_is_one_of(x->s, a, b, st_quote_links)) {
                *qe = q;
                return k;
            }
            return -1;
        }
        if (v->in_quote)
            return -1;
        if (ex_ends_any(x->s, v->cs, v->ce, GW(reported_speech_ends))) {
            *qe = v->ce;
            return k;
        }
        /* 증가세로 전환할 것으로 내다봤다, 떨어질 것으로 전망했다: a
         * forecast told as the content of 것으로 before a forecast verb,
         * after a future adnominal (-ㄹ) */
        if (k == wi - 1 && k > 0 && is_word(x->s, v->cs, v->ce, GW(forecast_content_nouns)) &&
            starts_any(x->s, x->w[wi].ce, x->w[wi].cs, st_forecast) && !x->w[k - 1].in_quote &&
            x->w[k - 1].ce > x->w[k - 1].cs) {
            size_t l;
            uint32_t last = ex_cp(x->s, x->w[k - 1].ce, kg_u8_prev(x->s, x->w[k - 1].ce), &l);
            /* (by an actor told as the topic, X는: 업계는 …할 것으로
             * 내다봤다 is no one's statement, and in 증권가에서는 A사가 …
             * 낼 것으로 내다봤다 A사 is what the forecast is about) */
            int spk = 0;
            for (size_t r = 0; r < x->nr && !spk; r++)
                spk = !x->r[r].in_quote && x->r[r].pend <= x->w[k - 1].cs && x->r[r].role == EX_P_TOPIC &&
                      is_subject(x, &x->r[r]);
            /* (or by a noun that points back at a company or a group
             * told before: 회사는 …할 것으로 내다봤다) */
            if (!spk)
                spk = anaphor_subject_before(x, k - 1);
            if (spk && kg_is_hangul(last) && kg_hangul_jong(last) == KG_JONG_L) {
                *qe = x->w[k - 1].ce;
                return k - 1;
            }
        }
        /* 항소하겠다는 뜻을 밝혔다: what is said, told as the content of a
         * noun of intent right before the verb */
        if (k == wi - 1 && k > 0 && v->particle == EX_P_OBJ && is_word(x->s, v->cs, v->ps, GW(intent_nouns)) &&
            !x->w[k - 1].in_quote && ex_ends_any(x->s, x->w[k - 1].cs, x->w[k - 1].ce, GW(intent_content_ends))) {
            *qe = x->w[k - 1].ce;
            return k - 1;
        }
        if (ends_clause(x, v) || starts_any(x->s, v->ce, v->cs, st_verbs))
            return -1;
    }
    return -1;
}

/* Start of what is said, ending at word q: the opening quote (through a
 * chain "…"며 "…"), or the start of the reported clause. */
static size_t st_content_start(const exdoc *x, int q, size_t ss)
{
    int k = q;
    if (x->w[q].quote_close) {
        for (;;) {
            while (k > 0 && x->w[k - 1].in_quote && !x->w[k - 1].quote_close)
                k--;
            if (k > 0 && x->w[k - 1].quote_close)
                k--; /* "…"며 "…"고: the quote before goes on */
            else
                break;
        }
        for (size_t o = x->w[k].s; o < x->w[k].e; o++)
            if (x->s[o] == '"')
                return o + 1;
        return x->w[k].s;
    }
    while (k > 0 && q - k < 12 && !ends_clause(x, &x->w[k - 1]) && !x->w[k - 1].quote_close)
        k--;
    return x->w[k].s > ss ? x->w[k].s : ss;
}

/* 1 if a figure (25%, 150억 달러) starts in [a, b). */
static int fig_in(const exdoc *x, size_t a, size_t b)
{
    size_t k = ex_first_at(x, x->fig, x->n_fig, a);
    return k < x->n_fig && x->m->v[x->fig[k]].nstart < b;
}

/* 1 if an actor mention lies in s[a, b). */
static int actor_in(const exdoc *x, size_t a, size_t b)
{
    return mention_in(x, x->act, x->a0, x->a1, a, b);
}

/* The type of what is said in [a, b), told by speech verb word v. */
static int st_type(const exdoc *x, size_t a, size_t b, const ex_word *v, int q)
{
    const char *s = x->s;
    int pledge = ex_type_index("pledge"), protest = ex_type_index("protest");
    if (starts_any(s, v->ce, v->cs, st_protest_verbs))
        return protest;
    /* "…이익이 침해되는 것을 좌시하지 않겠다": what is said ends in a vow,
     * whatever word of objection its clauses hold (GUIDELINES: a vow or a
     * threat is pledge) */
    if (x->w[q].quote_close && ex_ends_any(s, a, b, st_vow_ends) && st_contains(s, a, b, st_protest_words))
        return pledge;
    if (st_contains(s, a, b, st_protest_words))
        return protest;
    if (ex_at_any(s, v->ce, v->cs, GW(protest_negated_verbs)) && st_contains(s, a, b, st_negations))
        return protest;
    if (starts_any(s, v->ce, v->cs, st_pledge_verbs))
        return pledge;
    /* …로 집계됐다고 밝혔다: figures made public are a release */
    if (st_contains(s, x->w[q].cs, b, st_release_words))
        return ex_type_index("release");
    /* 수출이 25% 늘어 … 최대를 기록했다고 1일 발표했다: figures that moved,
     * published (not explained: 설명했다) */
    if (starts_any(s, v->ce, v->cs, st_publish_verbs) && starts_any(s, x->w[q].ce, x->w[q].cs, st_data_verbs) &&
        !x->w[q].quote_close && fig_in(x, a, b))
        return ex_type_index("release");
    if (starts_any(s, v->ce, v->cs, st_forecast))
        return ex_type_index("announce");
    if (ex_ends_any(s, a, b, st_vow_ends) || (x->w[q].quote_close && st_contains(s, x->w[q].cs, b, st_vow_ends)))
        return pledge;
    /* …할 것"이라고, …할 것이라고: a vow unless a state (될 것) */
    int fw = -1;
    for (int k = q; k >= 0 && k >= q - 1; k--)
        if (ex_at_any(s, x->w[k].ce, x->w[k].cs, GW(vow_nouns)))
            fw = k;
    /* (가격이 오를 것, 수출이 늘 것: a thing told as the subject of what
     * will happen makes it a forecast, no vow) */
    int thing = 0;
    for (int k = fw - 2; fw > 1 && k >= 0 && x->w[k].s >= a && !thing; k--)
        thing = x->w[k].particle == EX_P_SUBJ && !actor_in(x, x->w[k].cs, x->w[k].ps);
    /* (삼성전자의 새 칩이 "시장을 바꿀 것"이라고: so is what an actor
     * owns, told as the subject right before the quote) */
    int qw = fw > 0 && x->w[q].quote_close ? word_at(x, a > 0 ? a - 1 : 0) : -1;
    if (!thing && qw > 0 && !x->w[qw - 1].in_quote && x->w[qw - 1].particle == EX_P_SUBJ &&
        !actor_in(x, x->w[qw - 1].cs, x->w[qw - 1].ps))
        for (size_t k = 0; k < x->nr && !thing; k++)
            thing = x->r[k].gen && !x->r[k].in_quote && x->r[k].role == EX_P_SUBJ && x->r[k].pend > x->w[qw - 1].s &&
                    x->r[k].pend <= x->w[qw - 1].e;
    if (fw > 0 && x->w[fw - 1].s >= a && !thing) {
        const ex_word *adn = &x->w[fw - 1];
        size_t cl;
        uint32_t last = adn->ce > adn->cs ? ex_cp(s, adn->ce, ex_prev(s, adn->ce), &cl) : 0;
        int state = 0;
        for (int k = 0; st_state_adn[k]; k++)
            if (ex_ends(s, adn->cs, adn->ce, st_state_adn[k]))
                state = 1;
        /* (…완화하지 않을 것: an act denied, 하지 않을, is a vow; 크지 않을,
         * 되지 않을 stay states) */
        if (state && fw > 1 && x->w[fw - 2].s >= a &&
            ex_ends_any(s, x->w[fw - 2].cs, x->w[fw - 2].ce, GW(statement_action_links)))
            state = 0;
        if (ex_jong(last) == EX_JONG_L && !state)
            return pledge;
    }
    return ex_type_index("announce");
}

/* The speaker of a statement whose content starts at qs: the nearest
 * subject or topic outside quotes before it, else one before the verb. */
static void st_speaker(exdoc *x, ex_event *e, size_t qs, size_t vs)
{
    int best = -1, outer = -1;
    for (size_t k = 0; k < x->nr; k++) {
        const ex_role *r = &x->r[k];
        if (r->in_quote || !is_subject(x, r) || r->next >= 0)
            continue;
        if (r->pend <= qs || (r->pend <= vs && x->m->v[r->m].nstart >= qs && best < 0))
            best = (int)k;
        if (r->pend <= qs && !r->gen && outer < 0)
            outer = (int)k;
    }
    /* 상무부는 화웨이의 장비가 "…"고 말했다, 중국은 미국이 "…"고 비판했다:
     * a subject (이/가) right before what is said, on the actor or on
     * what the actor owns, is the subject of what is said; the topic or
     * subject before it, with no verb between them, says it (a
     * spokesman, 국무부 대변인이, still speaks for the body) */
    if (best >= 0 && outer >= 0 && best != outer && x->r[best].role == EX_P_SUBJ &&
        (x->r[best].gen || x->r[best].own)) {
        size_t bs = x->m->v[x->r[phrase_start(x, (size_t)best)].m].nstart;
        int ow = word_at(x, x->r[outer].pend ? x->r[outer].pend - 1 : 0), bw = word_at(x, bs);
        int verb = ow < 0 || bw < 0 || x->r[outer].pend > bs;
        for (int k = ow + 1; !verb && k < bw; k++)
            verb = !x->w[k].in_quote && verbish_word(x, &x->w[k]);
        if (!verb)
            best = outer;
    }
    /* …주장했고, 국민의힘은 논의가 먼저라고 맞섰다: a topic that opens
     * the clause of what is said (no quote: the clause starts after the
     * last clause end) is who says it, not one told before it */
    for (size_t k = 0; k < x->nr; k++) {
        const ex_role *r = &x->r[k];
        if (r->in_quote || r->role != EX_P_TOPIC || r->next >= 0 || r->pend > vs)
            continue;
        if (x->m->v[x->r[phrase_start(x, k)].m].nstart == qs && qs < vs) {
            best = (int)k;
            break;
        }
    }
    /* 3곳은 운영사라고 상무부는 설명했다: a subject or topic after the
     * reported clause (the word before it ends in reported_speech_ends)
     * and right before the verb is the speaker; the one before is a
     * subject of what is said */
    for (size_t k = 0; k < x->nr; k++) {
        const ex_role *r = &x->r[k];
        if (r->in_quote || !is_subject(x, r) || r->next >= 0 || r->pend > vs)
            continue;
        size_t ps = x->m->v[x->r[phrase_start(x, k)].m].nstart;
        int pw = word_at(x, ps);
        size_t q = r->pend;
        while (q < vs && x->s[q] == ' ')
            q++;
        if (ps <= qs || pw <= 0 || q != vs)
            continue;
        const ex_word *b = &x->w[pw - 1];
        if (!b->in_quote && b->ce > b->cs && ex_ends_any(x->s, b->cs, b->ce, GW(reported_speech_ends)))
            best = (int)k;
    }
    e->n_agent = 0;
    e->n_target = 0;
    if (best < 0)
        return;
    int heads[4];
    int n = phrase_heads(x, phrase_start(x, (size_t)best), heads, 4);
    for (int i = 0; i < n; i++)
        add_role(e->agent, &e->n_agent, heads[i], x);
}

/* The last kept statement of an earlier sentence (at most two back), or -1. */
static int st_previous(const exdoc *x, size_t first_ev, size_t si)
{
    for (size_t k = first_ev; k-- > 0;) {
        const ex_event *p = &x->ev_v[k];
        if (p->dropped)
            continue;
        if (p->sent + 2 < si)
            return -1;
        return p->stmt ? (int)k : -1;
    }
    return -1;
}

/* The word, after the start qs of what is said and before word q, that
 * closes a quote chained to the next by 며 ("…반대한다"며 "…하겠다"고):
 * the last such, or -1. */
static int st_chain_link(const exdoc *x, int q, size_t qs)
{
    for (int k = q - 1; k >= 0 && x->w[k].e > qs; k--) {
        if (!x->w[k].quote_close)
            continue;
        size_t c = st_close(x, &x->w[k]);
        if (c == (size_t)-1 || x->w[k].ce <= c + 1)
            return -1;
        return st_is_one_of(x->s, c + 1, x->w[k].ce, GW(statement_chain_links)) ? k : -1;
    }
    return -1;
}

/* The kind of what is said in [a, b) with no speech verb of its own (the
 * first quote of a chain): protest, pledge, or announce. */
static int st_content_type(const exdoc *x, size_t a, size_t b)
{
    if (st_contains(x->s, a, b, st_protest_words))
        return ex_type_index("protest");
    if (ex_ends_any(x->s, a, b, st_vow_ends))
        return ex_type_index("pledge");
    return ex_type_index("announce");
}

/* Makes one statement event of each speech verb with what was said before
 * it, folding the vow or objection read inside the quote into it. */
static void statement_events(exdoc *x, size_t si, size_t ss, size_t se, int title_line, size_t first_ev)
{
    pthread_once(&st_once, st_init);
    int announce = ex_type_index("announce"), pledge = ex_type_index("pledge"),
        protest = ex_type_index("protest");
    for (size_t wi = 0; wi < x->nw; wi++) {
        const ex_word *w = &x->w[wi];
        if (w->in_quote || w->ce <= w->cs || !starts_any(x->s, w->ce, w->cs, st_verbs))
            continue;
        /* …말했다고 전했다: this one is reported by the next verb; but
         * after …주장했고 another side with a subject of its own speaks
         * next (…라고 맞섰다): this one is a statement of its own */
        if (ex_ends_any(x->s, w->cs, w->ce, GW(reported_link_ends))) {
            int own_next = !ex_ends_any(x->s, w->cs, w->ce, GW(report_quote_ends));
            int subj = 0;
            for (size_t k = 0; own_next && k < x->nr && !subj; k++) {
                const ex_role *r = &x->r[k];
                subj = !r->in_quote && is_subject(x, r) && r->next < 0 && x->m->v[r->m].nstart >= w->e &&
                       r->pend <= x->se;
            }
            if (!subj)
                continue;
        }
        /* …라고 강조해 왔다: what someone has long said, no occasion */
        if (wi + 1 < x->nw && ex_ends_any(x->s, w->cs, w->ce, GW(habit_link_ends)) &&
            ex_at_any(x->s, x->w[wi + 1].ce, x->w[wi + 1].cs, GW(habit_auxiliaries))) {
            for (size_t k = first_ev; k < x->n_ev; k++)
                if (x->ev_v[k].ps >= w->s && x->ev_v[k].ps < w->e && x->ev_v[k].type == announce)
                    x->ev_v[k].dropped = 1;
            continue;
        }
        size_t qe = 0;
        int q = st_quotive(x, (int)wi, &qe);
        if (q < 0)
            continue;
        size_t qs = st_content_start(x, q, ss);
        /* a reported act (포함한다고 발표했다) is the act: left to the
         * sentence merge */
        int act = 0, sp = -1;
        for (size_t k = first_ev; k < x->n_ev; k++) {
            ex_event *e = &x->ev_v[k];
            if (e->dropped)
                continue;
            if (!e->quoted && e->pe > x->w[q].s && e->pe <= x->w[q].e && e->ps < w->s)
                act = 1;
            /* the speech verb's own event, or one between the quote and
             * it (…"고 경고하기도 했다: 경고 is the statement) */
            if (e->ps >= x->w[q].e && e->ps < w->e && !e->quoted)
                sp = (int)k;
        }
        /* (but an act threatened, …부과하겠다고 위협했다, is the threat:
         * a vow, GUIDELINES; a speech verb that is an event of its own,
         * 경고했다, merges with the act told in the sentence) */
        if (act && sp < 0 && starts_any(x->s, w->ce, w->cs, st_pledge_verbs) && !(x->w[q].quote_close)) {
            for (size_t k = first_ev; k < x->n_ev; k++) {
                ex_event *e = &x->ev_v[k];
                if (!e->dropped && !e->quoted && e->pe > x->w[q].s && e->pe <= x->w[q].e && e->ps < w->s &&
                    ex_ends_any(x->s, x->w[q].cs, x->w[q].ce, st_vow_ends))
                    e->dropped = 1, act = 0;
            }
        }
        /* (a command, …철회하라고 요구했다, reports no act done: the
         * statement is the event) */
        if (act && !x->w[q].quote_close && ex_ends_any(x->s, x->w[q].cs, x->w[q].ce, GW(command_quote_ends))) {
            for (size_t k = first_ev; k < x->n_ev; k++) {
                ex_event *e = &x->ev_v[k];
                if (!e->dropped && !e->quoted && e->pe > x->w[q].s && e->pe <= x->w[q].e && e->ps < w->s)
                    e->dropped = 1;
            }
            act = 0;
        }
        if (act)
            continue;
        int type = st_type(x, qs, qe, w, q);
        /* "…반대한다"며 "…하겠다"고: a protest, then a vow, are two
         * statements (GUIDELINES: the kind of content changes) */
        int link = st_chain_link(x, q, qs);
        size_t lend = link >= 0 ? x->w[link].e : 0;
        int ta = link >= 0 ? st_content_type(x, qs, st_close(x, &x->w[link])) : announce;
        int tb = link >= 0 ? st_type(x, lend, qe, w, q) : announce;
        /* the vow or objection read inside the quote */
        int inq = -1;
        for (size_t k = first_ev; k < x->n_ev; k++) {
            ex_event *e = &x->ev_v[k];
            if (e->dropped || !e->quoted || e->ps < qs || e->ps >= x->w[q].e)
                continue;
            if (e->type != pledge && e->type != protest)
                continue; /* a past act reported: an event of its own */
            if (type == announce && (e->type == pledge || e->type == protest))
                type = e->type;
            if (link >= 0 && e->ps < lend && ta == announce)
                ta = e->type;
            if (link >= 0 && e->ps >= lend && tb == announce)
                tb = e->type;
            e->dropped = 1;
            inq = (int)k;
        }
        /* what a court says (재판부는 "…"라고 밝혔다) is its ruling */
        if (type == announce && court_subject(x, q))
            type = ex_type_index("legal");
        int split = link >= 0 && ta != tb && (ta == pledge || ta == protest) && (tb == pledge || tb == protest);
        if (split)
            type = tb;
        size_t cs = x->w[q].s;
        if (q > 0 && x->w[q - 1].s >= qs)
            cs = x->w[q - 1].s;
        if (cs < qs)
            cs = qs;
        ex_event *e;
        int anaphor = 0; /* the speaker is a noun pointing back (회사 측은) */
        if (sp >= 0) {
            e = &x->ev_v[sp];
            if (e->type == announce || e->type == pledge || e->type == protest)
                e->type = type;
        } else {
            ex_event ne;
            memset(&ne, 0, sizeof ne);
            int sv = starts_any(x->s, w->ce, w->cs, st_verbs);
            const ex_word *next = wi + 1 < x->nw ? &x->w[wi + 1] : NULL;
            const ex_word *next2 = wi + 2 < x->nw ? &x->w[wi + 2] : NULL;
            ne.f = ex_ending(x->s, w->cs + (size_t)sv, w, next, next2, &x->w[wi - 1]);
            if (ne.f & (EX_F_NOMIN | EX_F_INTENT | EX_F_HYPO | EX_F_NEG | EX_F_COMPL | EX_F_HABIT |
                        EX_F_PRESADN | EX_F_FORECAST))
                continue;
            if ((ne.f & EX_F_ADNOM) && !(next && ex_at_any(x->s, next->ce, next->cs, GW(statement_adnominal_heads))))
                continue;
            ne.type = type;
            ne.ps = w->cs;
            ne.pe = w->ce;
            ne.sent = si;
            ne.time = -1;
            ne.canon = -1;
            ne.title_line = title_line;
            copy_word(x, w->cs, w->ce, ne.pred, sizeof ne.pred);
            cand c;
            memset(&c, 0, sizeof c);
            c.ps = w->cs;
            c.me = w->cs + (size_t)sv;
            c.wi = (int)wi;
            ne.cs = ss;
            fill_roles(x, &ne, &c);
            st_speaker(x, &ne, qs, w->cs);
            /* (회사는 …할 것으로 내다봤다: the company last told of) */
            for (int k = 0; !ne.n_agent && k < q; k++)
                if (!x->w[k].in_quote && (x->w[k].particle == EX_P_SUBJ || x->w[k].particle == EX_P_TOPIC) &&
                    company_anaphor(x, &ne, (size_t)k)) {
                    anaphor = 1;
                    break;
                }
            fill_date(x, &ne, ss, se);
            add_event(x, &ne);
            e = &x->ev_v[x->n_ev - 1];
        }
        e->stmt = 1;
        e->cs = cs;
        /* a demand (요구, 촉구) on another side, named as the subject of
         * what is said, objects to what that side does: a protest */
        if (e->type == announce && starts_any(x->s, w->ce, w->cs, st_demand_verbs) &&
            st_other_subject(x, e, qs, x->w[q].e))
            e->type = protest;
        /* the vow read in the quote names the statement (내놓겠다) */
        if (inq >= 0 && x->ev_v[inq].pred[0])
            memcpy(e->pred, x->ev_v[inq].pred, sizeof e->pred);
        /* a vow dated inside the quote (다음 달 내놓겠다) keeps its date */
        if (inq >= 0 && !e->date[0] && x->ev_v[inq].date[0]) {
            memcpy(e->date, x->ev_v[inq].date, sizeof e->date);
            memcpy(e->when, x->ev_v[inq].when, sizeof e->when);
            e->time = x->ev_v[inq].time;
        }
        /* a statement with no time of its own is made on the day of the
         * act told just before it (the story's day carried forward) */
        if (!e->date[0] && !in_time(x, ss, w->ce) && !clause_has(x, ss, w->ce, vague_times)) {
            size_t self = (size_t)(e - x->ev_v);
            for (size_t k = self; k-- > 0;) {
                const ex_event *p = &x->ev_v[k];
                if (p->dropped || p->sent == si)
                    continue;
                if (p->sent + 3 < si)
                    break;
                if (p->date[0] && !p->quoted && !after_dct(p->date, &x->dct)) {
                    memcpy(e->date, p->date, sizeof e->date);
                    memcpy(e->when, p->when, sizeof e->when);
                }
                break;
            }
        }
        /* 이어 "…"고 말했다 with no speaker of its own: the same statement
         * goes on (one event), or a new kind of content by that speaker */
        int prev = st_previous(x, first_ev, si);
        /* (회사 측은 …라고 설명했다: a subject of its own, a new saying) */
        int own = anaphor;
        for (size_t k = 0; k < x->nr; k++)
            if (!x->r[k].in_quote && is_subject(x, &x->r[k]) && x->r[k].pend <= w->cs &&
                (x->r[k].pend <= qs || x->m->v[x->r[k].m].nstart >= x->w[q].e))
                own = 1;
        /* 엔비디아는 … 줄어들 것으로 내다봤다 after another's statement: a
         * topic that opens the sentence (its first or second word) and
         * names someone else than the speaker before speaks on its own,
         * also when what it says starts before it (no quote) */
        for (size_t k = 0; k < x->nr && !own && prev >= 0; k++) {
            const ex_role *r = &x->r[k];
            if (r->in_quote || r->gen || r->role != EX_P_TOPIC || r->next >= 0 || r->pend > w->cs)
                continue;
            int fw = word_at(x, x->m->v[x->r[phrase_start(x, k)].m].nstart);
            if (fw < 0 || fw > 1)
                continue;
            const ex_event *p = &x->ev_v[prev];
            own = !role_has(p->agent, p->n_agent, x->m->v[r->m].id, x);
        }
        int cont = prev >= 0 && (word_is(x, 0, st_continuers) || x->ev_v[prev].sent + 1 == si);
        if (cont && !own) {
            ex_event *p = &x->ev_v[prev];
            if (p->type == e->type || e->type == announce) {
                e->dropped = 1;
            } else if (!e->n_agent) {
                memcpy(e->agent, p->agent, sizeof e->agent);
                e->n_agent = p->n_agent;
            }
        }
        if (split && !e->dropped) {
            /* the first statement: same speaker and day, its own kind,
             * cued at the end of its quote; put before the second and
             * what was read inside the second quote (so a statement
             * issued before it, 성명을 내고, still meets the first) */
            ex_event a = *e;
            a.type = ta;
            a.cs = x->w[link].s;
            a.span_s = 0;
            a.ps = st_close(x, &x->w[link]) + 1; /* (after what the quote read) */
            a.pe = x->w[link].ce;
            copy_word(x, x->w[link].cs, a.pe, a.pred, sizeof a.pred);
            size_t at = (size_t)(e - x->ev_v);
            for (size_t k = first_ev; k < at; k++)
                if (x->ev_v[k].ps >= lend) {
                    at = k;
                    break;
                }
            add_event(x, &a);
            ex_event last = x->ev_v[x->n_ev - 1];
            memmove(&x->ev_v[at + 1], &x->ev_v[at], (x->n_ev - 1 - at) * sizeof *x->ev_v);
            x->ev_v[at] = last;
        }
    }
}

/* 1 if the line that holds s[at] ends with a date written by a machine
 * (…연설하고 있다. 2025.09.04): a photo caption, whose times tell when
 * the picture was taken, not what the story is about. The answer is kept
 * for the line, so a line of many sentences is read once. */
static int caption_line(exdoc *x, size_t at)
{
    if (at < x->cap_end && x->cap_end)
        return x->cap_is;
    size_t le = at;
    while (le < x->len && x->s[le] != '\n')
        le++;
    x->cap_end = le + 1;
    while (le > at && (x->s[le - 1] == ' ' || x->s[le - 1] == '\r'))
        le--;
    size_t b = le, digits = 0, dots = 0;
    while (b > at && ((x->s[b - 1] >= '0' && x->s[b - 1] <= '9') || x->s[b - 1] == '.')) {
        b--;
        if (x->s[b] == '.')
            dots++;
        else
            digits++;
    }
    x->cap_is = digits == 8 && dots == 2 && le - b == 10 && (b == at || x->s[b - 1] == ' ');
    /* …3% 하락했다. AP 연합뉴스: a line that ends with the credit of
     * a photo after its last sentence (events.yaml caption_credits) */
    x->cap_credit = 0;
    for (int k = 0; !x->cap_is && GW(caption_credits)[k]; k++) {
        size_t l = strlen(GW(caption_credits)[k]);
        if (le >= at + l + 2 && !memcmp(x->s + le - l, GW(caption_credits)[k], l) && x->s[le - l - 1] == ' ' &&
            (x->s[le - l - 2] == '.' || x->s[le - l - 2] == '/'))
            x->cap_is = x->cap_credit = 1;
    }
    return x->cap_is;
}

/* 1 if the line that holds s[at] is a caption with a photo's credit: the
 * lead printed under a picture (a caption that only describes the picture,
 * …악수하고 있다. 2025.10.31, tells acts of its own). */
static int credit_caption(exdoc *x, size_t at)
{
    caption_line(x, at);
    return x->cap_credit;
}

/* Remembers the last date of the sentence [ss, se) for the events after
 * it with no time of their own (이날, 당시, or none): a date something
 * happened on, not an open range (다음 달 1일부터) or a date still to
 * come, and not a headline's or a dateline's (입력 2025.03.12 09:30: when
 * the page was written, not when anything happened). */
/* 1 if the time at word tw dates an act told in an adnominal clause that
 * a bound noun closes (…가 지난달 29일 …명단에 올린 데 대한 보복으로 보고
 * 있다): an earlier act the sentence names, not the story's day. */
static int closed_clause_time(const exdoc *x, int tw)
{
    for (int k = tw + 1; k >= 1 && (size_t)k + 1 < x->nw && k <= tw + 12; k++) {
        const ex_word *w = &x->w[k];
        if (w->in_quote || w->quote_close)
            return 0;
        if (clause_noun_word(x, k))
            return k - 1 > tw && closed_clause_before(x, x->w[k + 1].cs);
        if (ends_clause(x, w))
            return 0;
    }
    return 0;
}

/* 1 if the sentence [ss, se) ends in a word of list (its last word,
 * before its final marks and closing quotes). */
static int sentence_ends_in(const exdoc *x, size_t ss, size_t se, const char *const *list)
{
    size_t e = se;
    while (e > ss && (x->s[e - 1] == ' ' || x->s[e - 1] == '\n' || x->s[e - 1] == '.' || x->s[e - 1] == '?' ||
                      x->s[e - 1] == '!' || x->s[e - 1] == '"' || x->s[e - 1] == '\''))
        e--;
    return e > ss && ex_ends_any(x->s, ss, e, list);
}

static void remember_date(exdoc *x, size_t ss, size_t se, int title_line)
{
    if (title_line || caption_line(x, ss))
        return;
    /* 간밤 뉴욕증시에서 … 하락한 영향이다: the time of a cause told to
     * explain a move is neither the day the next acts go on on nor the
     * time a later 이날 or figure goes on with */
    if (sentence_ends_in(x, ss, se, explain_copulas))
        return;
    for (size_t k = x->t0; k < x->t1; k++) {
        const kg_mention *m = &x->m->v[x->tim[k]];
        /* (nor a period that runs on past the document date: 하반기 in
         * July, a plan's time, not a day the story's acts were on) */
        const char *iv = strchr(m->value, '/');
        if (m->nstart >= ss && m->nstart < se && m->value[0] && !strstr(m->value, "..") &&
            !after_dct(m->value, &x->dct) && !(iv && after_dct(iv + 1, &x->dct)) && !ex_base_time(x, m) &&
            !source_time(x, m) &&
            starts_any(x->s, m->nend, m->nstart, carry_words) != (int)(m->nend - m->nstart)) {
            snprintf(x->last_date, sizeof x->last_date, "%s", m->value);
            size_t l = m->nend - m->nstart;
            if (l >= sizeof x->last_when)
                l = sizeof x->last_when - 1;
            memcpy(x->last_when, x->s + m->nstart, l);
            x->last_when[l] = '\0';
            int tw = word_at(x, m->nstart);
            /* (a day of a sentence that tells an earlier act, 앞서 …
             * 지난 2일 …했다, is not the story's day the next acts go on
             * on) */
            if (day_date(m->value) && tw >= 0 && !x->w[tw].in_quote && !x->w[tw].quote_close &&
                !starts_any(x->s, se, ss, earlier_openers) && !closed_clause_time(x, tw)) {
                snprintf(x->last_day, sizeof x->last_day, "%s", m->value);
                memcpy(x->last_day_when, x->last_when, l + 1);
                x->last_day_at = m->nstart;
                if (!x->main_day[0] || strcmp(m->value, x->main_day) >= 0) {
                    snprintf(x->main_day, sizeof x->main_day, "%s", m->value);
                    memcpy(x->main_day_when, x->last_when, l + 1);
                }
            }
        }
    }
}

/* How far after the lead (bytes) a day told in the body dates it. */
#define LEAD_DAY_SPAN 600
/* An article with no headline: this many sentences at least. */
#define LEAD_MIN_SENTENCES 5

/* Notes the lead: the body's first sentence that tells an act, and
 * whether a headline came before it. */
static void lead_date(exdoc *x, size_t si, size_t se, int title_line, size_t first_ev)
{
    if (title_line && !x->lead_done)
        x->headed = 1;
    if (title_line || x->lead_done || first_ev >= x->n_ev)
        return;
    x->lead_done = 1;
    x->lead_sent = si;
    x->lead_se = se;
}

/* The lead of an article (a headline before it, or five sentences or
 * more) tells the news of the day: an act or a statement there with no
 * time of its own, told as done (past, or reported speech) and not in
 * passing (events.yaml background_ends: 투자하기도 했다), happened on
 * the document's date when that is a day (미국 상무부가 한 칩 기업에
 * 보조금을 주기로 했다). Run after the relations, so that a later
 * mention's own day (same-as) comes first. */
void ex_lead_dates(exdoc *x)
{
    if (!x->lead_done || !(x->headed || x->t->n_sent >= LEAD_MIN_SENTENCES) || x->dct.prec != KG_PREC_DAY)
        return;
    /* the day the body tells right after the lead (…규제를 확대했다. 통상부는
     * 9일(현지시간) … 공개했다) is the lead's: the document's date may be
     * the next day where the act took place abroad */
    char day[48];
    snprintf(day, sizeof day, "%04d-%02d-%02d", x->dct.year, x->dct.month, x->dct.day);
    for (size_t k = ex_first_at(x, x->tim, x->n_time, x->lead_se); k < x->n_time; k++) {
        const kg_mention *m = &x->m->v[x->tim[k]];
        if (m->nstart > x->lead_se + LEAD_DAY_SPAN)
            break;
        if (day_date(m->value) && !after_dct(m->value, &x->dct) && !source_time(x, m) && !ex_base_time(x, m)) {
            snprintf(day, sizeof day, "%s", m->value);
            break;
        }
    }
    for (size_t k = 0; k < x->n_ev; k++) {
        ex_event *e = &x->ev_v[k];
        if (e->sent != x->lead_sent || e->dropped || e->date[0] || e->time >= 0 || e->when[0] || e->quoted ||
            e->title_line || !carries_date(x, e) || in_passing(x, e))
            continue;
        memcpy(e->date, day, sizeof day < sizeof e->date ? sizeof day : sizeof e->date);
        e->date[sizeof e->date - 1] = '\0';
    }
}

/* After the merges of a sentence: an act told with a day of its own and
 * then said on another day (11일 회의를 열었다고 12일 밝혔다) is one
 * event, the act (GUIDELINES: a decided act that is announced is the act),
 * and so dated by the act's day, not by the day of the saying. */
void ex_told_act_dates(exdoc *x, size_t first)
{
    for (size_t i = first; i < x->n_ev; i++) {
        const ex_event *a = &x->ev_v[i];
        if (!a->dropped || a->quoted || !(a->f & EX_F_QUOTIVE) || !a->date[0] || a->time < 0 ||
            x->m->v[a->time].nend > a->ps)
            continue;
        for (size_t j = i + 1; j < x->n_ev; j++) {
            ex_event *b = &x->ev_v[j];
            if (b->sent != a->sent)
                break;
            if (b->dropped)
                continue;
            /* (the one it went into: its span holds a, its day is told
             * between a and its verb) */
            if (b->cs <= a->ps && b->pe >= a->pe && b->type == a->type && b->time >= 0 && b->time != a->time &&
                x->m->v[b->time].nstart >= a->pe && x->m->v[b->time].nend <= b->ps) {
                memcpy(b->date, a->date, sizeof b->date);
                memcpy(b->when, a->when, sizeof b->when);
                b->time = a->time;
            }
            break;
        }
    }
}

/* 삼성전자는 3.1% 내린 9만8500원, SK하이닉스는 4.6% 떨어진 56만원에 거래를
 * 마쳤다; 삼성전자는 5월에, SK하이닉스는 6월에 계약을 맺었다: two subjects
 * share one verb, the first with its own part of the clause cut off by a
 * comma and no verb of its own. The first does the act too: one more event,
 * a copy of the verb's with that subject as its doer, its span the first
 * part (the subject's words to the comma). Run on the events of one
 * sentence after its merges (first on; the sentence's words in x->w). */
void ex_gapped_subjects(exdoc *x, size_t first)
{
    size_t n = x->n_ev;
    for (size_t i = first; i < n; i++) {
        const ex_event *e = &x->ev_v[i];
        if (e->dropped || e->quoted || e->stmt || e->n_agent != 1)
            continue;
        const kg_mention *am = &x->m->v[e->agent[0]];
        int k2 = word_at(x, am->nstart);
        if (k2 < 2 || x->w[k2].in_quote || (x->w[k2].particle != EX_P_TOPIC && x->w[k2].particle != EX_P_SUBJ) ||
            am->nend > x->w[k2].ps || x->w[k2].e > e->ps)
            continue;
        /* the first part ends in a comma right before the second subject */
        size_t c = x->w[k2].s;
        while (c > 0 && x->s[c - 1] == ' ')
            c--;
        if (c == 0 || x->s[c - 1] != ',')
            continue;
        c--;
        /* its subject: an actor with 은/는/이/가 at most four words back,
         * no word between that ends a clause, no event told there */
        int k1 = -1;
        for (int k = k2 - 1; k >= 0 && k >= k2 - 5; k--) {
            const ex_word *w = &x->w[k];
            if (w->in_quote || (k < k2 - 1 && ends_clause(x, w)))
                break;
            if (w->particle == EX_P_TOPIC || w->particle == EX_P_SUBJ) {
                k1 = k;
                break;
            }
        }
        if (k1 < 0 || k1 + 1 >= k2)
            continue;
        int actor = -1;
        for (size_t q = x->a0; q < x->a1; q++) {
            const kg_mention *m = &x->m->v[x->act[q]];
            if (m->nstart >= x->w[k1].cs && m->nend <= x->w[k1].ps && m->id && strcmp(m->id, am->id) != 0)
                actor = x->act[q];
        }
        if (actor < 0)
            continue;
        int told = 0;
        for (size_t j = first; j < x->n_ev && !told; j++)
            told = j != i && x->ev_v[j].ps >= x->w[k1].e && x->ev_v[j].ps < c && !x->ev_v[j].dropped;
        if (told)
            continue;
        KG_VEC_PUSH(x->ev_v, x->n_ev, x->cap_ev);
        e = &x->ev_v[i]; /* (the vector may have moved) */
        ex_event *g = &x->ev_v[x->n_ev++];
        *g = *e;
        g->agent[0] = actor;
        g->span_s = g->cs = g->chain = x->w[k1 + 1].s;
        g->ps = x->w[k1 + 1].s;
        g->pe = c;
        /* (a time of its own in its part dates it: 5월에, 6월에) */
        for (size_t k = x->t0; k < x->t1; k++) {
            const kg_mention *m = &x->m->v[x->tim[k]];
            if (m->nstart >= g->ps && m->nend <= c && m->value[0] && !ex_base_time(x, m)) {
                set_date_from(x, g, x->tim[k]);
                break;
            }
        }
    }
    /* (in text order, as every later pass reads them) */
    if (x->n_ev > n) {
        ex_event *v = x->ev_v + first;
        size_t m = x->n_ev - first;
        for (size_t a = 1; a < m; a++)
            for (size_t b = a; b > 0 && v[b - 1].ps > v[b].ps; b--) {
                ex_event t = v[b];
                v[b] = v[b - 1];
                v[b - 1] = t;
            }
    }
}

void ex_sentence_events(exdoc *x, size_t si, size_t ss, size_t se, int title_line)
{
    pthread_once(&lists_once, lists_init);
    x->a0 = ex_first_at(x, x->act, x->n_act, ss);
    x->a1 = ex_first_at(x, x->act, x->n_act, se);
    x->t0 = ex_first_at(x, x->tim, x->n_time, ss);
    x->t1 = ex_first_at(x, x->tim, x->n_time, se);
    /* a line break before the sentence starts a paragraph (the topic
     * carried to a dropped subject stays in its paragraph) */
    for (size_t i = x->prev_se; i < ss && i < x->len; i++)
        if (x->s[i] == '\n') {
            x->para++;
            break;
        }
    x->prev_se = se;
    split_words(x, ss, se);
    if (!x->nw)
        return;
    x->se = se;
    compute_roles(x, ss, se);
    size_t nc = find_cands(x, &x->cand_v, &x->cap_cand);
    size_t first_ev = x->n_ev;
    x->chain = ss;
    size_t boundary = x->w[0].cs;
    size_t wpos = 0; /* next word to check for boundaries */
    for (size_t ci = 0; ci < nc; ci++) {
        const cand *c = &x->cand_v[ci];
        const ex_word *w = &x->w[c->wi];
        /* clause start: after the last boundary word or closing quote */
        for (; wpos < x->nw && x->w[wpos].e <= c->ps; wpos++) {
            const ex_word *b = &x->w[wpos];
            if (b->quote_close) {
                for (size_t k = b->s; k < b->e; k++)
                    if (x->s[k] == '"')
                        boundary = k + 1;
            } else if (!b->in_quote && ends_clause(x, b)) {
                boundary = (size_t)wpos + 1 < x->nw ? x->w[wpos + 1].s : b->e;
            }
        }
        if (boundary > c->ps)
            boundary = w->s <= c->ps ? x->w[word_at(x, c->ps)].s : c->ps;
        ex_event e;
        memset(&e, 0, sizeof e);
        e.type = c->type;
        e.ps = c->ps;
        e.pe = w->ce;
        e.cs = boundary;
        e.sent = si;
        e.time = -1;
        e.canon = -1;
        e.title_line = title_line;
        const ex_word *next = (size_t)c->wi + 1 < x->nw ? &x->w[c->wi + 1] : NULL;
        const ex_word *next2 = (size_t)c->wi + 2 < x->nw ? &x->w[c->wi + 2] : NULL;
        int pw = word_at(x, c->ps);
        const ex_word *prev = pw > 0 ? &x->w[pw - 1] : NULL;
        e.f = ex_ending(x->s, c->me, w, next, next2, prev);
        if (w->in_quote && w->quote_close)
            for (size_t k = c->me; k < w->e; k++)
                if (x->s[k] == '"') {
                    e.pe = k;
                    break;
                }
        snprintf(e.obj, sizeof e.obj, "%s", c->obj);
        make_pred_word(x, &e, c);
        e.chain = x->chain;
        /* a verb that tells no act here (a state, a market move with no
         * figure) is no predicate: the clause goes on past it */
        if (!market_ok(x, &e, c) || !kept_ok(x, &e, c) || !morph_act_ok(x, &e, c))
            continue;
        int keep = keep_event(x, &e, c, w);
        /* the span: the content verb with its object, not the clause (of
         * a past act reported in a quote too) */
        if (!w->in_quote || (!is_protest(e.type) && e.type != ex_type_index("pledge"))) {
            int pw0 = word_at(x, c->ps);
            size_t sp = pw0 >= 0 ? x->w[pw0].s : c->ps;
            if (c->objw >= 0 && c->objw < pw0) {
                int a = c->objw; /* with up to two bare nouns before (새 규제를) */
                while (a > 0 && c->objw - a < 2 && noun_word(x, &x->w[a - 1]) &&
                       !verbish_word(x, &x->w[a - 1]) && !is_word(x->s, x->w[a - 1].cs, x->w[a - 1].ce, bound_nouns))
                    a--;
                if (e.pe - x->w[a].s <= 60)
                    sp = x->w[a].s;
                else if (e.pe - x->w[c->objw].s <= 60)
                    sp = x->w[c->objw].s;
            }
            /* …한다고 밝혔다, …"고 발표했다: the end of what is said too */
            if (pw0 > 0 && c->objw < 0) {
                const ex_word *pv = &x->w[pw0 - 1];
                int said = pv->quote_close;
                for (int k = 0; !said && quote_words[k]; k++)
                    said = ex_ends(x->s, pv->cs, pv->ce, quote_words[k]);
                if (said && pv->ce > pv->cs)
                    sp = pv->s; /* the last word of the quote: 반대한다"고 */
            }
            e.span_s = sp;
        }

        /* the next clause starts after this predicate either way; a chain
         * of clauses goes on after a connective */
        if (!w->in_quote) {
            boundary = w->e;
            if (!(e.f & EX_F_CONN))
                x->chain = w->e;
        }
        if (!keep)
            continue;
        if ((e.f & EX_F_ADNOM) && !e.obj[0]) {
            head_after(x, c->wi, e.obj, sizeof e.obj);
            /* 발표한 수출통제: the noun it modifies names the act */
            int t = c->announce && e.obj[0] ? ex_noun_type(x->ev, e.obj, strlen(e.obj)) : -1;
            if (t >= 0)
                e.type = t;
        }
        fill_roles(x, &e, c);
        /* a market move with a subject of its own in its clause (주가가 4%
         * 급등하며 반도체주가 랠리했다) is a move of its own, not one act in two
         * verbs with the next */
        if (!e.subj_in_clause && e.type == ex_type_index("other") && market_move(x, c)) {
            for (int k = word_at(x, e.cs); k >= 0 && k < c->wi && x->w[k].s < c->ps; k++)
                if (x->w[k].particle == EX_P_SUBJ && !x->w[k].in_quote)
                    e.subj_in_clause = 1;
            /* a price or an index moves by itself: the actor of the clause
             * before (중국이 제재를 취하면서 주가가 내렸다) is not its agent */
            if (e.subj_in_clause) {
                int n = 0;
                for (int g = 0; g < e.n_agent; g++)
                    if (x->m->v[e.agent[g]].nstart >= e.cs)
                        e.agent[n++] = e.agent[g];
                e.n_agent = n;
            }
        }
        e.received = received_verb(x, c);
        int passive = e.received || acted_on(x, &e, c);
        if (passive) {
            /* the subject is the one acted on: 화웨이는 미국의 제재를 받았다,
             * 임원이 기소됐다 (the agent, when named, is the genitive) */
            int t[4], nt = e.n_target;
            memcpy(t, e.target, sizeof t);
            memcpy(e.target, e.agent, sizeof e.target);
            e.n_target = e.n_agent;
            memcpy(e.agent, t, sizeof e.agent);
            e.n_agent = nt;
        }
        e.quoted = w->in_quote;
        /* a past act reported inside a quote (…체결했고 …재확인했다"며) is
         * told by the speaker: it joins no verb outside the quote */
        if (w->in_quote && !is_protest(e.type) && e.type != ex_type_index("pledge"))
            e.f &= ~(unsigned)EX_F_CONN;
        if (w->in_quote) {
            /* the speaker: the subject before the quote, else after it */
            e.n_agent = 0;
            int best = -1;
            for (size_t k = 0; k < x->nr; k++) {
                const ex_role *r = &x->r[k];
                if (r->in_quote || !is_subject(x, r) || r->next >= 0)
                    continue;
                if (r->pend <= c->ps)
                    best = (int)k;
                else if (best < 0)
                    best = (int)k;
            }
            /* a speaker that is no actor (한 의원은) hides the ones before */
            if (best >= 0 && x->r[best].pend <= c->ps) {
                for (size_t k = 0; k < x->nw && x->w[k].s < c->ps; k++) {
                    const ex_word *v = &x->w[k];
                    if (v->in_quote || v->s < x->r[best].pend ||
                        (v->particle != EX_P_SUBJ && v->particle != EX_P_TOPIC))
                        continue;
                    int actor = 0;
                    for (size_t q = x->a0; q < x->a1; q++) {
                        const kg_mention *m = &x->m->v[x->act[q]];
                        if (m->nstart < v->e && m->nend > v->s)
                            actor = 1;
                    }
                    if (!actor) {
                        best = -1;
                        break; /* (found by fuzz_extract: x->r[-1] was read next) */
                    }
                }
            }
            if (best >= 0) {
                int heads[4];
                int n = phrase_heads(x, phrase_start(x, (size_t)best), heads, 4);
                for (int i = 0; i < n; i++)
                    add_role(e.agent, &e.n_agent, heads[i], x);
            }
            e.n_target = 0;
        }
        if (!e.n_agent && !w->in_quote)
            body_object_agent(x, &e);
        chair_agent(x, &e, c->ps);
        int passive_any = passive || c->morph == KG_MORPH_PASSIVE || passive_word(x, c);
        if (!passive_any && !w->in_quote)
            dative_target(x, &e, c);
        if (passive_any && self_change(x, &e))
            e.n_agent = e.n_target = 0;
        carry_agent(x, &e, passive_any);
        fill_date(x, &e, ss, se);
        add_event(x, &e);
    }
    /* a statement in a report (…보고서에서 "…"라고 지적했다) is the report's
     * release when no lexicon predicate made an event of it */
    for (size_t wi = 0; wi < x->nw; wi++) {
        const ex_word *w = &x->w[wi];
        if (w->in_quote || !starts_any(x->s, w->ce, w->cs, speech_verbs))
            continue;
        int quoted = wi > 0 && (x->w[wi - 1].quote_close ||
                                ex_ends_any(x->s, x->w[wi - 1].cs, x->w[wi - 1].ce, GW(report_quote_ends)) ||
                                (w->ce > w->cs && x->s[w->cs] == '"' &&
                                 ex_at_any(x->s, w->ce, w->cs + 1, GW(quotative_particles))));
        if (!quoted)
            continue;
        int covered = 0;
        for (size_t k = first_ev; k < x->n_ev; k++)
            if (x->ev_v[k].pe == w->ce)
                covered = 1;
        if (covered)
            break;
        int rel = ex_type_index("release");
        /* before the first quote; with none (…보고서에서 중국의 추격은
         * 시간문제라고 지적했다), before the reported clause's last word */
        size_t qs = x->w[wi - 1].s;
        for (size_t k = 0; k < wi; k++)
            if (x->w[k].in_quote || x->w[k].quote_close) {
                qs = x->w[k].s;
                break;
            }
        int found = 0;
        size_t rw = 0; /* where the report's word starts */
        for (size_t k = 0; k < wi && x->w[k].s < qs; k++) {
            const ex_word *v = &x->w[k];
            if (v->particle == EX_P_LOC && ex_noun_type(x->ev, x->s + v->cs, v->ps - v->cs) == rel && !found) {
                found = 1;
                rw = v->s;
            }
        }
        if (!found)
            break;
        ex_event e;
        memset(&e, 0, sizeof e);
        e.type = rel;
        e.ps = w->cs;
        e.pe = w->ce;
        e.cs = x->w[wi - 1].s;
        for (size_t k = x->w[wi - 1].s; k < x->w[wi - 1].e; k++)
            if (x->s[k] == '"')
                e.cs = k + 1;
        e.sent = si;
        e.time = -1;
        e.canon = -1;
        e.title_line = title_line;
        e.f = EX_F_FINAL | EX_F_PAST;
        copy_word(x, w->cs, w->ce, e.pred, sizeof e.pred);
        snprintf(e.obj, sizeof e.obj, "%s", GW(release_report_nouns)[0] ? GW(release_report_nouns)[0] : "");
        cand c;
        memset(&c, 0, sizeof c);
        c.ps = w->cs;
        c.me = w->ce;
        c.wi = (int)wi;
        size_t cs = e.cs;
        e.cs = ss;
        fill_roles(x, &e, &c);
        /* (its author is named before the report, 재단은 보고서에서: a
         * subject after it is one of what the report says) */
        int na = 0;
        for (int k = 0; k < e.n_agent; k++)
            if (x->m->v[e.agent[k]].nstart < rw)
                e.agent[na++] = e.agent[k];
        e.n_agent = na;
        fill_date(x, &e, ss, se);
        e.cs = cs;
        add_event(x, &e);
        break;
    }
    statement_events(x, si, ss, se, title_line, first_ev);
    lead_date(x, si, se, title_line, first_ev);
    remember_date(x, ss, se, title_line);
    remember_topic(x, si, title_line);
}
