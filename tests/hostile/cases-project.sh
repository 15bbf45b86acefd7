# cases-project.sh - a kg project (kg init, kg.yaml found by walking up)
# and what a facts file's source: may name: only a text below the facts
# file's folder or the project's articles folder, compared after symlinks.
# $T (the cases' folder) is in no project: there, commands without a PATH
# say so instead of using the bundled demo facts.
# shellcheck shell=bash disable=SC2154

# --- outside any project ---
mkdir -p "$T/np/out"
printf 'kg: 1\ndocument: {id: np-doc, title: 제목}\nactors:\n- {id: a, name: 가, type: country}\n' > "$T/np/mine.yaml"
"$KG" build "$T/np/mine.yaml" --db "$T/np/out/kg.sqlite" >/dev/null 2>&1
np_sum=$(sha256sum < "$T/np/out/kg.sqlite")
# the user's store is not replaced by the demo's (it was: "1 removed")
expect no-project-build 2 "make one with 'kg init'" sh -c "cd np && '$KG' build; rc=\$?; [ \"\$(sha256sum < out/kg.sqlite)\" = '$np_sum' ] || { echo STORE CHANGED; exit 9; }; exit \$rc"
expect no-project-check 2 'not inside a kg project' sh -c "cd np && '$KG' check"
expect no-project-dump 2 'not inside a kg project' sh -c "cd np && '$KG' dump"
expect no-project-fmt 2 'not inside a kg project' sh -c "cd np && '$KG' fmt --check"
# the installed kg drew an empty graph with exit 0
expect no-project-graph 2 "make one with 'kg init'" sh -c "cd np && '$KG' graph -o g.svg; rc=\$?; [ ! -e g.svg ] || exit 9; exit \$rc"
expect no-project-timeline 2 'not inside a kg project' sh -c "cd np && '$KG' timeline -o t.svg"
expect no-project-report 2 'not inside a kg project' sh -c "cd np && '$KG' report; rc=\$?; [ ! -e out/report.html ] || exit 9; exit \$rc"
# with a PATH, no project is needed
expect no-project-with-path 0 '' sh -c "cd np && '$KG' check mine.yaml"

# --- kg init ---
expect init-makes-project 0 'made a kg project' sh -c "'$KG' init pj --title '미·중 <script>' && test -f pj/kg.yaml && test -d pj/articles && test -d pj/facts/lexicon && test -d pj/out"
pj_sum=$(sha256sum < "$T/pj/kg.yaml")
expect init-refuses-existing 1 'kg.yaml left as it is' sh -c "'$KG' init pj --title other; rc=\$?; [ \"\$(sha256sum < pj/kg.yaml)\" = '$pj_sum' ] || exit 9; exit \$rc"
printf 'x\n' > "$T/a-file"
expect init-dir-is-a-file 3 'cannot make the folder' "$KG" init a-file

# an article of our own, and the facts kg extract writes for it
printf '2025년 1월 10일 미국 상무부는 중국에 대한 반도체 장비 수출 통제를 강화했다고 밝혔다.\n' > "$T/pj/articles/a.txt"
# no -o inside a project: into its facts folder, found from a subfolder
expect extract-into-project-facts 0 '' sh -c "cd pj/articles && '$KG' extract --date 2025-01-10 a.txt && grep -q '^  source: ../articles/a.txt' ../facts/*.yaml"
expect extract-dash-is-stdout 0 'source: a.txt' sh -c "cd pj/articles && '$KG' extract --date 2025-01-10 a.txt -o -"
expect walk-up-check 0 '' sh -c "cd pj/facts/lexicon && '$KG' check"
expect walk-up-build 0 'out/kg.sqlite: 1 file' sh -c "cd pj/facts && '$KG' build && test -f ../out/kg.sqlite"
# the same files from any folder of the project: nothing reloaded, nothing "removed"
expect build-keys-from-any-folder 0 '(0 loaded, 1 unchanged, 0 removed)' sh -c "cd pj && '$KG' build"
expect walk-up-query 0 '1' sh -c "cd pj/articles && '$KG' query 'select count(*) from documents'"
# the report's title is the project's, escaped; --title overrides it
expect report-title-from-project 0 '' sh -c "cd pj && '$KG' report && grep -q '<h1>미·중 &lt;script&gt;</h1>' out/report.html && ! grep -q '미·중 <script>' out/report.html"
expect report-title-option 0 '' sh -c "cd pj && '$KG' report --title '다른 & 제목' -o - | grep -q '<title>다른 &amp; 제목</title>'"
expect report-title-neutral 0 '' sh -c "'$KG' report np/mine.yaml -o - | grep -q '<h1>사실 보고서</h1>'"

