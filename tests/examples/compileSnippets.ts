// Type-checks code as a user copies it: each snippet is its own module that imports `medoffice`,
// `medoffice/<module>` (mapped to src/, so no build is needed) and the dev dependencies, under the
// repository's strict compiler options. Shared by the guide and @example checks.
import ts from 'typescript';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

export interface Snippet {
  /** Where the code comes from, for the failure message. */
  readonly name: string;
  readonly code: string;
}

/** Compiler errors per snippet name (snippets without errors are left out). */
export const snippetErrors = (snippets: readonly Snippet[]): Record<string, string[]> => {
  const config = ts.getParsedCommandLineOfConfigFile(
    resolve(ROOT, 'tsconfig.test.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error('tsconfig.test.json could not be read');
  const options: ts.CompilerOptions = {
    ...config.options,
    noEmit: true,
    baseUrl: ROOT,
    paths: { medoffice: ['src/index.ts'], 'medoffice/*': ['src/*/index.ts'] },
  };
  // Virtual files beside the repository's root, so that node_modules resolves as for a user.
  const files = new Map(
    snippets.map((s, i) => [resolve(ROOT, `snippet-${i}.ts`), `${s.code}\nexport {};\n`]),
  );
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (f) => files.has(f) || fileExists.call(host, f);
  host.readFile = (f) => files.get(f) ?? readFile.call(host, f);
  host.getSourceFile = (f, lang, ...rest) => {
    const text = files.get(f);
    return text !== undefined
      ? ts.createSourceFile(f, text, lang, true)
      : getSourceFile.call(host, f, lang, ...rest);
  };
  const program = ts.createProgram({ rootNames: [...files.keys()], options, host });
  const out: Record<string, string[]> = {};
  [...files.keys()].forEach((file, i) => {
    const source = program.getSourceFile(file);
    const diagnostics = [
      ...program.getSyntacticDiagnostics(source),
      ...program.getSemanticDiagnostics(source),
    ];
    if (diagnostics.length === 0) return;
    out[snippets[i]?.name ?? file] = diagnostics.map((d) => {
      const line =
        d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
      return `line ${line}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
    });
  });
  return out;
};
