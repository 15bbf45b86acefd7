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
expect ctl-output-name-newline 3 "cannot write 'cc/no/\\nkg: x.svg'" \
    bash -c "$(declare -f clean); clean '$KG' graph cc/s.yaml -o \$'cc/no/\\nkg: x.svg'"
cp "$T/cc/date.yaml" "$T/cc/"$'esc\e]0;x\a.yaml'
expect ctl-filename-escape 1 'cc/esc\e]0;x\a.yaml:4:' \
    bash -c "$(declare -f clean); clean '$KG' check cc/esc*.yaml"
