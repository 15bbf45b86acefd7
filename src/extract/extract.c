/* extract.c - kg_extract(): one article in, one facts document out. Reads
 * the text (kg_text_load), tags it (kg_tag_text), finds events sentence by
 * sentence (events.c), relates them (relate.c), and fills the document:
 * header (header.c), actors, events, figures and relations. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exdoc.h"
#include "exhead.h"
#include "kg/quote.h"
#include "korean/grammar.h"
#include "korean/morph.h"

/* Longer sentences are read in pieces of about this many bytes. */
#define EX_MAX_SENTENCE 4096

/* ---- lines that are headlines, not sentences ---- */

/* No headline or subhead is longer than this many bytes (~340 syllables). */
#define EX_MAX_TITLE 1024

/* 1 if the line [a, b) holds a sentence that ends like one (…다, …다.):
 * headlines, subheads and labels end in a noun instead. */
static int line_has_final(const kg_text *t, size_t a, size_t b)
{
    const char *s = t->norm;
    /* the last syllables of a finite sentence (events.yaml final_syllables) */
    const char *const *fin = kg_gram_words("events", "final_syllables");
    for (size_t i = a; i + 3 <= b; i++) {
        int f = 0;
        for (int k = 0; fin[k] && !f; k++)
            f = ex_at(s, b, i, fin[k]) && strlen(fin[k]) == 3;
        if (!f)
            continue;
        if (kg_text_in_chrome(t, i))
            continue;
        size_t k = i + 3;
        while (k < b && (s[k] == '"' || s[k] == '\'' || s[k] == ')'))
            k++;
        if (k >= b || s[k] == '.' || s[k] == '!' || s[k] == '?' || s[k] == ' ')
            if (k >= b || s[k] != ' ' || k + 1 >= b || s[k + 1] == ' ')
                return 1;
        if (k < b && s[k] == '.')
            return 1;
    }
    return 0;
}

static void mark_title_lines(const kg_text *t, unsigned char *title)
{
    const char *s = t->norm;
    size_t ls = 0;
    size_t si = 0;
    while (ls <= t->norm_len && si < t->n_sent) {
        size_t le = ls;
        while (le < t->norm_len && s[le] != '\n')
            le++;
        /* a line far longer than any headline is a body that lost its
         * sentence ends (a run-on text, a list), not a title */
        int fin = le - ls > EX_MAX_TITLE || line_has_final(t, ls, le);
        for (; si < t->n_sent && t->sent[si].nstart < le + 1; si++)
            title[si] = !fin && t->sent[si].nstart >= ls;
        ls = le + 1;
    }
}

/* ---- the document ---- */

static size_t src_off(const kg_text *t, size_t n)
{
    return kg_text_src_offset(t, n);
}

/* The title word of a predicate as the event found it: a Sino-Korean
 * verb's noun (주장했다 → 주장), a native verb's headline word
 * (title_verbs: 열린 → 개최), else the part before a light verb
 * (title_light_syllables), else the word as it is. */
static int title_verb(const char *p, int idiom, kg_buf *b)
{
    size_t n = strlen(p);
    const kg_gram_list *tv = kg_gram_list_get("events", "title_verbs");
    size_t best = 0;
    const char *word = NULL;
    for (size_t i = 0; i < tv->n; i++) {
        size_t l = strlen(tv->e[i].form);
        const char *t = kg_gram_field(&tv->e[i], "title");
        if (t && l > best && l <= n && memcmp(p, tv->e[i].form, l) == 0 &&
            (!idiom || strchr(tv->e[i].form, ' '))) {
            best = l;
            word = t;
        }
    }
    if (word)
        kg_buf_puts(b, word);
    return word != NULL;
}

static void title_word(const char *p, kg_buf *b)
{
    size_t n = strlen(p);
    kg_morph m;
    if (n && kg_morph_word(p, 0, n, &m) != KG_MORPH_NONE && m.lemma[0]) {
        kg_buf_puts(b, m.lemma);
        return;
    }
    if (title_verb(p, 0, b))
        return;
    /* two Hangul syllables at least (6 bytes), then a light verb */
    const char *const *lv = kg_gram_words("events", "title_light_syllables");
    for (size_t i = 6; i + 3 <= n; i += 3) {
        if ((unsigned char)p[i] < 0xEA || (unsigned char)p[i] > 0xED)
            break;
        for (size_t k = 0; lv[k]; k++)
            if (strlen(lv[k]) == 3 && memcmp(p + i, lv[k], 3) == 0) {
                kg_buf_add(b, p, i);
                return;
            }
    }
    kg_buf_puts(b, p);
}

static int ends_with(const char *w, size_t n, const char *end)
{
    size_t l = strlen(end);
    return l < n && memcmp(w + n - l, end, l) == 0;
}

/* A predicate of several words (조치를 취하겠다, 유치했다고 밝혔다):
 * an idiom of title_verbs as a whole; else the words before the verb as
 * they are, less a particle (title_drop_particles: 조치를 → 조치); a
 * quoted clause (title_quote_ends) before a speech verb is the act and
 * the speech verb goes (유치했다고 밝혔다 → 유치), as does a speech verb
 * after a noun (투자 밝혔다 → 투자); the verb by title_word. */
