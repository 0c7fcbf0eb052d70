#!/usr/bin/env node
// Runs iamlint simulate cases (shared/spec/cases.md, JSON Lines with
// `define` lines) through @cloud-copilot/iam-simulate's public API
// (runSimulation) and prints one line per case, in input order:
//
//   {"id":"c0000001","decision":"Allow"}
//   {"id":"c0000002","decision":"Error","error":"..."}
//
// and a timing summary on stderr as one JSON object:
//   {"cases":N,"errors":E,"seconds":S,"cases_per_s":R,"cpu_user_s":U,"cpu_system_s":Y,
//    "peak_rss_MB":M,"package":"@cloud-copilot/iam-simulate","version":"0.1.x"}
// The timed part is everything per case: JSON.parse of the line, building
// the Simulation, runSimulation (with its input validation), writing out.
//
// usage: node iam_simulate_driver.cjs PEERS_DIR CASES.jsonl... [--prevalidate]
//   PEERS_DIR     the folder where run.sh installed the package (node_modules/)
//   CASES.jsonl   one or more case files; named policies hold within a file
//   --prevalidate validate each named policy once (createValidatedPolicy of
//                 @cloud-copilot/iam-policy) instead of once per case
//
// This file is ours (no code of iam-simulate, which is AGPL, is copied):
// it only calls the package's documented exports.
'use strict';
const fs = require('fs');
const path = require('path');
const { createRequire } = require('module');

const [peersDir, ...rest] = process.argv.slice(2);
const flags = rest.filter((a) => a.startsWith('--'));
const casePaths = rest.filter((a) => !a.startsWith('--'));
if (!peersDir || casePaths.length === 0) {
  process.stderr.write('usage: node iam_simulate_driver.cjs PEERS_DIR CASES.jsonl [--prevalidate]\n');
  process.exit(2);
}
const prevalidate = flags.includes('--prevalidate');
const req = createRequire(path.join(path.resolve(peersDir), 'package.json'));
const sim = req('@cloud-copilot/iam-simulate');
const version = JSON.parse(
  fs.readFileSync(path.join(path.resolve(peersDir), 'node_modules/@cloud-copilot/iam-simulate/package.json'), 'utf8')).version;
const policyLib = prevalidate ? req('@cloud-copilot/iam-policy') : null;

const DECISIONS = { Allowed: 'Allow', ExplicitlyDenied: 'ExplicitDeny', ImplicitlyDenied: 'ImplicitDeny' };

// Account of an ARN (5th field), or ''.
function arnAccount(arn) {
  if (typeof arn !== 'string' || !arn.startsWith('arn:')) return '';
  const f = arn.split(':');
  return f.length > 4 ? f[4] : '';
}

function contextValue(v) {
  if (Array.isArray(v)) return v.map(String);
  return String(v);
}

const named = new Map();  // name -> { raw, validated: Map(kind -> ValidatedPolicy) }

function policyOf(value, kind) {
  if (typeof value !== 'string') return value;
  const entry = named.get(value);
  if (!entry) throw new Error(`unknown policy name ${value}`);
  if (!prevalidate) return entry.raw;
  if (!entry.validated.has(kind)) {
    const fn = {
      identity: policyLib.validateIdentityPolicy,
      boundary: policyLib.validateIdentityPolicy,
      session: policyLib.validateSessionPolicy,
      resource: policyLib.validateResourcePolicy,
      scp: policyLib.validateServiceControlPolicy,
      rcp: policyLib.validateResourceControlPolicy,
    }[kind];
    entry.validated.set(kind, policyLib.createValidatedPolicy(entry.raw, fn));
  }
  return entry.validated.get(kind);
}

function toSimulation(c) {
  const p = c.policies || {};
  const r = c.request || {};
  const principalAccount = arnAccount(r.principal);
  const resourceAccount = r.resourceAccount || arnAccount(r.resource) || principalAccount;
  const context = {};
  for (const [k, v] of Object.entries(r.context || {})) context[k] = contextValue(v);
  const s = {
    request: {
      principal: r.principal === undefined || r.principal === '*' ? sim.anonymousPrincipal : r.principal,
      action: r.action,
      resource: { resource: r.resource, accountId: resourceAccount },
      contextVariables: context,
    },
    identityPolicies: (p.identity || []).map((x, i) => ({ name: `identity${i}`, policy: policyOf(x, 'identity') })),
    serviceControlPolicies: (p.scp || []).map((level, i) => ({
      orgIdentifier: `level${i}`,
      policies: level.map((x, j) => ({ name: `scp${i}_${j}`, policy: policyOf(x, 'scp') })),
    })),
    resourceControlPolicies: (p.rcp || []).map((level, i) => ({
      orgIdentifier: `level${i}`,
      policies: level.map((x, j) => ({ name: `rcp${i}_${j}`, policy: policyOf(x, 'rcp') })),
    })),
  };
  if (p.boundary) s.permissionBoundaryPolicies = [{ name: 'boundary', policy: policyOf(p.boundary, 'boundary') }];
  if (p.session && p.session.length) s.sessionPolicy = policyOf(p.session[0], 'session');
  if (p.resource) s.resourcePolicy = policyOf(p.resource, 'resource');
  return s;
}

// Decides one case line; returns the output line.
async function decide(value) {
  let decision, error;
  try {
    const result = await sim.runSimulation(toSimulation(value), {});
    if (result.resultType === 'error') {
      decision = 'Error';
      error = result.errors.message;
    } else {
      decision = DECISIONS[result.overallResult] || `Unknown:${result.overallResult}`;
      if (result.resultType !== 'single') error = `resultType ${result.resultType}`;
    }
  } catch (e) {
    decision = 'Error';
    error = String(e && e.message ? e.message : e);
  }
  return { decision, line: JSON.stringify(error === undefined ? { id: value.id, decision } : { id: value.id, decision, error }) };
}

async function main() {
  const out = [];
  let cases = 0, errors = 0;
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (const casesPath of casePaths) {
    named.clear();  // named policies hold within one file
    for (const line of fs.readFileSync(casesPath, 'utf8').split('\n')) {
      const t = line.trim();
      if (t === '' || t.startsWith('#')) continue;
      const value = JSON.parse(t);
      if (value.define) {
        for (const [name, policy] of Object.entries(value.define)) named.set(name, { raw: policy, validated: new Map() });
        continue;
      }
      ++cases;
      const { decision, line: result } = await decide(value);
      if (decision === 'Error') ++errors;
      out.push(result);
      if (out.length >= 4096) {
        fs.writeSync(1, out.join('\n') + '\n');
        out.length = 0;
      }
    }
  }
  if (out.length) fs.writeSync(1, out.join('\n') + '\n');
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  process.stderr.write(JSON.stringify({
    cases, errors, seconds, cases_per_s: cases / seconds,
    cpu_user_s: cpu.user / 1e6, cpu_system_s: cpu.system / 1e6,
    peak_rss_MB: process.resourceUsage().maxRSS / 1024,
    package: '@cloud-copilot/iam-simulate', version, prevalidate,
  }) + '\n');
}

main().catch((e) => {
  process.stderr.write(`iam_simulate_driver: ${e && e.stack ? e.stack : e}\n`);
  process.exit(1);
});
