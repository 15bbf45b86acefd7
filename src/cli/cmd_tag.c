/* cmd_tag.c - 'kg tag': prints the actors, times and figures found in
 * articles as JSON Lines (one object per mention, in text order, byte
 * offsets into the file).
 *
 * Each FILE is read in windows of at most KG_TAG_WINDOW bytes cut after a
 * newline, so memory does not grow with the size of a file; an article is
 * one window. The document date comes from --date or from the dateline of
 * the file's first window. With --jobs N, N threads tag windows - of one
 * file or of many, as they come - while the main thread reads ahead and
 * writes the results in order: the output is byte for byte that of one
 * thread (a later window of a file whose first window's dateline may date
 * it waits until that one is written). Memory is 2N windows' worth. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <stdint.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "kg/tag.h"
#include "kg/factio.h"
#include "korean/grammar.h"
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
    "With more than one FILE each line starts with \"file\", the path as\n"
    "given. start and end are byte offsets [start, end) into FILE. Times are EDTF,\n"
    "relative to the document date; value is null where the date is too\n"
    "coarse for the expression. Page chrome (share buttons, 기사듣기, copyright\n"
    "lines, related-news lists, FAQ boxes, teaser copies) is skipped.\n"
    "\n"
    "options:\n"
    "  --date DCT        the document's date as EDTF: YYYY, YYYY-MM or\n"
    "                    YYYY-MM-DD (default: the dateline in the text, such\n"
    "                    as '승인 : 2025. 11. 01.' or '입력 2025.05.18 11:14')\n"
    "  --jobs N          tag N windows of 4 MB (or N files) at a time, each\n"
    "                    on a thread (default 1); the output does not change\n"
    "  --lenient         skip invalid UTF-8 bytes (with a warning) instead of\n"
    "                    failing on the first one\n"
    "  --lexicon PATH    actor lexicon: a YAML file or a folder of them\n"
    "                    (default: the project's lexicons, then the data\n"
    "                    folder's lexicon/: $KG_DATA, else yaml/ here, else\n"
    "                    yaml/ beside kg or ../share/kg)\n"
    "  --no-discovery    report only actors of the lexicon\n"
    "  --show-chrome     also print the chrome ranges ({\"kind\":\"chrome\",...})\n"
    "  --show-sentences  also print the sentences ({\"kind\":\"sentence\",...})\n"
    "\n"
    "cache: the compiled lexicon is kept in $KG_CACHE_DIR (default\n"
    "$XDG_CACHE_HOME/kg, else ~/.cache/kg), a file per lexicon folder, and\n"
    "used while kg itself and the bytes of every lexicon and grammar file\n"
    "are unchanged; a lexicon that gave warnings is not kept, and a cache\n"
    "that does not check out is ignored; files unused for 30 days are\n"
    "removed when a new one is written. KG_CACHE_DIR=off: no cache.\n"
    "\n"
    "exit status: 0 ok, 1 a FILE is not valid UTF-8 (without --lenient),\n"
    "2 usage, 3 a FILE or the lexicon could not be read.\n";

/* ---- the compiled lexicon's cache ----
 *
 * Reading and compiling a lexicon costs more than tagging an article, so
 * kg tag keeps the compiled lexicon in a file of its cache folder
 * ($KG_CACHE_DIR; else $XDG_CACHE_HOME/kg or ~/.cache/kg; KG_CACHE_DIR=off
 * or empty: no cache), one file per lexicon folder. It is used only when
 * its stamp matches: kg's version and binary, and the name, size and a
 * checksum of the bytes of every lexicon file and every grammar file of
 * the data folder. A lexicon whose reading gave any message is not
 * cached. Anything wrong with the file (checked by kg_lexicon_load) only
 * means the lexicon is read again. */

#define KG_LEXC_MAX (1u << 30)

static int cache_dir(kg_buf *b)
{
    const char *e = getenv("KG_CACHE_DIR");
    if (e) {
        if (!*e || !strcmp(e, "off"))
            return -1;
        kg_buf_puts(b, e);
        return 0;
    }
    if ((e = getenv("XDG_CACHE_HOME")) && e[0] == '/')
        kg_buf_printf(b, "%s/kg", e);
    else if ((e = getenv("HOME")) && e[0] == '/')
        kg_buf_printf(b, "%s/.cache/kg", e);
    else
        return -1;
    return 0;
}

/* 64-bit FNV-1a of a string, folded into h. */
static uint64_t fnv(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 0x100000001b3u;
    return h;
}

/* Notes every YAML file below root (as kg_facts_load_path finds them):
 * its path, size and checksum. -1 when one cannot be read. */
