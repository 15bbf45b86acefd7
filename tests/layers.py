#!/usr/bin/env python3
"""layers.py OBJDIR - checks the shape of the code (doc/architecture.md):
the layers util -> facts -> korean -> text -> tag -> extract, store and
render on facts, cli on top, each using only those below it, and no two
files of src/ calling each other in a loop.

Two views: the #include lines of every file of src/ and include/kg/
(types and declarations), and the calls between the compiled objects in
OBJDIR (nm: which file defines a symbol another one uses).

Also: Korean knowledge is data (yaml/grammar, doc/grammar.md), so no C
list of more than a handful of Korean words anywhere, and no Hangul
string literal at all (comments aside) in the layers that read
articles and facts: util, facts, korean, text, tag, extract, store. The
few literals there that are no knowledge are listed in ALLOWED below,
each with its reason; an allowed literal that is gone is reported too, so
the list stays true. src/render and src/cli hold the display text of kg
(labels, messages for a reader), which is allowed there as a whole.
Prints each breach and exits 1 when there is one."""
import collections
import glob
import os
import re
import subprocess
import sys

BELOW = {
    "util": set(),
    "facts": {"util"},
    "korean": {"util", "facts"},
    "text": {"util", "facts", "korean"},
    "tag": {"util", "facts", "korean", "text"},
    "extract": {"util", "facts", "korean", "text", "tag"},
    "store": {"util", "facts"},
    "render": {"util", "facts"},
    "cli": {"util", "facts", "korean", "text", "tag", "extract", "store", "render"},
}
# the public headers, by the layer they belong to
PUBLIC = {
    "util": "buf diag diff esc json suggest utf8",
    "facts": "check edtf factio facts layout merge quote",
    "text": "text", "tag": "tag", "extract": "extract", "store": "store", "render": "render",
}
HEADER_LAYER = {f"kg/{n}.h": layer for layer, names in PUBLIC.items() for n in names.split()}

bad = []


def layer_of_src(path):
    parts = path.split("/")
    if parts[0] == "include":
        return HEADER_LAYER.get("kg/" + parts[-1], "cli") if parts[1] == "kg" else "cli"
    return parts[1]


def include_layer(inc, here):
    if inc in HEADER_LAYER:
        return HEADER_LAYER[inc]
    if inc == "kg.h":
        return "cli"
    if "/" in inc:
        return inc.split("/")[0]
    return here  # a header beside the file


files = sorted(glob.glob("src/*/*.[ch]") + glob.glob("include/kg/*.h"))
for f in files:
    here = layer_of_src(f)
    for n, line in enumerate(open(f, encoding="utf-8"), 1):
        m = re.match(r'\s*#\s*include\s+"([^"]+)"', line)
        if not m:
            continue
        there = include_layer(m.group(1), here)
        if there != here and there not in BELOW.get(here, set()):
            bad.append(f"{f}:{n}: {here} includes {m.group(1)} ({there} is not below {here})")

objdir = sys.argv[1] if len(sys.argv) > 1 else "build/release"
objs = sorted(glob.glob(os.path.join(objdir, "src", "*", "*.o")))
if not objs:
    print(f"layers: no objects under {objdir}/src (build first)", file=sys.stderr)
    sys.exit(2)
defs, uses = {}, {}
for o in objs:
    name = os.path.relpath(o, objdir)[:-2]
    out = subprocess.run(["nm", o], capture_output=True, text=True, check=True).stdout
    d, u = set(), set()
    for line in out.splitlines():
        p = line.split()
        if len(p) == 3 and p[1] in "TDBR":
            d.add(p[2])
        elif len(p) == 2 and p[0] == "U":
            u.add(p[1])
    defs[name], uses[name] = d, u
owner = {s: f for f, d in defs.items() for s in d}
calls = collections.defaultdict(set)
for f, u in uses.items():
    for s in u:
        if s in owner and owner[s] != f:
            calls[f].add(owner[s])
            a, b = f.split("/")[1], owner[s].split("/")[1]
            if a != b and b not in BELOW.get(a, set()):
                bad.append(f"{f}.c calls {s} of {owner[s]}.c ({b} is not below {a})")