# --- kg.yaml mistakes: FILE:LINE:COL, a did-you-mean ---
mkdir -p "$T/bad1" "$T/bad2" "$T/bad3"
printf 'titel: x\nfacts: facts\n' > "$T/bad1/kg.yaml"
expect kgyaml-unknown-key 1 "kg.yaml:1:1: unknown key 'titel' in kg.yaml; did you mean 'title'?" sh -c "cd bad1 && '$KG' check"
printf 'title: x\nfacts: [a, b]\n' > "$T/bad2/kg.yaml"
expect kgyaml-wrong-type 1 "kg.yaml:2:8: 'facts' must be a string, not a list" sh -c "cd bad2 && '$KG' build"
printf 'title: x\ntimeline:\n  lanes: contry\n  colour: red\n' > "$T/bad3/kg.yaml"
expect kgyaml-bad-lanes 1 "kg.yaml:3:10: 'lanes' is country, actor or type, not 'contry'" sh -c "cd bad3 && '$KG' timeline ../np/mine.yaml"
expect kgyaml-timeline-key 1 "kg.yaml:4:3: unknown key 'colour' in 'timeline'" sh -c "cd bad3 && '$KG' graph ../np/mine.yaml"
mkdir -p "$T/bad4/sub"
printf 'title: x\nfacts: "facts\n' > "$T/bad4/kg.yaml"
expect kgyaml-syntax-from-subfolder 1 '../kg.yaml:' sh -c "cd bad4/sub && '$KG' check"

