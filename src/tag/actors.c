/* actors.c - actor mentions: lexicon matches and discovered actors.
 *
 * Lexicon: at every word start (a character after a space, punctuation or
 * a change of script) the double-array trie gives every alias that starts
 * there; the longest one that ends well wins. A Korean alias ends well at
 * a word boundary or before particles and copula endings (kg_tail_ok); a
 * Latin alias when no letter or digit follows. An alias of several actors
 * is resolved by the country written just before it, else the country
 * last mentioned.
 *
 * Discovery, for actors the lexicon lacks (each gets a slug id: its
 * English gloss, or the Revised Romanization of its name):
 *   - glosses: 존 손힐(John Thornhill), 정보혁신재단(ITIF) - a capitalised
 *     Latin gloss of a Hangul name; an acronym only after a name that ends
 *     in an organisation suffix or is a lexicon actor (so 인공지능(AI) and
 *     사물인터넷(IoT) are not actors);
 *   - organisation suffixes: 교육부, 인식트그룹, 중국과학원, 신화통신 ...;
 *   - names before titles: 장윈밍 부부장, 팬 연구원, 김 아무개 기자;
 *   - administrations: a lexicon person + (N기) + 정부/행정부;
 *   - quoted names before 라는 회사/기업/스타트업;
 *   - all-capital acronyms (DJI, SMIC), minus a stop list of terms.
 * A discovered name is then matched like a lexicon alias for the rest of
 * the document. */
#include <limits.h>
#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "korean/grammar.h"
#include "korean/particles.h"
#include "tagint.h"
#include "util/tls.h"

/* ------------------------------------------------------------------ */
/* particles: korean.yaml, read by src/korean/particles.c (kg_tail_ok)  */

static void tables_ready(void);

/* The end of the run of Hangul syllables at s[i]. */
static size_t hangul_run_end(const char *s, size_t len, size_t i)
{
    return kg_hangul_run_end(s, len, i);
}

/* ---- the syllable classes ----
 * One table over the Hangul syllables (U+AC00..U+D7A3), built once from
 * the grammar lists: a bit for each question the rules ask of a single
 * syllable (can a family name, a title, a particle ... start or end with
 * it?), so that a word is classified by a load or two and the rules it
 * cannot use are not called at all. */
enum {
    C_FAMILY = 1u << 0,   /* first syllable of a family name */
    C_FAMILY1 = 1u << 1,  /* a family name of one syllable */
    C_PAIR = 1u << 2,     /* first syllable of a country pair word (남북) */
    C_TITLE = 1u << 3,    /* first syllable of a title, role or office title */
    C_FINAL = 1u << 4,    /* last syllable of an organisation suffix */
    C_TSUF = 1u << 5,     /* last syllable of a title suffix */
    C_LOAN = 1u << 6,     /* loan_syllables */
    C_GIVEN = 1u << 7,    /* given_syllables */
    C_LEADL = 1u << 8,    /* last syllable of a lead role */
    C_BAREL = 1u << 9,    /* last syllable of a bare particle */
    C_ANON1 = 1u << 10,   /* first syllable of anon_titles(_spaced) */
    C_PFIRST = 1u << 11,  /* first syllable of a tail particle */
    C_STRONG = 1u << 12,  /* last syllable of a strong suffix */
    C_AGIVEN = 1u << 13,  /* first syllable of anon_given (모) */
    C_RVERB = 1u << 14,   /* first syllable of report_verbs */
    C_INTROL = 1u << 15,  /* last syllable of a descriptor or lead title of two syllables or more */
    C_FORMER = 1u << 16,  /* first syllable of former_marks */
    C_TITLE1 = 1u << 17,  /* a title, role or office title of one syllable */
    C_SFX1 = 1u << 18,    /* an organisation suffix or a title suffix of one syllable */
    C_LEAD1 = 1u << 19,   /* a lead role of one syllable */
    C_RVERB1 = 1u << 20,  /* a report verb of one syllable */
    C_SYL = 1u << 21,     /* every syllable (the classes of a character are not 0 iff it is one) */
    C_SGIVEN = 1u << 22,  /* a short given name of one syllable (팸, 존) */
    C_GABR1 = 1u << 23,   /* first syllable of a given name from elsewhere (given_names_abroad) */
    C_RPARTL = 1u << 24,  /* last syllable of a report subject particle */
};
#define C_MAYBE (C_FINAL | C_TSUF)
static uint32_t syl_cls[0xD7A4 - 0xAC00];
static int lead_last_ok;  /* every lead role ends in a syllable (C_LEADL holds) */
static int bare_last_ok;  /* every bare particle ends in a syllable (C_BAREL holds) */
static int rpart_last_ok; /* every report subject particle ends in one (C_RPARTL holds) */
static int anon_first_ok; /* every anon title starts with a syllable (C_ANON1 holds) */
static int agiven_ok;     /* every anon_given word starts with a syllable (C_AGIVEN holds) */
static int rverb_ok;      /* every report verb starts with a syllable (C_RVERB holds) */
static int introl_ok;     /* every descriptor and lead title of six bytes or more ends in one (C_INTROL holds) */
static int former_empty;  /* a former mark is empty (C_FORMER is no test) */

/* ---- pairs of syllables ----
 * Two syllables (0..11171 each) that start or end the words of a list,
 * a bit each of 2^13 by a hash of the pair: a filter in front of the
 * word sets (a miss is sure, a hit is looked up). 1 KB each: the four
 * are read at nearly every word, and at 8 KB each (2^16 bits) their
 * loads missed the first-level cache about two times in three, which
 * the branches on them waited for; the lists set 28 to 159 bits, so a
 * false hit, a lookup for nothing, stays at 2% or less. */
#define PAIR_BITS 13
typedef struct sylpairs {
    unsigned char bits[(1u << PAIR_BITS) / 8];
} sylpairs;

static inline uint32_t pair_hash(uint32_t a, uint32_t b)
{
    return (a * (0xD7A4u - 0xAC00u) + b) * 2654435761u >> (32 - PAIR_BITS);
}

static inline int pair_may(const sylpairs *p, uint32_t a, uint32_t b)
{
    uint32_t h = pair_hash(a, b);
    return (p->bits[h >> 3] >> (h & 7)) & 1;
}

/* The code point of a character of three bytes at u (valid UTF-8: the
 * lead's four bits and the two continuations' six) minus 0xAC00, as
 * shifts and adds of the bytes: (u0 - 0xE0) << 12 + (u1 - 0x80) << 6 +
 * (u2 - 0x80) - 0xAC00. */
#define SYL_K ((0xE0u << 12) + (0x80u << 6) + 0x80u + 0xAC00u)
static inline uint32_t u3_ix(const unsigned char *u)
{
    return ((uint32_t)u[0] << 12) + ((uint32_t)u[1] << 6) + (uint32_t)u[2] - SYL_K;
}

/* The syllable (0..11171) of the three bytes at u, a syllable. */
static inline uint32_t syl_ix(const unsigned char *u)
{
    return u3_ix(u);
}

/* Notes the two syllables of w[off..off+6) when both are syllables;
 * 1 if they are. */
/* 1 if the second and third syllables of the three at s + a are both of
 * given names (names.yaml given_syllables): a Korean name spelled as
 * one, its family name first. [a, a + 9) is syllables. */
static inline int given_syllables_at(const char *s, size_t a)
{
    return (syl_cls[syl_ix((const unsigned char *)s + a + 3)] & syl_cls[syl_ix((const unsigned char *)s + a + 6)] &
            C_GIVEN) != 0;
}

static int pair_note(sylpairs *p, const char *w, size_t off)
{
    size_t k;
    uint32_t a = kg_u8_dec((const unsigned char *)w + off, 3, &k), b = kg_u8_dec((const unsigned char *)w + off + 3, 3, &k);
    if (!kg_is_hangul(a) || !kg_is_hangul(b))
        return 0;
    uint32_t h = pair_hash(a - 0xAC00, b - 0xAC00);
    p->bits[h >> 3] |= (unsigned char)(1u << (h & 7));
    return 1;
}

/* For the words of list: the last two syllables (first, when from_start)
 * of those of two or more as pairs, class c1 to those of one syllable. 1
 * if every word is one or the other (a word of n bytes that ends, or
 * starts, with two syllables, or that is one: else the pairs and the
 * class are no test of the words). */
static int syl_pairs(const char *const *list, sylpairs *p, uint32_t c1, int from_start)
{
    int ok = 1;
    for (const char *const *t = list; *t; t++) {
        size_t n = strlen(*t), k;
        if (n == 3 && kg_is_hangul(kg_u8_dec((const unsigned char *)*t, 3, &k)))
            syl_cls[kg_u8_dec((const unsigned char *)*t, 3, &k) - 0xAC00] |= c1;
        else if (n < 6 || !pair_note(p, *t, from_start ? 0 : n - 6))
            ok = 0;
    }
    return ok;
}

/* the first two syllables of the report verbs (C_RVERB1: of one
 * syllable); rverb_pairs_ok: every verb is one or starts with two */
static sylpairs rverb_pairs;
static int rverb_pairs_ok;

/* the first two syllables of the titles, roles and office titles of two
 * syllables or more (ws_title_any2's words) */
static sylpairs title_pairs;
/* the last two syllables of the organisation and title suffixes (C_SFX1:
 * of one syllable) */
static sylpairs suffix_pairs;
/* the last two syllables of the lead roles (C_LEAD1: of one syllable);
 * lead_pairs_ok: every lead role is one or ends in two */
static sylpairs lead_pairs;
static int lead_pairs_ok;
/* The last two syllables (six bytes; three for CEO) of the descriptors
 * and lead titles, for intro_end: an open-addressed set (mostly empty,
 * so that a miss ends at once). */
static uint64_t *intro_key;          /* 1 << intro_bits slots (at least 256, */
static unsigned char *intro_flag;    /* a quarter full at most) */
static unsigned intro_bits, intro_n;          /* flag: 1 a descriptor, 2 a lead title ends so */

/* The classes of code point cp (none but for a Hangul syllable). */
static inline uint32_t cls_cp(uint32_t cp)
{
    return cp - 0xAC00u < 0xD7A4u - 0xAC00u ? syl_cls[cp - 0xAC00u] : 0;
}

/* The classes of the character at s[p] (s[p] a character start). */
static inline uint32_t cls_at(const char *s, size_t len, size_t p)
{
    const unsigned char *u = (const unsigned char *)s + p;
    if (p + 3 > len || u[0] < 0xEA || u[0] > 0xED)
        return 0;
    uint32_t k = u3_ix(u);
    return k < 0xD7A4u - 0xAC00u ? syl_cls[k] : 0;
}

/* 1 if a Hangul syllable starts at s[p] (a character start). */
static inline int kg_syllable_at(const char *s, size_t len, size_t p)
{
    const unsigned char *u = (const unsigned char *)s + p;
    return p + 3 <= len && u[0] >= 0xEA && u[0] <= 0xED && kg_u8_syllable(u);
}

/* The classes of the character that ends at s[p] (a character start or
 * the end): in valid UTF-8 a byte EA..ED three bytes back leads it. */
static inline uint32_t cls_before(const char *s, size_t p)
{
    if (p < 3)
        return 0;
    const unsigned char *u = (const unsigned char *)s + p - 3;
    if (u[0] < 0xEA || u[0] > 0xED)
        return 0;
    uint32_t k = u3_ix(u);
    return k < 0xD7A4u - 0xAC00u ? syl_cls[k] : 0;
}

/* Gives class c to the first (last: the last) syllable of w. */
static void set_cls(uint32_t c, const char *w, int last)
{
    size_t n = strlen(w), k;
    const char *p = last ? w + n - 3 : w;
    if (n < 3)
        return;
    uint32_t cp = kg_u8_dec((const unsigned char *)p, 3, &k);
    if (kg_is_hangul(cp))
        syl_cls[cp - 0xAC00] |= c;
}

/* Gives class c to the last syllable of each word of list of min bytes
 * or more; 1 if every such word ends in one (else the class is no test
 * of a word's end). */
static int last_syllable_cls_min(const char *const *list, size_t min, uint32_t c)
{
    int ok = 1;
    for (const char *const *t = list; *t; t++) {
        size_t n = strlen(*t);
        if (n < min)
            continue;
        if (n < 3 || !kg_is_hangul(kg_u8_before(*t, n)))
            ok = 0;
        else
            set_cls(c, *t, 1);
    }
    return ok;
}

static int last_syllable_cls(const char *const *list, uint32_t c)
{
    return last_syllable_cls_min(list, 0, c);
}

/* Gives class c to the first syllable of each word of list; 1 if every
 * word starts with one. */
static int first_syllable_cls(const char *const *list, uint32_t c)
{
    int ok = 1;
    for (const char *const *t = list; *t; t++) {
        size_t k;
        if (strlen(*t) < 3 || !kg_is_hangul(kg_u8_dec((const unsigned char *)*t, 3, &k)))
            ok = 0;
        else
            set_cls(c, *t, 0);
    }
    return ok;
}

static int has_cls(uint32_t c, uint32_t cp)
{
    return (cls_cp(cp) & c) != 0;
}

/* ------------------------------------------------------------------ */
/* word lists                                                          */

/* 1 if a kg_wordset of list holds every word of it (each of 1 to 255
 * bytes: kg_wordset_build leaves out the others). */
static int list_in_set(const char *const *list)
{
    for (const char *const *t = list; *t; t++) {
        size_t n = strlen(*t);
        if (n == 0 || n > 255)
            return 0;
    }
    return 1;
}

static int ends_with(const char *w, size_t n, const char *suf)
{
    size_t k = strlen(suf);
    return n >= k && w[n - 1] == suf[k - 1] && memcmp(w + n - k, suf, k) == 0;
}

/* The word lists of the actor rules: grammar names (yaml/grammar/names.yaml
 * says what each list is for, with an example), looked up once by
 * tables_init. Built-in or the user's: no word's length or spelling is
 * taken for granted. */
static const char *const *latin_stop;      /* terms, not actors: AI, GPU */
static const char *const *titles;          /* after a person's name */
static const char *const *not_names;       /* before titles, no names */
static const char *const *not_orgs;        /* end in a suffix, common nouns */
static const char *const *not_name_parts;  /* modifiers: 주요 AI 연구소 */
static const char *const *lead_titles;     /* before the name: 공동창업자 */
static const char *const *loan_common;     /* loanwords, no names */
static const char *const *gloss_not_heads; /* 반도체법(CHIPS Act) */

/* Organisation suffixes (names: org_suffixes) with the least stem (in
 * syllables) before them; ends with w == NULL. */
struct suffix {
    const char *w;
    int min_stem;
    int strong; /* 1 (class strong): may stand as its own word after the
                 * name (인간 중심 AI 연구소); 2 (class after-latin) as well,
                 * but only after a Latin word */
    int not_name; /* class not-name: a word of three syllables with a
                   * family name first is rather a person's name (장샹위) */
    int per;      /* class per: after a unit or a noun counted by (달러당,
                   * 업체당: units.yaml units, names per_stems) it means
                   * "per", no name */
    const char *type;
};
static struct suffix *suffixes;

/* Words that introduce a body by name, with the type they give it
 * (names: descriptors; 시장조사업체 트렌드포스, 영국 매체 가디언): the word
 * before the name ends in one of them. Ends with w == NULL. */
struct descriptor {
    const char *w;
    const char *type;
};
static struct descriptor *descriptors;

/* The lists of single rules (names: the key of the same name). */
static const char *const *title_suffixes;       /* title_suffix_word: 법무장관 */
static const char *const *title_suffix_not;     /* title_suffix_word: 반대표 */
static const char *const *gloss_function_words; /* cap_word: of, the, van */
static const char *const *spelled_letters_list; /* spelled_letters: 에이, 비 */
static const char *const *family_names;         /* surname_first: 김, 이 */
static const char *const *clause_openers;       /* clause_opener: 한편, 이어 */
static const char *const *context_endings;      /* name_context_ok: 는, 은 */
static const char *const *name_bad_ends;        /* name_word_ok */
static const char *const *foreign_bad_ends;     /* foreign_name_ok */
static const char *const *short_given_names;    /* foreign_name_ok: 팸, 존 */
static const char *const *given_abroad;         /* foreign_particle_rule: 데이비드 */
static const char *const *loan_syl;             /* loan_spelled: 스, 트 */
static const char *const *given_syl;            /* particle_name_rule: 민, 서 */
static const char *const *bare_particles;       /* particle_name_rule: 은, 는 */
static const char *const *given_bad_ends;       /* particle_name_rule: 하, 자 */
static const char *const *non_name_ends;        /* ends_as_non_name: 면, 며 */
static const char *const *modifier_ends;        /* suffix_words_rule: 한, 된 */
static const char *const *company_heads;        /* quoted_rule: 스타트업 */
static const char *const *company_titles;       /* title_rule_ex: 대표 (한재원 누리칩 대표) */
static const char *const *anon_titles;          /* anon_rule: 씨 */
static const char *const *anon_titles_spaced;   /* anon_rule: 군, 양 */
static const char *const *anon_given;           /* anon_rule: 모 (김모씨) */
static const char *const *descriptor_tails;     /* intro_rule: 인 (경쟁사인 X) */
static const char *const *speech_tails;         /* quoted_rule: 라고, 며 ('…'라고 썼다) */
static const char *const *role_titles;          /* title_rule, strict: 선수 */
static const char *const *role_name_bad_ends;   /* title_rule, strict: 가, 와 */
static const char *const *bare_name_bad_ends;   /* bare_name_rule: 회, 단 */
static const char *const *office_ends;          /* former_rule: 장, 관 */
static const char *const *former_marks;         /* former_rule: 전 */
static const char *const *title_modifiers;      /* title_rule: 전 (홍길동 전 회장) */
static const char *const *title_plurals;         /* title_rule: 들 (기자들과: no name's title) */
static const char *const *country_pairs;        /* pair_rule: 남북, 한미 */
static const char *const *lead_roles;           /* lead_role_rule: 배우, 가수 */
static const char *const *real_name_marks;      /* gloss_real_name: 본명 */
static const char *const *office_titles;        /* office_rule: 대통령, 시장 */
static const char *const *rank_marks;           /* rank_rule: 단 (9단) */
static const char *const *report_verbs;         /* report_rule: 보도했 */
static const char *const *report_verbs_dated;   /* report_rule: 전했 (9일 전했다) */
static const char *const *report_particles;     /* report_rule: 이, 가 */
static const char *const *unnamed_sources;      /* report_rule: 관계자 */
static const char *const *title_name_bad_ends;  /* title_rule: 고, 다 (마치고 감독) */
static const char *const *affiliation_ends;     /* title_rule: 대, 학과 (한빛대 교수) */
static const char *const *head_tails;           /* body_in_title: 장 (한빛은행장) */
static const char *const *short_name_marks;     /* short_name_note: 이하 */
static const char *const *country_sides;        /* dotted_initials_rule: 측 (북측) */
static const char *const *not_org_ends;         /* org_suffix: 무승부, 보석신청, 정부 */
static const char *const *admin_heads;          /* admin_rule: 행정부, 정권 */
static const char *const *admin_named;          /* admin_rule, the lexicon's names: 행정부, 정부 */
static const char *const *term_marks;           /* admin_rule: 기 (2기) */
static const char *gov_word;                    /* country_bodies, id government: 정부 */
static const char *const *name_bad_single;      /* name_word_ok: 는 */
static const char *const *place_titles;         /* title_rule_ex: 특파원 */
static const char *const *foreign_titles;       /* title_rule_ex: 외무상 (무토 요지 경제산업상) */
static const char *const *list_closers;         /* list_rule: 등 */
static const char *const *list_joiners;         /* list_rule: 과 (한빛은행과 X 등) */
static const char *const *quote_namers;         /* quoted_rule: 이라는 */
static const char *const *region_suffixes;      /* run_known: 시, 성 (베이징시) */
static const char *const *place_particles;      /* place_acts: 는, 가 (수원시는) */
static const char *const *han_company_ends;     /* gloss_han: 科技, 智能 (윈차오지능(云潮智能)) */
static const char *const *place_words;          /* place_acts: 관계자 (수원시 관계자는) */
static const char *const *latin_name_suffixes;  /* end_ok_run: 산 (EU산) */
static const char *const *corp_marks;           /* (주) */
static unsigned char corp_lead[256];            /* first bytes of corp_marks */
static int corp_lead_ok;                         /* no corp mark is empty (corp_lead holds) */
/* One-syllable short names of countries in pair words (names:
 * country_initials), with the lexicon id each stands for. */
struct initial {
    const char *w;
    const char *id;
    int alone; /* class alone: names the country alone before a body */
};
static struct initial *initials;

/* Bodies of a country named by the country and a word (names:
 * country_bodies; body_rule): the word, its length, the end of the id.
 * Ends with w == NULL. */
struct body {
    const char *w;
    size_t n;
    const char *id;
};
static struct body *bodies;

/* The word that names body k after a country's name in the lexicon: its
 * own, but the authorities are looked up as the government (영국 당국 as
 * 영국 정부, the word of the id government). */
static const char *body_word(int k)
{
    return gov_word && !strcmp(bodies[k].id, "authorities") ? gov_word : bodies[k].w;
}

/* ------------------------------------------------------------------ */
/* the long lists above as hash sets (kg_wordset in tagint.h) */

static kg_wordset ws_title_suffixes, ws_title_suffix_not; /* title_suffix_word */
static kg_wordset ws_title_any; /* titles, role_titles and office_titles */
static kg_wordset ws_title_any2; /* the first six bytes of those of six bytes or more */
static char *title_any2_bytes;   /* (their bytes, kept) */
static kg_wordset ws_role2;      /* the first six bytes of role_titles of six bytes or more */
static char *role2_bytes;
static kg_wordset ws_anon_titles, ws_anon_titles_spaced, ws_country_pairs, ws_country_sides, ws_pair_regions;
static kg_wordset ws_bare_name_bad_ends, ws_clause_openers, ws_context_endings, ws_foreign_bad_ends,
    ws_given_bad_ends, ws_name_bad_ends, ws_name_bad_single, ws_non_name_ends, ws_not_org_ends,
    ws_role_name_bad_ends, ws_title_name_bad_ends;
static kg_wordset ws_gloss_function_words, ws_title_modifiers, ws_lead_roles, ws_bare_particles, ws_short_given_names,
    ws_report_particles, ws_unnamed_sources, ws_office_titles, ws_given_abroad;
static kg_wordset ws_affiliation_ends, ws_place_titles, ws_foreign_titles, ws_head_tails, ws_company_titles;
static kg_wordset ws_ordinal_titles;              /* ordinal_title_rule: 차관 (1차관) */
static kg_wordset ws_name_lead_nouns;             /* name_context_ok: 소속 (민주당 소속 홍길동 의원) */
static kg_wordset ws_duty_words;                  /* affiliated_name: 담당 (상무부 산업안보 담당 차관) */
static kg_wordset ws_partner_particles;           /* partner_rule: 는 (홍길동과 스미스는) */
static kg_wordset ws_particle_like_ends;          /* name_word_ok: 이, 인 (자신이, 남편인) */
static const char *const *ordinal_marks;          /* ordinal_title_rule: 제 (제1부부장) */
/* the lists that were walked word by word with strlen and memcmp, as
 * sets: gloss_not_heads (ends_with each), spelled_letters (the longest
 * at a place); *_ok: every word of the list is one a set holds (of 1 to
 * 255 bytes), else the walk stays */
static kg_wordset ws_gloss_not_heads, ws_spelled_letters;
static int gloss_not_heads_ok, spelled_letters_ok, short_given_ok;
static kg_wordset ws_per_stems; /* units and nouns counted by, before 당 (per) */
static kg_wordset ws_descriptor_words; /* names: descriptors, whole */
static kg_wordset ws_family, ws_role_titles, ws_latin_stop, ws_titles, ws_not_names, ws_not_orgs, ws_not_name_parts,
    ws_lead_titles,
    ws_loan_common;
/* strlen of each suffixes[].w, and the longest */
static size_t *suffix_len, suffix_max_len;
/* the suffixes by their last three bytes (all end in a syllable): a
 * bucket of SFX_BUCKETS heads, each a chain through sfx_next in the
 * list's order, so org_suffix tries only the suffixes that can end w */
#define SFX_BUCKETS 512
static int sfx_head[SFX_BUCKETS], *sfx_next;

static unsigned sfx_bucket(const char *end3)
{
    const unsigned char *u = (const unsigned char *)end3;
    return ((unsigned)u[0] * 31u * 31u + (unsigned)u[1] * 31u + (unsigned)u[2]) % SFX_BUCKETS;
}
/* 1 if the three bytes at p are a syllable that ends a strong suffix. */
static int strong_last(const char *p)
{
    const unsigned char *u = (const unsigned char *)p;
    if (!kg_u8_syllable(u))
        return 0;
    uint32_t cp = ((u[0] & 0x0Fu) << 12) | ((u[1] & 0x3Fu) << 6) | (u[2] & 0x3Fu);
    return (cls_cp(cp) & C_STRONG) != 0;
}

static void tables_init(void);
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

/* Builds the static tables of this file once (safe from several
 * threads: kg extract tags documents in parallel). */
static void tables_ready(void)
{
    pthread_once(&tables_once, tables_init);
}

/* 1 if w[0..n) is a Latin stop word (any case). */
static int latin_is_stop(const char *w, size_t n)
{
    char up[24];
    if (n >= sizeof up)
        return 0;
    for (size_t i = 0; i < n; i++)
        up[i] = (w[i] >= 'a' && w[i] <= 'z') ? (char)(w[i] - 32) : w[i];
    return kg_wordset_has(&ws_latin_stop, up, n);
}

/* ------------------------------------------------------------------ */
/* the document's actors                                               */

typedef struct dact {
    const char *id, *name, *type, *how; /* pool strings or lexicon strings */
    int lex;                            /* lexicon actor index, or -1 */
    uint32_t h;                         /* id_hash of id */
} dact;

/* A person told in the document so far (emit_act, emit_lex): what the
 * short references to a person read (최 회장, 탄 CEO), instead of every
 * mention of the text. */
typedef struct pment {
    const char *id, *name;
    size_t nl;           /* strlen(name) */
    size_t last;         /* where the name's last word starts (0: one word) */
    size_t nstart, nend; /* the mention, in the normalised text */
    int lex;             /* lexicon actor, or -1 */
    int act;             /* document actor, or -1 */
} pment;

typedef struct dalias {
    size_t key;    /* where its key is in x->keys, folded like lexicon keys */
    size_t klen;
    int act;
} dalias;

/* What kg_find_actors allocates, kept from one document to the next on
 * the same thread (each document needs the same few arrays again): the
 * arrays of actx with their capacities, the table of ids cleared. */
typedef struct actx_mem {
    dact *acts;
    size_t cap_acts;
    pment *pm;
    size_t cap_pm;
    dalias *al;
    int *al_next;
    size_t cap_al;
    int *al_head;
    size_t cap_head;
    int *ids;
    size_t cap_ids;
    kg_buf keys, idbuf, namebuf;
} actx_mem;

static void mem_free(void *p)
{
    actx_mem *m = p;
    free(m->acts);
    free(m->pm);
    free(m->al);
    free(m->al_next);
    free(m->al_head);
    free(m->ids);
    kg_buf_free(&m->keys);
    kg_buf_free(&m->idbuf);
    kg_buf_free(&m->namebuf);
    free(m);
}

static kg_tls mem_tls = KG_TLS_INIT(actx_mem, mem_free);

/* This thread's arrays (freed when the thread ends). */
static actx_mem *mem_get(void)
{
    actx_mem *m = kg_tls_get(&mem_tls);
    if (!m->keys.ptr) {
        /* (new: its buffers made usable) */
        kg_buf_init(&m->keys);
        kg_buf_init(&m->idbuf);
        kg_buf_init(&m->namebuf);
    }
    return m;
}

/* The aliases found in the text chained by their first two characters
 * (al_head, al_next). Not util's kg_hmap: the lookup is by a prefix of
 * the text at a position (which key starts here?), not by a whole key,
 * and the text's bucket is hashed in place without copying a key. */
#define AL_BUCKETS_MIN 64     /* buckets at the first alias; doubled while */
#define AL_BUCKETS_MAX 4096   /* there are more than two aliases a bucket */

/* Hash of the bucket of a folded key or of text at s (masked by
 * al_mask): its first two characters (a space in the text is skipped,
 * as key_match does). */
static unsigned char_hash(const char *s, size_t avail, int nch)
{
    unsigned h = (unsigned)nch;
    const unsigned char *u = (const unsigned char *)s;
    if (nch == 2 && avail >= 6 && u[0] >= 0xEA && u[0] <= 0xED && u[3] >= 0xEA && u[3] <= 0xED) {
        /* two glued three-byte characters (two syllables, the common
         * case): the loop below, unrolled */
        h = h * 131 + u[0];
        h = h * 31 + u[1];
        h = h * 31 + u[2];
        h = h * 131 + u[3];
        h = h * 31 + u[4];
        h = h * 31 + u[5];
        return h * 2654435761u >> 8;
    }
    size_t i = 0;
    for (int ch = 0; ch < nch && i < avail; ch++) {
        if (ch == 1 && s[i] == ' ' && i + 1 < avail && s[i + 1] != ' ')
            i++;
        unsigned char c = (unsigned char)s[i++];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        h = h * 131 + c;
        while (i < avail && ((unsigned char)s[i] & 0xC0) == 0x80)
            h = h * 31 + (unsigned char)s[i++];
    }
    return h * 2654435761u >> 8;
}

/* Number of characters of a folded key, up to 2. */
static int key_chars(const char *k, size_t n)
{
    int c = 0;
    for (size_t i = 0; i < n && c < 2; i++)
        if (((unsigned char)k[i] & 0xC0) != 0x80)
            c++;
    return c;
}

/* The bucket of a key: by its first two characters, or its only one. */
static unsigned key_bucket(const char *k, size_t n)
{
    return char_hash(k, n, key_chars(k, n) >= 2 ? 2 : 1);
}

