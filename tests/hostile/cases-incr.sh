# cases-incr.sh - kg build from the changed files alone (issue 16): after
# each change, the store the incremental build leaves must hold exactly
# what a build from scratch of the same files holds (every table, keys
# aside: row numbers, build numbers and load times differ), and only the
# changed files are read. Changes: an event edited, a document added, one
# removed, an actor's name changed in the lexicon, an actor id renamed in
# every file that uses it, same-as links across documents added and
# removed, a source text edited. A change that breaks another file (an
# actor renamed where others still use it, a document removed that
# another points to, an actor given another type, an error in the file
# itself) is refused and the store left as it was. Sourced by
# tests/hostile/run (cwd of each case: $T).
if ! command -v python3 >/dev/null; then
    skip incr: "python3 missing"
else
mkdir -p "$T/incr"
python3 "$(dirname "$0")/../bench/store-gen.py" "$T/incr" 30 7 >/dev/null
cat > "$T/incr/dump.sql" <<'EOF'
SELECT id, file, file_sha256, kind, title, publisher, author, published, published_start, published_end, url, source, source_path, source_sha256, source_seen_sha256 FROM documents ORDER BY file;
SELECT a.actor, d.file, a.name, a.type, a.part_of, a.aliases, a.country FROM actor_defs a JOIN documents d ON d.doc = a.doc ORDER BY 1, 2;
SELECT a.id, a.name, a.type, a.part_of, d.file FROM actors a LEFT JOIN documents d ON d.doc = a.defined_in ORDER BY 1;
SELECT actor, alias FROM aliases ORDER BY 1, 2;
SELECT e.id, d.file, e.local_id, e.title, e.type, e.date, e.date_start, e.date_end, e.date_approx, e.date_uncertain, e.when_text, e.cluster FROM events e JOIN documents d ON d.doc = e.doc ORDER BY 1;
SELECT event, role, actor, ord FROM event_actors ORDER BY 1, 2, 3;
SELECT f.id, d.file, f.local_id, f.value, f.value_max, f.value_text, f.unit, f.counter, f.approx, f.measure, f.subject, f.date, f.date_start, f.date_end FROM figures f JOIN documents d ON d.doc = f.doc ORDER BY 1;
SELECT d.file, r.local_id, r.from_event, r.type, r.to_event FROM relations r JOIN documents d ON d.doc = r.doc ORDER BY 1, 3, 4, 5;
SELECT s.fact, s.kind, d.file, s.start_byte, s.end_byte, s.text, s.sentence, s.quote FROM spans s JOIN documents d ON d.doc = s.doc ORDER BY 1;
SELECT kind, ref, text FROM search ORDER BY 1, 2, 3;
SELECT count(*) FROM search WHERE search MATCH '연산칩*';
SELECT value FROM meta WHERE key = 'counts';
EOF
# same.sh WANT...: kg build (incremental) into out/kg.sqlite,
# a build from scratch into full.sqlite, and the two dumps compared
cat > "$T/incr/same.sh" <<'EOF'
set -e
cd "$(dirname "$0")"
out=$("$KG" build 2>&1) || { echo "$out"; exit 1; }
for want in "$@"; do
    printf '%s\n' "$out" | grep -F -- "$want" >/dev/null || { echo "summary lacks: $want"; echo "$out"; exit 1; }
