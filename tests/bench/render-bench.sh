#!/bin/sh
# tests/bench/render-bench.sh [KG] - the renderers' speed on generated facts
# (tests/bench/store-gen.py: invented actors and sentences):
#  - kg graph -T svg against `dot -Tsvg` on the DOT that kg graph -T dot
#    wrote, same graph (~2,000 nodes, --max-nodes 0: the full graph); the
#    issue asks for within 5 %;
#  - kg timeline of ~10,000 events: under 2 s and 200 MB;
#  - kg graph past the style's kg_max_nodes (the actor graph) at 2,500 /
#    5,000 / 10,000 / 20,000 events: seconds, growing linearly (the full
#    graph of 20,000 events took sfdp 7 minutes; issue 16).
set -eu
KG=${1:-${KG:-./kg}}
here=$(dirname "$0")
dir=$(mktemp -d "${TMPDIR:-/tmp}/kg-render-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT INT TERM
now() { date +%s.%N; }
timed() { # timed LABEL CMD... -> prints seconds and peak MB
    label=$1; shift
    t0=$(now)
    /usr/bin/time -f '%M' -o "$dir/rss" "$@" >"$dir/out" 2>"$dir/err" || { cat "$dir/err"; exit 1; }
    t=$(echo "$(now) - $t0" | bc)
    printf '%-40s %6.2f s %6d MB\n' "$label" "$t" $(( $(tail -n 1 "$dir/rss") / 1024 ))
    echo "$t" > "$dir/last"
}
python3 "$here/store-gen.py" "$dir/g" 250 >/dev/null
python3 "$here/store-gen.py" "$dir/t" 1250 >/dev/null
"$KG" graph "$dir/g/facts" --no-source --max-nodes 0 -T dot -o "$dir/g.dot"
nodes=$(grep -c '^\s*"[^"]*"\s*\[' "$dir/g.dot" || true)
echo "render bench: graph of $nodes nodes, timeline of $(grep -c '^  - id: e' "$dir"/t/facts/*.yaml | awk -F: '{s+=$2} END {print s}') events"
timed "kg graph -T svg" "$KG" graph "$dir/g/facts" --no-source --max-nodes 0 -T svg -o "$dir/kg.svg"
a=$(cat "$dir/last")
timed "dot -Tsvg on kg's DOT" dot -Tsvg "$dir/g.dot" -o "$dir/dot.svg"
b=$(cat "$dir/last")
echo "graph: kg / dot = $(echo "scale=3; $a / $b" | bc)"
timed "kg timeline -T svg" "$KG" timeline "$dir/t/facts" --no-source -T svg -o "$dir/t.svg"
for docs in 313 625 1250 2500; do
    python3 "$here/store-gen.py" "$dir/a$docs" "$docs" >/dev/null
    timed "kg graph -T svg, $((docs * 8)) events" "$KG" graph "$dir/a$docs/facts" --no-source -T svg -o "$dir/a.svg"
    grep -q 'actor graph' "$dir/err" || { echo "render bench: no actor graph for $docs documents" >&2; exit 1; }
    echo "$docs $(cat "$dir/last")" >> "$dir/actors"
done
awk 'NR == 1 {d = $1; t = $2} END {printf "actor graph: %.1fx the events take %.2fx the time\n", $1 / d, $2 / t}' "$dir/actors"
