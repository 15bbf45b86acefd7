/* cmd_extract.c - 'kg extract': turn articles into facts files.
 *
 * Loads the lexicons once (actors for the tagger, event types and relation
 * cues for the extractor), then extracts every FILE, on --jobs threads
 * that share the lexicons read-only. Output goes to stdout, to one file,
 * or to one file per article in a folder; a file that a person has edited
 * since kg wrote it is never overwritten silently (kg_write_guarded). */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utf8proc.h>

#include "cli.h"
#include "kg/esc.h"
#include "kg/diff.h"
#include "kg/extract.h"
#include "kg/layout.h"
#include "kg/merge.h"
#include "kg/tag.h"
#include "kg/text.h"
#include "kg/utf8.h"

const char kg_help_extract[] =
    "usage: kg extract [--date DCT] [-o FILE|DIR] [--diff] [--force] [--jobs N]\n"
    "                  [--lexicon PATH] [--lenient] FILE...\n"
    "\n"
    "Turns Korean news articles into facts files (see the facts format):\n"
    "a document header (headline, publisher, author, date, URL, source and\n"
    "its sha256, a stable id), the actors mentioned (with the lexicon's\n"
    "type, and its part_of or country where the file names that actor, so\n"
    "timelines find their country lanes), the events found clause by clause\n"
    "(type from the event lexicon, agent, target, date, span), the figures,\n"
    "and the relations between events (responds-to, causes, part-of,\n"
    "same-as).\n"
    "\n"
    "options:\n"
    "  --date DCT      the articles' date as EDTF (YYYY, YYYY-MM or\n"
    "                  YYYY-MM-DD); default: each text's dateline (without\n"
    "                  either, relative dates are null and kg warns)\n"
    "  -o FILE|DIR     write to FILE (one article), or into DIR one\n"
    "                  DOCUMENT-ID.yaml per article (DIR is made if needed;\n"
    "                  a path ending in / or naming a folder is a DIR;\n"
    "                  several FILEs need a DIR); two articles with one\n"
    "                  document id are an error and nothing is written;\n"
    "                  default: the project's facts folder, outside a\n"
    "                  project (or with '-o -') standard output\n"
    "  --diff          show, as a unified diff, what would change in each\n"
    "                  facts file (merged, if it was edited); write nothing\n"
    "  --force         replace a facts file that was edited by hand instead\n"
    "                  of merging; the old file is kept first as FILE.orig,\n"
    "                  or FILE.orig.1, FILE.orig.2 ... (never overwritten)\n"
    "  --jobs N        extract N articles at a time (default 1)\n"
    "  --lexicon PATH  lexicon file or folder (actors, events.yaml); default:\n"
    "                  the project's lexicons, then the data folder's\n"
    "                  lexicon/ ($KG_DATA, else yaml/ here, else yaml/\n"
    "                  beside kg or ../share/kg)\n"
    "  --lenient       skip invalid UTF-8 bytes instead of failing\n"
    "\n"
    "Hand edits: kg marks every file it writes with a checksum line and keeps\n"
    "a copy of it in .kg/ beside it (a hidden folder no command loads). When\n"
    "a facts file has changed since, extract merges: new facts come in, and\n"
    "every key, value and comment you wrote stays. A block (a document key,\n"
    "an item's key, a relation) that both you and kg changed keeps your\n"
    "version and is reported as a warning at its line with what kg now says;\n"
    "an item you deleted stays deleted. A file kg has no copy for (or not\n"
    "written by kg) is left alone: see kg's version with --diff, then merge\n"
    "by hand or use --force. The facts file made before from the same\n"
    "article (its 'source:' leads to it) is the one merged, under its\n"
    "document id; without --date its 'published:' dates the article again.\n"
    "Events and figures keep the ids they had when kg last wrote the file\n"
    "(matched by quote, else by title and type), so an added sentence does\n"
    "not renumber them.\n"
    "A text that is not Korean is an error. A\n"
    "progress bar is shown on a terminal (stderr) for several files.\n"
    "\n"
    "exit status: 0 ok, 1 an article was not valid UTF-8 or not Korean, a\n"
    "hand-edited file was left alone or a merge had conflicts, 2 usage (or\n"
    "two articles for one file), 3 a file could not be read or written.\n";