done
rm -f full.sqlite
"$KG" build --db full.sqlite >/dev/null 2>&1
sql=$(cat dump.sql)
"$KG" query --csv --db out/kg.sqlite "$sql" > inc.csv
"$KG" query --csv --db full.sqlite "$sql" > full.csv
rm -f full.sqlite
if ! cmp -s inc.csv full.csv; then echo "the stores differ:"; diff inc.csv full.csv | head -20; exit 1; fi
echo "same store"
EOF
# refused.sh: kg build exits 1 and the store's dump is what it was
cat > "$T/incr/refused.sh" <<'EOF'
cd "$(dirname "$0")"
sql=$(cat dump.sql)
"$KG" query --csv --db out/kg.sqlite "$sql" > before.csv
"$KG" build 2>&1
rc=$?
"$KG" query --csv --db out/kg.sqlite "$sql" > after.csv
cmp -s before.csv after.csv && echo "store unchanged" || { echo "the store changed"; diff before.csv after.csv | head; }
exit $rc
EOF
export KG
expect incr-first 0 'same store' sh incr/same.sh '(31 loaded, 0 unchanged, 0 removed)'
expect incr-nothing 0 'up to date, no file read' sh -c "cd incr && '$KG' build"
# an event's title and date edited
expect incr-edit-event 0 'same store' sh -c "sed -i 's/title: \"합성 기사 5\"/title: \"고친 기사\"/; s/date: 2020-06-/date: 2021-07-/' incr/facts/doc-00005.yaml && sh incr/same.sh '(1 loaded, 30 unchanged, 0 removed)' '(1 file read and checked)'"
expect incr-edit-read-one 0 '(1 file read and checked)' sh -c "printf '# a comment\n' >> incr/facts/doc-00006.yaml && cd incr && '$KG' build"
# a new document (a copy of one under another id and file)
expect incr-add 0 'same store' sh -c "sed 's/id: doc-00007/id: doc-new/' incr/facts/doc-00007.yaml > incr/facts/doc-new.yaml && sh incr/same.sh '(1 loaded, 31 unchanged, 0 removed)' '(1 file read and checked)'"
# a document removed (no other document points at it)
expect incr-remove 0 'same store' sh -c "rm incr/facts/doc-new.yaml && sh incr/same.sh '(0 loaded, 31 unchanged, 1 removed)' '(0 files read and checked)'"
# a same-as link to another document added, then removed
expect incr-sameas-add 0 'same store' sh -c "printf '  - {from: e5, type: same-as, to: doc-00003/e2}\n' >> incr/facts/doc-00012.yaml && sh incr/same.sh '(1 loaded, 30 unchanged' '(1 file read and checked)'"
expect incr-sameas-chain 0 'same store' sh -c "printf '  - {from: e6, type: same-as, to: doc-00012/e5}\n' >> incr/facts/doc-00014.yaml && sh incr/same.sh '(1 loaded, 30 unchanged' '(1 file read and checked)'"
# a document whose event is only the target of another's same-as link, and
# not its cluster's name, loaded again for a change elsewhere in it: the
# event comes back with its cluster (a rebuild computes again only the
# clusters with an event loaded or a link gone)
expect incr-sameas-target-add 0 'same store' sh -c "printf '  - {from: e4, type: same-as, to: doc-00025/e1}\n' >> incr/facts/doc-00004.yaml && sh incr/same.sh '(1 loaded, 30 unchanged' '(1 file read and checked)'"
expect incr-sameas-target-edited 0 'same store' sh -c "printf '# a comment\n' >> incr/facts/doc-00025.yaml && sh incr/same.sh '(1 loaded, 30 unchanged' '(1 file read and checked)'"
expect incr-sameas-remove 0 'same store' sh -c "sed -i '/to: doc-00003\/e2}/d' incr/facts/doc-00012.yaml && sh incr/same.sh '(1 loaded, 30 unchanged' '(1 file read and checked)'"
# the lexicon: an actor's name changed (every file that names it merges again)
expect incr-lexicon-name 0 'same store' sh -c "sed -i 's/name: \"북쪽나라 과학부\"/name: \"북쪽나라 과학기술부\"/' incr/facts/lexicon/actors.yaml && sh incr/same.sh '(1 loaded, 30 unchanged'"
# a source text edited at its end: its document is loaded again
expect incr-source 0 'same store' sh -c "printf '덧붙인 문장이다.\n' >> incr/text/doc-00009.txt && sh incr/same.sh '(1 loaded, 30 unchanged' '(1 file read and checked)'"
# an actor only the lexicon defines, used by another file; then its id
# renamed in the lexicon only: the other file still uses the old id, so
# the build is refused and the store kept; renamed in both: the same store
expect incr-lexicon-actor 0 'same store' sh -c "printf '  - id: solo-org\n    name: \"외톨이 기관\"\n    type: organization\n' >> incr/facts/lexicon/actors.yaml && sed -i '0,/agent: \[[^]]*\]/s//agent: [solo-org]/' incr/facts/doc-00015.yaml && sh incr/same.sh '(2 loaded, 29 unchanged' '(2 files read and checked)'"
expect incr-rename-refused 1 'store unchanged' sh -c "sed -i 's/id: solo-org$/id: solo-org-new/' incr/facts/lexicon/actors.yaml && sh incr/refused.sh"
expect incr-rename-names 1 "unknown actor 'solo-org'" sh -c "cd incr && '$KG' build"
expect incr-rename-all 0 'same store' sh -c "sed -i 's/agent: \[solo-org\]/agent: [solo-org-new]/' incr/facts/doc-00015.yaml && sh incr/same.sh '(2 loaded, 29 unchanged'"
# a document removed that another one's same-as points at: refused
expect incr-remove-pointed 1 'store unchanged' sh -c "mv incr/facts/doc-00012.yaml incr/doc-00012.aside && sh incr/refused.sh"
expect incr-remove-pointed-back 0 'up to date' sh -c "mv incr/doc-00012.aside incr/facts/doc-00012.yaml && cd incr && '$KG' build"
# an actor given another type in one document: a conflict, refused
expect incr-conflict 1 'store unchanged' sh -c "sed -i '0,/^    name: .*/s//&\n    type: media/' incr/facts/doc-00020.yaml && grep -q 'type: media' incr/facts/doc-00020.yaml && sh incr/refused.sh"
expect incr-conflict-message 1 "has type 'media' here but" sh -c "cd incr && '$KG' build"
# an error in the file itself: refused, store kept; fixed: the same store
expect incr-error 1 'store unchanged' sh -c "sed -i '/^    type: media$/d' incr/facts/doc-00020.yaml && sed -i 's/type: restrict$/type: restrictt/' incr/facts/doc-00021.yaml && sh incr/refused.sh"
expect incr-error-fixed 0 'same store' sh -c "sed -i 's/type: restrictt$/type: restrict/' incr/facts/doc-00021.yaml && sh incr/same.sh 'removed)'"
# an actor's country set in one document, and an event given a quote:
# the incremental store holds them as a build from scratch does
expect incr-country 0 'same store' sh -c "sed -i '0,/^    name: \"다아다테크\"\$/s//&\n    country: northland/' incr/facts/doc-00011.yaml && grep -q 'country: northland' incr/facts/doc-00011.yaml && sh incr/same.sh '(1 loaded, 30 unchanged'"
expect incr-country-row 0 'northland' sh -c "cd incr && '$KG' query --csv 'SELECT actor, country FROM actor_defs WHERE country IS NOT NULL'"
expect incr-quote 0 'same store' sh -c "sed -i 's/^    title: \"람자강테크, 언어 모델 protest\"\$/&\n    quote: \"부당하다며 강하게 항의했다\"/' incr/facts/doc-00011.yaml && grep -q 'quote: ' incr/facts/doc-00011.yaml && sh incr/same.sh '(1 loaded, 30 unchanged'"
expect incr-quote-row 0 '부당하다며' sh -c "cd incr && '$KG' query --csv 'SELECT fact, quote FROM spans WHERE quote IS NOT NULL'"
fi
