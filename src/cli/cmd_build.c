/* cmd_build.c - 'kg build' (placeholder until its issue lands). */
#include "cli.h"

const char kg_help_build[] =
    "usage: kg build ...\n"
    "\n"
    "Not implemented yet.\n";

int kg_cmd_build(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    kg_cli_error("build: not implemented yet");
    return KG_EXIT_USAGE;
}
