/* exhead.h - the document header of an extraction (header.c). Not API. */
#ifndef KG_EXHEAD_H
#define KG_EXHEAD_H

#include "extint.h"

/* Fills doc's header: id, title, publisher, author, published (from dct,
 * prec NONE for none), url, source (o->source) and sha256 of src. m are
 * the text's mentions (actors in the headline give the id its words). */
void ex_header(const kg_text *t, const kg_mentions *m, const kg_edtf_point *dct,
               const kg_extract_opts *o, const char *src, size_t len, kg_doc *doc);

#endif
