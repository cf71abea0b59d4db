#!/usr/bin/env node
// The npm registry reachable here lacks some platform-specific optional packages
// (e.g. @swc/core-darwin-arm64). `npm install` then leaves them out of
// package-lock.json and `npm ci` refuses the lock as "out of sync". This adds a
// placeholder entry for each missing optional dependency, marked optional and
// restricted to its platform, so `npm ci` skips it the way it skips any optional
// package that does not match the machine. Run after every `npm install`.
const fs = require('fs');
const path = require('path');

const lockPath = path.join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
const packages = lock.packages;

const OS = ['darwin', 'win32', 'linux', 'freebsd', 'android', 'openharmony', 'sunos', 'aix', 'netbsd', 'openbsd'];
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64', 'wasm32'];

function platformOf(name) {
  const base = name.split('/').pop();
  const os = OS.find((o) => base.includes(o === 'win32' ? 'win32' : o));
  const cpu = CPU.filter((c) => base.includes(c)).sort((a, b) => b.length - a.length)[0];
  return { os, cpu };
}

let added = 0;
for (const [key, entry] of Object.entries(packages)) {
  if (!entry.optionalDependencies) continue;
  const parentDir = key === '' ? '' : key + '/';
  for (const [dep, version] of Object.entries(entry.optionalDependencies)) {
    const nested = `${parentDir}node_modules/${dep}`;
    const hoisted = `node_modules/${dep}`;
    if (packages[nested] || packages[hoisted]) continue;
    const { os, cpu } = platformOf(dep);
    const placeholder = { version: version.replace(/^[\^~]/, ''), optional: true };
    if (entry.dev) placeholder.dev = true;
    if (os) placeholder.os = [os];
    if (cpu) placeholder.cpu = [cpu];
    packages[hoisted] = placeholder;
    added++;
  }
}
const sorted = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)));
lock.packages = sorted;
fs.writeFileSync(lockPath, JSON.stringify(lock, null, 2) + '\n');
console.log(`complete-lockfile: added ${added} placeholder entries`);
