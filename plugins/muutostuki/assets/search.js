/* Site search over the Pagefind index: our own small UI so that labels, announcements and keyboard use
 * are Finnish and accessible (WCAG 2.1 AA), and so that results show their type, date and excerpt.
 * Pagefind loads only the index chunks a query needs; nothing is fetched before the reader starts to search.
 * Keyboard: Ctrl+K (Cmd+K) focuses the field (a modifier key, so no single-character shortcut, WCAG 2.1.4);
 * ArrowDown moves into the results, ArrowUp/ArrowDown between them, Escape closes and returns to the field. */
(function () {
  "use strict";
  var root = document.querySelector("[data-mt-search]");
  if (!root) return;
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

  /* A large site's index is written in parts (pagefind/osat.json names the ones beside the first);
   * Pagefind merges them in the browser and loads its WebAssembly once. */
  function parts() {
    return fetch(new URL("osat.json", bundleUrl).href, {cache: "no-cache"}).then(function (response) {
      return response.ok ? response.json() : {osat: []};
    }).then(function (manifest) {
      return manifest.osat || [];
    }, function () {
      return [];
    });
  }

  function load() {
    if (!loading) {
      var options = {baseUrl: new URL("..", bundleUrl).pathname, excerptLength: 24};
      loading = Promise.all([import(bundleUrl.href), parts()]).then(function (loaded) {
        pagefind = loaded[0];
        return pagefind.options(options).then(function () {
          return Promise.all(loaded[1].map(function (part) {
            return pagefind.mergeIndex(new URL(part, bundleUrl).pathname, options);
          }));
        });
      }).then(function () {
        return pagefind.filters();
      }).then(fillFilters);
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

  function countText(n) {
    return n === 1 ? "1 tulos" : n + " tulosta";
  }

  /* Pagefind excerpts are HTML with <mark> around matches: rebuild them from text nodes and marks only,
   * so nothing else from the index can ever become markup in the page. */
  function excerptNode(html) {
    var template = document.createElement("template");
    template.innerHTML = html || "";
    var out = document.createElement("p");
    out.className = "mt-search__excerpt";
    template.content.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  function resultItem(data) {
    var meta = data.meta || {};
    var item = document.createElement("li");
    item.className = "mt-search__result";
    var link = document.createElement("a");
    link.className = "mt-search__title";
    link.href = data.url;
    link.textContent = meta.title || data.url;
    item.appendChild(link);
    var info = [meta.type, meta.date, meta.place].filter(Boolean).join(" · ");
    if (info) {
      var line = document.createElement("p");
      line.className = "mt-search__meta";
      line.textContent = info;
      item.appendChild(line);
    }
    item.appendChild(excerptNode(data.excerpt));
    return item;
  }

  function showMore(results, query) {
    var next = results.slice(shown.length, shown.length + PAGE);
    var ticket = latest;
    return Promise.all(next.map(function (r) { return r.data(); })).then(function (datas) {
      if (ticket !== latest) return;
      datas.forEach(function (data) { list.appendChild(resultItem(data)); });
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
        say(countText(results.length) + (query ? " haulle ”" + query + "”." : "."));
        more.onclick = function () {
          var first = shown.length;
          list.setAttribute("aria-busy", "true");
          showMore(results, query).then(function () {
            list.setAttribute("aria-busy", "false");
            var link = list.children[first] && list.children[first].querySelector("a");
            if (link) link.focus();
          });
        };
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
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    run();
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
