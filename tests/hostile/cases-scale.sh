# cases-scale.sh - kg past one machine (README "At scale"): kg tag and
# kg extract are per-document filters, so the map step the README
# documents (GNU parallel over the files) must give exactly the files a
# serial run gives. Sourced by tests/hostile/run (cwd: the repository).
scale_texts=../shared/dev/texts
if [ ! -d "$scale_texts" ] || ! ls "$scale_texts"/*.txt >/dev/null 2>&1; then
    skip scale-parallel-extract "no articles in $scale_texts (the dev set is not beside this checkout)"
    skip scale-parallel-tag "no articles in $scale_texts"
    skip scale-jobs-extract "no articles in $scale_texts"
elif ! command -v parallel >/dev/null 2>&1; then
    skip scale-parallel-extract "GNU parallel is not installed ('make deps' installs it)"
    skip scale-parallel-tag "GNU parallel is not installed"
else
    mkdir -p "$T/scale/articles"
    cp "$scale_texts"/*.txt "$T/scale/articles/"
    # the serial run: one process, the files in order
    (cd "$T/scale" && "$KG" extract articles/*.txt -o serial/ >/dev/null 2>&1)
    mkdir -p "$T/scale/serial-tags"
    for f in "$T"/scale/articles/*.txt; do
        b=$(basename "$f" .txt)
        (cd "$T/scale" && "$KG" tag "articles/$b.txt" > "serial-tags/$b.jsonl" 2>/dev/null)
    done
    # the README's lines, word for word (KG for kg)
    expect scale-parallel-extract 0 '' sh -c "cd scale && find articles -name '*.txt' -print0 |
        parallel -0 --will-cite -j 4 --halt now,fail=1 '$KG' extract {} -o facts/ &&
        diff -r serial facts && test \$(ls facts/*.yaml | wc -l) -eq \$(ls articles/*.txt | wc -l)"
    expect scale-parallel-tag 0 '' sh -c "cd scale && mkdir -p tags && find articles -name '*.txt' -print0 |
        parallel -0 --will-cite -j 4 --halt now,fail=1 '$KG' tag {} '>' tags/{/.}.jsonl &&
        diff -r serial-tags tags"
fi
# --jobs inside one process: threads, the same files as the serial run
if [ -d "$T/scale/serial" ]; then
    expect scale-jobs-extract 0 '' sh -c "cd scale && '$KG' extract --jobs 3 articles/*.txt -o jobs/ >/dev/null 2>&1 &&
        diff -r serial jobs && '$KG' extract --jobs 2 articles/*.txt | cksum > j2.ck &&
        '$KG' extract articles/*.txt | cksum | cmp -s - j2.ck"
fi
