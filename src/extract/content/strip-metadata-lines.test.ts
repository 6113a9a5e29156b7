import { describe, expect, test } from "vitest";
import { stripMetadataLines } from "./strip-metadata-lines.js";
import { keptTexts, prose } from "./test-snippets.js";

const A = prose("甲");

describe("stripMetadataLines", () => {
  test.each([
    ["the seed's English byline", "Writer: admin Time:2023-01-10 Browse:94"],
    ["a Chinese byline", "发布时间：2023-01-10 来源：本站 浏览次数：94"],
    ["a byline glued by markup", "2019-09-26 12:11来源：证券时报网作者：李在山"],
    ["a closing 责任编辑", "（责任编辑：杨倩_NF4425）"],
    ["a bracketed 编辑", "【编辑:刘欢】"],
    ["a 本文来源 line", "本文来源：证券市场红周刊"],
    ["an 原标题 line", "原标题：视界丨这个地方为何老外却说了不得"],
    ["roles with names", "新京报记者 陆一夫 编辑 刘晓阳 校对 李铭"],
    ["a reporters line without labels", "本报记者 王燕平 方云凤 柏建斌"],
    ["a reporter 发自 line", "本报记者罗科苏盈发自北京"],
    ["a date alone", "2023年1月10日"],
    ["a date with the outlet", "2003-7-24 钱江晚报"],
    ["a forum posting line", "本贴由大卫于2005年8月12日16:12:21在〖心灵体操〗发表."],
    ["a blog footer", "发表于 2004年12月27日 12:40 - (阅读:3727;评论:63)"],
    ["a view counter", "您是本文第 154 个阅览者"],
    ["a blog entry's counters", "查看全文 | 2006-03-02 09:15 | (查看12次) | (回复3条)"],
    ["a reporter label with names", "记者：王燕平 方云凤"],
    ["a reporter label with a name and a full stop", "记者：王燕平。"],
    ["a tool and editor line", "【纠错】 【责任编辑：吴迪】"],
  ])("drops %s", (_name, line) => {
    expect(keptTexts(stripMetadataLines, `<p>${line}</p><p>${A}</p>`)).toEqual([A]);
  });

  test.each([
    ["a sentence citing a source", "据新华社报道，来源于基层的经验值得推广。"],
    ["a notice's time and place", "报名时间：2023年1月10日至1月20日"],
    ["a sentence opening with 记者", "记者从市教育局获悉，今年新建学校12所。"],
    ["a long paragraph with labels", `来源：${A}${A}`],
    ["a dated sentence about checking", "2021年3月2日，工作人员查看了现场"],
    ["an interviewer's question", "记者：你通过什么渠道最快地获取这些信息？"],
    ["an interviewer's remark", "记者：看来你平时也很关注国家的农业政策。"],
  ])("keeps %s", (_name, line) => {
    expect(keptTexts(stripMetadataLines, `<p>${line}</p>`)).toEqual([line]);
  });
});