typedef struct job {
    const char *in;
    char *out;              /* target path, or NULL for stdout */
    kg_buf yaml;            /* the facts as kg writes them, before the checksum */
    kg_buf show;            /* what goes to stdout: the facts, or a --diff */
    char *id;               /* the document id */
    int ok;                 /* extracted */
    kg_diag d;
    int rc;
    size_t bytes;
    char *prev;             /* the facts file already made from this article */
    char *prev_id;          /* its document id (kept, so references hold) */
    kg_edtf_point dct;      /* the document date for this article */
} job;

typedef struct run {
    const kg_lexicon *lx;
    const kg_evlex *ev;
    const kg_corpus *lexicon;
    kg_edtf_point dct;
    unsigned text_flags;
    int force, diff;
    const char *dir;        /* -o DIR: files are named by document id there */
    job *jobs;
    size_t n;
    size_t next, done;
    int progress;
    size_t total_bytes, done_bytes;
    int writing;            /* the workers write the extracted files */
    pthread_mutex_t mu;
} run;

/* Relative path from folder `from` to file `to` (both absolute, clean). */
static char *relpath(const char *from, const char *to)
{
    size_t common = 0, i = 0;
    while (from[i] && to[i] && from[i] == to[i]) {
        if (from[i] == '/')
            common = i;
        i++;
    }
    if (!from[i] && to[i] == '/')
        common = i;
    else if (!from[i] && !to[i])
        common = i;
    kg_buf b = KG_BUF_INIT;
    const char *rest = from + common;
    for (const char *p = rest; *p; p++)
        if (*p == '/' && p[1])
            kg_buf_puts(&b, "../");
    if (*rest == '\0' || strcmp(rest, "/") == 0) {
        /* from is a prefix folder */
    }
    kg_buf_puts(&b, to + common + (to[common] == '/' ? 1 : 0));
    return kg_buf_detach(&b, NULL);
}

/* The source as the facts file should name it: relative to the output
 * file's folder, so that `kg check` finds the text beside the facts. */
static char *source_for(const char *in, const char *out)
{
    if (!out)
        return kg_xstrdup(in);
    char rin[PATH_MAX], rdir[PATH_MAX];
    char *dir = kg_xstrdup(out);
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = '\0';
    const char *d = slash ? (*dir ? dir : "/") : ".";
    char *res = NULL;
    if (realpath(in, rin) && realpath(d, rdir))
        res = relpath(rdir, rin);
    free(dir);
    return res ? res : kg_xstrdup(in);
}

static void progress(run *r)
{
    if (!r->progress)
        return;
    int width = 30;
    size_t pct = r->total_bytes ? r->done_bytes * 100 / r->total_bytes : 100;
    int fill = (int)(pct * (size_t)width / 100);
    fprintf(stderr, "\rkg extract [");
    for (int i = 0; i < width; i++)
        fputc(i < fill ? '#' : ' ', stderr);
    fprintf(stderr, "] %zu/%zu files %3zu%%", r->done, r->n, pct);
    if (r->done == r->n)
        fputc('\n', stderr);
    fflush(stderr);
}

/* Counts the letters of a text and how many of them are Hangul (syllables
 * and jamo); bytes that are not UTF-8 are skipped. */
static void count_hangul(const char *s, size_t len, size_t *hangul, size_t *letters)
{
    *hangul = *letters = 0;
    for (size_t i = 0; i < len;) {
        size_t k = kg_utf8_seq((const unsigned char *)s + i, len - i);
        if (k == 0) {
            i++;
            continue;
        }
        utf8proc_int32_t c;
        if (utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)k, &c) < 0) {
            i += k;
            continue;
        }
        i += k;
        utf8proc_category_t cat = utf8proc_category(c);
        if (cat < UTF8PROC_CATEGORY_LU || cat > UTF8PROC_CATEGORY_LO)
            continue;
        (*letters)++;
        if ((c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x1100 && c <= 0x11FF) ||
            (c >= 0x3130 && c <= 0x318F))
            (*hangul)++;
    }
}

/* Facts files already made from articles, read once per run: the file,
 * its document id and publication date, and the article its source
 * leads to (device and inode, so any path to it matches). */
typedef struct made {
    char *path, *id, *published;
    dev_t dev;
    ino_t ino;
} made;

typedef struct made_index {
    made *v;
    size_t n, cap;
} made_index;

/* Adds the facts file at path to ix when its document names a source
 * that exists. */
