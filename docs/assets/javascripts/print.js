/* Printing.
   1. Answer blocks (quizzes, lesson answer keys): the blocks a reader has opened print with their answer; closed
      ones print their question only. Material opens every block just before printing (and leaves them open), so
      each block's own state is kept here in `data-opened` (print.css reads it) and restored afterwards. Without
      JavaScript the browser prints blocks as they are.
   2. The teacher may instead print every answer together on a separate page at the end. The choice is in the
      page's HTML (sitebuild/html/print_options.py), with the title of that page in the page's language
      (data-answers-title); without JavaScript it is hidden. */
(function () {
  "use strict";
  var blocks = document.querySelectorAll(".md-typeset details.question, .md-typeset details.answer");
  var article = document.querySelector(".md-content__inner");
  if (!blocks.length || !article) return;

  var printing = false;
  window.addEventListener("beforeprint", function () { printing = true; });
  window.addEventListener("afterprint", function () {   /* Material leaves them all open: close the others again */
    printing = false;
    Array.prototype.forEach.call(blocks, function (block) {
      if (!block.hasAttribute("data-opened")) block.open = false;
    });
  });
  function remember(block) {
    if (block.open) block.setAttribute("data-opened", "");
    else block.removeAttribute("data-opened");
  }
  Array.prototype.forEach.call(blocks, function (block) {
    remember(block);
    block.addEventListener("toggle", function () { if (!printing) remember(block); });
  });

  function buildKey(heading) {
    var key = document.createElement("section");
    key.className = "print-answer-key";
    key.setAttribute("aria-hidden", "true");
    var title = document.createElement("h2");
    title.textContent = heading;
    key.appendChild(title);
    var list = document.createElement("ol");
    Array.prototype.forEach.call(blocks, function (block) {
      var item = document.createElement("li");
      var question = document.createElement("p");
      var form = block.previousElementSibling;        /* a self-check question shows its question there */
      var legend = form && form.matches(".self-check__form") ? form.querySelector("legend") : null;
      var summary = legend || block.querySelector("summary");
      question.innerHTML = "<strong></strong>";
      question.firstChild.textContent = summary ? summary.textContent : "";
      item.appendChild(question);
      Array.prototype.forEach.call(block.children, function (child) {
        if (child.tagName === "SUMMARY") return;
        var copy = child.cloneNode(true);
        copy.removeAttribute("hidden");
        item.appendChild(copy);
      });
      list.appendChild(item);
    });
    key.appendChild(list);
    return key;
  }

  var options = document.querySelector(".print-options");   /* written by sitebuild/html/print_options.py */
  if (!options) return;

  var key = null;
  options.addEventListener("change", function (event) {
    if (event.target.name !== "print-answers") return;
    document.body.setAttribute("data-print-answers", event.target.value);
    if (event.target.value === "page" && !key) {
      key = buildKey(options.getAttribute("data-answers-title") || "Answers");
      article.appendChild(key);
    }
  });
})();
