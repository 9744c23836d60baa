/* Figures of the interactive edition: draws each .bmh-figure with Vega (served
 * from this site) and wires its controls. The numbers come from the payload the
 * Python model wrote into the page; figure kinds with their own logic register in
 * window.BMH.kinds. No network requests beyond this site. */
(function () {
  "use strict";
  var NL_FORMAT = { decimal: ",", thousands: ".", grouping: [3], currency: ["€ ", ""], minus: "\u2212" };
  var BMH = (window.BMH = window.BMH || { kinds: {} });
  BMH.formatLocale = NL_FORMAT;

  /* Dutch number for readers: 59310 -> "59.310", -1.85 -> "−1,85" (max 2 decimals, trimmed). */
  BMH.formatNumber = function (value, decimals) {
    var d = decimals === undefined ? 2 : decimals;
    var abs = Math.abs(value);
    var fixed = abs.toFixed(d);
    if (d > 0) fixed = fixed.replace(/0+$/, "").replace(/\.$/, "");
    var parts = fixed.split(".");
    var intPart = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ".");
    var text = parts.length > 1 ? intPart + "," + parts[1] : intPart;
    if (/^[0.,]*$/.test(text)) return "0";
    return (value < 0 ? "\u2212" : "") + text;
  };

  /* A live message line under a figure's controls (role=alert). */
  BMH.messageBox = function (figure) {
    var message = document.createElement("p");
    message.className = "bmh-error";
    message.setAttribute("role", "alert");
    figure.querySelector(".bmh-controls").appendChild(message);
    return message;
  };

  /* Shows an error for a choice the data cannot answer, and greys out the
   * table and chart, which still show the previous choice; null clears it. */
  BMH.showError = function (figure, message, error) {
    message.textContent = error ? error + " (de figuur toont nog de vorige keuze)" : "";
    figure.classList.toggle("bmh-stale", Boolean(error));
  };

  /* Points the figure's "download CSV" link at the given text (a blob URL, replaced on each call). */
  BMH.csvLink = function (figure) {
    var url = null;
    return function (text) {
      if (url) URL.revokeObjectURL(url);
      url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
      figure.querySelector("a.bmh-csv").setAttribute("href", url);
    };
  };

  function readJSON(figure, cls) {
    var node = figure.querySelector("script." + cls);
    return node ? JSON.parse(node.textContent) : null;
  }

  BMH.embed = function (figure, spec) {
    var target = figure.querySelector(".bmh-chart");
    var options = { renderer: "svg", actions: false, mode: "vega-lite", formatLocale: NL_FORMAT };
    return window.vegaEmbed(target, spec, options).then(function (result) {
      figure.vegaView = result.view;
      return result.view;
    });
  };

  function show(figure) {
    var spec = readJSON(figure, "bmh-spec");
    var payload = readJSON(figure, "bmh-payload");
    var kind = BMH.kinds[figure.getAttribute("data-kind")];
    figure.querySelectorAll("[data-needs-js]").forEach(function (el) { el.hidden = false; });
    var ready = spec ? BMH.embed(figure, spec) : Promise.resolve(null);
    ready
      .then(function (view) { return kind ? kind(figure, view, payload) : null; })
      .then(function () { figure.setAttribute("data-rendered", "1"); })
      .catch(function (error) {
        var box = figure.querySelector(".bmh-chart") || figure;
        var message = document.createElement("p");
        message.className = "bmh-error";
        message.setAttribute("role", "alert");
        message.textContent = "Deze figuur kon niet worden getekend: " + error;
        box.appendChild(message);
        figure.setAttribute("data-rendered", "error");
        console.error(error);
      });
  }

  function start() {
    document.querySelectorAll(".bmh-figure").forEach(show);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