typedef struct actx {
    kg_tctx *c;
    const kg_lexicon *lx;
    const char *s;
    size_t len;
    dact *acts;
    size_t n_acts, cap_acts;
    pment *pm;               /* the persons told so far */
    size_t n_pm, cap_pm;
    size_t n_pm_multi;       /* of them, names of two words or more */
    size_t n_pm_lex;         /* of them, lexicon persons */
    dalias *al;
    size_t n_al, cap_al;
    int *al_next;            /* chains of aliases with the same first character */
    size_t n_al1;            /* keys of one character (bucketed by it alone) */
    int *ids;                /* the actors by id: index + 1 (0: free), open addressing */
    size_t cap_ids;          /* a power of two, more than twice n_acts (0: none yet) */
    int last_country;        /* lexicon index of the last country mentioned */
    size_t last_country_end; /* the end of that mention */
    int sent_country;        /* the first country of the sentence of that */
    size_t sent_country_end; /* mention (lexicon index) and its end */
    size_t last_start;       /* start of the last actor mention */
    size_t last_end;         /* end of the last actor mention */
    int last_lex;            /* its lexicon actor, or -1 */
    int last_act;            /* its document actor, or -1 */
    /* the lexicon actors mentioned last, newest at recent[(n_recent - 1)
     * % RECENT]: a short name (상무부) means the body named before it
     * (중국 상무부), or the one of the country named before it */
    int recent[32];
    size_t n_recent;
    /* quotation marks counted up to q_scan: q_open inside one */
    size_t q_scan;
    int q_open;
    /* the last Hangul run end asked for by run_end: the run at re_at - 1
     * ends at re_end (re_at 0: none); a rule that looks at the next word
     * asks for the run the scan's next start asks for again */
    size_t re_at, re_end;
    /* the run ends of the token pass (kg_tctx's runend), else NULL and
     * the above */
    const uint64_t *re;
    /* the alias keys (each NUL-terminated) and the buffers of an
     * actor's id and name (kept from one actor to the next) */
    kg_buf keys;
    kg_buf idbuf, namebuf;
    size_t cap_head;         /* room in al_head */
    /* the last answer of affiliation_word: [aff_a, aff_b) while the
     * mentions were aff_n (the title rule asks for a word twice) */
    size_t aff_a, aff_b, aff_n;
    int aff_r;
    /* no sentence ends in [sb_a, sb_b) (sb_b 0: nothing known) */
    size_t sb_a, sb_b;
    /* the lexicon actor of each country initial, + 2 (0: not looked up) */
    int init_lex[16];
    /* set up by the first alias_add (read only through al_chain), the
     * buckets grown with the aliases: most documents have a few */
    int *al_head;            /* al_mask + 1 chains */
    unsigned al_mask;
    /* last, not zeroed per document: cleared by the first alias_add
     * (and read only while n_al > 0) */
    kg_sylset al_first;      /* first syllables of the keys in al */
} actx;

/* hangul_run_end in the text of x, the last answer kept: run_end
 * without the run ends of the token pass (kept out of line: the
 * callers inline the other case, the common one). */
static __attribute__((noinline)) size_t run_end_kept(actx *x, size_t i)
{
    if (x->re_at != i + 1) {
        x->re_end = hangul_run_end(x->s, x->len, i);
        x->re_at = i + 1;
    }
    return x->re_end;
}

/* hangul_run_end in the text of x: from the run ends of the token pass
 * (kg_run_end), else run_end_kept. */
static inline __attribute__((always_inline)) size_t run_end(actx *x, size_t i)
{
    return x->re ? kg_run_end(x->c, i) : run_end_kept(x, i);
}

/* run_end at i, a syllable's start. */
static inline __attribute__((always_inline)) size_t run_end_syl(actx *x, size_t i)
{
    return x->re ? kg_run_end_syl(x->re, i) : run_end_kept(x, i);
}

/* The first alias of the chain of the bucket of hash h (char_hash), or
 * -1. */
static inline int al_chain(const actx *x, unsigned h)
{
    return x->n_al ? x->al_head[h & x->al_mask] : -1;
}

#define RECENT 32

/* The key of alias q. */
static inline const char *al_key(const actx *x, int q)
{
    return x->keys.ptr + x->al[q].key;
}

static uint32_t id_hash(const char *id, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)id[i]) * 16777619u;
    return h;
}

/* The actor of id (n bytes, NUL-terminated, hash h), or -1. */
static int dact_find(actx *x, const char *id, uint32_t h)
{
    if (!x->n_acts)
        return -1;
    size_t mask = x->cap_ids - 1;
    for (size_t q = h & mask; x->ids[q]; q = (q + 1) & mask) {
        int k = x->ids[q] - 1;
        if (x->acts[k].h == h && strcmp(x->acts[k].id, id) == 0)
            return k;
    }
    return -1;
}

static void ids_place(actx *x, int k)
{
    size_t mask = x->cap_ids - 1, q = x->acts[k].h & mask;
    while (x->ids[q])
        q = (q + 1) & mask;
    x->ids[q] = k + 1;
}

/* Records actor idx in the id table (after it was appended). */
static void dact_index(actx *x, int idx)
{
    if (2 * x->n_acts >= x->cap_ids) {
        size_t cap = x->cap_ids ? 2 * x->cap_ids : 64;
        while (2 * x->n_acts >= cap)
            cap *= 2;
        free(x->ids);
        x->ids = kg_xcalloc(cap, sizeof *x->ids);
        x->cap_ids = cap;
        for (int k = 0; k < idx; k++)
            ids_place(x, k);
    }
    ids_place(x, idx);
}

static int dact_add(actx *x, const char *id, size_t idn, const char *name, size_t namen, const char *type,
                    const char *how, int lex)
{
    char idb[128];
    if (idn >= sizeof idb)
        idn = sizeof idb - 1;
    memcpy(idb, id, idn);
    idb[idn] = '\0';
    /* (hashed up to a NUL, as the id is compared) */
    uint32_t h = id_hash(idb, strlen(idb));
    int k = dact_find(x, idb, h);
    if (k >= 0)
        return k;
    KG_VEC_PUSH(x->acts, x->n_acts, x->cap_acts);
    dact *a = &x->acts[x->n_acts];
    a->h = h;
    a->id = kg_tctx_str(x->c, idb, idn);
    a->name = kg_tctx_str(x->c, name, namen);
    a->type = type;
    a->how = how;
    a->lex = lex;
    x->n_acts++;
    dact_index(x, (int)x->n_acts - 1);
    return (int)x->n_acts - 1;
}

/* An actor for a lexicon entry, so that aliases can point at it. */
static int dact_lex(actx *x, int lex)
{
    const kg_lex_actor *la = &x->lx->actors[lex];
    uint32_t h = id_hash(la->id, strlen(la->id));
    int k = dact_find(x, la->id, h);
    if (k >= 0)
        return k;
    KG_VEC_PUSH(x->acts, x->n_acts, x->cap_acts);
    dact *a = &x->acts[x->n_acts];
    a->h = h;
    a->id = la->id;
    a->name = la->name;
    a->type = la->type;
    a->how = "lexicon";
    a->lex = lex;
    x->n_acts++;
    dact_index(x, (int)x->n_acts - 1);
    return (int)x->n_acts - 1;
}

static void alias_add(actx *x, const char *w, size_t n, int act)
{
    /* the key folded at the end of the keys (kept when it is a new one) */
    kg_buf_grow(&x->keys, n + 1);
    size_t koff = x->keys.len;
    char *key = x->keys.ptr + koff;
    size_t kl = 0;
    for (size_t i = 0; i < n; i++) {
        char ch = w[i];
        if (ch == ' ' || ch == '\n')
            continue;
        if (ch >= 'A' && ch <= 'Z')
            ch = (char)(ch + 32);
        key[kl++] = ch;
    }
    key[kl] = '\0';
    if (kl < 2 || (kl < 3 && (unsigned char)key[0] < 0x80)) {
        x->keys.ptr[koff] = '\0';
        return;
    }
    unsigned b = key_bucket(key, kl);
    for (int i = al_chain(x, b); i >= 0; i = x->al_next[i])
        if (x->al[i].klen == kl && memcmp(al_key(x, i), key, kl) == 0) {
            x->keys.ptr[koff] = '\0';
            return;
        }
    x->keys.len += kl + 1;
    x->keys.ptr[x->keys.len] = '\0';
    size_t cap0 = x->cap_al;
    KG_VEC_PUSH(x->al, x->n_al, x->cap_al);
    if (x->cap_al != cap0)
        x->al_next = kg_xrealloc(x->al_next, x->cap_al * sizeof *x->al_next);
    x->al[x->n_al].klen = kl;
    x->al[x->n_al].key = koff;
    x->al[x->n_al].act = act;
    if (!x->n_al) {
        memset(&x->al_first, 0, sizeof x->al_first);
        x->al_mask = AL_BUCKETS_MIN - 1;
        if (x->cap_head < AL_BUCKETS_MIN) {
            x->al_head = kg_xrealloc(x->al_head, AL_BUCKETS_MIN * sizeof *x->al_head);
            x->cap_head = AL_BUCKETS_MIN;
        }
        for (unsigned h = 0; h <= x->al_mask; h++)
            x->al_head[h] = -1;
    } else if (x->n_al >= 2 * (x->al_mask + 1) && x->al_mask + 1 < AL_BUCKETS_MAX) {
        /* twice the buckets, the chains rebuilt in the order of the
         * aliases (newest first, as pushed) */
        x->al_mask = 2 * x->al_mask + 1;
        if (x->cap_head < x->al_mask + 1) {
            x->al_head = kg_xrealloc(x->al_head, (x->al_mask + 1) * sizeof *x->al_head);
            x->cap_head = x->al_mask + 1;
        }
        for (unsigned h = 0; h <= x->al_mask; h++)
            x->al_head[h] = -1;
        for (size_t q = 0; q < x->n_al; q++) {
            unsigned bq = key_bucket(al_key(x, (int)q), x->al[q].klen) & x->al_mask;
            x->al_next[q] = x->al_head[bq];
            x->al_head[bq] = (int)q;
        }
    }
    b &= x->al_mask;
    x->al_next[x->n_al] = x->al_head[b];
    x->al_head[b] = (int)x->n_al;
    x->n_al++;
    if (key_chars(al_key(x, (int)x->n_al - 1), x->al[x->n_al - 1].klen) < 2)
        x->n_al1++;
    /* a key's first character is matched byte for byte (see key_match) */
    if (kl >= 3 && (unsigned char)key[0] >= 0xEA && (unsigned char)key[0] <= 0xED &&
        kg_u8_syllable((const unsigned char *)key)) {
        uint32_t a = syl_ix((const unsigned char *)key);
        x->al_first.bits[a >> 3] |= (unsigned char)(1u << (a & 7));
    }

}

/* The slug of w[0..n) in x's id buffer (valid until the next call). */
static kg_buf *slug_of(actx *x, const char *w, size_t n)
{
    kg_buf_reset(&x->idbuf);
    kg_slug_append(&x->idbuf, w, n);
    return &x->idbuf;
}

/* Matches a folded key at s[i], skipping single spaces, ASCII case
 * folded. Returns the end, or 0. */
static size_t key_match(const char *s, size_t len, size_t i, const char *key, size_t klen)
{
    size_t j = i, k = 0;
    while (k < klen) {
        if (j >= len)
            return 0;
        char c = s[j];
        if (c == ' ' && k > 0 && j + 1 < len && s[j + 1] != ' ') {
            j++;
            continue;
        }
        if (c == '(' && k > 0 && key[k] != '(' && j + 4 < len && (unsigned char)s[j + 1] >= 0xE3 &&
            (unsigned char)s[j + 1] <= 0xE9) {
            size_t q = j + 1;
            while (q < len && q - j < 40 && s[q] != ')' && (unsigned char)s[q] >= 0x80)
                q++;
            if (q < len && s[q] == ')') {
                j = q + 1;
                continue;
            }
        }
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c != key[k])
            return 0;
        j++;
        k++;
    }
    return j;
}

/* ------------------------------------------------------------------ */
/* emitting                                                            */

/* 1 if position a (>= the last asked) is inside a quotation ("…"), which
 * a line break ends. Counts the marks since the last call. */
static int quoted_at(actx *x, size_t a)
{
    const char *s = x->s;
    while (x->q_scan < a) {
        const char *p = memchr(s + x->q_scan, '"', a - x->q_scan);
        size_t stop = p ? (size_t)(p - s) : a;
        if (x->q_open && memchr(s + x->q_scan, '\n', stop - x->q_scan))
            x->q_open = 0;
        if (!p) {
            x->q_scan = a;
            break;
        }
        x->q_open = !x->q_open;
        x->q_scan = stop + 1;
    }
    return x->q_open;
}

/* Notes a lexicon actor mentioned at [a, b) for resolve_key. A country
 * named as a place or a target, a particle of an object, a direction or
 * a place after it (미국으로 수출하려면, 미국에), is not the side a body
 * told after belongs to: not noted. */
static void note_recent(actx *x, int lex, size_t a, size_t b)
{
    if (x->lx->actors[lex].is_country) {
        if (a >= x->q_scan && quoted_at(x, a))
            return;
        size_t we = hangul_run_end(x->s, x->len, b);
        int role = we > b ? kg_particle_exact(x->s, b, we) : KG_PART_NONE;
        if (role == KG_PART_OBJ || role == KG_PART_DAT || role == KG_PART_LOC || role == KG_PART_OTHER)
            return;
    }
    x->recent[x->n_recent++ % RECENT] = lex;
}

/* 1 if a sentence ends between a and b (. ? ! or a line break), or they
 * are more than 1 KB apart. */
static int sentence_break(const char *s, size_t a, size_t b)
{
    if (b - a > 1024)
        return 1; /* too far for one sentence (and no scan of a text
                   * without a sentence end) */
    /* (sixteen bytes at a time: up to 1 KB at every country) */
    return kg_find_bytes(s, a, b, ".?!\n", 4, 0) < b;
}

/* sentence_break in the text of x, the stretch found without an end
 * kept: the countries of a sentence ask about the same start again,
 * each time a little further. */
static int sentence_break_x(actx *x, size_t a, size_t b)
{
    if (b - a > 1024)
        return 1;
    size_t from = a;
    if (x->sb_b && x->sb_a == a && x->sb_b <= b)
        from = x->sb_b;
    if (sentence_break(x->s, from, b))
        return 1;
    x->sb_a = a;
    x->sb_b = b;
    return 0;
}

/* Notes the country lex mentioned at [a, b): the last one, and the first
 * of its sentence. */
static void note_country(actx *x, int lex, size_t a, size_t b)
{
    if (x->sent_country < 0 || x->sent_country_end > a || sentence_break_x(x, x->sent_country_end, a)) {
        x->sent_country = lex;
        x->sent_country_end = b;
    }
    x->last_country = lex;
    x->last_country_end = b;
}

static void pm_push(actx *x, const char *id, const char *name, size_t a, size_t b, int lex, int act)
{
    size_t nl = strlen(name), last = nl;
    while (last > 0 && name[last - 1] != ' ')
        last--;
    KG_VEC_PUSH(x->pm, x->n_pm, x->cap_pm);
    x->pm[x->n_pm++] = (pment){ id, name, nl, last, a, b, lex, act };
    x->n_pm_multi += last > 0;
    x->n_pm_lex += lex >= 0;
}

static void emit_act(actx *x, size_t a, size_t b, int act)
{
    dact *d = &x->acts[act];
    kg_mention *m = kg_tctx_add(x->c, KG_MENTION_ACTOR, a, b);
    m->id = d->id;
    m->name = d->name;
    m->type = d->type;
    m->how = d->how;
    x->last_start = a;
    x->last_end = b;
    x->last_lex = d->lex;
    x->last_act = act;
    if (d->type && d->type[0] == 'p' && !strcmp(d->type, "person"))
        pm_push(x, d->id, d->name, a, b, -1, act);
    if (d->lex >= 0)
        note_recent(x, d->lex, a, b);
    if (d->lex >= 0 && x->lx->actors[d->lex].is_country)
        note_country(x, d->lex, a, b);
}

static void emit_lex(actx *x, size_t a, size_t b, int lex)
{
    const kg_lex_actor *la = &x->lx->actors[lex];
    kg_mention *m = kg_tctx_add(x->c, KG_MENTION_ACTOR, a, b);
    m->id = la->id;
    m->name = la->name;
    m->type = la->type;
    m->how = "lexicon";
    m->json = la->json;
    m->json_head = la->json_head;
    m->json_len = la->json_len;
    note_recent(x, lex, a, b);
    x->last_start = a;
    x->last_end = b;
    x->last_lex = lex;
    x->last_act = -1;
    if (la->is_person)
        pm_push(x, la->id, la->name, a, b, lex, -1);
    if (la->is_country)
        note_country(x, lex, a, b);
}

/* ------------------------------------------------------------------ */
/* helpers on the text                                                 */

static int is_lat(char c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static int is_dig(char c)
{
    return c >= '0' && c <= '9';
}

static size_t syllables(const char *w, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)w[i] & 0xC0) != 0x80)
            k++;
    return k;
}

static int all_hangul(const char *w, size_t n)
{
    /* (kg_u8_dec's answer without its branches: a syllable is led by EA
     * to ED and decodes as three bytes; any other lead, or fewer than
     * three bytes left, decodes to no syllable. Called by most rules) */
    const unsigned char *u = (const unsigned char *)w;
    for (size_t i = 0; i < n; i += 3) {
        if (n - i < 3 || u[i] - 0xEAu > 3u)
            return 0;
        uint32_t cp = ((u[i] & 0x0Fu) << 12) | ((u[i + 1] & 0x3Fu) << 6) | (u[i + 2] & 0x3Fu);
        if (!kg_is_hangul(cp))
            return 0;
    }
    return n > 0;
}

/* The token (run of non-space characters) that ends at e. */
static size_t tok_begin(const char *s, size_t e)
{
    size_t b = e;
#ifdef __SSE2__
    /* sixteen bytes back at a time (a token is mostly shorter) */
    const __m128i sp = _mm_set1_epi8(' '), nl = _mm_set1_epi8('\n');
    while (b >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + b - 16));
        unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, sp), _mm_cmpeq_epi8(v, nl)));
        if (m)
            return b - 16 + (size_t)(32 - __builtin_clz(m));
        b -= 16;
    }
#endif
    while (b > 0 && s[b - 1] != ' ' && s[b - 1] != '\n')
        b--;
    return b;
}

/* strip_particles when only a stem that ends at qmax or before is of use:
 * its end, or 0 when the stem ends after qmax (no split after qmax is
 * tried). */
static size_t strip_particles_max(const char *s, size_t a, size_t e, size_t qmax);

/* Splits a Hangul word into stem and particles: the shortest stem w such
 * that the rest is particles. Returns the stem end. */
static size_t strip_particles(const char *s, size_t len, size_t a, size_t e)
{
    (void)len;
    return strip_particles_max(s, a, e, e);
}

/* strip_particles_max of a word [a, e) that is all Hangul syllables (as a
 * run that hangul_run_end ends at e, or one all_hangul passed): three
 * bytes a syllable, and each rest tested without looking for its end
 * (strip_particles asks kg_tail_ok with the text ending at e, so the
 * rest's end is e) */
static size_t strip_run_max(const char *s, size_t a, size_t e, size_t qmax)
{
    /* (a rest of more than 18 bytes is never particles: kg_tail_ok) */
    size_t q = e - a > 21 ? e - 18 : a + 3;
    for (; q < e && q <= qmax; q += 3)
        if ((cls_at(s, e, q) & C_PFIRST) && kg_tail_syllables(s, q, e))
            return q;
    return e <= qmax ? e : 0;
}

/* strip_particles of such a word. */
static size_t strip_run(const char *s, size_t a, size_t e)
{
    return strip_run_max(s, a, e, e);
}

static size_t strip_particles_max(const char *s, size_t a, size_t e, size_t qmax)
{
    size_t q = a;
    if (e - a > 21) {
        /* kg_tail_ok refuses a rest of more than 18 bytes: start at the
         * first character boundary from which the rest is short enough
         * (but after the first character) */
        size_t k;
        kg_u8_dec((const unsigned char *)s + a, e - a, &k);
        size_t from = e - 18;
        while (from < e && ((unsigned char)s[from] & 0xC0) == 0x80)
            from++;
        if (from > a + k) {
            /* back to the character before, which the loop steps over */
            q = kg_u8_prev(s, from);
        }
    }
    if (q >= e)
        return e <= qmax ? e : 0;
    /* each character after the first, decoded once */
    size_t k;
    kg_u8_dec((const unsigned char *)s + q, e - q, &k);
    for (q += k; q < e && q <= qmax; q += k) {
        size_t end;
        uint32_t cq = kg_u8_at(s, e, q, &k);
        /* (a rest [q, e) of particles starts with a particle's syllable) */
        if ((cls_cp(cq) & C_PFIRST) &&
            kg_tail_ok(s, e, q, &end) && end == e)
            return q;
    }
    return e <= qmax ? e : 0;
}

/* ------------------------------------------------------------------ */
/* lexicon matching                                                    */

/* end_ok; te, when more than e, is the end of the run of syllables
 * that e is in (e inside the word whose run end the scan knows): the
 * particles after the match are tested without looking for it again. */
static int end_ok_run(const char *s, size_t len, size_t e, int latin, size_t te)
{
    if (e >= len)
        return 1;
    unsigned char c = (unsigned char)s[e];
    if (c < 0x80) {
        if (is_lat((char)c) || is_dig((char)c))
            return 0;
        if (latin && (c == '-' || c == '.') && e + 1 < len && (is_lat(s[e + 1]) || is_dig(s[e + 1])))
            return 0;
        return 1;
    }
    size_t n;
    uint32_t cp = kg_u8_at(s, len, e, &n);
    if (!kg_is_hangul(cp))
        return 1;
    /* a Latin name before Hangul: particles (CNN은, AMD와), not a word
     * glued on (AMD코리아, KT클라우드: another company, the acronym rule
     * reads it) */
    size_t end, k;
    if (latin)
        return kg_tail_ok(s, len, e, &end) ||
               ((k = kg_lit_any(s, len, e, latin_name_suffixes)) && (k >= len || !kg_is_hangul(kg_u8_at(s, len, k, &n)) ||
                                                                     kg_tail_ok(s, len, k, &end)));
    /* the last character of the match */
    uint32_t lastc = kg_u8_before(s, e);
    if (kg_cc_of(lastc) != KG_CC_HANGUL)
        return 1;
    if (te > e)
        return kg_tail_syllables(s, e, te);
    return kg_tail_ok(s, len, e, &end);
}

static int end_ok(const char *s, size_t len, size_t e, int latin)
{
    return end_ok_run(s, len, e, latin, 0);
}

/* A one-character Hanja name (美, 中, 日) only stands alone or next to
 * another such name (美中): not inside a Hanja word (經濟日報). */
static int han_alone(actx *x, size_t i, size_t e)
{
    const char *s = x->s;
    uint32_t p = kg_u8_before(s, i);
    if (kg_cc_of(p) == KG_CC_HAN && x->last_end != i)
        return 0;
    size_t n;
    uint32_t q = kg_u8_at(s, x->len, e, &n);
    if (kg_cc_of(q) == KG_CC_HAN) {
        kg_lexhit h[4];
        size_t nh = kg_lex_walk(x->lx, s, x->len, e, h, 4);
        if (!nh || h[0].end != e + n)
            return 0;
    }
    return 1;
}

/* Picks one actor of an ambiguous key. */
static int resolve_key(actx *x, const kg_lex_key *k, size_t start)
{
    const kg_lexicon *lx = x->lx;
    if (k->n == 1)
        return lx->key_actors[k->first];
    /* a country right before: 미국 상무부 */
    int ctx = -1;
    if (x->last_lex >= 0 && x->last_end + 1 >= start && start - x->last_end <= 1 &&
        lx->actors[x->last_lex].is_country)
        ctx = x->last_lex;
    if (ctx >= 0)
        for (int j = 0; j < k->n; j++) {
            int a = lx->key_actors[k->first + j];
            if (lx->actors[a].part_of_idx == ctx)
                return a;
        }
    /* else whichever came last: one of them (중국 상무부 ... 상무부는) or
     * the country of one of them (중국은 ... 상무부도); a country named
     * inside a quotation is not in the list (중국 상무부는 "미국의
     * 조치에 …" … 허야둥 상무부 대변인) */
    for (size_t r = x->n_recent, seen = 0; r-- > 0 && seen < RECENT; seen++) {
        int e = x->recent[r % RECENT];
        for (int j = 0; j < k->n; j++) {
            int a = lx->key_actors[k->first + j];
            if (a == e || (lx->actors[e].is_country && lx->actors[a].part_of_idx == e))
                return a;
        }
    }
    return lx->key_actors[k->first];
}

/* ------------------------------------------------------------------ */
/* glosses: 한글(English)                                                */

static int cap_word(const char *w, size_t n)
{
    if (kg_wordset_has(&ws_gloss_function_words, w, n))
        return 0;
    return 1;
}

/* Analyses the Latin gloss at s[a..b): returns 0 if it is no name, else
 * the number of name words; *acronym tells an all-capital single word. */
static int gloss_words(const char *s, size_t a, size_t b, int *acronym, int *last_stop)
{
    int words = 0, caps = 0, lower = 0;
    *acronym = 0;
    *last_stop = 0;
    size_t i = a;
    size_t lw = a, lwe = a;
    while (i < b) {
        while (i < b && s[i] == ' ')
            i++;
        size_t j = i;
        while (j < b && s[j] != ' ')
            j++;
        if (j > i) {
            if (cap_word(s + i, j - i)) {
                words++;
                if ((s[i] >= 'A' && s[i] <= 'Z') || is_dig(s[i]))
                    caps++;
                else
                    lower++;
            }
            lw = i;
            lwe = j;
        }
        i = j;
    }
    if (!words || lower)
        return 0;
    if (words == 1) {
        int up = 0, lo = 0;
        for (size_t k = a; k < b; k++) {
            if (s[k] >= 'A' && s[k] <= 'Z')
                up++;
            else if (s[k] >= 'a' && s[k] <= 'z')
                lo++;
        }
        if (up >= 2 && lo == 0)
            *acronym = 1;
    }
    *last_stop = latin_is_stop(s + lw, lwe - lw);
    return words;
}

/* The suffix of word w, or NULL. */
static int surname_first(const char *w, size_t n);
static const struct suffix *org_suffix(const char *w, size_t n)
{
    if (n < 3)
        return NULL;
    for (int si = sfx_head[sfx_bucket(w + n - 3)]; si >= 0; si = sfx_next[si]) {
        const struct suffix *sf = &suffixes[si];
        size_t k = suffix_len[si];
        /* the last syllable (all suffixes end in one) before the rest:
         * most words share at most its last byte with a suffix */
        if (k < 3 || n < k || w[n - 1] != sf->w[k - 1] || w[n - 2] != sf->w[k - 2] || w[n - 3] != sf->w[k - 3] ||
            memcmp(w + n - k, sf->w, k - 3) != 0)
            continue;
        size_t stem = syllables(w, n - k);
        if ((int)stem < sf->min_stem)
            continue;
        if (sf->strong == 2)
            return NULL; /* only with a Latin word before it (none below tells otherwise) */
        if (kg_wordset_has(&ws_not_orgs, w, n))
            return NULL;
        /* a compound of a common noun that ends in a suffix (명승부, 보석신청) */
        if (kg_wordset_suffix(&ws_not_org_ends, w, n))
            return NULL;
        if (sf->not_name && syllables(w, n) == 3 && surname_first(w, n))
            return NULL;
        if (sf->per && kg_wordset_has(&ws_per_stems, w, n - k))
            return NULL;
        return sf;
    }
    return NULL;
}

/* The strong suffix that is the word w[0..n) itself, the first of the
 * list (the last with last set), or NULL. The chain of w's last three
 * bytes holds, in the list's order, every suffix of three bytes or more
 * that can be w: a few compares instead of a walk over the list. */
static const struct suffix *strong_suffix_is(const char *w, size_t n, int last)
{
    const struct suffix *found = NULL;
    if (n < 3) {
        for (const struct suffix *sf = suffixes; sf->w && !(found && !last); sf++)
            if (sf->strong && suffix_len[sf - suffixes] == n && memcmp(sf->w, w, n) == 0)
                found = sf;
        return found;
    }
    for (int si = sfx_head[sfx_bucket(w + n - 3)]; si >= 0 && !(found && !last); si = sfx_next[si])
        if (suffixes[si].strong && suffix_len[si] == n && memcmp(suffixes[si].w, w, n) == 0)
            found = &suffixes[si];
    return found;
}

static const struct suffix *org_suffix_word(const char *w, size_t n)
{
    return strong_suffix_is(w, n, 0);
}

static int is_title(const char *w, size_t n)
{
    return kg_wordset_has(&ws_titles, w, n);
}


/* 1 if w[0..n) is one to six syllables and then a title suffix (and no
 * common noun of title_suffix_not_words). */
static int title_suffix_word(const char *w, size_t n)
{
    if (kg_wordset_has(&ws_title_suffix_not, w, n))
        return 0;
    /* a suffix of each length the list has, looked up (all_hangul holds
     * for the word or not, whichever suffix matched) */
    const kg_wordset *ws = &ws_title_suffixes;
    for (size_t l = ws->minlen; l > 0 && l <= ws->maxlen && l < n; l++)
        if (n - l <= 18 && ((ws->lenbits[l >> 6] >> (l & 63)) & 1) && kg_wordset_has(ws, w + n - l, l))
            return all_hangul(w, n);
    return 0;
}

/* Spelled-out Latin letters: 에스이 for SE. */
static int spelled_letters(const char *w, size_t n)
{
    const char *const *letters = spelled_letters_list;
    size_t i = 0;
    int k = 0;
    while (i < n) {
        size_t best = 0;
        if (spelled_letters_ok)
            best = kg_wordset_prefix(&ws_spelled_letters, w, n, i, NULL, NULL); /* (the longest) */
        else
            for (int q = 0; letters[q]; q++) {
                size_t l = strlen(letters[q]);
                if (l > best && i + l <= n && memcmp(w + i, letters[q], l) == 0)
                    best = l;
            }
        if (!best)
            return 0;
        i += best;
        k++;
    }
    return k >= 2;
}

typedef struct span {
    size_t a, b;
} span;

/* Collects up to max tokens before position e (the "(" of a gloss).
 * Returns the number found; toks[0] is the one right before. */
static int head_tokens(actx *x, size_t e, span *toks, int max)
{
    const char *s = x->s;
    int n = 0;
    size_t b = e;
    while (n < max && b > 0) {
        if (n > 0) {
            if (s[b - 1] != ' ')
                break;
            b--;
            if (b == 0 || s[b - 1] == ' ' || s[b - 1] == '\n')
                break;
        }
        size_t a = b;
        while (a > 0 && s[a - 1] != ' ' && s[a - 1] != '\n')
            a--;
        /* an opening quote or bracket ends the name */
        size_t a2 = a;
        int opened = 0;
        while (a2 < b) {
            size_t k;
            uint32_t cp = kg_u8_dec((const unsigned char *)s + a2, b - a2, &k);
            kg_cc cc = kg_cc_of(cp);
            if (cc == KG_CC_HANGUL || cc == KG_CC_LATIN || cc == KG_CC_DIGIT || cc == KG_CC_HAN)
                break;
            a2 += k;
            opened = 1;
        }
        if (a2 >= b)
            break;
        /* inner punctuation other than - . & : not a name token; a
         * token that ends a sentence or clause is no part of a name */
        int bad = 0;
        if (b > a2 && (s[b - 1] == '.' || s[b - 1] == ',' || s[b - 1] == '!' || s[b - 1] == '?' ||
                       s[b - 1] == ':' || s[b - 1] == ';'))
            break;
        for (size_t q = a2; q < b;) {
            size_t k;
            uint32_t cp = kg_u8_dec((const unsigned char *)s + q, b - q, &k);
            kg_cc cc = kg_cc_of(cp);
            if (cc == KG_CC_PUNCT && cp != '-' && cp != '.' && cp != '&' && cp != 0xB7)
                bad = 1;
            q += k;
        }
        if (bad)
            break;
        if (n > 0) {
            /* a word ending in a particle, a title, a modifier ends it */
            size_t st = strip_particles(s, x->len, a2, b);
            if (st != b && syllables(s + a2, b - a2) >= 2)
                break;
            if (is_title(s + a2, b - a2) || kg_wordset_has(&ws_not_name_parts, s + a2, b - a2))
                break;
            /* a lexicon country or organisation before: keep it (미국
             * 경제자문위원회) but stop after it */
        }
        toks[n].a = a2;
        toks[n].b = b;
        n++;
        if (opened)
            break;
        b = a;
    }
    return n;
}