static void title_pred(const char *p, kg_buf *b)
{
    if (!strchr(p, ' ')) {
        title_word(p, b);
        return;
    }
    if (title_verb(p, 1, b))
        return;
    const char *const *drop = kg_gram_words("events", "title_drop_particles");
    const char *const *qend = kg_gram_words("events", "title_quote_ends");
    const char *const *speech = kg_gram_words("events", "speech_verbs");
    char w[64];
    int first = 1;
    while (*p) {
        while (*p == ' ')
            p++;
        size_t n = strcspn(p, " ");
        if (!n)
            break;
        size_t wl = n < sizeof w ? n : sizeof w - 1;
        memcpy(w, p, wl);
        w[wl] = '\0';
        p += n;
        while (*p == ' ')
            p++;
        int last = *p == '\0';
        int said = 0;
        for (size_t k = 0; speech[k] && !said; k++)
            said = strncmp(last ? w : p, speech[k], strlen(speech[k])) == 0;
        if (last && said && !first)
            break; /* 투자 밝혔다 */
        if (!first)
            kg_buf_putc(b, ' ');
        first = 0;
        if (last) {
            title_word(w, b);
            break;
        }
        int quote = 0;
        for (size_t k = 0; qend[k] && !quote; k++)
            quote = ends_with(w, wl, qend[k]);
        if (quote && said) {
            title_word(w, b);
            break;
        }
        /* what was vowed, before the kind of vow (취하겠다고 경고: 단행
         * 경고) */
        if (quote) {
            title_word(w, b);
            continue;
        }
        int done = 0;
        for (size_t k = 0; drop[k] && !done; k++)
            if (ends_with(w, wl, drop[k]) && wl - strlen(drop[k]) >= 6) {
                kg_buf_add(b, w, wl - strlen(drop[k]));
                done = 1;
            }
        if (!done)
            kg_buf_puts(b, w);
    }
}

/* An object as a title names a thing: a word that only ties it to the
 * verb (대해 제재 조치: stop_words) does not start it. */
static const char *title_obj(const char *o)
{
    const char *const *stop = kg_gram_words("events", "stop_words");
    for (int again = 1; again && *o;) {
        again = 0;
        for (size_t k = 0; stop[k]; k++) {
            size_t l = strlen(stop[k]);
            if (strncmp(o, stop[k], l) == 0 && (o[l] == ' ' || o[l] == '\0')) {
                o += l;
                while (*o == ' ')
                    o++;
                again = 1;
                break;
            }
        }
    }
    return o;
}

/* Cuts pred at its first verb of receiving (events.yaml acted_on_verbs)
 * at a word start or after a noun: 선고받았다 → 선고, 받았 → "". */
static void cut_receiving(char *pred)
{
    const char *const *recv = kg_gram_words("events", "acted_on_verbs");
    for (size_t i = 0; pred[i]; i++) {
        for (size_t k = 0; recv[k]; k++)
            if (strncmp(pred + i, recv[k], strlen(recv[k])) == 0) {
                while (i > 0 && pred[i - 1] == ' ')
                    i--;
                pred[i] = '\0';
                return;
            }
    }
}

/* An event's title as a headline: who, then whom or what, then the act
 * as a dictionary word (중국 상무부, 일본 수출 금지). */
static void put_title(const exdoc *x, const ex_event *e, kg_buf *b)
{
    const char *o = title_obj(e->obj);
    /* an object that names the doer (국회 본회의 통과) says who already */
    int named = e->n_agent == 1 && o[0] && strncmp(o, x->m->v[e->agent[0]].name, strlen(x->m->v[e->agent[0]].name)) == 0;
    for (int i = 0; i < e->n_agent && !named; i++) {
        kg_buf_puts(b, i ? "·" : "");
        kg_buf_puts(b, x->m->v[e->agent[i]].name);
    }
    if (e->n_agent && !named)
        kg_buf_puts(b, ", ");
    int nt = 0;
    for (int i = 0; i < e->n_target; i++) {
        const char *tn = x->m->v[e->target[i]].name;
        if (o[0] && strncmp(o, tn, strlen(tn)) == 0)
            continue; /* the object names it (일본 수출 금지) */
        kg_buf_puts(b, nt++ ? "·" : "");
        kg_buf_puts(b, tn);
    }
    if (nt)
        kg_buf_putc(b, ' ');
    kg_buf word = KG_BUF_INIT;
    /* an idiom holds its object (날을 세우다: 비판) */
    char idiom[140];
    snprintf(idiom, sizeof idiom, "%s %s", o, e->pred);
    if (o[0] && !e->phrase && title_verb(idiom, 1, &word)) {
        kg_buf_puts(b, word.ptr);
        kg_buf_free(&word);
        return;
    }
    kg_buf_reset(&word);
    /* an act received is titled by the act (A씨 실형 선고), not by the
     * receiving (선고 받았다, 선고받았다: events.yaml acted_on_verbs) */
    char pred[sizeof e->pred];
    snprintf(pred, sizeof pred, "%s", e->pred);
    if (e->received)
        cut_receiving(pred);
    if (pred[0])
        title_pred(pred, &word);
    const char *w = word.ptr ? word.ptr : "";
    /* a lexicon phrase (관세를 부과) names its object already */
    if (o[0] && !strstr(e->pred, o) && !strstr(w, o) && !e->phrase) {
        kg_buf_puts(b, o);
        if (w[0])
            kg_buf_putc(b, ' ');
    }
    kg_buf_puts(b, w);
    kg_buf_free(&word);
}

