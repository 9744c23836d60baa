/* Dublin explorer, website face. Mirrors widgets/dublin.py rates(): per chosen
 * country and year, outgoing requests and transfers (Eurostat) and the rate
 * transfers per 100 requests, only where both counts exist. */
(function () {
  "use strict";
  var BMH = (window.BMH = window.BMH || { kinds: {} });
  var NOT_AVAILABLE = "niet beschikbaar";

  function round(x) { var r = Math.round(x * 1e6) / 1e6; return r === 0 ? 0 : r; }

  /* [{geo, year, requests|null, transfers|null, rate|null}], ordered by chosen geo then year. */
  function rates(p, geos, start, end) {
    var unknown = geos.filter(function (g) { return p.geos.indexOf(g) < 0; });
    if (unknown.length) throw new Error("onbekend land " + unknown.join(", "));
    var first = p.years[0], last = p.years[p.years.length - 1];
    [start, end].forEach(function (y) { if (y < first || y > last) throw new Error("jaar " + y + " valt buiten de gegevens (" + first + "-" + last + ")"); });
    if (start > end) throw new Error("beginjaar " + start + " ligt na eindjaar " + end);
    var rows = [];
    geos.forEach(function (g) {
      var byYear = {};
      p.obs.forEach(function (o) {
        if (o.geo !== g || o.year < start || o.year > end) return;
        var r = byYear[o.year] || (byYear[o.year] = { geo: g, year: o.year, requests: null, transfers: null });
        if (r[o.kind] === null) r[o.kind] = o.value;
      });
      Object.keys(byYear).map(Number).sort(function (a, b) { return a - b; }).forEach(function (y) {
        var r = byYear[y];
        r.rate = r.requests !== null && r.transfers !== null ? round(r.transfers / r.requests * 100) : null;
        rows.push(r);
      });
    });
    return rows;
  }

  function text(v, percent) {
    if (v === null) return NOT_AVAILABLE;
    return percent ? v.toFixed(1).replace(".", ",") + "%" : BMH.formatNumber(v);
  }

  BMH.dublin = { rates: rates };

  BMH.kinds.dublin = function (figure, view, p) {
    var controls = figure.querySelector(".bmh-controls");
    var message = BMH.messageBox(figure);
    var setCsv = BMH.csvLink(figure);

    function update() {
      var geos = [];
      controls.querySelectorAll("input[name=geo]:checked").forEach(function (b) { geos.push(b.value); });
      var start = Number(controls.querySelector("select[name=start]").value);
      var end = Number(controls.querySelector("select[name=end]").value);
      var rows;
      try { rows = rates(p, geos, start, end); } catch (e) { BMH.showError(figure, message, e.message); return; }
      BMH.showError(figure, message, null);
      if (!geos.length) message.textContent = "Kies ten minste één land.";
      var body = figure.querySelector("table.bmh-table tbody");
      body.textContent = "";
      rows.forEach(function (r) {
        var tr = document.createElement("tr");
        var th = document.createElement("th");
        th.setAttribute("scope", "row");
        th.textContent = p.labels[r.geo];
        tr.appendChild(th);
        [String(r.year), text(r.requests), text(r.transfers), text(r.rate, true)].forEach(function (t, i) {
          var td = document.createElement("td");
          td.className = "num";
          td.textContent = t;
          tr.appendChild(td);
        });
        body.appendChild(tr);
      });
      var lines = ["land,jaar,uitgaande_verzoeken,uitgaande_overdrachten,overdrachten_per_100_verzoeken"];
      rows.forEach(function (r) {
        lines.push([r.geo, r.year, r.requests === null ? "" : r.requests, r.transfers === null ? "" : r.transfers, r.rate === null ? "" : r.rate].join(","));
      });
      setCsv(lines.join("\n") + "\n");
      figure.bmhRows = rows;
      var chartRows = rows.filter(function (r) { return r.rate !== null; }).map(function (r) { return { land: p.labels[r.geo], jaar: r.year, percentage: r.rate }; });
      if (view) return view.data("rows", chartRows).runAsync();
    }
    controls.addEventListener("change", update);
    return update();
  };
})();
