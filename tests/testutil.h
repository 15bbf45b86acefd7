/* testutil.h - helpers shared by the Criterion tests. */
#ifndef KG_TESTUTIL_H
#define KG_TESTUTIL_H

#include <stddef.h>

#include "kg/buf.h"
#include "kg/render.h"

/* Absolute path of the kg binary under test ($KG, default ./kg); static. */
const char *kgt_binary(void);
/* Runs `sh -c cmd`, capturing stdout+stderr (2>&1 is up to cmd) into a
 * malloc'd string (*out, caller frees); returns the exit status, or -1. */
int kgt_run(const char *cmd, char **out);
/* Reads a whole file into a malloc'd string; NULL if it cannot. */
char *kgt_slurp(const char *path, size_t *len);
/* Writes a file; returns 0 or -1. */
int kgt_write(const char *path, const char *text);
/* A new empty temporary folder (malloc'd path). */
char *kgt_tmpdir(void);
/* Runs `cd DIR && kg ARGS 2>&1` with the bundled lexicons (KG_DATA=yaml
 * of the checkout); the exit status, the output in *out (caller frees). */
int kgt_kg_in(const char *dir, const char *args, char **out);
/* The folder of the real seed articles, or NULL when absent. */
const char *kgt_seeds_dir(void);

/* The bundled lexicons (yaml/lexicon) read once: the corpus, the actor
 * lexicon and the event lexicon; NULL when they cannot be read or the
 * event lexicon has errors. */
typedef struct kg_corpus kg_corpus;
typedef struct kg_lexicon kg_lexicon;
typedef struct kg_evlex kg_evlex;
typedef struct kgt_lexes {
    kg_corpus *c;
    kg_lexicon *lx;
    kg_evlex *ev;
} kgt_lexes;
const kgt_lexes *kgt_bundled_lexes(void);

/* Facts text (YAML) written to doc.yaml in a new temporary folder and
 * loaded into a fresh corpus; asserts it loads, and with no_errors that
 * kg finds no error in it. Free with kgt_corpus_free. */
kg_corpus *kgt_facts_text(const char *yaml, int no_errors);
void kgt_corpus_free(kg_corpus *c);

/* Renders corpus c with fn in format f (o may be NULL: the defaults;
 * source texts are never read) and returns the output (malloc'd);
 * asserts the renderer succeeds, and with no_errors that it reports no
 * error. */
char *kgt_render(kg_render_fn fn, const kg_corpus *c, kg_format f, kg_render_opts *o, int no_errors);

/* Spec files (tests/spec/NAME.spec): rules tested from input -> expected.
 * A case is one input line (\n \t \r \\ \" escapes undone), then the
 * expected lines, one a line ("[]" alone expects nothing); a blank line
 * or the end closes it. Between cases: "#" starts a comment, "%date D"
 * sets the date of the cases after it ("none": no date), "@date D" the
 * date of the next case only; any other "%NAME ..." line goes to the
 * directive hook (a file with a directive no hook knows fails). */
typedef struct kgt_spec_case {
    const char *path;
    int line;                  /* the input's line */
    const char *input;
    const char *dct;           /* NULL: no date */
} kgt_spec_case;

typedef struct kgt_spec {
    /* a "%NAME ..." line other than %date: returns 0 when it knows it */
    int (*directive)(void *ctx, const kgt_spec_case *at, const char *line);
    /* runs one case, writing what it got into GOT one line each, each
     * ending in a newline; returns 0, or -1 when it could not run */
    int (*run)(void *ctx, const kgt_spec_case *c, kg_buf *got);
    void *ctx;
} kgt_spec;

/* Runs every case of the spec file PATH; a case fails when the hook
 * fails or what it got differs from the expected lines, and is logged
 * as PATH:LINE with both. Returns the number of cases and adds the
 * failures to *failed. */
size_t kgt_spec_file(const char *path, const kgt_spec *hooks, size_t *failed);

#endif
