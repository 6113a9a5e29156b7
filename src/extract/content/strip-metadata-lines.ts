/**
 * Drops byline and metadata lines from the body: `Writer: admin Time:2023-01-10 Browse:94`,
 * `发布时间：… 来源：… 浏览次数：…`, `（责任编辑：…）`, `本文来源：…`, `（原标题：…）`.
 *
 * These fields are read separately by the metadata extractors; in the text they are noise that
 * Readability keeps whenever the byline sits inside the article column. A line is metadata when it is
 * short and either holds two or more labels (`时间：` and `来源：`, `Writer:` and `Browse:`) or opens
 * with one of the labels that never start a sentence of prose (`责任编辑：`, `来源：`). A line that
 * is only a date is metadata too. Sentences that merely mention a source ("据新华社报道，…") stay:
 * a label counts only with its colon, at the start or after a separator.
 */
import type { BlockFilter } from "./block-filter.js";

/** Labels of metadata fields, Chinese and English, as they appear before `：` or `:`. */
export const METADATA_LABELS = [
  "发布时间", "发表时间", "发布日期", "发文日期", "成文日期", "更新时间", "时间", "日期", "来源", "稿件来源",
  "信息来源", "文章来源", "本文来源", "新闻来源", "出处", "作者", "撰稿", "撰文", "记者", "通讯员", "编辑",
  "责任编辑", "责编", "编审", "校对", "审核", "审校", "摄影", "图片", "发布者", "发布人", "发布机构", "供稿",
  "浏览次数", "浏览量", "浏览", "阅读次数", "阅读量", "阅读", "点击次数", "点击数", "点击量", "点击", "访问量",
  "人气", "字号", "字体", "Writer", "Author", "By", "Time", "Date", "Posted", "Published", "Updated", "Source",
  "From", "Browse", "Views", "Hits", "Clicks", "Editor",
]; // biome-ignore format: a vocabulary reads better packed

/** Labels that open a metadata line on their own; no sentence of prose starts with them and a colon. */
export const LINE_OPENING_LABELS = [
  "责任编辑", "责编", "编辑", "来源", "本文来源", "文章来源", "稿件来源", "信息来源", "新闻来源", "原标题", "原题",
  "摄影", "校对", "审核", "审校", "编审", "采写", "撰稿", "撰文", "作者", "记者", "通讯员", "文章关键词",
  "关键词", "关键字", "标签", "Tags", "标题", "主题", "原创", "编译", "文", "图", "文/图", "图/文", "发布时间", "发布日期", "更新时间", "浏览次数", "点击数",
]; // biome-ignore format: a vocabulary reads better packed

/** Metadata lines are short; a longer line is prose even if it starts with a label. */
const MAX_METADATA_LENGTH = 80;
/** A line that opens with a label is cut only when this short (a `来源：` line names one outlet). */
const MAX_LABELLED_LINE_LENGTH = 50;

const alternation = (words: readonly string[]): string =>
  [...words].sort((a, b) => b.length - a.length).join("|");

/** A label with its colon, not glued to a preceding Chinese word (`报名时间：` is not `时间：`). */
const LABEL_WITH_COLON = new RegExp(
  `(?:^|[^\\u4e00-\\u9fffA-Za-z])(?:${alternation(METADATA_LABELS)})\\s*[:：]`,
  "gi",
);
/** A role word followed by a name, without a colon (`新京报记者 陆一夫 编辑 刘晓阳 校对 李铭`). */
const ROLE_WITH_NAME = /(?:记者|编辑|校对|审核|摄影|通讯员|责编)\s+[\u4e00-\u9fff]{2,4}(?=\s|$)/g;
const OPENING_LABEL = new RegExp(`^[【\\[（(]?\\s*(?:${alternation(LINE_OPENING_LABELS)})\\s*[:：]`, "i");
const DATE =
  "\\d{4}\\s*[-/.年]\\s*\\d{1,2}\\s*[-/.月]\\s*\\d{1,2}\\s*日?(?:\\s*\\d{1,2}[:：]\\d{2}(?:[:：]\\d{2})?)?";
