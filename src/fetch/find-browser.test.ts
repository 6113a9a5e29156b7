import { describe, expect, it } from "vitest";
import { findBrowser } from "./find-browser.js";

/** A search over a made-up file system holding exactly `files`. */
function searchWith(files: string[], env: Record<string, string> = {}, playwright: string | null = null) {
  return {
    env,
    systemPaths: ["/usr/lib/chromium/chromium", "/usr/bin/chromium"],
    playwrightPath: () => playwright,
    isExecutable: (path: string) => files.includes(path),
  };
}

describe("findBrowser", () => {
  it("takes CAIJI_CHROMIUM first when it exists", () => {
    const found = findBrowser(
      searchWith(["/opt/chrome/chrome", "/usr/bin/chromium"], { CAIJI_CHROMIUM: "/opt/chrome/chrome" }),
    );
    expect(found).toEqual({ executablePath: "/opt/chrome/chrome", source: "env" });
  });

  it("then Debian's binary, in path order", () => {
    const found = findBrowser(searchWith(["/usr/bin/chromium", "/usr/lib/chromium/chromium"]));
    expect(found).toEqual({ executablePath: "/usr/lib/chromium/chromium", source: "system" });
  });

  it("then a browser Playwright installed, only when its file exists", () => {
    const pw = "/root/.cache/ms-playwright/chromium-1/chrome-linux/chrome";
    expect(findBrowser(searchWith([pw], {}, pw))).toEqual({ executablePath: pw, source: "playwright" });
    expect(findBrowser(searchWith([], {}, pw)).executablePath).toBeNull();
  });

  it("keeps an explicit CAIJI_CHROMIUM that names a missing file: no browser, and one line saying why", () => {
    const found = findBrowser(searchWith(["/usr/bin/chromium"], { CAIJI_CHROMIUM: "/nope/chrome" }));
    expect(found.executablePath).toBeNull();
    const message = "message" in found ? found.message : "";
    expect(message).toContain("CAIJI_CHROMIUM=/nope/chrome is not an executable file");
    expect(message.split("\n")).toHaveLength(1);
  });

  it.each(["none", "OFF", "0"])(
    "CAIJI_CHROMIUM=%s turns rendering off although a browser is installed",
    (value) => {
      const found = findBrowser(searchWith(["/usr/bin/chromium"], { CAIJI_CHROMIUM: value }));
      expect(found.executablePath).toBeNull();
      expect("message" in found ? found.message : "").toContain("rendering is off");
    },
  );

  it("with nothing anywhere, answers null and one message saying how to get a browser", () => {
    const found = findBrowser(searchWith([]));
    expect(found.executablePath).toBeNull();
    const message = "message" in found ? found.message : "";
    expect(message).toContain("apt-get install chromium");
    expect(message).toContain("CAIJI_CHROMIUM");
    expect(message.split("\n")).toHaveLength(1);
  });

  it("ignores an empty CAIJI_CHROMIUM", () => {
    const found = findBrowser(searchWith(["/usr/bin/chromium"], { CAIJI_CHROMIUM: "  " }));
    expect(found).toEqual({ executablePath: "/usr/bin/chromium", source: "system" });
  });

  it("checks real files by default: a directory is not a browser", () => {
    const found = findBrowser({
      env: { CAIJI_CHROMIUM: "/tmp" },
      systemPaths: ["/etc"],
      playwrightPath: () => null,
    });
    expect(found.executablePath).toBeNull();
  });
});
