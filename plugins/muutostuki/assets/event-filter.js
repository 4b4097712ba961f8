/* Event listings: filter by region and topic in place (progressive enhancement).
   Without JavaScript the disclosure links to the per-region pages, which filter without scripts.
   A region with "alue ja valtakunnalliset" lists the region's own events first and moves the
   national ones (no regions) into their own section below; "vain tämä alue" leaves them out.
   Cancelled events are shown but not counted, as everywhere on the site. */
(function () {
  "use strict";
  var form = document.querySelector("[data-mt-event-filter]");
  if (!form) { return; }
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-mt-event-results] [data-mt-event]"));
  var homes = items.map(function (item) { return item.parentNode; });
  var groups = Array.prototype.slice.call(document.querySelectorAll("[data-mt-event-group]"));
  var nationalBox = document.querySelector("[data-mt-national]");
  var nationalList = nationalBox && nationalBox.querySelector("[data-mt-national-list]");
  var status = document.querySelector("[data-mt-filter-status]");
  var nojs = document.querySelector("[data-mt-filter-nojs]");
  var modes = form.querySelector("[data-mt-filter-modes]");
  var region = form.elements.alue;
  var category = form.elements.aihe;

  function words(el, name) {
    return (el.getAttribute(name) || "").split(" ").filter(Boolean);
  }

  function mode() {
    var checked = form.querySelector("input[name=nayta]:checked");
    return checked ? checked.value : "molemmat";
  }

  function isNational(item) { return words(item, "data-regions").length === 0; }

  function matches(item, r, m, c) {
    var national = isNational(item);
    var okRegion = !r || (r === "valtakunnallinen" ? national
      : words(item, "data-regions").indexOf(r) !== -1 || (national && m === "molemmat"));
    var okCategory = !c || words(item, "data-categories").indexOf(c) !== -1;
    return okRegion && okCategory;
  }

  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

  function apply(announce) {
    var r = region.value, c = category.value, m = mode();
    var separate = !!(nationalList && r && r !== "valtakunnallinen" && m === "molemmat");
    var own = 0, national = 0, cancelled = 0, inNationalBox = 0;
    modes.disabled = !r || r === "valtakunnallinen";
    items.forEach(function (item, i) {
      var visible = matches(item, r, m, c);
      var moved = separate && isNational(item);
      (moved ? nationalList : homes[i]).appendChild(item);  // in page order, so undoing restores the order
      item.hidden = !visible;
      if (!visible) { return; }
      if (moved) { inNationalBox += 1; }
      if (item.hasAttribute("data-uncounted")) { cancelled += 1; }
      else if (moved) { national += 1; }
      else { own += 1; }
    });
    groups.forEach(function (group) {
      group.hidden = !group.querySelector("[data-mt-event]:not([hidden])");
    });
    if (nationalBox) { nationalBox.hidden = inNationalBox === 0; }
    if (announce) {
      var text;
      if (own + national + cancelled === 0) { text = "Ei tapahtumia valituilla ehdoilla."; }
      else {
        text = "Näytetään " + plural(own, "tuleva tapahtuma", "tulevaa tapahtumaa");
        if (separate) { text += " alueelta ja " + plural(national, "valtakunnallinen", "valtakunnallista"); }
        if (cancelled) { text += " sekä " + plural(cancelled, "peruttu", "peruttua"); }
        text += ".";
      }
      status.textContent = text;
    }
    if (window.history && window.history.replaceState) {
      var params = new URLSearchParams(window.location.search);
      if (r) { params.set("alue", r); } else { params.delete("alue"); }
      if (r && m === "alue") { params.set("nayta", "alue"); } else { params.delete("nayta"); }
      if (c) { params.set("aihe", c); } else { params.delete("aihe"); }
      var query = params.toString();
      window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
    }
  }

  function choose(select, value) {
    for (var i = 0; i < select.options.length; i += 1) {
      if (select.options[i].value === value) { select.value = value; return true; }
    }
    return false;
  }

  var initial = new URLSearchParams(window.location.search);
  var preset = choose(region, initial.get("alue") || "") | choose(category, initial.get("aihe") || "");
  if (initial.get("nayta") === "alue") { form.querySelector("input[value=alue]").checked = true; }
  form.hidden = false;
  if (nojs) { nojs.hidden = true; }
  modes.disabled = !region.value || region.value === "valtakunnallinen";
  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(true); });
  form.addEventListener("reset", function () { window.setTimeout(function () { apply(true); }, 0); });
  if (preset && (region.value || category.value)) { apply(true); }
})();
