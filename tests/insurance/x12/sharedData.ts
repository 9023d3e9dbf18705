// Locates the shared public X12 / JSON / FHIR test data (../shared/data from the repo root).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';

export const DATA = process.env['MEDOFFICE_DATA'] ?? resolve(import.meta.dirname, '../../../../shared/data');
export const HAS_DATA = existsSync(resolve(DATA, 'x12/271'));
if (!HAS_DATA) console.warn(`shared test data not found at ${DATA}: X12 data tests are skipped`);

export const dataFile = (sub: string): string => readFileSync(resolve(DATA, sub), 'utf8');
export const dataFiles = (dir: string): string[] => (HAS_DATA ? readdirSync(resolve(DATA, dir)).sort() : []);
