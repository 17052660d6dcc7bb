// The lowest versions of our security-relevant dependencies CI accepts, and a semver comparison to check them (no dependency needed).

/** Each below its floor has a published security fix we rely on. */
export const DEPENDENCY_FLOORS = {
  next: '16.3.3',
  react: '19.2.8',
  'react-dom': '19.2.8',
  'next-auth': '5.0.0-beta.32',
  'drizzle-orm': '0.45.2',
  'better-sqlite3': '12.8.0',
};

const SEMVER = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z.-]+)?$/;

/** [major, minor, patch, prerelease identifiers]; null when `version` is not semver. */
function parse(version) {
  const match = SEMVER.exec(version.trim());
  if (!match) return null;
  return { release: [Number(match[1]), Number(match[2]), Number(match[3])], prerelease: match[4] ? match[4].split('.') : [] };
}

/**
 * Semver 2.0 precedence: a prerelease ranks below its release (5.0.0-beta.32 < 5.0.0); prerelease
 * identifiers compare numerically when both are numbers (beta.9 < beta.32), numbers rank below
 * words, and a shorter list below a longer one that starts the same; build metadata is ignored.
 * Throws on a version that is not semver.
 */
export function compareVersions(a, b) {
  const [left, right] = [parse(a), parse(b)];
  if (!left || !right) throw new Error(`not a semver version: ${!left ? a : b}`);
  for (let index = 0; index < 3; index += 1) {
    if (left.release[index] !== right.release[index]) return Math.sign(left.release[index] - right.release[index]);
  }
  if (left.prerelease.length === 0 || right.prerelease.length === 0) {
    return Math.sign(right.prerelease.length - left.prerelease.length);
  }
  for (let index = 0; index < Math.max(left.prerelease.length, right.prerelease.length); index += 1) {
    const [x, y] = [left.prerelease[index], right.prerelease[index]];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    const [xNumeric, yNumeric] = [/^\d+$/.test(x), /^\d+$/.test(y)];
    if (xNumeric && yNumeric) return Math.sign(Number(x) - Number(y));
    if (xNumeric !== yNumeric) return xNumeric ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * What is wrong with the versions found: one message per package below its floor, missing or not
 * semver, in node_modules or in package-lock.json, and react and react-dom differing.
 * `found` maps a source ("node_modules", "package-lock.json") to package → version (undefined: missing).
 */
export function floorProblems(found, floors = DEPENDENCY_FLOORS) {
  const problems = [];
  for (const [source, versions] of Object.entries(found)) {
    for (const [name, floor] of Object.entries(floors)) {
      const version = versions[name];
      if (version === undefined) {
        problems.push(`${name} is missing from ${source} (its floor is ${floor})`);
        continue;
      }
      let order;
      try {
        order = compareVersions(version, floor);
      } catch {
        problems.push(`${name} ${version} in ${source} is not a semver version (its floor is ${floor})`);
        continue;
      }
      if (order < 0) problems.push(`${name} ${version} in ${source} is below its security floor ${floor}`);
    }
    if (versions.react !== undefined && versions.react !== versions['react-dom']) {
      problems.push(`react ${versions.react} and react-dom ${versions['react-dom']} in ${source} must be the same version`);
    }
  }
  return problems;
}
