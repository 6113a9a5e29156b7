/**
 * The two ways a site adapter can break, as values with one-line messages: it failed to load (syntax error,
 * bad definition, missing default export), or one of its hooks threw on a page. Neither stops a crawl: the
 * page (or every page, for a load failure) gets the generic adapter, and the message goes to stderr and to
 * the errors file, so a broken adapter is noticed without costing the crawl.
 */

/** A hook (or selector) of a loaded adapter threw on one page. */
export class AdapterError extends Error {
  constructor(
    /** The adapter's name. */
    readonly adapter: string,
    /** The page it failed on. */
    readonly url: string,
    /** Which part failed: `fields.views`, `content.selector`, `pages.kind`, `links.pagination`, … */
    readonly hook: string,
    override readonly cause: unknown,
  ) {
    super(
      `adapter "${adapter}" failed on ${url}: ${hook}: ${oneLine(cause)}; used the generic adapter for this page`,
    );
    this.name = "AdapterError";
  }
}

/** An adapter file that could not be loaded; its pages get the generic adapter. */
export interface AdapterLoadFailure {
  /** The file (as given, relative to the working directory when possible). */
  file: string;
  /** The adapter's name as far as it is known: the file name without extension. */
  adapter: string;
  /** One line: what went wrong and what happens instead. */
  message: string;
}

/** Longest error text kept in a message, in characters. */
const MAX_ERROR_CHARS = 300;

/** An error as one line, whitespace collapsed (jiti puts the file position on a second line). */
export function oneLine(error: unknown): string {
  let text = String(error);
  if (error instanceof Error) {
    const named = error.name !== "Error" && !error.message.startsWith(error.name);
    text = named ? `${error.name}: ${error.message}` : error.message;
  }
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > MAX_ERROR_CHARS ? `${line.slice(0, MAX_ERROR_CHARS)}…` : line;
}
