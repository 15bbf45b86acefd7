/* cmd_build.c - 'kg build': check the facts and load them into the SQLite
 * store (incrementally, in one transaction). */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <stdint.h>
#include <sqlite3.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "kg/check.h"
#include "kg/factio.h"
#include "kg/layout.h"
#include "kg/store.h"
#include "util/hmap.h"

const char kg_help_build[] =
    "usage: kg build [PATH...] [--db FILE] [--force-rebuild] [--show-source] [-q]\n"
    "\n"
    "Loads every facts and lexicon file in PATH (a file, or a folder searched\n"
    "for *.yaml; default: the project's facts and lexicons, see 'kg help\n"
    "init') into an SQLite store that 'kg query', 'kg show', 'kg path' and\n"
    "any SQLite tool can read. The facts are checked first, as 'kg check'\n"
    "does: when it finds errors, they are printed and the store is not\n"
    "touched.\n"
    "\n"
    "When no file has changed since the last build (the same facts files\n"
    "and source texts, by path, size, modification time and inode), the\n"
    "store is up to date and nothing is read or checked: the summary says\n"
    "\"up to date, no file read\" (warnings of the last build are not\n"
    "repeated; 'kg check' prints them).\n"
    "\n"
    "Otherwise the build is incremental: a file whose bytes (and whose source text)\n"
    "have not changed since the last build is not loaded again, and the\n"
    "facts of a file that is no longer among the PATHs are removed. So the\n"
    "store always holds exactly the facts of the PATHs given. Only the\n"
    "changed files are read and checked: what the other files hold (actor\n"
    "definitions, document and event ids, references) is checked against\n"
    "the store. When a change touches another file (an actor gone or given\n"
    "another type, a name two actors share, a reference left dangling) or\n"
    "has an error, every file is read and checked as 'kg check' does, and\n"
    "the findings are exactly its findings (warnings of files not read are\n"
    "not repeated). The summary says how many files were read. Actors with\n"
    "the same id are one row whatever file defined them (names and aliases\n"
    "merged); events linked by same-as share one cluster id. Everything\n"
    "happens in one transaction: an interrupted build leaves the previous\n"
    "store as it was. A store made by an older kg is rebuilt (a note says\n"
    "so); a file that is not a kg store is never overwritten. A new store is\n"
    "built under a temporary name and put in place only when complete. The\n"
    "store must be a regular file (not a device or FIFO).\n"
    "\n"
    "  --db FILE        the store to write (default OUT/kg.sqlite, OUT the\n"
    "                   project's output folder; outside a project out/); its folder\n"
    "                   is created when missing\n"
    "  --force-rebuild  drop every table and load every file again; a store\n"
    "                   SQLite finds damaged (\"malformed\") is moved aside to\n"
    "                   FILE.damaged and a new one built\n"
    "  --show-source    with findings, print the offending line and a caret\n"
    "                   (the default when stderr is a terminal)\n"
    "  -q, --quiet      print nothing but problems (no summary line)\n"
    "\n"
    "exit status: 0 built, 1 the facts have errors (store unchanged), 2 usage,\n"
    "3 a file or the store could not be read or written.\n";

/* Creates the folders leading to path's last component (mkdir -p). */
static int make_parent(const char *path)
{
    if (kg_mkdirs(path, 1) == 0)
        return 0;
    kg_cli_error("%s: cannot create its folder: %s", path, strerror(errno));
    return -1;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The command line of kg build. */
typedef struct build_args {
    const char *db;
    int quiet, show;
} build_args;

/* The options into *a and *bo; 0, or the exit status of a usage error. */
static int parse_build_args(int argc, char **argv, build_args *a, kg_build_opts *bo)
{
    static const struct option opts[] = { { "db", required_argument, NULL, 'd' },
                                           { "force-rebuild", no_argument, NULL, 'f' },
                                           { "show-source", no_argument, NULL, 's' },
                                           { "quiet", no_argument, NULL, 'q' },
                                           { NULL, 0, NULL, 0 } };
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":q", opts, NULL)) != -1) {
        switch (c) {
        case 'd':
            a->db = optarg;
            break;
        case 'f':
            bo->force_rebuild = 1;
            break;
        case 's':
            a->show = 1;
            break;
        case 'q':
            a->quiet = 1;
            break;
        default:
            return kg_cli_bad_option("build", c, argv, opts);
        }
    }
    if (a->db && !*a->db)
        return kg_cli_usage("build", "--db needs a file name");
    return 0;
}

/* The one line that says what was built. */
static void print_summary(const char *db, const char *note, const kg_build_stats *st, double t0,
                          size_t read)
{
    printf("%s: %s%zu file%s (%zu loaded, %zu unchanged, %zu removed): %zu actors, %zu events "
           "(%zu after same-as), %zu figures, %zu relations in %.2f s",
           db, note, st->files, st->files == 1 ? "" : "s", st->loaded, st->unchanged, st->removed,
           st->actors, st->events, st->clusters, st->figures, st->relations, now_s() - t0);
    if (*note)
        putchar('\n');
    else
        printf(" (%zu file%s read and checked)\n", read, read == 1 ? "" : "s");
}

