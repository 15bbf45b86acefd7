#!/usr/bin/env python3
"""tests/export-check.py KG - `kg export` read back by real readers.

Each format is read by a program that reads it for a living, and what it
reads must be what the facts say, escaping undone:

  GraphML, GEXF  networkx (python3-networkx): read_graphml, read_gexf;
                 node and edge counts, ids and attributes, the two agree
  CSV            Python's csv module: the four tables, hostile strings
                 back exactly (a formula-like field with its ' in front)
  TimelineJS     json, a JSON Schema of Knight Lab's format (python3-
                 jsonschema) and its rules: dates by precision, valid
                 calendar days, unique ids, the HTML of headline and text
                 parsed (only <p> and <a href=http(s)>, the text as data)
  Mermaid        a structural check (Debian packages no Mermaid): line
                 grammar of timeline and flowchart, every '#' an entity,
                 no raw ':' in an event, labels decoded back to the facts

on a facts file made of hostile strings (markup, quotes, -->, </script>,
'#;:', '%%', a formula, U+2028) and on the bundled facts. Prints
"export-check: ok" and exits 0; exits 1 with every failure listed; exits
77 when a reader is missing (the caller says skip).
"""
import csv
import html
import html.parser
import io
import json
import os
import re
import subprocess
import sys
import tempfile

try:
    import networkx as nx
    import jsonschema
except ImportError as e:  # the caller prints the skip
    print("export-check: a reader is missing (%s); install python3-networkx and "
          "python3-jsonschema (make deps)" % e.name)
    sys.exit(77)

KG = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "./kg")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
fails = []


def fail(what):
    fails.append(what)


def check(cond, what):
    if not cond:
        fail(what)
    return cond


def clean(s):
    """What kg makes of a string in every export: tab as a space, control
    characters and U+FFFE/U+FFFF as U+FFFD."""
    out = []
    for ch in s:
        cp = ord(ch)
        if ch == "\t":
            out.append(" ")
        elif (cp < 0x20 and ch != "\n") or cp == 0x7F or 0x80 <= cp < 0xA0 or cp in (0xFFFE, 0xFFFF):
            out.append("\ufffd")
        else:
            out.append(ch)
    return "".join(out)


CWD = None


def kg(*args):
    p = subprocess.run([KG, "export", *args], cwd=CWD, capture_output=True)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


# ---- the hostile facts ----
# every string here is valid in a facts file (kg check passes it), and
# each is a trap for some format
H_ACTOR = 'A<b>&"\'</script>--> #x; a:b %% `c` |d| [e] {f} \u2028end'
H_E1 = '<x>&"\'--> #1; 시간:분 %%c `d` |e| [f] {g} </script><!-- ]]>'
H_E2 = '=1+2 "x", y'
H_E3 = '@SUM(A1) \u2028 -->'
H_DOC = 'T<&"\' ]]> #t;'
H_MEASURE = '-측정 <&>" #m;'
H_URL = "https://example.com/a?x=1&y=2'3"

def yq(s):
    return json.dumps(s)  # a JSON string is a YAML double-quoted scalar

HOSTILE = f"""kg: 1
document: {{id: hx-doc, title: {yq(H_DOC)}, url: {yq(H_URL)}}}
actors:
- {{id: hx-a, name: {yq(H_ACTOR)}, type: country}}
- {{id: hx-b, name: 나라, type: government, part_of: hx-a}}
events:
- {{id: e1, type: announce, title: {yq(H_E1)}, date: 2025-01-02, agent: [hx-a], target: [hx-b]}}
- {{id: e2, type: protest, title: {yq(H_E2)}, date: 2025-01, agent: [hx-b]}}
- {{id: e3, type: other, title: {yq(H_E3)}, agent: [hx-a]}}
- {{id: e4, type: meet, title: 회의, date: 2024~/2025-03, agent: [hx-b]}}
figures:
- {{id: f1, value: 3.5, unit: "%", measure: {yq(H_MEASURE)}, subject: hx-a, date: 2025}}
relations:
- {{from: e2, type: responds-to, to: e1}}
- {{from: e1, type: causes, to: e3}}
- {{from: e4, type: part-of, to: e1}}
"""
TITLES = {"hx-doc/e1": H_E1, "hx-doc/e2": H_E2, "hx-doc/e3": H_E3, "hx-doc/e4": "회의"}


