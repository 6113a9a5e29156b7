/**
 * What a headline looks like, as opposed to a sentence of an article: the shared test of the filters
 * that drop lists of other articles' titles (related lists, unrelated headlines after the body).
 *
 * A headline is a link, or a short line that does not close with a sentence-final mark (headlines end
 * on a noun, a `！` of their own is rare and `……` is a teaser). Enumerated points of an article
 * (`一是…`, `（二）…`, `3.…`) are never headlines, even when short and unpunctuated, and neither is a
 * line of clauses (two or more full-width commas): that is an unfinished sentence. A notice's
 * attachments (`附件1：…docx`) are links of the article itself, not headlines.
 */
import type { Block } from "./block-model.js";

/** Headlines are at most this long (reading units). */
export const MAX_HEADLINE_LENGTH = 60;
/** Link lines up to this length count as headlines (link titles can be long). */
const MAX_LINKED_HEADLINE_LENGTH = 100;
/** Marks that end a sentence; a headline does not end with one (`……` and `!` in teasers aside). */
const SENTENCE_FINAL = /[。？?；;：:.!](?:[”’"'）)」』]*)$/;
/** The numbering of an article's own points. */
const ENUMERATION =
  /^(?:[一二三四五六七八九十]+[是要则、．.]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、．.)）]|[①-⑳]|第[一二三四五六七八九十\d]+[，、条章节部])/;

/** An attachment of a notice (`附件1：申请表.docx`): linked and short, but part of the article. */
const ATTACHMENT =
  /^[（(]?附件\s*[\d一二三四五六七八九十]*\s*[：:）)、.]?|\.(?:docx?|xlsx?|pdf|zip|rar|wps|pptx?)\s*[）)]?$/i;

export function isAttachment(block: Block): boolean {
  return ATTACHMENT.test(block.text);
}

export function isLinkLine(block: Block): boolean {
  if (isAttachment(block)) return false;
  return (
    block.length > 0 && block.length <= MAX_LINKED_HEADLINE_LENGTH && block.linkLength / block.length >= 0.5
  );
}

/**
 * Prose broken into lines (`<br>` after every 40 characters): a line that has finished a sentence
 * inside it (`。` followed by more words) or opens mid-sentence (`，可是…`) is part of a paragraph.
 */
const SENTENCE_INSIDE = /。(?:[”’"'）)」』]*)[^\s”’"'）)」』]/;
const OPENS_MID_SENTENCE = /^[，、；：,;]/;

/** Clauses: a line with two or more full-width commas reads as a sentence, not a title. */
const CLAUSE_COMMAS = /[，、]/g;
const MAX_HEADLINE_COMMAS = 1;

export function looksLikeHeadline(block: Block): boolean {
  if (isLinkLine(block)) return true;
  if (block.length === 0 || block.length > MAX_HEADLINE_LENGTH) return false;
  if (ENUMERATION.test(block.text) || isAttachment(block)) return false;
  if (SENTENCE_INSIDE.test(block.text) || OPENS_MID_SENTENCE.test(block.text)) return false;
  if ((block.text.match(CLAUSE_COMMAS)?.length ?? 0) > MAX_HEADLINE_COMMAS) return false;
  return !SENTENCE_FINAL.test(block.text);
}
