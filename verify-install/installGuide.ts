/**
 * docs/install.md's steps as the verify script applies them: each code block
 * after an `<!-- install-step: name -->` marker, read from the guide itself,
 * so the script does what the page says and breaks when the page does.
 */
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import { repoRoot } from './packPackages';

export const INSTALL_GUIDE = path.join(repoRoot, 'docs', 'install.md');

export interface InstallStep {
  name: string;
  /** The fence's language: json, ts, yaml, sh. */
  language: string;
  code: string;
}

const STEP = /<!-- install-step: ([a-z-]+) -->\s*```([a-z]*)\n([\s\S]*?)```/g;

/** Every marked step of the guide, by name. */
export function readInstallGuide(
  file = INSTALL_GUIDE,
): Map<string, InstallStep> {
  const steps = new Map<string, InstallStep>();
  for (const [, name, language, code] of fs
    .readFileSync(file, 'utf8')
    .matchAll(STEP)) {
    if (steps.has(name)) {
      throw new Error(`${file}: the install step '${name}' is marked twice`);
    }
    steps.set(name, { name, language, code });
  }
  return steps;
}

/** One step's block; a missing step is an error that names the guide. */
export function installStep(
  steps: Map<string, InstallStep>,
  name: string,
): InstallStep {
  const step = steps.get(name);
  if (!step) {
    throw new Error(
      `${path.relative(
        repoRoot,
        INSTALL_GUIDE,
      )} has no block marked <!-- install-step: ${name} -->`,
    );
  }
  return step;
}

/** Merges a JSON step (e.g. `{ "dependencies": { … } }`) into a package.json, one level deep. */
export function mergeIntoPackageJson(file: string, step: InstallStep) {
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const [key, value] of Object.entries(JSON.parse(step.code))) {
    manifest[key] =
      typeof value === 'object' && value !== null && !Array.isArray(value)
        ? { ...manifest[key], ...value }
        : value;
  }
  fs.writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
}

// Code compared without its layout: the guide's block may be wrapped differently from the file.
const squeezed = (code: string) => code.replace(/\s+/g, '');

/**
 * Removes the statement a step shows, whatever its line breaks in the file;
 * the comment lines above it stay.
 */
export function removeCode(file: string, step: InstallStep) {
  const text = fs.readFileSync(file, 'utf8');
  const statements = text.split(/(?<=;)\n/);
  let removed = false;
  const kept = statements.map(statement => {
    const lines = statement.split('\n');
    const comments = lines.filter(line => line.trim().startsWith('//'));
    const code = lines.filter(line => !line.trim().startsWith('//'));
    if (squeezed(code.join('\n')) !== squeezed(step.code)) {
      return statement;
    }
    removed = true;
    return comments.join('\n');
  });
  if (!removed) {
    throw new Error(
      `${file} has no statement ${step.code.trim()} (install step '${
        step.name
      }')`,
    );
  }
  fs.writeFileSync(file, kept.join('\n'));
}

/** Inserts a step's code on the line before the first line that starts with `before`. */
export function insertBefore(file: string, before: string, step: InstallStep) {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const at = lines.findIndex(line => line.startsWith(before));
  if (at < 0) {
    throw new Error(`${file} has no line starting with ${before}`);
  }
  lines.splice(at, 0, step.code.trimEnd(), '');
  fs.writeFileSync(file, lines.join('\n'));
}

/** Inserts a step's code right after the first occurrence of `after`. */
export function insertAfter(file: string, after: string, step: InstallStep) {
  const text = fs.readFileSync(file, 'utf8');
  const at = text.indexOf(after);
  if (at < 0) {
    throw new Error(`${file} has no ${after}`);
  }
  const end = at + after.length;
  fs.writeFileSync(
    file,
    `${text.slice(0, end)}\n${step.code.trimEnd()}\n${text.slice(end)}`,
  );
}

/** Appends a YAML list step's items to `catalog.locations` of a config file, keeping its comments. */
export function appendCatalogLocations(file: string, step: InstallStep) {
  const document = yaml.parseDocument(fs.readFileSync(file, 'utf8'));
  const locations = document.getIn(['catalog', 'locations']);
  if (!yaml.isSeq(locations)) {
    throw new Error(`${file} has no catalog.locations list`);
  }
  for (const item of (yaml.parseDocument(step.code).contents as yaml.YAMLSeq)
    .items) {
    locations.add(item);
  }
  fs.writeFileSync(file, document.toString());
}
