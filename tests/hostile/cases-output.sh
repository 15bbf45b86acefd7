# cases-wout.sh - where kg writes: -o over FIFOs, links, devices; a set of
# wouts (report --md) replaced together or not at all; the store (--db)
# only ever a regular file, built under a temporary name; kg query
# streaming, --limit, Ctrl-C and refused writes.
# shellcheck shell=bash disable=SC2154,SC2016
mkdir -p "$T/wo"
# the bundled facts without their source lines (their seed texts lie outside
# any project here, which kg refuses to read): a real-sized picture to write
mkdir -p "$T/wo/data"
cp "$KG_DATA"/*.yaml "$T/wo/data/" && cp -r "$KG_DATA/lexicon" "$T/wo/data/"
sed -i '/^  source:/d;/^  sha256:/d' "$T/wo/data"/*.yaml
export KG

# -- -o: a FIFO is written in place (a reader gets the bytes), never replaced
mkfifo "$T/wo/fifo"
expect out-fifo-in-place 0 '' bash -c '
  timeout 20 cat wo/fifo > wo/fifo.got & r=$!
  "$KG" graph wo/data -T dot -o wo/fifo; rc=$?; wait $r
  [ -p wo/fifo ] || { echo "the FIFO was replaced by a file"; exit 3; }
  grep -q digraph wo/fifo.got || { echo "nothing came through the FIFO"; exit 3; }
  exit $rc'

# -- kg extract -o a FIFO: the facts go through it, read from it first
# nothing (a reader would wait forever), keep no copy beside it
printf '한빛전자는 5일 새 공장을 지었다.\n' > "$T/wo/art1.txt"
mkfifo "$T/wo/xfifo"
expect extract-fifo 0 '' bash -c '
  timeout 20 cat wo/xfifo > wo/xfifo.got & r=$!
  timeout 20 "$KG" extract --date 2026-03-06 -o wo/xfifo wo/art1.txt; rc=$?; wait $r
  [ -p wo/xfifo ] || { echo "the FIFO was replaced by a file"; exit 3; }
  grep -q "kg-checksum" wo/xfifo.got || { echo "nothing came through the FIFO"; exit 3; }
  [ ! -e wo/.kg/xfifo ] || { echo "a copy was kept beside the FIFO"; exit 3; }
  exit $rc'

# -- -o through a symbolic link: the file it leads to is replaced, the link stays
printf 'old\n' > "$T/wo/real.dot"
ln -s real.dot "$T/wo/link.dot"
expect out-symlink-kept 0 '' bash -c '
  "$KG" graph wo/data -o wo/link.dot || exit
  [ -L wo/link.dot ] || { echo "the link was replaced by a file"; exit 3; }
  grep -q digraph wo/real.dot || { echo "the file behind the link was not written"; exit 3; }'

# -- a link to nothing is refused, not replaced by a file
ln -s missing.svg "$T/wo/dangling.svg"
expect out-dangling-link 3 'symbolic link to a missing file' bash -c '
  "$KG" graph wo/data -o wo/dangling.svg; rc=$?
  [ -L wo/dangling.svg ] || { echo "the link was replaced by a file"; exit 1; }
  exit $rc'

# -- devices. Only with a kg that wrote the FIFO in place above: an older kg
# renames over the path, which as root replaces the real /dev/full.
mkfifo "$T/wo/probe"
(timeout 20 cat "$T/wo/probe" > /dev/null &)
(cd "$T" && "$KG" graph wo/data -T dot -o wo/probe > /dev/null 2>&1)
if [ -p "$T/wo/probe" ]; then
    expect out-dev-full 3 'No space left on device' bash -c '
      "$KG" graph wo/data -T dot -o /dev/full; rc=$?
      [ -c /dev/full ] || { echo "/dev/full is no longer a device"; exit 1; }
      exit $rc'
    expect out-dev-null 0 '' bash -c '
      "$KG" graph wo/data -T dot -o /dev/null || exit
      [ -c /dev/null ] || { echo "/dev/null is no longer a device"; exit 3; }'
    expect out-dev-stdout 0 'digraph' bash -c '
      "$KG" graph wo/data -T dot -o /dev/stdout | head -c 2000 || exit
      [ -L /dev/stdout ] || [ -c /dev/stdout ] || { echo "/dev/stdout was replaced"; exit 3; }'
    expect report-md-dev-stdout 2 'must name a file' "$KG" report wo/data --md -o /dev/stdout
    # kg extract to a device keeps no copy for merging beside it (no
    # /dev/.kg, no /dev/null.orig) and reads nothing from it first
    printf '한빛전자는 5일 새 공장을 지었다.\n' > "$T/wo/art.txt"
    expect extract-dev-null 0 '' bash -c '
      "$KG" extract --date 2026-03-06 -o /dev/null wo/art.txt || exit
      "$KG" extract --date 2026-03-06 -o /dev/null wo/art.txt || exit
      [ -c /dev/null ] || { echo "/dev/null is no longer a device"; exit 3; }
      [ ! -e /dev/.kg/null ] || { rm -rf /dev/.kg; echo "a copy was kept in /dev/.kg"; exit 3; }
      ! ls /dev/null.orig* >/dev/null 2>&1 || { rm -f /dev/null.orig*; echo "a backup was made in /dev"; exit 3; }'
else
    skip out-dev-full "this kg replaced a FIFO by a file: not pointing it at /dev"
    skip out-dev-null "this kg replaced a FIFO by a file: not pointing it at /dev"
    skip out-dev-stdout "this kg replaced a FIFO by a file: not pointing it at /dev"
fi

# -- report --md on a full disk: the three files are replaced together or
# not at all. File size limit (ulimit -f; kg ignores SIGXFSZ) set between
# the sizes of timeline.svg and graph.svg, so the one written first fits.
mkdir -p "$T/wo/md-ref" "$T/wo/md"
(cd "$T" && "$KG" report wo/data --md -o wo/md-ref/report.md > /dev/null 2>&1)
tl=$(stat -c %s "$T/wo/md-ref/timeline.svg" 2>/dev/null || echo 0)
gr=$(stat -c %s "$T/wo/md-ref/graph.svg" 2>/dev/null || echo 0)
for f in report.md timeline.svg graph.svg; do printf 'old\n' > "$T/wo/md/$f"; done
if [ "$tl" -gt 0 ] && [ "$gr" -gt $((tl + 4096)) ]; then
    KG_FSIZE=$(((tl + gr) / 2 / 1024))
    export KG_FSIZE
    expect report-md-all-or-nothing 3 "none of the report's files was replaced" bash -c '
      (ulimit -f "$KG_FSIZE"; exec "$KG" report wo/data --md -o wo/md/report.md); rc=$?
      for f in report.md timeline.svg graph.svg; do
        [ "$(cat wo/md/$f)" = old ] || { echo "wo/md/$f was replaced"; exit 1; }
      done
      exit $rc'
else
    skip report-md-all-or-nothing "graph.svg ($gr bytes) is not bigger than timeline.svg ($tl)"
fi
# the same on a small file system of its own (root only)
if [ "$(id -u)" = 0 ] && mkdir -p "$T/wo/tiny" && mount -t tmpfs -o size=$(((tl + gr) / 2 / 1024))k kgtiny "$T/wo/tiny" 2>/dev/null; then
    for f in report.md timeline.svg graph.svg; do printf 'old\n' > "$T/wo/tiny/$f"; done
    expect report-md-full-fs 3 "none of the report's files was replaced" bash -c '
      "$KG" report wo/data --md -o wo/tiny/report.md; rc=$?
      for f in report.md timeline.svg graph.svg; do
        [ "$(cat wo/tiny/$f)" = old ] || { echo "wo/tiny/$f was replaced"; exit 1; }
      done
      ls wo/tiny | grep -q tmp && { echo "a temporary file is left"; exit 1; }
      exit $rc'
    umount "$T/wo/tiny"
else
    skip report-md-full-fs "needs root and a tmpfs mount"
fi

# -- kg query streams its rows: an endless query prints its first rows at
# once (it used to hold every row back, growing without end); --limit;
# Ctrl-C stops it with exit 3; load_extension and connection-changing
# pragmas are refused as writes (exit 2)
(cd "$T" && "$KG" build wo/data --db wo/q.sqlite -q > /dev/null 2>&1)
endless='WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c)'
export endless
expect query-streams 0 '' bash -c '
  out=$(timeout 20 "$KG" query --db wo/q.sqlite "$endless SELECT x FROM c" | head -n 4)
  [ "$(printf "%s\n" "$out" | wc -l)" = 4 ] || { echo "no rows came out: [$out]"; exit 1; }'
expect query-limit 0 'there are more' "$KG" query --db wo/q.sqlite --limit 3 "$endless SELECT x FROM c"
expect query-limit-bad 2 '--limit wants a number' "$KG" query --db wo/q.sqlite --limit 0 "SELECT 1"
expect query-sigint 3 'interrupted' timeout --preserve-status -s INT 5 \
    "$KG" query --db wo/q.sqlite "$endless SELECT count(*) FROM c"
expect query-load-extension 2 'load_extension is not allowed' \
    "$KG" query --db wo/q.sqlite "SELECT load_extension('/nonexistent/x.so')"
expect query-pragma-set 2 'only read-only SQL' "$KG" query --db wo/q.sqlite "PRAGMA writable_schema = 1"

# -- the store: a regular file only (no /dev/null-journal); a new store is
# put in place only when its build completes; a damaged store says so,
# and --force-rebuild moves it aside and builds a new one
mkfifo "$T/wo/fifo.sqlite"
expect build-db-fifo 3 'not a regular file' "$KG" build wo/data --db wo/fifo.sqlite -q
if (cd "$T" && "$KG" build wo/data --db wo/fifo.sqlite -q 2>&1 | grep -q 'not a regular file') &&
    [ ! -e /dev/null-journal ]; then
    expect build-db-dev-null 3 'not a regular file' bash -c '
      "$KG" build wo/data --db /dev/null -q; rc=$?
      [ -e /dev/null-journal ] && { echo "/dev/null-journal left behind"; exit 0; }
      exit $rc'
else
    skip build-db-dev-null "this kg opens a FIFO as its store (or /dev/null-journal exists): not pointing it at /dev/null"
fi
mkdir -p "$T/wo/badf"
printf 'kg: 1\ndocument: {id: wo-bad, title: 제목}\nactors:\n- {id: a, name: 가, type: country}\nevents:\n- {id: e1, title: 사건, type: meet, agent: [nobody]}\n' > "$T/wo/badf/bad.yaml"
expect build-new-db-failed 1 'unknown actor' bash -c '
  "$KG" build wo/badf --db wo/newdb/kg.sqlite -q; rc=$?
  [ -e wo/newdb/kg.sqlite ] && { echo "a store was left behind by a failed build"; exit 0; }
  "$KG" build wo/data --db wo/newdb/kg.sqlite -q || exit 3
  [ -s wo/newdb/kg.sqlite ] || { echo "the good build left no store"; exit 3; }
  exit $rc'
# flip the bytes of the first page's b-tree header: SQLite calls it malformed
cp "$T/wo/q.sqlite" "$T/wo/damaged.sqlite"
printf '\377\377\377\377\377\377\377\377\377\377\377\377' | dd of="$T/wo/damaged.sqlite" bs=1 seek=100 conv=notrunc 2>/dev/null
cp "$T/wo/damaged.sqlite" "$T/wo/damaged-q.sqlite"
expect build-damaged-hint 3 "the store is damaged: delete it, or run 'kg build --force-rebuild'" \
    "$KG" build wo/data --db wo/damaged.sqlite -q
expect query-damaged-hint 3 'the store is damaged' "$KG" query --db wo/damaged-q.sqlite "SELECT 1"
expect build-damaged-force 0 'moved it to wo/damaged.sqlite.damaged' bash -c '
  "$KG" build wo/data --db wo/damaged.sqlite --force-rebuild -q || exit
  cmp -s wo/damaged.sqlite.damaged wo/damaged-q.sqlite || { echo "the damaged store was not kept"; exit 3; }
  "$KG" query --db wo/damaged.sqlite "SELECT count(*) FROM documents" > /dev/null'
# a file that is not a kg store is never moved or replaced, even by --force-rebuild
printf 'my notes, not a database\n' > "$T/wo/notes.sqlite"
expect build-force-not-kg 3 'if it is a damaged kg store' bash -c '
  "$KG" build wo/data --db wo/notes.sqlite --force-rebuild -q; rc=$?
  [ "$(cat wo/notes.sqlite)" = "my notes, not a database" ] || { echo "the file was replaced"; exit 0; }
  [ -e wo/notes.sqlite.damaged ] && { echo "the file was moved"; exit 0; }
  exit $rc'
# kg tag with several FILEs names each line's file, as given (JSON-escaped,
# whatever the name holds), as grep does; with one FILE the lines stay as
# they were (tests/hostile/tag-files.py reads them back)
mkdir -p "$T/wo/tagfiles"
printf '삼성전자는 3일 새 칩을 공개했다.\n' > "$T/wo/tagfiles/a.txt"
printf '정부는 5일 10조원을 투자한다고 밝혔다.\n' > "$T/wo/tagfiles/b \"q\".txt"
expect tag-names-files 0 '' python3 "$(pwd)/tests/hostile/tag-files.py" "$KG" "$T/wo/tagfiles"
