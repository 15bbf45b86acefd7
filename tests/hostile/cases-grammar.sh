# cases-grammar.sh - a user's grammar files (doc/grammar.md) in every
# shape: kg tag and kg extract must read the articles with them without
# a crash, a hang or a memory error, and refuse a broken one (exit 3).
# shellcheck shell=bash disable=SC2154
if python3 -c 'import yaml' 2>/dev/null; then
    cp tests/extract/chip-curbs.txt "$T/g-article.txt"
    for kind in empty odd huge; do
        mkdir -p "$T/g-$kind"
        cp -r "$KG_DATA/lexicon" "$T/g-$kind/lexicon"
        python3 tests/hostile/grammar-variants.py yaml/grammar "$T/g-$kind/grammar" "$kind"
        expect "grammar-$kind-check" 0 '' "$KG" check "g-$kind/grammar"
        expect "grammar-$kind-tag" 0 '"kind"' env KG_DATA="$T/g-$kind" "$KG" tag g-article.txt
        expect "grammar-$kind-extract" 0 'kg: 1' env KG_DATA="$T/g-$kind" "$KG" extract g-article.txt -o -
    done
else
    skip grammar-variants "python3-yaml is missing (make deps)"
fi
mkdir -p "$T/g-broken/grammar"
printf 'grammar: names\ntitles: [장관, 장관]\n' > "$T/g-broken/grammar/names.yaml"
expect grammar-broken-tag 3 "names.yaml:2:14: '장관' is in titles twice" env KG_DATA="$T/g-broken" "$KG" tag g-article.txt
printf 'grammar: nmes\n' > "$T/g-broken/grammar/names.yaml"
expect grammar-unknown-name 1 "unknown grammar 'nmes'" "$KG" check g-broken/grammar
printf 'grammar: names\ntitles: [a]\n' > "$T/g-broken/grammar/names.yaml"
printf 'grammar: names\ntitles: [b]\n' > "$T/g-broken/grammar/more.yaml"
expect grammar-two-files-ok 0 '' "$KG" check g-broken/grammar
