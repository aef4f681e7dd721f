// seokb term popover: a linked glossary term shows its short definition, which the page already holds in the link's
// data-seokb-def, in a small popover on hover (mouse), keyboard focus and a first tap (touch). A second tap, a click
// or Enter follows the link to the entry, as the link does without this script. Escape, a tap outside, moving the
// pointer away or moving focus away closes it.
//
// The pattern is WAI-ARIA's tooltip: the popover has role="tooltip" and, while open, the link's aria-describedby
// names it, so a screen reader reads the definition as the link's description. A tooltip holds nothing to focus, so
// the popover's "Read the entry" link (a bigger target for a thumb than the word) is out of the tab order: for the
// keyboard and the screen reader the focused term link is already that link.
(function () {
  "use strict";

  // Loaded once per document (scripts-on-demand.js): the listeners sit on the window and the popover on <body>,
  // which instant navigation keeps.
  var SELECTOR = "a.seokb-term[data-seokb-def]";
  var popover = null;
  var text = null;
  var more = null;
  var current = null; // the link the popover describes, or null when closed
  var pointer = "mouse"; // the kind of the last pointer pressed: a touch's first tap opens instead of following
  var openBeforePress = false;

  function build() {
    popover = document.createElement("div");
    popover.id = "seokb-term-popover";
    popover.className = "seokb-popover";
    popover.setAttribute("role", "tooltip");
    popover.hidden = true;
    text = document.createElement("p");
    more = document.createElement("a");
    more.className = "seokb-popover-more";
    more.tabIndex = -1;
    popover.appendChild(text);
    popover.appendChild(more);
    document.body.appendChild(popover);
  }

  function place(link) {
    var box = link.getBoundingClientRect();
    var width = popover.offsetWidth;
    var left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - width - 8));
    var top = box.bottom;
    if (top + popover.offsetHeight > window.innerHeight && box.top > popover.offsetHeight) {
      top = box.top - popover.offsetHeight; // no room below on screen: above the word
    }
    popover.style.left = left + window.scrollX + "px";
    popover.style.top = top + window.scrollY + "px";
  }

  function open(link) {
    if (!popover || !document.body.contains(popover)) build();
    if (current === link) return;
    close();
    current = link;
    text.textContent = link.getAttribute("data-seokb-def");
    more.href = link.href;
    more.textContent = "Read the entry: " + link.textContent;
    popover.hidden = false;
    link.setAttribute("aria-describedby", popover.id);
    link.setAttribute("aria-expanded", "true");
    place(link);
  }

  function close() {
    if (!current) return;
    current.removeAttribute("aria-describedby");
    current.removeAttribute("aria-expanded");
    current = null;
    popover.hidden = true;
  }

  function termOf(node) {
    return node && node.closest ? node.closest(SELECTOR) : null;
  }

  function inside(node) {
    return !!node && ((popover && popover.contains(node)) || (current && current.contains(node)));
  }

  window.addEventListener("pointerdown", function (event) {
    pointer = event.pointerType || "mouse";
    var link = termOf(event.target);
    openBeforePress = !!link && link === current;
    if (!link && !inside(event.target)) close(); // a tap or click outside
  }, true);

  // Capture on the window runs before the theme's instant navigation, which listens further down.
  window.addEventListener("click", function (event) {
    var link = termOf(event.target);
    if (!link || event.button || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (pointer !== "mouse" && event.detail && !openBeforePress) {
      event.preventDefault(); // a first tap: show the definition, stay on the page
      event.stopPropagation();
      open(link);
    }
  }, true);

  window.addEventListener("pointerover", function (event) {
    if (event.pointerType !== "mouse") return;
    var link = termOf(event.target);
    if (link) open(link);
  });

  window.addEventListener("pointerout", function (event) {
    if (event.pointerType !== "mouse" || !current || !inside(event.target)) return;
    if (inside(event.relatedTarget) || (current === document.activeElement)) return;
    close();
  });

  window.addEventListener("focusin", function (event) {
    var link = termOf(event.target);
    if (link) open(link);
    else if (!inside(event.target)) close();
  });

  window.addEventListener("focusout", function (event) {
    if (current && event.target === current && !inside(event.relatedTarget)) close();
  });

  window.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && current) close();
  });

  window.addEventListener("resize", function () {
    if (current) place(current);
  });

  // A page swapped in by instant navigation starts with the popover closed.
  window.seokbOnEachPage(close);
})();
