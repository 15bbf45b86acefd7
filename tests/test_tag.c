/* test_tag.c - tests of text intake (kg/text.h) and the tagger (kg/tag.h).
 *
 * The rules are tested by the spec files tests/spec/{times,figures,actors}
 * .spec (format described at the top of each): one loop reads every case,
 * tags its input and compares the mentions of the file's kind with the
 * expected lines, reporting the file and line of each failing case. The
 * actors spec uses its own small lexicon, tests/spec/lexicon.yaml.
 *
 * Tests on the real seed articles read ../shared/seeds/ and are skipped
 * when that folder is absent. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kg.h"
#include "kg/tag.h"
#include "kg/text.h"
#include "testutil.h"

/* ------------------------------------------------------------------ */
/* spec files                                                          */

/* The canonical one-line form of a mention that the spec files hold. */
static void canon(const kg_mention *m, const kg_text *t, kg_buf *out)
{
    kg_buf_reset(out);
    const char *text = t->norm + m->nstart;
    size_t tn = m->nend - m->nstart;
    if (m->kind == KG_MENTION_TIME || m->kind == KG_MENTION_FIGURE) {
        /* kg_mention_json without the offsets */
        kg_buf j = KG_BUF_INIT;
        kg_mention_json(m, t, &j);
        char *p = strstr(j.ptr, ",\"start\":");
        char *q = p ? strstr(p + 1, ",\"value\"") : NULL;
        const char *k = m->kind == KG_MENTION_TIME ? "{\"kind\":\"time\"," : "{\"kind\":\"figure\",";
        size_t kl = strlen(k);
        if (p && q && strncmp(j.ptr, k, kl) == 0) {
            kg_buf_putc(out, '{');
            kg_buf_add(out, j.ptr + kl, (size_t)(p - j.ptr) - kl);
            kg_buf_puts(out, q);
        } else
            kg_buf_puts(out, j.ptr);
        kg_buf_free(&j);
        return;
    }
    kg_buf_puts(out, "{\"text\":\"");
    kg_json_escape(out, text, tn);
    kg_buf_puts(out, "\",\"id\":\"");
    kg_json_escape(out, m->id ? m->id : "", m->id ? strlen(m->id) : 0);
    kg_buf_puts(out, "\"}");
}

static kg_lexicon *spec_lexicon(void)
{
    static kg_lexicon *lx;
    if (lx)
        return lx;
    kg_corpus c = KG_CORPUS_INIT;
    kg_diag d = KG_DIAG_INIT;
    int r = kg_facts_load_path(&c, "tests/spec/lexicon.yaml", &d);
    cr_assert(r >= 0, "tests/spec/lexicon.yaml could not be read");
    lx = kg_lexicon_new();
    kg_lexicon_add_corpus(lx, &c);
    kg_lexicon_compile(lx, &d);
    kg_corpus_free(&c);
    kg_diag_free(&d);
    return lx;
}

struct tag_spec {
    kg_mention_kind kind;
    kg_lexicon *lx;
};

/* %lexicon bundled: the cases after it use the bundled lexicon
 * (yaml/lexicon); %lexicon spec: the test lexicon again */
static int tag_directive(void *ctx, const kgt_spec_case *at, const char *line)
{
    struct tag_spec *x = ctx;
    if (strncmp(line, "%lexicon ", 9) || x->kind != KG_MENTION_ACTOR)
        return -1;
    if (!strcmp(line + 9, "bundled")) {
        const kgt_lexes *bl = kgt_bundled_lexes();
        cr_assert(bl && bl->lx, "%s:%d: the bundled lexicon could not be read", at->path, at->line);
        x->lx = bl->lx;
    } else if (!strcmp(line + 9, "spec"))
        x->lx = spec_lexicon();
    else
        return -1;
    return 0;
}

static int tag_case(void *ctx, const kgt_spec_case *c, kg_buf *got)
{
    struct tag_spec *x = ctx;
    kg_text t;
    kg_diag d = KG_DIAG_INIT;
    kg_mentions ms = KG_MENTIONS_INIT;
    kg_tag_opts o;
    memset(&o, 0, sizeof o);
    if (c->dct)
        cr_assert(kg_dct_parse(c->dct, &o.dct) == 0, "%s:%d: bad date %s", c->path, c->line, c->dct);
    kg_text_load(&t, c->input, strlen(c->input), 0, KG_TEXT_LENIENT | KG_TEXT_NO_CHROME, c->path, &d);
    kg_tag_text(x->lx, &t, &o, &ms, NULL);
    kg_buf one = KG_BUF_INIT;
    for (size_t i = 0; i < ms.n; i++) {
        if (ms.v[i].kind != x->kind)
            continue;
        kg_buf_reset(&one);
        canon(&ms.v[i], &t, &one);
        kg_buf_printf(got, "%s\n", one.ptr);
    }
    kg_buf_free(&one);
    kg_mentions_free(&ms);
    kg_text_free(&t);
    kg_diag_free(&d);
    return 0;
}

/* Runs every case of one spec file; returns the number of cases. */
static size_t run_spec(const char *path, kg_mention_kind kind, size_t *failed)
{
    struct tag_spec x = { kind, kind == KG_MENTION_ACTOR ? spec_lexicon() : NULL };
    kgt_spec hooks = { tag_directive, tag_case, &x };
    return kgt_spec_file(path, &hooks, failed);
}

Test(spec, all_cases)
{
    size_t failed = 0, total = 0;
    total += run_spec("tests/spec/times.spec", KG_MENTION_TIME, &failed);
    total += run_spec("tests/spec/figures.spec", KG_MENTION_FIGURE, &failed);
    total += run_spec("tests/spec/actors.spec", KG_MENTION_ACTOR, &failed);
    cr_log_info("spec: %zu cases, %zu failed", total, failed);
    cr_expect(total >= 300, "only %zu spec cases", total);
    cr_assert(failed == 0, "%zu of %zu spec cases fail (see the log above)", failed, total);
}

