/**
 * Finds a Chromium binary for the browser fetcher, without downloading anything.
 *
 * Playwright normally downloads its own browser, which is impossible on many servers (no network to its
 * CDN, no write access to the cache), while Debian and Ubuntu ship a Chromium package that Playwright
 * drives just as well. So the search order is: the user's explicit choice (`CAIJI_CHROMIUM`), the
 * distribution's binary, then a browser Playwright has already installed. When none exists the answer is
 * one message saying how to get one: rendering is an optional stage, so the caller prints it once and
 * crawls on without it. An explicit choice is kept: `CAIJI_CHROMIUM=none` turns rendering off, and a
 * `CAIJI_CHROMIUM` naming a missing file turns it off too, with the reason, rather than quietly rendering
 * with some other browser the user did not ask for.
 *
 * Every input of the search (environment, candidate paths, Playwright's path, the file check) is
 * injectable, so a test can stage "no browser anywhere" on a machine that has one.
 *
 * @example
 *   const found = findBrowser();
 *   if (found.executablePath === null) console.error(found.message);
 *   else await chromium.launch({ executablePath: found.executablePath });
 */
import { accessSync, constants, statSync } from "node:fs";
import { createRequire } from "node:module";
import type { BrowserType } from "playwright";

/** Where Debian (`chromium` package) and Ubuntu's non-snap builds put the binary, best first. */
export const SYSTEM_CHROMIUM_PATHS: readonly string[] = ["/usr/lib/chromium/chromium", "/usr/bin/chromium"];

/** The environment variable naming a Chromium (or Chrome) binary to use before any other. */
export const BROWSER_ENV_VAR = "CAIJI_CHROMIUM";
/** Values of `CAIJI_CHROMIUM` that mean "no browser". */
const NO_BROWSER = new Set(["none", "off", "false", "0"]);

export interface BrowserSearch {
  /** @default process.env */
  env?: Readonly<Record<string, string | undefined>>;
  /** Distribution paths tried after the environment variable. @default SYSTEM_CHROMIUM_PATHS */
  systemPaths?: readonly string[];
  /** Where Playwright's own Chromium would be; null when unknown. @default chromium.executablePath() */
  playwrightPath?: () => string | null;
  /** Whether a path is a runnable file. @default an executable regular file check */
  isExecutable?: (path: string) => boolean;
}

export type BrowserSource = "env" | "system" | "playwright";

export type BrowserLookup =
  | {
      executablePath: string;
      source: BrowserSource;
    }
  | {
      executablePath: null;
      /** One line (two sentences) telling the user how to get a browser. */
      message: string;
    };

export function findBrowser(search: BrowserSearch = {}): BrowserLookup {
  const env = search.env ?? process.env;
  const isExecutable = search.isExecutable ?? isExecutableFile;
  const fromEnv = env[BROWSER_ENV_VAR]?.trim() || null;
  if (fromEnv !== null && NO_BROWSER.has(fromEnv.toLowerCase())) {
    return {
      executablePath: null,
      message: `${BROWSER_ENV_VAR}=${fromEnv}: rendering is off, so views that JavaScript fills stay null.`,
    };
  }
  if (fromEnv !== null) {
    if (isExecutable(fromEnv)) return { executablePath: fromEnv, source: "env" };
    return {
      executablePath: null,
      message:
        `${BROWSER_ENV_VAR}=${fromEnv} is not an executable file, so pages are not rendered (views that ` +
        `JavaScript fills stay null). Point ${BROWSER_ENV_VAR} at a Chromium/Chrome binary, or unset it to use ` +
        "the system's (Debian/Ubuntu: apt-get install chromium).",
    };
  }

  const candidates: Array<{ path: string | null; source: BrowserSource }> = [
    ...(search.systemPaths ?? SYSTEM_CHROMIUM_PATHS).map((path) => ({ path, source: "system" as const })),
    { path: (search.playwrightPath ?? playwrightChromiumPath)(), source: "playwright" },
  ];
  for (const { path, source } of candidates) {
    if (path !== null && isExecutable(path)) return { executablePath: path, source };
  }
  return {
    executablePath: null,
    message:
      `No Chromium found, so pages are not rendered (views that JavaScript ` +
      `fills stay null). Install one (Debian/Ubuntu: apt-get install chromium) or set ${BROWSER_ENV_VAR} to a ` +
      "Chromium/Chrome binary.",
  };
}

/** Playwright's expected path for its downloaded Chromium; it may not exist, hence the file check after. */
function playwrightChromiumPath(): string | null {
  try {
    return loadChromium().executablePath() || null;
  } catch {
    return null;
  }
}

/**
 * Playwright's Chromium driver, loaded on first use: a crawl that renders nothing never loads Playwright's
 * large bundle. Loaded with `require` because the package is CommonJS and its internal `require` calls
 * break when it is imported through an ESM loader hook (`node --import jiti/register`, Node 20).
 */
export function loadChromium(): BrowserType {
  const playwright = createRequire(import.meta.url)("playwright") as typeof import("playwright");
  return playwright.chromium;
}

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
