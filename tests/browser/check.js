// Opens each HTML file given on the command line in headless Chromium and prints one JSON
// object per file: the chart labels that stick out of their chart, the chart fonts that did
// not load, and axe-core's findings. tests/html.rs runs it and judges the result.
//
//   node check.js CHROMIUM FILE.html...

'use strict';

const path = require('path');
const axe = require('axe-core');
const { withBrowser } = require('./browser');

// Rounding of glyph boxes: a label may touch its chart's edge, not cross it.
const TOLERANCE = 0.5;

async function check(browser, file) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1000, height: 1400 });
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => errors.push(`console: ${message.text()}`));
  await page.goto('file://' + path.resolve(file), { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);

  const charts = await page.evaluate((tolerance) => {
    return [...document.querySelectorAll('svg.chart')].map((svg) => {
      const box = svg.getBoundingClientRect();
      const labels = [...svg.querySelectorAll('text')];
      const outside = labels
        .map((text) => {
          const r = text.getBoundingClientRect();
          const inside =
            r.left >= box.left - tolerance &&
            r.right <= box.right + tolerance &&
            r.top >= box.top - tolerance &&
            r.bottom <= box.bottom + tolerance;
          return inside
            ? null
            : {
                text: text.textContent,
                label: [r.left, r.top, r.right, r.bottom].map(Math.round),
                chart: [box.left, box.top, box.right, box.bottom].map(Math.round),
              };
        })
        .filter(Boolean);
      return {
        class: svg.getAttribute('class'),
        name: svg.getAttribute('aria-label'),
        labels: labels.length,
        outside,
      };
    });
  }, TOLERANCE);

  // Every chart font in use must have loaded: a fallback font measures differently, and
  // the labels were wrapped to the embedded one.
  const fonts = await page.evaluate(() =>
    [...document.fonts]
      .filter((font) => font.family.replace(/"/g, '').startsWith('vakwijzer-'))
      .map((font) => ({ family: font.family, weight: font.weight, status: font.status })),
  );

  await page.addScriptTag({ content: axe.source });
  const results = await page.evaluate(async () => {
    // Everything axe has, best practices included; the test decides what counts.
    const run = await window.axe.run(document, { resultTypes: ['violations'] });
    return {
      // How many rules applied, so a run that checked nothing does not pass for clean.
      rules: run.passes.length + run.violations.length,
      violations: run.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
      })),
    };
  });
  await page.close();
  return {
    file: path.basename(file),
    errors,
    charts,
    fonts,
    axe_rules: results.rules,
    violations: results.violations,
  };
}

async function main() {
  const [chromium, ...files] = process.argv.slice(2);
  await withBrowser(chromium, async (browser) => {
    for (const file of files) {
      console.log(JSON.stringify(await check(browser, file)));
    }
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
