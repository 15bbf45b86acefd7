/* cmd_watch.c - 'kg watch': the live loop. Watches the facts, lexicons,
 * articles, kg.yaml and style files with inotify and, after each change
 * (debounced: an editor's save is several events), checks the facts as
 * 'kg check' does and, when they have no errors, runs what the project
 * renders - kg build, kg graph, kg timeline, kg report - into OUT/, by
 * calling those commands' own functions (each writes its file atomically).
 *
 * Each run is a forked child: it reads kg.yaml afresh (the parent never
 * fills the project cache of project.c), a failure in it cannot end the
 * loop, and Ctrl-C (which the child ignores) lets the run under way finish
 * so that out/ is never left half-made.
 *
 * A page open in a browser follows the runs through OUT/.kg-watch.js, a
 * one-line script rewritten after every run that rendered the report:
 * OUT/watch.html (written by kg watch) shows report.html in a frame and
 * reloads it when that script says a new stamp. A report page can reload
 * itself with this script (no user text in it; it stops at once when there
 * is no .kg-watch.js beside the page, as in a published copy):
 *
 *   <script>(function () {
 *     var seen = null;
 *     window.kgWatch = function (stamp) {
 *       if (seen !== null && stamp !== seen) location.reload();
 *       seen = stamp;
 *     };
 *     function poll() {
 *       var s = document.createElement('script');
 *       s.src = '.kg-watch.js?' + Date.now();
 *       s.onload = function () { s.remove(); setTimeout(poll, 1000); };
 *       s.onerror = function () { s.remove(); if (seen !== null) setTimeout(poll, 1000); };
 *       document.head.appendChild(s);
 *     }
 *     poll();
 *   })();</script>
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <dirent.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "cli.h"

const char kg_help_watch[] =
    "usage: kg watch [PATH...] [--once] [--no-render] [--show-source]\n"
    "\n"
    "The live loop: checks the facts as 'kg check' does and, when they have\n"
    "no errors, updates what the project renders, then again after every\n"
    "save. PATHs are facts files or folders (default: the project's facts and\n"
    "lexicons, see 'kg help init'); the project's kg.yaml, articles folder and\n"
    "style files are watched too. Every folder below a PATH is watched, also\n"
    "one made later; hidden folders and the output folder are not.\n"
    "\n"
    "Each run prints the errors and warnings as 'kg check' does (FILE:LINE:COL,\n"
    "on standard error) and one line on standard output that starts with the\n"
    "time: '[14:03:22] ok: ...' or '[14:03:22] 2 errors, 0 warnings in 3\n"
    "files; OUT/ not updated'. When there are no errors it runs, as those\n"
    "commands do with no options, 'kg build' (incremental: only changed files\n"
    "are loaded), 'kg graph -o OUT/graph.svg', 'kg timeline -o\n"
    "OUT/timeline.svg' and 'kg report' (OUT/report.html); each file is\n"
    "replaced atomically. A step that fails prints what it said. OUT is the\n"
    "project's output folder (outside a project: out/).\n"
    "\n"
    "After each run that wrote the report, OUT/.kg-watch.js gets a new stamp,\n"
    "and OUT/watch.html is written: open that page in a browser (file:// is\n"
    "fine) to see the report reloaded after every save.\n"
    "\n"
    "A save is waited out: the run starts once the files have been quiet for\n"
    "a fifth of a second (editors write a temporary file and rename it). A\n"
    "watched folder that is removed or renamed is reported, and watched again\n"
    "when it comes back. kg.yaml is read afresh for every run.\n"
    "\n"
    "  --once          one run, then exit with its status (no watching)\n"
    "  --no-render     only check, never write OUT/\n"
    "  --show-source   print the offending line and a caret under the column\n"
    "                  (the default when stderr is a terminal)\n"
    "\n"
    "Ctrl-C (SIGINT) or SIGTERM ends the loop after the run under way, if any,\n"
    "has finished (a second one ends that run at once). Linux only (inotify).\n"
    "\n"
    "exit status: 0 ended by Ctrl-C or SIGTERM; with --once 0 ok, 1 the facts\n"
    "have errors, 3 a path or an output could not be read or written; 2 usage;\n"
    "3 the folders cannot be watched (no inotify, or a PATH not there).\n";

/* The quiet time that ends a save, and the longest a run waits for quiet
 * while files keep changing (ms). */
