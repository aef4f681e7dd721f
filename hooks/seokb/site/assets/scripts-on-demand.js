// seokb: no script runs before the page is drawn. A phone spends its first second drawing the text a reader came
// for; scripts that run before that (the theme's bundle alone is about 180 ms of a slow phone's main thread) hold
// the text back, and scripts that run just after it make the first tap wait.
// - The page's own scripts (the list in its data-seokb-scripts) load, in order, once the first frame is painted.
// - The theme's bundle loads when the reader first touches, scrolls, types or moves the mouse, or at once when the
//   address asks for a search (?q=). The theme starts on DOMContentLoaded: a bundle that arrives after it is sent
//   one (none of the site's own scripts listen for that event; they use seokbOnEachPage).
// - seokbOnEachPage(callback) runs callback once the page is parsed, and again for each page the theme's instant
//   navigation swaps in (the theme's document$), loading that page's scripts first.
// Written into <head> (page_assets.head_html), before any other script of the page.
(function () {
  "use strict";
  var callbacks = [];
  var loaded = {};
  var bundle = "";
  var wanted = /[?&]q=/.test(location.search);
  var started = false;
  var following = false;
  var key = "";
  var READER = ["pointerdown", "touchstart", "click", "keydown", "scroll", "wheel", "mousemove", "focusin"];

  function whenParsed(callback) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", function () { callback(); }, { once: true });
    } else {
      callback();
    }
  }

  function add(src, done) {
    var script = document.createElement("script");
    script.src = src;
    script.async = false;
    if (done) script.onload = script.onerror = done;
    document.body.appendChild(script);
  }

  // window.seokbScriptsLoaded says when the page's scripts have all arrived (the browser tests wait for it).
  function loadPageScripts() {
    var list = document.querySelector("[data-seokb-scripts]");
    var missing = (list ? list.getAttribute("data-seokb-scripts").split(" ") : []).map(function (src) {
      return src && new URL(src, location.href).href;
    }).filter(function (url) { return url && !loaded[url]; });
    var waiting = missing.length;
    window.seokbScriptsLoaded = !waiting;
    missing.forEach(function (url) {
      loaded[url] = true;
      add(url, function () {
        waiting -= 1;
        window.seokbScriptsLoaded = !waiting;
      });
    });
  }

  function begin() {
    follow();
    if (key) window.dispatchEvent(new KeyboardEvent("keydown", { key: key }));
  }

  // Each later page of instant navigation: its scripts, then every callback. The subject replays the page it last
  // announced to a new subscriber, synchronously: that page has had its callbacks already.
  function follow() {
    if (following || typeof document$ === "undefined") return;
    following = true;
    var replaying = true;
    document$.subscribe(function () {
      if (replaying) return;
      loadPageScripts();
      callbacks.forEach(function (callback) { callback(); });
    });
    replaying = false;
  }

  // The key that loaded the theme ("/" to search, say) reaches the theme once it listens, unless it was typed into a
  // field, where it has done its work already.
  function startTheme(event) {
    wanted = true;
    if (!started && event && event.type === "keydown" && !/^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName)) {
      key = event.key;
    }
    if (started || !bundle) return;
    started = true;
    READER.forEach(function (name) { window.removeEventListener(name, startTheme, true); });
    add(bundle, function () {
      if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", begin, { once: true });
      } else {
        document.dispatchEvent(new Event("DOMContentLoaded"));
        begin();
      }
    });
  }

  window.seokbOnEachPage = function (callback) {
    callbacks.push(callback);
    whenParsed(callback);
    follow();
  };

  // Called at the end of <body> with the address of the theme's bundle (overrides/main.html).
  window.seokbTheme = function (address) {
    bundle = address;
    if (wanted) startTheme();
  };

  READER.forEach(function (name) { window.addEventListener(name, startTheme, { capture: true, passive: true }); });

  // Once the browser has shown the page's first text (its first-contentful-paint entry); where the browser does not
  // report paints, once a frame has been drawn; in a hidden tab, at once, as nothing will be drawn.
  function afterFirstPaint(callback) {
    var done = false;
    function once() {
      if (!done) {
        done = true;
        whenParsed(callback);
      }
    }
    var types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
    if (document.visibilityState === "hidden") {
      once();
    } else if (types.indexOf("paint") === -1) {
      requestAnimationFrame(function () { setTimeout(once, 0); });
    } else {
      new PerformanceObserver(function (list, observer) {
        if (list.getEntriesByName("first-contentful-paint").length) {
          observer.disconnect();
          once();
        }
      }).observe({ type: "paint", buffered: true });
      setTimeout(once, 3000);
    }
  }
  afterFirstPaint(loadPageScripts);
})();
