# cases-lexcache.sh - kg tag's cache of the compiled lexicon ($KG_CACHE_DIR,
# see 'kg help tag'): written on the first run, used while the lexicon is
# unchanged, renewed when a file of it changes, and a cache file that is
# cut short, damaged, another lexicon's or unwritable never changes what
# kg tag prints (the output is compared with KG_CACHE_DIR=off).
# shellcheck shell=bash disable=SC2154
mkdir -p "$T/lc/lexicon"
cat > "$T/lc/lexicon/actors.yaml" <<'YAML'
kg: 1
actors:
- id: blue-river-labs
  name: 푸른강연구소
  type: company
  aliases: [Blue River Labs]
- id: harbor-city
  name: 항구시
  type: organization
YAML
printf '푸른강연구소는 항구시와 새 연구를 시작했다고 밝혔다. 블루리버는 아직 말이 없다.\n' > "$T/lc.txt"
LC="$T/lc-cache"
tagc() { env KG_CACHE_DIR="$LC" "$KG" tag --lexicon lc/lexicon lc.txt; }
tag0() { env KG_CACHE_DIR=off "$KG" tag --lexicon lc/lexicon lc.txt; }
export -f tagc tag0
export LC KG
expect lexcache-first 0 '"id":"blue-river-labs"' bash -c tagc
expect lexcache-written 0 'lexicon-' bash -c 'ls "$LC"'
expect lexcache-hit 0 'same' bash -c 'diff <(tagc) <(tag0) && echo same'
# a run that uses the cache leaves the file alone (one that refused it
# would write a new file: another inode)
expect lexcache-used 0 'kept' bash -c 'a=$(stat -c %i "$LC"/lexicon-*.bin) && tagc > /dev/null &&
    b=$(stat -c %i "$LC"/lexicon-*.bin) && [ "$a" = "$b" ] && echo kept'
# a new alias: the cache is renewed
sed -i 's/aliases: \[Blue River Labs\]/aliases: [Blue River Labs, 블루리버]/' "$T/lc/lexicon/actors.yaml"
expect lexcache-renewed 0 '"text":"블루리버"' bash -c 'a=$(stat -c %i "$LC"/lexicon-*.bin) && tagc &&
    b=$(stat -c %i "$LC"/lexicon-*.bin) && [ "$a" != "$b" ] && echo renewed'
expect lexcache-renewed-same 0 'same' bash -c 'diff <(tagc) <(tag0) && echo same'
# damaged cache files: ignored (and written anew)
for how in cut garbage empty flip; do
    expect "lexcache-$how" 0 'same' bash -c '
        for f in "$LC"/lexicon-*.bin; do
            case '"$how"' in
            cut) head -c 5000 "$f" > "$f.x" && mv "$f.x" "$f" ;;
            garbage) head -c 100000 /dev/urandom > "$f" ;;
            empty) : > "$f" ;;
            flip) printf "\x7f" | dd of="$f" bs=1 seek=3000 conv=notrunc 2>/dev/null ;;
            esac
        done
        diff <(tagc) <(tag0) && echo same'
done
# another lexicon's cache in its place
mkdir -p "$T/lc2/lexicon"
cp "$KG_DATA/lexicon/actors.yaml" "$T/lc2/lexicon/"
expect lexcache-other 0 'same' bash -c '
    env KG_CACHE_DIR="$LC/o" "$KG" tag --lexicon lc2/lexicon lc.txt > /dev/null &&
    for f in "$LC"/lexicon-*.bin; do cp "$LC"/o/lexicon-*.bin "$f"; done &&
    diff <(tagc) <(tag0) && echo same'
# a cache folder that cannot be made or written: no cache, no message
expect lexcache-unwritable 0 '"id":"harbor-city"' env KG_CACHE_DIR=/proc/kg-no-such/cache "$KG" tag --lexicon lc/lexicon lc.txt
expect lexcache-unwritable-quiet 0 'quiet' bash -c 'test -z "$(env KG_CACHE_DIR=/proc/kg/c "$KG" tag --lexicon lc/lexicon lc.txt 2>&1 >/dev/null)" && echo quiet'
# a lexicon with a warning is not cached: the warning is printed each time
mkdir -p "$T/lc3/lexicon"
printf 'kg: 1\nactors:\n- id: q\n  name: 큐연구원\n  name: 큐\n' > "$T/lc3/lexicon/actors.yaml"
expect lexcache-warned 0 "duplicate key 'name'" env KG_CACHE_DIR="$LC/w" "$KG" tag --lexicon lc3/lexicon lc.txt
expect lexcache-warned-again 0 "duplicate key 'name'" env KG_CACHE_DIR="$LC/w" "$KG" tag --lexicon lc3/lexicon lc.txt
# old cache files (unused for more than 30 days) are removed when a new
# one is written; a used one is renewed, other files are never touched
# (KEEP_INPUTS=0: removing the old files is what is tested)
mkdir -p "$LC/p"
touch -d '40 days ago' "$LC/p/lexicon-00000000000000aa.bin" "$LC/p/lexicon-00000000000000bb.bin.tmp.77" "$LC/p/notes.txt"
KEEP_INPUTS=0 expect lexcache-pruned 0 'pruned' bash -c '
    env KG_CACHE_DIR="$LC/p" "$KG" tag --lexicon lc/lexicon lc.txt > /dev/null &&
    [ ! -e "$LC/p/lexicon-00000000000000aa.bin" ] && [ ! -e "$LC/p/lexicon-00000000000000bb.bin.tmp.77" ] &&
    [ -e "$LC/p/notes.txt" ] && [ "$(ls "$LC"/p/lexicon-*.bin | wc -l)" = 1 ] && echo pruned'
KEEP_INPUTS=0 expect lexcache-use-renews 0 'renewed' bash -c '
    f=$(ls "$LC"/p/lexicon-*.bin) && touch -d "40 days ago" "$f" &&
    env KG_CACHE_DIR="$LC/p" "$KG" tag --lexicon lc/lexicon lc.txt > /dev/null &&
    [ "$(find "$f" -mtime -1 | wc -l)" = 1 ] && echo renewed'
