/* main.c - the kg command: dispatches to one function per subcommand. */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "cli.h"
#include "kg/esc.h"
#include "kg/suggest.h"
#include "kg/layout.h"
#include "kg/diff.h"
#include "korean/grammar.h"

#ifndef KG_DATADIR
#define KG_DATADIR "/usr/local/share/kg"
#endif

struct command {
    const char *name;
    kg_cmd_fn fn;
    const char *summary;
    const char *help;
};

#define KG_ENTRY(name, summary) { #name, kg_cmd_##name, summary, kg_help_##name },
static const struct command commands[] = { KG_COMMANDS(KG_ENTRY) { NULL, NULL, NULL, NULL } };
#undef KG_ENTRY

static const char usage_text[] =
    "usage: kg [--version] [--help] COMMAND [ARGS]\n"
    "\n"
    "kg turns news articles into hand-editable YAML facts and draws\n"
    "relationship graphs and dated timelines from them.\n"
    "\n"
    "commands:\n";

static void print_usage(FILE *out)
{
    fputs(usage_text, out);
    for (const struct command *c = commands; c->name; c++)
        fprintf(out, "  %-9s %s\n", c->name, c->summary);
    fputs("\n'kg help COMMAND' or 'kg COMMAND --help' describes a command's options.\n"
          "exit status: 0 ok, 1 findings (the input has errors), 2 usage,\n"
          "3 input/output or database error.\n", out);
}

static const struct command *find(const char *name)
{
    for (const struct command *c = commands; c->name; c++)
        if (strcmp(c->name, name) == 0)
            return c;
    return NULL;
}

void kg_cli_help(const char *cmd)
{
    const struct command *c = find(cmd);
    if (c)
        fputs(c->help, stdout);
}

/* Messages quote file names and values a user gave: control characters
 * in them are shown escaped (kg/esc.h), so no argument can forge a line
 * or drive the terminal. */
static void print_escaped(const char *fmt, va_list ap)
{
    kg_buf b = KG_BUF_INIT;
    kg_buf_vprintf(&b, fmt, ap);
    kg_esc_write(stderr, b.ptr, b.len, 0);
    kg_buf_free(&b);
}

void kg_cli_error(const char *fmt, ...)
{
    va_list ap;
    fputs("kg: ", stderr);
    va_start(ap, fmt);
    print_escaped(fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

int kg_cli_usage(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "kg: %s: ", cmd);
    va_start(ap, fmt);
    print_escaped(fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'kg help %s' for more information.\n", cmd);
    return KG_EXIT_USAGE;
}

int kg_cli_bad_option(const char *cmd, int c, char **argv, const struct option *opts)
{
    const char *arg = argv[optind - 1];
    if (c == ':') {
        if (optopt && optopt < 256 && !(arg[0] == '-' && arg[1] == '-'))
            return kg_cli_usage(cmd, "option '-%c' needs a value", optopt);
        return kg_cli_usage(cmd, "option '%s' needs a value", arg);
    }
    if (arg[0] == '-' && arg[1] == '-' && arg[2]) {
        /* --name or --name=value: suggest the closest long option */
        size_t n = 0;
        while (opts && opts[n].name)
            n++;
        const char **names = kg_xcalloc(n ? n : 1, sizeof *names);
        for (size_t i = 0; i < n; i++)
            names[i] = opts[i].name;
        char *word = kg_xstrdup(arg + 2);
        char *eq = strchr(word, '=');
        if (eq)
            *eq = '\0';
        const char *best = kg_suggest(word, names, n);
        int rc;
        if (best)
            rc = kg_cli_usage(cmd, "unknown option '%s'; did you mean '--%s'?", arg, best);
        else
            rc = kg_cli_usage(cmd, "unknown option '%s'", arg);
        free(word);
        free(names);
        return rc;
    }
    if (optopt && optopt < 256)
        return kg_cli_usage(cmd, "unknown option '-%c'", optopt);
    return kg_cli_usage(cmd, "unknown option '%s'", arg);
}

void kg_cli_print_diag(const kg_diag *d, int show_source)
{
    fflush(stdout);
    kg_diag_print(d, stderr, show_source || isatty(STDERR_FILENO));
}

/* The data folder (the bundled lexicons): $KG_DATA; else yaml/ in the
 * current folder (a checkout); else yaml/ beside the kg binary, or
 * ../share/kg from it (a checkout or an install run from elsewhere); else
 * the folder `make install` fills. */
const char *kg_cli_data_dir(void)
{
    static char found[4096];
    const char *env = getenv("KG_DATA");
    struct stat st;
    if (env && *env)
        return env;
    if (stat("yaml", &st) == 0 && S_ISDIR(st.st_mode))
        return "yaml";
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            static const char *const rel[] = { "yaml", "../share/kg" };
            for (size_t k = 0; k < sizeof rel / sizeof *rel; k++) {
                int w = snprintf(found, sizeof found, "%s/%s", exe, rel[k]);
                if (w > 0 && (size_t)w < sizeof found && stat(found, &st) == 0 && S_ISDIR(st.st_mode))
                    return found;
            }
        }
    }
    return KG_DATADIR;
}

