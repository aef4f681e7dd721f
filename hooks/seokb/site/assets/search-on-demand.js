// seokb: the theme's search index (the whole site's text) is fetched when the reader first opens search, not on
// every page load. The theme requests it with XMLHttpRequest as it starts; this holds that one request back until
// the search field gets focus or the search toggle opens (the header's icon, a click, or the "/", "s", "f" keys,
// which focus the field), then sends it unchanged, so search works as before. Written into <head>, before the
// theme's bundle can load.
(function () {
  "use strict";
  var proto = XMLHttpRequest.prototype;
  var open = proto.open;
  var send = proto.send;
  var held = [];
  var wanted = false;
  proto.open = function (method, url) {
    this.seokbIndex = /\/search\/search_index\.json$/.test(String(url));
    return open.apply(this, arguments);
  };
  proto.send = function () {
    if (this.seokbIndex && !wanted) {
      held.push([this, arguments]);
      return;
    }
    return send.apply(this, arguments);
  };
  function load() {
    if (wanted) return;
    wanted = true;
    held.splice(0).forEach(function (request) { send.apply(request[0], request[1]); });
  }
  function inSearch(node) {
    return !!(node && node.closest && node.closest(".md-search, label[for=__search]"));
  }
  document.addEventListener("focusin", function (event) { if (inSearch(event.target)) load(); });
  document.addEventListener("pointerdown", function (event) { if (inSearch(event.target)) load(); });
  document.addEventListener("change", function (event) { if (event.target.id === "__search") load(); });
})();
