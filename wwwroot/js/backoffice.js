// The back office's enhancements. Every screen works without this file; with it, editing is quicker:
// Markdown toolbar and live preview (rendered by the site's own renderer and sanitiser), copy from Vietnamese,
// filters on long pickers, key-value rows that can be added, removed and reordered, drag-and-drop sorting of
// pages (the arrow buttons stay as the keyboard way), confirmations before deleting, focus on problems, media
// uploads with progress and drag and drop, and the focal point set by clicking on the picture.
(function () {
  "use strict";

  function token() {
    var input = document.querySelector("input[name='__RequestVerificationToken']");
    return input ? input.value : "";
  }

  function text(key, fallback) {
    return document.documentElement.getAttribute("data-" + key) || fallback;
  }

  // ---- Markdown: a toolbar that wraps the selection, and a preview that follows the typing.
  function enhanceMarkdown(area) {
    var bar = document.createElement("div");
    bar.className = "bo-markdown-bar";
    bar.setAttribute("role", "toolbar");
    bar.setAttribute("aria-controls", area.id);
    [["B", "**", "**"], ["I", "_", "_"], ["H2", "## ", ""], ["H3", "### ", ""], ["•", "- ", ""], ["1.", "1. ", ""], [text("link-label", "Link"), "[", "](https://)"]].forEach(function (tool) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = tool[0];
      button.addEventListener("click", function () {
        var start = area.selectionStart, end = area.selectionEnd, value = area.value;
        var lineStart = tool[2] === "" ? value.lastIndexOf("\n", start - 1) + 1 : start;
        var before = value.slice(0, lineStart), middle = value.slice(lineStart, end), after = value.slice(end);
        area.value = before + tool[1] + middle + tool[2] + after;
        area.focus();
        area.selectionStart = lineStart + tool[1].length;
        area.selectionEnd = end + tool[1].length;
        schedule();
      });
      bar.appendChild(button);
    });
    area.parentNode.insertBefore(bar, area);

    // The server drew the first preview with the page; this only follows the typing.
    var preview = document.querySelector("[data-preview-for='" + area.id + "']");
    if (!preview) {
      return;
    }

    var timer = null;
    function render() {
      var body = new URLSearchParams();
      body.set("text", area.value);
      body.set("__RequestVerificationToken", token());
      fetch("/backoffice/markdown/preview", { method: "POST", body: body, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.text() : ""; })
        .then(function (html) { preview.innerHTML = html; })
        .catch(function () { });
    }
    function schedule() {
      window.clearTimeout(timer);
      timer = window.setTimeout(render, 350);
    }
    area.addEventListener("input", schedule);
  }

  // ---- Copy one field from the first language's column into this one.
  function enhanceCopy(button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var field = button.getAttribute("data-copy-field");
      // The source is an input when this person may edit it, otherwise the read-only text holding its value.
      var name = button.getAttribute("data-copy-from") + ".p." + field;
      var from = document.querySelector("[name='" + name + "']") || document.querySelector("[data-copy-name='" + name + "']");
      var to = document.querySelector("[name='" + button.getAttribute("data-copy-to") + ".p." + field + "']");
      if (from && to && "value" in to) {
        to.value = "value" in from && from.tagName !== "DIV" ? from.value : from.getAttribute("data-copy-value");
        to.dispatchEvent(new Event("input"));
        to.focus();
      }
    });
  }

  // ---- A text filter above long lists of choices.
  function enhanceFilter(list) {
    var input = document.createElement("input");
    input.type = "search";
    input.className = "bo-filter";
    input.setAttribute("aria-label", text("filter-label", "Filter"));
    input.placeholder = text("filter-label", "Filter") + "…";
    list.parentNode.insertBefore(input, list);
    var fold = function (s) { return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase(); };
    input.addEventListener("input", function () {
      var wanted = fold(input.value.trim());
      if (list.tagName === "SELECT") {
        Array.prototype.forEach.call(list.options, function (option) {
          option.hidden = wanted !== "" && option.value !== "" && fold(option.textContent).indexOf(wanted) < 0;
        });
      } else {
        list.querySelectorAll(".bo-check, .bo-media-option").forEach(function (item) {
          item.hidden = wanted !== "" && fold(item.textContent).indexOf(wanted) < 0;
        });
      }
    });
  }

  // ---- Key-value rows: add, remove, move up and down.
  function enhanceRows(table) {
    var body = table.tBodies[0];
    function buttons(row) {
      var cell = row.querySelector(".bo-row-actions");
      if (!cell || cell.childElementCount) {
        return;
      }
      [["↑", -1], ["↓", 1], ["×", 0]].forEach(function (spec) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "bo-icon-button";
        button.textContent = spec[0];
        button.setAttribute("aria-label", spec[1] === 0 ? text("remove-label", "Remove row") : spec[1] < 0 ? text("up-label", "Move row up") : text("down-label", "Move row down"));
        button.addEventListener("click", function () {
          if (spec[1] === 0) {
            row.querySelectorAll("input, select").forEach(function (input) { input.value = ""; });
            if (body.rows.length > 1) {
              row.remove();
            }
          } else if (spec[1] < 0 && row.previousElementSibling) {
            body.insertBefore(row, row.previousElementSibling);
          } else if (spec[1] > 0 && row.nextElementSibling) {
            body.insertBefore(row.nextElementSibling, row);
          }
          button.focus();
        });
        cell.appendChild(button);
      });
    }
    Array.prototype.forEach.call(body.rows, buttons);
    var add = document.createElement("button");
    add.type = "button";
    add.className = "bo-link";
    add.textContent = text("add-label", "Add a row");
    add.addEventListener("click", function () {
      var copy = body.rows[body.rows.length - 1].cloneNode(true);
      copy.querySelectorAll("input, select").forEach(function (input) { input.value = ""; });
      copy.querySelector(".bo-row-actions").textContent = "";
      body.appendChild(copy);
      buttons(copy);
      copy.querySelector("input, select").focus();
    });
    table.parentNode.insertBefore(add, table.nextSibling);
  }

  // ---- Drag the rows of the tree to sort pages; the new order is posted at once.
  function enhanceSorting(table) {
    var body = table.tBodies[0];
    var dragged = null;
    body.addEventListener("dragstart", function (event) {
      dragged = event.target.closest("tr");
      if (dragged) {
        dragged.classList.add("bo-dragging");
        event.dataTransfer.effectAllowed = "move";
      }
    });
    body.addEventListener("dragover", function (event) {
      var over = event.target.closest("tr");
      if (!dragged || !over || over === dragged) {
        return;
      }
      event.preventDefault();
      var after = event.clientY > over.getBoundingClientRect().top + over.offsetHeight / 2;
      body.insertBefore(dragged, after ? over.nextSibling : over);
    });
    body.addEventListener("dragend", function () {
      if (!dragged) {
        return;
      }
      dragged.classList.remove("bo-dragging");
      dragged = null;
      var data = new URLSearchParams();
      Array.prototype.forEach.call(body.rows, function (row) { data.append("order", row.getAttribute("data-id")); });
      data.set("__RequestVerificationToken", token());
      fetch(table.getAttribute("data-sort-url"), { method: "POST", body: data, headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) { if (!response.ok) { window.location.reload(); } });
    });
  }

  // ---- Decision-list upload: the file goes up with a progress bar, then the dry run's report opens.
  function enhanceUpload(form) {
    var box = form.querySelector(".bo-progress");
    var bar = box ? box.querySelector("progress") : null;
    var status = box ? box.querySelector("[role='status']") : null;
    form.addEventListener("submit", function (event) {
      if (!window.XMLHttpRequest || !window.FormData || !bar) {
        return;
      }
      event.preventDefault();
      var button = form.querySelector("button[type='submit']");
      if (button) { button.disabled = true; }
      box.hidden = false;
      bar.value = 0;
      var request = new XMLHttpRequest();
      request.open("POST", form.action);
      request.upload.addEventListener("progress", function (e) {
        if (e.lengthComputable) { bar.value = Math.round(100 * e.loaded / e.total); }
      });
      request.upload.addEventListener("load", function () {
        bar.removeAttribute("value");
        if (status) { status.textContent = status.getAttribute("data-checking") || ""; }
      });
      request.addEventListener("load", function () {
        if (request.status === 200 && request.responseURL && request.responseURL !== form.action) {
          window.location.assign(request.responseURL);
          return;
        }
        // A refusal (no file, too large, wrong type): show the page's answer in place of this one's main part.
        var page = new DOMParser().parseFromString(request.responseText, "text/html");
        var main = page.querySelector("main");
        if (main) {
          document.querySelector("main").innerHTML = main.innerHTML;
          document.querySelectorAll("form[data-upload-progress]").forEach(enhanceUpload);
          var alert = document.querySelector("main [role='alert']");
          if (alert) { alert.setAttribute("tabindex", "-1"); alert.focus(); }
        } else {
          form.submit();
        }
      });
      request.addEventListener("error", function () { form.submit(); });
      request.send(new FormData(form));
    });
  }

  // ---- A long action (an import): the button says it is working and cannot be pressed twice.
  function enhanceBusy(form) {
    form.addEventListener("submit", function () {
      var button = form.querySelector("button[type='submit']");
      if (button) {
        button.disabled = true;
        button.textContent = form.getAttribute("data-busy");
      }
    });
  }

  // ---- Search index rebuild: started without leaving the page, its progress polled every second.
  function enhanceRebuild(form) {
    var url = form.getAttribute("data-rebuild-progress");
    var box = form.querySelector(".bo-progress");
    var bar = box ? box.querySelector("progress") : null;
    var status = form.querySelector("[role='status']");
    var button = form.querySelector("button[type='submit']");
    function show(progress) {
      if (box) { box.hidden = !progress.rebuilding; }
      if (bar) { bar.value = progress.percent; }
      if (status) { status.textContent = progress.message; }
      if (button) { button.disabled = progress.rebuilding; }
    }
    function poll() {
      fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (response) { return response.json(); })
        .then(function (progress) {
          show(progress);
          if (progress.rebuilding) { window.setTimeout(poll, 1000); }
        })
        .catch(function () { });
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var body = new URLSearchParams();
      body.set("__RequestVerificationToken", token());
      fetch(form.action, { method: "POST", body: body, credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (response) { return response.json(); })
        .then(function (progress) { show(progress); window.setTimeout(poll, 500); })
        .catch(function () { form.submit(); });
    });
    if (box && !box.hidden) { poll(); }
  }

  // ---- The QR sheet's print button (printing works from the browser's menu too).
  function enhancePrint(button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  }

  // ---- Media uploads: files chosen or dropped on the form go one per request, each with its progress bar.
  function enhanceMediaUpload(form) {
    var input = form.querySelector("input[type='file']");
    var list = form.parentNode.querySelector("[data-upload-list]");
    var maxBytes = Number(form.getAttribute("data-max-bytes")) || 0;
    var hint = form.querySelector(".bo-drop-hint");
    if (!input || !list) {
      return;
    }
    if (hint) {
      hint.hidden = false;
    }

    function formToken() {
      var field = form.querySelector("input[name='__RequestVerificationToken']");
      return field ? field.value : token();
    }

    function row(file) {
      var item = document.createElement("li");
      var name = document.createElement("strong");
      name.textContent = file.name;
      var bar = document.createElement("progress");
      bar.max = 100;
      bar.value = 0;
      bar.setAttribute("aria-label", file.name);
      var status = document.createElement("span");
      item.appendChild(name);
      item.appendChild(bar);
      item.appendChild(status);
      list.appendChild(item);
      return { item: item, bar: bar, status: status };
    }

    function fail(entry, message) {
      entry.item.className = "bo-upload-failed";
      entry.bar.remove();
      entry.status.setAttribute("role", "alert");
      entry.status.textContent = message || form.getAttribute("data-failed");
    }

    function done(entry, answer) {
      entry.item.className = "bo-upload-ok";
      entry.bar.value = 100;
      entry.bar.remove();
      if (answer.thumbnail) {
        var picture = document.createElement("img");
        picture.src = answer.thumbnail;
        picture.alt = "";
        picture.width = 48;
        picture.height = 48;
        entry.item.insertBefore(picture, entry.item.firstChild);
      }
      var link = document.createElement("a");
      link.href = answer.url;
      link.textContent = form.getAttribute("data-uploaded");
      entry.status.appendChild(link);
    }

    function send(file) {
      var entry = row(file);
      if (maxBytes && file.size > maxBytes) {
        fail(entry, form.getAttribute("data-too-large"));
        return Promise.resolve();
      }
      return new Promise(function (resolve) {
        var data = new FormData();
        data.append("__RequestVerificationToken", formToken());
        data.append("file", file, file.name);
        var request = new XMLHttpRequest();
        request.open("POST", form.getAttribute("action"));
        request.setRequestHeader("Accept", "application/json");
        request.setRequestHeader("RequestVerificationToken", formToken());
        request.upload.addEventListener("progress", function (event) {
          if (event.lengthComputable) {
            entry.bar.value = Math.round(event.loaded * 100 / event.total);
          }
        });
        request.addEventListener("load", function () {
          var answer = null;
          try {
            answer = JSON.parse(request.responseText);
          } catch (e) {
            answer = null;
          }
          var first = answer && answer.files && answer.files[0];
          if (request.status === 200 && first && first.ok) {
            done(entry, first);
          } else {
            fail(entry, (first && first.message) || (answer && answer.message));
          }
          resolve();
        });
        request.addEventListener("error", function () {
          fail(entry);
          resolve();
        });
        request.send(data);
      });
    }

    // One file after the other: the server processes uploads a few at a time anyway.
    function sendAll(files) {
      Array.prototype.reduce.call(files, function (previous, file) {
        return previous.then(function () { return send(file); });
      }, Promise.resolve());
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (input.files.length) {
        sendAll(Array.prototype.slice.call(input.files));
        input.value = "";
      }
    });
    form.addEventListener("dragover", function (event) {
      event.preventDefault();
      form.classList.add("bo-dragover");
    });
    form.addEventListener("dragleave", function () {
      form.classList.remove("bo-dragover");
    });
    form.addEventListener("drop", function (event) {
      event.preventDefault();
      form.classList.remove("bo-dragover");
      if (event.dataTransfer && event.dataTransfer.files.length) {
        sendAll(Array.prototype.slice.call(event.dataTransfer.files));
      }
    });
  }

  // ---- The focal point: a click on the picture sets the hidden x and y (0 to 1); arrow keys move it.
  function enhanceFocal(box) {
    var image = box.querySelector("img");
    var marker = box.querySelector(".bo-focal-marker");
    var x = document.getElementById("focal-x");
    var y = document.getElementById("focal-y");
    if (!image || !marker || !x || !y) {
      return;
    }
    x.type = "hidden";
    y.type = "hidden";
    document.querySelectorAll("[data-focal-field], [data-focal-hint]").forEach(function (element) { element.hidden = true; });
    document.querySelectorAll("[data-focal-script-hint]").forEach(function (element) { element.hidden = false; });

    var button = document.createElement("button");
    button.type = "button";
    button.className = "bo-focal-button";
    button.setAttribute("aria-label", box.getAttribute("data-focal-label"));
    box.insertBefore(button, image);
    button.appendChild(image);

    function value(input) {
      var number = Number(input.value);
      return isFinite(number) && input.value !== "" ? number : 0.5;
    }
    function show() {
      marker.hidden = false;
      marker.style.left = (value(x) * 100) + "%";
      marker.style.top = (value(y) * 100) + "%";
    }
    function set(fx, fy) {
      x.value = String(Math.round(Math.min(1, Math.max(0, fx)) * 1000) / 1000);
      y.value = String(Math.round(Math.min(1, Math.max(0, fy)) * 1000) / 1000);
      show();
    }
    button.addEventListener("click", function (event) {
      if (event.detail === 0) {
        return;
      }
      var rect = image.getBoundingClientRect();
      set((event.clientX - rect.left) / rect.width, (event.clientY - rect.top) / rect.height);
    });
    button.addEventListener("keydown", function (event) {
      var step = { ArrowLeft: [-0.05, 0], ArrowRight: [0.05, 0], ArrowUp: [0, -0.05], ArrowDown: [0, 0.05] }[event.key];
      if (step) {
        event.preventDefault();
        set(value(x) + step[0], value(y) + step[1]);
      }
    });
    show();
  }

  // ---- Ask before anything that removes pages.
  function enhanceConfirm(form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.getAttribute("data-confirm"))) {
        event.preventDefault();
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("textarea.bo-md").forEach(enhanceMarkdown);
    document.querySelectorAll("button[data-copy-field]").forEach(enhanceCopy);
    document.querySelectorAll("[data-filterable='true']").forEach(enhanceFilter);
    document.querySelectorAll("table.bo-kv").forEach(enhanceRows);
    document.querySelectorAll("table.bo-tree[data-sort-url]").forEach(enhanceSorting);
    document.querySelectorAll("form[data-confirm]").forEach(enhanceConfirm);
    document.querySelectorAll("form[data-upload-progress]").forEach(enhanceUpload);
    document.querySelectorAll("form[data-busy]").forEach(enhanceBusy);
    document.querySelectorAll("form[data-rebuild-progress]").forEach(enhanceRebuild);
    document.querySelectorAll("button[data-print]").forEach(enhancePrint);
    document.querySelectorAll("form[data-upload]").forEach(enhanceMediaUpload);
    document.querySelectorAll("[data-focal]").forEach(enhanceFocal);
    var problems = document.querySelector(".bo-alert[tabindex]");
    if (problems) {
      problems.focus();
    }
  });
})();
