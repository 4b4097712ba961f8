/* Copy buttons ([data-mt-copy]: copies its address) and the share box ([data-mt-share]: the phone's own
 * share menu through the Web Share API where the browser has it). Nothing leaves the page: no third-party
 * script, button or request. Without JavaScript the buttons stay hidden and the addresses are there to copy. */
(function () {
  "use strict";
  if (window.mtShareReady) return;  // the script may be included by several parts of one page
  window.mtShareReady = true;

  var status = document.createElement("p");
  status.className = "md-visually-hidden";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  document.body.appendChild(status);

  function announce(text) {
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(area);
      if (ok) { resolve(); } else { reject(new Error("copy")); }
    });
  }

  function onCopy(button) {
    var label = button.firstChild.nodeValue;
    copyText(button.getAttribute("data-mt-copy")).then(function () {
      button.firstChild.nodeValue = "Kopioitu";
      button.classList.add("mt-copy--done");
      announce("Osoite kopioitu leikepöydälle.");
      window.setTimeout(function () {
        button.firstChild.nodeValue = label;
        button.classList.remove("mt-copy--done");
      }, 2500);
    }, function () {
      announce("Kopiointi ei onnistunut. Valitse osoite ja kopioi se itse.");
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-mt-copy]"), function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { onCopy(button); });
  });

  Array.prototype.forEach.call(document.querySelectorAll("[data-mt-share]"), function (box) {
    var data = {title: box.getAttribute("data-title"), url: box.getAttribute("data-url")};
    var native = box.querySelector("[data-mt-share-native]");
    if (native && navigator.share && (!navigator.canShare || navigator.canShare(data))) {
      native.hidden = false;
      native.addEventListener("click", function () {
        navigator.share(data).catch(function () {});  // the reader closed the menu: nothing to say
      });
    }
    box.hidden = false;
  });
})();
