// seokb progress: what the site keeps in this browser, read and written softly (storage may be full, blocked or
// turned off: every page then works and says progress will not be kept), and the "cards due" line on the home page
// and at each lesson's end. Loaded wherever progress is kept or shown; review.js (the deck and the progress code)
// builds on what it exports. Scheduling is review-scheduler.js's.
(function () {
  "use strict";

  var scheduler = window.seokbScheduler;
  var PREFIX = "seokb:";
  var STATE_KEY = "seokb:review";
  var MISSED_KEY = "seokb:review:missed"; // quiz.js records each question answered wrongly here
  var NOTICE =
    "This browser is not keeping data for this site (a private window, or storage that is full or turned off), " +
    "so your progress will not be kept after you leave.";

  // ------------------------------------------------------------------------------------------ storage, softly

  function storageWorks() {
    try {
      localStorage.setItem(PREFIX + "probe", "1");
      localStorage.removeItem(PREFIX + "probe");
      return true;
    } catch (error) {
      return false;
    }
  }

  function read(key) {
    try {
      return localStorage.getItem(key);
    } catch (error) {
      return null;
    }
  }

  function readJson(key) {
    try {
      return JSON.parse(read(key));
    } catch (error) {
      return null;
    }
  }

  function write(key, value) {
    try {
      localStorage.setItem(key, value);
      return true;
    } catch (error) {
      return false; // full or blocked: the page goes on, and the notice has said progress is not kept
    }
  }

  function loadState() {
    return scheduler.clean(readJson(STATE_KEY));
  }

  function loadMissed() {
    var missed = readJson(MISSED_KEY);
    return missed && typeof missed === "object" && !Array.isArray(missed) ? missed : {};
  }

  function showNotice(element) {
    if (element.hasAttribute("data-seokb-storage-note")) {
      element.textContent = NOTICE;
      element.hidden = false;
      return;
    }
    var note = document.createElement("p");
    note.className = "seokb-storage-note";
    note.setAttribute("data-seokb-storage-note", "");
    note.textContent = NOTICE;
    element.parentNode.insertBefore(note, element);
  }

  // ------------------------------------------------------------------------------------------ counting

  function plural(count, one, many) {
    return count + " " + (count === 1 ? one : many);
  }

  // The due count where the deck is not on the page: every saved card due now, every missed quiz question not yet
  // reviewed, and today's share of the terms' cards not yet seen (`total` is the deck's size, written by the build).
  function dueWithoutDeck(total, now) {
    var state = loadState();
    var missed = loadMissed();
    var due = 0;
    var seen = 0;
    Object.keys(state.cards).forEach(function (id) {
      if (id.indexOf("t:") === 0) {
        seen += 1;
      }
      if (state.cards[id].due <= now) {
        due += 1;
      }
    });
    Object.keys(missed).forEach(function (id) {
      if (!state.cards[id]) {
        due += 1;
      }
    });
    return due + Math.min(Math.max(0, total - seen), newLeft(state, now));
  }

  function newLeft(state, now) {
    return state.day === scheduler.dayOf(now) ? Math.max(0, scheduler.DAILY_NEW - state.fresh) : scheduler.DAILY_NEW;
  }

  function fillDueLine(element) {
    element.setAttribute("data-seokb-ready", "");
    var total = Number(element.getAttribute("data-seokb-review-total")) || 0;
    var due = dueWithoutDeck(total, Date.now());
    var words = element.querySelector("[data-seokb-due-words]");
    if (!words) {
      words = document.createElement("span");
      words.setAttribute("data-seokb-due-words", "");
      element.insertBefore(words, element.firstChild);
    }
    words.textContent = due
      ? plural(due, "review card is", "review cards are") + " due today. "
      : "No review cards are due today. ";
    if (!storageWorks()) {
      showNotice(element);
    }
  }

  function setUpQuizNotice(form) {
    form.setAttribute("data-seokb-progress-ready", "");
    if (!storageWorks()) {
      showNotice(form.querySelector("[data-seokb-progress]") || form.firstChild);
    }
  }

  function setUp() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-seokb-review-due]:not([data-seokb-ready])"), fillDueLine);
    Array.prototype.forEach.call(document.querySelectorAll("form[data-seokb-quiz]:not([data-seokb-progress-ready])"), setUpQuizNotice);
  }

  window.seokbProgress = {
    STATE_KEY: STATE_KEY,
    MISSED_KEY: MISSED_KEY,
    storageWorks: storageWorks,
    read: read,
    write: write,
    loadState: loadState,
    loadMissed: loadMissed,
    showNotice: showNotice,
    plural: plural,
  };

  window.seokbOnEachPage(setUp); // now, and for each page instant navigation swaps in
})();
