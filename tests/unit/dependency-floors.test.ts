// The security floors' semver comparison (prereleases included) and the messages CI fails with.
import { describe, expect, it } from 'vitest';
import { compareVersions, DEPENDENCY_FLOORS, floorProblems } from '@/scripts/dependency-floors.mjs';

/** Ascending by semver precedence, each pair of neighbours strictly ordered. */
const ASCENDING = [
  '0.45.1', '0.45.2', '0.45.10', '0.46.0', '1.0.0-0', '1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta',
  '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0', '5.0.0-beta.9', '5.0.0-beta.31', '5.0.0-beta.32', '5.0.0-beta.100', '5.0.0',
  '16.3.3', '16.4.5', '19.2.8', '19.2.9', '19.10.0',
];

/** Versions as found: every floored package exactly at its floor, with `overrides` on top. */
function atFloors(overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return { ...DEPENDENCY_FLOORS, ...overrides };
}

describe('compareVersions', () => {
  it('orders versions by semver precedence, prerelease identifiers numerically or by ASCII', () => {
    for (let i = 0; i < ASCENDING.length; i += 1) {
      for (let j = 0; j < ASCENDING.length; j += 1) {
        expect(compareVersions(ASCENDING[i]!, ASCENDING[j]!), `${ASCENDING[i]} vs ${ASCENDING[j]}`).toBe(Math.sign(i - j));
      }
    }
  });

  it('ignores build metadata and a leading v', () => {
    expect(compareVersions('16.3.3+build.5', '16.3.3')).toBe(0);
    expect(compareVersions('v19.2.8', '19.2.8')).toBe(0);
  });

  it('refuses what is not a version rather than guessing', () => {
    for (const version of ['16.3', 'latest', '16.3.3.1', '^16.3.3', '01.2.3', '']) {
      expect(() => compareVersions(version, '1.0.0'), version).toThrow(/not a semver version/);
    }
  });
});

describe('floorProblems', () => {
  it('finds nothing when every package is at or above its floor, in every source', () => {
    expect(floorProblems({ node_modules: atFloors(), 'package-lock.json': atFloors({ next: '16.4.5', 'next-auth': '5.0.0' }) })).toEqual([]);
  });

  it('names each package below its floor, and where it was found', () => {
    expect(floorProblems({
      node_modules: atFloors({ next: '16.3.2', 'next-auth': '5.0.0-beta.31', 'better-sqlite3': '12.7.9' }),
      'package-lock.json': atFloors({ 'drizzle-orm': '0.45.1' }),
    })).toEqual([
      'next 16.3.2 in node_modules is below its security floor 16.3.3',
      'next-auth 5.0.0-beta.31 in node_modules is below its security floor 5.0.0-beta.32',
      'better-sqlite3 12.7.9 in node_modules is below its security floor 12.8.0',
      'drizzle-orm 0.45.1 in package-lock.json is below its security floor 0.45.2',
    ]);
  });

  it('takes beta.32 of next-auth 5.0.0 for newer than beta.4, which a string comparison would not', () => {
    expect(floorProblems({ node_modules: atFloors({ 'next-auth': '5.0.0-beta.4' }) })).toEqual([
      'next-auth 5.0.0-beta.4 in node_modules is below its security floor 5.0.0-beta.32',
    ]);
    expect(floorProblems({ node_modules: atFloors({ 'next-auth': '5.0.0-beta.100' }) })).toEqual([]);
  });

  it('requires react and react-dom to be the same version', () => {
    expect(floorProblems({ node_modules: atFloors({ react: '19.2.9' }) })).toEqual([
      'react 19.2.9 and react-dom 19.2.8 in node_modules must be the same version',
    ]);
  });

  it('fails a package that is missing or whose version is not semver', () => {
    expect(floorProblems({ node_modules: atFloors({ 'drizzle-orm': undefined, next: 'canary' }) })).toEqual([
      'next canary in node_modules is not a semver version (its floor is 16.3.3)',
      'drizzle-orm is missing from node_modules (its floor is 0.45.2)',
    ]);
  });
});
