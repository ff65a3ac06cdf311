/* Accent folding for Material's search: "Keita" finds "Keïta", "Sevare" finds "Sévaré", and the other way round.
   Material's search runs in a web worker; overrides/main.html points Material at this file instead, with
   Material's own worker in ?worker=. This file folds the query (each QUERY message, before Material's worker reads
   it), then loads Material's worker and puts a folding step first in the pipelines of lunr's index builder (Material
   empties them of lunr's own steps, then adds the pages), so that every word of the index is folded the same way.
   Folding: Unicode NFD, then combining marks removed; a precomposed letter stays one letter, so the positions
   Material keeps for highlighting still hold. */
(function () {
  "use strict";
  var QUERY = 2;            /* Material's SearchMessageType.QUERY */
  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  self.addEventListener("message", function (event) {
    if (event.data && event.data.type === QUERY && typeof event.data.data === "string")
      event.data.data = fold(event.data.data);
  });
  /* In a worker, this file's address is location.href. In the offline edition, opened from file://, the
     iframe-worker shim runs it as a <script> in a frame instead: its address is the script's, and the shim's
     importScripts loads asynchronously and returns a promise (the frame's load event, after which the page's first
     message arrives, waits for it). */
  var here = self.document && document.currentScript ? document.currentScript.src : location.href;
  var loaded = importScripts(new URL(new URL(here).searchParams.get("worker"), here).href);
  function foldToken(token) {
    return token.update(function (text) { return fold(text); });
  }
  function setup() {
    var lunr = self.lunr, add = lunr.Builder.prototype.add;
    lunr.Pipeline.registerFunction(foldToken, "fold");
    lunr.Builder.prototype.add = function () {
      if (this.pipeline._stack.indexOf(foldToken) === -1) {
        this.pipeline._stack.unshift(foldToken);
        this.searchPipeline._stack.unshift(foldToken);
      }
      return add.apply(this, arguments);
    };
  }
  if (loaded && typeof loaded.then === "function") loaded.then(setup); else setup();
})();
