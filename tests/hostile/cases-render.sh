# cases-render.sh - renderers on facts with errors (draw what is valid,
# say what was left out, exit 1), and control characters from facts files,
# stores and file names shown escaped on the terminal.
# shellcheck shell=bash disable=SC2154
mkdir -p "$T/rb"
cat > "$T/rb/bad.yaml" <<'EOF'
kg: 1
document: {id: rb-doc, title: 렌더 시험}
actors:
- {id: rb-a, name: 가나라, type: country}
events:
- {id: e1, type: announce, title: 빈 날짜 사건, date: "", agent: [rb-a, nobody]}
- {id: e2, type: bogus, title: 틀린 유형 사건}
- {id: e3, type: announce, title: 멀쩡한 사건, date: 2025-03-04, agent: [rb-a]}
relations:
- {from: e3, type: causes, to: e9}
EOF
# drawn: the picture is written (and has the valid event), exit 1, and
# stderr says what was left out
drawn() {
    local out=$1
    shift
    rm -f "$out"
    "$@"
    local rc=$?
    [ -s "$out" ] || { echo "no picture in $out"; return 9; }
    grep -q '멀쩡한 사건' "$out" || { echo "the valid event is not drawn"; return 9; }
    ! grep -q '틀린 유형 사건' "$out" || { echo "an event with an error is drawn"; return 9; }
    return $rc
}
expect render-empty-date-graph 1 'left out 2 facts with errors' \
    bash -c "$(declare -f drawn); drawn rb/g.svg '$KG' graph '$KG_DATA' rb/bad.yaml -o rb/g.svg"
expect render-empty-date-timeline 1 "run 'kg check'" \
    bash -c "$(declare -f drawn); drawn rb/t.svg '$KG' timeline '$KG_DATA' rb/bad.yaml -o rb/t.svg"
expect render-empty-date-report 1 "kg: report: left out" \
    bash -c "$(declare -f drawn); drawn rb/r.html '$KG' report '$KG_DATA' rb/bad.yaml -o rb/r.html"
mkdir -p "$T/rb/md"
expect render-empty-date-report-md 1 "invalid date ''" \
    bash -c "$(declare -f drawn); drawn rb/md/graph.svg '$KG' report rb/bad.yaml --md -o rb/md/r.md"
expect render-empty-date-png 1 'left out' \
    bash -c "'$KG' graph rb/bad.yaml -o rb/g.png && exit 9; rc=\$?; [ -s rb/g.png ] || exit 9; exit \$rc"
# --- control characters: never printed raw ---
# clean NAME EXIT MSG CMD...: as expect, and the output must hold no raw
# ESC, BEL, CR or C1 control (kg's findings on them may exit 0 or 1:
# both count as EXIT 1 here when EXIT is 1)
clean() {
    local out rc
    out=$("$@" 2>&1)
    rc=$?
    printf '%s\n' "$out"
    if LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]\|\xc2[\x80-\x9f]' <<<"$out"; then
        echo "RAW CONTROL CHARACTER in the output"
        return 9
    fi
    return $rc
}
mkdir -p "$T/cc"
printf 'kg: 1\ndocument: {id: cc-doc, title: "\\e]0;pwned\\a제목"}\nactors:\n- {id: cc-a, name: "가\\e[2J", type: country}\n- {id: cc-b, name: 나, type: country}\nevents:\n- {id: e1, type: announce, title: "발표\\nkg: fake.yaml:1:1: forged\\e[31m\\u0085", date: 2025-01-02, agent: [cc-a], target: [cc-b], when: "\\a어제"}\n' > "$T/cc/t.yaml"
expect ctl-dump 1 'forged\e[31m' \
    bash -c "$(declare -f clean); clean '$KG' dump cc/t.yaml; r=\$?; [ \$r -le 1 ] && exit 1; exit \$r"
expect ctl-dump-newline 1 '발표\nkg: fake.yaml' \
    bash -c "$(declare -f clean); clean '$KG' dump cc/t.yaml; r=\$?; [ \$r -le 1 ] && exit 1; exit \$r"
printf 'kg: 1\ndocument: {id: cc-d2, title: t}\nevents:\n- {id: e1, type: announce, date: "\\e]0;x\\a\\n2025"}\n' > "$T/cc/date.yaml"
expect ctl-check-message 1 "invalid date '\\e]0;x\\a\\n2025'" \
    bash -c "$(declare -f clean); clean '$KG' check --show-source cc/date.yaml"
