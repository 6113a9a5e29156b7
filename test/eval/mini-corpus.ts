/**
 * A tiny corpus with every set's folder layout, written to a temp folder by the eval tests. The pages
 * are our own few-line articles (never copies of the real corpus), one of them GBK-encoded, so readers,
 * runner and CLI can be tested without `../shared`.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import iconv from "iconv-lite";

/** Writes `files` (path → text or bytes) under `root`, creating folders. */
export function writeTree(root: string, files: Record<string, string | Uint8Array>): void {
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

export function tempDir(prefix = "caiji-eval-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface ArticleSpec {
  title: string;
  byline: string;
  paragraphs: string[];
  charset?: string;
}

/** A small news page: nav, headline, byline line, paragraphs, footer boilerplate. */
export function articleHtml(spec: ArticleSpec): string {
  const paragraphs = spec.paragraphs.map((p) => `<p>${p}</p>`).join("\n");
  return `<!DOCTYPE html>
<html><head><meta charset="${spec.charset ?? "utf-8"}"><title>${spec.title}_示例新闻网</title></head>
<body>
<div class="nav"><a href="/">首页</a> <a href="/news">新闻</a> <a href="/about">关于我们</a></div>
<div class="article">
<h1>${spec.title}</h1>
<div class="info">${spec.byline}</div>
<div class="content">
${paragraphs}
</div>
</div>
<div class="footer">版权所有 示例新闻网 联系我们</div>
</body></html>`;
}

export const paragraphsA = [
  "今年春季，本市在城东新区建成了三座社区图书馆，每座馆藏图书超过两万册，周末开放时间延长到晚上九点。",
  "图书馆负责人介绍，新馆设有儿童阅读区和自习区，读者可以凭身份证免费办理借阅卡，每次最多借阅五本图书。",
  "不少居民表示，家门口有了图书馆以后，孩子放学后有了安静的学习场所，周末全家一起来看书也成了新的习惯。",
];

export const paragraphsB = [
  "河道治理工程进入第二阶段，施工单位在上游修建了两处拦水坝，并在两岸种植了一千多棵柳树。",
  "工程指挥部表示，全部工程预计在明年汛期之前完工，届时沿河步道将向市民开放，方便附近居民散步健身。",
];

export const paragraphsEn = [
  "The city council approved a plan on Tuesday to build three new libraries in the eastern district by next spring.",
  "Officials said each library would hold more than twenty thousand books and stay open until nine in the evening.",
];

/** Builds every set of the corpus layout under a new temp folder and returns its root. */
export function buildMiniCorpus(): string {
  const root = tempDir("caiji-mini-corpus-");
  const pageA = articleHtml({
    title: "城东新区建成三座社区图书馆",
    byline: "发布时间：2023-01-10 10:20 作者：张三 李四",
    paragraphs: paragraphsA,
  });
  const pageB = iconv.encode(
    articleHtml({
      title: "河道治理工程进入第二阶段",
      byline: "2021年3月5日",
      paragraphs: paragraphsB,
      charset: "gb2312",
    }),
    "gbk",
  );
  writeTree(root, {
    // cwced: raw pages, body gold, author/date labels
    "zh/cwced/original/a1.html": pageA,
    "zh/cwced/original/b2.html": pageB,
    "zh/cwced/cleaned/a1.txt": paragraphsA.join("\n"),
    "zh/cwced/cleaned/b2.txt": paragraphsB.join("\n"),
    "zh/cwced/author/a1.txt": "张三 李四",
    "zh/cwced/author/b2.txt": "UNKNOWN",
    "zh/cwced/date/a1.txt": "2023-1-10 10:20:00",
    "zh/cwced/date/b2.txt": "2021-3",
    // cleaneval: wrapped pages, marked gold
    "zh/cleaneval/original/10.html": Buffer.concat([
      Buffer.from('<text id="http://news.example.cn/2023/0110/a.html" title="'),
      iconv.encode("图书馆", "gbk"),
      Buffer.from('" encoding="gb2312">\n'),
      iconv.encode(
        articleHtml({
          title: "城东新区建成三座社区图书馆",
          byline: "",
          paragraphs: paragraphsA,
          charset: "gbk",
        }),
        "gbk",
      ),
      Buffer.from("\n</text>\n"),
    ]),
    "zh/cleaneval/cleaned-gold/10-cleaned.txt": `\uFEFFURL: http://news.example.cn/2023/0110/a.html\n\n<h>城东新区建成三座社区图书馆\n\n${paragraphsA.map((p) => `<p>${p}`).join("\n\n")}\n`,
    "zh/cleaneval/author/10.txt": "",
    "zh/cleaneval/date/10.txt": "",
    // gne: labelled pages
    "zh/gne/tests/site/1.html": pageA,
    "zh/gne/labels.jsonl": `${JSON.stringify({
      file: "tests/site/1.html",
      kind: "article",
      title: "城东新区建成三座社区图书馆",
      published: "2023-01-10T10:20+08:00",
      author: ["张三", "李四"],
      editor: null,
      source: null,
      views: null,
      body_first: "今年春季，本市在城东新区建成了三座社区图书馆",
      body_last: "周末全家一起来看书也成了新的习惯。",
      must_contain: ["每座馆藏图书超过两万册", "读者可以凭身份证免费办理借阅卡"],
      must_not_contain: ["版权所有 示例新闻网", "关于我们"],
    })}\n`,
    // aeb: gzipped pages, ground truth, recorded upstream outputs
    "en/aeb/html_gz/p1.html.gz": gzipSync(
      articleHtml({
        title: "Council approves three libraries",
        byline: "By Jane Doe",
        paragraphs: paragraphsEn,
      }),
    ),
    "en/aeb/ground-truth.json": JSON.stringify({
      p1: { articleBody: paragraphsEn.join("\n"), url: "https://news.example.com/libraries" },
    }),
    "en/aeb/upstream-output/readability_js.json.gz": gzipSync(
      JSON.stringify({ output: { p1: { articleBody: paragraphsEn.join("\n") } }, version: "0.6.0" }),
    ),
    // meta sets
    "zh/meta/readability/case1/source.html": pageA,
    "zh/meta/readability/case1/expected-metadata.json": JSON.stringify({
      title: "城东新区建成三座社区图书馆_示例新闻网",
      byline: "作者：张三 李四",
      publishedTime: null,
    }),
    "zh/meta/trafilatura/html/a.html": pageA,
    "zh/meta/trafilatura/html/unlabelled.html": pageA,
    "zh/meta/trafilatura/evaldata-zh.json": JSON.stringify({
      "http://news.example.cn/a.html": {
        file: "a.html",
        author: "",
        title: "城东新区建成三座社区图书馆",
        date: "2023-01-10",
        with: ["每座馆藏图书超过两万册"],
        without: ["关于我们"],
      },
    }),
    "zh/meta/htmldate/html/d.html": pageB,
    "zh/meta/htmldate/eval-zh.json": JSON.stringify({
      "http://news.example.cn/d.html": { file: "d.html", date: "2021-03-05" },
    }),
  });
  return root;
}
