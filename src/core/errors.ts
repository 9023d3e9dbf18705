/**
 * The error shape shared by every module: coded plain objects whose messages name fields and
 * rules, never patient values.
 */
import * as z from 'zod/mini';
import { err, ok, type Either } from './result.js';

/**
 * Every error in medoffice: a stable `code` (`'module.rule'`), a message for people, and details
 * that are plain data. Messages and details never carry patient values.
 */
export interface DomainError<C extends string = string> {
  /** Stable, dotted code to switch on, such as `'slot.outside-availability'`. */
  readonly code: C;
  /** Human-readable sentence naming the field and the rule broken. */
  readonly message: string;
}

/** One broken rule in an input: where (dotted field path) and which rule. */
export interface ValidationIssue {
  /** Dotted field path, such as `names.0.family` (empty for the root). */
  readonly path: string;
  /** The rule that failed, such as `invalid_type` or `too_small`. */
  readonly rule: string;
  /** Sentence naming the field and rule; never the offending value. */
  readonly message: string;
}

/** The error every `parseX` returns: all issues found, each with its field path. */
export interface ValidationError extends DomainError<'validation.failed'> {
  /** Name of the model being parsed, such as `Patient`. */
  readonly model: string;
  /** Every issue found, in schema order. */
  readonly issues: readonly ValidationIssue[];
}

/**
 * Formats a zod path as a dotted string.
 *
 * @param path - zod issue path
 * @returns `a.0.b`, or `(root)` when empty
 * @example
 * fieldPath(['names', 0, 'family']); // 'names.0.family'
 */
export const fieldPath = (path: readonly PropertyKey[]): string =>
  path.length === 0 ? '(root)' : path.map((p) => String(p)).join('.');

/**
 * Builds a {@link ValidationError} from zod issues.
 *
 * The messages (the library's own, from {@link parseWith}, or the schema's) describe the rule and
 * the expected type or format, not the received value, and the issue's `input` is dropped, so
 * nothing of the patient's data reaches the error.
 *
 * @param model - the model name, such as `Patient`
 * @param issues - issues from a failed `safeParse`
 * @returns a coded error listing every issue with its field path
 * @example
 * const r = PatientIdSchema.safeParse('');
 * if (!r.success) validationError('PatientId', r.error.issues);
 */
export const validationError = (model: string, issues: readonly z.core.$ZodIssue[]): ValidationError => {
  const list = issues.map((i) => ({
    path: fieldPath(i.path),
    // A custom check may name its own rule (`rrule.invalid-weekday`) instead of zod's `custom`.
    rule: i.code === 'custom' && typeof i.params?.['rule'] === 'string' ? i.params['rule'] : i.code,
    message: `${fieldPath(i.path)}: ${i.message}`,
  }));
  return {
    code: 'validation.failed',
    model,
    message: `${model} is invalid: ${list.map((i) => i.message).join('; ')}`,
    issues: list,
  };
};

// The units a size bound counts, by the kind of value bounded (zod's issue `origin`).
const SIZE_UNITS: Readonly<Record<string, string>> = { string: 'character', array: 'item', set: 'item' };

/** The kind of a value, never the value: `null`, `array`, `NaN` or its `typeof`. */
const kindOf = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isNaN(value) ? 'NaN' : typeof value;

/** A value from the schema (an enum member, a literal), quoted when it is text. */
const shown = (value: unknown): string => (typeof value === 'string' ? `'${value}'` : String(value));

/**
 * The message of one zod issue: which rule failed, in a few words, from what the schema expected
 * and the kind of value received, never the value itself. The library's schemas are built on
 * `zod/mini`, which installs no messages of its own (classic zod registers its English locale on
 * first use); these are passed to every parse instead of zod's English locale, which weighs 2.7 kB
 * minified in a browser bundle, and without touching zod's global config, so the messages are the
 * same whether or not the app loads classic zod. A check that names its own message keeps it.
 */
const issueMessage: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}, received ${kindOf(issue.input)}`;
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const limit = small ? issue.minimum : issue.maximum;
      const bound = issue.exact
        ? 'exactly'
        : small
          ? issue.inclusive
            ? 'at least'
            : 'more than'
          : issue.inclusive
            ? 'at most'
            : 'less than';
      const unit = SIZE_UNITS[issue.origin];
      const counted = unit === undefined ? '' : ` ${unit}${Number(limit) === 1 ? '' : 's'}`;
      return `too ${small ? 'small' : 'big'}: expected ${bound} ${String(limit)}${counted}`;
    }
    case 'invalid_value':
      return `expected ${issue.values.length === 1 ? '' : 'one of '}${issue.values.map(shown).join(', ')}`;
    case 'invalid_format':
      return issue.format === 'regex' && issue.pattern !== undefined
        ? `does not match ${issue.pattern}`
        : `not a valid ${issue.format}`;
    case 'not_multiple_of':
      return `expected a multiple of ${issue.divisor}`;
    case 'unrecognized_keys':
      return `unrecognized key${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map(shown).join(', ')}`;
    case 'invalid_union': {
      // A discriminated union names the allowed values of the discriminator (the issue's path).
      const options: readonly unknown[] = Array.isArray(issue.options) ? issue.options : [];
      return options.length > 0
        ? `expected one of ${options.map(shown).join(', ')}`
        : `matches ${issue.inclusive === false ? 'more than one' : 'none'} of the allowed forms`;
    }
    case 'invalid_key':
    case 'invalid_element':
      return `invalid ${issue.code === 'invalid_key' ? 'key' : 'element'} in ${issue.origin}`;
    default:
      return 'invalid input';
  }
};

/**
 * Parses unknown input with a zod schema into an `Either`; never throws.
 *
 * Each issue's message is the schema's own where it states one, else the library's short sentence
 * for the issue's code (`too small: expected at least 1 character`, `expected one of 'new',
 * 'established'`), naming the rule and never the value.
 *
 * @param model - the model name used in the error
 * @param schema - the zod schema
 * @param input - anything
 * @returns `Right(value)` or `Left(ValidationError)` with every issue
 * @example
 * parseWith('PatientId', PatientIdSchema, 'pat-1'); // Right('pat-1')
 */
export const parseWith = <S extends z.core.$ZodType>(
  model: string,
  schema: S,
  input: unknown,
): Either<ValidationError, z.output<S>> => {
  const r = z.safeParse(schema, input, { error: issueMessage });
  return r.success ? ok(r.data) : err(validationError(model, r.error.issues));
};
