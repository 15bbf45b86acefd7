/* cmd_tag.c - 'kg tag': prints the actors, times and figures found in
 * articles as JSON Lines (one object per mention, in text order, byte
 * offsets into the file).
 *
 * Each FILE is read in windows of at most KG_TAG_WINDOW bytes cut after a
 * newline, so memory does not grow with the size of a file; an article is
 * one window. The document date comes from --date or from the dateline of
 * the file's first window. */
#include <errno.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "kg/tag.h"
#include "kg/text.h"

#define KG_TAG_WINDOW (4u << 20)

const char kg_help_tag[] =
    "usage: kg tag [--date DCT] [--lenient] [--lexicon PATH] [--no-discovery]\n"
    "              [--show-chrome] [--show-sentences] FILE...\n"
    "\n"
    "Finds the actors, times and figures mentioned in Korean news articles\n"
    "and prints one JSON object per mention (JSON Lines), in text order:\n"
    "\n"
    "  {\"kind\":\"actor\",\"id\":\"china-mofcom\",\"name\":\"중국 상무부\",\"text\":\"중국 상무부\",\"start\":2711,\"end\":2730,...}\n"
    "  {\"kind\":\"time\",\"text\":\"지난 13일(현지 시간)\",\"start\":120,\"end\":146,\"value\":\"2025-01-13\"}\n"
    "  {\"kind\":\"figure\",\"text\":\"4천500개\",\"start\":1290,\"end\":1301,\"value\":4500,\"unit\":\"count\",\"counter\":\"개\",\"approx\":\"exact\"}\n"
    "\n"
    "start and end are byte offsets [start, end) into FILE. Times are EDTF,\n"
    "relative to the document date; value is null where the date is too\n"
    "coarse for the expression. Page chrome (share buttons, 기사듣기, copyright\n"
    "lines, related-news lists, FAQ boxes, teaser copies) is skipped.\n"
    "\n"
    "options:\n"
    "  --date DCT        the document's date as EDTF: YYYY, YYYY-MM or\n"
    "                    YYYY-MM-DD (default: the dateline in the text, such\n"
    "                    as '승인 : 2025. 11. 01.' or '입력 2025.05.18 11:14')\n"
    "  --lenient         skip invalid UTF-8 bytes (with a warning) instead of\n"
    "                    failing on the first one\n"
    "  --lexicon PATH    actor lexicon: a YAML file or a folder of them\n"
    "                    (default: the data folder's lexicon/, see KG_DATA)\n"
    "  --no-discovery    report only actors of the lexicon\n"
    "  --show-chrome     also print the chrome ranges ({\"kind\":\"chrome\",...})\n"
    "  --show-sentences  also print the sentences ({\"kind\":\"sentence\",...})\n"
    "\n"
    "exit status: 0 ok, 1 a FILE is not valid UTF-8 (without --lenient),\n"
    "2 usage, 3 a FILE or the lexicon could not be read.\n";

static int load_lexicon(const char *path, int explicit_path, kg_lexicon **out)
{
    struct stat st;
    *out = kg_lexicon_new();
    if (stat(path, &st) != 0) {
        if (explicit_path) {
            kg_cli_error("tag: %s: %s", path, strerror(errno));
            return KG_EXIT_IO;
        }
        kg_lexicon_compile(*out, NULL);
        return 0;
    }
    kg_corpus c = KG_CORPUS_INIT;
    kg_diag d = KG_DIAG_INIT;
    c.drop_trees = 1; /* names and aliases are all the tagger needs */
    int r = kg_facts_load_path(&c, path, &d);
    if (d.n)
        kg_cli_print_diag(&d, 0);
    if (r < 0) {
        kg_diag_free(&d);
        kg_corpus_free(&c);
        return KG_EXIT_IO;
    }
    kg_lexicon_add_corpus(*out, &c);
    kg_lexicon_compile(*out, &d);
    kg_diag_free(&d);
    kg_corpus_free(&c);
    return 0;
}

typedef struct tag_run {
    const kg_lexicon *lx;
    kg_tag_opts opts;
    unsigned text_flags;
    int show_chrome, show_sentences;
} tag_run;

static void print_extras(const kg_text *t, kg_buf *out, int chrome, int sents)
{
    if (chrome)
        for (size_t i = 0; i < t->n_chrome; i++) {
            const kg_chrome *c = &t->chrome[i];
            kg_buf_printf(out, "{\"kind\":\"chrome\",\"chrome\":\"%s\",\"start\":%zu,\"end\":%zu}\n",
                          kg_chrome_kind_name(c->kind), c->r.start, c->r.end);
        }
    if (sents)
        for (size_t i = 0; i < t->n_sent; i++) {
            const kg_text_range *r = &t->sent[i];
            kg_buf_puts(out, "{\"kind\":\"sentence\",\"text\":\"");
            kg_json_escape(out, t->norm + r->nstart, r->nend - r->nstart);
            kg_buf_printf(out, "\",\"start\":%zu,\"end\":%zu}\n", r->start, r->end);
        }
}