static void index_one(made_index *ix, const char *path)
{
    size_t len;
    char *text = kg_read_file(path, &len, 0);
    if (!text)
        return;
    kg_diag d = KG_DIAG_INIT;
    kg_node *tree = kg_yaml_parse(path, text, len, &d);
    const kg_node *hdr = kg_node_get(tree, "document");
    const kg_node *src = kg_node_get(hdr, "source"), *idn = kg_node_get(hdr, "id"),
                  *pub = kg_node_get(hdr, "published");
    if (src && src->kind == KG_NODE_SCALAR && idn && idn->kind == KG_NODE_SCALAR && src->len) {
        kg_buf full = KG_BUF_INIT;
        const char *slash = strrchr(path, '/');
        if (src->value[0] != '/' && slash)
            kg_buf_add(&full, path, (size_t)(slash - path + 1));
        kg_buf_puts(&full, src->value);
        struct stat st;
        if (stat(full.ptr, &st) == 0) {
            KG_VEC_PUSH(ix->v, ix->n, ix->cap);
            made *m = &ix->v[ix->n++];
            m->path = kg_xstrdup(path);
            m->id = kg_xstrdup(idn->value);
            m->published = pub && pub->kind == KG_NODE_SCALAR && !kg_node_is_null(pub)
                               ? kg_xstrdup(pub->value) : NULL;
            m->dev = st.st_dev;
            m->ino = st.st_ino;
        }
        kg_buf_free(&full);
    }
    kg_node_free(tree);
    kg_diag_free(&d);
    free(text);
}

/* The facts files directly in dir (not the folders below: lexicons), or
 * the one file `file`. */
static void index_made(made_index *ix, const char *dir, const char *file)
{
    kg_strv cands = { NULL, 0, 0 };
    if (dir) {
        if (kg_yaml_files(dir, &cands) < 0)
            cands.n = 0;
    } else if (file) {
        /* (a device or a pipe, -o /dev/null or a FIFO, holds no facts
         * file: reading it would block or read nothing) */
        struct stat st;
        if (stat(file, &st) != 0 || S_ISREG(st.st_mode))
            kg_strv_push(&cands, file);
    }
    for (size_t i = 0; i < cands.n; i++) {
        const char *rest = dir ? cands.v[i] + strlen(dir) : "";
        while (*rest == '/')
            rest++;
        if (!strchr(rest, '/'))
            index_one(ix, cands.v[i]);
    }
    kg_strv_free(&cands);
}

static void made_free(made_index *ix)
{
    for (size_t i = 0; i < ix->n; i++) {
        free(ix->v[i].path);
        free(ix->v[i].id);
        free(ix->v[i].published);
    }
    free(ix->v);
}

/* Re-extraction: the facts file already made from j->in, if any, is the
 * one merged, under its document id, and dated as it was (without --date,
 * its 'published:' is the document date: an article without a dateline
 * is read the same way twice). */
static void find_previous(job *j, const made_index *ix, int have_date)
{
    struct stat st;
    if (stat(j->in, &st) != 0)
        return;
    for (size_t i = 0; i < ix->n; i++) {
        const made *m = &ix->v[i];
        if (m->dev != st.st_dev || m->ino != st.st_ino)
            continue;
        j->prev = kg_xstrdup(m->path);
        j->prev_id = kg_xstrdup(m->id);
        kg_edtf_point p;
        if (!have_date && m->published && kg_dct_parse(m->published, &p) == 0)
            j->dct = p;
        return;
    }
}

/* Reads a facts file into a model (NULL when absent or unreadable). */
static kg_doc *read_doc(const char *path)
{
    size_t len;
    char *text = kg_read_file(path, &len, 0);
    if (!text)
        return NULL;
    kg_diag d = KG_DIAG_INIT;
    kg_node *tree = kg_yaml_parse(path, text, len, &d);
    kg_doc *doc = d.errors ? NULL : kg_doc_from_tree(path, tree, &d);
    if (!doc)
        kg_node_free(tree);
    kg_diag_free(&d);
    free(text);
    return doc;
}

/* The facts extracted now take the ids the same facts had when kg last
 * wrote target (its copy in .kg/), so that the merge pairs the right ones. */
static void align_with_base(kg_doc *doc, const char *target)
{
    char *bp = kg_merge_base_path(target);
    kg_doc *base = read_doc(bp), *hand = base ? read_doc(target) : NULL;
    if (base)
        kg_doc_align_ids(doc, base, hand);
    if (base)
        kg_doc_free(base);
    if (hand)
        kg_doc_free(hand);
    free(bp);
}

