# kg - plain Makefile. `make` builds ./kg, `make test` runs the Criterion
# tests, `make asan` runs them under ASan+UBSan, `make deps` installs the
# Debian packages (as root) or says which are missing.

PREFIX  ?= /usr/local
DESTDIR ?=
BINDIR   = $(PREFIX)/bin
MANDIR   = $(PREFIX)/share/man/man1
DATADIR  = $(PREFIX)/share/kg

CC      ?= cc
PKG_CONFIG ?= pkg-config
PKGS     = libgvc libcgraph sqlite3 yaml-0.1 nettle libutf8proc
TEST_PKGS = criterion

# Debian packages behind the pkg-config names above (and the font and
# tools the pictures and the scorer need; chromium and python3 run the
# report's browser test, tests/report).
DEB_PKGS = build-essential pkg-config graphviz libgraphviz-dev libyaml-dev \
           libsqlite3-dev nettle-dev libutf8proc-dev libcriterion-dev \
           fonts-noto-cjk fonts-dejavu-core python3 python3-yaml python3-jsonschema python3-networkx \
           valgrind cppcheck chromium parallel

WARN     = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wno-missing-field-initializers
OPT     ?= -O2 -g
PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)
TEST_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(TEST_PKGS) 2>/dev/null)
TEST_LIBS   := $(shell $(PKG_CONFIG) --libs $(TEST_PKGS) 2>/dev/null)
ALL_CFLAGS = -std=gnu11 $(WARN) $(OPT) -Iinclude -Isrc $(PKG_CFLAGS) \
             -DKG_DATADIR='"$(DATADIR)"' $(CFLAGS)
ALL_LDFLAGS = $(LDFLAGS)
LIBS     = $(PKG_LIBS) -lm

