import { describe, expect, it } from "vitest";
import { type DomName, parseHtml, resolveDomName } from "./parse-html.js";

const URL = "https://news.example.cn/a/2023/01/10/1.html";
const doms: DomName[] = ["jsdom", "linkedom"];

/** The tree both DOMs must build, as tag names (children of <html>, then of <body>). */
function shape(html: string, dom: DomName) {
  const { document, dispose } = parseHtml(html, URL, { dom });
  try {
    return {
      root: document.documentElement.tagName,
      rootChildren: [...document.documentElement.children].map((element) => element.tagName),
      head: [...document.head.children].map((element) => element.tagName),
      body: [...document.body.children].map((element) => element.tagName),
      bodyText: document.body.textContent?.replace(/\s+/g, ""),
      title: document.title,
    };
  } finally {
    dispose();
  }
}

describe.each(doms)("parseHtml with %s", (dom) => {
  it.each([
    ["a page that opens with <form>", "<form><p>正文</p></form>", ["FORM"], []],
    ["a page that opens with <table>", "<table><tr><td>正文</td></tr></table>", ["TABLE"], []],
    [
      "head and body without <html>",
      "<head><title>标题</title></head><body><p>正文</p></body>",
      ["P"],
      ["TITLE"],
    ],
    [
      "no tags for html, head or body",
      "<title>标题</title><meta charset=utf-8><p>正文</p>",
      ["P"],
      ["TITLE", "META"],
    ],
    [
      "content between </head> and <body>",
      "<html><head><title>标题</title></head><script>var a</script><div>导航</div><body><p>正文</p></body></html>",
      ["DIV", "P"],
      ["TITLE", "SCRIPT"],
    ],
    [
      "a page wrapped in another element",
      "<text id=x><html><head><title>标题</title></head><body><p>正文</p></body></html></text>",
      ["TEXT"],
      [],
    ],
    [
      "a second <body> tag",
      "<html><head></head><body><p>正文</p><body><p>尾</p></body></html>",
      ["P", "P"],
      [],
    ],
  ])("builds html > head + body for %s", (_name, html, body, head) => {
    const tree = shape(html, dom);
    expect(tree.root).toBe("HTML");
    expect(tree.rootChildren).toEqual(["HEAD", "BODY"]);
    expect(tree.body).toEqual(body);
    expect(tree.head).toEqual(head);
    expect(tree.bodyText).toContain("正文");
  });

  it("reads the first <title> anywhere, whitespace collapsed", () => {
    expect(shape("<div><title>\n  新闻  标题 </title></div><p>正文</p>", dom).title).toBe("新闻 标题");
    expect(shape("<p>正文</p>", dom).title).toBe("");
  });

  it("forgets a title that was removed from the document", () => {
    const { document, dispose } = parseHtml("<title>标题</title><p>正文</p>", URL, { dom });
    expect(document.title).toBe("标题");
    document.querySelector("title")?.remove();
    expect(document.title).toBe("");
    dispose();
  });

  it("reads the next <title> in document order once the first is removed", () => {
    const { document, dispose } = parseHtml(
      "<title>一</title><div><section><p>正文</p><span><title>二</title></span></section></div><title>三</title>",
      URL,
      { dom },
    );
    expect(document.title).toBe("一");
    document.querySelector("title")?.remove();
    expect(document.title).toBe("二");
    dispose();
  });

  it("gives the document the page URL as its base, or the <base href> resolved against it", () => {
    const plain = parseHtml("<p>x</p>", URL, { dom });
    expect(plain.document.baseURI).toBe(URL);
    expect(plain.document.documentURI).toBe(URL);
    plain.dispose();
    const based = parseHtml("<head><base href='/static/'></head><p>x</p>", URL, { dom });
    expect(based.document.baseURI).toBe("https://news.example.cn/static/");
    based.dispose();
  });

  it("creates elements with lower-case names, as an HTML document does", () => {
    const { document, dispose } = parseHtml("<p>x</p>", URL, { dom });
    const element = document.createElement("DIV");
    element.textContent = "正文";
    expect(element.tagName).toBe("DIV");
    expect(element.outerHTML).toBe("<div>正文</div>");
    dispose();
  });

  it("falls back to a neutral base for a URL it cannot parse", () => {
    const { document, dispose } = parseHtml("<p>x</p>", "not a url", { dom });
    expect(document.baseURI).toBe("http://localhost/");
    dispose();
  });
});

describe("resolveDomName", () => {
  it("accepts the two DOMs, uses the default for an empty name and rejects others", () => {
    expect(resolveDomName("linkedom")).toBe("linkedom");
    expect(resolveDomName(" jsdom ")).toBe("jsdom");
    expect(["jsdom", "linkedom"]).toContain(resolveDomName(undefined));
    expect(() => resolveDomName("happy-dom")).toThrow(/unknown DOM "happy-dom"/);
  });
});