/* The name a facts file gets in a folder: its document id. */
static char *id_path(const char *dir, const char *id)
{
    kg_buf b = KG_BUF_INIT;
    kg_buf_puts(&b, dir);
    if (b.len && b.ptr[b.len - 1] != '/')
        kg_buf_putc(&b, '/');
    kg_buf_printf(&b, "%s.yaml", id);
    return kg_buf_detach(&b, NULL);
}

/* Reads and extracts one article into j->yaml; nothing is written yet
 * (in a folder the file's name is the document id, and two inputs with
 * one id are caught before anything is written). */
static void do_job(run *r, job *j)
{
    size_t len = 0;
    char *src = kg_read_file(j->in, &len, 0);
    if (!src) {
        kg_diag_error(&j->d, j->in, 0, 0, "cannot read: %s", strerror(errno));
        j->rc = KG_EXIT_IO;
        return;
    }
    j->bytes = len;
    if ((r->text_flags & KG_TEXT_LENIENT) || kg_utf8_check(src, len) == len) {
        size_t hangul, letters;
        count_hangul(src, len, &hangul, &letters);
        /* a Korean article is mostly Hangul; one that quotes English words
         * or names is far above 1 in 20 */
        if (letters == 0) {
            kg_diag_warn(&j->d, j->in, 0, 0, "holds no text: the facts have a header only");
        } else if (hangul == 0 || hangul * 20 < letters) {
            kg_diag_error(&j->d, j->in, 0, 0,
                          "not a Korean text (%zu of its %zu letters are Hangul): kg extract "
                          "reads Korean news articles in UTF-8; nothing written",
                          hangul, letters);
            j->rc = KG_EXIT_FINDINGS;
            free(src);
            return;
        }
    }
    kg_extract_opts o;
    memset(&o, 0, sizeof o);
    o.dct = j->dct;
    char *source = NULL;
    if (r->dir) { /* the name is not known yet, the folder is */
        char *any = id_path(r->dir, "x");
        source = source_for(j->in, any);
        free(any);
    } else {
        source = source_for(j->in, j->out);
    }
    o.source = source;
    o.name = j->in;
    o.text_flags = r->text_flags;
    o.lexicon = r->lexicon;
    kg_doc *doc = NULL;
    if (kg_extract(r->lx, r->ev, src, len, &o, &doc, &j->d) < 0) {
        j->rc = KG_EXIT_FINDINGS;
    } else {
        if (!doc->published.text)
            kg_diag_warn(&j->d, j->in, 0, 0,
                         "no publication date found (no dateline, no --date): relative dates "
                         "are null; give --date YYYY-MM-DD");
        if (j->prev_id && doc->id && strcmp(doc->id, j->prev_id) != 0) {
            /* the file made before keeps its id (other files may refer to
             * its events as id/e1) */
            free(doc->id);
            doc->id = kg_xstrdup(j->prev_id);
        }
        if (j->prev || j->out)
            align_with_base(doc, j->prev ? j->prev : j->out);
        kg_buf_puts(&j->yaml, "# Facts extracted by kg extract from ");
        kg_buf_puts(&j->yaml, j->in);
        kg_buf_puts(&j->yaml, "; review and edit freely.\n");
        kg_facts_emit(doc, &j->yaml);
        j->id = kg_xstrdup(doc->id ? doc->id : "doc");
        j->ok = 1;
    }
    kg_doc_free(doc);
    free(source);
    free(src);
}


/* Writes one extracted article to j->out, keeping every hand edit: a file
 * kg wrote and nobody changed is replaced; a hand-edited one is merged with
 * kg's new facts (against the copy of what kg wrote last, in .kg/ beside
 * it), or with --force replaced after a numbered backup. With --diff the
 * change is shown and nothing written. */
