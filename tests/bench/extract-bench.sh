#!/bin/sh
# tests/bench/extract-bench.sh [KG] - the speed of `kg extract`:
#  - articles/s and MB/s over the dev texts (../shared/dev/texts, or
#    $KG_DEV_TEXTS; skipped with a message when absent), read 10 times;
#  - MB/s on generated run-on texts of 2 and 4 MB with no sentence end
#    (tests/bench/extract-gen.py: invented clauses, figures and times in
#    one "sentence"), and the time ratio 4 MB / 2 MB, which must stay
#    near 2 (linear cost); fails above 3.
set -eu
KG=${1:-${KG:-./kg}}
here=$(dirname "$0")
dir=$(mktemp -d "${TMPDIR:-/tmp}/kg-extract-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT INT TERM
now() { date +%s.%N; }
dev=${KG_DEV_TEXTS:-$here/../../../shared/dev/texts}
if [ -d "$dev" ] && ls "$dev"/*.txt >/dev/null 2>&1; then
    n=$(ls "$dev"/*.txt | wc -l)
    bytes=$(cat "$dev"/*.txt | wc -c)
    t0=$(now)
    for r in 1 2 3 4 5 6 7 8 9 10; do
        "$KG" extract --force -o "$dir/dev/" "$dev"/*.txt 2>/dev/null
    done
    t=$(echo "$(now) - $t0" | bc)
    awk -v n="$n" -v b="$bytes" -v t="$t" 'BEGIN {
        printf "extract dev: %d articles x 10 in %.2f s: %.0f articles/s, %.2f MB/s\n", n, t, n * 10 / t, b * 10 / 1e6 / t }'
else
    echo "extract dev: skipped ($dev: no texts)"
fi
for mb in 2 4; do
    python3 "$here/extract-gen.py" "$dir/run$mb.txt" "$mb"
    t0=$(now)
    "$KG" extract --date 2025-03-05 -o "$dir/run$mb.yaml" "$dir/run$mb.txt"
    t=$(echo "$(now) - $t0" | bc)
    echo "$t" >"$dir/t$mb"
    ev=$(grep -c '^- id: e' "$dir/run$mb.yaml" || true)
    awk -v m="$mb" -v t="$t" -v e="$ev" 'BEGIN {
        printf "extract run-on %d MB: %.2f s, %.2f MB/s, %d events\n", m, t, m / t, e }'
done
awk -v a="$(cat "$dir/t2")" -v b="$(cat "$dir/t4")" 'BEGIN {
    r = b / a; printf "extract run-on 4 MB / 2 MB time: %.2f (linear: ~2)\n", r; exit (r > 3) }'