/* ------------------------------------------------------------------ */
/* text intake                                                         */

Test(text, invalid_utf8_names_offset)
{
    const char bad[] = "가나다\xff라";
    kg_text t;
    kg_diag d = KG_DIAG_INIT;
    cr_assert_eq(kg_text_load(&t, bad, sizeof bad - 1, 100, 0, "x.txt", &d), -1);
    cr_assert(d.n == 1 && strstr(d.v[0].msg, "109") != NULL, "message: %s", d.n ? d.v[0].msg : "");
    kg_text_free(&t);
    kg_diag_free(&d);
    /* lenient: skipped, offsets still right */
    cr_assert_eq(kg_text_load(&t, bad, sizeof bad - 1, 0, KG_TEXT_LENIENT, "x.txt", &d), 0);
    cr_assert_eq(t.n_invalid, 1);
    cr_assert_str_eq(t.norm, "가나다라");
    cr_assert_eq(kg_text_src_offset(&t, 9), 10);
    kg_text_free(&t);
    kg_diag_free(&d);
}

Test(text, normalisation_keeps_offsets)
{
    const char src[] = "\xef\xbb\xbf키 170\xe3\x8e\x9d\r\n３~６개월\xc2\xa0끝 \xe2\x88\xbc";
    kg_text t;
    kg_diag d = KG_DIAG_INIT;
    cr_assert_eq(kg_text_load(&t, src, sizeof src - 1, 0, 0, NULL, &d), 0);
    cr_assert_str_eq(t.norm, "키 170cm\n3~6개월 끝 ~");
    /* "cm" maps back to the ㎝ at byte 10 */
    cr_assert_eq(kg_text_src_offset(&t, 7), 10);
    cr_assert_eq(kg_text_src_offset(&t, 8), 10);
    cr_assert_eq(kg_text_src_offset(&t, t.norm_len), sizeof src - 1);
    kg_text_free(&t);
    kg_diag_free(&d);
}

Test(text, sentences)
{
    const char *src = "비율은 22.6%였다.정부는 2025. 11. 01. 발표했다. \"좋다.\"라고 말했다. U.S. 측도 봤다.\n다음 줄";
    kg_text t;
    kg_diag d = KG_DIAG_INIT;
    kg_text_load(&t, src, strlen(src), 0, 0, NULL, &d);
    cr_assert_eq(t.n_sent, 5, "got %zu sentences", t.n_sent);
    cr_assert(strncmp(t.norm + t.sent[3].nstart, "U.S.", 4) == 0);
    cr_assert(strncmp(t.norm + t.sent[1].nstart, "정부는", 9) == 0);
    cr_assert(strncmp(t.norm + t.sent[2].nstart, "\"좋다", 7) == 0);
    kg_text_free(&t);
    kg_diag_free(&d);
}

/* A copyright line with Hangul words only (no ⓒ, no Latin mark), a word
 * at another place of the sixteen-byte scan, is chrome; the
 * line of article text before it is not (fails when copyright_words is
 * emptied). */
Test(text, chrome_hangul_copyright)
{
    const char *words[] = { "저작권자 어느신문", "어느신문 무단 전재 및 재배포 금지",
                            "가나다라마바사아자차카타 재배포금지", "어느신문 기사 무단전재" };
    for (size_t w = 0; w < sizeof words / sizeof *words; w++) {
        kg_buf src = KG_BUF_INIT;
        kg_buf_printf(&src, "첫 문장은 본문이다.\n%s\n", words[w]);
        kg_text t;
        kg_diag d = KG_DIAG_INIT;
        kg_text_load(&t, src.ptr, src.len, 0, 0, NULL, &d);
        const char *line = strstr(t.norm, words[w]);
        cr_assert(line != NULL);
        cr_assert(kg_text_in_chrome(&t, (size_t)(line - t.norm)), "not chrome: %s", words[w]);
        cr_assert(!kg_text_in_chrome(&t, 0));
        kg_text_free(&t);
        kg_diag_free(&d);
        kg_buf_free(&src);
    }
}

Test(text, chrome_and_dateline)
{
    const char *src = "닫기\n기사듣기 기사듣기중지\n제목 줄\n\n  • 카카오톡\n\n입력 2024.03.05 10:20\n"
                      "이 기사를 공유합니다\n이 기사를 친구에게 공유합니다\n본문은 여기에 있다. 문의 someone@example.com 으로.\nhttps://example.com/a?b=1\n"
                      "ⓒ 어느신문, 무단전재 및 재배포 금지\n관련뉴스\n다른 기사 제목 하나\n";
    kg_text t;
    kg_diag d = KG_DIAG_INIT;
    kg_text_load(&t, src, strlen(src), 0, 0, NULL, &d);
    cr_assert(t.has_dateline);
    cr_assert_eq(t.dateline.a.year, 2024);
    cr_assert_eq(t.dateline.a.month, 3);
    cr_assert_eq(t.dateline.a.day, 5);
    const char *p = strstr(t.norm, "someone@");
    cr_assert(kg_text_in_chrome(&t, (size_t)(p - t.norm)));
    cr_assert(kg_text_in_chrome(&t, 0));
    cr_assert(kg_text_in_chrome(&t, (size_t)(strstr(t.norm, "카카오톡") - t.norm)));
    /* the share bar's sentence alone on its line, not a line of text */
    cr_assert(kg_text_in_chrome(&t, (size_t)(strstr(t.norm, "이 기사를 공유") - t.norm)));
    cr_assert(!kg_text_in_chrome(&t, (size_t)(strstr(t.norm, "친구에게") - t.norm)));
    cr_assert(kg_text_in_chrome(&t, (size_t)(strstr(t.norm, "https") - t.norm)));
    cr_assert(kg_text_in_chrome(&t, (size_t)(strstr(t.norm, "무단전재") - t.norm)));
    cr_assert(kg_text_in_chrome(&t, (size_t)(strstr(t.norm, "다른 기사") - t.norm)));
    cr_assert(!kg_text_in_chrome(&t, (size_t)(strstr(t.norm, "본문은") - t.norm)));
    cr_assert(!kg_text_in_chrome(&t, (size_t)(strstr(t.norm, "제목 줄") - t.norm)));
    kg_text_free(&t);
    kg_diag_free(&d);
}

