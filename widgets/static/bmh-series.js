/* Time-series explorers, website face. Mirrors widgets/series.py (series_table,
 * missing_notes) and widgets/series_figures.py (table_frame): chosen series and
 * years, counts or shares of a reference total, sums over the series that have
 * a number, "niet beschikbaar" (never 0) where the data has none. */
(function () {
  "use strict";
  var BMH = (window.BMH = window.BMH || { kinds: {} });
  var ROUND = 1e6;
  var NOT_AVAILABLE = "niet beschikbaar";

  function round(x) { var r = Math.round(x * ROUND) / ROUND; return r === 0 ? 0 : r; }

  /* {years: [...], columns: {series: [v|null]}, total: [..]|null}; throws like SeriesError. */
  function table(p, chosenIn, start, end, mode) {
    var unknown = chosenIn.filter(function (s) { return p.series.indexOf(s) < 0; });
    if (unknown.length) throw new Error("onbekende reeks " + unknown.join(", "));
    var first = p.years[0], last = p.years[p.years.length - 1];
    [start, end].forEach(function (y) { if (y < first || y > last) throw new Error("jaar " + y + " valt buiten de gegevens (" + first + "-" + last + ")"); });
    if (start > end) throw new Error("beginjaar " + start + " ligt na eindjaar " + end);
    var chosen = p.series.filter(function (s) { return chosenIn.indexOf(s) >= 0 || p.always.indexOf(s) >= 0; });
    if (!chosen.length) throw new Error("kies ten minste één reeks");
    if (mode === "share" && !Object.keys(p.reference).length) throw new Error("geen totaal om een aandeel van te berekenen");
    var years = p.years.filter(function (y) { return y >= start && y <= end; });
    var columns = {}, total = (mode === "count" && p.totalLabel) ? [] : null;
    chosen.forEach(function (s) {
      columns[s] = years.map(function (y) {
        var v = p.values[s][p.years.indexOf(y)];
        if (v === null) return null;
        return mode === "share" ? round(v / p.reference[String(y)] * 100) : round(v);
      });
    });
    if (total) years.forEach(function (y, i) {
      var sum = 0, any = false;
      chosen.forEach(function (s) { if (columns[s][i] !== null) { sum += columns[s][i]; any = true; } });
      total.push(any ? round(sum) : null);  // no number at all: missing, not 0
    });
    return { years: years, chosen: chosen, columns: columns, total: total, mode: mode };
  }

  function cellText(p, t, s, i) {
    var v = t.columns[s][i];
    if (v === null) return NOT_AVAILABLE;
    if (t.mode !== "share") return BMH.formatNumber(v);
    var text = v.toFixed(1).replace(".", ",") + "%";
    var printed = p.printedShare[s + "/" + t.years[i]];
    return printed === undefined ? text : text + " (gedrukt: " + BMH.formatNumber(printed) + "%)";
  }

  function render(figure, p, t) {
    var tableEl = figure.querySelector("table.bmh-table");
    var headRow = tableEl.querySelector("thead tr");
    var body = tableEl.querySelector("tbody");
    var labels = ["Jaar"].concat(t.chosen.map(function (s) { return p.labels[s]; }));
    if (t.total) labels.push(p.totalLabel);
    headRow.textContent = "";
    labels.forEach(function (label, i) {
      var th = document.createElement("th");
      th.setAttribute("scope", "col");
      if (i > 0) th.className = "num";
      th.textContent = label;
      headRow.appendChild(th);
    });
    body.textContent = "";
    t.years.forEach(function (y, i) {
      var tr = document.createElement("tr");
      var th = document.createElement("th");
      th.setAttribute("scope", "row");
      th.textContent = String(y);
      tr.appendChild(th);
      var cells = t.chosen.map(function (s) { return cellText(p, t, s, i); });
      if (t.total) cells.push(t.total[i] === null ? NOT_AVAILABLE : BMH.formatNumber(t.total[i]));
      cells.forEach(function (text) { var td = document.createElement("td"); td.className = "num"; td.textContent = text; tr.appendChild(td); });
      body.appendChild(tr);
    });
    // notes on missing values, grouped by series and note
    var groups = [], index = {};
    t.chosen.forEach(function (s) {
      t.years.forEach(function (y, i) {
        if (t.columns[s][i] !== null) return;
        var note = p.notes[s][p.years.indexOf(y)] || "";
        var key = s + "\u0000" + note;
        if (!(key in index)) { index[key] = groups.length; groups.push([p.labels[s], [], note]); }
        groups[index[key]][1].push(y);
      });
    });
    var box = figure.querySelector(".bmh-notes");
    box.textContent = "";
    if (groups.length) {
      var ul = document.createElement("ul");
      groups.forEach(function (g) {
        var li = document.createElement("li");
        li.textContent = g[0] + ", " + g[1].join(", ") + ": " + NOT_AVAILABLE + ". " + g[2];
        ul.appendChild(li);
      });
      box.appendChild(ul);
    }
  }

  function chartRows(p, t) {
    var rows = [];
    t.chosen.forEach(function (s) {
      t.years.forEach(function (y, i) {
        if (t.columns[s][i] !== null) rows.push({ jaar: y, reeks: p.labels[s], waarde: t.columns[s][i] });
      });
    });
    return rows;
  }

  function csvText(p, t) {
    var header = ["jaar"].concat(t.chosen);
    if (t.total) header.push("totaal");
    var lines = [header.join(",")];
    t.years.forEach(function (y, i) {
      var cells = [String(y)].concat(t.chosen.map(function (s) { return t.columns[s][i] === null ? "" : String(t.columns[s][i]); }));
      if (t.total) cells.push(t.total[i] === null ? "" : String(t.total[i]));
      lines.push(cells.join(","));
    });
    return lines.join("\n") + "\n";
  }

  BMH.series = { table: table, csvText: csvText };

  BMH.kinds.series = function (figure, view, p) {
    var controls = figure.querySelector(".bmh-controls");
    var message = BMH.messageBox(figure);
    var setCsv = BMH.csvLink(figure);

    function read() {
      var chosen = [];
      controls.querySelectorAll("input[name=series]:checked").forEach(function (b) { chosen.push(b.value); });
      var mode = controls.querySelector("input[name=mode]:checked");
      return {
        chosen: chosen,
        start: Number(controls.querySelector("select[name=start]").value),
        end: Number(controls.querySelector("select[name=end]").value),
        mode: mode ? mode.value : "count"
      };
    }

    function update() {
      var r = read(), t;
      try { t = table(p, r.chosen, r.start, r.end, r.mode); } catch (e) { BMH.showError(figure, message, e.message); return; }
      BMH.showError(figure, message, null);
      render(figure, p, t);
      setCsv(csvText(p, t));
      figure.bmhTable = t;
      if (view) return view.data("rows", chartRows(p, t)).runAsync();
    }
    controls.addEventListener("change", update);
    return update();
  };
})();