static int stamp_files(const char *root, kg_buf *st)
{
    kg_strv files = { 0 };
    int rc = 0;
    if (kg_yaml_files(root, &files) < 0)
        rc = -1;
    for (size_t i = 0; rc == 0 && i < files.n; i++) {
        size_t len;
        char *text = kg_read_file(files.v[i], &len, KG_LEXC_MAX);
        if (!text) {
            rc = -1;
            break;
        }
        kg_buf_printf(st, "%s %zu %016llx\n", files.v[i], len, (unsigned long long)kg_lexicon_blob_sum(text, len));
        free(text);
    }
    kg_strv_free(&files);
    return rc;
}

/* The cache file of the lexicon read from roots[0..n) in *file, and the
 * stamp its contents must carry in *stamp. -1: no cache (no folder, a
 * file that cannot be read). */
static int cache_key(const char *const *roots, size_t n, kg_buf *file, kg_buf *stamp)
{
    kg_buf list = KG_BUF_INIT, names = KG_BUF_INIT;
    int rc = cache_dir(file);
    char exe[4096], real[PATH_MAX];
    struct stat st;
    ssize_t k = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (rc == 0 && (k <= 0 || stat("/proc/self/exe", &st) < 0))
        rc = -1;
    if (rc == 0) {
        exe[k] = 0;
        kg_buf_printf(&list, "kg %s\nexe %s %llu %llu %lld %lld.%09ld\n", KG_VERSION, exe,
                      (unsigned long long)st.st_dev, (unsigned long long)st.st_ino, (long long)st.st_size,
                      (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
        kg_buf_printf(&names, "%s\n", exe);
    }
    for (size_t i = 0; rc == 0 && i < n; i++) {
        if (!realpath(roots[i], real)) {
            rc = -1;
            break;
        }
        kg_buf_printf(&list, "root %s\n", real);
        kg_buf_printf(&names, "%s\n", real);
        rc = stamp_files(real, &list);
    }
    /* the grammar the aliases were folded with: the built-in one (kg's
     * binary) and the data folder's files read over it */
    kg_buf_printf(&list, "grammar %016llx\n", (unsigned long long)kg_grammar_fingerprint());
    if (rc == 0) {
        /* the stamp: two checksums of the list; the file: one of the names */
        kg_buf_printf(stamp, "kg-lexicon %s %016llx %016llx %zu", KG_VERSION,
                      (unsigned long long)kg_lexicon_blob_sum(list.ptr, list.len),
                      (unsigned long long)fnv(0xcbf29ce484222325u, list.ptr, list.len), list.len);
        kg_buf_printf(file, "/lexicon-%016llx.bin", (unsigned long long)fnv(0xcbf29ce484222325u, names.ptr, names.len));
    }
    kg_buf_free(&list);
    kg_buf_free(&names);
    return rc;
}

/* The cached lexicon, or NULL. */
static kg_lexicon *cache_read(const char *file, const kg_buf *stamp)
{
    size_t len;
    char *data = kg_read_file(file, &len, KG_LEXC_MAX);
    if (!data)
        return NULL;
    return kg_lexicon_load_owned(data, len, stamp->ptr, stamp->len);
}

/* Makes the folders of path (mode 0700). */
static void make_parents(const char *path)
{
    char *p = kg_xstrdup(path);
    for (char *s = p + 1; *s; s++)
        if (*s == '/') {
            *s = 0;
            mkdir(p, 0700);
            *s = '/';
        }
    free(p);
}

/* Cache files unused this long are removed when a new one is written
 * (each lexicon folder tagged leaves one; a use renews its time). */
#define KG_LEXC_KEEP_DAYS 30

/* Removes the lexicon cache files of the folder of file (lexicon-*.bin,
 * and temporary files a killed run left) not used for KG_LEXC_KEEP_DAYS;
 * other files are never touched. Failures are ignored. */
static void cache_prune(const char *file)
{
    const char *slash = strrchr(file, '/');
    if (!slash)
        return;
    char *dir = kg_xstrdup(file);
    dir[slash - file > 0 ? slash - file : 1] = '\0';
    DIR *d = opendir(dir);
    time_t old = time(NULL) - (time_t)KG_LEXC_KEEP_DAYS * 24 * 3600;
    struct dirent *de;
    kg_buf p = KG_BUF_INIT;
    while (d && (de = readdir(d))) {
        const char *n = de->d_name;
        size_t nl = strlen(n);
        if (strncmp(n, "lexicon-", 8) != 0 || !(strstr(n, ".bin.tmp.") || (nl > 12 && !strcmp(n + nl - 4, ".bin"))))
            continue;
        kg_buf_reset(&p);
        kg_buf_printf(&p, "%s/%s", dir, n);
        struct stat st;
        if (lstat(p.ptr, &st) == 0 && S_ISREG(st.st_mode) && st.st_mtime < old)
            unlink(p.ptr);
    }
    if (d)
        closedir(d);
    kg_buf_free(&p);
    free(dir);
}

/* Writes the cache (through a temporary file renamed into place, so that
 * a reader sees the old file or the new one); failures are ignored. */
static void cache_write(const char *file, const kg_buf *stamp, const kg_lexicon *lx)
{
    kg_buf b = KG_BUF_INIT, tmp = KG_BUF_INIT;
    if (kg_lexicon_save(lx, stamp->ptr, stamp->len, &b) == 0) {
        make_parents(file);
        kg_buf_printf(&tmp, "%s.tmp.%ld", file, (long)getpid());
        FILE *f = fopen(tmp.ptr, "wb");
        int ok = f && fwrite(b.ptr, 1, b.len, f) == b.len;
        if (f && fclose(f) != 0)
            ok = 0;
        if (!ok || rename(tmp.ptr, file) != 0)
            unlink(tmp.ptr);
        else
            cache_prune(file);
    }
    kg_buf_free(&b);
    kg_buf_free(&tmp);
}

static int load_lexicon(const char *path, int explicit_path, kg_lexicon **out)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        *out = kg_lexicon_new();
        if (explicit_path) {
            kg_cli_error("tag: %s: %s", path, strerror(errno));
            return KG_EXIT_IO;
        }
        kg_cli_error("warning: tag: no actor lexicon at %s; only actors found by the rules are "
                     "reported (see --lexicon, KG_DATA)",
                     path);
        kg_lexicon_compile(*out, NULL);
        return 0;
    }
    /* the project's lexicons first, then the bundled ones */
    const char *roots[2];
    size_t nroots = 0;
    if (!explicit_path) {
        int r = kg_cli_project_lexicons(path, &roots[0]);
        if (r) {
            *out = kg_lexicon_new();
            return r;
        }
        if (roots[0])
            nroots++;
    }
    roots[nroots++] = path;
    kg_buf file = KG_BUF_INIT, stamp = KG_BUF_INIT;
    int cached = cache_key(roots, nroots, &file, &stamp) == 0;
    if (cached && (*out = cache_read(file.ptr, &stamp))) {
        utimensat(AT_FDCWD, file.ptr, NULL, 0); /* (used: kept by cache_prune) */
        kg_buf_free(&file);
        kg_buf_free(&stamp);
        return 0;
    }
    *out = kg_lexicon_new();
    kg_corpus c = KG_CORPUS_INIT;
    kg_diag d = KG_DIAG_INIT;
    c.drop_trees = 1; /* names and aliases are all the tagger needs */
    int r = 0;
    for (size_t i = 0; i < nroots && r >= 0; i++)
        r = kg_facts_load_path(&c, roots[i], &d);
    if (d.n)
        kg_cli_print_diag(&d, 0);
    if (r < 0) {
        kg_diag_free(&d);
        kg_corpus_free(&c);
        kg_buf_free(&file);
        kg_buf_free(&stamp);
        return KG_EXIT_IO;
    }
    kg_lexicon_add_corpus(*out, &c);
    kg_lexicon_compile(*out, &d);
    if (cached && d.n == 0)
        cache_write(file.ptr, &stamp, *out);
    kg_diag_free(&d);
    kg_corpus_free(&c);
    kg_buf_free(&file);
    kg_buf_free(&stamp);
    return 0;
}