static void add_alias(kg_actor *a, const char *form)
{
    if (strcmp(form, a->name) != 0 && !kg_strv_has(&a->aliases, form))
        kg_strv_push(&a->aliases, form);
}

/* A person named and then titled, as written (웨이 회장, 문 대통령, 트럼프
 * 미 대통령): the name with its title is a form the article uses for the
 * person, the one a reader (and gold's agent) names them by. Only a title
 * of names.yaml after one space, with a country initial between. */
static void add_title_alias(kg_actor *a, const kg_mention *m, const char *src, size_t len)
{
    if (!m->type || strcmp(m->type, "person") != 0 || m->end + 1 >= len || src[m->end] != ' ')
        return;
    size_t p = m->end + 1, ci = 0;
    const kg_gram_list *cl = kg_gram_list_get("names", "country_initials");
    for (size_t i = 0; i < cl->n; i++) {
        size_t n = strlen(cl->words[i]);
        if (p + n < len && memcmp(src + p, cl->words[i], n) == 0 && src[p + n] == ' ')
            ci = n + 1;
    }
    size_t t = 0;
    const char *const *titles = kg_gram_words("names", "titles");
    for (size_t i = 0; titles[i]; i++) {
        size_t n = strlen(titles[i]);
        if (n > t && p + ci + n <= len && memcmp(src + p + ci, titles[i], n) == 0)
            t = n;
    }
    size_t l = p + ci + t - m->start;
    if (!t || l > 200)
        return;
    char *form = kg_xstrndup(src + m->start, l);
    add_alias(a, form);
    free(form);
}

/* A body named and then one of its numbered benches, as written (서울중앙지법
 * 형사3부, 서울고법 민사3부): the court with its division is the form the
 * article gives the doer by (names.yaml division_heads, a number, one of
 * division_ends; an organisation's mention, one space between). */
static void add_division_alias(kg_actor *a, const kg_mention *m, const char *src, size_t len)
{
    if (!m->type || !strcmp(m->type, "person") || !strcmp(m->type, "country") || m->end + 1 >= len ||
        src[m->end] != ' ')
        return;
    size_t p = m->end + 1, h = 0;
    const char *const *heads = kg_gram_words("names", "division_heads");
    for (size_t i = 0; heads[i]; i++) {
        size_t n = strlen(heads[i]);
        if (n > h && p + n < len && memcmp(src + p, heads[i], n) == 0)
            h = n;
    }
    size_t d = p + h;
    while (d < len && src[d] >= '0' && src[d] <= '9' && d - (p + h) < 3)
        d++;
    if (!h || d == p + h)
        return;
    const char *const *ends = kg_gram_words("names", "division_ends");
    for (size_t i = 0; ends[i]; i++) {
        size_t n = strlen(ends[i]);
        if (d + n <= len && memcmp(src + d, ends[i], n) == 0) {
            char *form = kg_xstrndup(src + m->start, d + n - m->start);
            add_alias(a, form);
            free(form);
            return;
        }
    }
}

/* A body named with its term before it, as written (22대 국회, 제21대
 * 국회): a number and one of names.yaml's term_counters, one space, then
 * an organisation's mention. */
static void add_term_alias(kg_actor *a, const kg_mention *m, const char *src)
{
    if (!m->type || !strcmp(m->type, "person") || !strcmp(m->type, "country") || m->start < 3 ||
        src[m->start - 1] != ' ')
        return;
    size_t e = m->start - 1;
    const char *const *cnt = kg_gram_words("names", "term_counters");
    for (size_t i = 0; cnt[i]; i++) {
        size_t n = strlen(cnt[i]);
        if (e < n + 1 || memcmp(src + e - n, cnt[i], n) != 0)
            continue;
        size_t d = e - n;
        while (d > 0 && src[d - 1] >= '0' && src[d - 1] <= '9' && e - n - d < 3)
            d--;
        if (d == e - n || (d > 0 && src[d - 1] != ' ' && src[d - 1] != '\n' && (unsigned char)src[d - 1] < 0x80))
            continue;
        char *form = kg_xstrndup(src + d, m->end - d);
        add_alias(a, form);
        free(form);
        return;
    }
}

static kg_actor *doc_actor(kg_doc *doc, const char *id)
{
    for (size_t i = 0; id && i < doc->n_actors; i++)
        if (doc->actors[i].id && strcmp(doc->actors[i].id, id) == 0)
            return &doc->actors[i];
    return NULL;
}

static const char *country_key(const kg_actor *a)
{
    for (size_t i = 0; i < a->extra.n; i++)
        if (strcmp(a->extra.v[i].key, "country") == 0 && a->extra.v[i].value &&
            a->extra.v[i].value->kind == KG_NODE_SCALAR)
            return a->extra.v[i].value->value;
    return NULL;
}

static int is_country(const kg_actor *a)
{
    return a && a->type && strcmp(a->type, "country") == 0;
}

/* The country the lexicon puts an actor in (as timelines find it): the
 * top of its part_of chain if that is a country, else the first `country`
 * key up the chain that names a country. */
