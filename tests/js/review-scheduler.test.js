// Unit tests of the review scheduler (hooks/seokb/site/assets/review-scheduler.js), run by `make test` with node's
// built-in runner. The clock is a number passed in: each test moves it by hand.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const scheduler = require("../../hooks/seokb/site/assets/review-scheduler.js");

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;
const START = new Date(2026, 0, 5, 9, 0).getTime(); // a Monday, 09:00 local time
const deck = (n) => Array.from({ length: n }, (_, i) => `t:term-${i + 1}:f`);

test("a new card rated Good waits one day, then 3, 7, 14 and 30 days as it climbs the boxes", () => {
  let state = scheduler.emptyState();
  let now = START;
  const waits = [];
  for (let i = 0; i < 6; i += 1) {
    state = scheduler.rate(state, "a", "good", now);
    waits.push((state.cards.a.due - now) / DAY);
    now = state.cards.a.due;
  }
  assert.deepEqual(waits, [1, 3, 7, 14, 30, 30]);
});

test("Easy climbs two boxes, Again drops to box 0 and is due in ten minutes", () => {
  let state = scheduler.rate(scheduler.emptyState(), "a", "easy", START);
  assert.deepEqual(state.cards.a, { box: 2, due: START + 3 * DAY });
  state = scheduler.rate(state, "a", "again", START + 3 * DAY);
  assert.deepEqual(state.cards.a, { box: 0, due: START + 3 * DAY + 10 * MINUTE });
});

test("rating leaves the state it was given unchanged", () => {
  const before = scheduler.rate(scheduler.emptyState(), "a", "good", START);
  const copy = JSON.stringify(before);
  scheduler.rate(before, "a", "again", START + DAY);
  assert.equal(JSON.stringify(before), copy);
});

test("an unknown rating is refused", () => {
  assert.throws(() => scheduler.rate(scheduler.emptyState(), "a", "hard", START), /unknown rating hard/);
});

test("due cards come first, the most overdue first, then new cards in deck order", () => {
  const ids = deck(5);
  let state = scheduler.emptyState();
  state = scheduler.rate(state, ids[3], "good", START); // due START + 1 day
  state = scheduler.rate(state, ids[1], "again", START + 12 * 60 * MINUTE); // due 12:10 the same day
  const later = START + 2 * DAY;
  assert.deepEqual(scheduler.queue(state, ids, later), [ids[1], ids[3], ids[0], ids[2], ids[4]]);
  assert.deepEqual(scheduler.queue(state, ids, START + 60 * MINUTE), [ids[0], ids[2], ids[4]]);
});

test("at most ten new cards a day; the limit starts again the next day", () => {
  const ids = deck(25);
  let state = scheduler.emptyState();
  let now = START;
  assert.equal(scheduler.queue(state, ids, now).length, 10);
  for (const id of scheduler.queue(state, ids, now)) {
    state = scheduler.rate(state, id, "good", now);
    now += MINUTE;
  }
  assert.deepEqual(scheduler.queue(state, ids, now), []);
  assert.deepEqual(scheduler.counts(state, ids, now), { due: 0, learned: 10, unseen: 15 });
  const tomorrow = START + DAY + 60 * MINUTE;
  const next = scheduler.queue(state, ids, tomorrow);
  assert.equal(next.length, 20); // the ten learned yesterday, due again, then ten new ones
  assert.deepEqual(next.slice(10), ids.slice(10, 20));
});

test("a quiz question answered wrongly is due at once, outside the daily limit", () => {
  const ids = deck(12).concat(["q:quiz:2"]);
  let state = scheduler.emptyState();
  for (const id of ids.slice(0, 10)) {
    state = scheduler.rate(state, id, "good", START);
  }
  assert.deepEqual(scheduler.queue(state, ids, START), []);
  const urgent = { "q:quiz:2": true };
  assert.deepEqual(scheduler.queue(state, ids, START, urgent), ["q:quiz:2"]);
  state = scheduler.rate(state, "q:quiz:2", "good", START, urgent);
  assert.equal(state.fresh, 10);
});

test("cards of deleted entries are kept but not counted, and a broken saved state is cleaned card by card", () => {
  const saved = {
    v: 1,
    cards: { "t:gone:f": { box: 3, due: START }, "t:term-1:f": { box: 2, due: START + DAY }, bad: { box: 9, due: 1 }, worse: null },
    day: 7,
    fresh: -1
  };
  const state = scheduler.clean(saved);
  assert.deepEqual(Object.keys(state.cards), ["t:gone:f", "t:term-1:f"]);
  assert.equal(state.day, "");
  assert.equal(state.fresh, 0);
  assert.deepEqual(scheduler.counts(state, deck(2), START), { due: 1, learned: 1, unseen: 1 });
  assert.deepEqual(scheduler.clean("nonsense"), scheduler.emptyState());
});
