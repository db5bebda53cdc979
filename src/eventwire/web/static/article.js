// Article page: bring the sentence named in the URL (#sN, from an event link) into view and
// mark it; open the event card named in the URL (#event-ID); open or close all cards.
"use strict";
(function () {
  function focusTarget() {
    document.querySelectorAll(".sentence.focus").forEach((el) => el.classList.remove("focus"));
    const id = window.location.hash.slice(1);
    const el = id ? document.getElementById(id) : null;
    if (!el) return;
    if (/^s\d+$/.test(id)) {
      el.classList.add("focus");
      el.scrollIntoView({ block: "center" });
    } else if (/^event-/.test(id) && el.tagName === "DETAILS") {
      el.open = true;
      el.scrollIntoView({ block: "start" });
    }
  }
  function setAll(open) {
    document.querySelectorAll("details.event-card").forEach((d) => { d.open = open; });
  }
  const openAll = document.getElementById("open-all");
  const closeAll = document.getElementById("close-all");
  if (openAll) openAll.addEventListener("click", () => setAll(true));
  if (closeAll) closeAll.addEventListener("click", () => setAll(false));
  window.addEventListener("hashchange", focusTarget);
  focusTarget();
})();
