// Actor network: nodes are actor codes, edges the busiest dyads from /api/network. Laid out by
// a small force simulation (repulsion, springs, gravity) run before drawing; nodes can be dragged.
"use strict";
(function () {
  const box = document.getElementById("network");
  if (!box) return;
  const W = 1000, H = 620;

  // Fruchterman–Reingold: pairs repel (k²/d), linked nodes attract (d²/k), a weak pull to the
  // centre keeps separate components on screen; moves are capped by a cooling temperature.
  function layout(nodes, edges) {
    const n = Math.max(1, nodes.length);
    nodes.forEach((node, i) => {
      const a = 2.4 * i; // golden-angle spiral: a deterministic, even start
      const r = 12 * Math.sqrt(i + 1);
      node.x = W / 2 + r * Math.cos(a); node.y = H / 2 + r * Math.sin(a);
    });
    const k = 0.55 * Math.sqrt((W * H) / n);
    // Gravity grows with the node count, as the summed repulsion does.
    const gravity = 0.05 + 0.004 * n;
    const steps = 400;
    for (let step = 0; step < steps; step++) {
      const temp = (W / 8) * (1 - step / steps) + 0.5;
      for (const node of nodes) { node.dx = 0; node.dy = 0; }
      for (let i = 0; i < nodes.length; i++) {
        for (let j = i + 1; j < nodes.length; j++) {
          const a = nodes[i], b = nodes[j];
          const x = a.x - b.x, y = a.y - b.y;
          const d = Math.max(0.01, Math.sqrt(x * x + y * y));
          const f = (k * k) / d / d;
          a.dx += x * f; a.dy += y * f; b.dx -= x * f; b.dy -= y * f;
        }
      }
      for (const e of edges) {
        const x = e.t.x - e.s.x, y = e.t.y - e.s.y;
        const d = Math.max(0.01, Math.sqrt(x * x + y * y));
        const f = d / k;
        e.s.dx += x * f; e.s.dy += y * f; e.t.dx -= x * f; e.t.dy -= y * f;
      }
      for (const node of nodes) {
        node.dx += (W / 2 - node.x) * gravity; node.dy += (H / 2 - node.y) * gravity * (W / H);
        const d = Math.max(0.01, Math.sqrt(node.dx * node.dx + node.dy * node.dy));
        const m = Math.min(d, temp);
        node.x = Math.max(30, Math.min(W - 60, node.x + (node.dx / d) * m));
        node.y = Math.max(20, Math.min(H - 20, node.y + (node.dy / d) * m));
      }
    }
  }

  function draw(data) {
    box.textContent = "";
    if (!data.edges.length) { EW.note(box, "No events with both actors known match the filters: no network to draw."); return; }
    const byCode = new Map(data.nodes.map((n) => [n.code, n]));
    const edges = data.edges.map((e) => ({ ...e, s: byCode.get(e.source), t: byCode.get(e.target) }));
    layout(data.nodes, edges);
    const root = EW.svg("svg", { viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": "actor network" }, box);
    const defs = EW.svg("defs", {}, root);
    const marker = EW.svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 22, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" }, defs);
    EW.svg("path", { d: "M0,0 L10,5 L0,10 z", fill: "#8a939b" }, marker);
    const maxCount = Math.max(...edges.map((e) => e.count));
    const maxEvents = Math.max(...data.nodes.map((n) => n.events));
    const lines = edges.map((e) => {
      const line = EW.svg("line", { stroke: EW.goldColor(e.goldstein), "stroke-width": 1 + 5 * e.count / maxCount, "stroke-opacity": 0.8, "marker-end": "url(#arrow)" }, root);
      EW.tooltip(line, e.source + " → " + e.target + ": " + e.count + " events, mean Goldstein " + e.goldstein);
      line.classList.add("edge"); // a click opens the dyad's weekly view, counted as this edge is
      line.addEventListener("click", () => { window.location.href = "/dyads?" + new URLSearchParams({ a: e.source, b: e.target, directed: "true", match: "exact" }); });
      return line;
    });
    const circles = data.nodes.map((n) => {
      const c = EW.svg("circle", { r: 5 + 12 * Math.sqrt(n.events / maxEvents), fill: "#1f5fa8", class: "node" }, root);
      EW.tooltip(c, n.code + " · " + n.name + " · " + n.events + " events");
      c.addEventListener("click", () => { if (!c.dataset.dragged) window.location.href = "/actors/" + encodeURIComponent(n.code); });
      drag(c, n);
      return c;
    });
    const labels = data.nodes.map((n) => EW.text(root, 0, 0, n.code, "label"));
    function place() {
      edges.forEach((e, i) => { lines[i].setAttribute("x1", e.s.x); lines[i].setAttribute("y1", e.s.y); lines[i].setAttribute("x2", e.t.x); lines[i].setAttribute("y2", e.t.y); });
      data.nodes.forEach((n, i) => { circles[i].setAttribute("cx", n.x); circles[i].setAttribute("cy", n.y); labels[i].setAttribute("x", n.x + 9); labels[i].setAttribute("y", n.y - 8); });
    }
    function drag(el, n) {
      el.addEventListener("pointerdown", (ev) => {
        const pt = root.createSVGPoint();
        delete el.dataset.dragged;
        el.setPointerCapture(ev.pointerId);
        const move = (m) => {
          pt.x = m.clientX; pt.y = m.clientY;
          const p = pt.matrixTransform(root.getScreenCTM().inverse());
          n.x = p.x; n.y = p.y; el.dataset.dragged = "1"; place();
        };
        el.addEventListener("pointermove", move);
        el.addEventListener("pointerup", () => el.removeEventListener("pointermove", move), { once: true });
      });
    }
    place();
    EW.zoomable(root, W, H, box);
  }

  EW.getJSON(box.dataset.src + EW.filterQuery()).then(draw).catch((e) => EW.note(box, "Could not load the chart: " + e.message, "error"));
})();
