// seokb review: the flashcard session on /review/ and the export and import of everything the site keeps in this
// browser, as a text code and a QR code. Storage and the due line are progress.js's, scheduling review-scheduler.js's.
(function () {
  "use strict";

  var scheduler = window.seokbScheduler;
  var progress = window.seokbProgress;
  // qrcode.js sits beside this file; it is loaded the first time a reader makes a code.
  var QR_SCRIPT = document.currentScript ? document.currentScript.src.replace(/review\.js(\?.*)?$/, "qrcode.js") : "";
  var STATE_KEY = progress.STATE_KEY;
  var storageWorks = progress.storageWorks;
  var read = progress.read;
  var write = progress.write;
  var loadMissed = progress.loadMissed;
  var showNotice = progress.showNotice;
  var plural = progress.plural;
  // The kinds of value the site keeps, the only ones a code may carry: read marks, quiz scores, review state.
  var KEPT = /^seokb:(lesson:[^\s]{1,300}|quiz:[a-z0-9-]{1,80}|review|review:missed)$/;
  var CODE_VERSION = 1;
  var HASH = "#progress=";

  // Where the session keeps its state when storage refuses it: this visit only.
  var memoryState = null;

  function loadState() {
    return memoryState || progress.loadState();
  }

  // ------------------------------------------------------------------------------------------ the session

  function setUpDeck(root) {
    root.setAttribute("data-seokb-ready", "");
    var source = document.getElementById("seokb-review-cards");
    var cards = source ? JSON.parse(source.content.textContent) : [];
    var byId = {};
    cards.forEach(function (card) {
      byId[card.id] = card;
    });
    var part = function (name) {
      return root.querySelector("[data-seokb-" + name + "]");
    };
    var session = part("review-session");
    var progress = part("review-progress");
    var done = part("review-done");
    var flip = part("flip");
    var rateButtons = part("rate");
    var card = part("card");
    var back = part("card-back");
    var current = null;
    var stored = storageWorks();

    if (!stored) {
      showNotice(part("storage-note"));
    }

    // The reader's deck: every term card, and the quiz questions they answered wrongly (once missed, kept).
    function deck(state, missed) {
      return cards
        .filter(function (c) {
          return c.kind !== "quiz" || missed[c.id] || state.cards[c.id];
        })
        .map(function (c) {
          return c.id;
        });
    }

    // Cards of entries or questions the site no longer has are dropped here, where the whole deck is known, so that
    // the due line of other pages stops counting them.
    function forgetDeleted() {
      var state = loadState();
      var gone = Object.keys(state.cards).filter(function (id) {
        return !byId[id];
      });
      if (gone.length) {
        gone.forEach(function (id) {
          delete state.cards[id];
        });
        if (!write(STATE_KEY, JSON.stringify(state))) {
          memoryState = state;
        }
      }
    }

    function show() {
      var state = loadState();
      var missed = loadMissed();
      var ids = deck(state, missed);
      var now = Date.now();
      var queue = scheduler.queue(state, ids, now, missed);
      var counts = scheduler.counts(state, ids, now, missed);
      progress.textContent =
        plural(counts.due, "card", "cards") + " due today, " + plural(counts.learned, "card", "cards") + " learned" +
        (counts.unseen ? ", " + plural(counts.unseen, "new card", "new cards") + " still to come." : ".");
      current = queue.length ? byId[queue[0]] : null;
      if (!current) {
        session.hidden = true;
        done.textContent = counts.learned
          ? "All done for today. Come back tomorrow: the cards you know return just before you would forget them."
          : "No cards to review right now.";
        done.hidden = false;
        return;
      }
      done.hidden = true;
      session.hidden = false;
      session.setAttribute("data-seokb-card-id", current.id);
      part("card-prompt").textContent = current.prompt;
      part("card-front").textContent = current.front;
      part("card-answer").textContent = current.back;
      part("card-more").textContent = current.more;
      part("card-more").hidden = !current.more;
      var link = part("card-link");
      link.href = current.href;
      link.textContent = current.kind === "quiz" ? "Open the quiz" : "Read the entry";
      back.hidden = true;
      flip.hidden = false;
      rateButtons.hidden = true;
    }

    function turn() {
      if (!current || !back.hidden) {
        return;
      }
      back.hidden = false;
      flip.hidden = true;
      rateButtons.hidden = false;
      rateButtons.querySelector('[data-seokb-rating="good"]').focus();
    }

    function rate(rating) {
      if (!current || back.hidden) {
        return;
      }
      var state = scheduler.rate(loadState(), current.id, rating, Date.now(), loadMissed());
      if (!write(STATE_KEY, JSON.stringify(state))) {
        memoryState = state; // nothing can be kept: go on through this visit's cards in memory
      }
      show();
      if (!session.hidden) {
        flip.focus();
      }
    }

    flip.addEventListener("click", turn);
    card.addEventListener("click", function (event) {
      if (!event.target.closest("a")) {
        turn();
      }
    });
    Array.prototype.forEach.call(rateButtons.querySelectorAll("[data-seokb-rating]"), function (button) {
      button.addEventListener("click", function () {
        rate(button.getAttribute("data-seokb-rating"));
      });
    });
    document.addEventListener("keydown", function (event) {
      if (!document.body.contains(root) || session.hidden || event.altKey || event.ctrlKey || event.metaKey) {
        return;
      }
      var target = event.target;
      if (target.closest && target.closest("input, textarea, select, [contenteditable]")) {
        return;
      }
      if (event.key === " " && !target.closest("button, a")) {
        event.preventDefault(); // flip, not scroll
        turn();
      } else if (event.key === "1" || event.key === "2" || event.key === "3") {
        rate(["again", "good", "easy"][Number(event.key) - 1]);
      }
    });
    root.seokbShow = show;
    forgetDeleted();
    show();
  }

  // ------------------------------------------------------------------------------------------ export and import

  // A code: "seokb" + version, then base64url of the JSON, then a checksum of that text; the JSON names its
  // version again. Reading goes through READERS by version, so a later format still reads an old code.
  function crc32(text) {
    var crc = -1;
    for (var i = 0; i < text.length; i += 1) {
      crc ^= text.charCodeAt(i);
      for (var bit = 0; bit < 8; bit += 1) {
        crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
      }
    }
    return ((crc ^ -1) >>> 0).toString(16).padStart(8, "0");
  }

  // Deflate (the browser's own CompressionStream) keeps the code short: card ids repeat a lot.
  function squeeze(bytes, how) {
    var stream = new Blob([bytes]).stream().pipeThrough(how === "in" ? new CompressionStream("deflate-raw") : new DecompressionStream("deflate-raw"));
    return new Response(stream).arrayBuffer().then(function (buffer) {
      return new Uint8Array(buffer);
    });
  }

  function toBase64Url(bytes) {
    var binary = "";
    bytes.forEach(function (byte) {
      binary += String.fromCharCode(byte);
    });
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function fromBase64Url(text) {
    var binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i += 1) {
      bytes[i] = binary.charCodeAt(i);
    }
    return bytes;
  }

  function keptItems() {
    var items = {};
    try {
      for (var i = 0; i < localStorage.length; i += 1) {
        var key = localStorage.key(i);
        if (KEPT.test(key)) {
          items[key] = localStorage.getItem(key);
        }
      }
    } catch (error) {
      // blocked: nothing to export
    }
    return items;
  }

  function makeCode(items) {
    var json = new TextEncoder().encode(JSON.stringify({ v: CODE_VERSION, items: items }));
    return squeeze(json, "in").then(function (packed) {
      var payload = toBase64Url(packed);
      return "seokb" + CODE_VERSION + "." + payload + "." + crc32(payload);
    });
  }

  var READERS = {
    1: function (data) {
      if (!data || data.v !== 1 || typeof data.items !== "object" || data.items === null || Array.isArray(data.items)) {
        return null;
      }
      var keys = Object.keys(data.items);
      for (var i = 0; i < keys.length; i += 1) {
        var value = data.items[keys[i]];
        if (!KEPT.test(keys[i]) || typeof value !== "string" || value.length > 200000) {
          return null;
        }
        try {
          JSON.parse(value);
        } catch (error) {
          return null;
        }
      }
      return data.items;
    }
  };

  // A promise of the items a code carries, or of the sentence that says why it was refused.
  function readCode(code) {
    var checked = checkCode(code);
    if (checked.error) {
      return Promise.resolve(checked);
    }
    return squeeze(fromBase64Url(checked.payload), "out")
      .then(function (bytes) {
        return checked.reader(JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)));
      })
      .catch(function () {
        return null;
      })
      .then(function (items) {
        return items ? { items: items } : { error: "This code could not be read. Nothing was changed." };
      });
  }

  function checkCode(code) {
    var text = code.replace(/\s+/g, "");
    if (!text) {
      return { error: "Paste a code first." };
    }
    var match = /^seokb(\d+)\.([A-Za-z0-9_-]+)\.([0-9a-f]{8})$/.exec(text);
    if (!match) {
      return { error: "This is not a whole progress code: it should start with \u201cseokb\u201d. Nothing was changed." };
    }
    var reader = READERS[match[1]];
    if (!reader) {
      return {
        error: "This code was made by a newer version of this site. Reload this page and try again. Nothing was changed."
      };
    }
    if (crc32(match[2]) !== match[3]) {
      return {
        error:
          "This code is damaged or incomplete: a part is missing or changed. Copy the whole code again. Nothing was changed."
      };
    }
    return { payload: match[2], reader: reader };
  }

  function describe(items) {
    var lessons = 0;
    var quizzes = 0;
    var reviewed = 0;
    Object.keys(items).forEach(function (key) {
      if (key.indexOf("seokb:lesson:") === 0) {
        lessons += 1;
      } else if (key.indexOf("seokb:quiz:") === 0) {
        quizzes += 1;
      } else if (key === STATE_KEY) {
        reviewed = Object.keys(scheduler.clean(JSON.parse(items[key])).cards).length;
      }
    });
    return (
      plural(lessons, "lesson read", "lessons read") + ", " + plural(quizzes, "quiz score", "quiz scores") + " and " +
      plural(reviewed, "review card", "review cards")
    );
  }

  function loadQrLibrary() {
    if (typeof window.qrcode === "function" || !QR_SCRIPT) {
      return Promise.resolve();
    }
    return new Promise(function (resolve) {
      var script = document.createElement("script");
      script.src = QR_SCRIPT;
      script.onload = script.onerror = function () {
        resolve(); // without it, the text code still works
      };
      document.head.appendChild(script);
    });
  }

  function drawQr(box, code) {
    box.textContent = "";
    if (typeof window.qrcode !== "function") {
      return;
    }
    try {
      var qr = window.qrcode(0, "L");
      qr.addData(code);
      qr.make();
      box.innerHTML = qr.createSvgTag({ cellSize: 4, margin: 16, scalable: true, title: "QR code of your progress code" });
    } catch (error) {
      // More than a QR code holds (about 2,900 characters): the text code still works.
      var p = document.createElement("p");
      p.textContent = "Your progress is too large for a QR code; copy the text code instead.";
      box.appendChild(p);
    }
  }

  function setUpTransfer(root) {
    root.setAttribute("data-seokb-ready", "");
    var part = function (name) {
      return root.querySelector("[data-seokb-" + name + "]");
    };
    var status = part("transfer-status");
    if (location.hash.indexOf(HASH) === 0) {
      part("import-code").value = decodeURIComponent(location.hash.slice(HASH.length));
      status.textContent = "A progress code from another device is filled in below: press \u201cLoad this progress\u201d to use it.";
    }
    part("export").addEventListener("click", function () {
      var items = keptItems();
      Promise.all([makeCode(items), loadQrLibrary()]).then(function (done) {
        var code = done[0];
        part("export-code").value = code;
        part("export-result").hidden = false;
        // The QR code opens this page on the other device with the code filled in (after "#": never sent anywhere).
        drawQr(part("qr"), location.origin + location.pathname + HASH + code);
        status.textContent = "Your code holds " + describe(items) + ".";
      });
    });
    part("import").addEventListener("click", function () {
      readCode(part("import-code").value).then(load);
    });

    function load(result) {
      if (result.error) {
        status.textContent = result.error;
        status.setAttribute("data-seokb-state", "refused");
        return;
      }
      var keys = Object.keys(result.items);
      var before = {};
      keys.forEach(function (key) {
        before[key] = read(key);
      });
      var failed = keys.some(function (key) {
        return !write(key, result.items[key]);
      });
      if (failed) {
        // Put back what was there: a code loads whole or not at all.
        keys.forEach(function (key) {
          try {
            if (before[key] === null) {
              localStorage.removeItem(key);
            } else {
              localStorage.setItem(key, before[key]);
            }
          } catch (error) {
            // blocked: nothing was written either
          }
        });
        status.textContent = "This browser is not keeping data for this site, so the code could not be loaded. Nothing was changed.";
        status.setAttribute("data-seokb-state", "refused");
        return;
      }
      status.textContent = "Loaded " + describe(result.items) + ".";
      status.setAttribute("data-seokb-state", "loaded");
      memoryState = null;
      var deckRoot = document.querySelector("[data-seokb-review][data-seokb-ready]");
      if (deckRoot && deckRoot.seokbShow) {
        deckRoot.seokbShow(); // the session and its counts, from the progress just loaded
      }
    }
  }

  function all(selector) {
    return Array.prototype.slice.call(document.querySelectorAll(selector));
  }

  function setUp() {
    all("[data-seokb-review]:not([data-seokb-ready])").forEach(setUpDeck);
    all("[data-seokb-transfer]:not([data-seokb-ready])").forEach(setUpTransfer);
  }

  window.seokbProgressCode = { make: makeCode, read: readCode }; // for the tests of old and tampered codes
  window.seokbOnEachPage(setUp); // now, and for each page instant navigation swaps in
})();
