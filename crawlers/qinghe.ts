/**
 * 青禾资讯网 (www.qinghe-news.cn). Its article template shows no date at all (the publish date is only in
 * the URL, /news/2023/0110/5821.html) and the view count is a bare <span class="num"> whose eye icon comes
 * from the stylesheet, so the generic extractor finds neither. Contract: fixtures/adapters/qinghe/.
 */
import { defineAdapter } from "../src/adapters/adapter-api.js";

export default defineAdapter({
  name: "qinghe",
  hosts: ["www.qinghe-news.cn"],
  fields: {
    publishedAt: { url: /\/(20\d{2})\/(\d{2})(\d{2})\/\d+\.html$/ },
    views: ".arc-info span.num",
  },
});
