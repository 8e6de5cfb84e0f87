/*
 * The staff search on the page sok/ (site/sok.md), over the Pagefind index the build writes into
 * pagefind/ (generators/outputs/site/search.py). Pagefind stems Swedish, so "avskrivningar" finds
 * the pages that say "avskrivning".
 *
 * Every word shown comes from the page itself (the form's data-* attributes) or from the index; this
 * script writes no text of its own. Excerpts from the index are inserted as text, with only
 * Pagefind's <mark> kept: page text can never become markup here.
 *
 * Loaded on every page (mkdocs.yml extra_javascript) and does nothing where there is no search form.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var form = document.querySelector("form[data-sd-search]");
  if (!form || !script) {
    return;
  }
  // assets/sok.js → the site root, wherever the site is served from.
  var root = new URL("../", script.src);
  var input = form.querySelector("input[name=q]");
  var status = document.getElementById("sd-search-status");
  var list = document.getElementById("sd-search-results");
  var words = form.dataset;
  var pagefind = null;
  var latest = 0;

  function say(message) {
    status.textContent = message;
  }

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", root).href).then(function (module) {
        // No bonus for short pages: the role pages are short summaries of the documents, which should come first.
        return module.options({ baseUrl: root.pathname, ranking: { pageLength: 0.1 } }).then(function () { return module; });
      });
    }
    return pagefind;
  }

  // Pagefind's excerpt is text with <mark> around the matched words: keep exactly that.
  function excerpt(html) {
    var template = document.createElement("template");
    template.innerHTML = html;
    var out = document.createDocumentFragment();
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

  function link(url, title) {
    var a = document.createElement("a");
    a.href = url;
    a.textContent = title;
    return a;
  }

  function render(results) {
    list.replaceChildren();
    results.forEach(function (result) {
      var item = document.createElement("li");
      var heading = document.createElement("h2");
      heading.className = "sd-search-results__title";
      heading.appendChild(link(result.url, result.meta.title || result.url));
      item.appendChild(heading);
      var text = document.createElement("p");
      text.appendChild(excerpt(result.excerpt || ""));
      item.appendChild(text);
      // The headings on the page where the words stand (a matter, a zone, a section).
      var parts = (result.sub_results || []).filter(function (sub) { return sub.url !== result.url; }).slice(0, 3);
      if (parts.length) {
        var more = document.createElement("p");
        more.className = "sd-search-results__more";
        more.textContent = words.more + " ";
        parts.forEach(function (sub, index) {
          if (index) {
            more.appendChild(document.createTextNode(" · "));
          }
          more.appendChild(link(sub.url, sub.title));
        });
        item.appendChild(more);
      }
      list.appendChild(item);
    });
  }

  function search(query) {
    var ticket = ++latest;
    if (!query.trim()) {
      list.replaceChildren();
      say("");
      return;
    }
    say(words.busy);
    load().then(function (module) {
      return module.search(query);
    }).then(function (found) {
      // The best 25 are shown; the count is of every page found.
      return Promise.all(found.results.slice(0, 25).map(function (r) { return r.data(); })).then(function (results) {
        return { total: found.results.length, results: results };
      });
    }).then(function (answer) {
      if (ticket !== latest) {
        return; // a newer query is on its way
      }
      render(answer.results);
      if (!answer.total) {
        say(words.none);
      } else {
        say(answer.total === 1 ? words.one : words.many.replace("{count}", String(answer.total)));
      }
    }).catch(function () {
      say(words.unavailable);
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var query = input.value;
    var address = new URL(window.location.href);
    address.searchParams.set("q", query);
    window.history.replaceState(null, "", address.href);
    search(query);
  });

  var asked = new URL(window.location.href).searchParams.get("q");
  if (asked) {
    input.value = asked;
    search(asked);
  }
})();
