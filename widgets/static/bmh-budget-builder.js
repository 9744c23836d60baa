/* Budget package builder, website face. Mirrors widgets/budget.py:
 * package_totals (sums per period of positive and negative canonical amounts,
 * unquantified cells never summed, rounded to 6 decimals), unquantified cells
 * and double-count warnings. The selection is kept in the URL (?pakket=a,b). */
(function () {
  "use strict";
  var BMH = (window.BMH = window.BMH || { kinds: {} });
  var ROUND = 1e6;
  var MARKER_LABELS = {
    unquantified_cost: "+ (extra kosten, niet becijferd)",
    unquantified: "- (niet becijferd)",
    depends_on_inflow: "afhankelijk van de instroom"
  };

  function round(x) { var r = Math.round(x * ROUND) / ROUND; return r === 0 ? 0 : r; }

  /* Totals of a package: {periods: [...], extra: [...], savings: [...], saldo: [...]}.
   * Throws an Error for an unknown code or two options of one group, as the Python model does. */
  function totals(payload, codes) {
    var byCode = {};
    payload.measures.forEach(function (m) { byCode[m.code] = m; });
    var optionOf = {};
    Object.keys(payload.groups).forEach(function (g) {
      Object.keys(payload.groups[g]).forEach(function (o) {
        payload.groups[g][o].forEach(function (code) { optionOf[code] = [g, o]; });
      });
    });
    var chosen = {};
    codes.forEach(function (code) {
      if (!byCode[code]) throw new Error("onbekende maatregel " + code);
      var go = optionOf[code];
      if (go) {
        if (chosen[go[0]] && chosen[go[0]] !== go[1]) throw new Error("groep " + go[0] + " staat één optie toe");
        chosen[go[0]] = go[1];
      }
    });
    var n = payload.periods.length, extra = [], savings = [], saldo = [];
    for (var i = 0; i < n; i++) { extra.push(0); savings.push(0); }
    var unique = codes.filter(function (c, i) { return codes.indexOf(c) === i; });
    unique.forEach(function (code) {
      byCode[code].values.forEach(function (v, i) {
        if (v === null) return;
        if (v > 0) extra[i] += v; else savings[i] += v;
      });
    });
    for (i = 0; i < n; i++) { extra[i] = round(extra[i]); savings[i] = round(savings[i]); saldo.push(round(extra[i] + savings[i])); }
    return { periods: payload.periods, extra: extra, savings: savings, saldo: saldo };
  }

  function selectionFromControls(figure, payload) {
    var codes = [];
    figure.querySelectorAll('input[type=checkbox][name=measure]:checked').forEach(function (box) { codes.push(box.value); });
    figure.querySelectorAll("input[type=radio][data-group]:checked").forEach(function (radio) {
      if (radio.value) codes = codes.concat(payload.groups[radio.getAttribute("data-group")][radio.value]);
    });
    var order = payload.measures.map(function (m) { return m.code; });
    return codes.sort(function (a, b) { return order.indexOf(a) - order.indexOf(b); });
  }

  function applyToControls(figure, payload, codes) {
    figure.querySelectorAll('input[type=checkbox][name=measure]').forEach(function (box) { box.checked = codes.indexOf(box.value) >= 0; });
    var groupsSeen = {};
    figure.querySelectorAll("input[type=radio][data-group]").forEach(function (radio) {
      var group = radio.getAttribute("data-group");
      var members = radio.value ? payload.groups[group][radio.value] : [];
      var on = radio.value ? members.some(function (c) { return codes.indexOf(c) >= 0; }) : false;
      radio.checked = on;
      if (on) groupsSeen[group] = true;
    });
    figure.querySelectorAll('input[type=radio][data-group][value=""]').forEach(function (radio) {
      radio.checked = !groupsSeen[radio.getAttribute("data-group")];
    });
  }

  function renderTable(figure, payload, t) {
    var rows = { extra: "Extra uitgaven", savings: "Besparingen", saldo: "Saldo" };
    var body = figure.querySelector("table.bmh-table tbody");
    body.querySelectorAll("tr").forEach(function (tr) {
      var label = tr.querySelector("th").textContent;
      var key = Object.keys(rows).filter(function (k) { return rows[k] === label; })[0];
      tr.querySelectorAll("td").forEach(function (td, i) { td.textContent = BMH.formatNumber(t[key][i]); });
    });
  }

  function renderNotes(figure, payload, codes) {
    var items = [];
    var byCode = {};
    payload.measures.forEach(function (m) { byCode[m.code] = m; });
    codes.forEach(function (code) {
      var m = byCode[code], groups = {};
      m.markers.forEach(function (marker, i) {
        if (!marker) return;
        (groups[marker] = groups[marker] || []).push(payload.periodLabels[i]);
      });
      Object.keys(groups).forEach(function (marker) {
        items.push("Niet opgeteld: " + code + " " + m.title + ": " + MARKER_LABELS[marker] + " (" + groups[marker].join(", ") + ")");
      });
    });
    payload.warnings.forEach(function (w) {
      if (codes.indexOf(w.measure_a) >= 0 && codes.indexOf(w.measure_b) >= 0)
        items.push("Let op: " + w.measure_a + " en " + w.measure_b + ": " + w.reason);
    });
    var box = figure.querySelector(".bmh-notes");
    box.textContent = "";
    if (!items.length) return;
    var ul = document.createElement("ul");
    items.forEach(function (text) { var li = document.createElement("li"); li.textContent = text; ul.appendChild(li); });
    box.appendChild(ul);
  }

  function csvText(payload, codes, t) {
    var header = ["maatregel", "titel"].concat(payload.periods);
    var lines = [header.join(",")];
    function quote(s) { return /[",\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s; }
    payload.measures.forEach(function (m) {
      if (codes.indexOf(m.code) < 0) return;
      var cells = m.values.map(function (v, i) { return v === null ? m.markers[i] : String(v); });
      lines.push([m.code, quote(m.title)].concat(cells).join(","));
    });
    [["totaal_extra", "Extra uitgaven", t.extra], ["totaal_besparingen", "Besparingen", t.savings], ["saldo", "Saldo", t.saldo]].forEach(function (r) {
      lines.push([r[0], r[1]].concat(r[2].map(String)).join(","));
    });
    return lines.join("\n") + "\n";
  }

  function chartRows(payload, t) {
    var rows = [];
    payload.periodLabels.forEach(function (label, i) {
      rows.push({ periode: label, soort: "Extra uitgaven", bedrag: t.extra[i] });
      rows.push({ periode: label, soort: "Besparingen", bedrag: t.savings[i] });
      rows.push({ periode: label, soort: "Saldo", bedrag: t.saldo[i] });
    });
    return rows;
  }

  function readUrl(payload) {
    var raw = new URLSearchParams(window.location.search).get("pakket");
    if (raw === null) return null;
    var known = payload.measures.map(function (m) { return m.code; });
    var codes = raw.split(",").filter(function (c) { return c; });
    return { codes: codes.filter(function (c) { return known.indexOf(c) >= 0; }), unknown: codes.filter(function (c) { return known.indexOf(c) < 0; }) };
  }

  function linkFor(codes) {
    var url = new URL(window.location.href);
    url.searchParams.set("pakket", codes.join(","));
    return url.pathname + url.search + url.hash;
  }

  BMH.budget = { totals: totals, csvText: csvText };

  BMH.kinds["budget-builder"] = function (figure, view, payload) {
    var message = BMH.messageBox(figure);
    var setCsv = BMH.csvLink(figure);

    function update(codes, fromUser) {
      var t;
      try { t = totals(payload, codes); } catch (e) { message.textContent = String(e.message); return; }
      renderTable(figure, payload, t);
      renderNotes(figure, payload, codes);
      var link = linkFor(codes);
      figure.querySelector("a.bmh-link").setAttribute("href", link);
      if (fromUser) window.history.replaceState(null, "", link);
      setCsv(csvText(payload, codes, t));
      figure.bmhSelection = codes;
      figure.bmhTotals = t;
      if (view) view.data("totals", chartRows(payload, t)).runAsync();
    }

    var fromUrl = readUrl(payload);
    var start = fromUrl ? fromUrl.codes : [];
    if (fromUrl && fromUrl.unknown.length) message.textContent = "Onbekende maatregel(en) in de link genegeerd: " + fromUrl.unknown.join(", ");
    try { totals(payload, start); } catch (e) { message.textContent = "De link bevat een keuze die niet samengaat (" + e.message + "); het pakket begint leeg."; start = []; }
    var shown = {};
    figure.querySelectorAll("input[name=measure], input[data-group]").forEach(function (i) {
      if (i.value) (i.getAttribute("data-group") ? payload.groups[i.getAttribute("data-group")][i.value] : [i.value]).forEach(function (c) { shown[c] = true; });
    });
    var hidden = start.filter(function (c) { return !shown[c]; });
    if (hidden.length) message.textContent = (message.textContent ? message.textContent + " " : "") + "Niet op deze pagina te kiezen (zie het overzicht van alle maatregelen): " + hidden.join(", ");
    applyToControls(figure, payload, start);
    // open the variants that hold a chosen measure
    figure.querySelectorAll("details.bmh-variant").forEach(function (d) {
      if (d.querySelector('input[type=checkbox]:checked, input[type=radio]:checked:not([value=""])')) d.open = true;
    });
    update(selectionFromControls(figure, payload), false);

    figure.querySelector(".bmh-controls").addEventListener("change", function () {
      message.textContent = "";
      update(selectionFromControls(figure, payload), true);
    });
    figure.querySelectorAll("button[data-action]").forEach(function (button) {
      button.addEventListener("click", function () {
        message.textContent = "";
        applyToControls(figure, payload, []);
        update(selectionFromControls(figure, payload), true);
      });
    });
  };
})();
