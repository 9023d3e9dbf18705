// The code of a guide region as a reader copies it: the region's statements, preceded by the
// imports they use (from the package's public subpaths, as an app writes them) and by every
// declaration outside the region that they read, so that each snippet defines all its names.
import ts from 'typescript';
import { relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/** A region of an example file: `file#name`, or the whole file when `name` is undefined. */
export interface RegionRef {
  readonly file: string;
  readonly name: string | undefined;
}

/** The public subpath a relative import of `src/` stands for, or undefined for other files. */
export const publicSpecifier = (fromFile: string, spec: string): string | undefined => {
  if (!spec.startsWith('.')) return spec;
  const target = relative(resolve(ROOT, 'src'), resolve(fromFile, '..', spec)).replace(/\\/g, '/');
  if (target === 'index.js') return 'medoffice';
  const m = /^([a-z]+)\/index\.js$/.exec(target);
  return m ? `medoffice/${m[1]}` : undefined;
};

const REGION_LINE = /^[ \t]*\/\/ #(?:end)?region\b[^\n]*\n/gm;

/** The character range of a region's body in a file's text (the whole file without a name). */
const regionRange = (text: string, ref: RegionRef): { start: number; end: number } => {
  if (ref.name === undefined) return { start: 0, end: text.length };
  const open = `// #region ${ref.name}\n`;
  const close = `// #endregion ${ref.name}\n`;
  const start = text.indexOf(open);
  const end = text.indexOf(close);
  if (start < 0 || end < start) throw new Error(`${ref.file}: no region ${ref.name}`);
  return { start: start + open.length, end: text.lastIndexOf('\n', end) + 1 };
};

/** Every region of a file, with its body's character range. */
const regionsOf = (text: string): { name: string; start: number; end: number }[] =>
  [...text.matchAll(/\/\/ #region ([\w-]+)\n/g)].map((m) => ({
    name: m[1] ?? '',
    ...regionRange(text, { file: '', name: m[1] }),
  }));

/** Removes the common leading indentation of a block of lines. */
const dedent = (code: string): string => {
  const lines = code.replace(/\s+$/, '').split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)?.[0].length ?? 0);
  const cut = Math.min(...indents);
  return lines.map((l) => l.slice(cut)).join('\n');
};

/** The statement (in a block or at the top of a file) that holds a declaration. */
const statementOf = (node: ts.Node): ts.Statement | undefined => {
  let n: ts.Node | undefined = node;
  while (n && !(ts.isBlock(n.parent) || ts.isSourceFile(n.parent))) n = n.parent;
  return n as ts.Statement | undefined;
};

const isImportBinding = (d: ts.Declaration): d is ts.ImportSpecifier | ts.ImportClause | ts.NamespaceImport =>
  ts.isImportSpecifier(d) || ts.isImportClause(d) || ts.isNamespaceImport(d);

/** What a snippet imports from one module. */
interface Imported {
  defaultName?: string | undefined;
  namespace?: string | undefined;
  readonly named: Map<string, { readonly typeOnly: boolean; readonly at: number }>;
}

/** Code written before the snippet: a region it reads from, or one declaration. */
interface Piece {
  readonly file: ts.SourceFile;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const renderImport = (spec: string, im: Imported): string => {
  const named = [...im.named].sort(([, a], [, b]) => a.at - b.at);
  const allTypes = named.length > 0 && named.every(([, n]) => n.typeOnly) && !im.defaultName && !im.namespace;
  const list = named.map(([name, n]) => (n.typeOnly && !allTypes ? `type ${name}` : name));
  const heads = [
    ...(im.defaultName ? [im.defaultName] : []),
    ...(im.namespace ? [`* as ${im.namespace}`] : []),
    ...(list.length > 0 ? [`{ ${list.join(', ')} }`] : []),
  ];
  return `import ${allTypes ? 'type ' : ''}${heads.join(', ')} from '${spec}';`;
};

/** Reads example files with one type checker (the tests' compiler options) and writes snippets. */
export class SnippetWriter {
  private readonly program: ts.Program;
  private readonly checker: ts.TypeChecker;

  constructor(files: readonly string[]) {
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
    this.program = ts.createProgram({ rootNames: [...files], options: { ...config.options, noEmit: true } });
    this.checker = this.program.getTypeChecker();
  }