static int write_facts(const run *r, job *j)
{
    kg_buf mach = KG_BUF_INIT, merged = KG_BUF_INIT;
    kg_buf_add(&mach, j->yaml.ptr, j->yaml.len);
    kg_checksum_append(&mach);
    char *base_path = kg_merge_base_path(j->out);
    char *hand = NULL, *base = NULL;
    size_t hlen = 0, blen = 0;
    int rc = 0, is_merge = 0;
    long conflicts = 0;
    kg_guard g = kg_guard_check(j->out);
    if (g == KG_GUARD_ERROR ||
        (g != KG_GUARD_ABSENT && g != KG_GUARD_STREAM && !(hand = kg_read_file(j->out, &hlen, 0)))) {
        kg_diag_error(&j->d, j->out, 0, 0, "cannot read: %s", strerror(errno));
        rc = KG_EXIT_IO;
        goto done;
    }
    if (g == KG_GUARD_EDITED && !r->force) {
        base = kg_read_file(base_path, &blen, 0);
        if (base) {
            conflicts = kg_facts_merge(j->out, base, blen, hand, hlen, mach.ptr, mach.len, &merged,
                                       &j->d);
            if (conflicts < 0) {
                rc = KG_EXIT_FINDINGS;
                goto done;
            }
            /* nothing of the person's is left: kg's own file again */
            is_merge = !(merged.len == j->yaml.len &&
                         memcmp(merged.ptr, j->yaml.ptr, j->yaml.len) == 0);
        } else if (!r->diff) {
            kg_diag_error(&j->d, j->out, 0, 0,
                          "changed since kg wrote it (or not written by kg), and there is no "
                          "copy of what kg last wrote (%s) to merge your edits with: not "
                          "overwriting a hand edit. See kg's new version with --diff, merge by hand, "
                          "or use --force (keeps your file as %s.orig, or the next free "
                          "%s.orig.N)", base_path, j->out, j->out);
            rc = KG_EXIT_FINDINGS;
            goto done;
        }
    }
    const kg_buf *now = is_merge ? &merged : &mach;
    if (r->diff) {
        kg_buf name = KG_BUF_INIT;
        kg_buf_printf(&name, "%s (kg extract%s)", j->out,
                      is_merge ? ", merged" : g == KG_GUARD_EDITED ? ", as --force would" : "");
        kg_diff_unified(&j->show, j->out, hand ? hand : "", hand ? hlen : 0, name.ptr, now->ptr,
                        now->len, 3);
        kg_buf_free(&name);
        goto done;
    }
    if (g == KG_GUARD_EDITED && r->force) {
        char *kept = kg_backup_keep(j->out, hand, hlen);
        if (!kept) {
            kg_diag_error(&j->d, j->out, 0, 0,
                          "cannot keep a backup copy (%s.orig...): %s; not overwritten", j->out,
                          strerror(errno));
            rc = KG_EXIT_IO;
            goto done;
        }
        kg_diag_add(&j->d, KG_SEV_NOTE, j->out, 0, 0, "your version is kept as %s", kept);
        free(kept);
    }
    if (kg_write_atomic(j->out, now->ptr, now->len) < 0) {
        kg_diag_error(&j->d, j->out, 0, 0, "cannot write: %s", strerror(errno));
        rc = KG_EXIT_IO;
        goto done;
    }
    if (is_merge && conflicts)
        kg_diag_add(&j->d, KG_SEV_NOTE, j->out, 0, 0,
                    "merged kg's new facts into your edits; %ld conflict%s, where your version "
                    "was kept (see above)", conflicts, conflicts == 1 ? "" : "s");
    else if (is_merge)
        kg_diag_add(&j->d, KG_SEV_NOTE, j->out, 0, 0, "merged kg's new facts into your edits");
    /* what kg wrote, to merge the next extraction with (nothing to merge
     * with at a device or a pipe: -o /dev/null keeps no copy in /dev) */
    if (g != KG_GUARD_STREAM && (kg_mkdirs(base_path, 1) < 0 || kg_write_atomic(base_path, mach.ptr, mach.len) < 0))
        kg_diag_warn(&j->d, base_path, 0, 0,
                     "cannot keep kg's version for merging later: %s", strerror(errno));
    if (conflicts > 0)
        rc = KG_EXIT_FINDINGS;
done:
    free(hand);
    free(base);
    free(base_path);
    kg_buf_free(&mach);
    kg_buf_free(&merged);
    return rc;
}

/* Writes job j's facts file, if it has one (any thread: all it reports
 * goes into the job). */
static void write_job(const run *r, job *j)
{
    if (!j->ok || !j->out)
        return;
    int w = write_facts(r, j);
    if (w > j->rc)
        j->rc = w;
}

