/* cmd_fmt.c - 'kg fmt': rewrite facts files in the canonical layout. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "kg/esc.h"
#include "kg/diff.h"
#include "kg/layout.h"

const char kg_help_fmt[] =
    "usage: kg fmt [--check] [--diff] [--force] [PATH...]\n"
    "\n"
    "Rewrites each facts file in kg's canonical layout: keys in the documented\n"
    "order, unknown keys kept, quotes only where YAML needs them, flow or block\n"
    "style as the file had it. A PATH that is a folder means every *.yaml and\n"
    "*.yml file below it (hidden folders skipped; files without a top-level\n"
    "'kg:' key are not facts files and are left alone). The write is atomic\n"
    "(temporary file + rename). What kg extract writes is already canonical.\n"
    "\n"
    "Comments are kept: each full-line comment (and blank line) belongs to the\n"
    "line below it, an end-of-line comment to its own line, and goes back\n"
    "beside the line with the same YAML path (e.g. events[id=e3].title). A\n"
    "comment whose line would be gone (a key with an empty value, say) is\n"
    "moved to the end of the file under a note; kg fmt refuses that unless\n"
    "--force is given (the old file is then kept as FILE.orig, or the next\n"
    "free FILE.orig.N: a backup is never overwritten). Without PATH: every\n"
    "facts file below the project's facts folder (and its lexicons).\n"
    "\n"
    "  --check   change nothing; exit 1 if a file is not in canonical layout\n"
    "  --diff    change nothing; print what would change as a unified diff\n"
    "            (exit 1 if anything would)\n"
    "  --force   rewrite even when a comment must move to the end of the file\n"
    "\n"
    "exit status: 0 ok, 1 errors in a file (or --check/--diff found changes),\n"
    "2 usage, 3 a file could not be read or written.\n";

typedef struct fmt_opts {
    int check, diff, force;
} fmt_opts;

/* explicit: named on the command line (else found in a folder, and left
 * alone when it is not a facts file). */
static int fmt_one(const char *path, const fmt_opts *o, int explicit, kg_diag *d)
{
    size_t len;
    char *text = kg_read_file(path, &len, 0);
    if (!text) {
        kg_diag_error(d, path, 0, 0, "cannot read: %s", strerror(errno));
        return KG_EXIT_IO;
    }
    size_t before = d->errors;
    kg_node *tree = kg_yaml_parse(path, text, len, d);
    if (!explicit && d->errors == before && !kg_node_key(tree, "kg")) {
        kg_node_free(tree);
        free(text);
        return KG_EXIT_OK; /* not a facts file (kg.yaml, say) */
    }
    kg_doc *doc = d->errors > before ? NULL : kg_doc_from_tree(path, tree, d);
    int rc = KG_EXIT_OK;
    kg_layout_info info = { 0 };
    if (!doc || d->errors > before) {
        rc = KG_EXIT_FINDINGS;
        goto done;
    }
    kg_guard g = kg_guard_check(path);
    kg_buf out = KG_BUF_INIT;
    if (kg_facts_format(doc, path, text, len, &out, &info, d) < 0) {
        kg_buf_free(&out);
        rc = KG_EXIT_FINDINGS;
        goto done;
    }
    if (g == KG_GUARD_OURS)
        kg_checksum_append(&out);
    if (out.len == len && memcmp(out.ptr, text, len) == 0) {
        kg_buf_free(&out);
        goto done;
    }
    if (o->diff) {
        kg_cli_print_diff(path, text, len, out.ptr, out.len);
        rc = KG_EXIT_FINDINGS;
    }
    if (o->check) {
        kg_diag_error(d, path, 0, 0, "not in canonical layout (run 'kg fmt %s')", path);
        rc = KG_EXIT_FINDINGS;
    } else if (o->diff) {
        /* shown, not written */
    } else if (info.orphans && !o->force) {
        kg_diag_error(d, path, info.orphan_line, info.orphan_col,
                      "this comment (and %zu more) would lose its place: its line, %s, is not "
                      "in the canonical layout; move it by hand, or use --force to put it at "
                      "the end of the file (keeps the old file as %s.orig, or the next free .orig.N)",
                      info.orphans - 1, info.orphan_path, path);
        rc = KG_EXIT_FINDINGS;
    } else {
        /* a comment moves: the old file is kept first, never over an
         * older backup */
        char *kept = NULL;
        if (info.orphans && !(kept = kg_backup_keep(path, text, len))) {
            kg_diag_error(d, path, 0, 0, "cannot keep a backup copy (%s.orig...): %s; not "
                          "rewritten", path, strerror(errno));
            rc = KG_EXIT_IO;
        } else if (kg_write_atomic(path, out.ptr, out.len) < 0) {
            kg_diag_error(d, path, 0, 0, "cannot write: %s", strerror(errno));
            rc = KG_EXIT_IO;
        } else if (kept) {
            kg_diag_add(d, KG_SEV_NOTE, path, 0, 0, "your version with its comments is kept as %s",
                        kept);
        }
        free(kept);
    }
    kg_buf_free(&out);
done:
    kg_layout_info_free(&info);
    if (doc)
        kg_doc_free(doc);
    else
        kg_node_free(tree);
    free(text);
    return rc;
}

static int fmt_file(const char *path, int explicit, void *arg, kg_diag *d)
{
    return fmt_one(path, arg, explicit, d);
}

int kg_cmd_fmt(int argc, char **argv)
{
    static const struct option opts[] = { { "check", no_argument, NULL, 'c' },
                                           { "diff", no_argument, NULL, 'D' },
                                           { "force", no_argument, NULL, 'f' },
                                           { NULL, 0, NULL, 0 } };
    fmt_opts o = { 0, 0, 0 };
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
        if (c == 'c')
            o.check = 1;
        else if (c == 'D')
            o.diff = 1;
        else if (c == 'f')
            o.force = 1;
        else
            return kg_cli_bad_option("fmt", c, argv, opts);
    }
    kg_diag d = KG_DIAG_INIT;
    int rc = kg_cli_each_file("fmt", argc, argv, optind, fmt_file, &o, &d);
    fflush(stdout);
    kg_cli_print_diag(&d, 0);
    kg_diag_free(&d);
    return rc;
}
