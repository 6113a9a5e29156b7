import { describe, expect, test } from "vitest";
import { splitNames } from "./split-names.js";

describe("splitNames", () => {
  test.each([
    ["space separated", "张三 李四", ["张三", "李四"]],
    ["role words removed", "本报记者 张三 通讯员 李四", ["张三", "李四"]],
    ["dateline removed", "本报记者罗科苏盈发自北京", ["罗科苏盈"]],
    ["报道 suffix token removed", "彭冲 山东冠县报道", ["彭冲"]],
    ["value cut at trailing page text", "余毅菁 向雪妮返回富达，查看更多", ["余毅菁", "向雪妮"]],
    ["a long phrase is not a name", "比如农业政策的调整和完善", []],
    ["a name starting with 文 keeps it", "文静 文一", ["文静", "文一"]],
    ["文/图 prefix removed", "文/图 刘玺东 易赛楠", ["刘玺东", "易赛楠"]],
    ["a handle with symbols is one name", "放飞&心情", ["放飞&心情"]],
  ])("%s", (_name, input, expected) => {
    expect(splitNames(input)).toEqual(expected);
  });
});
