#!/bin/sh
# tests/bench/render-bench.sh [KG] - the renderers' speed on generated facts
# (tests/bench/store-gen.py: invented actors and sentences):
#  - kg graph -T svg against `dot -Tsvg` on the DOT that kg graph -T dot
#    wrote, same graph (~2,000 nodes, --max-nodes 0: the full graph); the
#    issue asks for within 5 %;
#  - kg timeline of ~10,000 events (--max-events 0: all of them): under
#    2 s and 200 MB;
#  - kg graph past the style's kg_max_nodes (the actor graph) at 2,500 /
#    5,000 / 10,000 / 20,000 events: seconds, growing linearly (the full
#    graph of 20,000 events took sfdp 7 minutes; issue 16);
#  - renders from the store: the time before layout at four archive
#    sizes, and kg graph -T svg against sfdp at 10,000 documents (below).
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
timed "kg timeline -T svg" "$KG" timeline "$dir/t/facts" --no-source --max-events 0 -T svg -o "$dir/t.svg"
for docs in 313 625 1250 2500; do
    python3 "$here/store-gen.py" "$dir/a$docs" "$docs" >/dev/null
    timed "kg graph -T svg, $((docs * 8)) events" "$KG" graph "$dir/a$docs/facts" --no-source -T svg -o "$dir/a.svg"
    grep -q 'actor graph' "$dir/err" || { echo "render bench: no actor graph for $docs documents" >&2; exit 1; }
    echo "$docs $(cat "$dir/last")" >> "$dir/actors"
done
awk 'NR == 1 {d = $1; t = $2} END {printf "actor graph: %.1fx the events take %.2fx the time\n", $1 / d, $2 / t}' "$dir/actors"

# Renders from the store (issue 16): the time before layout of kg graph
# --focus X --depth 2, kg timeline --from --to (one month) and kg report
# --from --to (the same month) on archives of 1,250 / 2,500 / 5,000 /
# 10,000 documents (8 events each), the store built and up to date. The
# figure is KG_TIMING's: seconds from the process's start to the first
# Graphviz layout (-T dot: the DOT text ready), to the clock tick; the
# best of 5 runs (the machine is shared), with its parts: the process's
# start, the store's up-to-date check (kg build's), reading the store,
# and the drawing up to the layout. Also kg report of the whole archive
# (its timeline cut to the style's kg_max_events most recent events):
# seconds, growing linearly. Then kg graph -T svg of the
# focus picture at 10,000 documents against sfdp on its own DOT.
# RENDER_STORE_SIZES overrides the sizes (e.g. "250 500").
before() { # before LABEL CMD... (cwd: the archive) -> best KG_TIMING of 5, and its parts
    label=$1; shift
    best=
    for _ in 1 2 3 4 5; do
        KG_TIMING=1 "$@" >/dev/null 2>"$dir/err" || { cat "$dir/err"; exit 1; }
        grep -q 'before layout (the store' "$dir/err" || { echo "render bench: $label: not from the store" >&2; cat "$dir/err"; exit 1; }
        t=$(sed -n 's/.*timing: \([0-9.]*\) s before layout.*/\1/p' "$dir/err")
        if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then
            best=$t
            parts=$(sed -n 's/.*(the store: \(.*\))$/\1/p' "$dir/err")
        fi
    done
    printf '%-48s %6.3f s  (%s)\n' "$label" "$best" "$parts"
    echo "$best" > "$dir/last"
}
sizes=${RENDER_STORE_SIZES:-1250 2500 5000 10000}
case $KG in /*) ;; */*) KG=$(pwd)/$KG ;; esac
for docs in $sizes; do
    python3 "$here/store-gen.py" "$dir/s$docs" "$docs" >/dev/null
    (cd "$dir/s$docs" && "$KG" build -q) || exit 1
    cd "$dir/s$docs" || exit 1
    before "graph --focus co-007 --depth 2, $docs docs" "$KG" graph -T dot --focus co-007 --depth 2 -o "$dir/f.dot"
    echo "$docs $(cat "$dir/last")" >> "$dir/focus"
    before "timeline --from 2023-03 --to 2023-03, $docs docs" "$KG" timeline -T dot --from 2023-03 --to 2023-03 -o "$dir/t.dot"
    echo "$docs $(cat "$dir/last")" >> "$dir/tl"
    before "report --from 2023-03 --to 2023-03, $docs docs" "$KG" report --from 2023-03 --to 2023-03 -o "$dir/r.html"
    echo "$docs $(cat "$dir/last")" >> "$dir/rep"
    # the whole archive: the timeline past kg_max_events is cut to the
    # most recent events (a note says so), the graph is the actor graph
    timed "report of the whole archive, $docs docs" "$KG" report -o "$dir/w.html"
    sed -n 's/.*timeline: \([0-9]*\) events are more than.*drew the \([0-9]*\) most recent.*/  (timeline: \2 of \1 events drawn)/p' "$dir/err"
    echo "$docs $(cat "$dir/last")" >> "$dir/whole"
    cd - >/dev/null || exit 1
    last=$docs
done
awk 'NR == 1 {d = $1; t = $2} END {printf "whole-archive report: %.1fx the documents take %.2fx the time\n", $1 / d, $2 / t}' "$dir/whole"
for f in focus tl rep; do
    awk -v n="$f" 'NR == 1 {d = $1; t = $2} END {printf "%s before layout: %.1fx the documents take %.2fx the time\n", n, $1 / d, $2 / t}' "$dir/$f"
done
cd "$dir/s$last" || exit 1
"$KG" graph -T dot --focus co-007 --depth 2 -o "$dir/f.dot"
timed "kg graph -T svg --focus, $last docs (store)" "$KG" graph -T svg --focus co-007 --depth 2 -o "$dir/f.svg"
a=$(cat "$dir/last")
timed "sfdp/dot -Tsvg on kg's DOT" dot -Tsvg "$dir/f.dot" -o "$dir/fd.svg"
b=$(cat "$dir/last")
echo "graph via the store, $last docs: kg / dot = $(echo "scale=3; $a / $b" | bc)"
cd - >/dev/null || exit 1