static const char *lexicon_country(const kg_corpus *lex, const kg_actor *def)
{
    const kg_actor *top = def;
    for (int i = 0; top && top->part_of && i < 64; i++) {
        const kg_actor *up = kg_corpus_find_actor(lex, top->part_of, NULL);
        if (!up)
            break;
        top = up;
    }
    if (is_country(top))
        return top->id;
    const kg_actor *a = def;
    for (int i = 0; a && i < 64; i++) {
        const char *c = country_key(a);
        if (c && is_country(kg_corpus_find_actor(lex, c, NULL)))
            return c;
        a = a->part_of ? kg_corpus_find_actor(lex, a->part_of, NULL) : NULL;
    }
    return NULL;
}

/* What the lexicon says of the document's actors that a timeline needs to
 * place their events in country lanes, as far as the file can say it on
 * its own (no actor is added, and nothing contradicts the lexicon): an
 * actor's type; its part_of when that actor is in the document too; and
 * else a `country` key naming its country when the document has that
 * country, so `kg timeline --lanes country` finds the lane from the facts
 * file alone, and `kg check` on it finds every id. */
static void add_lexicon_keys(const kg_corpus *lex, kg_doc *doc)
{
    if (!lex)
        return;
    for (size_t i = 0; i < doc->n_actors; i++) {
        kg_actor *a = &doc->actors[i];
        const kg_actor *def = a->id ? kg_corpus_find_actor(lex, a->id, NULL) : NULL;
        if (!def)
            continue;
        if (!a->type && def->type && kg_in_list(kg_actor_types, def->type))
            kg_set_str(&a->type, def->type);
        if (!a->part_of && def->part_of && strcmp(def->part_of, a->id) != 0 &&
            doc_actor(doc, def->part_of))
            kg_set_str(&a->part_of, def->part_of);
    }
    for (size_t i = 0; i < doc->n_actors; i++) {
        kg_actor *a = &doc->actors[i];
        const kg_actor *def = a->id ? kg_corpus_find_actor(lex, a->id, NULL) : NULL;
        const char *c = def && !is_country(a) && !country_key(a) ? lexicon_country(lex, def) : NULL;
        if (!c || !is_country(doc_actor(doc, c)))
            continue;
        /* already placed through the file's own part_of: an actor up the
         * chain is that country, or is placed in it itself */
        int placed = 0;
        const kg_actor *up = a;
        for (int k = 0; !placed && up && up->part_of && k < 64; k++) {
            up = doc_actor(doc, up->part_of);
            const kg_actor *ud = up && up->id ? kg_corpus_find_actor(lex, up->id, NULL) : NULL;
            const char *uc = ud ? lexicon_country(lex, ud) : NULL;
            placed = up && up->id && (strcmp(up->id, c) == 0 || (uc && strcmp(uc, c) == 0));
        }
        if (placed)
            continue;
        kg_node *v = kg_xcalloc(1, sizeof *v);
        v->kind = KG_NODE_SCALAR;
        v->value = kg_xstrdup(c);
        v->len = strlen(c);
        v->plain = 1;
        KG_VEC_PUSH(a->extra.v, a->extra.n, a->extra.cap);
        a->extra.v[a->extra.n].key = kg_xstrdup("country");
        a->extra.v[a->extra.n].value = v;
        a->extra.n++;
    }
}

static void add_actors(const exdoc *x, const char *src, size_t len, const kg_corpus *lex, kg_doc *doc)
{
    kg_hmap seen = KG_HMAP_INIT; /* id -> index + 1 */
    for (size_t i = 0; i < x->n_act; i++) {
        const kg_mention *m = &x->m->v[x->act[i]];
        if (!m->id || !kg_is_slug(m->id))
            continue;
        kg_actor *a = NULL;
        size_t at = (size_t)(intptr_t)kg_hmap_get(&seen, m->id);
        if (at)
            a = &doc->actors[at - 1];
        if (!a) {
            a = kg_doc_add_actor(doc);
            /* keys are the mentions' ids, alive as long as the mentions */
            kg_hmap_put(&seen, m->id, (void *)(intptr_t)doc->n_actors);
            kg_set_str(&a->id, m->id);
            kg_set_str(&a->name, m->name ? m->name : m->id);
            if (m->type && kg_in_list(kg_actor_types, m->type))
                kg_set_str(&a->type, m->type);
        }
        /* the forms the article uses, as written */
        size_t l = m->end - m->start;
        if (l == 0 || l > 200)
            continue;
        char *form = kg_xstrndup(src + m->start, l);
        add_alias(a, form);
        add_title_alias(a, m, src, len);
        add_division_alias(a, m, src, len);
        add_term_alias(a, m, src);
        const kg_actor *def = lex ? kg_corpus_find_actor(lex, m->id, NULL) : NULL;
        for (size_t k = 0; def && k < def->aliases.n; k++)
            if (strstr(form, def->aliases.v[k]))
                add_alias(a, def->aliases.v[k]);
        free(form);
    }
    kg_hmap_free(&seen);
    add_lexicon_keys(lex, doc);
}

