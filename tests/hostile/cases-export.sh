# cases-export.sh - kg export: every format read back by a real reader
# (tests/export-check.py: networkx for GraphML and GEXF, Python's csv,
# json + a JSON Schema of TimelineJS, a structural Mermaid check), the
# golden files of the bundled story, and the command line: formats by
# extension, usage errors, atomic writes, facts with errors.
# shellcheck shell=bash disable=SC2154
EXR=$(pwd)
mkdir -p "$T/ex"

# -- real readers on hostile and bundled facts (skip only when a reader
# cannot be imported: make deps installs python3-networkx and
# python3-jsonschema)
if command -v python3 >/dev/null && python3 -c 'import networkx, jsonschema' 2>/dev/null; then
    expect export-readers 0 'export-check: ok' python3 "$EXR/tests/export-check.py" "$KG"
else
    skip export-readers "python3 with networkx and jsonschema is missing (make deps installs python3-networkx python3-jsonschema)"
fi

# -- the golden files: every format on the bundled story
expect export-golden 0 'up to date' bash -c "cd '$EXR' && KG='$KG' sh tests/golden/export/regen.sh --check"

# -- the command line
cat > "$T/ex/f.yaml" <<'EOF'
kg: 1
document: {id: ex-doc, title: 내보내기 시험}
actors:
- {id: ex-a, name: 가나라, type: country}
events:
- {id: e1, type: announce, title: 첫 발표, date: 2025-03-04, agent: [ex-a]}
- {id: e2, type: protest, title: 반발, agent: [ex-a]}
relations:
- {from: e2, type: responds-to, to: e1}
EOF
expect export-no-format 2 'say which format' "$KG" export ex/f.yaml
expect export-bad-format 2 "--format is csv, graphml" "$KG" export ex/f.yaml --format xlsx
expect export-bad-ext 2 "kg exports .csv, .graphml" "$KG" export ex/f.yaml -o ex/x.xlsx
expect export-mmd-needs-format 2 'mermaid-timeline' "$KG" export ex/f.yaml -o ex/x.mmd
expect export-csv-needs-table 2 'give --table' "$KG" export ex/f.yaml --format csv
expect export-csv-bad-table 2 '--table is events' "$KG" export ex/f.yaml --format csv --table people
expect export-table-not-csv 2 '--table is for CSV' "$KG" export ex/f.yaml -o ex/x.gexf --table events
expect export-bad-focus 2 "no actor is called" "$KG" export ex/f.yaml --format gexf --focus nobody
expect export-bad-from 2 "is not a date" "$KG" export ex/f.yaml --format gexf --from 2025-13
expect export-help 0 'TimelineJS' "$KG" help export
# the extension names the format, case ignored; -o events.csv is that table
expect export-ext-case 0 '' bash -c '"$KG" export ex/f.yaml -o ex/G.GraphML && grep -q "<graphml" ex/G.GraphML'
expect export-ext-json 0 '' bash -c '"$KG" export ex/f.yaml -o ex/t.json 2>&1 && grep -q "\"start_date\": {\"year\": 2025, \"month\": 3, \"day\": 4}" ex/t.json'
expect export-undated-note 0 '1 undated event is left out' "$KG" export ex/f.yaml -o ex/t2.json
expect export-csv-by-name 0 '' bash -c '"$KG" export ex/f.yaml -o ex/events.csv && head -1 ex/events.csv | grep -q "^id,title,type"'
expect export-md 0 '' bash -c '"$KG" export ex/f.yaml -o ex/x.md && [ "$(grep -c "^\`\`\`mermaid" ex/x.md)" = 2 ]'
# a folder (new, made) gets the four tables
expect export-folder 0 '' bash -c '"$KG" export ex/f.yaml -o ex/new/deep/ &&
  for t in events actors figures relations; do [ -s ex/new/deep/$t.csv ] || { echo "no $t.csv"; exit 1; }; done'
