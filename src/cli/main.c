/* main.c - the kg command: dispatches to one function per subcommand. */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "cli.h"
#include "kg/esc.h"
#include "kg/suggest.h"
#include "kg/diff.h"

#ifndef KG_DATADIR
#define KG_DATADIR "/usr/local/share/kg"
#endif

struct command {
    const char *name;
    kg_cmd_fn fn;
    const char *summary;
    const char *help;
};

#define KG_ENTRY(name, summary) { #name, kg_cmd_##name, summary, kg_help_##name },
static const struct command commands[] = { KG_COMMANDS(KG_ENTRY) { NULL, NULL, NULL, NULL } };
#undef KG_ENTRY

static const char usage_text[] =
    "usage: kg [--version] [--help] COMMAND [ARGS]\n"
    "\n"
    "kg turns news articles into hand-editable YAML facts and draws\n"
    "relationship graphs and dated timelines from them.\n"
    "\n"
    "commands:\n";

static void print_usage(FILE *out)
{
    fputs(usage_text, out);
    for (const struct command *c = commands; c->name; c++)
        fprintf(out, "  %-9s %s\n", c->name, c->summary);
    fputs("\n'kg help COMMAND' or 'kg COMMAND --help' describes a command's options.\n"
          "exit status: 0 ok, 1 findings (the input has errors), 2 usage,\n"
          "3 input/output or database error.\n", out);
}

static const struct command *find(const char *name)
{
    for (const struct command *c = commands; c->name; c++)
        if (strcmp(c->name, name) == 0)
            return c;
    return NULL;
}

void kg_cli_help(const char *cmd)
{
    const struct command *c = find(cmd);
    if (c)
        fputs(c->help, stdout);
}

/* Output that could not be written is an error, never a silent loss
 * (kg show ... > /dev/full): flushes stdout and turns a failed write into
 * exit status 3 with a message, unless the command failed worse. */
static int finish_stdout(int rc)
{
    errno = 0;
    if ((fflush(stdout) != 0 || ferror(stdout)) && rc < KG_EXIT_IO) {
        /* (a command that failed with exit status 3 said why already) */
        if (errno)
            kg_cli_error("cannot write to standard output: %s", strerror(errno));
        else
            kg_cli_error("cannot write to standard output");
        rc = KG_EXIT_IO;
    }
    return rc;
}

int main(int argc, char **argv)
{
    /* a full disk or `ulimit -f` must be a write error we report, not a kill */
    signal(SIGXFSZ, SIG_IGN);
    if (argc < 2) {
        print_usage(stderr);
        return KG_EXIT_USAGE;
    }
    const char *name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
        print_usage(stdout);
        return finish_stdout(KG_EXIT_OK);
    }
    if (strcmp(name, "--version") == 0) {
        printf("kg %s (facts format %d)\n", KG_VERSION, KG_FORMAT_VERSION);
        return finish_stdout(KG_EXIT_OK);
    }
    if (strcmp(name, "help") == 0) {
        if (argc < 3) {
            print_usage(stdout);
            return finish_stdout(KG_EXIT_OK);
        }
        if (!find(argv[2])) {
            kg_cli_error("'%s' is not a kg command; see 'kg --help'", argv[2]);
            return KG_EXIT_USAGE;
        }
        kg_cli_help(argv[2]);
        return finish_stdout(KG_EXIT_OK);
    }
    const struct command *c = find(name);
    if (!c) {
        const char *names[sizeof commands / sizeof *commands];
        size_t n = 0;
        for (const struct command *k = commands; k->name; k++)
            names[n++] = k->name;
        const char *best = kg_suggest(name, names, n);
        if (best)
            kg_cli_error("'%s' is not a kg command; did you mean 'kg %s'? (see 'kg --help')", name, best);
        else
            kg_cli_error("'%s' is not a kg command; see 'kg --help'", name);
        return KG_EXIT_USAGE;
    }
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            break;
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            kg_cli_help(name);
            return finish_stdout(KG_EXIT_OK);
        }
    }
    kg_cli_command = c->name;
    int rc = c->fn(argc - 1, argv + 1);
    return finish_stdout(rc);
}
