/* test_grammar.c - the grammar as data (src/korean/grammar.c): the
 * built-in grammar is yaml/grammar, a data folder's files replace lists,
 * kg check reports mistakes at FILE:LINE:COL, every key is documented. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kg/buf.h"
#include "kg/diag.h"
#include "korean/grammar.h"
#include "testutil.h"

static int has_word(const char *const *w, const char *s)
{
    for (; *w; w++)
        if (!strcmp(*w, s))
            return 1;
    return 0;
}

static size_t count(const char *const *w)
{
    size_t n = 0;
    while (w[n])
        n++;
    return n;
}

static char *grammar_dir(const char *file, const char *text)
{
    char *dir = kgt_tmpdir();
    char path[4096];
    snprintf(path, sizeof path, "%s/grammar", dir);
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "mkdir -p '%s'", path);
    cr_assert_eq(system(cmd), 0);
    snprintf(path, sizeof path, "%s/grammar/%s", dir, file);
    cr_assert_eq(kgt_write(path, text), 0);
    return dir;
}

Test(grammar, builtin_is_the_files_in_yaml_grammar)
{
    kg_grammar_free();
    const char *const *t = kg_gram_words("names", "titles");
    cr_assert(has_word(t, "대변인"), "a title of yaml/grammar/names.yaml is built in");
    cr_assert_gt(count(t), 50);
    const kg_gram_list *l = kg_gram_list_get("names", "titles");
    cr_assert_str_eq(l->grammar, "names");
    cr_assert_str_eq(l->key, "titles");
    cr_assert_eq(l->n, count(t));
    cr_assert_gt(l->e[0].line, 0, "entries carry their line");
}

Test(grammar, a_data_folder_replaces_only_the_lists_it_gives)
{
    kg_grammar_free();
    size_t before = count(kg_gram_words("names", "titles"));
    kg_grammar_free();
    char *dir = grammar_dir("mine.yaml", "grammar: names\n# mine\ntitles: [특사, 대변인]\nx-notes: [anything]\n");
    char gdir[4200];
    snprintf(gdir, sizeof gdir, "%s/grammar", dir);
    kg_diag d = KG_DIAG_INIT;
    cr_assert_eq(kg_grammar_use_dir(gdir, &d), 0);
    cr_assert_eq(d.n, 0);
    const char *const *t = kg_gram_words("names", "titles");
    cr_assert_eq(count(t), 2);
    cr_assert_str_eq(t[0], "특사");
    cr_assert(before > 2);
    kg_diag_free(&d);
    kg_grammar_free();
    cr_assert_eq(count(kg_gram_words("names", "titles")), before, "freeing goes back to the built-in grammar");
    free(dir);
}

static char *check_text(const char *text, size_t *errors)
{
    kg_grammar_free();
    char *dir = grammar_dir("g.yaml", text);
    char path[4200];
    snprintf(path, sizeof path, "%s/grammar/g.yaml", dir);
    kg_diag d = KG_DIAG_INIT;
    *errors = kg_grammar_check_file(path, &d);
    kg_buf all = KG_BUF_INIT;
    for (size_t i = 0; i < d.n; i++) {
        char line[1024];
        kg_finding_format(&d.v[i], line, sizeof line);
        const char *rel = strstr(line, "g.yaml");
        kg_buf_printf(&all, "%s\n", rel ? rel : line);
    }
    /* a file with errors is never used */
    kg_diag d2 = KG_DIAG_INIT;
    snprintf(path, sizeof path, "%s/grammar", dir);
    size_t used_errors = kg_grammar_use_dir(path, &d2);
    cr_assert_eq(used_errors, *errors);
    kg_diag_free(&d2);
    kg_diag_free(&d);
    free(dir);
    return kg_buf_detach(&all, NULL);
}

