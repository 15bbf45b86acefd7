/* report.js - the script of `kg report` (inline in the page; see
 * gen-assets.sh). It only enhances: the page without it shows the same
 * pictures and tables. It adds
 *   - pan and zoom on both pictures (wheel, drag, keys, buttons, reset),
 *   - tables that sort (click a header) and filter (type, actor, dates),
 *   - a search box over every fact and its source sentence,
 *   - a detail panel: a click on a node, an edge or a row shows the fact,
 *     its source sentence and links to the facts next to it.
 * The facts come from the JSON data element (id "kg-data").
 * Text from the facts is only ever put in the page as text (textContent,
 * attribute values), never as markup. */
(function () {
    "use strict";

    var doc = document;
    var dataEl = doc.getElementById("kg-data");
    if (!dataEl || !window.JSON || !doc.querySelector) {
        return;
    }
    var data;
    try {
        data = JSON.parse(dataEl.textContent);
    } catch (e) {
        return;
    }
    doc.documentElement.className += " js";

    var facts = data.facts || [];
    var byId = {};          /* "k:id" -> index */
    facts.forEach(function (f, i) {
        byId[f.k + ":" + f.id] = i;
    });

    function el(tag, text, cls) {
        var e = doc.createElement(tag);
        if (text !== undefined && text !== null) {
            e.textContent = String(text);
        }
        if (cls) {
            e.className = cls;
        }
        return e;
    }

    function find(kind, id) {
        var i = byId[kind + ":" + id];
        return i === undefined ? -1 : i;
    }

    /* ---- the facts a fact touches (for filters and the detail panel) ---- */

    function actorIds(f) {
        var ids = [];
        (f.agents || []).concat(f.targets || []).forEach(function (a) {
            ids.push(a.id);
        });
        if (f.subject) {
            ids.push(f.subject.id);
        }
        if (f.k === "actor") {
            ids.push(f.id);
        }
        return ids;
    }

    /* the end of a relation: an event, a figure or an actor */
    function endIndex(id) {
        var kinds = ["event", "figure", "actor"];
        for (var k = 0; k < kinds.length; k++) {
            var i = find(kinds[k], id);
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }

    /* all the text a search looks through */
    facts.forEach(function (f) {
        var parts = [f.label, f.id, f.type, f.date, f.when, f.value, f.part_name];
        actorIds(f).forEach(function (id) {
            parts.push(id);
        });
        (f.agents || []).concat(f.targets || []).forEach(function (a) {
            parts.push(a.name);
        });
        if (f.subject) {
            parts.push(f.subject.name);
        }
        (f.src || []).forEach(function (s) {
            parts.push(s.doc, s.title, s.sent, s.quote);
        });
        f.text = parts.filter(function (x) {
            return x;
        }).join("\n").toLowerCase();
    });

    /* ---- pan and zoom ---- */

    var views = [];

    function makeView(fig) {
        var box = fig.querySelector(".kg-view");
        var svg = box && box.querySelector("svg");
        if (!svg || !svg.viewBox || !svg.viewBox.baseVal) {
            return null;
        }
        var vb = svg.viewBox.baseVal;
        var full = { x: vb.x, y: vb.y, w: vb.width, h: vb.height };
        if (!(full.w > 0 && full.h > 0)) {
            return null;
        }
        var v = { fig: fig, box: box, svg: svg, full: full, prefix: fig.getAttribute("data-prefix") || "",
                  scale: 1, x: full.x, y: full.y };
        svg.removeAttribute("width");
        svg.removeAttribute("height");
        svg.setAttribute("preserveAspectRatio", "xMinYMin meet");

        /* the buttons */
        var bar = el("div", null, "kg-zoombar");
        var level = el("span", "", "kg-zoomlevel");
        function button(label, title, fn) {
            var b = el("button", label);
            b.type = "button";
            b.title = title;
            b.setAttribute("aria-label", title);
            b.addEventListener("click", fn);
            bar.appendChild(b);
            return b;
        }
        bar.appendChild(level);
        button("+", "확대", function () { zoomAt(v, 1.4); });
        button("\u2212", "축소", function () { zoomAt(v, 1 / 1.4); });
        button("1:1", "실제 크기", function () { setScale(v, 4 / 3); });
        button("\u2922", "전체 보기 (처음으로)", function () { fit(v); });
        fig.insertBefore(bar, box);
        v.level = level;

        /* each edge by the facts at its ends: Graphviz titles an edge
         * "tail->head" with the node names, which are the fact ids */
        v.edges = [];
        Array.prototype.forEach.call(svg.querySelectorAll("g.edge"), function (g) {
            var t = g.querySelector("title");
            var ends = t ? t.textContent.split("->") : [];
            if (ends.length === 2) {
                v.edges.push({ g: g, a: factOfSvg(v, v.prefix + ends[0]),
                               b: factOfSvg(v, v.prefix + ends[1]) });
            }
        });

        box.addEventListener("wheel", function (e) {
            e.preventDefault();
            var r = box.getBoundingClientRect();
            var f = Math.exp(-(e.deltaMode === 1 ? e.deltaY * 33 : e.deltaY) / 500);
            zoomAt(v, f, e.clientX - r.left, e.clientY - r.top);
        }, { passive: false });

        /* drag to pan; a press that moves less than a few pixels is a click */
        var drag = null;
        box.addEventListener("pointerdown", function (e) {
            if (e.button !== 0) {
                return;
            }
            drag = { x: e.clientX, y: e.clientY, vx: v.x, vy: v.y, moved: false, id: e.pointerId };
        });
        box.addEventListener("pointermove", function (e) {
            if (!drag) {
                return;
            }
            var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
            if (!drag.moved && Math.abs(dx) + Math.abs(dy) > 4) {
                drag.moved = true;
                box.classList.add("kg-dragging");
                try {
                    box.setPointerCapture(drag.id);
                } catch (err) { /* not capturable: pan without */ }
            }
            if (drag.moved) {
                v.x = drag.vx - dx / v.scale;
                v.y = drag.vy - dy / v.scale;
                apply(v);
            }
        });
        function endDrag() {
            if (drag && drag.moved) {
                v.justDragged = true;
                setTimeout(function () { v.justDragged = false; }, 0);
            }
            drag = null;
            box.classList.remove("kg-dragging");
        }
        box.addEventListener("pointerup", endDrag);
        box.addEventListener("pointercancel", endDrag);

        box.addEventListener("dblclick", function (e) {
            var r = box.getBoundingClientRect();
            zoomAt(v, e.shiftKey ? 1 / 2 : 2, e.clientX - r.left, e.clientY - r.top);
        });
        box.addEventListener("keydown", function (e) {
            var step = 60 / v.scale;
            switch (e.key) {
            case "+": case "=": zoomAt(v, 1.4); break;
            case "-": case "_": zoomAt(v, 1 / 1.4); break;
            case "0": fit(v); break;
            case "ArrowLeft": v.x -= step; apply(v); break;
            case "ArrowRight": v.x += step; apply(v); break;
            case "ArrowUp": v.y -= step; apply(v); break;
            case "ArrowDown": v.y += step; apply(v); break;
            default: return;
            }
            e.preventDefault();
        });

        /* a click on a node or an edge shows its fact */
        svg.addEventListener("click", function (e) {
            var g = e.target.closest ? e.target.closest("g.node, g.edge") : null;
            if (v.justDragged) {
                e.preventDefault();
                return;
            }
            if (!g) {
                return;
            }
            var i = factOfSvg(v, g.id);
            if (i >= 0) {
                e.preventDefault(); /* the node's link to the article is in the panel */
                select(i, true);
            }
        });
        return v;
    }

    /* the fact an SVG element id stands for, or -1 */
    function factOfSvg(v, gid) {
        if (!gid || gid.indexOf(v.prefix) !== 0) {
            return -1;
        }
        var id = gid.slice(v.prefix.length);
        var i = find("event", id);
        if (i < 0) { i = find("figure", id); }
        if (i < 0) { i = find("actor", id); }
        if (i < 0) { i = find("relation", id); }
        if (i < 0 && id.indexOf("lane.") === 0) { i = find("actor", id.slice(5)); }
        /* the timeline draws an event's label as a node of its own */
        if (i < 0 && /\.label$/.test(id)) { i = find("event", id.slice(0, -6)); }
        return i;
    }

    /* the SVG elements that draw fact i in view v */
    function svgOf(v, i) {
        var f = facts[i], out = [];
        var ids = [f.id];
        if (f.k === "actor") {
            ids.push("lane." + f.id);
        }
        ids.forEach(function (id) {
            var g = doc.getElementById(v.prefix + id);
            if (g && v.svg.contains(g)) {
                out.push(g);
            }
        });
        return out;
    }

    function apply(v) {
        var w = v.box.clientWidth || 1, h = v.box.clientHeight || 1;
        v.svg.setAttribute("viewBox", [v.x, v.y, w / v.scale, h / v.scale].map(function (n) {
            return Math.round(n * 100) / 100;
        }).join(" "));
        /* 1 SVG unit is a point: 4/3 pixels at 100% */
        v.level.textContent = Math.round(v.scale * 75) + "%";
        v.box.setAttribute("data-scale", String(Math.round(v.scale * 1000) / 1000));
    }

    function setScale(v, s, cx, cy) {
        var w = v.box.clientWidth, h = v.box.clientHeight;
        if (cx === undefined) { cx = w / 2; cy = h / 2; }
        s = Math.max(0.02, Math.min(s, 20));
        var px = v.x + cx / v.scale, py = v.y + cy / v.scale;
        v.scale = s;
        v.x = px - cx / s;
        v.y = py - cy / s;
        apply(v);
    }

    function zoomAt(v, factor, cx, cy) {
        setScale(v, v.scale * factor, cx, cy);
    }

    /* the whole picture in the view, centred */
    function fit(v) {
        var w = v.box.clientWidth || 1, h = v.box.clientHeight || 1;
        v.scale = Math.min(w / v.full.w, h / v.full.h);
        v.x = v.full.x - (w / v.scale - v.full.w) / 2;
        v.y = v.full.y - (h / v.scale - v.full.h) / 2;
        apply(v);
    }

    /* shows element g of view v in the middle, at least at 100% */
    function centreOn(v, g) {
        var b;
        try {
            b = g.getBBox();
        } catch (e) {
            return;
        }
        /* getBBox is in the element's user units: map through its CTM to
         * the SVG's viewBox units */
        var m = g.getCTM(), root = v.svg.getCTM();
        if (m && root) {
            var inv = root.inverse().multiply(m);
            var p = v.svg.createSVGPoint();
            p.x = b.x + b.width / 2;
            p.y = b.y + b.height / 2;
            p = p.matrixTransform(inv);
            var s = Math.max(v.scale, 4 / 3);
            v.scale = s;
            v.x = p.x - v.box.clientWidth / 2 / s;
            v.y = p.y - v.box.clientHeight / 2 / s;
            apply(v);
        }
    }

    /* the view as tall as the picture at full width, within 72% of the
     * window (and not under 320 px) */
    function size(v) {
        var want = v.box.clientWidth * v.full.h / v.full.w;
        var most = Math.max(320, window.innerHeight * 0.72);
        v.box.style.height = Math.round(Math.max(320, Math.min(want, most))) + "px";
    }

    Array.prototype.forEach.call(doc.querySelectorAll("figure.kg-pic"), function (fig) {
        var v = makeView(fig);
        if (v) {
            views.push(v);
            size(v);
            fit(v);
        }
    });
    window.addEventListener("resize", function () {
        views.forEach(function (v) {
            size(v);
            apply(v);
        });
    });

    /* ---- tables: rows, sorting ---- */

    var tables = Array.prototype.slice.call(doc.querySelectorAll("table.kg-table"));
    var rowsOf = {};        /* index -> row */
    tables.forEach(function (t) {
        Array.prototype.forEach.call(t.tBodies[0] ? t.tBodies[0].rows : [], function (tr) {
            var i = tr.getAttribute("data-i");
            if (i !== null) {
                rowsOf[i] = tr;
                tr.tabIndex = 0;
            }
        });
        var heads = t.tHead ? t.tHead.rows[0].cells : [];
        Array.prototype.forEach.call(heads, function (th, col) {
            if (!th.hasAttribute("data-sort")) {
                return;
            }
            th.tabIndex = 0;
            th.setAttribute("role", "button");
            function go() {
                var asc = th.getAttribute("aria-sort") !== "ascending";
                Array.prototype.forEach.call(heads, function (h) {
                    h.removeAttribute("aria-sort");
                });
                th.setAttribute("aria-sort", asc ? "ascending" : "descending");
                sortTable(t, col, th.getAttribute("data-sort") === "num", asc);
            }
            th.addEventListener("click", go);
            th.addEventListener("keydown", function (e) {
                if (e.key === "Enter" || e.key === " ") {
                    e.preventDefault();
                    go();
                }
            });
        });
    });

    var collator = window.Intl ? new Intl.Collator("ko", { numeric: true }) : null;

    function sortTable(t, col, numeric, asc) {
        var body = t.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        function key(tr) {
            var td = tr.cells[col];
            if (!td) {
                return "";
            }
            return td.hasAttribute("data-v") ? td.getAttribute("data-v") : td.textContent.trim();
        }
        rows.sort(function (a, b) {
            var x = key(a), y = key(b);
            /* empty cells (undated, no value) last either way */
            if (x === "" || y === "") {
                return x === y ? 0 : x === "" ? 1 : -1;
            }
            var r;
            if (numeric) {
                r = parseFloat(x) - parseFloat(y);
            } else {
                r = collator ? collator.compare(x, y) : x < y ? -1 : x > y ? 1 : 0;
            }
            return asc ? r : -r;
        });
        rows.forEach(function (tr) {
            body.appendChild(tr);
        });
    }

    /* ---- filters and search ---- */

    var q = doc.getElementById("kg-q"), typeSel = doc.getElementById("kg-type"),
        actorSel = doc.getElementById("kg-actor"), fromIn = doc.getElementById("kg-from"),
        toIn = doc.getElementById("kg-to"), count = doc.getElementById("kg-count"),
        tools = doc.getElementById("kg-tools");

    function option(sel, value, label) {
        var o = el("option", label);
        o.value = value;
        sel.appendChild(o);
    }

    if (tools) {
        var types = {};
        facts.forEach(function (f) {
            if (f.k === "event" && f.type) {
                types[f.type] = (types[f.type] || 0) + 1;
            }
        });
        Object.keys(types).sort().forEach(function (t) {
            option(typeSel, t, t + " (" + types[t] + ")");
        });
        var actors = facts.filter(function (f) {
            return f.k === "actor";
        }).sort(function (a, b) {
            return collator ? collator.compare(a.label, b.label) : a.label < b.label ? -1 : 1;
        });
        actors.forEach(function (a) {
            option(actorSel, a.id, a.label);
        });
        tools.hidden = false;
        [q, typeSel, actorSel, fromIn, toIn].forEach(function (c) {
            c.addEventListener("input", update);
            c.addEventListener("change", update);
        });
        doc.getElementById("kg-reset").addEventListener("click", function () {
            q.value = "";
            typeSel.value = "";
            actorSel.value = "";
            fromIn.value = "";
            toIn.value = "";
            update();
        });
    }

    /* days since 1970-01-01 of an <input type=date> value, or null */
    function days(input) {
        if (!input || !input.value) {
            return null;
        }
        var t = Date.parse(input.value + "T00:00:00Z");
        return isNaN(t) ? null : Math.floor(t / 86400000);
    }

    /* does fact i pass the type, actor and date filters (not the search) */
    function passes(f, flt) {
        if (f.k === "relation") {
            var a = endIndex(f.from), b = endIndex(f.to);
            return (a >= 0 && passes(facts[a], flt)) || (b >= 0 && passes(facts[b], flt));
        }
        if (flt.type && (f.k !== "event" || f.type !== flt.type)) {
            return f.k === "actor" && actorInType(f.id, flt);
        }
        if (flt.actor) {
            if (f.k === "actor") {
                if (f.id !== flt.actor && f.part_of !== flt.actor) {
                    return false;
                }
            } else if (actorIds(f).indexOf(flt.actor) < 0) {
                return false;
            }
        }
        if (flt.from !== null || flt.to !== null) {
            if (f.k === "actor") {
                return true;
            }
            if (f.lo === undefined || (f.lo === null && f.hi === null)) {
                return false;
            }
            if (flt.from !== null && f.hi !== null && f.hi < flt.from) {
                return false;
            }
            if (flt.to !== null && f.lo !== null && f.lo > flt.to) {
                return false;
            }
        }
        return true;
    }

    /* with a type chosen, an actor row stays when it takes part in an
     * event of that type */
    function actorInType(id, flt) {
        return facts.some(function (g) {
            return g.k === "event" && g.type === flt.type && actorIds(g).indexOf(id) >= 0;
        });
    }

    function update() {
        var flt = { type: typeSel ? typeSel.value : "", actor: actorSel ? actorSel.value : "",
                    from: days(fromIn), to: days(toIn) };
        var words = (q ? q.value : "").toLowerCase().split(/\s+/).filter(function (w) {
            return w;
        });
        var active = flt.type || flt.actor || flt.from !== null || flt.to !== null;
        var shown = 0, total = 0;
        var keep = facts.map(function (f) {
            var ok = passes(f, flt) && words.every(function (w) {
                return f.text.indexOf(w) >= 0;
            });
            total++;
            shown += ok ? 1 : 0;
            return ok;
        });
        Object.keys(rowsOf).forEach(function (i) {
            rowsOf[i].hidden = !keep[i];
        });
        tables.forEach(function (t) {
            var rows = t.tBodies[0] ? t.tBodies[0].rows : [];
            var n = 0, m = 0;
            Array.prototype.forEach.call(rows, function (tr) {
                if (tr.hasAttribute("data-i")) {
                    m++;
                    n += tr.hidden ? 0 : 1;
                }
            });
            if (t.caption) {
                t.caption.textContent = m && (active || words.length) ? m + "건 중 " + n + "건" : "";
            }
        });
        /* in the pictures: what the filters leave out fades, what the
         * search finds is marked */
        views.forEach(function (v) {
            facts.forEach(function (f, i) {
                svgOf(v, i).forEach(function (g) {
                    g.classList.toggle("kg-out", !!active && !keep[i]);
                    g.classList.toggle("kg-hit", words.length > 0 && keep[i]);
                });
            });
            /* an edge fades with either of its ends */
            v.edges.forEach(function (e) {
                var out = (e.a >= 0 && !keep[e.a]) || (e.b >= 0 && !keep[e.b]);
                e.g.classList.toggle("kg-out", !!active && out);
            });
        });
        if (count) {
            count.textContent = active || words.length ? total + "건 중 " + shown + "건" : "";
        }
    }

    /* ---- the detail panel ---- */

    var panel = doc.getElementById("kg-detail");
    var selected = -1;

    function link(i, label) {
        var a = el("a", label || facts[i].label, "kg-link");
        a.href = "#";
        a.addEventListener("click", function (e) {
            e.preventDefault();
            select(i, false);
        });
        return a;
    }

    function actorLinks(list) {
        var span = el("span");
        (list || []).forEach(function (a, k) {
            if (k) {
                span.appendChild(doc.createTextNode(", "));
            }
            var i = find("actor", a.id);
            span.appendChild(i >= 0 ? link(i, a.name) : doc.createTextNode(a.name));
        });
        return span;
    }

    var KIND = { event: "사건", actor: "행위자", figure: "수치", relation: "관계" };

    function show(i) {
        var f = facts[i];
        panel.textContent = "";
        var close = el("button", "\u00d7", "kg-close");
        close.type = "button";
        close.title = "닫기";
        close.setAttribute("aria-label", "닫기");
        close.addEventListener("click", function () {
            panel.hidden = true;
            select(-1, false);
        });
        panel.appendChild(close);
        panel.appendChild(el("div", KIND[f.k] || f.k, "hint"));
        panel.appendChild(el("h3", f.label));
        var dl = el("dl");
        function row(name, value) {
            if (value === undefined || value === null || value === "") {
                return;
            }
            dl.appendChild(el("dt", name));
            var dd = el("dd");
            if (typeof value === "string") {
                dd.textContent = value;
            } else {
                dd.appendChild(value);
            }
            dl.appendChild(dd);
        }
        if (f.k === "event") {
            row("날짜", (f.date || "날짜 미상") + (f.when ? " (" + f.when + ")" : ""));
            row("유형", f.type);
            if (f.agents && f.agents.length) { row("주체", actorLinks(f.agents)); }
            if (f.targets && f.targets.length) { row("대상", actorLinks(f.targets)); }
        } else if (f.k === "figure") {
            row("값", f.value);
            if (f.subject) { row("대상", actorLinks([f.subject])); }
            row("날짜", f.date);
        } else if (f.k === "actor") {
            row("종류", f.type);
            var p = f.part_of ? find("actor", f.part_of) : -1;
            row("소속", p >= 0 ? link(p, f.part_name) : f.part_name);
        } else if (f.k === "relation") {
            var a = endIndex(f.from), b = endIndex(f.to);
            row("출발", a >= 0 ? link(a) : f.from);
            row("관계", f.type);
            row("도착", b >= 0 ? link(b) : f.to);
        }
        row("id", f.id);
        panel.appendChild(dl);

        (f.src || []).forEach(function (s) {
            var text = s.sent || s.quote;
            if (text) {
                var bq = el("blockquote", text, s.sent ? "kg-sentence" : "kg-quote");
                panel.appendChild(bq);
            } else {
                panel.appendChild(el("p", "(출처 문장 없음)", "hint"));
            }
            var src = el("p", null, "hint");
            src.appendChild(doc.createTextNode("출처: "));
            if (s.url && /^https?:\/\//i.test(s.url)) {
                var a2 = el("a", s.title || s.doc);
                a2.href = s.url;
                a2.rel = "noopener noreferrer";
                src.appendChild(a2);
                src.appendChild(doc.createTextNode(" (" + s.doc + ")"));
            } else {
                src.appendChild(doc.createTextNode((s.title || "") + " (" + s.doc + ")"));
            }
            panel.appendChild(src);
        });

        /* the facts next to it */
        var near = [];
        facts.forEach(function (g, j) {
            if (j === i) {
                return;
            }
            if (f.k === "actor" && g.k === "event" && actorIds(g).indexOf(f.id) >= 0) {
                near.push(j);
            } else if (f.k !== "relation" && g.k === "relation" && (g.from === f.id || g.to === f.id)) {
                near.push(j);
            } else if (f.k === "actor" && g.k === "figure" && g.subject && g.subject.id === f.id) {
                near.push(j);
            }
        });
        if (near.length) {
            panel.appendChild(el("div", "관련 (" + near.length + ")", "hint"));
            var ul = el("ul");
            near.slice(0, 40).forEach(function (j) {
                var li = el("li");
                li.appendChild(link(j));
                if (facts[j].date) {
                    li.appendChild(doc.createTextNode(" \u00b7 " + facts[j].date));
                }
                ul.appendChild(li);
            });
            panel.appendChild(ul);
        }

        var acts = el("div", null, "kg-actions");
        views.forEach(function (v) {
            var gs = svgOf(v, i);
            if (!gs.length) {
                return;
            }
            var b = el("button", v.prefix === "tl_" ? "타임라인에서 보기" : "그래프에서 보기");
            b.type = "button";
            b.addEventListener("click", function () {
                v.fig.scrollIntoView({ block: "center" });
                centreOn(v, gs[0]);
            });
            acts.appendChild(b);
        });
        var row2 = rowsOf[i];
        if (row2) {
            var b2 = el("button", "표에서 보기");
            b2.type = "button";
            b2.addEventListener("click", function () {
                row2.hidden = false;
                row2.scrollIntoView({ block: "center" });
                row2.focus();
            });
            acts.appendChild(b2);
        }
        panel.appendChild(acts);
        panel.hidden = false;
    }

    /* marks fact i (-1: none) in the pictures and the tables */
    function select(i, fromPicture) {
        Array.prototype.forEach.call(doc.querySelectorAll(".kg-sel"), function (e) {
            e.classList.remove("kg-sel");
        });
        selected = i;
        if (i < 0) {
            return;
        }
        views.forEach(function (v) {
            svgOf(v, i).forEach(function (g) {
                g.classList.add("kg-sel");
            });
        });
        if (rowsOf[i]) {
            rowsOf[i].classList.add("kg-sel");
        }
        show(i);
        void fromPicture;
    }

    Object.keys(rowsOf).forEach(function (i) {
        var tr = rowsOf[i];
        tr.addEventListener("click", function (e) {
            if (e.target.closest && e.target.closest("a")) {
                return; /* a source link: follow it */
            }
            select(+i, false);
        });
        tr.addEventListener("keydown", function (e) {
            if (e.key === "Enter") {
                select(+i, false);
            }
        });
    });
    doc.addEventListener("keydown", function (e) {
        if (e.key === "Escape" && panel && !panel.hidden) {
            panel.hidden = true;
            select(-1, false);
        }
    });

    update();
}());
