import { describe, expect, test } from "vitest";
import { stripPlayerNotices } from "./strip-player-notices.js";
import { keptTexts, prose } from "./test-snippets.js";

const A = prose("甲");

describe("stripPlayerNotices", () => {
  test.each([
    ["a video fallback message", "您的浏览器暂时无法播放此视频."],
    ["an English fallback message", "Your browser does not support the video tag."],
    ["a gallery label", "图集"],
    ["a loading indicator", "视频加载中..."],
    ["an autoplay toggle glued to the video's title", "自动播放新款手机发布：配6种颜色"],
    ["a notice's close button", "知道了"],
  ])("drops %s", (_name, line) => {
    expect(keptTexts(stripPlayerNotices, `<p>${line}</p><p>${A}</p>`)).toEqual([A]);
  });

  test("keeps a sentence about autoplay", () => {
    const line = "自动播放功能默认开启以后，不少用户反映手机流量消耗明显增加，运营商为此专门发出了提醒。";
    expect(keptTexts(stripPlayerNotices, `<p>${line}</p>`)).toEqual([line]);
  });

  test("keeps a sentence about browsers", () => {
    const line = "部分老旧浏览器无法播放新格式的视频，专家建议及时升级软件版本以保障安全。";
    expect(keptTexts(stripPlayerNotices, `<p>${line}</p>`)).toEqual([line]);
  });
});
