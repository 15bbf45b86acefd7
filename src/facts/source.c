/* source.c - where a document's source text is, and whether kg may read
 * it. The one resolver every reader of a source text goes through (kg
 * check, kg build, the renderers' tooltips and the report): a source
 * resolves against the folder of its facts file and must stay below that
 * folder or below one of the corpus's source roots (the project's
 * articles folder), compared on real paths, after every symlink. */
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kg/buf.h"
#include "kg/check.h"

/* Removes "." and "dir/.." steps from a relative or absolute path, in
 * place ("yaml/../../shared/x" becomes "../shared/x"). */
static void normalise_path(char *p)
{
    int abs = p[0] == '/';
    char *parts[256];
    int n = 0, up = 0;
    char *save = NULL;
    for (char *tok = strtok_r(p + abs, "/", &save); tok; tok = strtok_r(NULL, "/", &save)) {
        if (strcmp(tok, ".") == 0)
            continue;
        if (strcmp(tok, "..") == 0 && n > up) {
            n--;
            continue;
        }
        if (strcmp(tok, "..") == 0 && abs)
            continue;
        if (strcmp(tok, "..") == 0)
            up++;
        if (n < 256)
            parts[n++] = tok;
    }
    kg_buf b = KG_BUF_INIT;
    if (abs)
        kg_buf_putc(&b, '/');
    for (int i = 0; i < n; i++)
        kg_buf_printf(&b, "%s%s", i ? "/" : "", parts[i]);
    if (!b.len)
        kg_buf_putc(&b, '.');
    memcpy(p, b.ptr, b.len + 1); /* never longer than the input */
    kg_buf_free(&b);
}

/* The source as named, joined to its file's folder and normalised. */
static char *lexical_path(const kg_doc *doc)
{
    kg_buf b = KG_BUF_INIT;
    if (doc->source[0] == '/' || !doc->path) {
        kg_buf_puts(&b, doc->source);
    } else {
        char *copy = kg_xstrdup(doc->path);
        kg_buf_printf(&b, "%s/%s", dirname(copy), doc->source);
        free(copy);
    }
    char *p = kg_buf_detach(&b, NULL);
    normalise_path(p);
    return p;
}

/* An absolute path with every symlink resolved: realpath() of p; for a
 * file that does not exist, realpath() of its folder plus its name; for a
 * folder that does not exist either, p made absolute and normalised. */
static char *real_or_lexical(const char *p)
{
    char buf[PATH_MAX];
    if (realpath(p, buf))
        return kg_xstrdup(buf);
    char *copy = kg_xstrdup(p), *copy2 = kg_xstrdup(p);
    const char *dir = dirname(copy), *base = basename(copy2);
    kg_buf b = KG_BUF_INIT;
    if (strcmp(base, "..") != 0 && strcmp(base, ".") != 0 && realpath(dir, buf)) {
        kg_buf_printf(&b, "%s/%s", strcmp(buf, "/") ? buf : "", base);
    } else {
        if (p[0] != '/' && getcwd(buf, sizeof buf))
            kg_buf_printf(&b, "%s/", buf);
        kg_buf_puts(&b, p);
    }
    free(copy);
    free(copy2);
    char *r = kg_buf_detach(&b, NULL);
    normalise_path(r);
    return r;
}

/* 1 if path (absolute, clean) is root itself or below it. */
static int below(const char *path, const char *root)
{
    size_t n = strlen(root);
    if (n == 1 && root[0] == '/')
        return path[0] == '/';
    return strncmp(path, root, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

/* A folder that does not exist (a project whose articles folder is not
 * there yet, e.g. a fresh clone) still names where its texts would be: a
 * source below it is simply not there ("cannot be read", a warning), not
 * outside the project. No file can be below a folder that does not
 * exist, so nothing outside is let in. */
static int allowed(const char *real, const char *folder)
{
    char buf[PATH_MAX];
    if (!folder)
        return 0;
    if (realpath(folder, buf))
        return below(real, buf);
    if (errno != ENOENT)
        return 0;
    char *abs = real_or_lexical(folder);
    int ok = below(real, abs);
    free(abs);
    return ok;
}

kg_source_status kg_source_resolve(const kg_corpus *c, const kg_doc *doc, char **path)
{
    *path = NULL;
    if (!doc->source)
        return KG_SOURCE_NONE;
    char *lex = lexical_path(doc);
    char *real = real_or_lexical(lex);
    int ok = 0;
    if (doc->path) {
        char *copy = kg_xstrdup(doc->path);
        ok = allowed(real, dirname(copy));
        free(copy);
    }
    for (size_t i = 0; !ok && c && i < c->source_roots.n; i++)
        ok = allowed(real, c->source_roots.v[i]);
    free(real);
    if (!ok) {
        free(lex);
        return KG_SOURCE_OUTSIDE;
    }
    *path = lex;
    return KG_SOURCE_OK;
}

char *kg_source_path(const kg_corpus *c, const kg_doc *doc)
{
    char *p;
    kg_source_resolve(c, doc, &p);
    return p;
}
