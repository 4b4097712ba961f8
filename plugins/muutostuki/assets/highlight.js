/* On a page opened from a search result (?korosta=word), mark the searched words with Pagefind's own
 * highlight script, served from our pagefind/ bundle, and bring the first one into view. Any other page
 * loads nothing. */
(function () {
  "use strict";
  var PARAM = "korosta";
  var root = document.querySelector("[data-mt-search]");
  if (!root || !new URLSearchParams(window.location.search).getAll(PARAM).length) return;
  var script = new URL("pagefind-highlight.js", new URL(root.getAttribute("data-pagefind"), document.baseURI));
  import(script.href).then(function (module) {
    var Highlight = module.default || window.PagefindHighlight;
    new Highlight({highlightParam: PARAM, addStyles: false,
                   markOptions: {className: "mt-korostus", exclude: ["[data-pagefind-ignore]", "[data-pagefind-ignore] *", "[hidden]", "[hidden] *"]}});
    var first = document.querySelector("mark.mt-korostus");
    if (first && !window.location.hash) first.scrollIntoView({block: "center"});
  }).catch(function () {});
})();
