// seokb review scheduler: Leitner boxes over plain data, no page and no storage, so that node's test runner and
// the review page run the same code. A card the reader has never rated is new; "Good" moves a card up one box and
// "Easy" two, and each box waits longer (1, 3, 7, 14, 30 days) before the card is due again; "Again" puts it back in
// box 0, due in ten minutes. Due cards come first, the most overdue first; then new cards in deck order, at most
// DAILY_NEW a day. A saved card whose id the deck no longer has is ignored, never an error.
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory();
  } else {
    root.seokbScheduler = factory();
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var MINUTE = 60 * 1000;
  var DAY = 24 * 60 * MINUTE;
  var INTERVAL_DAYS = [0, 1, 3, 7, 14, 30]; // by box; box 0 is "again": due in AGAIN_MINUTES
  var AGAIN_MINUTES = 10;
  var TOP_BOX = INTERVAL_DAYS.length - 1;
  var DAILY_NEW = 10;
  var RATINGS = { again: 0, good: 1, easy: 2 };

  function emptyState() {
    return { v: 1, cards: {}, day: "", fresh: 0 };
  }

  // The reader's calendar day: the daily limit of new cards starts again at local midnight.
  function dayOf(now) {
    var date = new Date(now);
    return date.getFullYear() + "-" + (date.getMonth() + 1) + "-" + date.getDate();
  }

  function copy(state) {
    var cards = {};
    Object.keys(state.cards).forEach(function (id) {
      cards[id] = { box: state.cards[id].box, due: state.cards[id].due };
    });
    return { v: 1, cards: cards, day: state.day, fresh: state.fresh };
  }

  // A saved state as read from storage: anything malformed is dropped card by card, so one bad value cannot lose
  // the rest of the reader's progress.
  function clean(saved) {
    var state = emptyState();
    if (!saved || typeof saved !== "object" || typeof saved.cards !== "object" || saved.cards === null) {
      return state;
    }
    Object.keys(saved.cards).forEach(function (id) {
      var card = saved.cards[id];
      if (card && Number.isInteger(card.box) && card.box >= 0 && card.box <= TOP_BOX && Number.isFinite(card.due)) {
        state.cards[id] = { box: card.box, due: card.due };
      }
    });
    state.day = typeof saved.day === "string" ? saved.day : "";
    state.fresh = Number.isInteger(saved.fresh) && saved.fresh >= 0 ? saved.fresh : 0;
    return state;
  }

  function newLeftToday(state, now) {
    return state.day === dayOf(now) ? Math.max(0, DAILY_NEW - state.fresh) : DAILY_NEW;
  }

  // `deck` lists card ids in deck order; `urgent` names new cards that skip the daily limit (quiz questions the
  // reader got wrong). Returns the ids to show now: due cards by due time, then new ones.
  function queue(state, deck, now, urgent) {
    var due = [];
    var fresh = [];
    var skip = urgent || {};
    deck.forEach(function (id) {
      var card = state.cards[id];
      if (card) {
        if (card.due <= now) {
          due.push(id);
        }
      } else if (skip[id]) {
        due.push(id);
      } else {
        fresh.push(id);
      }
    });
    due.sort(function (a, b) {
      return dueAt(state, a, now) - dueAt(state, b, now);
    });
    return due.concat(fresh.slice(0, newLeftToday(state, now)));
  }

  function dueAt(state, id, now) {
    return state.cards[id] ? state.cards[id].due : now;
  }

  // The state after the reader rated one card: a new object, the old one unchanged.
  function rate(state, id, rating, now, urgent) {
    if (!(rating in RATINGS)) {
      throw new Error("unknown rating " + rating);
    }
    var next = copy(state);
    var card = next.cards[id];
    if (!card) {
      if (!(urgent && urgent[id])) {
        if (next.day !== dayOf(now)) {
          next.day = dayOf(now);
          next.fresh = 0;
        }
        next.fresh += 1;
      }
      card = { box: 0, due: now };
    }
    var box = rating === "again" ? 0 : Math.min(TOP_BOX, Math.max(card.box, 0) + RATINGS[rating]);
    next.cards[id] = {
      box: box,
      due: box === 0 ? now + AGAIN_MINUTES * MINUTE : now + INTERVAL_DAYS[box] * DAY
    };
    return next;
  }

  // Progress in numbers for the words on the page: due now (new ones within today's limit included), learned (in
  // box 1 or higher), and new cards not yet seen. Only cards of this deck count.
  function counts(state, deck, now, urgent) {
    var learned = 0;
    var unseen = 0;
    deck.forEach(function (id) {
      var card = state.cards[id];
      if (!card) {
        unseen += 1;
      } else if (card.box > 0) {
        learned += 1;
      }
    });
    return { due: queue(state, deck, now, urgent).length, learned: learned, unseen: unseen };
  }

  return {
    DAILY_NEW: DAILY_NEW,
    INTERVAL_DAYS: INTERVAL_DAYS,
    AGAIN_MINUTES: AGAIN_MINUTES,
    emptyState: emptyState,
    clean: clean,
    queue: queue,
    rate: rate,
    counts: counts,
    dayOf: dayOf
  };
});