static int is_version_token(const char *w, size_t n)
{
    int dig = 0;
    for (size_t i = 0; i < n; i++)
        if (is_dig(w[i]))
            dig = 1;
    return dig && n <= 12;
}

/* Lexicon actor for exactly the text s[a..b), or -1. */
static int lex_exact(actx *x, size_t a, size_t b)
{
    if (!x->lx)
        return -1;
    kg_lexhit h[32];
    size_t n = kg_lex_walk(x->lx, x->s, b, a, h, 32);
    if (n && h[n - 1].end == b)
        return resolve_key(x, &x->lx->keys[h[n - 1].key], a);
    return -1;
}

/* A Latin gloss in parentheses after a Hangul head, as find_glosses
 * reads it. */
typedef struct gloss {
    size_t a, gb;              /* the Latin part, trailing spaces off */
    int words, acronym, last_stop;
    span toks[8];              /* the head's tokens, the last first */
    int nt, take;              /* how many there are; how many are the name */
    const char *dtype;         /* the type a descriptor before the name gives, or NULL */
} gloss;

/* find_glosses, phase 1: the Latin part after the parenthesis at i (up to
 * ) · , ;), glued to a head. 0 when there is none to read. */
static int gloss_latin(actx *x, size_t i, gloss *g)
{
    const char *s = x->s;
    size_t len = x->len;
    if (!is_lat(s[i + 1]))
        return 0;
    if (kg_text_in_chrome(x->c->t, i))
        return 0;
    /* the head must be glued to the parenthesis */
    uint32_t before = kg_u8_before(s, i);
    kg_cc bc = kg_cc_of(before);
    if (bc != KG_CC_HANGUL && bc != KG_CC_DIGIT && bc != KG_CC_LATIN)
        return 0;
    size_t a = i + 1, b = a;
    while (b < len && s[b] != ')' && s[b] != ',' && s[b] != ';' && s[b] != '\n' && !kg_at(s, len, b, "\xc2\xb7")) {
        unsigned char c = (unsigned char)s[b];
        if (c >= 0x80)
            break;
        b++;
    }
    if (b >= len || b - a > 80)
        return 0;
    if (s[b] != ')' && s[b] != ',' && !kg_at(s, len, b, "\xc2\xb7"))
        return 0;
    size_t gb = b;
    while (gb > a && s[gb - 1] == ' ')
        gb--;
    g->words = gloss_words(s, a, gb, &g->acronym, &g->last_stop);
    if (!g->words || gb - a < 2)
        return 0;
    if (g->acronym && latin_is_stop(s + a, gb - a))
        return 0;
    g->a = a;
    g->gb = gb;
    return 1;
}

/* The type the descriptor a word [a, b) ends in gives the name after it
 * (시장조사업체: company; names: descriptors), or NULL. */
static const char *descriptor_type(const char *s, size_t a, size_t b)
{
    for (const struct descriptor *d = descriptors; d->w; d++)
        if (ends_with(s + a, b - a, d->w))
            return d->type;
    return NULL;
}

/* Phase 2: the Hangul head before the parenthesis at i and how many of
 * its tokens the gloss names (g->take). 0 when it is no name. */
static const char *descriptor_before(const char *s, size_t q);
static int gloss_head(actx *x, size_t i, gloss *g)
{
    const char *s = x->s;
    int want = g->acronym ? 1 : (g->words > 5 ? 5 : g->words);
    int nt = head_tokens(x, i, g->toks, 8);
    if (!nt)
        return 0;
    const span *toks = g->toks;
    int take = want < nt ? want : nt;
    /* a version token (V3, 2.5-맥스) takes the name before it too */
    if (take < nt && is_version_token(s + toks[take - 1].a, toks[take - 1].b - toks[take - 1].a))
        take++;
    /* a bare suffix word (연맹, 연구소) takes the words of the name */
    if (toks[0].b - toks[0].a > 0 && org_suffix_word(s + toks[0].a, toks[0].b - toks[0].a)) {
        int extra = nt < 5 ? nt : 5;
        if (extra > take)
            take = extra;
    }
    if (!all_hangul(s + toks[0].a, toks[0].b - toks[0].a) &&
        !is_version_token(s + toks[0].a, toks[0].b - toks[0].a))
        return 0;
    if (spelled_letters(s + toks[0].a, toks[0].b - toks[0].a))
        return 0;
    /* 업체 한울실리콘(Hanul Silicon), AI 스타트업 누리랩스(Nuri Labs): a
     * descriptor among the words taken or right before them (names:
     * descriptors) ends the name before it and gives its type; a name of
     * one Hangul word may gloss several Latin ones */
    g->dtype = NULL;
    for (int k = 1; k < take && !g->dtype; k++)
        if ((g->dtype = descriptor_type(s, toks[k].a, toks[k].b)) != NULL)
            take = k;
    if (!g->dtype)
        g->dtype = descriptor_before(s, toks[take - 1].a);
    /* a law, a plan or a thing glossed (반도체법(CHIPS Act)): no actor */
    int thing = 0;
    if (gloss_not_heads_ok)
        thing = kg_wordset_suffix(&ws_gloss_not_heads, s + toks[0].a, toks[0].b - toks[0].a);
    else
        for (const char *const *w = gloss_not_heads; *w && !thing; w++)
            thing = ends_with(s + toks[0].a, toks[0].b - toks[0].a, *w);
    /* (after a descriptor, a name: 반도체 기업 청운반도체(Cheongun Semi)) */
    if (thing && !g->dtype && lex_exact(x, toks[take - 1].a, toks[0].b) < 0)
        return 0;
    g->nt = nt;
    g->take = take;
    return 1;
}

/* Phase 3: the actor of the head and its gloss (the lexicon's when the
 * head or the gloss is a lexicon name, else a new one), with both as
 * aliases. */
static void gloss_actor(actx *x, const gloss *g)
{
    const char *s = x->s;
    const span *toks = g->toks;
    size_t a = g->a, gb = g->gb;
    size_t ha = toks[g->take - 1].a, hb = toks[0].b;
    /* drop leading lexicon countries from the name only if the gloss
     * does not cover them: kept, since 미국 경제자문위원회 is the name */
    int lex_head = lex_exact(x, ha, hb);
    const struct suffix *sf = org_suffix(s + toks[0].a, toks[0].b - toks[0].a);
    if (!sf)
        sf = org_suffix_word(s + toks[0].a, toks[0].b - toks[0].a);
    if (g->acronym && lex_head < 0 && !sf)
        return;
    if (g->last_stop && lex_head < 0 && !sf)
        return;
    /* the actor; the gloss is looked up in the lexicon only when the
     * head is no lexicon name */
    int act;
    const char *glex = NULL;
    if (x->lx && lex_head < 0) {
        char tmp[96];
        size_t gl = gb - a < sizeof tmp - 1 ? gb - a : sizeof tmp - 1;
        memcpy(tmp, s + a, gl);
        tmp[gl] = '\0';
        glex = kg_lexicon_lookup(x->lx, tmp);
    }
    if (lex_head >= 0) {
        act = dact_lex(x, lex_head);
    } else if (glex) {
        act = dact_lex(x, kg_lex_find_id(x->lx, glex));
    } else {
        kg_buf *id = slug_of(x, s + a, gb - a);
        if (!id->len) {
            return;
        }
        const char *type = sf         ? sf->type
                           : g->dtype ? g->dtype
                                      : (g->words >= 2 && g->words <= 3 && g->take == g->words ? "person" : "organization");
        act = dact_add(x, id->ptr, id->len, s + ha, hb - ha, type, "gloss", -1);
    }
    alias_add(x, s + ha, hb - ha, act);
    alias_add(x, s + a, gb - a, act);
    /* a person's family name alone later: 손힐은, 천에게 */
    if (x->acts[act].type && !strcmp(x->acts[act].type, "person") && g->take >= 2 &&
        all_hangul(s + toks[0].a, toks[0].b - toks[0].a))
        alias_add(x, s + toks[0].a, toks[0].b - toks[0].a, act);
}

/* A name glossed in Hanja: a Hangul head glued to three or four Chinese
 * characters in parentheses, an age or a note allowed after them
 * (우로시다니 마사요시(漆谷正義), 보시라이(薄熙來) 전 서기, 홍길동(洪吉童·35)):
 * a person's name in Chinese or Japanese reading, or a Korean one (a
 * common noun glossed has mostly two characters: 사후(死後)). The head
 * takes the word before it when the two make a foreign name (스가
 * 요시히데). Head and gloss are aliases of one person (the lexicon's
 * when it knows the head); a body when a descriptor stands before the
 * head (매체, 업체: names.yaml descriptors). Returns 1 when it made one. */
static int never_name(const char *s, size_t a, size_t b);
static int name_context_ok(actx *x, size_t na);
static int foreign_name_ok(actx *x, size_t a, size_t m, size_t b);
static int word_before(const char *s, size_t a, size_t *pa, size_t *pb);
static int gloss_han(actx *x, size_t i)
{
    const char *s = x->s;
    size_t len = x->len, b = i + 1, nh = 0, k;
    if (kg_cc_of(kg_u8_before(s, i)) != KG_CC_HANGUL || kg_text_in_chrome(x->c->t, i))
        return 0;
    while (b < len && nh < 5 && kg_cc_of(kg_u8_at(s, len, b, &k)) == KG_CC_HAN) {
        b += k;
        nh++;
    }
    if (nh < 3 || nh > 4 || b >= len ||
        !(s[b] == ')' || s[b] == '.' || s[b] == ',' || s[b] == '-' || kg_at(s, len, b, "\xc2\xb7")))
        return 0;
    span toks[3];
    int nt = head_tokens(x, i, toks, 3);
    if (!nt)
        return 0;
    size_t ha = toks[0].a, hb = toks[0].b, syl = syllables(s + ha, hb - ha);
    if (!all_hangul(s + ha, hb - ha) || syl < 2 || syl > 6 || never_name(s, ha, hb) || is_title(s + ha, hb - ha) ||
        org_suffix(s + ha, hb - ha) || kg_wordset_suffix(&ws_foreign_bad_ends, s + ha, hb - ha))
        return 0;
    int lex = lex_exact(x, ha, hb);
    if (lex < 0 && nt >= 2 && toks[1].b + 1 == ha && !(syl == 3 && surname_first(s + ha, hb - ha)) && foreign_name_ok(x, toks[1].a, toks[1].b, hb) &&
        name_context_ok(x, toks[1].a) && lex_exact(x, toks[1].a, toks[1].b) < 0) {
        ha = toks[1].a;
        lex = lex_exact(x, ha, hb);
    }
    int act;
    if (lex >= 0) {
        if (!x->lx->actors[lex].is_person)
            return 0;
        act = dact_lex(x, lex);
    } else {
        /* a body after a descriptor (인터넷 매체 위위안탄티엔(玉渊谭天)), or
         * a company by the end of its Chinese name (윈차오지능(云潮智能):
         * names.yaml han_company_ends) */
        const char *type = "person";
        for (const char *const *w = han_company_ends; *w; w++)
            if (ends_with(s + i + 1, b - i - 1, *w))
                type = "company";
        size_t pa, pb;
        const char *dt;
        if (ha == toks[0].a && word_before(s, ha, &pa, &pb) && (dt = descriptor_type(s, pa, pb)) != NULL)
            type = dt;
        kg_buf *id = slug_of(x, s + ha, hb - ha);
        act = dact_add(x, id->ptr, id->len, s + ha, hb - ha, type, "gloss", -1);
    }
    alias_add(x, s + ha, hb - ha, act);
    alias_add(x, s + i + 1, b - i - 1, act);
    return 1;
}

/* A person's real name in parentheses after the name a person goes by
 * (한울(본명 김한울·30), 다온(한국명 박다온)): names.yaml
 * real_name_marks, then a space and a Korean name of two to four
 * syllables. Both names are aliases of one person (the lexicon's when
 * it knows the head); a head that is no name (a title: 고 씨(한국명 …))
 * leaves the real name alone. Returns 1 when it made one. */
static int gloss_real_name(actx *x, size_t i)
{
    const char *s = x->s;
    size_t len = x->len, p = 0, k;
    for (int m = 0; real_name_marks[m] && !p; m++) {
        size_t n = strlen(real_name_marks[m]);
        if (i + 1 + n + 1 < len && !memcmp(s + i + 1, real_name_marks[m], n) && s[i + 1 + n] == ' ')
            p = i + 2 + n;
    }
    if (!p)
        return 0;
    size_t q = hangul_run_end(s, len, p), syl = syllables(s + p, q - p);
    if (q >= len || syl < 2 || syl > 4 || !(s[q] == ')' || s[q] == ',' || kg_at(s, len, q, "\xc2\xb7")) ||
        !surname_first(s + p, q - p) || never_name(s, p, q) || kg_text_in_chrome(x->c->t, i))
        return 0;
    span toks[1];
    int act = -1;
    if (kg_cc_of(kg_u8_at(s, len, i > 0 ? kg_u8_prev(s, i) : 0, &k)) == KG_CC_HANGUL && head_tokens(x, i, toks, 1)) {
        size_t ha = toks[0].a, hb = toks[0].b, hs = syllables(s + ha, hb - ha);
        int lex = lex_exact(x, ha, hb);
        if (lex >= 0 && x->lx->actors[lex].is_person)
            act = dact_lex(x, lex);
        else if (lex < 0 && all_hangul(s + ha, hb - ha) && hs >= 2 && hs <= 6 && !never_name(s, ha, hb) &&
                 !is_title(s + ha, hb - ha) && !kg_wordset_has(&ws_role_titles, s + ha, hb - ha)) {
            kg_buf *id = slug_of(x, s + ha, hb - ha);
            act = dact_add(x, id->ptr, id->len, s + ha, hb - ha, "person", "gloss", -1);
        }
        if (act >= 0)
            alias_add(x, s + ha, hb - ha, act);
    }
    if (act < 0) {
        kg_buf *id = slug_of(x, s + p, q - p);
        act = dact_add(x, id->ptr, id->len, s + p, q - p, "person", "gloss", -1);
    }
    alias_add(x, s + p, q - p, act);
    return 1;
}

/* Actors named with a Latin gloss glued to them: a Hangul head and
 * (Latin words) after it; names glossed in Hanja (gloss_han); real names
 * (gloss_real_name). */
static void find_glosses(actx *x)
{
    const char *s = x->s;
    size_t len = x->len;
    for (size_t i = 1; i + 2 < len; i++) {
        if (s[i] != '(') {
            /* jump to the next parenthesis (memchr scans far faster) */
            const char *p = memchr(s + i, '(', len - 2 - i);
            if (!p)
                break;
            i = (size_t)(p - s);
        }
        gloss g;
        if (gloss_latin(x, i, &g) && gloss_head(x, i, &g))
            gloss_actor(x, &g);
        else if ((unsigned char)s[i + 1] >= 0xE3 && !gloss_real_name(x, i))
            gloss_han(x, i);
    }
}

/* ------------------------------------------------------------------ */
/* rules at a token                                                    */

/* 트럼프 (2기) (미국) 정부|행정부: after a lexicon person [a, e). */
static size_t admin_rule(actx *x, size_t a, size_t e, int lex)
{
    const char *s = x->s;
    size_t len = x->len, j = e;
    if (j >= len || s[j] != ' ')
        return 0;
    j++;
    /* N기 */
    if (j < len && is_dig(s[j])) {
        size_t k = j;
        while (k < len && is_dig(s[k]))
            k++;
        size_t m = kg_lit_any(s, len, k, term_marks);
        if (!m || m >= len || s[m] != ' ')
            return 0;
        j = m + 1;
    }
    /* a country */
    kg_lexhit h[16];
    size_t nh = x->lx ? kg_lex_walk(x->lx, s, len, j, h, 16) : 0;
    if (nh) {
        int c = x->lx->key_actors[x->lx->keys[h[nh - 1].key].first];
        if (x->lx->actors[c].is_country && h[nh - 1].end < len && s[h[nh - 1].end] == ' ')
            j = h[nh - 1].end + 1;
    }
    const char *const *heads = admin_heads;
    for (int q = 0; heads[q]; q++) {
        size_t k = j + strlen(heads[q]);
        if (kg_at(s, len, j, heads[q]) && end_ok(s, len, k, 0)) {
            const kg_lex_actor *p = &x->lx->actors[lex];
            /* the lexicon may know the administration */
            char buf[160];
            int found = -1;
            for (int f = 0; admin_named[f] && found < 0; f++) {
                snprintf(buf, sizeof buf, "%s %s", p->name, admin_named[f]);
                const char *id = kg_lexicon_lookup(x->lx, buf);
                if (id)
                    found = kg_lex_find_id(x->lx, id);
            }
            int act;
            if (found >= 0)
                act = dact_lex(x, found);
            else {
                char id[128];
                snprintf(id, sizeof id, "%s-administration", p->id);
                act = dact_add(x, id, strlen(id), s + a, k - a, "government", "admin", -1);
            }
            emit_act(x, a, k, act);
            return k;
        }
    }
    return 0;
}

/* 싱가포르 경찰, 독일 정부: a body of a lexicon country [a, e) that the
 * lexicon does not know, named by the country and a word for the body.
 * Emits it (id: the country's and the body's) and returns its end. */
static int lex_exact(actx *x, size_t a, size_t b);
static kg_buf *slug_of(actx *x, const char *w, size_t n);
static void new_actor(actx *x, size_t a, size_t b, const char *type, const char *how);
static size_t body_rule(actx *x, size_t a, size_t e, int lex, int initial)
{
    const char *s = x->s;
    size_t len = x->len;
    if (e + 4 > len || s[e] != ' ')
        return 0;
    size_t j = e + 1, te = 0, w = j;
    /* (after a country's initial alone, 미 노동부, only a body the lexicon
     * knows: 중 and 일 are words too, 검토 중 정부는) */
    for (int k = 0; !initial && bodies[k].w; k++) {
        size_t n = bodies[k].n;
        /* (the first byte compared inline: most bodies differ there) */
        if (j + n > len || (n && s[j] != bodies[k].w[0]) || memcmp(s + j, bodies[k].w, n) != 0)
            continue;
        if (!te) {
            /* the word: the body's name, then particles at most */
            te = hangul_run_end(s, len, j);
            if (te < len && (is_lat(s[te]) || is_dig(s[te])))
                return 0;
            w = strip_run(s, j, te);
        }
        if (w - j != n)
            continue;
        const kg_lex_actor *c = &x->lx->actors[lex];
        char id[160];
        snprintf(id, sizeof id, "%s-%s", c->id, bodies[k].id);
        /* the lexicon may know it by the country's name and the word (美
         * 정부: 미국 정부), or under this id; the authorities are the
         * government */
        char name[160];
        snprintf(name, sizeof name, "%s %s", c->name, body_word(k));
        const char *lid = kg_lexicon_lookup(x->lx, name);
        int known = lid ? kg_lex_find_id(x->lx, lid) : kg_lex_find_id(x->lx, id);
        int act = known >= 0 ? dact_lex(x, known) : dact_add(x, id, strlen(id), s + a, w - a, "government", "body", -1);
        emit_act(x, a, w, act);
        note_country(x, lex, a, e); /* the country was named (정부는 after it) */
        return w;
    }
    /* 미국 노동부, 일본 노동부: a government body the lexicon gives to
     * another country (노동부: Korea's) after a country is that country's
     * body, a new actor (COUNTRY-ID-word) */
    if (!te) {
        te = hangul_run_end(s, len, j);
        if (te == j || (te < len && (is_lat(s[te]) || is_dig(s[te]))))
            return 0;
        w = strip_run(s, j, te);
    }
    /* 중국 허페이시 정부: a city, province or state no lexicon knows, its
     * stem of two syllables or more (당시, 역시: one), then the word for
     * a government, after its country: the country, and the local
     * government a new actor */
    if (!initial && w == te && te + 1 < len && s[te] == ' ') {
        size_t gj = te + 1, gte = hangul_run_end(s, len, gj), gw = gte > gj ? strip_run(s, gj, gte) : gj;
        size_t rs = 0;
        for (const char *const *r = region_suffixes; *r && !rs; r++)
            if (ends_with(s + j, te - j, *r))
                rs = strlen(*r);
        if (gov_word && rs && te - j - rs >= 6 && all_hangul(s + j, te - j - rs) && gw - gj == strlen(gov_word) &&
            !memcmp(s + gj, gov_word, gw - gj) && (gte >= len || !(is_lat(s[gte]) || is_dig(s[gte]))) &&
            !kg_tctx_taken(x->c, j, gw) && !(x->lx && lex_exact(x, j, te) >= 0) &&
            !kg_wordset_has(&ws_not_names, s + j, te - j)) {
            emit_lex(x, a, e, lex);
            new_actor(x, j, gw, "government", "body");
            return gw;
        }
    }
    int b = w > j ? lex_exact(x, j, w) : -1;
    if (b < 0)
        return 0;
    const kg_lex_actor *ba = &x->lx->actors[b];
    if (!ba->type || strcmp(ba->type, "government") != 0 || ba->part_of_idx < 0 || ba->part_of_idx == lex ||
        !x->lx->actors[ba->part_of_idx].is_country)
        return 0;
    const kg_lex_actor *c = &x->lx->actors[lex];
    kg_buf *sl = slug_of(x, s + j, w - j);
    char id[200];
    snprintf(id, sizeof id, "%s-%.*s", c->id, (int)sl->len, sl->ptr);
    int act = dact_add(x, id, strlen(id), s + a, w - a, "government", "body", -1);
    emit_act(x, a, w, act);
    note_country(x, lex, a, e);
    return w;
}

/* 중국은 정부 주도로 ...: a body word alone (names: country_bodies) that
 * the lexicon gives to Korea (정부, 경찰) names the body of the country
 * named first in the same sentence (its topic), when one is and it is not the
 * lexicon's; [a, e) is the word, lex the lexicon's actor. Emits it and
 * returns 1, else 0 (the caller emits the lexicon's). */
static int bare_body_rule(actx *x, size_t a, size_t e, int lex)
{
    const char *s = x->s;
    /* the word first (most lexicon names are none), then the sentence */
    int k = 0;
    while (bodies[k].w &&
           (bodies[k].n != e - a || (e > a && s[a] != bodies[k].w[0]) || memcmp(s + a, bodies[k].w, e - a) != 0))
        k++;
    if (!bodies[k].w)
        return 0;
    if (x->sent_country < 0 || x->sent_country_end > a || sentence_break_x(x, x->sent_country_end, a))
        return 0; /* no country in the same sentence */
    int ctry = x->sent_country;
    if (x->lx->actors[lex].part_of_idx == ctry)
        return 0;
    {
        const kg_lex_actor *c = &x->lx->actors[ctry];
        char id[160], name[160];
        snprintf(id, sizeof id, "%s-%s", c->id, bodies[k].id);
        snprintf(name, sizeof name, "%s %s", c->name, body_word(k));
        const char *lid = kg_lexicon_lookup(x->lx, name);
        int known = lid ? kg_lex_find_id(x->lx, lid) : kg_lex_find_id(x->lx, id);
        int act = known >= 0 ? dact_lex(x, known) : dact_add(x, id, strlen(id), name, strlen(name), "government", "body", -1);
        int keep = x->last_country, keep_s = x->sent_country;
        size_t keep_end = x->last_country_end, keep_s_end = x->sent_country_end;
        emit_act(x, a, e, act);
        x->last_country = keep;
        x->last_country_end = keep_end;
        x->sent_country = keep_s;
        x->sent_country_end = keep_s_end;
        return 1;
    }
}

/* Family names, Korean and Chinese in Korean spelling. Common nouns that
 * start with one of them (정책, 시장) are in not_names. */
static int surname_first(const char *w, size_t n)
{
    if (n < 3)
        return 0;
    return kg_wordset_starts(&ws_family, w, n);
}


static int clause_opener(const char *s, size_t a, size_t b)
{
    return kg_wordset_has(&ws_clause_openers, s + a, b - a);
}

/* 1 if the word [a, b) is a clause opener or no name by the list. */
static int never_name(const char *s, size_t a, size_t b)
{
    /* (a descriptor is a word for what a body is: 스타트업 대표) */
    return kg_wordset_has(&ws_not_names, s + a, b - a) || kg_wordset_has(&ws_descriptor_words, s + a, b - a) ||
           clause_opener(s, a, b);
}

/* 1 if what comes before the word at na lets a short word there be a
 * name: the start of a line or sentence, punctuation, a mention (a time
 * or an actor), or a word that ends in a particle or verb ending. A bare
 * noun before it makes a compound (반도체 공장 CEO), not a name. */
static int name_context_ok(actx *x, size_t na)
{
    const char *s = x->s;
    if (na == 0 || s[na - 1] == '\n')
        return 1;
    if (s[na - 1] != ' ')
        return 1; /* after punctuation: (왕웨이 "리밍 */
    size_t pe = na - 1, pa = tok_begin(s, pe);
    if (pa == pe)
        return 1;
    unsigned char last = (unsigned char)s[pe - 1];
    if (last < 0x80)
        return !is_lat((char)last) || (x->last_end == pe);
    if (kg_tctx_taken(x->c, pa, pe) || (x->last_end == pe && x->last_start <= pa) || clause_opener(s, pa, pe) ||
        kg_wordset_has(&ws_name_lead_nouns, s + pa, pe - pa))
        return 1; /* a time, an actor, a clause opener (한편, 이어), or 소속 */
    return kg_wordset_suffix(&ws_context_endings, s + pa, pe - pa);
}

static int one_person_of_family(const actx *x, const char *f, const char **lex_id);

/* 1 if [a, b) can be a person's name of one word: Hangul, 1 to 4
 * syllables, a family name first when longer than one, no particle at
 * the end of a two-syllable one, and no word that is never a name. */
static int name_word_ok(actx *x, size_t a, size_t b)
{
    const char *s = x->s;
    if (a >= b || !all_hangul(s + a, b - a))
        return 0;
    size_t syl = syllables(s + a, b - a);
    if (syl < 1 || syl > 4 || is_title(s + a, b - a))
        return 0;
    /* (a family name that is also a word, 이 or 한, names the one person
     * of the text whose name starts with it: 이재용 회장 … 이 회장) */
    const char *lid;
    int known = syl == 1 && kg_wordset_has(&ws_family, s + a, 3) && one_person_of_family(x, s + a, &lid) >= 0;
    if (!known && never_name(s, a, b))
        return 0;
    if (syl >= 2 && !surname_first(s + a, b - a))
        return 0;
    /* a title or a role with a particle (감독은 선수들; [a, b) is
     * syllables) */
    size_t w = strip_run(s, a, b);
    if (w > a && w < b && (is_title(s + a, w - a) || kg_wordset_has(&ws_role_titles, s + a, w - a)))
        return 0;
    if (syl == 2 && kg_wordset_suffix(&ws_name_bad_ends, s + a, b - a))
        return 0;
    /* a word of three syllables that ends as a particle does (자신이,
     * 남편인: names.yaml particle_like_ends) is a name only with a given
     * name's syllable in the middle (김수인, 이영이), or one with no final
     * consonant, after which the particle would be another (이 follows a
     * final consonant: 탕웨이 is a name) */
    if (syl == 3 && kg_wordset_suffix(&ws_particle_like_ends, s + a, b - a)) {
        int mid = syl_ix((const unsigned char *)s + a + 3);
        if (!(syl_cls[mid] & C_GIVEN) && mid % 28 != 0)
            return 0;
    }
    if (syl == 1 && !known && kg_wordset_suffix(&ws_name_bad_single, s + a, b - a))
        return 0;
    return 1;
}

/* 1 if [a, m) [m + 1, b) can be a name of two words spelled from another
 * language (마리아 로시, 크리스토퍼 밀러): Hangul words of 2 to 6 (or a short
 * given name of one) and 1 to 5 syllables, neither a word that is never a
 * name nor a title. */
static int overlaps_actor(actx *x, size_t a, size_t b);
static int foreign_name_ok_ex(actx *x, size_t a, size_t m, size_t b, int first_any_end);
static int given_abroad_at(const char *s, size_t a, size_t b);
static int foreign_name_ok(actx *x, size_t a, size_t m, size_t b)
{
    return foreign_name_ok_ex(x, a, m, b, 0);
}

/* foreign_name_ok; with first_any_end, the first word may end as a verb
 * does (오카다, 요시다 before a title only such persons hold: 다) */
static int foreign_name_ok_ex(actx *x, size_t a, size_t m, size_t b, int first_any_end)
{
    const char *s = x->s;
    if (!all_hangul(s + a, m - a) || !all_hangul(s + m + 1, b - m - 1))
        return 0;
    size_t s1 = syllables(s + a, m - a), s2 = syllables(s + m + 1, b - m - 1);
    /* a one-syllable first word: a short given name from elsewhere (팸
     * 본디, 짐 팬) */
    int short_ok = 0;
    if (short_given_ok)
        short_ok = s1 == 1 && kg_wordset_has(&ws_short_given_names, s + a, m - a);
    else
        for (int k = 0; s1 == 1 && short_given_names[k] && !short_ok; k++)
            short_ok = m - a == strlen(short_given_names[k]) && !memcmp(s + a, short_given_names[k], m - a);
    if ((s1 < 2 && !short_ok) || s1 > 6 || s2 < 1 || s2 > 5)
        return 0;
    if (never_name(s, a, m) || never_name(s, m + 1, b) || is_title(s + a, m - a) || is_title(s + m + 1, b - m - 1))
        return 0;
    /* neither word ends in a particle or a verb ending (회의에서 발표한);
     * after a given name from elsewhere (given_names_abroad) a family
     * name of three syllables at most may end as one does (로버트 케인,
     * 로버트 클라인) */
    if ((!first_any_end && kg_wordset_suffix(&ws_foreign_bad_ends, s + a, m - a)) ||
        (kg_wordset_suffix(&ws_foreign_bad_ends, s + m + 1, b - m - 1) && !(s2 <= 3 && given_abroad_at(s, a, m))))
        return 0;
    /* nor a common loanword, nor a body's name (테크놀로지 리뷰 기자) */
    if (kg_wordset_has(&ws_loan_common, s + a, m - a) || kg_wordset_has(&ws_loan_common, s + m + 1, b - m - 1) ||
        org_suffix_word(s + m + 1, b - m - 1) || org_suffix(s + m + 1, b - m - 1))
        return 0;
    /* nor a name found already before it (새누리당 이자스민 의원) */
    return kg_tctx_taken(x->c, a, b) == 0 && !overlaps_actor(x, a, m);
}

