/* cmd_report.c - 'kg report' (placeholder until its issue lands). */
#include "cli.h"

const char kg_help_report[] =
    "usage: kg report ...\n"
    "\n"
    "Not implemented yet.\n";

int kg_cmd_report(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    kg_cli_error("report: not implemented yet");
    return KG_EXIT_USAGE;
}
