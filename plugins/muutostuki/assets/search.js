/* Site search over the Pagefind index: our own small UI so that labels, announcements and keyboard use
 * are Finnish and accessible (WCAG 2.1 AA), and so that results show their type, date and excerpt.
 * Pagefind loads only the index chunks a query needs; nothing is fetched before the reader starts to search.
 * Enter opens the results page /haku/ (search-page.js) with the query in its address.
 * Keyboard: Ctrl+K (Cmd+K) focuses the field (a modifier key, so no single-character shortcut, WCAG 2.1.4);
 * ArrowDown moves into the results, ArrowUp/ArrowDown between them, Escape closes and returns to the field. */
(function () {
  "use strict";
  var root = document.querySelector("[data-mt-search]");
  var core = window.mtSearchCore;
  if (!root || !core) return;
  var input = root.querySelector("#mt-search-input");
  var form = root.querySelector("form");
  var panel = root.querySelector("#mt-search-panel");
  var status = root.querySelector("#mt-search-status");
  var list = root.querySelector(".mt-search__results");
  var more = root.querySelector(".mt-search__more");
  var close = root.querySelector(".mt-search__close");
  var selects = Array.prototype.slice.call(root.querySelectorAll("select[data-filter]"));
  var PAGE = 8;
  var bundleUrl = new URL(root.getAttribute("data-pagefind"), document.baseURI);
  var pagefind = null;
  var loading = null;
  var latest = 0;
  var shown = [];
  var timer = null;

  root.hidden = false;

  function load() {
    if (!loading) {
      loading = core.load(bundleUrl).then(function (loaded) {
        pagefind = loaded;
        return pagefind.filters();
      }).then(fillFilters, function (error) {
        loading = null;  // try again at the next keystroke
        throw error;
      });
    }
    return loading;
  }

  function fillFilters(filters) {
    selects.forEach(function (select) {
      var values = Object.keys((filters || {})[select.getAttribute("data-filter")] || {});
      values.sort(function (a, b) { return a.localeCompare(b, "fi"); });
      values.forEach(function (value) {
        var option = document.createElement("option");
        option.value = value;
        option.textContent = value;
        select.appendChild(option);
      });
      select.disabled = values.length === 0;
    });
  }

  function activeFilters() {
    var filters = {};
    selects.forEach(function (select) {
      if (select.value) filters[select.getAttribute("data-filter")] = select.value;
    });
    return filters;
  }

  function open() {
    panel.hidden = false;
  }

  function shut(returnFocus) {
    panel.hidden = true;
    if (returnFocus) input.focus();
  }

  /* The status line is a polite live region; aria-busy on the list tells a search is still running. */
  function say(text, busy) {
    status.textContent = text;
    list.setAttribute("aria-busy", busy ? "true" : "false");
  }

  function showMore(results, query) {
    var next = results.slice(shown.length, shown.length + PAGE);
    var ticket = latest;
    return Promise.all(next.map(function (r) { return r.data(); })).then(function (datas) {
      if (ticket !== latest) return;
      datas.forEach(function (data) { list.appendChild(core.resultItem(data)); });
      shown = shown.concat(next);
      more.hidden = shown.length >= results.length;
    });
  }

  function run() {
    var query = input.value.trim();
    var filters = activeFilters();
    var ticket = ++latest;
    if (!query && !Object.keys(filters).length) {
      list.textContent = "";
      more.hidden = true;
      say("Kirjoita hakusana.");
      return;
    }
    open();
    say("Haetaan…", true);
    load().then(function () {
      return pagefind.search(query || null, {filters: filters});
    }).then(function (search) {
      if (ticket !== latest) return;
      list.textContent = "";
      shown = [];
      var results = (search && search.results) || [];
      if (!results.length) {
        more.hidden = true;
        say(query ? "Ei tuloksia haulle ”" + query + "”." : "Ei tuloksia valituilla rajauksilla.");
        return;
      }
      return showMore(results, query).then(function () {
        if (ticket !== latest) return;
        say(core.countText(results.length) + (query ? " haulle ”" + query + "”." : "."));
        core.onMore(more, list, function () { return showMore(results, query); });
      });
    }).catch(function () {
      if (ticket !== latest) return;
      open();
      say("Haku ei ole käytettävissä. Hakuhakemisto luodaan, kun sivusto rakennetaan (make build).");
    });
  }

  function schedule() {
    list.setAttribute("aria-busy", "true");
    clearTimeout(timer);
    timer = setTimeout(run, 180);
  }

  function resultLinks() {
    return Array.prototype.slice.call(list.querySelectorAll("a.mt-search__title"));
  }

  input.addEventListener("input", schedule);
  input.addEventListener("focus", function () { load().catch(function () {}); });
  input.addEventListener("click", function () {
    if (input.value.trim() && list.children.length) open();
  });
  /* Enter opens the results page with the query and filters in its address (the form's action). */
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    var params = new URLSearchParams();
    if (input.value.trim()) params.set("q", input.value.trim());
    selects.forEach(function (select) {
      if (select.value) params.set(select.getAttribute("data-param"), select.value);
    });
    var query = params.toString();
    window.location.assign(form.action + (query ? "?" + query : ""));
  });
  selects.forEach(function (select) { select.addEventListener("change", run); });
  close.addEventListener("click", function () { shut(true); });

  root.addEventListener("keydown", function (event) {
    var links = resultLinks();
    var index = links.indexOf(document.activeElement);
    if (event.key === "Escape") {
      if (!panel.hidden) {
        event.preventDefault();
        shut(true);
      } else if (input.value) {
        input.value = "";
      }
    } else if (event.key === "ArrowDown" && (document.activeElement === input || index >= 0) && links.length) {
      event.preventDefault();
      open();
      links[Math.min(index + 1, links.length - 1)].focus();
    } else if (event.key === "ArrowUp" && index >= 0) {
      event.preventDefault();
      (index === 0 ? input : links[index - 1]).focus();
    }
  });

  /* Close when focus or a click leaves the search; keep what was typed. */
  root.addEventListener("focusout", function (event) {
    if (event.relatedTarget && !root.contains(event.relatedTarget)) shut(false);
  });
  document.addEventListener("click", function (event) {
    if (!root.contains(event.target)) shut(false);
  });

  document.addEventListener("keydown", function (event) {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && (event.key === "k" || event.key === "K")) {
      event.preventDefault();
      input.focus();
      input.select();
      if (input.value) open();
    }
  });
})();