/* 1 if the word [a, b) has a syllable that Korean and Chinese names in
 * Korean spelling hardly use but spellings of other languages do (크,
 * 스, 엘, 뉘 ...): a given or family name from elsewhere. */

static int loan_spelled(const char *s, size_t a, size_t b)
{
    for (size_t i = a; i + 3 <= b; i += 3) {
        const unsigned char *u = (const unsigned char *)s + i;
        uint32_t k;
        if (u[0] >= 0xEA && u[0] <= 0xED && (k = u3_ix(u)) < 0xD7A4u - 0xAC00u && (syl_cls[k] & C_LOAN))
            return 1;
    }
    return 0;
}

/* 1 if [a, b) is a stem of a syllable or more and then Latin letters
 * spelled in Hangul, two or more in three syllables or more (한빛에이아이:
 * 한빛 AI; names.yaml spelled_letters). */
static kg_sylset spelled_last; /* the last syllables of spelled_letters */
static int spelled_tail(const char *s, size_t a, size_t b)
{
    /* (one lookup first: the word's last syllable must end a letter) */
    if (b < a + 9 || !kg_sylset_at(&spelled_last, s, b, b - 3))
        return 0;
    if (spelled_letters(s + a, b - a))
        return 0; /* (letters alone: 에이아이 is AI, a term) */
    for (size_t p = a + 3; p + 9 <= b; p += 3)
        if (spelled_letters(s + p, b - p))
            return 1;
    return 0;
}

/* 1 if the word after the mention v in the text (or its own last word)
 * is the word that starts at t, n bytes: 이재명 대통령 … 이 대통령. */
static int same_title_after(const actx *x, const pment *v, const char *t, size_t n)
{
    const char *s = x->s;
    size_t e = v->nend;
    if (e + 1 + n <= x->len && s[e] == ' ' && !memcmp(s + e + 1, t, n))
        return 1;
    /* (or after the body the person heads, one or two words: 안덕근
     * 산업통상자원부 장관 … 안 장관) */
    size_t p = e;
    for (int w = 0; w < 2 && p < x->len && s[p] == ' '; w++) {
        size_t q = p + 1;
        while (q < x->len && s[q] != ' ' && s[q] != '\n' && q - p <= 40)
            q++;
        if (q >= x->len || s[q] != ' ' || q - p > 40)
            break;
        if (q + 1 + n <= x->len && !memcmp(s + q + 1, t, n))
            return 1;
        p = q;
    }
    return v->nend - v->nstart > n && s[v->nend - n - 1] == ' ' && !memcmp(s + v->nend - n, t, n);
}

/* The one person of the text so far whose name, of two to four Hangul
 * syllables, starts with the family name of three bytes at f (최 after
 * 최태원): an actor found in the text (its index), or a lexicon person
 * told before with the title that follows f here (INT_MAX, its id in
 * *lex_id: 이 대통령 after 이재명 대통령; a lexicon person named in passing
 * is not every 이 of the text); -1 when there is none, or two. */
static int one_person_of_family(const actx *x, const char *f, const char **lex_id)
{
    int found = -1, n = 0;
    *lex_id = NULL;
    /* (the title after the family name: the word after its space, up to
     * a particle or the next space; asked only when a lexicon person was
     * told) */
    const char *s = x->s;
    size_t tb = (size_t)(f - s) + 3, te = tb;
    if (x->n_pm_lex) {
        if (tb < x->len && s[tb] == ' ')
            te = ++tb;
        while (te < x->len && s[te] != ' ' && s[te] != '\n')
            te++;
        if (te > tb)
            te = strip_run(s, tb, te);
    }
    for (size_t k = 0; k < x->n_acts && n < 2; k++) {
        const dact *d = &x->acts[k];
        /* (the first byte first: most of the text's actors start with
         * another character, no strlen and strcmp for them) */
        size_t nl;
        if (!d->name || d->name[0] != f[0])
            continue;
        nl = strlen(d->name);
        if (d->type && !strcmp(d->type, "person") && nl >= 6 && nl <= 12 && !memcmp(d->name, f, 3) &&
            all_hangul(d->name, nl)) {
            found = (int)k;
            n++;
        }
    }
    /* and the lexicon's persons told so far (이재명 … 이 대통령) */
    for (size_t k = 0; x->n_pm_lex && k < x->n_pm && n < 2 && te > tb; k++) {
        const pment *v = &x->pm[k];
        size_t nl = v->nl;
        if (v->lex < 0 || memcmp(v->name, f, 3) != 0 || nl < 6 || nl > 12 ||
            !all_hangul(v->name, nl) || (*lex_id && !strcmp(*lex_id, v->id)) ||
            (found >= 0 && !*lex_id && !strcmp(x->acts[found].id, v->id)) || !same_title_after(x, v, s + tb, te - tb))
            continue;
        *lex_id = v->id;
        n++;
    }
    if (n != 1)
        return -1;
    return *lex_id ? INT_MAX : found;
}

/* Emits [a, b) as a mention of the person v told before (a lexicon
 * actor or one found in the text). */
static void emit_as_person(actx *x, size_t a, size_t b, const pment *v)
{
    if (v->lex >= 0)
        emit_lex(x, a, b, v->lex);
    else
        emit_act(x, a, b, v->act);
}

/* A name of one word with a title (탄 CEO, 황 CEO) after the one person
 * of the text so far whose name is of two words or more and ends in it
 * (립부 탄, 젠슨 황: a name spelled from a language that puts the family
 * name last): emits a mention of that person and returns 1; else 0 (none
 * such, or two). */
static int person_by_last_word(actx *x, size_t a, size_t b)
{
    const char *w = x->s + a, *id = NULL;
    size_t n = b - a;
    const pment *one = NULL;
    for (size_t k = 0; x->n_pm_multi && k < x->n_pm; k++) {
        const pment *v = &x->pm[k];
        if (!v->last || v->nl - v->last != n || memcmp(v->name + v->last, w, n) != 0)
            continue;
        if (id && strcmp(id, v->id) != 0)
            return 0; /* (two such persons) */
        id = v->id;
        one = v;
    }
    if (!one)
        return 0;
    /* (the whole name written here: the rules of names find it) */
    size_t fl = one->nl - n;
    if (a >= fl && !memcmp(x->s + a - fl, one->name, fl))
        return 0;
    pment v = *one; /* (emitting grows x->pm) */
    emit_as_person(x, a, b, &v);
    return 1;
}

/* Adds the discovered actor named s[a, b) (id: the name's slug), makes
 * the name an alias for later mentions, and emits the mention. */
static void new_actor(actx *x, size_t a, size_t b, const char *type, const char *how)
{
    int found;
    const char *lid;
    if (b - a == 3 && type && !strcmp(type, "person") && all_hangul(x->s + a, 3) &&
        (found = one_person_of_family(x, x->s + a, &lid)) >= 0) {
        /* a family name alone with a title (최 회장) after the one
         * person of the text whose name starts with it (최태원 회장) */
        int lex = lid && x->lx ? kg_lex_find_id(x->lx, lid) : -1;
        if (!lid)
            emit_act(x, a, b, found);
        else if (lex >= 0)
            emit_lex(x, a, b, lex);
        if (!lid || lex >= 0)
            return;
    }
    if (x->n_pm_multi && type && !strcmp(type, "person") && !memchr(x->s + a, ' ', b - a) &&
        person_by_last_word(x, a, b))
        return;
    kg_buf *id = slug_of(x, x->s + a, b - a);
    int act = dact_add(x, id->ptr, id->len, x->s + a, b - a, type, how, -1);
    /* a family name alone (신 회장) names no one elsewhere (1차, 7장):
     * it is found again with its title */
    if (!(b - a == 3 && all_hangul(x->s + a, 3)))
        alias_add(x, x->s + a, b - a, act);
    emit_act(x, a, b, act);
}

/* 1 if an actor mention already found overlaps [a, b). */
static int overlaps_actor(actx *x, size_t a, size_t b)
{
    const kg_mentions *m = x->c->out;
    for (size_t k = m->n, seen = 0; k-- > 0 && seen < 8; seen++)
        if (m->v[k].kind == KG_MENTION_ACTOR && m->v[k].nstart < b && a < m->v[k].nend)
            return 1;
    return 0;
}

/* A name before a title: 장윈밍 부부장, 쉬안청르(玄成日) 연구원, and with
 * the body it speaks for between them: 류칭산 중국 상무부 대변인. The
 * title word is at [ta, tb); emits the person and returns 1. */
/* A Korean name before a role (names: role_titles) at [a, b) of syl
 * syllables: a family name alone, or three syllables that end in no
 * particle or verb ending (가수와 배우, 가운데 선수). */
static int role_name_ok(const char *s, size_t a, size_t b, size_t syl)
{
    if (syl == 1) {
        return kg_wordset_has(&ws_family, s + a, b - a);
    }
    if (syl != 3)
        return 0;
    return !kg_wordset_suffix(&ws_role_name_bad_ends, s + a, b - a);
}

/* 홍길동(사진) 한빛소프트 대표: a word [na, ne) that is no name between a
 * name and a title may be the body the person speaks for: the name
 * before it (a Korean name of three syllables, or two words spelled from
 * another language, a note in parentheses after it allowed) goes to
 * [*pa, *pe). Returns 1 when there is one. */
static int name_before_body(actx *x, size_t na, size_t ne, size_t *pa, size_t *pe)
{
    const char *s = x->s;
    size_t syl = syllables(s + na, ne - na);
    if (!all_hangul(s + na, ne - na) || syl < 2 || syl > 8 || never_name(s, na, ne) || is_title(s + na, ne - na) ||
        kg_wordset_has(&ws_loan_common, s + na, ne - na) || kg_wordset_has(&ws_not_name_parts, s + na, ne - na))
        return 0;
    if (kg_wordset_suffix(&ws_foreign_bad_ends, s + na, ne - na))
        return 0;
    if (na < 2 || s[na - 1] != ' ')
        return 0;
    size_t q = na - 1;
    if (s[q - 1] == ')') {
        size_t o = q - 1;
        while (o > 0 && s[o] != '(' && q - o < 40)
            o--;
        if (s[o] != '(')
            return 0;
        q = o;
    }
    size_t a = tok_begin(s, q);
    if (a < q && syllables(s + a, q - a) == 3 && name_word_ok(x, a, q) && role_name_ok(s, a, q, 3)) {
        *pa = a;
        *pe = q;
        return 1;
    }
    if (a >= 2 && a < q && s[a - 1] == ' ') {
        size_t b = tok_begin(s, a - 1);
        if (b < a - 1 && foreign_name_ok(x, b, a - 1, q) && name_context_ok(x, b) && loan_spelled(s, b, q)) {
            *pa = b;
            *pe = q;
            return 1;
        }
    }
    return 0;
}

/* The type of the actor mention found at exactly [a, b) (among the
 * last few), or NULL. */
static const char *mention_type_at(actx *x, size_t a, size_t b)
{
    const kg_mentions *m = x->c->out;
    for (size_t k = m->n, seen = 0; k-- > 0 && seen < 8; seen++)
        if (m->v[k].kind == KG_MENTION_ACTOR && m->v[k].nstart == a && m->v[k].nend == b)
            return m->v[k].type ? m->v[k].type : "";
    return NULL;
}

/* The actor mention found that ends at b (among the last few): its
 * start to *a and its type returned, or NULL. */
static const char *mention_ending_at(actx *x, size_t b, size_t *a)
{
    const kg_mentions *m = x->c->out;
    for (size_t k = m->n, seen = 0; k-- > 0 && seen < 8; seen++)
        if (m->v[k].kind == KG_MENTION_ACTOR && m->v[k].nend == b) {
            *a = m->v[k].nstart;
            return m->v[k].type ? m->v[k].type : "";
        }
    return NULL;
}

/* 1 if the word [a, b) between a name and a title can be the body the
 * person belongs to: a body found there already (no person), a body of
 * the lexicon, a word with an organisation suffix, or a word of two
 * syllables or more that ends in one of affiliation_ends (한빛대,
 * 심리학과). */
static int affiliation_word_at(actx *x, size_t a, size_t b)
{
    const char *s = x->s;
    if (a >= b)
        return 0;
    const char *type = mention_type_at(x, a, b);
    if (type)
        return strcmp(type, "person") != 0;
    if (!all_hangul(s + a, b - a) || syllables(s + a, b - a) < 2 || syllables(s + a, b - a) > 10 ||
        is_title(s + a, b - a) || never_name(s, a, b) || kg_wordset_has(&ws_not_orgs, s + a, b - a) ||
        kg_wordset_has(&ws_not_name_parts, s + a, b - a))
        return 0;
    int lex = x->lx ? lex_exact(x, a, b) : -1;
    if (lex >= 0)
        return !x->lx->actors[lex].is_person;
    return org_suffix(s + a, b - a) || kg_wordset_suffix(&ws_affiliation_ends, s + a, b - a);
}

/* affiliation_word_at, the last answer kept: it depends on the word and
 * on what was found before it (the mentions, the actors mentioned last),
 * which only a new mention changes. */
static int affiliation_word(actx *x, size_t a, size_t b)
{
    if (b && a == x->aff_a && b == x->aff_b && x->c->out->n == x->aff_n)
        return x->aff_r;
    x->aff_r = affiliation_word_at(x, a, b);
    x->aff_a = a;
    x->aff_b = b;
    x->aff_n = x->c->out->n;
    return x->aff_r;
}

/* 홍길동 한빛대 교수, 홍길동 한빛대 심리학과 교수: one to three words of the
 * body a person belongs to between the name and the title that ends at
 * ne. The name before them (a Korean name of three syllables, or two
 * words spelled from another language) goes to [*pa, *pe), the first
 * word of the body to *pb. Returns 1 when there is one. */
static int affiliated_name(actx *x, size_t ne, size_t *pa, size_t *pe, size_t *pb, size_t *pbe)
{
    const char *s = x->s;
    size_t q = ne;
    *pbe = ne;
    int duties = 1; /* every step so far a duty */
    for (int k = 0; k < 3 && q >= 2; k++) {
        /* a body found already (미 연준) is one step, whatever its words */
        size_t wa = tok_begin(s, q), ma = 0;
        const char *mt = mention_ending_at(x, q, &ma);
        /* (a duty with its field, 산업안보 담당, is one step) */
        if (kg_wordset_has(&ws_duty_words, s + wa, q - wa)) {
            if (wa < 2 || s[wa - 1] != ' ')
                return 0;
            size_t da = tok_begin(s, wa - 1);
            if (da >= wa - 1 || !all_hangul(s + da, wa - 1 - da) || overlaps_actor(x, da, wa - 1))
                return 0;
            wa = da;
            /* (next to the title, no part of the body: it ends before) */
            if (duties)
                *pbe = da > 0 ? da - 1 : da;
        } else {
            duties = 0;
            if (mt && ma < wa) {
                if (!strcmp(mt, "person"))
                    return 0;
                wa = ma;
            } else if (!affiliation_word(x, wa, q))
                return 0;
        }
        if (wa < 2 || s[wa - 1] != ' ')
            return 0;
        size_t be = wa - 1, na = tok_begin(s, be);
        const char *type = mention_type_at(x, na, be);
        /* (two words spelled from another language first: 제임스
         * 하트웰 상무부 차관보 is no 하트웰 of three syllables alone) */
        size_t fa = na >= 2 && na < be && s[na - 1] == ' ' ? tok_begin(s, na - 1) : na;
        int two = !type && fa < na - 1 && foreign_name_ok(x, fa, na - 1, be) && name_context_ok(x, fa) &&
                  loan_spelled(s, fa, be) && !overlaps_actor(x, fa, be);
        if (na < be && !two && ((type && !strcmp(type, "person")) ||
                        (!type && syllables(s + na, be - na) == 3 && name_word_ok(x, na, be) &&
                         role_name_ok(s, na, be, 3) && !affiliation_word(x, na, be) && !overlaps_actor(x, na, be) &&
                         !(x->lx && lex_exact(x, na, be) >= 0)))) {
            *pa = na;
            *pe = be;
            *pb = wa;
            return 1;
        }
        if (two) {
            *pa = fa;
            *pe = be;
            *pb = wa;
            return 1;
        }
        q = be;
    }
    return 0;
}

/* 1 if the word [a, b) ends in one of list. */
static int title_rule_ex(actx *x, size_t ta, size_t tb, int strict);
static int given_abroad_at(const char *s, size_t a, size_t b);
static int title_rule(actx *x, size_t ta, size_t tb)
{
    return title_rule_ex(x, ta, tb, 0);
}

/* title_rule; strict (a role, names: role_titles): a Korean name of one
 * word has one syllable or three. */
static int title_rule_ex(actx *x, size_t ta, size_t tb, int strict)
{
    const char *s = x->s;
    if (ta < 2 || s[ta - 1] != ' ')
        return 0;
    /* 연설을 마친 뒤 기자들과 만났다: a title told in the plural names a
     * group, not a holder whose name comes before it (the body they
     * belong to may: 금융회사 임원들) */
    /* (kg_lit_any: the first bytes compared inline, no strlen and
     * memcmp calls; an end is never 0 here, tb > ta >= 2) */
    int plural = kg_lit_any(s, x->len, tb, title_plurals) != 0;
    size_t ne = ta - 1;
    /* 홍길동 전 회장: a word for former or new between name and title */
    if (ne >= 2) {
        size_t ma = tok_begin(s, ne);
        if (ma >= 2 && ma < ne && s[ma - 1] == ' ' && kg_wordset_has(&ws_title_modifiers, s + ma, ne - ma))
            ne = ma - 1;
    }
    /* (玄成日) after the name */
    if (s[ne - 1] == ')') {
        size_t q = ne - 1;
        while (q > 0 && s[q] != '(' && ne - q < 40)
            q--;
        if (s[q] == '(')
            ne = q;
    }
    /* the body the person belongs to between name and title: the
     * person, then the body (one word or more) unless something found
     * it already */
    size_t fa, fe, fb, fbe;
    if (!strict && affiliated_name(x, ne, &fa, &fe, &fb, &fbe)) {
        if (kg_tctx_taken(x->c, fa, ne))
            return 0;
        if (!mention_type_at(x, fa, fe) && !plural)
            new_actor(x, fa, fe, "person", "title");
        /* each run of its words that nothing found is one body (a duty
         * before the title, 산업안보 담당, is none) */
        for (size_t p = fb; p < fbe;) {
            size_t ra = p, rb = p;
            while (p < fbe) {
                size_t we = p;
                while (we < fbe && s[we] != ' ')
                    we++;
                if (overlaps_actor(x, p, we))
                    break;
                rb = we;
                p = we < fbe ? we + 1 : we;
            }
            if (rb > ra) {
                const struct suffix *sf = org_suffix(s + ra, rb - ra);
                new_actor(x, ra, rb, sf ? sf->type : "organization", "title");
            } else {
                while (p < fbe && s[p] != ' ')
                    p++;
                p = p < fbe ? p + 1 : p;
            }
        }
        return 1;
    }
    /* 한빛외대 총장, 심리학과 교수: a body with no name before it is the
     * body, no name (a word of three syllables with a family name first
     * may be one: left to the rules below) */
    if (!strict) {
        size_t wa = tok_begin(s, ne);
        if (wa < ne && !overlaps_actor(x, wa, ne) && !kg_tctx_taken(x->c, wa, ne) &&
            !(x->lx && lex_exact(x, wa, ne) >= 0) && affiliation_word(x, wa, ne) &&
            !(syllables(s + wa, ne - wa) == 3 && surname_first(s + wa, ne - wa))) {
            const struct suffix *sf = org_suffix(s + wa, ne - wa);
            new_actor(x, wa, ne, sf ? sf->type : "organization", "title");
            return 1;
        }
    }
    if (plural)
        return 0;
    /* a body just found between name and title (not a person): the name
     * comes before it */
    int across = 0;
    /* (a body with its gloss between name and title, 무역대표부(USTR) 대표:
     * the gloss was found last; the body ends where its bracket opens) */
    size_t body_s = x->last_start;
    if (x->last_end != ne && ne < x->len && s[ne] == '(' && x->last_start > ne) {
        const kg_mentions *o = x->c->out;
        for (size_t k = o->n; k-- > 0 && o->v[k].nend + 64 > ne;)
            if (o->v[k].kind == KG_MENTION_ACTOR && o->v[k].nend == ne && o->v[k].nstart < ne) {
                if (!o->v[k].type || strcmp(o->v[k].type, "person") != 0)
                    body_s = o->v[k].nstart;
                break;
            }
    }
    if (body_s != x->last_start && body_s >= 2 && s[body_s - 1] == ' ') {
        ne = body_s - 1;
        across = 1;
    } else if (x->last_end == ne && x->last_start < ne && x->last_start >= 2 && s[x->last_start - 1] == ' ') {
        const char *type = x->last_lex >= 0 ? x->lx->actors[x->last_lex].type
                           : x->last_act >= 0 ? x->acts[x->last_act].type
                                              : NULL;
        if (!type || strcmp(type, "person") != 0) {
            ne = x->last_start - 1;
            across = 1;
        }
    }
    /* (사진) after the name when a body stands between: 홍길동(사진) 한빛 대표 */
    if (across && ne > 0 && s[ne - 1] == ')') {
        size_t q = ne - 1;
        while (q > 0 && s[q] != '(' && ne - q < 40)
            q--;
        if (s[q] == '(')
            ne = q;
    }
    size_t na = tok_begin(s, ne);
    /* a name that opens a note in parentheses glued to the word before:
     * 민사1부(홍길동 부장판사) */
    for (size_t q = ne; q > na + 1; q--)
        if (s[q - 1] == '(' && s[q - 2] != '(') {
            na = q;
            break;
        }
    /* an opening quote or bracket glued before the name: “홍길동 실장 */
    for (int more = 1; more && na < ne;) {
        more = 0;
        /* (the first bytes of opens, tested first) */
        unsigned char c0 = (unsigned char)s[na];
        if (c0 != '"' && c0 != '\'' && c0 != '(' && c0 != '[' && c0 != 0xE2 && c0 != 0xE3)
            break;
        static const char *const opens[] = { "\"", "'", "(", "[", "\xe2\x80\x9c", "\xe2\x80\x98", "\xe3\x80\x8c",
                                             "\xe3\x80\x8e", "\xe3\x80\x8a", "\xe3\x80\x88", NULL };
        for (int k = 0; opens[k]; k++) {
            size_t l = strlen(opens[k]);
            if (ne - na > l && !memcmp(s + na, opens[k], l)) {
                na += l;
                more = 1;
                break;
            }
        }
    }
    int special = 0;
    if (tb > ta)
        special = kg_wordset_has(&ws_place_titles, s + ta, tb - ta);
    if (special && !across && na >= 2 && s[na - 1] == ' ') {
        /* 홍길동 베이징 특파원: the name is two words back */
        size_t pa = tok_begin(s, na - 1);
        if (all_hangul(s + pa, na - 1 - pa) && syllables(s + pa, na - 1 - pa) >= 2 &&
            syllables(s + pa, na - 1 - pa) <= 4 && !kg_wordset_has(&ws_not_names, s + pa, na - 1 - pa)) {
            ne = na - 1;
            na = pa;
        }
    }
    if (na >= ne)
        return 0;
    size_t syl = syllables(s + na, ne - na);
    /* two words spelled from another language (마리아 로시), when the word
     * before the title is no name alone or looks spelled from elsewhere */
    size_t pa = na >= 2 && s[na - 1] == ' ' ? tok_begin(s, na - 1) : na;
    /* 한재원 누리칩 대표: a Korean name of three syllables (a family name,
     * two syllables of given names), not spelled from elsewhere, then a
     * word, before the title of a company's head
     * (names.yaml company_titles): the person and the company they lead,
     * no name of two words (마리아 로시 대표: the first word is spelled
     * from elsewhere; 이와야 다케시 외무상: no company's title) */
    if (!strict && !across && pa < na && tb > ta && kg_wordset_has(&ws_company_titles, s + ta, tb - ta) &&
        syllables(s + pa, na - 1 - pa) == 3 && all_hangul(s + pa, na - 1 - pa) && surname_first(s + pa, na - 1 - pa) &&
        given_syllables_at(s, pa) &&
        !loan_spelled(s, pa, na - 1) && !given_abroad_at(s, pa, na - 1) && all_hangul(s + na, ne - na) &&
        syllables(s + na, ne - na) >= 2 &&
        name_word_ok(x, pa, na - 1) &&
        !never_name(s, na, ne) && !kg_wordset_has(&ws_loan_common, s + na, ne - na) && !overlaps_actor(x, pa, ne) &&
        !kg_tctx_taken(x->c, pa, ne) && !(x->lx && (lex_exact(x, na, ne) >= 0 || lex_exact(x, pa, na - 1) >= 0))) {
        new_actor(x, pa, na - 1, "person", "title");
        const struct suffix *sf = org_suffix(s + na, ne - na);
        new_actor(x, na, ne, sf ? sf->type : "company", "title");
        return 1;
    }
    /* (a title only persons of another country hold, 외무상: its two
     * words need not look spelled from elsewhere, 이와야 다케시) */
    int foreign_title = 0;
    int two = pa < na &&
              (loan_spelled(s, na, ne) || loan_spelled(s, pa, na - 1) ||
               (foreign_title = tb > ta && kg_wordset_has(&ws_foreign_titles, s + ta, tb - ta))) &&
              foreign_name_ok_ex(x, pa, na - 1, ne, foreign_title) && name_context_ok(x, pa);
    /* 칼데라 CEO: the last word of the name of a person told before
     * (브루노 칼데라), when no name of two words ends here (nor may: a
     * bare word of Hangul before it may be a given name, 마리아 칼데라) */
    if (x->n_pm_multi && !two && !across && all_hangul(s + na, ne - na) &&
        !(pa < na && all_hangul(s + pa, na - 1 - pa) && strip_run(s, pa, na - 1) == na - 1 && !never_name(s, pa, na - 1)) &&
        !kg_tctx_taken(x->c, na, ne) && !overlaps_actor(x, na, ne) && person_by_last_word(x, na, ne))
        return 1;
    /* 솔지 씨, 낸시랭 씨: before 씨 (anon_titles) a given name alone or a
     * name from elsewhere, no family name needed */
    /* (the title looked up in anon_titles once, for both tests) */
    int anon_title = !two && kg_wordset_has(&ws_anon_titles, s + ta, tb - ta);
    int ssi = anon_title && !across && syl >= 2 && syl <= 4 &&
              all_hangul(s + na, ne - na) && !never_name(s, na, ne) && !is_title(s + na, ne - na) &&
              !kg_wordset_suffix(&ws_name_bad_ends, s + na, ne - na) && !kg_wordset_suffix(&ws_title_name_bad_ends, s + na, ne - na);
    /* before 씨 no word of four syllables or more that ends in a
     * particle (사람들은 씨를; names of three end in 도, 인: 이현도) */
    if (anon_title && syl >= 4 && kg_wordset_suffix(&ws_name_bad_ends, s + na, ne - na))
        return 0;
    if (two)
        na = pa;
    else if (!ssi && (!name_word_ok(x, na, ne) || (syl == 2 && !name_context_ok(x, na)) || (across && syl < 2) ||
                      (strict && !role_name_ok(s, na, ne, syl)) ||
                      (syl >= 3 && !strict && kg_wordset_suffix(&ws_title_name_bad_ends, s + na, ne - na)))) {
        if (pa == na || !foreign_name_ok(x, pa, na - 1, ne) || !name_context_ok(x, pa) ||
            (strict && !loan_spelled(s, pa, ne))) {
            size_t ba, be;
            if (across || strict || !name_before_body(x, na, ne, &ba, &be))
                return 0;
            /* the person (unless just found by its age: 홍길동(35)),
             * then the body when nothing knows it */
            int found = overlaps_actor(x, ba, be) && !overlaps_actor(x, be, ne);
            if ((!found && (overlaps_actor(x, ba, ne) || (x->lx && lex_exact(x, ba, be) >= 0))) ||
                kg_tctx_taken(x->c, found ? na : ba, ne))
                return 0;
            if (!found)
                new_actor(x, ba, be, "person", "title");
            if (!(x->lx && lex_exact(x, na, ne) >= 0))
                new_actor(x, na, ne, "organization", "title");
            return 1;
        }
        na = pa;
    }
    /* already a mention (a lexicon person)? */
    if ((x->last_end > na && x->last_start < ne && !across) || overlaps_actor(x, na, ne))
        return 0;
    if (x->lx && lex_exact(x, na, ne) >= 0)
        return 0;
    new_actor(x, na, ne, "person", "title");
    return 1;
}

/* A name of one word before the title of an office (names.yaml
 * office_titles) at [ta, tb) that the title rule did not take: a name
 * from elsewhere without a family name first (야누코비치 대통령, 케리
 * 장관), a Korean name of three syllables by its spelling (bare_name_ok),
 * a longer word with a family name first when spelled from elsewhere.
 * Before an office that is no title elsewhere (시장, also a market) a
 * word spelled from elsewhere or a Korean name only. Emits the person
 * and returns 1. */
static int bare_name_ok(actx *x, size_t a);
static int office_rule(actx *x, size_t ta, size_t tb)
{
    const char *s = x->s;
    (void)tb;
    if (ta < 3 || s[ta - 1] != ' ')
        return 0;
    size_t ne = ta - 1, na = tok_begin(s, ne);
    /* 만델라 전 대통령: a word for former or new between name and title */
    if (na >= 2 && na < ne && s[na - 1] == ' ' && kg_wordset_has(&ws_title_modifiers, s + na, ne - na)) {
        ne = na - 1;
        na = tok_begin(s, ne);
    }
    size_t syl = syllables(s + na, ne - na);
    if (na >= ne || syl < 2 || syl > 6 || !all_hangul(s + na, ne - na) || never_name(s, na, ne) ||
        is_title(s + na, ne - na) || org_suffix(s + na, ne - na) || kg_wordset_has(&ws_loan_common, s + na, ne - na) ||
        kg_wordset_suffix(&ws_foreign_bad_ends, s + na, ne - na) || kg_wordset_suffix(&ws_non_name_ends, s + na, ne - na) || !name_context_ok(x, na))
        return 0;
    int korean = surname_first(s + na, ne - na);
    /* five syllables or more are no Korean name (야누코비치) */
    if (korean ? !(syl == 3 ? bare_name_ok(x, na) : syl >= 5 || (syl == 4 && loan_spelled(s, na, ne)))
               : !is_title(s + ta, tb - ta) && !loan_spelled(s, na, ne))
        return 0;
    /* before an office that is no title elsewhere (시장, also a market)
     * a Korean name ends in a syllable common in given names (names:
     * given_syllables): 전기차 시장, 신흥국 시장 are markets */
    size_t k1;
    if (korean && syl == 3 && !is_title(s + ta, tb - ta) &&
        !has_cls(C_GIVEN, kg_u8_dec((const unsigned char *)s + na + 6, 3, &k1)))
        return 0;
    if ((x->last_end > na && x->last_start < ne) || overlaps_actor(x, na, ne) || kg_tctx_taken(x->c, na, ne) ||
        (x->lx && lex_exact(x, na, ne) >= 0))
        return 0;
    new_actor(x, na, ne, "person", "title");
    return 1;
}

