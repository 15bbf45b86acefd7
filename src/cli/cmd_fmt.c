/* cmd_fmt.c - 'kg fmt': rewrite facts files in the canonical layout. */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

const char kg_help_fmt[] =
    "usage: kg fmt [--check] [--force] [FILE...]\n"
    "\n"
    "Rewrites each facts file in kg's canonical layout: keys in the documented\n"
    "order, unknown keys kept, quotes only where YAML needs them, flow or block\n"
    "style as the file had it. The write is atomic (temporary file + rename).\n"
    "YAML comments cannot be carried over, so a file with comments is refused\n"
    "unless --force is given (the old file is then kept as FILE.orig).\n"
    "Without FILE: every *.yaml below the project's facts folder.\n"
    "\n"
    "  --check   change nothing; exit 1 if a file is not in canonical layout\n"
    "  --force   rewrite files with comments too, keeping FILE.orig\n"
    "\n"
    "exit status: 0 ok, 1 errors in a file (or --check found changes),\n"
    "2 usage, 3 a file could not be read or written.\n";

/* Does the YAML text hold a comment (other than kg's checksum trailer)?
 * Looks for '#' at the start of a line or after a blank, outside quotes. */
static int has_comments(const char *t, size_t len)
{
    size_t plen = strlen(KG_CHECKSUM_PREFIX);
    int sq = 0, dq = 0;
    for (size_t i = 0; i < len; i++) {
        char c = t[i];
        if (c == '\n') {
            sq = dq = 0; /* quoted scalars spanning lines are rare in facts files */
            continue;
        }
        if (dq) {
            if (c == '\\')
                i++;
            else if (c == '"')
                dq = 0;
            continue;
        }
        if (sq) {
            if (c == '\'')
                sq = 0;
            continue;
        }
        int boundary = i == 0 || t[i - 1] == ' ' || t[i - 1] == '\t' || t[i - 1] == '\n';
        if (c == '"' && boundary)
            dq = 1;
        else if (c == '\'' && boundary)
            sq = 1;
        else if (c == '#' && boundary) {
            if (len - i >= plen && memcmp(t + i, KG_CHECKSUM_PREFIX, plen) == 0)
                continue;
            return 1;
        }
    }
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The *.yaml and *.yml files below dir (sorted, bounded depth). */
static void collect(const char *dir, int depth, kg_strv *files)
{
    DIR *dp = opendir(dir);
    if (!dp) {
        kg_strv_push(files, dir); /* fmt_one says why it cannot be read */
        return;
    }
    kg_strv names = { NULL, 0, 0 };
    struct dirent *de;
    while ((de = readdir(dp)))
        if (de->d_name[0] != '.')
            kg_strv_push(&names, de->d_name);
    closedir(dp);
    if (names.n)
        qsort(names.v, names.n, sizeof *names.v, cmp_str);
    kg_buf p = KG_BUF_INIT;
    for (size_t i = 0; i < names.n; i++) {
        kg_buf_reset(&p);
        kg_buf_printf(&p, "%s/%s", dir, names.v[i]);
        struct stat st;
        size_t l = strlen(names.v[i]);
        if (stat(p.ptr, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode) && depth < 8)
            collect(p.ptr, depth + 1, files);
        else if (S_ISREG(st.st_mode) && ((l > 5 && strcmp(names.v[i] + l - 5, ".yaml") == 0) ||
                                         (l > 4 && strcmp(names.v[i] + l - 4, ".yml") == 0)))
            kg_strv_push(files, p.ptr);
    }
    kg_buf_free(&p);
    kg_strv_free(&names);
}

static int fmt_one(const char *path, int check, int force, kg_diag *d)
{
    size_t len;
    char *text = kg_read_file(path, &len, 0);
    if (!text) {
        kg_diag_error(d, path, 0, 0, "cannot read: %s", strerror(errno));
        return KG_EXIT_IO;
    }
    size_t before = d->errors;
    kg_node *tree = kg_yaml_parse(path, text, len, d);
    kg_doc *doc = d->errors > before ? NULL : kg_doc_from_tree(path, tree, d);
    int rc = KG_EXIT_OK;
    if (!doc || d->errors > before) {
        rc = KG_EXIT_FINDINGS;
        goto done;
    }
    kg_guard g = kg_guard_check(path);
    kg_buf out = KG_BUF_INIT;
    kg_facts_emit(doc, &out);
    if (g == KG_GUARD_OURS)
        kg_checksum_append(&out);
    if (out.len == len && memcmp(out.ptr, text, len) == 0) {
        kg_buf_free(&out);
        goto done;
    }
    if (check) {
        kg_diag_error(d, path, 0, 0, "not in canonical layout (run 'kg fmt %s')", path);
        rc = KG_EXIT_FINDINGS;
    } else if (has_comments(text, len) && !force) {
        kg_diag_error(d, path, 0, 0,
                      "has comments that rewriting would drop; edit by hand, or use --force "
                      "(keeps the old file as %s.orig)", path);
        rc = KG_EXIT_FINDINGS;
    } else {
        /* a file with comments is kept first, never over an older backup */
        char *kept = NULL;
        if (has_comments(text, len) && !(kept = kg_backup_keep(path, text, len))) {
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
    if (doc)
        kg_doc_free(doc);
    else
        kg_node_free(tree);
    free(text);
    return rc;
}

int kg_cmd_fmt(int argc, char **argv)
{
    static const struct option opts[] = { { "check", no_argument, NULL, 'c' },
                                           { "force", no_argument, NULL, 'f' },
                                           { NULL, 0, NULL, 0 } };
    int check = 0, force = 0, c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
        if (c == 'c')
            check = 1;
        else if (c == 'f')
            force = 1;
        else
            return kg_cli_bad_option("fmt", c, argv, opts);
    }
    kg_strv files = { NULL, 0, 0 };
    if (optind >= argc) {
        /* the project's facts (and lexicons) */
        kg_strv dflt = { NULL, 0, 0 };
        int r = kg_cli_default_paths("fmt", &dflt);
        for (size_t i = 0; i < dflt.n; i++)
            collect(dflt.v[i], 0, &files);
        kg_strv_free(&dflt);
        if (r) {
            kg_strv_free(&files);
            return r;
        }
    } else {
        for (int i = optind; i < argc; i++)
            kg_strv_push(&files, argv[i]);
    }
    kg_diag d = KG_DIAG_INIT;
    int rc = KG_EXIT_OK;
    for (size_t i = 0; i < files.n; i++) {
        int r = fmt_one(files.v[i], check, force, &d);
        if (r > rc)
            rc = r;
    }
    kg_strv_free(&files);
    kg_cli_print_diag(&d, 0);
    kg_diag_free(&d);
    return rc;
}
