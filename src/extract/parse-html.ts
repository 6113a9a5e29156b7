/**
 * HTML text → DOM `Document`, the one place that knows which DOM implementation caiji uses.
 *
 * jsdom is the default: Readability is developed against it and it gives every page an `<html>` root and
 * a base URL (linkedom does neither for pages that open with `<form>` or `<table>`). Two traps handled
 * here: jsdom throws on some CSS, so the constructor is guarded and retried without `<style>` blocks; and
 * a window that is never closed keeps its timers and memory, so callers `dispose()` when done.
 */
import { JSDOM, VirtualConsole } from "jsdom";

export interface ParsedDocument {
  document: Document;
  /** Frees the window; the document must not be used afterwards. */
  dispose(): void;
}

const silentConsole = new VirtualConsole();

function construct(html: string, url: string): JSDOM {
  return new JSDOM(html, {
    url,
    contentType: "text/html",
    virtualConsole: silentConsole,
    // Scripts never run here: rendering is the browser fetcher's job.
    runScripts: undefined,
    pretendToBeVisual: false,
  });
}

/** Parses `html` as if it had been served from `url` (relative links resolve against it). */
export function parseHtml(html: string, url: string): ParsedDocument {
  let dom: JSDOM;
  try {
    dom = construct(html, safeUrl(url));
  } catch {
    dom = construct(
      html.replace(/<style[\s\S]*?<\/style>/gi, "").replace(/\sstyle="[^"]*"/gi, ""),
      safeUrl(url),
    );
  }
  return { document: dom.window.document, dispose: () => dom.window.close() };
}

/** jsdom rejects URLs it cannot parse; fall back to a neutral base rather than failing the page. */
function safeUrl(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return "http://localhost/";
  }
}
