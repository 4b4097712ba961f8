/* The results page haku/: reads the query and filters from the address (?q=…&tyyppi=…&alue=…), searches the
 * Pagefind index and lists the results. A new query is a new history entry (Back returns to the previous
 * one, and from a result page Back returns here with the query); a changed filter replaces the address,
 * so a reload or a shared link shows the same results. For a word the site does not contain it offers the
 * closest one it does ("Tarkoititko …?"). */
(function () {
  "use strict";
  var root = document.querySelector("[data-mt-search-page]");
  var core = window.mtSearchCore;
  if (!root || !core) return;
  var form = root.querySelector("form");
  var input = form.elements.q;
  var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
  var status = root.querySelector(".mt-searchpage__status");
  var suggestion = root.querySelector("[data-mt-suggest]");
  var list = root.querySelector(".mt-searchpage__results");
  var more = root.querySelector(".mt-search__more");
  var bundleUrl = new URL(root.getAttribute("data-pagefind"), document.baseURI);
  var vocabularyUrl = new URL(root.getAttribute("data-vocabulary"), document.baseURI).href;
  var siteName = root.getAttribute("data-site-name") || "";
  var PAGE = 10;
  var latest = 0;
  var shown = 0;

  form.hidden = false;
  root.querySelector("[data-mt-nojs]").hidden = true;

  /* An option is chosen by its address value (etela-savo) or by its name (Etelä-Savo, as the header sends). */
  function choose(select, value) {
    var wanted = (value || "").toLowerCase();
    select.value = "";
    Array.prototype.forEach.call(select.options, function (option) {
      if (wanted && (option.value === wanted || (option.getAttribute("data-name") || "").toLowerCase() === wanted)) {
        select.value = option.value;
      }
    });
  }

  function fromAddress() {
    var params = new URLSearchParams(window.location.search);
    input.value = params.get("q") || "";
    selects.forEach(function (select) { choose(select, params.get(select.name)); });
  }

  function address() {
    var params = new URLSearchParams();
    if (input.value.trim()) params.set("q", input.value.trim());
    selects.forEach(function (select) { if (select.value) params.set(select.name, select.value); });
    var query = params.toString();
    return window.location.pathname + (query ? "?" + query : "");
  }

  function filters() {
    var chosen = {};
    selects.forEach(function (select) {
      var option = select.options[select.selectedIndex];
      if (select.value && option) chosen[select.getAttribute("data-filter")] = option.getAttribute("data-name");
    });
    return chosen;
  }

  function say(text, busy) {
    status.textContent = text;
    list.setAttribute("aria-busy", busy ? "true" : "false");
  }

  function showSuggestion(query, corrected) {
    suggestion.textContent = "";
    suggestion.hidden = !corrected;
    if (!corrected) return;
    var params = new URLSearchParams(window.location.search);
    params.set("q", corrected);
    var link = document.createElement("a");
    link.href = window.location.pathname + "?" + params.toString();
    link.textContent = corrected;
    link.addEventListener("click", function (event) {
      event.preventDefault();
      input.value = corrected;
      submit();
    });
    suggestion.appendChild(document.createTextNode("Tarkoititko "));
    suggestion.appendChild(link);
    suggestion.appendChild(document.createTextNode("?"));
  }

  function showMore(results, ticket) {
    var next = results.slice(shown, shown + PAGE);
    return Promise.all(next.map(function (r) { return r.data(); })).then(function (datas) {
      if (ticket !== latest) return;
      datas.forEach(function (data) { list.appendChild(core.resultItem(data)); });
      shown += next.length;
      more.hidden = shown >= results.length;
    });
  }

  function run() {
    var query = input.value.trim();
    var chosen = filters();
    var ticket = ++latest;
    document.title = (query ? "Haku: " + query : "Haku") + (siteName ? " – " + siteName : "");
    list.textContent = "";
    more.hidden = true;
    shown = 0;
    showSuggestion(query, null);
    if (!query && !Object.keys(chosen).length) {
      say("Kirjoita hakusana ja paina Hae. Voit rajata tuloksia sisältötyypin ja alueen mukaan.");
      return;
    }
    say("Haetaan…", true);
    core.load(bundleUrl).then(function (pagefind) {
      return pagefind.search(query || null, {filters: chosen});
    }).then(function (search) {
      if (ticket !== latest) return;
      var results = (search && search.results) || [];
      var found = results.length ? core.countText(results.length) : "Ei tuloksia";
      var text = found + (query ? " haulle ”" + query + "”" : "") +
        (Object.keys(chosen).length ? " valituilla rajauksilla." : ".");
      var listed = results.length ? showMore(results, ticket) : Promise.resolve();
      // A misspelt word can still find pages through a short stem ("hyvinvontialue" -> "hyvin"), so the
      // query is checked against the site's words whatever the number of results.
      var corrected = query ? core.suggest(query, vocabularyUrl) : Promise.resolve(null);
      return Promise.all([listed, corrected]).then(function (done) {
        if (ticket !== latest) return;
        showSuggestion(query, done[1]);
        say(text);
        core.onMore(more, list, function () { return showMore(results, ticket); });
      });
    }).catch(function () {
      if (ticket !== latest) return;
      say("Haku ei ole käytettävissä. Hakuhakemisto luodaan, kun sivusto rakennetaan (make build).");
    });
  }

  function submit() {
    var target = address();
    if (target !== window.location.pathname + window.location.search) window.history.pushState(null, "", target);
    run();
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    submit();
  });
  selects.forEach(function (select) {
    select.addEventListener("change", function () {
      window.history.replaceState(null, "", address());
      run();
    });
  });
  window.addEventListener("popstate", function () {
    fromAddress();
    run();
  });

  fromAddress();
  run();
  if (!input.value) input.focus();
})();
