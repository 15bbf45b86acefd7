# cases-fmt.sh - kg fmt and kg respan: a flag that only shows never
# writes, folders, and a source that escapes the facts folder.
# shellcheck shell=bash disable=SC2154
mkdir -p "$T/fmt/sub" "$T/fmt/.git"
printf '# 손으로 쓴 주석\nkg: 1\ndocument: {id: fmt-doc, title: 제목}\nactors:\n  - {id: a, name: 가, type: country}  # 들여씀\n' > "$T/fmt/sub/nc.yaml"
printf 'kg: 1\ndocument: {id: [broken\n' > "$T/fmt/.git/bad.yaml"
# --diff shows the change and writes nothing (the runner fails a changed input)
expect fmt-diff-writes-nothing 1 '+- {id: a, name: 가, type: country} # 들여씀' "$KG" fmt fmt/sub/nc.yaml --diff
# a folder: every *.yaml below, hidden folders skipped (.git/bad.yaml is not read)
expect fmt-folder 1 'fmt/sub/nc.yaml: not in canonical layout' "$KG" fmt --check fmt
# respan: a source outside the facts file's folder is never read
mkdir -p "$T/rs"
printf 'kg: 1\ndocument:\n  id: rs-doc\n  source: ../../../../../../no-such-kg-dir/a.txt\n  sha256: %064d\nevents:\n- {id: e1, type: meet, span: [0, 3], quote: 가}\n' 0 > "$T/rs/escape.yaml"
expect respan-source-escapes 1 'kg respan needs the source text' "$KG" respan rs/escape.yaml
expect respan-dry-run-folder 1 'kg respan needs the source text' "$KG" respan --dry-run rs
