/* project.c - a kg project: a folder with a kg.yaml that says where the
 * articles, facts, lexicons and outputs live. Every command finds it by
 * walking up from the current folder, as git finds .git; its paths are
 * relative to the folder of kg.yaml and are handed to the commands as
 * paths usable from the current folder ("../facts" from a subfolder). */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "cli.h"
#include "kg/suggest.h"

const char *kg_cli_command = "kg";

static int is_file(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* root joined with a path from kg.yaml (an absolute one stays as it is). */
static char *join(const char *root, const char *rel)
{
    kg_buf b = KG_BUF_INIT;
    if (rel[0] == '/' || strcmp(root, ".") == 0)
        kg_buf_puts(&b, rel);
    else
        kg_buf_printf(&b, "%s/%s", root, rel);
    while (b.len > 1 && b.ptr[b.len - 1] == '/')
        b.ptr[--b.len] = '\0';
    return kg_buf_detach(&b, NULL);
}

char *kg_project_find(const char *dir, int relative)
{
    char abs[PATH_MAX];
    if (!realpath(dir, abs))
        return NULL;
    int up = 0;
    for (;;) {
        kg_buf f = KG_BUF_INIT;
        kg_buf_printf(&f, "%s/kg.yaml", strcmp(abs, "/") ? abs : "");
        int found = is_file(f.ptr);
        kg_buf_free(&f);
        if (found)
            break;
        char *slash = strrchr(abs, '/');
        if (!slash || strcmp(abs, "/") == 0)
            return NULL;
        if (slash == abs)
            slash[1] = '\0';
        else
            *slash = '\0';
        up++;
    }
    if (!relative)
        return kg_xstrdup(abs);
    kg_buf b = KG_BUF_INIT;
    if (!up)
        kg_buf_putc(&b, '.');
    for (int i = 0; i < up; i++)
        kg_buf_puts(&b, i ? "/.." : "..");
    return kg_buf_detach(&b, NULL);
}

void kg_project_free(kg_project *p)
{
    if (!p)
        return;
    char **fields[] = { &p->root,     &p->file,     &p->title, &p->intro, &p->articles,
                        &p->facts,    &p->lexicons, &p->out,   &p->style, &p->timeline_style };
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
        free(*fields[i]);
        *fields[i] = NULL;
    }
}

/* A string value of kg.yaml: NULL for null, else a copy; a list or a
 * mapping is an error. */
static char *string_value(const kg_node *v, const char *key, const char *file, kg_diag *d)
{
    if (kg_node_is_null(v))
        return NULL;
    if (v->kind != KG_NODE_SCALAR) {
        kg_diag_error(d, file, v->line, v->col, "'%s' must be a string, not a %s", key,
                      v->kind == KG_NODE_SEQ ? "list" : "mapping");
        return NULL;
    }
    if (!*v->value) {
        kg_diag_error(d, file, v->line, v->col, "'%s' must not be empty", key);
        return NULL;
    }
    return kg_xstrdup(v->value);
}

static void unknown_key(const kg_node *k, const char *where, const char *const *known, size_t n,
                        const char *file, kg_diag *d)
{
    const char *best = kg_suggest(k->value, known, n);
    kg_buf list = KG_BUF_INIT;
    for (size_t i = 0; i < n; i++)
        kg_buf_printf(&list, "%s%s", i ? ", " : "", known[i]);
    if (best)
        kg_diag_error(d, file, k->line, k->col, "unknown key '%s'%s; did you mean '%s'?", k->value,
                      where, best);
    else
        kg_diag_error(d, file, k->line, k->col, "unknown key '%s'%s (known: %s)", k->value, where,
                      list.ptr);
    kg_buf_free(&list);
}

