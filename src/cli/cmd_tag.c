/* cmd_tag.c - 'kg tag': prints the actors, times and figures found in
 * articles as JSON Lines (one object per mention, in text order, byte
 * offsets into the file).
 *
 * Each FILE is read in windows of at most KG_TAG_WINDOW bytes cut after a
 * newline, so memory does not grow with the size of a file; an article is
 * one window. The document date comes from --date or from the dateline of
 * the file's first window. With --jobs N, N windows are tagged at a time,
 * each on a thread, and written in file order: the output is byte for
 * byte that of one thread (the first window is tagged alone when its
 * dateline may date the others). Memory is N windows' worth. */
#include <errno.h>
#include <malloc.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "kg/tag.h"
#include "kg/text.h"

#define KG_TAG_WINDOW (4u << 20)
#define KG_TAG_MAX_JOBS 64

const char kg_help_tag[] =
    "usage: kg tag [--date DCT] [--jobs N] [--lenient] [--lexicon PATH]\n"
    "              [--no-discovery] [--show-chrome] [--show-sentences] FILE...\n"
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
    "  --jobs N          tag N windows of 4 MB at a time, each on a thread\n"
    "                    (default 1); the output does not change\n"
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
    int jobs; /* windows tagged at a time, each on a thread */
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

/* One window of a file and what tagging it gave. */
typedef struct twin {
    const tag_run *run;
    const char *path;
    char *buf; /* KG_TAG_WINDOW + 1 bytes */
    size_t len, base;
    kg_tag_opts opts;
    kg_diag d;
    kg_mentions ms;
    kg_buf out; /* the window's JSON Lines */
    kg_edtf_point used;
    int failed; /* not valid UTF-8: d says where */
} twin;

/* Tags w (any thread: the lexicon is only read). */
static void tag_window(twin *w)
{
    const tag_run *run = w->run;
    kg_text t;
    kg_diag_free(&w->d);
    kg_buf_reset(&w->out);
    kg_mentions_reset(&w->ms);
    memset(&w->used, 0, sizeof w->used);
    w->failed = kg_text_load(&t, w->buf, w->len, w->base, run->text_flags, w->path, &w->d) < 0;
    if (!w->failed) {
        kg_tag_text(run->lx, &t, &w->opts, &w->ms, &w->used);
        print_extras(&t, &w->out, run->show_chrome, run->show_sentences);
        for (size_t i = 0; i < w->ms.n; i++) {
            kg_mention_json(&w->ms.v[i], &t, &w->out);
            kg_buf_putc(&w->out, '\n');
        }
    }
    kg_text_free(&t);
}

static void *tag_window_thread(void *arg)
{
    tag_window(arg);
    return NULL;
}

/* Reads a file window by window: each window ends after its last newline
 * (or at a UTF-8 boundary when a line is longer than a window); what
 * follows the cut is carried into the next window. */
typedef struct treader {
    FILE *f;
    char *carry;
    size_t ncarry, base;
    int eof, started;
} treader;

/* Fills w with the next window: 1, 0 at the end, -1 on a read error. The
 * first window is returned even when the file is empty. */
static int read_window(treader *rd, twin *w)
{
    if (rd->started && rd->eof && rd->ncarry == 0)
        return 0;
    rd->started = 1;
    size_t have = rd->ncarry;
    memcpy(w->buf, rd->carry, have);
    rd->ncarry = 0;
    if (!rd->eof) {
        size_t n = fread(w->buf + have, 1, KG_TAG_WINDOW - have, rd->f);
        have += n;
        if (n == 0 || have < KG_TAG_WINDOW) {
            if (ferror(rd->f))
                return -1;
            rd->eof = feof(rd->f) || n == 0;
        }
    }
    size_t cut = have;
    if (!rd->eof) {
        size_t k = have;
        while (k > 0 && w->buf[k - 1] != '\n')
            k--;
        if (k == 0) {
            k = have;
            while (k > 0 && ((unsigned char)w->buf[k - 1] & 0xC0) == 0x80)
                k--;
            if (k > 0 && (unsigned char)w->buf[k - 1] >= 0xC0)
                k--;
            if (k == 0)
                k = have;
        }
        cut = k;
    }
    memcpy(rd->carry, w->buf + cut, have - cut);
    rd->ncarry = have - cut;
    w->len = cut;
    w->base = rd->base;
    rd->base += cut;
    return 1;
}

