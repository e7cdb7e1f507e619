// The upload page as a person uses it, in Debian's headless Chromium: open the page, choose a
// notes file, see its actions table and a highlighted finding, click the finding to be taken to
// it, and check the page fits a phone. Saves screenshots as test artefacts.
//
// usage: node upload_page_test.mjs MINUTES_BINARY NOTES_FILE ARTEFACT_DIR
// Exits 77 (ctest: skipped) with a message when Chromium cannot start here.

import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";

const [minutes, notes, artefacts] = process.argv.slice(2);
mkdirSync(artefacts, { recursive: true });
let passed = 0, failed = 0;
function check(ok, what) {
  if (ok) passed++;
  else { failed++; console.log("FAIL: " + what); }
}

const server = spawn(minutes, ["serve", "--port", "0"], { stdio: ["ignore", "ignore", "pipe"] });
const url = await new Promise((resolve, reject) => {
  let log = "";
  const timer = setTimeout(() => reject(new Error("the server did not start: " + log)), 10000);
  server.stderr.on("data", (d) => {
    log += d;
    const m = /serving on (http:\/\/[0-9.]+:[0-9]+)/.exec(log);
    if (m) { clearTimeout(timer); resolve(m[1]); }
  });
});

let browser;
try {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
} catch (e) {
  console.log("SKIP: Chromium cannot start here: " + e.message.split("\n")[0]);
  server.kill("SIGTERM");
  process.exit(77);
}

try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(url + "/");
  check((await page.title()).includes("minutes"), "the page has its title");
  await page.setInputFiles("#file", notes);
  await page.waitForSelector("#actions tr:nth-child(2)", { timeout: 20000 });
  const actions = await page.locator("#actions tr").count();
  check(actions > 5, "the actions table lists the log (" + actions + " rows)");
  const status = await page.locator("#status").innerText();
  check(/finding/.test(status), "the status line counts findings: " + status);
  const marks = await page.locator("#text mark.finding").count();
  check(marks >= 1, "at least one finding is highlighted in the notes (" + marks + ")");
  check(await page.locator("#text mark.item").count() > 10, "extracted items are highlighted");
  // Clicking a finding takes you to its words.
  const item = page.locator("#findings li").first();
  const target = await item.getAttribute("data-target");
  await item.click();
  const visible = await page.evaluate((id) => {
    const el = document.getElementById(id), box = document.getElementById("text");
    if (!el) return false;
    const r = el.getBoundingClientRect(), b = box.getBoundingClientRect();
    return el.classList.contains("current") && r.top >= b.top - 1 && r.bottom <= b.bottom + 1;
  }, target);
  check(visible, "clicking the first finding scrolls its words into view");
  await page.screenshot({ path: artefacts + "/upload_page.png", fullPage: false });
  // A phone: nothing wider than the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 1, "the page fits a 390 px screen (overflow " + overflow + " px)");
  await page.screenshot({ path: artefacts + "/upload_page_phone.png" });
  // A file that is not notes gets a readable error, not a broken page.
  await page.setInputFiles("#file", { name: "broken.docx", mimeType: "application/octet-stream",
                                      buffer: Buffer.from("PK\u0003\u0004junk") });
  await page.waitForFunction(() => document.getElementById("status").className === "error");
  check(/corrupt/.test(await page.locator("#status").innerText()), "a broken file says why");
} catch (e) {
  failed++;
  console.log("FAIL: " + e.message);
} finally {
  await browser.close();
  server.kill("SIGTERM");
}
console.log(passed + " passed, " + failed + " failed");
process.exit(failed === 0 ? 0 : 1);
