#!/usr/bin/env python3
"""browser_test.py - `kg report` in a real browser (headless Chromium over
the DevTools pipe, tests/report/cdp.py): the page a reader explores.

On the report of the bundled project (the repository is a kg project):
filter the events by a type and count the rows in the DOM, sort by date
both ways, search, zoom the graph with the wheel and the buttons (the
viewBox changes, reset brings it back), pan by dragging, click a node and
read its sentence in the detail panel, click a row; no request leaves the
page, no script error. Without script: the tables and pictures are there.
On tests/report/fixture.yaml (hostile text, our own article): nothing in
the facts runs as script or markup, the sentence shows as written.

Usage: KG=./kg python3 tests/report/browser_test.py [SHOTS_DIR]
(screenshots go to SHOTS_DIR when given). Exit 0 all passed, 1 a check
failed, 77 skipped (no chromium), 2 usage."""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cdp  # noqa: E402

failures = []
checks = [0]


def check(cond, what):
    checks[0] += 1
    if not cond:
        failures.append(what)
        print("  FAIL: " + what, file=sys.stderr)
    return cond


def kg_report(kg, out, *args, cwd=None):
    r = subprocess.run([kg, "report", "-o", out] + list(args), cwd=cwd,
                       capture_output=True, text=True)
    if r.returncode != 0:
        print(r.stderr, file=sys.stderr)
        sys.exit("browser_test: kg report failed (exit %d)" % r.returncode)


def page_facts(page):
    return page.eval("JSON.parse(document.getElementById('kg-data').textContent).facts")


def visible_rows(page, table):
    return page.eval("""Array.from(document.querySelectorAll('#%s tbody tr'))
        .filter(r => !r.hidden && r.offsetParent !== null).map(r => +r.dataset.i)""" % table)


def centre_of(page, selector):
    """the middle of the element, scrolled into view, in viewport pixels"""
    return page.eval("""(() => { const e = document.querySelector(%s);
        if (!e) return null;
        e.scrollIntoView({block: 'center'});
        const r = e.getBoundingClientRect();
        return [r.left + r.width / 2, r.top + r.height / 2]; })()""" % json.dumps(selector))


def view_box(page, which):
    return page.eval("document.querySelector('#%s svg').getAttribute('viewBox')" % which)


def no_network(page, url):
    """every request the page made is the page itself (file://) or data:"""
    reqs = [e["request"]["url"] for e in page.events("Network.requestWillBeSent")]
    others = [u for u in reqs if u != url and not u.startswith("data:")]
    check(reqs and reqs[0] == url, "the page itself was not the first request: %r" % reqs[:3])
    check(not others, "requests left the page: %r" % others[:5])


def no_errors(page):
    exc = page.events("Runtime.exceptionThrown")
    check(not exc, "script errors: %r" % [e["exceptionDetails"].get("text") for e in exc][:3])
    logs = [e["entry"] for e in page.events("Log.entryAdded") if e["entry"]["level"] == "error"]
    check(not logs, "console errors (CSP?): %r" % [e.get("text") for e in logs][:3])


