// Small progressive enhancements; every page works without this file.
(function () {
  "use strict";

  // Stage form: show the date field that belongs to the chosen target stage only.
  function syncTransitionFields(form) {
    var select = form.querySelector("select[name=target]");
    if (!select) return;
    var fields = form.querySelectorAll("[data-for-target]");
    function update() {
      fields.forEach(function (field) {
        field.hidden = field.getAttribute("data-for-target") !== select.value;
      });
    }
    select.addEventListener("change", update);
    update();
  }

  // Ledger filters: changing page size submits at once.
  function autoSubmitPerPage(form) {
    var perPage = form.querySelector("select[name=perPage]");
    if (perPage) perPage.addEventListener("change", function () { form.submit(); });
  }

  // On a narrow screen a table reads as cards: each cell is labelled with its column's heading
  // (the stylesheet shows the label), and cells holding a state or a warning come right after
  // the name. Without this file the table scrolls sideways inside its frame.
  function labelCells(table) {
    var heads = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) { return th.textContent.trim(); });
    if (heads.length === 0) return;
    table.querySelectorAll("tbody tr").forEach(function (row) {
      if (row.children.length !== heads.length) return;
      Array.prototype.forEach.call(row.children, function (cell, index) {
        if (heads[index]) cell.setAttribute("data-label", heads[index]);
        if (cell.querySelector(".flag, .badge")) cell.classList.add("key");
      });
    });
    table.classList.add("cards");
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.addEventListener("click", function () { window.print(); });
    });
    document.querySelectorAll("table.ledger").forEach(labelCells);
    document.querySelectorAll("form.transition-form").forEach(syncTransitionFields);
    document.querySelectorAll("form.filters").forEach(autoSubmitPerPage);
  });
})();
