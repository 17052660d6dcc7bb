// npm run check:floors: fails when an installed or locked dependency is below its security floor (scripts/dependency-floors.mjs).
import fs from 'node:fs';
import path from 'node:path';
import { DEPENDENCY_FLOORS, floorProblems } from './dependency-floors.mjs';

const root = process.cwd();

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

// What runs (node_modules) and what `npm ci` would install (the lock file) are both checked: either can drift.
const installed = {};
const lock = readJson(path.join(root, 'package-lock.json'));
const locked = {};
for (const name of Object.keys(DEPENDENCY_FLOORS)) {
  installed[name] = readJson(path.join(root, 'node_modules', name, 'package.json'))?.version;
  locked[name] = lock?.packages?.[`node_modules/${name}`]?.version;
}

const problems = floorProblems({ node_modules: installed, 'package-lock.json': locked });
if (problems.length > 0) {
  console.error('Dependencies below their security floors:');
  for (const problem of problems) console.error(`  - ${problem}`);
  console.error('Upgrade them (npm install <package>@<version>) and commit package.json and package-lock.json.');
  process.exit(1);
}
console.log(`Dependency floors met: ${Object.keys(DEPENDENCY_FLOORS).map((name) => `${name} ${installed[name]}`).join(', ')}`);
