// Regenerates custom-elements.json from the JSDoc of src/, or with --check fails when the
// committed file differs from what the analyzer produces now.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const check = process.argv.includes('--check');
// The analyzer resolves --outdir against the working directory, so stay inside the project.
const outdir = mkdtempSync('.cem-');
try {
  execFileSync(
    'npx',
    ['cem', 'analyze', '--quiet', '--outdir', outdir],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const manifest = JSON.parse(readFileSync(join(outdir, 'custom-elements.json'), 'utf8'));
  // The analyzer lists modules in the file system's order, which differs between machines.
  manifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // A JSDoc block that strays from its class (a constant slipped in between) silently drops the
  // element from the manifest, and with it its docs and React wrapper: every tag must be there.
  const described = new Set(manifest.modules.flatMap((m) => m.declarations ?? []).map((d) => d.tagName).filter(Boolean));
  const tags = ['dmp-provider', ...readdirSync('src/elements').filter((dir) => dir.startsWith('dmp-'))];
  const missing = tags.filter((tag) => !described.has(tag));
  if (missing.length > 0) {
    throw new Error(`custom-elements.json would not describe ${missing.join(', ')}: is each element's JSDoc right above its class?`);
  }
  // Tools that map a tag to the module registering it (IDE data, lit-analyzer) read definitions.
  const definitions = manifest.modules.flatMap((m) => (m.exports ?? []).filter((e) => e.kind === 'custom-element-definition'));
  const defined = definitions.map((d) => d.name).sort();
  if (JSON.stringify(defined) !== JSON.stringify([...tags].sort())) {
    throw new Error(`custom-elements.json would define ${defined.join(', ') || 'no tag'}, not each of ${tags.join(', ')} once`);
  }
  const fresh = `${JSON.stringify(manifest, null, 2)}\n`;
  if (!check) {
    writeFileSync('custom-elements.json', fresh);
    console.log('custom-elements.json written');
  } else {
    let committed = '';
    try {
      committed = readFileSync('custom-elements.json', 'utf8');
    } catch {
      // A missing manifest is reported below like any stale one.
    }
    if (committed !== fresh) {
      console.error('custom-elements.json is out of date: run `npm run manifest` and commit the result.');
      process.exit(1);
    }
    console.log('custom-elements.json is up to date');
  }
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
