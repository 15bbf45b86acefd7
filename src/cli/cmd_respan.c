/* cmd_respan.c - 'kg respan': re-anchor spans by their quotes after the
 * article was edited. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "kg/esc.h"
#include "kg/merge.h"
#include "kg/check.h"
#include "kg/diff.h"
#include "kg/layout.h"
#include "kg/quote.h"

const char kg_help_respan[] =
    "usage: kg respan [--dry-run] [--diff] [--add-quotes] [PATH...]\n"
    "\n"
    "After an article was edited, its facts' spans (byte offsets) point at the\n"
    "wrong text, and kg check says which moved. kg respan finds each span\n"
    "again by its quote (the 'quote:' beside the span: the spanned text, or\n"
    "for a span of more than 48 characters its first and last 20 characters\n"
    "joined by ' … '), taking the occurrence nearest to the old place, and\n"
    "writes the new offsets and the text's new sha256. A PATH that is a folder\n"
    "means every facts file below it; without PATH, the project's facts. It\n"
    "re-anchors kg's own copy in .kg/ too (what kg extract merges against),\n"
    "so the moved spans are not taken for hand edits. The source text is the document's\n"
    "'source:', found as kg check finds it. The file is rewritten atomically\n"
    "in the canonical layout, comments kept (see kg fmt).\n"
    "\n"
    "Each span it cannot place (its quote is gone from the text, or it has no\n"
    "quote and the text changed) is reported as FILE:LINE:COL; the others are\n"
    "still moved, and the sha256 is left as it was so that kg check goes on\n"
    "warning.\n"
    "\n"
    "  --add-quotes  give spans without a quote one, taken from the source\n"
    "                text, which must be unchanged (same sha256): do this\n"
    "                before editing the article\n"
    "  -n, --dry-run change nothing; say what would move\n"
    "  --diff        change nothing; print the change as a unified diff\n"
    "                (exit 1 if there is one)\n"
    "\n"
    "exit status: 0 ok, 1 a span could not be placed, a file has errors or no\n"
    "usable source (or --diff found changes), 2 usage, 3 a file could not be\n"
    "read or written.\n";

typedef struct respan_opts {
    int dry_run, diff, add_quotes;
} respan_opts;

static void respan_base(const char *path, const char *src, size_t slen, kg_diag *d);

static int respan_one(const char *path, const respan_opts *o, int explicit, kg_diag *d)
{
    size_t len, slen = 0;
    char *text = kg_read_file(path, &len, 0), *src = NULL, *spath = NULL;
    if (!text) {
        kg_diag_error(d, path, 0, 0, "cannot read: %s", strerror(errno));
        return KG_EXIT_IO;
    }
    size_t before = d->errors;
    kg_node *tree = kg_yaml_parse(path, text, len, d);
    int facts = tree && kg_node_key(tree, "kg") && kg_node_get(tree, "document");
    if (!explicit && d->errors == before && !facts) {
        kg_node_free(tree); /* a lexicon or not a facts file: nothing to do */
        free(text);
        return KG_EXIT_OK;
    }
    kg_doc *doc = d->errors > before ? NULL : kg_doc_from_tree(path, tree, d);
    int rc = KG_EXIT_OK;
    kg_layout_info info = { 0 };
    kg_buf out = KG_BUF_INIT;
    if (!doc || d->errors > before) {
        rc = KG_EXIT_FINDINGS;
        goto done;
    }
    const kg_node *hdr = kg_node_get(doc->tree, "document");
    const kg_node *sn = kg_node_get(hdr, "source");
    int line = sn ? sn->line : 0, col = sn ? sn->col : 0;
    if (!doc->has_header || !doc->source) {
        kg_diag_error(d, path, 0, 0, "names no source text ('source:' in 'document:'); "
                      "kg respan needs the source text");
        rc = KG_EXIT_FINDINGS;
        goto done;
    }
    /* the same rule as kg check: below the facts file's folder or the
     * project's articles folder */
    kg_corpus roots = KG_CORPUS_INIT;
    char *const one[] = { (char *)path };
    if (kg_cli_source_roots(&roots, one, 1) == 0)
        spath = kg_source_path(&roots, doc);
    kg_corpus_free(&roots);
    if (!spath) {
        kg_diag_error(d, path, line, col,
                      "source '%s' leads outside the project (or cannot be used); kg respan "
                      "needs the source text below the facts file's folder or the project's "
                      "articles folder", doc->source);
        rc = KG_EXIT_FINDINGS;
        goto done;
    }
    src = kg_read_file(spath, &slen, 0);
    if (!src) {
        kg_diag_error(d, path, line, col,
                      "source text '%s' cannot be read (%s); kg respan needs the source text",
                      doc->source, strerror(errno));
        rc = KG_EXIT_FINDINGS;
        goto done;
    }
    kg_respan_result r;
    size_t before_respan = d->errors;
    kg_respan(doc, src, slen, o->add_quotes, &r, d);
    if (d->errors > before_respan)
        rc = KG_EXIT_FINDINGS;
    if (!r.moved && !r.quoted && !r.sha_updated)
        goto done;
    kg_guard g = kg_guard_check(path);
    if (kg_facts_format(doc, path, text, len, &out, &info, d) < 0) {
        rc = KG_EXIT_FINDINGS;
        goto done;
    }
    if (g == KG_GUARD_OURS)
        kg_checksum_append(&out);
    if (out.len == len && memcmp(out.ptr, text, len) == 0)
        goto done;
    if (o->diff) {
        kg_cli_print_diff(path, text, len, out.ptr, out.len);
        rc = KG_EXIT_FINDINGS;
    } else if (o->dry_run) {
        kg_diag_add(d, KG_SEV_NOTE, path, 0, 0,
                    "would move %zu span(s), add %zu quote(s)%s (--dry-run: nothing written)",
                    r.moved, r.quoted, r.sha_updated ? " and update sha256" : "");
    } else if (kg_write_atomic(path, out.ptr, out.len) < 0) {
        kg_diag_error(d, path, 0, 0, "cannot write: %s", strerror(errno));
        rc = KG_EXIT_IO;
    } else {
        kg_diag_add(d, KG_SEV_NOTE, path, 0, 0, "moved %zu span(s), added %zu quote(s)%s",
                    r.moved, r.quoted, r.sha_updated ? ", sha256 updated" : "");
        respan_base(path, src, slen, d);
    }