/* ---- "nothing changed", known without reading a file ----
 *
 * The fingerprint of a build's inputs: kg's version and schema, the
 * store's base folder, the PATHs, and for each facts file they name (in
 * the order the build reads them) and each source text those files point
 * to: its path, size, modification time (ns) and inode. Stored with every
 * build; when the next build finds the same fingerprint, no input can
 * have changed (short of a file rewritten at the same size within the
 * same nanosecond, which editors and git do not do), so the store is up
 * to date and nothing is read or checked. Warnings of the last build are
 * not printed again then: `kg check` prints them. */

/* Each path's line, statted once per build (the fingerprint, the check
 * for "nothing changed" and the incremental build all ask). */
typedef struct stat_cache {
    kg_hmap by_path;      /* path -> line (both in mem, after a byte: 1 for a facts
                             file known to be no symbolic link, else 0) */
    kg_pool mem;
    kg_hmap dirs;         /* a folder as the paths spell it -> its descriptor + 2 (1: it did not open) */
    kg_strv dir_names;
    char *last_dir;       /* the folder of the last path statted through a descriptor, */
    int last_fd;          /* and its descriptor: the next path is mostly in it */
    int lean;             /* keep nothing: each line lives in scratch until the next
                             (the up-to-date check alone: no build will ask again) */
    kg_buf scratch;
    const char *last_key; /* the path of the line kept last (in mem) */
} stat_cache;

#define STAT_CACHE_INIT { KG_HMAP_INIT, KG_POOL_INIT, KG_HMAP_INIT, { NULL, 0, 0 }, NULL, -1, 0, KG_BUF_INIT, NULL }
#define STAT_DIRS_MAX 256 /* folders kept open; past them a path is statted whole */

/* stat (follow) or lstat of path, through an open descriptor of its folder:
 * the kernel then walks one name instead of the whole path (10,000 facts
 * files and as many sources on every build). Same answer as (l)stat(path). */
static int stat_at(stat_cache *sc, const char *path, struct stat *st, int follow)
{
    const char *slash = strrchr(path, '/');
    int flags = follow ? 0 : AT_SYMLINK_NOFOLLOW;
    if (!slash || !slash[1] || slash == path)
        return fstatat(AT_FDCWD, path, st, flags);
    size_t dl = (size_t)(slash - path);
    if (sc->last_dir && strncmp(sc->last_dir, path, dl) == 0 && sc->last_dir[dl] == '\0')
        return fstatat(sc->last_fd, slash + 1, st, flags);
    char *dir = kg_xstrndup(path, dl);
    intptr_t fd = (intptr_t)kg_hmap_get(&sc->dirs, dir) - 2;
    if (fd == -2 && sc->dir_names.n < STAT_DIRS_MAX) {
        fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        kg_strv_push(&sc->dir_names, dir);
        kg_hmap_put(&sc->dirs, sc->dir_names.v[sc->dir_names.n - 1], (void *)(fd + 2));
    }
    if (fd >= 0) {
        free(sc->last_dir);
        sc->last_dir = dir;
        sc->last_fd = (int)fd;
    } else {
        free(dir);
    }
    return fd >= 0 ? fstatat((int)fd, slash + 1, st, flags) : fstatat(AT_FDCWD, path, st, flags);
}

/* Appends v in decimal, at least width digits (zeros before). */
static char *put_dec(char *p, unsigned long long v, int width)
{
    char d[24];
    int n = 0;
    do
        d[n++] = (char)('0' + v % 10);
    while ((v /= 10) != 0);
    while (n < width)
        d[n++] = '0';
    while (n)
        *p++ = d[--n];
    return p;
}

/* Keeps path's line in the cache (size, modification time in ns and
 * inode from st; "-" when there is no st); returns it. Written by hand:
 * printf was a sixth of a build that finds nothing changed. */
static const char *keep_line(stat_cache *sc, const char *path, const struct stat *st)
{
    size_t pl = strlen(path);
    char *line, *p, *key = NULL;
    if (sc->lean) {
        kg_buf_reset(&sc->scratch);
        kg_buf_grow(&sc->scratch, pl + 80);
        line = sc->scratch.ptr;
    } else {
        /* the byte, the path (the map's key), then the line, in one piece */
        key = kg_pool_alloc(&sc->mem, 2 * pl + 82);
        *key++ = 0;
        memcpy(key, path, pl + 1);
        line = key + pl + 1;
    }
    p = line;
    memcpy(p, path, pl);
    p += pl;
    *p++ = '\t';
    if (st) {
        if (st->st_size < 0 || st->st_mtim.tv_sec < 0) { /* (not on any file system kg reads) */
            p += sprintf(p, "%lld\t%lld.%09ld", (long long)st->st_size, (long long)st->st_mtim.tv_sec,
                         (long)st->st_mtim.tv_nsec);
        } else {
            p = put_dec(p, (unsigned long long)st->st_size, 1);
            *p++ = '\t';
            p = put_dec(p, (unsigned long long)st->st_mtim.tv_sec, 1);
            *p++ = '.';
            p = put_dec(p, (unsigned long long)st->st_mtim.tv_nsec, 9);
        }
        *p++ = '\t';
        p = put_dec(p, (unsigned long long)st->st_ino, 1);
    } else {
        *p++ = '-';
    }
    *p++ = '\n';
    *p = '\0';
    if (sc->lean)
        return line;
    kg_pool_trim(&sc->mem, p + 1);
    sc->last_key = key;
    kg_hmap_put(&sc->by_path, key, line);
    return line;
}

