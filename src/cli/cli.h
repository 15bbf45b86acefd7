/* cli.h - what the command-line layer shares. The CLI is the only layer
 * that prints, exits, or opens paths a user gave. Each command lives in
 * src/cli/cmd_NAME.c and defines kg_cmd_NAME and kg_help_NAME. */
#ifndef KG_CLI_H
#define KG_CLI_H

#include "kg.h"

typedef int (*kg_cmd_fn)(int argc, char **argv);

#define KG_COMMANDS(X)                                                        \
    X(init, "make a kg project (kg.yaml and its folders)")                    \
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
    X(report, "write an HTML report with graph and timeline")                 \
    X(export, "write the facts as CSV, GraphML, GEXF, TimelineJS or Mermaid")  \
    X(watch, "re-check and re-render on every save (a live loop)")

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
/* What kg fmt and kg respan do to one facts file (explicit: it was named
 * on the command line, not found in a folder); returns an exit status. */
typedef int (*kg_cli_file_fn)(const char *path, int explicit, void *arg, kg_diag *d);
/* Calls fn on every file argv[first..argc) names (a file, or every *.yaml
 * below a folder, hidden folders skipped), or, with none given, on the
 * project's facts (outside a project: a usage error, reported). Returns
 * the worst exit status. */
int kg_cli_each_file(const char *cmd, int argc, char **argv, int first, kg_cli_file_fn fn,
                     void *arg, kg_diag *d);
/* Prints to standard output, escaped for a terminal, the unified diff
 * of a file's text before and after a rewrite. */
void kg_cli_print_diff(const char *path, const char *before, size_t blen, const char *after,
                       size_t alen);