static void add_events(exdoc *x, kg_doc *doc, int *ids)
{
    const char *s = x->s;
    int next = 1;
    for (size_t i = 0; i < x->n_ev; i++) {
        ex_event *e = &x->ev_v[i];
        ids[i] = 0;
        if (e->dropped)
            continue;
        ids[i] = next++;
        kg_event *k = kg_doc_add_event(doc);
        char id[16];
        snprintf(id, sizeof id, "e%d", ids[i]);
        kg_set_str(&k->id, id);
        kg_buf b = KG_BUF_INIT;
        put_title(x, e, &b);
        kg_set_str(&k->title, b.ptr);
        kg_buf_free(&b);
        kg_set_str(&k->type, kg_event_types[e->type]);
        kg_date_set(&k->date, e->date[0] ? e->date : NULL);
        if (e->when[0])
            kg_set_str(&k->when, e->when);
        for (int a = 0; a < e->n_agent; a++)
            if (!kg_strv_has(&k->agent, x->m->v[e->agent[a]].id))
                kg_strv_push(&k->agent, x->m->v[e->agent[a]].id);
        for (int a = 0; a < e->n_target; a++)
            if (!kg_strv_has(&k->target, x->m->v[e->target[a]].id))
                kg_strv_push(&k->target, x->m->v[e->target[a]].id);
        size_t cs = e->span_s > e->cs ? e->span_s : e->cs;
        while (cs < e->pe && (s[cs] == ' ' || s[cs] == '\n' || s[cs] == ','))
            cs++;
        k->span.set = 1;
        k->span.start = (long long)src_off(x->t, cs);
        k->span.end = (long long)src_off(x->t, e->pe);
    }
}

static void add_relations(const exdoc *x, kg_doc *doc, const int *ids)
{
    static const char *const names[EX_REL_N] = { "responds-to", "causes", "part-of", "same-as" };
    for (size_t r = 0; r < x->n_rel; r++) {
        const ex_rel *rl = &x->rel[r];
        if (!ids[rl->from] || !ids[rl->to] || ids[rl->from] == ids[rl->to])
            continue;
        char f[16], t[16];
        snprintf(f, sizeof f, "e%d", ids[rl->from]);
        snprintf(t, sizeof t, "e%d", ids[rl->to]);
        kg_relation *k = kg_doc_add_relation(doc);
        kg_set_str(&k->from, f);
        kg_set_str(&k->type, names[rl->type]);
        kg_set_str(&k->to, t);
    }
}

/* Sentence index holding normalised offset o, or n_sent. */
static size_t sent_of(const kg_text *t, size_t o)
{
    size_t a = 0, b = t->n_sent;
    while (a < b) {
        size_t m = (a + b) / 2;
        if (t->sent[m].nend <= o)
            a = m + 1;
        else
            b = m;
    }
    return a;
}

static void fmt_num(char *out, size_t n, double v)
{
    snprintf(out, n, "%.15g", v);
}

/* 1 if one of the mentions idx[0..n) (in text order) lies within [a, b),
 * or with within = 0 overlaps it. */
static int mention_in(const exdoc *x, const int *idx, size_t n, size_t a, size_t b, int within)
{
    size_t k = ex_first_at(x, idx, n, a);
    if (!within && k > 0 && x->m->v[idx[k - 1]].nend > a)
        return 1;
    for (; k < n; k++) {
        const kg_mention *m = &x->m->v[idx[k]];
        if (m->nstart >= b)
            break;
        if (!within || (m->nstart >= a && m->nend <= b))
            return 1;
    }
    return 0;
}

static int actor_in(const exdoc *x, size_t a, size_t b)
{
    return mention_in(x, x->act, x->n_act, a, b, 1);
}

/* 1 if s[a..b) has a time or another figure in it, or a mark that ends
 * a phrase (, ( ) · ; [ ]). */
static int breaks_phrase(const exdoc *x, size_t a, size_t b)
{
    const char *s = x->s;
    if (mention_in(x, x->tim, x->n_time, a, b, 0) || mention_in(x, x->fig, x->n_fig, a, b, 0))
        return 1;
    for (size_t q = a; q < b; q++)
        if (s[q] == '(' || s[q] == ')' || s[q] == ';' || s[q] == '[' ||
            s[q] == ']' || (q + 1 < b && !memcmp(s + q, "\xc2\xb7", 2)) || (s[q] == ',' && q + 1 < b))
            return 1;
    return 0;
}

/* Verb endings (했고, 된, 하는; the grammar's verb_ends). */
static const char *const *verb_ends;

/* 1 if the word s[a..b) is a verb form that ends a clause or a clause
 * before a noun (학습했으며, 늘었고, 밝혔다, 설립된, 발표한): longer than
 * the ending itself. */
static int verb_form(const char *s, size_t a, size_t b)
{
    return ex_ends_any(s, a + 1, b, verb_ends);
}

/* 1 if w[0..n) is one of the words of list (NULL-ended). */
static int word_of(const char *const *list, const char *w, size_t n)
{
    for (int k = 0; list[k]; k++)
        if (strlen(list[k]) == n && !memcmp(list[k], w, n))
            return 1;
    return 0;
}

/* Adverbs between a figure and what it measures: 연간, 매년, 하루 … */
static const char *const *transparent_words;

/* Words that tie a figure to a time or a purpose, or close a list of
 * examples, not what it measures (시리즈 B 이후 10개월, 올해 들어 두
 * 차례, 육성을 위해 3년간, 삼성전자, 리벨리온 등 10여 개). */
