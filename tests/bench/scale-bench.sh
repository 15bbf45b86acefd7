#!/bin/sh
# tests/bench/scale-bench.sh [KG] - the costs issue 16 found growing faster
# than their input, each measured at four sizes, 8x apart end to end:
#  - kg check of ONE file of 12,500 / 25,000 / 50,000 / 100,000 events (the
#    duplicate-id scan and the actor loop were quadratic: 0.28 -> 16.8 s);
#  - kg graph, kg timeline and kg report of facts whose title, actor name
#    and event title are 0.5 / 1 / 2 / 4 MB long (Graphviz is quadratic in
#    the longest string: a 10 MB title took 41 / 88 / 136 s);
#  - kg timeline of 2,500 / 5,000 / 10,000 / 20,000 events (an actor's
#    name was a linear scan per lookup: 0.48 -> 7.6 s).
# Prints one row per size (wall seconds, peak MB) and, per cost, the ratio
# of the largest to the smallest time: linear growth gives about 8, a
# quadratic cost 64. Fails when a ratio passes 20. Every input is generated
# here or by tests/bench/store-gen.py (invented names and sentences).
set -eu
KG=${1:-${KG:-./kg}}
here=$(dirname "$0")
dir=$(mktemp -d "${TMPDIR:-/tmp}/kg-scale-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT INT TERM
now() { date +%s.%N; }
timed() { # timed LABEL CMD... -> a row; the seconds into $dir/last
    label=$1; shift
    t0=$(now)
    /usr/bin/time -f '%M' -o "$dir/rss" "$@" >"$dir/out" 2>"$dir/err" || { cat "$dir/err"; exit 1; }
    t=$(echo "$(now) - $t0" | bc)
    printf '%-44s %7.2f s %6d MB\n' "$label" "$t" $(( $(tail -n 1 "$dir/rss") / 1024 ))
    echo "$t" >"$dir/last"
}
# growth NAME FILE: FILE has "size seconds" rows; prints the ratio, fails past 20
growth() {
    awk -v name="$1" 'NR == 1 {s = $1; t = $2} END {
        r = (t > 0.01 ? $2 / t : $2 / 0.01)
        printf "%s: %.0fx the input takes %.1fx the time (linear ~%.0f)\n", name, $1 / s, r, $1 / s
        exit (r > 20) }' "$2" || { echo "scale bench: $1 grows faster than linear" >&2; exit 1; }
}

# one facts file of N events (a few actors, every event naming two)
one_file() { # one_file N OUT
    python3 - "$1" "$2" <<'PY'
import sys
n, out = int(sys.argv[1]), sys.argv[2]
with open(out, "w") as f:
    f.write("kg: 1\ndocument:\n  id: one-big-file\n  title: many events\n  published: 2025-01-01\n"
            "actors:\n")
    for a in range(50):
        f.write(f"  - {{id: actor-{a}, name: \"행위자 {a}\", type: organization}}\n")
    f.write("events:\n")
    for e in range(n):
        f.write(f"  - {{id: e{e}, type: announce, title: \"발표 {e}\", date: 2025-{1 + e % 12:02d}-{1 + e % 28:02d},"
                f" agent: [actor-{e % 50}], target: [actor-{(e * 7 + 1) % 50}]}}\n")
PY
}
: >"$dir/check"
for n in 12500 25000 50000 100000; do
    one_file "$n" "$dir/one-$n.yaml"
    timed "kg check, one file of $n events" "$KG" check -q "$dir/one-$n.yaml"
    echo "$n $(cat "$dir/last")" >>"$dir/check"
done
growth "check of one file" "$dir/check"

# facts whose longest strings are M MB (the title, an actor's name, an
# event's title, as the hostile case render-huge-title has them)
long_file() { # long_file MB OUT
    python3 - "$1" "$2" <<'PY'
import sys
mb, out = float(sys.argv[1]), sys.argv[2]
t = "가나다라 " * int(mb * 1048576 / 13)
with open(out, "w") as f:
    f.write(f"kg: 1\ndocument:\n  id: long-strings\n  title: \"{t}\"\n  published: 2025-01-01\n"
            f"actors:\n  - {{id: a1, name: \"{t}\", type: country}}\n"
            f"events:\n  - {{id: e1, type: announce, title: \"{t}\", agent: [a1], date: 2025-01-02}}\n")
PY
}
: >"$dir/graph"; : >"$dir/timeline"; : >"$dir/report"
for mb in 0.5 1 2 4; do
    long_file "$mb" "$dir/long-$mb.yaml"
    for r in graph timeline report; do
        ext=svg; [ "$r" = report ] && ext=html
        timed "kg $r, strings of $mb MB" "$KG" "$r" --no-source -o "$dir/long.$ext" "$dir/long-$mb.yaml"
        echo "$mb $(cat "$dir/last")" >>"$dir/$r"
    done
done
for r in graph timeline report; do growth "$r of long strings" "$dir/$r"; done

: >"$dir/tl"
for docs in 313 625 1250 2500; do
    python3 "$here/store-gen.py" "$dir/t$docs" "$docs" >/dev/null
    timed "kg timeline -T svg, $((docs * 8)) events" "$KG" timeline "$dir/t$docs/facts" --no-source -T svg -o "$dir/t.svg"
    echo "$docs $(cat "$dir/last")" >>"$dir/tl"
    rm -rf "$dir/t$docs"
done
growth "timeline" "$dir/tl"