static void read_timeline(kg_project *p, const kg_node *m, const char *file, kg_diag *d)
{
    static const char *const keys[] = { "lanes", "style" };
    if (kg_node_is_null(m))
        return;
    if (m->kind != KG_NODE_MAP) {
        kg_diag_error(d, file, m->line, m->col,
                      "'timeline' must be a mapping (lanes: country, style: FILE)");
        return;
    }
    for (size_t i = 0; i + 1 < m->n; i += 2) {
        const kg_node *k = m->items[i], *v = m->items[i + 1];
        const char *key = k->kind == KG_NODE_SCALAR ? k->value : "";
        if (strcmp(key, "lanes") == 0) {
            char *s = string_value(v, "lanes", file, d);
            if (!s)
                continue;
            if (strcmp(s, "country") == 0)
                p->lanes = KG_LANES_COUNTRY;
            else if (strcmp(s, "actor") == 0)
                p->lanes = KG_LANES_ACTOR;
            else if (strcmp(s, "type") == 0)
                p->lanes = KG_LANES_TYPE;
            else
                kg_diag_error(d, file, v->line, v->col,
                              "'lanes' is country, actor or type, not '%s'", s);
            free(s);
        } else if (strcmp(key, "style") == 0) {
            char *s = string_value(v, "style", file, d);
            if (s) {
                free(p->timeline_style);
                p->timeline_style = join(p->root, s);
            }
            free(s);
        } else {
            unknown_key(k, " in 'timeline'", keys, sizeof keys / sizeof *keys, file, d);
        }
    }
}

int kg_project_read(kg_project *p, const char *root, kg_diag *d)
{
    static const char *const keys[] = { "title", "intro",  "articles", "facts",
                                        "lexicons", "out", "style",    "timeline" };
    memset(p, 0, sizeof *p);
    p->lanes = -1;
    p->root = kg_xstrdup(root);
    p->file = join(root, "kg.yaml");
    size_t len = 0;
    char *text = kg_read_file(p->file, &len, 1u << 20);
    if (!text) {
        kg_diag_error(d, p->file, 0, 0, "cannot read: %s", strerror(errno));
        return KG_EXIT_IO;
    }
    size_t before = d->errors;
    kg_node *tree = kg_yaml_parse(p->file, text, len, d);
    free(text);
    char *paths[4] = { NULL, NULL, NULL, NULL }; /* articles, facts, lexicons, out */
    char *style = NULL;
    if (tree && !kg_node_is_null(tree) && tree->kind != KG_NODE_MAP)
        kg_diag_error(d, p->file, tree->line, tree->col,
                      "kg.yaml must be a mapping of keys (title:, facts:, ...)");
    for (size_t i = 0; tree && tree->kind == KG_NODE_MAP && i + 1 < tree->n; i += 2) {
        const kg_node *k = tree->items[i], *v = tree->items[i + 1];
        const char *key = k->kind == KG_NODE_SCALAR ? k->value : "";
        size_t ki = 0;
        while (ki < sizeof keys / sizeof *keys && strcmp(keys[ki], key) != 0)
            ki++;
        switch (ki) {
        case 0: free(p->title); p->title = string_value(v, key, p->file, d); break;
        case 1: free(p->intro); p->intro = string_value(v, key, p->file, d); break;
        case 2: case 3: case 4: case 5:
            free(paths[ki - 2]);
            paths[ki - 2] = string_value(v, key, p->file, d);
            break;
        case 6: free(style); style = string_value(v, key, p->file, d); break;
        case 7: read_timeline(p, v, p->file, d); break;
        default: unknown_key(k, " in kg.yaml", keys, sizeof keys / sizeof *keys, p->file, d);
        }
    }
    kg_node_free(tree);
    p->articles = join(root, paths[0] ? paths[0] : "articles");
    p->facts = join(root, paths[1] ? paths[1] : "facts");
    if (paths[2]) {
        p->lexicons = join(root, paths[2]);
    } else {
        /* the facts folder's lexicon/, else lexicon/ beside kg.yaml */
        char *in_facts = join(p->facts, "lexicon"), *top = join(root, "lexicon");
        if (!is_dir(in_facts) && is_dir(top)) {
            p->lexicons = top;
            free(in_facts);
        } else {
            p->lexicons = in_facts;
            free(top);
        }
    }
    p->out = join(root, paths[3] ? paths[3] : "out");
    if (style)
        p->style = join(root, style);
    for (int i = 0; i < 4; i++)
        free(paths[i]);
    free(style);
    return d->errors > before ? KG_EXIT_FINDINGS : 0;
}

/* ---- the project of the current folder ---- */

static kg_project the_project;
static int project_state; /* 0 not looked for, 1 found, 2 none, 3 broken */
static int project_rc;

static void project_atexit(void)
{
    kg_project_free(&the_project);
}