# loops: strongly connected components of more than one file (Tarjan)
index, low, stack, on, loops = {}, {}, [], set(), []
counter = [0]
sys.setrecursionlimit(10000)


def visit(v):
    index[v] = low[v] = counter[0]
    counter[0] += 1
    stack.append(v)
    on.add(v)
    for w in sorted(calls[v]):
        if w not in index:
            visit(w)
            low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        comp = []
        while True:
            w = stack.pop()
            on.discard(w)
            comp.append(w)
            if w == v:
                break
        if len(comp) > 1:
            loops.append(sorted(comp))


for v in sorted(defs):
    if v not in index:
        visit(v)
for comp in loops:
    bad.append("files that call each other in a loop: " + ", ".join(c + ".c" for c in comp))

# Korean knowledge is data (yaml/grammar, doc/grammar.md): no C initializer
# may list more than a handful of Hangul words. The one exception is the
# display words of figure labels in render/text.c (units spelled for a
# reader, not read from articles), which move to the styles with issue 15.
DISPLAY_ONLY = {"src/render/text.c"}
for f in sorted(glob.glob("src/*/*.[ch]")):
    if f in DISPLAY_ONLY:
        continue
    text = re.sub(r"/\*.*?\*/", "", open(f, encoding="utf-8").read(), flags=re.S)
    for m in re.finditer(r"=\s*\{(.*?)\};", text, flags=re.S):
        words = [w for w in re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(1)) if re.search("[\uac00-\ud7a3]", w)]
        if len(words) > 5:
            line = text[: m.start()].count("\n") + 1
            bad.append(f"{f}:~{line}: a C list of {len(words)} Korean words ({', '.join(words[:3])} ...): "
                       "move it to yaml/grammar (doc/grammar.md)")

# No Hangul string literal in the reading layers (see the doc string).
NO_LITERALS = ("util", "facts", "korean", "text", "tag", "extract", "store")
# (file, literal): why it is no Korean knowledge. Keep this short.
ALLOWED = {
    # facts sits below korean and cannot read the grammar; kg check
    # recognises a date typed as 2024년 3월 1일 in a facts file to suggest
    # the ISO form (a hint about our own format, not a reading of articles)
    ("src/facts/check.c", "년"): "facts date hint",
    ("src/facts/check.c", "월"): "facts date hint",
    ("src/facts/check.c", "일"): "facts date hint",
}
HANGUL = re.compile("[\uac00-\ud7a3]")


def literals(text):
    """(line, literal) of every string literal of C text; comments (// and
    /* */) are skipped, and so are comment markers inside a string and
    quotes inside a comment or a character constant."""
    out, i, n, line = [], 0, len(text), 1
    while i < n:
        c = text[i]
        if c == "\n":
            line += 1
            i += 1
        elif text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            line += text.count("\n", i, j)
            i = j
        elif c in "'\"":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            if c == '"':
                out.append((line, text[i + 1:j]))
            i = j + 1
        else:
            i += 1
    return out


used = set()
for f in sorted(glob.glob("src/*/*.[ch]")):
    if f.split("/")[1] not in NO_LITERALS:
        continue
    for n, lit in literals(open(f, encoding="utf-8").read()):
        if not HANGUL.search(lit):
            continue
        if (f, lit) in ALLOWED:
            used.add((f, lit))
            continue
        bad.append(f'{f}:{n}: a Korean string literal "{lit}" in the rules: '
                   "move the words to yaml/grammar (doc/grammar.md)")
for f, lit in sorted(set(ALLOWED)):
    if (f, lit) not in used:
        bad.append(f'{f}: "{lit}" is allowed in tests/layers.py but no longer there: drop it from the list')

for b in bad:
    print(b)
print(f"layers: {len(files)} files, {len(objs)} objects, {len(bad)} breaches", file=sys.stderr)
sys.exit(1 if bad else 0)