/* Tags one file on run->jobs threads, one window each; the output is the
 * same as one thread's, in the same order. Returns an exit code. */
static int tag_file(const tag_run *run, twin *ws, char *carry, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        kg_cli_error("tag: %s: %s", path, strerror(errno));
        return KG_EXIT_IO;
    }
    treader rd = { f, carry, 0, 0, 0, 0 };
    kg_tag_opts opts = run->opts;
    int first = 1, rc = 0, read_err = 0;
    while (!rc && !read_err) {
        /* the first window alone when its dateline may date the others */
        int limit = first && opts.dct.prec == KG_PREC_NONE ? 1 : run->jobs, nb = 0;
        while (nb < limit) {
            ws[nb].run = run;
            ws[nb].path = path;
            int r = read_window(&rd, &ws[nb]);
            if (r < 0)
                read_err = errno ? errno : EIO;
            if (r <= 0)
                break;
            ws[nb].opts = opts;
            nb++;
        }
        if (nb == 0)
            break;
        pthread_t th[KG_TAG_MAX_JOBS];
        int started[KG_TAG_MAX_JOBS] = { 0 };
        for (int k = 1; k < nb; k++)
            started[k] = pthread_create(&th[k], NULL, tag_window_thread, &ws[k]) == 0;
        tag_window(&ws[0]);
        for (int k = 1; k < nb; k++) {
            if (started[k])
                pthread_join(th[k], NULL);
            else
                tag_window(&ws[k]); /* no thread: do it here */
        }
        for (int k = 0; k < nb && !rc; k++) {
            twin *w = &ws[k];
            if (w->d.n)
                kg_cli_print_diag(&w->d, 0);
            if (w->failed) {
                rc = KG_EXIT_FINDINGS;
                break;
            }
            if (first && opts.dct.prec == KG_PREC_NONE)
                opts.dct = w->used; /* the first window's dateline holds for the file */
            first = 0;
            if (w->out.len && fwrite(w->out.ptr, 1, w->out.len, stdout) != w->out.len) {
                kg_cli_error("tag: writing output: %s", strerror(errno));
                rc = KG_EXIT_IO;
            }
        }
        if (rd.eof && rd.ncarry == 0)
            break;
    }
    if (read_err && !rc) {
        kg_cli_error("tag: %s: %s", path, strerror(read_err));
        rc = KG_EXIT_IO;
    }
    fclose(f);
    return rc;
}

int kg_cmd_tag(int argc, char **argv)
{
    tag_run run;
    memset(&run, 0, sizeof run);
    run.jobs = 1;
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
        } else if (!strcmp(a, "--jobs") || !strncmp(a, "--jobs=", 7)) {
            const char *v = a[6] == '=' ? a + 7 : (i + 1 < argc ? argv[++i] : NULL);
            char *endp = NULL;
            long n = v ? strtol(v, &endp, 10) : 0;
            if (!v || !*v || *endp || n < 1 || n > KG_TAG_MAX_JOBS) {
                free(files);
                return kg_cli_usage("tag", "--jobs wants a number from 1 to %d, not '%s'", KG_TAG_MAX_JOBS,
                                    v ? v : "");
            }
            run.jobs = (int)n;
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
    twin *ws = kg_xcalloc((size_t)run.jobs, sizeof *ws);
    for (int k = 0; k < run.jobs; k++) {
        ws[k].buf = kg_xmalloc(KG_TAG_WINDOW + 1);
        ws[k].d = (kg_diag)KG_DIAG_INIT;
        ws[k].ms = (kg_mentions)KG_MENTIONS_INIT;
        ws[k].out = (kg_buf)KG_BUF_INIT;
    }
    char *carry = kg_xmalloc(KG_TAG_WINDOW + 1);
    for (int i = 0; i < nfiles; i++) {
        int r = tag_file(&run, ws, carry, files[i]);
        if (r > rc)
            rc = r;
    }
    for (int k = 0; k < run.jobs; k++) {
        free(ws[k].buf);
        kg_diag_free(&ws[k].d);
        kg_mentions_free(&ws[k].ms);
        kg_buf_free(&ws[k].out);
    }
    free(ws);
    free(carry);
    if (fflush(stdout) != 0) {
        kg_cli_error("tag: writing output: %s", strerror(errno));
        rc = KG_EXIT_IO;
    }
    kg_lexicon_free(lx);
    free(files);
    return rc;
}