static void *worker(void *arg)
{
    run *r = arg;
    for (;;) {
        pthread_mutex_lock(&r->mu);
        size_t i = r->next < r->n ? r->next++ : r->n;
        pthread_mutex_unlock(&r->mu);
        if (i >= r->n)
            return NULL;
        if (r->writing) {
            write_job(r, &r->jobs[i]);
            continue;
        }
        do_job(r, &r->jobs[i]);
        pthread_mutex_lock(&r->mu);
        r->done++;
        r->done_bytes += r->jobs[i].bytes;
        progress(r);
        pthread_mutex_unlock(&r->mu);
    }
}

static int load_lexicons(const char *path, int explicit_path, kg_corpus *c, kg_lexicon **lx,
                         kg_evlex **ev)
{
    struct stat st;
    *lx = kg_lexicon_new();
    *ev = kg_evlex_new();
    kg_diag d = KG_DIAG_INIT;
    int rc = 0;
    c->drop_trees = 1; /* the lexicons' line numbers are not needed */
    if (stat(path, &st) != 0) {
        if (explicit_path) {
            kg_cli_error("extract: %s: %s", path, strerror(errno));
            rc = KG_EXIT_IO;
        }
    } else if (kg_facts_load_path(c, path, &d) < 0) {
        rc = KG_EXIT_IO;
    } else {
        kg_lexicon_add_corpus(*lx, c);
        kg_evlex_add_corpus(*ev, c, &d);
    }
    kg_lexicon_compile(*lx, &d);
    if (d.n)
        kg_cli_print_diag(&d, 0);
    if (!rc && kg_evlex_size(*ev) == 0)
        kg_cli_error("warning: extract: no event lexicon in %s; no events will be found", path);
    kg_diag_free(&d);
    return rc;
}

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The command line of kg extract. */
typedef struct extract_args {
    const char *date, *out, *lexpath;
    int force, jobs, lenient, diff;
} extract_args;

/* The options into *a; 0, or the exit status of a usage error. */
static int parse_args(int argc, char **argv, extract_args *a)
{
    static const struct option opts[] = { { "date", required_argument, NULL, 'd' },
                                           { "output", required_argument, NULL, 'o' },
                                           { "force", no_argument, NULL, 'f' },
                                           { "jobs", required_argument, NULL, 'j' },
                                           { "lexicon", required_argument, NULL, 'l' },
                                           { "lenient", no_argument, NULL, 'L' },
                                           { "diff", no_argument, NULL, 'D' },
                                           { NULL, 0, NULL, 0 } };
    int c;
    memset(a, 0, sizeof *a);
    a->jobs = 1;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:j:f", opts, NULL)) != -1) {
        switch (c) {
        case 'd':
            a->date = optarg;
            break;
        case 'o':
            a->out = optarg;
            break;
        case 'f':
            a->force = 1;
            break;
        case 'j': {
            char *end;
            long v = strtol(optarg, &end, 10);
            if (*end || v < 1 || v > 256)
                return kg_cli_usage("extract", "--jobs wants a number from 1 to 256, not '%s'",
                                    optarg);
            a->jobs = (int)v;
            break;
        }
        case 'l':
            a->lexpath = optarg;
            break;
        case 'L':
            a->lenient = 1;
            break;
        case 'D':
            a->diff = 1;
            break;
        default:
            return kg_cli_bad_option("extract", c, argv, opts);
        }
    }
    return 0;
}

/* Where the facts go: a->out becomes the file or folder (NULL: standard
 * output); a folder is made if needed (*made_dir). No -o: into the
 * project's facts folder (outside a project, and with '-o -', standard
 * output). 0, or an exit status. */
static int choose_output(extract_args *a, size_t n, kg_buf *project_out, int *to_dir,
                         int *made_dir)
{
    const kg_project *proj;
    int rc;
    if ((rc = kg_cli_project(&proj)) != 0)
        return rc;
    if (!a->out && proj) {
        kg_buf_printf(project_out, "%s/", proj->facts);
        a->out = project_out->ptr;
    } else if (a->out && strcmp(a->out, "-") == 0) {
        a->out = NULL;
    }
    if (a->out) {
        size_t ol = strlen(a->out);
        *to_dir = is_dir(a->out) || (ol && a->out[ol - 1] == '/') || n > 1;
        if (*to_dir && !a->diff && !is_dir(a->out)) {
            if (mkdir(a->out, 0777) != 0 && errno != EEXIST) {
                kg_cli_error("extract: %s: %s", a->out, strerror(errno));
                return KG_EXIT_IO;
            }
            *made_dir = 1; /* taken away again if nothing is written */
        }
    }
    /* (to standard output, the files keep their order whatever --jobs) */
    if (a->diff && !a->out)
        return kg_cli_usage("extract", "--diff compares with the facts files kg would write: "
                            "give -o FILE or -o DIR");
    return 0;
}

