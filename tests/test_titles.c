/* test_titles.c - event titles as a reader sees them on a timeline.
 *
 * tests/spec/titles.spec holds cases of our own sentences: one input
 * line, then the expected title of each event in text order, one a line
 * ("[]" expects no event); a blank line ends a case; "#" starts a
 * comment. A title is who, then whom or what, then the act as a
 * dictionary word (중국 상무부, 일본 수출 금지), never an inflected verb
 * (설명했다) or a fragment of a clause. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kg.h"
#include "kg/extract.h"
#include "kg/tag.h"
#include "kg/text.h"
#include "testutil.h"


static void titles_of(const char *text, kg_buf *out)
{
    const kgt_lexes *L = kgt_bundled_lexes();
    cr_assert_not_null(L, "yaml/lexicon unreadable, or the event lexicon has errors");
    kg_extract_opts o;
    memset(&o, 0, sizeof o);
    cr_assert(kg_dct_parse("2025-03-20", &o.dct) == 0);
    o.text_flags = KG_TEXT_NO_CHROME;
    o.lexicon = L->c;
    o.source = "case.txt";
    kg_diag d = KG_DIAG_INIT;
    kg_doc *doc = NULL;
    if (kg_extract(L->lx, L->ev, text, strlen(text), &o, &doc, &d) == 0 && doc)
        for (size_t i = 0; i < doc->n_events; i++)
            kg_buf_printf(out, "%s\n", doc->events[i].title ? doc->events[i].title : "(none)");
    kg_diag_free(&d);
    kg_doc_free(doc);
}

static int titles_case(void *ctx, const kgt_spec_case *c, kg_buf *got)
{
    (void)ctx;
    titles_of(c->input, got);
    return 0;
}

Test(titles_spec, all_cases)
{
    const char *path = "tests/spec/titles.spec";
    kgt_spec hooks = { NULL, titles_case, NULL };
    size_t failed = 0, cases = kgt_spec_file(path, &hooks, &failed);
    cr_expect(cases >= 10, "%s has %zu cases, want at least 10", path, cases);
    cr_expect_eq(failed, 0, "%zu of %zu cases of %s fail", failed, cases, path);
}
