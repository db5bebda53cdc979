// Offline world map: Natural Earth country shapes shipped with the package, countries shaded by
// how many matching events are placed in them, places with coordinates drawn as circles.
// Equirectangular projection; no tiles, nothing fetched from outside this server.
"use strict";
(function () {
  const box = document.getElementById("map");
  if (!box) return;
  const W = 1000, H = 520, TOP = 84, BOTTOM = -58; // latitudes shown (Antarctica left out)
  const x = (lon) => ((lon + 180) / 360) * W;
  const y = (lat) => ((TOP - lat) / (TOP - BOTTOM)) * H;

  function pathOf(geometry) {
    let d = "";
    for (const polygon of geometry.coordinates) {
      for (const ring of polygon) {
        ring.forEach((p, i) => { d += (i ? "L" : "M") + x(p[0]).toFixed(1) + "," + y(p[1]).toFixed(1); });
        d += "Z";
      }
    }
    return d;
  }

  function shade(count, max) {
    if (!count) return "#e3e7eb";
    const t = Math.log(1 + count) / Math.log(1 + max);
    const from = [198, 219, 239], to = [8, 69, 148];
    return "rgb(" + from.map((v, i) => Math.round(v + (to[i] - v) * t)).join(",") + ")";
  }

  function draw(shapes, stats, places) {
    box.textContent = "";
    const counts = new Map(stats.by_country.map((c) => [c.country, c.count]));
    const max = Math.max(1, ...counts.values());
    const root = EW.svg("svg", { viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": "map of events" }, box);
    EW.svg("rect", { width: W, height: H, fill: "#f3f7fb" }, root);
    for (const f of shapes.features) {
      const n = counts.get(f.properties.iso3) || 0;
      const path = EW.svg("path", { d: pathOf(f.geometry), fill: shade(n, max), class: "country" }, root);
      EW.tooltip(path, f.properties.name + (f.properties.iso3 ? " (" + f.properties.iso3 + ")" : "") + ": " + n + " events");
    }
    const maxPlace = Math.max(1, ...places.map((p) => p.count));
    for (const p of places.slice().reverse()) {
      const c = EW.svg("circle", { cx: x(p.lon), cy: y(p.lat), r: 2.5 + 12 * Math.sqrt(p.count / maxPlace), fill: EW.goldColor(p.goldstein), class: "place" }, root);
      EW.tooltip(c, p.name + (p.country ? ", " + p.country : "") + ": " + p.count + " events, mean Goldstein " + p.goldstein);
    }
    EW.zoomable(root, W, H, box);
    if (!stats.events) EW.note(box, "No events match the filters: nothing to place on the map.");
    else if (!counts.size && !places.length) EW.note(box, "None of the " + stats.events + " matching events has a known place.");
    const caption = document.createElement("p");
    caption.className = "summary caption";
    caption.textContent = stats.events + " events; " + places.length + " places with coordinates; " + counts.size + " countries.";
    box.appendChild(caption);
  }

  const q = EW.filterQuery();
  Promise.all([
    EW.getJSON(box.dataset.shapes),
    EW.getJSON("/api/stats" + q),
    EW.getJSON("/api/places" + q),
  ]).then(([shapes, stats, places]) => draw(shapes, stats, places)).catch((e) => EW.note(box, "Could not load the chart: " + e.message, "error"));
})();
