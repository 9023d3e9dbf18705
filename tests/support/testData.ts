// The public test files the tests read, vendored under tests/data (provenance and licences in
// tests/data/SOURCES.md and tests/data/LICENSES), so a clone passes `npm test` on its own.
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';

/** Root of the vendored public test data. */
export const DATA = resolve(import.meta.dirname, '../data');
/** Path of one vendored file, relative to tests/data. */
export const dataPath = (name: string): string => resolve(DATA, name);
/** Text of one vendored file, relative to tests/data. */
export const dataFile = (name: string): string => readFileSync(dataPath(name), 'utf8');
/** Sorted names of the files in one vendored folder. */
export const dataFiles = (dir: string): string[] => readdirSync(dataPath(dir)).sort();
