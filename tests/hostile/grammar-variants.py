#!/usr/bin/env python3
"""grammar-variants.py SRC DST KIND - writes into DST a hostile copy of
the grammar files in SRC (the bundled yaml/grammar), for the hostile
catalogue: every list the matchers read, in a shape a user may write.
KIND: empty (every list empty), odd (every list gets a 300-byte word,
one-byte Latin and punctuation words and a lone jamo, entries keep their
fields), huge (every list repeated with 2,000 made-up words)."""
import os
import sys

import yaml


class Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data):
        return True


src, dst, kind = sys.argv[1:4]
os.makedirs(dst, exist_ok=True)
for name in sorted(os.listdir(src)):
    if not name.endswith(".yaml"):
        continue
    data = yaml.safe_load(open(os.path.join(src, name), encoding="utf-8"))
    out = {"grammar": data["grammar"]}
    for key, lst in data.items():
        if key == "grammar":
            continue
        if kind == "empty":
            out[key] = []
            continue
        extra = []
        if kind == "odd":
            extra = ["가" * 100, "a", "Z", "-", "(", "ㄱ", "각각각각각각각각각각각각각각각각"]
        else:
            extra = ["%s%d" % ("가나다라마바사"[i % 7] * (1 + i % 5), i) for i in range(2000)]
        forms = {e["form"] if isinstance(e, dict) else e for e in lst}
        new = list(lst)
        for w in extra:
            if w in forms:
                continue
            if lst and isinstance(lst[0], dict):
                e = dict(lst[0])
                e["form"] = w
                new.append(e)
            else:
                new.append(w)
        out[key] = new
    with open(os.path.join(dst, name), "w", encoding="utf-8") as f:
        yaml.dump(out, f, Dumper=Dumper, allow_unicode=True, sort_keys=False)
