// Article page: bring the sentence named in the URL (#sN, from an event link) into view and
// mark it, and mark a sentence when one of its event cards is opened.
"use strict";
(function () {
  function focusSentence() {
    document.querySelectorAll(".sentence.focus").forEach((el) => el.classList.remove("focus"));
    const id = window.location.hash.slice(1);
    if (!/^s\d+$/.test(id)) return;
    const el = document.getElementById(id);
    if (!el) return;
    el.classList.add("focus");
    el.scrollIntoView({ block: "center" });
  }
  window.addEventListener("hashchange", focusSentence);
  focusSentence();
})();
