// seokb quizzes: "Check" marks every answer right or wrong with its explanation and scores the quiz; progress
// stays in this browser (localStorage, "seokb:quiz:<id>"); the quiz list shows it. A question answered wrongly is
// noted in "seokb:review:missed", and the review deck (review.js) adds its card. Without this script the
// questions still read well and each answer key sits in a <details>.
(function () {
  "use strict";

  var PREFIX = "seokb:quiz:";
  var MISSED_KEY = "seokb:review:missed";
  var QUESTION_ID = /^quiz-([a-z0-9-]+)-q(\d+)$/;
  var ICON = { right: "\u2713", wrong: "\u2717", none: "\u2013" };
  // [status, text] by question type, then by "ticked" + "should be ticked".
  var VERDICTS = {
    checklist: {
      "11": ["right", "Right: this holds, and you ticked it."],
      "00": ["right", "Right: this does not hold, and you left it unticked."],
      "10": ["wrong", "Wrong: this does not hold, so leave it unticked."],
      "01": ["wrong", "Wrong: this holds, so tick it."]
    },
    multiple: {
      "11": ["right", "Right: this is one of the answers."],
      "00": ["right", "Right: this is not an answer, and you left it out."],
      "10": ["wrong", "Wrong: this is not an answer."],
      "01": ["wrong", "Missed: this is one of the answers."]
    },
    single: {
      "11": ["right", "Right: this is the answer."],
      "00": ["none", "Not the answer."],
      "10": ["wrong", "Wrong: this is not the answer."],
      "01": ["wrong", "Missed: this is the answer."]
    }
  };

  function load(id) {
    try {
      var record = JSON.parse(localStorage.getItem(PREFIX + id));
      return record && typeof record.best === "number" && typeof record.max === "number" ? record : null;
    } catch (error) {
      return null; // storage blocked or a broken value: treat as not started
    }
  }

  function save(id, record) {
    try {
      localStorage.setItem(PREFIX + id, JSON.stringify(record));
    } catch (error) {
      // Storage can be full or blocked (private windows); the quiz still works for this visit.
    }
  }

  // The review deck's card of this question ("q:<quiz>:<n>") joins the reader's deck.
  function remember(question) {
    var match = QUESTION_ID.exec(question.id);
    if (!match) {
      return;
    }
    try {
      var missed = JSON.parse(localStorage.getItem(MISSED_KEY)) || {};
      missed["q:" + match[1] + ":" + match[2]] = true;
      localStorage.setItem(MISSED_KEY, JSON.stringify(missed));
    } catch (error) {
      // Storage full, blocked or a broken value: the quiz still works for this visit.
    }
  }

  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }

  function line(status, text) {
    var p = document.createElement("p");
    var icon = document.createElement("span");
    icon.className = "seokb-icon";
    icon.setAttribute("aria-hidden", "true");
    icon.textContent = ICON[status];
    var words = document.createElement("strong");
    words.textContent = text;
    p.appendChild(icon);
    p.appendChild(document.createTextNode(" "));
    p.appendChild(words);
    return p;
  }

  function points(record) {
    return record.best + " of " + record.max;
  }

  function grade(question) {
    var type = question.getAttribute("data-seokb-type");
    var answers = all(question, ".seokb-answer");
    var right = 0;
    var anyTicked = false;
    answers.forEach(function (answer) {
      var input = answer.querySelector("input");
      var ticked = input.checked;
      var correct = answer.getAttribute("data-seokb-correct") === "true";
      var verdict = VERDICTS[type][(ticked ? "1" : "0") + (correct ? "1" : "0")];
      var feedback = answer.querySelector(".seokb-feedback");
      var explain = document.getElementById(input.id + "-key");
      anyTicked = anyTicked || ticked;
      if (ticked === correct) {
        right += 1;
      }
      feedback.textContent = "";
      feedback.appendChild(line(verdict[0], verdict[1]));
      if (explain) {
        feedback.appendChild(explain.querySelector(".seokb-explain").cloneNode(true));
      }
      feedback.setAttribute("data-seokb-status", verdict[0]);
      feedback.hidden = false;
      input.setAttribute("aria-describedby", feedback.id);
    });
    var allRight = right === answers.length;
    if (!allRight) {
      remember(question);
    }
    var result = question.querySelector(".seokb-question-result");
    var earned, text;
    if (type === "checklist") {
      earned = right; // partial credit: a point per statement judged right
      text = right + " of " + answers.length + " right";
    } else {
      earned = allRight ? 1 : 0;
      text = allRight ? "Right" : anyTicked ? "Wrong" : "No answer chosen";
    }
    result.textContent = "";
    result.appendChild(line(allRight ? "right" : "wrong", text));
    result.hidden = false;
    return earned;
  }

  function clear(form) {
    all(form, ".seokb-feedback, .seokb-question-result").forEach(function (element) {
      element.hidden = true;
      element.textContent = "";
    });
    all(form, "input[aria-describedby]").forEach(function (input) {
      input.removeAttribute("aria-describedby");
    });
    form.querySelector(".seokb-quiz-status").textContent = "";
    form.removeAttribute("data-seokb-checked");
  }

  function showProgress(element, record) {
    if (record) {
      element.textContent = "Your best score so far: " + points(record) + ".";
      element.hidden = false;
    }
  }

  function setUpQuiz(form) {
    var id = form.getAttribute("data-seokb-quiz");
    var max = Number(form.getAttribute("data-seokb-points"));
    var retry = form.querySelector("[data-seokb-retry]");
    var status = form.querySelector(".seokb-quiz-status");
    var progress = form.querySelector("[data-seokb-progress]");
    form.setAttribute("data-seokb-ready", "");
    form.querySelector(".seokb-quiz-actions").hidden = false;
    // With the script, feedback appears next to each answer; the no-script answer keys would only repeat it.
    all(form, ".seokb-key").forEach(function (key) {
      key.hidden = true;
    });
    showProgress(progress, load(id));

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var earned = all(form, ".seokb-question").reduce(function (sum, question) {
        return sum + grade(question);
      }, 0);
      var before = load(id);
      var best = before && before.max === max ? Math.max(before.best, earned) : earned;
      save(id, { done: true, best: best, max: max });
      var message = "Score: " + earned + " of " + max + " points.";
      if (earned === max) {
        message += " All right, well done!";
      } else if (best > earned) {
        message += " Your best: " + best + " of " + max + ".";
      }
      status.textContent = message;
      showProgress(progress, { best: best, max: max });
      retry.hidden = false;
      form.setAttribute("data-seokb-checked", "");
    });

    retry.addEventListener("click", function () {
      form.reset();
      clear(form);
      retry.hidden = true;
      // The button just hid itself: give the keyboard a sensible place to start again.
      var first = form.querySelector(".seokb-answer input");
      if (first) {
        first.focus();
      }
    });

    // Marks left from the last check would describe answers that have since changed.
    form.addEventListener("change", function () {
      if (form.hasAttribute("data-seokb-checked")) {
        clear(form);
      }
    });
  }

  function fillList(list) {
    var entries = all(list, "[data-seokb-quiz-id]");
    var done = 0;
    entries.forEach(function (entry) {
      var record = load(entry.getAttribute("data-seokb-quiz-id"));
      var progress = entry.querySelector("[data-seokb-progress]");
      if (record) {
        done += 1;
      }
      progress.textContent = record ? "Done, best score " + points(record) + "." : "Not started yet.";
      progress.setAttribute("data-seokb-state", record ? "done" : "new");
      progress.hidden = false;
    });
    var summary = list.querySelector("[data-seokb-summary]");
    if (summary) {
      summary.textContent = "You have done " + done + " of " + entries.length + " quizzes in this browser.";
      summary.hidden = false;
    }
  }

  function setUpList(list) {
    var reset = list.querySelector("[data-seokb-reset]");
    list.setAttribute("data-seokb-ready", "");
    fillList(list);
    if (!reset) {
      return;
    }
    list.querySelector(".seokb-quiz-actions").hidden = false;
    reset.addEventListener("click", function () {
      if (!window.confirm("Reset your progress in every quiz? Your best scores will be forgotten.")) {
        return;
      }
      var keys = [];
      try {
        for (var i = 0; i < localStorage.length; i += 1) {
          if (localStorage.key(i).indexOf(PREFIX) === 0) {
            keys.push(localStorage.key(i));
          }
        }
        keys.forEach(function (key) {
          localStorage.removeItem(key);
        });
      } catch (error) {
        // Nothing was stored if storage is blocked.
      }
      fillList(list);
      list.querySelector(".seokb-quiz-status").textContent = "Your progress in every quiz was reset.";
    });
  }

  // Instant navigation swaps the page without reloading this script: set up what is new, never twice.
  function setUp() {
    all(document, "form[data-seokb-quiz]:not([data-seokb-ready])").forEach(setUpQuiz);
    all(document, "[data-seokb-quiz-list]:not([data-seokb-ready])").forEach(setUpList);
  }

  window.seokbOnEachPage(setUp); // now, and for each page instant navigation swaps in
})();
