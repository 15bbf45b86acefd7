/* relate.c - one act told in several clauses becomes one event; repeated
 * mentions are linked same-as; responds-to, causes and part-of come from
 * the relation cues of the event lexicon (이에, 이 때문에, 회의에서 …) and
 * from constructions (A-하자 B, A-했기 때문에 B, a meeting's 에서). */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exdoc.h"
#include "korean/grammar.h"

void ex_add_rel(exdoc *x, int from, int type, int to)
{
    if (from < 0 || to < 0 || from == to)
        return;
    /* same-as has no direction: the later mention points at the earlier */
    if (type == EX_REL_SAME && from < to) {
        int t = from;
        from = to;
        to = t;
    }
    /* the last few cover the repeats a sentence makes; a final sort and
     * unique pass covers the rest */
    for (size_t i = x->n_rel > 8 ? x->n_rel - 8 : 0; i < x->n_rel; i++) {
        const ex_rel *r = &x->rel[i];
        if (r->type == type && r->from == from && r->to == to)
            return;
    }
    KG_VEC_PUSH(x->rel, x->n_rel, x->cap_rel);
    x->rel[x->n_rel++] = (ex_rel){ from, to, type };
}

/* The same-as relation between r's two events, the lower first: what
 * r is looked up by among the same-as pairs. */
static ex_rel same_key(ex_rel r)
{
    if (r.from > r.to) {
        int t = r.from;
        r.from = r.to;
        r.to = t;
    }
    r.type = EX_REL_SAME;
    return r;
}

static int rel_cmp(const void *pa, const void *pb)
{
    const ex_rel *a = pa, *b = pb;
    if (a->from != b->from)
        return a->from < b->from ? -1 : 1;
    if (a->to != b->to)
        return a->to < b->to ? -1 : 1;
    return a->type - b->type;
}

static int agents_agree(const exdoc *x, const ex_event *a, const ex_event *b);
static int mention_on_side(const exdoc *x, int m, const ex_event *e);
static void absorb(ex_event *into, ex_event *from)
{
    if (from->cs < into->cs)
        into->cs = from->cs;
    /* the written span covers both verbs (events.c sets span_s) */
    size_t fs = from->span_s > from->cs ? from->span_s : from->cs;
    if (into->span_s && fs < into->span_s)
        into->span_s = fs;
    for (int i = 0; i < from->n_agent && into->n_agent < 4; i++) {
        int dup = 0;
        for (int j = 0; j < into->n_agent; j++)
            if (into->agent[j] == from->agent[i])
                dup = 1;
        if (!dup && !into->n_agent)
            into->agent[into->n_agent++] = from->agent[i];
    }
    if (!into->n_target)
        for (int i = 0; i < from->n_target; i++) {
            int agent = 0;
            for (int j = 0; j < into->n_agent; j++)
                agent |= into->agent[j] == from->target[i];
            if (!agent)
                into->target[into->n_target++] = from->target[i];
        }
    if (!into->date[0] && from->date[0]) {
        memcpy(into->date, from->date, sizeof into->date);
        memcpy(into->when, from->when, sizeof into->when);
    }
    if (!into->obj2[0])
        memcpy(into->obj2, from->obj, sizeof into->obj2);
    if (!into->obj[0])
        memcpy(into->obj, from->obj, sizeof into->obj);
    from->dropped = 1;
}

/* Statement nouns (성명, 담화, 입장문 …): the grammar's statement_nouns
 * (yaml/grammar/events.yaml), looked up at the first merge. */
static const char *const *statement_nouns, *const *decision_speech_verbs, *const *plan_head_nouns,
    *const *decide_words, *const *plan_word_ends, *const *meeting_talk_verbs, *const *source_words,
    *const *adnominal_ends;
/* Verbs of reaction (환영, 우려: relations.yaml reaction_verbs). */
static const char *const *reaction_preds;
/* Verbs that tell an act as an answer (맞대응, 응수: events.yaml). */
static const char *const *counter_verbs;
/* Subjects of a market move (주가, 지수: events.yaml market_subjects). */
static const char *const *market_subject_words, *const *stock_suffixes;
/* The particle of 'X too' (events.yaml also_particles: 도). */
static const char *const *also_particles;
static pthread_once_t lists_once = PTHREAD_ONCE_INIT;

static void lists_init(void)
{
    statement_nouns = kg_gram_words("events", "statement_nouns");
    decision_speech_verbs = kg_gram_words("events", "decision_speech_verbs");
    plan_head_nouns = kg_gram_words("events", "plan_head_nouns");
    decide_words = kg_gram_words("events", "decide_words");
    plan_word_ends = kg_gram_words("events", "plan_ends");
    meeting_talk_verbs = kg_gram_words("events", "meeting_talk_verbs");
    source_words = kg_gram_words("events", "source_words");
    adnominal_ends = kg_gram_words("events", "adnominal_ends");
    reaction_preds = kg_gram_words("relations", "reaction_verbs");
    counter_verbs = kg_gram_words("events", "counter_verbs");
    market_subject_words = kg_gram_words("events", "market_subjects");
    stock_suffixes = kg_gram_words("relations", "move_stock_suffixes");
    also_particles = kg_gram_words("events", "also_particles");
}

/* 1 if one of the words is in e's predicate title (따르면 of 보고서에
 * 따르면) */
static int pred_has(const ex_event *e, const char *const *words)
{
    for (int k = 0; words[k]; k++)
        if (strstr(e->pred, words[k]))
            return 1;
    return 0;
}

/* 1 if the verb head h starts with a word of list (인상 of 인상하겠다고). */
static int head_in(const char *h, const char *const *list)
{
    for (int k = 0; list[k]; k++)
        if (ex_at(h, strlen(h), 0, list[k]))
            return 1;
    return 0;
}

/* The plan noun the predicate word p starts with (계획 of 계획이라고
 * 밝혔다), or NULL. */
static const char *plan_head(const char *p)
{
    for (int k = 0; plan_head_nouns[k]; k++)
        if (!strncmp(p, plan_head_nouns[k], strlen(plan_head_nouns[k])))
            return plan_head_nouns[k];
    return NULL;
}

/* The last word of an object (긴급 담화: 담화). */
static const char *obj_last_word(const char *obj)
{
    const char *sp = strrchr(obj, ' ');
    return sp ? sp + 1 : obj;
}

/* 1 if obj names a statement: 성명, 담화, 입장문, 보도자료 … (its last
 * word: 즉각 성명, 긴급 담화) */
static int statement_noun(const char *obj)
{
    obj = obj_last_word(obj);
    for (int k = 0; statement_nouns[k]; k++)
        if (!strcmp(obj, statement_nouns[k]))
            return 1;
    return 0;
}

/* 1 if the act a issues a statement: its object names one, or, read with
 * its noun as the predicate's first word (입장문을 내고: no object
 * apart), that noun with an object particle does */
static int issues_statement(const ex_event *a)
{
    if (a->obj[0])
        return statement_noun(a->obj);
    const char *sp = strchr(a->pred, ' ');
    if (!sp || sp == a->pred)
        return 0;
    ex_word w;
    memset(&w, 0, sizeof w);
    w.e = (size_t)(sp - a->pred);
    ex_word_core(a->pred, &w);
    ex_word_particle(a->pred, &w);
    if (w.particle != EX_P_OBJ || w.ps <= w.cs || w.ps - w.cs >= 48)
        return 0;
    char noun[48];
    memcpy(noun, a->pred + w.cs, w.ps - w.cs);
    noun[w.ps - w.cs] = '\0';
    return statement_noun(noun);
}

/* Set here on an act announced (강화하기로 했다고 발표했다): a measure
 * that may head the measures told after it (rule R1). A bit the EX_F_*
 * flags of extint.h leave free. */
#define REL_F_ANNOUNCED (1u << 30)

/* 1 if e is told only in an adnominal clause, no main clause of its own
 * (관세를 부과한 데 대한, 지원책을 내놓은 것은): background to the
 * sentence. */
static int adnominal_only(const ex_event *e)
{
    return (e->f & (EX_F_ADNOM | EX_F_PRESADN | EX_F_FUTADN)) && !(e->f & EX_F_FINAL);
}

/* 1 if e is a remark: a neutral statement, no act announced in it (a
 * remark is no act that one answers or that a protest is at). */
static int remark(const ex_event *e)
{
    return e->stmt && e->type == ex_type_index("announce") && !(e->f & REL_F_ANNOUNCED);
}

/* The particles, endings and words single rules below test
 * (relations.yaml; each key's comment there names its rule), looked up
 * once: GW(key). */
static struct {
    const char *const *venue_particles, *const *phrase_object_particles, *const *anaphoric_cue_starts,
        *const *genitive_particles, *const *explain_topics, *const *sequence_cue_starts, *const *plan_part_words;
} gw;
static pthread_once_t gw_once = PTHREAD_ONCE_INIT;

static void gw_init(void)
{
#define GW_GET(k) gw.k = kg_gram_words("relations", #k)
    GW_GET(venue_particles);
    GW_GET(phrase_object_particles);
    GW_GET(anaphoric_cue_starts);
    GW_GET(genitive_particles);
    GW_GET(explain_topics);
    GW_GET(sequence_cue_starts);
    GW_GET(plan_part_words);
#undef GW_GET
}

#define GW(k) (pthread_once(&gw_once, gw_init), gw.k)

/* The first place in s of a word of list followed by a space, trying the
 * words in order (관세를 부과: 를); NULL if none. *n is the word's length. */
static const char *word_before_space(const char *s, const char *const *list, size_t *n)
{
    for (int k = 0; list[k]; k++) {
        size_t l = strlen(list[k]);
        for (const char *p = s; l && (p = strstr(p, list[k])) != NULL; p++)
            if (p[l] == ' ') {
                *n = l;
                return p;
            }
    }
    return NULL;
}

/* 1 if s starts with a word of list followed by a space (자 이에 …). */
static int starts_with_word(const char *s, const char *const *list)
{
    for (int k = 0; list[k]; k++) {
        size_t l = strlen(list[k]);
        if (!strncmp(s, list[k], l) && s[l] == ' ')
            return 1;
    }
    return 0;
}

/* 1 if a word of the sentence's words between a and b (not quoted) has a
 * subject or topic particle, not the 도 of 'X too' (기준으로도, 관련주도
 * 동반 상승했다: the move goes on). */
static int subject_between(const exdoc *x, size_t a, size_t b)
{
    for (size_t k = 0; k < x->nw; k++) {
        const ex_word *w = &x->w[k];
        if (w->s >= a && w->e <= b && !w->in_quote && (w->particle == EX_P_SUBJ || w->particle == EX_P_TOPIC) &&
            !(w->ps < w->ce && ex_ends_any(x->s, w->ps, w->ce, also_particles)))
            return 1;
    }
    return 0;
}

/* Makes b the one event of a and b: its predicate a's followed by tail
 * (b's own, or the word that names it), a's object when a has one, of
 * type type; a is dropped into it. */
static void merge_told(ex_event *b, ex_event *a, const char *tail, int type)
{
    char pred[160];
    snprintf(pred, sizeof pred, "%s %s", a->pred, tail);
    ex_copy(b->pred, sizeof b->pred, pred);
    if (a->obj[0])
        memcpy(b->obj, a->obj, sizeof b->obj);
    b->type = type;
    absorb(b, a);
}

/* 1 if s[a, b) holds nothing but spaces. */
static int only_spaces(const exdoc *x, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (x->s[i] != ' ')
            return 0;
    return 1;
}

static void word_ending(const exdoc *x, size_t ss, size_t e, ex_word *w);

/* The plan noun (events.yaml plan_head_nouns) when s[a, b) is that noun
 * with an object particle and nothing else (짓는다는 계획을 발표했다:
 * 계획을), else NULL. */
static const char *plan_object_between(const exdoc *x, size_t a, size_t b)
{
    while (a < b && x->s[a] == ' ')
        a++;
    while (b > a && x->s[b - 1] == ' ')
        b--;
    if (a >= b || memchr(x->s + a, ' ', b - a) || memchr(x->s + a, '\n', b - a))
        return NULL;
    ex_word w;
    word_ending(x, a, b, &w);
    if (w.s != a || w.particle != EX_P_OBJ)
        return NULL;
    for (int k = 0; plan_head_nouns[k]; k++)
        if (w.ps - w.cs == strlen(plan_head_nouns[k]) && !memcmp(x->s + w.cs, plan_head_nouns[k], w.ps - w.cs))
            return plan_head_nouns[k];
    return NULL;
}

/* 1 if s[a, b) is a level and its particle only: at most two words
 * (5만8000원에, 2,450으로, 10만 2300원에), the first starting with a
 * digit, none ending a clause. */
static int level_between(const exdoc *x, size_t a, size_t b)
{
    while (a < b && x->s[a] == ' ')
        a++;
    if (a >= b || x->s[a] < '0' || x->s[a] > '9')
        return 0;
    int words = 1;
    for (size_t i = a; i < b; i++) {
        if (x->s[i] == ',' && (i + 1 >= b || x->s[i + 1] == ' '))
            return 0;
        if (x->s[i] == '.' || x->s[i] == '\n' || x->s[i] == '"')
            return 0;
        if (x->s[i] == ' ' && i + 1 < b && x->s[i + 1] != ' ')
            words++;
    }
    return words <= 2;
}

void ex_merge_sentence(exdoc *x, size_t first)
{
    pthread_once(&lists_once, lists_init);
    int coop = ex_type_index("cooperate"), announce = ex_type_index("announce"), pledge = ex_type_index("pledge");
    int other = ex_type_index("other"), meet = ex_type_index("meet");
    for (size_t i = first; i + 1 < x->n_ev; i++) {
        ex_event *a = &x->ev_v[i], *b = &x->ev_v[i + 1];
        if (a->dropped || a->pe > b->ps)
            continue;
        /* 5.2% 떨어진 5만8000원에 거래를 마쳤다: a move told on the level
         * it reached, then the close at that level, is one move */
        if (a->type == other && b->type == other && (a->f & EX_F_ADNOM) && !a->quoted && !b->quoted &&
            level_between(x, a->pe, b->ps)) {
            absorb(b, a);
            continue;
        }
        /* 한국은행이 15일 발표한 보고서에 따르면: the report released and
         * cited is one release, the one told with its verb */
        if (a->type == b->type && a->type == ex_type_index("release") && (a->f & EX_F_ADNOM) && !a->quoted &&
            !b->quoted && b->ps > a->pe && b->ps - a->pe < 160 && pred_has(b, source_words)) {
            absorb(a, b);
            continue;
        }
        /* 투자하기로 결정했다: the act decided, one event of its type;
         * agreed (강화하기로 합의했다), an agreement unless the act has a
         * type of its own (합작법인을 세우기로 합의했다: found) */
        if ((a->f & EX_F_PAST) && !a->quoted && !b->quoted && (b->type == announce || b->type == coop) &&
            ex_ends_any(x->s, a->ps, a->pe, plan_word_ends) && only_spaces(x, a->pe, b->ps) &&
            head_in(b->pred, decide_words)) {
            merge_told(b, a, b->pred, a->type == announce || a->type == other ? b->type : a->type);
            continue;
        }
        /* 회장과 만나 반도체 협력을 논의했다, 워싱턴을 방문해 … 협의했다: the
         * talk held at a meeting is the meeting, one event */
        if (a->type == meet && (a->f & EX_F_CONN) && !(a->f & (EX_F_WHEN | EX_F_CAUSE)) && !a->quoted && !b->quoted &&
            b->type != meet && head_in(b->pred, meeting_talk_verbs)) {
            /* (who met, the partners told with 와/과 among them) */
            int ag[4], n = 0;
            for (int k = 0; k < a->n_agent; k++)
                ag[n++] = a->agent[k];
            for (int k = 0; k < b->n_agent && n < 4; k++) {
                int dup = 0;
                for (int q = 0; q < n; q++)
                    dup |= ag[q] == b->agent[k] || !strcmp(x->m->v[ag[q]].id, x->m->v[b->agent[k]].id);
                if (!dup)
                    ag[n++] = b->agent[k];
            }
            memcpy(b->agent, ag, sizeof ag);
            b->n_agent = n;
            b->type = meet;
            absorb(b, a);
            continue;
        }
        /* 항소할 계획이라고 전했다: the act a plan told right after it
         * holds is the plan's act, one event of the act's type */
        if ((a->f & (EX_F_FUTADN | EX_F_PRESADN | EX_F_COMPL | EX_F_ADNOM)) && !a->quoted && !b->quoted &&
            b->type == announce && plan_head(b->pred) && only_spaces(x, a->pe, b->ps)) {
            /* (titled by the act and the plan: 항소 계획) */
            merge_told(b, a, plan_head(b->pred), a->type);
            continue;
        }
        /* 공장을 짓는다는 계획을 발표했다, 투자를 늘리겠다는 방침을 밝혔다:
         * a plan made public with its act named is the act, one event of
         * the act's type (GUIDELINES: 부과 계획을 발표했다); announce when
         * the act is of no listed type */
        const char *pn;
        if ((a->f & (EX_F_FUTADN | EX_F_PRESADN | EX_F_COMPL)) && !a->quoted && !b->quoted && b->type == announce &&
            (pn = plan_object_between(x, a->pe, b->ps))) {
            merge_told(b, a, pn, a->type == ex_type_index("other") ? announce : a->type);
            continue;
        }
        /* 손을 잡고 설립했다: the partner acts too, in one event */
        if (a->type == coop && (a->f & EX_F_CONN) && b->type != coop) {
            for (int k = 0; k < a->n_target && b->n_agent < 4; k++)
                b->agent[b->n_agent++] = a->target[k];
            a->obj[0] = '\0';
            absorb(b, a);
            continue;
        }
        /* 강화하기로 했다고 발표했다: the announcement of an act is the
         * act; 부과하겠다고 밝혔다 (or 경고했다), an act vowed and not
         * decided, is a vow, one event */
        /* (발표한 바 있다: the verb of announcing typed by the act it
         * announces already, as an adnominal before 바 is) */
        int vowed = (a->f & EX_F_VOLIT) || a->type == pledge, vow = vowed && !head_in(b->pred, decision_speech_verbs);
        if ((a->f & EX_F_QUOTIVE) && (b->type == announce || (vowed && b->type == pledge) ||
                                     (b->type == a->type && !a->quoted && !b->quoted && head_in(b->pred, decision_speech_verbs)))) {
            b->f |= REL_F_ANNOUNCED;
            merge_told(b, a, b->pred, vow ? pledge : a->type);
            continue;
        }
        /* 성명을 내고 "…하겠다"고 밝혔다: a vow quoted between two verbs of
         * one act does not part them */
        if (b->quoted && !a->quoted && (a->f & EX_F_CONN)) {
            /* (성명을 내고 "…"며 "…"고 밝혔다: several quoted clauses
             * in one sentence) */
            size_t k = i + 2;
            while (k < x->n_ev && x->ev_v[k].quoted && x->ev_v[k].sent == a->sent)
                k++;
            if (k < x->n_ev && !x->ev_v[k].quoted && x->ev_v[k - 1].pe <= x->ev_v[k].ps &&
                (k == i + 2 || x->ev_v[k].sent == a->sent))
                b = &x->ev_v[k];
        }
        /* 담화를 내고 … 반발했다: a statement issued to protest is the
         * protest */
        if (a->type == announce && (a->f & EX_F_CONN) && !a->quoted && !b->quoted && issues_statement(a) &&
            b->type == ex_type_index("protest")) {
            absorb(b, a);
            continue;
        }
        /* 성명을 내고 "…"고 밝혔다: the statement issued is the statement
         * made (one event, its span on what is said) */
        if (a->type == announce && (a->f & EX_F_CONN) && !a->quoted && b->stmt && issues_statement(a)) {
            size_t cs = b->cs;
            absorb(b, a);
            b->cs = cs;
            continue;
        }
        /* 수입을 제한하며 맞대응했다: a verb that only says the act before
         * answers something (events.yaml counter_verbs) is that act, one
         * event of its type */
        if ((a->f & EX_F_CONN) && !(a->f & (EX_F_WHEN | EX_F_CAUSE)) && !a->quoted && !b->quoted &&
            b->type == other && a->type != other && head_in(b->pred, counter_verbs) && agents_agree(x, a, b) &&
            only_spaces(x, a->pe, b->ps)) {
            absorb(a, b);
            continue;
        }
        /* 판결을 환영하며 "…"라고 평가했다: a reaction chained to what
         * the speaker says about it is one statement (GUIDELINES: one
         * speaker, one occasion); an objection told in a plain statement
         * makes it a protest, a vow after a protest is a new event */
        if ((a->f & EX_F_CONN) && !(a->f & (EX_F_WHEN | EX_F_CAUSE)) && !a->quoted && !b->quoted && b->stmt &&
            !a->stmt && head_in(a->pred, reaction_preds) && agents_agree(x, a, b) &&
            (a->type == b->type || a->type == announce || b->type == announce)) {
            size_t cs = b->cs;
            if (b->type == announce)
                b->type = a->type;
            absorb(b, a);
            b->cs = cs;
            continue;
        }
        /* 펀드를 조성해 … 지원해 왔다, 적발돼 기소된: one act in two verbs
         * (not 벌금을 부과하고, … 고발했다: an act with its object closed
         * by a comma is the first of acts told in a row) */
        /* (nor …떨어졌고, 외국인은 …순매도했다: after a comma, a subject
         * of its own, an actor or not, starts another clause) */
        if ((a->f & EX_F_CONN) && !(a->f & (EX_F_WHEN | EX_F_CAUSE)) && a->type == b->type &&
            !b->subj_in_clause && !(a->time >= 0 && b->time >= 0 && a->time != b->time &&
                                    a->cs < x->m->v[b->time].nstart) &&
            !(a->obj[0] && a->pe < x->len && x->s[a->pe] == ',') &&
            !(a->pe < x->len && x->s[a->pe] == ',' && subject_between(x, a->pe, b->ps))) {
            absorb(b, a);
            continue;
        }
    }
    /* what is said or done at a meeting held there (…에서 열린 회의에서)
     * is part of the meeting */
    for (size_t i = first; i < x->n_ev; i++) {
        ex_event *a = &x->ev_v[i];
        if (a->dropped || a->type != meet || !(a->f & EX_F_ADNOM))
            continue;
        int venue = 0;
        for (size_t k = 0; k < x->nw; k++) {
            const ex_word *w = &x->w[k];
            if (w->s < a->pe || w->particle == EX_P_NONE || w->particle == EX_P_GEN)
                continue;
            venue = w->particle == EX_P_LOC || w->particle == EX_P_TOPIC;
            venue = venue && ex_ends_any(x->s, w->cs, w->ce, GW(venue_particles));
            break;
        }
        if (!venue)
            continue;
        for (size_t j = i + 1; j < x->n_ev; j++)
            if (!x->ev_v[j].dropped)
                ex_add_rel(x, (int)j, EX_REL_PART, (int)i);
    }
    /* 한국을 방문했을 때 동맹을 재확인했다: what is done when a meeting or
     * a visit took place (했을 때, 했을 당시: a past act as the time of
     * the next) is part of it */
    for (size_t i = first; i + 1 < x->n_ev; i++) {
        const ex_event *a = &x->ev_v[i];
        if (a->dropped || a->type != meet || (a->f & (EX_F_PAST | EX_F_TEMPCONN)) != (EX_F_PAST | EX_F_TEMPCONN))
            continue;
        for (size_t j = i + 1; j < x->n_ev; j++) {
            const ex_event *b = &x->ev_v[j];
            if (b->sent != a->sent || b->quoted != a->quoted)
                break;
            if (b->dropped)
                continue;
            ex_add_rel(x, (int)j, EX_REL_PART, (int)i);
            break;
        }
    }
    /* a clause chained to the next (…용지를 내주고, … 전력망도 깔아 주기로 했다;
     * 주가가 뛰며 … 올랐다) with no time of its own happened when the act it
     * is chained to did */
    for (size_t i = first; i < x->n_ev; i++) {
        ex_event *a = &x->ev_v[i];
        if (a->dropped || a->date[0] || a->time >= 0 || !(a->f & EX_F_CONN) || a->quoted ||
            (a->f & (EX_F_INTENT | EX_F_HYPO | EX_F_FORECAST | EX_F_NEG | EX_F_HABIT | EX_F_WHEN | EX_F_CAUSE)))
            continue;
        for (size_t j = i + 1; j < x->n_ev; j++) {
            const ex_event *b = &x->ev_v[j];
            if (b->dropped)
                continue;
            if (b->quoted || b->title_line != a->title_line)
                break;
            if (b->f & EX_F_CONN)
                continue;
            if (b->date[0]) {
                memcpy(a->date, b->date, sizeof a->date);
                memcpy(a->when, b->when, sizeof a->when);
            }
            break;
        }
    }
}

/* ---- same-as ---- */

static int is_reaction(const ex_event *e);
static int para_start(const exdoc *x, size_t si);

/* Sentences after a plan (R1) or an announced measure (a hub) in which
 * the acts told are its parts. */
#define PLAN_SPAN 2
#define HUB_SPAN 10

static void strip(const char *in, char *out, size_t n)
{
    size_t k = 0;
    for (; *in && k + 1 < n; in++)
        if (*in != ' ')
            out[k++] = *in;
    out[k] = '\0';
}

/* 1 if one space-free object ends with the other, both two letters at
 * least: 수출통제 / 신규수출통제, 영상 / 로봇영상. */
static int obj_match(const char *x, const char *y)
{
    size_t lx = strlen(x), ly = strlen(y);
    if (lx < 6 || ly < 6)
        return 0;
    if (lx >= ly)
        return strcmp(x + lx - ly, y) == 0;
    return strcmp(y + ly - lx, x) == 0;
}

static int agents_agree(const exdoc *x, const ex_event *a, const ex_event *b)
{
    if (!a->n_agent || !b->n_agent)
        return 1;
    for (int i = 0; i < a->n_agent; i++)
        for (int j = 0; j < b->n_agent; j++)
            if (strcmp(x->m->v[a->agent[i]].id, x->m->v[b->agent[j]].id) == 0)
                return 1;
    return 0;
}

/* The words same-as reads (yaml/grammar/relations.yaml): the verbs of a
 * talk about an act, and the verbs too general to tell one act from
 * another. */
static const char *const *talk_lemmas, *const *generic_lemmas, *const *additive, *const *new_act, *const *verb_groups;
static const char *const *noun_verbs;
/* round 3: documents, figures, second acts, frame nouns, receiving */
static const char *const *doc_nouns, *const *doc_links, *const *fig_units, *const *second_words, *const *func_words,
    *const *frame_nouns, *const *receive_verbs, *const *np_generic_heads;
static pthread_once_t same_once = PTHREAD_ONCE_INIT;

static void same_init(void)
{
    talk_lemmas = kg_gram_words("relations", "sameas_talk_lemmas");
    generic_lemmas = kg_gram_words("relations", "sameas_generic_lemmas");
    additive = kg_gram_words("relations", "sameas_additive_particles");
    new_act = kg_gram_words("relations", "sameas_new_act_words");
    verb_groups = kg_gram_words("relations", "sameas_verb_groups");
    noun_verbs = kg_gram_words("relations", "sameas_noun_verbs");
    doc_nouns = kg_gram_words("relations", "sameas_document_nouns");
    doc_links = kg_gram_words("relations", "sameas_document_links");
    fig_units = kg_gram_words("relations", "sameas_figure_units");
    second_words = kg_gram_words("relations", "sameas_second_act_words");
    func_words = kg_gram_words("relations", "sameas_function_words");
    frame_nouns = kg_gram_words("relations", "sameas_frame_nouns");
    np_generic_heads = kg_gram_words("relations", "np_generic_heads");
    receive_verbs = kg_gram_words("relations", "sameas_receive_verbs");
}

/* 1 if verb head h starts with one of the space-separated stems of group
 * g. */
static int head_in_group(const char *h, const char *g)
{
    size_t lh = strlen(h);
    while (*g) {
        while (*g == ' ')
            g++;
        size_t l = strcspn(g, " ");
        if (l >= 3 && l <= lh && !memcmp(h, g, l))
            return 1;
        g += l;
    }
    return 0;
}

/* 1 if two different verb heads are of one group of verbs telling one act
 * (가결 / 통과). */
static int syn_verbs(const char *va, const char *vb)
{
    for (int k = 0; verb_groups[k]; k++)
        if (head_in_group(va, verb_groups[k]) && head_in_group(vb, verb_groups[k]))
            return 1;
    return 0;
}

/* The group of sameas_noun_verbs whose noun (its first word) is s[0..n),
 * or NULL. */
static const char *noun_verb_group(const char *s, size_t n)
{
    for (int k = 0; noun_verbs[k]; k++) {
        size_t l = strcspn(noun_verbs[k], " ");
        if (l == n && !memcmp(noun_verbs[k], s, n))
            return noun_verbs[k];
    }
    return NULL;
}

/* 1 if the text at o starts with a stem of group g after its noun (the
 * verbs: 내렸, 내린 of 인하 내렸 내린). */
static int at_group_verb(const exdoc *x, size_t o, const char *g)
{
    g += strcspn(g, " ");
    while (*g) {
        while (*g == ' ')
            g++;
        size_t l = strcspn(g, " ");
        if (l && o + l <= x->len && !memcmp(x->s + o, g, l))
            return 1;
        g += l;
    }
    return 0;
}

/* 1 if s[cs, ps) holds a word that starts with a verb of group g, in an
 * adnominal form (올리는, 내린: events.yaml adnominal_ends), right before
 * a word that starts with a document noun (sameas_document_nouns:
 * 행정명령에). */
static int doc_verb_at(const exdoc *x, size_t cs, size_t ps, const char *g)
{
    pthread_once(&lists_once, lists_init);
    for (size_t o = cs; o < ps; o++) {
        if ((o > cs && x->s[o - 1] != ' ') || !at_group_verb(x, o, g))
            continue;
        size_t e = o;
        while (e < ps && x->s[e] != ' ')
            e++;
        if (!ex_ends_any(x->s, o, e, adnominal_ends))
            continue;
        size_t n = e;
        while (n < ps && x->s[n] == ' ')
            n++;
        if (n < ps && ex_at_any(x->s, ps, n, doc_nouns))
            return 1;
    }
    return 0;
}

/* 1 if the later mention names a word of a new act (보복 관세, 추가 제재)
 * that the earlier does not: 관세를 부과했다 … 보복 관세를 부과했다 are two
 * acts although one object ends with the other (추가 관세를 부과한다 …
 * 관세는 5년간 적용된다 tells the one act again). The words of each
 * (objects and predicate) are space free. */
static int new_act_word(const char *oa, const char *ob)
{
    for (int k = 0; new_act[k]; k++)
        if (!strstr(oa, new_act[k]) && strstr(ob, new_act[k]))
            return 1;
    return 0;
}

/* 1 if a noun of e's clause before its predicate takes an additive
 * particle (애플에도, 흑연 수입도): the act told is one more, not the one
 * told before. The noun has two letters at least (정도, 인도 are
 * words). */
static int additive_clause(const exdoc *x, const ex_event *e)
{
    size_t end = e->ps < x->len ? e->ps : x->len;
    /* the words just before the predicate (bounded in a run-on text) */
    size_t i = e->cs + 600 < end ? end - 600 : e->cs;
    while (i < end) {
        while (i < end && (x->s[i] == ' ' || x->s[i] == '\n'))
            i++;
        size_t ws = i;
        while (i < end && x->s[i] != ' ' && x->s[i] != '\n')
            i++;
        if (i == ws)
            break;
        ex_word w;
        memset(&w, 0, sizeof w);
        w.s = ws;
        w.e = i;
        ex_word_core(x->s, &w);
        if (w.ce <= w.cs)
            continue;
        ex_word_particle(x->s, &w);
        if (w.particle == EX_P_NONE || w.ps < w.cs + 6)
            continue;
        for (int k = 0; additive[k]; k++)
            if (strlen(additive[k]) == w.ce - w.ps && !memcmp(x->s + w.ps, additive[k], w.ce - w.ps))
                return 1;
    }
    return 0;
}

/* The id of the actor named right before mention m, one space apart (한국은행
 * of 한국은행 금융통화위원회: a body told with its parent), or NULL. A
 * country or a person is no body (미국 중국 is a list). */
static const char *named_parent(const exdoc *x, int m)
{
    const kg_mention *mm = &x->m->v[m];
    if (mm->type && (!strcmp(mm->type, "country") || !strcmp(mm->type, "person")))
        return NULL;
    size_t k = ex_first_at(x, x->act, x->n_act, mm->nstart);
    if (k == 0)
        return NULL;
    const kg_mention *p = &x->m->v[x->act[k - 1]];
    if (p->nend + 1 != mm->nstart || x->s[p->nend] != ' ')
        return NULL;
    return p->id;
}

/* 1 if an agent of e is actor id or is told with it as parent. */
static int agent_is(const exdoc *x, const ex_event *e, const char *id)
{
    for (int g = 0; g < e->n_agent; g++) {
        const char *ig = x->m->v[e->agent[g]].id;
        const char *pg = named_parent(x, e->agent[g]);
        if ((ig && !strcmp(ig, id)) || (pg && !strcmp(pg, id)))
            return 1;
    }
    return 0;
}

/* 1 if an agent of a is an agent of b, or told with one as parent. */
static int has_agent_of(const exdoc *x, const ex_event *a, const ex_event *b)
{
    for (int i = 0; i < a->n_agent; i++) {
        const char *ia = x->m->v[a->agent[i]].id;
        if (ia && agent_is(x, b, ia))
            return 1;
    }
    return 0;
}

/* 1 if an agent of a and one of b are one actor, share the top of their
 * part_of chains (중국 상무부 and 중국), or one is a body told with the
 * other as parent (한국은행 금융통화위원회 and 한국은행); an event with
 * no agent agrees. */
