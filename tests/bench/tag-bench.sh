#!/bin/sh
# tests/bench/tag-bench.sh [KG] [MB] - throughput of `kg tag` against
# `grep -F -c -f aliases.txt` on the same corpus (default 100 MB) and
# lexicon (the bundled actors plus invented ones, >= 10,000 aliases; see
# tests/bench/tag-gen.py). The corpus is real news text: the lines of
# the dev texts and the KLUE-NER sentences of ../shared (SHARED, default
# the folder next to the checkout), drawn into files of about 5 KB of
# distinct lines (tests/bench/tag-real.py), tagged by one kg process
# (several FILE arguments) and searched by one grep. Without SHARED it
# falls back to text generated from templates (tag-gen.py), and says so.
# Prints seconds, MB/s and peak memory of each, and the ratios. KG
# defaults to $KG, then ./kg. Keeps the corpus in
# ${TMPDIR:-/tmp}/kg-tag-bench between runs (delete it to regenerate).
set -eu
KG=${1:-${KG:-./kg}}
MB=${2:-100}
here=$(cd "$(dirname "$0")" && pwd)
case $KG in /*) ;; */*) KG=$(cd "$(dirname "$KG")" && pwd)/$(basename "$KG") ;; esac
SHARED=${SHARED:-$here/../../../shared}
dir=${TMPDIR:-/tmp}/kg-tag-bench
kind=real
[ -d "$SHARED/dev/texts" ] || kind=templates
if [ ! -s "$dir/aliases.txt" ] || [ "$(cat "$dir/mb" 2>/dev/null)" != "$MB $kind" ]; then
    rm -rf "$dir/corpus" "$dir/corpus.txt"
    if [ "$kind" = real ]; then
        python3 "$here/tag-gen.py" --out "$dir" --mb 0 >/dev/null
        python3 "$here/tag-real.py" --out "$dir" --mb "$MB" --shared "$SHARED"
    else
        echo "no $SHARED/dev/texts: the corpus is generated from templates" >&2
        python3 "$here/tag-gen.py" --out "$dir" --mb "$MB"
        mkdir -p "$dir/corpus" && mv "$dir/corpus.txt" "$dir/corpus/00000.txt"
    fi
    echo "$MB $kind" >"$dir/mb"
fi
cd "$dir/corpus"
bytes=$(cat ./*.txt | wc -c)
nfiles=$(ls | wc -l)
naliases=$(wc -l <"$dir/aliases.txt")
cat ./*.txt >/dev/null # warm the page cache

now() { date +%s.%N; }

# run NAME CMD... : wall time, MB/s, CPU time (user + system: on a busy
# shared machine the steadier figure) and peak RSS of CMD, its stdout in
# $dir/out.NAME. Each command writes a file of its own, removed before the
# clock starts: truncating the previous command's output (144 MB of kg
# JSON) inside the timed region would be charged to the next command.
run() {
    name=$1
    shift
    rm -f "$dir/out.$name"
    sync
    t0=$(now)
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f '%M %U %S' -o "$dir/rss" "$@" >"$dir/out.$name" 2>"$dir/err" || true
        rss=$(tail -n 1 "$dir/rss" | awk '{ print $1 }')
        cpu=$(tail -n 1 "$dir/rss" | awk '{ print $2 + $3 }')
    else
        "$@" >"$dir/out.$name" 2>"$dir/err" || true
        rss=0
        cpu=0
    fi
    t1=$(now)
    awk -v n="$name" -v t0="$t0" -v t1="$t1" -v b="$bytes" -v r="$rss" -v c="$cpu" 'BEGIN {
        s = t1 - t0; printf "%-8s %7.2f s %8.1f MB/s  cpu %7.2f s  peak %6.1f MB\n", n, s, b / 1e6 / s, c, r / 1024 }'
    awk -v t0="$t0" -v t1="$t1" 'BEGIN { print t1 - t0 }' >"$dir/time.$name"
    echo "$cpu" >"$dir/cpu.$name"
}

echo "corpus $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB of $kind text in $nfiles files, $naliases aliases"
run kg-tag "$KG" tag --lexicon "$dir/lexicon" ./*.txt
mentions=$(wc -l <"$dir/out.kg-tag")
[ -s "$dir/err" ] && head -n 3 "$dir/err"
jobs=$(nproc 2>/dev/null || echo 1)
if [ "$jobs" -gt 1 ]; then
    run kg-tag-j "$KG" tag --jobs "$jobs" --lexicon "$dir/lexicon" ./*.txt
    cmp -s "$dir/out.kg-tag" "$dir/out.kg-tag-j" || echo "kg tag --jobs $jobs: OUTPUT DIFFERS from --jobs 1"
fi
run grep-F grep -F -c -f "$dir/aliases.txt" ./*.txt
echo "kg tag: $mentions mentions; grep: $(awk -F: '{ n += $NF } END { print n + 0 }' "$dir/out.grep-F") matching lines"
rm -f "$dir/out.kg-tag" "$dir/out.kg-tag-j" "$dir/out.grep-F"
awk -v a="$(cat "$dir/time.kg-tag")" -v b="$(cat "$dir/time.grep-F")" \
    -v ca="$(cat "$dir/cpu.kg-tag")" -v cb="$(cat "$dir/cpu.grep-F")" 'BEGIN {
    printf "kg tag / grep -F throughput, one core: %.2f (by CPU time %.2f)\n", b / a, (ca > 0 ? cb / ca : 0) }'
if [ "$jobs" -gt 1 ]; then
    awk -v a="$(cat "$dir/time.kg-tag-j")" -v b="$(cat "$dir/time.grep-F")" -v j="$jobs" 'BEGIN {
        printf "kg tag --jobs %d / grep -F throughput (wall time): %.2f\n", j, b / a }'
fi
