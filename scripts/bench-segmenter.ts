/**
 * Measures the jieba bindings caiji can use, to choose the default in `src/nlp/load-segmenter.ts`.
 *
 * For each binding: dictionary load time, resident memory the load adds, and throughput of `cut` and of
 * `keywords` (chars per second) over article-sized pieces of Chinese text. Each binding runs in its own
 * child process, so one binding's memory and warm caches do not count against the other.
 *
 * The text comes from the HTML pages in `fixtures/pages/` (tags stripped), repeated up to `--kb`.
 *
 *   npx jiti scripts/bench-segmenter.ts [--kb 300] [--runs 5]
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { decodeHtml } from "../src/fetch/decode-charset.js";
import type { SegmenterName } from "../src/nlp/load-segmenter.js";
import { createNodeRsSegmenter } from "../src/nlp/node-rs-segmenter.js";
import { createNodejsJiebaSegmenter } from "../src/nlp/nodejs-jieba-segmenter.js";
import type { Segmenter } from "../src/nlp/segmenter.js";

const factories: Record<SegmenterName, () => Segmenter> = {
  "node-rs": createNodeRsSegmenter,
  "nodejs-jieba": createNodejsJiebaSegmenter,
};

/** Roughly one news article: the unit the crawler hands to the segmenter. */
const articleChars = 3000;

interface Measurement {
  name: string;
  loadMs: number;
  rssAfterLoadMb: number;
  rssDeltaMb: number;
  cutCharsPerSec: number;
  keywordsCharsPerSec: number;
  rssAfterWorkMb: number;
  tokens: number;
  textChars: number;
}

const scriptPath = fileURLToPath(import.meta.url);
const repoRoot = join(dirname(scriptPath), "..");

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** Chinese text from the fixture pages, repeated to `targetChars`, cut into article-sized pieces. */
function benchmarkArticles(targetChars: number): string[] {
  const pagesDir = join(repoRoot, "fixtures", "pages");
  const texts = readdirSync(pagesDir)
    .map((entry) => join(pagesDir, entry, "page.html"))
    .filter((path) => existsSync(path))
    .map((path) => htmlToText(decodeHtml(readFileSync(path)).html))
    .filter((text) => /[\u4e00-\u9fff]/.test(text));
  if (texts.length === 0) throw new Error(`no Chinese fixture pages under ${pagesDir}`);
  const corpus = texts.join("\n");
  let text = "";
  while (text.length < targetChars) text += `${corpus}\n`;
  text = text.slice(0, targetChars);
  const articles: string[] = [];
  for (let i = 0; i < text.length; i += articleChars) articles.push(text.slice(i, i + articleChars));
  return articles;
}

function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&[a-z]+;|&#\d+;/gi, " ")
    .replace(/\s+/g, " ");
}

const mb = (bytes: number) => bytes / 2 ** 20;

/** Best of `runs` timings of `work`, in milliseconds (the best run is the least disturbed one). */
function bestMs(runs: number, work: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    work();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

function measure(name: SegmenterName, targetChars: number, runs: number): Measurement {
  const articles = benchmarkArticles(targetChars);
  const textChars = articles.reduce((sum, a) => sum + a.length, 0);
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const loadStart = performance.now();
  const segmenter = factories[name]();
  const loadMs = performance.now() - loadStart;
  const rssAfterLoad = process.memoryUsage().rss;

  segmenter.cut(articles[0] ?? "");
  let tokens = 0;
  const cutMs = bestMs(runs, () => {
    tokens = 0;
    for (const article of articles) tokens += segmenter.cut(article).length;
  });
  const keywordsMs = bestMs(runs, () => {
    for (const article of articles) segmenter.keywords(article, 10);
  });
  return {
    name,
    loadMs,
    rssAfterLoadMb: mb(rssAfterLoad),
    rssDeltaMb: mb(rssAfterLoad - rssBefore),
    cutCharsPerSec: textChars / (cutMs / 1000),
    keywordsCharsPerSec: textChars / (keywordsMs / 1000),
    rssAfterWorkMb: mb(process.memoryUsage().rss),
    tokens,
    textChars,
  };
}

function runChild(name: SegmenterName, kb: number, runs: number): Measurement {
  const args = ["--import", import.meta.resolve("jiti/register"), scriptPath, "--child", name];
  const result = spawnSync(process.execPath, [...args, "--kb", String(kb), "--runs", String(runs)], {
    encoding: "utf8",
    timeout: 300_000,
  });
  if (result.status !== 0) throw new Error(`${name}: benchmark failed\n${result.stderr}`);
  const lastLine = result.stdout.trim().split("\n").at(-1) ?? "";
  return JSON.parse(lastLine) as Measurement;
}

function printTable(rows: Measurement[]): void {
  const table = rows.map((r) => ({
    binding: r.name,
    "load ms": r.loadMs.toFixed(0),
    "RSS +MB after load": r.rssDeltaMb.toFixed(1),
    "RSS MB after work": r.rssAfterWorkMb.toFixed(1),
    "cut chars/s": Math.round(r.cutCharsPerSec).toLocaleString("en"),
    "keywords chars/s": Math.round(r.keywordsCharsPerSec).toLocaleString("en"),
    tokens: r.tokens.toLocaleString("en"),
  }));
  console.table(table);
}

const kb = option("kb", 300);
const runs = option("runs", 5);
const childAt = process.argv.indexOf("--child");
if (childAt >= 0) {
  const name = process.argv[childAt + 1] as SegmenterName;
  console.log(JSON.stringify(measure(name, kb * 1024, runs)));
} else {
  const rows = (Object.keys(factories) as SegmenterName[]).map((name) => runChild(name, kb, runs));
  console.log(
    `${rows[0]?.textChars.toLocaleString("en")} chars of Chinese text, ${articleChars}-char articles, best of ${runs}`,
  );
  printTable(rows);
}
