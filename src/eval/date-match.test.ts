import { describe, expect, test } from "vitest";
import { dateMatches, parseDateParts } from "./date-match.js";

describe("parseDateParts", () => {
  test.each([
    ["2005-5-7 21:23:57", { year: 2005, month: 5, day: 7, hour: 21, minute: 23 }],
    ["2005-07-31 12:30", { year: 2005, month: 7, day: 31, hour: 12, minute: 30 }],
    ["2004-09-17 5:54:13", { year: 2004, month: 9, day: 17, hour: 5, minute: 54 }],
    ["1998-3", { year: 1998, month: 3 }],
    ["2018", { year: 2018 }],
    ["2019-09-07T13:43:45+08:00", { year: 2019, month: 9, day: 7, hour: 13, minute: 43, offsetMinutes: 480 }],
    ["2019-10-08T12:00+08:00", { year: 2019, month: 10, day: 8, hour: 12, minute: 0, offsetMinutes: 480 }],
    ["2019-09-07T05:43:45.000Z", { year: 2019, month: 9, day: 7, hour: 5, minute: 43, offsetMinutes: 0 }],
    ["2020-01-02T03:04-0530", { year: 2020, month: 1, day: 2, hour: 3, minute: 4, offsetMinutes: -330 }],
    ["2023年1月10日", { year: 2023, month: 1, day: 10 }],
    ["2023年1月", { year: 2023, month: 1 }],
    ["2023/01/10 08:05", { year: 2023, month: 1, day: 10, hour: 8, minute: 5 }],
  ])("%s", (text, parts) => {
    expect(parseDateParts(text)).toEqual(parts);
  });

  test.each(["刘涛", "UNKNOWN", "2005-13-01", "2005-02-30 25:00", "Mon, 07 Sep 2019", ""])(
    "%s is not a date",
    (text) => {
      expect(parseDateParts(text)).toBeNull();
    },
  );
});

describe("dateMatches", () => {
  const gold = (text: string) => parseDateParts(text);

  test("a date-only gold accepts any time on that day", () => {
    expect(dateMatches(gold("2019-05-17"), "2019-05-17")).toBe(true);
    expect(dateMatches(gold("2019-05-17"), "2019-05-17T23:59:00+08:00")).toBe(true);
    expect(dateMatches(gold("2019-05-17"), "2019-05-18")).toBe(false);
  });

  test("a gold with a time needs the same minute, seconds ignored", () => {
    expect(dateMatches(gold("2005-5-7 21:23:57"), "2005-05-07T21:23:00+08:00")).toBe(true);
    expect(dateMatches(gold("2005-5-7 21:23:57"), "2005-05-07T21:24:00+08:00")).toBe(false);
    expect(dateMatches(gold("2005-5-7 21:23:57"), "2005-05-07")).toBe(false);
  });

  test("partial gold dates compare only what they give", () => {
    expect(dateMatches(gold("1998-3"), "1998-03-21")).toBe(true);
    expect(dateMatches(gold("1998-3"), "1998-04-01")).toBe(false);
    expect(dateMatches(gold("2018"), "2018-12-31T10:00:00+08:00")).toBe(true);
  });

  test("offsets are aligned when both sides state one", () => {
    const withOffset = gold("2019-09-07T13:43:45+08:00");
    expect(dateMatches(withOffset, "2019-09-07T05:43:10Z")).toBe(true);
    expect(dateMatches(withOffset, "2019-09-07T13:43:00Z")).toBe(false);
    // across midnight: 2019-09-07 01:30 +08:00 is 2019-09-06 17:30 UTC
    expect(dateMatches(gold("2019-09-07T01:30+08:00"), "2019-09-06T17:30:00Z")).toBe(true);
  });

  test("without a gold offset the wall clock is compared as written", () => {
    expect(dateMatches(gold("2005-07-18 13:03:17"), "2005-07-18T13:03:17+08:00")).toBe(true);
    expect(dateMatches(gold("2005-07-18 13:03:17"), "2005-07-18T13:03:17Z")).toBe(true);
  });

  test("a page that shows no date is matched only by no date", () => {
    expect(dateMatches(null, null)).toBe(true);
    expect(dateMatches(null, "2020-01-01")).toBe(false);
  });

  test("a missing or unreadable prediction is wrong when the gold has a date", () => {
    expect(dateMatches(gold("2020-01-01"), null)).toBe(false);
    expect(dateMatches(gold("2020-01-01"), "yesterday")).toBe(false);
  });
});
