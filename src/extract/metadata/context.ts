/** What every metadata extractor gets besides the document. */
export interface MetadataContext {
  /** The page URL (final, after redirects). */
  url: string;
  /**
   * The UTC offset to attach to date-times the page shows without one, as `+08:00`.
   * Chinese pages default to `+08:00`; an adapter or the page itself may say otherwise.
   */
  defaultOffset: string;
}
