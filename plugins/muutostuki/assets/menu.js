/* The menu button. Material opens its side drawer from a <label for="__drawer">, which pointer users can
   click without JavaScript but the keyboard cannot reach and screen readers do not announce. This turns it
   into a <button> with a name and aria-expanded, moves focus into the opened menu and back on Escape. */
(function () {
  "use strict";
  /* Firefox restores a checkbox's state on reload; Material's toggles are not form data (theme_patches.py) */
  ["__drawer", "__search"].forEach(function (id) {
    var box = document.getElementById(id);
    if (box) box.checked = false;
  });
  var toggle = document.getElementById("__drawer");
  var label = document.querySelector("label[data-mt-menu]");
  var drawer = document.querySelector(".md-sidebar--primary");
  if (!toggle || !label || !drawer) return;
  drawer.id = drawer.id || "mt-valikko";
  var button = document.createElement("button");
  button.type = "button";
  button.className = label.className;
  button.innerHTML = label.innerHTML;
  button.setAttribute("aria-label", label.getAttribute("data-mt-menu"));
  button.setAttribute("aria-controls", drawer.id);
  button.setAttribute("aria-expanded", String(toggle.checked));
  label.parentNode.replaceChild(button, label);

  function firstLink() { return drawer.querySelector("a[href], [tabindex='0']"); }
  button.addEventListener("click", function () { toggle.click(); });
  toggle.addEventListener("change", function () {
    button.setAttribute("aria-expanded", String(toggle.checked));
    if (toggle.checked) {
      var link = firstLink();
      if (link) window.setTimeout(function () { link.focus(); }, 0);
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      toggle.click();
      button.focus();
    }
  });
})();
