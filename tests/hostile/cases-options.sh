# cases-options.sh - options are read the same way by every command:
# anywhere on the line, '--' ends them, a missing value is not an unknown
# option, and a flag that only checks never writes.
# shellcheck shell=bash disable=SC2154
mkdir -p "$T/opt"
printf 'kg: 1\ndocument: {id: opt-doc, title: 제목}\nactors:\n- {id: a, name: 가, type: country}\n' > "$T/opt/nc.yaml"
# --check after the path: checks, never rewrites (the runner fails if the file changes)
expect fmt-check-after-path 1 'not in canonical layout' "$KG" fmt opt/nc.yaml --check
expect check-quiet-after-path 0 '' "$KG" check opt/nc.yaml -q
expect dump-unknown-after-path 2 "unknown option '--bogus'" "$KG" dump opt/nc.yaml --bogus
expect check-double-dash 3 'cannot read' "$KG" check -- --json
expect option-typo-suggests 2 "did you mean '--quiet'" "$KG" check --quite opt/nc.yaml
expect missing-value-named 2 "option '--date' needs a value" "$KG" extract x.txt --date
expect missing-value-short 2 "option '-o' needs a value" "$KG" graph opt/nc.yaml -o
expect command-typo-suggests 2 "did you mean 'kg build'" "$KG" buid