def test_bundled(b, html, shots):
    url = "file://" + html
    page = b.open(url)
    if shots:
        page.screenshot(os.path.join(shots, "report-top.png"))
    facts = page_facts(page)
    events = [i for i, f in enumerate(facts) if f["k"] == "event"]
    check(page.eval("document.documentElement.classList.contains('js')"), "the script did not start")
    check(page.eval("getComputedStyle(document.getElementById('kg-tools')).display") != "none",
          "the tools are hidden")

    # -- filter by type: the rows left are exactly the events of that type
    rows = visible_rows(page, "events")
    check(sorted(rows) == sorted(events), "events table rows %d, facts %d" % (len(rows), len(events)))
    types = {}
    for i in events:
        types.setdefault(facts[i]["type"], []).append(i)
    kind = max(types, key=lambda t: (len(types[t]) < len(events), len(types[t]), t))
    page.eval("""(() => { const s = document.getElementById('kg-type'); s.value = %s;
        s.dispatchEvent(new Event('change')); })()""" % json.dumps(kind))
    rows = visible_rows(page, "events")
    check(sorted(rows) == sorted(types[kind]),
          "type %s: %d rows shown, %d events of that type" % (kind, len(rows), len(types[kind])))
    cells = page.eval("""Array.from(document.querySelectorAll('#events tbody tr'))
        .filter(r => !r.hidden).map(r => r.cells[2].textContent)""")
    check(cells and all(c == kind for c in cells), "a row of another type shown: %r" % cells[:5])
    check(0 < len(rows) < len(events), "the type filter kept %d of %d" % (len(rows), len(events)))
    # the graph fades what the filter leaves out: nodes and their edges
    kept = page.eval("!document.getElementById(%s).classList.contains('kg-out')"
                     % json.dumps("gr_" + facts[types[kind][0]]["id"]))
    check(kept, "a node of the chosen type is faded")
    edges = page.eval("""Array.from(document.querySelectorAll('#graph g.edge')).map(g =>
        [g.querySelector('title').textContent, g.classList.contains('kg-out')])""")
    etype = {facts[i]["id"]: facts[i]["type"] for i in events}
    other = [out for title, out in edges if any(etype.get(e, kind) != kind for e in title.split("->"))]
    same = [out for title, out in edges if any(etype.get(e) == kind for e in title.split("->"))
            and all(etype.get(e, kind) == kind for e in title.split("->"))]
    check(other and all(other), "%d of %d edges to events of other types are not faded"
          % (other.count(False), len(other)))
    check(same and not any(same), "%d edges of %s events are faded" % (sum(same), kind))
    caption = page.eval("document.querySelector('#events caption').textContent")
    check(caption == "%d건 중 %d건" % (len(events), len(rows)), "events caption %r" % caption)
    page.eval("document.getElementById('kg-reset').click()")
    check(len(visible_rows(page, "events")) == len(events), "reset did not bring every row back")
    check(page.eval("document.querySelectorAll('.kg-out').length") == 0, "reset left faded nodes")

    # -- filter by actor and by dates
    actor = max((f for f in facts if f["k"] == "actor"),
                key=lambda a: sum(a["id"] in [x["id"] for x in facts[i]["agents"] + facts[i]["targets"]]
                                  for i in events))
    want = [i for i in events
            if actor["id"] in [x["id"] for x in facts[i]["agents"] + facts[i]["targets"]]]
    page.eval("""(() => { const s = document.getElementById('kg-actor'); s.value = %s;
        s.dispatchEvent(new Event('change')); })()""" % json.dumps(actor["id"]))
    rows = visible_rows(page, "events")
    check(sorted(rows) == sorted(want), "actor %s: rows %r, want %r" % (actor["id"], rows, want))
    page.eval("document.getElementById('kg-reset').click()")
    page.eval("""(() => { for (const [id, v] of [['kg-from', '2025-01-01'], ['kg-to', '2025-12-31']]) {
        const e = document.getElementById(id); e.value = v; e.dispatchEvent(new Event('change')); } })()""")
    lo, hi = 20089, 20453  # 2025-01-01, 2025-12-31 in days since 1970
    want = [i for i in events if facts[i]["lo"] is not None or facts[i]["hi"] is not None
            if (facts[i]["hi"] is None or facts[i]["hi"] >= lo) and (facts[i]["lo"] is None or facts[i]["lo"] <= hi)]
    rows = visible_rows(page, "events")
    check(sorted(rows) == sorted(want) and 0 < len(rows) < len(events),
          "2025: rows %d, want %d of %d" % (len(rows), len(want), len(events)))
    page.eval("document.getElementById('kg-reset').click()")

    # -- sort by date (a real click on the header), then the other way
    def dates():
        return page.eval("""Array.from(document.querySelectorAll('#events tbody tr'))
            .map(r => r.cells[0].dataset.v).filter(v => v !== '').map(Number)""")
    xy = centre_of(page, "#events thead th")
    page.click(*xy)
    d = dates()
    check(d == sorted(d) and len(d) > 2, "dates not ascending after one click: %r" % d[:8])
    page.click(*xy)
    d2 = dates()
    check(d2 == sorted(d2, reverse=True) and d2 != d, "dates not descending after two clicks")
    check(page.eval("document.querySelector('#events thead th').getAttribute('aria-sort')") == "descending",
          "aria-sort not set")
    last = page.eval("document.querySelector('#events tbody tr:last-child').cells[0].dataset.v")
    check(last == "" or len(d2) == len(events), "undated events are not last")

    # -- search (typed): every row shown has the word, some are hidden
    word = "딥시크"
    check(any(word in f["label"] for f in facts), "the bundled facts lost the word %s" % word)
    page.click(*centre_of(page, "#kg-q"))
    page.type_text(word)
    rows = visible_rows(page, "events")
    want = [i for i in events if word in json.dumps(facts[i], ensure_ascii=False)]
    check(sorted(rows) == sorted(want) and 0 < len(rows) < len(events),
          "search %s: rows %r, want %r" % (word, rows, want))
    hits = page.eval("document.querySelectorAll('#graph g.kg-hit').length")
    check(hits >= len(want), "search marks %d nodes in the graph, want >= %d" % (hits, len(want)))
    page.eval("document.getElementById('kg-reset').click()")

    # -- zoom the graph: the wheel, the buttons, reset
    vb0 = view_box(page, "graph")
    x, y = centre_of(page, "#graph .kg-view")
    page.wheel(x, y, -400)
    vb1 = view_box(page, "graph")
    w0, w1 = float(vb0.split()[2]), float(vb1.split()[2])
    check(vb1 != vb0 and w1 < w0, "the wheel did not zoom in: %s -> %s" % (vb0, vb1))
    page.eval("document.querySelector('#graph button[title=\"확대\"]').click()")
    vb2 = view_box(page, "graph")
    check(float(vb2.split()[2]) < w1, "the + button did not zoom in: %s -> %s" % (vb1, vb2))
    # drag to pan
    page.mouse("mouseMoved", x, y)
    page.mouse("mousePressed", x, y, button="left", buttons=1, clickCount=1)
    page.mouse("mouseMoved", x - 120, y - 60, button="left", buttons=1)
    page.mouse("mouseReleased", x - 120, y - 60, button="left", buttons=0, clickCount=1)
    vb3 = view_box(page, "graph")
    check(vb3.split()[:2] != vb2.split()[:2] and vb3.split()[2:] == vb2.split()[2:],
          "dragging did not pan: %s -> %s" % (vb2, vb3))
    check(page.eval("document.getElementById('kg-detail').hidden"), "a drag opened the detail panel")
    page.eval("document.querySelector('#graph button[title^=\"전체 보기\"]').click()")
    check(view_box(page, "graph") == vb0, "reset did not bring the whole picture back")
    # the text of the graph is readable after zooming: at 100% a 14 pt label is ~18 px
    page.eval("document.querySelector('#graph button[title=\"실제 크기\"]').click()")
    size = page.eval("""(() => { const t = document.querySelector('#graph g.node text');
        return t.getBoundingClientRect().height; })()""")
    check(size >= 12, "graph text %.1f px high at 1:1" % size)
    page.eval("document.querySelector('#graph button[title^=\"전체 보기\"]').click()")

    # -- click a node: the detail panel shows the fact and its sentence
    ev = max(events, key=lambda i: (bool(facts[i]["src"][0]["sent"]), facts[i]["id"]))
    f = facts[ev]
    sel = "#graph g.node[id=%s]" % json.dumps("gr_" + f["id"])
    check(page.eval("!!document.querySelector(%s)" % json.dumps(sel)), "no graph node for %s" % f["id"])
    page.eval("document.getElementById('graph').scrollIntoView()")
    # zoom to the node with the panel's own centring, through a row click
    page.click(*centre_of(page, "#events tr[data-i=\"%d\"] td:nth-child(2)" % ev))
    check(page.eval("!document.getElementById('kg-detail').hidden"), "a row click opened no panel")
    check(page.eval("document.querySelector('#kg-detail h3').textContent") == f["label"],
          "the panel after a row click shows another fact")
    check(page.eval("document.querySelector(%s).classList.contains('kg-sel')" % json.dumps(sel)),
          "a row click did not mark the node in the graph")
    page.eval("""Array.from(document.querySelectorAll('#kg-detail button'))
        .find(b => b.textContent === '그래프에서 보기').click()""")
    page.eval("document.querySelector('#kg-detail .kg-close').click()")
    check(page.eval("document.getElementById('kg-detail').hidden"), "the close button did not close")
    shape = sel + " :is(polygon, ellipse, path)"
    xy = page.eval("""(() => { const e = document.querySelector(%s);
        const r = e.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()"""
                   % json.dumps(shape))
    hit = page.eval("(() => { const e = document.elementFromPoint(%f, %f); const g = e && e.closest('g.node');"
                    " return g ? g.id : null; })()" % tuple(xy))
    check(hit == "gr_" + f["id"], "the node is not under the pointer (%r)" % hit)
    page.click(*xy)
    check(page.eval("!document.getElementById('kg-detail').hidden"), "a node click opened no panel")
    check(page.eval("document.querySelector('#kg-detail h3').textContent") == f["label"],
          "the panel shows another fact than the node clicked")
    quote = page.eval("(document.querySelector('#kg-detail blockquote') || {}).textContent || null")
    want = f["src"][0]["sent"] or f["src"][0]["quote"]
    if want:
        check(quote == want, "the panel's sentence %r, want %r" % (quote, want))
    else:
        check(quote is None and "출처 문장 없음" in page.eval("document.getElementById('kg-detail').textContent"),
              "no sentence at hand, and the panel does not say so")
    check(page.eval("location.href") == url, "the node click navigated away")
    if shots:
        page.screenshot(os.path.join(shots, "report-graph.png"))
    # a click on the timeline's node shows the same fact
    tsel = "#timeline g.node[id=%s] :is(polygon, ellipse, path)" % json.dumps("tl_" + f["id"])
    if page.eval("!!document.querySelector(%s)" % json.dumps(tsel)):
        page.eval("document.querySelector('#kg-detail .kg-close').click()")
        page.eval("""Array.from(document.querySelectorAll('#timeline button'))
            .find(b => b.title === '실제 크기').click()""")
        page.eval("document.getElementById('timeline').scrollIntoView()")
        xy = centre_of(page, "#events tr[data-i=\"%d\"] td:nth-child(2)" % ev)
        page.click(*xy)
        page.eval("""Array.from(document.querySelectorAll('#kg-detail button'))
            .find(b => b.textContent === '타임라인에서 보기').click()""")
        page.eval("document.querySelector('#kg-detail .kg-close').click()")
        xy = page.eval("""(() => { const r = document.querySelector(%s).getBoundingClientRect();
            return [r.left + r.width / 2, r.top + r.height / 2]; })()""" % json.dumps(tsel))
        page.click(*xy)
        check(page.eval("(document.querySelector('#kg-detail h3') || {}).textContent") == f["label"],
              "a timeline node click shows another fact")
        # and a click on its label, a node of its own in the timeline
        lsel = "#timeline g.node[id=%s] text" % json.dumps("tl_" + f["id"] + ".label")
        if page.eval("!!document.querySelector(%s)" % json.dumps(lsel)):
            page.eval("document.querySelector('#kg-detail .kg-close').click()")
            xy = page.eval("""(() => { const r = document.querySelector(%s).getBoundingClientRect();
                return [r.left + r.width / 2, r.top + r.height / 2]; })()""" % json.dumps(lsel))
            page.click(*xy)
            check(page.eval("(document.querySelector('#kg-detail h3') || {}).textContent") == f["label"],
                  "a click on an event's label in the timeline shows another fact")
        else:
            check(False, "no label node %s in the timeline" % lsel)
    no_network(page, url)
    no_errors(page)

    # -- without script: the same tables and pictures, static
    page = b.open(url, script=False)
    check(not page.eval("document.documentElement.classList.contains('js')"), "script ran although disabled")
    check(page.eval("getComputedStyle(document.getElementById('kg-tools')).display") == "none",
          "the tools are shown without script (they do nothing then)")
    check(page.eval("getComputedStyle(document.getElementById('kg-detail')).display") == "none",
          "the detail panel is shown without script")
    n = page.eval("Array.from(document.querySelectorAll('#events tbody tr')).filter(r => r.offsetParent).length")
    check(n == len(events), "without script %d event rows visible, want %d" % (n, len(events)))
    w = page.eval("document.querySelector('#graph svg').getBoundingClientRect().width")
    natural = page.eval("document.querySelector('#graph svg').width.baseVal.value")
    check(w > 0 and abs(w - natural) < 1, "without script the graph is %.0f px wide, drawn %.0f" % (w, natural))
    if shots:
        page.screenshot(os.path.join(shots, "report-noscript.png"))
    no_network(page, url)