Test(text, teaser_copy_is_chrome)
{
    const char *body = "이 문단은 아주 긴 본문의 첫머리이며 사이트가 요약 상자에 잘라서 한 번 더 보여 주는 문장이다 그리고 계속된다.";
    kg_buf b = KG_BUF_INIT;
    kg_buf_add(&b, body, 120);
    kg_buf_puts(&b, "\n중간 줄\n");
    kg_buf_puts(&b, body);
    kg_buf_putc(&b, '\n');
    kg_text t;
    kg_diag d = KG_DIAG_INIT;
    kg_text_load(&t, b.ptr, b.len, 0, 0, NULL, &d);
    cr_assert(kg_text_in_chrome(&t, 5));
    cr_assert(!kg_text_in_chrome(&t, b.len - 10));
    kg_text_free(&t);
    kg_diag_free(&d);
    kg_buf_free(&b);
}

/* A line printed twice whole (a caption or a lead repeated by the page)
 * is the article's text both times: only a cut copy is a teaser. */
Test(text, exact_copy_is_text)
{
    const char *line = "사진 설명으로 쓰인 이 문장은 기사 본문과 똑같이 두 번 실렸지만 둘 다 기사의 글로 읽어야 한다.";
    kg_buf b = KG_BUF_INIT;
    kg_buf_puts(&b, line);
    kg_buf_puts(&b, "\n");
    kg_buf_puts(&b, line);
    kg_buf_puts(&b, "\n다음 문단이다.\n");
    kg_text t;
    kg_diag d = KG_DIAG_INIT;
    kg_text_load(&t, b.ptr, b.len, 0, 0, NULL, &d);
    cr_assert(!kg_text_in_chrome(&t, 5));
    cr_assert(!kg_text_in_chrome(&t, strlen(line) + 6));
    kg_text_free(&t);
    kg_diag_free(&d);
    kg_buf_free(&b);
}

Test(text, long_sentence_and_empty)
{
    size_t n = 100000 * 3;
    char *s = malloc(n + 1);
    for (size_t i = 0; i < n; i += 3)
        memcpy(s + i, "가", 3);
    s[n] = '\0';
    kg_text t;
    kg_diag d = KG_DIAG_INIT;
    cr_assert_eq(kg_text_load(&t, s, n, 0, 0, NULL, &d), 0);
    kg_mentions ms = KG_MENTIONS_INIT;
    kg_tag_opts o;
    memset(&o, 0, sizeof o);
    kg_tag_text(NULL, &t, &o, &ms, NULL);
    cr_assert_eq(ms.n, 0);
    kg_text_free(&t);
    kg_mentions_free(&ms);
    free(s);
    cr_assert_eq(kg_text_load(&t, "", 0, 0, 0, NULL, &d), 0);
    cr_assert_eq(t.n_sent, 0);
    kg_text_free(&t);
    kg_diag_free(&d);
    kg_text_free(NULL);
    kg_mentions_free(NULL);
    kg_lexicon_free(NULL);
}

/* ------------------------------------------------------------------ */
/* lexicon and JSON                                                    */

Test(lexicon, lookup_and_ambiguity)
{
    kg_lexicon *lx = kg_lexicon_new();
    const char *a1[] = { "상무부", "Ministry of Commerce" };
    const char *a2[] = { "상무부", "Commerce Department" };
    kg_lexicon_add(lx, "china", "중국", "country", NULL, NULL, 0);
    kg_lexicon_add(lx, "usa", "미국", "country", NULL, NULL, 0);
    kg_lexicon_add(lx, "china-mofcom", "중국 상무부", "government", "china", a1, 2);
    kg_lexicon_add(lx, "us-commerce", "미국 상무부", "government", "usa", a2, 2);
    kg_lexicon_compile(lx, NULL);
    cr_assert_str_eq(kg_lexicon_lookup(lx, "commerce department"), "us-commerce");
    cr_assert_str_eq(kg_lexicon_lookup(lx, "중국상무부"), "china-mofcom");
    cr_assert_null(kg_lexicon_lookup(lx, "상무"));
    const char *src = "미국의 발표 뒤 상무부는 말했다. 중국은 반발했고 상무부도 그랬다.";
    kg_text t;
    kg_diag d = KG_DIAG_INIT;
    kg_text_load(&t, src, strlen(src), 0, 0, NULL, &d);
    kg_mentions ms = KG_MENTIONS_INIT;
    kg_tag_opts o;
    memset(&o, 0, sizeof o);
    kg_tag_text(lx, &t, &o, &ms, NULL);
    const char *ids[4] = { 0 };
    size_t k = 0;
    for (size_t i = 0; i < ms.n && k < 4; i++)
        if (ms.v[i].kind == KG_MENTION_ACTOR)
            ids[k++] = ms.v[i].id;
    cr_assert_eq(k, 4);
    cr_assert_str_eq(ids[1], "us-commerce");
    cr_assert_str_eq(ids[3], "china-mofcom");
    kg_mentions_free(&ms);
    kg_text_free(&t);
    kg_diag_free(&d);
    kg_lexicon_free(lx);
}

