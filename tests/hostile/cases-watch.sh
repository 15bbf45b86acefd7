# cases-watch.sh - kg watch, the live loop. First --once (one run, its exit
# status), then the loop itself in the background on a project of our own:
# a fix, an error (FILE:LINE:COL), a file written by rename as editors do,
# a new subfolder, kg.yaml edited, the facts folder removed and put back,
# and Ctrl-C. Every wait is a bounded poll of the log or of out/ (up to
# 120 s each, for a loaded machine under ASan), never a fixed sleep that
# the test relies on. Skipped where inotify is not available.
# shellcheck shell=bash disable=SC2154

# wdoc FILE DOC-ID TITLE AGENT: one actor and one event; the agent on
# line 9, its '[' in column 10
wdoc() {
    printf 'kg: 1\ndocument: {id: %s, title: 문서}\nactors:\n- {id: us, name: 미국, type: country}\nevents:\n- id: e1\n  type: other\n  title: %s\n  agent: [%s]\n  date: 2025-01-10\n' \
        "$2" "$3" "$4" > "$1"
}

# --- one run: --once ---
"$KG" init "$T/wonce" --title '한 번' >/dev/null 2>&1
wdoc "$T/wonce/facts/a.yaml" doc-a 첫째사건 xx
expect watch-once-error 1 "facts/a.yaml:9:10: unknown actor 'xx'" sh -c "cd wonce && '$KG' watch --once; rc=\$?; [ ! -e out/report.html ] || { echo RENDERED; exit 9; }; exit \$rc"
expect watch-once-error-summary 1 '1 error, 0 warnings in 1 file; out/ not updated' sh -c "cd wonce && '$KG' watch --once"
wdoc "$T/wonce/facts/a.yaml" doc-a 첫째사건 us
expect watch-once-no-render 0 '] ok: 1 file, 0 warnings' sh -c "cd wonce && '$KG' watch --once --no-render; rc=\$?; [ ! -e out/report.html ] || { echo RENDERED; exit 9; }; exit \$rc"
expect watch-once-renders 0 'out/ updated: kg.sqlite, graph.svg, timeline.svg, report.html' sh -c "cd wonce && '$KG' watch --once && grep -q 첫째사건 out/report.html && grep -q '</svg>' out/graph.svg && grep -q '</svg>' out/timeline.svg && test -s out/kg.sqlite && grep -q '^kgWatch(\"[0-9.-]*\");\$' out/.kg-watch.js && grep -q 'src=\"report.html\"' out/watch.html"
# the store is built incrementally, as kg build does it
expect watch-once-incremental 0 '(0 loaded, 1 unchanged, 0 removed)' sh -c "cd wonce && '$KG' watch --once >/dev/null && '$KG' build"
# a run from a subfolder of the project: its out/, not one in the subfolder
expect watch-once-from-subfolder 0 '../out/ updated' sh -c "cd wonce/facts && '$KG' watch --once && test ! -e out"
# PATHs: only those files
wdoc "$T/wonce/other.yaml" doc-o 다른사건 us
expect watch-once-path 0 '] ok: 1 file' sh -c "cd wonce && '$KG' watch --once other.yaml && grep -q 다른사건 out/report.html && ! grep -q 첫째사건 out/report.html"
mkdir -p "$T/wnp"
expect watch-no-project 2 "make one with 'kg init'" sh -c "cd wnp && '$KG' watch"
expect watch-once-no-project 2 "make one with 'kg init'" sh -c "cd wnp && '$KG' watch --once"
expect watch-missing-path 3 'watch: nothere: No such file' sh -c "cd wonce && '$KG' watch nothere"
expect watch-bad-option 2 "unknown option '--onse'" "$KG" watch --onse
expect watch-help 0 'usage: kg watch' "$KG" help watch

# --- the page that reloads the report: headless Chromium on a copy of
# watch.html whose stamp script says a new stamp at every load, so the
# page must have pointed its frame at the report again ---
if command -v chromium >/dev/null 2>&1 && [ -f "$T/wonce/out/watch.html" ]; then
    mkdir -p "$T/wpage"
    cp "$T/wonce/out/watch.html" "$T/wpage/"
    echo 'kgWatch("s" + Date.now() + Math.random());' > "$T/wpage/.kg-watch.js"
    echo '<p>report</p>' > "$T/wpage/report.html"
    expect watch-page-reloads 0 '<iframe id="report" src="report.html?s' sh -c "cd wpage && timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking --user-data-dir='$T/wpage/profile' --virtual-time-budget=5000 --dump-dom 'file://$T/wpage/watch.html' 2>/dev/null"
    rm -rf "$T/wpage/profile"
else
    skip watch-page-reloads "chromium is not installed (make deps)"
fi

