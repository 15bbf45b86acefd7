/* kg.h - the public API of kg, the timeline and knowledge-graph builder.
 * If it is not declared through this header, it is not API. */
#ifndef KG_H
#define KG_H

#include "kg/buf.h"
#include "kg/diag.h"
#include "kg/edtf.h"
#include "kg/facts.h"
#include "kg/factio.h"
#include "kg/check.h"
#include "kg/render.h"
#include "kg/store.h"

#define KG_VERSION "0.1.0"
#define KG_FORMAT_VERSION 1

/* Exit codes of the kg command (documented in kg(1) and the README). */
enum kg_exit {
    KG_EXIT_OK = 0,        /* done, nothing wrong */
    KG_EXIT_FINDINGS = 1,  /* the input has errors (validation failed) */
    KG_EXIT_USAGE = 2,     /* wrong command line */
    KG_EXIT_IO = 3         /* input/output or database failure */
};

#endif
