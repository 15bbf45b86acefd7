/* cmd_check.c - 'kg check': load facts files and report every problem. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

const char kg_help_check[] =
    "usage: kg check [--show-source] [--quiet] [PATH...]\n"
    "\n"
    "Reads every facts and lexicon file in PATH (a file, or a folder searched\n"
    "for *.yaml; default: the bundled yaml/ folder) and reports every problem\n"
    "found, not just the first, as 'kg: FILE:LINE:COL: message':\n"
    "YAML syntax, wrong types, unknown actor/event/relation types, units and\n"
    "approx values, ids that are not slugs, duplicate ids, references to\n"
    "unknown actors or events (also across documents: doc-id/e3), conflicting\n"
    "actor definitions, dates that are not valid EDTF or do not exist, spans\n"
    "outside the source text, URLs that are not http(s). A source text whose\n"
    "sha256 changed gives a warning (the spans may be stale), and so does each\n"
    "span whose quote no longer sits at its offsets (where its text is now; fix\n"
    "them with kg respan).\n"
    "\n"
    "  --show-source  print the offending line with a caret under the column\n"
    "                 (the default when stderr is a terminal)\n"
    "  -q, --quiet    print nothing but the findings (no summary line)\n"
    "\n"
    "exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage,\n"
    "3 a path could not be read.\n";

int kg_cmd_check(int argc, char **argv)
{
    static const struct option opts[] = { { "show-source", no_argument, NULL, 's' },
                                           { "quiet", no_argument, NULL, 'q' },
                                           { NULL, 0, NULL, 0 } };
    int show = 0, quiet = 0, c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":qs", opts, NULL)) != -1) {
        switch (c) {
        case 's':
            show = 1;
            break;
        case 'q':
            quiet = 1;
            break;
        default:
            return kg_cli_bad_option("check", c, argv, opts);
        }
    }
    kg_corpus corpus = KG_CORPUS_INIT;
    kg_diag d = KG_DIAG_INIT;
    int io = kg_cli_load(&corpus, &d, argc, argv, optind);
    kg_check(&corpus, &d);
    kg_diag_sort(&d);
    kg_cli_print_diag(&d, show);
    if (!quiet && (d.errors || d.warnings))
        fprintf(stderr, "kg: %zu error%s, %zu warning%s in %zu file%s\n", d.errors,
                d.errors == 1 ? "" : "s", d.warnings, d.warnings == 1 ? "" : "s", corpus.n,
                corpus.n == 1 ? "" : "s");
    int rc = io ? KG_EXIT_IO : d.errors ? KG_EXIT_FINDINGS : KG_EXIT_OK;
    kg_diag_free(&d);
    kg_corpus_free(&corpus);
    return rc;
}