/* The word of list at s[p] (the longest) that ends well there (particles
 * at most after it); its end, or 0. */
static int tail_ok_cb(const char *s, size_t len, size_t e, void *arg)
{
    (void)arg;
    size_t tend;
    return kg_tail_ok(s, len, e, &tend);
}

static size_t list_word_at(const char *s, size_t len, size_t p, const kg_wordset *list)
{
    size_t n = kg_wordset_prefix(list, s, len, p, tail_ok_cb, NULL);
    return n ? p + n : 0;
}

/* An age or a note in parentheses right after a name (김모(33)씨,
 * A(57)씨): the position after it, or p when there is none. */
static size_t skip_paren_note(const char *s, size_t len, size_t p)
{
    if (p >= len || s[p] != '(')
        return p;
    for (size_t q = p + 1; q < len && q < p + 24; q++) {
        if (s[q] == '\n' || s[q] == '(')
            return p;
        if (s[q] == ')')
            return q + 1;
    }
    return p;
}

/* 0 if no title of anon_titles or anon_titles_spaced can follow at p
 * (anon_title_at without titles_too finds none): the syllable after a
 * note in parentheses and a space starts none of them. Else 1. */
static int anon_title_may(const char *s, size_t len, size_t p)
{
    if (!anon_first_ok)
        return 1;
    p = skip_paren_note(s, len, p);
    if (p < len && s[p] == ' ')
        p++;
    size_t k;
    return p + 3 <= len && has_cls(C_ANON1, kg_u8_dec((const unsigned char *)s + p, 3, &k));
}

/* A title after a name at p, after an optional note in parentheses and
 * one space: one of anon_titles (씨); after a space, of
 * anon_titles_spaced (군, 양) when spaced_ok, glued too when spaced_ok
 * is 2; of the titles when titles_too, of the roles too (role_titles:
 * 일병, 경위) when titles_too is 2. Its end (particles left out), or 0;
 * *tp: where the title starts. */
static size_t anon_title_at(const char *s, size_t len, size_t p, int spaced_ok, int titles_too, size_t *tp)
{
    p = skip_paren_note(s, len, p);
    int space = p < len && s[p] == ' ';
    if (space)
        p++;
    *tp = p;
    size_t e = list_word_at(s, len, p, &ws_anon_titles);
    if (!e && (space || spaced_ok > 1) && spaced_ok)
        e = list_word_at(s, len, p, &ws_anon_titles_spaced);
    if (!e && titles_too)
        e = list_word_at(s, len, p, &ws_titles);
    if (!e && titles_too > 1)
        e = list_word_at(s, len, p, &ws_role_titles);
    return e ? strip_particles(s, len, p, e) : 0;
}

/* A person the article does not name: a capital letter (A씨, B 씨, A(57)씨,
 * K기자), a family name and 모 (김모씨, 이 모 씨, 김모(33)씨), or a family
 * name alone with 씨, 군 or 양 (박씨는, 김 씨가). The word starts at i;
 * emits the person (named by the letter or the family name and the title,
 * so that A씨 and A 씨 are one) and returns the end, else 0. */
static size_t anon_rule(actx *x, size_t i)
{
    const char *s = x->s;
    size_t len = x->len, e = 0, tp = 0, head_end;
    if (s[i] >= 'A' && s[i] <= 'Z') {
        if (i + 1 < len && (is_lat(s[i + 1]) || is_dig(s[i + 1])))
            return 0;
        head_end = i + 1;
        /* A군, B(3)군, A(19) 일병: after a letter 군 and 양 glued too,
         * and the roles */
        e = anon_title_at(s, len, head_end, 2, 2, &tp);
    } else {
        size_t n1 = 0, k1;
        if (i + 3 > len || !has_cls(C_FAMILY, kg_u8_dec((const unsigned char *)s + i, 3, &k1)))
            return 0;
        /* (the syllable decoded: a family name of one syllable, ws_family's
         * lookup of the three bytes in one bit) */
        if (has_cls(C_FAMILY1, kg_u8_dec((const unsigned char *)s + i, 3, &k1)))
            n1 = 3;
        if (!n1 || i + 6 > len)
            return 0;
        /* 홍길동씨, 홍길동(35)씨: a full name glued to 씨 (spaced, the
         * title rule finds it) */
        /* three syllables: two and 씨 are mostly words (마음씨) */
        size_t ne = i + 9;
        /* (the title after it tested first, on its first syllable) */
        if (ne + 3 <= len && all_hangul(s + i, ne - i) && anon_title_may(s, len, ne)) {
            size_t q = skip_paren_note(s, len, ne), te2 = list_word_at(s, len, q, &ws_anon_titles);
            if (te2 && name_word_ok(x, i, ne) &&
                !overlaps_actor(x, i, ne) && !kg_tctx_taken(x->c, i, ne)) {
                kg_buf *id = slug_of(x, s + i, ne - i);
                int act = dact_add(x, id->ptr, id->len, s + i, ne - i, "person", "title", -1);
                emit_act(x, i, ne, act);
                return te2;
            }
        }
        head_end = i + 3;
        /* 김모, 이 모: the family name and 모, then a title */
        size_t g = head_end < len && s[head_end] == ' ' ? head_end + 1 : head_end, ge = 0;
        ge = kg_lit_any(s, len, g, anon_given);
        if (ge && (e = anon_title_at(s, len, ge, 1, 2, &tp)))
            head_end = ge;
        else if (!anon_title_may(s, len, head_end) ||
                 !(e = anon_title_at(s, len, head_end, !kg_wordset_has(&ws_not_names, s + i, 3), 0, &tp)))
            return 0;
        else if (skip_paren_note(s, len, head_end) != head_end)
            return 0; /* 김(33)씨: no */
    }
    if (!e || overlaps_actor(x, i, e) || kg_tctx_taken(x->c, i, e))
        return 0;
    char name[96];
    size_t hn = head_end - i, tn = e - tp;
    if (hn + tn >= sizeof name)
        return 0;
    size_t o = 0;
    for (size_t q = i; q < head_end; q++)
        if (s[q] != ' ')
            name[o++] = s[q];
    memcpy(name + o, s + tp, tn);
    o += tn;
    int act = -1;
    if (s[i] & 0x80 && head_end == i + 3 && anon_given[0] && o + strlen(anon_given[0]) < sizeof name) {
        /* 김씨 after 김모(52)씨: the person told before (names.yaml
         * anon_given), when the text has one */
        char full[96];
        size_t gl = strlen(anon_given[0]);
        memcpy(full, name, 3);
        memcpy(full + 3, anon_given[0], gl);
        memcpy(full + 3 + gl, name + 3, o - 3);
        kg_buf *fid = slug_of(x, full, o + gl);
        char idb[128];
        size_t idn = fid->len < sizeof idb - 1 ? fid->len : sizeof idb - 1;
        memcpy(idb, fid->ptr, idn);
        idb[idn] = '\0';
        act = dact_find(x, idb, id_hash(idb, strlen(idb)));
    }
    if (act < 0) {
        kg_buf *id = slug_of(x, name, o);
        act = dact_add(x, id->ptr, id->len, name, o, "person", "anonymous", -1);
    }
    emit_act(x, i, e, act);
    return e;
}

/* The key of the n (6 or 3) bytes that end at s[e] (e >= 8): the eight
 * bytes before e, loaded at once, with the others masked out. */
static uint64_t intro_mask[7];

static uint64_t intro_key_at(const char *s, size_t e, size_t n)
{
    uint64_t w;
    memcpy(&w, s + e - 8, 8);
    return (w & intro_mask[n]) ^ n;
}

static unsigned intro_slot(uint64_t k)
{
    return (unsigned)((k * 0x9E3779B97F4A7C15ull) >> (64 - intro_bits));
}

static void intro_add(const char *w, unsigned flag)
{
    if (!intro_mask[6])
        for (int n = 3; n <= 6; n += 3) {
            unsigned char m[8] = { 0 };
            memset(m + 8 - n, 0xFF, (size_t)n);
            memcpy(&intro_mask[n], m, 8);
        }
    size_t n = strlen(w), kn = n >= 6 ? 6 : 3;
    if (n < 3)
        return; /* a word of the user's too short for a key: never met */
    char buf[8] = { 0 };
    memcpy(buf + 8 - kn, w + n - kn, kn);
    uint64_t k = intro_key_at(buf, 8, kn);
    unsigned h = intro_slot(k);
    while (intro_key[h] && intro_key[h] != k)
        h = (h + 1) & ((1u << intro_bits) - 1);
    if (!intro_key[h] && ++intro_n >= (1u << intro_bits) / 2)
        return; /* full (never with the sizes tables_init makes) */
    intro_key[h] = k;
    intro_flag[h] |= (unsigned char)flag;
}

/* What may end at s[e] (e >= 8): 1 a descriptor, 2 a lead title, 0
 * neither, by the last two syllables (the last three letters for CEO). */
static unsigned intro_end(const char *s, size_t e)
{
    uint64_t k = intro_key_at(s, e, (unsigned char)s[e - 1] < 0x80 ? 3 : 6);
    for (unsigned h = intro_slot(k); intro_key[h]; h = (h + 1) & ((1u << intro_bits) - 1))
        if (intro_key[h] == k)
            return intro_flag[h];
    return 0;
}

/* The word before the word at a when one space separates them, without
 * a gloss in parentheses at its end (최고경영자(CEO) 샘 올트먼): [*pa, *pb).
 * 0 if there is none. */
static int word_before(const char *s, size_t a, size_t *pa, size_t *pb)
{
    if (a < 3 || s[a - 1] != ' ' || s[a - 2] == ' ' || s[a - 2] == '\n')
        return 0;
    size_t e = a - 1;
    if (s[e - 1] == ')') {
        size_t q = e - 1;
        while (q > 0 && s[q] != '(' && s[q] != '\n' && e - q < 48)
            q--;
        if (s[q] != '(')
            return 0;
        e = q;
    }
    size_t b = tok_begin(s, e);
    if (b >= e)
        return 0;
    *pa = b;
    *pb = e;
    return 1;
}

/* Endings of words that are no names: verbs and adverbs (스스로, 이르면,
 * 드러난), whatever syllables they are spelled with. */
static int ends_as_non_name(const char *s, size_t a, size_t b)
{
    return kg_wordset_suffix(&ws_non_name_ends, s + a, b - a);
}

/* The end of a descriptor before a tail of descriptor_tails ending at e
 * (경쟁사인: 경쟁사), else 0. */
static unsigned char dtail_last[256]; /* the last bytes of descriptor_tails */

static size_t descriptor_before_tail(const char *s, size_t e)
{
    if (e < 9 || !dtail_last[(unsigned char)s[e - 1]])
        return 0; /* (most words: one lookup) */
    for (const char *const *t = descriptor_tails; *t; t++) {
        size_t tl = strlen(*t);
        if (tl && e >= tl + 8 && !memcmp(s + e - tl, *t, tl) && (intro_end(s, e - tl) & 1))
            return e - tl;
    }
    return 0;
}

/* A name right after the word that introduces it: a descriptor
 * (시장조사업체 트렌드포스는, 영국 매체 가디언은) or a title that may lead
 * (공동창업자 일리야 수츠케버는). After a descriptor the name is one word
 * spelled from another language; after a title, two such words (one word
 * there is too often a common noun). [i, te) is the Hangul run at the
 * word start. Emits the actor and returns its end, or 0. */
static size_t intro_rule(actx *x, size_t i, size_t te)
{
    const char *s = x->s;
    size_t len = x->len, pa, pb;
    if (!word_before(s, i, &pa, &pb))
        return 0;
    unsigned what = pb >= 8 ? intro_end(s, pb) : 0;
    size_t pd;
    if (!what && (pd = descriptor_before_tail(s, pb)) && pd > pa) {
        pb = pd; /* 경쟁사인 X: the descriptor before its copula */
        what = 1;
    }
    if (!what)
        return 0;
    const char *type = NULL;
    int title = (what & 2) && kg_wordset_has(&ws_lead_titles, s + pa, pb - pa);
    if (title)
        type = "person";
    else if (what & 1)
        type = descriptor_type(s, pa, pb);
    if (!type)
        return 0;
    size_t ne;
    if (!title && te < len && s[te] >= 'A' && s[te] <= 'Z') {
        /* a name of Hangul and capitals after a descriptor (스타트업
         * 한빛AI가): one to four syllables, two to five capitals, then
         * particles or the word's end */
        size_t le = te, syl = syllables(s + i, te - i), pend;
        while (le < len && s[le] >= 'A' && s[le] <= 'Z')
            le++;
        if (syl < 1 || syl > 4 || le - te < 2 || le - te > 5 || (le < len && (is_lat(s[le]) || is_dig(s[le]))) ||
            !kg_tail_ok(s, len, le, &pend) || kg_wordset_has(&ws_loan_common, s + i, te - i) || never_name(s, i, te))
            return 0;
        ne = le;
    } else if (te < len && (is_lat(s[te]) || is_dig(s[te]))) {
        return 0;
    } else if (title) {
        /* two words: the first (bare: 일리야 does not end in a particle
         * here), one space, the second */
        size_t m = te;
        if (m + 1 >= len || s[m] != ' ')
            return 0;
        size_t b2 = kg_hangul_run_end(s, len, m + 1);
        if (b2 == m + 1 || (b2 < len && (is_lat(s[b2]) || is_dig(s[b2]))))
            return 0;
        size_t w2 = strip_run(s, m + 1, b2);
        /* (spelled from elsewhere, or a given name from elsewhere
         * first: 에밀리 첸) */
        if (!foreign_name_ok(x, i, m, w2) ||
            (!loan_spelled(s, i, m) && !loan_spelled(s, m + 1, w2) && !given_abroad_at(s, i, m)) ||
            kg_wordset_has(&ws_loan_common, s + i, m - i) || kg_wordset_has(&ws_loan_common, s + m + 1, w2 - m - 1))
            return 0;
        ne = w2;
    } else {
        size_t w = strip_run(s, i, te), syl;
        /* (a name ending in spelled letters may end in a syllable no
         * name ends in otherwise, or in one a particle is spelled with:
         * 아이 of 한빛에이아이, 케이 of 다온에스케이) */
        int spelled = 0, loan;
        if (w < te && te - i <= 18 && spelled_tail(s, i, te))
            w = te;
        syl = syllables(s + i, w - i);
        if (syl < 2 || syl > 6 || !all_hangul(s + i, w - i))
            return 0;
        /* (spelled_tail asked only when it decides: no loan syllable, or
         * an end no name has) */
        loan = loan_spelled(s, i, w);
        /* (a long word spelled from elsewhere may end as a verb does:
         * 브라이트코어, 오픈웨어; one of four syllables or more after a
         * descriptor is a name) */
        if ((!loan || (syl < 4 && ends_as_non_name(s, i, w))) && !(spelled = spelled_tail(s, i, w)))
            return 0;
        if (kg_wordset_has(&ws_loan_common, s + i, w - i) || never_name(s, i, w) || is_title(s + i, w - i) ||
            org_suffix(s + i, w - i))
            return 0;
        ne = w;
    }
    if (kg_tctx_taken(x->c, i, ne) || overlaps_actor(x, i, ne) || (x->lx && lex_exact(x, i, ne) >= 0))
        return 0;
    new_actor(x, i, ne, type, title ? "title" : "descriptor");
    return ne;
}

/* A person listed after a person (list_rule's test passed: a comma or
 * a joining particle after the person just found, then a space): a name
 * by its spelling, a Korean name of three syllables whose given name is
 * of given-name syllables (홍길동과 김민수는), or a word of two to five
 * syllables spelled from elsewhere before a particle of partner_particles
 * (홍길동과 스미스는). Emits it and returns its end, else 0. */
static size_t partner_rule(actx *x, size_t i, size_t te)
{
    const char *s = x->s;
    size_t len = x->len, w = strip_run(s, i, te);
    if (w <= i || !all_hangul(s + i, w - i))
        return 0;
    size_t syl = syllables(s + i, w - i);
    /* (a particle of the list after it, or a comma) */
    int part = w < te && kg_wordset_has(&ws_partner_particles, s + w, te - w);
    if (!part && !(w == te && te < len && s[te] == ','))
        return 0;
    /* (bare_name_ok asks for the family name first) */
    int korean = syl == 3 && given_syllables_at(s, i) && bare_name_ok(x, i);
    int abroad = !korean && syl >= 2 && syl <= 5 && loan_spelled(s, i, w) &&
                 !kg_wordset_has(&ws_loan_common, s + i, w - i) && !never_name(s, i, w) && !org_suffix(s + i, w - i) &&
                 !is_title(s + i, w - i) && !overlaps_actor(x, i, w) && !kg_tctx_taken(x->c, i, w) &&
                 !(x->lx && lex_exact(x, i, w) >= 0);
    if (!korean && !abroad)
        return 0;
    new_actor(x, i, w, "person", "list");
    return w;
}

/* A name listed after an actor of the same kind: 삼성전자, 리벨리온,
 * 퓨리오사AI 등. The word at i follows ", " (or a joining particle and
 * a space) right after a company or organisation mention, and a comma
 * or 등 follows it; after a person, partner_rule reads it. Emits it with its
 * sibling's type and returns its end, or 0. */
static size_t list_rule(actx *x, size_t i, size_t te)
{
    const char *s = x->s;
    size_t len = x->len;
    if (i < 3 || s[i - 1] != ' ')
        return 0;
    /* after a comma, or after a joining particle (과) and then closed by
     * 등 only */
    int joined = 0;
    if (s[i - 2] != ',' || x->last_end != i - 2) {
        if (!x->last_end || x->last_end >= i - 1 || kg_lit_any(s, len, x->last_end, list_joiners) != i - 1)
            return 0;
        joined = 1;
    }
    const char *type = x->last_lex >= 0 ? x->lx->actors[x->last_lex].type
                       : x->last_act >= 0 ? x->acts[x->last_act].type
                                          : NULL;
    if (type && !strcmp(type, "person"))
        return partner_rule(x, i, te);
    if (!type || (strcmp(type, "company") != 0 && strcmp(type, "organization") != 0))
        return 0;
    /* the name: Hangul, perhaps with capitals glued on (퓨리오사AI) */
    size_t ne = te;
    while (ne < len && ne - te < 4 && s[ne] >= 'A' && s[ne] <= 'Z')
        ne++;
    if (ne < len && (is_lat(s[ne]) || is_dig(s[ne])))
        return 0;
    size_t w = ne > te ? ne : strip_run(s, i, te);
    size_t we = ne > te ? ne : te; /* end of the word */
    /* then a comma, or 등 (with a particle glued or not) */
    size_t tend, m;
    int listed = (!joined && w == we && we < len && s[we] == ',') ||
                 (we + 1 < len && s[we] == ' ' && (m = kg_lit_any(s, len, we + 1, list_closers)) && kg_tail_ok(s, len, m, &tend));
    if (!listed)
        return 0;
    size_t syl = syllables(s + i, te - i);
    if (syl < 2 || syl > 6 || w <= i || kg_wordset_has(&ws_not_names, s + i, w - i) ||
        kg_wordset_has(&ws_loan_common, s + i, w - i) || kg_wordset_has(&ws_not_orgs, s + i, w - i) ||
        is_title(s + i, w - i) || ends_as_non_name(s, i, te < w ? te : w))
        return 0;
    if (kg_tctx_taken(x->c, i, w) || overlaps_actor(x, i, w))
        return 0;
    new_actor(x, i, w, type, "list");
    return w;
}

/* A company named with its legal form: (주)한빛테크, 한빛테크(주). [a, te)
 * is the Hangul run of the name; emits it and returns its end, or 0. */
static size_t corp_rule(actx *x, size_t a, size_t te)
{
    const char *s = x->s;
    size_t len = x->len;
    size_t ne = te;
    while (ne < len && ne - te < 12 && (is_lat(s[ne]) || is_dig(s[ne])))
        ne++;
    if (ne == a)
        return 0;
    size_t w = ne > te ? ne : strip_run(s, a, te);
    if (ne > te && ne < len && (unsigned char)s[ne] >= 0xEA) {
        size_t tend;
        if (!kg_tail_ok(s, len, ne, &tend))
            return 0;
    }
    size_t syl = syllables(s + a, w - a);
    if (syl < 2 || syl > 12 || kg_tctx_taken(x->c, a, w) || overlaps_actor(x, a, w))
        return 0;
    if (x->lx && lex_exact(x, a, w) >= 0)
        return 0;
    new_actor(x, a, w, "company", "legal-form");
    return w;
}

/* An organisation by its suffix: the word [a, w) (particles stripped). */
static size_t suffix_rule(actx *x, size_t a, size_t w)
{
    const char *s = x->s;
    const struct suffix *sf = org_suffix(s + a, w - a);
    if (!sf)
        return 0;
    /* the name goes with a lexicon actor right before it: 국무원 과기부
     * (not with a person: 김정관 산업통상부 장관 is the minister and his
     * ministry) */
    size_t na = a;
    int prev_lex = -1;
    if (x->last_end + 1 == a && a > 0 && s[a - 1] == ' ' && x->last_lex >= 0 &&
        !x->lx->actors[x->last_lex].is_person)
        prev_lex = x->last_lex;
    /* the same word seen before keeps its id */
    int act = -1;
    for (int nch = 2; nch >= 1 && act < 0; nch--)
        for (int i = al_chain(x, char_hash(s + na, x->len - na, nch)); i >= 0; i = x->al_next[i]) {
            size_t e = key_match(s, x->len, na, al_key(x, i), x->al[i].klen);
            if (e == w) {
                act = x->al[i].act;
                break;
            }
        }
    if (act < 0) {
        kg_buf *id = &x->idbuf, *name = &x->namebuf;
        kg_buf_reset(id);
        kg_buf_reset(name);
        if (prev_lex >= 0) {
            const kg_lex_actor *p = &x->lx->actors[prev_lex];
            kg_buf_puts(id, p->id);
            kg_buf_putc(id, '-');
            size_t pa = tok_begin(s, a - 1);
            kg_buf_add(name, s + pa, a - pa);
        }
        kg_slug_append(id, s + na, w - na);
        kg_buf_add(name, s + na, w - na);
        /* (dact_add keeps 127 bytes of an id) */
        act = dact_add(x, id->ptr, id->len, name->ptr, name->len, sf->type, "suffix", -1);
        alias_add(x, s + na, w - na, act);
    }
    emit_act(x, na, w, act);
    return w;
}


/* 1 if the word [a, b) ends like a verb that modifies a noun (새로운,
 * 설립한: names: modifier_ends). */
static int modifier_end(const char *s, size_t a, size_t b)
{
    for (int q = 0; modifier_ends[q]; q++)
        if (ends_with(s + a, b - a, modifier_ends[q]))
            return 1;
    return 0;
}

/* 1 if the word [a, b) is a title, a role or a lead role (대표, 선수,
 * 감독): a word for what a person is, no name. */
static int title_or_role(const char *s, size_t a, size_t b)
{
    return is_title(s + a, b - a) || kg_wordset_has(&ws_role_titles, s + a, b - a) ||
           kg_wordset_has(&ws_lead_roles, s + a, b - a);
}
/* A multi-word name ending in a suffix word: MIT 테크놀로지 리뷰,
 * 파이낸셜 타임스, 스탠포드 대학교. [a, w) is the suffix word. */
static size_t suffix_words_rule(actx *x, size_t a, size_t w)
{
    const char *s = x->s;
    const struct suffix *sf = NULL;
    /* else no suffix word can be it */
    if (w - a <= suffix_max_len && w - a >= 3 && strong_last(s + w - 3))
        sf = strong_suffix_is(s + a, w - a, 1);
    if (!sf)
        return 0;
    span toks[6];
    int nt = head_tokens(x, a > 0 ? a - 1 : 0, toks, 4);
    if (a == 0 || s[a - 1] != ' ' || nt == 0)
        return 0;
    /* drop leading modifiers; need a name word */
    int latin = 0, use = 0;
    for (int k = 0; k < nt; k++) {
        size_t ta = toks[k].a, tb = toks[k].b;
        if (x->last_end > ta)
            break;
        if (kg_wordset_has(&ws_not_name_parts, s + ta, tb - ta) || (latin_is_stop(s + ta, tb - ta)))
            break;
        /* a verb before the noun (설립한 연구소, 새로 만든 재단) */
        if (tb - ta >= 6 && modifier_end(s, ta, tb))
            break;
        if (is_lat(s[ta]))
            latin = 1;
        use = k + 1;
    }
    if (!use)
        return 0;
    if (sf->strong == 2 && !latin)
        return 0;
    size_t na = toks[use - 1].a;
    new_actor(x, na, w, sf->type, "suffix");
    return w;
}

/* The type a descriptor right before s[q] gives the name after it
 * (시장조사업체 '한빛리서치', 인터넷 매체 '한빛뉴스'), or NULL. */
static const char *descriptor_before(const char *s, size_t q)
{
    size_t pa, pb;
    if (!word_before(s, q, &pa, &pb) || pb < 8 || !(intro_end(s, pb) & 1))
        return NULL;
    return descriptor_type(s, pa, pb);
}

/* A quoted name: before 라는 + an organisation noun ('엔진 AI'라는
 * 스타트업), or after a descriptor (결혼정보업체 '다온'이), of one to three
 * words of letters and digits. */
static size_t quoted_rule(actx *x, size_t q)
{
    const char *s = x->s;
    size_t len = x->len;
    char qc = s[q];
    size_t a = q + 1, b = a;
    while (b < len && s[b] != qc && s[b] != '\n' && b - a < 40)
        b++;
    if (b >= len || s[b] != qc || b == a)
        return 0;
    size_t k = b + 1;
    const char *type = "company";
    size_t m = kg_lit_any(s, len, k, quote_namers);
    if (m && m < len && s[m] == ' ') {
        k = m + 1;
        if (!kg_lit_any(s, len, k, company_heads))
            return 0;
    } else if ((type = descriptor_before(s, q)) != NULL) {
        /* the name: words of letters and digits, a particle or an end
         * after the closing quote */
        int words = 1;
        for (size_t j = a; j < b; j++) {
            unsigned char c = (unsigned char)s[j];
            if (c == ' ')
                words++;
            else if (c < 0x80 && !is_lat((char)c) && !is_dig((char)c) && c != '-' && c != '&' && c != '.')
                return 0;
        }
        size_t pe, lw = b;
        while (lw > a && s[lw - 1] != ' ')
            lw--;
        /* (영국 매체 '…끝났다'고: words quoted, not a name) */
        if (words > 3 || s[a] == ' ' || s[b - 1] == ' ' || ends_as_non_name(s, lw, b) || kg_lit_any(s, len, k, speech_tails) ||
            !(k >= len || s[k] == ' ' || s[k] == ',' || s[k] == '.' || s[k] == ')' || kg_tail_ok(s, len, k, &pe)))
            return 0;
    } else {
        return 0;
    }
    /* a name the lexicon knows is matched as such */
    if (lex_exact(x, a, b) >= 0)
        return 0;
    for (int nch = 2; nch >= 1; nch--)
        for (int q2 = al_chain(x, char_hash(s + a, len - a, nch)); q2 >= 0; q2 = x->al_next[q2])
            if (key_match(s, len, a, al_key(x, q2), x->al[q2].klen) == b)
                return 0;
    kg_buf *id = slug_of(x, s + a, b - a);
    if (!id->len) {
        return 0;
    }
    int act = dact_add(x, id->ptr, id->len, s + a, b - a, type, "quoted", -1);
    alias_add(x, s + a, b - a, act);
    emit_act(x, a, b, act);
    return b;
}

/* All-capital acronyms: DJI, SMIC. */
static size_t acronym_rule(actx *x, size_t i)
{
    const char *s = x->s;
    size_t len = x->len, j = i;
    int up = 0;
    while (j < len && ((s[j] >= 'A' && s[j] <= 'Z') || is_dig(s[j]) || s[j] == '&')) {
        if (s[j] >= 'A' && s[j] <= 'Z')
            up++;
        j++;
    }
    if (up < 2 || j - i > 8 || (j < len && (is_lat(s[j]) || s[j] == '-' || s[j] == '_')))
        return 0;
    if (is_dig(s[j - 1]))
        return 0;
    if (i > 0 && (is_lat(s[i - 1]) || is_dig(s[i - 1]) || s[i - 1] == '-' || s[i - 1] == '/' || s[i - 1] == '.'))
        return 0;
    if (j < len && (s[j] == '/' || (s[j] == '.' && j + 1 < len && is_lat(s[j + 1]))))
        return 0;
    /* a gloss in parentheses right after a Hangul word is the gloss
     * rule's business: (SE)01 */
    if (i > 0 && s[i - 1] == '(')
        return 0;
    if (latin_is_stop(s + i, j - i))
        return 0;
    /* a term with a generation or version number (HBM3E, LPDDR5X) */
    for (size_t k = i + 1; k < j; k++)
        if (is_dig(s[k])) {
            if (latin_is_stop(s + i, k - i))
                return 0;
            break;
        }
    if (j < len && s[j] == ' ' && j + 1 < len && is_lat(s[j + 1]) && s[j + 1] >= 'a')
        return 0;
    /* MIT 테크놀로지 리뷰: words up to a suffix word make one name */
    size_t q = j, name_end = j;
    for (int tk = 0; tk < 3 && q < len && s[q] == ' '; tk++) {
        size_t ta = q + 1, te = hangul_run_end(s, len, ta);
        if (te == ta)
            break;
        size_t w = strip_run(s, ta, te);
        int is_suf = 0;
        if (w - ta >= 3 && strong_last(s + w - 3)) /* else none is it */
            is_suf = strong_suffix_is(s + ta, w - ta, 0) != NULL;
        if (is_suf) {
            name_end = w;
            break;
        }
        if (w != te || (te < len && s[te] != ' '))
            break;
        q = te;
    }
    /* SK하이닉스, LG전자는: Hangul glued to the letters is the rest of a
     * company's name (particles aside) */
    const char *type = "organization";
    if (name_end == j && j + 6 <= len && (unsigned char)s[j] >= 0xEA && (unsigned char)s[j] <= 0xED) {
        size_t te = hangul_run_end(s, len, j);
        size_t w = te > j ? strip_run(s, j, te) : j;
        if (syllables(s + j, w - j) >= 2 && (te >= len || !(is_lat(s[te]) || is_dig(s[te])))) {
            const struct suffix *sf = org_suffix(s + j, w - j);
            name_end = w;
            type = sf ? sf->type : "company";
        }
    }
    kg_buf *id = slug_of(x, s + i, name_end - i);
    int act = dact_add(x, id->ptr, id->len, s + i, name_end - i, type, "acronym", -1);
    if (name_end != j) {
        alias_add(x, s + i, name_end - i, act);
        j = name_end;
    }
    emit_act(x, i, j, act);
    return j;
}

