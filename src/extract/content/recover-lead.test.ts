import { describe, expect, test } from "vitest";
import { parseHtml } from "../parse-html.js";
import { findLeadCandidate, withLead } from "./recover-lead.js";
import { prose, TEST_URL } from "./test-snippets.js";

const LEAD = "张三（1975年1月28日－），生于临江市，祖籍江苏，现定居台北。华语流行乐女歌手、音乐制作人。";
const SECOND = "1997年发行首张专辑正式出道，此后多次获得音乐奖项提名，作品以抒情歌曲为主。";
const BODY = prose("甲", 200);

function page(description: string, lead: string): string {
  return `<!doctype html><html><head><meta name="description" content="${description}"></head><body>
    <div class="summary">${lead}</div>
    <div class="toc"><a href="#1">早年经历</a><a href="#2">演艺经历</a></div>
    <div class="main"><h2>早年经历</h2><p>${BODY}</p></div></body></html>`;
}

/** Runs the lead recovery as `chooseContent` does, with `div.main` standing in for the content pick. */
function recovered(html: string): string {
  const { document, dispose } = parseHtml(html, TEST_URL);
  const candidate = findLeadCandidate(document);
  const content = document.querySelector("div.main") as Element;
  const text = (withLead(content, candidate).textContent ?? "").replace(/\s+/g, "");
  dispose();
  return text;
}

describe("recover lead", () => {
  test("puts the lead box the description names in front of the content", () => {
    const text = recovered(page(LEAD + SECOND, `<div>${LEAD}</div><div>${SECOND}</div>`));
    expect(text.startsWith(`${LEAD}${SECOND}`.replace(/\s+/g, ""))).toBe(true);
    expect(text).toContain(BODY);
  });

  test.each([
    [
      "a site-wide description no element repeats",
      "临江新闻网是本地最大的综合新闻门户，提供全面及时的新闻资讯服务。",
    ],
    [
      "an English standfirst",
      "The company and its partner announce a distribution deal for the new monitoring solution.",
    ],
  ])("leaves the content alone for %s", (_name, description) => {
    const text = recovered(page(description, `<div>${description}</div>`.replace("临江新闻网", "临江")));
    expect(text.startsWith("早年经历")).toBe(true);
  });

  test("adds nothing when the content already holds the lead", () => {
    const html = page(LEAD, `<div>${LEAD}</div>`).replace(`<p>${BODY}</p>`, `<p>${LEAD}</p><p>${BODY}</p>`);
    expect(recovered(html).startsWith("早年经历")).toBe(true);
  });
});