static const char *line_of(stat_cache *sc, const char *path)
{
    const char *l = sc->lean ? NULL : kg_hmap_get(&sc->by_path, path);
    if (l)
        return l;
    struct stat st;
    return keep_line(sc, path, stat_at(sc, path, &st, 1) == 0 ? &st : NULL);
}

/* A facts file's line, from lstat when it is no symbolic link (one call
 * tells both). */
static const char *facts_line_of(stat_cache *sc, const char *path)
{
    const char *l = sc->lean ? NULL : kg_hmap_get(&sc->by_path, path);
    struct stat st;
    if (l || stat_at(sc, path, &st, 0) != 0 || S_ISLNK(st.st_mode))
        return l ? l : line_of(sc, path);
    l = keep_line(sc, path, &st);
    if (sc->lean)
        return l;
    ((char *)sc->last_key)[-1] = 1; /* (no link) */
    return l;
}

/* 1 if path is a facts file whose lstat said it is no symbolic link. */
static int known_no_link(stat_cache *sc, const char *path)
{
    const char *line = kg_hmap_get(&sc->by_path, path);
    return line && line[-(ptrdiff_t)strlen(path) - 2] == 1;
}

static void stat_cache_free(stat_cache *sc)
{
    for (size_t i = 0; i < sc->dir_names.n; i++) {
        intptr_t fd = (intptr_t)kg_hmap_get(&sc->dirs, sc->dir_names.v[i]) - 2;
        if (fd >= 0)
            close((int)fd);
    }
    free(sc->last_dir);
    kg_hmap_free(&sc->by_path);
    kg_hmap_free(&sc->dirs);
    kg_pool_free(&sc->mem);
    kg_strv_free(&sc->dir_names);
    kg_buf_free(&sc->scratch);
}

/* The facts files' part, into b, and the files in the order the build
 * reads them into files. The first line says what else a file's findings
 * depend on: kg's version, the schema, the base folder and the folders
 * source texts may be in. -1 when a PATH cannot be listed (the build then
 * reports it). */
static int facts_part(char *const *paths, int n, const char *base, kg_buf *b, kg_strv *files,
                      stat_cache *sc)
{
    kg_corpus roots = KG_CORPUS_INIT;
    kg_buf_printf(b, "kg %s schema %d base %s roots", KG_VERSION, KG_STORE_SCHEMA_VERSION, base ? base : "");
    if (kg_cli_source_roots(&roots, paths, n) == 0)
        for (size_t i = 0; i < roots.source_roots.n; i++)
            kg_buf_printf(b, "\t%s", roots.source_roots.v[i]);
    kg_buf_putc(b, '\n');
    kg_corpus_free(&roots);
    for (int i = 0; i < n; i++) {
        kg_strv fv = { NULL, 0, 0 };
        if (kg_yaml_files(paths[i], &fv) < 0) {
            kg_strv_free(&fv);
            return -1;
        }
        kg_buf_printf(b, "path %s\n", paths[i]);
        kg_buf_grow(b, fv.n * (strlen(paths[i]) + 64)); /* (a line each, about) */
        if (!sc->lean) /* (each file's line and its source's) */
            kg_hmap_reserve(&sc->by_path, sc->by_path.n + 2 * fv.n);
        for (size_t k = 0; k < fv.n; k++) {
            kg_buf_puts(b, facts_line_of(sc, fv.v[k]));
            KG_VEC_PUSH(files->v, files->n, files->cap);
            files->v[files->n++] = fv.v[k]; /* (files owns it now) */
        }
        free(fv.v);
    }
    return 0;
}

/* The fingerprint (hex) of the facts part and the sources, one a line
 * (hashed as they come: the text would be a few MB at 10,000 files). */
static void fingerprint(const kg_buf *facts, const char *sources, char out[65], stat_cache *sc)
{
    kg_sha256 *h = kg_sha256_begin();
    kg_sha256_add(h, facts->ptr, facts->len);
    kg_sha256_add(h, "sources\n", 8);
    kg_buf one = KG_BUF_INIT;
    for (const char *p = sources; *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        kg_buf_reset(&one);
        kg_buf_add(&one, p, n);
        const char *line = line_of(sc, one.ptr);
        kg_sha256_add(h, line, strlen(line));
        p += n + (nl ? 1 : 0);
    }
    kg_buf_free(&one);
    kg_sha256_end(h, out);
}