def test_hostile(b, html, shots):
    url = "file://" + html
    page = b.open(url)
    facts = page_facts(page)
    check(page.eval("window.kgPwned === undefined"), "text from the facts ran as script")
    check(page.eval("document.querySelectorAll('script').length") == 2, "an article text made a <script>")
    check(page.eval("document.querySelectorAll('img, b').length") == 0, "an article text made markup")
    e2 = next(i for i, f in enumerate(facts) if f["id"] == "report-fixture/e2")
    check(facts[e2]["label"] == '이웃 통상부 반발 </script><!-- <b>굵게</b>', "the JSON changed the title")
    row = page.eval("document.getElementById('ev-report-fixture/e2').cells[1].textContent")
    check(row == facts[e2]["label"], "the table shows %r" % row)
    # the hostile sentence, shown as written in the panel
    e3 = next(i for i, f in enumerate(facts) if f["id"] == "report-fixture/e3")
    page.click(*centre_of(page, "#events tr[data-i=\"%d\"] td:nth-child(2)" % e3))
    quote = page.eval("document.querySelector('#kg-detail blockquote').textContent")
    check(quote == "기사에 섞인 이상한 글자 </script><script>window.kgPwned=1</script> 와 <!-- 주석 --> "
          "도 글자 그대로 보여야 한다.", "the hostile sentence reads %r" % quote)
    # a node of the graph: its sentence from the article
    page.eval("document.querySelector('#graph button[title=\"실제 크기\"]').click()")
    e1 = next(i for i, f in enumerate(facts) if f["id"] == "report-fixture/e1")
    page.eval("document.getElementById('graph').scrollIntoView()")
    xy = page.eval("""(() => { const r = document.getElementById('gr_report-fixture/e1')
        .querySelector('polygon, ellipse, path').getBoundingClientRect();
        return [r.left + r.width / 2, r.top + r.height / 2]; })()""")
    page.click(*xy)
    check(page.eval("document.querySelector('#kg-detail h3').textContent") == facts[e1]["label"],
          "the fixture's node click shows another fact")
    check(page.eval("document.querySelector('#kg-detail blockquote').textContent")
          == "가상 정부는 3월 2일 새 반도체 수출 규정을 발표했다.", "the fixture's sentence is not shown")
    # the relation, from the panel of e2: a link to e1
    page.click(*centre_of(page, "#events tr[data-i=\"%d\"] td:nth-child(2)" % e2))
    check("responds-to" in page.eval("document.getElementById('kg-detail').textContent"),
          "the panel of e2 does not show its relation")
    # the undated event has no date and stays in the table, last when sorted
    xy = centre_of(page, "#events thead th")
    page.click(*xy)
    last = page.eval("document.querySelector('#events tbody tr:last-child').id")
    check(last == "ev-report-fixture/e4", "the undated event is not last: %s" % last)
    if shots:
        page.screenshot(os.path.join(shots, "report-hostile.png"))
    no_network(page, url)
    no_errors(page)


