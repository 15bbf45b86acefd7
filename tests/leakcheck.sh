#!/bin/sh
# tests/leakcheck.sh - runs every kg command over the fixtures under
# valgrind; fails on any invalid read/write or a definite leak.
# Run from the repository root ($KG: the binary, default ./kg).
KG=${KG:-./kg}
SUPP=$(realpath tests/valgrind.supp)
T=$(mktemp -d /tmp/kg-leak.XXXXXX)
trap 'rm -rf "$T"' EXIT
fail=0 n=0
vg() {
    n=$((n + 1))
    valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
        --show-leak-kinds=definite --suppressions="$SUPP" "$@" >/dev/null 2>"$T/vg.log"
    if [ $? = 99 ]; then
        fail=$((fail + 1))
        echo "leakcheck: FAIL: $*"
        head -60 "$T/vg.log"
    fi
}
vg "$KG" check yaml
vg "$KG" check tests/catalogue
vg "$KG" dump yaml
cp tests/roundtrip/hand.out.yaml "$T/f.yaml"
vg "$KG" fmt "$T/f.yaml"
seed=../shared/seeds/003_2d27646d52f2e6f3.txt
if [ -f "$seed" ]; then
    vg "$KG" tag --date 2025-01-15 "$seed"
    vg "$KG" extract --date 2025-01-15 "$seed" -o "$T/x.yaml"
fi
# two 4 MB windows of our own sentences, tagged on a pool of threads
yes '미국 상무부는 어제 반도체 장비 12대의 수출을 3개월 미뤘다.' | head -n 70000 >"$T/big.txt"
vg "$KG" tag --jobs 3 --date 2025-03-02 "$T/big.txt" tests/hostile/run
vg "$KG" build yaml --db "$T/kg.sqlite"
vg "$KG" query --db "$T/kg.sqlite" "select count(*) from actors"
vg "$KG" show --db "$T/kg.sqlite" china
vg "$KG" path --db "$T/kg.sqlite" usa china
vg "$KG" graph yaml -T svg -o "$T/g.svg"
vg "$KG" timeline yaml -T svg -o "$T/t.svg"
vg "$KG" report yaml -o "$T/r.html"
vg "$KG" export yaml -o "$T/csv/"
vg "$KG" export yaml -o "$T/x.graphml"
vg "$KG" export yaml --focus china -o "$T/x.gexf"
vg "$KG" export yaml -o "$T/x.json"
vg "$KG" export yaml -o "$T/x.md"
vg "$KG" query --db "$T/kg.sqlite" --csv "select * from events"
# the project: kg init, defaults from the repository's kg.yaml, a broken kg.yaml
vg "$KG" init --title 'leak check' "$T/proj"
vg "$KG" check
vg "$KG" report --title 'T' -o "$T/r2.html"
mkdir -p "$T/badproj"
printf 'titel: x\ntimeline: {lanes: nope, colour: red}\nfacts: [a]\n' > "$T/badproj/kg.yaml"
kg_abs=$(realpath "$KG")
cd "$T/badproj"; vg "$kg_abs" check; cd - >/dev/null || exit 1
echo "leakcheck: $n commands, $fail with errors"
[ "$fail" = 0 ]