int kg_cli_grammar(void)
{
    kg_buf dir = KG_BUF_INIT;
    kg_diag d = KG_DIAG_INIT;
    kg_buf_printf(&dir, "%s/grammar", kg_cli_data_dir());
    size_t errors = kg_grammar_use_dir(dir.ptr, &d);
    kg_diag_sort(&d);
    kg_cli_print_diag(&d, 0);
    if (errors)
        kg_cli_error("the grammar in %s has errors (above); fix them, or set KG_DATA to another data folder",
                     dir.ptr);
    kg_diag_free(&d);
    kg_buf_free(&dir);
    return errors ? KG_EXIT_IO : 0;
}

int kg_cli_load(kg_corpus *c, kg_diag *d, int argc, char **argv, int first)
{
    kg_strv dflt = { NULL, 0, 0 };
    char **paths = argv + first;
    int n = argc - first, rc;
    if (n <= 0) {
        if ((rc = kg_cli_default_paths(kg_cli_command, &dflt)) != 0)
            return rc;
        paths = dflt.v;
        n = (int)dflt.n;
    }
    rc = kg_cli_source_roots(c, paths, n);
    for (int i = 0; rc == 0 && i < n; i++)
        if (kg_facts_load_path(c, paths[i], d) < 0)
            rc = KG_EXIT_IO;
    kg_strv_free(&dflt);
    return rc;
}

int kg_cli_store_opts(const char *cmd, int argc, char **argv, const char **db, int *json)
{
    static const struct option opts[] = { { "db", required_argument, NULL, 'd' },
                                           { "json", no_argument, NULL, 'j' },
                                           { NULL, 0, NULL, 0 } };
    int c;
    const kg_project *p;
    if ((c = kg_cli_project(&p)) != 0)
        return c;
    *db = kg_cli_out_path("kg.sqlite");
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
        if (c == 'd')
            *db = optarg;
        else if (c == 'j' && json)
            *json = 1;
        else
            return kg_cli_bad_option(cmd, c, argv, opts);
    }
    return -1;
}

int kg_cli_store_run(const char *db, kg_cli_store_fn fn, void *arg)
{
    kg_diag d = KG_DIAG_INIT;
    kg_buf out = KG_BUF_INIT;
    kg_store *s = NULL;
    int rc = KG_EXIT_IO;
    if (kg_store_open(&s, db, KG_STORE_READONLY, &d) == 0) {
        switch (fn(s, arg, &out, &d)) {
        case KG_STORE_OK: rc = KG_EXIT_OK; break;
        case KG_STORE_REFUSED: rc = KG_EXIT_FINDINGS; break;
        case KG_STORE_USAGE: rc = KG_EXIT_USAGE; break;
        default: rc = KG_EXIT_IO;
        }
    }
    /* (checked when the command ends); the values in it are escaped
     * already, this catches what a command left raw (kg/esc.h) */
    kg_esc_write(stdout, out.ptr, out.len, KG_ESC_LINES);
    kg_cli_print_diag(&d, 0);
    kg_store_close(s);
    kg_buf_free(&out);
    kg_diag_free(&d);
    return rc;
}

