/* msg.c - how kg commands talk: error and usage messages (control
 * characters in what a user gave are shown escaped), did-you-mean for a
 * bad option, diagnostics and diffs. The lowest file of the command line:
 * it calls nothing else of src/cli. */
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
#include "kg/diff.h"

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

int kg_cli_silent;

void kg_cli_error(const char *fmt, ...)
{
    va_list ap;
    if (kg_cli_silent)
        return;
    fflush(stdout); /* (after what was printed before it, as kg_cli_print_diag) */
    fputs("kg: ", stderr);
    va_start(ap, fmt);
    print_escaped(fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

int kg_cli_usage(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    if (kg_cli_silent)
        return KG_EXIT_USAGE;
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
    if (kg_cli_silent)
        return;
    fflush(stdout);
    kg_diag_print(d, stderr, show_source || isatty(STDERR_FILENO));
}

void kg_cli_print_diff(const char *path, const char *before, size_t blen, const char *after,
                       size_t alen)
{
    kg_buf df = KG_BUF_INIT;
    kg_diff_unified(&df, path, before, blen, path, after, alen, 3);
    kg_esc_write(stdout, df.ptr, df.len, KG_ESC_LINES); /* a hand-edited file may hold anything */
    kg_buf_free(&df);
}