typedef struct tag_run {
    const kg_lexicon *lx;
    kg_tag_opts opts;
    unsigned text_flags;
    int show_chrome, show_sentences;
    int jobs; /* windows tagged at a time, each on a thread */
    int name_files; /* more than one FILE: each line says which ("file") */
    int batch; /* one thread, no terminal: output collects in the window (twin.from) */
} tag_run;

/* The chrome and sentence lines, each opened by lead (leadn bytes: "{"
 * or the line's {"file":"PATH",). */
static void print_extras(const kg_text *t, kg_buf *out, int chrome, int sents, const char *lead, size_t leadn)
{
    if (chrome)
        for (size_t i = 0; i < t->n_chrome; i++) {
            const kg_chrome *c = &t->chrome[i];
            kg_buf_add(out, lead, leadn);
            kg_buf_printf(out, "\"kind\":\"chrome\",\"chrome\":\"%s\",\"start\":%zu,\"end\":%zu}\n",
                          kg_chrome_kind_name(c->kind), c->r.start, c->r.end);
        }
    if (sents)
        for (size_t i = 0; i < t->n_sent; i++) {
            const kg_text_range *r = &t->sent[i];
            kg_buf_add(out, lead, leadn);
            kg_buf_puts(out, "\"kind\":\"sentence\",\"text\":\"");
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
    kg_buf out; /* the window's JSON Lines (in a batch run, after those of
                   earlier windows not written yet: from) */
    size_t from; /* where the window's own lines start in out */
    kg_buf head; /* what opens each of its lines: { or {"file":"PATH", */
    kg_edtf_point used;
    int failed; /* not valid UTF-8: d says where */
    int state;  /* SLOT_* (under the pool's lock) */
    unsigned long seq; /* the window's number in the run */
    int file;          /* its file's index (pooled runs) */
    int err;           /* not a window: the errno of opening or reading its file, reported in its place */
} twin;

enum { SLOT_FREE, SLOT_READY, SLOT_BUSY, SLOT_DONE };

/* Worker threads that tag READY slots, the lowest-numbered first; the
 * main thread reads windows into FREE slots and writes DONE ones in
 * file order. */
typedef struct tpool {
    pthread_mutex_t mu;
    pthread_cond_t work; /* a slot became READY, or quit */
    pthread_cond_t done; /* a slot became DONE */
    twin *ws;
    int nslots, nthreads, quit;
    int idle;           /* workers waiting for work */
    int nready;         /* slots READY */
    int writer_waiting; /* the writer waits for window `want` */
    unsigned long want;
    pthread_t th[KG_TAG_MAX_JOBS];
} tpool;

/* Wakes the writer (under the lock) once the window it waits for is
 * done and no window is left queued: it then writes every done window
 * in a row and refills the slots at once, instead of waking for each. */
static void wake_writer(tpool *p)
{
    if (!p->writer_waiting || p->nready > 0)
        return;
    for (int k = 0; k < p->nslots; k++)
        if (p->ws[k].state == SLOT_DONE && p->ws[k].seq == p->want) {
            pthread_cond_signal(&p->done);
            return;
        }
}

/* Tags w (any thread: the lexicon is only read). */
static void tag_window(twin *w)
{
    const tag_run *run = w->run;
    kg_text t;
    kg_diag_free(&w->d);
    if (run->batch)
        w->from = w->out.len;
    else {
        kg_buf_reset(&w->out);
        w->from = 0;
    }
    kg_mentions_reset(&w->ms);
    memset(&w->used, 0, sizeof w->used);
    w->failed = kg_text_load(&t, w->buf, w->len, w->base, run->text_flags, w->path, &w->d) < 0;
    if (!w->failed) {
        kg_tag_text(run->lx, &t, &w->opts, &w->ms, &w->used);
        /* with more than one FILE each line starts {"file":"PATH", (as
         * grep names its files), written in place of the object's '{' */
        kg_buf_reset(&w->head);
        if (run->name_files) {
            kg_buf_puts(&w->head, "{\"file\":\"");
            kg_json_escape(&w->head, w->path, strlen(w->path));
            kg_buf_puts(&w->head, "\",");
        } else
            kg_buf_putc(&w->head, '{');
        print_extras(&t, &w->out, run->show_chrome, run->show_sentences, w->head.ptr, w->head.len);
        kg_mentions_json_lines(&w->ms, 0, &t, w->head.ptr, w->head.len, &w->out);
    }
    kg_text_free(&t);
}

static void *pool_worker(void *arg)
{
    tpool *p = arg;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        twin *w = NULL;
        for (int k = 0; k < p->nslots; k++)
            if (p->ws[k].state == SLOT_READY && (!w || p->ws[k].seq < w->seq))
                w = &p->ws[k];
        if (!w) {
            if (p->quit)
                break;
            p->idle++;
            pthread_cond_wait(&p->work, &p->mu);
            p->idle--;
            continue;
        }
        w->state = SLOT_BUSY;
        p->nready--;
        wake_writer(p);
        pthread_mutex_unlock(&p->mu);
        tag_window(w);
        pthread_mutex_lock(&p->mu);
        w->state = SLOT_DONE;
        wake_writer(p);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

/* Reads a file window by window: each window ends after its last newline
 * (or at a UTF-8 boundary when a line is longer than a window); what
 * follows the cut is carried into the next window. The file is read
 * with read(2) into the window itself; a regular file that gives less
 * than was asked for has ended (a short file is open, fstat, one read
 * and close: no read that only finds the end, and no stdio buffer). */
typedef struct treader {
    int fd;
    int regular; /* a regular file: a short read is its end */
    char *carry;
    size_t ncarry, base;
    int eof, started;
} treader;

/* Opens path for rd (carry: the buffer of what is carried between
 * windows): 0, or -1 with errno set. */
static int reader_open(treader *rd, const char *path, char *carry)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return -1;
    struct stat st;
    *rd = (treader){ fd, fstat(fd, &st) == 0 && S_ISREG(st.st_mode), carry, 0, 0, 0, 0 };
    return 0;
}

/* Reads up to n bytes into p, as fread would (until n bytes, the end
 * or an error): the number read, or -1 on an error (errno set). *eof is
 * set at the end. */
static ssize_t read_full(treader *rd, char *p, size_t n, int *eof)
{
    size_t got = 0;
    while (got < n) {
        ssize_t r = read(rd->fd, p + got, n - got);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        if (r == 0) {
            *eof = 1;
            break;
        }
        got += (size_t)r;
        if (rd->regular && got < n) {
            *eof = 1;
            break;
        }
    }
    return (ssize_t)got;
}

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
        ssize_t n = read_full(rd, w->buf + have, KG_TAG_WINDOW - have, &rd->eof);
        if (n < 0)
            return -1;
        have += (size_t)n;
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

/* A batch run (one thread, standard output no terminal) writes its
 * output KG_TAG_FLUSH bytes or more at a time with write(2), straight
 * from the window's buffer, where tag_window appends each window's lines
 * to those not written yet: through stdio every byte was copied once
 * more, into its buffer. Not more at a time: the kernel copies the bytes
 * into the page cache faster while they are still in the core's cache
 * (see the stdout buffer in kg_cmd_tag). */
#define KG_TAG_FLUSH (64u << 10)

/* Writes w->out[0, n) to standard output and keeps the rest (the
 * current window's lines when n is w->from) at the start of w->out: 0, or
 * KG_EXIT_IO (reported; the bytes are dropped). */
static int out_write(twin *w, size_t n)
{
    kg_buf *out = &w->out;
    size_t done = 0;
    fflush(stdout); /* (nothing else writes there; were it to, it came first) */
    while (done < n) {
        ssize_t r = write(STDOUT_FILENO, out->ptr + done, n - done);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            if (r == 0)
                errno = EIO;
            break;
        }
        done += (size_t)r;
    }
    int err = errno;
    memmove(out->ptr, out->ptr + n, out->len - n);
    out->len -= n;
    if (out->cap)
        out->ptr[out->len] = '\0';
    w->from = w->from > n ? w->from - n : 0;
    if (done < n) {
        kg_cli_error("tag: writing output: %s", strerror(err));
        return KG_EXIT_IO;
    }
    return 0;
}

