/* Self-check questions: a student picks an answer before seeing whether it is right and why.
   sitebuild/html/self_check.py marks each `??? question` block that opens with a list of choices (class
   `self-check`, the right choice `choice--correct`). Without JavaScript such a block is an ordinary question
   block: opening it shows the choices, the right answer and why. Here each one becomes a group of radio buttons
   (native keyboard use: Tab into the group, arrow keys to choose) with a "Check my answer" button; a status line
   (read out by screen readers) says whether the choice is right, and the explanation opens below it.
   Its texts are written on each block in the page's language (data-check-*: sitebuild/html/self_check.py); the
   English below is only a fallback. */
(function () {
  "use strict";
  var blocks = document.querySelectorAll(".md-typeset details.self-check");
  Array.prototype.forEach.call(blocks, function (block, index) {
    var summary = block.querySelector("summary");
    var list = block.querySelector("ul.choices");
    if (!summary || !list) return;
    var name = "self-check-" + (index + 1);
    var choices = Array.prototype.slice.call(list.children);
    function text(name, english) { return block.getAttribute("data-check-" + name) || english; }

    var form = document.createElement("form");
    form.className = "self-check__form";
    form.setAttribute("data-self-check", name);
    var group = document.createElement("fieldset");
    var legend = document.createElement("legend");
    legend.textContent = summary.textContent;
    group.appendChild(legend);
    var labels = choices.map(function (choice, i) {
      var label = document.createElement("label");
      label.className = "self-check__choice";
      var input = document.createElement("input");
      input.type = "radio";
      input.name = name;
      input.value = String(i);
      var text = choice.cloneNode(true);
      var mark = text.querySelector(".choice__mark");
      if (mark) text.removeChild(mark);
      var span = document.createElement("span");
      span.innerHTML = text.innerHTML;           /* the page's own HTML, built from the Markdown */
      label.appendChild(input);
      label.appendChild(span);
      group.appendChild(label);
      return label;
    });
    form.appendChild(group);
    var button = document.createElement("button");
    button.type = "submit";
    button.className = "md-button self-check__button";
    button.textContent = text("label", "Check my answer");
    form.appendChild(button);
    var status = document.createElement("p");
    status.className = "self-check__status";
    status.setAttribute("role", "status");
    form.appendChild(status);

    block.parentNode.insertBefore(form, block);
    list.hidden = true;                            /* the radio buttons show the choices */
    block.hidden = true;                           /* the explanation waits for an answer */
    summary.textContent = text("explanation", "Why? The explanation");

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var picked = form.querySelector("input:checked");
      labels.forEach(function (label) { label.classList.remove("is-right", "is-wrong"); });
      if (!picked) {
        status.textContent = text("choose", "Choose an answer first.");
        status.className = "self-check__status";
        return;
      }
      var i = Number(picked.value);
      var right = choices.findIndex(function (c) { return c.classList.contains("choice--correct"); });
      labels[right].classList.add("is-right");
      if (i === right) {
        status.textContent = text("right", "Right. Read why below.");
        status.className = "self-check__status is-right";
      } else {
        labels[i].classList.add("is-wrong");
        status.textContent = text("wrong", "Not quite. The right answer is: {answer} Read why below.")
          .replace("{answer}", function () { return labels[right].textContent.trim(); });
        status.className = "self-check__status is-wrong";
      }
      block.hidden = false;
      block.open = true;
    });
  });
})();