static const char *const *stop_words;

/* Adverbs and connectives that end the phrase a figure measures
 * (measure_breaks: 함께, 최고, 경우). */
static const char *const *measure_breaks, *const *measure_verb_ends, *const *measure_compare;

/* Words that alone measure nothing: 3월 이후 3개월, 1년 전 2배. */
static const char *const *empty_words;

/* The noun a count's measure ends in (its first word: 찬성 수). */
static const char *const *count_nouns;

/* The lists of the figure rules are the grammar's (yaml/grammar/events.yaml),
 * looked up at the first extraction. */
static pthread_once_t lists_once = PTHREAD_ONCE_INIT;

static void lists_init(void)
{
    verb_ends = kg_gram_words("events", "verb_ends");
    transparent_words = kg_gram_words("events", "transparent_words");
    stop_words = kg_gram_words("events", "stop_words");
    measure_breaks = kg_gram_words("events", "measure_breaks");
    measure_verb_ends = kg_gram_words("events", "measure_verb_ends");
    measure_compare = kg_gram_words("events", "measure_compare_words");
    empty_words = kg_gram_words("events", "empty_words");
    count_nouns = kg_gram_words("events", "count_nouns");
}

/* The noun phrase a figure counts: the words before it back to the first
 * one that is marked by a particle other than the subject's, or that has
 * a number or punctuation in it (the phrase of another figure: 67.1%,
 * 삼성전자는 8.1%); a gloss in parentheses that ends a word is left out
 * (그래픽처리장치(GPU) 2천 개). Nothing for a figure glued to the word
 * before it (370억 달러(약 53조 원): the same amount restated). Returns
 * where the phrase starts (f's start when there is none). */
static size_t figure_measure(const exdoc *x, const kg_mention *f, size_t ss, kg_buf *out)
{
    const char *s = x->s;
    size_t i = f->nstart;
    size_t words[5][2];
    int n = 0;
    if (i > ss && s[i - 1] != ' ' && s[i - 1] != '\n')
        return f->nstart;
    while (n < 5 && i > ss) {
        size_t e = i;
        while (e > ss && s[e - 1] == ' ')
            e--;
        size_t b = e;
        while (b > ss && s[b - 1] != ' ' && s[b - 1] != '\n')
            b--;
        size_t we = e;
        if (we > b + 1 && s[we - 1] == ')') {
            /* word(GLOSS): the word */
            size_t q = we - 1;
            while (q > b && s[q] != '(')
                q--;
            if (q > b && s[q] == '(')
                we = q;
        }
        /* a time or an adverb of frequency between the figure and what it
         * measures is passed over (중국 비중은 3년 전 26%에서, 수출은 연간
         * 30억 달러) */
        if (n == 0 && b < we &&
            ((mention_in(x, x->tim, x->n_time, b, we, 0) && !mention_in(x, x->fig, x->n_fig, b, we, 0)) ||
             word_of(transparent_words, s + b, we - b))) {
            i = b;
            continue;
        }
        /* a comparison and its base (매출은 전년 대비 20%) */
        if (n == 0 && b < we && word_of(measure_compare, s + b, we - b)) {
            size_t q = b;
            while (q > ss && s[q - 1] == ' ')
                q--;
            while (q > ss && s[q - 1] != ' ' && s[q - 1] != '\n')
                q--;
            i = q;
            continue;
        }
        if (b == we || breaks_phrase(x, b, we) || word_of(stop_words, s + b, we - b))
            break;
        ex_word w = { b, we, 0, 0, 0, 0, 0, 0 };
        ex_word_core(s, &w);
        if (w.ce <= w.cs)
            break;
        ex_word_particle(s, &w);
        if (n > 0 && w.particle != EX_P_NONE)
            break;
        /* a verb, a connective or an adverb is no part of what is
         * measured (보면 3곳, 발의됐고 위원회 5명, 전년 대비 10%) */
        kg_morph mw;
        size_t pe = w.particle != EX_P_NONE ? w.ps : w.ce;
        if (verb_form(s, w.cs, w.ce) || ex_ends_any(s, w.cs, w.ce, verb_ends) ||
            ex_ends_any(s, w.cs, w.ce, measure_verb_ends) || word_of(measure_breaks, s + w.cs, pe - w.cs) ||
            (pe - w.cs <= 63 && kg_morph_word(s, w.cs, pe, &mw) != KG_MORPH_NONE))
            break;
        if (n == 0 && w.particle != EX_P_NONE && w.particle != EX_P_SUBJ &&
            w.particle != EX_P_TOPIC && w.particle != EX_P_GEN)
            break;
        /* an actor as subject or topic is whose figure it is, not what
         * it measures (삼성전자는 8.1%) */
        if ((w.particle == EX_P_SUBJ || w.particle == EX_P_TOPIC) && actor_in(x, w.cs, w.ps))
            break;
        words[n][0] = w.cs;
        words[n][1] = w.particle != EX_P_NONE ? w.ps : w.ce;
        n++;
        i = b;
    }
    while (n > 0 && word_of(empty_words, s + words[n - 1][0], words[n - 1][1] - words[n - 1][0]))
        n--; /* (the first words of the phrase) */
    for (int k = n - 1; k >= 0; k--) {
        if (out->len)
            kg_buf_putc(out, ' ');
        kg_buf_add(out, s + words[k][0], words[k][1] - words[k][0]);
    }
    /* a count of what is named: 찬성 수 (댓글 수 stays 댓글 수) */
    const char *cw = count_nouns[0] ? count_nouns[0] : "";
    size_t cl = strlen(cw);
    if (cl && out->len && f->unit && strcmp(f->unit, "count") == 0 &&
        !(n > 0 && words[0][1] - words[0][0] == cl && memcmp(s + words[0][0], cw, cl) == 0)) {
        kg_buf_putc(out, ' ');
        kg_buf_puts(out, cw);
    }
    return n ? words[n - 1][0] : f->nstart;
}

