// Types of scripts/dependency-floors.mjs, for the tests that import it.
export declare const DEPENDENCY_FLOORS: Readonly<Record<string, string>>;
export declare function compareVersions(a: string, b: string): -1 | 0 | 1;
export declare function floorProblems(
  found: Record<string, Record<string, string | undefined>>,
  floors?: Readonly<Record<string, string>>,
): string[];
