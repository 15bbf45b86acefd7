/* cmd_tag.c - 'kg tag' (placeholder until its issue lands). */
#include "cli.h"

const char kg_help_tag[] =
    "usage: kg tag ...\n"
    "\n"
    "Not implemented yet.\n";

int kg_cmd_tag(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    kg_cli_error("tag: not implemented yet");
    return KG_EXIT_USAGE;
}
