/* cmd_timeline.c - 'kg timeline' (placeholder until its issue lands). */
#include "cli.h"

const char kg_help_timeline[] =
    "usage: kg timeline ...\n"
    "\n"
    "Not implemented yet.\n";

int kg_cmd_timeline(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    kg_cli_error("timeline: not implemented yet");
    return KG_EXIT_USAGE;
}