enum { QUIET_MS = 200, MAX_WAIT_MS = 3000, MAX_DEPTH = 9 };

/* What a run does; the same for every run. */
typedef struct watch_opts {
    int once, no_render, show;
    char **paths; /* the PATHs given, or none */
    int n_paths;
} watch_opts;

/* ---- one run (in the child, or in-process with --once) ---- */

/* The local time of day, for the summary line. */
static void stamp_time(char *buf, size_t n)
{
    time_t t = time(NULL);
    struct tm tm;
    if (!localtime_r(&t, &tm) || !strftime(buf, n, "%H:%M:%S", &tm))
        snprintf(buf, n, "--:--:--");
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Forgets where the last getopt_long call stopped: glibc keeps a pointer
 * into the argv it parsed, and a command sets only optind = 1. */
static void reset_getopt(void)
{
    static char name[] = "kg";
    char *none[] = { name, NULL };
    optind = 0;
    opterr = 0;
    getopt(1, none, ":");
    optind = 1;
}

/* Runs one command's function (argv[0] its name) in a child process of
 * its own, with its standard output and error captured: printed to stderr
 * only when it fails, since what it says on success (a summary, the
 * warnings check printed already) is noise in the loop. A process per
 * step because Graphviz keeps state across contexts (its pango plugin
 * remembers a font name from a freed context: a second picture drawn in
 * the process after kg_render_cleanup reads freed memory). Returns the
 * step's exit status. */
static int run_step(kg_cmd_fn fn, const char *name, kg_strv *args)
{
    fflush(stdout);
    fflush(stderr);
    FILE *cap = tmpfile(); /* (without one, the step prints as it goes) */
    pid_t pid = fork();
    if (pid < 0) {
        kg_cli_error("watch: cannot run 'kg %s': %s", name, strerror(errno));
        if (cap)
            fclose(cap);
        return KG_EXIT_IO;
    }
    if (pid == 0) {
        if (cap) {
            dup2(fileno(cap), STDOUT_FILENO);
            dup2(fileno(cap), STDERR_FILENO);
        }
        kg_cli_command = name;
        reset_getopt();
        int rc = fn((int)args->n, args->v);
        if (fflush(stdout) != 0 && rc < KG_EXIT_IO)
            rc = KG_EXIT_IO;
        exit(rc);
    }
    int status, rc;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    rc = WIFEXITED(status) ? WEXITSTATUS(status) : KG_EXIT_IO;
    if (rc != KG_EXIT_OK) {
        char buf[4096];
        size_t n;
        if (cap)
            rewind(cap);
        while (cap && (n = fread(buf, 1, sizeof buf, cap)) > 0)
            fwrite(buf, 1, n, stderr);
        if (WIFSIGNALED(status))
            fprintf(stderr, "kg: watch: 'kg %s' ended by signal %d (a bug: please report it)\n",
                    name, WTERMSIG(status));
        else
            fprintf(stderr, "kg: watch: 'kg %s' failed (exit %d)\n", name, rc);
    }
    if (cap)
        fclose(cap);
    return rc;
}

/* The page that shows report.html and reloads it when kg watch says so:
 * it loads .kg-watch.js again every second (a script element works from
 * file://, where fetch does not), and .kg-watch.js calls kgWatch(stamp).
 * No user text is in it. */
static const char watch_page[] =
    "<!DOCTYPE html>\n"
    "<html lang=\"ko\"><head><meta charset=\"utf-8\">\n"
    "<title>kg watch: report.html</title>\n"
    "<style>html,body{margin:0;height:100%}"
    "iframe{display:block;border:0;width:100%;height:100%}</style>\n"
    "</head><body>\n"
    "<!-- written by kg watch: shows report.html and reloads it after every run -->\n"
    "<iframe id=\"report\" src=\"report.html\" title=\"report\"></iframe>\n"
    "<noscript><p><a href=\"report.html\">report.html</a></p></noscript>\n"
    "<script>\n"
    "var kgSeen = null;\n"
    "function kgWatch(stamp) {\n"
    "  if (kgSeen !== null && stamp !== kgSeen)\n"
    "    document.getElementById('report').src = 'report.html?' + encodeURIComponent(stamp);\n"
    "  kgSeen = stamp;\n"
    "  document.body.setAttribute('data-kg-stamp', stamp);\n"
    "}\n"
    "function kgPoll() {\n"
    "  var s = document.createElement('script');\n"
    "  s.src = '.kg-watch.js?' + Date.now();\n"
    "  s.onload = s.onerror = function () { s.remove(); };\n"
    "  document.head.appendChild(s);\n"
    "}\n"
    "kgPoll();\n"
    "setInterval(kgPoll, 1000);\n"
    "</script>\n"
    "</body></html>\n";

/* OUT/.kg-watch.js with a stamp no other run has, and OUT/watch.html;
 * both atomically. 0, or an exit status (reported). */
static int write_stamp(const char *out)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    kg_buf path = KG_BUF_INIT, js = KG_BUF_INIT, page = KG_BUF_INIT;
    kg_buf_printf(&js, "/* written by kg watch after every run; see watch.html */\n"
                       "kgWatch(\"%lld.%09ld-%ld\");\n",
                  (long long)ts.tv_sec, ts.tv_nsec, (long)getpid());
    kg_buf_puts(&page, watch_page);
    kg_buf_printf(&path, "%s/watch.html", out);
    int rc = kg_cli_write_out(path.ptr, &page);
    kg_buf_reset(&path);
    kg_buf_printf(&path, "%s/.kg-watch.js", out);
    if (rc == KG_EXIT_OK)
        rc = kg_cli_write_out(path.ptr, &js);
    kg_buf_free(&path);
    kg_buf_free(&js);
    kg_buf_free(&page);
    return rc;
}

