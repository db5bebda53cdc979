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

  function note(box, message) {
    const root = svg("svg", { viewBox: "0 0 600 60", role: "img" }, box);
    text(root, 300, 35, message, "note").setAttribute("text-anchor", "middle");
  }

  return { svg, text, getJSON, filterQuery, goldColor, tooltip, note, QUAD, QUAD_NAMES };
})();
