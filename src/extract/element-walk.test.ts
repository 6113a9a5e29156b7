import { describe, expect, test } from "vitest";
import {
  closestNamed,
  descendantsNamed,
  documentElementsNamed,
  firstDescendantNamed,
  hasDescendantNamed,
  isNamed,
  tagNames,
} from "./element-walk.js";
import { type DomName, parseHtml } from "./parse-html.js";

const PAGE = `<!doctype html><html><head><meta name="a"><title>t</title></head><body>
  <div id="d1"><p id="p1">one <b id="b1">bold<br id="br1"></b></p><IMG id="img1" src="x.png"></div>
  <template id="tpl"><p id="hidden-p"><br id="hidden-br"></p><meta id="hidden-meta"></template>
  <table id="t1"><tbody><tr id="tr1"><td id="td1"><span id="s1">cell</span></td></tr></tbody></table>
  <figure id="f1"><figcaption id="fc1"><i id="i1">caption</i></figcaption></figure>
  <svg id="svg1"><title id="svg-title">icon</title></svg>
</body></html>`;

const ids = (elements: readonly Element[]) => elements.map((element) => element.id);

describe.each<DomName>(["linkedom", "jsdom"])("element walks on %s agree with selectors", (dom) => {
  const { document } = parseHtml(PAGE, "http://www.example.com/", { dom });
  const body = document.body;
  const byId = (id: string) => document.getElementById(id) as Element;

  test.each(["p", "br", "p,br,td", "img,svg", "span,i,b", "tr,td,tbody", "figure,figcaption", "title"])(
    "descendants of body named %s",
    (list) => {
      expect(ids(descendantsNamed(body, tagNames(list)))).toEqual(ids([...body.querySelectorAll(list)]));
      expect(firstDescendantNamed(body, tagNames(list))?.id).toBe(body.querySelector(list)?.id);
    },
  );

  test("every descendant, in document order, outside templates", () => {
    expect(ids(descendantsNamed(body))).toEqual(ids([...body.querySelectorAll("*")]));
    expect(ids(descendantsNamed(body))).not.toContain("hidden-p");
  });

  test("a subtree: found below the root, never the root itself", () => {
    const paragraph = byId("p1");
    expect(hasDescendantNamed(paragraph, tagNames("br"))).toBe(true);
    expect(hasDescendantNamed(paragraph, tagNames("p"))).toBe(false);
    expect(hasDescendantNamed(byId("td1"), tagNames("p,div,td"))).toBe(false);
  });

  test("names compare in lower case, like an HTML document's type selectors", () => {
    expect(isNamed(byId("img1"), tagNames("IMG"))).toBe(true);
    expect(isNamed(byId("img1"), tagNames("img,video"))).toBe(byId("img1").matches("img,video"));
  });

  test.each([
    ["i1", "figcaption"],
    ["i1", "figure"],
    ["s1", "table"],
    ["td1", "td"],
    ["p1", "table"],
  ])("closest from #%s to %s", (id, name) => {
    expect(closestNamed(byId(id), name)?.id).toBe(byId(id).closest(name)?.id);
  });

  test.each(["meta", "title", "meta,title", "html,body"])(
    "every element of the document named %s",
    (list) => {
      expect(ids(documentElementsNamed(document, tagNames(list)))).toEqual(
        ids([...document.querySelectorAll(list)]),
      );
    },
  );

  test("never enters a template's content, which linkedom keeps in the tree", () => {
    expect(ids(documentElementsNamed(document, tagNames("meta")))).not.toContain("hidden-meta");
    expect(ids(descendantsNamed(body, tagNames("br")))).toEqual(["br1"]);
  });
});