/* args = NAME OPTION... -- PATH... */
static void step_args(kg_strv *args, const watch_opts *o, const char *name, const char *opt,
                      const char *val)
{
    kg_strv_free(args);
    kg_strv_push(args, name);
    if (opt)
        kg_strv_push(args, opt);
    if (val)
        kg_strv_push(args, val);
    kg_strv_push(args, "--");
    for (int i = 0; i < o->n_paths; i++)
        kg_strv_push(args, o->paths[i]);
}

/* The check, then the renders; prints the summary line. Returns the exit
 * status of the run. */
static int run_once(const watch_opts *o)
{
    double t0 = now_s();
    kg_cli_check_stats st;
    kg_strv args = { NULL, 0, 0 };
    step_args(&args, o, "check", NULL, NULL);
    kg_cli_command = "watch";
    int rc = kg_cli_check((int)args.n, args.v, 2, o->show, &st);
    char when[16];
    char *out = kg_xstrdup(kg_cli_out_path("."));
    out[strlen(out) - 2] = '\0'; /* OUT/. -> OUT */
    if (rc != KG_EXIT_OK || o->no_render) {
        fflush(stderr);
        stamp_time(when, sizeof when);
        if (!st.checked)
            printf("[%s] nothing checked (see above)", when);
        else if (rc == KG_EXIT_OK)
            printf("[%s] ok: %zu file%s, %zu warning%s", when, st.files,
                   st.files == 1 ? "" : "s", st.warnings, st.warnings == 1 ? "" : "s");
        else
            printf("[%s] %zu error%s, %zu warning%s", when, st.errors, st.errors == 1 ? "" : "s",
                   st.warnings, st.warnings == 1 ? "" : "s");
        if (st.checked && rc != KG_EXIT_OK && st.files)
            printf(" in %zu file%s", st.files, st.files == 1 ? "" : "s");
        if (st.unread)
            printf("; %zu path%s could not be read", st.unread, st.unread == 1 ? "" : "s");
        printf(o->no_render ? "\n" : "; %s/ not updated\n", out);
        goto done;
    }
    static const struct {
        const char *name;
        kg_cmd_fn fn;
        const char *opt, *file;
    } steps[] = {
        { "build", kg_cmd_build, "-q", NULL },
        { "graph", kg_cmd_graph, "-o", "graph.svg" },
        { "timeline", kg_cmd_timeline, "-o", "timeline.svg" },
        { "report", kg_cmd_report, NULL, NULL },
    };
    kg_buf failed = KG_BUF_INIT;
    int report_ok = 0;
    for (size_t i = 0; i < sizeof steps / sizeof *steps; i++) {
        char *file = steps[i].file ? kg_xstrdup(kg_cli_out_path(steps[i].file)) : NULL;
        step_args(&args, o, steps[i].name, steps[i].opt, file);
        int r = run_step(steps[i].fn, steps[i].name, &args);
        free(file);
        if (r != KG_EXIT_OK) {
            kg_buf_printf(&failed, "%s'kg %s'", failed.len ? ", " : "", steps[i].name);
            if (r > rc)
                rc = r;
        } else if (steps[i].fn == kg_cmd_report) {
            report_ok = 1;
        }
    }
    if (report_ok) {
        int r = write_stamp(out);
        if (r > rc)
            rc = r;
    }
    fflush(stderr);
    stamp_time(when, sizeof when);
    printf("[%s] ok: %zu file%s, %zu warning%s; ", when, st.files, st.files == 1 ? "" : "s",
           st.warnings, st.warnings == 1 ? "" : "s");
    if (failed.len)
        printf("%s failed (see above); %s/ partly updated\n", failed.ptr, out);
    else
        printf("%s/ updated: kg.sqlite, graph.svg, timeline.svg, report.html in %.2f s\n", out,
               now_s() - t0);
    kg_buf_free(&failed);
done:
    fflush(stdout);
    free(out);
    kg_strv_free(&args);
    return rc;
}