/* ------------------------------------------------------------------ */

/* The actor type t names (one of kg_actor_types), else organization: a
 * grammar file's type is the user's. */
static const char *actor_type(const char *t)
{
    for (const char *const *k = kg_actor_types; t && *k; k++)
        if (!strcmp(*k, t))
            return *k;
    return "organization";
}

static int has_class(const kg_gram_entry *e, const char *cls)
{
    for (const char *const *c = e->classes; *c; c++)
        if (!strcmp(*c, cls))
            return 1;
    return 0;
}

/* A whole number of syllables in a field (min_stem), or dflt when the
 * field is missing or no number; at most 64. */
static int field_count(const kg_gram_entry *e, const char *name, int dflt)
{
    const char *v = kg_gram_field(e, name);
    if (!v || *v < '0' || *v > '9')
        return dflt;
    int n = 0;
    for (; *v >= '0' && *v <= '9'; v++)
        n = n > 64 ? 65 : n * 10 + (*v - '0');
    return *v || n > 64 ? dflt : n;
}

/* The lists of grammar names, once (from tables_init). */
static void lists_load(void)
{
    titles = kg_gram_words("names", "titles");
    latin_stop = kg_gram_words("names", "latin_stop");
    not_names = kg_gram_words("names", "not_names");
    not_orgs = kg_gram_words("names", "not_orgs");
    not_org_ends = kg_gram_words("names", "not_org_ends");
    admin_heads = kg_gram_words("names", "admin_heads");
    admin_named = kg_gram_class("names", "admin_heads", "named");
    term_marks = kg_gram_words("names", "term_marks");
    name_bad_single = kg_gram_words("names", "name_bad_single");
    place_titles = kg_gram_words("names", "place_titles");
    foreign_titles = kg_gram_words("names", "foreign_titles");
    list_closers = kg_gram_words("names", "list_closers");
    list_joiners = kg_gram_words("names", "list_joiners");
    quote_namers = kg_gram_words("names", "quote_namers");
    region_suffixes = kg_gram_words("names", "region_suffixes");
    place_particles = kg_gram_words("names", "place_acting_particles");
    han_company_ends = kg_gram_words("names", "han_company_ends");
    place_words = kg_gram_words("names", "place_acting_words");
    latin_name_suffixes = kg_gram_words("names", "latin_name_suffixes");
    corp_marks = kg_gram_words("names", "corp_marks");
    corp_lead_ok = 1;
    for (const char *const *p = corp_marks; *p; p++) {
        corp_lead[(unsigned char)**p] = 1;
        if (!**p)
            corp_lead_ok = 0;
    }
    not_name_parts = kg_gram_words("names", "not_name_parts");
    lead_titles = kg_gram_words("names", "lead_titles");
    loan_common = kg_gram_words("names", "loan_common");
    gloss_not_heads = kg_gram_words("names", "gloss_not_heads");
    title_suffixes = kg_gram_words("names", "title_suffixes");
    title_suffix_not = kg_gram_words("names", "title_suffix_not_words");
    gloss_function_words = kg_gram_words("names", "gloss_function_words");
    spelled_letters_list = kg_gram_words("names", "spelled_letters");
    for (size_t k = 0; spelled_letters_list[k]; k++) {
        size_t l = strlen(spelled_letters_list[k]);
        if (l >= 3)
            kg_sylset_add_first(&spelled_last, spelled_letters_list[k] + l - 3);
    }
    family_names = kg_gram_words("names", "family_names");
    clause_openers = kg_gram_words("names", "clause_openers");
    context_endings = kg_gram_words("names", "context_endings");
    name_bad_ends = kg_gram_words("names", "name_bad_ends");
    foreign_bad_ends = kg_gram_words("names", "foreign_bad_ends");
    short_given_names = kg_gram_words("names", "short_given_names");
    given_abroad = kg_gram_words("names", "given_names_abroad");
    loan_syl = kg_gram_words("names", "loan_syllables");
    given_syl = kg_gram_words("names", "given_syllables");
    bare_particles = kg_gram_words("names", "bare_name_particles");
    given_bad_ends = kg_gram_words("names", "given_bad_ends");
    non_name_ends = kg_gram_words("names", "non_name_ends");
    modifier_ends = kg_gram_words("names", "modifier_ends");
    company_heads = kg_gram_words("names", "company_heads");
    company_titles = kg_gram_words("names", "company_titles");
    anon_titles = kg_gram_words("names", "anon_titles");
    anon_titles_spaced = kg_gram_words("names", "anon_titles_spaced");
    anon_given = kg_gram_words("names", "anon_given");
    descriptor_tails = kg_gram_words("names", "descriptor_tails");
    for (const char *const *t = descriptor_tails; *t; t++)
        if (**t)
            dtail_last[(unsigned char)(*t)[strlen(*t) - 1]] = 1;
    speech_tails = kg_gram_words("names", "quoted_speech_tails");
    real_name_marks = kg_gram_words("names", "real_name_marks");
    office_titles = kg_gram_words("names", "office_titles");
    rank_marks = kg_gram_words("names", "rank_marks");
    report_verbs = kg_gram_words("names", "report_verbs");
    report_verbs_dated = kg_gram_words("names", "report_verbs_dated");
    report_particles = kg_gram_words("names", "report_subject_particles");
    unnamed_sources = kg_gram_words("names", "unnamed_sources");
    role_titles = kg_gram_words("names", "role_titles");
    role_name_bad_ends = kg_gram_words("names", "role_name_bad_ends");
    bare_name_bad_ends = kg_gram_words("names", "bare_name_bad_ends");
    office_ends = kg_gram_words("names", "office_ends");
    former_marks = kg_gram_words("names", "former_marks");
    title_modifiers = kg_gram_words("names", "title_modifiers");
    title_plurals = kg_gram_words("names", "title_plurals");
    ordinal_marks = kg_gram_words("names", "ordinal_marks");
    country_pairs = kg_gram_words("names", "country_pairs");
    lead_roles = kg_gram_words("names", "lead_roles");
    title_name_bad_ends = kg_gram_words("names", "title_name_bad_ends");
    affiliation_ends = kg_gram_words("names", "affiliation_ends");
    head_tails = kg_gram_words("names", "body_head_tails");
    short_name_marks = kg_gram_words("names", "short_name_marks");
    country_sides = kg_gram_words("names", "country_sides");
    {
        const kg_gram_list *il = kg_gram_list_get("names", "country_initials");
        initials = kg_xcalloc(il->n + 1, sizeof *initials);
        for (size_t k = 0; k < il->n; k++) {
            initials[k].w = il->e[k].form;
            initials[k].id = kg_gram_field(&il->e[k], "id");
            initials[k].alone = has_class(&il->e[k], "alone");
        }
    }

    const kg_gram_list *l = kg_gram_list_get("names", "org_suffixes");
    suffixes = kg_xcalloc(l->n + 1, sizeof *suffixes);
    suffix_len = kg_xcalloc(l->n + 1, sizeof *suffix_len);
    for (size_t i = 0; i < l->n; i++) {
        const kg_gram_entry *e = &l->e[i];
        suffixes[i].w = e->form;
        suffixes[i].min_stem = field_count(e, "min_stem", 1);
        suffixes[i].strong = has_class(e, "after-latin") ? 2 : has_class(e, "strong");
        suffixes[i].not_name = has_class(e, "not-name");
        suffixes[i].per = has_class(e, "per");
        suffixes[i].type = actor_type(kg_gram_field(e, "type"));
    }

    l = kg_gram_list_get("names", "descriptors");
    descriptors = kg_xcalloc(l->n + 1, sizeof *descriptors);
    {
        const char **dw = kg_xcalloc(l->n + 1, sizeof *dw);
        for (size_t i = 0; i < l->n; i++) {
            descriptors[i].w = l->e[i].form;
            descriptors[i].type = actor_type(kg_gram_field(&l->e[i], "type"));
            dw[i] = l->e[i].form;
        }
        kg_wordset_build(&ws_descriptor_words, dw);
        free(dw);
    }

    l = kg_gram_list_get("names", "country_bodies");
    bodies = kg_xcalloc(l->n + 1, sizeof *bodies);
    size_t nb = 0;
    for (size_t i = 0; i < l->n; i++) {
        const char *id = kg_gram_field(&l->e[i], "id");
        if (!id || !*id)
            continue; /* no id, no body */
        bodies[nb].w = l->e[i].form;
        bodies[nb].n = strlen(l->e[i].form);
        bodies[nb++].id = id;
        if (!gov_word && !strcmp(id, "government"))
            gov_word = l->e[i].form;
    }

    /* the intro table a quarter full at most */
    size_t n_intro = kg_gram_list_get("names", "descriptors")->n + kg_gram_list_get("names", "lead_titles")->n;
    intro_bits = 8;
    while (intro_bits < 24 && ((size_t)1 << intro_bits) < 4 * n_intro)
        intro_bits++;
    intro_key = kg_xcalloc((size_t)1 << intro_bits, sizeof *intro_key);
    intro_flag = kg_xcalloc((size_t)1 << intro_bits, 1);
}

/* Quick filters on the last syllable of a word for the suffix and title
 * rules: 1 if some suffix or title ends in it. */
static void tables_init(void)
{
    lists_load();
    {
        const kg_sylset *pf = kg_particle_firsts();
        for (uint32_t k = 0; k < 0xD7A4 - 0xAC00; k++) {
            syl_cls[k] |= C_SYL;
            if ((pf->bits[k >> 3] >> (k & 7)) & 1)
                syl_cls[k] |= C_PFIRST;
        }
    }
    for (const struct suffix *sf = suffixes; sf->w; sf++) {
        set_cls(C_FINAL, sf->w, 1);
        if (sf->strong)
            set_cls(C_STRONG, sf->w, 1);
        suffix_len[sf - suffixes] = strlen(sf->w);
        if (suffix_len[sf - suffixes] > suffix_max_len)
            suffix_max_len = suffix_len[sf - suffixes];
    }
    /* the chains, built from the end of the list so that each keeps the
     * list's order */
    size_t nsfx = 0;
    while (suffixes[nsfx].w)
        nsfx++;
    sfx_next = kg_xmalloc((nsfx + 1) * sizeof *sfx_next);
    for (int b = 0; b < SFX_BUCKETS; b++)
        sfx_head[b] = -1;
    for (size_t q = nsfx; q-- > 0;) {
        sfx_next[q] = -1;
        if (suffix_len[q] < 3)
            continue; /* (org_suffix passes over these) */
        unsigned b = sfx_bucket(suffixes[q].w + suffix_len[q] - 3);
        sfx_next[q] = sfx_head[b];
        sfx_head[b] = (int)q;
    }
    for (const char *const *t = titles; *t; t++)
        set_cls(C_TITLE, *t, 0);
    for (const char *const *t = role_titles; *t; t++)
        set_cls(C_TITLE, *t, 0);
    for (const char *const *t = office_titles; *t; t++)
        set_cls(C_TITLE, *t, 0);
    for (const char *const *t = title_suffixes; *t; t++)
        set_cls(C_TSUF, *t, 1);
    for (const char *const *t = family_names; *t; t++)
        set_cls(C_FAMILY, *t, 0);
    kg_wordset_build(&ws_family, family_names);
    for (const char *const *t = family_names; *t; t++)
        if (strlen(*t) == 3)
            set_cls(C_FAMILY1, *t, 0);
    for (const char *const *t = country_pairs; *t; t++)
        set_cls(C_PAIR, *t, 0);
    kg_wordset_build(&ws_latin_stop, latin_stop);
    kg_wordset_build(&ws_titles, titles);
    kg_wordset_build(&ws_title_suffixes, title_suffixes);
    kg_wordset_build(&ws_title_suffix_not, title_suffix_not);
    kg_wordset_build(&ws_anon_titles, anon_titles);
    kg_wordset_build(&ws_country_pairs, country_pairs);
    kg_wordset_build(&ws_pair_regions, kg_gram_words("names", "pair_regions"));
    kg_wordset_build(&ws_country_sides, country_sides);
    kg_wordset_build(&ws_bare_name_bad_ends, bare_name_bad_ends);
    kg_wordset_build(&ws_clause_openers, clause_openers);
    kg_wordset_build(&ws_context_endings, context_endings);
    kg_wordset_build(&ws_foreign_bad_ends, foreign_bad_ends);
    kg_wordset_build(&ws_given_bad_ends, given_bad_ends);
    kg_wordset_build(&ws_name_bad_ends, name_bad_ends);
    kg_wordset_build(&ws_particle_like_ends, kg_gram_words("names", "particle_like_ends"));
    kg_wordset_build(&ws_name_bad_single, name_bad_single);
    kg_wordset_build(&ws_non_name_ends, non_name_ends);
    kg_wordset_build(&ws_not_org_ends, not_org_ends);
    kg_wordset_build(&ws_role_name_bad_ends, role_name_bad_ends);
    kg_wordset_build(&ws_title_name_bad_ends, title_name_bad_ends);
    kg_wordset_build(&ws_gloss_function_words, gloss_function_words);
    kg_wordset_build(&ws_title_modifiers, title_modifiers);
    kg_wordset_build(&ws_lead_roles, lead_roles);
    kg_wordset_build(&ws_bare_particles, bare_particles);
    kg_wordset_build(&ws_short_given_names, short_given_names);
    kg_wordset_build(&ws_given_abroad, given_abroad);
    /* (a word of syllables can be neither without these classes: a
     * word of the lists that starts with no syllable is none) */
    for (const char *const *t = short_given_names; *t; t++)
        if (strlen(*t) == 3)
            set_cls(C_SGIVEN, *t, 0);
    first_syllable_cls(given_abroad, C_GABR1);
    kg_wordset_build(&ws_gloss_not_heads, gloss_not_heads);
    kg_wordset_build(&ws_spelled_letters, spelled_letters_list);
    gloss_not_heads_ok = list_in_set(gloss_not_heads);
    spelled_letters_ok = list_in_set(spelled_letters_list);
    short_given_ok = list_in_set(short_given_names);
    kg_wordset_build(&ws_report_particles, report_particles);
    kg_wordset_build(&ws_unnamed_sources, unnamed_sources);
    kg_wordset_build(&ws_office_titles, office_titles);
    kg_wordset_build(&ws_anon_titles_spaced, anon_titles_spaced);
    kg_wordset_build(&ws_role_titles, role_titles);
    {
        size_t n = 0, k = 0;
        const char *const *lists[] = { titles, role_titles, office_titles };
        for (int l = 0; l < 3; l++)
            for (const char *const *t = lists[l]; *t; t++)
                n++;
        /* (the lists of words only while the sets are built: the sets
         * keep the words, not the lists) */
        const char **title_any = kg_xmalloc((n + 1) * sizeof *title_any);
        for (int l = 0; l < 3; l++)
            for (const char *const *t = lists[l]; *t; t++)
                title_any[k++] = *t;
        title_any[k] = NULL;
        kg_wordset_build(&ws_title_any, title_any);
        title_any2_bytes = kg_xmalloc(7 * (n + 1));
        const char **title_any2 = kg_xmalloc((n + 1) * sizeof *title_any2);
        size_t m = 0;
        for (size_t q = 0; q < n; q++)
            if (strlen(title_any[q]) >= 6) {
                char *b = title_any2_bytes + 7 * m;
                memcpy(b, title_any[q], 6);
                b[6] = '\0';
                title_any2[m++] = b;
            }
        title_any2[m] = NULL;
        kg_wordset_build(&ws_title_any2, title_any2);
        for (size_t q = 0; q < m; q++) {
            size_t kn;
            uint32_t a = kg_u8_dec((const unsigned char *)title_any2[q], 3, &kn),
                     b = kg_u8_dec((const unsigned char *)title_any2[q] + 3, 3, &kn);
            if (kg_is_hangul(a) && kg_is_hangul(b))
                pair_note(&title_pairs, title_any2[q], 0);
        }
        for (size_t q = 0; q < n; q++)
            if (strlen(title_any[q]) == 3)
                set_cls(C_TITLE1, title_any[q], 0);
        size_t nr = 0;
        for (const char *const *t = role_titles; *t; t++)
            nr++;
        role2_bytes = kg_xmalloc(7 * (nr + 1));
        const char **role2 = kg_xmalloc((nr + 1) * sizeof *role2);
        m = 0;
        for (const char *const *t = role_titles; *t; t++)
            if (strlen(*t) >= 6) {
                char *b = role2_bytes + 7 * m;
                memcpy(b, *t, 6);
                b[6] = '\0';
                role2[m++] = b;
            }
        role2[m] = NULL;
        kg_wordset_build(&ws_role2, role2);
        free(role2);
        free(title_any2);
        free(title_any);
    }
    kg_wordset_build(&ws_not_names, not_names);
    kg_wordset_build(&ws_not_orgs, not_orgs);
    {
        /* the units of the figures (달러, 배럴, 가구, 명) and the nouns
         * names.yaml per_stems lists (업체, 토큰) */
        const kg_gram_list *ul = kg_gram_list_get("units", "units");
        const char *const *ps = kg_gram_words("names", "per_stems");
        size_t np = 0;
        while (ps[np])
            np++;
        const char **per = kg_xcalloc(ul->n + np + 1, sizeof *per);
        size_t m = 0;
        for (size_t k = 0; k < ul->n; k++)
            per[m++] = ul->e[k].form;
        for (size_t k = 0; k < np; k++)
            per[m++] = ps[k];
        per[m] = NULL;
        kg_wordset_build(&ws_per_stems, per);
        free(per);
    }
    kg_wordset_build(&ws_not_name_parts, not_name_parts);
    kg_wordset_build(&ws_affiliation_ends, affiliation_ends);
    kg_wordset_build(&ws_head_tails, head_tails);
    kg_wordset_build(&ws_place_titles, place_titles);
    kg_wordset_build(&ws_foreign_titles, foreign_titles);
    kg_wordset_build(&ws_company_titles, company_titles);
    kg_wordset_build(&ws_ordinal_titles, kg_gram_words("names", "ordinal_titles"));
    /* (ordinal_title_rule's gate: a numbered title starts with a syllable
     * of C_TITLE; the class only lets the exact tests after it run) */
    for (const char *const *t = kg_gram_words("names", "ordinal_titles"); *t; t++)
        set_cls(C_TITLE, *t, 0);
    kg_wordset_build(&ws_name_lead_nouns, kg_gram_words("names", "name_lead_nouns"));
    kg_wordset_build(&ws_duty_words, kg_gram_words("names", "duty_words"));
    kg_wordset_build(&ws_partner_particles, kg_gram_words("names", "partner_particles"));
    kg_wordset_build(&ws_lead_titles, lead_titles);
    kg_wordset_build(&ws_loan_common, loan_common);
    for (const struct descriptor *d = descriptors; d->w; d++)
        intro_add(d->w, 1);
    for (const char *const *t = lead_titles; *t; t++)
        intro_add(*t, 2);
    for (const char *const *l = loan_syl; *l; l++)
        set_cls(C_LOAN, *l, 0);
    for (const char *const *l = given_syl; *l; l++)
        set_cls(C_GIVEN, *l, 0);
    lead_last_ok = last_syllable_cls(lead_roles, C_LEADL);
    lead_pairs_ok = syl_pairs(lead_roles, &lead_pairs, C_LEAD1, 0);
    {
        size_t nsf = 0;
        while (suffixes[nsf].w)
            nsf++;
        const char **sw = kg_xmalloc((nsf + 1) * sizeof *sw);
        for (size_t q = 0; q < nsf; q++)
            sw[q] = suffixes[q].w;
        sw[nsf] = NULL;
        /* (a word that is neither: no syllables, never the end of a run) */
        syl_pairs(sw, &suffix_pairs, C_SFX1, 0);
        syl_pairs(title_suffixes, &suffix_pairs, C_SFX1, 0);
        free(sw);
    }
    anon_first_ok = first_syllable_cls(anon_titles, C_ANON1) & first_syllable_cls(anon_titles_spaced, C_ANON1);
    bare_last_ok = last_syllable_cls(bare_particles, C_BAREL);
    rpart_last_ok = last_syllable_cls(report_particles, C_RPARTL);
    agiven_ok = first_syllable_cls(anon_given, C_AGIVEN);
    rverb_ok = first_syllable_cls(report_verbs, C_RVERB);
    rverb_pairs_ok = syl_pairs(report_verbs, &rverb_pairs, C_RVERB1, 1);
    first_syllable_cls(former_marks, C_FORMER);
    for (const char *const *t = former_marks; *t; t++)
        if (!**t)
            former_empty = 1;
    /* intro_end's keys of six bytes: their last syllables */
    introl_ok = last_syllable_cls_min(lead_titles, 6, C_INTROL);
    for (const struct descriptor *d = descriptors; d->w; d++) {
        const char *one[2] = { d->w, NULL };
        if (!last_syllable_cls_min(one, 6, C_INTROL))
            introl_ok = 0;
    }
}

/* ------------------------------------------------------------------ */
/* the scan: at each place a word may start, the rules in turn        */

/* What may start at a place: a word (Hangul, Latin, Han), a quotation
 * mark, or the legal form (주) before a company's name. */
enum { START_NONE, START_WORD, START_QUOTE, START_CORP };

/* How the character after an actor found counts for the next start: as
 * punctuation, as Hangul if it is (else punctuation), or as what it is. */
enum { AFTER_PUNCT, AFTER_HANGUL, AFTER_NEXT };

typedef struct scan {
    actx *x;
    size_t i, cn;       /* the place and the length of its character */
    size_t te;          /* the end of the Hangul run at i, once known */
    uint32_t cp;
    unsigned char ch;   /* its first byte */
    kg_cc cc;
    int start;          /* START_* */
    int discover;       /* the rules that find new actors run */
    int tok;            /* kg_tok_start at i: -1 until asked */
    int b;              /* at a syllable: the next one glued to it (0..11171), else -1; -2 until asked */
    size_t lc_end;      /* the end of the last run of syllables hword_at read (0: none), */
    uint32_t lc;        /* and the classes of its last syllable: the next word's pc */
    kg_lexhit hits[64];
} scan;

static inline int scan_tok(scan *sc)
{
    if (sc->tok < 0)
        sc->tok = kg_tok_start(sc->x->s, sc->i);
    return sc->tok;
}

/* scan_tok, its test of the cache written out (the gates run at every
 * word start; the call cost more than the test) */
#define SCAN_TOK(sc) ((sc)->tok >= 0 ? (sc)->tok : scan_tok(sc))

static inline __attribute__((always_inline)) size_t scan_te(scan *sc)
{
    if (!sc->te)
        sc->te = kg_is_hangul(sc->cp) ? run_end_syl(sc->x, sc->i) : run_end(sc->x, sc->i);
    return sc->te;
}

/* At a syllable: the syllable glued after it (0..11171), or -1. */
static inline __attribute__((always_inline)) int scan_b(scan *sc)
{
    if (sc->b == -2)
        sc->b = scan_te(sc) >= sc->i + 6 ? (int)syl_ix((const unsigned char *)sc->x->s + sc->i + 3) : -1;
    return sc->b;
}

/* Gates: cheap tests on the place before a rule runs. */
static int gate_corp_before(scan *sc)
{
    return sc->start == START_CORP;
}

static int gate_quote(scan *sc)
{
    return sc->start == START_QUOTE;
}

static int gate_word(scan *sc)
{
    return sc->start == START_WORD;
}

static int gate_anon(scan *sc)
{
    return sc->start == START_WORD && sc->discover && (sc->cc == KG_CC_HANGUL || (sc->ch >= 'A' && sc->ch <= 'Z')) &&
           SCAN_TOK(sc);
}

static int gate_new_latin(scan *sc)
{
    return sc->start == START_WORD && sc->discover && sc->cc == KG_CC_LATIN && sc->ch >= 'A' && sc->ch <= 'Z' &&
           scan_tok(sc);
}

/* Rules: each emits what it finds and returns where the scan goes on,
 * or 0 when it found nothing. */

/* What may follow a word of country_pairs: particles, or a compound. */
static int pair_end_ok(const char *s, size_t len, size_t e, void *arg)
{
    (void)arg;
    size_t tend;
    return kg_tail_ok(s, len, e, &tend) || (e + 3 <= len && kg_is_hangul(kg_u8_at(s, len, e, &tend)));
}

/* 남북, 한미일 (names: country_pairs): a word of countries' one-syllable
 * short names, alone or opening a compound (한미동맹); one mention for
 * each country, from the lexicon. Returns the end of the pair, else 0. */
/* The lexicon actor of initials[k] (one with an id), looked up once a
 * document. */
static __attribute__((noinline)) int initial_lex(actx *x, int k)
{
    if (k >= (int)(sizeof x->init_lex / sizeof *x->init_lex))
        return kg_lex_find_id(x->lx, initials[k].id);
    if (!x->init_lex[k])
        x->init_lex[k] = kg_lex_find_id(x->lx, initials[k].id) + 2;
    return x->init_lex[k] - 2;
}

/* The lexicon actor of the country initial at s[i] (names:
 * country_initials), or -1; *alone (when asked) says whether it has class
 * alone (미: it names the country alone before a body). */
static int initial_at(actx *x, size_t i, int *alone)
{
    if (i + 3 > x->len)
        return -1;
    for (int k = 0; initials[k].w; k++)
        if (!memcmp(x->s + i, initials[k].w, 3) && initials[k].id) {
            if (alone)
                *alone = initials[k].alone;
            return initial_lex(x, k);
        }
    return -1;
}

/* A middle dot between country initials (한·일): its length at p, or 0. */
static size_t initial_dot(const char *s, size_t len, size_t p)
{
    if (p + 2 <= len && !memcmp(s + p, "\xc2\xb7", 2))
        return 2;
    if (p + 3 <= len && (!memcmp(s + p, "\xe3\x86\x8d", 3) || !memcmp(s + p, "\xe3\x83\xbb", 3)))
        return 3;
    return 0;
}

/* 한·일, 한·미·일: country initials joined by middle dots, each a
 * mention; 북측, 미측: an initial with a word for its side
 * (names: country_sides), the country. Returns the end, or 0. */
static size_t body_rule(actx *x, size_t a, size_t e, int lex, int initial);
static size_t dotted_initials_rule(actx *x, size_t i)
{
    const char *s = x->s;
    size_t len = x->len, p = i, d;
    int lex[4], n = 0, alone = 0;
    while (n < 4 && (lex[n] = initial_at(x, p, n ? NULL : &alone)) >= 0) {
        p += 3;
        n++;
        if (!(d = initial_dot(s, len, p)))
            break;
        p += d;
    }
    if (n >= 2 && !initial_dot(s, len, p) &&
        pair_end_ok(s, len, p, NULL) && !kg_tctx_taken(x->c, i, p)) {
        for (size_t q = i, k = 0; (int)k < n; k++) {
            emit_lex(x, q, q + 3, lex[k]);
            q += 3;
            q += initial_dot(s, len, q);
        }
        return p;
    }
    if (n >= 1 && p == i + 3) {
        size_t m = kg_wordset_prefix(&ws_country_sides, s, len, i + 3, tail_ok_cb, NULL);
        if (m && !kg_tctx_taken(x->c, i, i + 3 + m)) {
            emit_lex(x, i, i + 3, lex[0]);
            return i + 3 + m;
        }
        /* 미 노동부, 중 상무부: an initial alone before a government body
         * the lexicon gives to another country: that country's body */
        if (alone && p < len && s[p] == ' ' && (i == 0 || !((unsigned char)s[i - 1] & 0x80)) &&
            (m = body_rule(x, i, p, lex[0], 1)))
            return m;
    }
    return 0;
}

/* (not inlined: a rare call, and inlined into run_new_hangul it cost
 * that loop more than the rule itself) */
static __attribute__((noinline)) size_t pair_rule(actx *x, size_t i)
{
    const char *s = x->s;
    size_t len = x->len, best = 0, tend;
    if (!x->lx || i + 3 > len || !has_cls(C_PAIR, kg_u8_dec((const unsigned char *)s + i, 3, &tend)))
        return 0;
    size_t e = dotted_initials_rule(x, i);
    if (e)
        return e;
    best = kg_wordset_prefix(&ws_country_pairs, s, len, i, pair_end_ok, NULL);
    if (!best || kg_tctx_taken(x->c, i, i + best) ||
        (i + best < len && (unsigned char)s[i + best] >= 0xEA &&
         kg_wordset_prefix(&ws_pair_regions, s, len, i, tail_ok_cb, NULL)))
        return 0; /* (북중미: a region, when the pair goes on) */
    int lex[4];
    size_t m = best / 3;
    if (m > 4)
        return 0;
    for (size_t q = 0; q < m; q++) {
        lex[q] = -1;
        for (int k = 0; initials[k].w; k++)
            if (!memcmp(s + i + 3 * q, initials[k].w, 3) && initials[k].id)
                lex[q] = initial_lex(x, k);
        if (lex[q] < 0)
            return 0;
    }
    for (size_t q = 0; q < m; q++)
        emit_lex(x, i + 3 * q, i + 3 * q + 3, lex[q]);
    return i + best;
}

/* 남북, 한미: countries by their short names in one word */
static inline size_t run_pair(scan *sc, size_t i, uint32_t cp)
{
    /* (pair_rule's first test, on the syllable decoded already: most
     * words end here without a call) */
    return has_cls(C_PAIR, cp) ? pair_rule(sc->x, i) : 0;
}

/* 배우 홍길동이: a Korean name of three syllables right after a role
 * word (names: lead_roles) that stands before names. [i, te) is the
 * word; emits the person and returns its end, else 0. */