/* Writes what a batch run's window w holds still (before a message, and
 * at the end): 0 or KG_EXIT_IO. */
static int out_pending(twin *w)
{
    return w->run && w->run->batch && w->out.len ? out_write(w, w->out.len) : 0;
}

/* Writes the tagged window w (its diagnostics to stderr, its mentions to
 * stdout); returns an exit code. */
static int put_window(twin *w, kg_tag_opts *opts, int *first)
{
    if (w->d.n) {
        /* (after the lines of the windows before it) */
        if (w->from)
            out_write(w, w->from);
        kg_cli_print_diag(&w->d, 0);
    }
    if (w->failed)
        return KG_EXIT_FINDINGS;
    if (*first && opts->dct.prec == KG_PREC_NONE)
        opts->dct = w->used; /* the first window's dateline holds for the file */
    *first = 0;
    if (w->run->batch)
        return w->out.len >= KG_TAG_FLUSH ? out_write(w, w->out.len) : 0;
    const kg_buf *out = &w->out; /* (its lines name their file: tag_window) */
    int bad = out->len && fwrite(out->ptr, 1, out->len, stdout) != out->len;
    if (bad) {
        kg_cli_error("tag: writing output: %s", strerror(errno));
        return KG_EXIT_IO;
    }
    return 0;
}