# --- sources: inside the project only ---
mkdir -p "$T/src/facts/texts" "$T/src/articles/deep" "$T/src/elsewhere"
printf 'title: sources\n' > "$T/src/kg.yaml"
printf '가나다 라마바.\n' > "$T/src/articles/deep/ok.txt"
printf '가나다 라마바.\n' > "$T/src/facts/texts/here.txt"
printf 'SECRETWORD 가나다.\n' > "$T/src/elsewhere/secret.txt"
ln -s ../elsewhere/secret.txt "$T/src/articles/out-link.txt"
ln -s ../../elsewhere "$T/src/articles/deep/out-dir"
ln -s ../articles/deep/ok.txt "$T/src/facts/in-link.txt"
src_doc() { # FILE ID SOURCE
    printf 'kg: 1\ndocument:\n  id: %s\n  source: %s\nevents:\n- {id: e1, type: other, title: 사건, span: [0, 9]}\n' "$2" "$3" > "$T/src/$1"
}
src_doc facts/in-articles.yaml in-articles ../articles/deep/ok.txt
src_doc facts/below-facts.yaml below-facts texts/here.txt
src_doc facts/in-link.yaml in-link in-link.txt
expect source-in-articles-ok 0 '' sh -c "cd src && '$KG' check && '$KG' build -q"
# the same project named from outside it: its articles folder still counts
expect source-project-from-outside 0 '' "$KG" check src/facts
mkdir -p "$T/src2"
cp -R "$T/src/kg.yaml" "$T/src/facts" "$T/src/articles" "$T/src/elsewhere" "$T/src2/"
src2() { # NAME SOURCE: a copy of the project with one escaping facts file
    rm -rf "$T/src-$1"; cp -R "$T/src2" "$T/src-$1"
    printf 'kg: 1\ndocument:\n  id: esc\n  source: %s\nevents:\n- {id: e1, type: other, title: 사건, span: [0, 9]}\n' "$2" > "$T/src-$1/facts/esc.yaml"
}
src2 dotdot ../../../../../../../../../etc/passwd
expect source-dotdot-check 1 "facts/esc.yaml:4:11: source '../../../../../../../../../etc/passwd' leads outside the project" sh -c "cd src-dotdot && '$KG' check"
src2 abs "$T/src/elsewhere/secret.txt"
expect source-absolute-check 1 'leads outside the project' sh -c "cd src-abs && '$KG' check"
src2 sib ../elsewhere/secret.txt
expect source-sibling-build-refused 1 'leads outside the project' sh -c "cd src-sib && '$KG' build; rc=\$?; ! grep -qs SECRETWORD out/kg.sqlite || exit 9; exit \$rc"
src2 link ../articles/out-link.txt
expect source-symlink-out-check 1 "source '../articles/out-link.txt' leads outside the project" sh -c "cd src-link && '$KG' check"
# never read: not into a report's tooltips, not into the store
# (the renderers draw the facts without the source and exit 1 for the error)
expect source-symlink-out-report 1 'leads outside the project' sh -c "cd src-link && '$KG' report facts -o r.html; rc=\$?; test -s r.html && ! grep -q SECRETWORD r.html && exit \$rc"
expect source-symlink-out-graph 1 'leads outside the project' sh -c "cd src-link && '$KG' graph facts -T svg -o g.svg; rc=\$?; test -s g.svg && ! grep -q SECRETWORD g.svg && exit \$rc"
src2 dirlink ../articles/deep/out-dir/secret.txt
expect source-symlinked-folder-out 1 'leads outside the project' sh -c "cd src-dirlink && '$KG' check"
expect source-symlink-out-dump-is-fine 0 'out-dir/secret.txt' sh -c "cd src-dirlink && '$KG' dump facts/esc.yaml"
# a project whose articles folder is not there (a fresh clone without the
# texts): a source below it is a text that cannot be read (a warning, the
# facts still build), not a source outside the project; one that leads
# elsewhere is still refused
src2 noart ../elsewhere/secret.txt
rm -rf "$T/src-noart/articles"
rm -f "$T/src-noart/facts/esc.yaml"
expect source-articles-folder-missing 0 "source text '../articles/deep/ok.txt' cannot be read" sh -c "cd src-noart && '$KG' check && '$KG' build -q"
src_doc_noart() { printf 'kg: 1\ndocument:\n  id: esc\n  source: ../elsewhere/secret.txt\nevents:\n- {id: e1, type: other, title: 사건, span: [0, 9]}\n' > "$T/src-noart/facts/esc.yaml"; }
src_doc_noart
expect source-articles-folder-missing-sibling 1 'leads outside the project' sh -c "cd src-noart && '$KG' check"
# outside any project only the facts file's own folder counts
mkdir -p "$T/loose/facts" "$T/loose/text"
printf '가나다 라마바.\n' > "$T/loose/text/t.txt"
printf 'kg: 1\ndocument: {id: loose, source: ../text/t.txt}\n' > "$T/loose/facts/l.yaml"
expect source-no-project-sibling 1 'leads outside the project' "$KG" check loose/facts
# a facts folder that brings its own kg.yaml cannot widen what is read
# when named from elsewhere: its articles folder counts only inside it
mkdir -p "$T/gift/facts"
printf 'articles: /\n' > "$T/gift/kg.yaml"
printf 'kg: 1\ndocument: {id: gift, source: /etc/passwd}\n' > "$T/gift/facts/g.yaml"
expect source-foreign-kgyaml-root 1 'leads outside the project' sh -c "cd np && '$KG' check ../gift/facts"
# the project's intro is a paragraph under the title, escaped like it
mkdir -p "$T/intro/facts"
printf 'title: "제목"\nintro: "소개 <img src=x onerror=alert(1)> & 끝"\n' > "$T/intro/kg.yaml"
cp "$T/np/mine.yaml" "$T/intro/facts/"
expect report-intro-escaped 0 '' sh -c "cd intro && '$KG' report -o - | grep -q '<p class=\"intro\">소개 &lt;img src=x onerror=alert(1)&gt; &amp; 끝</p>'"
expect report-md-title 0 '' sh -c "cd intro && '$KG' report --md && head -n 1 out/report.md | grep -qx '# 제목' && test -f out/graph.svg"
# kg respan, like kg fmt, works on the project's facts without PATH
expect respan-project-default 0 '' sh -c "cd pj/facts && '$KG' respan"
expect respan-no-project 2 'not inside a kg project' "$KG" respan
