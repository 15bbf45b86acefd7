# cases-uptodate.sh - kg build knows "nothing changed" without reading a
# file (issue 16), and never takes a change for none: an edited facts
# file, an edited source text, a new file, a removed file, other PATHs,
# --force-rebuild. Sourced by tests/hostile/run (cwd of each case: $T).
mkdir -p "$T/utd/articles"
(cd "$T/utd" && "$KG" init . >/dev/null 2>&1)
printf '미국 정부가 2025년 1월 13일 새 수출 규제를 발표했다.\n' > "$T/utd/articles/a.txt"
printf '중국 상무부가 2025년 1월 14일 이에 반발했다.\n' > "$T/utd/articles/b.txt"
(cd "$T/utd" && "$KG" extract --date 2025-01-15 articles/a.txt articles/b.txt >/dev/null 2>&1)
expect uptodate-first-build 0 '(2 loaded, 0 unchanged, 0 removed)' sh -c "cd utd && '$KG' build"
expect uptodate-nothing-changed 0 'up to date, no file read: 2 files (0 loaded, 2 unchanged' sh -c "cd utd && '$KG' build"
# touched, same bytes: not "up to date" (the stat differs), nothing loaded either
expect uptodate-touched 0 '(0 loaded, 2 unchanged, 0 removed)' sh -c "cd utd && touch facts/*.yaml && '$KG' build | grep -v 'up to date'"
expect uptodate-again 0 'up to date, no file read' sh -c "cd utd && '$KG' build"
# the source text edited (a line added at its end; the facts file not):
# loaded again
expect uptodate-source-edited 0 '(1 loaded, 1 unchanged, 0 removed)' sh -c "cd utd && printf '다른 이야기는 없었다.\n' >> articles/a.txt && '$KG' build"
# a facts file edited to an error: checked and refused, the store kept
expect uptodate-error-after 1 'was not changed' sh -c "cd utd && f=\$(ls facts/*.yaml | head -n 1) && cp \"\$f\" keep.yaml && printf 'events: 3\n' >> \"\$f\" && '$KG' build"
expect uptodate-error-again 1 'was not changed' sh -c "cd utd && '$KG' build"
expect uptodate-fixed 0 '(0 loaded, 2 unchanged, 0 removed)' sh -c "cd utd && f=\$(ls facts/*.yaml | head -n 1) && mv keep.yaml \"\$f\" && '$KG' build"
# a file removed, then other PATHs, then --force-rebuild
expect uptodate-removed 0 '(0 loaded, 1 unchanged, 1 removed)' sh -c "cd utd && mkdir -p aside && mv \$(ls facts/*.yaml | tail -n 1) aside/ && '$KG' build"
expect uptodate-other-paths 0 '(1 loaded, 1 unchanged, 0 removed)' sh -c "cd utd && '$KG' build facts aside"
expect uptodate-other-paths-again 0 'up to date, no file read' sh -c "cd utd && '$KG' build facts aside"
expect uptodate-force 0 '(2 loaded, 0 unchanged, 0 removed)' sh -c "cd utd && '$KG' build facts aside --force-rebuild 2>&1 | grep -v 'up to date'"
# the same documents under other file keys in a full build: built once from
# outside the project (keys are absolute paths), then from inside it (keys
# relative to it); each document is moved to its new key, not refused by
# the store's one row per id (it failed with exit 3 and a SQL message)
mkdir -p "$T/utm/articles"
(cd "$T/utm" && "$KG" init . >/dev/null 2>&1)
printf '미국 정부가 2025년 1월 13일 새 수출 규제를 발표했다.\n' > "$T/utm/articles/a.txt"
printf '중국 상무부가 2025년 1월 14일 이에 반발했다.\n' > "$T/utm/articles/b.txt"
(cd "$T/utm" && "$KG" extract --date 2025-01-15 articles/a.txt articles/b.txt >/dev/null 2>&1)
expect uptodate-keys-outside 0 '(2 loaded, 0 unchanged, 0 removed)' "$KG" build "$T/utm/facts" --db "$T/utm/out/kg.sqlite"
expect uptodate-keys-inside 0 '(2 loaded, 0 unchanged, 2 removed)' sh -c "cd utm && '$KG' build"
expect uptodate-keys-inside-again 0 'up to date, no file read' sh -c "cd utm && '$KG' build && '$KG' query \"SELECT count(*) || ' docs' FROM documents\" | grep -x '2 docs'"