/* The mentions of src tagged with lx, as kg tag prints them. */
static char *tag_json(const kg_lexicon *lx, const char *src)
{
    kg_text t;
    kg_diag d = KG_DIAG_INIT;
    kg_buf out = KG_BUF_INIT;
    kg_text_load(&t, src, strlen(src), 0, 0, NULL, &d);
    kg_mentions ms = KG_MENTIONS_INIT;
    kg_tag_opts o;
    memset(&o, 0, sizeof o);
    kg_tag_text(lx, &t, &o, &ms, NULL);
    for (size_t i = 0; i < ms.n; i++) {
        kg_mention_json(&ms.v[i], &t, &out);
        kg_buf_putc(&out, '\n');
    }
    kg_mentions_free(&ms);
    kg_text_free(&t);
    kg_diag_free(&d);
    return kg_buf_detach(&out, NULL);
}

/* kg tag's cache: the compiled lexicon saved and read back tags the same;
 * a cache with another stamp, cut short or damaged is refused, and one
 * damaged and sealed again is refused or at least safe to use. */
Test(lexicon, saved_and_read_back)
{
    const kgt_lexes *bl = kgt_bundled_lexes();
    cr_assert_not_null(bl);
    const char *src = "중국 상무부는 13일 미국 상무부(Commerce Department)의 발표에 반발했다. 엔비디아와 "
                      "화웨이도 입장을 냈고, 유럽연합(EU) 집행위원회는 말을 아꼈다.";
    kg_buf b = KG_BUF_INIT;
    cr_assert_eq(kg_lexicon_save(bl->lx, "stamp-1", 7, &b), 0);
    kg_lexicon *lx = kg_lexicon_load(b.ptr, b.len, "stamp-1", 7);
    cr_assert_not_null(lx, "the saved lexicon reads back");
    cr_assert_eq(kg_lexicon_actors(lx), kg_lexicon_actors(bl->lx));
    cr_assert_eq(kg_lexicon_keys(lx), kg_lexicon_keys(bl->lx));
    char *want = tag_json(bl->lx, src), *got = tag_json(lx, src);
    cr_assert_gt(strlen(want), 100);
    cr_assert_str_eq(got, want, "the same mentions from the cache");
    cr_assert_str_eq(kg_lexicon_top(lx, "china-mofcom"), kg_lexicon_top(bl->lx, "china-mofcom"));
    /* saved again: the same bytes */
    kg_buf b2 = KG_BUF_INIT;
    cr_assert_eq(kg_lexicon_save(lx, "stamp-1", 7, &b2), 0);
    cr_assert(b2.len == b.len && !memcmp(b2.ptr, b.ptr, b.len));
    kg_buf_free(&b2);
    kg_lexicon_free(lx);
    free(got);
    cr_assert_null(kg_lexicon_load(b.ptr, b.len, "stamp-2", 7), "another stamp");
    cr_assert_null(kg_lexicon_load(b.ptr, b.len, "stamp-1x", 8), "another stamp");
    cr_assert_null(kg_lexicon_load(NULL, 0, "", 0));
    for (size_t n = 0; n < b.len; n += 1 + n / 3)
        cr_assert_null(kg_lexicon_load(b.ptr, n, "stamp-1", 7), "cut at %zu", n);
    char *dam = kg_xmalloc(b.len);
    size_t usable = 0;
    for (size_t i = 0; i < b.len; i += 1 + i / 50) {
        memcpy(dam, b.ptr, b.len);
        dam[i] ^= (char)0x5a;
        cr_assert_null(kg_lexicon_load(dam, b.len, "stamp-1", 7), "byte %zu damaged", i);
        kg_lexicon_blob_reseal(dam, b.len);
        lx = kg_lexicon_load(dam, b.len, "stamp-1", 7);
        if (lx) {
            /* a change the checks cannot see (a bit of a filter, a
             * letter of a name): tagging must still be safe */
            usable++;
            free(tag_json(lx, src));
            kg_lexicon_free(lx);
        }
    }
    cr_assert_lt(usable, b.len / 8, "most damage is caught by the checks");
    free(dam);
    free(want);
    kg_buf_free(&b);
}

Test(json, escapes)
{
    kg_buf b = KG_BUF_INIT;
    kg_json_escape(&b, "a\"b\\c\n\x01한", strlen("a\"b\\c\n\x01한"));
    cr_assert_str_eq(b.ptr, "a\\\"b\\\\c\\n\\u0001한");
    kg_buf_free(&b);
    kg_edtf_point p;
    cr_assert_eq(kg_dct_parse("2025", &p), 0);
    cr_assert_eq(p.prec, KG_PREC_YEAR);
    cr_assert_eq(kg_dct_parse("2025-02-29", &p), -1);
    cr_assert_eq(kg_dct_parse("2024-02-29", &p), 0);
    cr_assert_eq(kg_dct_parse("25", &p), -1);
}

/* ------------------------------------------------------------------ */
/* the real seeds                                                      */

static char *seed_path(const char *name)
{
    const char *dir = kgt_seeds_dir();
    if (!dir)
        return NULL;
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    snprintf(p, n, "%s/%s", dir, name);
    return p;
}

/* Tags a seed with the CLI; returns the JSON Lines output. */
static char *tag_seed(const char *name, const char *date)
{
    char *p = seed_path(name);
    if (!p)
        return NULL;
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "%s tag %s%s '%s' 2>&1", kgt_binary(), date ? "--date " : "", date ? date : "", p);
    char *out = NULL;
    int rc = kgt_run(cmd, &out);
    cr_assert_eq(rc, 0, "kg tag failed on %s: %s", name, out ? out : "");
    free(p);
    return out;
}