Test(grammar, mistakes_are_reported_where_they_are)
{
    size_t e;
    char *out = check_text("grammar: names\ntitels: [a]\ntitles: [장관, 차관, 장관]\n", &e);
    cr_assert_eq(e, 2, "%s", out);
    cr_assert(strstr(out, "g.yaml:2:1: grammar names has no list 'titels' (did you mean 'titles'?)"), "%s", out);
    cr_assert(strstr(out, "g.yaml:3:18: '장관' is in titles twice (first at 3:10)"), "%s", out);
    free(out);
    out = check_text("grammar: nams\ntitles: [a]\n", &e);
    cr_assert_eq(e, 1, "%s", out);
    cr_assert(strstr(out, "g.yaml:1:10: unknown grammar 'nams'"), "%s", out);
    cr_assert(strstr(out, "did you mean 'names'?"), "%s", out);
    free(out);
    out = check_text("titles: [a]\n", &e);
    cr_assert_eq(e, 1, "%s", out);
    cr_assert(strstr(out, "starts with 'grammar: NAME'"), "%s", out);
    free(out);
    out = check_text("grammar: names\ntitles: 장관\n", &e);
    cr_assert(strstr(out, "g.yaml:2:9: 'titles' must be a list of words"), "%s", out);
    free(out);
    out = check_text("grammar: names\ntitles: [\"\", \"a\\u0007b\", [x], {class: y}]\n", &e);
    cr_assert_eq(e, 5, "%s", out);
    cr_assert(strstr(out, "g.yaml:2:39: unknown class 'y' of titles; kg knows: none"), "%s", out);
    cr_assert(strstr(out, "an empty word in titles"), "%s", out);
    cr_assert(strstr(out, "control character U+0007"), "%s", out);
    cr_assert(strstr(out, "not a list"), "%s", out);
    cr_assert(strstr(out, "needs 'form:'"), "%s", out);
    free(out);
    out = check_text("grammar: names\ntitles: [{form: 장관, class: topic}, {form: 차관, rank: 2}]\n", &e);
    cr_assert_eq(e, 2, "%s", out);
    cr_assert(strstr(out, "unknown class 'topic' of titles"), "%s", out);
    cr_assert(strstr(out, "unknown field 'rank' of titles"), "%s", out);
    free(out);
    out = check_text("grammar: names\ntitles: [a]\ntitles: [b]\n", &e);
    cr_assert_eq(e, 1, "%s", out);
    cr_assert(strstr(out, "g.yaml:3:1: duplicate key 'titles'"), "%s", out);
    free(out);
    kg_grammar_free();
}

/* A linguist reads the file, not the C: every list says what it is for
 * in a comment right above its key. */
Test(grammar, every_key_of_the_bundled_grammar_is_documented)
{
    DIR *dp = opendir("yaml/grammar");
    cr_assert_not_null(dp, "run from the repository root");
    struct dirent *de;
    size_t files = 0;
    while ((de = readdir(dp))) {
        size_t n = strlen(de->d_name);
        if (n < 6 || strcmp(de->d_name + n - 5, ".yaml"))
            continue;
        char path[4096];
        snprintf(path, sizeof path, "yaml/grammar/%s", de->d_name);
        FILE *f = fopen(path, "r");
        cr_assert_not_null(f);
        char line[8192], prev[8192] = "";
        int ln = 0;
        while (fgets(line, sizeof line, f)) {
            ln++;
            int top_key = line[0] != ' ' && line[0] != '#' && line[0] != '-' && line[0] != '\n' &&
                          strchr(line, ':') && strncmp(line, "grammar:", 8);
            if (top_key)
                cr_assert(prev[0] == '#', "%s:%d: the key has no comment above it", path, ln);
            strcpy(prev, line);
        }
        fclose(f);
        files++;
        kg_diag d = KG_DIAG_INIT;
        cr_assert_eq(kg_grammar_check_file(path, &d), 0, "%s checks clean", path);
        kg_diag_free(&d);
    }
    closedir(dp);
    cr_assert_gt(files, 0);
}

/* The built-in grammar and the data folder's copy give the same output;
 * a broken grammar stops kg tag with exit 3 and the place of the error. */
Test(grammar, kg_tag_reads_the_data_folder_and_refuses_a_broken_one)
{
    char *dir = grammar_dir("broken.yaml", "grammar: names\ntitles: [장관, 장관]\n");
    char *out = NULL, cmd[8192];
    char txt[4200];
    snprintf(txt, sizeof txt, "%s/a.txt", dir);
    cr_assert_eq(kgt_write(txt, "워싱턴=연합뉴스\n\n김철수 장관은 3일 새 규정을 발표했다.\n"), 0);
    snprintf(cmd, sizeof cmd, "KG_DATA='%s' %s tag '%s' 2>&1", dir, kgt_binary(), txt);
    int rc = kgt_run(cmd, &out);
    cr_assert_eq(rc, 3, "%s", out);
    cr_assert(strstr(out, "broken.yaml:2:14: '장관' is in titles twice"), "%s", out);
    free(out);
    char *a = NULL, *b = NULL;
    snprintf(cmd, sizeof cmd, "KG_DATA=yaml %s tag '%s'", kgt_binary(), txt);
    cr_assert_eq(kgt_run(cmd, &a), 0);
    snprintf(cmd, sizeof cmd, "KG_DATA=/nonexistent %s tag --lexicon yaml/lexicon '%s'", kgt_binary(), txt);
    cr_assert_eq(kgt_run(cmd, &b), 0);
    cr_assert_str_eq(a, b, "built-in grammar = yaml/grammar");
    cr_assert(strstr(a, "김철수"), "%s", a);
    free(a);
    free(b);
    free(dir);
}

