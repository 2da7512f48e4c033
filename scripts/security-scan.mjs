#!/usr/bin/env node
// Runs the Electronegativity scanner over the Electron shell and fails on any high or medium
// finding that is not listed, with its reason, in security/electronegativity-accepted.json.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'electronegativity-')), 'report.csv');
const accepted = JSON.parse(fs.readFileSync(path.join(root, 'security/electronegativity-accepted.json'), 'utf8'));
const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;

const run = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules/@doyensec/electronegativity/dist/index.js'), '-i', 'src/main', '-r', '-v', 'false', '-e', electronVersion, '-p', 'typescript', '-o', report],
  { cwd: root, encoding: 'utf8', timeout: 5 * 60_000 },
);
if (!fs.existsSync(report)) {
  console.error(`Electronegativity did not produce a report:\n${run.stdout}\n${run.stderr}`);
  process.exit(1);
}

const [, ...rows] = fs.readFileSync(report, 'utf8').trim().split('\n');
const findings = rows.map((row) => {
  const [check, severity, confidence, file, location] = row.split(',').map((cell) => cell.replace(/^"|"$/g, ''));
  return { check, severity, confidence, file, location };
});
const unexplained = findings.filter(
  (finding) => ['HIGH', 'MEDIUM'].includes(finding.severity) && !accepted.some((entry) => entry.check === finding.check && entry.file === finding.file),
);
for (const finding of findings) {
  const reason = accepted.find((entry) => entry.check === finding.check && entry.file === finding.file)?.reason;
  console.log(`${finding.severity.padEnd(8)} ${finding.check} ${finding.file}:${finding.location}${reason ? ` — accepted: ${reason}` : ''}`);
}
if (unexplained.length > 0) {
  console.error(`Electronegativity: ${unexplained.length} high or medium finding(s) without an accepted reason (see above).`);
  process.exit(1);
}
console.log(`Electronegativity: ${findings.length} finding(s), none high or medium without a reason.`);