Test(seeds, offsets_and_order)
{
    if (!kgt_seeds_dir())
        cr_skip_test("../shared/seeds/ is absent: the seed tests need the shared folder");
    static const char *const names[] = { "000_faf59091394b998f.txt", "001_074d08839b4dbc5b.txt",
                                         "002_145a81c88e6cac08.txt", "003_2d27646d52f2e6f3.txt", NULL };
    for (int k = 0; names[k]; k++) {
        char *p = seed_path(names[k]);
        size_t len;
        char *text = kgt_slurp(p, &len);
        free(p);
        if (!text)
            cr_skip_test("seed %s is absent", names[k]);
        char *out = tag_seed(names[k], "2025");
        long prev = -1;
        int lines = 0;
        for (char *l = out; l && *l;) {
            char *e = strchr(l, '\n');
            if (e)
                *e = '\0';
            char *sp = strstr(l, "\"start\":"), *ep = strstr(l, "\"end\":");
            cr_assert(sp && ep, "%s: bad line %s", names[k], l);
            long st = atol(sp + 8), en = atol(ep + 6);
            cr_assert(st >= prev && st < en && (size_t)en <= len, "%s: bad offsets in %s", names[k], l);
            /* a mention never starts or ends inside a UTF-8 sequence */
            cr_assert(((unsigned char)text[st] & 0xC0) != 0x80 &&
                      ((size_t)en == len || ((unsigned char)text[en] & 0xC0) != 0x80));
            prev = st;
            lines++;
            l = e ? e + 1 : l + strlen(l);
        }
        cr_assert(lines > 10, "%s: only %d mentions", names[k], lines);
        free(out);
        free(text);
    }
}

Test(seeds, dateline_chrome_and_teaser)
{
    if (!kgt_seeds_dir())
        cr_skip_test("../shared/seeds/ is absent: the seed tests need the shared folder");
    /* 001 has a dateline (승인 : ...) and no --date: its dates resolve */
    char *out = tag_seed("001_074d08839b4dbc5b.txt", NULL);
    cr_assert(out && strstr(out, "\"value\":\"2025-11-01\""), "dateline not used");
    cr_assert(strstr(out, "\"value\":\"2015~\""), "10여 년 전 not resolved from the dateline");
    /* the share bar and the copyright footer give no actor */
    cr_assert_null(strstr(out, "\"text\":\"카카오톡\""));
    cr_assert_null(strstr(out, "\"text\":\"아시아투데이\""));
    free(out);
    /* 002 repeats its first paragraph as a teaser: its 21세기 is chrome */
    out = tag_seed("002_145a81c88e6cac08.txt", "2025");
    int n = 0;
    for (char *q = out; (q = strstr(q, "\"text\":\"21세기\"")); q++)
        n++;
    cr_assert_eq(n, 1, "21세기 tagged %d times", n);
    free(out);
    /* 003: the e-mail and copyright lines are chrome */
    out = tag_seed("003_2d27646d52f2e6f3.txt", "2025-01-15");
    cr_assert(strstr(out, "\"value\":\"2025-01-13\""));
    cr_assert(strstr(out, "\"value\":\"2024-11-21/2024-11-30\""));
    free(out);
}

/* ------------------------------------------------------------------ */
/* kg tag on a file of several 4 MB windows                            */

/* Writes a file of about mb megabytes of our own sentences: a dateline
 * first, then lines with relative dates and figures that change from line
 * to line; bad_at > 0 puts an invalid byte after that many lines. */
static char *big_file(const char *dir, const char *name, int mb, long bad_at)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *path = malloc(n);
    cr_assert(path);
    snprintf(path, n, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    cr_assert(f);
    fputs("입력 2025.03.02 10:00\n", f);
    long target = (long)mb << 20;
    for (long k = 0; ftell(f) < target; k++) {
        if (bad_at > 0 && k == bad_at)
            fputs("깨진 바이트 \xff 다음\n", f);
        fprintf(f, "미국 상무부는 어제 반도체 장비 %ld대의 수출을 %ld개월 미뤘다.\n", k % 900 + 1, k % 11 + 1);
        fprintf(f, "중국 외교부는 지난달 %ld일 %ld억 원 규모의 지원책을 내놓았다.\n", k % 28 + 1, k % 97 + 3);
    }
    fclose(f);
    return path;
}

