/* cmd_check.c - 'kg check': load facts files and report every problem. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

const char kg_help_check[] =
    "usage: kg check [--show-source] [--quiet] [PATH...]\n"
    "\n"
    "Reads every facts and lexicon file in PATH (a file, or a folder searched\n"
    "for *.yaml; default: the project's facts, see 'kg help init') and reports\n"
    "every problem found, not just the first, as 'kg: FILE:LINE:COL: message':\n"
    "YAML syntax, wrong types, unknown actor/event/relation types, units and\n"
    "approx values, ids that are not slugs, duplicate ids, references to\n"
    "unknown actors or events (also across documents: doc-id/e3), conflicting\n"
    "actor definitions, dates that are not valid EDTF or do not exist, spans\n"
    "outside the source text, URLs that are not http(s), a source that leads\n"
    "out of the project (it must be below the facts file's folder or the\n"
    "project's articles folder, after symlinks; kg never reads it). A source\n"
    "text whose sha256 changed gives a warning (the spans may be stale), and\n"
    "so does each span whose quote no longer sits at its offsets (where its\n"
    "text is now; fix them with kg respan).\n"
    "\n"
    "Unknown keys: a likely misspelling of a key of its place (titel: in an\n"
    "event) is an error with a did-you-mean; any other unknown key a warning\n"
    "(kept, but not read); keys starting with 'x-' (x-note:) are extensions\n"
    "and pass silently. Unknown ids, types and units get a did-you-mean too;\n"
    "a name or alias under two actor ids of no different countries is a\n"
    "warning. Control characters (ESC, BEL, DEL, C1 ...) in any value are\n"
    "errors, named as U+001B; the format's own fields are one line each (no\n"
    "line break or tab); free text under an unknown or x- key may hold both.\n"
    "A date in another form (15/03/2025) is read and suggested in EDTF.\n"
    "\n"
    "  --show-source  print the offending line with a caret under the column\n"
    "                 (the default when stderr is a terminal)\n"
    "  -q, --quiet    print nothing but the findings (no summary line)\n"
    "\n"
    "The summary counts the files read and, apart, the paths that could not\n"
    "be read.\n"
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
    kg_cli_check_stats st;
    int rc = kg_cli_check(argc, argv, optind, show, &st);
    if (st.checked && !quiet && (st.errors || st.warnings)) {
        /* files counts every file that was read, also one that then
         * failed to parse; a path that could not be read is counted apart */
        fprintf(stderr, "kg: %zu error%s, %zu warning%s", st.errors, st.errors == 1 ? "" : "s",
                st.warnings, st.warnings == 1 ? "" : "s");
        if (st.files)
            fprintf(stderr, " in %zu file%s", st.files, st.files == 1 ? "" : "s");
        if (st.unread)
            fprintf(stderr, "%s%zu path%s could not be read", st.files ? "; " : " (",
                    st.unread, st.unread == 1 ? "" : "s");
        fputs(!st.files && st.unread ? ")\n" : "\n", stderr);
    }
    return rc;
}