static int title_after(actx *x, size_t p);
static size_t lead_role_rule(actx *x, size_t i, size_t te)
{
    const char *s = x->s;
    size_t len = x->len, pa, pb;
    /* cheap test first: the word before a space ends in a syllable that
     * ends some lead role (when all do) */
    if (lead_last_ok && i >= 4 && s[i - 1] == ' ' && s[i - 2] != ')' && !(cls_before(s, i - 1) & C_LEADL))
        return 0;
    if (te > len || !word_before(s, i, &pa, &pb) || !kg_wordset_has(&ws_lead_roles, s + pa, pb - pa))
        return 0;
    size_t w = strip_run(s, i, te);
    if (w - i == 9 && all_hangul(s + i, 9) && name_word_ok(x, i, w) && role_name_ok(s, i, w, 3)) {
        if (kg_tctx_taken(x->c, i, w) || overlaps_actor(x, i, w) || (x->lx && lex_exact(x, i, w) >= 0))
            return 0;
        new_actor(x, i, w, "person", "title");
        return w;
    }
    /* a stage name or a name from elsewhere (투수 로드리게스는, 배우
     * 다온(30), 가수 한울, 배우 …): two syllables or more, no common word;
     * spelled from elsewhere, or else bare before a note in parentheses,
     * a comma or a middle dot (a particle after a word of Korean spelling
     * makes it a noun: 선수 생활을); or two words of a foreign name (배우
     * 케이트 모리스) */
    size_t syl = syllables(s + i, w - i);
    if ((te < len && (is_lat(s[te]) || is_dig(s[te]))) || title_after(x, te))
        return 0; /* a part of a longer name (한빛TV), or a name before its title (the title rule) */
    if (syl < 2 || syl > 6 || !all_hangul(s + i, w - i) || never_name(s, i, w) || is_title(s + i, w - i) ||
        kg_wordset_has(&ws_loan_common, s + i, w - i) || org_suffix(s + i, w - i) || kg_wordset_has(&ws_lead_roles, s + i, w - i) ||
        kg_wordset_suffix(&ws_foreign_bad_ends, s + i, w - i))
        return 0;
    size_t ne = w;
    if (te + 1 < len && s[te] == ' ') {
        size_t b = te + 1, be = hangul_run_end(s, len, b), w2 = be > b ? strip_run(s, b, be) : b;
        if (w2 > b && foreign_name_ok(x, i, te, w2) && (loan_spelled(s, i, te) || loan_spelled(s, b, w2)) &&
            !kg_wordset_has(&ws_loan_common, s + b, w2 - b))
            ne = w2;
    }
    if (ne == w && !loan_spelled(s, i, w)) {
        int ends_well = w == te && (w == len || s[w] == '(' || s[w] == ',' || kg_at(s, len, w, "\xc2\xb7"));
        if (!ends_well)
            return 0;
    }
    if (kg_tctx_taken(x->c, i, ne) || overlaps_actor(x, i, ne) || (x->lx && lex_exact(x, i, ne) >= 0))
        return 0;
    new_actor(x, i, ne, "person", "title");
    return ne;
}

/* 1 if [a, a + 9) is a Korean name of three syllables by its spelling:
 * a family name first, no word that is never a name, no particle or
 * verb ending last, no organisation's suffix nor a common noun's last
 * syllable (조사국, 이사회), and no mention yet. */
static int bare_name_ok(actx *x, size_t a)
{
    const char *s = x->s;
    size_t b = a + 9;
    return b <= x->len && all_hangul(s + a, 9) && name_word_ok(x, a, b) && role_name_ok(s, a, b, 3) && !org_suffix(s + a, 9) &&
           !kg_wordset_suffix(&ws_bare_name_bad_ends, s + a, b - a) &&
           !kg_tctx_taken(x->c, a, b) && !overlaps_actor(x, a, b) && !(x->lx && lex_exact(x, a, b) >= 0);
}

/* An age in parentheses right after a name (홍길동(35), 홍길동(35·회사원),
 * 홍길동(35, 서울)): one or two digits, then ')', a middle dot or a
 * comma. */
static int age_note_at(const char *s, size_t len, size_t p)
{
    if (p + 2 >= len || s[p] != '(' || !is_dig(s[p + 1]))
        return 0;
    size_t q = p + 2;
    if (q < len && is_dig(s[q]))
        q++;
    return q < len && (s[q] == ')' || s[q] == ',' || (q + 1 < len && !memcmp(s + q, "\xc2\xb7", 2)));
}

/* 1 if a note in parentheses at p names the body a person plays or
 * works for (홍길동(한빛시청), 마리아 로시(프랑스)): one to three words,
 * a body or country of the lexicon, or a word with an organisation
 * suffix at its end. */
static int body_note_at(actx *x, size_t p)
{
    const char *s = x->s;
    size_t len = x->len, q = p + 1, words = 1;
    if (p >= len || s[p] != '(')
        return 0;
    while (q < len && q < p + 48 && s[q] != ')') {
        if (s[q] == '(' || s[q] == '\n' || s[q] == ',' || is_dig(s[q]))
            return 0;
        words += s[q] == ' ';
        q++;
    }
    if (q >= len || s[q] != ')' || q == p + 1 || words > 3 || s[p + 1] == ' ')
        return 0;
    int lex = x->lx ? lex_exact(x, p + 1, q) : -1;
    if (lex >= 0)
        return !x->lx->actors[lex].is_person;
    size_t wa = tok_begin(s, q);
    if (wa <= p)
        wa = p + 1;
    return all_hangul(s + wa, q - wa) && org_suffix(s + wa, q - wa) != NULL;
}

/* The separator of an enumeration at p: a middle dot or a comma, a space
 * after it allowed; where the next item starts, or 0. */
static size_t enum_sep_at(const char *s, size_t len, size_t p)
{
    if (p + 2 < len && !memcmp(s + p, "\xc2\xb7", 2))
        p += 2;
    else if (p + 1 < len && s[p] == ',')
        p++;
    else
        return 0;
    if (p < len && s[p] == ' ')
        p++;
    return p;
}

/* 1 if a title follows at p: glued (씨), or after a space, a word for
 * former or new allowed before it (전 대통령, 의원, 선수). */
static int title_after(actx *x, size_t p)
{
    const char *s = x->s;
    size_t len = x->len, q;
    if (list_word_at(s, len, p, &ws_anon_titles))
        return 1;
    if (p >= len || s[p] != ' ')
        return 0;
    p++;
    for (int k = 0; title_modifiers[k]; k++) {
        size_t n = strlen(title_modifiers[k]);
        if (p + n < len && !memcmp(s + p, title_modifiers[k], n) && s[p + n] == ' ') {
            p += n + 1;
            break;
        }
    }
    q = hangul_run_end(s, len, p);
    if (q > p && is_title(s + p, strip_run(s, p, q) - p))
        return 1;
    return list_word_at(s, len, p, &ws_role_titles) || list_word_at(s, len, p, &ws_anon_titles);
}

/* A Korean name of three syllables without a title, by what stands
 * around it: an age in parentheses (홍길동(35)), or an enumeration of
 * such names (홍길동·김철수, 홍길동, 김철수 의원): every item a name by
 * its spelling, the last one with particles at most. Emits each person
 * and returns the end of the last, else 0. */
static size_t bare_name_rule(actx *x, size_t i)
{
    const char *s = x->s;
    size_t len = x->len, k1;
    /* (run_anon calls this at a family name's syllable only) */
    if (i + 10 > len || (s[i + 9] != '(' && s[i + 9] != ',' && (unsigned char)s[i + 9] != 0xC2))
        return 0;
    if (!bare_name_ok(x, i))
        return 0;
    if (age_note_at(s, len, i + 9)) {
        new_actor(x, i, i + 9, "person", "age");
        return i + 9;
    }
    if (body_note_at(x, i + 9)) {
        new_actor(x, i, i + 9, "person", "context");
        return i + 9;
    }
    /* an enumeration: up to eight more items */
    size_t items[9], n = 0, p = i + 9, q, last = 0;
    items[n++] = i;
    while (n < 9 && (q = enum_sep_at(s, len, p)) && q + 9 <= len && has_cls(C_FAMILY, kg_u8_dec((const unsigned char *)s + q,
                                                                                   len - q, &k1))) {
        size_t te = hangul_run_end(s, len, q), w = te - q == 9 ? te : strip_run(s, q, te);
        if (w - q != 9 || !bare_name_ok(x, q))
            break;
        items[n++] = q;
        if (te != w) {
            last = 1; /* particles end the enumeration */
            break;
        }
        p = q + 9;
    }
    /* two items need a title after the last (홍길동, 김철수 의원; 홍길동,
     * 김철수 씨); three or more are a list of names anyway */
    if (n < 2 || (n == 2 && (last || !title_after(x, items[1] + 9))))
        return 0;
    for (size_t k = 0; k < n; k++)
        new_actor(x, items[k], items[k] + 9, "person", "list");
    return items[n - 1] + 9;
}

/* A Korean name of three syllables after a title or role, the two alone
 * in parentheses (영화 '…'(감독 홍길동), 한빛재단(이사장 홍길동)): the
 * person who holds the office. Emits it and returns its end, else 0. */
static size_t paren_title_rule(actx *x, size_t i)
{
    const char *s = x->s;
    size_t len = x->len, pa, pb;
    /* (run_anon calls this at a family name's syllable only) */
    if (i + 10 > len || s[i + 9] != ')' || !word_before(s, i, &pa, &pb))
        return 0;
    /* the title right after the opening bracket (a word glued before the
     * bracket belongs to the same token) */
    size_t q = pb;
    while (q > pa && s[q - 1] != '(')
        q--;
    if (q == pa)
        return 0;
    pa = q;
    if (!title_or_role(s, pa, pb))
        return 0;
    if (!bare_name_ok(x, i))
        return 0;
    new_actor(x, i, i + 9, "person", "title");
    return i + 9;
}

/* A Korean name of three syllables alone before a particle (홍길동은,
 * 홍길동에게): a family name first, both other syllables common in given
 * names (names: given_syllables), none of the last syllables of common
 * nouns and verb stems (bare_name_bad_ends, given_bad_ends), and the
 * particle one of bare_name_particles with nothing glued after it. [i,
 * te) is the Hangul run; emits the person and returns the name's end,
 * else 0. */
static size_t particle_name_rule(actx *x, size_t i, size_t te)
{
    const char *s = x->s;
    /* (run_anon calls this at a family name's syllable only) */
    if (te < i + 12 || te > i + 18 || !given_syllables_at(s, i))
        return 0;
    size_t e = i + 9;
    if (!kg_wordset_has(&ws_bare_particles, s + e, te - e) || kg_wordset_suffix(&ws_given_bad_ends, s + i, e - i) || !bare_name_ok(x, i))
        return 0;
    /* the document knows no other reading of the word */
    new_actor(x, i, e, "person", "context");
    return e;
}

/* 1 if two words [a, m) and [b, e) before an age or a body in
 * parentheses may be a foreign name though neither is spelled like one:
 * the first no modifier (새로운), title or role (회사원), the second no
 * Korean name (김모, 홍길동) and no noun (see below). */
static int noted_pair_ok(actx *x, size_t a, size_t m, size_t b, size_t e)
{
    const char *s = x->s;
    size_t k1;
    if (modifier_end(s, a, m) || title_or_role(s, a, m) || never_name(s, a, m))
        return 0;
    if (e - b <= 9 && has_cls(C_FAMILY, kg_u8_dec((const unsigned char *)s + b, 3, &k1)))
        return 0; /* a family name first: a Korean name after a noun */
    /* nor a noun second: none of the last syllables of bodies and groups
     * (한빛 축구단), and two syllables only after a longer first word or
     * spelled from elsewhere (나오미 왓츠, not 한빛 직원) */
    if (kg_wordset_suffix(&ws_bare_name_bad_ends, s + b, e - b))
        return 0;
    return e - b > 6 || m - a > 6 || loan_spelled(s, b, e);
}

/* 1 if the word [a, b) is a given name from elsewhere of two syllables
 * or more (names: given_names_abroad: 데이비드, 제니퍼). */
static int given_abroad_at(const char *s, size_t a, size_t b)
{
    return b - a >= 6 && kg_wordset_has(&ws_given_abroad, s + a, b - a);
}

/* A name of two words spelled from another language before a particle
 * (마리아 로시는, 폴 스미스와): the first a short given name
 * (short_given_names) or spelled from elsewhere (loan_syllables), the
 * second spelled from elsewhere, both words a name by foreign_name_ok,
 * the particle one of bare_name_particles. A first word that is a given
 * name from elsewhere (given_names_abroad: 제니퍼 판은) needs no second
 * word spelled from elsewhere nor a word before it that lets a name
 * stand there, and the name may end before a comma or a closing
 * parenthesis too (데이비드 호킹, …). [i, te) is the first word; emits
 * the person and returns its end, else 0. */
static size_t foreign_particle_rule(actx *x, size_t i, size_t te)
{
    const char *s = x->s;
    size_t len = x->len;
    if (te + 4 > len || s[te] != ' ' || te - i > 18)
        return 0;
    /* (a word of one syllable: a short given name, or nothing below) */
    if (te - i == 3 && !kg_wordset_has(&ws_short_given_names, s + i, 3))
        return 0;
    size_t b = te + 1, be = run_end(x, b);
    if (be < b + 6 || be - b > 24)
        return 0;
    /* a given name from elsewhere first, the second word then a comma
     * or a closing parenthesis */
    int known = 0, bare_end = 0;
    if (be < len && (s[be] == ',' || s[be] == ')') && (known = given_abroad_at(s, i, te)))
        bare_end = 1;
    /* cheap tests of what the tests below need: without a note in
     * parentheses after the second word, an end of the word after it
     * and a particle last (the particle loop: its last syllable) */
    if (!bare_end && !(be < len && s[be] == '(') &&
        ((be < len && s[be] != ' ' && s[be] != ',' && s[be] != '.') ||
         (bare_last_ok && !(cls_before(s, be) & C_BAREL))))
        return 0;
    /* the first word first: one syllable (a short given name) or loan
     * spelled, which most words are not; or any two words before an age
     * in parentheses (제니 올리버(25)) or the body or country the person
     * is of (마리아 로시(프랑스)), which only people have */
    int first_ok = te - i == 3 ? 1 : loan_spelled(s, i, te);
    if (!first_ok && !known && te - i >= 6)
        known = given_abroad_at(s, i, te);
    first_ok |= known;
    if (!first_ok && te - i < 6)
        return 0;
    int note = be < len && s[be] == '(' && (age_note_at(s, len, be) || body_note_at(x, be)), noted = !first_ok && note;
    if (!first_ok && !noted)
        return 0;
    /* (two words, the first spelled from elsewhere, before a short note
     * with no number: a player and the club he plays for, 멤피스
     * 데파이(에인트호번); a note with an age is a person's after the
     * second word alone, 트윗이 정하나(징거·25)씨) */
    size_t note_end = be < len && s[be] == '(' ? skip_paren_note(s, len, be) : be;
    int spelled_note = !note && first_ok && te - i >= 6 && note_end > be && loan_spelled(s, i, te);
    for (size_t q = be; spelled_note && q < note_end; q++)
        spelled_note = !is_dig(s[q]);
    size_t w = 0;
    if (note || spelled_note)
        w = be;
    else if (be < len && s[be] != ' ' && s[be] != ',' && s[be] != '.' && !bare_end)
        return 0;
    for (int k = 0; bare_particles[k] && !w; k++) {
        size_t n = strlen(bare_particles[k]);
        if (be - b > n + 3 && !memcmp(s + be - n, bare_particles[k], n))
            w = be - n;
    }
    if (!w && bare_end)
        w = be;
    if (noted && !noted_pair_ok(x, i, te, b, w))
        return 0;
    if (!w)
        return 0;
    /* (a first word spelled from elsewhere may be a given name of the
     * list too: asked only when the tests need it) */
    int second_ok = note || spelled_note || known || loan_spelled(s, b, w);
    if (!second_ok && !known && te - i >= 6)
        second_ok = known = given_abroad_at(s, i, te);
    /* (a second word that looks like no loanword: none that ends as the
     * nouns of bodies and things do, 마이클 사건을) */
    if (second_ok && !note && known && kg_wordset_suffix(&ws_bare_name_bad_ends, s + b, w - b) && !loan_spelled(s, b, w))
        return 0;
    /* (a short note after two such words stands for the context before:
     * 후반 24분 멤피스 데파이(에인트호번)) */
    if (!second_ok || !foreign_name_ok(x, i, te, w) ||
        !(known || spelled_note || name_context_ok(x, i) || given_abroad_at(s, i, te)) ||
        overlaps_actor(x, i, w) || (x->lx && lex_exact(x, i, w) >= 0))
        return 0;
    new_actor(x, i, w, "person", "context");
    return w;
}

/* 1 if the word [a, b) names an office, particles left out: a title,
 * or by its end (names: office_ends: 시장, 의원; 장, 관 after two
 * syllables or more). */
static int office_word(const char *s, size_t len, size_t a, size_t b)
{
    size_t w = strip_particles(s, len, a, b);
    if (w <= a)
        return 0;
    if (is_title(s + a, w - a) || kg_wordset_has(&ws_role_titles, s + a, w - a))
        return 1;
    /* an end of one syllable after two or more (서울시교육감, not 가장) */
    for (int k = 0; office_ends[k]; k++) {
        size_t n = strlen(office_ends[k]);
        if (w - a >= n + (n == 3 ? 6 : 0) && !memcmp(s + w - n, office_ends[k], n))
            return 1;
    }
    return 0;
}

/* A former holder: a family name alone or a Korean name of three
 * syllables, then a word for former (names: title_modifiers), then within
 * three words a word that names an office (홍 전 회장, 홍길동 전 한빛건설
 * 사장, 김 전 서울시교육감). The name starts at i; emits the person and
 * returns the name's end, else 0. */
static size_t former_rule(actx *x, size_t i)
{
    const char *s = x->s;
    size_t len = x->len, e;
    /* (run_anon calls this at a family name's syllable only) */
    if (i + 8 > len)
        return 0;
    if (s[i + 3] == ' ')
        e = i + 3;
    else if (i + 10 <= len && s[i + 9] == ' ')
        e = i + 9;
    else
        return 0;
    /* the mark first: it is rare, the name tests are not cheap */
    size_t p = e + 1, m = 0;
    for (int k = 0; former_marks[k] && !m; k++) {
        size_t q = kg_lit(s, len, p, former_marks[k]);
        if (q && q < len && s[q] == ' ')
            m = q + 1;
    }
    if (!m || (e == i + 3 ? !kg_wordset_has(&ws_family, s + i, 3) : !bare_name_ok(x, i)))
        return 0;
    for (int w = 0; w < 3 && m < len; w++) {
        size_t we = m;
        while (we < len && s[we] != ' ' && s[we] != '\n')
            we++;
        if (we == m || !all_hangul(s + m, we - m))
            return 0;
        if (office_word(s, len, m, we)) {
            if (kg_tctx_taken(x->c, i, e) || overlaps_actor(x, i, e) || (x->lx && lex_exact(x, i, e) >= 0))
                return 0;
            new_actor(x, i, e, "person", "title");
            return e;
        }
        if (we >= len || s[we] != ' ')
            return 0;
        m = we + 1;
    }
    return 0;
}

/* A name before a rank told by a number (홍길동 9단, 홍 9단: names.yaml
 * rank_marks): a Korean name of three syllables by its spelling, or a
 * family name alone (the rank after it tells it is no word 이, 그).
 * The name starts at i; emits the person and returns its end, else 0. */
static size_t rank_rule(actx *x, size_t i)
{
    const char *s = x->s;
    size_t len = x->len, e, tend;
    /* (run_anon calls this at a family name's syllable only) */
    if (i + 6 > len)
        return 0;
    if (s[i + 3] == ' ')
        e = i + 3;
    else if (i + 10 < len && s[i + 9] == ' ')
        e = i + 9;
    else
        return 0;
    size_t p = e + 1, d = p;
    while (d < len && d < p + 2 && is_dig(s[d]))
        d++;
    if (d == p || (d < len && is_dig(s[d])))
        return 0;
    size_t m = 0;
    for (int k = 0; rank_marks[k] && !m; k++) {
        size_t q = kg_lit(s, len, d, rank_marks[k]);
        if (q && kg_tail_ok(s, len, q, &tend))
            m = q;
    }
    if (!m || (e == i + 3 ? !kg_wordset_has(&ws_family, s + i, 3) : !bare_name_ok(x, i)) || overlaps_actor(x, i, e) ||
        kg_tctx_taken(x->c, i, e) || (x->lx && lex_exact(x, i, e) >= 0))
        return 0;
    new_actor(x, i, e, "person", "title");
    return e;
}

/* A medium by what it does: a word before a subject particle, a day
 * number allowed (with a note in parentheses), then a verb of
 * reporting (한빛온라인은 보도했다: names.yaml report_verbs,
 * report_subject_particles), or of telling after a day number (한빛넷이
 * 9일 전했다: report_verbs_dated); not a common word nor one of
 * the sources that are no media (관계자, 소식통: unnamed_sources). [i,
 * te) is the Hangul run; emits the medium and returns the word's end,
 * else 0. */
static size_t report_rule(actx *x, size_t i, size_t te)
{
    const char *s = x->s;
    size_t len = x->len;
    /* the cheap tests first: a space after the word, then a verb of
     * telling; the particles last */
    if (te + 4 >= len || s[te] != ' ')
        return 0;
    size_t p = te + 1;
    int dated = is_dig(s[p]);
    if (dated) {
        /* a day number: digits, one syllable (9일), a note in
         * parentheses allowed (23일(현지시간)), then a space */
        size_t k;
        while (p < len && is_dig(s[p]) && p < te + 4)
            p++;
        if (p + 3 >= len || !kg_is_hangul(kg_u8_at(s, len, p, &k)))
            return 0;
        p += k;
        p = skip_paren_note(s, len, p);
        if (p >= len || s[p] != ' ')
            return 0;
        p++;
    }
    /* (kg_lit_any: the words' first bytes compared inline, no strlen
     * and memcmp calls at every word with a space after it) */
    int v = kg_lit_any(s, len, p, report_verbs) != 0;
    /* a verb of telling only after a day number (한빛넷이 9일 전했다;
     * 아들이 전했다 is a person's word) */
    if (dated && !v)
        v = kg_lit_any(s, len, p, report_verbs_dated) != 0;
    if (!v)
        return 0;
    size_t w = strip_run(s, i, te);
    if (w == te || !kg_wordset_has(&ws_report_particles, s + w, te - w))
        return 0;
    size_t syl = syllables(s + i, w - i);
    if (syl < 2 || syl > 8 || !all_hangul(s + i, w - i) || never_name(s, i, w) || is_title(s + i, w - i) ||
        kg_wordset_has(&ws_unnamed_sources, s + i, w - i) || kg_wordset_has(&ws_loan_common, s + i, w - i) ||
        kg_wordset_has(&ws_role_titles, s + i, w - i) || kg_tctx_taken(x->c, i, w) || overlaps_actor(x, i, w) ||
        (x->lx && lex_exact(x, i, w) >= 0))
        return 0;
    new_actor(x, i, w, "media", "context");
    return w;
}

/* A capital letter or a family name with a title (A씨, 김모씨, 박씨). */
__attribute__((noinline)) static size_t run_anon(scan *sc)
{
    /* the rules up to particle_name_rule find nothing at a Hangul word
     * without a family name's syllable first (each tests it first): one
     * test for the six */
    int hangul = sc->cc == KG_CC_HANGUL, fam = hangul && has_cls(C_FAMILY, sc->cp);
    size_t e = fam || !hangul ? anon_rule(sc->x, sc->i) : 0;
    if (!e && fam)
        e = rank_rule(sc->x, sc->i);
    if (!e && fam)
        e = bare_name_rule(sc->x, sc->i);
    if (!e && fam)
        e = paren_title_rule(sc->x, sc->i);
    if (!e && fam)
        e = former_rule(sc->x, sc->i);
    if (!e && fam)
        e = particle_name_rule(sc->x, sc->i, scan_te(sc));
    if (!e && sc->cc == KG_CC_HANGUL)
        e = foreign_particle_rule(sc->x, sc->i, scan_te(sc));
    if (!e && sc->cc == KG_CC_HANGUL)
        e = lead_role_rule(sc->x, sc->i, scan_te(sc));
    return e ? e : (sc->cc == KG_CC_HANGUL ? report_rule(sc->x, sc->i, scan_te(sc)) : 0);
}

/* 0 when no lead role can end at s[p] (the word before a name): by its
 * last syllable (c: its classes), and by its last two or its only one. */
static inline int lead_before(const char *s, size_t p, uint32_t c)
{
    if (!lead_last_ok)
        return 1;
    if (!(c & C_LEADL))
        return 0;
    if (!lead_pairs_ok || (c & C_LEAD1))
        return 1;
    return kg_syllable_before(s, p - 3) &&
           pair_may(&lead_pairs, syl_ix((const unsigned char *)s + p - 6), syl_ix((const unsigned char *)s + p - 3));
}

/* 0 when no report verb starts at s[p] (all start with a syllable):
 * by its first syllable (c: its classes), and by its first two or its
 * only one. */
static inline int report_may(const char *s, size_t len, size_t p, uint32_t c)
{
    if (!(c & C_RVERB))
        return 0;
    if (!rverb_pairs_ok || (c & C_RVERB1))
        return 1;
    return kg_syllable_at(s, len, p + 3) &&
           pair_may(&rverb_pairs, syl_ix((const unsigned char *)s + p), syl_ix((const unsigned char *)s + p + 3));
}

/* What the gates of the rules of new Hangul names read of the word at i
 * and of the words around it, read once from the bytes by hword_at
 * (each gate read them again: the word's syllables, the character after
 * it, the syllables on either side of a space). Nothing here moves while
 * the rules run: none moves the scan's place or its run end. */
typedef struct hword {
    size_t n;          /* the run of syllables [i, te): its bytes, 3 a syllable */
    uint32_t fc;       /* the classes of its first syllable (0: none starts at i) */
    uint32_t rest;     /* the classes of the syllables after the first, or'ed */
    int b;             /* the second syllable (0..11171), or -1 (scan_b) */
    uint32_t c2;       /* its classes (0: none) */
    uint32_t lc;       /* the classes of its last syllable */
    unsigned char nxt; /* the byte at te (0 at the end) */
    int sp;            /* nxt is a space */
    uint32_t nc;       /* after that space, the classes of the next character */
    int spb;           /* a space before i, and a character before it (i >= 3) */
    unsigned char b2;  /* the byte at i - 2 (0 before the text) */
    uint32_t pc;       /* spb: the classes of the character before the space */
} hword;

static inline __attribute__((always_inline)) void hword_at(hword *w, scan *sc, const char *s, size_t len, size_t i,
                                                          size_t te, uint32_t cp)
{
    w->n = te - i;
    w->fc = cls_cp(cp);
    w->b = scan_b(sc);
    w->c2 = w->b >= 0 ? syl_cls[w->b] : 0;
    /* [i, te) is syllables: three bytes each, no decoder */
    uint32_t r = w->c2, l = w->b >= 0 ? w->c2 : w->fc;
    for (size_t q = i + 6; q < te; q += 3) {
        l = syl_cls[syl_ix((const unsigned char *)s + q)];
        r |= l;
    }
    w->rest = r;
    w->lc = l;
    w->nxt = te < len ? (unsigned char)s[te] : 0;
    w->sp = w->nxt == ' ';
    w->nc = w->sp ? cls_at(s, len, te + 1) : 0;
    /* (after a word that went through here: its last syllable's classes,
     * kept; most words follow one) */
    w->spb = i >= 3 && s[i - 1] == ' ';
    w->b2 = i >= 2 ? (unsigned char)s[i - 2] : 0;
    w->pc = w->spb ? (sc->lc_end == i - 1 ? sc->lc : cls_before(s, i - 1)) : 0;
    if (te > i) {
        sc->lc_end = te;
        sc->lc = l;
    }
}

/* anon_rule's tests of the syllables at and after the word w at i that
 * starts with a family name of one syllable: 0 when it can find nothing
 * there (a title or 모 glued to the family name or after it alone, a
 * title after a name of three syllables, a space allowed between). */
static inline int anon_may(const hword *w, const char *s, size_t i)
{
    if (!anon_first_ok || !agiven_ok)
        return 1;
    size_t n = w->n;
    if (n == 3 || n == 9) {
        /* a name alone: a title (or 모, after the family name) after
         * it, a space allowed (after a note in parentheses: anon_rule
         * tells); no syllable is glued after the run */
        if (w->nxt == '(')
            return 1;
        if (w->nc & (n == 3 ? C_ANON1 | C_AGIVEN : C_ANON1))
            return 1;
        if (n == 3)
            return 0;
    } else if (n > 9 && (syl_cls[syl_ix((const unsigned char *)s + i + 9)] & C_ANON1))
        return 1;
    /* a title or 모 glued to the family name */
    return (w->c2 & (C_ANON1 | C_AGIVEN)) != 0;
}

/* The rules of new names at a word that starts with a Hangul syllable,
 * the rules of run_anon and run_pair in their order, each called only
 * where the word's classes and the bytes around it let it find
 * something (the first tests of each, answered here once). */
static inline __attribute__((always_inline)) size_t run_anon_syllable(scan *sc, const hword *w, const char *s,
                                                                       size_t len, size_t i, size_t te)
{
    actx *x = sc->x;
    size_t n = w->n, e = 0;
    uint32_t fc = w->fc;
    unsigned char nxt = w->nxt;
    int sp = w->sp;
    if (fc & C_FAMILY) {
        if ((fc & C_FAMILY1) && anon_may(w, s, i))
            e = anon_rule(x, i);
        /* a name of one or three syllables (one: a family name), a space,
         * a number */
        int name39 = n == 9 || (n == 3 && (fc & C_FAMILY1));
        if (!e && sp && name39 && te + 1 < len && is_dig(s[te + 1]))
            e = rank_rule(x, i);
        /* a name of three syllables before a note, a list or a bracket */
        if (!e && n == 9 && (nxt == '(' || nxt == ',' || nxt == 0xC2))
            e = bare_name_rule(x, i);
        if (!e && n == 9 && nxt == ')')
            e = paren_title_rule(x, i);
        /* a name of one or three syllables, a space, a former mark (at a
         * syllable, one that starts a mark) */
        if (!e && sp && name39 && (former_empty || !(w->nc & C_SYL) || (w->nc & C_FORMER)))
            e = former_rule(x, i);
        /* a name of three syllables and a bare particle (its last
         * syllable) */
        if (!e && n >= 12 && n <= 18 && (!bare_last_ok || (cls_before(s, te) & C_BAREL)) &&
            (w->c2 & syl_cls[syl_ix((const unsigned char *)s + i + 6)] & C_GIVEN))
            e = particle_name_rule(x, i, te);
    }
    /* a short given name or a word spelled from elsewhere, then a word
     * of two to eight syllables ending in a bare particle (its last
     * syllable) or before a note in parentheses */
    /* (one syllable: a short given name by its class; the next word
     * starts with a syllable) */
    if (!e && sp && n <= 18 && te + 4 <= len && (n != 3 || (fc & C_SGIVEN)) && (w->nc & C_SYL)) {
        size_t b = te + 1, be = run_end_syl(x, b);
        unsigned char c = be < len ? (unsigned char)s[be] : 0;
        /* (a given name from elsewhere, looked up last and only after a
         * first syllable of one: also before a comma or a closing
         * parenthesis; spelled from elsewhere (loan_spelled): a syllable
         * of the word C_LOAN. The first word's own classes are asked
         * before the last syllable of the second: most words are none) */
        int abroad = (fc & C_GABR1) != 0, loan = ((fc | w->rest) & C_LOAN) != 0;
        if (be >= b + 6 && be - b <= 24 &&
            (c == '(' ||
             ((!c || c == ' ' || c == ',' || c == '.') && (n == 3 || loan || abroad) &&
              (!bare_last_ok || (cls_before(s, be) & C_BAREL)) && (n == 3 || loan || given_abroad_at(s, i, te))) ||
             ((c == ',' || c == ')') && abroad && given_abroad_at(s, i, te))))
            e = foreign_particle_rule(x, i, te);
    }
    /* a lead role before (its last syllable) */
    if (!e && w->spb && (i < 4 || w->b2 == ')' || lead_before(s, i - 1, w->pc)))
        e = lead_role_rule(x, i, te);
    /* a verb of reporting after (its first syllable, or two), or a day
     * number; a subject particle last (its last syllable) */
    if (!e && sp && te + 4 < len && (!rpart_last_ok || (w->lc & C_RPARTL)) &&
        (is_dig(s[te + 1]) || !rverb_ok || report_may(s, len, te + 1, w->nc)))
        e = report_rule(x, i, te);
    return e;
}

