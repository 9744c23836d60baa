/* The website face of every interactive figure of the edition.
 *
 * Python (widgets/figures) writes into each <figure class="bmh-figure"> a payload with
 * everything that does not depend on the reader's choice: numbers and Dutch cell texts
 * per item and column, notes, messages, CSV headers, the number format, and a Vega
 * spec compiled at build time (drawn in the page already, in its default state).
 * This script only applies the reader's choice to the payload (filter, null-aware sum,
 * pick: see widgets/figures/explorer.py, which describes the shapes) and shows the
 * resulting view: table, notes, message, the choice in words, chart, downloads, link.
 * Vega itself is loaded only when a figure comes near the screen or is changed. */
(function () {
  "use strict";
  var BMH = (window.BMH = window.BMH || {});
  var SCRIPT = document.currentScript;

  /* ---- the model: filter, null-aware sum, pick -------------------------------------- */

  function roundTo(p, x) {
    var f = Math.pow(10, p.round), r = Math.round(x * f) / f;
    return r === 0 ? 0 : r;
  }

  /* A number in the payload's Dutch format, at most two decimals, trailing zeros dropped. */
  function formatNumber(p, x) {
    var parts = Math.abs(x).toFixed(2).replace(/\.?0+$/, "").split(".");
    var text = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, p.locale.thousands) + (parts[1] ? p.locale.decimal + parts[1] : "");
    return (x < 0 && text !== "0" ? p.locale.minus : "") + text;
  }

  function sumOf(p, spec, ids, col, byId) {
    var total = null;
    ids.forEach(function (id) {
      var v = p.fields[spec.field].values[id][col];
      var weight = spec.groups ? spec.groups[byId[id].group] : 1;  // a sum over some groups, weighted
      if (v === null || v * spec.sign < 0 || weight === undefined) return;
      total = (total || 0) + v * weight;
    });
    return total === null ? spec.empty : roundTo(p, total);
  }

  function view(p, s) {
    var v = { header: [], rows: [], notes: [], message: null, words: null, chart: [], csv: {}, members: [] };
    var byId = {};
    p.items.forEach(function (it) { byId[it.id] = it; });
    var ids = p.items.filter(function (it) { return it.fixed || s.items.indexOf(it.id) >= 0; }).map(function (it) { return it.id; });
    if (p.messages.noItems && !ids.length) { v.message = p.messages.noItems; return v; }
    if (s.start > s.end) { v.message = p.messages.range; return v; }
    var cols = [];
    for (var c = s.start; c <= s.end; c++) cols.push(c);
    var field = s.field, text = function (x) { return x === null ? p.notAvailable : formatNumber(p, x); };
    var label = function (id) { return byId[id].label; }, colLabel = function (c) { return p.columns[c].label; };
    var sums = p.sums.map(function (spec) { return { spec: spec, values: cols.map(function (c) { return sumOf(p, spec, ids, c, byId); }) }; });
    var hasNumber = function (id, c) { return p.table.fields.some(function (f) { return p.fields[f].values[id][c] !== null; }); };
    if (p.layout === "sums") {
      v.header = [p.table.corner].concat(cols.map(colLabel));
      v.rows = sums.map(function (S) { return [S.spec.label].concat(S.values.map(text)); });
    } else if (p.layout === "years") {
      v.header = [p.table.corner].concat(ids.map(label), sums.map(function (S) { return S.spec.label; }));
      v.rows = cols.map(function (c, i) {
        return [colLabel(c)].concat(ids.map(function (id) { return p.fields[field].cells[id][c]; }), sums.map(function (S) { return text(S.values[i]); }));
      });
    } else if (p.layout === "pairs") {
      v.header = p.table.header.slice();
      ids.forEach(function (id) { cols.forEach(function (c) {
        if (hasNumber(id, c)) v.rows.push([label(id), colLabel(c)].concat(p.table.fields.map(function (f) { return p.fields[f].cells[id][c]; })));
      }); });
    }
    p.notes.forEach(function (n) {
      if (!n.items.every(function (id) { return ids.indexOf(id) >= 0; })) return;
      var shown = (n.columns || []).filter(function (c) { return c >= s.start && c <= s.end; }).map(colLabel);
      if (!n.columns || shown.length) v.notes.push(n.text.replace("{columns}", shown.join(", ")));
    });
    if (p.words && p.groups) v.words = p.groups.map(function (g) {
      var mine = ids.filter(function (id) { return byId[id].group === g.id; }).map(label);
      return g.label + ": " + (mine.length ? mine.join("; ") : p.words.empty) + ".";
    }).join(" ");
    else if (p.words) v.words = wordsOf(p, ids.map(label), s, field);
    if (p.groups) {  // which group holds which item, per base item chosen in any group (payload order)
      var seen = {}, holds = {};
      ids.forEach(function (id) { holds[byId[id].group + " " + byId[id].base] = true; });
      p.items.forEach(function (it) {
        if (seen[it.base]) return;
        seen[it.base] = true;
        var marks = p.groups.map(function (g) { return Boolean(holds[g.id + " " + it.base]); });
        if (marks.indexOf(true) >= 0) v.members.push([it.label].concat(marks.map(function (m) { return m ? p.members.yes : p.members.no; })));
      });
    }
    var chartField = p.chart.field || field;
    var drawn = function (S) { return !p.chart.sums || p.chart.sums.indexOf(S.spec.id) >= 0; };
    if (p.chart.rows === "sums") sums.filter(drawn).forEach(function (S) { S.values.forEach(function (x, i) {
      if (x !== null) v.chart.push({ x: colLabel(cols[i]), series: S.spec.label, value: x });
    }); });
    else ids.forEach(function (id) { cols.forEach(function (c) {
      var x = p.fields[chartField].values[id][c];
      if (x !== null) v.chart.push({ x: colLabel(c), series: label(id), value: x });
    }); });
    if (!v.chart.length && p.messages.emptyChart) v.message = p.messages.emptyChart;
    p.csv.forEach(function (d) {
      var rows = [];
      if (d.rows === "sums") cols.forEach(function (c, i) { rows.push([p.columns[c].id].concat(sums.map(function (S) { return S.values[i]; }))); });
      else ids.forEach(function (id) { cols.forEach(function (c) {
        var f = d.fields;
        var marker = d.marker ? p.fields[d.marker].markers[id][c] : null;
        if (marker !== null || f.some(function (g) { return p.fields[g].values[id][c] !== null; }))
          rows.push([id, byId[id].name, p.columns[c].id].concat(f.map(function (g) { return p.fields[g].values[id][c]; }), d.marker ? [marker] : []));
      }); });
      v.csv[d.name] = csvText(d.header, rows);
      if (d.excel) v.csv[d.excel.name] = excelText(d.excel, rows);
    });
    return v;
  }

  /* The choice in one sentence (see widgets/figures/explorer.py, words). */
  function wordsOf(p, labels, s, field) {
    var w = p.words, key = labels.join("; ");
    var text = labels.length ? w.prefix + (w.named && w.named[key] ? w.named[key] : key) : w.empty;
    var range = s.start === s.end ? w.single : w.range;
    if (range) text += range.replace("{start}", p.columns[s.start].label).replace("{end}", p.columns[s.end].label);
    return text + (w.fields && w.fields[field] ? w.fields[field] : "");
  }

  function csvText(header, rows) {
    var quote = function (x) { var t = x === null || x === undefined ? "" : String(x); return /[",\n]/.test(t) ? '"' + t.replace(/"/g, '""') + '"' : t; };
    return [header].concat(rows).map(function (r) { return r.map(quote).join(","); }).join("\n") + "\n";
  }

  /* The spreadsheet twin of a download: byte order mark, semicolons, decimal commas in the
   * numeric columns, the block naming source, unit and edition above the table. */
  function excelText(e, rows) {
    var cell = function (x) { var t = x === null || x === undefined ? "" : String(x); return /[";\n]/.test(t) ? '"' + t.replace(/"/g, '""') + '"' : t; };
    var number = function (x, i) { return e.numbers.indexOf(i) >= 0 && x !== null && x !== undefined ? String(x).replace(".", ",") : x; };
    var lines = e.about.concat([[]], [e.header], rows.map(function (r) { return r.map(number); }));
    return "\ufeff" + lines.map(function (r) { return r.map(cell).join(";") + "\r\n"; }).join("");
  }

  BMH.view = view;
  BMH.formatNumber = formatNumber;

  /* ---- page glue: controls, URL, rendering, Vega ------------------------------------- */

  function readJSON(figure, cls) {
    var node = figure.querySelector("script." + cls);
    return node ? JSON.parse(node.textContent) : null;
  }

  function columnIndex(p, id) {
    for (var i = 0; i < p.columns.length; i++) if (p.columns[i].id === id) return i;
    return -1;
  }

  /* The state the controls show. */
  function stateOf(figure, p) {
    var s = { items: [], start: 0, end: p.columns.length - 1, field: p.url.field || null };
    var add = function (el) { el.getAttribute("data-items").split(" ").forEach(function (id) { if (id && s.items.indexOf(id) < 0) s.items.push(id); }); };
    figure.querySelectorAll("input[data-items]:checked, option[data-items]:checked").forEach(add);
    figure.querySelectorAll("[data-role]").forEach(function (el) {
      var role = el.getAttribute("data-role"), value = el.type === "radio" ? (el.checked ? el.value : null) : el.value;
      if (value === null) return;
      if (role === "start" || role === "column") s.start = columnIndex(p, value);
      if (role === "end" || role === "column") s.end = columnIndex(p, value);
      if (role === "field") s.field = value;
    });
    return s;
  }

  function named(figure) { return figure.querySelectorAll("select[name], input[name]"); }

  /* The URL parameters of the figure's current controls that differ from its first state. */
  function urlParams(figure, p, first) {
    var params = {}, key = p.url.key, items = checkedItems(figure);
    if (items !== first.items) params[key] = items;
    named(figure).forEach(function (el) {
      if (el.hasAttribute("data-items") || (el.type === "radio" && !el.checked)) return;
      if (el.value !== first[el.name]) params[key + "-" + el.name] = el.value;
    });
    return params;
  }

  /* The item ids of the checked boxes and radios, as they go into the address. */
  function checkedItems(figure) {
    var items = [];
    figure.querySelectorAll("input[data-items]:checked").forEach(function (el) { items = items.concat(el.getAttribute("data-items").split(" ").filter(Boolean)); });
    return items.join(",");
  }

  function snapshot(figure) {
    var first = { items: checkedItems(figure) };
    named(figure).forEach(function (el) { if (!el.hasAttribute("data-items") && (el.type !== "radio" || el.checked)) first[el.name] = el.value; });
    return first;
  }

  /* Sets the controls from the page address; returns Dutch sentences on what was left out. */
  function restore(figure, p, search) {
    var q = new URLSearchParams(search), key = p.url.key, notes = [], m = p.messages;
    var fill = function (t, o) { return t.replace(/\{(\w+)\}/g, function (_, k) { return o[k]; }); };
    var ours = Array.from(q.keys()).some(function (k) { return k === key || k.indexOf(key + "-") === 0; });
    var made = q.get("v") || p.edition.first;
    if (ours && made !== p.edition.number) figure.bmhOtherEdition = fill(m.edition, { made: made, label: p.edition.label });
    var byId = {};
    p.items.forEach(function (it) { byId[it.id] = it; });
    if (q.has(key)) {
      figure.querySelectorAll("input[data-items]").forEach(function (el) { el.checked = el.type === "radio" && el.value === ""; });
      var chosenBy = {}, unknown = [], elsewhere = [];
      q.get(key).split(",").filter(Boolean).forEach(function (code) {
        var el = figure.querySelector('input[data-items~="' + CSS.escape(code) + '"]');
        if (!el) {
          if (p.url.explain && p.url.explain[code]) notes.push(p.url.explain[code]);
          else if (byId[code]) elsewhere.push(byId[code].label);
          else unknown.push(code);
          return;
        }
        if (el.type === "radio" && chosenBy[el.name] && chosenBy[el.name].el !== el) {
          notes.push(fill(m.conflict, { code: byId[code] ? byId[code].label : code, other: chosenBy[el.name].label }));
          return;
        }
        el.checked = true;
        chosenBy[el.name] = { el: el, label: byId[code] ? byId[code].label : code };
      });
      if (unknown.length) notes.push(fill(m.unknown, { codes: unknown.join(", ") }));
      if (elsewhere.length) notes.push(fill(m.elsewhere, { labels: elsewhere.join("; ") }));
    }
    named(figure).forEach(function (el) {
      var value = q.get(key + "-" + el.name);
      if (value === null || el.hasAttribute("data-items")) return;
      if (el.type === "radio") { var match = figure.querySelector('input[name="' + el.name + '"][value="' + CSS.escape(value) + '"]'); if (match) match.checked = true; else notes.push(fill(m.badValue, { value: value })); }
      else if ([].some.call(el.options, function (o) { return o.value === value; })) el.value = value;
      else notes.push(fill(m.badValue, { value: value }));
    });
    return notes;
  }

  function renderTable(figure, v) {
    var table = figure.querySelector("table.bmh-live");
    if (!table) return;
    var head = table.querySelector("thead tr"), body = table.querySelector("tbody");
    head.textContent = "";
    v.header.forEach(function (h, i) { var th = document.createElement("th"); th.scope = "col"; if (i) th.className = "num"; th.textContent = h; head.appendChild(th); });
    body.textContent = "";
    v.rows.forEach(function (r) {
      var tr = document.createElement("tr");
      r.forEach(function (cell, i) {
        var el = document.createElement(i ? "td" : "th");
        if (i) el.className = "num"; else el.scope = "row";
        el.textContent = cell;
        tr.appendChild(el);
      });
      body.appendChild(tr);
    });
  }

  function renderMembers(figure, v) {
    var body = figure.querySelector("table.bmh-members tbody");
    if (!body) return;
    body.textContent = "";
    v.members.forEach(function (r) {
      var tr = document.createElement("tr");
      r.forEach(function (cell, i) {
        var el = document.createElement(i ? "td" : "th");
        if (!i) el.scope = "row";
        el.textContent = cell;
        tr.appendChild(el);
      });
      body.appendChild(tr);
    });
  }

  /* "Begin met": a package's boxes set to a report variant's measures (or none). */
  function applyPreset(figure, select) {
    var group = select.getAttribute("data-preset-group"), box = select.closest("[data-package]");
    var chosen = (select.selectedOptions[0].getAttribute("data-preset") || "").split(" ").filter(Boolean);
    box.querySelectorAll("input[data-items]").forEach(function (el) {
      var items = el.getAttribute("data-items").split(" ").filter(Boolean);
      el.checked = el.type === "radio" ? !items.length : items.length > 0 && items.every(function (id) { return chosen.indexOf(id) >= 0; });
    });
    return group;
  }

  function renderList(box, lines) {
    if (!box) return;
    box.textContent = "";
    if (!lines.length) return;
    var ul = document.createElement("ul");
    lines.forEach(function (t) { var li = document.createElement("li"); li.textContent = t; ul.appendChild(li); });
    box.appendChild(ul);
  }

  /* Vega and its expression interpreter (no eval: the pages forbid it), loaded once, when needed. */
  var vegaReady = null;
  function loadScript(name) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = new URL(name, SCRIPT.src).href;
      s.onload = resolve;
      s.onerror = function () { reject(new Error(name + " kon niet worden geladen")); };
      document.head.appendChild(s);
    });
  }
  function loadVega() {
    if (!vegaReady) vegaReady = loadScript("vendor/vega.min.js")
      .then(function () { return loadScript("vendor/vega-interpreter.js"); })
      .then(function () { return window.vega; });
    return vegaReady;
  }

  function draw(figure, p, s, rows) {
    return loadVega().then(function (vega) {
      var specs = readJSON(figure, "bmh-spec"), field = specs[s.field] ? s.field : Object.keys(specs)[0];
      if (!figure.bmhView || figure.bmhField !== field) {
        var box = figure.querySelector(".bmh-chart");
        if (figure.bmhView) figure.bmhView.finalize();
        box.textContent = "";
        figure.bmhView = new vega.View(vega.parse(specs[field], null, { ast: true }),
          { renderer: "svg", container: box, hover: true, locale: { number: p.locale }, expr: window.vegaInterpreter.expressionInterpreter });
        figure.bmhField = field;
      }
      return figure.bmhView.data("rows", rows).runAsync();
    }).then(function () {
      var svg = figure.querySelector(".bmh-chart svg");
      if (svg) svg.setAttribute("aria-hidden", "true");
      figure.setAttribute("data-drawn", "1");
    });
  }

  /* The CSV links get their file when the reader follows one (not on every change):
   * the current view's text, as a blob the browser saves. */
  function downloads(figure) {
    figure.querySelectorAll("a[data-csv]").forEach(function (a) {
      a.addEventListener("click", function () {
        var text = figure.bmhViewData.csv[a.getAttribute("data-csv")];
        if (a.bmhUrl) URL.revokeObjectURL(a.bmhUrl);
        a.bmhUrl = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
        a.href = a.bmhUrl;
      });
    });
  }

  /* Controls back to the page's own defaults: the address, not the browser's memory of
   * a form, decides what a figure shows after Back, Forward or reload. */
  function resetControls(figure) {
    figure.querySelectorAll("input").forEach(function (el) { el.checked = el.defaultChecked; });
    figure.querySelectorAll("option").forEach(function (el) { el.selected = el.defaultSelected; });
  }

  /* ---- export: the chart as the reader sees it, with its context inside the image --------- */

  function escapeXml(t) { return String(t).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;"); }

  /* Lines of at most `chars` characters, broken at spaces (a long word stands alone). */
  function wrap(text, chars) {
    var lines = [], line = "";
    String(text).split(/\s+/).filter(Boolean).forEach(function (word) {
      if (line && (line + " " + word).length > chars) { lines.push(line); line = word; }
      else line = line ? line + " " + word : word;
    });
    if (line) lines.push(line);
    return lines;
  }

  /* The chart (Vega's SVG of the current state) inside an image that also holds the title,
   * the choice in words, the unit, the source, the edition and the link: one SVG string. */
  function composeSvg(chartSvg, info, figure) {
    var doc = new DOMParser().parseFromString(chartSvg, "image/svg+xml").documentElement;
    var cw = parseFloat(doc.getAttribute("width")), ch = parseFloat(doc.getAttribute("height"));
    var pad = 12, width = Math.max(cw + 2 * pad, 480), chars = Math.floor((width - 2 * pad) / 6.6), y = pad, out = [];
    var text = function (t, size, weight, color) {
      var lineHeight = Math.round(size * 1.35);
      wrap(t, Math.floor(chars * 12 / size)).forEach(function (l) {
        y += lineHeight;
        out.push('<text x="' + pad + '" y="' + (y - lineHeight * 0.3) + '" font-size="' + size + '"' + (weight ? ' font-weight="' + weight + '"' : "")
          + ' fill="' + (color || "#1a1a1a") + '">' + escapeXml(l) + "</text>");
      });
    };
    var state = figure.bmhState || {}, unit = info.units[state.field] || info.units[""] || "";
    text(info.title, 15, "700");
    if (figure.bmhViewData && figure.bmhViewData.words) text(figure.bmhViewData.words, 12);
    if (unit) text("Eenheid: " + unit, 12);
    y += 6;
    doc.setAttribute("x", pad);
    doc.setAttribute("y", y);
    var chart = new XMLSerializer().serializeToString(doc);
    y += ch + 6;
    text(info.source, 11, null, "#333");
    text(info.edition + ".", 11, null, "#333");
    var link = figure.querySelector("a.bmh-link");
    text("Link: " + new URL(link && link.getAttribute("href") ? link.getAttribute("href") : window.location.href, window.location.href).href, 10, null, "#333");
    var height = Math.ceil(y + pad);
    return '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="' + width + '" height="' + height
      + '" viewBox="0 0 ' + width + " " + height + '" font-family="sans-serif"><title>' + escapeXml(info.title) + "</title>"
      + '<rect width="100%" height="100%" fill="#ffffff"/>' + out.slice(0).join("") + chart + "</svg>";
  }

  function save(blob, name) {
    var a = document.createElement("a"), url = URL.createObjectURL(blob);
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  /* The current state as SVG text (drawn by Vega first if it was not yet). */
  function exportSvg(figure, p) {
    var info = readJSON(figure, "bmh-export"), pending = figure.bmhPending || Promise.resolve();
    return pending.then(function () {
      if (!figure.bmhViewData || !figure.bmhViewData.chart.length) throw new Error("er is nu geen grafiek om te bewaren");
      return figure.bmhView ? null : draw(figure, p, figure.bmhState, figure.bmhViewData.chart);
    }).then(function () { return figure.bmhView.toSVG(); })
      .then(function (svg) { return composeSvg(svg, info, figure); });
  }

  function exportImage(figure, p, format) {
    var message = figure.querySelector(".bmh-message");
    return exportSvg(figure, p).then(function (svg) {
      var blob = new Blob([svg], { type: "image/svg+xml;charset=utf-8" });
      if (format === "svg") { save(blob, figure.id + ".svg"); return svg; }
      return new Promise(function (resolve, reject) {
        var img = new Image(), url = URL.createObjectURL(blob);
        img.onload = function () {
          var canvas = document.createElement("canvas"), scale = 2;
          canvas.width = img.width * scale;
          canvas.height = img.height * scale;
          var ctx = canvas.getContext("2d");
          ctx.scale(scale, scale);
          ctx.drawImage(img, 0, 0);
          URL.revokeObjectURL(url);
          canvas.toBlob(function (png) { save(png, figure.id + ".png"); resolve(svg); }, "image/png");
        };
        img.onerror = function () { reject(new Error("de afbeelding kon niet worden gemaakt")); };
        img.src = url;
      });
    }).catch(function (error) { message.textContent = "Bewaren lukte niet: " + error.message + "."; throw error; });
  }
  BMH.exportSvg = exportSvg;

  /* "Insluiten": the <iframe> of this figure's embed page (widgets/site/embed.py) with the
   * reader's choice, and a citation line naming the edition and the chapter. */
  function embedCode(figure, search) {
    var box = figure.querySelector(".bmh-embed");
    if (!box || document.body.classList.contains("bmh-embed-page")) return;
    figure.bmhSearch = search;
    if (!box.open) return;  // filled when opened: the iframe's height needs a layout
    var stem = window.location.pathname.split("/").pop().replace(/\.html$/, "") || "index";
    var src = new URL("../insluiten/" + stem + "-" + figure.id + ".html" + search, window.location.href).href;
    var chapter = new URL(window.location.pathname + search + "#" + figure.id, window.location.href).href;
    var info = readJSON(figure, "bmh-export") || {}, title = info.title || figure.querySelector("figcaption").textContent;
    box.querySelector(".bmh-embed-code").value = '<iframe src="' + escapeXml(src) + '" title="' + escapeXml(title)
      + '" width="100%" height="' + Math.max(600, Math.round(figure.offsetHeight || 900)) + '" style="border:0" loading="lazy"></iframe>';
    box.querySelector(".bmh-embed-cite").textContent = title + ". " + (info.edition ? info.edition + ". " : "") + chapter;
  }

  /* "Afdrukken": this figure alone on paper (bmh.css, html.bmh-print-one), with its
   * choice in words, table, notes, source, edition and link; the page returns after printing. */
  function printAlone(figure) {
    var root = document.documentElement;
    root.classList.add("bmh-print-one");
    figure.classList.add("bmh-print-target");
    for (var el = figure.parentElement; el && el !== root; el = el.parentElement) el.classList.add("bmh-print-path");
    window.addEventListener("afterprint", function undo() {
      window.removeEventListener("afterprint", undo);
      root.classList.remove("bmh-print-one");
      figure.classList.remove("bmh-print-target");
      document.querySelectorAll(".bmh-print-path").forEach(function (el) { el.classList.remove("bmh-print-path"); });
    });
    window.print();
  }

  function setup(figure) {
    var p = readJSON(figure, "bmh-payload");
    var message = figure.querySelector(".bmh-message"), words = figure.querySelector(".bmh-words");
    resetControls(figure);
    var first = snapshot(figure);
    var drawn = JSON.stringify(view(p, stateOf(figure, p)).chart);  // what the build-time drawing shows
    var restored = restore(figure, p, window.location.search);
    figure.querySelectorAll(".bmh-controls details").forEach(function (d) {  // a link's choices in sight
      if (d.querySelector("input[data-items]:checked:not([value=''])")) d.open = true;
    });
    var current = null;

    function done() { figure.setAttribute("data-rendered", "1"); }
    function fail(error) {
      message.textContent = "Deze figuur kon niet worden getekend: " + error;
      figure.setAttribute("data-rendered", "error");
      console.error(error);
    }

    function update(fromReader) {
      var s = stateOf(figure, p), v = view(p, s);
      message.textContent = (fromReader ? [] : restored).concat(v.message ? [v.message] : []).join(" ");
      if (figure.bmhOtherEdition && !fromReader) {  // a link of another edition: say so, with the changelog
        var note = document.createElement("span"), changes = document.createElement("a");
        changes.href = p.edition.changes;
        changes.textContent = "Wijzigingen";
        note.textContent = (message.textContent ? " " : "") + figure.bmhOtherEdition + " ";
        note.appendChild(changes);
        message.appendChild(note);
      }
      var blocked = Boolean(v.message) && !v.header.length;  // nothing to show: keep the last view, greyed
      figure.classList.toggle("bmh-stale", blocked);
      if (blocked) return Promise.resolve(v);
      renderTable(figure, v);
      renderMembers(figure, v);
      renderList(figure.querySelector(".bmh-notes"), v.notes);
      if (words) words.textContent = v.words || "";
      var url = new URL(window.location.href), params = urlParams(figure, p, first);
      [p.url.key].concat([].map.call(named(figure), function (el) { return p.url.key + "-" + el.name; }))
        .forEach(function (k) { url.searchParams.delete(k); });
      Object.keys(params).forEach(function (k) { url.searchParams.set(k, params[k]); });
      url.searchParams.delete("v");  // a link with a choice names the edition it was made with
      if (url.searchParams.toString()) url.searchParams.set("v", p.edition.number);
      var link = figure.querySelector("a.bmh-link");
      if (link) { link.href = url.pathname + url.search + "#" + figure.id; link.setAttribute("data-url", link.href); }
      embedCode(figure, url.search);
      if (fromReader) window.history.replaceState(null, "", url.pathname + url.search + url.hash);
      figure.bmhState = s;
      figure.bmhViewData = v;
      current = { state: s, view: v };
      figure.classList.toggle("bmh-nochart", !v.chart.length);  // the message says why; Vega is not asked to draw nothing
      if (!v.chart.length) return Promise.resolve();
      return figure.bmhView || JSON.stringify(v.chart) !== drawn ? draw(figure, p, s, v.chart) : Promise.resolve();
    }

    figure.addEventListener("change", function (e) {
      if (e.target.hasAttribute("data-preset-group")) applyPreset(figure, e.target);
      if (e.target.closest(".bmh-controls")) figure.bmhPending = update(true).then(done, fail);
    });
    figure.querySelectorAll("button[data-action=clear]").forEach(function (button) {
      button.addEventListener("click", function () {
        figure.querySelectorAll("input[data-items]").forEach(function (el) { el.checked = el.type === "radio" && el.value === ""; });
        figure.querySelectorAll("select[data-preset-group]").forEach(function (el) { el.value = ""; });
        update(true).then(done, fail);
      });
    });
    downloads(figure);
    var embed = figure.querySelector(".bmh-embed");
    if (embed) embed.addEventListener("toggle", function () { embedCode(figure, figure.bmhSearch || ""); });
    figure.querySelectorAll("button[data-action^=export-]").forEach(function (button) {
      button.addEventListener("click", function () { exportImage(figure, p, button.getAttribute("data-action").slice(7)).catch(function () {}); });
    });
    figure.querySelectorAll("button[data-action=print-figure]").forEach(function (button) {
      button.addEventListener("click", function () { printAlone(figure); });
    });
    window.addEventListener("pageshow", function (e) {
      if (e.persisted) { resetControls(figure); restored = restore(figure, p, window.location.search); update(false).then(done, fail); }
    });
    var near = function () { if (current && !figure.bmhView) draw(figure, p, current.state, current.view.chart).catch(fail); };
    if ("IntersectionObserver" in window) {
      new IntersectionObserver(function (entries, observer) {
        if (entries.some(function (e) { return e.isIntersecting; })) { observer.disconnect(); near(); }
      }, { rootMargin: "200px" }).observe(figure);
    }
    return update(false).then(done, fail);
  }

  function start() { document.querySelectorAll(".bmh-figure[data-kind]").forEach(setup); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