Test(tag_cli, jobs_give_the_same_output)
{
    char *dir = kgt_tmpdir(), *out = NULL, cmd[8192], cwd[4096];
    /* the bundled lexicons, from the temporary folder (each test runs in
     * a process of its own) */
    cr_assert(getcwd(cwd, sizeof cwd) != NULL);
    char data[4200];
    snprintf(data, sizeof data, "%s/yaml", cwd);
    setenv("KG_DATA", data, 1);
    char *p = big_file(dir, "big.txt", 10, 0);
    /* three windows: the first one's dateline dates the later ones */
    snprintf(cmd, sizeof cmd,
             "cd %s && %s tag --jobs 1 big.txt >one.jsonl && %s tag --jobs 3 big.txt >three.jsonl && "
             "cmp one.jsonl three.jsonl && tail -n 9 three.jsonl",
             dir, kgt_binary(), kgt_binary());
    int rc = kgt_run(cmd, &out);
    cr_assert_eq(rc, 0, "%s", out);
    /* the last lines (third window) have 어제 = 2025-03-01 and 지난달 N일 in
     * February, from the dateline 8 MB before them */
    cr_expect(strstr(out, "\"text\":\"어제\"") && strstr(out, "\"value\":\"2025-03-01\""), "%s", out);
    cr_expect(strstr(out, "\"value\":\"2025-02-"), "%s", out);
    cr_expect(strstr(out, "\"start\":1") != NULL, "%s", out); /* offsets into the whole file */
    free(out);
    free(p);
    /* an invalid byte in the second window: the same mentions before it,
     * the same error and exit code 1 with any number of jobs */
    p = big_file(dir, "bad.txt", 9, 40000);
    snprintf(cmd, sizeof cmd,
             "cd %s && %s tag --jobs 1 bad.txt >b1.jsonl 2>b1.err; r1=$?; %s tag --jobs 4 bad.txt >b4.jsonl "
             "2>b4.err; r4=$?; cmp b1.jsonl b4.jsonl && cmp b1.err b4.err && echo \"$r1 $r4\" && cat b4.err && "
             "test -s b1.jsonl",
             dir, kgt_binary(), kgt_binary());
    rc = kgt_run(cmd, &out);
    cr_assert_eq(rc, 0, "%s", out);
    cr_expect(strncmp(out, "1 1\n", 4) == 0, "%s", out);
    cr_expect(strstr(out, "invalid UTF-8 byte 0xFF at byte offset") != NULL, "%s", out);
    free(out);
    free(p);
    free(dir);
}

Test(tag_cli, jobs_usage)
{
    static const char *const bad[] = { "--jobs 0", "--jobs 65", "--jobs x", "--jobs=", "--jobs" };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char cmd[1024], *out = NULL;
        snprintf(cmd, sizeof cmd, "%s tag %s /dev/null 2>&1", kgt_binary(), bad[i]);
        int rc = kgt_run(cmd, &out);
        cr_expect_eq(rc, 2, "%s: exit %d: %s", bad[i], rc, out);
        cr_expect(out && strstr(out, "kg: tag: "), "%s: %s", bad[i], out);
        free(out);
    }
}

/* Without KG_DATA and outside a checkout, kg finds yaml/ beside its
 * binary; with no lexicon anywhere it says so on stderr and goes on. */
Test(tag_cli, data_folder_beside_the_binary)
{
    char *dir = kgt_tmpdir(), *out = NULL, cmd[8192], path[4096];
    snprintf(path, sizeof path, "%s/text.txt", dir);
    cr_assert_eq(kgt_write(path, "가나다재단은 발표했다.\n"), 0);
    snprintf(cmd, sizeof cmd, "mkdir -p %s/bin/yaml/lexicon %s/elsewhere && cp %s %s/bin/kg", dir, dir,
             kgt_binary(), dir);
    cr_assert_eq(kgt_run(cmd, &out), 0, "%s", out);
    free(out);
    snprintf(path, sizeof path, "%s/bin/yaml/lexicon/actors.yaml", dir);
    cr_assert_eq(kgt_write(path, "kg: 1\nactors:\n  - id: ganada-foundation\n    name: 가나다재단\n"
                                 "    type: organization\n"),
                 0);
    snprintf(cmd, sizeof cmd, "cd %s/elsewhere && env -u KG_DATA ../bin/kg tag ../text.txt 2>&1", dir);
    cr_assert_eq(kgt_run(cmd, &out), 0, "%s", out);
    cr_expect(strstr(out, "\"id\":\"ganada-foundation\"") && !strstr(out, "warning"), "%s", out);
    free(out);
    /* no lexicon: a warning, and the rules still find the foundation
     * (unless kg is installed on this machine: then that lexicon) */
    struct stat st;
    if (stat(KG_DATADIR "/lexicon", &st) == 0) {
        free(dir);
        return;
    }
    snprintf(cmd, sizeof cmd, "rm -r %s/bin/yaml && cd %s/elsewhere && env -u KG_DATA ../bin/kg tag ../text.txt 2>&1",
             dir, dir);
    cr_assert_eq(kgt_run(cmd, &out), 0, "%s", out);
    cr_expect(strstr(out, "kg: warning: tag: no actor lexicon at ") && strstr(out, "\"how\":\"suffix\""), "%s",
              out);
    free(out);
    free(dir);
}

/* ------------------------------------------------------------------ */
/* the lexicon's shortcuts give the same matches as a plain walk        */

#include "tag/tagint.h"

static uint32_t rnd(uint32_t *st)
{
    *st = *st * 1103515245u + 12345u;
    return *st >> 8;
}

