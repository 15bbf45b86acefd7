/* testutil.c - helpers shared by the Criterion tests (testutil.h). */
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
