/**
 * Rendering a page in a frame of a host document instead of navigating the tab to it.
 *
 * Why: a top-level navigation is Chromium's most expensive step for a small page. Measured on this project's
 * machine (Chromium 156, 2 cores): ~110 ms of CPU across the browser, renderer and GPU processes for an
 * empty page even over raw CDP, ~150 ms through Playwright, whatever the page holds; writing the same page
 * into a fresh same-origin frame costs ~40 ms. Rendering is CPU-bound, so this is most of the pages/s.
 *
 * How: the tab holds an empty host document at the page's origin (served from memory, never requested).
 * For each page the host drops the previous frame, takes the page's URL (`history.replaceState`), and writes
 * the page's already-fetched, already-decoded HTML into a new `<iframe>` covering the viewport:
 * `document.open()` gives the frame the host's URL, the pending-work counter is installed in the frame's
 * window, and `document.write` hands the HTML to the parser, which runs the scripts and loads their
 * requests through the same routing as before. Each page gets a new window (globals, `let` bindings,
 * timers and listeners of the previous page are gone with its frame), `location` is the page's URL, and
 * the frame is as large as the tab, so size checks see a desktop window.
 *
 * What differs from a navigation, and why it is accepted (the caller falls back to navigating when a page
 * needs what a frame cannot give: see `framesFit`): `window.top` is the host (whose URL is the page's, so
 * `top.location == self.location` frame-busting checks pass; a script that navigates `top` is refused as
 * any navigation away is); the response headers are not a response here (their cookies are set beforehand
 * by the caller); `document.characterSet` is UTF-8 because the text arrives decoded; `document.referrer`
 * is the page itself.
 *
 * Runs in the browser: serialised by Playwright, so it uses nothing from outside its own body.
 */
import type { FramedPage } from "./browser-settle.js";

/** The host document: empty, UTF-8, standards mode. */
export const HOST_DOCUMENT = '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body></body></html>';

export interface FrameWrite {
  /** The page's HTML, decoded. */
  html: string;
  /** The page's URL (same origin as the host). */
  url: string;
  /** Source of a script that installs the pending-work counter in the window it runs in. */
  tracker: string;
  /** Names this render's frame, for `dropFrame`. */
  render: number;
}

/** Replaces the host's frame with a new one holding `html` as the document at `url`. Returns at once; the
 * page goes on loading, and `settleAndRead({ framed: true })` waits for it. */
export function writeIntoFrame(args: FrameWrite): void {
  const host = window as unknown as { __caijiPage?: FramedPage };
  // The previous page's window goes with its frame: its timers and pending requests end here.
  document.getElementById("caiji-page")?.remove();
  host.__caijiPage = undefined;
  history.replaceState(null, "", args.url);
  const frame = document.createElement("iframe");
  frame.id = "caiji-page";
  frame.dataset.render = String(args.render);
  frame.setAttribute("style", "position:fixed;top:0;left:0;width:100%;height:100%;border:0;margin:0");
  (document.body ?? document.documentElement).append(frame);
  const win = frame.contentWindow;
  const doc = frame.contentDocument;
  if (!win || !doc) throw new Error("the page frame has no document");
  // open() gives the frame's document the host's URL, which is now the page's.
  doc.open();
  (win as unknown as { eval: (source: string) => void }).eval(args.tracker);
  host.__caijiPage = { win, doc };
  doc.write(args.html);
  doc.close();
}

/** Removes render `render`'s frame once it has been read, so that its timers and requests do not run on
 * while the tab waits for its next page; a later render's frame is left alone. */
export function dropFrame(render: number): void {
  const frame = document.getElementById("caiji-page");
  if (frame?.dataset.render !== String(render)) return;
  frame.remove();
  (window as unknown as { __caijiPage?: FramedPage }).__caijiPage = undefined;
}