/* ---- the watcher (the parent) ---- */

/* What a watched folder is watched for (bits; one folder can be several). */
enum {
    W_FACTS = 1,  /* below a facts PATH: *.yaml and *.yml files, folders */
    W_OTHER = 2,  /* below the articles folder: any file but backups, folders */
    W_FILES = 4,  /* holds a single watched file (kg.yaml, a style, a PATH) */
    W_ANCHOR = 8, /* the nearest folder still there above a PATH that is gone */
};

typedef struct wentry {
    int wd, what;
    char *path; /* the folder's real path */
} wentry;

typedef struct watcher {
    int fd;           /* the inotify descriptor, -1 before the first scan */
    wentry *v;
    size_t n, cap;
    kg_strv files;    /* the single files: real folder path + "/" + name */
    kg_strv gone;     /* the PATHs reported gone (to say when they are back) */
    char *out;        /* the output folder, never watched */
    int full_warned;  /* the "too many folders" message was printed */
    kg_buf news;      /* what the scan has to say, printed once the watches are set */
} watcher;

static volatile sig_atomic_t interrupts;
static int out_closed; /* a run found standard output closed: the loop ends, exit 3 */
static int sig_pipe[2] = { -1, -1 };

static void on_signal(int sig)
{
    (void)sig;
    int e = errno;
    interrupts++;
    if (sig_pipe[1] >= 0 && write(sig_pipe[1], "x", 1) < 0) {
        /* the flag is what counts; the pipe only wakes poll */
    }
    errno = e;
}

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static int has_suffix(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && strcmp(s + a - b, suf) == 0;
}

/* 1 if path is the output folder (same file, so any spelling of it). */
static int is_out(const watcher *w, const char *path)
{
    struct stat a, b;
    return w->out && stat(path, &a) == 0 && stat(w->out, &b) == 0 && a.st_dev == b.st_dev &&
           a.st_ino == b.st_ino;
}

