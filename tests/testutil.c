/* testutil.c - helpers shared by the Criterion tests (testutil.h). */
#include <criterion/criterion.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "kg.h"
#include "kg/buf.h"
#include "testutil.h"

const char *kgt_binary(void)
{
    static char path[PATH_MAX];
    if (!path[0]) {
        const char *env = getenv("KG");
        if (!realpath(env && *env ? env : "kg", path))
            snprintf(path, sizeof path, "%s", env && *env ? env : "./kg");
    }
    return path;
}

int kgt_run(const char *cmd, char **out)
{
    FILE *p = popen(cmd, "r");
    if (!p)
        return -1;
    kg_buf b = KG_BUF_INIT;
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, p)) > 0)
        kg_buf_add(&b, chunk, n);
    int st = pclose(p);
    if (out)
        *out = kg_buf_detach(&b, NULL);
    else
        kg_buf_free(&b);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

char *kgt_slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    kg_buf b = KG_BUF_INIT;
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        kg_buf_add(&b, chunk, n);
    fclose(f);
    return kg_buf_detach(&b, len);
}

int kgt_write(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    fputs(text, f);
    return fclose(f) == 0 ? 0 : -1;
}

char *kgt_tmpdir(void)
{
    char tmpl[] = "/tmp/kg-test-XXXXXX";
    char *d = mkdtemp(tmpl);
    return d ? kg_xstrdup(d) : NULL;
}

const char *kgt_seeds_dir(void)
{
    static const char *dir = "../shared/seeds";
    struct stat st;
    return stat(dir, &st) == 0 && S_ISDIR(st.st_mode) ? dir : NULL;
}

int kgt_kg_in(const char *dir, const char *args, char **out)
{
    static char data[PATH_MAX];
    if (!data[0] && !realpath("yaml", data))
        return -1;
    size_t n = strlen(dir) + strlen(data) + strlen(kgt_binary()) + strlen(args) + 64;
    char *cmd = malloc(n);
    if (!cmd)
        return -1;
    snprintf(cmd, n, "cd '%s' && KG_DATA='%s' '%s' %s 2>&1", dir, data, kgt_binary(), args);
    int rc = kgt_run(cmd, out);
    free(cmd);
    return rc;
}

const kgt_lexes *kgt_bundled_lexes(void)
{
    static kg_corpus c;
    static kgt_lexes L;
    static int state; /* 0 not read, 1 read, -1 failed */
    if (state)
        return state > 0 ? &L : NULL;
    state = -1;
    kg_corpus_init(&c);
    kg_diag d = KG_DIAG_INIT;
    L.c = &c;
    if (kg_facts_load_path(&c, "yaml/lexicon", &d) < 0) {
        kg_diag_free(&d);
        return NULL;
    }
    L.lx = kg_lexicon_new();
    kg_lexicon_add_corpus(L.lx, &c);
    kg_lexicon_compile(L.lx, &d);
    L.ev = kg_evlex_new();
    int bad = kg_evlex_add_corpus(L.ev, &c, &d) != 0;
    kg_diag_free(&d);
    if (bad)
        return NULL;
    state = 1;
    return &L;
}

kg_corpus *kgt_facts_text(const char *yaml, int no_errors)
{
    char *dir = kgt_tmpdir();
    kg_buf fpath = KG_BUF_INIT;
    kg_buf_printf(&fpath, "%s/doc.yaml", dir);
    cr_assert_eq(kgt_write(fpath.ptr, yaml), 0);
    kg_corpus *c = kg_xcalloc(1, sizeof *c);
    kg_corpus_init(c);
    kg_diag d = KG_DIAG_INIT;
    cr_assert(kg_facts_load_path(c, fpath.ptr, &d) >= 0, "cannot load the fixture");
    if (no_errors)
        cr_assert_eq(d.errors, 0, "the fixture has errors");
    kg_diag_free(&d);
    kg_buf_free(&fpath);
    free(dir);
    return c;
}

void kgt_corpus_free(kg_corpus *c)
{
    kg_corpus_free(c);
    free(c);
}

