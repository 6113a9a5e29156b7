import { describe, expect, test } from "vitest";
import { stripPhotoCredits } from "./strip-photo-credits.js";
import { keptTexts, prose } from "./test-snippets.js";

const A = prose("甲");

describe("stripPhotoCredits", () => {
  test.each([
    ["a caption with a photographer", "图为山西品牌丝路行（南美站）启动仪式。（刘通摄）"],
    ["a 供图 credit", "“救命啊SOS”纸团。沙坪坝区公安分局供图"],
    ["a video still", "加拿大大叔Gweilo （视频截图）"],
    ["an agency credit", "2019年10月15日，沈阳，在八一公园晨练的老年人。（视觉中国）"],
    ["a reporter's photo line", "新华社记者 李贺 摄"],
    ["a credit followed by the outlet", "路人拾到的求助字条。城东派出所供图 某某网"],
  ])("drops %s", (_name, line) => {
    expect(keptTexts(stripPhotoCredits, `<p>${A}</p><p>${line}</p>`)).toEqual([A]);
  });

  test.each([
    ["a sentence about a photographer", "摄影师张三在现场拍下了这一幕，照片随后被多家媒体转载。"],
    ["a long paragraph ending in a credit", `${prose("乙", 80)}（刘通摄）`],
    ["a short line ending in a name", "本次活动由城东派出所主办 张三"],
  ])("keeps %s", (_name, line) => {
    expect(keptTexts(stripPhotoCredits, `<p>${line}</p>`)).toEqual([line]);
  });
});