/* The grammar, then the lexicons: --lexicon, else the project's and then
 * the bundled ones. 0, or an exit status (and nothing left to free). */
static int load_all_lexicons(const char *lexpath, kg_corpus *lexicon, kg_lexicon **lx,
                             kg_evlex **ev)
{
    kg_buf lp = KG_BUF_INIT;
    int rc = kg_cli_grammar();
    if (rc) {
        /* cleaned up below with the lexicon's failures */
    } else if (lexpath) {
        kg_buf_puts(&lp, lexpath);
    } else {
        /* the project's lexicons first, then the bundled ones */
        kg_buf_printf(&lp, "%s/lexicon", kg_cli_data_dir());
        kg_diag ld = KG_DIAG_INIT;
        lexicon->drop_trees = 1;
        rc = kg_cli_lexicons(lexicon, &ld, lp.ptr);
        kg_cli_print_diag(&ld, 0);
        kg_diag_free(&ld);
    }
    if (!rc)
        rc = load_lexicons(lp.ptr, lexpath != NULL, lexicon, lx, ev);
    kg_buf_free(&lp);
    if (rc) {
        kg_lexicon_free(*lx);
        kg_evlex_free(*ev);
        kg_corpus_free(lexicon);
        *lx = NULL;
        *ev = NULL;
    }
    return rc;
}

/* One job per input file, each with the facts file made before from it. */
static void make_jobs(run *r, char **inputs, const char *out, int to_dir, int have_date)
{
    r->jobs = kg_xcalloc(r->n, sizeof *r->jobs);
    made_index made_ix = { NULL, 0, 0 };
    if (out)
        index_made(&made_ix, to_dir ? out : NULL, to_dir ? NULL : out);
    for (size_t i = 0; i < r->n; i++) {
        job *j = &r->jobs[i];
        j->in = inputs[i];
        j->out = out && !to_dir ? kg_xstrdup(out) : NULL;
        j->dct = r->dct;
        find_previous(j, &made_ix, have_date);
        kg_buf_init(&j->yaml);
        kg_buf_init(&j->show);
        kg_diag_init(&j->d);
        struct stat st;
        if (stat(j->in, &st) == 0)
            r->total_bytes += (size_t)st.st_size;
    }
    made_free(&made_ix);
}

/* The jobs, on up to `jobs` threads (this one too). */
static void run_jobs(run *r, int jobs)
{
    r->next = 0;
    r->progress = !r->writing && r->n > 1 && isatty(2);
    pthread_mutex_init(&r->mu, NULL);
    if ((size_t)jobs > r->n)
        jobs = (int)r->n;
    pthread_t *th = kg_xcalloc((size_t)jobs, sizeof *th);
    int started = 0;
    for (int i = 1; i < jobs; i++)
        if (pthread_create(&th[i], NULL, worker, r) == 0)
            started++;
    worker(r);
    for (int i = 1; i <= started; i++)
        pthread_join(th[i], NULL);
    free(th);
    pthread_mutex_destroy(&r->mu);
}

/* In a folder, each file is named by its document id; two inputs that
 * would land on one file stop everything before a byte is written.
 * 1 if they clash. */
static const job *sort_jobs; /* for by_out (name_files runs on one thread) */

/* Job indices by output path, then by index. */
static int by_out(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    int c = strcmp(sort_jobs[x].out, sort_jobs[y].out);
    return c ? c : (x > y) - (x < y);
}

