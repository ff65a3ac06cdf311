/* Print options for pages with answer blocks (quizzes, lesson answer keys): the teacher chooses whether answers
   are left out of the printout (the default: closed blocks print their question only) or printed together on a
   separate page at the end. The choice is in the page's HTML (overrides/hooks/print_options.py); without
   JavaScript it is hidden and the default applies. */
(function () {
  "use strict";
  var blocks = document.querySelectorAll(".md-typeset details.question, .md-typeset details.answer");
  var article = document.querySelector(".md-content__inner");
  if (!blocks.length || !article) return;

  function buildKey() {
    var key = document.createElement("section");
    key.className = "print-answer-key";
    key.setAttribute("aria-hidden", "true");
    var title = document.createElement("h2");
    title.textContent = "Answers";
    key.appendChild(title);
    var list = document.createElement("ol");
    Array.prototype.forEach.call(blocks, function (block) {
      var item = document.createElement("li");
      var question = document.createElement("p");
      var summary = block.querySelector("summary");
      question.innerHTML = "<strong></strong>";
      question.firstChild.textContent = summary ? summary.textContent : "";
      item.appendChild(question);
      Array.prototype.forEach.call(block.children, function (child) {
        if (child.tagName !== "SUMMARY") item.appendChild(child.cloneNode(true));
      });
      list.appendChild(item);
    });
    key.appendChild(list);
    return key;
  }

  var options = document.querySelector(".print-options");   /* written by overrides/hooks/print_options.py */
  if (!options) return;

  var key = null;
  options.addEventListener("change", function (event) {
    document.body.setAttribute("data-print-answers", event.target.value);
    if (event.target.value === "page" && !key) {
      key = buildKey();
      article.appendChild(key);
    }
  });
})();