static wentry *find_wd(watcher *w, int wd)
{
    for (size_t i = 0; i < w->n; i++)
        if (w->v[i].wd == wd)
            return &w->v[i];
    return NULL;
}

/* Watches the folder dir for what. 0, or -1 (reported once when it is the
 * watch limit). */
static int add_watch(watcher *w, const char *dir, int what)
{
    char real[PATH_MAX];
    if (!realpath(dir, real))
        return -1;
    int wd = inotify_add_watch(w->fd, real,
                               IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE |
                                   IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR);
    if (wd < 0) {
        if (errno == ENOSPC && !w->full_warned) {
            kg_cli_error("watch: %s: too many folders to watch (raise the limit in "
                         "/proc/sys/fs/inotify/max_user_watches); changes in it are missed",
                         dir);
            w->full_warned = 1;
        } else if (errno != ENOSPC && errno != ENOENT) {
            kg_cli_error("watch: cannot watch %s: %s", dir, strerror(errno));
        }
        return -1;
    }
    wentry *e = find_wd(w, wd); /* the same folder again: one watch */
    if (e) {
        e->what |= what;
        return 0;
    }
    if (w->n == w->cap) {
        w->cap = w->cap ? 2 * w->cap : 16;
        w->v = kg_xrealloc(w->v, w->cap * sizeof *w->v);
    }
    w->v[w->n++] = (wentry){ wd, what, kg_xstrdup(real) };
    return 0;
}

/* Watches dir and every folder below it (not hidden, not the output
 * folder; as deep as kg check reads). */
static void add_tree(watcher *w, const char *dir, int what, int depth)
{
    if (is_out(w, dir) || add_watch(w, dir, what) != 0 || depth >= MAX_DEPTH)
        return;
    DIR *dp = opendir(dir);
    if (!dp)
        return;
    struct dirent *de;
    kg_buf p = KG_BUF_INIT;
    while ((de = readdir(dp))) {
        if (de->d_name[0] == '.')
            continue;
        kg_buf_reset(&p);
        kg_buf_printf(&p, "%s/%s", dir, de->d_name);
        if (is_dir(p.ptr))
            add_tree(w, p.ptr, what, depth + 1);
    }
    kg_buf_free(&p);
    closedir(dp);
}

/* The nearest folder that is there above path (path itself excluded). */
static char *existing_parent(const char *path)
{
    char *s = kg_xstrdup(path);
    for (;;) {
        char *slash = strrchr(s, '/');
        while (slash && slash > s && slash[1] == '\0') { /* "a/b/" */
            *slash = '\0';
            slash = strrchr(s, '/');
        }
        if (!slash) {
            free(s);
            return kg_xstrdup(".");
        }
        if (slash == s) {
            s[1] = '\0';
            return s;
        }
        *slash = '\0';
        if (is_dir(s))
            return s;
    }
}

/* Says once that a PATH is gone, and once that it is back (after the
 * scan: a user who reads "gone" and puts it back must find it watched). */
static void note_gone(watcher *w, const char *path, int gone)
{
    size_t i = 0;
    while (i < w->gone.n && strcmp(w->gone.v[i], path) != 0)
        i++;
    if (gone && i == w->gone.n) {
        kg_buf_printf(&w->news, "kg: watch: %s is gone (removed or renamed); watching for it to "
                                "come back\n", path);
        kg_strv_push(&w->gone, path);
    } else if (!gone && i < w->gone.n) {
        kg_buf_printf(&w->news, "kg: watch: %s is back\n", path);
        free(w->gone.v[i]);
        w->gone.v[i] = w->gone.v[--w->gone.n];
    }
}

/* A folder to watch with all below it; when it is not there, its nearest
 * existing parent is watched for it (and, when told, the user told). */
static void add_root_dir(watcher *w, const char *dir, int what, int tell)
{
    if (is_dir(dir)) {
        if (tell)
            note_gone(w, dir, 0);
        add_tree(w, dir, what, 0);
        return;
    }
    if (tell)
        note_gone(w, dir, 1);
    char *up = existing_parent(dir);
    add_watch(w, up, W_ANCHOR);
    free(up);
}

