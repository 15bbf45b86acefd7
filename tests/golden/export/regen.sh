#!/bin/sh
# tests/golden/export/regen.sh [-y] - regenerates the golden files of
# `kg export` (tests/hostile/cases-export.sh compares against them): every
# format, on the bundled story of yaml/ (--doc yna-20250115-ai-chip-controls,
# kept small). Shows the differences; replaces the files only with -y.
# Run it from the repository root (a kg project: the sources resolve)
# after `make` (KG=path picks another binary). --check: exit 1 when a
# file differs (what tests/hostile/cases-export.sh runs).
set -u
kg=$(realpath "${KG:-./kg}")
yaml=$(realpath yaml)
gold=$(realpath tests/golden/export)

gen() {
    out=$1
    # --title: the output does not depend on kg.yaml's title
    (for f in csv:events csv:actors csv:figures csv:relations graphml gexf \
                           timelinejs:json mermaid:md mermaid-timeline:timeline.mmd \
                           mermaid-flowchart:flowchart.mmd; do
        fmt=${f%%:*}
        case $f in
        csv:*) name=story.${f#csv:}.csv; extra="--table ${f#csv:}" ;;
        *:*) name=story.${f#*:}; extra="" ;;
        *) name=story.$f; extra="" ;;
        esac
        # shellcheck disable=SC2086
        "$kg" export "$yaml" --no-source --doc yna-20250115-ai-chip-controls \
            --title "골든: 수출통제 <&>" --format "$fmt" $extra > "$out/$name" 2>/dev/null || exit 2
    done)
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
gen "$tmp" || { echo "regen: kg export failed" >&2; exit 2; }
changed=0
for f in "$tmp"/*; do
    b=$(basename "$f")
    if ! cmp -s "$f" "$gold/$b"; then
        if [ -e "$gold/$b" ]; then diff -u "$gold/$b" "$f"; else echo "regen: new file $b"; fi
        changed=1
        [ "${1:-}" = -y ] && cp "$f" "$gold/$b" && echo "replaced tests/golden/export/$b"
    fi
done
[ "$changed" = 0 ] && echo "regen: the export goldens are up to date"
[ "${1:-}" = --check ] && [ "$changed" = 1 ] && { echo "regen: the export goldens differ (review, then sh tests/golden/export/regen.sh -y)"; exit 1; }
exit 0