/* The class of the particle right after position e (the rest of the
 * Hangul word there), EX_P_NONE if none. */
static int particle_after(const exdoc *x, size_t e)
{
    size_t q = e, n;
    if (q < x->len && x->s[q] == '(') {
        /* 스텝펀(StepFun)이: past the gloss */
        size_t c = q + 1;
        while (c < x->len && c - q < 80 && x->s[c] != ')' && x->s[c] != '\n')
            c++;
        if (c < x->len && x->s[c] == ')')
            q = e = c + 1;
    }
    while (q < x->len) {
        uint32_t c = ex_cp(x->s, x->len, q, &n);
        if (!ex_hangul(c))
            break;
        q += n;
    }
    return q > e ? ex_particle_exact(x->s, e, q) : EX_P_NONE;
}

/* The pieces the event pass read: cut[0..n) are the starts of the pieces
 * a run-on sentence was cut into (after its first), in text order. */
typedef struct {
    size_t *v;
    size_t n, cap;
} ex_cuts;

/* Narrows [*ss, *se), the sentence holding o, to the piece of it that
 * the event pass read: the work per figure stays bounded however long
 * the sentence (O(log n) per figure). */
static void piece_of(const ex_cuts *c, size_t o, size_t *ss, size_t *se)
{
    size_t a = 0, b = c->n;
    while (a < b) { /* first cut after o */
        size_t m = (a + b) / 2;
        if (c->v[m] <= o)
            a = m + 1;
        else
            b = m;
    }
    if (a > 0 && c->v[a - 1] > *ss)
        *ss = c->v[a - 1];
    if (a < c->n && c->v[a] < *se)
        *se = c->v[a];
}

static void add_figures(const exdoc *x, const ex_cuts *cuts, kg_doc *doc)
{
    for (size_t i = 0; i < x->n_fig; i++) {
        const kg_mention *m = &x->m->v[x->fig[i]];
        if (!m->unit)
            continue;
        kg_figure *f = kg_doc_add_figure(doc);
        char buf[64];
        snprintf(buf, sizeof buf, "f%zu", doc->n_figures);
        kg_set_str(&f->id, buf);
        f->value = m->num;
        fmt_num(buf, sizeof buf, m->num);
        kg_set_str(&f->value_text, buf);
        if (m->is_range) {
            f->is_range = 1;
            f->value_max = m->num_max;
            fmt_num(buf, sizeof buf, m->num_max);
            kg_set_str(&f->value_max_text, buf);
        }
        kg_set_str(&f->unit, m->unit);
        if (m->counter)
            kg_set_str(&f->counter, m->counter);
        if (m->approx != KG_APPROX_EXACT)
            kg_set_str(&f->approx, kg_approx_values[m->approx]);
        size_t si = sent_of(x->t, m->nstart);
        size_t ss = si < x->t->n_sent ? x->t->sent[si].nstart : m->nstart;
        size_t se = si < x->t->n_sent ? x->t->sent[si].nend : m->nend;
        piece_of(cuts, m->nstart, &ss, &se);
        kg_buf meas = KG_BUF_INIT;
        size_t ms = figure_measure(x, m, ss, &meas);
        if (meas.len)
            kg_set_str(&f->measure, meas.ptr);
        kg_buf_free(&meas);
        /* subject: an actor in the phrase it measures (중국 기업 140곳);
         * else the actor before it in the sentence that is the clause's
         * subject or topic (삼성전자가 … 공장에 370억 달러), or the owner
         * named right before the figure (TSMC의 점유율은 67.1%); else the
         * nearest actor */
        const char *nearest = NULL, *pick_id = NULL;
        int first = 1;
        for (size_t k = ex_first_at(x, x->act, x->n_act, m->nstart); k-- > 0 && !pick_id;) {
            const kg_mention *a = &x->m->v[x->act[k]];
            if (a->nstart < ss)
                break;
            if (!a->id || !kg_is_slug(a->id))
                continue;
            int p = particle_after(x, a->nend);
            if (!nearest)
                nearest = a->id;
            if ((first && a->nstart >= ms && a->nend <= m->nstart) || p == EX_P_SUBJ || p == EX_P_TOPIC ||
                (first && p == EX_P_GEN))
                pick_id = a->id;
            first = 0;
        }
        if (pick_id || nearest)
            kg_set_str(&f->subject, pick_id ? pick_id : nearest);
        /* date: the time of the sentence, before the figure first */
        int before = -1, after = -1;
        size_t k = ex_first_at(x, x->tim, x->n_time, m->nstart);
        /* (not a comparison base: 전년보다 1.5%p 낮아졌다 is of the year
         * told before it) */
        for (size_t kb = k; kb > 0 && x->m->v[x->tim[kb - 1]].nstart >= ss; kb--)
            if (!ex_base_time(x, &x->m->v[x->tim[kb - 1]])) {
                before = x->tim[kb - 1];
                break;
            }
        for (size_t ka = k; ka < x->n_time && x->m->v[x->tim[ka]].nstart < se && after < 0; ka++)
            if (!ex_base_time(x, &x->m->v[x->tim[ka]]))
                after = x->tim[ka];
        int pick = before >= 0 ? before : after;
        if (pick >= 0 && x->m->v[pick].value[0]) {
            char v[48];
            snprintf(v, sizeof v, "%s", x->m->v[pick].value);
            size_t l = strlen(v);
            if (l > 3 && strcmp(v + l - 3, "/..") == 0)
                v[l - 3] = '\0';
            kg_date_set(&f->date, v);
        }
        f->span.set = 1;
        f->span.start = (long long)m->start;
        f->span.end = (long long)m->end;
    }
}