static int cmp_line(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Appends the lines of list (NULL: none) to v. */
static void split_lines(const char *list, kg_strv *v)
{
    for (const char *p = list; p && *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        KG_VEC_PUSH(v->v, v->n, v->cap);
        v->v[v->n++] = kg_xstrndup(p, n);
        p += n + (nl ? 1 : 0);
    }
}

/* The lines of list sorted, each once (malloc'd). */
static char *sorted_unique(const char *list)
{
    kg_strv v = { NULL, 0, 0 };
    split_lines(list, &v);
    if (v.n)
        qsort(v.v, v.n, sizeof *v.v, cmp_line);
    kg_buf b = KG_BUF_INIT;
    for (size_t i = 0; i < v.n; i++)
        if (i == 0 || strcmp(v.v[i], v.v[i - 1]) != 0) {
            kg_buf_puts(&b, v.v[i]);
            kg_buf_putc(&b, '\n');
        }
    kg_strv_free(&v);
    kg_buf_putc(&b, '\0');
    b.len--;
    return kg_buf_detach(&b, NULL);
}

/* The rows of the store's inputs table: "KIND\tLINE" per facts file (f)
 * and source text (s), for a full build. */
static void all_rows(kg_buf *rows, const kg_strv *files, const char *sources, stat_cache *sc)
{
    for (size_t i = 0; i < files->n; i++)
        kg_buf_printf(rows, "f\t%s", line_of(sc, files->v[i]));
    for (const char *p = sources; p && *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        char *one = kg_xstrndup(p, n);
        kg_buf_printf(rows, "s\t%s", line_of(sc, one));
        free(one);
        p += n + (nl ? 1 : 0);
    }
}

/* The lines of the last build (the store's inputs table): path -> its
 * line, one map for the facts files and one for the sources. */
typedef struct old_stats {
    const char **paths, **lines; /* (in mem) */
    size_t n, cap;
    kg_pool mem;
    kg_hmap facts, sources;
    kg_buf source_list;       /* the sources' paths, one a line, in byte order */
    int ok;                   /* the sources were read (the last build's head is this one's) */
    size_t n_sources;         /* paths and lines [0, n_sources) are the sources' */
    int sources_mapped;       /* sources is filled (only the incremental build asks) */
} old_stats;

/* Reads the stored lines; 0, or -1 when there are none or the first line
 * of the last build (kg, schema, base, source folders: meta input_head)
 * differs from head's. */
static int old_stats_read(kg_store *s, const kg_buf *head, old_stats *o, int sources, int lean)
{
    if (sources) {
        memset(o, 0, sizeof *o);
        char *h = kg_store_meta(s, "input_head");
        const char *hn = memchr(head->ptr, '\n', head->len);
        int same = h && hn && strlen(h) == (size_t)(hn - head->ptr) + 1 && memcmp(h, head->ptr, strlen(h)) == 0;
        free(h);
        if (!same)
            return -1;
        kg_buf_putc(&o->source_list, '\0');
        o->source_list.len = 0;
    }
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(kg_store_db(s), lean ? "SELECT path FROM inputs WHERE kind = ?1 ORDER BY path"
                                                : "SELECT path, line FROM inputs WHERE kind = ?1 ORDER BY path",
                           -1, &q, NULL) != SQLITE_OK) {
        sqlite3_finalize(q);
        return -1;
    }
    sqlite3_bind_text(q, 1, sources ? "s" : "f", -1, SQLITE_STATIC);
    size_t first = o->n;
    while (lean && sqlite3_step(q) == SQLITE_ROW) { /* (the sources' list alone) */
        kg_buf_puts(&o->source_list, (const char *)sqlite3_column_text(q, 0));
        kg_buf_putc(&o->source_list, '\n');
    }
    while (!lean && sqlite3_step(q) == SQLITE_ROW) {
        if (o->n == o->cap) {
            o->cap = o->cap ? 2 * o->cap : 1024;
            o->paths = kg_xrealloc(o->paths, o->cap * sizeof *o->paths);
            o->lines = kg_xrealloc(o->lines, o->cap * sizeof *o->lines);
        }
        o->paths[o->n] = kg_pool_strdup(&o->mem, (const char *)sqlite3_column_text(q, 0));
        o->lines[o->n++] = kg_pool_strdup(&o->mem, (const char *)sqlite3_column_text(q, 1));
    }
    sqlite3_finalize(q);
    if (!sources)
        kg_hmap_reserve(&o->facts, o->n - first);
    for (size_t i = first; i < o->n; i++) {
        if (!sources) {
            kg_hmap_put(&o->facts, o->paths[i], (void *)o->lines[i]);
            continue;
        }
        kg_buf_puts(&o->source_list, o->paths[i]);
        kg_buf_putc(&o->source_list, '\n');
    }
    if (sources) {
        o->ok = 1;
        o->n_sources = o->n;
    }
    return 0;
}

/* The sources' map, made when first asked (a store found up to date
 * needs only their list). */
static void old_sources_map(old_stats *o)
{
    if (o->sources_mapped)
        return;
    o->sources_mapped = 1;
    kg_hmap_reserve(&o->sources, o->n_sources);
    for (size_t i = 0; i < o->n_sources; i++)
        kg_hmap_put(&o->sources, o->paths[i], (void *)o->lines[i]);
}

/* 1 if the stored line of path (in map m) is the line now. */
static int old_same(const old_stats *o, const kg_hmap *m, const char *path, stat_cache *sc)
{
    (void)o;
    const char *old = kg_hmap_get(m, path), *now = line_of(sc, path);
    size_t n = strlen(now) - 1; /* (without its line feed) */
    return old && strlen(old) == n && memcmp(old, now, n) == 0;
}

static void old_stats_free(old_stats *o)
{
    free(o->paths);
    free(o->lines);
    kg_pool_free(&o->mem);
    kg_hmap_free(&o->facts);
    kg_hmap_free(&o->sources);
    kg_buf_free(&o->source_list);
}

/* 1 when the store at db was built from exactly these inputs (the summary
 * printed unless quiet), else 0 (the build goes on and says why not). */
