// seokb glossary: a link such as glossary/#category-metrics opens the A-Z index with that category's filter
// selected (the filter itself is CSS only; this just honours the URL), and "Copy link" on a term page.
(function () {
  "use strict";

  // This file is deferred at the end of the page's content, which instant navigation swaps in and runs again on
  // each page that needs it: the second time, only the new page is set up.
  if (window.seokbGlossarySetUp) {
    window.seokbGlossarySetUp();
    return;
  }

  function selectCategoryFromHash() {
    var input = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (input && input.name === "seokb-category") {
      input.checked = true;
    }
  }
  window.seokbGlossarySetUp = selectCategoryFromHash;
  window.seokbOnEachPage(selectCategoryFromHash); // now, and for each page instant navigation swaps in
  window.addEventListener("hashchange", selectCategoryFromHash);

  // "Copy link" on a term page: the clipboard where the browser allows it, else the URL selected for copying.
  // One listener on the document serves every page that instant navigation swaps in.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".seokb-copy-link");
    if (!button) return;
    var status = button.parentNode.querySelector(".seokb-copy-status");
    var url = button.getAttribute("data-url");
    function say(text) { if (status) status.textContent = text; }
    function selectUrl() {
      var code = button.parentNode.querySelector("code");
      if (code) window.getSelection().selectAllChildren(code);
      say("Press Ctrl+C (or Cmd+C) to copy the selected link.");
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(url).then(function () { say("Link copied."); }, selectUrl);
    } else {
      selectUrl();
    }
  });

  // "Copy for Discord" on term and lesson pages: a short message in Discord's Markdown. The async clipboard needs
  // no permission prompt for a write from a click; where it is missing or refused, a hidden textarea and the older
  // copy command, which also runs inside the click.
  function copyByCommand(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var copied = false;
    try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
    document.body.removeChild(area);
    return copied;
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".seokb-copy-discord");
    if (!button) return;
    var status = button.parentNode.querySelector(".seokb-copy-status");
    var message = button.getAttribute("data-message");
    function say(text) { if (status) status.textContent = text; }
    function fallback() {
      say(copyByCommand(message) ? "Copied: paste it in Discord." : "Your browser blocked copying; select the text of this page's address instead.");
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(message).then(function () { say("Copied: paste it in Discord."); }, fallback);
    } else {
      fallback();
    }
  });
})();
