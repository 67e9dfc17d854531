// French is the source locale; English translations live in i18n/en/*.json, one file per
// element: French text → English text, `{0}`, `{1}`… standing for the expressions of a str``
// template in their order. The messages carry no id: lit-localize derives one from the French
// text, so the bundles hold no id strings, and two copies of the library on a page (which share
// one localization) can never show one message's translation for another. The same French text
// therefore has one English text everywhere.
// This script extracts the messages, merges the translations into xliff/en.xlf and builds
// src/i18n/generated/. With --check it fails on a missing or unused translation, or when the
// committed files are not what the sources produce.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const check = process.argv.includes('--check');
const XLIFF = 'xliff/en.xlf';
const GENERATED = 'src/i18n/generated/en.ts';
const read = (path) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
};
const before = { [XLIFF]: read(XLIFF), [GENERATED]: read(GENERATED) };

const translations = {};
for (const file of readdirSync('i18n/en').filter((f) => f.endsWith('.json')).sort()) {
  for (const [french, text] of Object.entries(JSON.parse(readFileSync(join('i18n/en', file), 'utf8')))) {
    if (french in translations && translations[french] !== text) throw new Error(`${file}: "${french}" is translated twice, differently`);
    translations[french] = text;
  }
}

const run = (...args) => execFileSync('npx', ['lit-localize', ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
run('extract');

const escapeXml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const unescapeXml = (text) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const PLACEHOLDER = /<x id="\d+" equiv-text="[^"]*"\/>/g;
/** A unit's French source as the translation files write it: `{n}` for its n-th expression. */
const frenchKey = (source) => {
  let n = 0;
  return unescapeXml(source.replace(PLACEHOLDER, () => `{${n++}}`));
};
const problems = [];
const used = new Set();
const xliff = readFileSync(XLIFF, 'utf8').replace(
  /<trans-unit id="([^"]+)">\s*<source>([\s\S]*?)<\/source>(?:\s*<target>[\s\S]*?<\/target>)?/g,
  (unit, id, source) => {
    const french = frenchKey(source);
    const english = translations[french];
    if (english === undefined) {
      problems.push(`missing English translation for "${french}"`);
      return unit;
    }
    used.add(french);
    const placeholders = [...source.matchAll(PLACEHOLDER)].map((m) => m[0]);
    const target = escapeXml(english).replace(/\{(\d+)\}/g, (_, n) => {
      const placeholder = placeholders[Number(n)];
      if (!placeholder) problems.push(`"${french}": {${n}} has no expression in the French text`);
      return placeholder ?? '';
    });
    return `<trans-unit id="${id}">\n  <source>${source}</source>\n  <target>${target}</target>`;
  },
);
for (const french of Object.keys(translations)) if (!used.has(french)) problems.push(`unused translation "${french}" (its message is gone)`);
writeFileSync(XLIFF, xliff);
run('build');

const stale = Object.entries(before).filter(([path, content]) => read(path) !== content).map(([path]) => path);
if (check && stale.length > 0) {
  for (const [path, content] of Object.entries(before)) writeFileSync(path, content);
  problems.push(`${stale.join(' and ')} not up to date: run \`npm run i18n\` and commit the result`);
}
if (problems.length > 0) {
  console.error(problems.map((p) => `i18n: ${p}`).join('\n'));
  process.exit(1);
}
console.log(`i18n: ${used.size} messages, all translated to English`);
