/**
 * When a rendered page is done: the scripts' own pending work, counted inside the page, instead of a fixed
 * quiet period after the last request.
 *
 * A page is worth reading once the work its scripts started has ended: XHR and `fetch` requests (and the
 * bodies read from them), script and frame elements still loading, and short function timers (a counter
 * fetched 200 ms after `load`). `trackPendingWork` runs before any script of each document
 * (`addInitScript`) and counts that work; `settleAndRead`, one `evaluate`, waits until the count has been
 * zero for a few milliseconds and returns the DOM in the same round trip. A page whose scripts make no
 * request is read a few milliseconds after `load`, where a fixed quiet period of 300 ms used to be paid on
 * every page.
 *
 * What is not waited for, because it never ends or never writes the text: `setInterval` and whatever its
 * callbacks start, timers longer than a second, string timers (old marquees and clocks:
 * `setTimeout("scroll()", 30)`), and timers more than three deep in a chain of timers (an animation
 * re-arming itself). Every wait is also capped by the caller.
 *
 * Both functions run in the browser: they are serialised by Playwright, so they use nothing from outside
 * their own bodies.
 */

/** The counter `trackPendingWork` leaves on `window` (non-enumerable). */
export interface PendingWork {
  /** Work begun and not ended. */
  pending: number;
  /** Incremented on every begin and end, so that a settle sees work that came and went between looks. */
  changes: number;
  /** The page's setTimeout before it was wrapped, for waiting without counting as work. */
  setTimeout: typeof setTimeout;
}

/** Installs the pending-work counter on `window` as `__caijiWork`. Runs in the page, before its scripts. */
export function trackPendingWork(): void {
  const w = window as unknown as Record<string, unknown> & typeof globalThis;
  if (Object.hasOwn(w, "__caijiWork")) return;
  const nativeSetTimeout = w.setTimeout;
  const nativeClearTimeout = w.clearTimeout;
  const work: PendingWork = { pending: 0, changes: 0, setTimeout: nativeSetTimeout.bind(w) };
  Object.defineProperty(w, "__caijiWork", { value: work });
  const begin = (): (() => void) => {
    let ended = false;
    work.pending++;
    work.changes++;
    return () => {
      if (ended) return;
      ended = true;
      work.pending--;
      work.changes++;
    };
  };
  const onSettled = <T>(promise: Promise<T>, end: () => void): Promise<T> => {
    promise.then(end, end);
    return promise;
  };

  const xhr = w.XMLHttpRequest?.prototype;
  if (xhr) {
    const send = xhr.send;
    xhr.send = function (this: XMLHttpRequest, ...args: Parameters<XMLHttpRequest["send"]>) {
      const end = begin();
      // loadend comes after the load handlers, which are what write the counter into the page.
      this.addEventListener("loadend", end);
      try {
        return send.apply(this, args);
      } catch (error) {
        end();
        throw error;
      }
    };
  }

  const nativeFetch = w.fetch;
  if (typeof nativeFetch === "function") {
    w.fetch = function (this: unknown, ...args: Parameters<typeof fetch>) {
      const end = begin();
      try {
        return onSettled(nativeFetch.apply(this, args), end);
      } catch (error) {
        end();
        throw error;
      }
    } as typeof fetch;
    const response = w.Response?.prototype as unknown as Record<string, unknown> | undefined;
    for (const name of ["json", "text", "arrayBuffer", "blob", "formData"]) {
      const read = response?.[name];
      if (!response || typeof read !== "function") continue;
      response[name] = function (this: unknown, ...args: unknown[]) {
        const end = begin();
        try {
          return onSettled(read.apply(this, args) as Promise<unknown>, end);
        } catch (error) {
          end();
          throw error;
        }
      };
    }
  }

  const timerEnds = new Map<unknown, () => void>();
  // How many timers deep the running code is: a timer's callback runs one deeper than the code that set
  // it, an interval's at the limit (whatever an interval starts is never waited for).
  const UNTRACKED_DEPTH = 3;
  let depth = 0;
  const atDepth = (
    handler: (...args: unknown[]) => void,
    runDepth: number,
    rest: unknown[],
    end?: () => void,
  ) =>
    function (this: unknown) {
      const outer = depth;
      depth = runDepth;
      try {
        handler.apply(this, rest);
      } finally {
        depth = outer;
        end?.();
      }
    };
  w.setTimeout = ((handler: unknown, delay?: number, ...rest: unknown[]) => {
    if (typeof handler !== "function") {
      return Reflect.apply(nativeSetTimeout, w, [handler, delay, ...rest]) as ReturnType<typeof setTimeout>;
    }
    const ownDepth = Math.min(depth + 1, UNTRACKED_DEPTH);
    const tracked = (Number(delay) || 0) <= 1000 && depth < UNTRACKED_DEPTH;
    const end = tracked ? begin() : undefined;
    const id = nativeSetTimeout.call(
      w,
      atDepth(handler as (...args: unknown[]) => void, ownDepth, rest, () => {
        timerEnds.delete(id);
        end?.();
      }),
      delay,
    );
    if (end) timerEnds.set(id, end);
    return id;
  }) as typeof setTimeout;
  const nativeSetInterval = w.setInterval;
  w.setInterval = ((handler: unknown, delay?: number, ...rest: unknown[]) => {
    const wrapped =
      typeof handler === "function"
        ? atDepth(handler as (...args: unknown[]) => void, UNTRACKED_DEPTH, rest)
        : handler;
    return Reflect.apply(nativeSetInterval, w, [
      wrapped,
      delay,
      ...(typeof handler === "function" ? [] : rest),
    ]);
  }) as typeof setInterval;
  w.clearTimeout = ((id?: Parameters<typeof clearTimeout>[0]) => {
    const end = timerEnds.get(id);
    if (end) {
      timerEnds.delete(id);
      end();
    }
    return nativeClearTimeout.call(w, id);
  }) as typeof clearTimeout;

  // Scripts and frames that load: a dynamic <script src> (JSONP, DedeCMS's ajax include) runs when it
  // arrives, and ends with its load or error event.
  const watchElement = (node: Node): void => {
    const element = node as HTMLScriptElement | HTMLIFrameElement;
    const name = element.nodeName;
    if ((name !== "SCRIPT" && name !== "IFRAME") || !element.getAttribute?.("src")) return;
    const end = begin();
    element.addEventListener("load", end, { once: true });
    element.addEventListener("error", end, { once: true });
    // Elements that never fetch (a template type, a script inserted by innerHTML) fire neither: they are
    // given up after a second, like a long timer.
    nativeSetTimeout.call(w, end, 1000);
  };
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        watchElement(node);
        if (node.nodeType === 1)
          for (const inner of (node as Element).querySelectorAll("script[src],iframe[src]"))
            watchElement(inner);
      }
    }
  }).observe(document, { childList: true, subtree: true });
}