/* Reads the next window of rd into w, to be tagged with opts: 1, or 0
 * at the end of the file or on a read error (*read_err gets errno). */
static int next_window(treader *rd, twin *w, const tag_run *run, const char *path, const kg_tag_opts *opts,
                       int *read_err)
{
    w->run = run;
    w->path = path;
    int r = read_window(rd, w);
    if (r < 0)
        *read_err = errno ? errno : EIO;
    w->opts = *opts;
    return r > 0;
}

/* Tags one file on this thread: read, tag and write one window at a
 * time. Returns an exit code. */
static int tag_file(const tag_run *run, twin *w, char *carry, const char *path)
{
    treader rd;
    if (reader_open(&rd, path, carry) < 0) {
        int err = errno;
        out_pending(w); /* (the message follows the files before) */
        kg_cli_error("tag: %s: %s", path, strerror(err));
        return KG_EXIT_IO;
    }
    kg_tag_opts opts = run->opts;
    int first = 1, rc = 0, read_err = 0;
    while (!rc && next_window(&rd, w, run, path, &opts, &read_err)) {
        tag_window(w);
        rc = put_window(w, &opts, &first);
    }
    if (read_err && !rc) {
        out_pending(w);
        kg_cli_error("tag: %s: %s", path, strerror(read_err));
        rc = KG_EXIT_IO;
    }
    close(rd.fd);
    return rc;
}

