// The lead's round trip through a real identity provider and a real spreadsheet program (see e2e/signin.sh).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { launchBrowser } from "./browser.mjs";

const BASE = process.env.BASE_URL;
const SHOTS = process.env.SCREENSHOTS ?? "e2e/out";
const WORK = process.env.WORK;
const NEW_TEXT = "Do not look at, copy, print, share or save the image, video or message. Never ask a child or anyone else to show or send it to you.";
let browser;
let page;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })).newPage();
});

after(async () => { await browser?.close(); });

// The try-an-incident page, with every fact known and the parents no risk: what does it advise?
async function decideKnownIncident() {
  await page.goto(`${BASE}/`);
  await page.locator("#signed-in-as").waitFor();
  const facts = [
    ["Is a child in immediate danger now?", "No"],
    ["Would involving parents or carers put the child at risk?", "No"],
  ];
  for (const [label, option] of facts) await page.getByLabel(label).selectOption({ label: option });
  await page.getByRole("button", { name: "Get recommendation" }).click();
  await page.locator("#pathway-heading").waitFor();
  return page.locator("ol.actions").innerText();
}

test("a lead signs in through Keycloak, edits the live tables in LibreOffice, publishes, sees the change and undoes it", async () => {
  await page.goto(`${BASE}/publish.html`);
  await page.getByRole("button", { name: "Sign in with your organisation's account" }).click();
  // Keycloak's own sign-in page, on its own origin.
  await page.waitForURL(/\/realms\/safeguarding\/protocol\/openid-connect\/auth/);
  await page.locator("#username").fill("lead");
  await page.locator("#password").fill("lead-password");
  await page.locator("#kc-login").click();
  await page.waitForURL(`${BASE}/publish.html`);
  assert.equal(await page.locator("#signed-in-as").innerText(), "lead");
  assert.ok(!page.url().includes("code="), "the code does not stay in the address bar");
  await page.locator("#history table").waitFor();
  assert.match(await page.locator("#active-version").innerText(), /Active rule set: [0-9a-f]{12}/);
  await page.screenshot({ path: `${SHOTS}/signed-in-publish.png`, clip: { x: 0, y: 0, width: 1280, height: 500 } });

  const before = await decideKnownIncident();
  assert.doesNotMatch(before, /find out whether telling them/i, "before the edit, no parental-risk check when parents are no risk");

  await page.goto(`${BASE}/publish.html`);
  await page.locator("#history table").waitFor();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download the live tables to edit" }).click(),
  ]);
  const downloaded = `${WORK}/${download.suggestedFilename()}`;
  await download.saveAs(downloaded);
  // LibreOffice makes the edit: the parental-risk check for every incident (Actions H[A-22], A-22's
  // condition emptied: stricter), and new wording for DO_NOT_VIEW_IMAGERY (Action texts, column B).
  mkdirSync(`${WORK}/edited`, { recursive: true });
  const edited = `${WORK}/edited/${download.suggestedFilename()}`;
  execFileSync("/usr/bin/python3", ["e2e/lo_edit.py", downloaded, edited, "Actions!H[A-22]=", `Action texts!B[DO_NOT_VIEW_IMAGERY]=${NEW_TEXT}`],
    { stdio: "inherit", timeout: 120000 });

  await page.getByLabel("Workbooks").setInputFiles(edited);
  assert.equal(await page.getByLabel("Your name or role").inputValue(), "lead", "the signed-in name is offered");
  await page.getByLabel("What changed and why").fill("Check parental risk before every contact with parents; clearer wording on not viewing.");
  await page.getByRole("button", { name: "Check workbooks" }).click();
  await page.locator("#report-heading").waitFor({ timeout: 60000 });
  const report = await page.locator("#report").innerText();
  assert.match(report, /passed every check/);
  assert.match(report, /Adds the action ASSESS_PARENTAL_RISK\s+[\d,]+ of the [\d,]+ possible incidents/, "the stricter rule is shown, in words");
  assert.match(report, /check before activating:.*DO_NOT_VIEW_IMAGERY/is, "the changed safety text is marked");
  assert.ok(report.includes(NEW_TEXT), "the new wording is shown");
  assert.ok(report.includes("and do not ask anyone to show or send it to you."), "the old wording is shown");
  await page.locator("#report").screenshot({ path: `${SHOTS}/signed-in-review.png` });

  await page.locator("#report [data-activate]").click();
  const confirmation = await page.locator("#confirm-activation").innerText();
  assert.match(confirmation, /What changed and why: Check parental risk before every contact with parents/, "the confirmation shows the note");
  assert.match(confirmation, /Adds the action ASSESS_PARENTAL_RISK, for [\d,]+ of the [\d,]+ possible incidents/, "and the stricter rule, in words");
  assert.ok(confirmation.includes(NEW_TEXT), "and the new wording");
  await page.getByLabel(/I have read the changes marked/).check();
  await page.locator("#confirm-activation").screenshot({ path: `${SHOTS}/signed-in-confirm.png` });
  await page.getByRole("button", { name: /^Yes, activate version/ }).click();
  await page.locator("#activated").waitFor();
  // The history refreshes after the activation: wait for its line, which names the signed-in lead.
  await page.locator("#activity li", { hasText: /activate of version [0-9a-f]{12} by lead/ }).first().waitFor({ timeout: 15000 });

  const after = await decideKnownIncident();
  assert.match(after, /find out whether telling them/i, "after the edit, the parental-risk check is advised");
  assert.ok(after.includes("Never ask a child or anyone else to show or send it to you."), "the new wording is live");

  await page.goto(`${BASE}/publish.html`);
  await page.locator("#history table").waitFor();
  await page.getByRole("button", { name: /^Undo: back to version/ }).click();
  // Undo asks first, showing what going back changes against the live version: the wording comes back.
  const goingBack = await page.locator("#confirm-activation").innerText();
  assert.match(goingBack, /Go back to version [0-9a-f]{12}\?/);
  assert.match(goingBack, /against the live version [0-9a-f]{12}/);
  assert.ok(goingBack.includes("and do not ask anyone to show or send it to you."), "the wording it brings back");
  if (await page.getByLabel(/I have read the changes marked/).count()) await page.getByLabel(/I have read the changes marked/).check();
  await page.getByRole("button", { name: /^Yes, go back to version/ }).click();
  await page.locator("#rolled-back").waitFor();
  const undone = await decideKnownIncident();
  assert.doesNotMatch(undone, /find out whether telling them/i, "undone: the advice is as before");
  assert.ok(undone.includes("and do not ask anyone to show or send it to you."), "undone: the old wording is back");
});