printf 'kg: 1\ndocument: {id: cc-d3, title: t}\nevents:\n- {id: e1, type: announce, date: "\x1b]0;x\x07"}\n' > "$T/cc/rawdate.yaml"
expect ctl-check-show-source 1 '    - {id: e1, type: announce, date: "\e]0;x\a"}' \
    bash -c "$(declare -f clean); clean '$KG' check --show-source cc/rawdate.yaml"
expect ctl-graph-message 1 "invalid date '\\e]0;x\\a\\n2025'" \
    bash -c "$(declare -f clean); clean '$KG' graph cc/date.yaml -o cc/g.svg"
# a store whose text holds control characters (an older kg, or a hand
# edit): show and path print them escaped
printf 'kg: 1\ndocument: {id: cc-s, title: t}\nactors:\n- {id: sa, name: 가, type: country}\n- {id: sb, name: 나, type: country}\nevents:\n- {id: e1, type: announce, title: 발표, date: 2025-01-02, agent: [sa], target: [sb]}\n' > "$T/cc/s.yaml"
if command -v python3 >/dev/null; then
    (cd "$T" && "$KG" build cc/s.yaml --db cc/s.sqlite >/dev/null 2>&1)
    python3 - "$T/cc/s.sqlite" <<'EOF'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE events SET title = ?", ("발표\x1b]0;pwned\x07\nkg: x.yaml:1:1: forged\u009b",))
db.execute("UPDATE actors SET name = ? WHERE id = 'sa'", ("가\x1b[2J",))
db.commit()
EOF
    expect ctl-show-event 0 '발표\e]0;pwned\a\nkg: x.yaml:1:1: forged\u009b' \
        bash -c "$(declare -f clean); clean '$KG' show --db cc/s.sqlite cc-s/e1"
    expect ctl-show-actor 0 'actor sa: 가\e[2J' \
        bash -c "$(declare -f clean); clean '$KG' show --db cc/s.sqlite sa"
    expect ctl-path 0 'sa (가\e[2J)' \
        bash -c "$(declare -f clean); clean '$KG' path --db cc/s.sqlite sa sb"
    expect ctl-query-c1 0 'forged\u009b' \
        bash -c "$(declare -f clean); clean '$KG' query --db cc/s.sqlite 'SELECT title FROM events'"
    expect ctl-show-argument 1 "no actor, event or figure matches 'x\\ey'" \
        bash -c "$(declare -f clean); clean '$KG' show --db cc/s.sqlite \$'x\\ey'"
else
    skip ctl-show "no python3 to edit the store"
fi
# file names with a newline or an escape, in messages
expect ctl-filename-newline 3 'cc/no\nkg: x.yaml:1:1: forged.yaml: cannot read' \
    bash -c "$(declare -f clean); clean '$KG' check \$'cc/no\\nkg: x.yaml:1:1: forged.yaml'"
# (missing output folders are made: a regular file where the folder would
# be makes the error)
: > "$T/cc/nofolder"
expect ctl-output-name-newline 3 "cannot make the folder for 'cc/nofolder/\\nkg: x.svg'" \
    bash -c "$(declare -f clean); clean '$KG' graph cc/s.yaml -o \$'cc/nofolder/\\nkg: x.svg'"
cp "$T/cc/date.yaml" "$T/cc/"$'esc\e]0;x\a.yaml'
expect ctl-filename-escape 1 'cc/esc\e]0;x\a.yaml:4:' \
    bash -c "$(declare -f clean); clean '$KG' check cc/esc*.yaml"

# -o names the format: case ignored (g.PNG is a PNG), .gv is DOT, an
# extension kg does not draw is a usage error and nothing is written (it
# wrote SVG into x.jpg); missing folders are made; --dpi/--scale size PNGs
mkdir -p "$T/fo"
cp "$T/rb/bad.yaml" "$T/fo/f.yaml"
sed -i '/bogus/d;/e9/d;/relations:/d;s/date: "", agent: \[rb-a, nobody\]/agent: [rb-a]/' "$T/fo/f.yaml"
expect out-ext-unknown 2 "kg draws svg, png, pdf or dot" \
    sh -c "'$KG' graph fo/f.yaml -o fo/x.jpg; rc=\$?; [ ! -e fo/x.jpg ] || { echo WRITTEN; exit 9; }; exit \$rc"