/* Output that could not be written is an error, never a silent loss
 * (kg show ... > /dev/full): flushes stdout and turns a failed write into
 * exit status 3 with a message, unless the command failed worse. */
static int finish_stdout(int rc)
{
    errno = 0;
    if ((fflush(stdout) != 0 || ferror(stdout)) && rc < KG_EXIT_IO) {
        /* (a command that failed with exit status 3 said why already) */
        if (errno)
            kg_cli_error("cannot write to standard output: %s", strerror(errno));
        else
            kg_cli_error("cannot write to standard output");
        rc = KG_EXIT_IO;
    }
    return rc;
}

int main(int argc, char **argv)
{
    /* a full disk or `ulimit -f` must be a write error we report, not a kill */
    signal(SIGXFSZ, SIG_IGN);
    if (argc < 2) {
        print_usage(stderr);
        return KG_EXIT_USAGE;
    }
    const char *name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
        print_usage(stdout);
        return finish_stdout(KG_EXIT_OK);
    }
    if (strcmp(name, "--version") == 0) {
        printf("kg %s (facts format %d)\n", KG_VERSION, KG_FORMAT_VERSION);
        return finish_stdout(KG_EXIT_OK);
    }
    if (strcmp(name, "help") == 0) {
        if (argc < 3) {
            print_usage(stdout);
            return finish_stdout(KG_EXIT_OK);
        }
        if (!find(argv[2])) {
            kg_cli_error("'%s' is not a kg command; see 'kg --help'", argv[2]);
            return KG_EXIT_USAGE;
        }
        kg_cli_help(argv[2]);
        return finish_stdout(KG_EXIT_OK);
    }
    const struct command *c = find(name);
    if (!c) {
        const char *names[sizeof commands / sizeof *commands];
        size_t n = 0;
        for (const struct command *k = commands; k->name; k++)
            names[n++] = k->name;
        const char *best = kg_suggest(name, names, n);
        if (best)
            kg_cli_error("'%s' is not a kg command; did you mean 'kg %s'? (see 'kg --help')", name, best);
        else
            kg_cli_error("'%s' is not a kg command; see 'kg --help'", name);
        return KG_EXIT_USAGE;
    }
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            break;
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            kg_cli_help(name);
            return finish_stdout(KG_EXIT_OK);
        }
    }
    kg_cli_command = c->name;
    int rc = c->fn(argc - 1, argv + 1);
    return finish_stdout(rc);
}

int kg_cli_each_file(const char *cmd, int argc, char **argv, int first, kg_cli_file_fn fn,
                     void *arg, kg_diag *d)
{
    kg_strv paths = { NULL, 0, 0 };
    if (first >= argc) {
        int r = kg_cli_default_paths(cmd, &paths); /* the project's facts (and lexicons) */
        if (r) {
            kg_strv_free(&paths);
            return r;
        }
    } else {
        for (int i = first; i < argc; i++)
            kg_strv_push(&paths, argv[i]);
    }
    int rc = KG_EXIT_OK;
    for (size_t i = 0; i < paths.n; i++) {
        kg_strv files = { NULL, 0, 0 };
        int r = KG_EXIT_OK;
        if (kg_yaml_files(paths.v[i], &files) < 0) {
            kg_diag_error(d, paths.v[i], 0, 0, "cannot read: %s", strerror(errno));
            r = KG_EXIT_IO;
        } else if (!files.n) {
            kg_cli_error("warning: %s: %s: no *.yaml file below it", cmd, paths.v[i]);
        }
        for (size_t k = 0; k < files.n; k++) {
            int rk = fn(files.v[k], strcmp(files.v[k], paths.v[i]) == 0, arg, d);
            if (rk > r)
                r = rk;
        }
        kg_strv_free(&files);
        if (r > rc)
            rc = r;
    }
    kg_strv_free(&paths);
    return rc;
}

void kg_cli_print_diff(const char *path, const char *before, size_t blen, const char *after,
                       size_t alen)
{
    kg_buf df = KG_BUF_INIT;
    kg_diff_unified(&df, path, before, blen, path, after, alen, 3);
    kg_esc_write(stdout, df.ptr, df.len, KG_ESC_LINES); /* a hand-edited file may hold anything */
    kg_buf_free(&df);
}
