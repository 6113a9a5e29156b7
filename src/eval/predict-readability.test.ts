import iconv from "iconv-lite";
import { describe, expect, test } from "vitest";
import type { EvalCase } from "./eval-case.js";
import { predictWithReadability } from "./predict-readability.js";

const paragraphs = [
  "今年春季，本市在城东新区建成了三座社区图书馆，每座馆藏图书超过两万册，周末开放时间延长到晚上九点。",
  "图书馆负责人介绍，新馆设有儿童阅读区和自习区，读者可以凭身份证免费办理借阅卡，每次最多借阅五本图书。",
  "不少居民表示，家门口有了图书馆以后，孩子放学后有了安静的学习场所，周末全家一起来看书也成了新的习惯。",
];

const page = (head: string, charset = "utf-8") =>
  `<html><head><meta charset="${charset}"><title>社区图书馆开放_示例网</title>${head}</head><body>
<div class="nav"><a href="/">首页</a></div>
<article><h1>社区图书馆开放</h1><p class="byline">张三</p>${paragraphs.map((p) => `<p>${p}</p>`).join("")}</article>
</body></html>`;

const evalCase = (body: Uint8Array): EvalCase => ({
  file: "x.html",
  url: "http://corpus.local/t/x.html",
  body,
  gold: {},
});

describe("predictWithReadability", () => {
  test("returns Readability's text and title, decoding GBK bytes with decodeHtml", () => {
    const prediction = predictWithReadability(evalCase(iconv.encode(page("", "gbk"), "gbk")));
    expect(prediction.error).toBeUndefined();
    expect(prediction.parseRetried).toBeUndefined();
    expect(prediction.text).toContain("每座馆藏图书超过两万册");
    expect(prediction.title).toBe("社区图书馆开放_示例网");
    expect(prediction.source).toBeNull();
    expect(prediction.views).toBeNull();
  });

  test("a page whose CSS makes jsdom throw is parsed again without CSS, and flagged", () => {
    const css = "<style>.spinner:before { border: inherit; border-color: transparent; }</style>";
    const prediction = predictWithReadability(evalCase(Buffer.from(page(css))));
    expect(prediction.error).toBeUndefined();
    expect(prediction.parseRetried).toBe(true);
    expect(prediction.text).toContain("每座馆藏图书超过两万册");
  });

  test("a page with no article is an empty prediction with the reason", () => {
    const prediction = predictWithReadability(
      evalCase(Buffer.from("<html><head></head><body></body></html>")),
    );
    expect(prediction.text).toBe("");
    expect(prediction.error).toBe("Readability found no article");
  });
});