char *kgt_render(kg_render_fn fn, const kg_corpus *c, kg_format f, kg_render_opts *o, int no_errors)
{
    kg_render_opts def = KG_RENDER_OPTS_INIT;
    if (!o)
        o = &def;
    o->format = f;
    o->no_source = 1;
    kg_buf out = KG_BUF_INIT;
    kg_diag d = KG_DIAG_INIT;
    int rc = fn(c, o, &out, &d);
    for (size_t i = 0; i < d.n; i++)
        cr_log_info("finding: %s", d.v[i].msg);
    cr_assert_eq(rc, KG_RENDER_OK, "renderer failed (%d)", rc);
    if (no_errors)
        cr_expect_eq(d.errors, 0);
    kg_diag_free(&d);
    return kg_buf_detach(&out, NULL);
}

/* ---- spec files ---------------------------------------------------- */

static char *spec_unescape(const char *s)
{
    kg_buf b = KG_BUF_INIT;
    for (; *s; s++) {
        if (*s == '\\' && s[1]) {
            s++;
            switch (*s) {
            case 'n': kg_buf_putc(&b, '\n'); break;
            case 't': kg_buf_putc(&b, '\t'); break;
            case 'r': kg_buf_putc(&b, '\r'); break;
            default: kg_buf_putc(&b, *s); break;
            }
        } else
            kg_buf_putc(&b, *s);
    }
    return kg_buf_detach(&b, NULL);
}

static char *spec_date(const char *arg)
{
    return strcmp(arg, "none") ? strdup(arg) : NULL;
}

size_t kgt_spec_file(const char *path, const kgt_spec *hooks, size_t *failed)
{
    FILE *f = fopen(path, "r");
    cr_assert(f != NULL, "cannot open %s", path);
    char *line = NULL, *input = NULL, *defdate = NULL, *once = NULL;
    int has_once = 0, lineno = 0, at = 0;
    size_t cap = 0, cases = 0;
    kg_buf want = KG_BUF_INIT, got = KG_BUF_INIT;
    for (;;) {
        ssize_t n = getline(&line, &cap, f);
        int eof = n < 0;
        if (!eof) {
            lineno++;
            while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
                line[--n] = '\0';
        }
        if (!eof && n > 0) {
            if (input) {
                if (strcmp(line, "[]") != 0) {
                    kg_buf_puts(&want, line);
                    kg_buf_putc(&want, '\n');
                }
                continue;
            }
            if (line[0] == '#')
                continue;
            if (!strncmp(line, "%date ", 6)) {
                free(defdate);
                defdate = spec_date(line + 6);
                continue;
            }
            if (!strncmp(line, "@date ", 6)) {
                free(once);
                once = spec_date(line + 6);
                has_once = 1;
                continue;
            }
            if (line[0] == '%') {
                kgt_spec_case here = { path, lineno, line, NULL };
                cr_assert(hooks->directive && hooks->directive(hooks->ctx, &here, line) == 0,
                          "%s:%d: unknown directive %s", path, lineno, line);
                continue;
            }
            input = spec_unescape(line);
            at = lineno;
            continue;
        }
        if (input) {
            cases++;
            kgt_spec_case c = { path, at, input, has_once ? once : defdate };
            kg_buf_reset(&got);
            int r = hooks->run(hooks->ctx, &c, &got);
            if (r != 0 || strcmp(got.ptr, want.ptr) != 0) {
                (*failed)++;
                cr_log_error("%s:%d: case fails%s: %s\n  want:\n%s  got:\n%s", path, at,
                             r != 0 ? " (could not run)" : "", input, want.len ? want.ptr : "[]\n",
                             got.len ? got.ptr : "[]\n");
            }
            free(input);
            input = NULL;
            kg_buf_reset(&want);
            free(once);
            once = NULL;
            has_once = 0;
        }
        /* an @date line followed by a blank line stays for the next case */
        if (eof)
            break;
    }
    fclose(f);
    free(line);
    free(defdate);
    free(once);
    kg_buf_free(&want);
    kg_buf_free(&got);
    return cases;
}
