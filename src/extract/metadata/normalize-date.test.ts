import { describe, expect, test } from "vitest";
import { formatDate, normalizeDate, parseDate, parseYearlessDate } from "./normalize-date.js";

describe("normalizeDate", () => {
  test.each([
    ["ISO date", "2023-01-10", "2023-01-10"],
    ["slashes, no padding", "2023/1/10", "2023-01-10"],
    ["dots", "2023.01.10", "2023-01-10"],
    ["Chinese date", "2023年1月10日", "2023-01-10"],
    ["Chinese date with weekday and time", "2023年1月10日 星期二 09:05", "2023-01-10T09:05:00+08:00"],
    ["date-time with seconds", "2019-09-07 13:43:45", "2019-09-07T13:43:45+08:00"],
    ["date and time glued", "2019年06月15日08:18", "2019-06-15T08:18:00+08:00"],
    ["full-width colon", "2023-01-10 09：05", "2023-01-10T09:05:00+08:00"],
    ["full-width digits", "２０２３-０１-１０", "2023-01-10"],
    ["ISO with own offset", "2019-09-07T13:43:45+08:00", "2019-09-07T13:43:45+08:00"],
    ["ISO in UTC keeps its offset", "2019-09-07T05:43:45Z", "2019-09-07T05:43:45+00:00"],
    ["ISO with compact offset and millis", "2019-09-07T13:43:45.123+0530", "2019-09-07T13:43:45+05:30"],
    ["Chinese time words", "2023年1月10日 下午3点05分", "2023-01-10T15:05:00+08:00"],
    ["two-digit year with dashes", "18-03-08 23:16", "2018-03-08T23:16:00+08:00"],
    ["English month first", "Jan 10, 2023", "2023-01-10"],
    ["English day first", "10 January 2023 09:05", "2023-01-10T09:05:00+08:00"],
    ["text around the date", "发布时间：2023-01-10 来源：无锡日报", "2023-01-10"],
    ["US month-first with AM/PM", "9/17/2004 5:54:13 AM", "2004-09-17T05:54:13+08:00"],
    ["US month-first, PM", "7/5/2005 9:23:57 PM", "2005-07-05T21:23:57+08:00"],
    ["day-first when the first number cannot be a month", "17/09/2004 - 13:48", "2004-09-17T13:48:00+08:00"],
    ["Chinese numerals", "二〇二三年一月十日", "2023-01-10"],
    ["Chinese numerals with tens", "二〇二二年十二月二十三日", "2022-12-23"],
    ["impossible day", "2023-02-30", null],
    ["month 13", "2023-13-01", null],
    ["no date at all", "浏览次数：1024", null],
    ["a version number is not a date", "v1.2.3", null],
  ])("%s", (_name, input, expected) => {
    expect(normalizeDate(input, "+08:00")).toBe(expected);
  });

  test("uses the caller's default offset only when the string has none", () => {
    expect(normalizeDate("2023-01-10 09:05", "+09:00")).toBe("2023-01-10T09:05:00+09:00");
    expect(normalizeDate("2023-01-10T09:05:00-05:00", "+09:00")).toBe("2023-01-10T09:05:00-05:00");
  });
});

describe("parseYearlessDate", () => {
  test.each([
    ["month-day and time", "10-08 12:00", { month: 10, day: 8, hour: 12 }],
    ["Chinese month-day and time", "1月10日 09:05", { month: 1, day: 10, hour: 9 }],
    ["month-day without a time is too vague", "10-08", null],
  ])("%s", (_name, input, expected) => {
    const parsed = parseYearlessDate(input);
    if (expected === null) expect(parsed).toBeNull();
    else
      expect([parsed?.month, parsed?.day, parsed?.time?.hour]).toEqual([
        expected.month,
        expected.day,
        expected.hour,
      ]);
  });

  test("needs a year from the caller to be formatted", () => {
    const parsed = parseYearlessDate("10-08 12:00");
    expect(parsed && formatDate(parsed, "+08:00")).toBeNull();
    expect(parsed && formatDate(parsed, "+08:00", 2019)).toBe("2019-10-08T12:00:00+08:00");
  });

  test("a full date is not mistaken for a year-less one by parseDate", () => {
    expect(parseDate("10-08 12:00")).toBeNull();
  });
});

describe("parseDate dayFirst", () => {
  test("reads an ambiguous year-last date day first only when asked", () => {
    expect(parseDate("06/02/2022 - 13:48")).toMatchObject({ year: 2022, month: 6, day: 2 });
    expect(parseDate("06/02/2022 - 13:48", { dayFirst: true })).toMatchObject({
      year: 2022,
      month: 2,
      day: 6,
    });
  });

  test("a first number above 12 is a day either way, and a second above 12 keeps month first", () => {
    expect(parseDate("17/09/2004", { dayFirst: true })).toMatchObject({ month: 9, day: 17 });
    expect(parseDate("9/17/2004", { dayFirst: true })).toMatchObject({ month: 9, day: 17 });
  });
});
