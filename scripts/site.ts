// `npm run docs` (after `npm run build` and typedoc): adds the playground to the typedoc site in
// docs/site/. The playground is examples/playground/main.ts bundled for the browser from dist/.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT, bundleForBrowser } from './browser.js';

/** The playground's files, keyed by their path under the site root. */
export const buildPlayground = async (): Promise<Readonly<Record<string, string>>> => {
  const { js } = await bundleForBrowser(
    { file: resolve(ROOT, 'examples/playground/main.ts') },
    { minify: true },
  );
  const css = readFileSync(resolve(ROOT, 'examples/playground/style.css'), 'utf8');
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>medoffice playground</title>
<link rel="stylesheet" href="playground.css">
<script type="module" src="playground.js"></script>
</head>
<body><p><a href="../index.html">← medoffice documentation</a></p></body>
</html>
`;
  return {
    '/playground/index.html': html,
    '/playground/playground.js': js,
    '/playground/playground.css': css,
  };
};

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const out = resolve(ROOT, 'docs/site');
  const files = await buildPlayground();
  mkdirSync(resolve(out, 'playground'), { recursive: true });
  for (const [path, body] of Object.entries(files)) writeFileSync(resolve(out, `.${path}`), body);
  console.log(
    `docs: playground written to docs/site/playground/ (${Math.round((files['/playground/playground.js']?.length ?? 0) / 1024)} KiB of script)`,
  );
}
