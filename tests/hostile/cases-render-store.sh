# cases-render-store.sh - kg graph, timeline and report drawn from the
# store (issue 16) must be byte for byte what they draw from the facts
# files (--no-store): standard output, standard error and exit status,
# for every selection option, on the bundled facts, on the facts of
# tests/extract and on a generated archive. Then the store's own cases:
# stale (a facts file edited: the picture shows the edit and the store
# was brought up to date), facts with an error (the same errors and exit
# status as without a store, the store untouched), --db naming another
# project's store, a file that is no store, or a folder the store cannot
# be written to (the facts files are read, a note says why).
# Sourced by tests/hostile/run (cwd of each case: $T).
# shellcheck shell=bash disable=SC2154
if ! command -v python3 >/dev/null; then
    skip render-store: "python3 missing"
else
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
mkdir -p "$T/rs"
# same.sh DIR OPTIONS...: in project DIR, each picture drawn with OPTIONS
# from the store and from the facts files; outputs compared (the first
# run builds the store: it must exist after)
cat > "$T/rs/same.sh" <<'EOF'
dir=$1
shift
cd "$dir" || exit 9
for cmd in "graph -T dot" "graph -T svg" "timeline -T svg" "timeline -T dot" "report -o -"; do
    case "$cmd $*" in
    graph*--lanes* | report*--lanes*) continue ;;
    esac
    # shellcheck disable=SC2086
    KG_TIMING=1 "$KG" $cmd "$@" > s.out 2> s.tim
    src=$?
    grep -v '^kg: [a-z]*: timing: ' s.tim > s.err
    # (a usage error stops before anything is read)
    grep -q 'before layout (the store' s.tim || [ "${WANT_FILES:-}" ] || [ "$src" != 0 ] ||
        { echo "$cmd $*: not drawn from the store"; cat s.tim; exit 9; }
    # shellcheck disable=SC2086
    "$KG" $cmd "$@" --no-store > y.out 2> y.err
    yrc=$?
    [ "$src" = "$yrc" ] || { echo "$cmd $*: exit $src from the store, $yrc from the files"; cat s.err; exit 9; }
    cmp -s s.out y.out || { echo "$cmd $*: the output differs"; diff s.out y.out | head -20; exit 9; }
    cmp -s s.err y.err || { echo "$cmd $*: stderr differs"; diff s.err y.err | head -20; exit 9; }
    [ -s s.out ] || [ "$src" != 0 ] || { echo "$cmd $*: no output"; exit 9; }
    [ -f out/kg.sqlite ] || { echo "$cmd $*: no store was built"; exit 9; }
done
echo "same from the store"
EOF
export KG T

# the bundled facts, with the seed articles when they are beside the
# repository (the sentences of the tooltips)
mkdir -p "$T/rs/b/repo" && cp -r "$repo/kg.yaml" "$repo/yaml" "$T/rs/b/repo/"
if [ -d "$repo/../shared/seeds" ]; then ln -s "$(cd "$repo/../shared" && pwd)" "$T/rs/b/shared"; fi
b=$T/rs/b/repo
expect rs-bundled 0 "same from the store" bash "$T/rs/same.sh" "$b"
expect rs-bundled-focus 0 "same from the store" bash "$T/rs/same.sh" "$b" --focus us --depth 1
expect rs-bundled-focus-name 0 "same from the store" bash "$T/rs/same.sh" "$b" --focus 중국 --depth 2
expect rs-bundled-dates 0 "same from the store" bash "$T/rs/same.sh" "$b" --from 2025-01 --to 2025-06
expect rs-bundled-from 0 "same from the store" bash "$T/rs/same.sh" "$b" --from 2025-03
expect rs-bundled-type 0 "same from the store" bash "$T/rs/same.sh" "$b" --type restrict,invest
expect rs-bundled-doc 0 "same from the store" bash "$T/rs/same.sh" "$b" --doc yna-20250115-ai-chip-controls
expect rs-bundled-lanes 0 "same from the store" bash "$T/rs/same.sh" "$b" --lanes actor
expect rs-bundled-lanes-type 0 "same from the store" bash "$T/rs/same.sh" "$b" --lanes type --no-source
expect rs-bundled-all 0 "same from the store" bash "$T/rs/same.sh" "$b" --focus china --depth 3 --from 2024 --type restrict
# errors in the options are the same errors
expect rs-bundled-bad-focus 0 "same from the store" bash "$T/rs/same.sh" "$b" --focus nobody-at-all
expect rs-bundled-bad-date 0 "same from the store" bash "$T/rs/same.sh" "$b" --from 2025-13
expect rs-bundled-bad-doc 0 "same from the store" bash "$T/rs/same.sh" "$b" --doc no-such-doc

