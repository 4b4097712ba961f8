/* The region map as one Tab stop. Without this script every region is a link of its own (22 Tab stops,
   still complete); with it, Tab enters the map once and the arrow keys move to the region that lies in
   that direction on the map of Finland (Home/End: first/last), Enter opens it. Uusimaa's five small areas
   are reached in the enlarged inset, but found by their place on the main map. The focused region's
   border is drawn again on top, because neighbouring regions paint over it. */
(function () {
  "use strict";
  var main = document.querySelector(".mt-map__svg--main");
  if (!main) return;
  var links = Array.prototype.slice.call(document.querySelectorAll(".mt-map__svg a.mt-map__region:not([aria-hidden])"));
  if (!links.length) return;

  function centre(region) {
    var shape = main.querySelector('a[data-region="' + region + '"] path');
    var box = shape ? shape.getBBox() : { x: 0, y: 0, width: 0, height: 0 };
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }
  var places = links.map(function (link) { return centre(link.getAttribute("data-region")); });
  var DIRECTIONS = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] };

  function nearest(from, dir) {
    var best = -1, bestScore = Infinity, a = places[from];
    places.forEach(function (b, i) {
      if (i === from) return;
      var dx = b.x - a.x, dy = b.y - a.y;
      var along = dx * dir[0] + dy * dir[1];
      if (along <= 0) return;
      var across = Math.abs(dx * dir[1] - dy * dir[0]);
      var score = along + 2 * across;
      if (score < bestScore) { bestScore = score; best = i; }
    });
    return best;
  }

  function makeCurrent(index) {
    links.forEach(function (link, i) { link.setAttribute("tabindex", i === index ? "0" : "-1"); });
  }
  makeCurrent(0);

  links.forEach(function (link, index) {
    link.addEventListener("focus", function () { makeCurrent(index); });
    link.addEventListener("keydown", function (event) {
      var target = -1;
      if (DIRECTIONS[event.key]) target = nearest(index, DIRECTIONS[event.key]);
      else if (event.key === "Home") target = 0;
      else if (event.key === "End") target = links.length - 1;
      else return;
      event.preventDefault();
      if (target >= 0) links[target].focus();
    });
  });

  document.querySelectorAll(".mt-map__svg").forEach(function (svg) {
    var ring = document.createElementNS("http://www.w3.org/2000/svg", "path");
    ring.setAttribute("class", "mt-map__focus-ring");
    ring.setAttribute("aria-hidden", "true");
    svg.addEventListener("focusin", function (event) {
      var link = event.target.closest("a");
      if (!link) return;
      ring.setAttribute("d", link.querySelector("path").getAttribute("d"));
      svg.appendChild(ring);
    });
    svg.addEventListener("focusout", function () { ring.remove(); });
  });
})();