/* A single file, watched through its folder (so a file replaced by
 * rename is still seen). */
static void add_file(watcher *w, const char *file, int tell)
{
    char *dir = kg_xstrdup(file), *slash = strrchr(dir, '/');
    const char *name = slash ? slash + 1 : file;
    if (slash == dir)
        dir[1] = '\0';
    else if (slash)
        *slash = '\0';
    else
        strcpy(dir, ".");
    char real[PATH_MAX];
    if (realpath(dir, real)) {
        kg_buf key = KG_BUF_INIT;
        kg_buf_printf(&key, "%s/%s", strcmp(real, "/") ? real : "", name);
        kg_strv_push(&w->files, key.ptr);
        kg_buf_free(&key);
        add_watch(w, dir, W_FILES);
        if (tell) {
            struct stat st;
            note_gone(w, file, stat(file, &st) != 0);
        }
    } else {
        if (tell)
            note_gone(w, file, 1);
        char *up = existing_parent(dir);
        add_watch(w, up, W_ANCHOR);
        free(up);
    }
    free(dir);
}

static void watcher_clear(watcher *w)
{
    if (w->fd >= 0)
        close(w->fd);
    w->fd = -1;
    for (size_t i = 0; i < w->n; i++)
        free(w->v[i].path);
    w->n = 0;
    kg_strv_free(&w->files);
    free(w->out);
    w->out = NULL;
}

/* Makes every watch from a fresh read of kg.yaml. 0, or -1 when inotify
 * cannot be used (reported). */
static int scan_once(watcher *w, const watch_opts *o)
{
    watcher_clear(w);
    w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (w->fd < 0) {
        kg_cli_error("watch: inotify is not available here: %s (kg watch needs Linux; "
                     "run 'kg check' and 'kg report' by hand instead)",
                     strerror(errno));
        return -1;
    }
    kg_project p;
    memset(&p, 0, sizeof p);
    char *root = kg_project_find(".", 1);
    if (root) {
        kg_diag d = KG_DIAG_INIT; /* (a broken kg.yaml: the run says so) */
        kg_project_read(&p, root, &d);
        kg_diag_free(&d);
        free(root);
    }
    w->out = kg_xstrdup(p.out ? p.out : "out");
    for (int i = 0; i < o->n_paths; i++) {
        struct stat st;
        if (stat(o->paths[i], &st) == 0 && !S_ISDIR(st.st_mode))
            add_file(w, o->paths[i], 1);
        else if (stat(o->paths[i], &st) == 0 ||
                 !(has_suffix(o->paths[i], ".yaml") || has_suffix(o->paths[i], ".yml")))
            add_root_dir(w, o->paths[i], W_FACTS, 1);
        else
            add_file(w, o->paths[i], 1);
    }
    if (p.file) {
        if (!o->n_paths) {
            add_root_dir(w, p.facts, W_FACTS, 1);
            add_root_dir(w, p.lexicons, W_FACTS, 0);
        }
        add_root_dir(w, p.articles, W_OTHER, 0);
        add_file(w, p.file, 0);
        if (p.style)
            add_file(w, p.style, 0);
        if (p.timeline_style)
            add_file(w, p.timeline_style, 0);
    }
    kg_project_free(&p);
    return 0;
}

/* (Re)makes every watch: at the start, and after folders came or went or
 * kg.yaml changed. A PATH that came back while the scan looked for it
 * would be missed (its watch made before it came): scanned again. 0, or
 * -1 when inotify cannot be used (reported). */
static int watcher_scan(watcher *w, const watch_opts *o)
{
    for (int tries = 0; tries < 3; tries++) {
        if (scan_once(w, o) != 0)
            return -1;
        int back = 0;
        for (size_t i = 0; i < w->gone.n; i++) {
            struct stat st;
            back |= stat(w->gone.v[i], &st) == 0;
        }
        if (!back)
            break;
    }
    fputs(w->news.ptr, stderr);
    kg_buf_reset(&w->news);
    return 0;
}

