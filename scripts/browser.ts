// Browser tooling shared by the browser tests and the docs-site build: an esbuild bundle of code
// that imports the library as users do (through the package's subpath exports, i.e. dist/), a
// tiny static server on 127.0.0.1, and Debian's Chromium driven by playwright-core.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { build, type Metafile, type Plugin } from 'esbuild';
import { chromium, type BrowserContext } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '..');
export const CHROMIUM = '/usr/bin/chromium';

const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

/**
 * Browser code in this repo imports the library by relative path to `src/<module>/index.js`, so tsc
 * checks it before anything is built. When bundling, those imports are sent to the package's own
 * subpath (`medoffice/<module>`), so the bundle runs what users get: dist/ through the exports map.
 */
const throughPackageExports: Plugin = {
  name: 'medoffice-package-exports',
  setup(b) {
    b.onResolve({ filter: /\/src\/(index|[a-z]+\/index)\.js$/ }, async (args) => {
      if (!args.importer.startsWith(ROOT) || args.importer.includes('/src/')) return undefined;
      const m = /\/src\/(?:([a-z]+)\/)?index\.js$/.exec(args.path);
      const spec = m?.[1] ? `medoffice/${m[1]}` : 'medoffice';
      return b.resolve(spec, { kind: args.kind, resolveDir: ROOT });
    });
    // A Node built-in must never reach a browser bundle: fail loudly, naming the importer.
    b.onResolve({ filter: /.*/ }, (args) =>
      NODE_BUILTINS.has(args.path)
        ? {
            errors: [
              {
                text: `Node built-in "${args.path}" imported by ${args.importer} leaks into the browser bundle`,
              },
            ],
          }
        : undefined,
    );
  },
};

export interface BrowserBundle {
  readonly js: string;
  readonly metafile: Metafile;
  /**
   * Original source files (relative to the repo root) with the number of mapped code segments
   * each has in the output. esbuild composes the sourcemaps of dist/ chunks, so this names the
   * `src/` files whose code survived tree-shaking, which the chunk-level metafile cannot.
   */
  readonly mappedSources: Readonly<Record<string, number>>;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes one base64 VLQ sourcemap segment. */
const decodeSegment = (segment: string): number[] => {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = B64.indexOf(ch);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
};

/** Segment count per source of a sourcemap (v3), with sources resolved against `dir`. */
const countMappedSources = (
  map: { sources: string[]; mappings: string },
  dir: string,
): Record<string, number> => {
  const counts: Record<string, number> = {};
  let source = 0;
  for (const line of map.mappings.split(';'))
    for (const segment of line.split(',')) {
      const fields = segment ? decodeSegment(segment) : [];
      if (fields.length < 4) continue;
      source += fields[1] ?? 0;
      const name = resolve(dir, map.sources[source] ?? '?').slice(ROOT.length + 1);
      counts[name] = (counts[name] ?? 0) + 1;
    }
  return counts;
};

/** Bundles one entry for the browser (platform browser, ESM, no Node built-ins allowed). */
export const bundleForBrowser = async (
  entry: { readonly file: string } | { readonly contents: string },
  options: { readonly minify?: boolean; readonly external?: readonly string[] } = {},
): Promise<BrowserBundle> => {
  const result = await build({
    ...('file' in entry
      ? { entryPoints: [entry.file] }
      : {
          stdin: {
            contents: entry.contents,
            resolveDir: ROOT,
            loader: 'ts' as const,
            sourcefile: 'entry.ts',
          },
        }),
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    metafile: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    minify: options.minify ?? false,
    external: [...(options.external ?? [])],
    logLevel: 'silent',
    sourcemap: 'external',
    outdir: join(ROOT, 'node_modules/.cache/browser-bundle'),
    plugins: [throughPackageExports],
  });
  const out = result.outputFiles.find((f) => f.path.endsWith('.js'));
  const map = result.outputFiles.find((f) => f.path.endsWith('.js.map'));
  if (!out || !map) throw new Error('esbuild produced no output');
  return {
    js: out.text,
    metafile: result.metafile,
    mappedSources: countMappedSources(JSON.parse(map.text) as never, dirname(map.path)),
  };
};

/** Input files of a bundle that contributed bytes to its output. */
export const includedInputs = (metafile: Metafile): readonly string[] =>
  Object.values(metafile.outputs).flatMap((o) =>
    Object.entries(o.inputs)
      .filter(([, v]) => v.bytesInOutput > 0)
      .map(([k]) => k),
  );

export interface StaticServer {
  readonly url: string;
  readonly close: () => Promise<void>;
}

const TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json',
  svg: 'image/svg+xml',
};

/** Serves in-memory files (path → body) on 127.0.0.1 at a free port. */
export const serveFiles = async (files: Readonly<Record<string, string>>): Promise<StaticServer> => {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname.replace(/\/$/, '/index.html');
    const body = files[path];
    if (body === undefined) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.split('.').pop() ?? ''] ?? 'application/octet-stream' });
    res.end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((ok, ko) => server.close((e) => (e ? ko(e) : ok()))),
  };
};

/**
 * Whether the browser tests can run. Chromium missing is a skip (with the reason) on a developer
 * machine, and a failure under CI=true, where .ci/run installs it.
 */
export const chromiumStatus = (): { readonly run: boolean; readonly reason: string } =>
  existsSync(CHROMIUM)
    ? { run: true, reason: '' }
    : process.env['CI'] === 'true'
      ? { run: true, reason: `${CHROMIUM} is missing under CI=true: .ci/run must install it` }
      : {
          run: false,
          reason: `browser tests skipped: ${CHROMIUM} not found (apt-get install -y chromium; CI=true makes this a failure)`,
        };

/**
 * Starts a fresh headless Debian Chromium (new empty profile, no background networking; the
 * machine's network is closed). Never downloads a browser. `close` also removes the profile.
 */
export const launchChromium = async (): Promise<{
  readonly context: BrowserContext;
  readonly close: () => Promise<void>;
}> => {
  const profile = mkdtempSync(join(tmpdir(), 'medoffice-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
};

/** Runs `fn` in a fresh Chromium from {@link launchChromium}, closing it afterwards. */
export const withChromium = async <T>(fn: (context: BrowserContext) => Promise<T>): Promise<T> => {
  const browser = await launchChromium();
  try {
    return await fn(browser.context);
  } finally {
    await browser.close();
  }
};