/* What the writer knows of each file of a pooled run. */
typedef struct tfile {
    kg_tag_opts opts; /* for its next windows: with the first window's dateline once that is written */
    int first;        /* its first window is not written yet */
    int rc;           /* its exit code so far; a failure stops the file */
} tfile;

/* The reading side of a pooled run: the file being read and where. */
typedef struct tfeed {
    const tag_run *run;
    char **files;
    int nfiles, fi; /* files[fi] is the next to read from */
    tfile *tf;
    int open; /* files[fi] is open (in rd) */
    treader rd;
    char *carry;
    unsigned long nread; /* windows read of files[fi] */
} tfeed;

/* Fills the free slot w with the next window of the files, or with a
 * note of an error to report in its place (w->err; not tagged): 1, or 0
 * when nothing can be read now - all files are read, or the next window
 * needs the date of its file's first window, which is not written yet. */
static int feed_window(tfeed *fd, twin *w)
{
    while (fd->fi < fd->nfiles) {
        const char *path = fd->files[fd->fi];
        tfile *tf = &fd->tf[fd->fi];
        w->file = fd->fi;
        w->err = 0;
        if (!fd->open && !tf->rc) {
            if (reader_open(&fd->rd, path, fd->carry) < 0) {
                w->err = errno ? errno : EIO;
                w->path = path;
                fd->fi++;
                return 1;
            }
            fd->open = 1;
            fd->nread = 0;
        }
        if (fd->open && !tf->rc) {
            int more = !(fd->rd.started && fd->rd.eof && fd->rd.ncarry == 0);
            if (more && fd->nread > 0 && tf->first && tf->opts.dct.prec == KG_PREC_NONE)
                return 0; /* the first window's dateline may date this one */
            int read_err = 0;
            if (next_window(&fd->rd, w, fd->run, path, &tf->opts, &read_err)) {
                fd->nread++;
                return 1;
            }
            close(fd->rd.fd);
            fd->open = 0;
            fd->fi++;
            if (read_err) {
                w->err = read_err;
                w->path = path;
                return 1;
            }
            continue;
        }
        /* the file failed while windows of it were in flight: read no more */
        if (fd->open)
            close(fd->rd.fd);
        fd->open = 0;
        fd->fi++;
    }
    return 0;
}

/* Writes slot w's window, or reports its error, unless an earlier window
 * of its file failed (then it is dropped, as the serial run never reads
 * it). */
static void write_slot(twin *w, tfile *tf)
{
    if (tf->rc)
        return;
    if (w->err) {
        kg_cli_error("tag: %s: %s", w->path, strerror(w->err));
        tf->rc = KG_EXIT_IO;
        return;
    }
    tf->rc = put_window(w, &tf->opts, &tf->first);
}

/* Tags the files on the pool's threads, window by window and across
 * files, while this thread reads ahead and writes the results in order:
 * the output (stdout and stderr) is that of the serial run. Returns the
 * highest exit code of the files. */
static int tag_files_pooled(const tag_run *run, tpool *pool, twin *ws, char *carry, char **files, int nfiles)
{
    tfile *tf = kg_xcalloc((size_t)nfiles + 1, sizeof *tf);
    for (int i = 0; i < nfiles; i++) {
        tf[i].opts = run->opts;
        tf[i].first = 1;
    }
    tfeed fd = { run, files, nfiles, 0, tf, 0, { 0 }, carry, 0 };
    int nslots = pool->nslots;
    unsigned long next_read = 0, next_write = 0;
    for (;;) {
        /* fill the free slots */
        for (int k = 0; k < nslots; k++) {
            twin *w = &ws[k];
            pthread_mutex_lock(&pool->mu);
            int busy = w->state != SLOT_FREE;
            pthread_mutex_unlock(&pool->mu);
            if (busy)
                continue;
            if (!feed_window(&fd, w))
                break;
            w->seq = next_read++;
            pthread_mutex_lock(&pool->mu);
            w->state = w->err ? SLOT_DONE : SLOT_READY;
            if (!w->err) {
                pool->nready++;
                if (pool->idle)
                    pthread_cond_signal(&pool->work);
            }
            pthread_mutex_unlock(&pool->mu);
        }
        if (next_write == next_read)
            break; /* all read and written (a window waiting for a date
                      has its file's first window in flight) */
        /* write the next slot in order once it is done */
        twin *w = NULL;
        pthread_mutex_lock(&pool->mu);
        for (;;) {
            for (int k = 0; k < nslots && !w; k++)
                if (ws[k].state == SLOT_DONE && ws[k].seq == next_write)
                    w = &ws[k];
            if (w)
                break;
            pool->writer_waiting = 1;
            pool->want = next_write;
            pthread_cond_wait(&pool->done, &pool->mu);
            pool->writer_waiting = 0;
        }
        pthread_mutex_unlock(&pool->mu);
        write_slot(w, &tf[w->file]);
        next_write++;
        pthread_mutex_lock(&pool->mu);
        w->state = SLOT_FREE;
        pthread_mutex_unlock(&pool->mu);
    }
    if (fd.open)
        close(fd.rd.fd);
    int rc = 0;
    for (int i = 0; i < nfiles; i++)
        if (tf[i].rc > rc)
            rc = tf[i].rc;
    free(tf);
    return rc;
}

