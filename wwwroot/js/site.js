// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  function enhanceNavigation() {
    var toggle = document.querySelector(".nav-toggle");
    var nav = document.getElementById("main-nav");
    if (!toggle || !nav) {
      return;
    }

    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      var open = nav.classList.toggle("is-open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }

  // Filter forms (catalogue, directory): a changed filter refreshes the results in place, keeps focus where it was,
  // updates the address bar and announces the new count. Without script the Apply button does the same by a reload.
  function enhanceFilters(form) {
    var results = document.querySelector(".results");
    var status = document.querySelector("[data-results-status]");
    if (!results || !window.fetch || !window.DOMParser) {
      return;
    }

    var pending = null;

    function urlOf() {
      var params = new URLSearchParams();
      new FormData(form).forEach(function (value, name) {
        if (value !== "") {
          params.append(name, value);
        }
      });
      var query = params.toString();
      return form.getAttribute("action") + (query ? "?" + query : "");
    }

    function refresh() {
      var url = urlOf();
      if (pending) {
        pending.abort();
      }

      pending = new AbortController();
      results.setAttribute("aria-busy", "true");
      fetch(url, { signal: pending.signal, headers: { Accept: "text/html" } })
        .then(function (response) {
          if (!response.ok) {
            throw new Error(response.status);
          }

          return response.text();
        })
        .then(function (html) {
          var next = new DOMParser().parseFromString(html, "text/html");
          var nextResults = next.querySelector(".results");
          var nextForm = next.querySelector("form[data-autosubmit]");
          if (!nextResults || !nextForm) {
            window.location.assign(url);
            return;
          }

          results.innerHTML = nextResults.innerHTML;
          var letters = document.querySelector(".letters");
          var nextLetters = next.querySelector(".letters");
          if (letters && nextLetters) {
            letters.innerHTML = nextLetters.innerHTML;
          }

          // Facet counts change with the filters: take the new options and labels, keep the controls (and focus).
          nextForm.querySelectorAll("select[id]").forEach(function (select) {
            var current = document.getElementById(select.id);
            if (current) {
              current.innerHTML = select.innerHTML;
              current.value = select.value;
            }
          });
          nextForm.querySelectorAll("label[for]").forEach(function (label) {
            var current = form.querySelector('label[for="' + label.htmlFor + '"]');
            if (current) {
              current.textContent = label.textContent;
            }
          });
          var actions = form.querySelector(".filter-actions");
          var nextActions = nextForm.querySelector(".filter-actions");
          if (actions && nextActions) {
            actions.innerHTML = nextActions.innerHTML;
          }

          window.history.replaceState(null, "", url);
          if (status) {
            var count = results.querySelector(".results-count");
            status.textContent = count ? count.textContent : "";
          }
        })
        .catch(function (error) {
          if (error.name !== "AbortError") {
            window.location.assign(url);
          }
        })
        .finally(function () {
          results.removeAttribute("aria-busy");
        });
    }

    form.addEventListener("change", function (event) {
      if (event.target.type !== "search" && event.target.type !== "text") {
        refresh();
      }
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      refresh();
    });
  }

  // A refused form: move focus to its summary of problems, so keyboard and screen reader users start there.
  function focusFormErrors() {
    var summary = document.querySelector(".form-errors[tabindex]");
    if (summary) {
      summary.focus();
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    enhanceNavigation();
    focusFormErrors();
    document.querySelectorAll("form[data-autosubmit]").forEach(enhanceFilters);
  });
})();
