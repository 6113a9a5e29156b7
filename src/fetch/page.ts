/**
 * A fetched page: what every fetcher (HTTP, browser, a file on disk) hands to the extractor.
 * The body stays as bytes so charset decoding happens in one place (`decode-charset.ts`).
 */
export interface Page {
  /** The URL that was requested. */
  requestedUrl: string;
  /** The URL the body came from, after redirects. */
  url: string;
  status: number;
  /** Response headers, lower-case names. */
  headers: Record<string, string>;
  body: Uint8Array;
  fetchedAt: Date;
  /** True when `body` is a browser-rendered DOM serialised as UTF-8. */
  rendered: boolean;
}