# the selection is kg graph'"'"'s: --type keeps only those events
expect export-select 0 '' bash -c '"$KG" export ex/f.yaml --format csv --table events --type protest > ex/sel.csv &&
  [ "$(wc -l < ex/sel.csv)" = 2 ] && grep -q "^ex-doc/e2," ex/sel.csv'
# facts with errors: what is valid is written, exit 1
printf 'kg: 1\ndocument: {id: ex-bad, title: 틀림}\nactors:\n- {id: b-a, name: 가, type: country}\nevents:\n- {id: e1, type: bogus, title: 틀린 사건}\n- {id: e2, type: meet, title: 맞는 사건, date: 2025-01-02, agent: [b-a]}\n' > "$T/ex/bad.yaml"
expect export-errors-written 1 'left out 1 fact' bash -c '"$KG" export ex/bad.yaml -o ex/bad.graphml; rc=$?
  grep -q "맞는 사건" ex/bad.graphml || { echo "the valid event is missing"; exit 9; }
  grep -q "틀린 사건" ex/bad.graphml && { echo "the bad event is written"; exit 9; }
  exit $rc'
# atomic: a file that cannot be written leaves the old one whole; the
# four tables are replaced together or not at all
mkdir -p "$T/ex/ro"
printf 'old\n' > "$T/ex/ro/events.csv"
chmod a-w "$T/ex/ro"
if [ "$(id -u)" = 0 ]; then
    skip export-readonly-folder "root writes into a read-only folder"
else
    expect export-readonly-folder 3 'cannot write' bash -c '"$KG" export ex/f.yaml -o ex/ro/; rc=$?
      [ "$(cat ex/ro/events.csv)" = old ] || { echo "events.csv was changed"; exit 9; }; exit $rc'
fi
chmod u+w "$T/ex/ro"
if [ -w /dev/full ]; then
    expect export-full-stdout 3 'cannot write' "$KG" export ex/f.yaml --format gexf -o /dev/full
else
    skip export-full-stdout "no /dev/full"
fi
# tables in a folder, all or nothing, on a file size limit between the
# sizes of the tables: the small ones fit, events.csv does not
mkdir -p "$T/ex/lim"
for t in events actors figures relations; do printf 'old\n' > "$T/ex/lim/$t.csv"; done
expect export-folder-all-or-nothing 3 'cannot write' bash -c '
  EXR='$EXR'; (ulimit -f 1; exec "$KG" export "$EXR/yaml" -o ex/lim/ --no-source) >/dev/null; rc=$?
  for t in events actors figures relations; do
    [ "$(cat ex/lim/$t.csv)" = old ] || { echo "ex/lim/$t.csv was replaced"; exit 9; }
  done
  exit $rc'

# -- kg query --csv: RFC 4180 that Python's csv module reads back
(cd "$T" && "$KG" build ex/f.yaml --db ex/q.sqlite -q > /dev/null 2>&1)
expect query-csv 0 'query-csv ok' bash -c '
  "$KG" query --db ex/q.sqlite --csv "SELECT id, title FROM events ORDER BY id; SELECT 1 AS n, NULL AS z, '"'"'a,\"b\"'"'"' || char(10) || '"'"'c'"'"' AS s, '"'"'=1+2'"'"' AS f" |
  python3 -c "
import csv, sys
rows = list(csv.reader(sys.stdin))
want = [[\"id\", \"title\"], [\"ex-doc/e1\", \"첫 발표\"], [\"ex-doc/e2\", \"반발\"], [],
        [\"n\", \"z\", \"s\", \"f\"], [\"1\", \"\", \"a,\\\"b\\\"\\nc\", \"\x27=1+2\"]]
assert rows == want, rows
print(\"query-csv ok\")"'
expect query-csv-and-json 2 '--json or --csv' "$KG" query --db ex/q.sqlite --csv --json "SELECT 1"
expect export-csv-name-case 0 '' bash -c '"$KG" export ex/f.yaml -o ex/Relations.CSV && head -1 ex/Relations.CSV | grep -q "^id,from,type,to"'
expect export-csv-file-needs-table 2 'or -o FOLDER/' "$KG" export ex/f.yaml -o ex/facts.csv
