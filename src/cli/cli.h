/* cli.h - what the command-line layer shares. The CLI is the only layer
 * that prints, exits, or opens paths a user gave. Each command lives in
 * src/cli/cmd_NAME.c and defines kg_cmd_NAME and kg_help_NAME. */
#ifndef KG_CLI_H
#define KG_CLI_H

#include "kg.h"

typedef int (*kg_cmd_fn)(int argc, char **argv);

#define KG_COMMANDS(X)                                                        \
    X(check, "check facts files and report every problem")                    \
    X(fmt, "rewrite facts files in the canonical layout")                     \
    X(respan, "re-anchor spans by their quotes after an article was edited")  \
    X(dump, "print the facts as a plain-text tree")                           \
    X(tag, "find actors, dates and figures in articles (JSON Lines)")         \
    X(extract, "turn articles into facts files")                              \
    X(build, "load the facts into the SQLite store")                          \
    X(query, "run read-only SQL on the store")                                \
    X(show, "print an actor's or event's facts with sources")                 \
    X(path, "print the shortest chain of facts linking two actors")           \
    X(graph, "draw the relationship graph")                                   \
    X(timeline, "draw the dated timeline")                                    \
    X(report, "write an HTML report with graph and timeline")

#define KG_DECLARE(name, summary)                                             \
    int kg_cmd_##name(int argc, char **argv);                                 \
    extern const char kg_help_##name[];
KG_COMMANDS(KG_DECLARE)
#undef KG_DECLARE

/* Prints every finding to stderr (with source lines and carets when
 * stderr is a terminal or show_source is set). */
void kg_cli_print_diag(const kg_diag *d, int show_source);
/* Prints "kg: CMD: message" and "usage: ..." hint to stderr; returns
 * KG_EXIT_USAGE. */
int kg_cli_usage(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Reports a getopt_long error (c is ':' for a missing value, else an
 * unknown option, with a did-you-mean from opts) as a usage error of
 * cmd; returns KG_EXIT_USAGE. Every command parses with an optstring that
 * starts with ':' and without '+', so options may come anywhere on the
 * line and '--' ends them. */
struct option;
int kg_cli_bad_option(const char *cmd, int c, char **argv, const struct option *opts);
/* Prints "kg: message" to stderr. */
void kg_cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Loads every path argv[first..argc) (a file or folder; none given: the
 * bundled data folder) into c, findings into d. Returns 1 if a path could
 * not be read (exit status 3), else 0. */
int kg_cli_load(kg_corpus *c, kg_diag *d, int argc, char **argv, int first);
/* ---- drawing commands (cmd_graph.c) ---- */

/* getopt_long codes of the options that select what is drawn, shared by
 * kg graph, kg timeline and kg report; a command's own options number
 * from KG_OPT_OWN. */
enum {
    KG_OPT_FOCUS = 256, KG_OPT_DEPTH, KG_OPT_FROM, KG_OPT_TO, KG_OPT_TYPE, KG_OPT_DOC, KG_OPT_NO_SOURCE,
    KG_OPT_OWN
};
#define KG_CLI_VIEW_OPTIONS                                                                      { "focus", required_argument, NULL, KG_OPT_FOCUS },                                              { "depth", required_argument, NULL, KG_OPT_DEPTH },                                          { "from", required_argument, NULL, KG_OPT_FROM }, { "to", required_argument, NULL, KG_OPT_TO },         { "type", required_argument, NULL, KG_OPT_TYPE }, { "doc", required_argument, NULL, KG_OPT_DOC },         { "no-source", no_argument, NULL, KG_OPT_NO_SOURCE }

/* Applies the selection option c (value arg) to o, its --type values to
 * types: 1 done, 0 when c is none of them, -1 on a bad value (reported). */
int kg_cli_view_opt(const char *cmd, int c, const char *arg, kg_render_opts *o, kg_strv *types);
/* Loads the facts for drawing (no YAML trees kept). Returns 0, or
 * KG_EXIT_IO when a path could not be read (reported); *load_errors gets
 * the number of errors in the facts. */
int kg_cli_load_view(kg_corpus *c, kg_diag *d, int argc, char **argv, int first, size_t *load_errors);
/* Writes data to path atomically, or to standard output for NULL or "-";
 * returns an exit status (errors reported). */
int kg_cli_write_out(const char *path, const kg_buf *data);
/* The exit status for a kg_render_* result. */
int kg_cli_render_exit(int r);

/* The shared body of 'kg graph' and 'kg timeline' (cmd_graph.c): parses
 * the drawing options, loads the facts and renders with fn. */
int kg_cli_draw(const char *cmd, int argc, char **argv, kg_render_fn fn, int timeline);
/* Parses the options of the commands that read the store: --db FILE
 * (default out/kg.sqlite) and, when json is not NULL, --json. Returns -1
 * when the options are fine (optind then points at the first operand),
 * else the exit status of a usage error already reported. */
int kg_cli_store_opts(const char *cmd, int argc, char **argv, const char **db, int *json);
/* What a read-only command asks of the store: a kg_store_* call writing
 * into out (arg is the command's own). */
typedef int (*kg_cli_store_fn)(kg_store *s, void *arg, kg_buf *out, kg_diag *d);
/* Opens db read-only, runs fn, prints its output and findings, closes;
 * returns the exit status (OK 0, REFUSED 1, USAGE 2, else 3). */
int kg_cli_store_run(const char *db, kg_cli_store_fn fn, void *arg);
/* Prints the help text of a command to stdout. */
void kg_cli_help(const char *cmd);
/* The folder of the bundled facts: $KG_DATA, else ./yaml if it exists,
 * else the installed data directory. */
const char *kg_cli_data_dir(void);

#endif