static int name_files(run *r, const char *dir)
{
    size_t m = 0;
    size_t *ix = kg_xcalloc(r->n + 1, sizeof *ix);
    for (size_t i = 0; i < r->n; i++)
        if (r->jobs[i].ok) {
            r->jobs[i].out = r->jobs[i].prev ? kg_xstrdup(r->jobs[i].prev)
                                             : id_path(dir, r->jobs[i].id);
            ix[m++] = i;
        }
    /* sorted, each clash is a run of one path: its first input clashes
     * with every later one (reported below in the inputs' order) */
    sort_jobs = r->jobs;
    qsort(ix, m, sizeof *ix, by_out);
    size_t *first = kg_xcalloc(r->n + 1, sizeof *first);
    for (size_t i = 0; i < r->n; i++)
        first[i] = i;
    for (size_t a = 1; a < m; a++)
        if (strcmp(r->jobs[ix[a]].out, r->jobs[ix[a - 1]].out) == 0)
            first[ix[a]] = first[ix[a - 1]];
    int clash = 0;
    for (size_t i = 0; i < r->n; i++)
        if (first[i] != i) {
            size_t k = first[i];
            kg_cli_error("extract: %s and %s are both document '%s' and would be written "
                         "to one file, %s; nothing written. Extract them into different "
                         "folders (-o), or give one of them its own headline or --date",
                         r->jobs[k].in, r->jobs[i].in, r->jobs[i].id, r->jobs[i].out);
            clash = 1;
        }
    free(first);
    free(ix);
    return clash;
}

/* Each job in order: its file written (unless they clash) or its facts
 * shown, its findings printed, and the job freed. The worst exit status. */
static int finish_jobs(run *r, int clash)
{
    int rc = 0;
    for (size_t i = 0; i < r->n; i++) {
        job *j = &r->jobs[i];
        if (!clash && j->ok && !j->out)
            kg_buf_add(&j->show, j->yaml.ptr, j->yaml.len); /* (the files are written) */
        if (j->d.n)
            kg_cli_print_diag(&j->d, 0);
        if (!j->out && j->show.len && r->n > 1 && i > 0)
            fputs("---\n", stdout);
        kg_esc_write(stdout, j->show.ptr, j->show.len, KG_ESC_LINES); /* (a --diff shows hand-edited text) */
        if (j->rc > rc)
            rc = j->rc;
        kg_buf_free(&j->yaml);
        kg_buf_free(&j->show);
        kg_diag_free(&j->d);
        free(j->out);
        free(j->id);
        free(j->prev);
        free(j->prev_id);
    }
    return rc;
}

int kg_cmd_extract(int argc, char **argv)
{
    extract_args a;
    int rc = parse_args(argc, argv, &a);
    if (rc)
        return rc;
    if (optind >= argc)
        return kg_cli_usage("extract", "no FILE to extract");
    run r;
    memset(&r, 0, sizeof r);
    if (a.date && kg_dct_parse(a.date, &r.dct) < 0)
        return kg_cli_usage("extract", "--date wants YYYY, YYYY-MM or YYYY-MM-DD, not '%s'",
                            a.date);
    size_t n = (size_t)(argc - optind);
    int to_dir = 0, made_dir = 0;
    kg_buf project_out = KG_BUF_INIT;
    kg_lexicon *lx = NULL;
    kg_evlex *ev = NULL;
    kg_corpus lexicon = KG_CORPUS_INIT;
    rc = choose_output(&a, n, &project_out, &to_dir, &made_dir);
    if (!rc)
        rc = load_all_lexicons(a.lexpath, &lexicon, &lx, &ev);
    if (rc) {
        kg_buf_free(&project_out);
        return rc;
    }

    r.lexicon = &lexicon;
    r.lx = lx;
    r.ev = ev;
    r.force = a.force;
    r.diff = a.diff;
    r.dir = to_dir ? a.out : NULL;
    r.text_flags = a.lenient ? KG_TEXT_LENIENT : 0;
    r.n = n;
    make_jobs(&r, argv + optind, a.out, to_dir, a.date != NULL);
    run_jobs(&r, a.jobs);
    int clash = to_dir && name_files(&r, a.out);
    if (!clash) {
        /* the files, written on the same threads (each write waits for
         * its fsyncs); what each reports is printed in order below */
        r.writing = 1;
        run_jobs(&r, a.jobs);
    }
    rc = finish_jobs(&r, clash);
    if (clash) {
        rc = KG_EXIT_USAGE;
        if (made_dir)
            rmdir(a.out); /* made by this run, and still empty */
    }
    if (fflush(stdout) != 0) {
        kg_cli_error("extract: standard output: %s", strerror(errno));
        rc = KG_EXIT_IO;
    }
    free(r.jobs);
    kg_lexicon_free(lx);
    kg_evlex_free(ev);
    kg_corpus_free(&lexicon);
    kg_buf_free(&project_out);
    return rc;
}
