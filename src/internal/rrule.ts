/**
 * rrule import shim: the only file that imports rrule.
 *
 * `import { RRule } from 'rrule'` fails in Node ESM (named export not found), Node ESM gives the
 * classes on `default`, CJS gives them on the module, and an esbuild bundle gives them on the
 * namespace with no `default`. Taking `ns.X ?? ns.default.X` serves all three.
 */
import * as rruleNs from 'rrule';

type RRuleModule = typeof rruleNs;
const ns = rruleNs as RRuleModule & { readonly default?: RRuleModule };
const mod: RRuleModule = ns.RRule === undefined && ns.default ? ns.default : ns;

/** The rrule `RRule` class, whichever way the module system delivered it. */
export const RRule: RRuleModule['RRule'] = mod.RRule;
/** The rrule `rrulestr` parser. */
export const rrulestr: RRuleModule['rrulestr'] = mod.rrulestr;
/** Options of an RRule, as rrule parses them. */
export type RRuleOptions = rruleNs.Options;