enum { EV_RUN = 1, EV_RESCAN = 2 };

/* What one event asks for: a run, a new scan, both or nothing. */
static int classify(watcher *w, const struct inotify_event *ev)
{
    if (ev->mask & IN_Q_OVERFLOW) /* events were lost */
        return EV_RUN | EV_RESCAN;
    const wentry *e = find_wd(w, ev->wd);
    if (!e)
        return 0;
    if (ev->mask & (IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF | IN_UNMOUNT))
        return EV_RUN | EV_RESCAN; /* a watched folder went away */
    const char *name = ev->len ? ev->name : "";
    if (!*name)
        return 0;
    kg_buf full = KG_BUF_INIT;
    kg_buf_printf(&full, "%s/%s", strcmp(e->path, "/") ? e->path : "", name);
    int r = 0;
    for (size_t i = 0; i < w->files.n && !r; i++)
        if (strcmp(w->files.v[i], full.ptr) == 0)
            r = EV_RUN | (has_suffix(name, "kg.yaml") ? EV_RESCAN : 0);
    if (r || name[0] == '.') {
        /* a single file; or hidden: swap files, kg check skips them */
    } else if (ev->mask & IN_ISDIR) {
        if ((e->what & (W_FACTS | W_OTHER | W_ANCHOR)) && !is_out(w, full.ptr))
            r = EV_RUN | EV_RESCAN;
    } else if (e->what & W_FACTS && (has_suffix(name, ".yaml") || has_suffix(name, ".yml"))) {
        r = EV_RUN;
    } else if (e->what & W_OTHER && !has_suffix(name, "~") && !has_suffix(name, ".swp") &&
               !strstr(name, ".tmp")) {
        r = EV_RUN;
    }
    kg_buf_free(&full);
    return r;
}

/* Reads the events there are; what they ask for (EV_ bits). */
static int read_events(watcher *w)
{
    /* (aligned for struct inotify_event, as inotify(7) says) */
    char buf[16384] __attribute__((aligned(__alignof__(struct inotify_event))));
    int r = 0;
    for (;;) {
        ssize_t n = read(w->fd, buf, sizeof buf);
        if (n <= 0)
            return r; /* EAGAIN: no more for now */
        for (char *p = buf; p < buf + n;) {
            const struct inotify_event *ev = (const struct inotify_event *)(void *)p;
            r |= classify(w, ev);
            p += sizeof *ev + ev->len;
        }
    }
}

/* Waits for a change that asks for a run, then for the files to be quiet.
 * Returns its EV_ bits, or 0 when interrupted. */
static int wait_change(watcher *w)
{
    int r = 0;
    while (!r) {
        struct pollfd pf[2] = { { w->fd, POLLIN, 0 }, { sig_pipe[0], POLLIN, 0 } };
        if (interrupts)
            return 0;
        if (poll(pf, 2, -1) < 0 && errno != EINTR)
            return 0;
        if (interrupts)
            return 0;
        r = read_events(w);
    }
    /* a save is several events (write a temporary file, rename it): wait
     * until there are none for QUIET_MS, at most MAX_WAIT_MS in all */
    double end = now_s() + MAX_WAIT_MS / 1000.0;
    while (!interrupts && now_s() < end) {
        struct pollfd pf[2] = { { w->fd, POLLIN, 0 }, { sig_pipe[0], POLLIN, 0 } };
        int k = poll(pf, 2, QUIET_MS);
        if (k == 0)
            break;
        if (k > 0 && (pf[0].revents & POLLIN))
            r |= read_events(w);
    }
    return interrupts ? 0 : r;
}