# ---- CSV ----
def read_csv(data, name):
    text = data.decode("utf-8")
    check(text.endswith("\r\n") or text == "", f"{name}: records end with CRLF (RFC 4180)")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    check(rows and all(len(r) == len(rows[0]) for r in rows), f"{name}: every record has the header's fields")
    return [dict(zip(rows[0], r)) for r in rows[1:]]


def sheet(s):
    """A field a spreadsheet would run as a formula comes with a ' in front."""
    return "'" + s if s[:1] in ("=", "+", "-", "@") and not re.fullmatch(r"[-+]?[0-9.eE+-]+", s) else s


def check_csv(folder, hostile):
    tables = {}
    for t in ("events", "actors", "figures", "relations"):
        path = os.path.join(folder, t + ".csv")
        if not check(os.path.exists(path), f"csv: {t}.csv written"):
            return None
        tables[t] = read_csv(open(path, "rb").read(), t + ".csv")
    if hostile:
        ev = {r["id"]: r for r in tables["events"]}
        for fid, title in TITLES.items():
            if check(fid in ev, f"csv: event {fid} present"):
                check(ev[fid]["title"] == sheet(clean(title)),
                      f"csv: title of {fid} reads back {ev[fid]['title']!r}, not {sheet(clean(title))!r}")
        check(ev["hx-doc/e2"]["title"].startswith("'="), "csv: a formula-like title starts with '")
        check(ev["hx-doc/e1"]["source"] == clean(H_DOC), "csv: source title reads back")
        check(ev["hx-doc/e1"]["url"] == H_URL, "csv: url reads back")
        check(ev["hx-doc/e1"]["precision"] == "day" and ev["hx-doc/e2"]["precision"] == "month",
              "csv: precision day/month")
        check(ev["hx-doc/e2"]["start"] == "2025-01-01" and ev["hx-doc/e2"]["end"] == "2025-01-31",
              "csv: a month's start and end days")
        check(ev["hx-doc/e3"]["date"] == "" and ev["hx-doc/e3"]["start"] == "", "csv: an undated event has no date")
        act = {r["id"]: r for r in tables["actors"]}
        check(act.get("hx-a", {}).get("name") == clean(H_ACTOR), "csv: hostile actor name reads back")
        check(act.get("hx-b", {}).get("part_of") == "hx-a", "csv: part_of")
        fig = tables["figures"]
        check(len(fig) == 1 and fig[0]["measure"] == sheet(clean(H_MEASURE)) and fig[0]["value"] == "3.5",
              "csv: figure measure (formula-like: ') and value read back")
        rel = {(r["from"], r["type"], r["to"]) for r in tables["relations"]}
        check(rel == {("hx-doc/e2", "responds-to", "hx-doc/e1"), ("hx-doc/e1", "causes", "hx-doc/e3"),
                      ("hx-doc/e4", "part-of", "hx-doc/e1")}, f"csv: relations {rel}")
    return tables


