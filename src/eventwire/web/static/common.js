// eventwire explorer: shared helpers for the page scripts (no libraries, no inline scripts).
"use strict";
window.EW = (function () {
  const NS = "http://www.w3.org/2000/svg";
  const QUAD = { 1: "#4f9bd9", 2: "#2f7d4f", 3: "#e0a030", 4: "#c8423b" };
  const QUAD_NAMES = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };

  function svg(tag, attrs, parent) {
    const el = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, v);
    if (parent) parent.appendChild(el);
    return el;
  }

  function text(parent, x, y, value, cls) {
    const t = svg("text", { x: x, y: y, class: cls || "axis" }, parent);
    t.textContent = value; // textContent: data never becomes markup
    return t;
  }

  async function getJSON(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(url + ": HTTP " + response.status);
    return response.json();
  }

  // The page's filter parameters, passed on to the API (empty fields dropped).
  function filterQuery(extra) {
    const params = new URLSearchParams(window.location.search);
    for (const [k, v] of Array.from(params.entries())) if (!v) params.delete(k);
    for (const [k, v] of Object.entries(extra || {})) params.set(k, v);
    const s = params.toString();
    return s ? "?" + s : "";
  }

  // Goldstein −10…10 → red … grey … green.
  function goldColor(g) {
    if (g === null || g === undefined) return "#9aa3ab";
    const t = Math.max(-1, Math.min(1, g / 10));
    const grey = [170, 176, 182];
    const end = t < 0 ? [200, 50, 45] : [40, 140, 70];
    const a = Math.abs(t);
    const c = grey.map((v, i) => Math.round(v + (end[i] - v) * a));
    return "rgb(" + c.join(",") + ")";
  }

  let tip = null;
  function tooltip(target, label) {
    if (!tip) {
      tip = document.createElement("div");
      tip.className = "tip";
      document.body.appendChild(tip);
    }
    target.addEventListener("mousemove", function (ev) {
      tip.textContent = typeof label === "function" ? label() : label;
      tip.style.display = "block";
      tip.style.left = ev.clientX + 12 + "px";
      tip.style.top = ev.clientY + 12 + "px";
    });
    target.addEventListener("mouseleave", function () { tip.style.display = "none"; });
  }

  // An empty state or an error, as text inside the chart's box: it takes the box's width and
  // wraps, so it is never cut off as a line in a fixed SVG could be.
  function note(box, message, cls) {
    const p = document.createElement("p");
    p.className = "empty-state" + (cls ? " " + cls : "");
    p.textContent = message;
    box.appendChild(p);
    return p;
  }

  // Zoom (wheel, + and − buttons) and pan (drag the background) by changing the SVG's viewBox:
  // node drags and tooltips keep working, as they map pointer positions through getScreenCTM.
  // The view stays inside the drawing and never zooms out past the whole of it.
  function zoomable(root, W, H, box) {
    const view = { x: 0, y: 0, w: W, h: H };
    const MAX = 8;
    function apply() {
      view.w = Math.min(W, Math.max(W / MAX, view.w)); view.h = (view.w / W) * H;
      view.x = Math.min(W - view.w, Math.max(0, view.x)); view.y = Math.min(H - view.h, Math.max(0, view.y));
      root.setAttribute("viewBox", [view.x, view.y, view.w, view.h].map((v) => v.toFixed(2)).join(" "));
      root.dataset.zoom = (W / view.w).toFixed(2);
    }
    function zoom(factor, cx, cy) {
      const nx = cx === undefined ? view.x + view.w / 2 : cx, ny = cy === undefined ? view.y + view.h / 2 : cy;
      const w = Math.min(W, Math.max(W / MAX, view.w / factor)), f = w / view.w;
      view.x = nx - (nx - view.x) * f; view.y = ny - (ny - view.y) * f; view.w = w;
      apply();
    }
    function toSvg(ev) {
      const pt = root.createSVGPoint();
      pt.x = ev.clientX; pt.y = ev.clientY;
      return pt.matrixTransform(root.getScreenCTM().inverse());
    }
    root.addEventListener("wheel", (ev) => {
      ev.preventDefault();
      const p = toSvg(ev);
      zoom(ev.deltaY < 0 ? 1.25 : 0.8, p.x, p.y);
    }, { passive: false });
    root.addEventListener("pointerdown", (ev) => {
      if (ev.target.closest && ev.target.closest(".node")) return; // a node drag, not a pan
      const rect = root.getBoundingClientRect();
      const scale = Math.max(view.w / rect.width, view.h / rect.height); // SVG units per pixel
      const sx = ev.clientX, sy = ev.clientY, from = { x: view.x, y: view.y };
      root.setPointerCapture(ev.pointerId);
      root.classList.add("panning");
      const move = (m) => {
        view.x = from.x - (m.clientX - sx) * scale; view.y = from.y - (m.clientY - sy) * scale;
        apply();
      };
      root.addEventListener("pointermove", move);
      root.addEventListener("pointerup", () => { root.removeEventListener("pointermove", move); root.classList.remove("panning"); }, { once: true });
    });
    const bar = document.createElement("div");
    bar.className = "zoom";
    for (const [label, title, act] of [["+", "zoom in", () => zoom(1.5)], ["−", "zoom out", () => zoom(1 / 1.5)], ["reset", "show all", () => { view.x = 0; view.y = 0; view.w = W; apply(); }]]) {
      const b = document.createElement("button");
      b.type = "button"; b.textContent = label; b.title = title;
      b.addEventListener("click", act);
      bar.appendChild(b);
    }
    box.insertBefore(bar, box.firstChild);
    apply();
    return { zoom: zoom };
  }

  return { svg, text, getJSON, filterQuery, goldColor, tooltip, note, zoomable, QUAD, QUAD_NAMES };
})();