/** Where `writeIntoFrame` (`browser-frame.ts`) leaves the page it wrote, on the host window. */
export interface FramedPage {
  win: Window;
  doc: Document;
}

export interface SettledRead {
  html: string;
  /** How long ago the page's load event came (the caller's settle cap counts from it). */
  sinceLoadMs: number;
}

/**
 * Waits (in the page) until the document has loaded and no tracked work has been pending for `quietMs`, at
 * most `capMs` after the load, and returns the DOM as the scripts left it. Without the counter
 * (`trackPendingWork` did not run), waits `quietMs` after the load. With `framed`, the page is the one
 * `writeIntoFrame` wrote into a frame of this (host) document; the load is then waited for here, bounded only by
 * the caller's render deadline, as `goto` bounds it otherwise.
 */
export function settleAndRead(args: {
  quietMs: number;
  capMs: number;
  framed?: boolean;
}): Promise<SettledRead> {
  const host = window as unknown as { __caijiWork?: PendingWork; __caijiPage?: FramedPage };
  const page = args.framed ? host.__caijiPage : { win: window, doc: document };
  if (!page) return Promise.reject(new Error("no framed page to read"));
  // The page's window is the one the tracker counts in; the doc is kept apart from it because a frame that
  // navigated away (refused, but its document is gone from the frame) still holds the DOM we came for.
  const work = (page.win as unknown as { __caijiWork?: PendingWork }).__caijiWork;
  // The host's untracked setTimeout: the page's own is tracked (the wait would count as its work), and a
  // frame's timers stop with the frame.
  const wait = host.__caijiWork?.setTimeout ?? setTimeout;
  return new Promise((resolve) => {
    let loadedAt = -1;
    let quietSince = -1;
    let lastChanges = -1;
    const look = (): void => {
      const now = performance.now();
      // A document whose frame a script removed never completes; it is read as it is.
      if (loadedAt < 0 && (page.doc.readyState === "complete" || page.doc.defaultView === null))
        loadedAt = now;
      const busy = loadedAt < 0 || (work !== undefined && (work.pending > 0 || work.changes !== lastChanges));
      if (work) lastChanges = work.changes;
      if (busy) quietSince = -1;
      else if (quietSince < 0) quietSince = now;
      if (
        (quietSince >= 0 && now - quietSince >= args.quietMs) ||
        (loadedAt >= 0 && now - loadedAt >= args.capMs)
      ) {
        // outerHTML rather than page.content(): content() waits for navigations and re-serialises the
        // doctype in its own way; we want the DOM exactly as the scripts left it.
        resolve({ html: page.doc.documentElement.outerHTML, sinceLoadMs: performance.now() - loadedAt });
        return;
      }
      wait(look, 10);
    };
    look();
  });
}
