// Toggles per layer, entries that light up their mentions, details on hover. No network.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("tei-data").textContent);
  var detail = document.getElementById("detail");
  var idle = detail.textContent;

  function pieces(index) {
    return document.querySelectorAll('.a[data-a="' + index + '"]');
  }
  function each(list, fn) { Array.prototype.forEach.call(list, fn); }

  each(document.querySelectorAll("#legend input[data-layer]"), function (box) {
    box.addEventListener("change", function () {
      document.body.classList.toggle("off-" + box.dataset.layer.replace(/[^A-Za-z0-9_-]/g, "_"), !box.checked);
    });
  });

  function clearLit() {
    each(document.querySelectorAll(".a.lit"), function (el) { el.classList.remove("lit"); });
    each(document.querySelectorAll("#side [aria-pressed=true]"), function (b) { b.setAttribute("aria-pressed", "false"); });
  }

  each(document.querySelectorAll("button.entry"), function (button) {
    button.addEventListener("click", function () {
      var on = button.getAttribute("aria-pressed") !== "true";
      clearLit();
      if (!on) { return; }
      button.setAttribute("aria-pressed", "true");
      var hits = document.querySelectorAll('.a[data-links~="' + CSS.escape(button.dataset.entry) + '"]');
      each(hits, function (el) { el.classList.add("lit"); });
      if (hits.length) { hits[0].scrollIntoView({block: "center"}); }
      var distinct = {};
      each(hits, function (el) { distinct[el.dataset.a] = true; });
      detail.textContent = button.textContent + ": " + Object.keys(distinct).length + " marked";
    });
  });

  each(document.querySelectorAll("button.quote"), function (button) {
    button.addEventListener("click", function () {
      clearLit();
      button.setAttribute("aria-pressed", "true");
      var hits = pieces(button.dataset.goto);
      each(hits, function (el) { el.classList.add("lit"); });
      if (hits.length) { hits[0].scrollIntoView({block: "center"}); }
    });
  });

  var article = document.getElementById("article");
  article.addEventListener("mouseover", function (event) {
    each(document.querySelectorAll(".a.hover"), function (el) { el.classList.remove("hover"); });
    var lines = [];
    for (var el = event.target; el && el !== article; el = el.parentElement) {
      if (!el.dataset || el.dataset.a === undefined) { continue; }
      var a = data.annotations[+el.dataset.a];
      lines.unshift(a.layer + ": " + a.summary);
      each(pieces(el.dataset.a), function (p) { p.classList.add("hover"); });
    }
    detail.textContent = lines.length ? lines.join("  |  ") : idle;
  });
})();
