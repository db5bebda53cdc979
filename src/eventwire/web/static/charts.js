// Timelines as SVG bar charts: the dashboard's events per day by quad class, an actor's events
// per day coloured by mean Goldstein. Long spans are binned by week or month to stay readable.
"use strict";
(function () {
  const DAY = 86400000;

  function binner(first, last) {
    const span = (last - first) / DAY;
    if (span <= 120) return { name: "day", key: (d) => d };
    if (span <= 730) return { name: "week", key: (d) => d - ((new Date(d).getUTCDay() + 6) % 7) * DAY };
    return { name: "month", key: (d) => { const t = new Date(d); return Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), 1); } };
  }

  // The 1st–99th percentile of events by day: a lone mis-dated event (1930) must not squash
  // years of data into one bar. What falls outside is counted in the caption.
  function focus(rows) {
    const sorted = rows.slice().sort((a, b) => a.t - b.t);
    const total = sorted.reduce((s, r) => s + r.count, 0);
    let seen = 0, lo = sorted[0].t, hi = sorted[sorted.length - 1].t;
    for (const r of sorted) { seen += r.count; if (seen >= total * 0.01) { lo = r.t; break; } }
    seen = 0;
    for (const r of sorted.slice().reverse()) { seen += r.count; if (seen >= total * 0.01) { hi = r.t; break; } }
    const inside = sorted.filter((r) => r.t >= lo && r.t <= hi);
    const hidden = total - inside.reduce((s, r) => s + r.count, 0);
    return { rows: inside, lo: lo, hi: hi, hidden: hidden };
  }

  function draw(box, rows, seriesOf, colorOf, labelOf) {
    box.textContent = "";
    if (!rows.length) { EW.note(box, "No dated events match: nothing to chart."); return null; }
    rows.forEach((r) => { r.t = Date.parse(r.date); });
    const f = focus(rows);
    const bin = binner(f.lo, f.hi);
    const bins = new Map();
    for (const r of f.rows) {
      const k = bin.key(r.t);
      if (!bins.has(k)) bins.set(k, new Map());
      const series = bins.get(k);
      const s = seriesOf(r);
      const cur = series.get(s) || { count: 0, gsum: 0, gn: 0 };
      cur.count += r.count;
      if (r.goldstein !== undefined && r.goldstein !== null) { cur.gsum += r.goldstein * r.count; cur.gn += r.count; }
      series.set(s, cur);
    }
    const keys = Array.from(bins.keys()).sort((a, b) => a - b);
    const first = keys[0], last = keys[keys.length - 1];
    const W = 1000, H = 240, L = 40, R = 10, T = 10, B = 30;
    const step = bin.name === "day" ? DAY : bin.name === "week" ? 7 * DAY : 30.4 * DAY;
    const slots = Math.max(1, Math.round((last - first) / step) + 1);
    const bw = Math.max(1, (W - L - R) / slots - 1);
    const max = Math.max(...keys.map((k) => Array.from(bins.get(k).values()).reduce((s, v) => s + v.count, 0)));
    const root = EW.svg("svg", { viewBox: "0 0 " + W + " " + H, role: "img" }, box);
    const x = (t) => L + ((t - first) / step) * ((W - L - R) / slots);
    const y = (v) => T + (H - T - B) * (1 - v / max);
    for (const v of [0, Math.ceil(max / 2), max]) {
      EW.svg("line", { x1: L, x2: W - R, y1: y(v), y2: y(v), stroke: "#eef1f4" }, root);
      EW.text(root, L - 4, y(v) + 3, String(v)).setAttribute("text-anchor", "end");
    }
    for (const k of keys) {
      let base = 0;
      const series = Array.from(bins.get(k).entries()).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
      for (const [s, v] of series) {
        const rect = EW.svg("rect", { x: x(k), width: bw, y: y(base + v.count), height: y(base) - y(base + v.count), fill: colorOf(s, v) }, root);
        const when = new Date(k).toISOString().slice(0, bin.name === "month" ? 7 : 10);
        EW.tooltip(rect, (bin.name === "day" ? "" : bin.name + " of ") + when + ": " + v.count + " " + labelOf(s, v));
        base += v.count;
      }
    }
    const ticks = 6;
    for (let i = 0; i <= ticks; i++) {
      const t = first + ((last - first) * i) / ticks;
      const label = EW.text(root, x(t), H - 10, new Date(t).toISOString().slice(0, bin.name === "month" ? 7 : 10));
      // The end labels align inward, so the first and last dates are not cut at the edges.
      label.setAttribute("text-anchor", i === 0 ? "start" : i === ticks ? "end" : "middle");
    }
    const caption = document.createElement("p");
    caption.className = "summary caption";
    caption.textContent = "Per " + bin.name + "." + (f.hidden ? " " + f.hidden + " events dated outside " +
      new Date(f.lo).toISOString().slice(0, 10) + " – " + new Date(f.hi).toISOString().slice(0, 10) + " not shown." : "");
    box.appendChild(caption);
    return bin.name;
  }

  // The heading names the bin the chart really uses (day, week or month: it depends on the span).
  function label(box, unit) {
    const span = document.getElementById(box.id + "-unit");
    if (span && unit) span.textContent = "per " + unit;
  }

  const timeline = document.getElementById("timeline");
  if (timeline) {
    EW.getJSON(timeline.dataset.src + EW.filterQuery()).then((stats) => {
      label(timeline, draw(timeline, stats.by_day, (r) => r.quad_class || 0, (s) => EW.QUAD[s] || "#999",
        (s) => "events, " + (EW.QUAD_NAMES[s] || "no quad class")));
    }).catch((e) => EW.note(timeline, "Could not load the chart: " + e.message, "error"));
  }
  const actor = document.getElementById("actor-timeline");
  if (actor) {
    EW.getJSON(actor.dataset.src).then((detail) => {
      label(actor, draw(actor, detail.timeline, () => "all", (s, v) => EW.goldColor(v.gn ? v.gsum / v.gn : null),
        (s, v) => "events, mean Goldstein " + (v.gn ? (v.gsum / v.gn).toFixed(1) : "–")));
    }).catch((e) => EW.note(actor, "Could not load the chart: " + e.message, "error"));
  }
})();