  /** The snippet of a region: imports, outside declarations it reads, then the region's code. */
  snippet(ref: RegionRef): string {
    const source = this.program.getSourceFile(ref.file);
    if (!source) throw new Error(`${ref.file} is not in the program`);
    if (ref.name === undefined) return this.wholeFile(source);
    const { start, end } = regionRange(source.text, ref);
    const imports = new Map<string, Imported>();
    const pieces = new Map<string, Piece>();
    pieces.set(`${source.fileName}#${start}`, { file: source, start, end, text: '' });
    const visit = (file: ts.SourceFile, from: number, to: number) =>
      this.freeNames(file, from, to).forEach((d) => this.need(d, imports, pieces, visit));
    visit(source, start, end);
    pieces.delete(`${source.fileName}#${start}`);
    const lines: string[] = [];
    for (const [spec, im] of imports) lines.push(renderImport(spec, im));
    if (lines.length > 0) lines.push('');
    const ordered = [...pieces.values()].sort(
      (a, b) => a.file.fileName.localeCompare(b.file.fileName) || a.start - b.start,
    );
    for (const piece of ordered) lines.push(piece.text, '');
    lines.push(dedent(source.text.slice(start, end).replace(REGION_LINE, '')));
    return lines.join('\n');
  }

  /** A whole example file: its code as written, with the imports of src/ made public. */
  private wholeFile(source: ts.SourceFile): string {
    let text = source.text.replace(REGION_LINE, '');
    for (const stmt of source.statements)
      if (ts.isImportDeclaration(stmt) && ts.isStringLiteral(stmt.moduleSpecifier)) {
        const spec = publicSpecifier(source.fileName, stmt.moduleSpecifier.text);
        if (spec !== undefined) text = text.replace(`'${stmt.moduleSpecifier.text}'`, `'${spec}'`);
      }
    return text.trimEnd();
  }

  /** Declarations of the names read in `[from, to)` that are not declared there too. */
  private freeNames(file: ts.SourceFile, from: number, to: number): ts.Declaration[] {
    const found = new Set<ts.Declaration>();
    const walk = (node: ts.Node): void => {
      if (node.end <= from || node.getStart(file) >= to) return;
      if (ts.isIdentifier(node) && !this.isMemberName(node)) {
        const symbol = ts.isShorthandPropertyAssignment(node.parent)
          ? this.checker.getShorthandAssignmentValueSymbol(node.parent)
          : this.checker.getSymbolAtLocation(node);
        for (const d of symbol?.declarations ?? []) {
          const inside = d.getSourceFile() === file && d.getStart() >= from && d.end <= to;
          if (!inside && d.getSourceFile() === file) found.add(d);
          else if (
            !inside &&
            !d.getSourceFile().isDeclarationFile &&
            !this.program.isSourceFileFromExternalLibrary(d.getSourceFile())
          )
            found.add(d);
        }
      }
      node.forEachChild(walk);
    };
    walk(file);
    return [...found].filter((d) => !ts.isParameter(d) || d.getSourceFile() !== file || d.end <= from);
  }

  /** `x` in `a.x`, `{ x: 1 }`, `x() {}`: a member, not a variable. */
  private isMemberName(id: ts.Identifier): boolean {
    const p = id.parent;
    return (
      (ts.isPropertyAccessExpression(p) && p.name === id) ||
      (ts.isPropertyAssignment(p) && p.name === id) ||
      (ts.isPropertySignature(p) && p.name === id) ||
      (ts.isPropertyDeclaration(p) && p.name === id) ||
      (ts.isMethodDeclaration(p) && p.name === id) ||
      (ts.isQualifiedName(p) && p.right === id) ||
      (ts.isBindingElement(p) && p.propertyName === id)
    );
  }

