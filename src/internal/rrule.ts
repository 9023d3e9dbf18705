/**
 * rrule import shim: the only file that imports rrule.
 *
 * It imports `#rrule`, which the package's `imports` map resolves per environment:
 * - a browser bundle (the `browser` condition: esbuild, webpack, Vite, Rollup's node-resolve)
 *   gets `rrule/dist/esm/rrule.js`, the file of the `RRule` class, instead of rrule's index. rrule
 *   declares no `sideEffects: false` and its index re-exports `RRuleSet` and `rrulestr`, whose
 *   modules run code when loaded, so through the index a bundle keeps them although the library
 *   never uses them (5.8 kB minified, 1.6 kB gzip). rrule has no `exports` map, so the path is one
 *   its package offers; the dependency is pinned to one version, and tests/package checks the
 *   browser bundle (bundleBudgets) and runs a rule through it (treeShaking).
 * - everything else gets `rrule` itself: Node ESM sees rrule's CommonJS build as one default export
 *   (`import { RRule } from 'rrule'` fails there: named export not found), CommonJS and bundlers
 *   give the classes on the module.
 *
 * The module is read through {@link classesOf}, never as `ns.default`: a bundler that finds no
 * default export in the ES module (the browser case) would warn about a property access that is
 * always undefined.
 */
import * as rruleNs from '#rrule';

type RRuleModule = typeof rruleNs;

/** The classes, whichever way the module system delivered them (on the module or its default). */
const classesOf = (ns: Readonly<Record<string, unknown>>): RRuleModule =>
  ('RRule' in ns ? ns : ns['default']) as RRuleModule;

/** The rrule `RRule` class. */
export const RRule: RRuleModule['RRule'] = classesOf(rruleNs).RRule;
/** Options of an RRule, as rrule parses them. */
export type RRuleOptions = rruleNs.Options;
