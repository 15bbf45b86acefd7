/* cmd_path.c - 'kg path': print the shortest chain of facts that links two
 * actors, from the store. */
#include <unistd.h>
#include <stdio.h>

#include "cli.h"
#include "kg/store.h"

const char kg_help_path[] =
    "usage: kg path [--db FILE] ACTOR-A ACTOR-B\n"
    "\n"
    "Prints the shortest chain of facts that links two actors, one link a\n"
    "line: an actor is agent or target of an event; an event responds to,\n"
    "causes or is part of another (relations are followed both ways); an\n"
    "actor is part of another (part_of). Events that are the same event\n"
    "(same-as) count as one. Each actor is given by id, name or alias, as\n"
    "for 'kg show'. When several chains are equally short, the one through\n"
    "the smallest ids is printed, so the answer does not change between runs.\n"
    "\n"
    "  --db FILE  the store to read (default: the project's OUT/kg.sqlite,\n"
    "             outside a project out/kg.sqlite)\n"
    "\n"
    "exit status: 0 a chain was found, 1 no chain links them, or an actor is\n"
    "unknown or ambiguous, 2 usage, 3 the store cannot be read.\n";

static int path(kg_store *s, void *arg, kg_buf *out, kg_diag *d)
{
    char **ab = arg;
    return kg_store_path(s, ab[0], ab[1], out, d);
}

int kg_cmd_path(int argc, char **argv)
{
    const char *db;
    int usage = kg_cli_store_opts("path", argc, argv, &db, NULL);
    if (usage >= 0)
        return usage;
    if (argc - optind != 2)
        return kg_cli_usage("path", "give two actors (ids or names)");

    return kg_cli_store_run(db, path, argv + optind);
}
