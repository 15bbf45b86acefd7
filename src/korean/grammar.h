/* korean/grammar.h - the grammar as data: named lists of words read from
 * the grammar files (yaml/grammar/ files; doc/grammar.md says what each
 * key means), with a default built in from the same files by a make rule,
 * so that kg works with no data folder.
 *
 * A grammar file is a mapping: `grammar: NAME` says which grammar it is
 * (korean, names, text, units, times, events, relations), every other key is a list kg
 * knows. An entry is a word, or a mapping with `form:` (the word),
 * `class:` (one class or a list of them: one table serves several rules)
 * and other fields the list's rules read. Keys starting with x- are the
 * user's and ignored.
 *
 * The matchers look lists up once (at their first use) and keep the
 * pointers: a data folder must be installed with kg_grammar_use_dir()
 * before any tagging starts. A built-in file is parsed when a list of its
 * grammar is first asked for (under a lock, so any number of threads may
 * tag at once); a data folder's file with the same bytes as a built-in
 * one is not parsed again. */
#ifndef KG_KOREAN_GRAMMAR_H
#define KG_KOREAN_GRAMMAR_H

#include <stddef.h>
#include <stdint.h>

#include "kg/diag.h"

typedef struct kg_gram_entry {
    const char *form;              /* the word */
    const char *const *classes;    /* NULL-terminated; empty when none */
    const char *const *fields;     /* name, value, name, value ..., NULL */
    int line, col;                 /* where the entry is in its file */
} kg_gram_entry;

typedef struct kg_gram_list {
    const char *grammar, *key;     /* which list: grammar names, key titles */
    const char *path;              /* the file it was read from */
    size_t n;
    const kg_gram_entry *e;        /* n entries, in the file's order */
    const char *const *words;      /* the n forms, NULL-terminated */
} kg_gram_list;

/* The list KEY of grammar GRAMMAR. Every key of the built-in grammar
 * exists; asking for another is a bug in kg and aborts with a message. */
const kg_gram_list *kg_gram_list_get(const char *grammar, const char *key);

/* Its words, in order, NULL-terminated (the shape of the C arrays the
 * matchers were written against). */
const char *const *kg_gram_words(const char *grammar, const char *key);

/* The words of the list that carry class CLS, in order, NULL-terminated
 * (empty, never NULL, when none does). */
const char *const *kg_gram_class(const char *grammar, const char *key, const char *cls);

/* The value of field NAME of an entry, or NULL. */
const char *kg_gram_field(const kg_gram_entry *e, const char *name);

/* Reads the grammar files (*.yaml) of DIR over the built-in grammar: a
 * list a file gives replaces the built-in one, the others stay. Files with
 * errors are reported in d and not used. Returns the number of errors
 * (0 when DIR does not exist). Call before any tagging. */
size_t kg_grammar_use_dir(const char *dir, kg_diag *d);

/* Checks one grammar file as kg check does (structure, grammar name,
 * known keys, classes and fields, empty or doubled words, control
 * characters) and reports in d with FILE:LINE:COL. Returns the number of
 * errors. */
size_t kg_grammar_check_file(const char *path, kg_diag *d);
/* The same for a file's text in memory (NAME is the file name to report). */
size_t kg_grammar_check_text(const char *name, const char *text, size_t len, kg_diag *d);

/* How many grammar texts (built-in files, a data folder's files) were
 * parsed since the last kg_grammar_free (tests: a data folder's file with
 * the bytes of a built-in one is not parsed again, and a built-in file
 * only when a list of its grammar is asked for). */
size_t kg_grammar_parses(void);

/* A checksum of the names and bytes of every file kg_grammar_use_dir
 * read since the last kg_grammar_free (0: none), in the order read: with
 * kg's own binary it says which grammar is in use (kg tag's cache). */
uint64_t kg_grammar_fingerprint(void);

/* Frees everything read (for leak checkers; lookups made before are
 * invalid afterwards). */
void kg_grammar_free(void);

#endif