expect out-ext-unknown-timeline 2 "kg draws svg, png, pdf or dot" "$KG" timeline fo/f.yaml -o fo/t.jpeg
expect out-ext-upper-png 0 '' \
    sh -c "'$KG' graph fo/f.yaml -o fo/g.PNG && head -c 4 fo/g.PNG | grep -q PNG"
expect out-ext-gv-is-dot 0 '' \
    sh -c "'$KG' graph fo/f.yaml -o fo/g.gv && grep -q '^digraph' fo/g.gv"
expect out-missing-folders 0 '' \
    sh -c "'$KG' timeline fo/f.yaml -o fo/new/deeper/t.svg && grep -q '<svg' fo/new/deeper/t.svg"
expect out-report-missing-folders 0 '' \
    sh -c "'$KG' report fo/f.yaml -o fo/rep/r.html && grep -q '<html' fo/rep/r.html"
expect out-report-md-missing-folders 0 '' \
    sh -c "'$KG' report --md fo/f.yaml -o fo/md/r.md && test -s fo/md/graph.svg && test -s fo/md/timeline.svg"
expect out-dpi-not-png 2 '--dpi and --scale are for PNG' "$KG" graph fo/f.yaml --dpi 150 -o fo/g2.svg
expect out-dpi-bad 2 '--dpi wants a number' "$KG" graph fo/f.yaml --dpi 0 -o fo/g3.png
expect out-scale-sizes 0 '' sh -c "
  '$KG' graph fo/f.yaml --scale 1 -o fo/s1.png && '$KG' graph fo/f.yaml --scale 2 -o fo/s2.png || exit 9
  w1=\$(od -An -tu1 -j16 -N4 fo/s1.png | awk '{print \$1*16777216+\$2*65536+\$3*256+\$4}')
  w2=\$(od -An -tu1 -j16 -N4 fo/s2.png | awk '{print \$1*16777216+\$2*65536+\$3*256+\$4}')
  [ \$((w2 - 2 * w1)) -ge -2 ] && [ \$((w2 - 2 * w1)) -le 2 ] || { echo \"widths \$w1 and \$w2\"; exit 9; }"
# make install puts the styles where 'kg help graph' says they are (a
# make of its own: under 'make asan' the variables of the outer make,
# B=build/asan among them, would reach it through MAKEFLAGS and put the
# ASan binary in the repository's ./kg)
if command -v make >/dev/null && [ -f Makefile ]; then
    expect install-styles 0 '' sh -c "
      env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -C '$PWD' install DESTDIR='$T/inst' >/dev/null || exit 9
      for f in \$('$KG' help graph | sed -n 's/.*installed as \([^:]*\):.*/\1/p') \
               \$('$KG' help timeline | sed -n 's/.*installed as \([^:]*\):.*/\1/p'); do
        cmp -s '$T/inst'\$f '$PWD'/graph/\$(basename \$f) || { echo \"not installed: \$f\"; exit 9; }
      done
      [ \$('$KG' help graph | grep -c 'installed as') = 1 ] || exit 9"
fi

# A title of 2.6 MB (issue 16): labels and tooltips are capped, so the
# pictures take a moment, not minutes (Graphviz is quadratic in the
# longest string: before the cap a graph took 41 s, a report 136 s, past
# this catalogue's limit of 120 s per case).
python3 - "$T/huge-title.yaml" <<'PY'
import sys
t = "가나다라 " * 200000
open(sys.argv[1], "w").write(f"""kg: 1
document:
  id: huge-title
  title: "{t}"
  published: 2025-01-01
actors:
  - {{id: a1, name: "{t}", type: country}}
events:
  - {{id: e1, type: announce, title: "{t}", agent: [a1], date: 2025-01-02}}
""")
PY
expect render-huge-title-graph 0 '' "$KG" graph -o huge-g.svg huge-title.yaml
expect render-huge-title-timeline 0 '' "$KG" timeline -o huge-t.svg huge-title.yaml
expect render-huge-title-report 0 '' "$KG" report -o huge-r.html huge-title.yaml