/* Prints "kg: message" to stderr. */
void kg_cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Loads every path argv[first..argc) (a file or folder; none given: the
 * project's facts, see kg_cli_default_paths) into c, findings into d, with
 * the project's articles folder as source root (kg_cli_source_roots).
 * Returns 0, or the exit status of what went wrong (reported): 2 no PATH
 * outside a project, 3 a path could not be read, 1 a broken kg.yaml. */
int kg_cli_load(kg_corpus *c, kg_diag *d, int argc, char **argv, int first);
/* kg_cli_load one file at a time: each document is given to each as it
 * is read and freed after (kg_facts_each_path). */
int kg_cli_each(kg_corpus *c, kg_diag *d, int argc, char **argv, int first, kg_facts_each_fn each,
                void *ctx);
/* What 'kg check' finds (kg_cli_check). */
typedef struct kg_cli_check_stats {
    int checked;             /* 0 when nothing was checked (no project, broken kg.yaml) */
    size_t errors, warnings; /* the findings printed */
    size_t files, unread;    /* files read (also one that failed to parse); paths unread */
} kg_cli_check_stats;
/* What kg check and kg watch do: loads PATHs argv[first..argc) as
 * kg_cli_load does, checks them as 'kg check' describes (and the grammar
 * files among them), prints every finding to stderr (show: with source
 * lines); fills *st. Returns 0 no errors, 1 errors, 3 a path could not be
 * read, or the status of no project / a broken kg.yaml (reported). */
int kg_cli_check(int argc, char **argv, int first, int show, kg_cli_check_stats *st);

/* ---- the project (project.c) ---- */

/* What a kg.yaml says. Its paths are joined to root, so they work from the
 * current folder. */
typedef struct kg_project {
    char *root;           /* the folder of kg.yaml, as reached from here ("." or "../..") */
    char *file;           /* ROOT/kg.yaml */
    char *title, *intro;  /* for the report; NULL when not set */
    char *articles, *facts, *lexicons, *out; /* folders (defaults: articles, facts,
                                                facts/lexicon or lexicon, out) */
    char *style;          /* kg graph's style file, or NULL */
    char *timeline_style; /* kg timeline's style file, or NULL */
    int lanes;            /* the timeline's kg_lanes, or -1 when not set */
} kg_project;

/* The name of the command being run ("check"), for messages. */
extern const char *kg_cli_command;
/* The folder holding a kg.yaml, walking up from dir: relative to dir
 * ("." or "../..") when relative is set, else absolute; NULL if none. */
char *kg_project_find(const char *dir, int relative);
/* Reads ROOT/kg.yaml into p (free with kg_project_free, also on error);
 * problems go to d as FILE:LINE:COL findings, unknown keys with a
 * did-you-mean. Returns 0, 1 (errors in the file) or 3 (unreadable). */
int kg_project_read(kg_project *p, const char *root, kg_diag *d);
void kg_project_free(kg_project *p);
/* The project of the current folder, found once: *p is NULL outside any
 * project. Returns 0, or the exit status of a broken kg.yaml (reported). */
int kg_cli_project(const kg_project **p);
/* As kg_cli_project for a command that cannot go on without a project:
 * outside one it says so and how to make one, and returns 2 (usage). */
int kg_cli_need_project(const char *cmd, const kg_project **p);
/* The folders a command reads when given no PATH: the project's facts,
 * and its lexicons when they are not below the facts. Returns 0 or an
 * exit status (reported; 2 outside a project). */
int kg_cli_default_paths(const char *cmd, kg_strv *paths);
/* Adds the source roots of c (kg_source_resolve): the articles folder of
 * the project here and of the project holding each of paths[0..n).
 * Returns 0 or the exit status of a broken kg.yaml here. */
int kg_cli_source_roots(kg_corpus *c, char *const *paths, int n);
/* OUT/name in the project's output folder, else out/name (a static
 * buffer, valid until the next call). */
const char *kg_cli_out_path(const char *name);
/* Loads the project's lexicon folder into c (before the bundled folder
 * `bundled`, which the caller loads; nothing when they are the same).
 * Returns 0 or an exit status. */
int kg_cli_lexicons(kg_corpus *c, kg_diag *d, const char *bundled);
/* The folder kg_cli_lexicons reads, in *dir (NULL when none). Returns 0
 * or the exit status of a broken kg.yaml (reported). */
int kg_cli_project_lexicons(const char *bundled, const char **dir);
/* ---- drawing commands (cmd_graph.c) ---- */

/* The help paragraph of kg graph, timeline and report on facts with errors
 * (kg_render_prune decides; keep the two in step). */
#define KG_HELP_LEFT_OUT \
    "The facts are checked as 'kg check' does, and what has errors is left\n" \
    "out: an event or figure with a bad date is drawn undated; an unknown\n" \
    "actor in agent, target or subject is left out (the fact is drawn); a\n" \
    "relation with an error or to an event not drawn is left out; a bad url,\n" \
    "date or title of a document is dropped, and an error in its id or 'kg:'\n" \
    "version leaves the document out; any other fact with an error is left\n" \
    "out. The errors, and how many facts were left out, go to standard error.\n"


/* getopt_long codes of the options that select what is drawn, shared by
 * kg graph, kg timeline and kg report; a command's own options number
 * from KG_OPT_OWN. */
enum {
    KG_OPT_FOCUS = 256, KG_OPT_DEPTH, KG_OPT_FROM, KG_OPT_TO, KG_OPT_TYPE, KG_OPT_DOC, KG_OPT_NO_SOURCE,
    KG_OPT_DB, KG_OPT_NO_STORE,
    KG_OPT_OWN
};
#define KG_CLI_VIEW_OPTIONS                                                                      { "focus", required_argument, NULL, KG_OPT_FOCUS },                                              { "depth", required_argument, NULL, KG_OPT_DEPTH },                                          { "from", required_argument, NULL, KG_OPT_FROM }, { "to", required_argument, NULL, KG_OPT_TO },         { "type", required_argument, NULL, KG_OPT_TYPE }, { "doc", required_argument, NULL, KG_OPT_DOC },         { "no-source", no_argument, NULL, KG_OPT_NO_SOURCE }

/* --db FILE and --no-store of kg graph, timeline and report (kg_cli_view_opt
 * takes them; kg_cli_load_store_view uses them). */
#define KG_CLI_STORE_OPTIONS \
    { "db", required_argument, NULL, KG_OPT_DB }, { "no-store", no_argument, NULL, KG_OPT_NO_STORE }
/* Their help lines. */
#define KG_HELP_STORE \
    "  --db FILE         the store to read (default OUT/kg.sqlite, as 'kg build');\n" \
    "                    used when no PATH is given (or with --db): brought up\n" \
    "                    to date first as 'kg build' would, quietly, then the\n" \
    "                    facts are read from it; when it cannot be (the facts\n" \
    "                    have errors, the store cannot be written or is not a kg\n" \
    "                    store), the facts files are read instead (a note says\n" \
    "                    why unless it was errors, which are printed as always)\n" \
    "  --no-store        read the facts files, never the store\n"

/* When set, kg_cli_error, kg_cli_usage and kg_cli_print_diag print
 * nothing (a command run inside another, quietly: the renders' kg build). */
extern int kg_cli_silent;

/* Applies the selection option c (value arg) to o, its --type values to
 * types: 1 done, 0 when c is none of them, -1 on a bad value (reported). */
int kg_cli_view_opt(const char *cmd, int c, const char *arg, kg_render_opts *o, kg_strv *types);
/* Loads the facts for drawing, checks them as kg check does and leaves
 * out what has errors (kg_render_prune); prints the errors and a line
 * saying what cmd left out. Returns 0, or KG_EXIT_IO when a path could
 * not be read (reported); *errors gets the number of errors found. */
int kg_cli_load_view(const char *cmd, kg_corpus *c, int argc, char **argv, int first,
                     size_t *errors);
/* kg_cli_load_view from the store when it can (see KG_HELP_STORE): the
 * facts o selects read from it (kg_store_load), o->focus replaced by the
 * actor id it names (kept in *focus, free it). Same returns. */
int kg_cli_load_store_view(const char *cmd, kg_corpus *c, int argc, char **argv, int first,
                           kg_render_opts *o, char **focus, size_t *errors);
/* 1 when the store at db was built from the facts files of paths (and
 * their source texts) as they are now, by kg build's fingerprint (path,
 * size, modification time and inode of each): 'kg build --db db paths'
 * would read nothing. Else 0 (also when it cannot tell). Prints nothing
 * and changes no state of the process (the project must have been read
 * before): kg_cli_load_store_view runs it on a thread of its own while it
 * reads the store. */
int kg_cli_store_current(const char *db, char *const *paths, int npaths);
/* Prints, when KG_TIMING is set, the seconds before layout (kg(1)). */
void kg_cli_timing(const char *cmd);
/* Writes data to path atomically (making the folders it needs), or to
 * standard output for NULL or "-"; returns an exit status (errors
 * reported). */
int kg_cli_write_out(const char *path, const kg_buf *data);
/* Makes the folders a new output file at path needs (not for standard
 * output or devices); 0, or an exit status (error reported). */
int kg_cli_out_folder(const char *path);
/* The exit status for a kg_render_* result. */
int kg_cli_render_exit(int r);

/* The shared body of 'kg graph' and 'kg timeline' (cmd_graph.c): parses
 * the drawing options, loads the facts and renders with fn. */
int kg_cli_draw(const char *cmd, int argc, char **argv, kg_render_fn fn, int timeline);
/* Parses the options of the commands that read the store: --db FILE
 * (default the project's OUT/kg.sqlite, else out/kg.sqlite) and, when json is not NULL, --json. Returns -1
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
/* The folder of the bundled lexicons (DIR/lexicon): $KG_DATA, else ./yaml
 * if it exists, else the installed data directory. Never a default for
 * facts: that is the project's (kg_cli_default_paths). */
const char *kg_cli_data_dir(void);
/* Reads the data folder's grammar/ over the built-in grammar (before any
 * tagging); reports problems. Returns 0, or KG_EXIT_IO when a grammar
 * file has errors (nothing is tagged with a grammar the user broke). */
int kg_cli_grammar(void);

#endif