Test(lexicon, shortcuts_match_the_plain_walk)
{
    /* few syllables, so that keys share prefixes and texts hit them;
     * keys of one syllable, with a space, with Latin and Han, and one
     * key that ends in a non-syllable Hangul character */
    static const char *const syl[] = { "가", "나", "다", "라", "마", "바", "사", "중", "국", "미", "ᄀ" };
    const int nsyl = (int)(sizeof syl / sizeof *syl);
    kg_lexicon *fast = kg_lexicon_new(), *plain = kg_lexicon_new();
    uint32_t st = 7;
    char key[64], id[32];
    for (int k = 0; k < 400; k++) {
        size_t n = 0;
        int len = 1 + (int)(rnd(&st) % 4);
        for (int q = 0; q < len; q++) {
            int r = (int)(rnd(&st) % (unsigned)(nsyl + 3));
            const char *piece = r < nsyl ? syl[r] : r == nsyl ? " " : r == nsyl + 1 ? "AI" : "中";
            n += (size_t)snprintf(key + n, sizeof key - n, "%s", piece);
        }
        snprintf(id, sizeof id, "k%d", k);
        const char *alias[] = { key };
        kg_lexicon_add(fast, id, key, "organization", NULL, alias, 1);
        kg_lexicon_add(plain, id, key, "organization", NULL, alias, 1);
    }
    cr_assert_eq(kg_lexicon_compile(fast, NULL), 0);
    cr_assert_eq(kg_lexicon_compile(plain, NULL), 0);
    plain->plain_walk = 1;
    kg_buf text = KG_BUF_INIT;
    for (int k = 0; k < 20000; k++) {
        int r = (int)(rnd(&st) % (unsigned)(nsyl + 4));
        kg_buf_puts(&text, r < nsyl ? syl[r] : r == nsyl ? " " : r == nsyl + 1 ? "ai" : r == nsyl + 2 ? "中" : "\n");
    }
    size_t checked = 0, matched = 0;
    for (size_t i = 0; i < text.len; i++) {
        if (((unsigned char)text.ptr[i] & 0xC0) == 0x80)
            continue;
        kg_lexhit a[64], b[64];
        size_t na = kg_lex_walk(fast, text.ptr, text.len, i, a, 64);
        size_t nb = kg_lex_walk(plain, text.ptr, text.len, i, b, 64);
        cr_assert_eq(na, nb, "offset %zu: %zu matches, plain walk %zu", i, na, nb);
        for (size_t h = 0; h < na; h++)
            cr_assert(a[h].end == b[h].end && a[h].key == b[h].key, "offset %zu, match %zu differs", i, h);
        checked++;
        matched += na > 0;
    }
    /* the text must exercise the matches, not only the misses */
    cr_assert(matched > checked / 10, "%zu of %zu positions matched", matched, checked);
    kg_buf_free(&text);
    kg_lexicon_free(fast);
    kg_lexicon_free(plain);
}

/* kg_tctx_tokens (sixteen bytes at a time) against its definition, on
 * random text around the edges of the syllable block: digits not after a
 * digit, ' $ U, syllables that may start a time or a figure and do not
 * follow a syllable, other characters beyond ASCII (but what EA..ED lead
 * after a syllable) */
Test(tokens, simd_pass_matches_the_definition)
{
    static const char *const pieces[] = { "가", "힣", "\xed\x9e\xa4" /* U+D7A4 */, "\xea\xaf\xbf" /* U+ABFF */,
                                          "ᄀ", "中", "a", "7", "12", " ", "\n", ".", "é", "😀", "나다", "\xec\x9e\x90",
                                          "지난", "두", "열", "U", "$", "'", "₩", "올해", "세" };
    const int np = (int)(sizeof pieces / sizeof *pieces);
    uint32_t st = 99;
    size_t kept_syl = 0, dropped_syl = 0;
    for (int round = 0; round < 200; round++) {
        kg_buf text = KG_BUF_INIT;
        int n = 1 + (int)(rnd(&st) % 200);
        for (int k = 0; k < n; k++)
            kg_buf_puts(&text, pieces[rnd(&st) % (unsigned)np]);
        kg_tctx c;
        memset(&c, 0, sizeof c);
        c.s = text.ptr;
        c.len = text.len;
        kg_tctx_tokens(&c);
        size_t k = 0;
        for (size_t i = 0; i < text.len; i++) {
            const unsigned char *u = (const unsigned char *)text.ptr;
            unsigned char ch = u[i];
            int want;
            if (ch < 0x80)
                want = (ch >= '0' && ch <= '9') ? !(i > 0 && u[i - 1] >= '0' && u[i - 1] <= '9')
                                                : ch == '\'' || ch == '$' || ch == 'U';
            else if ((ch & 0xC0) == 0x80)
                want = 0;
            else {
                want = 1;
                if (ch >= 0xEA && ch <= 0xED && i >= 3) {
                    const unsigned char *p = u + i - 3;
                    uint32_t cp = ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
                    if (p[0] >= 0xE0 && p[0] < 0xF0 && cp >= 0xAC00 && cp <= 0xD7A3)
                        want = 0; /* inside a Hangul word */
                }
                if (want && ch >= 0xE0 && ch < 0xF0 && i + 2 < text.len) {
                    uint32_t cp = ((ch & 0x0Fu) << 12) | ((u[i + 1] & 0x3Fu) << 6) | (u[i + 2] & 0x3Fu);
                    if (cp >= 0xAC00 && cp <= 0xD7A3) {
                        want = kg_tctx_token_syllable(cp);
                        kept_syl += (size_t)want;
                        dropped_syl += (size_t)!want;
                    }
                }
            }
            int have = k < c.n_tok && c.tok[k] == i;
            cr_assert_eq(have, want, "round %d, offset %zu: token %d, expected %d", round, i, have, want);
            k += (size_t)have;
        }
        cr_assert_eq(k, c.n_tok);
        /* the run ends the same pass notes: kg_run_end as the byte scan
         * answers, at every character */
        for (size_t i = 0; i < text.len; i++)
            if (((unsigned char)text.ptr[i] & 0xC0) != 0x80)
                cr_assert_eq(kg_run_end(&c, i), kg_hangul_run_end(text.ptr, text.len, i), "round %d, offset %zu", round, i);
        free(c.tok);
        free(c.runend);
        kg_buf_free(&text);
    }
    /* the pieces must exercise both outcomes for syllables */
    cr_assert(kept_syl > 100 && dropped_syl > 100, "syllables kept %zu, dropped %zu", kept_syl, dropped_syl);
    /* the set itself: 지(난) and 두 start a time or figure, 가 and 힣 nothing */
    cr_assert(kg_tctx_token_syllable(0xC9C0 /* 지 */) && kg_tctx_token_syllable(0xB450 /* 두 */));
    cr_assert(!kg_tctx_token_syllable(0xAC00 /* 가 */) && !kg_tctx_token_syllable(0xD7A3 /* 힣 */));
}