# the facts of tests/extract (their articles beside them)
mkdir -p "$T/rs/x/facts" "$T/rs/x/articles"
cp "$repo"/tests/extract/*.yaml "$T/rs/x/facts/"
cp "$repo"/tests/extract/*.txt "$T/rs/x/facts/"
printf 'title: extract facts\nfacts: facts\narticles: articles\nout: out\n' > "$T/rs/x/kg.yaml"
x=$T/rs/x
expect rs-extract 0 "same from the store" bash "$T/rs/same.sh" "$x"
expect rs-extract-dates 0 "same from the store" bash "$T/rs/same.sh" "$x" --from 2024 --to 2025-06
expect rs-extract-type 0 "same from the store" bash "$T/rs/same.sh" "$x" --type announce

# a generated archive: same-as clusters across documents, relations,
# figures, a lexicon with part_of chains
python3 "$repo/tests/bench/store-gen.py" "$T/rs/g" 24 5 >/dev/null
g=$T/rs/g
export g
expect rs-gen 0 "same from the store" bash "$T/rs/same.sh" "$g"
expect rs-gen-focus1 0 "same from the store" bash "$T/rs/same.sh" "$g" --focus co-007 --depth 1
expect rs-gen-focus2 0 "same from the store" bash "$T/rs/same.sh" "$g" --focus co-007 --depth 2
expect rs-gen-focus-country 0 "same from the store" bash "$T/rs/same.sh" "$g" --focus northland --depth 2
expect rs-gen-focus-kind 0 "same from the store" bash "$T/rs/same.sh" "$g" --focus southland-lab --depth 1
expect rs-gen-focus-alias 0 "same from the store" bash "$T/rs/same.sh" "$g" --focus CO011 --depth 2
expect rs-gen-dates 0 "same from the store" bash "$T/rs/same.sh" "$g" --from 2021-02 --to 2022-08
expect rs-gen-to 0 "same from the store" bash "$T/rs/same.sh" "$g" --to 2021
expect rs-gen-type 0 "same from the store" bash "$T/rs/same.sh" "$g" --type meet --type protest
expect rs-gen-doc 0 "same from the store" bash "$T/rs/same.sh" "$g" --doc doc-00010
expect rs-gen-doc-dates 0 "same from the store" bash "$T/rs/same.sh" "$g" --doc doc-00011 --from 2021
expect rs-gen-lanes 0 "same from the store" bash "$T/rs/same.sh" "$g" --lanes country --from 2020-01 --to 2020-12

# --focus alone searches the store edge by edge: an actor reached only
# through part_of is drawn when an actor below it has a fact (w-mid is
# drawn for w-low's event, two edges away from w-top); depth 1 and 2
mkdir -p "$T/rs/w/facts/lexicon"
printf 'out: out\nfacts: facts\n' > "$T/rs/w/kg.yaml"
cat > "$T/rs/w/facts/lexicon/w.yaml" <<'EOF2'
kg: 1
actors:
- {id: w-top, name: 윗나라, type: country}
- {id: w-mid, name: 가운데 부처, type: government, part_of: w-top}
- {id: w-low, name: 아랫 연구소, type: organization, part_of: w-mid}
- {id: w-far, name: 먼 회사, type: company, country: w-top}
- {id: w-lone, name: 홀로 회사, type: company, part_of: w-top}
EOF2
cat > "$T/rs/w/facts/w1.yaml" <<'EOF2'
kg: 1
document: {id: w1, title: 시험 문서 하나, published: 2024-05-02}
events:
- {id: e1, type: announce, title: 연구소의 발표, date: 2024-05-01, agent: [w-low]}
- {id: e2, type: invest, title: 회사의 투자, date: 2024-05-02, agent: [w-far], target: [w-low]}
relations:
- {from: e2, type: responds-to, to: e1}
EOF2
w=$T/rs/w
expect rs-witness1 0 "same from the store" bash "$T/rs/same.sh" "$w" --focus w-top --depth 1
expect rs-witness2 0 "same from the store" bash "$T/rs/same.sh" "$w" --focus w-top --depth 2
expect rs-witness3 0 "same from the store" bash "$T/rs/same.sh" "$w" --focus 가운데\ 부처 --depth 1
expect rs-witness-lanes 0 "same from the store" bash "$T/rs/same.sh" "$w" --lanes country
# what the store keeps for the renders alone, changed in place: an actor's
# country key, an event's quote (the report shows it)
edit_country() {
    sed -i 's/- {id: w-far, name: 먼 회사, type: company, country: w-top}/- {id: w-far, name: 먼 회사, type: company, country: w-mid}/' "$w/facts/lexicon/w.yaml"
    sed -i 's/date: 2024-05-01, agent: \[w-low\]}/date: 2024-05-01, agent: [w-low], quote: 고쳐 쓴 인용}/' "$w/facts/w1.yaml"
    grep -q 'country: w-mid' "$w/facts/lexicon/w.yaml" && grep -q '고쳐 쓴 인용' "$w/facts/w1.yaml" || { echo "no edit"; return 9; }
    bash "$T/rs/same.sh" "$w" --lanes country || return 9
    bash "$T/rs/same.sh" "$w" || return 9
    grep -q '고쳐 쓴 인용' "$w/s.out" || { echo "the quote is not in the report"; return 9; }
}
export w
expect rs-edit-country-quote 0 "same from the store" bash -c "$(declare -f edit_country); edit_country"

# stale: an event's title edited; the picture shows it, the store has it
sed -i '0,/^    title: "[^"]*"/s//    title: "고친 제목 하나"/' "$g/facts/doc-00003.yaml"
stale() {
    cd "$g" || return 9
    "$KG" graph -T dot --doc doc-00003 > st.dot || return 9
    grep -q '고친 제목 하나' st.dot || { echo "the edit is not drawn"; return 9; }
    "$KG" query --db out/kg.sqlite --csv "SELECT title FROM events WHERE id = 'doc-00003/e1'" | grep -q '고친 제목 하나' ||
        { echo "the store was not brought up to date"; return 9; }
    echo "stale store brought up to date"
}
expect rs-stale 0 "stale store brought up to date" bash -c "$(declare -f stale); stale \"\$@\"" stale
expect rs-stale-same 0 "same from the store" bash "$T/rs/same.sh" "$g" --doc doc-00003
# The renders read the store while a second thread checks it is up to
# date; each change kg build's check sees must still be drawn (the store
# brought up to date first), however little of the file's stat moved.
# draws DOC TEXT: kg graph --doc DOC draws TEXT, and the store holds it
draws() {
    cd "$g" || return 9
    "$KG" graph -T dot --doc "$1" > st.dot 2> st.err || { cat st.err; return 9; }
    grep -q "$2" st.dot || { echo "not drawn: $2"; return 9; }
    "$KG" query --db out/kg.sqlite --csv "SELECT count(*) FROM events WHERE doc = (SELECT doc FROM documents WHERE id = '$1') AND title = '$2'" |
        tr -d '\r' | tail -n 1 | grep -qx '[1-9][0-9]*' || { echo "the store was not brought up to date"; return 9; }
    echo "drawn and stored: $2"
}
export -f draws
# a facts file edited to another size, its modification time put back
expect rs-stale-mtime-kept 0 "drawn and stored: 고친 제목 둘" bash -c '
    f=$g/facts/doc-00005.yaml && touch -r "$f" "$g/ref" &&
    sed -i "0,/^    title: \"[^\"]*\"/s//    title: \"고친 제목 둘\"/" "$f" && touch -r "$g/ref" "$f" && draws doc-00005 "고친 제목 둘"'
# the same size and modification time, another file (inode): a copy
# edited and moved over it
expect rs-stale-inode 0 "drawn and stored: 고친 제목 셋" bash -c '
    f=$g/facts/doc-00005.yaml && touch -r "$f" "$g/ref" && sed "s/고친 제목 둘/고친 제목 셋/" "$f" > "$g/new.tmp" &&
    [ "$(wc -c < "$f")" = "$(wc -c < "$g/new.tmp")" ] && touch -r "$g/ref" "$g/new.tmp" && mv "$g/new.tmp" "$f" && draws doc-00005 "고친 제목 셋"'
# a new facts file, then that file removed
expect rs-stale-added 0 "drawn and stored: 새 문서의 사건" bash -c '
    sed -e "s/^  id: doc-00006$/  id: doc-new-1/" -e "0,/^    title: \"[^\"]*\"/s//    title: \"새 문서의 사건\"/" \
        "$g/facts/doc-00006.yaml" > "$g/facts/zz-new.yaml" && draws doc-new-1 "새 문서의 사건"'
removed() {
    cd "$g" || return 9
    rm facts/zz-new.yaml
    "$KG" graph -T dot --doc doc-new-1 > st.dot 2> st.err
    ! grep -q '새 문서의 사건' st.dot || { echo "a removed file is drawn"; return 9; }
    [ "$("$KG" query --db out/kg.sqlite --csv "SELECT count(*) FROM documents WHERE id = 'doc-new-1'" | tr -d '\r' | tail -n 1)" = 0 ] ||
        { echo "the store still holds it"; return 9; }
    echo "removed from the store"
}
expect rs-stale-removed 0 "removed from the store" bash -c "$(declare -f removed); removed"
# a source text edited to another size, its modification time put back:
# the store reads the document again (it keeps the text's hash)
source_edited() {
    cd "$g" || return 9
    local t=text/doc-00007.txt
    touch -r "$t" ref && printf '덧붙인 문장이다.\n' >> "$t" && touch -r ref "$t"
    "$KG" graph -T dot --focus co-007 > /dev/null 2>&1 || return 9
    [ "$("$KG" query --db out/kg.sqlite --csv "SELECT source_seen_sha256 FROM documents WHERE id = 'doc-00007'" | tr -d '\r' | tail -n 1)" = \
      "$(sha256sum "$t" | cut -d' ' -f1)" ] || { echo "the store did not read the edited text"; return 9; }
    echo "the edited text was read"
}
expect rs-stale-source 0 "the edited text was read" bash -c "$(declare -f source_edited); source_edited"
# an actor new in a facts file, asked for by name: the stale store does
# not know it (the drawing from it stops with "unknown actor" before the
# check has answered), the store brought up to date does
new_actor() {
    cd "$g" || return 9
    sed -i 's/^actors:$/actors:\n  - id: zz-new\n    name: "새로 온 회사"\n    type: company/' facts/doc-00008.yaml &&
        sed -i '0,/^    agent: \[[a-z0-9-]*\]$/s//    agent: [zz-new]/' facts/doc-00008.yaml || return 9
    grep -q 'agent: \[zz-new\]' facts/doc-00008.yaml || { echo "no edit"; return 9; }
    "$KG" graph -T dot --focus "새로 온 회사" --depth 1 > st.dot 2> st.err || { cat st.err; return 9; }
    [ ! -s st.err ] || { cat st.err; return 9; }
    grep -q '"zz-new"' st.dot && echo "the new actor drawn"
}
expect rs-stale-new-actor 0 "the new actor drawn" bash -c "$(declare -f new_actor); new_actor"
expect rs-stale-new-actor-same 0 "same from the store" bash "$T/rs/same.sh" "$g" --focus zz-new --depth 2

# an error in the facts: what the renders print is what they printed
# without a store, and the store is left as it was
cp -r "$g" "$T/rs/e" && e=$T/rs/e
export e
sed -i '0,/^    type: [a-z]*$/s//    type: meeting-of-minds/' "$e/facts/doc-00004.yaml"
errors_same() {
    cd "$e" || return 9
    local before after
    before=$(sha256sum out/kg.sqlite)
    WANT_FILES=1 bash "$T/rs/same.sh" "$e" "$@" || return 9
    after=$(sha256sum out/kg.sqlite)
    [ "$before" = "$after" ] || { echo "the store changed"; return 9; }
    grep -q 'meeting-of-minds' s.err || { echo "the error is not printed"; return 9; }
}
expect rs-errors 0 "same from the store" bash -c "$(declare -f errors_same); errors_same \"\$@\"" errors_same
expect rs-errors-focus 0 "same from the store" bash -c "$(declare -f errors_same); errors_same \"\$@\"" errors_same --focus co-007

# --db: another project's store is brought up to date with these facts
# (as 'kg build --db' would); a file that is no kg store is left alone
# and the facts files are read, as when the store cannot be written
cp "$g/out/kg.sqlite" "$T/rs/other.sqlite"
python3 "$repo/tests/bench/store-gen.py" "$T/rs/o" 6 9 >/dev/null
other() {
    cd "$T/rs/o" || return 9
    "$KG" graph -T dot --db ../other.sqlite > a.dot || return 9
    "$KG" graph -T dot --no-store > b.dot || return 9
    cmp -s a.dot b.dot || { echo "the picture differs"; return 9; }
    local n
    n=$("$KG" query --db ../other.sqlite --csv "SELECT count(*) FROM documents WHERE kind = 'article'")
    [ "$(echo "$n" | tr -d "\r" | tail -n 1)" = 6 ] || { echo "the store does not hold this project's facts: $n"; return 9; }
    echo "drawn from the other store"
}
expect rs-db-other 0 "drawn from the other store" bash -c "$(declare -f other); other \"\$@\"" other
printf 'not a store at all\n' > "$T/rs/garbage.sqlite"
garbage() {
    cd "$T/rs/o" || return 9
    "$KG" graph -T dot --db ../garbage.sqlite > a.dot || return 9
    "$KG" graph -T dot --no-store > b.dot || return 9
    cmp -s a.dot b.dot || { echo "the picture differs"; return 9; }
    grep -qx 'not a store at all' ../garbage.sqlite || { echo "the file was changed"; return 9; }
}
expect rs-db-garbage 0 "cannot use the store ../garbage.sqlite" bash -c "$(declare -f garbage); garbage \"\$@\"" garbage
expect rs-db-folder 0 "cannot use the store" bash -c 'cd rs/o && "$KG" graph -T dot --db "$T/rs" -o /dev/null --focus co-001'
# the output folder is a file: no store can be made there
cp -r "$T/rs/o" "$T/rs/ro" && rm -rf "$T/rs/ro/out" && printf 'x\n' > "$T/rs/ro/out"
unwritable() {
    cd "$T/rs/ro" || return 9
    "$KG" timeline -T svg -o /dev/stdout > a.svg || return 9
    "$KG" timeline -T svg -o /dev/stdout --no-store > b.svg 2>/dev/null || return 9
    cmp -s a.svg b.svg || { echo "the picture differs"; return 9; }
}
expect rs-unwritable 0 "cannot use the store out/kg.sqlite" bash -c "$(declare -f unwritable); unwritable \"\$@\"" unwritable
# kg report into the project's out/ (the default), beside the store
report_default() {
    cd "$g" || return 9
    rm -f out/report.html
    "$KG" report || return 9
    grep -q '<html' out/report.html || { echo "no report"; return 9; }
    "$KG" query --db out/kg.sqlite --csv "SELECT count(*) FROM documents" >/dev/null ||
        { echo "the store is broken"; return 9; }
    echo "report and store side by side"
}
expect rs-report-default 0 "report and store side by side" bash -c "$(declare -f report_default); report_default"
# PATHs of one's own are drawn from their files: the project's store is
# neither read nor written
paths_own() {
    cd "$T/rs/o" || return 9
    local before
    before=$(sha256sum out/kg.sqlite 2>/dev/null)
    "$KG" graph -T dot facts/doc-00001.yaml > a.dot || return 9
    [ "$before" = "$(sha256sum out/kg.sqlite 2>/dev/null)" ] || { echo "the store changed"; return 9; }
    grep -q doc-00001 a.dot && ! grep -q doc-00002 a.dot && echo "drawn from the file given"
}
expect rs-paths 0 "drawn from the file given" bash -c "$(declare -f paths_own); paths_own \"\$@\"" paths_own
# a timeline past the style's kg_max_events (or --max-events) draws only
# the most recent events, from the first day that keeps at most that
# many, exactly as --from DAY draws them, and says so; never minutes
cut_same() {
    cd "$g" || return 9
    "$KG" timeline -T dot --max-events 50 > cut.dot 2> cut.err || { cat cut.err; return 9; }
    day=$(sed -n 's/.*drew the [0-9]* most recent, from \([0-9-]*\) on.*/\1/p' cut.err)
    [ -n "$day" ] || { echo "no note:"; cat cut.err; return 9; }
    n=$(grep -c 'class="event ' cut.dot)
    [ "$n" -le 50 ] && [ "$n" -gt 0 ] || { echo "$n events drawn"; return 9; }
    "$KG" timeline -T dot --from "$day" > from.dot 2>/dev/null || return 9
    cmp -s cut.dot from.dot || { echo "not what --from $day draws"; diff cut.dot from.dot | head; return 9; }
    "$KG" timeline -T dot --max-events 50 --no-store > files.dot 2>/dev/null || return 9
    cmp -s cut.dot files.dot || { echo "the store and the files cut differently"; return 9; }
    "$KG" timeline -T dot --max-events 0 > all.dot 2> all.err || return 9
    ! grep -q 'most recent' all.err || { echo "--max-events 0 cut"; return 9; }
    [ "$(grep -c 'class="event ' all.dot)" -gt "$n" ] || { echo "--max-events 0 drew no more"; return 9; }
    cat cut.err
}
expect rs-timeline-cut 0 "left out" bash -c "$(declare -f cut_same); cut_same"
expect rs-timeline-cut-graph 2 "--max-events is for 'kg timeline'" sh -c 'cd "$g" && "$KG" graph --max-events 5'
# the report of an archive past 2,000 events: the timeline cut, said on
# stderr, in seconds (the whole archive of 80,000 events took minutes)
python3 "$repo/tests/bench/store-gen.py" "$T/rs/big" 260 3 >/dev/null
expect rs-report-cut 0 "events are more than the style's kg_max_events=2000, too many" sh -c 'cd "$T/rs/big" && "$KG" report -o r.html && grep -q "<html" r.html'
fi