# ---- GraphML and GEXF ----
def check_graphs(gml_path, gexf_path, tables, hostile):
    g = nx.read_graphml(gml_path)
    x = nx.read_gexf(gexf_path)
    n_csv = len(tables["events"]) + len(tables["actors"]) + len(tables["figures"])
    check(g.number_of_nodes() == n_csv, f"graphml: {g.number_of_nodes()} nodes, the CSV tables have {n_csv}")
    check(x.number_of_nodes() == n_csv, f"gexf: {x.number_of_nodes()} nodes, the CSV tables have {n_csv}")
    check(set(g.nodes) == set(x.nodes), "graphml and gexf: the same node ids")
    check(set(g.edges) == set(x.edges), "graphml and gexf: the same edges")
    n_rel = sum(1 for _, _, d in g.edges(data=True) if d.get("kind") == "relation")
    check(n_rel == len(tables["relations"]), f"graphml: {n_rel} relation edges, relations.csv has {len(tables['relations'])}")
    ids = {r["id"] for t in ("events", "actors", "figures") for r in tables[t]}
    check(set(g.nodes) == ids, "graphml: node ids are the CSV ids")
    for n, d in g.nodes(data=True):
        xd = x.nodes[n]
        check(d.get("label") == xd.get("label"), f"node {n}: the same label in graphml and gexf")
        for k in ("kind", "type", "date", "start", "end", "precision", "document", "source", "url", "country"):
            check(d.get(k) == xd.get(k), f"node {n}: attribute {k} {d.get(k)!r} (graphml) vs {xd.get(k)!r} (gexf)")
        check(d.get("kind") in ("actor", "event", "figure"), f"node {n}: kind {d.get('kind')!r}")
    for a, b, d in g.edges(data=True):
        check(d.get("kind") in ("agent", "target", "subject", "part_of", "relation"), f"edge {a}->{b}: kind")
    if hostile:
        for fid, title in TITLES.items():
            check(g.nodes[fid].get("label") == clean(title), f"graphml: label of {fid} is {g.nodes[fid].get('label')!r}")
            check(x.nodes[fid].get("label") == clean(title), f"gexf: label of {fid} is {x.nodes[fid].get('label')!r}")
        check(g.nodes["hx-a"]["label"] == clean(H_ACTOR), "graphml: hostile actor label")
        check(g.nodes["hx-doc/e1"].get("source") == clean(H_DOC), "graphml: source title")
        check(g.nodes["hx-doc/e1"].get("url") == H_URL, "graphml: url")
        check(g.nodes["hx-doc/e1"].get("date") == "2025-01-02" and g.nodes["hx-doc/e1"].get("precision") == "day",
              "graphml: date and precision")
        check(isinstance(g.nodes["hx-doc/f1"].get("value"), float) and g.nodes["hx-doc/f1"]["value"] == 3.5,
              "graphml: a figure's value is a double")
        check(x.nodes["hx-doc/f1"].get("value") == 3.5, "gexf: a figure's value is a double")
        check(g.has_edge("hx-doc/e2", "hx-doc/e1") and g.edges["hx-doc/e2", "hx-doc/e1"].get("label") == "responds-to",
              "graphml: the responds-to edge")
        check(g.has_edge("hx-a", "hx-doc/e1") and g.edges["hx-a", "hx-doc/e1"].get("kind") == "agent",
              "graphml: the agent edge")


# ---- TimelineJS ----
DATE = {"type": "object", "required": ["year"], "additionalProperties": False,
        "properties": {"year": {"type": "integer"}, "month": {"type": "integer", "minimum": 1, "maximum": 12},
                       "day": {"type": "integer", "minimum": 1, "maximum": 31},
                       "hour": {"type": "integer"}, "minute": {"type": "integer"},
                       "second": {"type": "integer"}, "display_date": {"type": "string"}},
        "dependencies": {"day": ["month"]}}
TEXT = {"type": "object", "additionalProperties": False,
        "properties": {"headline": {"type": "string"}, "text": {"type": "string"}}}
SLIDE = {"type": "object", "additionalProperties": False, "required": ["start_date", "text"],
         "properties": {"start_date": DATE, "end_date": DATE, "text": TEXT, "group": {"type": "string"},
                        "display_date": {"type": "string"}, "unique_id": {"type": "string", "pattern": "^[A-Za-z0-9_-]+$"},
                        "media": {"type": "object"}, "background": {"type": "object"}, "autolink": {"type": "boolean"}}}
# Knight Lab's JSON format (timeline.knightlab.com/docs/json-format.html)
TIMELINEJS_SCHEMA = {"$schema": "http://json-schema.org/draft-07/schema#", "type": "object",
                     "required": ["events"], "additionalProperties": False,
                     "properties": {"title": {"type": "object", "additionalProperties": False,
                                              "properties": {"text": TEXT, "media": {"type": "object"}}},
                                    "events": {"type": "array", "items": SLIDE},
                                    "eras": {"type": "array"}, "scale": {"enum": ["human", "cosmological"]}}}