# --- the loop ---
W=$T/wlive
"$KG" init "$W" --title '감시제목' >/dev/null 2>&1
wdoc "$W/facts/a.yaml" doc-a 첫째사건 xx
wpid=
# wait_for CONDITION...: polls it (5 a second) until it holds, the
# watcher has ended, or 120 s have passed
wait_for() {
    local i=0
    while [ "$i" -lt 600 ]; do
        "$@" && return 0
        kill -0 "$wpid" 2>/dev/null || { "$@"; return; }
        sleep 0.2
        i=$((i + 1))
    done
    return 1
}
# log_has N PATTERN: the log has N lines with PATTERN (fixed string)
log_has() { [ "$(grep -cF -- "$2" "$W.log")" -ge "$1" ]; }
out_has() { grep -qF -- "$2" "$W/out/$1" 2>/dev/null; }
whole() { # out/ holds only whole files: no temporary file, each file ends as its format ends
    ! find "$W/out" -name '*.tmp.*' | grep -q . &&
    tail -c 16 "$W/out/report.html" | grep -q '</html>' &&
    tail -c 16 "$W/out/graph.svg" | grep -q '</svg>' &&
    tail -c 16 "$W/out/timeline.svg" | grep -q '</svg>'
}
watch_live() {
    (cd "$W" && exec "$KG" watch) >"$W.log" 2>&1 &
    wpid=$!
    if ! wait_for log_has 1 '] 1 error, 0 warnings in 1 file'; then
        if grep -q 'inotify is not available' "$W.log"; then
            skip watch-live "inotify is not available here"
            return 0
        fi
        echo "the first run's summary did not come"; return 1
    fi
    log_has 1 "facts/a.yaml:9:10: unknown actor 'xx'" || { echo "no FILE:LINE:COL error line"; return 1; }
    [ ! -e "$W/out/report.html" ] || { echo "rendered facts with errors"; return 1; }
    # a fix, written in place
    wdoc "$W/facts/a.yaml" doc-a 첫째사건 us
    wait_for log_has 1 '] ok: 1 file, 0 warnings; out/ updated' || { echo "the fix was not seen"; return 1; }
    out_has report.html 첫째사건 && out_has report.html 감시제목 || { echo "report.html lacks the facts"; return 1; }
    whole || { echo "a file in out/ is not whole after run 2"; return 1; }
    local stamp1
    stamp1=$(cat "$W/out/.kg-watch.js")
    # an error again: printed as it happens, out/ left as it was
    wdoc "$W/facts/a.yaml" doc-a 첫째사건 xx
    wait_for log_has 2 '] 1 error, 0 warnings in 1 file; out/ not updated' || { echo "the error was not seen"; return 1; }
    log_has 2 "facts/a.yaml:9:10: unknown actor 'xx'" || { echo "no FILE:LINE:COL for the second error"; return 1; }
    [ "$(cat "$W/out/.kg-watch.js")" = "$stamp1" ] || { echo "out/ changed though the facts had errors"; return 1; }
    # saved as an editor does: a hidden temporary file renamed over the file
    wdoc "$W/facts/.a.yaml.swp" doc-a 둘째사건 us
    mv "$W/facts/.a.yaml.swp" "$W/facts/a.yaml"
    wait_for log_has 2 '] ok: 1 file' || { echo "the file renamed into place was not seen"; return 1; }
    out_has report.html 둘째사건 && ! out_has report.html 첫째사건 || { echo "report.html was not re-rendered"; return 1; }
    [ "$(cat "$W/out/.kg-watch.js")" != "$stamp1" ] || { echo "the stamp did not change"; return 1; }
    whole || { echo "a file in out/ is not whole after the rename"; return 1; }
    # a new subfolder, and a file in it
    mkdir "$W/facts/more"
    wdoc "$W/facts/more/b.yaml" doc-b 셋째사건 us
    wait_for out_has report.html 셋째사건 || { echo "a file in a new subfolder was not seen"; return 1; }
    # kg.yaml is read again: a new title
    sed -i 's/감시제목/바뀐제목/' "$W/kg.yaml"
    wait_for out_has report.html 바뀐제목 || { echo "the new title in kg.yaml was not used"; return 1; }
    # the facts folder removed: a message, no crash; back: watched again
    mv "$W/facts" "$W/facts.away"
    wait_for log_has 1 'kg: watch: facts is gone' || { echo "no message for the removed folder"; return 1; }
    wait_for log_has 1 '1 path could not be read; out/ not updated' || { echo "no run after the folder was removed"; return 1; }
    mv "$W/facts.away" "$W/facts"
    wait_for log_has 1 'kg: watch: facts is back' || { echo "the folder was not watched again"; return 1; }
    local n
    n=$(grep -cF '] ok: 2 files' "$W.log")
    wdoc "$W/facts/more/b.yaml" doc-b 넷째사건 us
    wait_for out_has report.html 넷째사건 || { echo "a change after the folder came back was not seen"; return 1; }
    wait_for log_has $((n + 1)) '] ok: 2 files' || { echo "no summary for the last run"; return 1; }
    # Ctrl-C: the loop ends (after the run under way, if any), exit 0
    kill -INT "$wpid"
    wait_for false
    if kill -0 "$wpid" 2>/dev/null; then echo "still running 120 s after SIGINT"; return 1; fi
    local rc=0
    wait "$wpid" || rc=$?
    wpid=
    [ "$rc" = 0 ] || { echo "exit $rc after SIGINT, expected 0"; return 1; }
    log_has 1 'kg: watch: stopped' || { echo "no 'stopped' message"; return 1; }
    whole || { echo "a file in out/ is not whole at the end"; return 1; }
    return 0
}
# (in a subshell, so that a failed step ends it; the watcher dies with it)
watch_live_run() {
    local r=0
    watch_live || r=$?
    [ -n "$wpid" ] && kill -9 "$wpid" 2>/dev/null
    return "$r"
}
if why=$(watch_live_run); then
    case $why in
    skip*) echo "$why"; skip=$((skip + 1)) ;;
    *) pass=$((pass + 1)) ;;
    esac
else
    fail=$((fail + 1))
    printf 'FAIL watch-live: %s\n%s\n' "$why" "$(tail -n 40 "$W.log" | sed 's/^/  | /')"
fi
