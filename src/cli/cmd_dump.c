/* cmd_dump.c - 'kg dump': the in-memory facts as a plain-text tree, for
 * reading a file the way kg understood it, and for golden tests. */
#include <getopt.h>
#include <stdio.h>

#include "cli.h"
#include "kg/esc.h"

const char kg_help_dump[] =
    "usage: kg dump [PATH...]\n"
    "\n"
    "Loads facts files (a file or a folder; default: the project's facts) and\n"
    "prints what kg understood, one fact a line, indented under its document.\n"
    "Problems are reported as by 'kg check' (without the cross-file checks).\n"
    "\n"
    "exit status: 0 ok, 1 a file had errors, 2 usage, 3 a path could not be read.\n";

/* Every value printed is escaped for the terminal (kg/esc.h): a printf
 * takes several, hence a ring of buffers, freed by ring_free. */
#define RING 16
static kg_buf ring[RING];
static unsigned ring_next;

static const char *s(const char *x)
{
    if (!x)
        return "-";
    kg_buf *b = &ring[ring_next++ % RING];
    kg_buf_reset(b);
    kg_esc_str(b, x, 0);
    return b->ptr ? b->ptr : "";
}

static void ring_free(void)
{
    for (size_t i = 0; i < RING; i++)
        kg_buf_free(&ring[i]);
}

static void strv(const char *label, const kg_strv *v)
{
    if (!v->n)
        return;
    printf(" %s=[", label);
    for (size_t i = 0; i < v->n; i++)
        printf("%s%s", i ? "," : "", s(v->v[i]));
    putchar(']');
}

static void span(const kg_span *sp)
{
    if (sp->set)
        printf(" span=[%lld,%lld)", sp->start, sp->end);
}

void kg_dump_doc(const kg_doc *doc, FILE *out);

void kg_dump_doc(const kg_doc *doc, FILE *out)
{
    (void)out;
    if (doc->has_header)
        printf("document %s (%s)\n  title: %s\n  publisher: %s author: %s published: %s\n"
               "  url: %s\n  source: %s sha256: %.12s\n",
               s(doc->id), s(doc->path), s(doc->title), s(doc->publisher), s(doc->author),
               s(doc->published.text), s(doc->url), s(doc->source), s(doc->sha256));
    else
        printf("lexicon (%s)\n", s(doc->path));
    for (size_t i = 0; i < doc->n_actors; i++) {
        const kg_actor *a = &doc->actors[i];
        printf("  actor %s: %s type=%s part_of=%s", s(a->id), s(a->name), s(a->type), s(a->part_of));
        strv("aliases", &a->aliases);
        putchar('\n');
    }
    for (size_t i = 0; i < doc->n_events; i++) {
        const kg_event *e = &doc->events[i];
        printf("  event %s: %s type=%s date=%s", s(e->id), s(e->title), s(e->type), s(e->date.text));
        strv("agent", &e->agent);
        strv("target", &e->target);
        span(&e->span);
        putchar('\n');
    }
    for (size_t i = 0; i < doc->n_figures; i++) {
        const kg_figure *f = &doc->figures[i];
        printf("  figure %s: ", s(f->id));
        if (f->is_range)
            printf("%g..%g", f->value, f->value_max);
        else
            printf("%g", f->value);
        printf(" unit=%s counter=%s approx=%s measure=%s subject=%s date=%s", s(f->unit),
               s(f->counter), f->approx ? f->approx : "exact", s(f->measure), s(f->subject),
               s(f->date.text));
        span(&f->span);
        putchar('\n');
    }
    for (size_t i = 0; i < doc->n_relations; i++) {
        const kg_relation *r = &doc->relations[i];
        printf("  relation %s %s %s\n", s(r->from), s(r->type), s(r->to));
    }
    for (size_t i = 0; i < doc->extra.n; i++)
        printf("  (kept key %s)\n", s(doc->extra.v[i].key));
}

int kg_cmd_dump(int argc, char **argv)
{
    static const struct option opts[] = { { NULL, 0, NULL, 0 } };
    int c;
    optind = 1;
    opterr = 0;
    if ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1)
        return kg_cli_bad_option("dump", c, argv, opts);
    kg_corpus corpus = KG_CORPUS_INIT;
    kg_diag d = KG_DIAG_INIT;
    int io = kg_cli_load(&corpus, &d, argc, argv, optind);
    if (io && io != KG_EXIT_IO) { /* no project, or a broken kg.yaml (reported) */
        kg_diag_free(&d);
        kg_corpus_free(&corpus);
        return io;
    }
    for (size_t i = 0; i < corpus.n; i++)
        kg_dump_doc(corpus.docs[i], stdout);
    ring_free();
    kg_cli_print_diag(&d, 0);
    int rc = io ? KG_EXIT_IO : d.errors ? KG_EXIT_FINDINGS : KG_EXIT_OK;
    kg_diag_free(&d);
    kg_corpus_free(&corpus);
    return rc;
}