/* Tags one file; returns an exit code. */
static int tag_file(const tag_run *run, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        kg_cli_error("tag: %s: %s", path, strerror(errno));
        return KG_EXIT_IO;
    }
    char *buf = kg_xmalloc(KG_TAG_WINDOW + 1);
    size_t have = 0, base = 0;
    int eof = 0, rc = 0;
    kg_tag_opts opts = run->opts;
    int first = 1;
    kg_mentions ms = KG_MENTIONS_INIT;
    kg_buf out = KG_BUF_INIT;
    while (!eof || have > 0) {
        if (!eof) {
            size_t n = fread(buf + have, 1, KG_TAG_WINDOW - have, f);
            have += n;
            if (n == 0 || have < KG_TAG_WINDOW) {
                if (ferror(f)) {
                    kg_cli_error("tag: %s: %s", path, strerror(errno));
                    rc = KG_EXIT_IO;
                    break;
                }
                eof = feof(f) || n == 0;
            }
        }
        /* a window ends after its last newline (or a UTF-8 boundary) */
        size_t cut = have;
        if (!eof) {
            size_t k = have;
            while (k > 0 && buf[k - 1] != '\n')
                k--;
            if (k == 0) {
                k = have;
                while (k > 0 && ((unsigned char)buf[k - 1] & 0xC0) == 0x80)
                    k--;
                if (k > 0 && (unsigned char)buf[k - 1] >= 0xC0)
                    k--;
                if (k == 0)
                    k = have;
            }
            cut = k;
        }
        kg_text t;
        kg_diag d = KG_DIAG_INIT;
        if (kg_text_load(&t, buf, cut, base, run->text_flags, path, &d) < 0) {
            kg_cli_print_diag(&d, 0);
            kg_diag_free(&d);
            kg_text_free(&t);
            rc = KG_EXIT_FINDINGS;
            break;
        }
        if (d.n)
            kg_cli_print_diag(&d, 0);
        kg_diag_free(&d);
        kg_edtf_point used;
        kg_mentions_reset(&ms);
        kg_tag_text(run->lx, &t, &opts, &ms, &used);
        if (first && opts.dct.prec == KG_PREC_NONE)
            opts.dct = used; /* the first window's dateline holds for the file */
        first = 0;
        kg_buf_reset(&out);
        print_extras(&t, &out, run->show_chrome, run->show_sentences);
        for (size_t i = 0; i < ms.n; i++) {
            kg_mention_json(&ms.v[i], &t, &out);
            kg_buf_putc(&out, '\n');
        }
        if (out.len && fwrite(out.ptr, 1, out.len, stdout) != out.len) {
            kg_cli_error("tag: writing output: %s", strerror(errno));
            rc = KG_EXIT_IO;
            kg_text_free(&t);
            break;
        }
        kg_text_free(&t);
        memmove(buf, buf + cut, have - cut);
        base += cut;
        have -= cut;
        if (eof && have == 0)
            break;
    }
    kg_mentions_free(&ms);
    kg_buf_free(&out);
    free(buf);
    fclose(f);
    return rc;
}

int kg_cmd_tag(int argc, char **argv)
{
    tag_run run;
    memset(&run, 0, sizeof run);
    const char *lexpath = NULL;
    char **files = kg_xcalloc((size_t)argc + 1, sizeof *files);
    int nfiles = 0, rc = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--")) {
            for (i++; i < argc; i++)
                files[nfiles++] = argv[i];
            break;
        }
        if (!strcmp(a, "--date") || !strncmp(a, "--date=", 7)) {
            const char *v = a[6] == '=' ? a + 7 : (i + 1 < argc ? argv[++i] : NULL);
            if (!v) {
                free(files);
                return kg_cli_usage("tag", "--date needs a value");
            }
            if (kg_dct_parse(v, &run.opts.dct) < 0) {
                free(files);
                return kg_cli_usage("tag", "--date '%s' is not YYYY, YYYY-MM or YYYY-MM-DD", v);
            }
        } else if (!strcmp(a, "--lexicon") || !strncmp(a, "--lexicon=", 10)) {
            lexpath = a[9] == '=' ? a + 10 : (i + 1 < argc ? argv[++i] : NULL);
            if (!lexpath) {
                free(files);
                return kg_cli_usage("tag", "--lexicon needs a path");
            }
        } else if (!strcmp(a, "--lenient")) {
            run.text_flags |= KG_TEXT_LENIENT;
        } else if (!strcmp(a, "--no-discovery")) {
            run.opts.flags |= KG_TAG_NO_DISCOVERY;
        } else if (!strcmp(a, "--show-chrome")) {
            run.show_chrome = 1;
        } else if (!strcmp(a, "--show-sentences")) {
            run.show_sentences = 1;
        } else if (a[0] == '-' && a[1]) {
            free(files);
            return kg_cli_usage("tag", "unknown option '%s'", a);
        } else {
            files[nfiles++] = argv[i];
        }
    }
    if (!nfiles) {
        free(files);
        return kg_cli_usage("tag", "no FILE given");
    }
    kg_lexicon *lx = NULL;
    char defpath[4096];
    if (!lexpath) {
        snprintf(defpath, sizeof defpath, "%s/lexicon", kg_cli_data_dir());
        rc = load_lexicon(defpath, 0, &lx);
    } else {
        rc = load_lexicon(lexpath, 1, &lx);
    }
    if (rc) {
        kg_lexicon_free(lx);
        free(files);
        return rc;
    }
    run.lx = lx;
    /* Every window allocates and frees the same few megabytes (normalised
     * text, mentions): keep them in the heap instead of mapping fresh
     * pages (and faulting them in) each time. Memory stays bounded by
     * one window's worth. */
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    mallopt(M_TRIM_THRESHOLD, 128 << 20);
    for (int i = 0; i < nfiles; i++) {
        int r = tag_file(&run, files[i]);
        if (r > rc)
            rc = r;
    }
    if (fflush(stdout) != 0) {
        kg_cli_error("tag: writing output: %s", strerror(errno));
        rc = KG_EXIT_IO;
    }
    kg_lexicon_free(lx);
    free(files);
    return rc;
}
