#!/usr/bin/env python3
"""tag-real.py --out DIR [--mb N] [--shared DIR] [--seed S]

Writes DIR/corpus/NNNNN.txt: >= N MB (default 100) of real news lines in
files of about 5 KB, for the `kg tag` benchmark (tests/bench/tag-bench.sh).
The lines are those of the dev texts (SHARED/dev/texts/*.txt) and the
KLUE-NER news sentences (SHARED/ext/klue-news-dev.jsonl), read at run time
and never kept in the repository. Each file holds distinct lines drawn at
random (no line of a file is a copy of another, which kg would take for a
teaser); a file starts with a dateline line when the pool has one.
Deterministic for a given --seed. Prints the number of files and bytes."""
import argparse
import glob
import json
import os
import random
import re


def pool(shared):
    lines = set()
    for p in sorted(glob.glob(os.path.join(shared, "dev", "texts", "*.txt"))):
        with open(p, encoding="utf-8") as f:
            for ln in f:
                ln = ln.strip()
                if ln:
                    lines.add(ln)
    k = os.path.join(shared, "ext", "klue-news-dev.jsonl")
    if os.path.exists(k):
        with open(k, encoding="utf-8") as f:
            for ln in f:
                t = json.loads(ln).get("text", "").strip()
                if t:
                    lines.add(t)
    return sorted(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--mb", type=int, default=100)
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                      "..", "..", "..", "shared"))
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    lines = pool(a.shared)
    if len(lines) < 50:
        raise SystemExit("tag-real.py: too few lines under %s" % a.shared)
    dated = [ln for ln in lines if re.search(r"\b20\d\d[.-]\d\d?[.-]\d\d?\b", ln) and len(ln) < 80]
    r = random.Random(a.seed)
    d = os.path.join(a.out, "corpus")
    os.makedirs(d, exist_ok=True)
    for old in glob.glob(os.path.join(d, "*.txt")):
        os.remove(old)
    total, n = 0, 0
    while total < a.mb * 1000000:
        body = []
        size = 0
        if dated:
            body.append(r.choice(dated))
            size += len(body[0].encode("utf-8")) + 1
        seen = set(body)
        while size < 5000:
            ln = r.choice(lines)
            if ln in seen:
                continue
            seen.add(ln)
            body.append(ln)
            size += len(ln.encode("utf-8")) + 1
        with open(os.path.join(d, "%05d.txt" % n), "w", encoding="utf-8") as f:
            f.write("\n".join(body) + "\n")
        total += size
        n += 1
    print("%d files, %.1f MB of real lines from %d distinct" % (n, total / 1e6, len(lines)))


if __name__ == "__main__":
    main()
