// The dyad view's chart: events per ISO week stacked by quad class, the week's mean Goldstein as a
// line on the right axis (−10…10), and a ring above each week that breaks from the pair's baseline.
// The SVG has a viewBox and no fixed height, so it scales with its container and never overflows.
"use strict";
(function () {
  const box = document.getElementById("dyad-chart");
  if (!box) return;
  const W = 1000, H = 300, L = 40, R = 40, T = 22, B = 34;

  function draw(series) {
    box.textContent = "";
    const weeks = series.weeks;
    if (!weeks.length) { EW.note(box, "No dated, affirmed events between these actors."); return; }
    const max = Math.max(1, ...weeks.map((w) => w.events));
    const slot = (W - L - R) / weeks.length;
    // Bars at least 3 units wide: over years of weeks a lone week must still be seen and hit.
    const bw = Math.max(3, slot - (slot > 4 ? 2 : 0));
    const x = (i) => L + i * slot + (slot - bw) / 2;
    const y = (v) => T + (H - T - B) * (1 - v / max);
    const yg = (g) => T + (H - T - B) * (1 - (g + 10) / 20);
    const root = EW.svg("svg", { viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": "weekly events of " + series.a + " and " + series.b }, box);
    for (const v of [0, Math.ceil(max / 2), max]) {
      EW.svg("line", { x1: L, x2: W - R, y1: y(v), y2: y(v), stroke: "#eef1f4" }, root);
      EW.text(root, L - 4, y(v) + 3, String(v)).setAttribute("text-anchor", "end");
    }
    for (const g of [-10, 0, 10]) EW.text(root, W - R + 4, yg(g) + 3, String(g));
    EW.svg("line", { x1: L, x2: W - R, y1: yg(0), y2: yg(0), stroke: "#9aa3ab", "stroke-dasharray": "3 3" }, root);
    const runs = []; // the Goldstein line joins consecutive weeks only: a gap is not a trend
    let run = [];
    weeks.forEach((w, i) => {
      let base = 0;
      for (const q of ["1", "2", "3", "4"]) {
        const n = w.by_quad[q];
        if (!n) continue;
        const rect = EW.svg("rect", { x: x(i), width: bw, y: y(base + n), height: y(base) - y(base + n), fill: EW.QUAD[q], class: "bar" }, root);
        EW.tooltip(rect, w.week + " (" + w.start + " – " + w.end + "): " + n + " " + EW.QUAD_NAMES[q] + " of " + w.events +
          ", mean Goldstein " + (w.goldstein === null ? "–" : w.goldstein) + (w.breaks.length ? "; breaks: " + w.breaks.join(", ") : ""));
        rect.addEventListener("click", () => { window.location.hash = "week-" + w.week; });
        base += n;
      }
      if (w.goldstein !== null) run.push([x(i) + bw / 2, yg(w.goldstein)]);
      else if (run.length) { runs.push(run); run = []; }
      if (w.breaks.length) {
        const ring = EW.svg("circle", { cx: x(i) + bw / 2, cy: T - 10, r: 6, fill: "none", stroke: "#c8423b", "stroke-width": 2, class: "break" }, root);
        EW.tooltip(ring, w.week + " breaks from the baseline: " + w.breaks.join(", "));
      }
    });
    if (run.length) runs.push(run);
    for (const r of runs) {
      if (r.length > 1) EW.svg("polyline", { points: r.map((p) => p.join(",")).join(" "), fill: "none", stroke: "#14283d", "stroke-width": 1.5, class: "goldstein" }, root);
      for (const p of r) EW.svg("circle", { cx: p[0], cy: p[1], r: 2, fill: "#14283d", class: "gpoint" }, root);
    }
    const ticks = Math.min(weeks.length, 8);
    for (let k = 0; k < ticks; k++) {
      const i = Math.round((k * (weeks.length - 1)) / Math.max(1, ticks - 1));
      EW.text(root, x(i) + bw / 2, H - 12, weeks[i].week).setAttribute("text-anchor", "middle");
    }
  }

  EW.getJSON(box.dataset.src).then(draw).catch((e) => EW.note(box, String(e)));
})();
