#!/bin/sh
# tests/regen-golden.sh [-y] - regenerates what the render tests compare
# against, showing every difference before anything is replaced:
#
#   src/render/styles.c        the built-in styles, from graph/default.gv
#                              and graph/timeline.gv (src/render/gen-styles.sh,
#                              which `make` also runs when a .gv file changed)
#   tests/golden/NAME.graph.dot     `kg graph -T dot` of tests/golden/NAME.yaml
#   tests/golden/NAME.timeline.dot  `kg timeline -T dot` of the same
#
# Run it from the repository root after `make` (KG=path picks another
# binary). Without -y it asks before replacing when it runs on a
# terminal, and only shows the differences (exit 1 if there are any)
# when it does not. Rebuild after it changed styles.c, then run it again.
set -u
yes=0
[ "${1:-}" = "-y" ] && yes=1
kg=${KG:-./kg}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
changed=""

# the same generator as the make rule for src/render/styles.c
if ! sh src/render/gen-styles.sh graph/default.gv graph/timeline.gv > "$tmp/styles.c"; then
    echo "regen-golden: src/render/gen-styles.sh failed" >&2
    exit 2
fi
if ! cmp -s "$tmp/styles.c" src/render/styles.c 2>/dev/null; then
    diff -u src/render/styles.c "$tmp/styles.c"
    changed="$changed src/render/styles.c"
fi

for yaml in tests/golden/*.yaml; do
    [ -e "$yaml" ] || continue
    name=${yaml%.yaml}
    base=$(basename "$name")
    for what in graph timeline; do
        want="$name.$what.dot"
        if ! "$kg" "$what" --no-source -T dot "$yaml" > "$tmp/$base.$what.dot"; then
            echo "regen-golden: kg $what failed on $yaml" >&2
            exit 2
        fi
        if ! cmp -s "$tmp/$base.$what.dot" "$want" 2>/dev/null; then
            diff -u "$want" "$tmp/$base.$what.dot" 2>/dev/null || \
                echo "regen-golden: new file $want"
            changed="$changed $want"
        fi
    done
done

if [ -z "$changed" ]; then
    echo "regen-golden: everything is up to date"
    exit 0
fi
echo "regen-golden: would change:$changed"
if [ "$yes" -ne 1 ]; then
    if [ -t 0 ]; then
        printf 'replace them? [y/N] '
        read -r answer
        case "$answer" in y|Y|yes) ;; *) echo "nothing replaced"; exit 1 ;; esac
    else
        echo "nothing replaced (run with -y to replace)"
        exit 1
    fi
fi
for f in $changed; do
    case "$f" in
    src/render/styles.c) cp "$tmp/styles.c" "$f" ;;
    *) cp "$tmp/$(basename "$f")" "$f" ;;
    esac
    echo "replaced $f"
done
case "$changed" in *styles.c*) echo "regen-golden: styles.c changed: run make and this script again" ;; esac
exit 0