static int same_side(const exdoc *x, const ex_event *a, const ex_event *b)
{
    if (!a->n_agent || !b->n_agent)
        return 1;
    if (has_agent_of(x, a, b) || has_agent_of(x, b, a))
        return 1;
    for (int i = 0; i < a->n_agent; i++) {
        const char *ia = x->m->v[a->agent[i]].id;
        const char *ta = ia ? kg_lexicon_top(x->lx, ia) : NULL;
        for (int j = 0; j < b->n_agent; j++) {
            const char *ib = x->m->v[b->agent[j]].id;
            if (!ia || !ib)
                continue; /* (the same id was found by has_agent_of) */
            const char *tb = kg_lexicon_top(x->lx, ib);
            if (ta && tb && !strcmp(ta, tb))
                return 1;
        }
    }
    return 0;
}

/* How many of the n actor mentions v are persons. */
static int persons(const exdoc *x, const int *v, int n)
{
    int k = 0;
    for (int i = 0; i < n; i++) {
        const char *t = x->m->v[v[i]].type;
        k += t && !strcmp(t, "person");
    }
    return k;
}

/* 1 if e has agents and all are persons. */
static int all_persons(const exdoc *x, const ex_event *e)
{
    return e->n_agent > 0 && persons(x, e->agent, e->n_agent) == e->n_agent;
}

/* 1 if a and b each have agents, all persons, and none in common (A씨는
 * … 선고받았다, B씨는 … 선고받았다). */
static int two_persons(const exdoc *x, const ex_event *a, const ex_event *b)
{
    if (all_persons(x, a) && all_persons(x, b) && !agents_agree(x, a, b))
        return 1;
    /* (two received by two persons: A씨는 … B씨는 … 선고 받았다) */
    if (!a->received || !b->received || !a->n_target || !b->n_target ||
        persons(x, a->target, a->n_target) != a->n_target || persons(x, b->target, b->n_target) != b->n_target)
        return 0;
    for (int i = 0; i < a->n_target; i++)
        for (int j = 0; j < b->n_target; j++)
            if (!strcmp(x->m->v[a->target[i]].id, x->m->v[b->target[j]].id))
                return 0;
    return 1;
}

/* The object a lexicon phrase holds (관세 of 관세를 부과) into out, or "". */
static void phrase_obj(const char *pred, char *out, size_t n)
{
    out[0] = '\0';
    size_t l;
    const char *p = word_before_space(pred, GW(phrase_object_particles), &l);
    if (p && (size_t)(p - pred) < n) {
        memcpy(out, pred, (size_t)(p - pred));
        out[p - pred] = '\0';
    }
}

/* The verb of a predicate (its verb noun: 포함 of 포함 발표, 부과 of
 * 관세를 부과) into out. */
static void pred_head(const char *pred, char *out, size_t n)
{
    size_t l;
    const char *p = word_before_space(pred, GW(phrase_object_particles), &l);
    if (p)
        pred = p + l + 1;
    size_t k = 0;
    for (; pred[k] && pred[k] != ' ' && k + 1 < n; k++)
        out[k] = pred[k];
    out[k] = '\0';
}

/* 1 if two verb heads are one verb: the same, or one the stem of the other
 * (인상 / 인상하겠다고), two letters at least. */
static int same_lemma(const char *x, const char *y)
{
    size_t lx = strlen(x), ly = strlen(y), l = lx < ly ? lx : ly;
    return l >= 6 && !memcmp(x, y, l);
}

/* The last word of an object (수출 of 이중 용도 품목 수출). */
static const char *obj_head(const char *o)
{
    const char *sp = strrchr(o, ' ');
    return sp ? sp + 1 : o;
}

/* 1 if two mentions tell their dates and these differ: a time of its own
 * in each clause (a date carried from the sentence before may be wrong),
 * and neither date within the other (2026-01 and 2026-01-06 agree). A
 * range is left alone. */
static int dates_clash(const ex_event *a, const ex_event *b)
{
    /* 1400원을 돌파했다 … 2009년 3월 20일 1400원을 돌파한 뒤 처음: a day
     * of its own in one clause, another year in the other (even one
     * carried); a bare year of its own may be a period's start (2019년부터) */
    int day_a = a->time >= 0 && strlen(a->date) == 10, day_b = b->time >= 0 && strlen(b->date) == 10;
    if ((day_a || day_b) && strlen(a->date) >= 4 && strlen(b->date) >= 4 && memcmp(a->date, b->date, 4) != 0)
        return 1;
    if (!a->date[0] || !b->date[0] || a->time < 0 || b->time < 0)
        return 0;
    if (strchr(a->date, '/') || strchr(b->date, '/'))
        return 0;
    size_t la = strlen(a->date), lb = strlen(b->date);
    return memcmp(a->date, b->date, la < lb ? la : lb) != 0;
}

/* Sentences apart within which the same verb of the same side, with no
 * object or the same head noun, tells the same act again. */
#define LEMMA_SPAN 8
/* Sentences apart within which a verb of one group tells the act again. */
#define SYN_SPAN 3

/* What same-as compares of an event, read once: the objects without
 * spaces, the object the lexicon phrase holds, the head noun of the
 * object, the verb. */
/* Figures a clause holds, at most this many (45.3%, 5곳). */
#define SAME_FIGS 8
/* Sentences apart within which a figure, a document or a receiving tells
 * the act again. */
#define FIG_SPAN 8
#define DOC_SPAN 6
#define RECV_SPAN 3

typedef struct same_info {
    char obj[64], obj2[64], pobj[64];
    char ohead[64], verb[64];
    char words[256];      /* objects and predicate, space free */
    char rwords[512];     /* the clause from the last act before it in
                           * its sentence (or the sentence start) to the
                           * predicate, space free */
    char fig[SAME_FIGS][24];
    char subj[48];        /* the last noun marked as subject or topic in
                           * the clause (환율 of 환율은), or "" */
    size_t rs;            /* where rwords starts in the text */
    int n_fig;
    int has_obj, talk, generic;
    int second;           /* a word of a second act in the clause */
} same_info;