  /**
   * Records what a declaration outside the snippet needs: an import; or the whole region that holds
   * it (its other statements, such as a narrowing check, matter too); or its statement.
   */
  private need(
    d: ts.Declaration,
    imports: Map<string, Imported>,
    pieces: Map<string, Piece>,
    visit: (file: ts.SourceFile, from: number, to: number) => void,
  ): void {
    const file = d.getSourceFile();
    if (isImportBinding(d)) {
      const decl = ts.isImportClause(d)
        ? d.parent
        : ts.isNamespaceImport(d)
          ? d.parent.parent
          : d.parent.parent.parent;
      const spec = publicSpecifier(file.fileName, (decl.moduleSpecifier as ts.StringLiteral).text);
      if (spec !== undefined) {
        const im: Imported = imports.get(spec) ?? { named: new Map() };
        const typeOnly = decl.importClause?.isTypeOnly === true || (ts.isImportSpecifier(d) && d.isTypeOnly);
        if (ts.isImportClause(d)) im.defaultName = d.name?.text;
        else if (ts.isNamespaceImport(d)) im.namespace = d.name.text;
        else {
          const was = im.named.get(d.name.text);
          im.named.set(d.name.text, { typeOnly: (was?.typeOnly ?? true) && typeOnly, at: d.getStart() });
        }
        imports.set(spec, im);
        return;
      }
      // Another example file: what it declares is written out as if it were here.
      const symbol = this.checker.getSymbolAtLocation(d.name ?? d);
      const target = symbol ? this.checker.getAliasedSymbol(symbol) : undefined;
      for (const t of target?.declarations ?? []) this.need(t, imports, pieces, visit);
      return;
    }
    const region = regionsOf(file.text).find((r) => d.getStart() >= r.start && d.end <= r.end);
    if (region) {
      const key = `${file.fileName}#${region.start}`;
      if (pieces.has(key)) return;
      const text = dedent(file.text.slice(region.start, region.end).replace(REGION_LINE, ''));
      pieces.set(key, { file, start: region.start, end: region.end, text });
      visit(file, region.start, region.end);
      return;
    }
    if (ts.isParameter(d)) {
      // A parameter of the function around the region: declared with its type.
      const key = `${file.fileName}#${d.getStart(file)}`;
      if (pieces.has(key)) return;
      const type = d.type
        ? d.type.getText(file)
        : this.checker.typeToString(this.checker.getTypeAtLocation(d));
      const text = `declare const ${d.name.getText(file)}: ${type};`;
      pieces.set(key, { file, start: d.getStart(file), end: d.end, text });
      if (d.type) visit(file, d.type.getStart(file), d.type.end);
      return;
    }
    const stmt = statementOf(d);
    if (!stmt) return;
    if (ts.isBlock(stmt.parent)) {
      // Set-up code of the function around the region: every statement before the region, so that
      // the checks narrowing a value come along with its declaration.
      const stmts = stmt.parent.statements;
      const firstRegion = stmts.findIndex((x) =>
        /\/\/ #region\b/.test(file.text.slice(x.getFullStart(), x.end)),
      );
      const upTo = firstRegion < 0 ? [stmt] : stmts.slice(0, firstRegion);
      const first = upTo[0];
      const last = upTo[upTo.length - 1];
      if (first && last && upTo.includes(stmt)) {
        const key = `${file.fileName}#${first.getStart(file)}`;
        if (pieces.has(key)) return;
        const start = first.getStart(file);
        pieces.set(key, { file, start, end: last.end, text: dedent(file.text.slice(start, last.end)) });
        visit(file, start, last.end);
        return;
      }
    }
    const key = `${file.fileName}#${stmt.getStart(file)}`;
    if (pieces.has(key)) return;
    // A function that holds a region of its own is that region's example: declared, not repeated,
    // when its result type can be written by name.
    const fn = this.holdsRegion(stmt, file) ? this.functionOf(stmt) : undefined;
    const stub = fn ? this.stub(stmt, fn, file) : undefined;
    const start = stmt.getStart(file);
    pieces.set(key, { file, start, end: stmt.end, text: stub ?? this.text(stmt, file) });
    if (fn && stub !== undefined) {
      for (const p of fn.parameters) visit(file, p.getStart(file), p.end);
      if (fn.type) visit(file, fn.type.getStart(file), fn.type.end);
    } else visit(file, start, stmt.end);
  }

  private holdsRegion(stmt: ts.Statement, file: ts.SourceFile): boolean {
    return /\/\/ #region\b/.test(file.text.slice(stmt.getStart(file), stmt.end));
  }

  private functionOf(stmt: ts.Statement): ts.SignatureDeclaration | undefined {
    if (ts.isFunctionDeclaration(stmt)) return stmt;
    if (ts.isVariableStatement(stmt)) {
      const init = stmt.declarationList.declarations[0]?.initializer;
      if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) return init;
    }
    return undefined;
  }

  /**
   * `declare function f(...): T;` for a function whose body is an example of its own, or undefined
   * when its result type has no name to write (the function is then written out in full).
   */
  private stub(stmt: ts.Statement, fn: ts.SignatureDeclaration, file: ts.SourceFile): string | undefined {
    const name =
      ts.isFunctionDeclaration(stmt) && stmt.name
        ? stmt.name.text
        : ts.isVariableStatement(stmt)
          ? stmt.declarationList.declarations[0]?.name.getText(file)
          : undefined;
    if (!name || !fn.type) return undefined;
    const params = fn.parameters.map((p) => p.getText(file)).join(', ');
    const region = /\/\/ #region ([\w-]+)/.exec(file.text.slice(stmt.getStart(file), stmt.end))?.[1] ?? name;
    return `declare function ${name}(${params}): ${fn.type.getText(file)}; // the "${region}" example, wrapped in a function`;
  }

  private text(stmt: ts.Statement, file: ts.SourceFile): string {
    const code = file.text.slice(stmt.getStart(file), stmt.end).replace(/^export /, '');
    return dedent(code.replace(REGION_LINE, ''));
  }
}
