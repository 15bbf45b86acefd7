# kill.sh - kill -9 at random points (sourced by tests/hostile/run after
# cases.sh): an interrupted `kg build` leaves a store that passes
# PRAGMA integrity_check and holds either the old or the new facts; an
# interrupted `kg extract -o DIR` leaves every file old or new, never half.
# shellcheck shell=bash disable=SC2154
kill_rounds=${KILL_ROUNDS:-20}
python3 tests/bench/store-gen.py "$T/kill" 200 >/dev/null 2>&1
if [ -d "$T/kill/facts" ]; then
    db=$T/kill/kg.sqlite
    "$KG" build "$T/kill/facts" --db "$db" >/dev/null 2>&1
    old=$("$KG" query --db "$db" "select count(*) from documents" 2>/dev/null | tail -n 1)
    bad=0
    for i in $(seq "$kill_rounds"); do
        # change one file so that every build has work to do, then kill it
        printf '\n# round %d\n' "$i" >> "$T/kill/facts/doc-00001.yaml"
        "$KG" build "$T/kill/facts" --db "$db" --force-rebuild >/dev/null 2>&1 &
        pid=$!
        sleep "0.$(( RANDOM % 40 ))"
        kill -9 "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
        ok=$("$KG" query --db "$db" "PRAGMA integrity_check" 2>&1 | tail -n 1)
        n=$("$KG" query --db "$db" "select count(*) from documents" 2>&1 | tail -n 1)
        if [ "$ok" != ok ] || [ "$n" != "$old" ]; then
            bad=$((bad + 1))
            echo "kill round $i: integrity '$ok', documents '$n' (expected $old)"
        fi
    done
    if [ "$bad" = 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL kill-9-build: $bad of $kill_rounds rounds"; fi
else
    skip kill-9-build "tests/bench/store-gen.py could not run"
fi

seeds=../shared/seeds
if [ -d "$seeds" ] && "$KG" extract --help >/dev/null 2>&1; then
    mkdir -p "$T/kx"
    for f in "$seeds"/*.txt; do cp "$f" "$T/kx/"; done
    "$KG" extract --date 2025 "$T"/kx/*.txt -o "$T/kx/out" >/dev/null 2>&1
    bad=0
    for i in $(seq "$kill_rounds"); do
        before=$(cat "$T"/kx/out/*.yaml 2>/dev/null | sha256sum)
        "$KG" extract --date 2025 "$T"/kx/*.txt -o "$T/kx/out" >/dev/null 2>&1 &
        pid=$!
        sleep "0.0$(( RANDOM % 10 ))"
        kill -9 "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
        for y in "$T"/kx/out/*.yaml; do
            tail -n 1 "$y" | grep -q '^# kg-checksum: sha256:' || { bad=$((bad + 1)); echo "kill round $i: $y is cut short"; }
        done
        find "$T/kx/out" -name '*.tmp.*' -delete # a killed writer cannot clean up; the target is intact
        after=$(cat "$T"/kx/out/*.yaml 2>/dev/null | sha256sum)
        [ "$before" = "$after" ] || { bad=$((bad + 1)); echo "kill round $i: output changed though the input did not"; }
    done
    if [ "$bad" = 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL kill-9-extract: $bad problems"; fi
else
    skip kill-9-extract "no seeds in ../shared/seeds, or kg extract not built"
fi
