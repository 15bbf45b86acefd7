/* cmd_extract.c - 'kg extract' (placeholder until its issue lands). */
#include "cli.h"

const char kg_help_extract[] =
    "usage: kg extract ...\n"
    "\n"
    "Not implemented yet.\n";

int kg_cmd_extract(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    kg_cli_error("extract: not implemented yet");
    return KG_EXIT_USAGE;
}