static int up_to_date(const char *db, const kg_buf *facts, int quiet, double t0, stat_cache *sc, old_stats *o)
{
    struct stat st;
    if (stat(db, &st) != 0 || !S_ISREG(st.st_mode))
        return 0;
    kg_store *s = NULL;
    kg_diag d = KG_DIAG_INIT;
    int same = 0;
    if (kg_store_open(&s, db, KG_STORE_READONLY, &d) == 0) {
        /* the lines of the last build, also for the incremental build */
        char *fp = kg_store_meta(s, "input_fingerprint");
        char now[65];
        if (fp && old_stats_read(s, facts, o, 1, sc->lean) == 0) {
            fingerprint(facts, o->source_list.ptr, now, sc);
            same = strcmp(fp, now) == 0;
        }
        if (same && !quiet) {
            kg_build_stats bs;
            kg_store_counts(s, &bs);
            bs.unchanged = bs.files; /* (documents: the grammar files listed are none) */
            print_summary(db, "up to date, no file read: ", &bs, t0, 0);
        }
        free(fp);
        kg_store_close(s);
    }
    kg_diag_free(&d);
    return same;
}

int kg_cli_store_current(const char *db, char *const *paths, int npaths)
{
    const kg_project *proj;
    if (npaths <= 0 || kg_cli_project(&proj) != 0)
        return 0;
    char base[PATH_MAX];
    const char *b = proj && realpath(proj->root, base) ? base : NULL;
    kg_buf facts = KG_BUF_INIT;
    stat_cache sc = STAT_CACHE_INIT;
    kg_strv files = { NULL, 0, 0 };
    old_stats o;
    memset(&o, 0, sizeof o);
    sc.lean = 1;
    /* (what kg_cmd_build does before it reads a file: the same answer) */
    int current = facts_part(paths, npaths, b, &facts, &files, &sc) == 0 &&
                  up_to_date(db, &facts, 1, 0, &sc, &o);
    old_stats_free(&o);
    stat_cache_free(&sc);
    kg_strv_free(&files);
    kg_buf_free(&facts);
    return current;
}

/* ---- one file changed: only it is read ----
 *
 * The last build stored the lines its fingerprint was made of (meta
 * input_stats). A facts file whose line is the same, and whose source
 * text's line is the same, is as the last build read it; one whose line
 * differs is read and hashed, and counts as changed when its bytes (or
 * its source text's) differ from what the store holds. Only the changed
 * files are read and checked; kg_store_update checks them against the
 * store and loads them. When it cannot tell the result is right (a
 * finding, or a change other files see), the full build runs: every file
 * checked, the exact findings. */

/* The rows of the inputs table that changed: lines that differ or are new
 * into rows ("KIND\tLINE"), paths no longer there into gone
 * ("KIND\tPATH"). */
static void changed_rows(const old_stats *o, const kg_strv *files, const char *sources, stat_cache *sc,
                         kg_buf *rows, kg_buf *gone)
{
    kg_hmap now = KG_HMAP_INIT;
    for (size_t i = 0; i < files->n; i++) {
        kg_hmap_put(&now, files->v[i], (void *)1);
        if (!old_same(o, &o->facts, files->v[i], sc))
            kg_buf_printf(rows, "f\t%s", line_of(sc, files->v[i]));
    }
    for (size_t i = 0; i < o->facts.cap; i++)
        if (o->facts.keys && o->facts.keys[i] && !kg_hmap_get(&now, o->facts.keys[i]))
            kg_buf_printf(gone, "f\t%s\n", o->facts.keys[i]);
    kg_hmap_free(&now); /* (empty again) */
    kg_strv src = { NULL, 0, 0 };
    split_lines(sources, &src);
    for (size_t i = 0; i < src.n; i++) {
        kg_hmap_put(&now, src.v[i], (void *)1);
        if (!old_same(o, &o->sources, src.v[i], sc))
            kg_buf_printf(rows, "s\t%s", line_of(sc, src.v[i]));
    }
    for (size_t i = 0; i < o->sources.cap; i++)
        if (o->sources.keys && o->sources.keys[i] && !kg_hmap_get(&now, o->sources.keys[i]))
            kg_buf_printf(gone, "s\t%s\n", o->sources.keys[i]);
    kg_hmap_free(&now);
    kg_strv_free(&src);
}

/* 1 if the SHA-256 of the file at path is hex (a file that cannot be read
 * has none). */
static int same_sha(const char *path, const char *hex, size_t max)
{
    size_t len;
    char *data = kg_read_file(path, &len, max), now[65];
    if (!data)
        return 0;
    kg_sha256_hex(data, len, now);
    free(data);
    return strcmp(now, hex) == 0;
}

/* What the store holds of each file. */
typedef struct stored_docs {
    kg_hmap by_key;                   /* documents.file -> row + 1 */
    const char **key, **sha, **src, **src_sha; /* per row ("" for NULL; in mem) */
    size_t n, cap;
    kg_pool mem;
    char *seen;
} stored_docs;

