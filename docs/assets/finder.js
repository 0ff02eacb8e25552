/* Little Steps finder: filters the server-rendered list in place and keeps the filters in the URL.
   No framework, no requests. Re-runs on Material's document$ so instant navigation works. */
(function () {
  "use strict";
  var MAX_MONTHS = 18 * 12 + 11;

  // "4" -> a 4-year-old (48-59 months); "4.5" -> 54 months; "18m" -> 18 months.
  function parseAge(text) {
    var t = String(text).trim().toLowerCase(), m;
    if ((m = /^(\d{1,3})\s*m$/.exec(t))) {
      var months = +m[1];
      return months <= MAX_MONTHS ? [months, months] : null;
    }
    if ((m = /^(\d{1,2})$/.exec(t)) && +m[1] <= 18) return [+m[1] * 12, +m[1] * 12 + 11];
    if ((m = /^(\d{1,2})\.(\d{1,2})$/.exec(t)) && +t <= 18) {
      var exact = Math.floor(parseFloat(t) * 12);
      return [exact, exact];
    }
    return null;
  }

  function ageLabel(text) {
    var t = String(text).toLowerCase();
    return /m$/.test(t) ? parseInt(t, 10) + " months" : t + " years";
  }

  function init() {
    var root = document.querySelector("[data-finder]");
    if (!root || root.getAttribute("data-ready")) return;
    try { setup(root); } finally { root.setAttribute("data-ready", "1"); }  // always show the list
  }

  function setup(root) {
    var form = root.querySelector("[data-finder-form]");
    var status = root.querySelector("[data-finder-count]");
    var notes = root.querySelector("[data-finder-notes]");
    var empty = root.querySelector("[data-finder-empty]");
    var ageSelect = form.querySelector("select[name=age]");
    var groups = [].slice.call(root.querySelectorAll("[data-group]"));
    var tocLinks = [].slice.call(root.querySelectorAll(".ls-finder__toc a"));
    var items = [];
    groups.forEach(function (g, k) {
      [].forEach.call(g.querySelectorAll("li[data-id]"), function (el) {
        items.push({ el: el, group: k, hidden: el.hidden, id: el.getAttribute("data-id"), kind: el.getAttribute("data-kind"),
                     min: +el.getAttribute("data-min"), max: +el.getAttribute("data-max"),
                     sits: " " + el.getAttribute("data-situations") + " " });
      });
    });
    var total = new Set(items.map(function (i) { return i.id; })).size;
    var known = { situation: values("situation"), kind: values("kind") };
    form.hidden = false;
    var situationList = form.querySelector("[data-finder-situations]");
    var chosen = form.querySelector("[data-finder-chosen]");

    function values(name) {
      return [].slice.call(form.querySelectorAll("input[name=" + name + "]")).map(function (b) { return b.value; });
    }
    function checked(name) {
      return [].slice.call(form.querySelectorAll("input[name=" + name + "]:checked")).map(function (b) { return b.value; });
    }
    function listParam(params, name) {
      var out = [];
      params.getAll(name).forEach(function (v) { v.split(",").forEach(function (p) { if (p.trim()) out.push(p.trim()); }); });
      return out;
    }

    // Read the URL into the form; anything we cannot use is ignored with a note, never an error.
    function fromUrl() {
      var params = new URLSearchParams(location.search), problems = [];
      var age = params.get("age");
      if (age !== null && age !== "") {
        if (parseAge(age)) {
          var value = age.trim().toLowerCase();
          if (![].some.call(ageSelect.options, function (o) { return o.value === value; })) {
            ageSelect.add(new Option(ageLabel(value), value));
          }
          ageSelect.value = value;
        } else problems.push("age \u201c" + age.slice(0, 40) + "\u201d (use a number of years like 4 or 4.5, or months like 18m)");
      }
      ["situation", "kind"].forEach(function (name) {
        listParam(params, name).forEach(function (v) {
          var box = known[name].indexOf(v) >= 0 && form.querySelector("input[name=" + name + "][value=\"" + v + "\"]");
          if (box) box.checked = true;
          else problems.push(name + " \u201c" + v.slice(0, 40) + "\u201d (not one we know)");
        });
      });
      notes.hidden = !problems.length;
      notes.textContent = problems.length ? "We ignored part of this link: " + problems.join("; ") + "." : "";
    }

    function toUrl() {
      var params = new URLSearchParams();
      if (ageSelect.value) params.set("age", ageSelect.value);
      checked("situation").forEach(function (v) { params.append("situation", v); });
      checked("kind").forEach(function (v) { params.append("kind", v); });
      var query = params.toString();
      history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
    }

    // Counts distinct entries that match; with `shown`, also hides the rest and counts per group.
    // Items in a group whose situation is not chosen are skipped: the whole group is hidden, and
    // any entry that matches also sits in a chosen group, so the count stays right.
    function count(span, sits, kinds, shown) {
      var seen = new Set(), wanted = {}, allowed = groups.map(function (g) {
        return !sits.length || sits.indexOf(g.getAttribute("data-group")) >= 0;
      });
      kinds.forEach(function (k) { wanted[k] = true; });
      for (var n = 0; n < items.length; n++) {
        var i = items[n];
        if (!allowed[i.group]) continue;
        var ok = (!span || (i.min <= span[1] && span[0] <= i.max)) && (!kinds.length || wanted[i.kind] === true);
        if (ok && sits.length) {
          ok = false;
          for (var s = 0; s < sits.length && !ok; s++) ok = i.sits.indexOf(" " + sits[s] + " ") >= 0;
        }
        if (shown) {
          if (i.hidden !== !ok) i.el.hidden = i.hidden = !ok;
          if (ok) shown[i.group]++;
        }
        if (ok) seen.add(i.id);
      }
      return seen.size;
    }

    function apply() {
      var span = ageSelect.value ? parseAge(ageSelect.value) : null;
      var sits = checked("situation"), kinds = checked("kind");
      var shown = groups.map(function () { return 0; });
      var n = count(span, sits, kinds, shown);
      groups.forEach(function (g, k) {
        // With situations chosen, show only their groups: an entry in two groups is not listed twice.
        var visible = shown[k] > 0 && (!sits.length || sits.indexOf(g.getAttribute("data-group")) >= 0);
        if (g.hidden === visible) g.hidden = !visible;
        if (tocLinks[k] && tocLinks[k].parentNode.hidden === visible) tocLinks[k].parentNode.hidden = !visible;
      });
      // The situation list folds away on phones; its summary says what is chosen.
      chosen.textContent = sits.length ? sits.map(function (v) {
        return form.querySelector("input[name=situation][value=\"" + v + "\"]").parentNode.textContent.trim();
      }).join(", ") : "Any situation";
      var filtered = span || sits.length || kinds.length;
      status.textContent = filtered ? n + " of " + total + " match your choices." : total + " pages, books and episodes.";
      empty.hidden = n > 0;
      if (!n) showEmpty(span, sits, kinds);
    }

    // Nothing matched: suggest the nearest ages that have results, or dropping a filter.
    function showEmpty(span, sits, kinds) {
      empty.textContent = "";
      var p = document.createElement("p");
      p.textContent = "Nothing matches all of these choices yet. Try:";
      var ul = document.createElement("ul");
      var ages = [];
      for (var y = 0; y <= 12; y++) ages.push(String(y));
      if (span) {
        var centre = (span[0] + span[1]) / 2;
        ages.map(function (a) { return [a, count(parseAge(a), sits, kinds, false)]; })
          .filter(function (a) { return a[1] > 0; })
          .sort(function (a, b) { return Math.abs(parseAge(a[0])[0] + 6 - centre) - Math.abs(parseAge(b[0])[0] + 6 - centre); })
          .slice(0, 2).forEach(function (a) { ul.appendChild(option(a[0] + " years (" + a[1] + ")", function () { ageSelect.value = a[0]; })); });
        ul.appendChild(option("any age", function () { ageSelect.value = ""; }));
      }
      if (kinds.length) ul.appendChild(option("every kind", function () { clear("kind"); }));
      if (sits.length) ul.appendChild(option("every situation", function () { clear("situation"); }));
      empty.appendChild(p);
      empty.appendChild(ul);
    }
    function option(label, change) {
      var li = document.createElement("li"), b = document.createElement("button");
      b.type = "button";
      b.className = "ls-linkbutton";
      b.textContent = label;
      b.addEventListener("click", function () { change(); toUrl(); apply(); status.focus && status.focus(); });
      li.appendChild(b);
      return li;
    }
    function clear(name) {
      [].forEach.call(form.querySelectorAll("input[name=" + name + "]"), function (b) { b.checked = false; });
    }

    form.addEventListener("change", function () { toUrl(); apply(); });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    root.querySelector("[data-finder-clear]").addEventListener("click", function () {
      ageSelect.value = ""; clear("situation"); clear("kind"); toUrl(); apply();
    });
    var copy = root.querySelector("[data-finder-copy]");
    copy.addEventListener("click", function () {
      var done = function () { copy.textContent = "Link copied"; setTimeout(function () { copy.textContent = "Copy link"; }, 2000); };
      if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(location.href).then(done, fallback);
      else fallback();
      function fallback() { window.prompt("Copy this link:", location.href); }
    });
    fromUrl();
    // It starts folded, so a phone shows results rather than 26 checkboxes (one tap opens it);
    // wider screens have room for it open.
    if (window.matchMedia && window.matchMedia("(min-width: 45em)").matches) situationList.open = true;
    apply();
  }

  window.littleStepsFinder = { parseAge: parseAge, init: init };
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
