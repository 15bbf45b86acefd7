# cases-check.sh - what `kg check` says about hand-edited facts: control
# characters, misspelled keys, a summary that counts right, text in EUC-KR.
# shellcheck shell=bash disable=SC2154
mkdir -p "$T/chk"
# an ESC sequence that would retitle the terminal, and a BEL, in a title
printf 'kg: 1\ndocument:\n  id: chk-doc\n  title: "\\e]0;pwned\\a"\n' > "$T/chk/esc.yaml"
expect check-escape-in-title 1 "control character U+001B (ESC) at character 1 of 'title'" "$KG" check chk/esc.yaml
# a C1 control (CSI) written as an escape in an actor name
printf 'kg: 1\nactors:\n- {id: a, name: "\\u009b2J", type: other}\n' > "$T/chk/csi.yaml"
expect check-csi-in-name 1 "U+009B (CSI) at character 1 of 'name'" "$KG" check chk/csi.yaml
# a raw DEL byte: named, with its place, not libyaml's 1:1
printf 'kg: 1\ndocument:\n  id: chk-doc\n  title: a\x7fb\n' > "$T/chk/del.yaml"
expect check-raw-del 1 'del.yaml:4:11: control character U+007F (DEL)' "$KG" check chk/del.yaml
# a misspelled key is an error, not a silently lost title
printf 'kg: 1\ndocument:\n  id: chk-doc\nevents:\n- {id: e1, type: other, titel: 제목}\n' > "$T/chk/titel.yaml"
expect check-misspelled-key 1 "unknown key 'titel' in an event; did you mean 'title'?" "$KG" check chk/titel.yaml
# the only error is a path that cannot be read: no "in 0 files"
expect check-unreadable-summary 3 'kg: 1 error, 0 warnings (1 path could not be read)' "$KG" check chk/missing.yaml
expect check-unreadable-beside-file 3 'in 1 file; 1 path could not be read' "$KG" check chk/titel.yaml chk/missing.yaml
# a file libyaml cannot parse still counts as checked
printf 'kg: 1\ndocument:\n  id: chk-doc\n  title: 속보: 발표\n' > "$T/chk/colon.yaml"
expect check-colon-in-value 1 "quote the value if it holds ': '" "$KG" check chk/colon.yaml
expect check-syntax-counts-file 1 'kg: 1 error, 0 warnings in 1 file' "$KG" check chk/colon.yaml
# an article and a facts file in EUC-KR
printf '정부가 새 계획을 발표했다. 중국은 반발했다.\n' | iconv -f utf-8 -t euc-kr > "$T/chk/euckr.txt"
expect tag-euc-kr 1 'looks like EUC-KR (or CP949); convert it to UTF-8: iconv -f euc-kr -t utf-8 chk/euckr.txt > chk/euckr.txt.utf8' "$KG" tag chk/euckr.txt
printf 'kg: 1\ndocument:\n  id: chk-doc\n  title: 새 계획 발표\n' | iconv -f utf-8 -t euc-kr > "$T/chk/euckr.yaml"
expect check-euc-kr 1 'iconv -f euc-kr -t utf-8 chk/euckr.yaml > chk/euckr.yaml.utf8' "$KG" check chk/euckr.yaml
# a slashed, day-first date gets its EDTF reading
printf 'kg: 1\ndocument:\n  id: chk-doc\n  published: 15/03/2025\n' > "$T/chk/date.yaml"
expect check-day-first-date 1 "did you mean '2025-03-15'?" "$KG" check chk/date.yaml