def main():
    kg = os.environ.get("KG")
    if not kg:
        print("usage: KG=path/to/kg python3 tests/report/browser_test.py [SHOTS_DIR]", file=sys.stderr)
        return 2
    kg = os.path.abspath(kg)
    shots = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else None
    if not cdp.find_chromium():
        print("tests/report: SKIP: chromium is not installed, the report was not tested in a "
              "browser (make deps installs it)", file=sys.stderr)
        return 77
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    with tempfile.TemporaryDirectory(prefix="kg-report-") as tmp:
        bundled = os.path.join(tmp, "bundled.html")
        hostile = os.path.join(tmp, "hostile.html")
        kg_report(kg, bundled, cwd=root)
        kg_report(kg, hostile, os.path.join(root, "tests/report/fixture.yaml"), cwd=tmp)
        with cdp.Browser(size=(1280, 900)) as b:
            print("tests/report: the bundled project's report", file=sys.stderr)
            test_bundled(b, bundled, shots)
            print("tests/report: hostile facts", file=sys.stderr)
            test_hostile(b, hostile, shots)
    print("tests/report: %d checks, %d failed" % (checks[0], len(failures)), file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except cdp.CdpError as e:
        print("tests/report: FAIL: %s" % e, file=sys.stderr)
        sys.exit(1)