B       ?= build/release
LIB_SRC  = $(sort $(shell find src -name '*.c' ! -path 'src/cli/*'))
CLI_SRC  = $(sort $(wildcard src/cli/*.c))
TEST_SRC = $(sort $(wildcard tests/*.c))
# the built-in grammar (yaml/grammar/*.yaml as C strings), generated
GRAMMAR_YAML = $(sort $(wildcard yaml/grammar/*.yaml))
GRAMMAR_C = $(B)/gen/grammar-data.c
# the report's style sheet and script as C strings, generated
REPORT_ASSETS = src/render/report.css src/render/report.js
REPORT_C = $(B)/gen/report-assets.c
LIB_OBJ  = $(LIB_SRC:%.c=$(B)/%.o) $(B)/gen/grammar-data.o $(B)/gen/report-assets.o
CLI_OBJ  = $(CLI_SRC:%.c=$(B)/%.o)
TEST_OBJ = $(TEST_SRC:%.c=$(B)/%.o)
DEPS     = $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(TEST_OBJ:.o=.d)


.PHONY: FORCE regen leakcheck bench fuzz fuzz-build all test test-run test-asan-run asan deps install uninstall clean lint format check-deps run bench

all: kg

kg: $(B)/kg
	cp $(B)/kg kg.tmp && mv -f kg.tmp kg

$(B)/kg: $(LIB_OBJ) $(CLI_OBJ)
	@echo "  LD $@"; $(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $^ $(LIBS)

# The built-in styles: graph/*.gv as C strings, generated and committed
# (so that the build needs no generator and the text can be reviewed).
# Git does not keep file times, so on a fresh clone this rule may run
# although styles.c is right: it writes a temporary file and replaces
# styles.c only when the text differs (else it just renews its time), and
# when it cannot run at all it keeps the committed file with a warning.
STYLE_GV = graph/default.gv graph/timeline.gv
src/render/styles.c: $(STYLE_GV) src/render/gen-styles.sh
	@t=$@.$$$$.tmp; \
	if sh src/render/gen-styles.sh $(STYLE_GV) > $$t; then \
	    if cmp -s $$t $@; then rm -f $$t; touch $@; \
	    else mv -f $$t $@ && echo "  GEN $@"; fi; \
	else rm -f $$t; \
	    if [ -f $@ ]; then echo "warning: could not regenerate $@; keeping it" >&2; \
	    else exit 1; fi; \
	fi

# The built-in grammar: the grammar files as C strings, made in the build
# folder on every make (the file list can change without a file getting
# newer) and replaced only when the text differs, so nothing rebuilds
# when no grammar file changed.
$(GRAMMAR_C): FORCE
	@mkdir -p $(dir $@); t=$@.$$$$.tmp; \
	sh src/korean/gen-grammar.sh $(GRAMMAR_YAML) > $$t || { rm -f $$t; exit 1; }; \
	if cmp -s $$t $@; then rm -f $$t; else mv -f $$t $@ && echo "  GEN $@"; fi

$(B)/gen/grammar-data.o: $(GRAMMAR_C)
	@echo "  CC $<"; $(CC) $(ALL_CFLAGS) -c -o $@ $<

# The report's style sheet and script (src/render/report.css, report.js):
# C strings made in the build folder from the files, which are the only
# copy to edit (a JS or CSS file stays readable, lintable and reviewable).
$(REPORT_C): $(REPORT_ASSETS) src/render/gen-assets.sh
	@mkdir -p $(dir $@); t=$@.$$$$.tmp; \
	sh src/render/gen-assets.sh $(REPORT_ASSETS) > $$t || { rm -f $$t; exit 1; }; \
	mv -f $$t $@ && echo "  GEN $@"

$(B)/gen/report-assets.o: $(REPORT_C)
	@echo "  CC $<"; $(CC) $(ALL_CFLAGS) -c -o $@ $<

FORCE:

$(B)/libkg.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(B)/tests/%.o: tests/%.c
	@mkdir -p $(dir $@)
	@echo "  CC $<"; $(CC) $(ALL_CFLAGS) $(TEST_CFLAGS) -MMD -MP -c -o $@ $<

$(B)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC $<"; $(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(B)/test-kg: $(TEST_OBJ) $(B)/libkg.a
	@echo "  LD $@"; $(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $(TEST_OBJ) $(B)/libkg.a $(LIBS) $(TEST_LIBS)

# The tests run from the repository root; tests/run fails when the runner
# ran no test at all (Criterion exits 0 then, e.g. without /proc).
test:
	$(MAKE) test-run

test-run: $(B)/test-kg $(B)/kg
	KG=$(B)/kg sh tests/run $(B)/test-kg

asan:
	$(MAKE) B=build/asan OPT='-O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all' \
	        LDFLAGS='-fsanitize=address,undefined' test-asan-run

test-asan-run: $(B)/test-kg $(B)/kg
	ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
	KG=$(B)/kg sh tests/run $(B)/test-kg

# The main job: check the bundled facts, build the store and the pictures.
# The repository is a kg project (kg.yaml: facts in yaml/, output in out/),
# so the commands need no paths.
run:
	$(MAKE) kg
	mkdir -p out
	./kg check
	./kg build
	./kg graph -o out/graph.svg
	./kg timeline -o out/timeline.svg
	./kg report

# Regenerate the renderers' golden files (shows the diffs, asks first).
regen:
	sh tests/regen-golden.sh

deps:
	@sh .ci/deps $(DEB_PKGS)

install: kg
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR) $(DESTDIR)$(DATADIR)/lexicon $(DESTDIR)$(DATADIR)/grammar
	install -m 755 kg $(DESTDIR)$(BINDIR)/kg
	install -m 644 src/kg.1 $(DESTDIR)$(MANDIR)/kg.1
	install -m 644 yaml/lexicon/*.yaml $(DESTDIR)$(DATADIR)/lexicon/
	install -m 644 yaml/grammar/*.yaml $(DESTDIR)$(DATADIR)/grammar/
	install -m 644 yaml/schema.json $(DESTDIR)$(DATADIR)/schema.json
	install -d $(DESTDIR)$(DATADIR)/graph
	install -m 644 $(STYLE_GV) $(DESTDIR)$(DATADIR)/graph/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/kg $(DESTDIR)$(MANDIR)/kg.1
	rm -rf $(DESTDIR)$(DATADIR)

lint:
	cppcheck --quiet --enable=warning,portability --error-exitcode=1 -Iinclude -Isrc src

format:
	clang-format -i $(LIB_SRC) $(CLI_SRC) $(TEST_SRC)

clean:
	rm -rf build kg

-include $(DEPS)

# libFuzzer harnesses (clang): `make fuzz FUZZ_SECONDS=N` runs each for N
# seconds on its corpus (tests/fuzz/corpus/NAME, grown in build/fuzz/).
FUZZ_SECONDS ?= 60
FUZZ_CC ?= clang
FUZZ_FLAGS = -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
FUZZ_TARGETS = $(patsubst tests/fuzz/fuzz_%.c,build/fuzz/fuzz_%,$(wildcard tests/fuzz/fuzz_*.c))

# libxml2 (libxml2-dev) is used by the render harness only, to check
# that the SVG is well-formed XML.
FUZZ_XML_CFLAGS := $(shell $(PKG_CONFIG) --cflags libxml-2.0 2>/dev/null)
FUZZ_XML_LIBS := $(shell $(PKG_CONFIG) --libs libxml-2.0 2>/dev/null)

build/fuzz/grammar-data.c: FORCE
	@mkdir -p build/fuzz; sh src/korean/gen-grammar.sh $(GRAMMAR_YAML) > $@.tmp && \
	{ cmp -s $@.tmp $@ && rm -f $@.tmp || mv -f $@.tmp $@; }

build/fuzz/report-assets.c: $(REPORT_ASSETS) src/render/gen-assets.sh
	@mkdir -p build/fuzz; sh src/render/gen-assets.sh $(REPORT_ASSETS) > $@.tmp && mv -f $@.tmp $@

# The library is compiled once for all harnesses (each source its own
# object with its .d file, instrumented with -fsanitize=fuzzer-no-link),
# and each harness links against it: nine harnesses that each compiled
# every source took over ten minutes.
FUZZ_LIB_FLAGS = -g -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
FUZZ_LIB_OBJ = $(LIB_SRC:%.c=build/fuzz/obj/%.o) build/fuzz/obj/grammar-data.o build/fuzz/obj/report-assets.o
build/fuzz/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC (fuzz) $<"; $(FUZZ_CC) -std=gnu11 $(FUZZ_LIB_FLAGS) -Iinclude -Isrc $(PKG_CFLAGS) -MMD -MP -c -o $@ $<
build/fuzz/obj/grammar-data.o: build/fuzz/grammar-data.c
	@mkdir -p $(dir $@); $(FUZZ_CC) -std=gnu11 $(FUZZ_LIB_FLAGS) -Iinclude -Isrc -c -o $@ $<
build/fuzz/obj/report-assets.o: build/fuzz/report-assets.c
	@mkdir -p $(dir $@); $(FUZZ_CC) -std=gnu11 $(FUZZ_LIB_FLAGS) -Iinclude -Isrc -c -o $@ $<
build/fuzz/libkg.a: $(FUZZ_LIB_OBJ)
	rm -f $@; ar rcs $@ $^
-include $(FUZZ_LIB_OBJ:.o=.d)
build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c build/fuzz/libkg.a
	@mkdir -p build/fuzz
	$(FUZZ_CC) -std=gnu11 $(FUZZ_FLAGS) -Iinclude -Isrc $(PKG_CFLAGS) $(FUZZ_XML_CFLAGS) -o $@ $< build/fuzz/libkg.a $(LIBS) $(FUZZ_XML_LIBS)

fuzz-build: $(FUZZ_TARGETS)

# Seeds for the text harnesses (tag, extract): the sentences of our own
# spec files (tests/spec/*.spec, never article text), five to a file, so
# the fuzzer starts from clauses every rule reads.
build/fuzz/seeds/text.stamp: $(wildcard tests/spec/*.spec)
	@rm -rf build/fuzz/seeds/text; mkdir -p build/fuzz/seeds/text; \
	cat $^ | LC_ALL=C grep -v '^[#%]' | LC_ALL=C grep '[^ -~]' | \
	    LC_ALL=C awk '{ f = sprintf("build/fuzz/seeds/text/%05d.txt", int((NR - 1) / 5)); print > f; if (NR % 5 == 0) close(f) }'; \
	touch $@

fuzz: $(FUZZ_TARGETS) build/fuzz/seeds/text.stamp
	@for t in $(FUZZ_TARGETS); do n=$${t##*/fuzz_}; \
	  mkdir -p build/fuzz/corpus/$$n; \
	  case $$n in tag|extract) seeds=build/fuzz/seeds/text ;; *) seeds= ;; esac; \
	  echo "fuzz: $$n for $(FUZZ_SECONDS) s"; \
	  LSAN_OPTIONS=suppressions=tests/fuzz/lsan.supp $$t -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 -rss_limit_mb=2048 \
	      -artifact_prefix=build/fuzz/ build/fuzz/corpus/$$n tests/fuzz/corpus/$$n $$seeds > build/fuzz/$$n.log 2>&1; rc=$$?; \
	  grep -E 'stat::number_of_executed_units|ERROR|SUMMARY|Test unit written' build/fuzz/$$n.log; \
	  [ $$rc = 0 ] || { echo "fuzz: $$n failed (exit $$rc): build/fuzz/$$n.log; the input is in build/fuzz/"; exit 1; }; \
	done

# valgrind on every command over the fixtures: no invalid reads or writes,
# nothing definitely lost in kg's own code (tests/valgrind.supp holds the
# exact Graphviz/pango/fontconfig stacks that leak once per process).
leakcheck: kg
	KG=./kg sh tests/leakcheck.sh

# Speed, with figures to quote in issue notes (never timed tests).
bench: kg
	@for b in tests/bench/*-bench.sh; do [ -f "$$b" ] && KG=./kg sh "$$b" || exit 1; done
