// seokb course: lessons the reader has finished are marked in the home page's course list, and the "Check a link"
// page turns the reader's answers into a verdict. Progress stays in this browser (localStorage, "seokb:lesson:<url>"),
// like quiz progress; nothing is sent anywhere. Each part does nothing on a page without its element, and without
// this script the pages still read well: the course list is a plain list, and the link check a printable checklist.
(function () {
  "use strict";

  var PREFIX = "seokb:lesson:";

  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }

  function isRead(url) {
    try {
      var record = JSON.parse(localStorage.getItem(PREFIX + url));
      return Boolean(record && record.read === true);
    } catch (error) {
      return false; // storage blocked or a broken value: treat as not read
    }
  }

  function markRead(url) {
    try {
      localStorage.setItem(PREFIX + url, JSON.stringify({ read: true }));
    } catch (error) {
      // Storage can be full or blocked (private windows); the lesson still reads the same.
    }
  }

  // The site's root as an absolute path ("/seokb/"), from the theme's own configuration, so that a link's address
  // can be compared with a lesson's `page.url` ("lessons/faq/") wherever the site is published.
  function siteRoot() {
    var config = document.getElementById("__config");
    var base = ".";
    try {
      base = JSON.parse(config.textContent).base || ".";
    } catch (error) {
      // Without the theme's configuration, links are resolved against this page.
    }
    return new URL(base.replace(/\/?$/, "/"), window.location.href).pathname;
  }

  function pageUrl(href, root) {
    var path = new URL(href, window.location.href).pathname.replace(/index\.html$/, "");
    return path.indexOf(root) === 0 ? path.slice(root.length) : null;
  }

  // A lesson counts as read once its last part has been on screen: a reader who only opened it has not read it.
  function watchLesson(meta) {
    var url = meta.getAttribute("data-seokb-lesson");
    meta.setAttribute("data-seokb-ready", "");
    var article = meta.closest("article") || document.body;
    var end = article.lastElementChild;
    if (isRead(url) || !end) {
      return;
    }
    if (typeof IntersectionObserver === "undefined") {
      markRead(url);
      return;
    }
    var observer = new IntersectionObserver(function (entries) {
      if (entries.some(function (entry) { return entry.isIntersecting; })) {
        markRead(url);
        observer.disconnect();
      }
    });
    observer.observe(end);
    // Instant navigation replaces the article without reloading the page: stop watching the one that left.
    if (typeof document$ !== "undefined") {
      var subscription = document$.subscribe(function () {
        if (!document.body.contains(end)) {
          observer.disconnect();
          subscription.unsubscribe();
        }
      });
    }
  }

  // The home page marks its course list with `data-seokb-course` on the heading above it.
  function markCourse(heading) {
    heading.setAttribute("data-seokb-ready", "");
    var list = heading.nextElementSibling;
    while (list && list.tagName !== "OL" && !/^H[1-6]$/.test(list.tagName)) {
      list = list.nextElementSibling;
    }
    if (!list || list.tagName !== "OL") {
      return;
    }
    var root = siteRoot();
    var lessons = 0;
    var read = 0;
    var links = []; // each lesson's link, in order
    var furthest = 0; // the number of the furthest lesson read
    all(list, ":scope > li").forEach(function (item) {
      var link = item.querySelector("a[href]");
      var url = link && pageUrl(link.getAttribute("href"), root);
      if (!url) {
        return;
      }
      lessons += 1;
      links.push(link);
      var old = item.querySelector(".seokb-read-mark");
      if (old) {
        old.remove();
      }
      if (!isRead(url)) {
        item.removeAttribute("data-seokb-read");
        return;
      }
      read += 1;
      furthest = lessons;
      item.setAttribute("data-seokb-read", "");
      var mark = document.createElement("span");
      mark.className = "seokb-read-mark";
      var icon = document.createElement("span");
      icon.setAttribute("aria-hidden", "true");
      icon.textContent = "\u2713 ";
      mark.appendChild(icon);
      mark.appendChild(document.createTextNode("Read"));
      item.appendChild(document.createTextNode(" "));
      item.appendChild(mark);
    });
    var summary = list.nextElementSibling;
    if (!summary || !summary.hasAttribute("data-seokb-course-summary")) {
      summary = document.createElement("p");
      summary.setAttribute("data-seokb-course-summary", "");
      summary.className = "seokb-course-summary";
      list.parentNode.insertBefore(summary, list.nextSibling);
    }
    summary.textContent = read
      ? "You have read " + read + " of " + lessons + " lessons in this browser."
      : "Lessons you finish are marked here, in this browser only.";
    showStart(furthest, links);
  }

  // The home page's "Start lesson 1" button: once a lesson is read, it continues with the lesson after the furthest
  // one read, and after the last lesson, with the course test.
  function showStart(furthest, links) {
    var button = document.querySelector("[data-seokb-start]");
    if (!button || !furthest) {
      return;
    }
    var next = links[furthest];
    var test = document.querySelector("a[href$='course-test/']");
    if (next) {
      button.textContent = "Continue: lesson " + (furthest + 1);
      button.setAttribute("href", next.getAttribute("href"));
    } else if (test) {
      button.textContent = "Take the course test";
      button.setAttribute("href", test.getAttribute("href"));
    }
  }

  // --- Check a link: the questions and the risk signs of lesson 6, scored by its three-verdict rubric. ---
  // The ten risk signs group Google's eleven link spam examples; each box's value names its next step here.

  var RISKS = {
    bought: "Stop paying for links that pass ranking credit. An ad or sponsored post is fine only when its link has rel=\"sponsored\" or rel=\"nofollow\".",
    swapped: "Stop making \"link to me and I'll link to you\" deals.",
    automated: "Stop using the software or service that made the link.",
    required: "Stop making a link a condition of a deal, or let the other site label it rel=\"nofollow\" or rel=\"sponsored\".",
    keyword: "Stop asking for the same keyword-rich link words. Let sites describe your page in their own words.",
    directory: "Stop listing your site on low-quality directories and bookmark sites for links.",
    widget: "Take the keyword-rich or hidden link out of the widget or badge you give away, or label it rel=\"nofollow\".",
    footer: "Stop placing your link in the footers or templates of many sites, or label it rel=\"nofollow\".",
    forum: "Stop adding keyword links to forum posts and signatures. Join in to help, and link only where it answers a question.",
    "made-for-links": "Stop writing low-value pages just to hold links. Put the effort into one page people would want to read."
  };

  // How many questions the page asks, in words: the count comes from the form, so adding a question needs no edit here.
  var NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

  function inWords(count) {
    return NUMBER_WORDS[count] || String(count);
  }

  function paragraph(text, className) {
    var p = document.createElement("p");
    if (className) {
      p.className = className;
    }
    p.textContent = text;
    return p;
  }

  function list(items) {
    var ul = document.createElement("ul");
    items.forEach(function (text) {
      var li = document.createElement("li");
      li.textContent = text;
      ul.appendChild(li);
    });
    return ul;
  }

  function verdictFor(form) {
    var risks = all(form, "input[name=risk]:checked").map(function (box) {
      return box.value;
    });
    var questions = all(form, "[data-seokb-question]");
    var failed = [];
    var open = 0;
    questions.forEach(function (question) {
      var chosen = question.querySelector("input[type=radio]:checked");
      if (!chosen) {
        open += 1;
      } else if (chosen.value === "no") {
        failed.push(question.getAttribute("data-seokb-question"));
      }
    });
    // Every question needs an answer before any verdict, a risky one too: the reader learns the whole picture,
    // and a box ticked alone says nothing about how the link does on the questions.
    if (open) {
      return { verdict: "open", open: open, failed: failed, asked: questions.length };
    }
    if (risks.length) {
      return { verdict: "risky", risks: risks, failed: failed, open: 0, asked: questions.length };
    }
    return { verdict: failed.length <= 1 ? "worth-having" : "low-value", failed: failed, open: 0, asked: questions.length };
  }

  function showVerdict(form, output) {
    var result = verdictFor(form);
    output.textContent = "";
    output.setAttribute("data-seokb-verdict", result.verdict);
    if (result.verdict === "open") {
      output.appendChild(paragraph(
        "Answer every question first: " + result.open + (result.open === 1 ? " is" : " are") + " still open.",
        "seokb-check-verdict"
      ));
      output.hidden = false;
      return;
    }
    var headline = {
      "worth-having": "Verdict: worth having",
      "low-value": "Verdict: low value",
      risky: "Verdict: risky"
    }[result.verdict];
    output.appendChild(paragraph(headline, "seokb-check-verdict"));
    var asked = inWords(result.asked) + " questions";
    var failedText = result.failed.length === 0
      ? "It fails none of the " + asked + "."
      : "It fails " + result.failed.length + " of the " + asked + ": " + result.failed.join("; ") + ".";
    if (result.verdict === "risky") {
      output.appendChild(paragraph(
        "A risk sign applies, so the link is risky whatever its score. " + failedText
      ));
      output.appendChild(paragraph("What to do next:"));
      output.appendChild(list(result.risks.map(function (risk) { return RISKS[risk]; }).concat([
        "Do not panic and do not start deleting links. Read \"A bad link you already have\" in the Safe link building lesson before you do anything else."
      ])));
    } else if (result.verdict === "worth-having") {
      output.appendChild(paragraph(failedText + " No risk sign applies."));
      output.appendChild(paragraph("What to do next: keep it, and look for more links like it."));
    } else {
      output.appendChild(paragraph(failedText + " No risk sign applies, so it is low value, not risky."));
      output.appendChild(paragraph(
        "What to do next: leave it alone. It does little harm, but do not spend time chasing links like it."
      ));
    }
    output.appendChild(paragraph("Write the verdict in your tracking sheet, next to the link."));
    output.hidden = false;
  }

  function setUpCheck(form) {
    var output = form.querySelector("[data-seokb-check-result]");
    var actions = form.querySelector("[data-seokb-check-actions]");
    form.setAttribute("data-seokb-ready", "");
    if (!output || !actions) {
      return;
    }
    actions.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      showVerdict(form, output);
      output.focus();
    });
    form.addEventListener("reset", function () {
      output.hidden = true;
      output.textContent = "";
      output.removeAttribute("data-seokb-verdict");
    });
    // A verdict on screen must describe the answers on screen: recompute it as they change.
    form.addEventListener("change", function () {
      if (!output.hidden) {
        showVerdict(form, output);
      }
    });
  }

  // Instant navigation swaps the page without reloading this script: set up what is new, never twice.
  function setUp() {
    all(document, "[data-seokb-lesson]:not([data-seokb-ready])").forEach(watchLesson);
    all(document, "[data-seokb-course]:not([data-seokb-ready])").forEach(markCourse);
    all(document, "form[data-seokb-check]:not([data-seokb-ready])").forEach(setUpCheck);
  }

  window.seokbOnEachPage(setUp); // now, and for each page instant navigation swaps in
})();
