/**
 * The error shape shared by every module: coded plain objects whose messages name fields and
 * rules, never patient values.
 */
import * as z from 'zod/mini';
import { en } from 'zod/locales';
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
 * zod 4 messages describe expected types and formats, not received values, and the issue's
 * `input` is dropped, so nothing of the patient's data reaches the error.
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

// The library's schemas are built on `zod/mini`, which registers no locale of its own (classic zod
// registers English globally on first use). The English messages are passed to every parse instead
// of being installed in zod's global config, so the messages are the same whether or not the app
// loads classic zod, and the library changes no global state. Built once, on the first parse.
let englishMessages: z.core.$ZodErrorMap | undefined;
const englishErrorMap = (): z.core.$ZodErrorMap => (englishMessages ??= en().localeError);

/**
 * Parses unknown input with a zod schema into an `Either`; never throws.
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
  const r = z.safeParse(schema, input, { error: englishErrorMap() });
  return r.success ? ok(r.data) : err(validationError(model, r.error.issues));
};
