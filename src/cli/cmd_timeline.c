/* cmd_timeline.c - 'kg timeline': draws the dated timeline. The options
 * are those of 'kg graph' (kg_cli_draw in cmd_graph.c) plus --lanes. */
#include "cli.h"

#ifndef KG_DATADIR
#define KG_DATADIR "/usr/local/share/kg"
#endif
#include "kg/render.h"

const char kg_help_timeline[] =
    "usage: kg timeline [PATH...] [OPTIONS]\n"
    "\n"
    "Draws the events of the facts (files or folders; default: the project's\n"
    "facts) on a proportional time axis, one lane per actor group. A day is a\n"
    "dot; a month, a year or an interval is a bar over that time; an open\n"
    "interval is an arrow fading toward its open end; approximate dates (~)\n"
    "are dashed and uncertain ones (?) marked with a red '?'. Events that\n"
    "would collide are stacked within their lane; events without a date go\n"
    "into an 'undated' box. responds-to, causes and part-of relations are\n"
    "arrows; same-as events are drawn once.\n"
    "\n"
    KG_HELP_LEFT_OUT
    "\n"
    "  --lanes KIND      country (default: the country of the first agent -\n"
    "                    its top part_of ancestor, else its 'country' key -\n"
    "                    e.g. 미국 / 중국), actor, or type; default: the\n"
    "                    project's 'timeline: {lanes: ...}', else country\n"
    "  --focus ACTOR     only events near an actor (id, name or alias)\n"
    "  --depth N         how many edges away from --focus (default 2)\n"
    "  --from DATE       only events on or after DATE (EDTF: 2024, 2024-11, ...)\n"
    "  --to DATE         only events on or before DATE\n"
    "  --type TYPE       only events of these types (repeat it, or a,b,c)\n"
    "  --doc ID          only the events of one document\n"
    "  --max-events N    above N events (default: the style's kg_max_events,\n"
    "                    2000) draw only the most recent, from the first day\n"
    "                    that keeps at most N (as --from DAY would; a note says\n"
    "                    so and what was left out); 0 = never\n"
    "  -T FORMAT         svg, png, pdf or dot (default: from -o's extension,\n"
    "                    case ignored, .gv for dot; svg without one; another\n"
    "                    extension is an error); dot has every node pinned\n"
    "                    (layout=nop2)\n"
    "  -o FILE           write there (atomically) instead of standard output;\n"
    "                    missing folders are made\n"
    "  --dpi N           PNG resolution (default 192: twice a screen's 96)\n"
    "  --scale F         PNG size as a factor of 96 dpi (--scale 1 = --dpi 96)\n"
    "  --style FILE      a style file (the built-in one is graph/timeline.gv,\n"
    "                    installed as " KG_DATADIR "/graph/timeline.gv:\n"
    "                    copy it and edit;\n"
    "                    default: the project's 'timeline: {style: ...}')\n"
    "  --no-source       do not read the articles for tooltip sentences\n"
    KG_HELP_STORE
    "\n"
    "exit status: 0 ok, 1 the facts had errors (what is valid is still drawn),\n"
    "2 usage (bad option, unknown actor or date), 3 input/output or Graphviz error.\n";

/* in cmd_graph.c */

int kg_cmd_timeline(int argc, char **argv)
{
    return kg_cli_draw("timeline", argc, argv, kg_render_timeline, 1);
}
