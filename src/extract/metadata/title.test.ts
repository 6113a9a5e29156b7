import { describe, expect, test } from "vitest";
import { parseHtml } from "../parse-html.js";
import { extractTitle } from "./title.js";

const ctx = { url: "https://news.example.cn/a/1.html", defaultOffset: "+08:00" };

function titleOf(html: string): string | null {
  const { document, dispose } = parseHtml(html, ctx.url);
  try {
    return extractTitle(document, ctx);
  } finally {
    dispose();
  }
}

const NAV = `<ul class="nav"><li><a href="/">首页</a></li><li><a href="/news/">新闻中心</a></li>
  <li><a href="/dt/">新闻动态</a></li><li><a href="/about/">关于我们</a></li></ul>`;

const BODY = `<div class="content"><p>这是正文的第一段，内容足够长，可以被认作文章的正文段落，讲述了本次活动的经过。</p>
  <p>这是正文的第二段，内容足够长，可以被认作文章的正文段落。</p></div>`;

describe("extractTitle", () => {
  test.each([
    [
      "h1 instead of the <title> with its site suffix",
      "<title>区科技局书写科技创新新篇章_无锡新闻网</title><h1>区科技局书写科技创新新篇章</h1><p>正文</p>",
      "区科技局书写科技创新新篇章",
    ],
    [
      "a site-name h1 loses to the real headline",
      `<title>新时代 新征程 点燃科创引擎 - 三牛娱乐新闻</title>
       <h1><a href="/">三牛娱乐新闻</a></h1>
       <h2 class="title">新时代 新征程 点燃科创引擎</h2>
       <div>Writer: admin Time:2023-01-10 Browse:94</div>`,
      "新时代 新征程 点燃科创引擎",
    ],
    [
      "a plain site-name h1 matching the <title> suffix loses",
      `<title>点燃科创引擎 激活澎湃动力-三牛娱乐新闻</title>
       <h1>三牛娱乐新闻</h1><div class="article-title">点燃科创引擎 激活澎湃动力</div>`,
      "点燃科创引擎 激活澎湃动力",
    ],
    [
      "a channel-logo h1 loses to the h1 the <title> explains",
      `<title>中国人习以为常的地方 为何老外却说“了不得”？|公园_新浪新闻</title>
       <h1 class="channel-logo">新闻中心</h1><h1 class="main-title">中国人习以为常的地方 为何老外却说“了不得”？</h1>`,
      "中国人习以为常的地方 为何老外却说“了不得”？",
    ],
    [
      "the page's quotes are kept when <title> uses ASCII ones",
      `<title>龙湖集团"暗伤"曝露？_网易财经</title><h1>龙湖集团“暗伤”曝露？</h1>`,
      "龙湖集团“暗伤”曝露？",
    ],
    [
      "whitespace inside the headline is collapsed",
      "<title>FreeCell Quest 体验 - 游戏</title><h1>FreeCell\n   Quest&nbsp;体验</h1>",
      "FreeCell Quest 体验",
    ],
    [
      "a badge inside the headline element is cut off",
      "<title>最不愁吃肉的国家：顿顿有肉吃</title><h2 class='title'><span>原创</span>最不愁吃肉的国家：顿顿有肉吃</h2>",
      "最不愁吃肉的国家：顿顿有肉吃",
    ],
    [
      "a headline class without a heading tag",
      "<title>法国全国大罢工再次严重影响交通-新华网</title><div class='h-title'>法国全国大罢工再次严重影响交通</div>",
      "法国全国大罢工再次严重影响交通",
    ],
    [
      "og:title when nothing in the page overlaps",
      `<head><title>新闻中心</title><meta property="og:title" content="山西品牌丝路行正式启动"></head><p>正文</p>`,
      "山西品牌丝路行正式启动",
    ],
    [
      "the heading right above the byline when <title> is only column and site",
      `<title>新闻动态--中国地理学会官网</title>
       <div class="title">首页 - 新闻动态</div>
       <h5>2019年中国人文地理学术年会在重庆成功举行！</h5>
       <div class="ly"><b>发布时间：2019-05-18</b> <i>来源：中国地理学会</i></div>`,
      "2019年中国人文地理学术年会在重庆成功举行！",
    ],
    [
      "<title> split on ' - ' when the page has no heading",
      "<title>交通运输部打造综合立体交通网络 - 股票频道 - 和讯网</title><p>正文很长很长。</p>",
      "交通运输部打造综合立体交通网络",
    ],
    ["<title> split on '|'", "<title>苹果发布新iPhone|新浪科技</title><p>正文</p>", "苹果发布新iPhone"],
    [
      "<title> split on '——'",
      "<title>市政协会议开幕——巴彦淖尔市政府门户网站</title><p>正文</p>",
      "市政协会议开幕",
    ],
    [
      "a related-article h2 does not beat the headline",
      `<title>姚明对周琦说了啥？_网易体育</title>
       <h1>姚明对周琦说了啥？</h1><div class="related"><h2>周琦上下半场判若两人</h2></div>`,
      "姚明对周琦说了啥？",
    ],
    [
      "the full <title> printed in an unmarked paragraph beats a partial section heading",
      `<title>淘宝网物流配送存在的问题及对策研究</title><p>淘宝网物流配送存在的问题及对策研究</p>
       <p>作者: 赵培</p><p class="E-Title1">3. 淘宝网物流配送存在的问题</p>`,
      "淘宝网物流配送存在的问题及对策研究",
    ],
    [
      "a <title> that is only the site name does not make the logo the headline",
      `<title>三牛娱乐新闻</title><h1>三牛娱乐新闻</h1>
       <h2>点燃科创引擎 激活澎湃动力</h2><div>Writer: admin Time:2023-01-10 Browse:94</div><p>正文。</p>`,
      "点燃科创引擎 激活澎湃动力",
    ],
    [
      "a page without <title> takes its first non-logo h1",
      `<div class="logo"><h1>站名</h1></div><h1>青溪县丰收节开幕</h1><p>正文。</p>`,
      "青溪县丰收节开幕",
    ],
    [
      "a column header that repeats a section-name <title> loses to the article's h1",
      `<title>新闻中心</title>${NAV}<div class="title">新闻中心</div>
       <h1>我市召开2023年安全生产工作会议</h1>${BODY}`,
      "我市召开2023年安全生产工作会议",
    ],
    [
      "a section-name <title> without a byline yields to the h1",
      `<title>新闻动态</title>${NAV}<h1>我市召开2023年安全生产工作会议</h1>${BODY}`,
      "我市召开2023年安全生产工作会议",
    ],
    [
      "首页 as the whole <title>",
      `<title>首页</title>${NAV}<h2>我市召开2023年安全生产工作会议</h2><div>浏览：94</div>${BODY}`,
      "我市召开2023年安全生产工作会议",
    ],
    [
      "an English section name as the whole <title>",
      `<title>News</title><nav><a href="/">Home</a> <a href="/news">News</a></nav>
       <h1>City council approves the new budget plan</h1>
       <div class="content"><p>The city council approved the new budget plan on Tuesday after a long debate.</p></div>`,
      "City council approves the new budget plan",
    ],
    [
      "a <title> that is the logo's text yields to the article's heading",
      `<title>江南机械有限公司</title><div class="logo"><h1>江南机械有限公司</h1></div>${NAV}
       <h2>公司荣获省级专精特新企业称号</h2>${BODY}`,
      "公司荣获省级专精特新企业称号",
    ],
    [
      "a <title> that the footer's copyright line names as the site",
      `<title>江南机械有限公司</title>${NAV}<h1>公司荣获省级专精特新企业称号</h1>${BODY}
       <div>版权所有：江南机械有限公司 苏ICP备12345678号</div>`,
      "公司荣获省级专精特新企业称号",
    ],
    [
      "a <title> that the home link names as the site",
      `<title>江南机械有限公司</title><div><a href="/">江南机械有限公司</a></div>
       <h3>公司荣获省级专精特新企业称号</h3>${BODY}`,
      "公司荣获省级专精特新企业称号",
    ],
    [
      "column and site in <title>, the column header repeating it",
      `<title>新闻中心 - 江南机械有限公司</title>${NAV}<div class="title">新闻中心</div>
       <h1>公司荣获省级专精特新企业称号</h1>${BODY}`,
      "公司荣获省级专精特新企业称号",
    ],
    [
      "a column name the breadcrumb shows, outside the section vocabulary",
      `<title>学术交流_江南理工学院</title>
       <div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/xsjl/">学术交流</a></div>
       <h2 class="lm">学术交流</h2><h3 class="art-title">我院教师参加全国先进制造技术研讨会</h3>${BODY}`,
      "我院教师参加全国先进制造技术研讨会",
    ],
    [
      "under a weak <title>, the h1 beats a subheading between it and the text",
      `<title>新闻动态</title>${NAV}<h1>我市召开2023年安全生产工作会议</h1>
       <h3>会议部署了下一阶段的重点任务</h3>${BODY}`,
      "我市召开2023年安全生产工作会议",
    ],
    [
      "under a weak <title>, the heading nearest the text beats a sidebar heading above it",
      `<title>新闻动态</title>${NAV}<div class="box"><h3>热门产品推荐列表</h3><p>产品一</p></div>
       <h3 class="art">我市召开2023年安全生产工作会议</h3>${BODY}`,
      "我市召开2023年安全生产工作会议",
    ],
    [
      "under a weak <title>, og:title still names the headline",
      `<head><title>新闻中心</title><meta property="og:title" content="我市召开2023年安全生产工作会议"></head>
       ${NAV}<div class="title">新闻中心</div><h2>别的栏目的推荐内容很长</h2><h1>我市召开2023年安全生产工作会议</h1>${BODY}`,
      "我市召开2023年安全生产工作会议",
    ],
    [
      "under a weak <title>, an unmarked logo heading above the navigation loses to the heading below it",
      `<title>新闻动态</title><h1>江南机械制造集团</h1>${NAV}
       <h2>我市召开2023年安全生产工作会议</h2>${BODY}`,
      "我市召开2023年安全生产工作会议",
    ],
    [
      "a column trail (首页 - 新闻动态) is no headline either",
      `<title>新闻动态--中国地理学会官网</title><div class="title">首页 - 新闻动态</div>
       <h5>2019年中国人文地理学术年会在重庆成功举行！</h5>${BODY}`,
      "2019年中国人文地理学术年会在重庆成功举行！",
    ],
    [
      "a breadcrumb known by its words (当前位置) names the column",
      `<title>学术交流</title><div class="wz">当前位置：首页 &gt; 学术交流</div>
       <h3>我院教师参加全国先进制造技术研讨会</h3>${BODY}`,
      "我院教师参加全国先进制造技术研讨会",
    ],
    [
      "a short <title> that the navigation also links is kept when the h1 shows it",
      `<head><title>金锺国 - 维基百科，自由的百科全书</title>
       <meta property="og:title" content="金锺国 - 维基百科，自由的百科全书"></head><h1>金锺国</h1>${BODY}
       <div class="nav-box"><a href="/a">金锺国</a> X <a href="/b">Turbo特辑</a></div>
       <h2>演艺经历与获奖记录</h2>`,
      "金锺国",
    ],
    [
      "a short <title> that names the article is kept when a longer heading is elsewhere",
      `<title>两会今日开幕</title>${NAV}<h1>两会今日开幕</h1><h2 class="title">相关阅读：代表委员热议发展新思路</h2>${BODY}`,
      "两会今日开幕",
    ],
    [
      "a weak <title> and no article-like heading keeps the old answer",
      `<title>新闻中心</title>${NAV}<h1>新闻中心</h1><p>暂无内容</p>`,
      "新闻中心",
    ],
    ["no title anywhere", "<p>只有正文。</p>", null],
  ])("%s", (_name, html, expected) => {
    expect(titleOf(html)).toBe(expected);
  });

  // The headline is not always the first part of the <title>: sections and sites stand before it too.
  test.each([
    [
      "column first, the h1 shows the headline part",
      `<title>新闻中心 - 青河县春季植树活动启动</title>${NAV}<h1>青河县春季植树活动启动</h1>${BODY}`,
      "青河县春季植树活动启动",
    ],
    [
      "column first, no heading: the column word is struck out",
      `<title>新闻中心 - 青河县春季植树活动启动</title>${NAV}${BODY}`,
      "青河县春季植树活动启动",
    ],
    [
      "column first, og:title names the headline part",
      `<head><title>工作动态_青河县春季植树活动启动</title>
       <meta property="og:title" content="青河县春季植树活动启动"></head>${NAV}${BODY}`,
      "青河县春季植树活动启动",
    ],
    [
      "a breadcrumb trail as the <title>, no heading",
      `<title>首页 > 工作动态 > 老旧小区加装电梯今年再推进</title>${BODY}`,
      "老旧小区加装电梯今年再推进",
    ],
    [
      "a breadcrumb trail glued with 》, a book title's 》 inside the headline kept",
      `<title>首页》工作动态》学习《条例》心得体会</title>${BODY}`,
      "学习《条例》心得体会",
    ],
    [
      "site, column, headline: og:site_name names the site, the h1 shows the headline",
      `<head><title>青河市人民政府-通知公告-关于做好春节期间安全生产工作的通知</title>
       <meta property="og:site_name" content="青河市人民政府"></head>${NAV}
       <h1>关于做好春节期间安全生产工作的通知</h1>${BODY}`,
      "关于做好春节期间安全生产工作的通知",
    ],
    [
      "site, column, headline without a heading: the footer's sponsor line names the site",
      `<title>青河市人民政府-通知公告-关于做好春节期间安全生产工作的通知</title>${NAV}${BODY}
       <div class="footer">主办单位：青河市人民政府办公室 地址：青河市人民路1号</div>`,
      "关于做好春节期间安全生产工作的通知",
    ],
    [
      "column first, the breadcrumb ends with the headline part, a sidebar heading near",
      `<title>工作动态 - 老旧小区加装电梯今年再推进</title>${NAV}
       <div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/gzdt/">工作动态</a> &gt; 老旧小区加装电梯今年再推进</div>
       <h2>本周热点文章推荐</h2>${BODY}`,
      "老旧小区加装电梯今年再推进",
    ],
    [
      "site, column, headline and no other evidence: not the part shaped like an organisation's name",
      `<title>XX市人民政府-通知公告-关于做好春节期间安全生产工作的通知</title>${BODY}`,
      "关于做好春节期间安全生产工作的通知",
    ],
    [
      "site first, named by the logo, the headline in a title-marked h2",
      `<title>青河日报 | 青河县春季植树活动启动</title><div class="logo"><a href="/">青河日报</a></div>${NAV}
       <h2 class="title">青河县春季植树活动启动</h2>${BODY}`,
      "青河县春季植树活动启动",
    ],
    [
      "site first, the logo the only heading: the other part is the headline",
      `<title>青河日报 | 青河县春季植树活动启动</title><div class="logo"><h1>青河日报</h1></div>${NAV}${BODY}`,
      "青河县春季植树活动启动",
    ],
    [
      "English, site first, the site's name a home link",
      `<title>Daily Planet | City council approves the new budget plan</title>
       <h1><a href="/">Daily Planet</a></h1><h2>City council approves the new budget plan</h2>
       <div class="content"><p>The city council approved the new budget plan on Tuesday after a long debate.</p></div>`,
      "City council approves the new budget plan",
    ],
    [
      "a headline with a dash of its own, shown whole by the h1, is not cut",
      `<title>全面深化改革开放 - 解读</title><h1>全面深化改革开放 - 解读</h1>${BODY}`,
      "全面深化改革开放 - 解读",
    ],
    [
      "a headline with a dash of its own before the site's name",
      `<title>“十四五”规划 - 解读 - 新华网</title><h1>“十四五”规划 - 解读</h1>${BODY}`,
      "“十四五”规划 - 解读",
    ],
    [
      "a book title's 》 does not split the <title>",
      `<title>《民法典》解读_青河普法网</title>${BODY}`,
      "《民法典》解读",
    ],
    // Negative cases: the end of the <title> is still the site's unless the page says otherwise.
    [
      "column and site: an unmarked logo h1 above the navigation is not the headline",
      `<title>新闻中心 - 江南机械有限公司</title><h1>江南机械有限公司</h1>${NAV}
       <h2>公司荣获省级专精特新企业称号</h2>${BODY}<div>版权所有：江南机械有限公司</div>`,
      "公司荣获省级专精特新企业称号",
    ],
    [
      "a block repeating the site's part of the <title> is not the headline",
      `<title>金锺国 - 维基百科，自由的百科全书</title>${NAV}<h1>金锺国</h1>
       <div id="siteSub">维基百科，自由的百科全书</div>${BODY}`,
      "金锺国",
    ],
    [
      "headline and an unknown site's name, no heading: the first part",
      `<title>两会今日开幕 - 中华人民共和国中央人民政府门户网站</title>${BODY}`,
      "两会今日开幕",
    ],
    [
      "headline, an unknown column and the site: the headline alone",
      `<head><title>交通运输部打造综合立体交通网络 - 股票频道 - 和讯网</title>
       <meta property="og:site_name" content="和讯网"></head>${BODY}`,
      "交通运输部打造综合立体交通网络",
    ],
  ])("%s", (_name, html, expected) => {
    expect(titleOf(html)).toBe(expected);
  });

  test("does not change the document", () => {
    const { document, dispose } = parseHtml("<title>标题_站名</title><h1>标题</h1>", ctx.url);
    const before = document.documentElement.outerHTML;
    extractTitle(document, ctx);
    expect(document.documentElement.outerHTML).toBe(before);
    dispose();
  });
});