/* A data folder with copies of the built-in files (yaml/grammar). */
static char *copied_grammar(char *gdir, size_t cap, const char *extra_name, const char *extra)
{
    char *dir = extra_name ? grammar_dir(extra_name, extra) : grammar_dir("x-none.yml", "grammar: names\n");
    snprintf(gdir, cap, "%s/grammar", dir);
    char cmd[4400];
    snprintf(cmd, sizeof cmd, "cp yaml/grammar/*.yaml '%s'/ && rm -f '%s/x-none.yml'", gdir, gdir);
    cr_assert_eq(system(cmd), 0);
    return dir;
}

Test(grammar, a_copy_of_a_builtin_file_is_not_parsed_again)
{
    kg_grammar_free();
    char gdir[4200];
    char *dir = copied_grammar(gdir, sizeof gdir, NULL, NULL);
    kg_diag d = KG_DIAG_INIT;
    cr_assert_eq(kg_grammar_use_dir(gdir, &d), 0);
    cr_assert_eq(d.n, 0);
    cr_assert_eq(kg_grammar_parses(), 0, "files with the built-in bytes are not parsed (parsed %zu)",
                 kg_grammar_parses());
    const kg_gram_list *l = kg_gram_list_get("names", "titles");
    cr_assert_eq(kg_grammar_parses(), 1, "only the names grammar is parsed, once (parsed %zu)", kg_grammar_parses());
    cr_assert(has_word(l->words, "대변인"));
    char want[4400];
    snprintf(want, sizeof want, "%s/names.yaml", gdir);
    cr_assert_str_eq(l->path, want, "the list says the data folder's file it stands for");
    kg_gram_list_get("names", "org_suffixes");
    kg_gram_words("korean", "particles");
    cr_assert_eq(kg_grammar_parses(), 2);
    kg_diag_free(&d);
    kg_grammar_free();
    cr_assert_str_eq(kg_gram_list_get("names", "titles")->path, "<built-in>/names.yaml");
    kg_grammar_free();
    free(dir);
}

/* A changed file is read whatever its name; the later file in name order
 * wins, be it a copy of a built-in file or not. */
Test(grammar, a_changed_file_is_read_beside_copies)
{
    char gdir[4200];
    const char *mine = "grammar: names\n# mine\ntitles: [특사]\n";
    kg_diag d = KG_DIAG_INIT;
    /* after names.yaml (the copy): its list wins */
    kg_grammar_free();
    char *dir = copied_grammar(gdir, sizeof gdir, "zz-mine.yaml", mine);
    cr_assert_eq(kg_grammar_use_dir(gdir, &d), 0);
    cr_assert_eq(d.n, 0);
    const kg_gram_list *l = kg_gram_list_get("names", "titles");
    cr_assert_eq(l->n, 1);
    cr_assert_str_eq(l->words[0], "특사");
    free(dir);
    /* before it: the copy's list (the built-in one) wins again */
    kg_grammar_free();
    dir = copied_grammar(gdir, sizeof gdir, "a-mine.yaml", mine);
    cr_assert_eq(kg_grammar_use_dir(gdir, &d), 0);
    cr_assert_eq(d.n, 0);
    l = kg_gram_list_get("names", "titles");
    cr_assert_gt(l->n, 50);
    cr_assert(has_word(l->words, "대변인"));
    char want[4400];
    snprintf(want, sizeof want, "%s/names.yaml", gdir);
    cr_assert_str_eq(l->path, want);
    /* a list of the same file the changed one does not give */
    cr_assert_gt(kg_gram_list_get("names", "org_suffixes")->n, 0);
    kg_diag_free(&d);
    kg_grammar_free();
    free(dir);
}

/* The fused forms of a verb stem (korean.yaml past_contractions): the
 * adnominals with ㄴ and ㄹ and the past on the contracted vowel. */
#include "korean/endings.h"

static void expect_fused(const char *stem, const char *n, const char *l, const char *past)
{
    char f[3][64];
    int k = kg_stem_fused(stem, strlen(stem), f, 3);
    cr_assert_eq(k, 3, "%s: %d forms", stem, k);
    cr_expect_str_eq(f[0], n);
    cr_expect_str_eq(f[1], l);
    cr_expect_str_eq(f[2], past);
}

Test(grammar, open_stems_fuse_with_their_endings)
{
    expect_fused("관세를 매기", "관세를 매긴", "관세를 매길", "관세를 매겼");
    expect_fused("우려를 나타내", "우려를 나타낸", "우려를 나타낼", "우려를 나타냈");
    expect_fused("날을 세우", "날을 세운", "날을 세울", "날을 세웠");
    expect_fused("목표로 하", "목표로 한", "목표로 할", "목표로 했");
    expect_fused("가동에 들어가", "가동에 들어간", "가동에 들어갈", "가동에 들어갔");
    expect_fused("화제가 되", "화제가 된", "화제가 될", "화제가 됐");
    char f[3][64];
    cr_expect_eq(kg_stem_fused("공장을 짓", strlen("공장을 짓"), f, 3), 0, "a closed syllable has none");
    cr_expect_eq(kg_stem_fused("GPU", 3, f, 3), 0, "no Hangul, none");
}