/* One run in a child process. Its exit status (3 when it was killed). */
static int run_child(watcher *w, const watch_opts *o)
{
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        kg_cli_error("watch: cannot start a run: %s", strerror(errno));
        return KG_EXIT_IO;
    }
    if (pid == 0) {
        signal(SIGINT, SIG_IGN); /* Ctrl-C: the run finishes, the loop ends */
        signal(SIGTERM, SIG_DFL);
        close(w->fd);
        close(sig_pipe[0]);
        close(sig_pipe[1]);
        exit(run_once(o));
    }
    int status, killed = 0;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            kg_cli_error("watch: lost the run: %s", strerror(errno));
            return KG_EXIT_IO;
        }
        if (interrupts >= 2 && !killed) { /* a second Ctrl-C: end the run now */
            kill(pid, SIGTERM);
            killed = 1;
        }
    }
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    if (WTERMSIG(status) == SIGPIPE) { /* kg watch | head: nobody reads the summaries */
        kg_cli_error("watch: cannot write to standard output: it was closed; stopping");
        out_closed = 1;
        return KG_EXIT_IO;
    }
    if (!killed)
        kg_cli_error("watch: the run ended by signal %d (a bug: please report it)",
                     WTERMSIG(status));
    return KG_EXIT_IO;
}

int kg_cmd_watch(int argc, char **argv)
{
    static const struct option opts[] = { { "once", no_argument, NULL, '1' },
                                           { "no-render", no_argument, NULL, 'n' },
                                           { "show-source", no_argument, NULL, 's' },
                                           { NULL, 0, NULL, 0 } };
    watch_opts o = { 0, 0, 0, NULL, 0 };
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
        switch (c) {
        case '1': o.once = 1; break;
        case 'n': o.no_render = 1; break;
        case 's': o.show = 1; break;
        default: return kg_cli_bad_option("watch", c, argv, opts);
        }
    }
    o.paths = argv + optind;
    o.n_paths = argc - optind;
    if (o.once)
        return run_once(&o);

    /* a PATH that is not there at the start is a mistake, not a wait */
    for (int i = 0; i < o.n_paths; i++) {
        struct stat st;
        if (stat(o.paths[i], &st) != 0) {
            kg_cli_error("watch: %s: %s", o.paths[i], strerror(errno));
            return KG_EXIT_IO;
        }
    }
    if (!o.n_paths) { /* (without the project cache: each run reads kg.yaml afresh) */
        char *root = kg_project_find(".", 1);
        if (!root) {
            kg_cli_error("watch: no PATH given and not inside a kg project (no kg.yaml here or "
                         "in any folder above)\n  make one with 'kg init', or name the facts: "
                         "'kg watch FOLDER'");
            return KG_EXIT_USAGE;
        }
        free(root);
    }
    if (pipe(sig_pipe) != 0) {
        kg_cli_error("watch: %s", strerror(errno));
        return KG_EXIT_IO;
    }
    for (int i = 0; i < 2; i++) {
        fcntl(sig_pipe[i], F_SETFD, FD_CLOEXEC);
        fcntl(sig_pipe[i], F_SETFL, O_NONBLOCK);
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal; /* no SA_RESTART: poll and waitpid return */
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);

    watcher w = { .fd = -1, .news = KG_BUF_INIT };
    int rc = KG_EXIT_OK;
    if (watcher_scan(&w, &o) != 0) {
        rc = KG_EXIT_IO;
        goto done;
    }
    fprintf(stderr, "kg: watch: watching %zu folder%s; Ctrl-C ends\n", w.n, w.n == 1 ? "" : "s");
    run_child(&w, &o);
    while (!interrupts && !out_closed) {
        int ev = wait_change(&w);
        if (!ev)
            break;
        if ((ev & EV_RESCAN) && watcher_scan(&w, &o) != 0) {
            rc = KG_EXIT_IO;
            goto done;
        }
        run_child(&w, &o);
    }
    if (out_closed)
        rc = KG_EXIT_IO;
    else
        fprintf(stderr, "kg: watch: stopped\n");
done:
    watcher_clear(&w);
    free(w.v);
    kg_strv_free(&w.gone);
    kg_buf_free(&w.news);
    close(sig_pipe[0]);
    close(sig_pipe[1]);
    sig_pipe[0] = sig_pipe[1] = -1;
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    return rc;
}
