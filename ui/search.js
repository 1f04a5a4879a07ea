// Suggestions for search boxes marked data-suggest: products, domains, tags and canonical entities as one types.
// Without this script the boxes are plain search fields and everything still works.
(function () {
  "use strict";

  function debounce(fn, wait) {
    var timer;
    return function () {
      var args = arguments;
      clearTimeout(timer);
      timer = setTimeout(function () { fn.apply(null, args); }, wait);
    };
  }

  function option(list, value, label) {
    var item = document.createElement("option");
    item.value = value;
    if (label) { item.label = label; }
    list.appendChild(item);
  }

  function attach(input, index) {
    var list = document.createElement("datalist");
    list.id = "search-suggestions-" + index;
    input.setAttribute("list", list.id);
    input.parentNode.appendChild(list);
    var latest = 0;

    var refresh = debounce(function () {
      var typed = input.value.trim();
      var ticket = ++latest;
      if (typed.length < 2) { list.replaceChildren(); return; }
      fetch("/api/search/suggest?q=" + encodeURIComponent(typed), { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (found) {
          if (!found || ticket !== latest) { return; }
          list.replaceChildren();
          found.products.forEach(function (p) { option(list, p.title, "Product · " + p.domainName); });
          found.domains.forEach(function (d) { option(list, d.name, "Domain"); });
          found.tags.forEach(function (t) { option(list, t, "Tag"); });
          found.entities.forEach(function (e) { option(list, e, "Canonical entity"); });
        })
        .catch(function () { /* suggestions are a nicety; the search itself still works */ });
    }, 150);

    input.addEventListener("input", refresh);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("input[data-suggest]").forEach(attach);
  });
})();
