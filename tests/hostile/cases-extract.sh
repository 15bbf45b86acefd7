# cases-extract.sh - kg extract writing facts files: same basenames in a
# folder, two inputs for one file, backups never overwritten, merging over
# hand edits, --diff, no date, a text that is not Korean.
# shellcheck shell=bash disable=SC2154
mkdir -p "$T/ex/a" "$T/ex/b" "$T/ex/c" "$T/exo"
printf '미국 정부, 새 규제 발표\n미국 정부가 지난 2일 중국을 겨냥해 새 규제를 발표했다.\n이에 중국 상무부는 강하게 반발했다.\n' > "$T/ex/a/article.txt"
printf '연구소 설립\n한 대학이 지난 5일 새 연구소를 설립했다.\n' > "$T/ex/b/article.txt"
cp "$T/ex/a/article.txt" "$T/ex/c/article.txt"
# two articles with one basename: two files, named by document id
expect extract-same-basename 0 '' sh -c "\"$KG\" extract --date 2025-01-05 ex/a/article.txt ex/b/article.txt -o exo/ex1/ && test \$(ls exo/ex1/*.yaml | wc -l) = 2"
# the same document twice: an error naming both, nothing written
expect extract-one-file-two-inputs 2 'ex/a/article.txt and ex/c/article.txt' sh -c "\"$KG\" extract --date 2025-01-05 ex/a/article.txt ex/c/article.txt -o exo/ex2/; rc=\$?; test ! -e exo/ex2 && exit \$rc"
# --force twice: the first backup stays, the second is numbered
expect extract-force-numbered-backup 0 'kept as exo/ex3.yaml.orig.1' sh -c "\"$KG\" extract --date 2025-01-05 ex/a/article.txt -o exo/ex3.yaml && echo '# mine 1' >> exo/ex3.yaml && \"$KG\" extract --force --date 2025-01-05 ex/a/article.txt -o exo/ex3.yaml && echo '# mine 2' >> exo/ex3.yaml && \"$KG\" extract --force --date 2025-01-05 ex/a/article.txt -o exo/ex3.yaml && grep -q '# mine 1' exo/ex3.yaml.orig && grep -q '# mine 2' exo/ex3.yaml.orig.1"
# a hand comment survives a re-extraction (merged against exo/.kg/ex4.yaml)
expect extract-merge-keeps-comment 0 'merged' sh -c "\"$KG\" extract --date 2025-01-05 ex/a/article.txt -o exo/ex4.yaml && sed -i 's/^events:/# checked\nevents:/' exo/ex4.yaml && \"$KG\" extract --date 2025-01-04 ex/a/article.txt -o exo/ex4.yaml && grep -q '^# checked' exo/ex4.yaml && grep -q 'published: 2025-01-04' exo/ex4.yaml"
# --diff shows and writes nothing
expect extract-diff-writes-nothing 0 '+  published: 2025-01-03' sh -c "\"$KG\" extract --date 2025-01-05 ex/a/article.txt -o exo/ex5.yaml && cp exo/ex5.yaml exo/ex5.keep && \"$KG\" extract --diff --date 2025-01-03 ex/a/article.txt -o exo/ex5.yaml && cmp exo/ex5.yaml exo/ex5.keep"
# a hand-edited file kg has no copy of: refused, saying what to do
printf 'kg: 1\ndocument: {id: mine, title: 내 것}\n' > "$T/ex/mine.yaml"
expect extract-no-base-refuses 1 "kg's new version with --diff" "$KG" extract --date 2025-01-05 ex/a/article.txt -o ex/mine.yaml
# no dateline and no --date: a warning that says what to do
expect extract-no-date-warns 0 'no publication date found (no dateline, no --date)' "$KG" extract ex/b/article.txt
# not Korean: an error, not an empty facts file
printf 'Chip rules tightened\nThe government announced new rules on Monday.\n' > "$T/ex/en.txt"
expect extract-not-korean 1 'not a Korean text' "$KG" extract ex/en.txt
# --jobs writes the files on its threads: over files kg wrote, files edited
# by hand (merged) and one edited with no copy to merge with (refused), the
# messages, exit code, files and modes are the serial run's. Also with a
# clash of three inputs and another of two: the same messages in order.
mkdir -p "$T/exj/in"
for n in 1 2 3 4 5 6 7 8; do
    printf '기관 %s 새 규정\n한빛연구원 %s호가 지난 %s일 새 규정을 발표했다.\n이에 업계는 반발했다.\n' "$n" "$n" "$n" > "$T/exj/in/a$n.txt"
done
mkdir -p "$T/exj/in/x" "$T/exj/in/y"
cp "$T/exj/in/a2.txt" "$T/exj/in/x/a2.txt"
cp "$T/exj/in/a2.txt" "$T/exj/in/y/a2.txt"
cp "$T/exj/in/a5.txt" "$T/exj/in/x/a5.txt"
exj_run() { # exj_run JOBS DIR: extract twice, edits between; all output into DIR.log
    "$KG" extract --jobs "$1" --date 2025-01-09 exj/in/a*.txt -o "$2/" > "$2.log" 2>&1
    sed -i 's/^events:/# checked\nevents:/' "$2"/a3-*.yaml "$2"/a6-*.yaml
    echo '# mine' >> "$(ls "$2"/a7-*.yaml)"
    rm -f "$2"/.kg/a7-*.yaml
    "$KG" extract --jobs "$1" --date 2025-01-09 exj/in/a*.txt -o "$2/" >> "$2.log" 2>&1
    echo "rc $?" >> "$2.log"
    "$KG" extract --jobs "$1" --date 2025-01-09 exj/in/*.txt exj/in/x/*.txt exj/in/y/*.txt -o "$2c/" >> "$2.log" 2>&1
    echo "rc $?" >> "$2.log"
    sed -i "s|$2|DIR|g" "$2.log"
    (cd "$2" && for f in *.yaml; do echo "$f $(stat -c %a "$f")"; cat "$f"; done) >> "$2.log"
}
expect extract-jobs-writes-as-serial 0 '' sh -c "umask 027; $(declare -f exj_run); KG='$KG'; exj_run 1 exj/s1 && exj_run 3 exj/s3 && grep -q 'rc 1' exj/s1.log && grep -q 'merged' exj/s1.log && grep -q 'x/a2.txt' exj/s1.log && grep -q ' 640$' exj/s1.log && diff exj/s1.log exj/s3.log"
rm -rf "$T/exj"
