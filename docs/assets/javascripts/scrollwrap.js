/* Material wraps wide tables in a box that scrolls sideways on small screens. Make each such box reachable and
   scrollable from the keyboard, with a name for screen readers (WCAG 2.1.1; axe: scrollable-region-focusable). */
(function () {
  "use strict";
  function label(wrap) {
    if (wrap.hasAttribute("tabindex")) return;
    wrap.setAttribute("tabindex", "0");
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-label", "Table; scroll sideways to see all columns");
  }
  function scan() {
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset__scrollwrap"), label);
  }
  scan();
  new MutationObserver(scan).observe(document.body, { childList: true, subtree: true });
})();
