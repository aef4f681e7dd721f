// seokb glossary: a link such as glossary/#category-metrics opens the A-Z index with that category's filter
// selected (the filter itself is CSS only; this just honours the URL), and "Copy link" on a term page.
(function () {
  "use strict";

  function selectCategoryFromHash() {
    var input = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (input && input.name === "seokb-category") {
      input.checked = true;
    }
  }
  window.seokbOnEachPage(selectCategoryFromHash); // now, and for each page instant navigation swaps in
  window.addEventListener("hashchange", selectCategoryFromHash);

  // A copy button (one listener on the document serves every page instant navigation swaps in): its text, from
  // `attribute`, to the async clipboard, which needs no permission prompt for a write from a click; where that is
  // missing or refused, `otherwise(button, text, say)`. The button's status line says what happened.
  function copyOnClick(selector, attribute, copied, otherwise) {
    document.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest(selector);
      if (!button) return;
      var status = button.parentNode.querySelector(".seokb-copy-status");
      var text = button.getAttribute(attribute);
      function say(words) { if (status) status.textContent = words; }
      function fallback() { otherwise(button, text, say); }
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(function () { say(copied); }, fallback);
      } else {
        fallback();
      }
    });
  }

  // "Copy link" on a term page: else the URL selected for copying.
  copyOnClick(".seokb-copy-link", "data-url", "Link copied.", function (button, url, say) {
    var code = button.parentNode.querySelector("code");
    if (code) window.getSelection().selectAllChildren(code);
    say("Press Ctrl+C (or Cmd+C) to copy the selected link.");
  });

  // "Copy for Discord" on term and lesson pages: a short message in Discord's Markdown; else a hidden textarea and
  // the older copy command, which also runs inside the click.
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
  copyOnClick(".seokb-copy-discord", "data-message", "Copied: paste it in Discord.", function (button, message, say) {
    say(copyByCommand(message) ? "Copied: paste it in Discord." : "Your browser blocked copying; select the text of this page's address instead.");
  });
})();
