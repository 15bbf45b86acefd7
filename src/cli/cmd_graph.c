/* cmd_graph.c - 'kg graph' (placeholder until its issue lands). */
#include "cli.h"

const char kg_help_graph[] =
    "usage: kg graph ...\n"
    "\n"
    "Not implemented yet.\n";

int kg_cmd_graph(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    kg_cli_error("graph: not implemented yet");
    return KG_EXIT_USAGE;
}
