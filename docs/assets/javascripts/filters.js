/* Filters for the timeline and the primary documents: show or hide items by the form's choices, keep the
   choices in the page address (so a filtered view can be shared), and say how many items show.
   Without JavaScript the form stays hidden (site.css: .no-js .filters) and every item shows.
   The status line's texts come from the page, in its language: data-status-all and data-status-some on the
   status element (sitebuild/templates/), with {shown} and {total} filled in here. */
(function () {
  "use strict";

  function itemsOf(root) {
    return Array.prototype.slice.call(root.querySelectorAll("[data-category], [data-type]"));
  }

  function readForm(form) {
    var state = { category: [], actor: "", key: false, type: "", year: "" };
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name) return;
      if (el.type === "checkbox") {
        if (el.name === "category" && el.checked) state.category.push(el.value);
        if (el.name === "key") state.key = el.checked;
      } else if (el.tagName === "SELECT") {
        state[el.name] = el.value;
      }
    });
    return state;
  }

  function writeForm(form, state) {
    Array.prototype.forEach.call(form.elements, function (el) {
      if (el.name === "category") el.checked = state.category.indexOf(el.value) !== -1;
      else if (el.name === "key") el.checked = state.key;
      else if (el.tagName === "SELECT" && el.name in state) el.value = state[el.name];
    });
  }

  function matches(item, state) {
    if (state.category.length && state.category.indexOf(item.getAttribute("data-category")) === -1) return false;
    if (state.actor && (" " + item.getAttribute("data-actors") + " ").indexOf(" " + state.actor + " ") === -1) return false;
    if (state.key && item.getAttribute("data-key") !== "true") return false;
    if (state.type && item.getAttribute("data-type") !== state.type) return false;
    if (state.year && item.getAttribute("data-year") !== state.year) return false;
    return true;
  }

  function fromUrl() {
    var params = new URLSearchParams(window.location.search);
    return {
      category: (params.get("category") || "").split(",").filter(Boolean),
      actor: params.get("actor") || "",
      key: params.get("key") === "1",
      type: params.get("type") || "",
      year: params.get("year") || ""
    };
  }

  function toUrl(state) {
    var params = new URLSearchParams();
    if (state.category.length) params.set("category", state.category.join(","));
    if (state.actor) params.set("actor", state.actor);
    if (state.key) params.set("key", "1");
    if (state.type) params.set("type", state.type);
    if (state.year) params.set("year", state.year);
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    window.history.replaceState(null, "", url);
  }

  function setup(root) {
    var form = root.querySelector("form.filters");
    if (!form) return;
    var items = itemsOf(root);
    var status = form.querySelector(".filters__status");
    var noun = root.getAttribute("data-filterable") === "timeline" ? "events" : "documents";
    var all = status.getAttribute("data-status-all") || "Showing all {total} " + noun + ".";
    var some = status.getAttribute("data-status-some") || "Showing {shown} of {total} " + noun + ".";
    var lang = document.documentElement.lang || undefined;

    function say(text, shown) {
      return text.replace("{shown}", shown.toLocaleString(lang)).replace("{total}", items.length.toLocaleString(lang));
    }

    function apply(state, updateUrl) {
      var shown = 0;
      items.forEach(function (item) {
        if (matches(item, state)) { item.removeAttribute("data-filtered-out"); shown += 1; }
        else item.setAttribute("data-filtered-out", "");
      });
      Array.prototype.forEach.call(root.querySelectorAll(".tl-year"), function (section) {
        var visible = section.querySelector("[data-category]:not([data-filtered-out])");
        if (visible) section.removeAttribute("data-filtered-out"); else section.setAttribute("data-filtered-out", "");
      });
      status.textContent = say(shown === items.length ? all : some, shown);
      if (updateUrl) toUrl(state);
    }

    var initial = fromUrl();
    if (location.search) {            /* a shared, filtered view; otherwise the page already shows everything */
      writeForm(form, initial);
      apply(initial, false);
    }
    form.addEventListener("change", function () { apply(readForm(form), true); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () {
      window.setTimeout(function () { apply(readForm(form), true); }, 0);
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-filterable]"), setup);
})();
