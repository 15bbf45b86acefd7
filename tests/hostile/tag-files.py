#!/usr/bin/env python3
"""tag-files.py KG DIR: kg tag on DIR's a.txt and 'b "q".txt' names each
line's file (in file order, JSON-escaped), --jobs 2 gives the same bytes,
and one FILE alone gives lines with no "file"."""
import json
import subprocess
import sys

kg, d = sys.argv[1], sys.argv[2]
names = ["a.txt", 'b "q".txt']


def tag(*args):
    r = subprocess.run([kg, "tag", "--date", "2025-03-20", *args], cwd=d, capture_output=True)
    if r.returncode != 0:
        sys.exit(f"kg tag {args}: exit {r.returncode}: {r.stderr.decode()}")
    return r.stdout


both = tag(*names)
rows = [json.loads(line) for line in both.decode("utf-8").splitlines()]
files = [r.get("file") for r in rows]
if None in files or set(files) != set(names):
    sys.exit(f"files named: {sorted(set(map(str, files)))}")
if files != sorted(files, key=names.index):
    sys.exit("lines not in file order")
if any(list(r)[0] != "file" for r in rows):
    sys.exit('"file" is not the first key')
if tag("--jobs", "2", *names) != both:
    sys.exit("--jobs 2 differs")
one = [json.loads(line) for line in tag(names[0]).decode("utf-8").splitlines()]
if not one or any("file" in r for r in one):
    sys.exit("one FILE: lines named, or none")