/* 1 if w is one of list, all of it. */
static int word_in(const char *w, size_t n, const char *const *list)
{
    for (int k = 0; list[k]; k++)
        if (strlen(list[k]) == n && !memcmp(w, list[k], n))
            return 1;
    return 0;
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* The figures of s[from, to): digits (a point inside kept, commas
 * dropped) and a unit of sameas_figure_units right after them, the
 * longest; a number with no such unit (a day, a year, a bare count) is
 * none. */
static void fig_tokens(const exdoc *x, size_t from, size_t to, same_info *si)
{
    const char *s = x->s;
    for (size_t i = from; i < to && si->n_fig < SAME_FIGS; i++) {
        if (!is_digit(s[i]) || (i > from && (is_digit(s[i - 1]) || s[i - 1] == '.' || s[i - 1] == ',')))
            continue;
        char num[16];
        size_t k = 0, j = i;
        for (; j < to && (is_digit(s[j]) || s[j] == '.' || s[j] == ','); j++)
            if (s[j] != ',' && k + 1 < sizeof num)
                num[k++] = s[j];
        while (k && num[k - 1] == '.')
            k--;
        num[k] = '\0';
        size_t best = 0;
        for (int u = 0; fig_units[u]; u++) {
            size_t l = strlen(fig_units[u]);
            if (l > best && ex_at(s, to, j, fig_units[u]))
                best = l;
        }
        if (!k || !best)
            continue;
        snprintf(si->fig[si->n_fig++], sizeof si->fig[0], "%s%.*s", num, (int)best, s + j);
        i = j + best - 1;
    }
}

/* The last noun of two letters or more marked as subject or topic (이,
 * 가, 은, 는) in s[rs, e's predicate) into si->subj, with the word before
 * it when that takes no particle (코스피 지수가: 코스피지수), spaces
 * removed. */
static void subject_of(const exdoc *x, const ex_event *e, size_t rs, same_info *si)
{
    size_t end = e->ps < x->len ? e->ps : x->len;
    size_t pcs = 0, pce = 0; /* the word before, when it has no particle */
    si->subj[0] = '\0';
    for (size_t i = rs; i < end;) {
        while (i < end && (x->s[i] == ' ' || x->s[i] == '\n'))
            i++;
        size_t ws = i;
        while (i < end && x->s[i] != ' ' && x->s[i] != '\n')
            i++;
        if (i == ws)
            break;
        ex_word w;
        memset(&w, 0, sizeof w);
        w.s = ws;
        w.e = i;
        ex_word_core(x->s, &w);
        if (w.ce <= w.cs) {
            pce = pcs = 0;
            continue;
        }
        ex_word_particle(x->s, &w);
        if (w.particle == EX_P_NONE) {
            pcs = w.cs;
            pce = w.ce;
            continue;
        }
        if ((w.particle == EX_P_SUBJ || w.particle == EX_P_TOPIC) && w.ps >= w.cs + 6 &&
            (pce - pcs) + (w.ps - w.cs) < sizeof si->subj)
            snprintf(si->subj, sizeof si->subj, "%.*s%.*s", (int)(pce - pcs), x->s + pcs, (int)(w.ps - w.cs),
                     x->s + w.cs);
        pce = pcs = 0;
    }
}

static void same_info_of(const exdoc *x, const ex_event *e, size_t rs, same_info *si)
{
    strip(e->obj, si->obj, sizeof si->obj);
    strip(e->obj2, si->obj2, sizeof si->obj2);
    /* the object, or the one the lexicon phrase holds (관세를 부과): that
     * one is the act's own noun and tells it apart only with the verb */
    char p[64];
    phrase_obj(e->pred, p, sizeof p);
    strip(p, si->pobj, sizeof si->pobj);
    /* the clause up to the predicate (보복 관세를 부과했다: the phrase
     * holds 관세, the modifier is only in the text) */
    size_t from = e->cs, k = 0;
    if (from + sizeof si->words - 1 < e->pe)
        from = e->pe - (sizeof si->words - 1);
    for (size_t i = from; i < e->pe && k + 1 < sizeof si->words; i++)
        if (x->s[i] != ' ')
            si->words[k++] = x->s[i];
    si->words[k] = '\0';
    /* the clause read for figures and nouns (its object may have been
     * parted from it: 45.3%의 관세를 부과하는 내용의 안을 통과시켰다) */
    if (rs > e->cs)
        rs = e->cs;
    if (rs + sizeof si->rwords - 1 < e->pe)
        rs = e->pe - (sizeof si->rwords - 1);
    si->rs = rs;
    k = 0;
    for (size_t i = rs; i < e->pe && k + 1 < sizeof si->rwords; i++)
        if (x->s[i] != ' ')
            si->rwords[k++] = x->s[i];
    si->rwords[k] = '\0';
    fig_tokens(x, rs, e->pe, si);
    subject_of(x, e, rs, si);
    const char *o = e->obj[0] ? e->obj : p;
    si->has_obj = o[0] != '\0';
    snprintf(si->ohead, sizeof si->ohead, "%s", obj_head(o));
    /* 추가 제재 가능성: the act framed is 제재 */
    const char *sp = strrchr(o, ' ');
    if (sp && sp > o && word_in(sp + 1, strlen(sp + 1), frame_nouns)) {
        const char *b = sp;
        while (b > o && b[-1] != ' ')
            b--;
        snprintf(si->ohead, sizeof si->ohead, "%.*s", (int)(sp - b), b);
    } else if (!sp && o[0] && word_in(o, strlen(o), frame_nouns)) {
        /* the object read is the frame noun alone: the word before it in
         * the text (수출 제한 가능성을) */
        size_t l = strlen(o), at = (size_t)-1;
        for (size_t i = e->cs; i + l <= e->ps && i + l <= x->len; i++)
            if (!memcmp(x->s + i, o, l))
                at = i;
        if (at != (size_t)-1 && at > e->cs + 1 && x->s[at - 1] == ' ') {
            size_t we = at - 1, ws = we;
            while (ws > e->cs && x->s[ws - 1] != ' ')
                ws--;
            if (we - ws >= 6 && we - ws < sizeof si->ohead && (unsigned char)x->s[ws] >= 0xEA)
                snprintf(si->ohead, sizeof si->ohead, "%.*s", (int)(we - ws), x->s + ws);
        }
    }
    pred_head(e->pred, si->verb, sizeof si->verb);
    /* an act told as a noun phrase (깜짝 실적 발표, 유가 하락: no verb
     * ending, no object read): its act is the last noun, the words before
     * it its object, whose last word is the head (깜짝 실적 발표 … 실적을
     * 발표했다; not 상반기 실적 부진 … 역대 최대 실적) */
    const char *last = strrchr(e->pred, ' ');
    if (!e->f && !e->obj[0] && last && last[1]) {
        snprintf(si->verb, sizeof si->verb, "%s", last + 1);
        const char *b = last;
        while (b > e->pred && b[-1] != ' ')
            b--;
        if (last - b >= 6) {
            char np[64];
            snprintf(si->ohead, sizeof si->ohead, "%.*s", (int)(last - b), b);
            snprintf(np, sizeof np, "%.*s", (int)(last - e->pred), e->pred);
            strip(np, si->obj, sizeof si->obj);
            si->has_obj = 1;
        }
    }
    si->talk = head_in(si->verb, talk_lemmas);
    si->generic = head_in(si->verb, generic_lemmas);
}

/* 1 if two verb heads are one verb told with two endings (시사했기 /
 * 시사했다): one stem of two letters at least, then a light verb or
 * nothing in each. */
static int same_stem(const char *x, const char *y)
{
    size_t k = 0, lx = strlen(x), ly = strlen(y);
    while (x[k] && x[k] == y[k])
        k++;
    /* the stem may end before the letters the two share (시사했기 /
     * 시사했다: 시사, then 했) */
    for (; k >= 6; k--) {
        if (((unsigned char)x[k] & 0xC0) == 0x80)
            continue;
        if ((k == lx || ex_light_verb(x, k, lx)) && (k == ly || ex_light_verb(y, k, ly)))
            return 1;
    }
    return 0;
}

/* 1 if two types may be one act: the same, or an announcement and the act
 * it tells (GUIDELINES: a decided act announced has the act's type) —
 * never a protest or a meeting. */
static int types_compat(const ex_event *a, const ex_event *b)
{
    if (a->type == b->type)
        return 1;
    int announce = ex_type_index("announce"), protest = ex_type_index("protest"), meet = ex_type_index("meet");
    if ((a->type == announce) == (b->type == announce))
        return 0;
    const ex_event *o = a->type == announce ? b : a;
    return o->type != protest && o->type != meet && o->type != ex_type_index("pledge");
}

/* 1 if e's clause (from rs to its predicate) has a word that marks a
 * second act (또, 다시, 두 번째: sameas_second_act_words). */
static int second_act(const exdoc *x, const ex_event *e, const same_info *si)
{
    size_t end = e->pe < x->len ? e->pe : x->len;
    for (size_t i = si->rs; i < end; i++) {
        if (i > si->rs && x->s[i - 1] != ' ' && x->s[i - 1] != '\n' && x->s[i - 1] != '"' && x->s[i - 1] != '\'')
            continue;
        /* a word of one letter stands alone (또, not 또한); a longer one
         * may take a particle (두 번째로, 새로운) */
        for (int k = 0; second_words[k]; k++) {
            size_t l = strlen(second_words[k]);
            if (!ex_at(x->s, end, i, second_words[k]) ||
                !(l > 3 || i + l == end || x->s[i + l] == ' ' || x->s[i + l] == ','))
                continue;
            /* 다시 밝혔다, 또 강조했다: the saying is repeated, not the act
             * (a verb too general to tell an act, sameas_generic_lemmas) */
            size_t n = i + l;
            while (n < end && x->s[n] != ' ')
                n++;
            while (n < x->len && x->s[n] == ' ')
                n++;
            char next[32];
            size_t k2 = 0;
            for (; n + k2 < x->len && x->s[n + k2] != ' ' && k2 + 1 < sizeof next; k2++)
                next[k2] = x->s[n + k2];
            next[k2] = '\0';
            if (!head_in(next, generic_lemmas))
                return 1;
        }
    }
    return 0;
}

/* 1 if two clauses share a noun besides their figures and actors: a word
 * of b's clause, its first two letters not a function word
 * (sameas_function_words), found in a's clause. */
static int shared_noun(const exdoc *x, const ex_event *b, const same_info *ib, const same_info *ia)
{
    size_t end = b->ps < x->len ? b->ps : x->len;
    for (size_t i = ib->rs; i < end;) {
        while (i < end && (x->s[i] == ' ' || x->s[i] == '\n' || x->s[i] == '\'' || x->s[i] == '"' || x->s[i] == '('))
            i++;
        size_t ws = i;
        while (i < end && x->s[i] != ' ' && x->s[i] != '\n')
            i++;
        /* two Hangul letters (three bytes each, lead byte 0xEA-0xED) */
        if (i - ws < 6 || (unsigned char)x->s[ws] < 0xEA || (unsigned char)x->s[ws] > 0xED ||
            (unsigned char)x->s[ws + 3] < 0xEA || (unsigned char)x->s[ws + 3] > 0xED)
            continue;
        int actor = 0;
        size_t k = ex_first_at(x, x->act, x->n_act, ws);
        if (k < x->n_act && x->m->v[x->act[k]].nstart < i)
            actor = 1;
        if (k > 0 && x->m->v[x->act[k - 1]].nend > ws)
            actor = 1;
        if (actor)
            continue;
        int func = 0;
        for (int f = 0; func_words[f] && !func; f++)
            func = ex_at(x->s, i, ws, func_words[f]);
        if (func)
            continue;
        char w[8];
        memcpy(w, x->s + ws, 6);
        w[6] = '\0';
        if (strstr(ia->rwords, w))
            return 1;
    }
    return 0;
}

/* 1 if the later mention b tells the act of a again by one figure of the
 * same measure (45.3%, 5곳) and a noun besides: of one type (or an
 * announcement and its act), of one side, a few sentences apart, with no
 * word of a second act and no date of its own that differs. */
static int fig_act(const exdoc *x, const ex_event *a, const ex_event *b, const same_info *ia, const same_info *ib)
{
    if (!ia->n_fig || !ib->n_fig || a->sent == b->sent || b->sent - a->sent > FIG_SPAN)
        return 0;
    if (a->stmt || b->stmt || a->quoted || b->quoted || ia->talk != ib->talk || !types_compat(a, b))
        return 0;
    if (a->time >= 0 && b->time >= 0 && strcmp(a->date, b->date))
        return 0;
    if (!same_side(x, a, b) || two_persons(x, a, b) || new_act_word(ia->words, ib->words))
        return 0;
    int fig = 0;
    for (int i = 0; i < ia->n_fig && !fig; i++)
        for (int j = 0; j < ib->n_fig && !fig; j++)
            fig = !strcmp(ia->fig[i], ib->fig[j]);
    return fig && shared_noun(x, b, ib, ia);
}

/* 1 if d announces a document (공고, 포고문: sameas_document_nouns) whose
 * words right before the noun name the verb of act o (시행에 관한 공고,
 * 연기한다는 포고문 of 미루기로 했다): the document puts o in force. */
static int doc_act(const exdoc *x, const ex_event *d, const ex_event *o, const same_info *id, const same_info *io)
{
    if (d->type != ex_type_index("announce") || !id->has_obj || o->stmt || o->quoted || io->generic || io->talk ||
        !word_in(id->ohead, strlen(id->ohead), doc_nouns) || strlen(io->verb) < 6)
        return 0;
    if (o->type == ex_type_index("protest") || o->type == ex_type_index("meet"))
        return 0;
    /* the document noun's last place in d's clause */
    size_t l = strlen(id->ohead), at = (size_t)-1;
    for (size_t i = id->rs; i + l <= d->ps && i + l <= x->len; i++)
        if (!memcmp(x->s + i, id->ohead, l))
            at = i;
    if (at == (size_t)-1)
        return 0;
    /* back over the words before it: quote marks, link words (관한) */
    size_t i = at, lim = id->rs;
    for (int n = 0; n < 4; n++) {
        while (i > lim && (x->s[i - 1] == ' ' || x->s[i - 1] == '\'' || x->s[i - 1] == '"'))
            i--;
        /* ‘ ’ “ ” (E2 80 98/99/9C/9D) */
        while (i >= lim + 3 && (unsigned char)x->s[i - 3] == 0xE2 && (unsigned char)x->s[i - 2] == 0x80 &&
               ((unsigned char)x->s[i - 1] & 0xF0) == 0x90) {
            i -= 3;
            while (i > lim && x->s[i - 1] == ' ')
                i--;
        }
        size_t we = i;
        while (i > lim && x->s[i - 1] != ' ' && x->s[i - 1] != '\'' && x->s[i - 1] != '"')
            i--;
        if (we <= i)
            return 0;
        if (word_in(x->s + i, we - i, doc_links))
            continue;
        char w[64];
        snprintf(w, sizeof w, "%.*s", (int)(we - i), x->s + i);
        return same_lemma(io->verb, w) || same_stem(io->verb, w) || syn_verbs(io->verb, w);
    }
    return 0;
}

/* 1 if p receives an act (실형을 선고 받았다: sameas_receive_verbs, the
 * act's noun its object) that q does with the same verb (징역 2년을
 * 선고했다) naming p's agent in its clause (A씨에게). */
static int received_act(const exdoc *x, const ex_event *p, const ex_event *q, const same_info *ip,
                        const same_info *iq)
{
    /* (the one who received it: p's target, or its agent where the
     * clause told it as the doer) */
    const int *rv = p->n_target ? p->target : p->agent;
    int nr = p->n_target ? p->n_target : p->n_agent;
    if (p->type != q->type || !nr || !head_in(ip->verb, receive_verbs) || head_in(iq->verb, receive_verbs))
        return 0;
    if (strlen(ip->ohead) < 6 || !(same_lemma(ip->ohead, iq->verb) || same_stem(ip->ohead, iq->verb)))
        return 0;
    size_t d = p->sent > q->sent ? p->sent - q->sent : q->sent - p->sent;
    if (d > RECV_SPAN || p->quoted || q->quoted || dates_clash(p, q))
        return 0;
    for (size_t k = ex_first_at(x, x->act, x->n_act, q->cs); k < x->n_act; k++) {
        const kg_mention *m = &x->m->v[x->act[k]];
        if (m->nstart >= q->ps)
            break;
        for (int g = 0; g < nr; g++)
            if (m->id && x->m->v[rv[g]].id && !strcmp(m->id, x->m->v[rv[g]].id))
                return 1;
    }
    return 0;
}

/* 1 if b tells the act of a again by the rules of rounds 1 and 2 (the
 * later mention then stands for the first: relations to it go to the
 * first), 2 if by a figure, a document or a receiving (round 3: the two
 * mentions are linked, each keeps its own relations, for either may be
 * the full one), 0 if not. */
static int same_act(const exdoc *x, const ex_event *a, const ex_event *b, const same_info *ia,
                    const same_info *ib)
{
    /* 또, 다시, 두 번째: the later mention tells a second act */
    if (ib->second)
        return 0;
    /* round 3: one act told two or three ways */
    if (!dates_clash(a, b) && (a->type == b->type || types_compat(a, b))) {
        if (fig_act(x, a, b, ia, ib))
            return 2;
        if (a->sent != b->sent && b->sent - a->sent <= DOC_SPAN && same_side(x, a, b) &&
            (doc_act(x, a, b, ia, ib) || doc_act(x, b, a, ib, ia)))
            return 2;
        if (received_act(x, a, b, ia, ib) || received_act(x, b, a, ib, ia))
            return 2;
    }
    if (!types_compat(a, b) || dates_clash(a, b))
        return 0;
    /* a talk about an act (논의, 검토) is not the act (모색, 부과) */
    if (ia->talk != ib->talk)
        return 0;
    int om = a->type == b->type && (obj_match(ia->obj, ib->obj) || obj_match(ia->obj, ib->obj2) ||
                                    obj_match(ia->obj2, ib->obj) || obj_match(ia->obj2, ib->obj2));
    /* 관세 … 보복 관세, 제재 … 추가 제재: two acts */
    if (new_act_word(ia->words, ib->words))
        return 0;
    if (om) {
        /* two persons named (A씨 … B씨 … 선고받았다) are two acts */
        if (two_persons(x, a, b))
            return 0;
        if (same_side(x, a, b))
            return 1;
        /* two sides with no person among them (캐나다 정부 … 미국): the
         * act and the other side's answer to it, not one act */
        if (a->n_agent && b->n_agent && !persons(x, a->agent, a->n_agent) && !persons(x, b->agent, b->n_agent))
            return 0;
        /* a summary and its detail in neighbouring sentences may name the
         * actor differently (a title, then the name) */
        return b->sent - a->sent <= 2;
    }
    /* the act told again in other words of one group (법안이 본회의를
     * 통과했다 … 국회는 가결했다): a few sentences apart, of one side or
     * one with no actor, not both with an object of their own */
    if (a->type == b->type && a->sent != b->sent && b->sent - a->sent <= SYN_SPAN && !a->stmt && !b->stmt &&
        !a->quoted && !b->quoted && !ia->talk && !(ia->has_obj && ib->has_obj) && !same_lemma(ia->verb, ib->verb) &&
        syn_verbs(ia->verb, ib->verb) && same_side(x, a, b) &&
        /* two moves with no actor: of one subject where both name one,
         * one ending with the other (원·달러 환율이 돌파했다 … 환율은
         * 마감했다; not 코스피 지수가 … 코스닥 지수는) */
        (a->n_agent || b->n_agent || !ia->subj[0] || !ib->subj[0] || obj_match(ia->subj, ib->subj)))
        return 2;
    /* the same verb of the same side again, in a later sentence, with no
     * object or the same head noun (수출 통제 대상에 포함했다 … 포함한다고 20일
     * 발표했다; 일본 수출을 금지 … 품목 수출을 금지; 추가 제재를 시사했기 …
     * 추가 제재 가능성을 시사했다, one an announcement and one the act) */
    if (!a->n_agent || !b->n_agent || a->sent == b->sent || b->sent - a->sent > LEMMA_SPAN)
        return 0;
    /* each body of a side may protest or vow on its own (중국 상무부는
     * 반발했다 … 중국 정부는 반발해): those are never taken for one */
    /* (a threat told twice with one object, 추가 제재를 시사했기 … 추가
     * 제재 가능성을 시사했다, is one: both name what they threaten) */
    int one_threat = a->type == ex_type_index("pledge") && b->type == a->type && ia->has_obj && ib->has_obj;
    if (a->stmt || b->stmt || a->quoted || b->quoted || (is_reaction(a) && !one_threat) || ia->generic ||
        !(same_lemma(ia->verb, ib->verb) || same_stem(ia->verb, ib->verb)))
        return 0;
    /* one object told and not the other: X도 금지했다 is often another
     * act */
    if (ia->has_obj != ib->has_obj) {
        /* … unless the clause without an object names the other's head
         * noun (기준금리를 인상했다 … 금통위는 기준금리를 0.25%p 인상하기로
         * 했다, the object not read) */
        const same_info *w = ia->has_obj ? ia : ib, *o = ia->has_obj ? ib : ia;
        if (strlen(w->ohead) < 6 || !strstr(o->words, w->ohead))
            return 0;
    } else if (ia->has_obj && (strlen(ia->ohead) < 6 || strcmp(ia->ohead, ib->ohead)))
        return 0;
    return same_side(x, a, b);
}

/* 1 if e is told as background to r: a figure or a move (type other)
 * dated in a year before the year of r's date, or any act dated two
 * years or more before it (처음 도입한 것은 2022년 10월로). */
static int background_to(const ex_event *e, const ex_event *r)
{
    kg_edtf de, dr;
    if (kg_edtf_parse(e->date, &de, NULL) != 0 || kg_edtf_parse(r->date, &dr, NULL) != 0 ||
        de.a.prec == KG_PREC_NONE || dr.a.prec == KG_PREC_NONE)
        return 0;
    return e->type == ex_type_index("other") ? de.a.year < dr.a.year : de.a.year + 2 <= dr.a.year;
}

/* 1 if e may tell a lead's act again: not dropped, quoted, a statement,
 * named by a noun phrase nor in the headline or a caption. */
static int retelling_cand(const ex_event *e)
{
    return !e->dropped && !e->quoted && !e->np && !e->title_line && !e->caption;
}

/* The story's act: the first act that may tell a lead's act, the first
 * mention of its act, before event n; with no_stmt, not a statement.
 * -1 if none. */
static int story_act(const exdoc *x, size_t n, int no_stmt)
{
    for (size_t j = 0; j < n && j < x->n_ev; j++)
        if (retelling_cand(&x->ev_v[j]) && x->ev_v[j].canon < 0 && !(no_stmt && x->ev_v[j].stmt))
            return (int)j;
    return -1;
}

/* 1 if a and b may be one act told twice by a lead and its body: of one
 * type, or an announcement and the act it announces (types_compat); not
 * a move or a comparison of figures, which a statement of results often
 * comes before (매출이 늘었다고 밝혔다 … 주가는 3% 올랐다). */
static int retold_types(const ex_event *a, const ex_event *b)
{
    if (a->type == b->type)
        return 1;
    int other = ex_type_index("other"), compete = ex_type_index("compete");
    return types_compat(a, b) && a->type != other && b->type != other && a->type != compete && b->type != compete;
}

/* The lead and its act told again: a news report sums the story up in
 * the first sentence of its body (정부가 … 지원 대책을 내놨다) and tells
 * the same act again with its details at the start of the next paragraph
 * (기재부는 16일 … 지원 방안을 발표했다). Sets *lead and *body to such a
 * pair of acts (retold_types), one from each of the two sentences: the
 * pair with one object's head noun (벌금을 부과했다 … 벌금을 부과하고 …
 * 명령했다), else the only act of the lead and the only act of the next
 * sentence that may be it; -1 each if none. */
static void lead_pair(const exdoc *x, const same_info *sinfo, int *lead, int *body)
{
    *lead = *body = -1;
    size_t first = (size_t)-1;
    for (size_t j = 0; j < x->n_ev; j++)
        if (retelling_cand(&x->ev_v[j])) {
            first = x->ev_v[j].sent;
            break;
        }
    if (first == (size_t)-1 || !para_start(x, first))
        return;
    size_t next = first + 1;
    while (next < x->t->n_sent && !para_start(x, next))
        next++;
    if (next >= x->t->n_sent)
        return;
    int la = -1, nl = 0, lb = -1, nb = 0;
    for (size_t i = 0; i < x->n_ev && x->ev_v[i].sent <= first; i++) {
        const ex_event *a = &x->ev_v[i];
        if (a->sent != first || !retelling_cand(a))
            continue;
        la = (int)i;
        nl++;
        for (size_t j = i + 1; j < x->n_ev && x->ev_v[j].sent <= next; j++) {
            const ex_event *e = &x->ev_v[j];
            if (e->sent != next || !retelling_cand(e) || !retold_types(a, e))
                continue;
            if (sinfo[i].ohead[0] && !strcmp(sinfo[i].ohead, sinfo[j].ohead)) {
                *lead = (int)i;
                *body = (int)j;
                return;
            }
        }
    }
    /* else the one pair of acts that may be one (회담을 열고 … 합의했다 …
     * 공감대를 이뤘다고 밝혔다: the meeting is no agreement) */
    int pairs = 0;
    (void)la;
    (void)nl;
    for (size_t i = 0; i < x->n_ev && x->ev_v[i].sent <= first && pairs < 2; i++) {
        const ex_event *a = &x->ev_v[i];
        if (a->sent != first || !retelling_cand(a))
            continue;
        for (size_t j = i + 1; j < x->n_ev && x->ev_v[j].sent <= next; j++) {
            const ex_event *e = &x->ev_v[j];
            if (e->sent == next && retelling_cand(e) && retold_types(a, e)) {
                la = (int)i;
                lb = (int)j;
                pairs++;
            }
        }
    }
    (void)nb;
    if (pairs == 1) {
        *lead = la;
        *body = lb;
    }
}

/* 1 if b tells the lead's act a again (lead_retelling): of one side,
 * b with a day of its own that does not clash with a's date, neither
 * told as a second act nor a reaction (a lead and its body may name the
 * act in other words: 대책을 내놨다 … 방안을 발표했다). */
static int lead_retold(const exdoc *x, const ex_event *a, const ex_event *b, const same_info *ib)
{
    if (ib->second || is_reaction(a) || is_reaction(b) || dates_clash(a, b))
        return 0;
    if (b->time < 0 || strlen(b->date) != 10)
        return 0;
    if (!a->n_agent || !b->n_agent)
        return 0;
    return same_side(x, a, b);
}

static int canon(const exdoc *x, int i)
{
    while (i >= 0 && x->ev_v[i].canon >= 0)
        i = x->ev_v[i].canon;
    return i;
}

/* For each event, the mention of its act that tells it in full: the first
 * with a time of its own (the account that dates the act), else the first
 * mention; one pass over the events, into told[0..n_ev). */
static void told_mentions(const exdoc *x, int *told)
{
    for (size_t k = 0; k < x->n_ev; k++)
        told[k] = -1;
    /* (a first mention comes before the others of its act: told[c] is
     * decided before any later mention reads it) */
    for (size_t k = 0; k < x->n_ev; k++) {
        int c = canon(x, (int)k);
        if (told[c] >= 0)
            continue;
        if (x->ev_v[c].time >= 0)
            told[c] = c;
        else if ((int)k != c && !x->ev_v[k].dropped && x->ev_v[k].time >= 0)
            told[c] = (int)k;
    }
    for (size_t k = 0; k < x->n_ev; k++) {
        int c = canon(x, (int)k);
        told[k] = told[c] >= 0 ? told[c] : c;
    }
}

static int ev_cmp(const void *pa, const void *pb)
{
    const ex_event *a = pa, *b = pb;
    if (a->ps != b->ps)
        return a->ps < b->ps ? -1 : 1;
    return 0;
}

/* A cue at sentence start: the sentence's first letters, then a space or
 * a comma. Returns the length matched, 0 if none. */
static size_t cue_at(const char *s, size_t i, size_t end, const char *cue)
{
    size_t l = strlen(cue);
    if (!ex_at(s, end, i, cue))
        return 0;
    if (i + l < end && s[i + l] != ' ' && s[i + l] != ',')
        return 0;
    return l;
}

/* Where cue starts in s[a..b), skipping quote marks in the text (the cue
 * may hold words in quotes: 이에 대한 '보복성 조치'로); -1 if nowhere. */
static size_t cue_pos(const char *s, size_t a, size_t b, const char *cue)
{
    size_t l = strlen(cue);
    for (size_t i = a; i < b; i++) {
        if ((s[i] & 0xC0) == 0x80 || s[i] != cue[0])
            continue;
        size_t k = 0, j = i;
        while (k < l && j < b) {
            if (s[j] == '\'' || s[j] == '"') {
                j++;
                continue;
            }
            if (s[j] != cue[k])
                break;
            j++;
            k++;
        }
        if (k == l)
            return i;
    }
    return (size_t)-1;
}

/* 1 if cue is inside [a, b), skipping quote marks in the text. */
static int has_cue(const char *s, size_t a, size_t b, const char *cue)
{
    size_t l = strlen(cue);
    /* the cue's last letter must be there (quote marks never end a cue) */
    size_t tail = 1;
    while (tail < l && ((unsigned char)cue[l - tail] & 0xC0) == 0x80)
        tail++;
    if (b <= a || !memmem(s + a, b - a, cue + l - tail, tail))
        return 0;
    return cue_pos(s, a, b, cue) != (size_t)-1;
}

static int is_reaction(const ex_event *e)
{
    return !strcmp(kg_event_types[e->type], "protest") ||
           !strcmp(kg_event_types[e->type], "pledge");
}

static int anaphoric(const char *cue)
{
    return ex_at_any(cue, strlen(cue), 0, GW(anaphoric_cue_starts)) != 0;
}

/* The measure that event a is part of (a part-of link to an event told
 * before it by the same side: 새 규제는 … 시행된다 of 규제를 확대하기로
 * 했다), of a's type when same_type; else a. */
static int measure_of(const exdoc *x, int a, int same_type)
{
    for (size_t r = 0; r < x->n_rel; r++) {
        int to = x->rel[r].to;
        if (x->rel[r].from == a && x->rel[r].type == EX_REL_PART && to >= 0 && to < a &&
            (!same_type || x->ev_v[to].type == x->ev_v[a].type) && agents_agree(x, &x->ev_v[to], &x->ev_v[a]))
            return to;
    }
    return a;
}

/* The noun of sentence si's subject up to o (환율이 큰 폭 오른 것은: 환율),
 * into out: the first word with 이/가; with topic, the first word with a
 * particle, when it is 이/가 or 은/는 (규정은 15일부터 시행된다: 규정). 0 if
 * none. */
static int particle_noun(const exdoc *x, size_t si, size_t o, int topic, char *out, size_t n)
{
    size_t ss = x->t->sent[si].nstart;
    for (size_t i = ss; i < o; i++) {
        if (i > ss && x->s[i - 1] != ' ')
            continue;
        size_t e = i;
        while (e < o && x->s[e] != ' ')
            e++;
        ex_word w;
        memset(&w, 0, sizeof w);
        w.s = i;
        w.e = e;
        ex_word_core(x->s, &w);
        ex_word_particle(x->s, &w);
        if ((w.particle == EX_P_SUBJ || (topic && w.particle == EX_P_TOPIC)) && w.ps > w.cs && w.ps - w.cs < n) {
            memcpy(out, x->s + w.cs, w.ps - w.cs);
            out[w.ps - w.cs] = '\0';
            return 1;
        }
        if (topic && w.particle != EX_P_NONE)
            return 0;
    }
    return 0;
}

/* 새 규정을 발표했다. … 규정은 오는 15일부터 시행된다: an act whose topic
 * or subject (the first word of its sentence with 은/는/이/가) is the last
 * word of the object of an act of the same type (or of an announcement:
 * 새 규정을 발표했다 typed announce), by the same doer when it
 * names one, told at most three sentences before is that measure told
 * again (its coming into force, its scope): that act, else a. */
static int measure_named(const exdoc *x, int a)
{
    const ex_event *A = &x->ev_v[a];
    if (A->stmt || A->quoted || A->sent >= x->t->n_sent)
        return a;
    char noun[64];
    if (!particle_noun(x, A->sent, A->ps, 1, noun, sizeof noun))
        return a;
    for (int c = a - 1; c >= 0 && x->ev_v[c].sent + 3 >= A->sent; c--) {
        const ex_event *C = &x->ev_v[c];
        const char *last = obj_last_word(C->obj);
        if (!C->dropped && !C->quoted && !C->title_line && (C->type == A->type || C->type == ex_type_index("announce")) &&
            C->n_agent && !strcmp(last, noun) &&
            (!A->n_agent || agents_agree(x, C, A)))
            return c;
    }
    return a;
}

/* The last event (not dropped) before index j whose sentence is at least
 * min_sent, and whose type is not avoid_type (-1: any). */
/* 1 if a relation of type from event j is there already. */
static int has_rel_from(const exdoc *x, int j, int type)
{
    for (size_t r = 0; r < x->n_rel; r++)
        if (x->rel[r].from == j && x->rel[r].type == type)
            return 1;
    return 0;
}

/* The last actor mention in b's clause before at that is none of b's
 * agents (the side a reaction is aimed at), or -1. */
static int side_before(const exdoc *x, const ex_event *b, size_t at)
{
    for (size_t k = ex_first_at(x, x->act, x->n_act, at); k-- > 0;) {
        const kg_mention *m = &x->m->v[x->act[k]];
        if (m->nstart < b->cs)
            break;
        int agent = 0;
        for (int g = 0; g < b->n_agent; g++)
            agent |= x->act[k] == b->agent[g];
        if (!agent && m->id)
            return x->act[k];
    }
    return -1;
}

/* Two mentions of one act have one doer: a mention of the act received
 * with none named (실형을 선고 받았다: its subject was sentenced) takes the
 * other's (…에게 징역 2년을 선고했다), unless that doer is what it was done
 * to. */
static void share_doers(exdoc *x)
{
    for (size_t r = 0; r < x->n_rel; r++) {
        if (x->rel[r].type != EX_REL_SAME || x->rel[r].from < 0 || x->rel[r].to < 0)
            continue;
        ex_event *a = &x->ev_v[x->rel[r].from], *b = &x->ev_v[x->rel[r].to];
        if ((a->n_agent > 0) == (b->n_agent > 0))
            continue;
        ex_event *none = a->n_agent ? b : a;
        const ex_event *has = a->n_agent ? a : b;
        int clash = 0;
        for (int i = 0; i < has->n_agent; i++)
            for (int j = 0; j < none->n_target; j++)
                clash |= !strcmp(x->m->v[has->agent[i]].id, x->m->v[none->target[j]].id);
        if (clash || none->quoted || !none->received)
            continue;
        memcpy(none->agent, has->agent, sizeof none->agent);
        none->n_agent = has->n_agent;
    }
}

/* The actor mention that owns what a reaction cue names (미국의 조치에
 * 반발해: 미국): the last actor before the cue in b's clause, other than
 * b's agents; -1 if none. */
static int cue_owner(const exdoc *x, const ex_event *b, const char *cue)
{
    size_t n = strlen(cue), at = (size_t)-1;
    for (size_t i = b->cs; i + n <= b->pe; i++)
        if (!memcmp(x->s + i, cue, n)) {
            at = i;
            break;
        }
    return at == (size_t)-1 ? -1 : side_before(x, b, at);
}

/* 1 if an agent of e is mention side's actor or of its country. */
static int acted_by(const exdoc *x, const ex_event *e, int side)
{
    const char *top = kg_lexicon_top(x->lx, x->m->v[side].id);
    /* (a body the tagger made of a country's name, 캐나다 정부 as
     * canada-government, is that country's) */
    const char *st = x->m->v[side].type;
    int country = st && !strcmp(st, "country");
    size_t tl = top ? strlen(top) : 0;
    for (int g = 0; g < e->n_agent; g++) {
        const char *id = x->m->v[e->agent[g]].id;
        if (id && top && !strcmp(kg_lexicon_top(x->lx, id), top))
            return 1;
        if (id && country && top && !strncmp(id, top, tl) && id[tl] == '-')
            return 1;
    }
    return 0;
}

static int prev_event(const exdoc *x, int j, size_t min_sent, int avoid_type, int want_type)
{
    for (int i = j - 1; i >= 0; i--) {
        const ex_event *e = &x->ev_v[i];
        if (e->sent < min_sent)
            break;
        if (e->dropped)
            continue;
        if (avoid_type >= 0 && e->type == avoid_type)
            continue;
        if (want_type >= 0 && e->type != want_type)
            continue;
        return i;
    }
    return -1;
}

/* The first of the acts chained to a in its sentence (벌금을 부과하고 …
 * 명령했다: 부과하고 heads the chain) by the same agents: what a reaction
 * to the chain answers. */
static int chain_head(const exdoc *x, int a)
{
    while (a > 0) {
        const ex_event *p = &x->ev_v[a - 1], *e = &x->ev_v[a];
        if (p->dropped || p->sent != e->sent || !(p->f & EX_F_CONN) || p->quoted || !p->n_agent || !e->n_agent ||
            !agents_agree(x, p, e) || is_reaction(p))
            break;
        a--;
    }
    return a;
}

/* From event c back (prev_event with min_sent and avoid_type), the first
 * that is no reaction, not in sentence not_sent, and done by side; -1 if
 * none. */
static int side_act(const exdoc *x, int c, size_t min_sent, int avoid_type, int side, size_t not_sent)
{
    for (; c >= 0; c = prev_event(x, c, min_sent, avoid_type, -1))
        if (!is_reaction(&x->ev_v[c]) && x->ev_v[c].sent != not_sent && acted_by(x, &x->ev_v[c], side))
            return c;
    return -1;
}

/* The last act of side told before event j, from sentence min_sent on
 * (side_act of the event before j), or -1. */
static int prev_side_act(const exdoc *x, int j, size_t min_sent, int side)
{
    return side_act(x, prev_event(x, j, min_sent, -1, -1), min_sent, -1, side, (size_t)-1);
}

/* Index of the event whose predicate starts at ps (events sorted by ps). */
static int find_ps(const exdoc *x, size_t ps)
{
    size_t a = 0, b = x->n_ev;
    while (a < b) {
        size_t m = (a + b) / 2;
        if (x->ev_v[m].ps < ps)
            a = m + 1;
        else
            b = m;
    }
    return a < x->n_ev && x->ev_v[a].ps == ps ? (int)a : -1;
}


static int rebuttal(const ex_event *e);

/* ---- governed cues (R3), plans (R1), statements (R2), chains (R4) ----
 * The words are the grammar `relations` (yaml/grammar/relations.yaml). */

static const kg_gram_list *resp_cues, *cause_cues, *np_list, *protest_cues, *clause_nouns;
static const char *const *cause_word, *const *plan_nouns, *const *act_nouns, *const *act_links, *const *concessive_ends;
static const char *const *move_particles, *const *move_words, *const *np_demonstratives, *const *act_demonstratives;
static const char *const *np_support_nouns, *const *np_plan_nouns, *const *said_nouns, *const *said_ends, *const *vow_said_ends;
static const char *const *known_verbs, *const *named_nouns, *const *known_news, *const *cause_links;
static pthread_once_t rel_once = PTHREAD_ONCE_INIT;

static void rel_init(void)
{
    resp_cues = kg_gram_list_get("relations", "responds_cues");
    cause_cues = kg_gram_list_get("relations", "causes_cues");
    protest_cues = kg_gram_list_get("relations", "responds_protest_cues");
    clause_nouns = kg_gram_list_get("relations", "clause_nouns");
    cause_word = kg_gram_class("relations", "causes_cues", "word");
    np_list = kg_gram_list_get("relations", "np_nouns");
    plan_nouns = kg_gram_words("relations", "plan_nouns");
    act_nouns = kg_gram_words("relations", "act_nouns");
    act_links = kg_gram_words("relations", "act_links");
    concessive_ends = kg_gram_words("relations", "causes_concessive_endings");
    move_particles = kg_gram_words("relations", "move_cause_particles");
    move_words = kg_gram_words("relations", "move_cause_words");
    np_demonstratives = kg_gram_words("relations", "np_demonstratives");
    act_demonstratives = kg_gram_words("relations", "act_demonstratives");
    np_support_nouns = kg_gram_words("events", "support_verbs");
    np_plan_nouns = kg_gram_words("events", "act_plan_nouns");
    said_nouns = kg_gram_words("relations", "said_nouns");
    said_ends = kg_gram_words("events", "intent_content_ends");
    vow_said_ends = kg_gram_words("relations", "said_vow_ends");
    known_verbs = kg_gram_words("relations", "move_cause_known_verbs");
    known_news = kg_gram_words("relations", "known_news_nouns");
    cause_links = kg_gram_words("relations", "act_cause_links");
    named_nouns = kg_gram_words("relations", "act_named_nouns");
}

static int in_list(const char *w, const char *const *list)
{
    for (int k = 0; list[k]; k++)
        if (!strcmp(w, list[k]))
            return 1;
    return 0;
}

/* 1 if s[0, n) is one of the words of list. */
static int in_list_word(const char *s, size_t n, const char *const *list)
{
    for (int k = 0; list[k]; k++)
        if (strlen(list[k]) == n && !memcmp(s, list[k], n))
            return 1;
    return 0;
}

/* 1 if the space-free text t ends with the space-free form of w */
static int ends_nospace(const char *t, const char *w)
{
    char y[96];
    strip(w, y, sizeof y);
    size_t lt = strlen(t), ly = strlen(y);
    return ly && lt >= ly && !strcmp(t + lt - ly, y);
}

/* Sentence index holding normalised offset o (or n_sent). */
static size_t rel_sent_of(const exdoc *x, size_t o)
{
    size_t a = 0, b = x->t->n_sent;
    while (a < b) {
        size_t m = (a + b) / 2;
        if (x->t->sent[m].nend <= o)
            a = m + 1;
        else
            b = m;
    }
    return a;
}

/* The word of the sentence [ss, ..) that ends at e (no space before e):
 * its start, core and particle. */
static void word_ending(const exdoc *x, size_t ss, size_t e, ex_word *w)
{
    size_t b = e;
    while (b > ss && x->s[b - 1] != ' ' && x->s[b - 1] != '\n')
        b--;
    memset(w, 0, sizeof *w);
    w->s = b;
    w->e = e;
    ex_word_core(x->s, w);
    ex_word_particle(x->s, w);
}

/* Type of the grammar's np_nouns noun that ends the phrase s[a..b), or
 * -1 (with lexicon set, the lexicon's event nouns too). */
static int np_type_of(const exdoc *x, size_t a, size_t b, int lexicon)
{
    char t[256];
    size_t k = 0;
    for (size_t i = a; i < b && k + 1 < sizeof t; i++)
        if (x->s[i] != ' ')
            t[k++] = x->s[i];
    t[k] = '\0';
    for (size_t i = 0; i < np_list->n; i++)
        if (ends_nospace(t, np_list->e[i].form)) {
            const char *ty = kg_gram_field(&np_list->e[i], "type");
            return ex_type_index(ty ? ty : "other");
        }
    if (!lexicon)
        return -1;
    int ty = ex_noun_type(x->ev, x->s + a, b - a);
    /* a verbal noun of the lexicon's lemmas as the last word (관세 부과,
     * 수출 제한): the act it makes with 하다 */
    size_t w = b;
    while (w > a && x->s[w - 1] != ' ')
        w--;
    if (ty < 0 && b - w < sizeof t) {
        memcpy(t, x->s + w, b - w);
        t[b - w] = '\0';
        ty = ex_lemma_type(x->ev, t);
        /* a support verb's noun after an act noun (수출 통제 강화, 규제
         * 확대: events.yaml support_verbs): the act noun's type */
        if (ty < 0 && w > a + 1 && in_list(t, np_support_nouns))
            ty = ex_noun_type(x->ev, x->s + a, w - 1 - a);
    }
    /* a plan of one act (관세 부과 계획, 수출 제한 방침: events.yaml
     * act_plan_nouns) has the act's type, as when it is announced
     * (GUIDELINES: 부과 계획을 발표했다) */
    if (ty == ex_type_index("announce") && w > a + 1 && b - w < sizeof t) {
        memcpy(t, x->s + w, b - w);
        t[b - w] = '\0';
        if (in_list(t, np_plan_nouns)) {
            int h = ex_plan_act_type(x, x->s + a, w - 1 - a);
            if (h >= 0 && h != ex_type_index("other"))
                ty = h;
        }
    }
    return ty;
}

/* Type of the event noun that ends the phrase s[a..b) (the grammar's
 * np_nouns, then the lexicon's nouns), or -1. */
static int np_type(const exdoc *x, size_t a, size_t b)
{
    return np_type_of(x, a, b, 1);
}

/* A relation found from positions, resolved after the events are sorted. */
typedef struct gov_rel {
    size_t from_ps, to_ps;
    int type;
} gov_rel;

/* The first event of sentence si (not dropped) whose predicate starts at
 * or after o; -1 if none. Events are not sorted yet: a linear scan. */
static int first_after(const exdoc *x, size_t si, size_t o)
{
    int best = -1;
    for (size_t i = 0; i < x->n_ev; i++) {
        const ex_event *e = &x->ev_v[i];
        if (e->dropped || e->sent != si || e->ps < o)
            continue;
        if (best < 0 || e->ps < x->ev_v[best].ps)
            best = (int)i;
    }
    return best;
}

/* An event whose predicate lies in [a, b) (the phrase is one already), or
 * -1. */
static int event_in(const exdoc *x, size_t si, size_t a, size_t b)
{
    for (size_t i = 0; i < x->n_ev; i++) {
        const ex_event *e = &x->ev_v[i];
        if (!e->dropped && e->sent == si && e->ps >= a && e->ps < b)
            return (int)i;
    }
    return -1;
}

/* The word that ends before the spaces before `at`, from ss on, into w;
 * 0 when none (no space before `at`, or the sentence starts there). */
static int prev_word(const exdoc *x, size_t ss, size_t at, ex_word *w)
{
    size_t e = at;
    while (e > ss && x->s[e - 1] == ' ')
        e--;
    if (e == at || e <= ss)
        return 0;
    word_ending(x, ss, e, w);
    return 1;
}

/* The act told by the adnominal clause that a bound noun of clause_nouns
 * ending at ne closes (관세를 올린 것에, 올린 데: the event whose predicate
 * is the word before the noun), or -1. */
static int clause_act(const exdoc *x, size_t si, size_t ss, size_t ne)
{
    ex_word w;
    word_ending(x, ss, ne, &w);
    size_t ns = w.cs < ne ? w.cs : w.s;
    if (ns >= ne || ns != w.s || !clause_nouns)
        return -1;
    int is_noun = 0;
    for (size_t k = 0; k < clause_nouns->n && !is_noun; k++)
        is_noun = strlen(clause_nouns->e[k].form) == ne - ns && !memcmp(x->s + ns, clause_nouns->e[k].form, ne - ns);
    if (!is_noun || !prev_word(x, ss, ns, &w) || w.ce != w.e)
        return -1;
    for (size_t i = 0; i < x->n_ev; i++) {
        const ex_event *e = &x->ev_v[i];
        if (!e->dropped && e->sent == si && e->ps < w.e && e->pe > w.s)
            return (int)i;
    }
    return -1;
}

/* The noun phrase a cue at `at` governs, ending at ne: it starts at the
 * word holding ne and takes up to three words before it with no particle,
 * or one with the genitive 의 (미국의 대중 반도체 규제). Returns its start. */
static size_t np_start(const exdoc *x, size_t ss, size_t ne)
{
    ex_word w;
    word_ending(x, ss, ne, &w);
    size_t start = w.cs < ne ? w.cs : w.s;
    for (int n = 0; n < 3 && start > ss; n++) {
        if (!prev_word(x, ss, start, &w))
            break;
        /* 대중(對中): a gloss in brackets after the word is part of it */
        int gloss = w.e > w.s + 2 && x->s[w.e - 1] == ')' && w.cs == w.s && memchr(x->s + w.s + 1, '(', w.e - w.s - 2);
        if (gloss)
            w.particle = EX_P_NONE;
        if ((w.ce != w.e && !gloss) || w.cs != w.s || w.cs >= w.ce)
            break; /* punctuation: a quotation, a comma */
        if (w.particle != EX_P_NONE && w.particle != EX_P_GEN)
            break;
        start = w.s;
        if (w.particle == EX_P_GEN)
            break;
    }
    /* 미국 정부의 …: the owner's name may be two words */
    size_t k = ex_first_at(x, x->act, x->n_act, start);
    if (k > 0) {
        const kg_mention *m = &x->m->v[x->act[k - 1]];
        if (m->nstart >= ss && m->nstart < start && m->nend > start)
            start = m->nstart;
    }
    return start;
}

/* Words back from a noun phrase within which the owner of the act an
 * adnominal clause before it tells is sought. */
#define OWNER_WORDS 6

/* 1 if the word at o (after spaces), ending before ne, is a bare verb
 * in an adnominal form (제기한, 발표한: events.yaml adnominal_ends) with
 * words after it up to ne. */
static int adnominal_at(const exdoc *x, size_t o, size_t ne)
{
    pthread_once(&lists_once, lists_init);
    while (o < ne && x->s[o] == ' ')
        o++;
    size_t e = o;
    while (e < ne && x->s[e] != ' ' && x->s[e] != '\n')
        e++;
    if (e <= o || e >= ne)
        return 0;
    ex_word f;
    word_ending(x, o, e, &f);
    return f.particle == EX_P_NONE && f.cs < f.ce && ex_ends_any(x->s, f.cs, f.ce, adnominal_ends);
}

/* The actor owning the act a noun phrase starting at a names, when the
 * phrase names none: the last actor of sentence start ss written with the
 * genitive or as the subject in the adnominal clause right before the
 * phrase (A 총리의 대만 개입을 시사하는 발언: A 총리; B 부처가 지난해
 * 낸 소송: B 부처), the words between it and the clause's verb
 * having no particle but an object's and no punctuation; -1 if none. */
static int clause_owner(const exdoc *x, size_t ss, size_t a)
{
    /* the phrase may open with the clause's verb (제기한 소송): then the
     * word before it is in the clause already, and a subject there is
     * the clause's own (events.yaml adnominal_ends) */
    size_t fa = a;
    for (;;) {
        /* past a time the phrase opens with (2020년 제기한 소송) */
        size_t tk = ex_first_at(x, x->tim, x->n_time, fa);
        if (tk >= x->n_time || x->m->v[x->tim[tk]].nstart != fa)
            break;
        fa = x->m->v[x->tim[tk]].nend;
        while (fa < x->len && x->s[fa] == ' ')
            fa++;
    }
    int adn = adnominal_at(x, fa, x->len);
    size_t e = a;
    for (int n = 0; n < OWNER_WORDS && e > ss; n++) {
        while (e > ss && x->s[e - 1] == ' ')
            e--;
        if (e <= ss)
            break;
        ex_word w;
        word_ending(x, ss, e, &w);
        /* a time inside the clause (지난해, 2020년) */
        size_t tk = ex_first_at(x, x->tim, x->n_time, w.s);
        if (adn && tk < x->n_time && x->m->v[x->tim[tk]].nstart == w.s && x->m->v[x->tim[tk]].nend == w.e) {
            e = w.s;
            continue;
        }
        if (w.cs != w.s || w.cs >= w.ce || w.ce != w.e)
            return -1; /* punctuation: a quotation, a comma */
        if (n == 0 && !adn) {
            /* the adnominal verb itself */
            adn = w.particle == EX_P_NONE && ex_ends_any(x->s, w.cs, w.ce, adnominal_ends) ? 2 : 0;
        } else if (w.particle == EX_P_GEN || (w.particle == EX_P_SUBJ && adn)) {
            /* A 총리의 … 발언; the clause's own subject: 법무부가 2020년
             * 제기한 소송 */
            size_t k = ex_first_at(x, x->act, x->n_act, w.ps + 1);
            if (k == 0)
                return -1;
            const kg_mention *m = &x->m->v[x->act[k - 1]];
            return m->nend == w.ps && m->nstart >= ss && m->id ? x->act[k - 1] : -1;
        } else if (w.particle != EX_P_NONE && w.particle != EX_P_OBJ) {
            /* a name read as a word with a particle (대만: 만) */
            size_t k = ex_first_at(x, x->act, x->n_act, w.s);
            if (k >= x->n_act || x->m->v[x->act[k]].nstart != w.s || x->m->v[x->act[k]].nend != w.e)
                return -1;
        }
        e = w.s;
    }
    return -1;
}

/* Makes an event of the noun phrase [a, ne) of sentence si (type ty),
 * its agent the first actor named in it; returns its index. */
static int np_event(exdoc *x, size_t si, size_t a, size_t ne, int ty)
{
    ex_event e;
    memset(&e, 0, sizeof e);
    e.type = ty;
    e.ps = e.cs = e.chain = a;
    e.pe = ne;
    e.sent = si;
    e.time = -1;
    e.canon = -1;
    e.np = 1;
    for (size_t k = ex_first_at(x, x->act, x->n_act, a); k < x->n_act; k++) {
        const kg_mention *m = &x->m->v[x->act[k]];
        if (m->nstart >= ne)
            break;
        if (m->id && e.n_agent < 4) {
            e.agent[e.n_agent++] = x->act[k];
            break;
        }
    }
    /* 개입을 시사하는 발언: the owner named in the clause before */
    int owner = e.n_agent ? -1 : clause_owner(x, x->t->sent[si].nstart, a);
    if (owner >= 0)
        e.agent[e.n_agent++] = owner;
    /* 2020년 제기한 소송: a time in the phrase's adnominal clause dates
     * it (not 지난 10일 관세에 반발해: the main clause's time) */
    size_t tk = ex_first_at(x, x->tim, x->n_time, a);
    if (tk < x->n_time && x->m->v[x->tim[tk]].nend <= ne && x->m->v[x->tim[tk]].value[0] &&
        !ex_base_time(x, &x->m->v[x->tim[tk]]) && adnominal_at(x, x->m->v[x->tim[tk]].nend, ne))
        ex_date_from(x, &e, x->tim[tk]);
    /* the title: the phrase after its owner */
    size_t ts = a;
    if (e.n_agent && x->m->v[e.agent[0]].nstart >= a) {
        const kg_mention *m = &x->m->v[e.agent[0]];
        ts = m->nend;
        while (ts < ne && x->s[ts] != ' ')
            ts++;
        while (ts < ne && x->s[ts] == ' ')
            ts++;
        if (ts >= ne)
            ts = a;
    }
    char buf[64];
    size_t l = ne - ts < sizeof buf - 1 ? ne - ts : sizeof buf - 1;
    memcpy(buf, x->s + ts, l);
    buf[l] = '\0';
    ex_copy(e.pred, sizeof e.pred, buf);
    KG_VEC_PUSH(x->ev_v, x->n_ev, x->cap_ev);
    x->ev_v[x->n_ev++] = e;
    return (int)x->n_ev - 1;
}

/* 관세를 30%로 올리겠다는 발언에 반발해: a noun of saying (said_nouns)
 * after what was said (…다는: intent_content_ends) is that saying; np
 * event k takes the words said into its span (the adnominal word and up
 * to two words before it with a particle of object or level), is a vow
 * when they end in one (said_vow_ends), and is the same act as the last
 * statement of the five sentences before that says their verb (the first
 * two syllables of the adnominal word, 올리 of 올리겠다는), a vow or an
 * announcement. Appends the same-as to *out. */
static void said_np(exdoc *x, int k, size_t ss, gov_rel **out, size_t *n_out, size_t *cap_out)
{
    ex_event *e = &x->ev_v[k];
    char t[64];
    snprintf(t, sizeof t, "%s", e->pred);
    int said = 0;
    for (int i = 0; said_nouns[i] && !said; i++)
        said = ends_nospace(t, said_nouns[i]);
    ex_word w;
    if (!said || !prev_word(x, ss, e->ps, &w))
        return;
    if (w.cs >= w.ce || w.ce - w.cs < 9 || !ex_ends_any(x->s, w.cs, w.ce, said_ends))
        return;
    size_t verb = w.cs, from = w.s;
    int vow = ex_ends_any(x->s, w.cs, w.ce, vow_said_ends);
    for (int n = 0; n < 2 && from > ss; n++) {
        ex_word v;
        if (!prev_word(x, ss, from, &v) || (v.particle != EX_P_OBJ && v.particle != EX_P_OTHER))
            break;
        from = v.s;
    }
    e->cs = e->ps = e->chain = from;
    if (vow)
        e->type = ex_type_index("pledge");
    for (size_t i = x->n_ev; i-- > 0;) {
        const ex_event *p = &x->ev_v[i];
        if ((int)i == k || p->dropped || p->quoted || p->ps >= from || p->sent > e->sent)
            continue;
        if (!p->stmt && p->type != ex_type_index("pledge") && p->type != ex_type_index("announce"))
            continue;
        if (p->sent + 5 < e->sent)
            continue;
        size_t cs = p->cs < p->ps ? p->cs : p->ps;
        if (p->pe > cs && verb + 6 <= w.ce && memmem(x->s + cs, p->pe - cs, x->s + verb, 6)) {
            KG_VEC_PUSH(*out, *n_out, *cap_out);
            (*out)[(*n_out)++] = (gov_rel){ e->ps, p->ps, EX_REL_SAME };
            return;
        }
    }
}

/* Rule R3: X에 반발해 … (the clause's act responds-to X), X로 인해 /
 * X 때문에 … (X causes it). X is the noun phrase the cue governs; when it
 * ends in an event noun and is no event yet, it becomes one. Appends the
 * relations found to *out (by position). */
/* The last act of type ty told before the bare noun s[a, ne) in sentence
 * si or the three before whose object or predicate holds the noun (제재를
 * 발표했다 … 제재에 반발해), not a statement nor quoted, of another side
 * than event gov's agents; -1 if none. */
static int bare_np_act(const exdoc *x, int gov, size_t si, size_t a, size_t ne, int ty)
{
    char noun[64];
    if (ne - a >= sizeof noun)
        return -1;
    memcpy(noun, x->s + a, ne - a);
    noun[ne - a] = '\0';
    for (size_t i = x->n_ev; i-- > 0;) {
        const ex_event *e = &x->ev_v[i];
        if (e->sent > si || e->ps >= a)
            continue;
        if (e->sent + 3 < si)
            break;
        if (e->dropped || e->quoted || e->stmt || e->title_line || e->type != ty)
            continue;
        if (e->n_agent && x->ev_v[gov].n_agent && agents_agree(x, e, &x->ev_v[gov]))
            continue;
        if (!strstr(e->obj, noun) && !strstr(e->pred, noun))
            continue;
        return (int)i;
    }
    return -1;
}

static int market_move(const exdoc *x, const ex_event *e);
static int self_move(const ex_event *e);

static void governed_cues(exdoc *x, gov_rel **out, size_t *n_out, size_t *cap_out)
{
    size_t hits = 0;
    int protest = ex_type_index("protest");
    /* pass 0: responds_cues, 1: causes_cues, 2: responds_protest_cues
     * (responds-to only when the clause's act is a protest) */
    for (int pass = 0; pass < 3; pass++) {
        const kg_gram_list *L = pass == 2 ? protest_cues : pass ? cause_cues : resp_cues;
        int only_protest = pass == 2, causes = pass == 1;
        for (size_t c = 0; c < L->n; c++)
        /* variant 0: the cue as written; 1 + k: the cue after the bound
         * noun k of clause_nouns that takes the cue's particle into
         * itself (올린 데 반발해 for 데에 반발해) */
        for (size_t v = 0; v <= clause_nouns->n; v++) {
            const char *cue = L->e[c].form;
            int word = causes && in_list(cue, cause_word);
            char needle[128];
            size_t noun_l = 0;
            if (v > 0) {
                const kg_gram_entry *cn = &clause_nouns->e[v - 1];
                const char *bare = kg_gram_field(cn, "bare");
                const char *sp = strchr(cue, ' ');
                size_t bl = bare ? strlen(bare) : 0;
                noun_l = strlen(cn->form);
                if (!bare || !sp || (size_t)(sp - cue) != bl || memcmp(cue, bare, bl) ||
                    noun_l + strlen(sp) >= sizeof needle)
                    continue;
                memcpy(needle, cn->form, noun_l);
                strcpy(needle + noun_l, sp);
                cue = needle;
            }
            size_t nl = strlen(cue);
            size_t cl = nl - noun_l;
            const char *p = x->s;
            while (hits < 256 && (p = memmem(p, x->len - (size_t)(p - x->s), cue, nl)) != NULL) {
                size_t at = (size_t)(p - x->s) + noun_l;
                p += nl;
                /* the cue ends a word (에 반발해 not 에 반발해서는 …) */
                if (at + cl < x->len && x->s[at + cl] != ' ' && x->s[at + cl] != ',' && x->s[at + cl] != '\n')
                    continue;
                /* (the bound noun is a word of its own) */
                if (v > 0 && (at - noun_l == 0 || x->s[at - noun_l - 1] != ' '))
                    continue;
                size_t si = rel_sent_of(x, at);
                if (si >= x->t->n_sent)
                    continue;
                size_t ss = x->t->sent[si].nstart;
                size_t ne = at;
                if (word) {
                    /* X 때문에, X의 영향으로: a word of its own */
                    if (ne <= ss || x->s[ne - 1] != ' ')
                        continue;
                    while (ne > ss && x->s[ne - 1] == ' ')
                        ne--;
                    ne -= ex_ends_which(x->s, ss, ne, GW(genitive_particles));
                } else if (ne <= ss || x->s[ne - 1] == ' ') {
                    continue; /* the particle is written on the noun */
                }
                if (ne <= ss)
                    continue;
                size_t a = np_start(x, ss, ne);
                if (a >= ne)
                    continue;
                /* 이 결정에 불복해: a phrase pointed back names the act told
                 * before (rule R2 and the cue rules tie it), no new one */
                size_t dl = ex_at_any(x->s, ne, a, np_demonstratives);
                int demo = 0;
                if (dl && a + dl < ne && x->s[a + dl] == ' ') {
                    /* (이 명령에 불복해: one noun after the word, naming an
                     * act of its type told shortly before by another side:
                     * that act, found below; else left to the rules above) */
                    a += dl + 1;
                    if (a >= ne || memchr(x->s + a, ' ', ne - a))
                        continue;
                    demo = 1;
                }
                /* 관세를 올린 것에 반발해, 올린 데 대해: a bound noun makes
                 * the adnominal clause before it the phrase; its act is
                 * what the clause reacts to (or what causes it) */
                int cact = demo ? -1 : clause_act(x, si, ss, ne);
                /* a topic makes a target only of a phrase naming no act
                 * told by a verb (발언, not 관세: 관세를 부과했다 … 관세에
                 * 대해 반대했다 answers the act; the statement rules tie it) */
                int ty = cact >= 0 ? x->ev_v[cact].type : only_protest ? np_type_of(x, a, ne, 0) : np_type(x, a, ne);
                if (ty < 0)
                    continue;
                /* 개입을 시사하는 발언에 반발해: a statement that hints at a
                 * coercive act is a threat */
                if (cact < 0 && ty == ex_type_index("announce") && ex_threat_hint(x, ss, a))
                    ty = ex_type_index("pledge");
                int gov = first_after(x, si, ne);
                if (gov < 0 || x->ev_v[gov].title_line || x->ev_v[gov].ps < at)
                    continue;
                /* 발언에 대해 "…"라고 비판했다: a topic answers only as
                 * the target of a protest */
                /* (관세를 올린 데 대해 "보복하겠다"고 밝혔다: an act told
                 * by a verb answered by a vow too) */
                if (only_protest && x->ev_v[gov].type != protest &&
                    !(cact >= 0 && x->ev_v[gov].type == ex_type_index("pledge")))
                    continue;
                /* the act of the clause, not one of the next sentence part */
                int np = cact >= 0 ? cact : event_in(x, si, a, ne);
                /* 제재에 반발해: a bare noun names the act of its type told
                 * shortly before with it (제재를 발표했다), no new one */
                if (np < 0 && !causes && !memchr(x->s + a, ' ', ne - a))
                    np = bare_np_act(x, gov, si, a, ne, ty);
                if (np < 0 && demo)
                    continue;
                if (np < 0) {
                    np = np_event(x, si, a, ne, ty);
                    said_np(x, np, ss, out, n_out, cap_out);
                }
                hits++;
                /* "X로 인해 … 될 것"이라고 말했다: the cause is of what is
                 * said, not of the saying */
                if (causes && x->ev_v[gov].stmt)
                    continue;
                KG_VEC_PUSH(*out, *n_out, *cap_out);
                if (causes)
                    (*out)[(*n_out)++] = (gov_rel){ x->ev_v[np].ps, x->ev_v[gov].ps, EX_REL_CAUSES };
                else
                    (*out)[(*n_out)++] = (gov_rel){ x->ev_v[gov].ps, x->ev_v[np].ps, EX_REL_RESPONDS };
                /* 공개 여파로 A 주가는 7% 하락했고 B도 5% 내렸다: a move
                 * chained after the move caused has that cause too (as
                 * move_causes does after 직후, 소식에) */
                if (causes && (x->ev_v[gov].f & EX_F_CONN) && !(x->ev_v[gov].f & (EX_F_WHEN | EX_F_CAUSE)) &&
                    (market_move(x, &x->ev_v[gov]) || self_move(&x->ev_v[gov]))) {
                    int next = first_after(x, si, x->ev_v[gov].pe);
                    if (next >= 0 && !x->ev_v[next].stmt &&
                        (market_move(x, &x->ev_v[next]) || self_move(&x->ev_v[next]))) {
                        KG_VEC_PUSH(*out, *n_out, *cap_out);
                        (*out)[(*n_out)++] = (gov_rel){ x->ev_v[np].ps, x->ev_v[next].ps, EX_REL_CAUSES };
                    }
                }
                /* 발언을 두고 "…회의를 열 예정"이라고 밝혔다: an act told in
                 * the quote answers X, and so does the statement that
                 * tells it (the first event after the quote) */
                if (!causes && x->ev_v[gov].quoted) {
                    int st = gov;
                    for (int hop = 0; st >= 0 && x->ev_v[st].quoted && hop < 8; hop++)
                        st = first_after(x, si, x->ev_v[st].pe > x->ev_v[st].ps ? x->ev_v[st].pe : x->ev_v[st].ps + 1);
                    if (st >= 0 && x->ev_v[st].stmt) {
                        KG_VEC_PUSH(*out, *n_out, *cap_out);
                        (*out)[(*n_out)++] = (gov_rel){ x->ev_v[st].ps, x->ev_v[np].ps, EX_REL_RESPONDS };
                    }
                }
                /* 반발해 … 막았다: the cue's own verb leads into the act */
                if (!causes && x->ev_v[gov].ps < at + cl) {
                    int next = first_after(x, si, x->ev_v[gov].pe);
                    if (next >= 0) {
                        KG_VEC_PUSH(*out, *n_out, *cap_out);
                        (*out)[(*n_out)++] = (gov_rel){ x->ev_v[next].ps, x->ev_v[np].ps, EX_REL_RESPONDS };
                    }
                }
            }
        }
    }
}

/* 1 if e is a move of a market or a result: type other, with a figure
 * in its clause (주가가 6% 내렸다, 수출이 10% 줄었다). */
static int market_move(const exdoc *x, const ex_event *e)
{
    if (e->type != ex_type_index("other"))
        return 0;
    size_t k = ex_first_at(x, x->fig, x->n_fig, e->cs);
    return k < x->n_fig && x->m->v[x->fig[k]].nstart < e->pe;
}

/* 1 if the word of e's predicate ends in a connective that concedes
 * (내놨지만, 올렸으나): what follows goes against the act. */
static int concessive(const exdoc *x, const ex_event *e)
{
    size_t we = e->ps;
    while (we < x->len && x->s[we] != ' ' && x->s[we] != '\n' && x->s[we] != ',' && x->s[we] != '.')
        we++;
    for (int k = 0; concessive_ends[k]; k++) {
        size_t l = strlen(concessive_ends[k]);
        if (we >= e->ps + l && !memcmp(x->s + we - l, concessive_ends[k], l))
            return 1;
    }
    return 0;
}

/* 1 if e is a thing moving by itself (주가가 내렸다): type other, with a
 * subject of its own in its clause and no actor. */
static int self_move(const ex_event *e)
{
    return e->type == ex_type_index("other") && e->subj_in_clause && !e->n_agent;
}

/* 1 if e is a market moving (주가가 급락했다) whose subject an actor owns
 * (중국 드론 업체들의 주가가, 엔비디아의 주가는): type other, the nearest
 * word with a subject or topic particle before its predicate ends in a
 * noun of events.yaml market_subjects. */
static int owned_move(const exdoc *x, const ex_event *e)
{
    pthread_once(&lists_once, lists_init);
    if (e->type != ex_type_index("other") || e->ps <= e->cs)
        return 0;
    size_t b = e->ps;
    while (b > e->cs) {
        while (b > e->cs && (x->s[b - 1] == ' ' || x->s[b - 1] == ','))
            b--;
        if (b <= e->cs)
            break;
        ex_word w;
        word_ending(x, e->cs, b, &w);
        if (w.particle == EX_P_SUBJ || w.particle == EX_P_TOPIC) {
            for (int k = 0; market_subject_words[k]; k++) {
                size_t l = strlen(market_subject_words[k]);
                if (w.ps >= w.cs + l && !memcmp(x->s + w.ps - l, market_subject_words[k], l))
                    return 1;
            }
            /* 자동차주가, 관련주가: stocks of a sector (two letters before
             * the suffix at least) */
            return ex_stock_stem(x->s, w.cs, w.ps, stock_suffixes);
        }
        b = w.s;
    }
    return 0;
}

/* 1 if s[a..b) holds an ASCII digit (a figure: 3% 하락 is a move told,
 * not a cause named) */
static int has_digit(const char *s, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (s[i] >= '0' && s[i] <= '9')
            return 1;
    return 0;
}

/* 총재의 발언이 전해지자, 경고가 나오자: the word ending at we, with a
 * subject particle, before a verb of becoming known
 * (move_cause_known_verbs), ends a noun phrase: its event type (or -1
 * when it names no event), with *a and *ne set to the phrase; -2 when
 * the word is no such subject. */
static int known_at(const exdoc *x, size_t ss, size_t we, size_t *a, size_t *ne)
{
    ex_word sw;
    word_ending(x, ss, we, &sw);
    if (sw.particle != EX_P_SUBJ || sw.ce != we || sw.cs != sw.s || sw.ps <= sw.cs)
        return -2;
    size_t nx = we;
    while (nx < x->len && x->s[nx] == ' ')
        nx++;
    size_t vl = nx > we ? ex_at_any(x->s, x->len, nx, known_verbs) : 0;
    if (!vl || (nx + vl < x->len && x->s[nx + vl] != ' ' && x->s[nx + vl] != ','))
        return -2;
    *ne = sw.ps;
    /* 관세 인상 소식이 알려지자: the news of the phrase before */
    if (ex_is_any(x->s, sw.cs, sw.ps, known_news)) {
        size_t e = sw.s;
        while (e > ss && x->s[e - 1] == ' ')
            e--;
        if (e == sw.s || e <= ss)
            return -1;
        *ne = e;
    }
    *a = np_start(x, ss, *ne);
    return *a < *ne && !has_digit(x->s, *a, *ne) ? np_type_of(x, *a, *ne, 1) : -1;
}

/* The cause a word of [w.s, w.e) names for a move after it, or -1: a
 * noun phrase ending in an np_nouns noun with a cause particle written
 * on it (유가 하락으로), or any event noun before a cause word of its own
 * (실적 발표 직후). Sets *a and *ne to the phrase. */
static int move_cause_at(const exdoc *x, size_t ss, size_t ws, size_t we, size_t *a, size_t *ne)
{
    size_t wl = we - ws;
    for (int k = 0; move_words[k]; k++) {
        /* (a cue of two words, 소식이 전해지자, ends at a word's end) */
        size_t l = strlen(move_words[k]);
        if (l < wl || ws + l > x->len || memcmp(x->s + ws, move_words[k], l) ||
            (l > wl && ws + l < x->len && x->s[ws + l] != ' ' && x->s[ws + l] != ','))
            continue;
        size_t e = ws;
        while (e > ss && x->s[e - 1] == ' ')
            e--;
        if (e == ws || e <= ss)
            return -1;
        /* (a genitive 의 on the phrase, 발표의 직후; not the last syllable
         * of a noun that names an act whole, 합의 직후) */
        size_t full = np_start(x, ss, e);
        if (!(full < e && !has_digit(x->s, full, e) && np_type_of(x, full, e, 1) >= 0))
            e -= ex_ends_which(x->s, ss, e, GW(genitive_particles));
        if (e <= ss)
            return -1;
        *ne = e;
        *a = np_start(x, ss, e);
        return *a < e && !has_digit(x->s, *a, e) ? np_type_of(x, *a, e, 1) : -1;
    }
    int kt = known_at(x, ss, we, a, ne);
    if (kt != -2)
        return kt;
    for (int k = 0; move_particles[k]; k++) {
        size_t l = strlen(move_particles[k]);
        if (wl <= l || memcmp(x->s + we - l, move_particles[k], l))
            continue;
        *ne = we - l;
        *a = np_start(x, ss, *ne);
        /* 2.1% 하락으로 마감했다: a figure before the noun tells the move */
        size_t pw = *a;
        while (pw > ss && x->s[pw - 1] == ' ')
            pw--;
        size_t pws = pw;
        while (pws > ss && x->s[pws - 1] != ' ')
            pws--;
        if (has_digit(x->s, pws, pw))
            return -1;
        return *a < *ne && !has_digit(x->s, *a, *ne) ? np_type_of(x, *a, *ne, 1) : -1;
    }
    return -1;
}

/* The act a cause phrase s[a, ne) names again (한빛마트에 과징금을
 * 부과했다. 과징금 부과로 주가가 떨어졌다): the last event before event g,
 * in sentence si or the three before, whose object the phrase holds
 * (two syllables or more), else -1. */
static int told_act(const exdoc *x, size_t g, size_t si, size_t a, size_t ne)
{
    char t[256];
    size_t k = 0;
    for (size_t i = a; i < ne && k + 1 < sizeof t; i++)
        if (x->s[i] != ' ')
            t[k++] = x->s[i];
    t[k] = '\0';
    for (size_t i = g; i-- > 0;) {
        const ex_event *p = &x->ev_v[i];
        if (p->sent + 3 < si)
            break;
        if (p->dropped || p->quoted || p->stmt || p->ps >= a || strlen(p->obj) < 6)
            continue;
        if (strstr(t, p->obj))
            return (int)i;
    }
    return -1;
}

/* The act a bare act noun s[a, ne) of type ty (one word: 규제, 합의)
 * names again: the last event before event g, in sentence si or the one
 * before, an act told with its verb (no quote, statement or noun phrase)
 * of type ty or whose predicate starts with the noun; else -1. */
static int bare_mention(const exdoc *x, size_t g, size_t si, size_t a, size_t ne, int ty)
{
    if (ne <= a || ne - a > 12 || memchr(x->s + a, ' ', ne - a))
        return -1;
    for (size_t i = g; i-- > 0;) {
        const ex_event *p = &x->ev_v[i];
        if (p->sent + 1 < si)
            break;
        if (p->dropped || p->ps >= a)
            continue;
        if (p->quoted || p->stmt || p->np || p->title_line)
            return -1;
        if (p->type == ty)
            return (int)i;
        /* (a word of its predicate starts with the noun: 합의했다) */
        for (size_t o = p->ps; o + (ne - a) <= p->pe; o++)
            if ((o == p->ps || x->s[o - 1] == ' ') && !memcmp(x->s + o, x->s + a, ne - a))
                return (int)i;
        return -1;
    }
    return -1;
}

/* The next word from *ws before end: *ws moves past spaces and commas to
 * its start; returns its end. */
static size_t next_word(const exdoc *x, size_t *ws, size_t end)
{
    while (*ws < end && (x->s[*ws] == ' ' || x->s[*ws] == ','))
        (*ws)++;
    size_t we = *ws;
    while (we < end && x->s[we] != ' ' && x->s[we] != ',')
        we++;
    return we;
}

/* Where the clause of event g starts: after the last act of its sentence
 * that ends before its predicate (of the first n0 events; they are in
 * text order but for a few, so only those near g are looked at), else
 * at the sentence start. */
static size_t clause_from(const exdoc *x, size_t g, size_t n0)
{
    const ex_event *e = &x->ev_v[g];
    size_t si = e->sent, from = x->t->sent[si].nstart;
    for (size_t i = g > 32 ? g - 32 : 0; i < n0 && i <= g + 32; i++) {
        const ex_event *f = &x->ev_v[i];
        if (i != g && !f->dropped && f->sent == si && f->pe <= e->ps && f->pe > from)
            from = f->pe;
    }
    return from;
}

/* 1 if the clause [from, end) opens with a demonstrative alone before a
 * cause word of its own (이 소식에, 이 같은 소식이 전해지자:
 * act_demonstratives, move_cause_words). */
static int demonstrative_cue(const exdoc *x, size_t from, size_t end)
{
    size_t p = from;
    while (p < end && (x->s[p] == ' ' || x->s[p] == '\n'))
        p++;
    for (int k = 0; act_demonstratives[k]; k++) {
        size_t l = strlen(act_demonstratives[k]);
        if (p + l + 1 >= end || memcmp(x->s + p, act_demonstratives[k], l) || x->s[p + l] != ' ')
            continue;
        for (int m = 0; move_words[m]; m++)
            if (ex_at(x->s, end, p + l + 1, move_words[m]))
                return 1;
    }
    return 0;
}

/* A noun-phrase act named as the cause of a move (rule R3 for moves):
 * 유가 하락으로 수출이 12% 줄었다, 실적 발표 직후 주가가 4% 올랐다. The
 * phrase, between the sentence start (or the act before in the sentence)
 * and the move's predicate, becomes an event with the relation that
 * points at it, never alone; a move chained after the first (급등하며 …
 * 랠리했다) is caused by it too. Appends to *out (by position). */
static void move_causes(exdoc *x, gov_rel **out, size_t *n_out, size_t *cap_out)
{
    size_t n0 = x->n_ev, hits = 0;
    /* a few hundred per text: first_after and event_in scan all events */
    for (size_t g = 0; g < n0 && hits < 256; g++) {
        const ex_event *e = &x->ev_v[g];
        if (e->dropped || e->title_line || e->quoted || e->stmt ||
            !(market_move(x, e) || self_move(e) || owned_move(x, e)))
            continue;
        size_t si = e->sent, from = clause_from(x, g, n0);
        size_t ws = from, a = 0, ne = 0;
        int found = -1;
        while (ws < e->ps && found < 0) {
            size_t we = next_word(x, &ws, e->ps);
            if (we > ws && we < e->ps)
                found = move_cause_at(x, from, ws, we, &a, &ne);
            ws = we;
        }
        /* 이 소식에 주가는 3% 떨어졌다: the news is what the sentence
         * before told, its last act or statement, which causes the move */
        if (found < 0 && demonstrative_cue(x, from, e->ps)) {
            for (size_t k = g; k-- > 0;) {
                const ex_event *p = &x->ev_v[k];
                if (p->sent + 1 < si)
                    break;
                if (p->sent != si - 1 || p->dropped || p->quoted || p->title_line || p->np)
                    continue;
                /* (a move told last: the rules of moves told one after
                 * another read it) */
                if (market_move(x, p) || self_move(p) || owned_move(x, p))
                    break;
                KG_VEC_PUSH(*out, *n_out, *cap_out);
                (*out)[(*n_out)++] = (gov_rel){ p->ps, e->ps, EX_REL_CAUSES };
                hits++;
                break;
            }
            continue;
        }
        /* 이 발표 직후: the phrase points back at an act told before,
         * which is no new event (left to the cues that point back) */
        if (found < 0)
            continue;
        hits++;
        size_t dl = ex_at_any(x->s, ne, a, np_demonstratives);
        if (dl && a + dl < ne && x->s[a + dl] == ' ') {
            /* (이 칩 공개 직후 주가가 올랐다: the act of the phrase's type
             * told last, in this sentence or the four before, is the
             * cause; an announcement (이 발표) is also an act announced,
             * and a neutral remark is none) */
            int announce = ex_type_index("announce");
            for (size_t k = g; k-- > 0;) {
                const ex_event *p = &x->ev_v[k];
                if (p->sent + 4 < si)
                    break;
                if (p->dropped || p->quoted || p->ps >= a || (p->stmt && p->type == announce))
                    continue;
                if (p->type != found && !(found == announce && (p->f & REL_F_ANNOUNCED)))
                    continue;
                KG_VEC_PUSH(*out, *n_out, *cap_out);
                (*out)[(*n_out)++] = (gov_rel){ p->ps, e->ps, EX_REL_CAUSES };
                break;
            }
            continue;
        }
        size_t gps = e->ps, gpe = e->pe;
        unsigned gf = e->f;
        int np = event_in(x, si, a, ne);
        if (np < 0) {
            /* an act told before with its object (과징금을 부과했다 …
             * 과징금 부과로): the phrase mentions it again, of its type,
             * and same-as links the two */
            int told = told_act(x, g, si, a, ne);
            np = np_event(x, si, a, ne, told >= 0 ? x->ev_v[told].type : found);
            /* 드론 수출을 막았다. 규제 소식에 …, 관세를 낮추기로 합의했다.
             * 합의 직후 …: a bare act noun right after the act told last
             * (this sentence or the one before), of its type or its
             * predicate's noun, is that act named again */
            int same = told < 0 && np >= 0 ? bare_mention(x, g, si, a, ne, found) : -1;
            if (same >= 0)
                ex_add_rel(x, np, EX_REL_SAME, same);
        }
        /* right after it (직후: move_cause_words) the move came the same
         * day: the phrase's act has the move's date when it has none */
        size_t cw = ne;
        while (cw < gps && x->s[cw] == ' ')
            cw++;
        int right_after = ex_at_any(x->s, gps, cw, move_words) > 0;
        if (!x->ev_v[np].date[0] && x->ev_v[g].date[0] && right_after) {
            memcpy(x->ev_v[np].date, x->ev_v[g].date, sizeof x->ev_v[np].date);
            memcpy(x->ev_v[np].when, x->ev_v[g].when, sizeof x->ev_v[np].when);
        }
        /* (and the price that moves right after a company's act, its
         * subject named by no one, is that company's: 엔비디아의 실적
         * 발표 직후 주가가 뛰었다) */
        if (right_after && !x->ev_v[g].n_agent && x->ev_v[np].n_agent && market_move(x, &x->ev_v[g])) {
            memcpy(x->ev_v[g].agent, x->ev_v[np].agent, sizeof x->ev_v[g].agent);
            x->ev_v[g].n_agent = x->ev_v[np].n_agent;
        }
        KG_VEC_PUSH(*out, *n_out, *cap_out);
        (*out)[(*n_out)++] = (gov_rel){ x->ev_v[np].ps, gps, EX_REL_CAUSES };
        int next = (gf & EX_F_CONN) ? first_after(x, si, gpe) : -1;
        if (next >= 0 && (size_t)next < n0 && (market_move(x, &x->ev_v[next]) || self_move(&x->ev_v[next]))) {
            KG_VEC_PUSH(*out, *n_out, *cap_out);
            (*out)[(*n_out)++] = (gov_rel){ x->ev_v[np].ps, x->ev_v[next].ps, EX_REL_CAUSES };
        }
    }
}

/* 중국의 조사 발표가 나오자 협회는 "…"고 촉구했다: an act or statement
 * (no move: move_causes reads those) after a noun phrase that became
 * known (known_at) in its clause responds-to the phrase, which becomes
 * an event (np_told ties it to the act it names). Appends to *out (by
 * position). */
static void known_answers(exdoc *x, gov_rel **out, size_t *n_out, size_t *cap_out)
{
    size_t n0 = x->n_ev;
    int other = ex_type_index("other");
    for (size_t g = 0; g < n0; g++) {
        const ex_event *e = &x->ev_v[g];
        if (e->dropped || e->title_line || e->quoted || e->np || e->type == other)
            continue;
        size_t si = e->sent, from = clause_from(x, g, n0);
        size_t ws = from, a = 0, ne = 0;
        int found = -2;
        while (ws < e->ps && found == -2) {
            size_t we = next_word(x, &ws, e->ps);
            if (we > ws && we < e->ps)
                found = known_at(x, from, we, &a, &ne);
            ws = we;
        }
        if (found < 0)
            continue;
        /* (이 발표가 나오자: pointing back, left to the cues that do) */
        size_t dl = ex_at_any(x->s, ne, a, np_demonstratives);
        if (dl && a + dl < ne && x->s[a + dl] == ' ')
            continue;
        int np = event_in(x, si, a, ne);
        if (np < 0)
            np = np_event(x, si, a, ne, found);
        KG_VEC_PUSH(*out, *n_out, *cap_out);
        (*out)[(*n_out)++] = (gov_rel){ x->ev_v[g].ps, x->ev_v[np].ps, EX_REL_RESPONDS };
    }
}

/* 1 if event e is about a plan, deal or package: its object, or the word
 * just before its predicate, ends in a plan noun (전략을 발표했다, 합의에
 * 서명했다). */
static int plan_event(const exdoc *x, const ex_event *e)
{
    for (int k = 0; plan_nouns[k]; k++)
        if (ends_nospace(e->obj, plan_nouns[k]) || ends_nospace(e->obj2, plan_nouns[k]))
            return 1;
    size_t ss = x->t->sent[e->sent].nstart, b = e->ps;
    while (b > ss && x->s[b - 1] == ' ')
        b--;
    if (b <= ss || b >= e->ps || b <= e->cs)
        return 0;
    ex_word w;
    word_ending(x, ss, b, &w);
    if (w.ps <= w.cs || w.ps - w.cs >= 96)
        return 0;
    char t[96];
    memcpy(t, x->s + w.cs, w.ps - w.cs);
    t[w.ps - w.cs] = '\0';
    for (int k = 0; plan_nouns[k]; k++)
        if (ends_nospace(t, plan_nouns[k]))
            return 1;
    return 0;
}

/* The words of rules R1-R4 added with the decomposition of plans
 * (relations.yaml: story_breaks, part_anaphora, return_cues,
 * reprisal_copulas, passing_verbs, effect_verbs). */
static const char *const *story_breaks, *const *part_anaphora, *const *return_cues, *const *reprisal_copulas,
    *const *answer_copulas;
static const char *const *passing_verbs, *const *effect_verbs, *const *document_nouns, *const *vote_verbs;
static const char *const *reaction_pronouns;
static const char *const *earlier_openers; /* events.yaml: 앞서 (a sentence told as background) */
static const char *const *progressive_adns; /* korean.yaml progressive_adnominals: 있는 */
static const char *const *reaction_verbs, *const *reprisal_words, *const *explain_copulas, *const *drive_verbs;
static const char *const *modifier_cues, *const *whole_words, *const *enum_openers;
static const char *const *appeal_words, *const *ruling_words, *const *content_openers, *const *content_source_cues, *const *additive_openers;
static const char *const *hold_endings, *const *goal_words, *const *plan_heads, *const *forecast_nouns;
static const char *const *rebut_verbs, *const *clause_bound_nouns, *const *reaction_nouns, *const *reaction_noun_particles;
static const char *const *release_verbs, *const *exception_openers, *const *withdraw_verbs, *const *content_anaphora;
static const char *const *reaction_subjects, *const *reaction_arrivals, *const *content_list_ends;
static pthread_once_t parts_once = PTHREAD_ONCE_INIT;

static void parts_init(void)
{
    story_breaks = kg_gram_words("relations", "story_breaks");
    earlier_openers = kg_gram_words("events", "earlier_openers");
    progressive_adns = kg_gram_words("korean", "progressive_adnominals");
    content_anaphora = kg_gram_words("relations", "content_anaphora");
    part_anaphora = kg_gram_words("relations", "part_anaphora");
    return_cues = kg_gram_words("relations", "return_cues");
    reprisal_copulas = kg_gram_words("relations", "reprisal_copulas");
    answer_copulas = kg_gram_words("relations", "answer_copulas");
    passing_verbs = kg_gram_words("relations", "passing_verbs");
    effect_verbs = kg_gram_words("relations", "effect_verbs");
    document_nouns = kg_gram_words("relations", "document_nouns");
    vote_verbs = kg_gram_words("relations", "vote_verbs");
    reaction_verbs = kg_gram_words("relations", "reaction_verbs");
    reaction_pronouns = kg_gram_words("relations", "reaction_pronouns");
    reprisal_words = kg_gram_words("relations", "reprisal_words");
    explain_copulas = kg_gram_words("relations", "explain_copulas");
    drive_verbs = kg_gram_words("relations", "drive_verbs");
    modifier_cues = kg_gram_words("relations", "modifier_cues");
    whole_words = kg_gram_words("relations", "whole_words");
    enum_openers = kg_gram_words("relations", "enumeration_openers");
    appeal_words = kg_gram_words("relations", "appeal_words");
    ruling_words = kg_gram_words("relations", "ruling_words");
    content_openers = kg_gram_words("relations", "content_openers");
    additive_openers = kg_gram_words("relations", "additive_openers");
    content_source_cues = kg_gram_words("relations", "content_source_cues");
    hold_endings = kg_gram_words("relations", "meeting_hold_endings");
    goal_words = kg_gram_words("relations", "goal_words");
    plan_heads = kg_gram_words("relations", "plan_heads");
    forecast_nouns = kg_gram_words("relations", "forecast_nouns");
    release_verbs = kg_gram_words("relations", "forecast_release_verbs");
    exception_openers = kg_gram_words("relations", "exception_openers");
    withdraw_verbs = kg_gram_words("relations", "withdraw_verbs");
    rebut_verbs = kg_gram_words("relations", "rebut_verbs");
    clause_bound_nouns = kg_gram_words("relations", "clause_bound_nouns");
    reaction_nouns = kg_gram_words("relations", "reaction_nouns");
    reaction_noun_particles = kg_gram_words("relations", "reaction_noun_particles");
    reaction_subjects = kg_gram_words("relations", "reaction_subjects");
    reaction_arrivals = kg_gram_words("relations", "reaction_arrivals");
    content_list_ends = kg_gram_words("relations", "content_list_ends");
}

/* 1 if the predicate title of e starts with one of the words */
static int pred_in(const ex_event *e, const char *const *words)
{
    return head_in(e->pred, words);
}

/* Sentences after a plan, deal or package (rule R1) in which the acts
 * told may be its parts; a new story ends them before. */
#define PLAN_PARTS_SPAN 8

/* Events looked at after a plan for its parts, or back for what an act
 * answers: the acts of a few sentences, bounded in a run-on text. */
#define BACK_MAX 64

/* 1 if sentence si opens with one of the cues (after quote marks). */
static int sent_opens(const exdoc *x, size_t si, const char *const *cues)
{
    const kg_text_range *sr = &x->t->sent[si];
    size_t ss = sr->nstart;
    while (ss < sr->nend && (x->s[ss] == ' ' || x->s[ss] == '"' || x->s[ss] == '\''))
        ss++;
    for (int k = 0; cues[k]; k++)
        if (cue_at(x->s, ss, sr->nend, cues[k]))
            return 1;
    return 0;
}

/* 1 if one of e's agents is named in e's own sentence (not an agent
 * carried over from a sentence before: 팹리스밸리가 조성된다). */
static int agent_here(const exdoc *x, const ex_event *e)
{
    size_t ss = x->t->sent[e->sent].nstart;
    for (int g = 0; g < e->n_agent; g++)
        if (x->m->v[e->agent[g]].nstart >= ss)
            return 1;
    return 0;
}

/* 1 if mentions a and b name the same actor. */
static int one_party(const kg_mention *a, const kg_mention *b)
{
    return a->id && b->id && !strcmp(a->id, b->id);
}

/* 1 if the actor of mention q is a party of plan event p: one of its
 * agents or targets, or an actor named in its clause (A와 B가 합의에
 * 서명했다). */
static int plan_party(const exdoc *x, const ex_event *p, const kg_mention *q)
{
    if (!q->id)
        return 0;
    for (int g = 0; g < p->n_agent; g++)
        if (one_party(&x->m->v[p->agent[g]], q))
            return 1;
    for (int g = 0; g < p->n_target; g++)
        if (one_party(&x->m->v[p->target[g]], q))
            return 1;
    /* the words just before the predicate (bounded in a run-on text) */
    size_t from = p->pe > p->cs + 400 ? p->pe - 400 : p->cs;
    for (size_t k = ex_first_at(x, x->act, x->n_act, from); k < x->n_act; k++) {
        const kg_mention *m = &x->m->v[x->act[k]];
        if (m->nstart >= p->pe)
            break;
        if (one_party(m, q))
            return 1;
    }
    return 0;
}

/* 1 if q's agents named in its sentence are all parties of plan p (or
 * q names none). */
static int parties_act(const exdoc *x, const ex_event *p, const ex_event *q)
{
    if (!agent_here(x, q))
        return 1;
    size_t ss = x->t->sent[q->sent].nstart;
    for (int g = 0; g < q->n_agent; g++) {
        const kg_mention *m = &x->m->v[q->agent[g]];
        if (m->nstart >= ss && plan_party(x, p, m))
            return 1;
    }
    return 0;
}

/* Rule R1 for a plan, deal or package (전략을 발표했다, 합의에 서명했다):
 * the acts told after it by its parties or by no one named are its parts,
 * up to PLAN_PARTS_SPAN sentences on, until a new story starts: another
 * plan, a protest, an act of a side that is no party, a sentence opening
 * with a story break (한편). Acts told as background (an adnominal 부과한
 * …), quotes and remarks by others are skipped. */
/* 1 if EDTF value v starts before the document date dct, to the
 * precision both have (2025-12 before 2026-02-28). */
static int before_dct(const char *v, const kg_edtf_point *dct)
{
    int y = 0, m = 0;
    int n = sscanf(v, "%4d-%2d", &y, &m);
    if (n < 1 || dct->prec == KG_PREC_NONE)
        return 0;
    if (y != dct->year)
        return y < dct->year;
    return n >= 2 && dct->prec >= KG_PREC_MONTH && m < dct->month;
}

/* 1 if the word after q's predicate word is an adnominal of the
 * progressive verb (korean.yaml progressive_adnominals: 검토하고 있는
 * 오픈AI는): q is an act going on told of the noun after it. */
static int progressive_adnominal(const exdoc *x, const ex_event *q)
{
    size_t e = q->pe;
    while (e < x->len && x->s[e] != ' ' && x->s[e] != '\n')
        e++;
    if (e >= x->len || x->s[e] != ' ')
        return 0;
    size_t a = e + 1, b = a;
    while (b < x->len && x->s[b] != ' ' && x->s[b] != '\n')
        b++;
    return word_in(x->s + a, b - a, progressive_adns);
}

/* 1 if q's date starts before p's, to the precision both have (2025
 * before 2026-03-03; 2026-03 is not before 2026-03-03). */
static int dated_before(const ex_event *q, const ex_event *p)
{
    size_t lq = strcspn(q->date, "/"), lp = strcspn(p->date, "/");
    size_t n = lq < lp ? lq : lp;
    return n >= 4 && memcmp(q->date, p->date, n) < 0;
}

/* 1 if sentence si opens a paragraph (the text's start or a line break
 * before it, spaces between). */
static int para_start(const exdoc *x, size_t si)
{
    size_t a = x->t->sent[si].nstart;
    while (a > 0 && x->s[a - 1] == ' ')
        a--;
    return a == 0 || x->s[a - 1] == '\n';
}

/* The last sentence of the numbered parts told after sentence si:
 * paragraphs, from the next one on (one paragraph that opens none may
 * stand first: 방안은 세 가지로 나뉜다), each opening with a word of
 * relations.yaml enumeration_openers (첫째, 둘째 …), two at least, one
 * after the other; si when there are none. *first gets the first
 * sentence of the first of them. */
static size_t numbered_parts_end(const exdoc *x, size_t si, size_t *first)
{
    size_t n = x->t->n_sent, k = si + 1, last = si;
    int paras = 0, skipped = 0;
    *first = n;
    while (k < n && !para_start(x, k))
        k++;
    while (k < n) {
        size_t e = k + 1;
        while (e < n && !para_start(x, e))
            e++;
        if (sent_opens(x, k, enum_openers)) {
            if (!paras)
                *first = k;
            paras++;
            last = e - 1;
        } else if (paras || skipped++) {
            break;
        }
        k = e;
    }
    return paras >= 2 ? last : si;
}

static void plan_decomp(exdoc *x, size_t i)
{
    int protest = ex_type_index("protest"), meet = ex_type_index("meet");
    int announce = ex_type_index("announce");
    const ex_event *p = &x->ev_v[i];
    /* 관세안을 통과시켰다 … 관세가 부과된다: the first measure taking
     * effect with no one named acting is caused by the decision */
    int passing = pred_in(p, passing_verbs), effect_seen = 0;
    int n = 0;
    /* 방안은 세 가지다. 첫째, … 둘째, …: the acts of numbered paragraphs
     * after the plan are its parts, however many sentences they take,
     * whoever is named doing them (정부는 … 목표를 세웠다 in a ministry's
     * plan), another plan among them (a goal set) too */
    size_t nfirst, nend = numbered_parts_end(x, p->sent, &nfirst);
    for (size_t j = i + 1; j < x->n_ev && n < (nend > p->sent ? 24 : 8) && j <= i + BACK_MAX; j++) {
        const ex_event *q = &x->ev_v[j];
        int numbered = q->sent >= nfirst && q->sent <= nend;
        if (q->sent > p->sent + PLAN_PARTS_SPAN && !numbered)
            break;
        if (q->sent > p->sent && sent_opens(x, q->sent, story_breaks))
            break;
        if (q->dropped || q->canon >= 0 || q->type == meet || q->quoted)
            continue;
        /* (a noun phrase naming an act told before: 이번 지원은) */
        if (q->np && has_rel_from(x, (int)j, EX_REL_SAME))
            continue;
        /* a thing that moves by itself after the plan (주가가 내렸다: type
         * other, a subject of its own, no actor) is no measure of it */
        if (self_move(q))
            continue;
        /* 대책을 발표했지만 주가는 떨어졌다: what a concession leads to in
         * its sentence goes against the plan, no measure of it */
        if (q->sent == p->sent && concessive(x, p))
            continue;
        if (q->type == protest || (plan_event(x, q) && !numbered))
            break;
        /* 프랑스 등 10개국이 찬성했다: a vote on a decision passed is part
         * of it, whoever votes */
        if (passing && pred_in(q, vote_verbs)) {
            if (!has_rel_from(x, (int)j, EX_REL_PART))
                ex_add_rel(x, (int)j, EX_REL_PART, (int)i);
            continue;
        }
        /* nor is a figure moving (주가는 3% 올랐다), whoever it is told of */
        if (market_move(x, q))
            continue;
        /* an act going on told of the noun after it (X를 검토하고 있는
         * 오픈AI는 …) is that noun's, no measure of the plan */
        if (progressive_adnominal(x, q))
            continue;
        int party = parties_act(x, p, q);
        /* a remark: a neutral statement, or any statement of another side */
        if (q->stmt && (q->type == announce || !party))
            continue;
        if (!party && !numbered)
            break;
        /* background told in an adnominal clause (…에 부과한 관세를), or
         * as the time of what follows (확정한 가운데, 서명한 뒤), or a mood
         * described (환영하는 분위기다) */
        if (adnominal_only(q) || (q->f & EX_F_TEMPCONN))
            continue;
        /* the plan's own document issued (포고문을 발표했다) */
        /* 업계는 환영했다: a reaction to the plan is no part of it */
        if (pred_in(q, reaction_verbs))
            continue;
        int doc = 0;
        for (int k = 0; document_nouns[k]; k++)
            doc |= q->obj[0] && ends_nospace(q->obj, document_nouns[k]);
        if (doc)
            continue;
        /* a plan still talked over (방안을 논의하고 있다) has no step done
         * already: an act with a time of its own before the document's
         * date (지난해 12월 … 투자하면서) is its background */
        if (!p->date[0] && !(p->f & EX_F_PAST) && q->when[0] && before_dct(q->date, &x->dct))
            continue;
        if (passing && !agent_here(x, q) && pred_in(q, effect_verbs)) {
            if (!effect_seen)
                ex_add_rel(x, (int)i, EX_REL_CAUSES, (int)j);
            effect_seen = 1;
            continue;
        }
        if (!has_rel_from(x, (int)j, EX_REL_PART))
            ex_add_rel(x, (int)j, EX_REL_PART, (int)i);
        n++;
    }
}

/* Sentences after a drive (협력을 모색하고 나섰다) in which its meetings
 * and talks are told. */
#define DRIVE_SPAN 4

/* 1 if an actor of id is named in e's sentence before its predicate */
static int named_before(const exdoc *x, const ex_event *e, const char *id)
{
    size_t ss = x->t->sent[e->sent].nstart;
    if (e->pe > ss + 600)
        ss = e->pe - 600;
    for (size_t k = ex_first_at(x, x->act, x->n_act, ss); k < x->n_act; k++) {
        const kg_mention *m = &x->m->v[x->act[k]];
        if (m->nstart >= e->pe)
            break;
        if (m->id && !strcmp(m->id, id))
            return 1;
    }
    return 0;
}

/* 1 if q may be a step of drive p: a meeting, a talk or a deal of the
 * same kind, in a sentence naming p's agent */
static int drive_step(const exdoc *x, const ex_event *p, const ex_event *q)
{
    int meet = ex_type_index("meet");
    if (q->dropped || q->canon >= 0 || q->quoted || q->stmt || q->title_line)
        return 0;
    if (q->type != meet && q->type != p->type)
        return 0;
    for (int g = 0; g < p->n_agent; g++)
        if (x->m->v[p->agent[g]].id && named_before(x, q, x->m->v[p->agent[g]].id))
            return 1;
    return 0;
}

/* Rule R1 for a drive (AI 협력을 모색하고 나섰다, 자금조달을 추진하고
 *있다): the meetings and talks of its agent told in the next DRIVE_SPAN
 * sentences are part-of it (만나 협력을 논의했다: the talk, the last verb
 * of a chain), until a story break. */
static void drive_parts(exdoc *x, size_t i)
{
    const ex_event *p = &x->ev_v[i];
    if (!p->n_agent || !pred_in(p, drive_verbs) || (p->f & (EX_F_ADNOM | EX_F_PRESADN)))
        return;
    for (size_t j = i + 1; j < x->n_ev && j <= i + BACK_MAX; j++) {
        const ex_event *q = &x->ev_v[j];
        if (q->sent > p->sent + DRIVE_SPAN)
            break;
        if (q->sent > p->sent && sent_opens(x, q->sent, story_breaks))
            break;
        if (q->sent == p->sent || !drive_step(x, p, q))
            continue;
        /* 만나 … 논의했다: one step told in two verbs */
        if ((q->f & EX_F_CONN) && j + 1 < x->n_ev && x->ev_v[j + 1].sent == q->sent &&
            drive_step(x, p, &x->ev_v[j + 1]))
            continue;
        if (!has_rel_from(x, (int)j, EX_REL_PART))
            ex_add_rel(x, (int)j, EX_REL_PART, (int)i);
    }
}

/* Rule R1: the acts told after a plan's announcement (the same or no
 * agent, the next two sentences, up to a new agent or another plan) are
 * part-of it. */
static void plan_parts(exdoc *x, int hubs_only)
{
    int protest = ex_type_index("protest"), meet = ex_type_index("meet");
    int announce = ex_type_index("announce");
    int restrict_t = ex_type_index("restrict"), invest = ex_type_index("invest");
    for (size_t i = 0; i < x->n_ev; i++) {
        const ex_event *p = &x->ev_v[i];
        if (p->dropped || p->canon >= 0 || p->quoted || p->type == protest || p->type == meet)
            continue;
        /* (a plan told as background in an adnominal clause, 2017년
         * 내놓은 계획보다: the acts after it are not its; a plan to come,
         * 발표할 예정이다, may have them) */
        if ((p->f & EX_F_ADNOM) && !(p->f & EX_F_FINAL))
            continue;
        /* before same-as: a talk in a drive is a step of it, not it */
        if (hubs_only && !p->title_line && (p->type == ex_type_index("cooperate") || p->type == invest))
            drive_parts(x, i);
        /* a decided measure announced (관세를 물리겠다고 발표했다) heads
         * the measures of its type told after it */
        int hub = !plan_event(x, p);
        if (hub && !((p->f & REL_F_ANNOUNCED) && (p->type == restrict_t || p->type == invest)))
            continue;
        if (hub != hubs_only)
            continue;
        if (!hub) {
            plan_decomp(x, i);
            continue;
        }
        int n = 0;
        for (size_t j = i + 1; j < x->n_ev && n < 6; j++) {
            const ex_event *q = &x->ev_v[j];
            if (q->sent > p->sent + (hub ? HUB_SPAN : PLAN_SPAN))
                break;
            /* a meeting held there is the occasion, not a part; a noun
             * phrase naming an act told before (이번 지원은) is none */
            if (q->dropped || q->canon >= 0 || q->type == meet || (q->np && has_rel_from(x, (int)j, EX_REL_SAME)))
                continue;
            /* a remark on the plan (a neutral statement, or what a quote
             * says) is no part of it */
            if (q->quoted || (q->stmt && q->type == announce))
                continue;
            /* a protest, or another plan, ends the parts */
            if (q->type == protest || plan_event(x, q))
                break;
            /* an agent carried over from a sentence before is none
             * (1차 보복관세가 시행되고) */
            if (q->n_agent && p->n_agent && agent_here(x, q) && !agents_agree(x, p, q)) {
                /* another side's act told as background (미국이 … 물린 데
                 * 대한 보복이다) does not end the measures of a hub */
                if (hub)
                    continue;
                break;
            }
            if (hub && q->type != p->type)
                continue;
            /* an act dated before the measure (지난해 … 투자했다 after
             * 투자를 유치했다고 3일 밝혔다) is its background, no step */
            if (dated_before(q, p))
                continue;
            /* the same object again: the same act (same-as decides) */
            if (hub && q->obj[0]) {
                char op[64], oq[64];
                strip(p->obj, op, sizeof op);
                strip(q->obj, oq, sizeof oq);
                if (!strcmp(op, oq))
                    continue;
            }
            if (!has_rel_from(x, (int)j, EX_REL_PART))
                ex_add_rel(x, (int)j, EX_REL_PART, (int)i);
            n++;
        }
    }
}

/* The position in s[a..b) of an act noun of list (act_nouns) followed by
 * a link to it (규제에, 관세에 대해, 결정과 관련해): a statement about that
 * act; (size_t)-1 if none. *nl is set to the noun's length. */
static size_t names_act_in(const exdoc *x, size_t a, size_t b, const char *const *list, const char *const *links,
                           size_t *nl)
{
    for (size_t i = a; i < b; i++) {
        if (i > a && (x->s[i] & 0xC0) == 0x80)
            continue;
        for (int k = 0; list[k]; k++) {
            size_t l = strlen(list[k]);
            if (i + l > b || memcmp(x->s + i, list[k], l))
                continue;
            *nl = l;
            for (int m = 0; links[m]; m++) {
                size_t ml = strlen(links[m]);
                if (i + l + ml <= b && !memcmp(x->s + i + l, links[m], ml))
                    return i;
            }
        }
    }
    return (size_t)-1;
}

static size_t names_act_at(const exdoc *x, size_t a, size_t b)
{
    size_t nl;
    return names_act_in(x, a, b, act_nouns, act_links, &nl);
}

/* The act that the act noun s[at, at+nl) of act_named_nouns names, for
 * statement j (조사에 대해 "협조하겠다", 연준의 금리 인하에 대해 "점검하겠다"):
 * the last act of another side told with its verb since sentence
 * min_sent (six sentences back) whose object holds the noun, or a word of
 * whose span written starts with the noun or a verb of the noun's group
 * (sameas_noun_verbs: 인하 내렸), and whose clause holds the word written
 * right before the noun (금리 of 금리 인하; not an owner with 의); -1 if
 * none. */
static int named_act(const exdoc *x, int j, size_t ss, size_t at, size_t nl, size_t min_sent)
{
    pthread_once(&same_once, same_init);
    const ex_event *b = &x->ev_v[j];
    const char *grp = noun_verb_group(x->s + at, nl);
    ex_word w;
    size_t ks = 0, k = 0;
    if (prev_word(x, ss, at, &w) && w.particle == EX_P_NONE && w.cs == w.s && w.ce == w.e && w.ce >= w.cs + 6) {
        ks = w.cs;
        k = w.ce;
    }
    for (int i = prev_event(x, j, min_sent, -1, -1); i >= 0; i = prev_event(x, i, min_sent, -1, -1)) {
        const ex_event *a = &x->ev_v[i];
        if (a->quoted || a->title_line || a->np || is_reaction(a) || (a->stmt && is_reaction(a)))
            continue;
        if (a->n_agent && b->n_agent && agents_agree(x, a, b))
            continue;
        size_t cs = a->cs < a->ps ? a->cs : a->ps;
        if (a->pe <= cs)
            continue;
        /* (in its object or predicate: a clause that names the act as a
         * cause, 관세 인상 소식이 전해지자 … 떨어졌다, is not it) */
        char noun[32];
        if (nl >= sizeof noun)
            return -1;
        memcpy(noun, x->s + at, nl);
        noun[nl] = '\0';
        int said = strstr(a->obj, noun) != NULL;
        /* (at a word of the span written: 규제를 강화한다고 발표했다) */
        size_t from = a->span_s > cs && a->span_s < a->ps ? a->span_s : a->ps;
        for (size_t o = from; !said && o < a->pe; o++)
            if (o == from || x->s[o - 1] == ' ')
                said = !memcmp(x->s + o, noun, nl) || (grp && at_group_verb(x, o, grp));
        if (!said)
            continue;
        if (k > ks && !memmem(x->s + cs, a->pe - cs, x->s + ks, k - ks))
            continue;
        return i;
    }
    return -1;
}

/* The lexicon type of the act noun at `at` (names_act_at's), when it is
 * no restriction, legal act or announcement (those R2 reads anyway), else
 * -1. */
static int act_noun_type(const exdoc *x, size_t at)
{
    for (int k = 0; act_nouns[k]; k++) {
        size_t l = strlen(act_nouns[k]);
        if (at + l > x->len || memcmp(x->s + at, act_nouns[k], l))
            continue;
        int t = ex_noun_type(x->ev, act_nouns[k], l);
        if (t < 0 || t == ex_type_index("restrict") || t == ex_type_index("legal") || t == ex_type_index("announce"))
            return -1;
        return t;
    }
    return -1;
}

/* 1 if the act noun at `at` is pointed back at by a demonstrative before
 * it, from ss on (이 같은 조치에, 이번 결정에: the act told before). */
static int act_pointed_back(const exdoc *x, size_t ss, size_t at)
{
    if (at == (size_t)-1)
        return 0;
    size_t e = at;
    while (e > ss && x->s[e - 1] == ' ')
        e--;
    if (e == at)
        return 0; /* (glued to the word before: no demonstrative) */
    for (int k = 0; act_demonstratives[k]; k++) {
        size_t l = strlen(act_demonstratives[k]);
        if (e >= ss + l && !memcmp(x->s + e - l, act_demonstratives[k], l) &&
            (e - l == ss || x->s[e - l - 1] == ' ' || x->s[e - l - 1] == '\n'))
            return 1;
    }
    return 0;
}

/* The actor named just before the act noun at `at` (중국의 수출 규제에:
 * at most two words before it, from ss on), not one of b's agents; -1 if
 * none. */
static int owner_before(const exdoc *x, const ex_event *b, size_t ss, size_t at)
{
    if (at == (size_t)-1)
        return -1;
    size_t k = ex_first_at(x, x->act, x->n_act, at);
    if (k == 0)
        return -1;
    const kg_mention *m = &x->m->v[x->act[k - 1]];
    if (m->nstart < ss || !m->id)
        return -1;
    int words = 0;
    for (size_t i = m->nend; i < at; i++)
        words += x->s[i] == ' ';
    if (words > 2)
        return -1;
    for (int g = 0; g < b->n_agent; g++)
        if (x->act[k - 1] == b->agent[g])
            return -1;
    return x->act[k - 1];
}

/* Rule R2: a protest or pledge statement that names an act (제재에 대해,
 * 규제에 "…"며, 결정과 관련해) responds-to the nearest earlier restriction
 * or legal act of another agent, in the last four sentences. */
static void statement_responds(exdoc *x)
{
    int restrict_t = ex_type_index("restrict"), legal = ex_type_index("legal");
    for (size_t j = 0; j < x->n_ev; j++) {
        const ex_event *b = &x->ev_v[j];
        /* a protest told with its words (… "용납할 수 없다"며 날을 세웠다)
         * is read too, for the act told after it (below) */
        int protest = b->type == ex_type_index("protest");
        /* a vow told in indirect speech (결정에 불복해 항소하겠다고
         * 밝혔다) is a statement too */
        int said = b->stmt || (b->f & REL_F_ANNOUNCED);
        if (b->dropped || b->canon >= 0 || b->quoted || has_rel_from(x, (int)j, EX_REL_RESPONDS))
            continue;
        size_t ss = x->t->sent[b->sent].nstart;
        /* the words just before the statement (bounded in a run-on text);
         * an act that is no reaction is read in its own clause */
        int reaction = (said || protest) && is_reaction(b);
        if (b->ps > ss + 600)
            ss = b->ps - 600;
        if (!reaction && b->cs > ss)
            ss = b->cs;
        size_t noun_at = b->ps > ss ? names_act_at(x, ss, b->ps) : (size_t)-1;
        size_t named_l = 0;
        size_t named_at = b->ps > ss ? names_act_in(x, ss, b->ps, named_nouns, act_links, &named_l) : (size_t)-1;
        /* 금리 인하로 가계부채가 늘 것이라고 비판했다: a protest at what an
         * act named as a cause will do (act_cause_links) */
        if (named_at == (size_t)-1 && protest && b->ps > ss)
            named_at = names_act_in(x, ss, b->ps, named_nouns, cause_links, &named_l);
        if (noun_at == (size_t)-1 && named_at == (size_t)-1)
            continue;
        /* 조사에 대해 "협조하겠다", 금리 인하에 대해 "점검하겠다": a
         * reaction to an act that names it by its noun (act_named_nouns)
         * answers the act told with that noun or its verbs */
        if (named_at != (size_t)-1 && reaction) {
            int a = named_act(x, (int)j, ss, named_at, named_l, b->sent >= 6 ? b->sent - 6 : 0);
            if (a >= 0) {
                ex_add_rel(x, (int)j, EX_REL_RESPONDS, canon(x, chain_head(x, a)));
                continue;
            }
        }
        if (noun_at == (size_t)-1)
            continue;
        /* (a protest told with no words of its own reads back only when
         * it points at the act: 이 같은 조치에 반발했다; so does any act
         * done about the act pointed at: 이번 결정에 대해 소송을 내겠다) */
        int pointed = act_pointed_back(x, ss, noun_at);
        if (!reaction && !pointed)
            continue;
        int back = said || pointed;
        size_t min_sent = b->sent >= 4 ? b->sent - 4 : 0;
        /* (an act noun of another type names acts of that type, and only
         * those, in a protest: 협력에 반대한다 answers a cooperation;
         * 설비투자에 … 쓰겠다 is a pledge's own content) */
        int named_t = act_noun_type(x, noun_at);
        if (named_t >= 0 && b->type != ex_type_index("protest"))
            continue;
        for (int a = back ? prev_event(x, (int)j, min_sent, -1, -1) : -1; a >= 0;
             a = prev_event(x, a, min_sent, -1, -1)) {
            const ex_event *e = &x->ev_v[a];
            if (named_t >= 0 ? e->type != named_t : e->type != restrict_t && e->type != legal)
                continue;
            if (e->stmt && is_reaction(e))
                continue;
            if (e->n_agent && b->n_agent && agents_agree(x, e, b))
                continue;
            /* (the chain's first act: 벌금을 부과하고 … 명령했다; a part
             * of a measure told after it: the measure, as for 이에) */
            ex_add_rel(x, (int)j, EX_REL_RESPONDS, canon(x, measure_of(x, chain_head(x, a), 0)));
            break;
        }
        /* 중국의 수출 규제에 "용납할 수 없다"며: a lead told before the
         * act it answers; the act of the side named as the owner of the
         * act noun, told in the next six sentences */
        if (has_rel_from(x, (int)j, EX_REL_RESPONDS))
            continue;
        int side = owner_before(x, b, ss, noun_at);
        if (side < 0)
            continue;
        /* 오라클 역시 위원회의 결정에 반발했다: the act of the side named as its
         * owner, told before (anywhere in the article: the owner names
         * it), answered by a reaction */
        if (is_reaction(b) || pointed)
            for (int a = (int)j; a-- > 0 && (size_t)a + BACK_MAX > j;) {
                const ex_event *e = &x->ev_v[a];
                if (e->dropped || e->quoted || e->title_line || (e->type != restrict_t && e->type != legal) ||
                    (e->stmt && is_reaction(e)) || !acted_by(x, e, side))
                    continue;
                ex_add_rel(x, (int)j, EX_REL_RESPONDS, canon(x, chain_head(x, a)));
                break;
            }
        if (has_rel_from(x, (int)j, EX_REL_RESPONDS))
            continue;
        for (size_t a = j + 1; a < x->n_ev && a <= j + BACK_MAX && x->ev_v[a].sent <= b->sent + 6; a++) {
            const ex_event *e = &x->ev_v[a];
            if (e->dropped || e->quoted || e->stmt || (e->type != restrict_t && e->type != legal) ||
                (e->f & (EX_F_ADNOM | EX_F_PRESADN | EX_F_FUTADN | EX_F_CAUSE | EX_F_VOLIT)) || !(e->f & EX_F_PAST) ||
                !acted_by(x, e, side))
                continue;
            ex_add_rel(x, (int)j, EX_REL_RESPONDS, canon(x, (int)a));
            break;
        }
    }
}

/* 1 if an agent of b is a target of e (the side e was done to), or of its
 * country. */
static int targeted(const exdoc *x, const ex_event *e, const ex_event *b)
{
    for (int t = 0; t < e->n_target; t++) {
        const char *tid = x->m->v[e->target[t]].id;
        const char *top = tid ? kg_lexicon_top(x->lx, tid) : NULL;
        for (int g = 0; g < b->n_agent; g++) {
            const char *gid = x->m->v[b->agent[g]].id;
            if (tid && gid && (!strcmp(tid, gid) || (top && !strcmp(kg_lexicon_top(x->lx, gid), top))))
                return 1;
        }
    }
    return 0;
}

/* A protest by a side that an earlier restriction or legal act was done
 * to (벌금을 부과받은 애플 대변인은 "…"고 반박했다) answers that act,
 * however far back: the last such act, at the first act of its chain. */
static void target_protests(exdoc *x)
{
    int restrict_t = ex_type_index("restrict"), legal = ex_type_index("legal"), protest = ex_type_index("protest");
    for (size_t j = 0; j < x->n_ev; j++) {
        const ex_event *b = &x->ev_v[j];
        if (b->dropped || b->canon >= 0 || b->quoted || b->title_line || b->type != protest || !b->n_agent ||
            has_rel_from(x, (int)j, EX_REL_RESPONDS))
            continue;
        for (int a = (int)j; a-- > 0 && (size_t)a + BACK_MAX > j;) {
            const ex_event *e = &x->ev_v[a];
            if (e->dropped || e->quoted || e->title_line || (e->type != restrict_t && e->type != legal) ||
                is_reaction(e) || !targeted(x, e, b) || agents_agree(x, e, b))
                continue;
            ex_add_rel(x, (int)j, EX_REL_RESPONDS, canon(x, chain_head(x, a)));
            break;
        }
    }
}

/* The first actor mention in b's sentence before at that is on none of b's
 * sides (the side its words are aimed at: 중국 외교부는 "미국이 …"고
 *비판했다), or -1. */
static int other_side_named(const exdoc *x, const ex_event *b, size_t at)
{
    size_t ss = x->t->sent[b->sent].nstart;
    for (size_t k = ex_first_at(x, x->act, x->n_act, ss < b->cs ? ss : b->cs); k < x->n_act; k++) {
        const kg_mention *m = &x->m->v[x->act[k]];
        if (m->nstart >= at)
            break;
        if (m->id && !mention_on_side(x, x->act[k], b))
            return x->act[k];
    }
    return -1;
}

/* 1 if e is an act told as done (a restriction or a legal act, with its
 * verb in the past, in a main clause): what a protest told after it may answer. */
static int answerable_act(const ex_event *e)
{
    int restrict_t = ex_type_index("restrict"), legal = ex_type_index("legal");
    if (e->dropped || e->quoted || e->title_line || e->np || (e->type != restrict_t && e->type != legal) ||
        !(e->f & EX_F_PAST))
        return 0;
    /* (an act told in an adnominal clause is background: 관세를 부과한
     * 데 대한 보복이다) */
    return !adnominal_only(e);
}

/* 중국 기업 5곳을 제재 명단에 올렸다. 중국 외교부는 "…"고 촉구했다: a
 * protest with no cue that points at what it answers, told by one side
 * just after another side's restriction or legal act, answers that act:
 * the last act of the side its sentence names (other_side_named) in the
 * six sentences before; when it names none or that side did no such act
 * (a side the lexicon does not place: 인도 and 인도 정부), the last such
 * act of another side in its sentence or the four before (not a reaction, not a move,
 * not an act told in an adnominal clause). */
static void lead_protests(exdoc *x)
{
    int protest = ex_type_index("protest");
    for (size_t j = 0; j < x->n_ev; j++) {
        const ex_event *b = &x->ev_v[j];
        if (b->dropped || b->canon >= 0 || b->quoted || b->title_line || b->np || b->type != protest ||
            !b->n_agent || rebuttal(b) || has_rel_from(x, (int)j, EX_REL_RESPONDS))
            continue;
        int side = other_side_named(x, b, b->ps);
        if (side < 0)
            continue;
        size_t min_sent = b->sent >= 6 ? b->sent - 6 : 0;
        for (int a = prev_event(x, (int)j, min_sent, -1, -1); a >= 0; a = prev_event(x, a, min_sent, -1, -1)) {
            const ex_event *e = &x->ev_v[a];
            if (!answerable_act(e) || !e->n_agent || same_side(x, e, b) || !acted_by(x, e, side))
                continue;
            ex_add_rel(x, (int)j, EX_REL_RESPONDS, canon(x, chain_head(x, a)));
            break;
        }
    }
}

/* Offset of a reaction noun (relations.yaml reaction_nouns) pointed back
 * at by a demonstrative and followed by one of reaction_noun_particles,
 * in s[ss, pe) (이 같은 비판에, 이러한 주장을), or (size_t)-1. */
static size_t pointed_reaction_noun(const exdoc *x, size_t ss, size_t pe)
{
    for (size_t o = ss; o < pe; o++) {
        if (o > ss && x->s[o - 1] != ' ')
            continue;
        for (int k = 0; reaction_nouns[k]; k++) {
            size_t l = strlen(reaction_nouns[k]);
            if (o + l > pe || memcmp(x->s + o, reaction_nouns[k], l))
                continue;
            int linked = 0;
            for (int p = 0; reaction_noun_particles[p] && !linked; p++) {
                size_t pl = strlen(reaction_noun_particles[p]);
                linked = o + l + pl <= pe && !memcmp(x->s + o + l, reaction_noun_particles[p], pl) &&
                         (o + l + pl == pe || x->s[o + l + pl] == ' ' || x->s[o + l + pl] == '"');
            }
            if (linked && act_pointed_back(x, ss, o))
                return o;
        }
    }
    return (size_t)-1;
}

/* 백악관은 이 같은 비판에 "…"라고 반박했다, 딥시크는 이러한 주장을
 * "…"라며 일축했다: a statement, a reaction or a rebuttal (rebut_verbs,
 * whatever its type) whose clause points back at a criticism or a claim
 * (pointed_reaction_noun) answers the last reaction or statement of
 * other speakers (of its side too: 의회의 비판에 백악관이 반박했다) told
 * in its sentence or the three before, instead of what any rule before
 * found (the act that reaction answered). */
static void pointed_reactions(exdoc *x)
{
    for (size_t j = 0; j < x->n_ev; j++) {
        const ex_event *b = &x->ev_v[j];
        if (b->dropped || b->quoted || b->title_line || b->np || !b->n_agent ||
            !(b->stmt || is_reaction(b) || pred_in(b, rebut_verbs)))
            continue;
        size_t ss = x->t->sent[b->sent].nstart;
        if (b->ps <= ss || pointed_reaction_noun(x, ss, b->ps) == (size_t)-1)
            continue;
        size_t min_sent = b->sent >= 3 ? b->sent - 3 : 0;
        int a = prev_event(x, (int)j, min_sent, -1, -1);
        while (a >= 0) {
            const ex_event *e = &x->ev_v[a];
            if (!e->quoted && !e->title_line && !e->np && e->n_agent && (e->stmt || is_reaction(e)) &&
                !agents_agree(x, e, b))
                break;
            a = prev_event(x, a, min_sent, -1, -1);
        }
        if (a < 0)
            continue;
        int kept = 0;
        for (size_t r = 0; r < x->n_rel; r++)
            if (x->rel[r].from == (int)j && x->rel[r].type == EX_REL_RESPONDS) {
                x->rel[r].to = canon(x, a);
                kept = 1;
            }
        if (!kept)
            ex_add_rel(x, (int)j, EX_REL_RESPONDS, canon(x, a));
    }
}

/* 1 if e and f have agents and share none (two sides). */
static int two_sides(const exdoc *x, const ex_event *e, const ex_event *f)
{
    if (!e->n_agent || !f->n_agent)
        return 0;
    for (int i = 0; i < e->n_agent; i++)
        for (int j = 0; j < f->n_agent; j++) {
            const char *a = x->m->v[e->agent[i]].id, *b = x->m->v[f->agent[j]].id;
            if (!a || !b || !strcmp(a, b))
                return 0;
        }
    return 1;
}

/* The last event (not dropped, not a title line) of the sentence whose
 * first event is `first` with its predicate ending at or before o; -1 if
 * none. Events are sorted. */
static int last_in_sent(const exdoc *x, size_t first, size_t o)
{
    int best = -1;
    for (size_t i = first; i < x->n_ev && x->ev_v[i].sent == x->ev_v[first].sent; i++) {
        const ex_event *e = &x->ev_v[i];
        if (!e->dropped && !e->title_line && e->pe <= o)
            best = (int)i;
    }
    return best;
}

/* From index j back, the last event (not dropped, not quoted, not a title
 * line) of sentence min_sent or later that passes ok(x, event, ref); -1 if
 * none within BACK_MAX events. */
static int back_to(const exdoc *x, int j, size_t min_sent, int (*ok)(const exdoc *, const ex_event *, const ex_event *),
                   const ex_event *ref)
{
    int n = 0;
    for (int a = prev_event(x, j, min_sent, -1, -1); a >= 0 && n < BACK_MAX; a = prev_event(x, a, min_sent, -1, -1), n++) {
        const ex_event *e = &x->ev_v[a];
        if (!e->quoted && !e->title_line && ok(x, e, ref))
            return a;
    }
    return -1;
}

/* an act of another side than ref's (반대급부로: what was given) */
static int other_side(const exdoc *x, const ex_event *e, const ex_event *ref)
{
    return two_sides(x, e, ref);
}

/* an act, not a statement about it (… 보복이다: what was done before) */
static int an_act(const exdoc *x, const ex_event *e, const ex_event *ref)
{
    (void)x;
    (void)ref;
    return !e->stmt;
}

/* an act of ref's type (이번 회담은: a meeting) */
static int same_type(const exdoc *x, const ex_event *e, const ex_event *ref)
{
    (void)x;
    return !e->stmt && e->type == ref->type;
}

/* 이번 회담은 미국이 관세를 올린 데 따른 것이다: the type of the act
 * the subject opening sentence si points back at (act_demonstratives,
 * then an event noun with a topic or subject particle); -1 if the
 * sentence opens otherwise (이는 …: the act told just before). */
/* The word after a demonstrative (act_demonstratives) that opens
 * sentence si, after an optional owner and its genitive (중국의 이번
 * 조치는): fills *w (its ending read) and *owner (the owner's mention, or
 * -1) and returns 1, or 0 when the sentence opens otherwise. */
static int demonstrative_word(const exdoc *x, size_t si, ex_word *w, int *owner)
{
    const kg_text_range *sr = &x->t->sent[si];
    size_t p = (size_t)-1, st = sr->nstart;
    size_t k0 = ex_first_at(x, x->act, x->n_act, st);
    *owner = -1;
    if (k0 < x->n_act && x->m->v[x->act[k0]].nstart == st && x->m->v[x->act[k0]].id) {
        size_t e = x->m->v[x->act[k0]].nend;
        size_t gl = ex_at_any(x->s, sr->nend, e, GW(genitive_particles));
        if (gl && e + gl < sr->nend && x->s[e + gl] == ' ') {
            st = e + gl + 1;
            *owner = x->act[k0];
        }
    }
    for (int k = 0; act_demonstratives[k]; k++) {
        size_t l = strlen(act_demonstratives[k]);
        if (st + l < sr->nend && !memcmp(x->s + st, act_demonstratives[k], l) && x->s[st + l] == ' ') {
            p = st + l + 1;
            break;
        }
    }
    if (p == (size_t)-1)
        return 0;
    size_t e = p;
    while (e < sr->nend && x->s[e] != ' ')
        e++;
    word_ending(x, p, e, w);
    return 1;
}

static int opening_type_of(const exdoc *x, size_t si, int *owner)
{
    pthread_once(&rel_once, rel_init);
    ex_word w;
    int own;
    if (owner)
        *owner = -1;
    if (!demonstrative_word(x, si, &w, &own))
        return -1;
    if ((w.particle != EX_P_TOPIC && w.particle != EX_P_SUBJ) || w.ps <= w.cs)
        return -1;
    if (owner)
        *owner = own;
    return np_type(x, w.cs, w.ps);
}

static int opening_type(const exdoc *x, size_t si)
{
    return opening_type_of(x, si, NULL);
}

/* The last act of the type opening_type reads in the five sentences
 * before sentence si (j its first event; events sorted); -1 if none. */
static int opening_act(const exdoc *x, int j, size_t si)
{
    ex_event ref;
    memset(&ref, 0, sizeof ref);
    int owner = -1;
    ref.type = opening_type_of(x, si, &owner);
    int a = ref.type < 0 ? -1 : back_to(x, j, si >= 5 ? si - 5 : 0, same_type, &ref);
    /* 중국의 이번 조치는: else the owner's last act (told with its verb) */
    for (int c = owner >= 0 && a < 0 ? prev_event(x, j, si >= 5 ? si - 5 : 0, -1, -1) : -1; c >= 0;
         c = prev_event(x, c, si >= 5 ? si - 5 : 0, -1, -1)) {
        const ex_event *e = &x->ev_v[c];
        if (!e->stmt && !e->np && !e->quoted && !e->title_line && !is_reaction(e) && acted_by(x, e, owner))
            return c;
    }
    return a;
}

/* 1 if a figure is named in e's clause (총 120조원을 투자해). */
static int has_figure(const exdoc *x, const ex_event *e)
{
    size_t k = ex_first_at(x, x->fig, x->n_fig, e->cs);
    return k < x->n_fig && x->m->v[x->fig[k]].nstart < e->pe;
}

/* Where the first of the cues is in s[a..b), or -1. */
static size_t first_cue(const char *s, size_t a, size_t b, const char *const *cues)
{
    size_t best = (size_t)-1;
    for (int k = 0; cues[k]; k++) {
        size_t at = cue_pos(s, a, b, cues[k]);
        if (at < best)
            best = at;
    }
    return best;
}

/* The last words of e's clause, spaces taken off (관세를 부과했다: the
 * object is held in the lexicon phrase, not in obj). */
static void clause_text(const exdoc *x, const ex_event *e, char *out, size_t n)
{
    size_t a = e->pe > e->cs + 200 ? e->pe - 200 : e->cs, k = 0;
    while (a < e->pe && (x->s[a] & 0xC0) == 0x80)
        a++;
    for (size_t i = a; i < e->pe && k + 1 < n; i++)
        if (x->s[i] != ' ')
            out[k++] = x->s[i];
    out[k] = '\0';
}

/* The kind a reprisal answers (보복관세, 보복 관세를: 관세): the two
 * syllables after a reprisal word in t, into out; 0 if t names none. */
static int reprisal_head(const char *t, char *out, size_t n)
{
    for (int k = 0; reprisal_words[k]; k++) {
        const char *at = strstr(t, reprisal_words[k]);
        if (!at)
            continue;
        at += strlen(reprisal_words[k]);
        size_t l = 0;
        for (int syl = 0; syl < 2 && at[l]; syl++) {
            if ((unsigned char)at[l] < 0xE0)
                return 0; /* not a Hangul syllable */
            l += 3;
        }
        if (l < 6 || l >= n || strlen(at) < l)
            return 0;
        memcpy(out, at, l);
        out[l] = '\0';
        return 1;
    }
    return 0;
}

/* A reprisal (보복관세를 없앴다, 보복 관세를 물렸다) answers the act of
 * another side with the same kind told just before (철강 관세를 폐지했다:
 * responds-to it); an event of the two sentences before, within BACK_MAX. */
static void reprisal_act(exdoc *x, int j, int first)
{
    const ex_event *b = &x->ev_v[j];
    char t[256], head[16];
    /* (보복관세 발표 직후 지수가 올랐다: a phrase names the reprisal told
     * before, and a move is no reprisal) */
    if (b->np || market_move(x, b))
        return;
    clause_text(x, b, t, sizeof t);
    if (!reprisal_head(t, head, sizeof head))
        return;
    size_t si = b->sent, min_sent = si >= 2 ? si - 2 : 0;
    int n = 0;
    for (int a = prev_event(x, first, min_sent, -1, -1); a >= 0 && n < BACK_MAX; a = prev_event(x, a, min_sent, -1, -1), n++) {
        const ex_event *e = &x->ev_v[a];
        if (e->quoted || e->title_line || e->stmt || market_move(x, e))
            continue;
        char u[256], h[16];
        clause_text(x, e, u, sizeof u);
        if (reprisal_head(u, h, sizeof h))
            continue; /* a reprisal too: the same side's, or told again */
        if (!strstr(u, head))
            continue;
        /* not the same side (양국 역시 … 없앴다: no one named is another) */
        if (e->n_agent && b->n_agent && agent_here(x, b) && !two_sides(x, e, b))
            return;
        ex_add_rel(x, j, EX_REL_RESPONDS, canon(x, a));
        return;
    }
}

/* The word before the subject particle that opens sentence si up to o
 * (환율이 큰 폭 오른 것은: 환율), into out; 0 if none. */
static int subject_noun(const exdoc *x, size_t si, size_t o, char *out, size_t n)
{
    return particle_noun(x, si, o, 0, out, n);
}

/* 환율이 큰 폭 오른 것은 연준이 금리를 올린 데 따른 영향이다: the acts
 * told between 것은 and the copula cause the first move of the market or
 * result told before whose clause names the subject (환율). Returns the
 * event explained, or -1; adds the relations only with apply set. */
static int explained_move(exdoc *x, int first, size_t si, int apply)
{
    const kg_text_range *sr = &x->t->sent[si];
    size_t cop = first_cue(x->s, sr->nstart, sr->nend, explain_copulas);
    if (cop == (size_t)-1)
        return -1;
    /* the topic word, whole (것은, 건: not the 건 of 건설) */
    size_t topic = (size_t)-1;
    for (int k = 0; GW(explain_topics)[k] && topic == (size_t)-1; k++) {
        size_t l = strlen(GW(explain_topics)[k]);
        for (size_t i = sr->nstart; i + l < cop && topic == (size_t)-1; i++)
            if (i > sr->nstart && x->s[i - 1] == ' ' && x->s[i + l] == ' ' &&
                !memcmp(x->s + i, GW(explain_topics)[k], l))
                topic = i;
    }
    if (topic == (size_t)-1)
        return -1;
    char noun[64];
    int result = -1;
    if (subject_noun(x, si, topic, noun, sizeof noun))
        for (int a = 0; a < first && a < 4 * BACK_MAX; a++) {
            const ex_event *e = &x->ev_v[a];
            if (e->dropped || e->title_line || e->quoted || !market_move(x, e))
                continue;
            if (e->pe > e->cs && memmem(x->s + e->cs, e->pe - e->cs, noun, strlen(noun))) {
                result = a;
                break;
            }
        }
    /* 금리를 올린 건 가계대출이 급증했기 때문이다: the act told by the
     * adnominal clause of the topic is what is explained (its first
     * mention, when it tells one told before) */
    if (result < 0)
        for (int j = first; j < (int)x->n_ev && x->ev_v[j].sent == si && j < first + BACK_MAX; j++) {
            const ex_event *c = &x->ev_v[j];
            if (c->dropped || c->quoted || c->ps >= topic)
                break;
            size_t g = c->pe;
            while (g < topic && x->s[g] != ' ')
                g++;
            if (g + 1 == topic)
                result = j;
        }
    /* (이번에 금리를 인상한 건: a clause that told no event of its own,
     * with no doer, names the act told shortly before with the same verb
     * and object) */
    if (result < 0) {
        ex_word v, o;
        word_ending(x, sr->nstart, topic - 1, &v);
        char verb[64], obj[64] = "";
        if (v.ce <= v.cs || v.ce - v.cs >= sizeof verb)
            return -1;
        memcpy(verb, x->s + v.cs, v.ce - v.cs);
        verb[v.ce - v.cs] = '\0';
        if (v.s > sr->nstart + 1) {
            word_ending(x, sr->nstart, v.s - 1, &o);
            if (o.particle == EX_P_OBJ && o.ps > o.cs && o.ps - o.cs < sizeof obj) {
                memcpy(obj, x->s + o.cs, o.ps - o.cs);
                obj[o.ps - o.cs] = '\0';
            }
        }
        for (int a = first - 1; a >= 0 && x->ev_v[a].sent + 3 >= si; a--) {
            const ex_event *e = &x->ev_v[a];
            if (e->dropped || e->title_line || e->quoted || e->stmt || !same_stem(verb, e->pred))
                continue;
            if (obj[0] && !(e->pe > e->cs && memmem(x->s + e->cs, e->pe - e->cs, obj, strlen(obj))))
                continue;
            result = a;
            break;
        }
    }
    if (result < 0 || !apply)
        return result;
    for (int j = first; j < (int)x->n_ev && x->ev_v[j].sent == si && j < first + BACK_MAX; j++) {
        const ex_event *c = &x->ev_v[j];
        if (!c->dropped && !c->quoted && c->ps > topic && c->pe <= cop && j != result)
            ex_add_rel(x, canon(x, j), EX_REL_CAUSES, canon(x, result));
    }
    return result;
}

/* Sentences after a decision passed or a proclamation in which the
 * statements of others answer it. */
#define DECISION_SPAN 12

/* 1 if e is a decision passed (법안이 본회의를 통과했다) or a document
 * issued (포고문을 발표했다) that others may answer */
static int decision_event(const ex_event *e)
{
    if (e->quoted || e->stmt || e->title_line || (e->f & (EX_F_ADNOM | EX_F_PRESADN | EX_F_FUTADN | EX_F_TEMPCONN)))
        return 0;
    if (pred_in(e, passing_verbs))
        return 1;
    for (int k = 0; document_nouns[k]; k++)
        if (e->obj[0] && ends_nospace(e->obj, document_nouns[k]))
            return 1;
    return 0;
}

/* 1 if actor mention m names a country or a government body. */
static int mention_country(const exdoc *x, int m)
{
    const char *t = x->m->v[m].type;
    return t && (!strcmp(t, "country") || !strcmp(t, "government"));
}

/* 1 if actor mention m is one of e's agents or of an agent's country. */
static int mention_on_side(const exdoc *x, int m, const ex_event *e)
{
    const char *id = x->m->v[m].id;
    const char *top = id ? kg_lexicon_top(x->lx, id) : NULL;
    for (int g = 0; g < e->n_agent; g++) {
        const char *gid = x->m->v[e->agent[g]].id;
        if (m == e->agent[g] || (gid && top && !strcmp(kg_lexicon_top(x->lx, gid), top)))
            return 1;
    }
    return 0;
}

/* 1 if the quoted words of protest b (from its sentence's first quote
 * mark up to its predicate) name a country or government body on
 * neither b's side nor c's. */
static int quote_names_third(const exdoc *x, const ex_event *b, const ex_event *c)
{
    size_t ss = x->t->sent[b->sent].nstart, q = ss;
    while (q < b->ps && x->s[q] != '"')
        q++;
    if (q >= b->ps)
        return 0;
    for (size_t k = ex_first_at(x, x->act, x->n_act, q); k < x->n_act; k++) {
        int m = x->act[k];
        if (x->m->v[m].nstart >= b->ps)
            break;
        if (mention_country(x, m) && !mention_on_side(x, m, b) && !mention_on_side(x, m, c))
            return 1;
    }
    return 0;
}

/* A protest by another side than the story's central act (its first
 * restriction or legal act told in the body, announced or done; not one
 * told as background, 앞서 …), told after it and found answering nothing
 * else, answers that act: the reactions of the other sides to a story's
 * measure (중국 외교부는 …고 비판했다, 업계는 반발했다) point at the
 * measure even where no cue names it. Another side: no agent of the same
 * country (same_side). */
static void central_protests(exdoc *x)
{
    int restrict_t = ex_type_index("restrict"), legal = ex_type_index("legal"), protest = ex_type_index("protest");
    int central = -1;
    for (size_t j = 0; j < x->n_ev; j++) {
        const ex_event *e = &x->ev_v[j];
        if (e->dropped || e->canon >= 0 || e->quoted || e->title_line)
            continue;
        if (central < 0) {
            if ((e->type == restrict_t || e->type == legal) && !sent_opens(x, e->sent, earlier_openers))
                central = (int)j;
            continue;
        }
        if (e->type != protest || !e->n_agent || has_rel_from(x, (int)j, EX_REL_RESPONDS) ||
            same_side(x, &x->ev_v[central], e))
            continue;
        /* (a protest whose words name a third country, on neither its side
         * nor the central act's, is aimed at that country's act: 인도가
         * 관세를 부과했다. 중국은 "미국이 …"고 비판했다) */
        if (quote_names_third(x, e, &x->ev_v[central]))
            continue;
        /* (a part of a measure told before it: the measure, as for 이에) */
        ex_add_rel(x, (int)j, EX_REL_RESPONDS, canon(x, measure_of(x, chain_head(x, central), 0)));
    }
}

/* The last telling of act a before sentence si: a later act that is
 * same-as it (the lead's 대책을 내놨다 … the body's 방안을 발표했다), else
 * a. A statement on the act (합의했다 … "공감대를 이뤘다"고 밝혔다) is
 * not the act itself. */
static int last_telling(const exdoc *x, int a, size_t si)
{
    int c = a;
    for (size_t r = 0; r < x->n_rel; r++)
        if (x->rel[r].type == EX_REL_SAME && x->rel[r].to == c && x->rel[r].from > c &&
            x->ev_v[x->rel[r].from].sent < si && !x->ev_v[x->rel[r].from].stmt)
            c = x->rel[r].from;
    return c;
}

/* 1 if sentence si tells that reactions came (경제계 반응은 엇갈렸다,
 * 해외에서는 우려의 목소리가 나왔다): a word of relations.yaml
 * reaction_subjects as a subject or topic, and a predicate of
 * reaction_arrivals after it, the sentence's last word. */
static int reaction_opener(const exdoc *x, size_t si)
{
    const kg_text_range *sr = &x->t->sent[si];
    size_t e = sr->nend;
    while (e > sr->nstart && (x->s[e - 1] == ' ' || x->s[e - 1] == '.' || x->s[e - 1] == '\n'))
        e--;
    size_t lw = e;
    while (lw > sr->nstart && x->s[lw - 1] != ' ' && x->s[lw - 1] != '\n')
        lw--;
    if (lw == e || lw == sr->nstart)
        return 0;
    int arrives = 0;
    for (int k = 0; reaction_arrivals[k] && !arrives; k++)
        arrives = ex_at(x->s, e, lw, reaction_arrivals[k]) != 0;
    if (!arrives)
        return 0;
    /* the subject: the word before the predicate, or the one before it
     * (반응은 엇갈렸다; 목소리가 크게 나왔다) */
    size_t b = lw;
    for (int k = 0; k < 2 && b > sr->nstart; k++) {
        while (b > sr->nstart && x->s[b - 1] == ' ')
            b--;
        size_t a = b;
        while (a > sr->nstart && x->s[a - 1] != ' ' && x->s[a - 1] != '\n')
            a--;
        ex_word w;
        memset(&w, 0, sizeof w);
        w.s = a;
        w.e = b;
        ex_word_core(x->s, &w);
        ex_word_particle(x->s, &w);
        if ((w.particle == EX_P_SUBJ || w.particle == EX_P_TOPIC) && w.ps > w.cs &&
            in_list_word(x->s + w.cs, w.ps - w.cs, reaction_subjects))
            return 1;
        b = a;
    }
    return 0;
}

/* 경제계 반응은 엇갈렸다. A협회는 "…"고 말했다. 반면 B상의는 "…"고
 * 지적했다: after a sentence that tells reactions came (reaction_opener),
 * each statement or reaction of its paragraph, by a side other than the
 * story's, responds-to the story's act: the act of the body's first
 * sentence, at its last telling before the opener (same-as). */
static void reaction_paragraphs(exdoc *x)
{
    int central = story_act(x, x->n_ev, 0);
    if (central < 0 || !x->ev_v[central].n_agent)
        return;
    for (size_t si = x->ev_v[central].sent + 1; si < x->t->n_sent; si++) {
        if (!reaction_opener(x, si))
            continue;
        int c = last_telling(x, central, si);
        size_t end = si;
        while (end + 1 < x->t->n_sent && !para_start(x, end + 1))
            end++;
        for (size_t j = 0; j < x->n_ev; j++) {
            const ex_event *b = &x->ev_v[j];
            if (b->sent < si || b->sent > end || b->dropped || b->quoted || b->np || !b->n_agent ||
                !(b->stmt || is_reaction(b) || pred_in(b, reaction_verbs)) || same_side(x, &x->ev_v[c], b) ||
                has_rel_from(x, (int)j, EX_REL_RESPONDS))
                continue;
            ex_add_rel(x, (int)j, EX_REL_RESPONDS, c);
        }
    }
}

/* 1 if the last word of the object text obj is noun (마친 뒤 공동성명:
 * 공동성명). */
static int obj_word_is(const char *obj, const char *noun)
{
    size_t lo = strlen(obj), ln = strlen(noun);
    return ln && lo >= ln && !strcmp(obj + lo - ln, noun) && (lo == ln || obj[lo - ln - 1] == ' ');
}

/* 합의 내용을 보면 양국은 … 늘린다. 중국은 … 사들이기로 했다: a
 * sentence that opens (in its first words) with a cue of the content of
 * what was agreed or planned (relations.yaml content_openers) tells its
 * parts, to the end of its paragraph: each act there is part-of the last
 * act told before whose predicate or object holds the noun before the
 * cue (합의), or, with none, the last agreement or plan announced. */
static void content_parts(exdoc *x)
{
    int cooperate = ex_type_index("cooperate"), announce = ex_type_index("announce");
    for (size_t si = 1; si < x->t->n_sent; si++) {
        const kg_text_range *sr = &x->t->sent[si];
        size_t lim = sr->nend < sr->nstart + 40 ? sr->nend : sr->nstart + 40;
        size_t at = first_cue(x->s, sr->nstart, lim, content_openers);
        /* (공동성명에 따르면: the cue glued to the noun, which must then
         * name an act told: 로이터통신에 따르면 names a source) */
        int named_only = 0;
        if (at == (size_t)-1) {
            at = first_cue(x->s, sr->nstart, lim, content_source_cues);
            if (at == (size_t)-1 || at == sr->nstart || x->s[at - 1] == ' ')
                continue;
            named_only = 1;
        }
        /* the noun right before the cue, glued or after a space (합의 내용을) */
        char noun[48] = "";
        size_t e = at;
        while (e > sr->nstart && x->s[e - 1] == ' ')
            e--;
        size_t b = e;
        while (b > sr->nstart && x->s[b - 1] != ' ' && x->s[b - 1] != '\n')
            b--;
        if (e > b) {
            /* (a genitive after it: 대책의 핵심은) */
            ex_word w;
            memset(&w, 0, sizeof w);
            w.s = b;
            w.e = e;
            ex_word_core(x->s, &w);
            ex_word_particle(x->s, &w);
            if (w.particle == EX_P_GEN && w.ps > b)
                e = w.ps;
        }
        if (e > b && e - b < sizeof noun) {
            memcpy(noun, x->s + b, e - b);
            noun[e - b] = '\0';
        }
        int whole = -1, plan = -1;
        for (size_t j = 0; j < x->n_ev && x->ev_v[j].sent < si; j++) {
            const ex_event *p = &x->ev_v[j];
            if (p->dropped || p->quoted || p->stmt || p->title_line || p->canon >= 0)
                continue;
            if (noun[0] && (named_only ? (p->type == cooperate || p->type == announce) && obj_word_is(p->obj, noun)
                                       : strstr(p->pred, noun) || strstr(p->obj, noun)))
                whole = (int)j;
            /* (the last agreement or plan, not one told as background in
             * an adnominal clause: 지원책을 내놓은 것은 처음이다) */
            if ((p->type == cooperate || (p->type == announce && plan_event(x, p))) &&
                !adnominal_only(p))
                plan = (int)j;
        }
        /* the noun names none told (계획의 골자는 after 방안을 발표했다):
         * the story's act when it is a plan or an agreement (not one named
         * in passing after it: 지원책을 내놓은 것은 처음이다), else the
         * last agreement or plan */
        if (whole < 0 && plan >= 0 && !named_only) {
            int c = story_act(x, x->n_ev, 0);
            if (c >= 0 && x->ev_v[c].sent < si)
                c = last_telling(x, c, si);
            whole = c >= 0 && x->ev_v[c].sent < si &&
                            (x->ev_v[c].type == cooperate || plan_event(x, &x->ev_v[c]))
                        ? c
                        : plan;
        }
        if (whole < 0)
            continue;
        /* the plan told again after it in other words (a lead's 대책 …
         * the body's 방안, same-as): its last telling before the cue */
        whole = last_telling(x, whole, si);
        size_t end = si;
        while (end + 1 < x->t->n_sent && !para_start(x, end + 1))
            end++;
        for (size_t j = (size_t)whole + 1; j < x->n_ev && x->ev_v[j].sent <= end; j++) {
            const ex_event *q = &x->ev_v[j];
            if (q->sent < si || q->dropped || q->quoted || q->stmt || q->canon >= 0 ||
                has_rel_from(x, (int)j, EX_REL_PART))
                continue;
            /* (background told in an adnominal clause: 지난달 발표한 규제의) */
            if (adnominal_only(q))
                continue;
            ex_add_rel(x, (int)j, EX_REL_PART, whole);
        }
    }
}

/* 1 if e is an appeal: a word of relations.yaml appeal_words at the
 * start of its predicate (항소장을 냈다) or of its object's last word
 * (항소를 검토하고 있다). */
static int appeal_event(const ex_event *e)
{
    return pred_in(e, appeal_words) || head_in(obj_last_word(e->obj), appeal_words);
}

/* 1 if e is a ruling told with its verb (ruling_words; no noun naming
 * it, 판결에, no appeal) */
static int ruling_event(const ex_event *e)
{
    return !e->dropped && !e->quoted && !e->title_line && !e->np && pred_in(e, ruling_words) && !appeal_event(e);
}

/* An appeal responds-to the last ruling told before it (ruling_words:
 * 징역 5년을 선고했다), by another side than the appeal's, when nothing
 * else it answers was found. */
static void appeal_answers(exdoc *x)
{
    for (size_t j = 0; j < x->n_ev; j++) {
        const ex_event *b = &x->ev_v[j];
        if (b->dropped || b->canon >= 0 || b->quoted || b->title_line || !appeal_event(b))
            continue;
        /* (found already: kept, unless it is a noun naming a ruling,
         * 판결에 불복해: then the ruling it names, told before) */
        int named = -1;
        for (size_t r = 0; r < x->n_rel; r++)
            if (x->rel[r].from == (int)j && x->rel[r].type == EX_REL_RESPONDS && x->rel[r].to >= 0)
                named = x->ev_v[x->rel[r].to].np && pred_in(&x->ev_v[x->rel[r].to], ruling_words) ? (int)r : -2;
        if (named == -2)
            continue;
        /* (a ruling on the appeal's day is the one it answers, not an
         * earlier ruling told as background after it: …1심에서 징역 2년을
         * 선고받았다 of another case, the year before) */
        int same_day = 0;
        if (b->date[0])
            for (size_t a = j; a-- > 0 && a + BACK_MAX > j && !same_day;)
                same_day = ruling_event(&x->ev_v[a]) && !strcmp(x->ev_v[a].date, b->date);
        for (size_t a = j; a-- > 0 && a + BACK_MAX > j;) {
            const ex_event *e = &x->ev_v[a];
            if (!ruling_event(e) || (same_day && strcmp(e->date, b->date) != 0))
                continue;
            /* (one ruling told in several sentences, 징역 7년을 선고했다. 박씨에게는
             * 3년이 선고됐다: its first, the rulings before it of the same
             * court, one after the other) */
            size_t f = a;
            for (size_t c = a; c-- > 0 && c + BACK_MAX > a;) {
                const ex_event *C = &x->ev_v[c];
                if (C->dropped || C->quoted || C->title_line || C->np)
                    continue;
                if (!ruling_event(C) || !(C->n_agent && e->n_agent && agents_agree(x, C, e)))
                    break;
                f = c;
            }
            if (x->ev_v[f].n_agent && b->n_agent && agents_agree(x, &x->ev_v[f], b))
                break;
            if (named >= 0)
                x->rel[named].to = canon(x, (int)f);
            else
                ex_add_rel(x, (int)j, EX_REL_RESPONDS, canon(x, (int)f));
            break;
        }
    }
}

/* Rule R2 for a decision: a statement or a vow by someone who is no party
 * of a decision passed or a proclamation told before (업계 관계자는 "…"고
 * 말했다), in the next DECISION_SPAN sentences and before a story break,
 * responds-to it (the first decision of the story). */
static void decision_answers(exdoc *x)
{
    int pledge = ex_type_index("pledge");
    int dec = -1;
    for (size_t j = 0; j < x->n_ev; j++) {
        const ex_event *q = &x->ev_v[j];
        if (dec >= 0 && (q->sent > x->ev_v[dec].sent + DECISION_SPAN ||
                         (q->sent > x->ev_v[dec].sent && sent_opens(x, q->sent, story_breaks))))
            dec = -1;
        if (q->dropped || q->canon >= 0)
            continue;
        /* the first decision of the story: a vote told after it (가결했다)
         * is the same decision */
        if (decision_event(q)) {
            if (dec < 0)
                dec = (int)j;
            continue;
        }
        if (dec < 0 || q->quoted || q->sent == x->ev_v[dec].sent || (!q->stmt && q->type != pledge))
            continue;
        if (has_rel_from(x, (int)j, EX_REL_RESPONDS) || has_rel_from(x, (int)j, EX_REL_PART))
            continue;
        if (!parties_act(x, &x->ev_v[dec], q) || !agent_here(x, q))
            ex_add_rel(x, (int)j, EX_REL_RESPONDS, canon(x, dec));
    }
}

/* 상무부가 보조금을 지원하기로 했다. 상무부는 이 같은 내용의 각서를
 * 체결했다: the first act of the sentence after the cue (content_anaphora)
 * is a document whose content is the act that opens the sentence before
 * (that act is part-of it), when both have a doer in common or one has
 * none. */
static void content_whole(exdoc *x, int first, size_t si)
{
    if (si == 0)
        return;
    const kg_text_range *sr = &x->t->sent[si];
    size_t at = first_cue(x->s, sr->nstart, sr->nend, content_anaphora);
    if (at == (size_t)-1)
        return;
    int q = -1;
    for (int j = first; j < (int)x->n_ev && x->ev_v[j].sent == si; j++) {
        const ex_event *e = &x->ev_v[j];
        if (!e->dropped && !e->quoted && e->ps > at && !(e->f & EX_F_ADNOM)) {
            q = j;
            break;
        }
    }
    /* the act opening the sentence before */
    int a = -1;
    for (int i = first - 1; i >= 0 && x->ev_v[i].sent + 1 >= si; i--) {
        const ex_event *e = &x->ev_v[i];
        if (x->ev_v[i].sent + 1 == si && !e->dropped && !e->quoted && !e->title_line && !is_reaction(e))
            a = i;
    }
    if (q < 0 || a < 0)
        return;
    const ex_event *A = &x->ev_v[a], *Q = &x->ev_v[q];
    if (A->n_agent && Q->n_agent && !has_agent_of(x, A, Q))
        return;
    ex_add_rel(x, canon(x, a), EX_REL_PART, canon(x, q));
}

/* Rules R1-R3 told by a word: a share of an amount told before (이 중
 * …: part-of), an act done in return (반대급부로 …: responds-to), a copula
 * calling the act before a reprisal (… 물린 데 대한 보복이다:
 * responds-to). Each sentence is read once. */
static void cue_rules(exdoc *x)
{
    size_t cur = (size_t)-1, ret_at = (size_t)-1;
    int first = -1, ret_to = -2, share_done = 0;
    for (size_t j = 0; j < x->n_ev; j++) {
        const ex_event *b = &x->ev_v[j];
        size_t si = b->sent;
        if (si != cur) {
            cur = si;
            first = (int)j;
            ret_to = -2;
            share_done = 0;
            const kg_text_range *sr = &x->t->sent[si];
            /* the cue of a return stands near the sentence start */
            size_t end = sr->nend < sr->nstart + 300 ? sr->nend : sr->nstart + 300;
            ret_at = first_cue(x->s, sr->nstart, end, return_cues);
            /* 미국이 관세를 물린 데 대한 보복이다: the act told before this
             * sentence responds-to the act it names */
            size_t at = si ? first_cue(x->s, sr->nstart, sr->nend, reprisal_copulas) : (size_t)-1;
            /* 이는 미국이 관세를 올린 데 따른 것이다 (answer_copulas): the
             * same, or the act named caused the move told before; the act
             * named is the sentence's first (주가가 떨어진 것은 … 따른
             * 것이다 explains a move of its own sentence) */
            int answer = 0;
            if (si && at == (size_t)-1 && (at = first_cue(x->s, sr->nstart, sr->nend, answer_copulas)) != (size_t)-1)
                answer = 1;
            int named = at != (size_t)-1 ? last_in_sent(x, j, at) : -1;
            if (answer && named != first)
                named = -1;
            int a = named >= 0 ? opening_act(x, first, si) : -1;
            if (named >= 0 && a < 0)
                a = back_to(x, first, si >= 3 ? si - 3 : 0, an_act, NULL);
            if (a >= 0 && answer && market_move(x, &x->ev_v[a]))
                ex_add_rel(x, canon(x, named), EX_REL_CAUSES, canon(x, a));
            else if (a >= 0 && two_sides(x, &x->ev_v[a], &x->ev_v[named]))
                ex_add_rel(x, canon(x, a), EX_REL_RESPONDS, canon(x, named));
            if (si)
                explained_move(x, first, si, 1);
            content_whole(x, first, si);
        }
        if (b->dropped || b->title_line || b->quoted)
            continue;
        /* 120조원을 투자한다. 이 중 첫 공장에 9조원을 투자해: the first act
         * of the sentence is a share of the last act of its type in the
         * sentence before, an amount (a figure in its clause) */
        if (!share_done && si > 0) {
            share_done = 1;
            if (sent_opens(x, si, part_anaphora)) {
                int a = prev_event(x, first, si - 1, -1, b->type);
                while (a >= 0 && x->ev_v[a].title_line)
                    a = prev_event(x, a, si - 1, -1, b->type);
                if (a >= 0 && has_figure(x, &x->ev_v[a]))
                    ex_add_rel(x, (int)j, EX_REL_PART, canon(x, a));
            }
        }
        /* a part of a measure answers through the measure */
        if (!has_rel_from(x, (int)j, EX_REL_RESPONDS) && !has_rel_from(x, (int)j, EX_REL_PART))
            reprisal_act(x, (int)j, first);
        /* 미국은 반대급부로 관세를 철회하고 … 인하하기로 했다: every act
         * of the sentence after the cue answers the act given before */
        if (ret_at != (size_t)-1 && b->ps > ret_at && si > 0 && !(b->f & EX_F_ADNOM)) {
            if (ret_to == -2)
                ret_to = back_to(x, first, si >= 2 ? si - 2 : 0, other_side, b);
            if (ret_to >= 0 && two_sides(x, &x->ev_v[ret_to], b))
                ex_add_rel(x, (int)j, EX_REL_RESPONDS, canon(x, ret_to));
        }
    }
}

/* 1 if one of the words stands as a word of its own in s[a..b) */
static int has_word(const char *s, size_t a, size_t b, const char *const *words)
{
    for (int k = 0; words[k]; k++) {
        size_t l = strlen(words[k]);
        for (size_t i = a; i + l <= b; i++)
            if ((i == a || s[i - 1] == ' ') && !memcmp(s + i, words[k], l) && (i + l == b || s[i + l] == ' '))
                return 1;
    }
    return 0;
}

/* Rule R1 for a move of a whole market (반도체주가 일제히 랠리했다): the
 * moves of its members told in the next sentence (ASML 등 장비주가 강세를
 * 보였다) are part-of it. */
static void whole_parts(exdoc *x)
{
    int other = ex_type_index("other");
    for (size_t i = 0; i < x->n_ev; i++) {
        const ex_event *p = &x->ev_v[i];
        if (p->dropped || p->quoted || p->stmt || p->title_line || p->type != other || p->canon >= 0 ||
            (p->f & (EX_F_ADNOM | EX_F_PRESADN | EX_F_FUTADN)) || p->pe <= p->cs || p->pe - p->cs > 600 ||
            !has_word(x->s, p->cs, p->pe, whole_words))
            continue;
        for (size_t j = i + 1; j < x->n_ev && j <= i + BACK_MAX; j++) {
            const ex_event *q = &x->ev_v[j];
            if (q->sent > p->sent + 1)
                break;
            if (q->sent == p->sent || sent_opens(x, q->sent, story_breaks))
                continue;
            if (q->dropped || q->quoted || q->stmt || q->type != other || q->canon >= 0)
                continue;
            /* (a move, not another act typed other: 비판을 일축했다) */
            if (!market_move(x, q) && !self_move(q) && !owned_move(x, q))
                continue;
            if (!has_rel_from(x, (int)j, EX_REL_PART))
                ex_add_rel(x, (int)j, EX_REL_PART, (int)i);
        }
    }
}

/* Rule R3 for a reprisal named by a noun phrase in a copula sentence
 * (미국의 반도체 규제에 대한 보복 조치로 풀이된다): the phrase, ending in
 * an event noun and no event yet, becomes one, and the last act told in
 * the three sentences before, of another side, responds-to it (the rule
 * of cue_rules then finds the relation already there). Appends to *out. */
static void reprisal_np(exdoc *x, gov_rel **out, size_t *n_out, size_t *cap_out)
{
    size_t n0 = x->n_ev, hits = 0;
    for (size_t si = 1; si < x->t->n_sent && hits < 64; si++) {
        const kg_text_range *sr = &x->t->sent[si];
        size_t at = first_cue(x->s, sr->nstart, sr->nend, reprisal_copulas);
        int answer = 0; /* (관세 인상에 따른 것이다: answer_copulas) */
        if (at == (size_t)-1 && (at = first_cue(x->s, sr->nstart, sr->nend, answer_copulas)) != (size_t)-1)
            answer = 1;
        if (at == (size_t)-1 || at <= sr->nstart || x->s[at - 1] == ' ')
            continue; /* the cue is written on the phrase (규제에 대한) */
        size_t a = np_start(x, sr->nstart, at);
        int ty = a < at ? np_type(x, a, at) : -1;
        if (ty < 0 || event_in(x, si, a, at) >= 0 || (answer && event_in(x, si, sr->nstart, a) >= 0))
            continue;
        int act = -1, typed = -1, oty = opening_type(x, si);
        hits++;
        for (size_t i = 0; i < n0; i++) {
            const ex_event *e = &x->ev_v[i];
            if (e->dropped || e->title_line || e->quoted || e->stmt || e->sent >= si || e->sent + 5 < si)
                continue;
            /* 이번 판결은 …: the last act of the noun's type (told with
             * its verb: a noun phrase naming it again, 판결 소식에, is
             * not the act) */
            if (e->type == oty && !e->np && (typed < 0 || e->ps > x->ev_v[typed].ps))
                typed = (int)i;
            if (e->sent + 3 >= si && (act < 0 || e->ps > x->ev_v[act].ps))
                act = (int)i;
        }
        if (typed >= 0)
            act = typed;
        if (act < 0)
            continue;
        int np = np_event(x, si, a, at, ty);
        if (answer && market_move(x, &x->ev_v[act])) {
            KG_VEC_PUSH(*out, *n_out, *cap_out);
            (*out)[(*n_out)++] = (gov_rel){ x->ev_v[np].ps, x->ev_v[act].ps, EX_REL_CAUSES };
            continue;
        }
        if (!two_sides(x, &x->ev_v[act], &x->ev_v[np])) {
            x->n_ev--; /* no relation points at it: no event */
            continue;
        }
        KG_VEC_PUSH(*out, *n_out, *cap_out);
        (*out)[(*n_out)++] = (gov_rel){ x->ev_v[act].ps, x->ev_v[np].ps, EX_REL_RESPONDS };
    }
}

/* 계획의 골자는 저리 대출 프로그램 신설, 국비 2조 원 투입, 펀드 조성
 * 등이다: after a content cue (relations.yaml content_openers) a
 * sentence that lists the plan's measures as noun phrases apart by
 * commas, ending in a copula (content_list_ends), tells one act a phrase
 * (typed by its last noun, else announce: a measure of a plan); each
 * becomes an event, which content_parts makes part of the plan. */
static void content_list_acts(exdoc *x)
{
    int announce = ex_type_index("announce");
    for (size_t si = 1; si < x->t->n_sent; si++) {
        const kg_text_range *sr = &x->t->sent[si];
        size_t lim = sr->nend < sr->nstart + 40 ? sr->nend : sr->nstart + 40;
        size_t at = first_cue(x->s, sr->nstart, lim, content_openers);
        if (at == (size_t)-1)
            continue;
        size_t a = at;
        while (a < sr->nend && x->s[a] != ' ')
            a++;
        size_t e = sr->nend;
        while (e > a && (x->s[e - 1] == ' ' || x->s[e - 1] == '.' || x->s[e - 1] == '\n'))
            e--;
        /* the copula at the end, and the word before it (등) */
        size_t cl = 0;
        for (int k = 0; content_list_ends[k] && !cl; k++) {
            size_t l = strlen(content_list_ends[k]);
            if (e >= a + l && !memcmp(x->s + e - l, content_list_ends[k], l))
                cl = l;
        }
        if (!cl || event_in(x, si, a, e) >= 0)
            continue;
        e -= cl;
        while (e > a && x->s[e - 1] == ' ')
            e--;
        /* two items at least, apart by commas */
        size_t commas = 0;
        for (size_t q = a; q < e; q++)
            commas += x->s[q] == ',';
        if (!commas || commas > 12)
            continue;
        size_t is = a;
        while (is < e) {
            while (is < e && x->s[is] == ' ')
                is++;
            size_t ie = is;
            while (ie < e && x->s[ie] != ',')
                ie++;
            if (ie > is && ie - is < 200) {
                int ty = np_type(x, is, ie);
                np_event(x, si, is, ie, ty >= 0 ? ty : announce);
            }
            is = ie + 1;
        }
    }
}

/* 이는 미국이 관세를 매긴 데 대한 대응이다, 이번 제재는 A사가 부품을
 * 공급한 데 따른 조치다: the adnominal clause before the bound noun of
 * a reprisal or answer copula tells an act even when its verb is no
 * lexicon verb; it becomes an event (from after the sentence's topic to
 * the adnominal word; typed by its object's noun, else other) that the
 * copula rule of cue_rules relates. */
static void copula_clause_acts(exdoc *x)
{
    for (size_t si = 1; si < x->t->n_sent; si++) {
        const kg_text_range *sr = &x->t->sent[si];
        size_t at = first_cue(x->s, sr->nstart, sr->nend, reprisal_copulas);
        if (at == (size_t)-1)
            at = first_cue(x->s, sr->nstart, sr->nend, answer_copulas);
        /* (a bound noun of clause_bound_nouns written after a space) */
        if (at == (size_t)-1 || at <= sr->nstart + 1 || x->s[at - 1] != ' ')
            continue;
        int bound = 0;
        for (int k = 0; clause_bound_nouns[k] && !bound; k++) {
            size_t bl = strlen(clause_bound_nouns[k]);
            bound = !strncmp(x->s + at, clause_bound_nouns[k], bl) && x->s[at + bl] == ' ';
        }
        if (!bound)
            continue;
        size_t we = at - 1;
        ex_word vw;
        if (!prev_word(x, sr->nstart, at, &vw) || vw.s <= sr->nstart || event_in(x, si, sr->nstart, we + 1) >= 0)
            continue;
        /* the topic (이는, 이번 조치는, 중국의 이번 조치는) opens the
         * sentence with a demonstrative; the clause follows */
        size_t o = sr->nstart;
        size_t k0 = ex_first_at(x, x->act, x->n_act, o);
        if (k0 < x->n_act && x->m->v[x->act[k0]].nstart == o) {
            size_t e = x->m->v[x->act[k0]].nend;
            size_t gl = ex_at_any(x->s, sr->nend, e, GW(genitive_particles));
            if (gl && e + gl < vw.s && x->s[e + gl] == ' ')
                o = e + gl + 1;
        }
        size_t dl = 0;
        for (int k = 0; act_demonstratives[k] && !dl; k++) {
            size_t l = strlen(act_demonstratives[k]);
            if (o + l < vw.s && !memcmp(x->s + o, act_demonstratives[k], l) &&
                (x->s[o + l] == ' ' || ex_particle_exact(x->s, o + l, o + l + 3) == EX_P_TOPIC))
                dl = l;
        }
        if (!dl)
            continue;
        size_t a = sr->nstart;
        while (o < vw.s) {
            size_t e = o;
            while (e < vw.s && x->s[e] != ' ')
                e++;
            ex_word w;
            word_ending(x, o, e, &w);
            if (w.particle == EX_P_TOPIC) {
                /* (주가가 오른 것은 … 데 따른 것이다: a move explained,
                 * explained_move's) */
                if (in_list_word(x->s + o, e - o, GW(explain_topics)))
                    a = vw.s;
                else
                    a = e;
                while (a < vw.s && x->s[a] == ' ')
                    a++;
                break;
            }
            o = e;
            while (o < vw.s && x->s[o] == ' ')
                o++;
        }
        if (a >= vw.s || a == sr->nstart)
            continue; /* (no topic: no copula sentence about the act before) */
        int ty = -1;
        for (size_t b = a; b < vw.s;) {
            size_t e = b;
            while (e < vw.s && x->s[e] != ' ')
                e++;
            ex_word w;
            word_ending(x, b, e, &w);
            if (w.particle == EX_P_OBJ && w.ps > w.cs) {
                size_t ns = np_start(x, a, w.ps);
                int t = ns < w.ps ? np_type(x, ns, w.ps) : -1;
                if (t >= 0)
                    ty = t;
            }
            b = e;
            while (b < vw.s && x->s[b] == ' ')
                b++;
        }
        int k = np_event(x, si, a, vw.e, ty >= 0 ? ty : ex_type_index("other"));
        if (!x->ev_v[k].n_agent) {
            x->n_ev--; /* (the copula rule relates two sides: no doer, no relation) */
            continue;
        }
        /* (지난 3일 … 매긴: a time in the clause dates it) */
        size_t tk = ex_first_at(x, x->tim, x->n_time, a);
        if (!x->ev_v[k].date[0] && tk < x->n_time && x->m->v[x->tim[tk]].nend <= vw.s && x->m->v[x->tim[tk]].value[0])
            ex_date_from(x, &x->ev_v[k], x->tim[tk]);
    }
}

/* 1 if e is a reaction (a protest, a pledge, or a verb of reaction_verbs:
 * 환영, 지지) whose object, the word before its predicate, is one of
 * reaction_pronouns (이를 비판했다); 2 if it is an act noun pointed back
 * at (이번 합의를 환영했다: act_demonstratives); else 0. */
static int pronoun_object(const exdoc *x, const ex_event *e)
{
    pthread_once(&parts_once, parts_init);
    if (e->dropped || e->quoted || e->title_line || !(is_reaction(e) || pred_in(e, reaction_verbs)))
        return 0;
    size_t b = e->ps;
    while (b > e->cs && x->s[b - 1] == ' ')
        b--;
    size_t a = b;
    while (a > e->cs && x->s[a - 1] != ' ' && x->s[a - 1] != '\n')
        a--;
    for (int k = 0; reaction_pronouns[k]; k++)
        if (strlen(reaction_pronouns[k]) == b - a && !memcmp(x->s + a, reaction_pronouns[k], b - a))
            return 1;
    /* 이번 합의를 환영했다, 이 같은 결정을 비판했다: an object pointed
     * back at (relations.yaml act_demonstratives) */
    pthread_once(&rel_once, rel_init);
    ex_word w;
    word_ending(x, e->cs, b, &w);
    return w.particle == EX_P_OBJ && act_pointed_back(x, e->cs, a) ? 2 : 0;
}


/* End of the word that holds offset o (a space, comma or period). */
static size_t word_end_at(const exdoc *x, size_t o)
{
    while (o < x->len && x->s[o] != ' ' && x->s[o] != '\n' && x->s[o] != ',' && x->s[o] != '.')
        o++;
    return o;
}

/* 1 if the word of e's predicate ends in one of the endings */
static int pred_word_ends(const exdoc *x, const ex_event *e, const char *const *ends)
{
    size_t we = word_end_at(x, e->ps);
    for (int k = 0; ends[k]; k++) {
        size_t l = strlen(ends[k]);
        if (we >= e->ps + l && !memcmp(x->s + we - l, ends[k], l))
            return 1;
    }
    return 0;
}

/* 1 if e is told as a plan: its own object or the word before its
 * predicate names one (plan_event), or the word after it does (시설을
 * 건설할 계획이다) */
static int plan_told(const exdoc *x, const ex_event *e)
{
    if (plan_event(x, e))
        return 1;
    if (!(e->f & EX_F_FUTADN))
        return 0;
    size_t o = word_end_at(x, e->pe > e->ps ? e->pe - 1 : e->ps);
    while (o < x->len && x->s[o] == ' ')
        o++;
    for (int k = 0; plan_heads[k]; k++)
        if (!strncmp(x->s + o, plan_heads[k], strlen(plan_heads[k])))
            return 1;
    return 0;
}

/* 1 if e can be a part told inside another act: an act of the story, not
 * a quotation, a statement or a background clause */
static int part_candidate(const ex_event *e)
{
    return !e->dropped && !e->quoted && !e->stmt && !e->title_line && e->canon < 0 &&
           !adnominal_only(e);
}

/* Rule R1 for acts inside another act (GUIDELINES, Relations):
 * - an act at a meeting held (보고대회를 열고 전략을 발표했다) is part-of
 *   the meeting;
 * - a goal told in the sentence after a plan (… 건설할 계획이다. 내년
 *   완공을 목표로 하고 있다) is part-of the plan;
 * - the figures of a forecast published (전망치를 발표했다. 성장률
 *   전망치를 4%로 유지했다) are part-of the release;
 * - a taking back told as an exception (다만 … 조치를 철회했다) after an
 *   announcement is part-of the announcement. */
static void other_parts(exdoc *x)
{
    int meet = ex_type_index("meet"), release = ex_type_index("release");
    for (size_t j = 0; j < x->n_ev; j++) {
        const ex_event *b = &x->ev_v[j];
        if (!part_candidate(b))
            continue;
        size_t si = b->sent;
        int to = -1;
        /* the meeting held just before in the sentence */
        int a = prev_event(x, (int)j, si, -1, -1);
        if (a >= 0 && x->ev_v[a].sent == si && x->ev_v[a].type == meet && b->type != meet &&
            (x->ev_v[a].f & EX_F_CONN) && pred_word_ends(x, &x->ev_v[a], hold_endings) &&
            agents_agree(x, &x->ev_v[a], b))
            to = a;
        /* a goal of the plan told in the sentence before */
        if (to < 0 && si > 0 && pred_in(b, goal_words)) {
            int p = prev_event(x, (int)j, si - 1, -1, -1);
            if (p >= 0 && x->ev_v[p].sent == si - 1 && !x->ev_v[p].quoted && plan_told(x, &x->ev_v[p]) &&
                agents_agree(x, &x->ev_v[p], b))
                to = p;
        }
        /* a figure of a forecast released up to six sentences before (the
         * question and answer lines of a broadcast count); a release that
         * is itself a part is no new forecast */
        if (to < 0 && si > 0 && ex_has_any(x->s, b->cs, b->pe, forecast_nouns)) {
            for (int p = (int)j - 1; p >= 0 && x->ev_v[p].sent + 6 >= si && (int)j - p <= BACK_MAX; p--) {
                const ex_event *r = &x->ev_v[p];
                if (r->dropped || r->sent == si || r->quoted || !(r->type == release || pred_has(r, release_verbs)))
                    continue;
                if (!ex_has_any(x->s, r->cs, r->pe, forecast_nouns) || !agents_agree(x, r, b) ||
                    sent_opens(x, r->sent + 1, story_breaks) || has_rel_from(x, p, EX_REL_PART))
                    continue;
                to = p;
                break;
            }
        }
        if (to >= 0 && !has_rel_from(x, (int)j, EX_REL_PART))
            ex_add_rel(x, (int)j, EX_REL_PART, canon(x, to));
    }
}

/* Rule R1 for an exception (다만 … 조치를 철회했다) told as the first act
 * of its sentence after an announcement of the same side up to three
 * sentences before: it is part-of that announcement itself, the mention
 * that holds it (run after the relations are moved to first mentions). */
static void exception_parts(exdoc *x)
{
    for (size_t j = 0; j < x->n_ev; j++) {
        const ex_event *b = &x->ev_v[j];
        size_t si = b->sent;
        if (!part_candidate(b) || si == 0 || !pred_has(b, withdraw_verbs) || !sent_opens(x, si, exception_openers) ||
            has_rel_from(x, (int)j, EX_REL_PART))
            continue;
        int f = prev_event(x, (int)j, si, -1, -1);
        if (f >= 0 && x->ev_v[f].sent == si)
            continue;
        for (int p = (int)j - 1; p >= 0 && x->ev_v[p].sent + 3 >= si && (int)j - p <= BACK_MAX; p--) {
            const ex_event *r = &x->ev_v[p];
            if (r->dropped || r->quoted || r->title_line || sent_opens(x, r->sent + 1, story_breaks))
                continue;
            if (pred_has(r, release_verbs) && agents_agree(x, r, b)) {
                ex_add_rel(x, (int)j, EX_REL_PART, p);
                break;
            }
        }
    }
}

/* A noun phrase that names an act told just before in its verb (관세를
 * 부과한다고 발표했다 … 관세 부과 여파로; 판결했다 … 판결 직후): the
 * phrase's last word, a verbal noun of two letters or more, opens a word
 * of the predicate of an earlier act of its type, in the three sentences
 * before, of the phrase's side (or the phrase names none), and the phrase
 * holds no word of a new act (sameas_new_act_words: 추가 관세 부과). The
 * phrase is same-as that act, not a part of it; it keeps the relation
 * that made it (a cause, a reaction). */
/* 1 if the word s[w, w+wl) is at a word start in s[from, to). */
static int word_in_span(const exdoc *x, size_t from, size_t to, size_t w, size_t wl)
{
    for (size_t o = from; o + wl <= to; o++)
        if ((o == from || x->s[o - 1] == ' ') && !memcmp(x->s + o, x->s + w, wl))
            return 1;
    return 0;
}

/* The actor named inside noun-phrase event b (미국의 관세: 미국), as an
 * index into b's agents, or -1. */
static int np_owner(const exdoc *x, const ex_event *b)
{
    for (int g = 0; g < b->n_agent; g++)
        if (x->m->v[b->agent[g]].nstart >= b->ps && x->m->v[b->agent[g]].nend <= b->pe)
            return g;
    return -1;
}

/* An act told with its verb that noun-phrase event b may name again:
 * not a noun phrase, a quote, a headline, dropped, nor a reaction. */
static int np_told_cand(const ex_event *a)
{
    return !a->np && !a->dropped && !a->quoted && !a->title_line && !is_reaction(a);
}

/* The word before the head word that starts at w, after the owner that
 * ends at own_end (보복관세 발표: 보복관세): its end (returned) and its
 * start *ks, spaces left out; both own_end when there is none. */
static size_t head_before(const exdoc *x, size_t w, size_t own_end, size_t *ks)
{
    size_t k = w;
    while (k > own_end && x->s[k - 1] == ' ')
        k--;
    size_t a = k;
    while (a > own_end && x->s[a - 1] != ' ')
        a--;
    if (a < own_end)
        a = own_end;
    while (a < k && x->s[a] == ' ')
        a++;
    *ks = a;
    return k;
}

/* The act that noun-phrase event j names again, or -1; *retype is set
 * when the phrase's head is a general act noun (np_generic_heads:
 * 결정, 조치, 발표) and the phrase takes the act's type. */
static int np_told(const exdoc *x, size_t j, int *retype)
{
    const ex_event *b = &x->ev_v[j];
    size_t w = b->pe;
    while (w > b->ps && x->s[w - 1] != ' ')
        w--;
    size_t wl = b->pe - w;
    *retype = 0;
    if (wl < 6)
        return -1;
    int own = np_owner(x, b);
    size_t own_end = own >= 0 ? x->m->v[b->agent[own]].nend : b->ps;
    if (in_list_word(x->s + w, wl, np_generic_heads)) {
        /* 보복관세 발표: the word before the head names the act (its
         * clause holds it); 네덜란드의 결정: the owner's last act; 발표
         * alone: the last act whose predicate holds the head */
        size_t ks, k = head_before(x, w, own_end, &ks);
        for (size_t i = j; i-- > 0;) {
            const ex_event *a = &x->ev_v[i];
            if (a->sent + 6 < b->sent)
                break;
            if (!np_told_cand(a) || a->ps >= b->ps || (b->n_agent && a->n_agent && !same_side(x, a, b)) ||
                (own >= 0 && k - ks < 6 && a->sent + 3 < b->sent))
                continue;
            int hit = k - ks >= 6 ? word_in_span(x, a->cs, a->pe, ks, k - ks)
                      : own >= 0  ? a->n_agent > 0
                                  : word_in_span(x, a->ps, a->pe, w, wl);
            if (hit) {
                *retype = 1;
                return (int)i;
            }
        }
        return -1;
    }
    if (in_list_word(x->s + w, wl, said_nouns)) {
        /* 총재의 발언, 대통령의 경고: the last statement told in the three
         * sentences before, of the owner's side when the phrase names an
         * actor, else said in a sentence that holds the phrase's word
         * before the head (총재 of 총재의 발언: 이 총재는 "…"고 말했다) */
        size_t k = w;
        while (k > b->ps && x->s[k - 1] == ' ')
            k--;
        size_t ks = k;
        while (ks > b->ps && x->s[ks - 1] != ' ')
            ks--;
        if (k > ks)
            k -= ex_ends_which(x->s, ks, k, GW(genitive_particles));
        for (size_t i = j; i-- > 0;) {
            const ex_event *a = &x->ev_v[i];
            if (a->sent + 3 < b->sent)
                break;
            if (a->np || a->dropped || a->quoted || a->title_line || !a->stmt || a->ps >= b->ps)
                continue;
            if (own >= 0 ? !a->n_agent || !same_side(x, a, b)
                         : k > ks && !word_in_span(x, x->t->sent[a->sent].nstart, a->pe, ks, k - ks))
                continue;
            *retype = 1;
            return (int)i;
        }
        return -1;
    }
    /* (보복 관세 is no mention of 관세: sameas_new_act_words) */
    if (ex_has_any(x->s, b->ps, b->pe, new_act))
        return -1;
    for (size_t i = j; i-- > 0;) {
        const ex_event *a = &x->ev_v[i];
        if (a->sent + 6 < b->sent)
            break;
        if (a->np || a->dropped || a->quoted || a->title_line || a->type != b->type || a->ps >= b->ps ||
            (b->n_agent && a->n_agent && !same_side(x, a, b)))
            continue;
        /* (its clause: 희토류를 수출 통제 대상에 추가했다 … 희토류 통제) */
        if (word_in_span(x, a->cs < a->ps ? a->cs : a->ps, a->pe, w, wl))
            return (int)i;
    }
    /* 금리 인하 … 기준금리를 0.25%포인트 내렸다, 관세 인상 … 관세를 올리는:
     * a head noun of sameas_noun_verbs names the last act told with a
     * verb of its group (or the noun itself) whose clause holds the word
     * before the head (금리, of 기준금리를), of the owner's side; the
     * same phrase named before (테슬라의 가격 인하 … 가격 인하 여파로)
     * names the act that one names */
    const char *grp = noun_verb_group(x->s + w, wl);
    size_t ks, k = head_before(x, w, own_end, &ks);
    if (k > ks)
        k -= ex_ends_which(x->s, ks, k, GW(genitive_particles));
    if (grp && k >= ks + 6) {
        for (size_t i = j; i-- > 0;) {
            const ex_event *a = &x->ev_v[i];
            if (a->sent + 6 < b->sent)
                break;
            if (a->dropped || a->quoted || a->title_line || a->ps >= b->ps)
                continue;
            if (a->np) {
                /* (the phrase again: its head and the word before it) */
                size_t as = a->pe;
                while (as > a->ps && x->s[as - 1] != ' ')
                    as--;
                if (a->pe - as != wl || memcmp(x->s + as, x->s + w, wl) ||
                    !word_in_span(x, a->ps, a->pe, ks, k - ks))
                    continue;
                for (size_t r = 0; r < x->n_rel; r++)
                    if (x->rel[r].from == (int)i && x->rel[r].type == EX_REL_SAME && x->rel[r].to >= 0 &&
                        (b->n_agent == 0 || same_side(x, &x->ev_v[x->rel[r].to], b))) {
                        *retype = 1;
                        return x->rel[r].to;
                    }
                continue;
            }
            if (is_reaction(a) || a->stmt || (b->n_agent && a->n_agent && !same_side(x, a, b)))
                continue;
            size_t cs = a->cs < a->ps ? a->cs : a->ps;
            int doc = 0;
            if (!at_group_verb(x, a->ps, grp) && memcmp(x->s + a->ps, x->s + w, wl)) {
                /* 관세를 올리는 행정명령에 서명했다: a document that puts
                 * the act in force (sameas_document_nouns), the verb before
                 * it adnominal; the phrase keeps its own type (the
                 * adnominal clause may lie before the act's clause: read
                 * from the sentence's start) */
                size_t ss = x->t->sent[a->sent].nstart;
                doc = doc_verb_at(x, ss < cs ? ss : cs, a->ps, grp);
                if (!doc)
                    continue;
                if (ss < cs)
                    cs = ss;
            }
            if (a->pe > cs && memmem(x->s + cs, a->pe - cs, x->s + ks, k - ks)) {
                *retype = !doc;
                return (int)i;
            }
        }
    }
    if (own < 0)
        return -1;
    /* 삼성의 신제품: the owner's last act of the phrase's type; a move
     * whose phrase names what moved (엔비디아의 매출 감소, not 엔비디아
     * 폭락) is one whose clause holds that word (not 엔비디아 주가는 5%
     * 떨어졌다) */
    int other = ex_type_index("other");
    for (size_t i = j; i-- > 0;) {
        const ex_event *a = &x->ev_v[i];
        if (a->sent + 3 < b->sent)
            break;
        if (np_told_cand(a) && a->ps < b->ps && a->type == b->type && a->n_agent && same_side(x, a, b) &&
            (b->type != other || k < ks + 6 || word_in_span(x, a->cs < a->ps ? a->cs : a->ps, a->pe, ks, k - ks)))
            return (int)i;
    }
    /* 미국의 반도체 관세에 대응해 … 앞서 미국 상무부는 관세를 부과한다고
     * 발표했다: the owner's act told with its verb a little after */
    for (size_t i = j + 1; i < x->n_ev; i++) {
        const ex_event *a = &x->ev_v[i];
        if (a->sent > b->sent + 3)
            break;
        if (np_told_cand(a) && a->type == b->type && a->n_agent && same_side(x, a, b) &&
            word_in_span(x, a->cs < a->ps ? a->cs : a->ps, a->pe, w, wl))
            return (int)i;
    }
    return -1;
}

/* A noun-phrase event that names again an act told with its verb is the
 * same act (관세를 부과했다 … 관세 부과 여파로). */
static void np_mentions(exdoc *x)
{
    pthread_once(&same_once, same_init);
    for (size_t j = 0; j < x->n_ev; j++) {
        ex_event *b = &x->ev_v[j];
        if (!b->np || b->dropped || has_rel_from(x, (int)j, EX_REL_SAME) || b->pe <= b->ps)
            continue;
        int retype = 0;
        int hit = np_told(x, j, &retype);
        if (hit < 0)
            continue;
        /* 규제를 확대하기로 했다. 새 규제는 … 시행된다. 규제 소식이
         * 전해지자: the news is of the measure, not of its part told
         * after it (part-of the measure, by the same side) */
        hit = measure_of(x, hit, 1);
        for (size_t r = 0; r < x->n_rel; r++)
            if (x->rel[r].from == (int)j && x->rel[r].type == EX_REL_PART)
                x->rel[r].to = (int)j; /* (a loop: dropped below) */
        ex_add_rel(x, (int)j, EX_REL_SAME, hit);
        if (retype)
            b->type = x->ev_v[hit].type;
        if (!b->date[0] && x->ev_v[hit].date[0]) {
            memcpy(b->date, x->ev_v[hit].date, sizeof b->date);
            memcpy(b->when, x->ev_v[hit].when, sizeof b->when);
        }
    }
}

/* A reaction told with no link of its own in the sentence after a
 * reaction of the same side that answers an act of another side (중국
 * 외교부는 … 비난했다. 중국 상무부도 "…지키겠다"고 밝혔다; 대변인은 이어
 * "…대응하겠다"고 덧붙였다) goes on answering that act. */
static void reaction_runs(exdoc *x)
{
    for (size_t j = 0; j < x->n_ev; j++) {
        const ex_event *b = &x->ev_v[j];
        if (b->dropped || b->quoted || b->title_line || b->np || !b->n_agent || !is_reaction(b) ||
            has_rel_from(x, (int)j, EX_REL_RESPONDS) || b->sent == 0)
            continue;
        /* the reaction told last, in the sentence before */
        int p = -1;
        for (int i = (int)j; i-- > 0;) {
            const ex_event *a = &x->ev_v[i];
            if (a->sent + 1 < b->sent)
                break;
            if (a->sent == b->sent || a->dropped || a->quoted || a->np)
                continue;
            p = i;
            break;
        }
        if (p < 0 || !is_reaction(&x->ev_v[p]) || !x->ev_v[p].n_agent || !same_side(x, &x->ev_v[p], b))
            continue;
        for (size_t r = 0; r < x->n_rel; r++) {
            const ex_rel *R = &x->rel[r];
            if (R->from != p || R->type != EX_REL_RESPONDS || R->to < 0)
                continue;
            const ex_event *t = &x->ev_v[R->to];
            if (is_reaction(t) || (t->n_agent && same_side(x, t, b)))
                break;
            ex_add_rel(x, (int)j, EX_REL_RESPONDS, R->to);
            break;
        }
    }
}

/* A reaction that answers a noun-phrase mention told in an earlier
 * sentence (관세 인상 소식이 전해지자 … . 중국은 관세 인상에 대해
 * "반격하겠다"고 밝혔다) answers the act that mention names, told with its
 * verb before it; a phrase of the reaction's own sentence (네덜란드의
 * 결정에 반발해) is kept: it is what the clause governs. */
static void far_np_answers(exdoc *x)
{
    for (size_t r = 0; r < x->n_rel; r++) {
        ex_rel *R = &x->rel[r];
        if (R->type != EX_REL_RESPONDS || R->from < 0 || R->to < 0)
            continue;
        const ex_event *t = &x->ev_v[R->to];
        if (!t->np || t->sent >= x->ev_v[R->from].sent)
            continue;
        for (size_t q = 0; q < x->n_rel; q++)
            if (x->rel[q].type == EX_REL_SAME && x->rel[q].from == R->to && x->rel[q].to >= 0 &&
                x->rel[q].to < R->to && !x->ev_v[x->rel[q].to].np) {
                R->to = x->rel[q].to;
                break;
            }
    }
}

/* 1 if e is a protest whose verb rebuts (relations.yaml rebut_verbs:
 * 반박했다, 일축했다). */
static int rebuttal(const ex_event *e)
{
    pthread_once(&parts_once, parts_init);
    return e->type == ex_type_index("protest") && !e->quoted && pred_in(e, rebut_verbs);
}

/* 중국은 "…"라고 비판했다. 일본은 "…"라고 반박했다: a rebuttal answers
 * the last reaction (a protest or a vow) of another side told in its
 * sentence or the three before. */
static void rebuttals(exdoc *x)
{
    for (size_t j = 0; j < x->n_ev; j++) {
        const ex_event *b = &x->ev_v[j];
        if (b->dropped || b->title_line || !rebuttal(b) || has_rel_from(x, (int)j, EX_REL_RESPONDS))
            continue;
        size_t min_sent = b->sent >= 3 ? b->sent - 3 : 0;
        for (int a = prev_event(x, (int)j, min_sent, -1, -1); a >= 0; a = prev_event(x, a, min_sent, -1, -1)) {
            const ex_event *e = &x->ev_v[a];
            /* (or a claim of another side in its own sentence: …주장했고,
             * B는 …라고 맞섰다) */
            if (e->quoted || e->title_line || !(is_reaction(e) || (e->stmt && e->sent == b->sent)))
                continue;
            if (!e->n_agent || !b->n_agent || same_side(x, e, b))
                continue;
            ex_add_rel(x, (int)j, EX_REL_RESPONDS, canon(x, a));
            break;
        }
    }
}

/* The actor mention that ends in the word before offset ws (정부의 결정,
 * 정부 대책), from cs on, or -1. */
static int owner_word_before(const exdoc *x, size_t cs, size_t ws)
{
    size_t pe = ws;
    while (pe > cs && x->s[pe - 1] == ' ')
        pe--;
    size_t pw = pe;
    while (pw > cs && x->s[pw - 1] != ' ' && x->s[pw - 1] != '\n')
        pw--;
    if (pw >= pe)
        return -1;
    for (size_t k = ex_first_at(x, x->act, x->n_act, pw); k < x->n_act; k++) {
        const kg_mention *m = &x->m->v[x->act[k]];
        if (m->nstart >= pe)
            break;
        if (m->id && m->nend <= pe)
            return x->act[k];
    }
    return -1;
}

/* 노조는 정부의 결정을 환영했다, 업계는 정부 대책을 환영하면서도 …:
 * a reaction verb (reaction_verbs) whose object is an act noun
 * (np_generic_heads, plan_nouns, act_nouns) owned by an actor named just
 * before it answers that actor's last act (or the plan it is part of)
 * told in the six sentences before. */
static void object_reactions(exdoc *x)
{
    for (size_t j = 0; j < x->n_ev; j++) {
        const ex_event *b = &x->ev_v[j];
        if (b->dropped || b->title_line || b->quoted || b->np || has_rel_from(x, (int)j, EX_REL_RESPONDS))
            continue;
        int side = -1;
        for (size_t ws = b->cs; ws < b->pe && side < 0;) {
            while (ws < b->pe && x->s[ws] == ' ')
                ws++;
            size_t we = ws;
            while (we < b->pe && x->s[we] != ' ')
                we++;
            size_t pl = ex_ends_which(x->s, ws, we, GW(phrase_object_particles));
            size_t nx = we;
            while (nx < b->pe && x->s[nx] == ' ')
                nx++;
            if (pl && we - pl > ws && nx < b->pe &&
                (in_list_word(x->s + ws, we - pl - ws, np_generic_heads) ||
                 in_list_word(x->s + ws, we - pl - ws, plan_nouns) || in_list_word(x->s + ws, we - pl - ws, act_nouns)) &&
                ex_at_any(x->s, b->pe, nx, reaction_verbs)) {
                int o = owner_word_before(x, b->cs, ws);
                int mine = 0;
                for (int g = 0; o >= 0 && g < b->n_agent; g++)
                    mine |= b->agent[g] == o;
                if (o >= 0 && !mine)
                    side = o;
            }
            ws = we;
        }
        if (side < 0)
            continue;
        size_t min_sent = b->sent >= 6 ? b->sent - 6 : 0;
        /* (an act before a move of the owner's market: 수출이 줄었다; a move
         * only when the owner did nothing else: 금리를 0.25%포인트 내렸다) */
        for (int pass = 0; pass < 2 && !has_rel_from(x, (int)j, EX_REL_RESPONDS); pass++)
        for (int a = prev_event(x, (int)j, min_sent, -1, -1); a >= 0; a = prev_event(x, a, min_sent, -1, -1)) {
            const ex_event *e = &x->ev_v[a];
            if (e->quoted || e->title_line || e->np || is_reaction(e) || e->sent == b->sent ||
                (!pass && (market_move(x, e) || self_move(e))) || !acted_by(x, e, side))
                continue;
            int to = chain_head(x, a);
            for (size_t r = 0; r < x->n_rel; r++)
                if (x->rel[r].from == to && x->rel[r].type == EX_REL_PART && x->rel[r].to >= 0 &&
                    acted_by(x, &x->ev_v[x->rel[r].to], side)) {
                    to = x->rel[r].to;
                    break;
                }
            ex_add_rel(x, (int)j, EX_REL_RESPONDS, canon(x, to));
            break;
        }
    }
}

/* The act that causes move a in a's own sentence (합의 소식이 전해지자
 * 주가가 올랐다, 공개 여파로 주가가 내렸다: a relation found already),
 * or -1 when a is no move or its cause is not told with it. */
static int move_cause_told(const exdoc *x, int a)
{
    const ex_event *e = &x->ev_v[a];
    if (e->stmt || !(market_move(x, e) || owned_move(x, e) || self_move(e)))
        return -1;
    for (size_t r = 0; r < x->n_rel; r++)
        if (x->rel[r].to == a && x->rel[r].type == EX_REL_CAUSES && x->rel[r].from >= 0 &&
            x->ev_v[x->rel[r].from].sent == e->sent && !x->ev_v[x->rel[r].from].dropped) {
            /* (a noun phrase that names an act told before: that act) */
            int c = x->rel[r].from;
            for (size_t q = 0; x->ev_v[c].np && q < x->n_rel; q++)
                if (x->rel[q].from == c && x->rel[q].type == EX_REL_SAME && x->rel[q].to >= 0 && x->rel[q].to < c)
                    return canon(x, x->rel[q].to);
            return c;
        }
    return -1;
}

/* 이번 조치는 …, 중국 정부의 이번 지원은 …: a sentence that opens with
 * a demonstrative (act_demonstratives) and an act noun as its topic or
 * subject, after an optional owner and genitive, names an act told
 * before: the last told with the noun as its object or verb (방안을
 * 발표했다, 판결했다) in the eight sentences before (of the owner when one
 * is named), else in the four before the last of the noun's type
 * (np_type), or for a general noun (np_generic_heads, plan_nouns: 조치,
 * 결정, 방안) the owner's last act, or with no owner the last act.
 * Not in a sentence that calls the act a reprisal or an answer
 * (reprisal_copulas, answer_copulas: reprisal_np reads those), nor in
 * one whose main verb (its last event) tells an act of that type (이
 * 관세는 … 적용된다). The phrase
 * becomes an event of that act's type, same-as it (GUIDELINES: an act
 * named by a noun phrase that is the topic of its sentence). Not a
 * reaction, a quote or a phrase that is an event already. Appends to
 * *out (by position). */
static void topic_mentions(exdoc *x, gov_rel **out, size_t *n_out, size_t *cap_out)
{
    pthread_once(&same_once, same_init);
    size_t n0 = x->n_ev;
    for (size_t si = 1; si < x->t->n_sent; si++) {
        const kg_text_range *sr = &x->t->sent[si];
        int own;
        ex_word w;
        if (!demonstrative_word(x, si, &w, &own))
            continue;
        /* (the word right after the demonstrative: its start) */
        size_t p = w.s;
        if ((w.particle != EX_P_TOPIC && w.particle != EX_P_SUBJ) || w.ps <= w.cs || w.cs != p)
            continue;

        int ty = np_type(x, w.cs, w.ps);
        int general = in_list_word(x->s + w.cs, w.ps - w.cs, np_generic_heads) ||
                      in_list_word(x->s + w.cs, w.ps - w.cs, plan_nouns);
        size_t a = sr->nstart;
        /* (이번 조치는 … 보복 조치로 풀이된다: reprisal_np's) */
        if ((ty < 0 && !general) || event_in(x, si, a, w.ps) >= 0 ||
            first_cue(x->s, sr->nstart, sr->nend, reprisal_copulas) != (size_t)-1 ||
            first_cue(x->s, sr->nstart, sr->nend, answer_copulas) != (size_t)-1)
            continue;
        int typed = -1, owned = -1, last = -1, named = -1;
        for (size_t i = 0; i < n0; i++) {
            const ex_event *e = &x->ev_v[i];
            if (e->dropped || e->title_line || e->quoted || e->np || e->sent >= si || e->sent + 8 < si ||
                is_reaction(e))
                continue;
            /* (방안을 발표했다 … 이번 방안은, 판결했다 … 이번 판결은: the act
             * told with the noun as its object or verb, in the eight
             * sentences before; not 방안에 따르면 … 투입한다) */
            if (word_in_span(x, e->span_s && e->span_s < e->ps ? e->span_s : e->ps, e->pe, w.cs, w.ps - w.cs) &&
                (own < 0 || acted_by(x, e, own)) && (named < 0 || e->ps > x->ev_v[named].ps))
                named = (int)i;
            if (e->sent + 4 < si)
                continue;
            if (!general && e->type == ty && (typed < 0 || e->ps > x->ev_v[typed].ps))
                typed = (int)i;
            if (remark(e))
                continue; /* (a remark is no act) */
            if (own >= 0 && acted_by(x, e, own) && (owned < 0 || e->ps > x->ev_v[owned].ps))
                owned = (int)i;
            if (last < 0 || e->ps > x->ev_v[last].ps)
                last = (int)i;
        }
        int act = named >= 0 ? named : !general ? typed : own >= 0 ? owned : last;
        if (act < 0 || (general && x->ev_v[act].type == ex_type_index("other")))
            continue;
        /* (이 관세는 다음 달부터 적용된다: the sentence tells the act
         * again with its verb, the phrase is its subject) */
        int main_ev = -1;
        for (size_t i = 0; i < n0; i++) {
            const ex_event *e = &x->ev_v[i];
            if (e->sent == si && !e->dropped && !e->np && !e->quoted && (main_ev < 0 || e->ps > x->ev_v[main_ev].ps))
                main_ev = (int)i;
        }
        if (main_ev >= 0 && x->ev_v[main_ev].type == x->ev_v[act].type)
            continue;
        int np = np_event(x, si, a, w.ps, x->ev_v[act].type);
        /* (one act: its doer and its date) */
        ex_event *n = &x->ev_v[np];
        const ex_event *t = &x->ev_v[act];
        if (!n->n_agent) {
            memcpy(n->agent, t->agent, sizeof n->agent);
            n->n_agent = t->n_agent;
        }
        memcpy(n->date, t->date, sizeof n->date);
        memcpy(n->when, t->when, sizeof n->when);
        KG_VEC_PUSH(*out, *n_out, *cap_out);
        (*out)[(*n_out)++] = (gov_rel){ n->ps, t->ps, EX_REL_SAME };
    }
}

void ex_relate(exdoc *x)
{
    pthread_once(&rel_once, rel_init);
    pthread_once(&parts_once, parts_init);
    gov_rel *gv = NULL;
    size_t n_gv = 0, cap_gv = 0;
    governed_cues(x, &gv, &n_gv, &cap_gv);
    move_causes(x, &gv, &n_gv, &cap_gv);
    known_answers(x, &gv, &n_gv, &cap_gv);
    reprisal_np(x, &gv, &n_gv, &cap_gv);
    copula_clause_acts(x);
    content_list_acts(x);
    topic_mentions(x, &gv, &n_gv, &cap_gv);
    /* the relations found so far (part-of of a meeting) name positions;
     * keep them through the sort by remembering the predicates */
    size_t *from_ps = kg_xcalloc(x->n_rel + 1, sizeof *from_ps);
    size_t *to_ps = kg_xcalloc(x->n_rel + 1, sizeof *to_ps);
    for (size_t r = 0; r < x->n_rel; r++) {
        from_ps[r] = x->ev_v[x->rel[r].from].ps;
        to_ps[r] = x->ev_v[x->rel[r].to].ps;
    }
    if (x->n_ev)
        qsort(x->ev_v, x->n_ev, sizeof *x->ev_v, ev_cmp);
    for (size_t r = 0; r < x->n_rel; r++) {
        x->rel[r].from = find_ps(x, from_ps[r]);
        x->rel[r].to = find_ps(x, to_ps[r]);
    }
    free(from_ps);
    free(to_ps);
    for (size_t r = 0; r < n_gv; r++)
        ex_add_rel(x, find_ps(x, gv[r].from_ps), gv[r].type, find_ps(x, gv[r].to_ps));
    free(gv);

    /* headline lines sum the body up: the body tells the act; so does a
     * photo caption (a lead printed under a picture) */
    for (size_t i = 0; i < x->n_ev; i++)
        if (x->ev_v[i].title_line || x->ev_v[i].caption)
            x->ev_v[i].dropped = 1;

    /* the measures told after an announced measure are its parts, not
     * mentions of one another */
    plan_parts(x, 1);
    /* same-as, first mention first */
    pthread_once(&same_once, same_init);
    same_info *sinfo = kg_xcalloc(x->n_ev + 1, sizeof *sinfo);
    for (size_t j = 0; j < x->n_ev; j++) {
        /* its clause for figures and nouns: from the last act before it
         * in its sentence, or the sentence start */
        const ex_event *e = &x->ev_v[j];
        size_t rs = e->sent < x->t->n_sent ? x->t->sent[e->sent].nstart : e->cs;
        for (size_t k = j; k-- > 0 && x->ev_v[k].sent == e->sent;)
            if (!x->ev_v[k].dropped && x->ev_v[k].pe <= e->cs) {
                rs = x->ev_v[k].pe > rs ? x->ev_v[k].pe : rs;
                break;
            }
        same_info_of(x, e, rs, &sinfo[j]);
        sinfo[j].second = second_act(x, e, &sinfo[j]);
    }
    int lead_ev, body_ev;
    lead_pair(x, sinfo, &lead_ev, &body_ev);
    for (size_t j = 0; j < x->n_ev; j++) {
        ex_event *b = &x->ev_v[j];
        /* (the lead's act told again may be part of the meeting where it
         * was told: 장관회의에서 … 방안을 발표했다) */
        if (b->dropped || (has_rel_from(x, (int)j, EX_REL_PART) && (int)j != body_ev) || additive_clause(x, b))
            continue;
        /* one article's events; in a huge file, the last few hundred */
        for (size_t i = j > 400 ? j - 400 : 0; i < j; i++) {
            ex_event *a = &x->ev_v[i];
            int how = a->dropped || a->canon >= 0 ? 0 : same_act(x, a, b, &sinfo[i], &sinfo[j]);
            if (!how && (int)i == lead_ev && (int)j == body_ev && a->canon < 0 && lead_retold(x, a, b, &sinfo[j]))
                how = 2;
            if (!how)
                continue;
            if (how == 2) {
                ex_add_rel(x, (int)j, EX_REL_SAME, (int)i);
                if (!b->date[0] && a->date[0]) {
                    memcpy(b->date, a->date, sizeof b->date);
                    memcpy(b->when, a->when, sizeof b->when);
                } else if (!a->date[0] && b->date[0]) {
                    memcpy(a->date, b->date, sizeof a->date);
                    memcpy(a->when, b->when, sizeof a->when);
                }
                break;
            }
            /* a sentence tells an act again once: a second clause of it
             * is another act (금지하면서 … 수출이 금지됐으며) */
            int told = 0;
            for (size_t k = j; k-- > 0 && j - k <= 32 && x->ev_v[k].sent == b->sent;)
                told |= x->ev_v[k].canon == (int)i;
            if (told)
                continue;
            b->canon = (int)i;
            ex_add_rel(x, (int)j, EX_REL_SAME, (int)i);
            if (!b->date[0] && a->date[0]) {
                memcpy(b->date, a->date, sizeof b->date);
                memcpy(b->when, a->when, sizeof b->when);
            } else if (!a->date[0] && b->date[0]) {
                memcpy(a->date, b->date, sizeof a->date);
                memcpy(a->when, b->when, sizeof a->when);
            }
            break;
        }
    }
    free(sinfo);

    const kg_evlex *ev = x->ev;
    size_t cue_sent = (size_t)-1, cue_pos = 0;
    int cue_type = -1;
    for (size_t j = 0; j < x->n_ev; j++) {
        ex_event *b = &x->ev_v[j];
        if (b->dropped)
            continue;
        size_t si = b->sent;
        const kg_text_range *sr = &x->t->sent[si];
        size_t ss = sr->nstart;
        while (ss < sr->nend && (x->s[ss] == ' ' || x->s[ss] == '"' || x->s[ss] == '\''))
            ss++;
        /* a cue that opens the sentence points at the sentence before */
        /* 이에 (…): at the sentence start, or after the topic (X는 이에
         *맞서), before the predicate */
        if (si != cue_sent) {
            /* once per sentence: the first anaphoric cue near its start */
            cue_sent = si;
            cue_type = -1;
            cue_pos = 0;
            size_t best = 0;
            size_t scan_end = sr->nend < ss + 160 ? sr->nend : ss + 160;
            for (size_t i = ss; i < scan_end && !best; i++) {
                if (i > ss && x->s[i - 1] != ' ')
                    continue;
                for (int t = 0; t < EX_REL_N; t++) {
                    if (t != EX_REL_RESPONDS && t != EX_REL_CAUSES)
                        continue;
                    for (size_t k = 0; k < ev->n_cues[t]; k++) {
                        if (!anaphoric(ev->cues[t][k]))
                            continue;
                        size_t l = cue_at(x->s, i, sr->nend, ev->cues[t][k]);
                        /* 이에 따른 제재 대상은: the cue word modifies a
                         * noun, not the clause */
                        for (int m = 0; l && modifier_cues[m]; m++)
                            if (cue_at(x->s, i, sr->nend, modifier_cues[m]))
                                l = 0;
                        if (l > best) {
                            best = l;
                            cue_type = t;
                            cue_pos = i;
                        }
                    }
                }
            }
        }
        int best_type = cue_type >= 0 && cue_pos < b->ps ? cue_type : -1;
        /* the cue governs the main clause, not a noun's adnominal clause
         * (이에 따라 … 결정된 비율에 따라) */
        if (adnominal_only(b))
            best_type = -1;
        if (best_type >= 0 && si > 0) {
            /* the cue speaks of what was just told: the sentence before,
             * or for a reaction the one before that */
            size_t back = best_type == EX_REL_RESPONDS && si >= 2 ? si - 2 : si - 1;
            int a = prev_event(x, (int)j, back, -1, -1);
            /* one answers another side's act, not one's own nor a
             * reaction (but a rebuttal answers a reaction: 이에 대해
             * "…"라고 반박했다) */
            /* (a rebuttal answers a statement told, not a noun that
             * names it: 대통령의 경고가 나오자 …) */
            while (a >= 0 && (x->ev_v[a].sent == si ||
                              (best_type == EX_REL_RESPONDS &&
                               (is_reaction(&x->ev_v[a]) != rebuttal(b) || (rebuttal(b) && x->ev_v[a].np) ||
                                (x->ev_v[a].n_agent && b->n_agent && agents_agree(x, &x->ev_v[a], b))))))
                a = prev_event(x, a, back, -1, -1);
            /* 엔비디아는 지난해 매출의 13%를 올렸다. … 이에 대응해: a
             * figure or a move of an earlier year, or an act of two years
             * or more before (background_to), is background, not what one
             * answers */
            while (a >= 0 && best_type == EX_REL_RESPONDS && background_to(&x->ev_v[a], b))
                a = prev_event(x, a, back, -1, -1);
            /* (none left: 이에 speaks of the story's act, when another
             * side did it) */
            if (a < 0 && best_type == EX_REL_RESPONDS && !market_move(x, b) && !owned_move(x, b) && !self_move(b)) {
                int c = story_act(x, j, 1);
                if (c >= 0 && x->ev_v[c].sent < si && !is_reaction(&x->ev_v[c]) && x->ev_v[c].n_agent &&
                    b->n_agent && !agents_agree(x, &x->ev_v[c], b))
                    a = c;
            }
            /* 관세를 부과한다고 발표했다. … 피해를 입었다고 설명했다. 이에
             * …: an announcement that explains one's own act told just
             * before is not what one reacts to; the act is */
            if (a >= 0 && best_type == EX_REL_RESPONDS && x->ev_v[a].stmt &&
                x->ev_v[a].type == ex_type_index("announce") && x->ev_v[a].n_agent) {
                size_t far = si >= 3 ? si - 3 : 0;
                for (int c = prev_event(x, a, far, -1, -1); c >= 0; c = prev_event(x, c, far, -1, -1)) {
                    const ex_event *C = &x->ev_v[c];
                    if (C->sent == x->ev_v[a].sent || C->np || C->quoted)
                        continue; /* (told inside the explanation) */
                    if (!C->n_agent || !agents_agree(x, C, &x->ev_v[a]))
                        break;
                    if (!C->stmt && !is_reaction(C) && C->type != x->ev_v[a].type) {
                        /* (a measure's part told after it: the measure) */
                        a = measure_of(x, c, 0);
                        break;
                    }
                }
            }
            /* 규제를 확대하기로 했다. 새 규제는 10월 1일부터 시행된다. 이에
             * 중국은 반발했다: one answers the measure, not its part told
             * after it (a part-of the measure, by the same side) */
            if (a >= 0 && best_type == EX_REL_RESPONDS)
                a = measure_named(x, measure_of(x, a, 0));
            /* 이에 엔비디아 주가는 3% 하락했다: a market moving does not
             * react, the act causes the move (gold: causes); what moved it
             * was an act done, not a plan or a remark told just before
             * (…나설 예정이다, …하겠다고 밝혔다) */
            int move = !b->stmt && (market_move(x, b) || owned_move(x, b) || self_move(b));
            while (move && a >= 0 && ((x->ev_v[a].f & EX_F_FUTADN) || x->ev_v[a].stmt))
                a = prev_event(x, a, back, -1, -1);
            /* …발표하자 관련주가 일제히 올랐다. 이 소식에 삼성전자 주가는
             * 5% 올랐다: the news is the act that moved the market before,
             * not that move (a move whose cause its sentence told shares
             * it: move_cause_told) */
            int told = move && a >= 0 ? move_cause_told(x, a) : -1;
            if (told >= 0)
                a = told;
            /* 합의 소식에 주가가 올랐다. 이에 따라 정부는 …: an act told
             * after a move whose cause its sentence tells follows that
             * cause, not the move (a move told alone may be what is
             * answered: 주가가 폭락했다. 이에 정부는 …) */
            if (!move && a >= 0) {
                int c = move_cause_told(x, a);
                if (c >= 0)
                    a = c;
            }
            if (a >= 0) {
                if (best_type == EX_REL_RESPONDS && !move)
                    ex_add_rel(x, (int)j, EX_REL_RESPONDS, canon(x, chain_head(x, a)));
                else
                    ex_add_rel(x, canon(x, a), EX_REL_CAUSES, (int)j);
            }
        }
        /* a reaction named in the clause: …에 반발해, …에 맞서 */
        for (size_t k = 0; k < ev->n_cues[EX_REL_RESPONDS]; k++) {
            const char *cue = ev->cues[EX_REL_RESPONDS][k];
            if (anaphoric(cue) || starts_with_word(cue, GW(sequence_cue_starts)))
                continue;
            if (!has_cue(x->s, b->cs, b->pe, cue))
                continue;
            /* the cue governs a phrase: related above (governed_cues) */
            if (has_rel_from(x, (int)j, EX_REL_RESPONDS))
                break;
            int a = prev_event(x, (int)j, si >= 3 ? si - 3 : 0, b->type, -1);
            /* what one reacts to is an act, not another reaction */
            while (a >= 0 && (is_reaction(&x->ev_v[a]) || x->ev_v[a].sent == si))
                a = prev_event(x, a, si >= 3 ? si - 3 : 0, b->type, -1);
            /* 미국의 조치에 반발해: an act of that side, if one was told */
            int side = cue_owner(x, b, cue);
            if (side >= 0 && a >= 0 && !acted_by(x, &x->ev_v[a], side)) {
                int c = side_act(x, a, si >= 3 ? si - 3 : 0, b->type, side, si);
                if (c >= 0)
                    a = c;
            }
            /* …공개하자 미국 기술주가 급락했다: a market moving does not
             * react, the act causes the move */
            if (a >= 0 && !b->stmt && (market_move(x, b) || owned_move(x, b) || self_move(b))) {
                ex_add_rel(x, canon(x, a), EX_REL_CAUSES, (int)j);
                break;
            }
            if (a >= 0) {
                ex_add_rel(x, (int)j, EX_REL_RESPONDS, canon(x, a));
                /* 반발해 보복 관세를 부과했다: the act it leads into reacts too */
                if ((b->f & EX_F_CONN) && j + 1 < x->n_ev && x->ev_v[j + 1].sent == si &&
                    !x->ev_v[j + 1].dropped)
                    ex_add_rel(x, (int)j + 1, EX_REL_RESPONDS, canon(x, a));
            }
            break;
        }
        /* 미국의 조치에 반발했다, 일본을 비판했다: a protest at a side that
         * acted shortly before reacts to that act */
        if (!strcmp(kg_event_types[b->type], "protest") && !has_rel_from(x, (int)j, EX_REL_RESPONDS)) {
            int side = side_before(x, b, b->ps);
            size_t far = si >= 3 ? si - 3 : 0;
            int c = side < 0 ? -1 : prev_side_act(x, (int)j, far, side);
            /* (a remark of that side, 9곳은 운영사라고 설명했다, is no act
             * protested: its act told before it is) */
            for (int d = c; d >= 0 && remark(&x->ev_v[d]);) {
                /* (that act within two sentences of the remark) */
                size_t far2 = x->ev_v[d].sent >= 2 ? x->ev_v[d].sent - 2 : 0;
                d = prev_side_act(x, d, far2, side);
                if (d >= 0 && !remark(&x->ev_v[d]))
                    c = d;
            }
            /* (an act that side told as one more along with its act
             * before, BIS는 이와 함께 27곳을 명단에 올렸다: relations.yaml
             * additive_openers; the act it goes with is the one protested,
             * the first of that side's acts in the two sentences before
             * the addition: a rule's taking effect told in between is not) */
            if (c >= 0 && x->ev_v[c].sent > 0 &&
                first_cue(x->s, x->ev_v[c].cs, x->ev_v[c].ps, additive_openers) != (size_t)-1) {
                size_t far2 = x->ev_v[c].sent >= 2 ? x->ev_v[c].sent - 2 : 0;
                int first = -1;
                for (int d = prev_side_act(x, c, far2, side); d >= 0; d = prev_side_act(x, d, far2, side))
                    if (!remark(&x->ev_v[d]))
                        first = d;
                if (first >= 0)
                    c = first;
            }
            if (c >= 0)
                ex_add_rel(x, (int)j, EX_REL_RESPONDS, canon(x, c));
        }
        /* 이를 비판했다, 이를 환영했다: a reaction whose object points
         * back answers the last act of another side told in the two
         * sentences before */
        int pron = !has_rel_from(x, (int)j, EX_REL_RESPONDS) && si > 0 ? pronoun_object(x, b) : 0;
        if (pron) {
            /* (an act named and pointed at may be one's own side's: 한국
             * 업계는 이번 합의를 환영했다) */
            size_t back = si >= 2 ? si - 2 : 0;
            int a = prev_event(x, (int)j, back, -1, -1);
            while (a >= 0 && (x->ev_v[a].sent == si || is_reaction(&x->ev_v[a]) || x->ev_v[a].stmt ||
                              (pron == 1 && x->ev_v[a].n_agent && b->n_agent && agents_agree(x, &x->ev_v[a], b))))
                a = prev_event(x, a, back, -1, -1);
            if (a >= 0)
                ex_add_rel(x, (int)j, EX_REL_RESPONDS, canon(x, chain_head(x, a)));
        }
        /* A-하자 B (B reacts), A-했기 때문에 B (A causes B) */
        if (j > 0) {
            int a = prev_event(x, (int)j, si, -1, -1);
            if (a >= 0 && x->ev_v[a].sent == si &&
                (((market_move(x, b) || self_move(b)) &&
                  ((x->ev_v[a].f & EX_F_WHEN) || ((x->ev_v[a].f & EX_F_CONN) && x->ev_v[a].type != b->type &&
                                                  !concessive(x, &x->ev_v[a])))) ||
                 /* (a sector's stocks after -자: 공개하자 기술주가 급락했다) */
                 (owned_move(x, b) && (x->ev_v[a].f & EX_F_WHEN)))) {
                /* 제재에 나서자 주가가 6% 내렸다: a move of the market
                 * (a figure, or a thing moving by itself: 투자 심리가
                 * 얼어붙었다) after an act is its result (rule R4); the
                 * mention in the sentence is the cause told */
                ex_add_rel(x, a, EX_REL_CAUSES, (int)j);
            } else if (a >= 0 && x->ev_v[a].sent == si) {
                /* 코로나19 충격이 닥치자 금리를 내렸다: a happening of no
                 * actor is no act answered but a cause */
                if ((x->ev_v[a].f & EX_F_WHEN) && x->ev_v[a].type == ex_type_index("other") &&
                    !x->ev_v[a].n_agent)
                    ex_add_rel(x, canon(x, a), EX_REL_CAUSES, (int)j);
                else if (x->ev_v[a].f & EX_F_WHEN)
                    ex_add_rel(x, (int)j, EX_REL_RESPONDS, canon(x, a));
                if (x->ev_v[a].f & EX_F_CAUSE)
                    ex_add_rel(x, canon(x, a), EX_REL_CAUSES, (int)j);
            }
        }
        /* 반도체 수출이 26% 줄었다. 단가가 떨어진 영향이 컸다: a cause
         * that ends its sentence (때문이다, 영향이 컸다, 탓이다) explains the
         * last act or move of the sentence before */
        /* (not when the sentence names what it explains: 금리를 올린 건 …
         * 때문이다, explained_move) */
        int sfirst = (int)j;
        while (sfirst > 0 && x->ev_v[sfirst - 1].sent == si)
            sfirst--;
        if ((b->f & EX_F_CAUSE) && si > 0 && !b->stmt && !b->quoted &&
            (j + 1 >= x->n_ev || x->ev_v[j + 1].sent != si) && !has_rel_from(x, (int)j, EX_REL_CAUSES) &&
            explained_move(x, sfirst, si, 0) < 0) {
            int a = prev_event(x, (int)j, si - 1, -1, -1);
            while (a >= 0 && x->ev_v[a].sent == si)
                a = prev_event(x, a, si - 1, -1, -1);
            /* a move or a happening on one end at least (not one side's
             * act explaining another's: 날을 세웠다 … 시사했기 때문이다) */
            int other = ex_type_index("other");
            if (a >= 0 && !x->ev_v[a].stmt && !x->ev_v[a].quoted && x->ev_v[a].sent == si - 1 &&
                (b->type == other || x->ev_v[a].type == other) && !concessive(x, &x->ev_v[a]))
                ex_add_rel(x, (int)j, EX_REL_CAUSES, canon(x, a));
        }
        /* part-of: 회의에서 밝혔다, 계획의 일환으로 */
        for (size_t k = 0; k < ev->n_cues[EX_REL_PART]; k++) {
            const char *cue = ev->cues[EX_REL_PART][k];
            if (!has_cue(x->s, b->cs, b->pe, cue))
                continue;
            /* (서울에서 열린 회담: a cue whose last word is the meeting's
             * own predicate tells where it was held, not a larger event) */
            size_t cl = strlen(cue), from = b->ps > b->cs + cl ? b->ps - cl : b->cs;
            if (b->type == ex_type_index("meet") && b->pe > from && memmem(x->s + from, b->pe - from, cue, cl))
                break;
            int plan = ex_has_any(cue, 0, strlen(cue), GW(plan_part_words));
            int a = plan ? prev_event(x, (int)j, si >= 5 ? si - 5 : 0, -1,
                                      ex_type_index("announce"))
                         : prev_event(x, (int)j, si >= 1 ? si - 1 : 0, -1, ex_type_index("meet"));
            if (a >= 0)
                ex_add_rel(x, (int)j, EX_REL_PART, canon(x, a));
            break;
        }
        /* 회담에서 규제를 완화하고 … 투입하기로 했다: the cue before a chain
         * holds the acts chained after its first too */
        if (j > 0 && !has_rel_from(x, (int)j, EX_REL_PART) && x->ev_v[j - 1].sent == si && !x->ev_v[j - 1].dropped &&
            (x->ev_v[j - 1].f & EX_F_CONN) && !(x->ev_v[j - 1].f & (EX_F_WHEN | EX_F_CAUSE)))
            for (size_t r = 0; r < x->n_rel; r++)
                if (x->rel[r].from == (int)j - 1 && x->rel[r].type == EX_REL_PART &&
                    x->ev_v[x->rel[r].to].type == ex_type_index("meet")) {
                    ex_add_rel(x, (int)j, EX_REL_PART, x->rel[r].to);
                    break;
                }
    }
    plan_parts(x, 0);
    content_parts(x);
    reaction_paragraphs(x);
    share_doers(x);
    cue_rules(x);
    whole_parts(x);
    other_parts(x);
    statement_responds(x);
    rebuttals(x);
    object_reactions(x);
    target_protests(x);
    lead_protests(x);
    decision_answers(x);
    reaction_runs(x);
    pointed_reactions(x);
    appeal_answers(x);
    central_protests(x);
    /* relations between mentions point at the first mention */
    int *told = kg_xmalloc((x->n_ev + 1) * sizeof *told);
    told_mentions(x, told);
    for (size_t r = 0; r < x->n_rel; r++)
        if (x->rel[r].type != EX_REL_SAME && x->rel[r].to >= 0)
            x->rel[r].to = told[x->rel[r].to];
    free(told);
    exception_parts(x);
    np_mentions(x);
    far_np_answers(x);
    /* a measure listed as a noun phrase with no doer named in it (계획의
     * 골자는 … 펀드 조성 등이다): the doer of the plan it is part of */
    for (size_t r = 0; r < x->n_rel; r++) {
        const ex_rel *R = &x->rel[r];
        if (R->type != EX_REL_PART || R->from < 0 || R->to < 0)
            continue;
        ex_event *q = &x->ev_v[R->from];
        if (q->np && !q->n_agent && x->ev_v[R->to].n_agent) {
            memcpy(q->agent, x->ev_v[R->to].agent, sizeof q->agent);
            q->n_agent = x->ev_v[R->to].n_agent;
        }
    }
    if (x->n_rel)
        qsort(x->rel, x->n_rel, sizeof *x->rel, rel_cmp);
    size_t k = 0;
    for (size_t r = 0; r < x->n_rel; r++)
        if (x->rel[r].from != x->rel[r].to &&
            (k == 0 || rel_cmp(&x->rel[k - 1], &x->rel[r]) != 0))
            x->rel[k++] = x->rel[r];
    x->n_rel = k;
    /* two mentions of one act are not also part or cause of each other
     * (a lead that sums a plan up, then 이 같은 내용의 방안을 발표했다):
     * same-as wins */
    size_t n_same = 0;
    for (size_t r = 0; r < x->n_rel; r++)
        n_same += x->rel[r].type == EX_REL_SAME;
    if (!n_same)
        return;
    ex_rel *same = kg_xmalloc(n_same * sizeof *same);
    n_same = 0;
    for (size_t r = 0; r < x->n_rel; r++)
        if (x->rel[r].type == EX_REL_SAME)
            same[n_same++] = same_key(x->rel[r]);
    qsort(same, n_same, sizeof *same, rel_cmp);
    k = 0;
    for (size_t r = 0; r < x->n_rel; r++) {
        ex_rel key = same_key(x->rel[r]);
        if (x->rel[r].type != EX_REL_SAME && bsearch(&key, same, n_same, sizeof *same, rel_cmp))
            continue;
        x->rel[k++] = x->rel[r];
    }
    x->n_rel = k;
    free(same);
}
