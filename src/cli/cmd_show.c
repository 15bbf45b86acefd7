/* cmd_show.c - 'kg show' (placeholder until its issue lands). */
#include "cli.h"

const char kg_help_show[] =
    "usage: kg show ...\n"
    "\n"
    "Not implemented yet.\n";

int kg_cmd_show(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    kg_cli_error("show: not implemented yet");
    return KG_EXIT_USAGE;
}