/**
 * A line that is a date or date-time, alone or with a word or an outlet name after it
 * (`2023-01-10 12:00`, `2023年1月10日 更新`, `2003-7-24 钱江晚报`).
 */
const DATE_LINE = new RegExp(`^[（(]?\\s*${DATE}\\s*[）)]?\\s*[\\p{L}\\s]{0,10}$`, "u");
/**
 * A date together with a posting verb or counter: `本贴由某某于2005年8月12日…发表`,
 * `发表于 2004年12月27日 (阅读:3727)`, `2005-08-19 22:20 | (查看12次) | (回复3条)`.
 */
const DATE_WITH_POSTING = new RegExp(
  `${DATE}[\\s\\S]*(?:发表|发布|更新|阅读|浏览|点击|评论|来源|作者|编辑|(?:查看|回复)\\s*[-:：]?\\s*-?\\d+\\s*[次条])|(?:发表于|发布于|发表时间|更新于|posted)[\\s\\S]*${DATE}`,
  "i",
);
/** A byline without labels: `本报记者 王燕平 方云凤`, `光明日报记者 王建宏 张文攀`, `本报记者罗科苏盈发自北京`. */
const BYLINE =
  /^[\u4e00-\u9fff]{0,8}?(?:记者|通讯员|实习生|特约撰稿人?|特派记者|见习记者|评论员)\s*[\u4e00-\u9fff·]{2,4}(?:[\s、]+[\u4e00-\u9fff·]{2,4})*\s*(?:(?:发自|报道|摄|撰稿|整理)[\u4e00-\u9fff]{0,6})?$/;
/** A posting line, a counter or a byline is short. */
const MAX_POSTING_LINE_LENGTH = 60;
const MAX_BYLINE_LENGTH = 30;
/** View counters printed as a sentence: `您是本文第 154 个阅览者`, `已被阅读178次`. */
const VIEW_COUNTER =
  /第\s*\d+\s*[个位名]?\s*(?:阅览|访问|浏览|读)者|(?:已被|被)(?:阅读|浏览|点击|访问)\s*\d+\s*次/;

/**
 * An interview turn: a role word as the speaker of a sentence (`记者：你通过什么渠道获取这些信息？`).
 * A byline names people after the role; a turn says something and closes like a sentence.
 */
const INTERVIEW_TURN = /^(?:记者|通讯员|作者|编辑)\s*[:：]\s*\S.{6,}[。！？?!…]["”’）)]*$/u;

/** A line made only of bracketed items (`【纠错】 【责任编辑：吴迪】`)… */
const BRACKETED_ONLY = /^(?:\s*[【[][^】\]]*[】\]])+\s*$/;
/** …is a tool or metadata line when one item is a label or a page tool. */
const BRACKETED_TOOL = /纠错|打印|关闭|收藏|返回|分享/;

export function isMetadataLine(text: string, length: number): boolean {
  if (length > MAX_METADATA_LENGTH || INTERVIEW_TURN.test(text)) return false;
  if (
    BRACKETED_ONLY.test(text) &&
    (BRACKETED_TOOL.test(text) || new RegExp(LABEL_WITH_COLON.source, "i").test(text))
  )
    return true;
  if (DATE_LINE.test(text) || VIEW_COUNTER.test(text)) return true;
  if (length <= MAX_POSTING_LINE_LENGTH && !/[。！？]$/.test(text) && DATE_WITH_POSTING.test(text))
    return true;
  if (length <= MAX_BYLINE_LENGTH && BYLINE.test(text)) return true;
  const labels = text.match(LABEL_WITH_COLON)?.length ?? 0;
  const roles = text.match(ROLE_WITH_NAME)?.length ?? 0;
  if (labels + roles >= 2) return true;
  return length <= MAX_LABELLED_LINE_LENGTH && OPENING_LABEL.test(text);
}

export const stripMetadataLines: BlockFilter = (blocks) =>
  blocks.filter((block) => !isMetadataLine(block.text, block.length));
