// seokb: a glossary entry comes first in search for its exact name or alias. The engine gives each entry's page a
// "names" field in the search index (site/search_names.py: every name and alias as one word, "_link_text", which no
// word a reader types reaches, though the theme adds "*" to each). This runs the theme's own search worker inside a
// small worker that, on each search, also looks the reader's whole query up in that field, its words joined the
// same way: only the entry of that exact name matches, far above anything else. The lookup is added where lunr
// scores, not to the query text: the theme reads that text for the "Missing" words under each result and for its
// suggestions, which an added word would change. Written into <head>, before the theme's bundle (loaded on demand)
// makes its worker. A page opened from a file (file://) keeps the theme's worker alone: a Blob's worker may not load from there.
(function () {
  "use strict";
  var Native = window.Worker;
  if (!Native || !window.Blob || !window.URL || !/^https?:$/.test(location.protocol)) return;
  // The worker's code, run as the source of a Blob: it must not use anything from this page's scope.
  function searchWorker(theme) {
    var asked = "";
    // Added before the theme's listener, so it sees each query (type 2) first, as the reader typed it: the theme
    // rewrites the text it hands lunr ("link* text*"; "White-hat" becomes two words written twice).
    addEventListener("message", function (event) {
      if (event.data && event.data.type === 2) asked = String(event.data.data);
    });
    // The theme's worker loads its language files from "../lunr", relative to its own address, not to this Blob.
    var load = self.importScripts;
    self.importScripts = function () {
      return load.apply(self, Array.prototype.map.call(arguments, function (url) { return new URL(url, theme).href; }));
    };
    importScripts(theme);
    lunr.Index.prototype.search = function (text) {
      var fields = this.fields;
      return this.query(function (query) {
        new lunr.QueryParser(text, query).parse();
        // A query using lunr's own syntax (+word, -word, word~1, word^2, title:word, word*) is not a name.
        var words = asked.replace(/"/g, "").trim();
        if (fields.indexOf("names") === -1 || !words || /(^|\s)[+-]|[~^:*]/.test(words)) return;
        // Its words as the index splits them, lowercased, joined as search_names.joined_name joins a name's.
        var name = "_" + words.split(lunr.tokenizer.separator).filter(Boolean).join("_").toLowerCase();
        query.term(name, {fields: ["names"], usePipeline: false});
      });
    };
  }
  function Worker(url, options) {
    if (/\/workers\/search\.\w+\.min\.js$/.test(url)) {
      var source = "(" + searchWorker + ")(" + JSON.stringify(new URL(url, location.href).href) + ");";
      url = URL.createObjectURL(new Blob([source], {type: "text/javascript"}));
    }
    return new Native(url, options);
  }
  Worker.prototype = Native.prototype;
  window.Worker = Worker;
})();