int kg_extract(const kg_lexicon *lx, const kg_evlex *ev, const char *src, size_t len,
               const kg_extract_opts *o, kg_doc **out, kg_diag *d)
{
    kg_text t;
    memset(&t, 0, sizeof t);
    *out = NULL;
    pthread_once(&lists_once, lists_init);
    if (kg_text_load(&t, src, len, 0, o->text_flags, o->name, d) < 0) {
        kg_text_free(&t);
        return -1;
    }
    kg_mentions m = KG_MENTIONS_INIT;
    kg_tag_opts topts;
    memset(&topts, 0, sizeof topts);
    topts.dct = o->dct;
    kg_edtf_point dct;
    memset(&dct, 0, sizeof dct);
    kg_tag_text(lx, &t, &topts, &m, &dct);

    exdoc x;
    memset(&x, 0, sizeof x);
    x.dct = dct;
    x.t = &t;
    x.s = t.norm;
    x.len = t.norm_len;
    x.m = &m;
    x.ev = ev;
    x.lx = lx;
    x.act = kg_xcalloc(m.n + 1, sizeof *x.act);
    x.tim = kg_xcalloc(m.n + 1, sizeof *x.tim);
    x.fig = kg_xcalloc(m.n + 1, sizeof *x.fig);
    for (size_t i = 0; i < m.n; i++) {
        if (m.v[i].kind == KG_MENTION_ACTOR)
            x.act[x.n_act++] = (int)i;
        else if (m.v[i].kind == KG_MENTION_TIME)
            x.tim[x.n_time++] = (int)i;
        else
            x.fig[x.n_fig++] = (int)i;
    }
    unsigned char *title = kg_xcalloc(t.n_sent + 1, 1);
    mark_title_lines(&t, title);
    ex_cuts cuts = { NULL, 0, 0 };
    for (size_t i = 0; i < t.n_sent; i++) {
        /* a run-on "sentence" (a list, a table, a hostile input) is read in
         * pieces cut at spaces, so the work per sentence stays bounded */
        size_t a = t.sent[i].nstart, e = t.sent[i].nend;
        while (e - a > EX_MAX_SENTENCE) {
            size_t cut = a + EX_MAX_SENTENCE;
            while (cut > a + EX_MAX_SENTENCE / 2 && t.norm[cut] != ' ')
                cut--;
            size_t first = x.n_ev;
            ex_sentence_events(&x, i, a, cut, title[i]);
            ex_merge_sentence(&x, first);
            ex_gapped_subjects(&x, first);
            ex_told_act_dates(&x, first);
            a = cut;
            KG_VEC_PUSH(cuts.v, cuts.n, cuts.cap);
            cuts.v[cuts.n++] = cut;
        }
        size_t first = x.n_ev;
        ex_sentence_events(&x, i, a, e, title[i]);
        ex_merge_sentence(&x, first);
        ex_gapped_subjects(&x, first);
        ex_told_act_dates(&x, first);
    }
    ex_relate(&x);
    ex_lead_dates(&x);

    kg_doc *doc = kg_doc_new();
    doc->version = kg_xstrdup("1");
    doc->has_header = 1;
    ex_header(&t, &m, &dct, o, src, len, doc);
    add_actors(&x, src, len, o->lexicon, doc);
    int *ids = kg_xcalloc(x.n_ev + 1, sizeof *ids);
    add_events(&x, doc, ids);
    add_figures(&x, &cuts, doc);
    free(cuts.v);
    add_relations(&x, doc, ids);
    free(ids);
    /* each span's quote, so that it can be found again after an edit */
    for (size_t i = 0; i < doc->n_events; i++)
        doc->events[i].quote = kg_quote_make(src, len, doc->events[i].span.start, doc->events[i].span.end);
    for (size_t i = 0; i < doc->n_figures; i++)
        doc->figures[i].quote = kg_quote_make(src, len, doc->figures[i].span.start, doc->figures[i].span.end);

    free(title);
    free(x.act);
    free(x.tim);
    free(x.fig);
    free(x.w);
    free(x.r);
    free(x.cand_v);
    free(x.ev_v);
    free(x.rel);
    kg_mentions_free(&m);
    kg_text_free(&t);
    *out = doc;
    return 0;
}
