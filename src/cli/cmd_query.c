/* cmd_query.c - 'kg query' (placeholder until its issue lands). */
#include "cli.h"

const char kg_help_query[] =
    "usage: kg query ...\n"
    "\n"
    "Not implemented yet.\n";

int kg_cmd_query(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    kg_cli_error("query: not implemented yet");
    return KG_EXIT_USAGE;
}
