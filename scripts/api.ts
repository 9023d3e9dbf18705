// Public-API report: one api/<subpath>.api.md per package subpath, written by API Extractor from
// the built .d.ts files. `npm run api` rewrites the reports (commit them with the change that
// alters the API, so review shows it); `npm run api:check` (part of `npm test`) fails when the
// built API differs from the committed reports.
import { Extractor, ExtractorConfig, ExtractorLogLevel } from '@microsoft/api-extractor';
import { resolve } from 'node:path';
import { ROOT } from './browser.js';

/** Report name → declaration entry point (relative to the repo root). */
export const API_ENTRIES: Readonly<Record<string, string>> = {
  core: 'dist/core/index.d.ts',
  records: 'dist/records/index.d.ts',
  insurance: 'dist/insurance/index.d.ts',
  referrals: 'dist/referrals/index.d.ts',
  billing: 'dist/billing/index.d.ts',
  scheduling: 'dist/scheduling/index.d.ts',
  communications: 'dist/communications/index.d.ts',
  testing: 'dist/testing/index.d.ts',
};

const check = process.argv.includes('--check');
let failed = 0;
for (const [name, entry] of Object.entries(API_ENTRIES)) {
  const config = ExtractorConfig.prepare({
    configObject: {
      projectFolder: ROOT,
      mainEntryPointFilePath: resolve(ROOT, entry),
      compiler: {
        overrideTsconfig: {
          compilerOptions: {
            module: 'NodeNext',
            moduleResolution: 'NodeNext',
            strict: true,
            skipLibCheck: true,
            types: [],
            lib: ['ES2022'],
          },
          files: [resolve(ROOT, entry)],
        },
      },
      apiReport: {
        enabled: true,
        reportFileName: name,
        reportFolder: resolve(ROOT, 'api'),
        reportTempFolder: resolve(ROOT, 'node_modules/.cache/api-report'),
      },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        // Release tags (@public/@beta) are not used: every export of a subpath is public.
        extractorMessageReporting: {
          default: { logLevel: ExtractorLogLevel.None },
          'ae-missing-release-tag': { logLevel: ExtractorLogLevel.None, addToApiReportFile: false },
        },
        tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None } },
        compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.Warning } },
      },
    },
    configObjectFullPath: undefined,
    packageJsonFullPath: resolve(ROOT, 'package.json'),
  });
  const result = Extractor.invoke(config, { localBuild: !check, showVerboseMessages: false });
  if (check && result.apiReportChanged) {
    failed++;
    console.error(
      `api/${name}.api.md differs from the built API: review the change, then run \`npm run api\` and commit.`,
    );
  } else if (!result.succeeded) failed++;
}
if (failed > 0) process.exit(1);
console.log(
  `api: ${Object.keys(API_ENTRIES).length} reports ${check ? 'match the build' : 'written to api/'}`,
);