/* (주)한빛테크: a company by its legal form */
static size_t run_corp_before(scan *sc)
{
    size_t a = sc->i + 5;
    return corp_rule(sc->x, a, a > 0 ? hangul_run_end(sc->x->s, sc->x->len, a) : a);
}

/* "딥시크"라는 스타트업 */
static size_t run_quote(scan *sc)
{
    return kg_tok_start(sc->x->s, sc->i) ? quoted_rule(sc->x, sc->i) : 0;
}

/* 엔비디아 H100: a product named with its maker first; the maker and the
 * product are two mentions. [i, e) is the match, lex the product.
 * Returns 1 when it split the match. */
static int maker_split(actx *x, size_t i, size_t e, int lex)
{
    const char *s = x->s;
    size_t sp = i;
    while (sp < e && s[sp] != ' ')
        sp++;
    if (sp >= e || sp - i >= 120 || sp == i)
        return 0;
    char w[128];
    memcpy(w, s + i, sp - i);
    w[sp - i] = '\0';
    const char *id = kg_lexicon_lookup(x->lx, w);
    int maker = x->lx->actors[lex].part_of_idx;
    if (!id || strcmp(id, x->lx->actors[maker].id) != 0)
        return 0;
    emit_lex(x, i, sp, maker);
    emit_lex(x, sp + 1, e, lex);
    return 1;
}

/* title_after, or the title of an office (office_titles: 시장) after a
 * space, as a word of its own or before a particle (홍길동 시장은). */
static int title_or_office_after(actx *x, size_t e)
{
    const char *s = x->s;
    size_t len = x->len;
    if (title_after(x, e))
        return 1;
    if (e + 1 >= len || s[e] != ' ')
        return 0;
    size_t a = e + 1, b = hangul_run_end(s, len, a), w = strip_run(s, a, b);
    return w > a && kg_wordset_has(&ws_office_titles, s + a, w - a);
}

/* 1 if the place that ends at e acts there: a particle of
 * place_acting_particles glued to it that ends the word, a word of
 * place_acting_words after a space that ends at a particle or a space,
 * or a name and a title after it (수원시는, 수원시 관계자는, 수원시
 * 홍길동 시장은); 0 if it is named as a place only. */
static int place_acts(actx *x, size_t e)
{
    const char *s = x->s;
    size_t len = x->len;
    /* (the word ends after the particle: no syllable follows, its
     * lead byte EA-ED) */
    size_t p = kg_lit_any(s, len, e, place_particles);
    if (p && (p >= len || (unsigned char)s[p] < 0xEA || (unsigned char)s[p] > 0xED))
        return 1;
    size_t tend;
    if (e < len && s[e] == ' ' && (p = kg_lit_any(s, len, e + 1, place_words)) && kg_tail_ok(s, len, p, &tend))
        return 1;
    /* (a name and its title after it: 수원시 홍길동 시장은, the place's
     * office holder speaks for it) */
    if (e + 1 < len && s[e] == ' ') {
        size_t ne = hangul_run_end(s, len, e + 1);
        if (ne >= e + 1 + 6 && ne <= e + 1 + 12 && title_or_office_after(x, ne))
            return 1;
    }
    return 0;
}

/* A name the lexicon or the document knows, the longest; a person of
 * the lexicon may be followed by the word for an administration, a
 * country by the word for one of its bodies. */
static inline __attribute__((always_inline)) size_t run_known(scan *sc)
{
    actx *x = sc->x;
    const char *s = x->s;
    size_t len = x->len, i = sc->i, cn = sc->cn;
    kg_lexhit *hits = sc->hits;
    size_t best_end = 0;
    int best_lex = -1, best_act = -1;
    /* lexicon (at a syllable: most starts answered inline) */
    size_t nh = 0;
    if (x->lx && sc->cc == KG_CC_HANGUL && kg_is_hangul(sc->cp)) {
        /* (a syllable glued after it: the run goes on) */
        nh = kg_lex_walk_syl(x->lx, s, len, i, (int)(sc->cp - 0xAC00), scan_b(sc), hits, 64);
    } else if (x->lx)
        nh = kg_lex_walk(x->lx, s, len, i, hits, 64);
    for (size_t h = nh; h-- > 0;) {
        const kg_lex_key *k = &x->lx->keys[hits[h].key];
        if (sc->cc == KG_CC_HAN && hits[h].end == i + cn && !han_alone(x, i, hits[h].end))
            continue;
        /* 큐웬3를, 라마 4는: a product's version after its name */
        size_t ve = hits[h].end, vs;
        /* a spaced number after a name that ends in a digit is a count
         * (H100 1만 개), no version */
        if (ve + 1 < len && s[ve] == ' ' && is_dig(s[ve + 1]) && !is_dig(s[ve - 1]))
            ve++;
        vs = ve;
        if (ve < len && is_dig(s[ve]) && x->lx->actors[x->lx->key_actors[k->first]].is_product) {
            while (ve < len && (is_dig(s[ve]) || (s[ve] == '.' && ve + 1 < len && is_dig(s[ve + 1]))))
                ve++;
            size_t tend;
            if (ve - vs <= 4 && (ve >= len || !is_lat(s[ve])) && kg_tail_ok(s, len, ve, &tend) &&
                !kg_tctx_taken(x->c, vs, ve)) {
                best_end = ve;
                best_lex = resolve_key(x, k, i);
                break;
            }
        }
        if (end_ok_run(s, len, hits[h].end, k->latin, hits[h].end > i && hits[h].end < sc->te ? sc->te : 0)) {
            best_end = hits[h].end;
            best_lex = resolve_key(x, k, i);
            break;
        }
        /* 베이징시가, 저장성의: a city or province of a lexicon name */
        size_t e2 = hits[h].end, tend, re = 0;
        if (!k->latin && (re = kg_lit_any(s, len, e2, region_suffixes)) && kg_tail_ok(s, len, re, &tend)) {
            int a = resolve_key(x, k, i);
            if (!x->lx->actors[a].is_person) {
                best_end = re;
                best_lex = a;
                break;
            }
        }
    }
    /* the document's own names (none can start with a syllable that
     * starts none of their keys) */
    int own = x->n_al &&
              (sc->ch < 0xEA || sc->ch > 0xED || !kg_is_hangul(sc->cp) ||
               ((x->al_first.bits[(sc->cp - 0xAC00) >> 3] >> ((sc->cp - 0xAC00) & 7)) & 1));
    for (int nch = 2; nch >= 1 && own && (nch == 2 || x->n_al1); nch--) {
        for (int q = al_chain(x, char_hash(s + i, len - i, nch)); q >= 0; q = x->al_next[q]) {
            size_t e = key_match(s, len, i, al_key(x, q), x->al[q].klen);
            if (e > best_end &&
                end_ok_run(s, len, e, !(((unsigned char)al_key(x, q)[x->al[q].klen - 1]) & 0x80), e > i && e < sc->te ? sc->te : 0)) {
                best_end = e;
                best_act = x->al[q].act;
                best_lex = -1;
            }
        }
    }
    if (!best_end)
        return 0;
    size_t e = best_end;
    /* 팬 연구원: a person's alias of one syllable is an everyday word
     * too (팬, a fan): read only before a title after a space */
    if (best_lex >= 0 && e == i + 3 && (unsigned char)s[i] >= 0xEA && x->lx->actors[best_lex].is_person &&
        !title_or_office_after(x, e))
        return 0;
    if (best_lex >= 0) {
        const kg_lex_actor *la = &x->lx->actors[best_lex];
        size_t k = 0;
        /* 경기도 평택시에, 용인시 처인구: a place named, no actor (the
         * word is read: no rule of new names takes it for a person) */
        if (la->is_place && !place_acts(x, e))
            return e;
        if (sc->discover && la->is_person && (k = admin_rule(x, i, e, best_lex)))
            e = k;
        else if (sc->discover && la->is_country && (k = body_rule(x, i, e, best_lex, 0)))
            e = k;
        else if (la->is_product && la->part_of_idx >= 0 && maker_split(x, i, e, best_lex))
            ;
        else if (!(sc->discover && !la->is_country && !la->is_person && bare_body_rule(x, i, e, best_lex)))
            emit_lex(x, i, e, best_lex);
    } else {
        emit_act(x, i, e, best_act);
    }
    return e;
}

/* 한빛테크(주): a company by its legal form after it */
static inline size_t run_corp_after(scan *sc, const hword *w, const char *s, size_t len, size_t i, size_t te)
{
    size_t e;
    /* (no mark starts here: kg_lit_any's first test, one lookup; no
     * mark starts with the 0 of the end) */
    if (corp_lead_ok && !corp_lead[w->nxt])
        return 0;
    size_t m = kg_lit_any(s, len, te, corp_marks);
    if (m && (e = corp_rule(sc->x, i, te)))
        return e + (m - te);
    return 0;
}

/* A name after a descriptor or a title (cheap tests first: a space
 * before, the last syllable of the word before), or in a list after
 * an actor of its kind. */
static inline size_t run_intro_list(scan *sc, const hword *w, const char *s, size_t i, size_t te)
{
    size_t e = 0;
    if ((i >= 9 && w->spb &&
         (w->b2 == ')' ||
          /* (the last syllable before: a descriptor's or a title's) */
          ((w->b2 < 0x80 || !introl_ok || (w->pc & C_INTROL)) && intro_end(s, i - 1)) ||
          (dtail_last[w->b2] && descriptor_before_tail(s, i - 1))) &&
         (e = intro_rule(sc->x, i, te))) ||
        /* (after a comma, or an actor, one syllable glued to it and a
         * space: a joining particle, list_rule tells) */
        (i >= 3 && (w->b2 == ',' || sc->x->last_end + 4 == i) && (e = list_rule(sc->x, i, te))))
        return e;
    return 0;
}

/* The company a word of a title names with its head (한빛은행장,
 * 한빛증권사장): the word [a, w) is a title by its suffix; the longest
 * stem of two syllables or more before an end of names: body_head_tails
 * that ends in the suffix of a company is emitted as that company. The
 * head of an office keeps its title alone (해양경찰청장, 검찰총장, and
 * 수자원공사장 is a building site). Returns 1 when it emitted one. */
static int body_in_title(actx *x, size_t a, size_t w)
{
    const char *s = x->s;
    for (size_t p = w - 3; p >= a + 6; p -= 3) {
        if (!kg_wordset_has(&ws_head_tails, s + p, w - p))
            continue;
        const struct suffix *sf = org_suffix(s + a, p - a);
        if (sf && !strcmp(sf->type, "company") && !overlaps_actor(x, a, p) && !kg_tctx_taken(x->c, a, p) &&
            !(x->lx && lex_exact(x, a, p) >= 0))
            return suffix_rule(x, a, p) != 0;
    }
    return 0;
}

/* A person before a title (리밍 대변인), a title naming the office, or an
 * organisation by its suffix (교육부, 인간 중심 AI 연구소). */
static inline __attribute__((always_inline)) size_t run_title_suffix(scan *sc, const hword *wd, const char *s,
                                                                      size_t len, size_t i, size_t te, uint32_t cp)
{
    actx *x = sc->x;
    /* cheap test first: a title starts the word, or some later
     * syllable may end an organisation suffix */
    uint32_t c0 = wd->fc;
    /* (none of the title branches below can find something without a
     * title, role or office title of one syllable at i, or one that
     * starts with the word's first two syllables: the suffix branches
     * then find the same with or without a title first, see below) */
    /* (the class tests and the pair filter as one condition, computed
     * without a branch: each outcome depends on the text, and as
     * branches they mispredicted at about every second word; the pair
     * filter's load is safe for any b, its hash masked) */
    int b = wd->b;
    int title1 = (c0 & (C_TITLE | C_TITLE1)) == (C_TITLE | C_TITLE1);
    int title2 = ((c0 & (C_TITLE | C_TITLE1)) == C_TITLE) & (b >= 0) &
                 pair_may(&title_pairs, cp - 0xAC00, (uint32_t)b);
    int tfirst = title1 || (title2 && kg_wordset_has(&ws_title_any2, s + i, 6));
    /* the end of the last syllable after the first that may end a
     * suffix, or 0: one of one syllable, or the last two syllables of a
     * longer one (a suffix that is no syllables never ends a word of
     * them; the suffix branches below need one to end at the stem's end
     * or after it, see there) */
    /* (asked only without a title first: only strip_run_max below reads
     * it) */
    /* (none may without a syllable after the first of those classes) */
    size_t later = 0;
    if (!tfirst && (wd->rest & C_MAYBE)) {
        /* (every syllable after the first is tested, the last that may
         * end a suffix kept, with no branch on the test: its outcome
         * depends on the text and mispredicted often) */
        /* [i, te) is syllables: three bytes each, no decoder */
        uint32_t c1 = syl_ix((const unsigned char *)s + i);
        for (size_t q = i + 6; q <= te; q += 3) {
            uint32_t c3 = syl_ix((const unsigned char *)s + q - 3), cl = syl_cls[c3];
            int hit = ((cl & C_MAYBE) != 0) & (((cl & C_SFX1) != 0) | pair_may(&suffix_pairs, c1, c3));
            later = hit ? q : later;
            c1 = c3;
        }
    }
    if (!tfirst && !later)
        return 0;
    /* no later syllable may end a suffix: only the title branches below
     * can find something, and each needs a word of its list at the
     * start of the word (titles and office titles: the stem; role
     * titles: a prefix within it; ws_title_any holds the three lists):
     * of one syllable, or starting with the word's first two syllables
     * (ws_title_any2: the first two syllables of its longer words) */
    /* (tfirst: a word of those lists starts the word, of one syllable or
     * starting with the word's first two syllables) */
    /* no title first: only the suffix branches below can find something,
     * and each needs the stem to end at the syllable that may end a
     * suffix or before it (the stem's last syllable, or one after the
     * stem: see there), so no split of the particles after it is tried */
    size_t w = tfirst ? strip_run(s, i, te) : strip_run_max(s, i, te, later), e = 0, rw;
    if (!w)
        return 0;
    /* title or suffix? checked on one syllable first */
    uint32_t lastc = w > i ? cls_before(s, w) : 0; /* (the classes of the stem's last syllable) */
    if (tfirst && is_title(s + i, w - i)) {
        if (!title_rule(x, i, w) && kg_wordset_has(&ws_office_titles, s + i, w - i))
            office_rule(x, i, w);
    } else if (tfirst &&
               /* (a role title within the word: of one syllable, or
                * starting with its first two: ws_role2) */
               (kg_wordset_has(&ws_role_titles, s + i, 3) || (te - i >= 6 && kg_wordset_has(&ws_role2, s + i, 6))) &&
               (rw = list_word_at(s, len, i, &ws_role_titles)) && rw <= te)
        title_rule_ex(x, i, rw, 1);
    else if (tfirst && kg_wordset_has(&ws_office_titles, s + i, w - i))
        office_rule(x, i, w);
    else if (w - i >= 9 && (lastc & C_TSUF) && title_suffix_word(s + i, w - i)) {
        title_rule(x, i, w);
        body_in_title(x, i, w);
    }
    else if (w - i >= 6 && (lastc & C_FINAL)) {
        e = suffix_rule(x, i, w);
        if (!e)
            e = suffix_words_rule(x, i, w);
    } else {
        /* the shortest stem took a syllable of the suffix for a particle
         * (용산경찰서와: 서와): a longer stem that ends in a suffix */
        for (size_t p = te; !e && p >= i + 9 && p > w; p -= 3)
            if ((cls_before(s, p) & C_FINAL) && org_suffix(s + i, p - i) && (p == te || kg_tail_syllables(s, p, te)))
                e = suffix_rule(x, i, p);
    }
    return e;
}

/* DJI, SMIC; CEO as a title */
static size_t run_acronym(scan *sc)
{
    const char *s = sc->x->s;
    size_t len = sc->x->len, i = sc->i;
    size_t e = acronym_rule(sc->x, i);
    if (!e) {
        /* a title in capitals (CEO, PD: names.yaml titles; such a word is
         * in latin_stop too, so no acronym) names the person before it */
        size_t j = i;
        while (j < len && s[j] >= 'A' && s[j] <= 'Z')
            j++;
        if (j - i >= 2 && (j >= len || !is_lat(s[j])) && is_title(s + i, j - i))
            title_rule(sc->x, i, j);
    }
    return e;
}

/* 한빛엔터테인먼트(이하 한빛엔터), 국제위원회(이하 'IC'): the short name
 * a text gives the actor just found, after a mark (names.yaml
 * short_name_marks) in parentheses at p, quotes allowed. Emits the short
 * name as a mention of that actor, makes it an alias for the rest of
 * the text, and returns where the scan goes on (after the note), else
 * p. */
static size_t short_name_note(actx *x, size_t p)
{
    const char *s = x->s;
    size_t len = x->len, m;
    if (p >= len || s[p] != '(' || !(m = kg_lit_any(s, len, p + 1, short_name_marks)) || m >= len || s[m] != ' ')
        return p;
    size_t a = m + 1, q;
    static const char *const quotes[] = { "'", "\"", "\xe2\x80\x98", "\xe2\x80\x99", "\xe2\x80\x9c",
                                          "\xe2\x80\x9d", NULL };
    if ((q = kg_lit_any(s, len, a, quotes)))
        a = q;
    size_t b = a;
    while (b < len && b < a + 40 && s[b] != ')' && s[b] != '\n' && s[b] != '(' && s[b] != ',' && s[b] != ' ' &&
           !kg_lit_any(s, len, b, quotes))
        b++;
    size_t c = b;
    if ((q = kg_lit_any(s, len, c, quotes)))
        c = q;
    /* one syllable is too short a name to find again (중: also a word) */
    if (b == a || c >= len || s[c] != ')' || kg_tctx_taken(x->c, a, b) ||
        ((unsigned char)s[a] >= 0x80 ? syllables(s + a, b - a) < 2 : b - a < 2))
        return p;
    int act = x->last_act >= 0 ? x->last_act : x->last_lex >= 0 ? dact_lex(x, x->last_lex) : -1;
    if (act < 0)
        return p;
    if (x->last_act < 0)
        emit_lex(x, a, b, x->last_lex);
    else
        emit_act(x, a, b, act);
    alias_add(x, s + a, b - a, act);
    return c + 1;
}

/* The rules of new names at a Hangul word, in their order (see
 * run_rules): one call for the five, whose tests share what they load
 * (a call each cost more than most words' tests). */
static __attribute__((noinline)) size_t run_new_hangul(scan *sc, int *after)
{
    /* (what the rules read of the word, loaded once into locals: read
     * through sc and x, each would be loaded again after every call;
     * they hold for the whole word: no rule moves the scan's place or
     * its run end. Each rule keeps its own gate first: a new rule of
     * new Hangul names goes here, after its gate, in its order) */
    const char *s = sc->x->s;
    size_t len = sc->x->len, i = sc->i, te = scan_te(sc);
    uint32_t cp = sc->cp;
    hword w;
    hword_at(&w, sc, s, len, i, te, cp);
#define RULE(call, aft)               \
    {                                 \
        size_t e_ = (call);           \
        if (e_) {                     \
            *after = (aft);           \
            return e_;                \
        }                             \
    }
    if (kg_is_hangul(cp)) {
        RULE(run_anon_syllable(sc, &w, s, len, i, te), AFTER_NEXT)
    } else {
        RULE(run_anon(sc), AFTER_NEXT)
    }
    RULE(run_pair(sc, i, cp), AFTER_NEXT)
    RULE(run_corp_after(sc, &w, s, len, i, te), AFTER_PUNCT)
    RULE(run_intro_list(sc, &w, s, i, te), AFTER_NEXT)
    RULE(run_title_suffix(sc, &w, s, len, i, te, cp), AFTER_NEXT)
#undef RULE
    return 0;
}

/* 김철수 산업부 1차관은, 김여정 제1부부장: a title numbered by a
 * number of one or two digits glued before it (names: ordinal_titles),
 * an ordinal mark allowed before the number (ordinal_marks), names the
 * person before it as the title alone would. [i, te) is the Hangul run
 * after the digits. Finds no actor of its own. */
static __attribute__((noinline)) void ordinal_title_rule(actx *x, size_t i, size_t te)
{
    const char *s = x->s;
    size_t d = i - 1;
    while (d > 0 && is_dig(s[d - 1]))
        d--;
    if (i - d > 2)
        return;
    size_t a = d;
    for (const char *const *m = ordinal_marks; *m; m++) {
        size_t n = strlen(*m);
        if (n && a > n && !memcmp(s + a - n, *m, n) && s[a - n - 1] == ' ') {
            a -= n;
            break;
        }
    }
    if (a < 2 || s[a - 1] != ' ')
        return;
    size_t w = strip_run(s, i, te);
    if (w > i && kg_wordset_has(&ws_ordinal_titles, s + i, w - i))
        title_rule(x, a, w);
}

/* run_rules at a Hangul word, the common start: the gates answered at
 * once (gate_word holds; gate_anon is one test, and the rules of new
 * Hangul words run here only; the other gates fail). kg_find_actors
 * calls it directly on its locals (start, cc) and run_rules for the
 * rest: a rule added to run_rules for Hangul words goes here too. */
static inline __attribute__((always_inline)) size_t run_hangul_word(scan *sc, int *after)
{
    size_t e = run_known(sc);
    if (e) {
        *after = AFTER_HANGUL;
        return e;
    }
    if (!sc->discover)
        return 0;
    if (!SCAN_TOK(sc)) {
        /* (after a number: a numbered title, its first syllable a title's) */
        size_t i = sc->i;
        if (i >= 3 && is_dig(sc->x->s[i - 1]) && (cls_cp(sc->cp) & C_TITLE))
            ordinal_title_rule(sc->x, i, scan_te(sc));
        return 0;
    }
    return run_new_hangul(sc, after);
}

/* The rules in the order they are tried at a start: the first that finds
 * something ends the place (its end returned, *after its AFTER_*), else
 * 0. The known names come before the rules that find new ones; these run
 * only with discovery on. Called directly, not through a table of
 * function pointers: this runs at every word start, and direct calls let
 * the gates be inlined. */
static size_t run_rules(scan *sc, int *after)
{
#define RULE(gate, run, aft)          \
    if (gate(sc)) {                   \
        size_t e_ = run(sc);          \
        if (e_) {                     \
            *after = (aft);           \
            return e_;                \
        }                             \
    }
    /* a Hangul word, the common start: run_hangul_word */
    if (sc->start == START_WORD && sc->cc == KG_CC_HANGUL)
        return run_hangul_word(sc, after);
    RULE(gate_corp_before, run_corp_before, AFTER_PUNCT)
    RULE(gate_quote, run_quote, AFTER_PUNCT)
    RULE(gate_word, run_known, AFTER_HANGUL)
    RULE(gate_anon, run_anon, AFTER_NEXT)
    /* (the rules of new Hangul words: above) */
    RULE(gate_new_latin, run_acronym, AFTER_NEXT)
#undef RULE
    return 0;
}

/* What the character at e counts as for the next start (see AFTER_*). */
static kg_cc cc_after(const char *s, size_t len, size_t e, int after)
{
    if (after == AFTER_PUNCT || e >= len)
        return KG_CC_PUNCT;
    size_t n2;
    kg_cc cc = kg_cc_of(kg_u8_at(s, len, e, &n2));
    return after == AFTER_NEXT || cc == KG_CC_HANGUL ? cc : KG_CC_PUNCT;
}

/* What starts at s[i] (START_*), given the class of the character before
 * and its own. */
static int start_at(const char *s, size_t len, size_t i, uint32_t cp, kg_cc cc, kg_cc prev_cc, int discover)
{
    if (cc == KG_CC_HANGUL || cc == KG_CC_LATIN)
        return prev_cc != cc && !(cc == KG_CC_LATIN && prev_cc == KG_CC_DIGIT) ? START_WORD : START_NONE;
    if (cc == KG_CC_HAN)
        return START_WORD;
    if (cc == KG_CC_PUNCT && (cp == '\'' || cp == '"') && discover)
        return START_QUOTE;
    if (corp_lead[(unsigned char)s[i]] && discover && i + 6 < len && kg_lit_any(s, len, i, corp_marks))
        return START_CORP;
    return START_NONE;
}

void kg_find_actors(kg_tctx *c)
{
    tables_ready();
    actx x;
    /* (al_first last in actx, 1.4 KB, is cleared by the first
     * alias_add) */
    memset(&x, 0, offsetof(actx, al_first));
    x.c = c;
    x.lx = c->lx && c->lx->compiled ? c->lx : NULL;
    x.s = c->s;
    x.len = c->len;
    x.re = c->runend;
    /* the arrays of the last document on this thread, emptied */
    actx_mem *m = mem_get();
    x.acts = m->acts;
    x.cap_acts = m->cap_acts;
    x.pm = m->pm;
    x.cap_pm = m->cap_pm;
    x.al = m->al;
    x.al_next = m->al_next;
    x.cap_al = m->cap_al;
    x.al_head = m->al_head;
    x.cap_head = m->cap_head;
    x.ids = m->ids;
    x.cap_ids = m->cap_ids;
    x.keys = m->keys;
    x.idbuf = m->idbuf;
    x.namebuf = m->namebuf;
    kg_buf_reset(&x.keys);
    x.last_country = -1;
    x.sent_country = -1;
    x.last_lex = -1;
    x.last_act = -1;
    int discover = !(c->flags & KG_TAG_NO_DISCOVERY);
    const char *s = c->s;
    size_t len = c->len;
    const kg_text *t = c->t;
    if (discover)
        find_glosses(&x);

    scan scan_at, *sc = &scan_at;
    memset(sc, 0, offsetof(scan, hits)); /* (hits: written before read) */
    sc->x = &x;
    sc->discover = discover;
    size_t ci = 0;
    kg_cc prev_cc = KG_CC_END;
    int prev_real = 1; /* prev_cc is the class of the character before i */
    size_t i = 0;
    while (i < len) {
        unsigned char ch = (unsigned char)s[i];
        size_t cn;
        uint32_t cp;
        kg_cc cc;
        if (ch < 0x80) {
            cp = ch;
            cn = 1;
            if (ch == ' ' || ch == '\n') {
                prev_cc = KG_CC_SPACE;
                prev_real = 1;
                i++;
                continue;
            }
            cc = (ch >= '0' && ch <= '9') ? KG_CC_DIGIT : (is_lat((char)ch) ? KG_CC_LATIN : KG_CC_PUNCT);
        } else {
            cp = kg_u8_dec((const unsigned char *)s + i, len - i, &cn);
            cc = kg_cc_of(cp);
        }
        int start = start_at(s, len, i, cp, cc, prev_cc, discover);
        if (!start) {
            prev_cc = cc;
            prev_real = 1;
            /* the rest of a run of syllables or of ASCII letters starts
             * nothing either (each follows one of its kind) */
            if (cc == KG_CC_HANGUL && kg_is_hangul(cp))
                i = run_end_syl(&x, i);
            else if (ch < 0x80 && cc == KG_CC_LATIN)
                while (++i < len && is_lat(s[i]))
                    ;
            else
                i += cn;
            continue;
        }
        /* chrome */
        while (ci < t->n_chrome && t->chrome[ci].r.nend <= i)
            ci++;
        if (ci < t->n_chrome && t->chrome[ci].r.nstart <= i) {
            i = t->chrome[ci].r.nend;
            prev_cc = KG_CC_SPACE;
            prev_real = 0;
            continue;
        }
        sc->i = i;
        sc->cn = cn;
        sc->te = 0;
        /* kg_tok_start: the character before is a space, punctuation or
         * the start, which prev_cc tells when it is that character's */
        sc->tok = prev_real ? prev_cc <= KG_CC_PUNCT : -1;
        sc->b = -2;
        sc->cp = cp;
        sc->ch = ch;
        sc->cc = cc;
        sc->start = start;
        int after;
        /* (a Hangul word, the common start, told from the locals: read
         * back from sc, the two fields stored just now would be loaded
         * as one word, which the stores cannot forward to) */
        size_t e = start == START_WORD && cc == KG_CC_HANGUL ? run_hangul_word(sc, &after) : run_rules(sc, &after);
        if (e) {
            prev_cc = cc_after(s, len, e, after);
            prev_real = 0;
            size_t n = x.last_end == e ? short_name_note(&x, e) : e;
            if (n != e)
                prev_cc = KG_CC_PUNCT;
            i = n;
            continue;
        }
        /* no actor starts here, nor inside the rest of the word (a
         * Hangul run starts nothing after its first syllable) */
        prev_cc = cc;
        prev_real = 1;
        if (cc == KG_CC_HANGUL) {
            size_t te = scan_te(sc);
            i = te > i ? te : i + cn;
            /* (and the space after it, as the loop's first test would) */
            if (i < len && s[i] == ' ') {
                prev_cc = KG_CC_SPACE;
                i++;
            }
        } else
            i += cn;
    }
    /* the id table cleared for the next document (a large one freed) */
    if (x.n_acts && x.cap_ids > 4096) {
        free(x.ids);
        x.ids = NULL;
        x.cap_ids = 0;
    } else if (x.n_acts)
        memset(x.ids, 0, x.cap_ids * sizeof *x.ids);
    m->acts = x.acts;
    m->cap_acts = x.cap_acts;
    m->pm = x.pm;
    m->cap_pm = x.cap_pm;
    m->al = x.al;
    m->al_next = x.al_next;
    m->cap_al = x.cap_al;
    m->al_head = x.al_head;
    m->cap_head = x.cap_head;
    m->ids = x.ids;
    m->cap_ids = x.cap_ids;
    m->keys = x.keys;
    m->idbuf = x.idbuf;
    m->namebuf = x.namebuf;
}