static int stored_read(kg_store *s, stored_docs *sd)
{
    memset(sd, 0, sizeof *sd);
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(kg_store_db(s),
                           "SELECT file, file_sha256, coalesce(source_path, ''),"
                           " coalesce(source_seen_sha256, '') FROM documents",
                           -1, &q, NULL) != SQLITE_OK) {
        sqlite3_finalize(q);
        return -1;
    }
    while (sqlite3_step(q) == SQLITE_ROW) {
        if (sd->n == sd->cap) {
            sd->cap = sd->cap ? 2 * sd->cap : 1024;
            sd->key = kg_xrealloc(sd->key, sd->cap * sizeof *sd->key);
            sd->sha = kg_xrealloc(sd->sha, sd->cap * sizeof *sd->sha);
            sd->src = kg_xrealloc(sd->src, sd->cap * sizeof *sd->src);
            sd->src_sha = kg_xrealloc(sd->src_sha, sd->cap * sizeof *sd->src_sha);
        }
        const char *t[4];
        for (int k = 0; k < 4; k++)
            t[k] = kg_pool_strdup(&sd->mem, sqlite3_column_text(q, k) ? (const char *)sqlite3_column_text(q, k) : "");
        sd->key[sd->n] = t[0], sd->sha[sd->n] = t[1], sd->src[sd->n] = t[2], sd->src_sha[sd->n] = t[3];
        sd->n++;
    }
    sqlite3_finalize(q);
    kg_hmap_reserve(&sd->by_key, sd->n);
    for (size_t i = 0; i < sd->n; i++)
        kg_hmap_put(&sd->by_key, sd->key[i], (void *)(uintptr_t)(i + 1));
    sd->seen = kg_xcalloc(sd->n + 1, 1);
    return 0;
}

static void stored_free(stored_docs *sd)
{
    kg_hmap_free(&sd->by_key);
    free(sd->key);
    free(sd->sha);
    free(sd->src);
    free(sd->src_sha);
    kg_pool_free(&sd->mem);
    free(sd->seen);
}

/* Sorts the listed files into changed (paths to read) and unchanged
 * (their source texts into sources, one a line), and the stored files no
 * longer listed into removed (keys). -1 when only a full build can tell
 * (the same file listed twice). */
/* kg_store_file_key, with the real path of each folder taken once (a
 * file that is itself a symbolic link asks kg_store_file_key). */
static char *file_key(const char *path, const char *base, kg_hmap *dirs, kg_strv *keep, stat_cache *sc)
{
    const char *slash = strrchr(path, '/');
    if (!base || !known_no_link(sc, path))
        return kg_store_file_key(path, base);
    char *dir = slash ? kg_xstrndup(path, (size_t)(slash - path)) : kg_xstrdup(".");
    if (!*dir) { /* "/x" */
        free(dir);
        return kg_store_file_key(path, base);
    }
    const char *real = kg_hmap_get(dirs, dir);
    if (!real) {
        char rp[PATH_MAX];
        kg_strv_push(keep, dir);
        kg_strv_push(keep, realpath(dir, rp) ? rp : "");
        real = keep->v[keep->n - 1];
        kg_hmap_put(dirs, keep->v[keep->n - 2], (void *)real);
    }
    free(dir);
    size_t bl = strlen(base), rl = strlen(real);
    if (!*real)
        return kg_store_file_key(path, base);
    if (strncmp(real, base, bl) != 0 || (real[bl] != '/' && real[bl] != '\0'))
        return kg_store_file_key(path, NULL); /* (its real path is outside base too) */
    kg_buf k = KG_BUF_INIT;
    if (rl > bl)
        kg_buf_printf(&k, "%s/", real + bl + 1);
    kg_buf_puts(&k, slash ? slash + 1 : path);
    return kg_buf_detach(&k, NULL);
}

static int sort_files(const kg_strv *files, const char *base, const old_stats *o, stored_docs *sd,
                      kg_strv *changed, kg_buf *sources, kg_strv *removed, stat_cache *sc)
{
    kg_hmap dirs = KG_HMAP_INIT;
    kg_strv keep = { NULL, 0, 0 };
    int rc = 0;
    for (size_t i = 0; i < files->n && rc == 0; i++) {
        const char *f = files->v[i];
        char *key = file_key(f, base, &dirs, &keep, sc);
        long row = (long)(uintptr_t)kg_hmap_get(&sd->by_key, key) - 1;
        free(key);
        if (row < 0) {
            kg_strv_push(changed, f);
            continue;
        }
        if (sd->seen[row]) {
            rc = -1;
            break;
        }
        sd->seen[row] = 1;
        const char *src = sd->src[row];
        int same = old_same(o, &o->facts, f, sc), src_same = !*src || old_same(o, &o->sources, src, sc);
        int unchanged = same && src_same;
        if (!unchanged)
            unchanged = same_sha(f, sd->sha[row], 0) &&
                        (src_same || same_sha(src, sd->src_sha[row], 64u << 20));
        if (!unchanged)
            kg_strv_push(changed, f);
        else if (*src && !strchr(src, '\n'))
            kg_buf_printf(sources, "%s\n", src);
    }
    for (size_t i = 0; i < sd->n && rc == 0; i++)
        if (!sd->seen[i])
            kg_strv_push(removed, sd->key[i]);
    kg_hmap_free(&dirs);
    kg_strv_free(&keep);
    return rc;
}

/* The build from the changed files alone: an exit status, or -1 when the
 * full build must run (nothing written, nothing printed). */
