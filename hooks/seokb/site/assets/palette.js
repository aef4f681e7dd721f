// seokb: the reader's colour scheme from the first paint, and the header's toggle working before the theme's bundle
// has loaded (scripts-on-demand.js loads it on the first interaction). The theme starts every page in its first
// scheme with both toggles hidden and sets the right one when its bundle runs: a reader whose system is dark would
// see a light page, and no toggle, until then. This does what the theme's palette does as it starts and on each
// switch, with the same stored choice (__md_get/__md_set, "__palette"), so the theme agrees when it arrives.
// Written right after the header (overrides/main.html), where the palette's inputs are.
(function () {
  "use strict";
  var inputs = Array.prototype.slice.call(document.querySelectorAll("[data-md-component=palette] input"));
  if (!inputs.length || typeof __md_get !== "function") return;

  function apply(index) {
    var input = inputs[index];
    var color = {};
    ["media", "scheme", "primary", "accent"].forEach(function (key) {
      color[key] = input.getAttribute("data-md-color-" + key);
      document.body.setAttribute("data-md-color-" + key, color[key]);
    });
    inputs.forEach(function (other, at) {
      var label = other.nextElementSibling;
      if (label && label.tagName === "LABEL") label.hidden = at !== index;
    });
    __md_set("__palette", { index: index, color: color });
  }

  var stored = __md_get("__palette");
  var index = stored && typeof stored.index === "number" ? stored.index : inputs.findIndex(function (input) {
    return matchMedia(input.getAttribute("data-md-color-media")).matches;
  });
  apply(Math.max(0, Math.min(index, inputs.length - 1)));
  inputs.forEach(function (input, at) {
    input.addEventListener("change", function () { apply(at); });
  });
})();
