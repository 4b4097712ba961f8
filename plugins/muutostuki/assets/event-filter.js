/* Event listings: filter by region and category in place (progressive enhancement).
   Without JavaScript the form stays hidden and the per-region pages do the filtering.
   A region choice keeps national events (no regions) visible, as the region pages do. */
(function () {
  "use strict";
  var form = document.querySelector("[data-mt-event-filter]");
  if (!form) { return; }
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-mt-event]"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("[data-mt-event-group]"));
  var status = form.querySelector("[data-mt-filter-status]");
  var region = form.elements.alue;
  var category = form.elements.aihe;

  function words(el, name) {
    return (el.getAttribute(name) || "").split(" ").filter(Boolean);
  }

  function matches(item, r, c) {
    var regions = words(item, "data-regions");
    var okRegion = !r || (r === "valtakunnallinen" ? regions.length === 0
      : regions.length === 0 || regions.indexOf(r) !== -1);
    var okCategory = !c || words(item, "data-categories").indexOf(c) !== -1;
    return okRegion && okCategory;
  }

  function apply(announce) {
    var r = region.value, c = category.value, shown = 0;
    items.forEach(function (item) {
      var visible = matches(item, r, c);
      item.hidden = !visible;
      if (visible) { shown += 1; }
    });
    groups.forEach(function (group) {
      group.hidden = !group.querySelector("[data-mt-event]:not([hidden])");
    });
    if (announce) {
      status.textContent = shown === 0 ? "Ei tapahtumia valituilla ehdoilla."
        : "Näytetään " + shown + " / " + items.length + (items.length === 1 ? " tapahtuma." : " tapahtumaa.");
    }
    if (window.history && window.history.replaceState) {
      var params = new URLSearchParams(window.location.search);
      if (r) { params.set("alue", r); } else { params.delete("alue"); }
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
  form.hidden = false;
  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(true); });
  form.addEventListener("reset", function () { window.setTimeout(function () { apply(true); }, 0); });
  if (preset && (region.value || category.value)) { apply(true); }
})();
