// A newcomer's first page (see e2e/first-run.sh): the service bin/serve started, the incident page
// opened with no token pasted. It signs itself in for development, says so, and a child in
// immediate danger is an emergency.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { launchBrowser } from "./browser.mjs";

const BASE = process.env.BASE_URL;
const SHOTS = process.env.SCREENSHOTS ?? "e2e/out";
let browser;

after(async () => { await browser?.close(); });

test("the decision page gives an EMERGENCY recommendation with no token pasted, under a visible development sign-in", async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${BASE}/`);
  await page.locator("#development-sign-in").waitFor();
  assert.match(await page.locator("#sign-in-area").innerText(), /Development sign-in.*bin\/serve/s);
  await page.getByLabel("Is a child in immediate danger now?").selectOption({ label: "Yes" });
  await page.getByRole("button", { name: "Get recommendation" }).click();
  await page.locator("#pathway-heading").waitFor();
  assert.match(await page.locator("#pathway-heading").innerText(), /EMERGENCY – call 999 now/);
  await page.screenshot({ path: `${SHOTS}/first-run.png`, fullPage: true });
});
