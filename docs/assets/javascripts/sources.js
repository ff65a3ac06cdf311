/* The folded list of sources cited (templates/sources-cited.html): open on wide screens, and open whenever a
   citation number, or a link to the list, is followed, so the source it points to shows. Without JavaScript the
   list stays folded behind its "Show the sources" line. */
(function () {
  "use strict";
  var fold = document.querySelector("details.sources-fold");
  if (!fold) return;
  if (window.matchMedia("(min-width: 60em)").matches) fold.open = true;
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (id && (id === "sources-cited" || id.indexOf("cite-") === 0)) {
      fold.open = true;
      var target = document.getElementById(id);
      if (target) target.scrollIntoView();
    }
  }
  window.addEventListener("hashchange", reveal);
  reveal();
})();
