/* cmd_show.c - 'kg show': print an actor's, event's or figure's facts with
 * their sources, from the store. */
#include <unistd.h>
#include <stdio.h>

#include "cli.h"
#include "kg/store.h"

const char kg_help_show[] =
    "usage: kg show [--db FILE] ID-OR-NAME\n"
    "\n"
    "Prints what the store knows about one actor, event or figure, each fact\n"
    "with its source: the document id, the facts file, the byte span in the\n"
    "source text and, when the source text was at hand at build time, the\n"
    "sentence at that span.\n"
    "\n"
    "ID-OR-NAME is looked up in this order: an actor id (china-mofcom); an\n"
    "event or figure id, in full (yna-20250115-ai-chip-controls/e1) or local\n"
    "(e1) when one document has it; an event title; an actor name or alias\n"
    "(case, and spaces, do not matter: '중국 상무부', MOFCOM). Failing all\n"
    "these, the words are searched in event titles, figure measures and actor\n"
    "names (full text, each word as a prefix). When several facts match, they\n"
    "are listed and kg show exits with 1.\n"
    "\n"
    "For an actor: type, part_of, aliases, the actors that are part of it, the\n"
    "files that define it, its events (as agent or target) by date and the\n"
    "figures about it. For an event: type, date (as written, with the days it\n"
    "covers), agents, targets, the same-as events of other documents, the\n"
    "relations to and from it.\n"
    "\n"
    "  --db FILE  the store to read (default: the project's OUT/kg.sqlite,\n"
    "             outside a project out/kg.sqlite)\n"
    "\n"
    "exit status: 0 shown, 1 nothing or several things match, 2 usage,\n"
    "3 the store cannot be read.\n";

static int show(kg_store *s, void *what, kg_buf *out, kg_diag *d)
{
    return kg_store_show(s, what, out, d);
}

int kg_cmd_show(int argc, char **argv)
{
    const char *db;
    int usage = kg_cli_store_opts("show", argc, argv, &db, NULL);
    if (usage >= 0)
        return usage;
    if (optind >= argc)
        return kg_cli_usage("show", "give an actor, event or figure id or name");
    if (optind + 1 < argc)
        return kg_cli_usage("show", "give one id or name (quote names with spaces)");

    return kg_cli_store_run(db, show, argv[optind]);
}