/* The options into *run and *lexpath, the files into files[*nfiles];
 * 0, or the exit status of a usage error. */
static int parse_tag_args(int argc, char **argv, tag_run *run, const char **lexpath, char **files,
                          int *nfiles)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--")) {
            for (i++; i < argc; i++)
                files[(*nfiles)++] = argv[i];
            break;
        }
        if (!strcmp(a, "--date") || !strncmp(a, "--date=", 7)) {
            const char *v = a[6] == '=' ? a + 7 : (i + 1 < argc ? argv[++i] : NULL);
            if (!v)
                return kg_cli_usage("tag", "--date needs a value");
            if (kg_dct_parse(v, &run->opts.dct) < 0)
                return kg_cli_usage("tag", "--date '%s' is not YYYY, YYYY-MM or YYYY-MM-DD", v);
        } else if (!strcmp(a, "--lexicon") || !strncmp(a, "--lexicon=", 10)) {
            *lexpath = a[9] == '=' ? a + 10 : (i + 1 < argc ? argv[++i] : NULL);
            if (!*lexpath)
                return kg_cli_usage("tag", "--lexicon needs a path");
        } else if (!strcmp(a, "--jobs") || !strncmp(a, "--jobs=", 7)) {
            const char *v = a[6] == '=' ? a + 7 : (i + 1 < argc ? argv[++i] : NULL);
            char *endp = NULL;
            long n = v ? strtol(v, &endp, 10) : 0;
            if (!v || !*v || *endp || n < 1 || n > KG_TAG_MAX_JOBS)
                return kg_cli_usage("tag", "--jobs wants a number from 1 to %d, not '%s'", KG_TAG_MAX_JOBS,
                                    v ? v : "");
            run->jobs = (int)n;
        } else if (!strcmp(a, "--lenient")) {
            run->text_flags |= KG_TEXT_LENIENT;
        } else if (!strcmp(a, "--no-discovery")) {
            run->opts.flags |= KG_TAG_NO_DISCOVERY;
        } else if (!strcmp(a, "--show-chrome")) {
            run->show_chrome = 1;
        } else if (!strcmp(a, "--show-sentences")) {
            run->show_sentences = 1;
        } else if (a[0] == '-' && a[1]) {
            return kg_cli_usage("tag", "unknown option '%s'", a);
        } else {
            files[(*nfiles)++] = argv[i];
        }
    }
    if (!*nfiles)
        return kg_cli_usage("tag", "no FILE given");
    return 0;
}

/* The grammar, then the lexicon (--lexicon, else the data folder's);
 * 0, or an exit status (and *lx freed). */
static int load_tag_lexicon(const char *lexpath, kg_lexicon **lx)
{
    char defpath[4096];
    int rc;
    if ((rc = kg_cli_grammar()))
        return rc;
    if (!lexpath) {
        snprintf(defpath, sizeof defpath, "%s/lexicon", kg_cli_data_dir());
        rc = load_lexicon(defpath, 0, lx);
    } else {
        rc = load_lexicon(lexpath, 1, lx);
    }
    if (rc) {
        kg_lexicon_free(*lx);
        *lx = NULL;
    }
    return rc;
}

/* nslots empty windows. */
static twin *windows_new(int nslots)
{
    twin *ws = kg_xcalloc((size_t)nslots, sizeof *ws);
    for (int k = 0; k < nslots; k++) {
        ws[k].buf = kg_xmalloc(KG_TAG_WINDOW + 1);
        ws[k].d = (kg_diag)KG_DIAG_INIT;
        ws[k].ms = (kg_mentions)KG_MENTIONS_INIT;
        ws[k].out = (kg_buf)KG_BUF_INIT;
        ws[k].head = (kg_buf)KG_BUF_INIT;
        ws[k].state = SLOT_FREE;
    }
    return ws;
}