static int try_incremental(const char *db, char *const *paths, int npaths, const kg_buf *facts,
                           const kg_strv *files, const build_args *a, kg_build_opts *bo, double t0,
                           stat_cache *sc, old_stats *o)
{
    struct stat dst;
    if (bo->force_rebuild || stat(db, &dst) != 0 || !S_ISREG(dst.st_mode))
        return -1;
    kg_store *s = NULL;
    kg_diag d = KG_DIAG_INIT;
    kg_corpus c = KG_CORPUS_INIT;
    stored_docs sd;
    kg_strv changed = { NULL, 0, 0 }, removed = { NULL, 0, 0 };
    kg_buf sources = KG_BUF_INIT, text = KG_BUF_INIT, gone = KG_BUF_INIT;
    int rc = -1, have_sd = 0;
    if (!o->ok || kg_store_open(&s, db, 0, &d) != 0 || old_stats_read(s, facts, o, 0, 0) != 0 || !o->facts.n)
        goto out; /* (no lines of a last build) */
    old_sources_map(o);
    have_sd = 1;
    if (stored_read(s, &sd) != 0 || sort_files(files, bo->base, o, &sd, &changed, &sources, &removed, sc) != 0)
        goto out;
    if (kg_cli_source_roots(&c, paths, npaths) != 0)
        goto out;
    for (size_t i = 0; i < changed.n; i++)
        if (kg_facts_load_file(&c, changed.v[i], &d) != 0)
            goto out; /* an error: the full build reports it */
    for (size_t i = 0; i < c.n; i++) {
        char *p = kg_source_path(&c, c.docs[i]);
        if (p && !strchr(p, '\n'))
            kg_buf_printf(&sources, "%s\n", p);
        free(p);
    }
    char fp[65];
    char *srcs = sorted_unique(sources.ptr), *head = kg_xstrndup(facts->ptr, strcspn(facts->ptr, "\n") + 1);
    fingerprint(facts, srcs, fp, sc);
    changed_rows(o, files, srcs, sc, &text, &gone);
    bo->fingerprint = fp;
    bo->input_head = head;
    bo->input_rows = text.ptr ? text.ptr : "";
    bo->input_gone = gone.ptr ? gone.ptr : "";
    kg_build_stats st;
    int r = kg_store_update(s, &c, &removed, bo, &st, &d);
    bo->fingerprint = bo->input_head = bo->input_rows = bo->input_gone = NULL;
    free(srcs);
    free(head);
    if (r == KG_STORE_FULL)
        goto out;
    rc = KG_EXIT_IO;
    if (r == KG_STORE_OK) {
        int fin = kg_store_finish(s, &d);
        s = NULL;
        if (fin == 0)
            rc = KG_EXIT_OK;
    }
    kg_diag_sort(&d);
    kg_cli_print_diag(&d, a->show);
    if (rc == KG_EXIT_OK && !a->quiet)
        print_summary(db, "", &st, t0, c.files_read);
out:
    kg_store_close(s);
    if (have_sd)
        stored_free(&sd);
    kg_strv_free(&changed);
    kg_strv_free(&removed);
    kg_buf_free(&sources);
    kg_buf_free(&text);
    kg_buf_free(&gone);
    kg_corpus_free(&c);
    kg_diag_free(&d);
    return rc;
}

/* The full build, one document at a time. */
typedef struct build_each {
    kg_xcheck *x;
    kg_store_stream *b;       /* NULL when the store could not be opened */
    kg_diag *d, *sd;
    kg_buf *sources;          /* the source texts read, one a line */
    int store_rc;             /* the first failure of the store */
} build_each;

static void build_one(void *ctx, const kg_corpus *c, const kg_doc *doc)
{
    build_each *be = ctx;
    kg_xcheck_add(be->x, c, doc, be->d);
    char *p = kg_source_path(c, doc);
    if (p && !strchr(p, '\n'))
        kg_buf_printf(be->sources, "%s\n", p);
    free(p);
    /* once the facts have an error nothing more is stored (the build will
     * be rolled back), but every file is still checked */
    if (be->b && be->store_rc == KG_STORE_OK && !be->d->errors)
        be->store_rc = kg_store_stream_add(be->b, c, doc);
}