/* kg_tctx_taken after kg_tctx_index_taken (a binary search over the
 * starts and the largest end so far) against the walk over all ranges,
 * on random ranges: in order or not, nested, overlapping, empty, and on
 * queries of every [a, b) around them */
Test(tokens, indexed_taken_matches_the_walk)
{
    uint32_t st = 7;
    size_t hits = 0, misses = 0;
    for (int round = 0; round < 300; round++) {
        kg_tctx c;
        memset(&c, 0, sizeof c);
        size_t n = rnd(&st) % 12, pos = 0;
        int in_order = round % 3 != 0;
        c.taken = kg_xmalloc(24 * sizeof *c.taken);
        for (size_t k = 0; k < n; k++) {
            size_t a = in_order ? pos + rnd(&st) % 6 : rnd(&st) % 60, len = rnd(&st) % 9;
            pos = a;
            c.taken[c.n_taken++] = a;
            c.taken[c.n_taken++] = a + len;
        }
        int want[70][70];
        for (size_t a = 0; a < 70; a++)
            for (size_t b = a; b < 70; b++)
                want[a][b] = kg_tctx_taken(&c, a, b);
        kg_tctx_index_taken(&c);
        cr_assert(n == 0 || c.taken_start, "round %d: no index", round);
        for (size_t a = 0; a < 70; a++)
            for (size_t b = a; b < 70; b++) {
                int have = kg_tctx_taken(&c, a, b);
                cr_assert_eq(have, want[a][b], "round %d, [%zu, %zu): %d, expected %d", round, a, b, have, want[a][b]);
                hits += (size_t)have;
                misses += (size_t)!have;
            }
        kg_tctx_free_taken(&c);
    }
    cr_assert(hits > 10000 && misses > 10000, "hits %zu, misses %zu", hits, misses);
}

/* Text intake takes runs of ASCII and Hangul syllables sixteen bytes at
 * a time and everything else by the byte. Whole random texts must come
 * out as the concatenation of their pieces loaded one by one (each too
 * short for the fast path), with the offsets of every piece intact, and
 * an invalid byte anywhere must be found wherever it falls in a block. */
Test(text, fast_path_matches_the_byte_path)
{
    static const char *const pieces[] = {
        "가", "힣", "나다라마바", "\xed\x9e\xa4" /* U+D7A4 */, "\xea\xaf\xbf" /* U+ABFF */, "中", "a", "7",
        " ", "\n", ".", "é", "😀", "３" /* full width */, "\xc2\xa0" /* no-break space */, "㎝", "\r\n", "ⓒ", "\t",
    };
    static const char *const invalid[] = { "\xff", "\x80", "\xed\xa0\x80" /* surrogate */, "\xc0\xaf" /* overlong */ };
    const unsigned np = sizeof pieces / sizeof *pieces, ni = sizeof invalid / sizeof *invalid;
    uint32_t st = 7;
    for (int round = 0; round < 400; round++) {
        kg_buf raw = KG_BUF_INIT, want = KG_BUF_INIT;
        size_t at_raw[300], at_norm[300], bad_at = (size_t)-1;
        size_t lead[300]; /* where the piece's first normalised byte comes from, in the piece */
        int n = 1 + (int)(rnd(&st) % 250), with_bad = round % 3 == 0;
        int bad_k = with_bad ? (int)(rnd(&st) % (unsigned)n) : -1;
        for (int k = 0; k < n; k++) {
            at_raw[k] = raw.len;
            at_norm[k] = want.len;
            if (k == bad_k) {
                bad_at = raw.len;
                kg_buf_puts(&raw, invalid[rnd(&st) % ni]);
                continue;
            }
            const char *p = pieces[rnd(&st) % np];
            kg_text one;
            kg_diag d = KG_DIAG_INIT;
            cr_assert_eq(kg_text_load(&one, p, strlen(p), 0, 0, NULL, &d), 0);
            kg_buf_puts(&want, one.norm);
            lead[k] = kg_text_src_offset(&one, 0);
            kg_buf_puts(&raw, p);
            kg_text_free(&one);
            kg_diag_free(&d);
        }
        kg_text t;
        kg_diag d = KG_DIAG_INIT;
        int rc = kg_text_load(&t, raw.ptr, raw.len, 0, 0, NULL, &d);
        if (with_bad) {
            char off[32];
            snprintf(off, sizeof off, "%zu", bad_at);
            cr_assert_eq(rc, -1, "round %d: invalid byte at %zu not found", round, bad_at);
            cr_assert(d.n == 1 && strstr(d.v[0].msg, off), "round %d: expected offset %zu in: %s", round, bad_at,
                      d.n ? d.v[0].msg : "");
            kg_text_free(&t);
            kg_diag_free(&d);
            /* lenient: the invalid piece is dropped, all else as it was */
            cr_assert_eq(kg_text_load(&t, raw.ptr, raw.len, 0, KG_TEXT_LENIENT, NULL, &d), 0);
        } else
            cr_assert_eq(rc, 0, "round %d", round);
        cr_assert_eq(t.norm_len, want.len, "round %d: %zu bytes, expected %zu", round, t.norm_len, want.len);
        cr_assert(memcmp(t.norm, want.ptr, want.len) == 0, "round %d: normalised text differs", round);
        for (int k = 0; k < n; k++)
            if (k != bad_k && k != bad_k + 1) /* (the invalid bytes map to where the next piece starts) */
                cr_assert_eq(kg_text_src_offset(&t, at_norm[k]), at_raw[k] + lead[k], "round %d, piece %d", round, k);
        kg_text_free(&t);
        kg_diag_free(&d);
        kg_buf_free(&raw);
        kg_buf_free(&want);
    }
}