static void windows_free(twin *ws, int nslots)
{
    for (int k = 0; k < nslots; k++) {
        free(ws[k].buf);
        kg_diag_free(&ws[k].d);
        kg_mentions_free(&ws[k].ms);
        kg_buf_free(&ws[k].out);
        kg_buf_free(&ws[k].head);
    }
    free(ws);
}

/* Up to `jobs` tagging threads over the windows; the pool, or NULL when
 * no thread started (then the windows are tagged on this one). */
static tpool *pool_start(tpool *pool, twin *ws, int nslots, int jobs)
{
    memset(pool, 0, sizeof *pool);
    pthread_mutex_init(&pool->mu, NULL);
    pthread_cond_init(&pool->work, NULL);
    pthread_cond_init(&pool->done, NULL);
    pool->ws = ws;
    pool->nslots = nslots;
    for (int k = 0; k < jobs; k++) {
        if (pthread_create(&pool->th[pool->nthreads], NULL, pool_worker, pool) != 0)
            break;
        pool->nthreads++;
    }
    return pool->nthreads > 0 ? pool : NULL;
}

static void pool_stop(tpool *pool)
{
    pthread_mutex_lock(&pool->mu);
    pool->quit = 1;
    pthread_cond_broadcast(&pool->work);
    pthread_mutex_unlock(&pool->mu);
    for (int k = 0; k < pool->nthreads; k++)
        pthread_join(pool->th[k], NULL);
    pthread_mutex_destroy(&pool->mu);
    pthread_cond_destroy(&pool->work);
    pthread_cond_destroy(&pool->done);
}

int kg_cmd_tag(int argc, char **argv)
{
    tag_run run;
    memset(&run, 0, sizeof run);
    run.jobs = 1;
    const char *lexpath = NULL;
    char **files = kg_xcalloc((size_t)argc + 1, sizeof *files);
    int nfiles = 0;
    kg_lexicon *lx = NULL;
    int rc = parse_tag_args(argc, argv, &run, &lexpath, files, &nfiles);
    run.name_files = nfiles > 1;
    if (!rc)
        rc = load_tag_lexicon(lexpath, &lx);
    if (rc) {
        free(files);
        return rc;
    }
    run.lx = lx;
    if (!run.show_sentences)
        run.text_flags |= KG_TEXT_NO_SENTENCES; /* the finders need none */
    /* Every window allocates and frees the same few megabytes (normalised
     * text, mentions): keep them in the heap instead of mapping fresh
     * pages (and faulting them in) each time. Memory stays bounded by
     * one window's worth. */
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    mallopt(M_TRIM_THRESHOLD, 128 << 20);
    /* Many short files give a few KB of JSON each: with stdio's default
     * buffer that was two write() calls per file (39,000 on the bench
     * corpus). One buffer of 64 KB for all of them; a terminal keeps its
     * line buffering. Messages flush it first (kg_cli_error), so they
     * still follow the output of the files before them. Not larger: the
     * kernel copies each write() out of this buffer into the page cache,
     * and 64 KB are still in the core's cache when they are written; a
     * buffer of 1 MB was not, and the copy took three times as long
     * (system time 0.56 -> 0.22 s on the 100 MB bench corpus). */
    /* (glibc takes no size without a buffer: this one lives to exit) */
    static char out_buf[64 << 10];
    if (!isatty(STDOUT_FILENO))
        setvbuf(stdout, out_buf, _IOFBF, sizeof out_buf);
    /* with --jobs N: N threads and 2N windows (reading and writing go on
     * while N are tagged) */
    int nslots = run.jobs > 1 ? 8 * run.jobs : 1;
    twin *ws = windows_new(nslots);
    char *carry = kg_xmalloc(KG_TAG_WINDOW + 1);
    tpool pool, *pp = NULL;
    if (run.jobs > 1)
        pp = pool_start(&pool, ws, nslots, run.jobs);
    if (pp)
        rc = tag_files_pooled(&run, pp, ws, carry, files, nfiles);
    else {
        run.batch = !isatty(STDOUT_FILENO);
        for (int i = 0; i < nfiles; i++) {
            int r = tag_file(&run, &ws[0], carry, files[i]);
            if (r > rc)
                rc = r;
        }
        int r = out_pending(&ws[0]);
        if (r > rc)
            rc = r;
    }
    if (pp)
        pool_stop(pp);
    windows_free(ws, nslots);
    free(carry);
    if (fflush(stdout) != 0) {
        kg_cli_error("tag: writing output: %s", strerror(errno));
        rc = KG_EXIT_IO;
    }
    kg_lexicon_free(lx);
    free(files);
    return rc;
}