done:
    kg_buf_free(&out);
    kg_layout_info_free(&info);
    if (doc)
        kg_doc_free(doc);
    else
        kg_node_free(tree);
    free(spath);
    free(src);
    free(text);
    return rc;
}

/* Re-anchoring is kg's work, not the person's: the copy of what kg last
 * wrote (.kg/NAME, which kg extract merges against) is re-anchored the
 * same way, so that the next re-extraction does not take the moved spans
 * and the new sha256 for hand edits. */
static void respan_base(const char *path, const char *src, size_t slen, kg_diag *d)
{
    char *base = kg_merge_base_path(path);
    size_t len;
    char *text = kg_read_file(base, &len, 0);
    if (!text) {
        free(base);
        return; /* no copy: nothing to keep in step */
    }
    kg_diag quiet = KG_DIAG_INIT;
    kg_node *tree = kg_yaml_parse(base, text, len, &quiet);
    kg_doc *doc = quiet.errors ? NULL : kg_doc_from_tree(base, tree, &quiet);
    kg_buf out = KG_BUF_INIT;
    kg_layout_info info = { 0 };
    kg_respan_result r;
    int ok = doc && !quiet.errors && kg_respan(doc, src, slen, 0, &r, &quiet) == 0 &&
             kg_facts_format(doc, base, text, len, &out, &info, &quiet) == 0;
    if (ok && kg_guard_check(base) == KG_GUARD_OURS)
        kg_checksum_append(&out);
    if (ok && !(out.len == len && memcmp(out.ptr, text, len) == 0) &&
        kg_write_atomic(base, out.ptr, out.len) < 0)
        ok = 0;
    if (!ok)
        kg_diag_warn(d, path, 0, 0, "the copy kg merges against (%s) could not be re-anchored; "
                     "the next kg extract may report the moved spans as conflicts", base);
    kg_buf_free(&out);
    kg_layout_info_free(&info);
    if (doc)
        kg_doc_free(doc);
    else
        kg_node_free(tree);
    kg_diag_free(&quiet);
    free(text);
    free(base);
}

static int respan_file(const char *path, int explicit, void *arg, kg_diag *d)
{
    return respan_one(path, arg, explicit, d);
}

int kg_cmd_respan(int argc, char **argv)
{
    static const struct option opts[] = { { "dry-run", no_argument, NULL, 'n' },
                                           { "diff", no_argument, NULL, 'D' },
                                           { "add-quotes", no_argument, NULL, 'a' },
                                           { NULL, 0, NULL, 0 } };
    respan_opts o = { 0, 0, 0 };
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":n", opts, NULL)) != -1) {
        if (c == 'n')
            o.dry_run = 1;
        else if (c == 'D')
            o.diff = 1;
        else if (c == 'a')
            o.add_quotes = 1;
        else
            return kg_cli_bad_option("respan", c, argv, opts);
    }
    kg_diag d = KG_DIAG_INIT;
    int rc = kg_cli_each_file("respan", argc, argv, optind, respan_file, &o, &d);
    fflush(stdout);
    kg_cli_print_diag(&d, 0);
    kg_diag_free(&d);
    return rc;
}
