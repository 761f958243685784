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

  // Ledger filters: changing page size submits at once; so does choosing a report's month.
  function autoSubmitPerPage(form) {
    var perPage = form.querySelector("select[name=perPage], .month-picker select[name=month]");
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

  // A box that ticks every box of a name (the meeting form's problems).
  function checkAll(box) {
    box.addEventListener("change", function () {
      box.form.querySelectorAll("input[type=checkbox][name=" + box.getAttribute("data-check-all") + "]").forEach(function (other) {
        other.checked = box.checked;
      });
    });
  }

  // A button that adds one more row like the last (the minutes' decisions), emptied.
  function addRow(button) {
    button.addEventListener("click", function () {
      var rows = button.form.querySelectorAll("." + button.getAttribute("data-add-row"));
      if (rows.length === 0) return;
      var copy = rows[rows.length - 1].cloneNode(true);
      copy.querySelectorAll("input, select").forEach(function (field) {
        if (field.tagName === "SELECT") field.selectedIndex = 0; else field.value = "";
        field.removeAttribute("id");
      });
      copy.querySelectorAll("label").forEach(function (label) { label.removeAttribute("for"); });
      rows[rows.length - 1].after(copy);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-check-all]").forEach(checkAll);
    document.querySelectorAll("[data-add-row]").forEach(addRow);
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.addEventListener("click", function () { window.print(); });
    });
    // Copies the text of the element named by data-copy; the button says so for a moment.
    document.querySelectorAll("[data-copy]").forEach(function (button) {
      button.addEventListener("click", function () {
        var source = document.getElementById(button.getAttribute("data-copy"));
        if (!source || !navigator.clipboard) { return; }
        navigator.clipboard.writeText(source.textContent).then(function () {
          var label = button.textContent;
          button.textContent = button.getAttribute("data-copied") || label;
          setTimeout(function () { button.textContent = label; }, 1500);
        });
      });
    });
    document.querySelectorAll("table.ledger").forEach(labelCells);
    document.querySelectorAll("form.transition-form").forEach(syncTransitionFields);
    document.querySelectorAll("form.filters, form.month-picker").forEach(autoSubmitPerPage);
  });
})();
