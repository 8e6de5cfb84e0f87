/*
 * The staff search on the page sok/ (site/sok.md), over the Pagefind index the build writes into
 * pagefind/ (generators/outputs/site/search.py). Pagefind stems Swedish, so "avskrivningar" finds
 * the pages that say "avskrivning".
 *
 * Pagefind knows no synonyms: the organisation's (publication.search in organisation.yaml) come with
 * the page (the form's data-synonyms), and a query that contains one is also searched with each of
 * the others in its group; the pages found are merged, best score first. Recommended pages
 * (#sd-best-bets, real links on the page) are shown first when a query word is one of theirs.
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
  var synonyms = parseList(words.synonyms);
  var bets = document.getElementById("sd-best-bets");
  var pagefind = null;
  var latest = 0;
  // Queries run at most: the query itself and this many rewritten with synonyms.
  var MAX_ALTERNATIVES = 8;
  var SYNONYM_WEIGHT = 0.5;

  function parseList(raw) {
    try {
      var value = JSON.parse(raw || "[]");
      return Array.isArray(value) ? value : [];
    } catch (error) {
      return [];
    }
  }

  function normal(query) {
    return " " + query.toLocaleLowerCase("sv").replace(/\s+/g, " ").trim() + " ";
  }

  // The query, and the query with each synonym of a word or phrase it contains put in its place.
  function alternatives(query) {
    var asked = normal(query);
    var found = [asked.trim()];
    synonyms.forEach(function (group) {
      group.forEach(function (term) {
        var needle = normal(term);
        if (asked.indexOf(needle) < 0) {
          return;
        }
        group.forEach(function (other) {
          // The synonym as the organisation wrote it ("USA"); Pagefind itself ignores case.
          var rewritten = asked.replace(needle, " " + other.replace(/\s+/g, " ").trim() + " ").trim();
          if (other !== term && found.indexOf(rewritten) < 0 && found.length <= MAX_ALTERNATIVES) {
            found.push(rewritten);
          }
        });
      });
    });
    return found;
  }

  // Show the recommended pages whose words are in the query; hide the block when none is.
  function recommend(query) {
    if (!bets) {
      return;
    }
    var asked = normal(query);
    var any = false;
    bets.querySelectorAll("li[data-words]").forEach(function (item) {
      var hit = parseList(item.dataset.words).some(function (word) { return asked.indexOf(normal(word)) >= 0; });
      item.hidden = !hit;
      any = any || hit;
    });
    bets.hidden = !any;
  }

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

  // Every query's pages, each page once with its best score, best first. A page found only through
  // a synonym counts half: what the words asked for themselves comes first.
  function merged(searches) {
    var best = {};
    searches.forEach(function (found, index) {
      var weight = index === 0 ? 1 : SYNONYM_WEIGHT;
      found.results.forEach(function (result) {
        var score = result.score * weight;
        if (!best[result.id] || best[result.id].score < score) {
          best[result.id] = { id: result.id, score: score, data: result.data };
        }
      });
    });
    return Object.keys(best).map(function (id) { return best[id]; }).sort(function (a, b) {
      return b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    });
  }

  function search(query) {
    var ticket = ++latest;
    recommend(query);
    if (!query.trim()) {
      list.replaceChildren();
      say("");
      return;
    }
    say(words.busy);
    var queries = alternatives(query);
    load().then(function (module) {
      return Promise.all(queries.map(function (q) { return module.search(q); }));
    }).then(function (searches) {
      var found = merged(searches);
      // The best 25 are shown; the count is of every page found.
      return Promise.all(found.slice(0, 25).map(function (r) { return r.data(); })).then(function (results) {
        return { total: found.length, results: results };
      });
    }).then(function (answer) {
      if (ticket !== latest) {
        return; // a newer query is on its way
      }
      render(answer.results);
      var message = !answer.total ? words.none : answer.total === 1 ? words.one : words.many.replace("{count}", String(answer.total));
      if (queries.length > 1 && words.also) {
        message += " " + words.also.replace("{words}", queries.slice(1).join(", "));
      }
      say(message);
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
