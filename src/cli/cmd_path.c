/* cmd_path.c - 'kg path' (placeholder until its issue lands). */
#include "cli.h"

const char kg_help_path[] =
    "usage: kg path ...\n"
    "\n"
    "Not implemented yet.\n";

int kg_cmd_path(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    kg_cli_error("path: not implemented yet");
    return KG_EXIT_USAGE;
}
