// In-page measuring code for bench/run.mjs, injected into every page before its own scripts
// (Playwright's addInitScript). It relies only on the hooks the app and the reference page
// share: svg[data-ready="true"], [data-actor], [data-panel] h2. Everything is timed with
// performance.now(), whose zero is the start of the navigation.
//
// "Painted" means: the browser has produced the frame that shows the change. A
// requestAnimationFrame callback runs just before that frame's style, layout and paint; a task
// posted from it runs once they are done. So rAF + task marks the end of the frame's work.

export function installProbe() {
  const probe = {
    readyAt: null, // navigation → map drawn and painted
    inputs: [], // the last few { type, timeStamp, dispatchedAt }
    panel: null, // Promise of the next panel change, see armPanel()
    frames: null, // rAF deltas while recording
  };
  window.__bench = probe;

  // The task that marks the end of the frame is posted at the highest priority where the browser
  // has the Prioritized Task Scheduling API (Chromium): it runs as soon as the frame's work is
  // done, whatever the page has queued by then. A MessageChannel's message (the fallback) reaches
  // Chromium's main thread through a Mojo pipe, some time after it is sent: a task the page posted
  // from the same frame (work it defers until after the paint, at any priority) ran before it, so
  // the page's own after-paint work was counted as if the frame had waited for it.
  const scheduler = globalThis.scheduler;
  // Channels waiting for their message: held here, because Chromium may collect a channel that
  // nothing references before its message is delivered, and the callback then never runs (a
  // first click of the bench waited forever once in some 40 loads).
  const pending = new Set();
  function afterPaint(callback) {
    requestAnimationFrame(() => {
      if (typeof scheduler?.postTask === 'function') {
        scheduler.postTask(() => callback(performance.now()), { priority: 'user-blocking' });
        return;
      }
      const channel = new MessageChannel();
      pending.add(channel);
      channel.port1.onmessage = () => {
        pending.delete(channel);
        callback(performance.now());
      };
      channel.port2.postMessage(null);
    });
  }

  // Map ready: watch for svg[data-ready="true"] from the very start of the document; and the
  // first actor drawn, which is what a reader of a large story waits for.
  probe.firstActorAt = null;
  const readyObserver = new MutationObserver(() => {
    if (probe.firstActorAt === null && document.querySelector('svg [data-actor]')) {
      probe.firstActorAt = -1;
      afterPaint((t) => (probe.firstActorAt = t));
    }
    if (!document.querySelector('svg[data-ready="true"]')) return;
    readyObserver.disconnect();
    afterPaint((t) => (probe.readyAt = t));
  });
  readyObserver.observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-ready'],
  });

  // Paint timings: first contentful paint, and the largest contentful paint as it stands (the
  // browser stops updating it at the first input). For the app both are normally the
  // prerendered first paint in index.html (its title, standfirst and picture), not the live map.
  probe.lcp = null;
  try {
    new PerformanceObserver((list) => {
      const last = list.getEntries().at(-1);
      if (last) probe.lcp = last.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  } catch {
    // No LCP API: the figure stays empty.
  }
  probe.fcp = () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;

  // Long tasks (≥ 50 ms on the main thread) from the start: the longest is how long the page
  // was frozen while it loaded.
  probe.longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No Long Tasks API: the figure stays empty.
  }

  // Input timestamps, taken in the capture phase on window so no page listener runs first.
  // event.timeStamp is when the browser received the input, so time the page spent busy
  // before it could even dispatch the event counts against the page, as a reader feels it.
  // Only the last few are kept, so the probe itself doesn't grow the heap it helps measure.
  for (const type of ['pointerdown', 'click']) {
    window.addEventListener(
      type,
      (event) => {
        probe.inputs.push({ type, timeStamp: event.timeStamp, dispatchedAt: performance.now() });
        if (probe.inputs.length > 4) probe.inputs.shift();
      },
      { capture: true },
    );
  }

  const headingText = () => document.querySelector('[data-panel] h2')?.textContent ?? null;

  // Call before a click; then await probe.panel for { latency, cause } (or null on timeout).
  // The latency runs from the input event that caused the change (pointerdown if the page
  // reacts on press, click if it reacts on release) to the paint of the new heading.
  probe.armPanel = (timeoutMs) => {
    const before = headingText();
    probe.inputs = [];
    probe.panel = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (headingText() === before) return;
        const changedAt = performance.now();
        observer.disconnect();
        clearTimeout(timer);
        afterPaint((paintedAt) => {
          const cause = probe.inputs.filter((input) => input.dispatchedAt <= changedAt).at(-1);
          if (!cause) return resolve(null);
          // Fall back to the dispatch time if a browser reports an odd timeStamp.
          const start =
            cause.timeStamp > 0 && cause.timeStamp <= cause.dispatchedAt
              ? cause.timeStamp
              : cause.dispatchedAt;
          resolve({
            latency: paintedAt - start,
            paintedAt,
            cause: cause.type,
            heading: headingText(),
          });
        });
      });
      const timer = setTimeout(() => {
        observer.disconnect();
        resolve(null);
      }, timeoutMs);
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
  };

  // Frame times: the delta between successive rAF timestamps (each frame's start), recorded
  // while a gesture runs. 16.7 ms is a frame on time at 60 Hz; a dropped frame shows as 33 ms.
  probe.startFrames = () => {
    probe.frames = [];
    let last = null;
    const loop = (t) => {
      if (!probe.frames) return;
      if (last !== null) probe.frames.push(t - last);
      last = t;
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  };
  probe.stopFrames = () => {
    const frames = probe.frames ?? [];
    probe.frames = null;
    return frames;
  };

  // Bytes on the wire (headers + gzip body) for the document and everything it fetched,
  // optionally only what had finished arriving by `until`.
  probe.requests = (until = Infinity) =>
    [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
      .filter((entry) => entry.responseEnd <= until)
      .map((entry) => ({
        url: new URL(entry.name).pathname,
        bytes: entry.transferSize,
        end: entry.responseEnd,
      }));
  probe.transferred = (until = Infinity) =>
    probe.requests(until).reduce((sum, request) => sum + request.bytes, 0);

  // A point inside an actor that a real click there would hit: actors can be odd shapes
  // (Russia's bounding box spans the whole map), so sample its box, coarse grid first, and
  // keep the hit nearest the middle. Prefers the actor's marker if the page draws one.
  probe.pointOn = (id) => {
    const selector = `[data-actor="${id}"]`;
    const target =
      document.querySelector(`${selector}[data-marker]`) ?? document.querySelector(selector);
    if (!target) return null;
    const box = target.getBoundingClientRect();
    const left = Math.max(box.left, 0);
    const right = Math.min(box.right, window.innerWidth);
    const top = Math.max(box.top, 0);
    const bottom = Math.min(box.bottom, window.innerHeight);
    const mid = { x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 };
    for (const steps of [4, 12, 36]) {
      let best = null;
      for (let i = 0; i <= steps; i++) {
        for (let j = 0; j <= steps; j++) {
          const x = left + ((right - left) * i) / steps;
          const y = top + ((bottom - top) * j) / steps;
          if (!document.elementFromPoint(x, y)?.closest(selector)) continue;
          const distance = Math.hypot(x - mid.x, y - mid.y);
          if (!best || distance < best.distance) best = { x, y, distance };
        }
      }
      if (best) return { x: best.x, y: best.y };
    }
    return null;
  };
}
