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

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form.transition-form").forEach(syncTransitionFields);
    document.querySelectorAll("form.filters").forEach(autoSubmitPerPage);
  });
})();
