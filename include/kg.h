/* kg.h - the public API of kg, the timeline and knowledge-graph builder:
 * everything the kg command (src/cli/) uses of the library, and all a
 * program linking the library needs. If it is not declared through this
 * header, it is not API. The stages, in the order the data flows:
 *
 *   kg/text.h     text intake: an article's bytes, sentences, page chrome
 *   kg/tag.h      mentions in a text: actors (lexicon), times, figures
 *   kg/extract.h  from an article to a facts document
 *   kg/facts.h    the facts model (with kg/edtf.h, its dates)
 *   kg/factio.h   reading and writing facts files
 *   kg/layout.h   the canonical layout of a facts file, comments kept
 *   kg/quote.h    the text a span covered, to re-anchor it (kg respan)
 *   kg/merge.h    re-extracting over a file a person has edited
 *   kg/check.h    validation of loaded facts (kg check)
 *   kg/store.h    the SQLite store and its questions (query, show, path)
 *   kg/render.h   graph, timeline and report through Graphviz
 *
 * and what they share: kg/buf.h (byte buffer), kg/diag.h (findings with
 * their place), kg/diff.h (unified line diffs), kg/esc.h (text made safe
 * for a terminal), kg/suggest.h ("did you mean").
 *
 * Internal, not API (and not included here): src/util/hmap.h (a string
 * hash map), the stages' own headers under src/ (src/extract/extint.h,
 * src/tag/tagint.h, src/render/render_int.h, src/store/store-int.h, ...),
 * and kg/utf8.h (UTF-8 validation), which is still under include/kg/ but
 * is a helper: include it on its own where needed. */
#ifndef KG_H
#define KG_H

#include "kg/buf.h"
#include "kg/diag.h"
#include "kg/diff.h"
#include "kg/esc.h"
#include "kg/json.h"
#include "kg/suggest.h"
#include "kg/edtf.h"
#include "kg/facts.h"
#include "kg/text.h"
#include "kg/tag.h"
#include "kg/extract.h"
#include "kg/factio.h"
#include "kg/layout.h"
#include "kg/quote.h"
#include "kg/merge.h"
#include "kg/check.h"
#include "kg/render.h"
#include "kg/store.h"


/* Exit codes of the kg command (documented in kg(1) and the README). */
enum kg_exit {
    KG_EXIT_OK = 0,        /* done, nothing wrong */
    KG_EXIT_FINDINGS = 1,  /* the input has errors (validation failed) */
    KG_EXIT_USAGE = 2,     /* wrong command line */
    KG_EXIT_IO = 3         /* input/output or database failure */
};

#endif
