/* What the header search (search.js) and the results page /haku/ (search-page.js) share: loading the
 * Pagefind index (in parts, merged in the browser), drawing one result safely, and "did you mean" over the
 * site's own words (haku/sanasto.json, written at build time), compared by edit distance.
 * Nothing is fetched until a reader searches. */
(function () {
  "use strict";
  var HIGHLIGHT_PARAM = "korosta";  // result links carry the query; highlight.js marks it on the page
  var loads = {};

  /* A large site's index is written in parts (pagefind/osat.json names the ones beside the first). */
  function parts(bundleUrl) {
    return fetch(new URL("osat.json", bundleUrl).href, {cache: "no-cache"}).then(function (response) {
      return response.ok ? response.json() : {osat: []};
    }).then(function (manifest) {
      return manifest.osat || [];
    }, function () {
      return [];
    });
  }

  /* Resolves to the Pagefind API with every part merged; one load per page however often it is asked. */
  function load(bundleUrl) {
    var key = bundleUrl.href;
    if (!loads[key]) {
      var options = {baseUrl: new URL("..", bundleUrl).pathname, excerptLength: 24,
                     highlightParam: HIGHLIGHT_PARAM};
      var pagefind = null;
      loads[key] = Promise.all([import(bundleUrl.href), parts(bundleUrl)]).then(function (loaded) {
        pagefind = loaded[0];
        return pagefind.options(options).then(function () {
          return Promise.all(loaded[1].map(function (part) {
            return pagefind.mergeIndex(new URL(part, bundleUrl).pathname, options);
          }));
        });
      }).then(function () {
        return pagefind;
      });
      loads[key].catch(function () { delete loads[key]; });
    }
    return loads[key];
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

  /* One result: title link, then type · date · regions (· past), then the excerpt. */
  function resultItem(data) {
    var meta = data.meta || {};
    var item = document.createElement("li");
    item.className = "mt-search__result";
    var link = document.createElement("a");
    link.className = "mt-search__title";
    link.href = data.url;
    link.textContent = meta.title || data.url;
    item.appendChild(link);
    var info = [meta.type, meta.date, meta.place, meta.regions].filter(Boolean).join(" · ");
    if (info || meta.past) {
      var line = document.createElement("p");
      line.className = "mt-search__meta";
      line.textContent = info;
      if (meta.past) {
        var past = document.createElement("span");
        past.className = "mt-search__past";
        past.textContent = meta.past;
        if (info) line.appendChild(document.createTextNode(" · "));
        line.appendChild(past);
      }
      item.appendChild(line);
    }
    item.appendChild(excerptNode(data.excerpt));
    return item;
  }

  /* Optimal string alignment distance (insertions, deletions, substitutions, swaps of two neighbours),
   * giving up as soon as it must exceed `max`. */
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var prev2 = null, prev = [], row, i, j;
    for (j = 0; j <= b.length; j++) prev.push(j);
    for (i = 1; i <= a.length; i++) {
      row = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1;
        var d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a.charAt(i - 1) === b.charAt(j - 2) && a.charAt(i - 2) === b.charAt(j - 1)) {
          d = Math.min(d, prev2[j - 2] + 1);
        }
        row.push(d);
        if (d < best) best = d;
      }
      if (best > max) return max + 1;
      prev2 = prev;
      prev = row;
    }
    return prev[b.length];
  }

  var vocabularies = {};

  function vocabulary(url) {
    if (!vocabularies[url]) {
      vocabularies[url] = fetch(url).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      }).then(function (data) {
        var words = data.sanat || [];
        return {words: words, known: new Set(words)};
      });
      vocabularies[url].catch(function () { delete vocabularies[url]; });
    }
    return vocabularies[url];
  }

  /* A word the site has, or another inflection of one: some site word begins with all of it but its
   * last three letters (Finnish endings), so "hyvinvointialueilla" is known, "hyvinvontialue" is not. */
  function isKnown(word, vocab) {
    if (vocab.known.has(word)) return true;
    var stem = word.slice(0, Math.max(4, word.length - 3));
    for (var i = 0; i < vocab.words.length; i++) {
      if (vocab.words[i].lastIndexOf(stem, 0) === 0) return true;
    }
    return false;
  }

  /* The query with every unknown word (4+ letters) replaced by the closest, most frequent site word,
   * or null when no word changes. One typo is allowed in a short word, two from 8 letters on. */
  function correct(query, vocab) {
    var changed = false;
    var words = query.toLowerCase().split(/\s+/).filter(Boolean).map(function (word) {
      if (word.length < 4 || !/^[a-zåäöéüšž-]+$/.test(word) || isKnown(word, vocab)) return word;
      var max = word.length >= 8 ? 2 : 1, best = null, bestDistance = max + 1;
      for (var i = 0; i < vocab.words.length && bestDistance > 1; i++) {
        var d = distance(word, vocab.words[i], max);
        if (d < bestDistance) { best = vocab.words[i]; bestDistance = d; }
      }
      if (best === null) return word;
      changed = true;
      return best;
    });
    return changed ? words.join(" ") : null;
  }

  function suggest(query, url) {
    return vocabulary(url).then(function (vocab) { return correct(query, vocab); }, function () { return null; });
  }

  /* "Näytä lisää tuloksia": list the next ones (showMore returns a promise) and move focus to the first new. */
  function onMore(button, list, showMore) {
    button.onclick = function () {
      var first = list.children.length;
      list.setAttribute("aria-busy", "true");
      showMore().then(function () {
        list.setAttribute("aria-busy", "false");
        var link = list.children[first] && list.children[first].querySelector("a");
        if (link) link.focus();
      });
    };
  }

  window.mtSearchCore = {load: load, countText: countText, resultItem: resultItem, excerptNode: excerptNode,
                         suggest: suggest, onMore: onMore, distance: distance, HIGHLIGHT_PARAM: HIGHLIGHT_PARAM};
})();
