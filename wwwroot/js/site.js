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

  // The header's search box: product and company names appear as you type (an ARIA combobox with a listbox).
  // Arrow keys move through them, Enter opens the chosen one, Escape closes the list; without a choice, Enter
  // searches as usual. Without script the box is a plain search form.
  function enhanceSearchBox(form) {
    var input = form.querySelector("input[name='q']");
    var endpoint = form.getAttribute("data-suggest");
    if (!input || !endpoint || !window.fetch) {
      return;
    }

    var list = document.createElement("ul");
    list.id = input.id + "-suggestions";
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", input.getAttribute("data-suggestions-label") || "");
    list.hidden = true;
    form.appendChild(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);

    var items = [];
    var active = -1;
    var timer = null;
    var pending = null;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function choose(index) {
      var options = list.querySelectorAll("[role='option']");
      options.forEach(function (option, i) {
        option.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", options[index].id);
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function render(data) {
      list.textContent = "";
      items = data;
      data.forEach(function (item, i) {
        var option = document.createElement("li");
        option.id = list.id + "-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.textContent = item.title;
        if (item.lang && item.lang !== document.documentElement.lang) {
          option.lang = item.lang;
        }

        option.addEventListener("mousedown", function (event) {
          event.preventDefault();
          window.location.assign(item.url);
        });
        list.appendChild(option);
      });
      if (data.length > 0) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        active = -1;
      } else {
        close();
      }
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      var text = input.value.trim();
      if (text.length < 2) {
        close();
        return;
      }

      timer = window.setTimeout(function () {
        if (pending) {
          pending.abort();
        }

        pending = new AbortController();
        fetch(endpoint + "&q=" + encodeURIComponent(text), { signal: pending.signal, headers: { Accept: "application/json" } })
          .then(function (response) {
            return response.ok ? response.json() : [];
          })
          .then(render)
          .catch(function () {
            close();
          });
      }, 120);
    });

    input.addEventListener("keydown", function (event) {
      if (list.hidden) {
        return;
      }

      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        var step = event.key === "ArrowDown" ? 1 : -1;
        choose(active < 0 ? (step > 0 ? 0 : items.length - 1) : (active + step + items.length) % items.length);
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        window.location.assign(items[active].url);
      } else if (event.key === "Escape") {
        event.preventDefault();
        close();
      }
    });

    input.addEventListener("blur", function () {
      window.setTimeout(close, 150);
    });
  }

  // A refused form: move focus to its summary of problems, so keyboard and screen reader users start there.
  function focusFormErrors() {
    var summary = document.querySelector(".form-errors[tabindex]");
    if (summary) {
      summary.focus();
    }
  }

  // A broadcast report hosted on YouTube: nothing is requested from YouTube until the visitor presses play; then the
  // privacy-enhanced player (youtube-nocookie.com, the only frame the site's policy allows) replaces the poster.
  function enhanceVideoConsent(box) {
    var button = box.querySelector("button");
    var address = box.getAttribute("data-embed") || "";
    if (!button || address.indexOf("https://www.youtube-nocookie.com/embed/") !== 0) {
      return;
    }

    button.hidden = false;
    button.addEventListener("click", function () {
      var frame = document.createElement("iframe");
      frame.src = address + "?autoplay=1&rel=0";
      frame.title = box.getAttribute("data-embed-title") || "";
      frame.width = "1280";
      frame.height = "720";
      frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
      frame.referrerPolicy = "strict-origin-when-cross-origin";
      frame.className = "video-frame";
      box.replaceWith(frame);
      frame.focus();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    enhanceNavigation();
    focusFormErrors();
    document.querySelectorAll(".video-consent[data-embed]").forEach(enhanceVideoConsent);
    document.querySelectorAll("form[data-suggest]").forEach(enhanceSearchBox);
    document.querySelectorAll("form[data-autosubmit]").forEach(enhanceFilters);
  });
})();
