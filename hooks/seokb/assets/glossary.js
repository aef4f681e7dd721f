// seokb: a link such as glossary/#category-metrics opens the A-Z index with that category's filter selected.
// The filter itself is CSS only; this just honours the URL. document$ fires on every instant-navigation page.
(function () {
  function selectCategoryFromHash() {
    var input = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (input && input.name === "seokb-category") {
      input.checked = true;
    }
  }
  if (typeof document$ !== "undefined") {
    document$.subscribe(selectCategoryFromHash);
  } else {
    document.addEventListener("DOMContentLoaded", selectCategoryFromHash);
  }
  window.addEventListener("hashchange", selectCategoryFromHash);
})();