class Html(html.parser.HTMLParser):
    """The text and tags of an HTML fragment; only <p> and <a href> allowed."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text, self.bad = [], []

    def handle_starttag(self, tag, attrs):
        if tag == "a" and len(attrs) == 1 and attrs[0][0] == "href" and re.match(r"https?://", attrs[0][1] or ""):
            return
        if tag != "p" or attrs:
            self.bad.append(tag)

    def handle_endtag(self, tag):
        if tag not in ("p", "a"):
            self.bad.append("/" + tag)

    def handle_data(self, data):
        self.text.append(data)

    def handle_comment(self, data):
        self.bad.append("<!--")


def html_text(fragment, where):
    p = Html()
    p.feed(fragment)
    p.close()
    check(not p.bad, f"{where}: HTML has only <p> and <a href=http(s)>, not {p.bad}")
    return "".join(p.text)


def check_timelinejs(data, hostile):
    try:
        tl = json.loads(data)
    except ValueError as e:
        fail(f"timelinejs: not JSON: {e}")
        return
    try:
        jsonschema.validate(tl, TIMELINEJS_SCHEMA)
    except jsonschema.ValidationError as e:
        fail(f"timelinejs: schema: {e.message} at {list(e.absolute_path)}")
        return
    import datetime
    ids = [ev.get("unique_id") for ev in tl["events"]]
    check(len(ids) == len(set(ids)), "timelinejs: unique_id unique")
    for ev in tl["events"]:
        for k in ("start_date", "end_date"):
            d = ev.get(k)
            if d and "day" in d:
                try:
                    datetime.date(d["year"], d["month"], d["day"])
                except ValueError:
                    fail(f"timelinejs: {ev.get('unique_id')}: {k} {d} is no calendar day")
        if "end_date" in ev:
            s, e = ev["start_date"], ev["end_date"]
            check((s["year"], s.get("month", 1), s.get("day", 1)) <= (e["year"], e.get("month", 12), e.get("day", 31)),
                  f"timelinejs: {ev.get('unique_id')}: ends before it starts")
        html_text(ev["text"].get("text", ""), f"timelinejs {ev.get('unique_id')} text")
        html_text(ev["text"].get("headline", ""), f"timelinejs {ev.get('unique_id')} headline")
    if hostile:
        by = {ev["unique_id"]: ev for ev in tl["events"]}
        check(set(by) == {"hx-doc-e1", "hx-doc-e2", "hx-doc-e4"}, f"timelinejs: dated events only, got {sorted(by)}")
        e1 = by.get("hx-doc-e1", {})
        check(html_text(e1.get("text", {}).get("headline", ""), "e1") == clean(H_E1),
              "timelinejs: the headline, as HTML text, is the title")
        check(e1.get("start_date") == {"year": 2025, "month": 1, "day": 2}, "timelinejs: day precision")
        check(by.get("hx-doc-e2", {}).get("start_date") == {"year": 2025, "month": 1}, "timelinejs: month precision")
        e4 = by.get("hx-doc-e4", {})
        check(e4.get("start_date") == {"year": 2024} and e4.get("end_date") == {"year": 2025, "month": 3},
              "timelinejs: an interval has start and end by precision")
        check("display_date" in e4, "timelinejs: an approximate date says so (display_date)")
        text = e1.get("text", {}).get("text", "")
        check(clean(H_ACTOR) in html_text(text, "e1 text"), "timelinejs: the agent's name as text")
        check('href="https://example.com/a?x=1&amp;y=2&#39;3"' in text, "timelinejs: the source link, escaped")
        check("</script" not in data.decode("utf-8").lower(), "timelinejs: no </script> anywhere in the file")


# ---- Mermaid ----
ENTITY_T = re.compile(r"&#(\d+);")
ENTITY_F = re.compile(r"#(\d+);")


def decode(s, ent):
    return ent.sub(lambda m: chr(int(m.group(1))), s)


def check_mm_timeline(lines, hostile):
    events = []
    if not check(lines and lines[0] == "timeline", "mermaid timeline: starts with 'timeline'"):
        return events
    check(len(lines) > 1 and lines[1].startswith("    title "), "mermaid timeline: a title line")
    for ln in lines[2:]:
        if re.fullmatch(r"    section \d{4}", ln):
            continue
        m = re.fullmatch(r"        (?:(\S[^:]*?) )?: (.+)", ln)
        if not check(m, f"mermaid timeline: a line neither section nor period : event: {ln!r}"):
            continue
        for part in filter(None, m.groups()):
            check(":" not in part, f"mermaid timeline: raw ':' in {part!r}")
            check(re.sub(r"&#\d+;", "", part).count("#") == 0 and "<" not in part and ";" not in re.sub(r"&#\d+;", "", part),
                  f"mermaid timeline: raw '#', ';' or '<' in {part!r}")
        events.append(decode(html.unescape(m.group(2)) if False else m.group(2), ENTITY_T))
    if hostile:
        want = [clean(t).replace("\n", " ") for t in (H_E1, H_E2, "회의")]
        check(sorted(events) == sorted(want), f"mermaid timeline: events {events} are not {want}")
    return events


def check_mm_flowchart(lines, tables, hostile):
    if not check(lines and lines[0] == "flowchart LR", "mermaid flowchart: starts with 'flowchart LR'"):
        return
    labels, edges = {}, set()
    for ln in lines[1:]:
        m = re.fullmatch(r'    (n\d+)\["([^"]*)"\]', ln)
        if m:
            check(re.sub(r"#\d+;", "", m.group(2)).count("#") == 0, f"mermaid flowchart: raw '#' in {ln!r}")
            check(not re.search(r"[<>&;`|\[\]{}]", re.sub(r"#\d+;", "", m.group(2))),
                  f"mermaid flowchart: a raw markup character in {ln!r}")
            labels[m.group(1)] = decode(m.group(2), ENTITY_F)
            continue
        m = re.fullmatch(r"    (n\d+) -->\|(responds-to|causes)\| (n\d+)", ln)
        if check(m, f"mermaid flowchart: a line neither node nor edge: {ln!r}"):
            check(m.group(1) in labels and m.group(3) in labels, f"mermaid flowchart: edge to an undeclared node: {ln!r}")
            edges.add((m.group(1), m.group(2), m.group(3)))
    want = sum(1 for r in tables["relations"] if r["type"] in ("responds-to", "causes"))
    check(len(edges) == want, f"mermaid flowchart: {len(edges)} edges, relations.csv has {want} responds-to/causes")
    if hostile:
        got = {(labels[a], t, labels[b]) for a, t, b in edges}
        e1 = clean(H_E1).replace("\n", " ") + " (2025-01-02)"
        want = {(clean(H_E2) + " (2025-01)", "responds-to", e1), (e1, "causes", clean(H_E3))}
        check(got == want, f"mermaid flowchart: {got} is not {want}")


def check_all(facts, tmp, hostile, extra=()):
    """kg export of facts in every format, checked; the bundled facts from
    the repository (a kg project: their sources resolve), the hostile ones
    from tmp (no project)."""
    global CWD
    CWD = tmp if hostile else ROOT
    name = "hostile" if hostile else "bundled"
    out = os.path.join(tmp, name)
    args = [*facts, "--no-source", *extra]
    rc, _, err = kg(*args, "-o", out + "/")
    if not check(rc == 0, f"{name}: kg export -o FOLDER/ exit {rc}: {err}"):
        return
    tables = check_csv(out, hostile)
    if tables is None:
        return
    for ext in ("graphml", "gexf", "json", "md"):
        rc, _, err = kg(*args, "-o", f"{out}/x.{ext}")
        check(rc == 0, f"{name}: kg export -o x.{ext}: exit {rc}: {err}")
    check_graphs(f"{out}/x.graphml", f"{out}/x.gexf", tables, hostile)
    check_timelinejs(open(f"{out}/x.json", "rb").read(), hostile)
    for fmt in ("mermaid-timeline", "mermaid-flowchart"):
        rc, data, err = kg(*args, "--format", fmt)
        if not check(rc == 0, f"{name}: --format {fmt}: exit {rc}: {err}"):
            continue
        lines = data.decode("utf-8").split("\n")
        check(lines[-1] == "", f"{name}: {fmt} ends with a newline")
        if fmt == "mermaid-timeline":
            check_mm_timeline(lines[:-1], hostile)
        else:
            check_mm_flowchart(lines[:-1], tables, hostile)
    md = open(f"{out}/x.md", encoding="utf-8").read()
    check(md.count("```mermaid\n") == 2 and md.count("```\n") == 2, f"{name}: the Markdown has two mermaid fences")


def main():
    with tempfile.TemporaryDirectory(prefix="kg-export-") as tmp:
        facts = os.path.join(tmp, "hostile.yaml")
        with open(facts, "w", encoding="utf-8") as f:
            f.write(HOSTILE)
        rc = subprocess.run([KG, "check", facts], capture_output=True)
        check(rc.returncode == 0, "the hostile facts pass kg check: " + rc.stderr.decode("utf-8", "replace"))
        check_all([facts], tmp, True)
        check_all([os.path.join(ROOT, "yaml")], tmp, False)
    if fails:
        for f in fails:
            print("FAIL", f)
        print(f"export-check: {len(fails)} failure(s)")
        sys.exit(1)
    print("export-check: ok (csv, graphml, gexf, timelinejs, mermaid on hostile and bundled facts)")


if __name__ == "__main__":
    main()