int kg_cli_project(const kg_project **p)
{
    *p = NULL;
    if (!project_state) {
        char *root = kg_project_find(".", 1);
        project_state = 2;
        if (root) {
            kg_diag d = KG_DIAG_INIT;
            project_rc = kg_project_read(&the_project, root, &d);
            kg_cli_print_diag(&d, 0);
            kg_diag_free(&d);
            project_state = project_rc ? 3 : 1;
            if (project_rc)
                kg_cli_error("%s: fix %s first (every kg command run here reads it)",
                             kg_cli_command, the_project.file);
            atexit(project_atexit);
        }
        free(root);
    }
    if (project_state == 1)
        *p = &the_project;
    return project_state == 3 ? project_rc : 0;
}

int kg_cli_need_project(const char *cmd, const kg_project **p)
{
    int rc = kg_cli_project(p);
    if (rc)
        return rc;
    if (*p)
        return 0;
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd))
        snprintf(cwd, sizeof cwd, ".");
    kg_cli_error("%s: no PATH given and not inside a kg project (no kg.yaml in %s or any folder "
                 "above it)\n  make one with 'kg init' (articles/, facts/, out/ and a kg.yaml), "
                 "or name the facts: 'kg %s FOLDER'",
                 cmd, cwd, cmd);
    return KG_EXIT_USAGE;
}

/* 1 if a is b or below it (real paths). */
static int inside(const char *a, const char *b)
{
    char ra[PATH_MAX], rb[PATH_MAX];
    if (!realpath(a, ra) || !realpath(b, rb))
        return 0;
    size_t n = strlen(rb);
    return strncmp(ra, rb, n) == 0 && (ra[n] == '/' || ra[n] == '\0' || n == 1);
}

int kg_cli_default_paths(const char *cmd, kg_strv *paths)
{
    const kg_project *p;
    int rc = kg_cli_need_project(cmd, &p);
    if (rc)
        return rc;
    kg_strv_push(paths, p->facts);
    if (is_dir(p->lexicons) && !inside(p->lexicons, p->facts))
        kg_strv_push(paths, p->lexicons);
    return 0;
}

static void add_root(kg_corpus *c, const char *dir)
{
    for (size_t i = 0; i < c->source_roots.n; i++)
        if (strcmp(c->source_roots.v[i], dir) == 0)
            return;
    kg_strv_push(&c->source_roots, dir);
}

int kg_cli_source_roots(kg_corpus *c, char *const *paths, int n)
{
    const kg_project *p;
    int rc = kg_cli_project(&p);
    if (rc)
        return rc;
    if (p)
        add_root(c, p->articles);
    /* a facts folder named from outside its project: that project's articles */
    for (int i = 0; i < n; i++) {
        char *dir = kg_xstrdup(paths[i]);
        if (!is_dir(dir)) {
            char *slash = strrchr(dir, '/');
            if (slash && slash != dir)
                *slash = '\0';
            else
                strcpy(dir, slash ? "/" : ".");
        }
        char *root = kg_project_find(dir, 0);
        free(dir);
        if (!root || (p && inside(root, p->root) && inside(p->root, root))) {
            free(root);
            continue;
        }
        /* Only an articles folder inside that project: a facts folder
         * that arrives with its own kg.yaml (articles: /) must not open
         * the rest of the disk. The project here is the user's own. */
        kg_project other;
        kg_diag d = KG_DIAG_INIT;
        if (kg_project_read(&other, root, &d) == 0 && inside(other.articles, root))
            add_root(c, other.articles);
        /* (a broken kg.yaml elsewhere only costs that project's articles) */
        kg_project_free(&other);
        kg_diag_free(&d);
        free(root);
    }
    return 0;
}

const char *kg_cli_out_path(const char *name)
{
    static char buf[PATH_MAX];
    const kg_project *p;
    if (kg_cli_project(&p) == 0 && p)
        snprintf(buf, sizeof buf, "%s/%s", p->out, name);
    else
        snprintf(buf, sizeof buf, "out/%s", name);
    return buf;
}

int kg_cli_project_lexicons(const char *bundled, const char **dir)
{
    const kg_project *p;
    int rc = kg_cli_project(&p);
    *dir = NULL;
    if (rc)
        return rc;
    /* (a project whose lexicons are the bundled ones: read them once) */
    if (p && is_dir(p->lexicons) && !inside(p->lexicons, bundled))
        *dir = p->lexicons;
    return 0;
}

int kg_cli_lexicons(kg_corpus *c, kg_diag *d, const char *bundled)
{
    const char *dir;
    int rc = kg_cli_project_lexicons(bundled, &dir);
    if (rc || !dir)
        return rc;
    return kg_facts_load_path(c, dir, d) < 0 ? KG_EXIT_IO : 0;
}