int kg_cmd_build(int argc, char **argv)
{
    build_args a = { NULL, 0, 0 };
    kg_build_opts bo;
    memset(&bo, 0, sizeof bo);
    int c;
    if ((c = parse_build_args(argc, argv, &a, &bo)) != 0)
        return c;
    const kg_project *proj;
    if ((c = kg_cli_project(&proj)) != 0)
        return c;
    const char *db = a.db ? a.db : kg_cli_out_path("kg.sqlite");
    char base[PATH_MAX];
    if (proj && realpath(proj->root, base))
        bo.base = base; /* the same keys from every folder of the project */

    double t0 = now_s();
    /* the inputs' fingerprint, taken before anything is read: a file
     * changed while the build reads it then differs next time */
    kg_buf facts = KG_BUF_INIT;
    stat_cache sc = STAT_CACHE_INIT;
    kg_strv dflt = { NULL, 0, 0 }, files = { NULL, 0, 0 };
    char *const *paths = argv + optind;
    int npaths = argc - optind, have_fp = 0;
    if (npaths > 0 || (proj && kg_cli_default_paths(kg_cli_command, &dflt) == 0)) {
        if (npaths <= 0)
            paths = dflt.v, npaths = (int)dflt.n;
        have_fp = facts_part(paths, npaths, bo.base, &facts, &files, &sc) == 0;
    }
    old_stats o;
    memset(&o, 0, sizeof o);
    if (have_fp && !bo.force_rebuild && up_to_date(db, &facts, a.quiet, t0, &sc, &o)) {
        old_stats_free(&o);
        stat_cache_free(&sc);
        kg_strv_free(&dflt);
        kg_strv_free(&files);
        kg_buf_free(&facts);
        return KG_EXIT_OK;
    }
    c = have_fp ? try_incremental(db, paths, npaths, &facts, &files, &a, &bo, t0, &sc, &o) : -1;
    old_stats_free(&o);
    if (c >= 0) {
        stat_cache_free(&sc);
        kg_strv_free(&dflt);
        kg_strv_free(&files);
        kg_buf_free(&facts);
        return c;
    }
    kg_strv_free(&dflt);

    /* every file, one at a time: checked (kg_xcheck) and, while no error
     * is found, loaded into the open transaction; the checks across
     * documents at the end decide between COMMIT and ROLLBACK */
    kg_corpus corpus = KG_CORPUS_INIT;
    kg_diag d = KG_DIAG_INIT, sd = KG_DIAG_INIT; /* sd: the store's findings */
    kg_store *s = NULL;
    kg_build_stats st;
    char fp[65];
    kg_buf stats_text = KG_BUF_INIT, sources = KG_BUF_INIT;
    build_each be = { kg_xcheck_new(), NULL, &d, &sd, &sources, KG_STORE_OK };
    memset(&st, 0, sizeof st);
    if (make_parent(db) != 0) {
        be.store_rc = KG_STORE_ERROR;
    } else if ((bo.force_rebuild && kg_store_set_aside_damaged(db, &sd) < 0) ||
               kg_store_open(&s, db, 0, &sd) != 0 ||
               kg_store_stream_begin(s, &bo, &st, &sd, &be.b) != KG_STORE_OK) {
        be.store_rc = KG_STORE_ERROR;
    }
    int rc = kg_cli_each(&corpus, &d, argc, argv, optind, build_one, &be);
    if (rc && rc != KG_EXIT_IO) { /* no project, or a broken kg.yaml (reported) */
        kg_store_stream_end(be.b, 0);
        kg_store_close(s);
        kg_xcheck_free(be.x);
        kg_strv_free(&files);
        kg_buf_free(&facts);
        kg_buf_free(&sources);
        stat_cache_free(&sc);
        kg_diag_free(&d);
        kg_diag_free(&sd);
        kg_corpus_free(&corpus);
        return rc;
    }
    kg_xcheck_end(be.x, &d);
    kg_xcheck_free(be.x);
    if (rc == KG_EXIT_OK && d.errors)
        rc = KG_EXIT_FINDINGS;
    if (rc == KG_EXIT_OK && be.store_rc == KG_STORE_REFUSED)
        rc = KG_EXIT_FINDINGS; /* (a file given twice) */
    else if (rc == KG_EXIT_OK && be.store_rc != KG_STORE_OK)
        rc = KG_EXIT_IO;
    char *srcs = NULL, *head = NULL;
    if (rc == KG_EXIT_OK && have_fp) {
        srcs = sorted_unique(sources.ptr);
        head = kg_xstrndup(facts.ptr, strcspn(facts.ptr, "\n") + 1);
        fingerprint(&facts, srcs, fp, &sc);
        all_rows(&stats_text, &files, srcs, &sc);
        bo.fingerprint = fp;
        bo.input_head = head;
        bo.input_rows = stats_text.ptr ? stats_text.ptr : "";
        bo.input_all = 1;
    }
    kg_buf_free(&facts);
    stat_cache_free(&sc);
    if (rc == KG_EXIT_OK && kg_store_stream_end(be.b, 1) != KG_STORE_OK)
        rc = KG_EXIT_IO;
    else if (rc != KG_EXIT_OK)
        kg_store_stream_end(be.b, 0);
    kg_buf_free(&sources);
    kg_buf_free(&stats_text);
    kg_strv_free(&files);
    free(srcs);
    free(head);
    /* the store's findings matter when the facts had none */
    if (rc != KG_EXIT_FINDINGS || be.store_rc == KG_STORE_REFUSED)
        for (size_t i = 0; i < sd.n; i++)
            kg_diag_add(&d, sd.v[i].sev, sd.v[i].file, sd.v[i].line, sd.v[i].col, "%s", sd.v[i].msg);
    kg_diag_free(&sd);
    if (rc != KG_EXIT_OK)
        goto done;
    /* a new store is renamed into place only now, complete */
    int fin = kg_store_finish(s, &d);
    s = NULL;
    kg_diag_sort(&d);
    kg_cli_print_diag(&d, a.show);
    if (fin != 0)
        rc = KG_EXIT_IO;
    else if (!a.quiet)
        print_summary(db, "", &st, t0, corpus.files_read);
    kg_diag_free(&d);
    kg_corpus_free(&corpus);
    return rc;
done:
    kg_diag_sort(&d);
    kg_cli_print_diag(&d, a.show);
    if (rc == KG_EXIT_FINDINGS)
        kg_cli_error("build: %zu error%s; %s was not changed", d.errors, d.errors == 1 ? "" : "s",
                     db);
    kg_store_close(s);
    kg_diag_free(&d);
    kg_corpus_free(&corpus);
    return rc;
}
