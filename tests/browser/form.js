// Fills in a vakwijzer form (`vakwijzer form`) in headless Chromium as a person would, in
// steps, and prints one JSON object: what the page showed after each step, the files it saved,
// every request it made other than for the form itself, its errors, and axe-core's findings.
// tests/form.rs runs it and judges the result.
//
//   node form.js CHROMIUM FORM.html DOWNLOAD_DIR STEPS.json
//
// STEPS.json is a list of steps, each with any of:
//   reload: true        open the page again first (as closing and reopening the file)
//   answers: {id: v}    click the radio of statement `id` with value `v`
//   notes: {id: text}   type `text` into the note of competency `id`
//   note_values: {id: text}  set the note's text as pasted (for what cannot be typed)
//   name: text          type the name
//   download: true      click the save button and wait for the file
//   clear: true         click the clear button and accept the question

'use strict';

const path = require('path');
const fs = require('fs');
const axe = require('axe-core');
const { withBrowser } = require('./browser');

async function state(page) {
  return page.evaluate(() => {
    const form = document.getElementById('form');
    const answers = {};
    for (const input of form.querySelectorAll('input[type="radio"]:checked')) {
      answers[input.name] = input.value;
    }
    const notes = {};
    for (const area of form.querySelectorAll('textarea')) {
      if (area.value !== '') notes[area.name] = area.value;
    }
    return {
      answers,
      notes,
      name: form.elements.namedItem('name').value,
      progress: document.getElementById('progress-text').textContent,
      progress_value: document.getElementById('progress').value,
      message: document.getElementById('message').textContent,
      saved: !document.getElementById('saved').hidden,
      saved_text: document.getElementById('saved-text').textContent,
      // Nothing wider than a phone's screen.
      overflow: document.documentElement.scrollWidth > document.documentElement.clientWidth && document.documentElement.scrollWidth > 390,
    };
  });
}

async function radio(page, id, value) {
  const handle = await page.evaluateHandle(
    (id, value) =>
      [...document.querySelectorAll('input[type="radio"]')].find(
        (input) => input.name === id && input.value === value,
      ) || null,
    id,
    String(value),
  );
  const element = handle.asElement();
  if (!element) throw new Error(`no radio ${id}=${value}`);
  await element.click();
}

async function typeInto(page, name, text) {
  const handle = await page.evaluateHandle(
    (name) => document.getElementById('form').elements.namedItem(name),
    name,
  );
  const element = handle.asElement();
  if (!element) throw new Error(`no field ${name}`);
  await element.click({ clickCount: 3 });
  await page.keyboard.press('Backspace');
  await element.type(text);
}

async function main() {
  const [chromium, form, downloads, stepsFile] = process.argv.slice(2);
  const steps = JSON.parse(fs.readFileSync(stepsFile, 'utf8'));
  const url = 'file://' + path.resolve(form);
  const report = { steps: [], saved: [], requests: [], errors: [] };
  await withBrowser(chromium, async (browser) => {
    const page = await browser.newPage();
    // A phone.
    await page.setViewport({ width: 390, height: 844, isMobile: true, hasTouch: false });
    page.on('pageerror', (error) => report.errors.push(String(error)));
    page.on('console', (message) => report.errors.push(`console: ${message.text()}`));
    page.on('dialog', (dialog) => dialog.accept());
    // Every request but the form itself is recorded and refused; a download is a blob: of
    // the page's own making, recorded too, so that the test can see there is nothing else.
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.url() === url) {
        request.continue();
      } else {
        report.requests.push(request.url());
        request.abort();
      }
    });
    const cdp = await browser.target().createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', {
      behavior: 'allowAndName',
      downloadPath: path.resolve(downloads),
      eventsEnabled: true,
    });
    const names = new Map();
    const finished = [];
    cdp.on('Browser.downloadWillBegin', (event) => names.set(event.guid, event.suggestedFilename));
    cdp.on('Browser.downloadProgress', (event) => {
      if (event.state === 'completed' || event.state === 'canceled') finished.push(event);
    });

    await page.goto(url, { waitUntil: 'load' });
    for (const step of steps) {
      if (step.reload) await page.reload({ waitUntil: 'load' });
      const restored = await state(page);
      for (const [id, value] of Object.entries(step.answers || {})) await radio(page, id, value);
      for (const [id, text] of Object.entries(step.notes || {})) {
        await typeInto(page, 'note:' + id, text);
      }
      for (const [id, text] of Object.entries(step.note_values || {})) {
        await page.evaluate(
          (name, text) => {
            const area = document.getElementById('form').elements.namedItem(name);
            area.value = text;
            area.dispatchEvent(new Event('input', { bubbles: true }));
          },
          'note:' + id,
          text,
        );
      }
      if (step.name !== undefined) await typeInto(page, 'name', step.name);
      if (step.download) {
        const before = finished.length;
        await page.waitForSelector('#download', { visible: true });
        await page.click('#download');
        const deadline = Date.now() + 20000;
        while (finished.length === before && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        for (const event of finished.slice(before)) {
          report.saved.push({ file: event.guid, name: names.get(event.guid), state: event.state });
        }
      }
      if (step.clear) {
        // Shown by the script once the page has its answers back.
        await page.waitForSelector('#clear', { visible: true });
        await page.click('#clear');
      }
      report.steps.push({ restored, after: await state(page) });
    }
    await page.close();

    // axe-core needs to add its script, which the form's policy refuses: a second page
    // without the policy, the same form.
    const checked = await browser.newPage();
    await checked.setBypassCSP(true);
    await checked.goto(url, { waitUntil: 'load' });
    await checked.addScriptTag({ content: axe.source });
    const run = await checked.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    report.axe_rules = run.passes.length + run.violations.length;
    report.violations = run.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
    }));
  });
  console.log(JSON.stringify(report));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
