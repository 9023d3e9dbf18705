/**
 * Rendering letters: every merge field filled, or a coded error listing each missing one; minimum
 * necessary per recipient kind enforced by field allowlists; text and escaped HTML.
 */
import type { PatientId } from '../core/ids.js';
import type { DomainError } from '../core/errors.js';
import { err, ok, type Either } from '../core/result.js';
import {
  LETTER_FIELDS,
  RECIPIENT_ALLOWLIST,
  type LetterTemplate,
  type RecipientKind,
} from './letterTemplates.js';
import { readability, type Readability } from './readability.js';

/** The letter's recipient: its kind (for minimum necessary), name, and id when it is a provider. */
export interface LetterRecipient {
  readonly kind: RecipientKind;
  readonly name: string;
  /** The recipient's id (a provider's), checked against `LetterData.referredTo`. */
  readonly id?: string;
}

/**
 * What fills a letter: the patient it is about, the merge fields, and the patient of every record
 * the fields were taken from (so that a letter built from two charts is refused).
 */
export interface LetterData {
  readonly patient: PatientId;
  readonly fields: Readonly<Record<string, string>>;
  readonly sourcePatients?: readonly PatientId[];
  /**
   * The id of the provider the referral names: a letter about that referral addressed to anyone
   * else (or to a recipient without an id) is refused (reference edge case 30).
   */
  readonly referredTo?: string;
}

/** A rendered letter. */
export interface RenderedLetter {
  readonly text: string;
  /** The same letter as HTML: every value escaped, paragraphs in `<p>`, lines joined by `<br>`. */
  readonly html: string;
  /** The merge fields used, in order of first use. */
  readonly fields: readonly string[];
  /** Readability of the text (patient letters are meant to be at grade 8 or below). */
  readonly readability: Readability;
}

/** Why a letter was not rendered; `fields` lists every field concerned (names only, never values). */
export interface LetterError extends DomainError<
  | 'letter.missing-fields'
  | 'letter.field-not-allowed'
  | 'letter.unknown-field'
  | 'letter.recipient-not-allowed'
  | 'letter.template-syntax'
  | 'letter.patient-mismatch'
  | 'letter.recipient-mismatch'
  | 'letter.notice-too-short'
> {
  readonly fields: readonly string[];
}

/** The shortest dismissal notice accepted, in days (AMA Opinion 1.1.5: long enough to find another physician; commonly 30). */
const MIN_NOTICE_DAYS = 30;
/** Values that are a blank in disguise: a merge that printed nothing, or a program's empty value. */
const BLANK_VALUES: ReadonlySet<string> = new Set(['undefined', 'null', 'nan', '[object object]']);

const isBlank = (v: string | undefined): boolean =>
  typeof v !== 'string' || v.trim() === '' || BLANK_VALUES.has(v.trim().toLowerCase());

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes the five HTML-significant characters, copying the runs between them whole. */
const escapeHtml = (s: string): string => {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const entity = ENTITIES[s[i] as string];
    if (entity === undefined) continue;
    out += s.slice(from, i) + entity;
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
};

/** The template as literal text and field names, in order; undefined when a `{{` is not closed. */
const parts = (body: string): readonly { readonly text: string; readonly field?: string }[] | undefined => {
  const out: { text: string; field?: string }[] = [];
  let i = 0;
  while (i < body.length) {
    const open = body.indexOf('{{', i);
    if (open < 0) {
      out.push({ text: body.slice(i) });
      break;
    }
    const close = body.indexOf('}}', open + 2);
    if (close < 0) return undefined;
    out.push({ text: body.slice(i, open) });
    out.push({ text: '', field: body.slice(open + 2, close).trim() });
    i = close + 2;
  }
  return out;
};

const fail = (
  code: LetterError['code'],
  fields: readonly string[],
  message: string,
): Either<LetterError, RenderedLetter> => err({ code, fields, message });

/**
 * Renders a letter for a recipient.
 *
 * Checks, in order, each failing with every field concerned: the template's syntax (`{{` closed);
 * that the template is meant for this recipient kind; that every merge field is a known field
 * (`LETTER_FIELDS`) and its category is allowed for the recipient (minimum necessary, fails
 * closed: a referral's diagnoses never reach a family member); that every source record belongs to
 * the letter's patient; that a letter about a referral (`referredTo`) goes to the provider the
 * referral names; that no field is missing, empty, whitespace-only or a literal
 * `undefined`/`null` (all missing fields listed at once, never a partial letter); and, for a
 * dismissal, a notice of at least 30 days. `recipientName` comes from the recipient.
 *
 * @param template - a built-in template (`LETTER_TEMPLATES`) or the practice's own
 * @param data - the patient, the merge fields and the patients of the source records
 * @param recipient - who receives it
 * @returns `Right({ text, html, fields, readability })` or `Left` with code
 *   `letter.template-syntax`, `letter.recipient-not-allowed`, `letter.unknown-field`,
 *   `letter.field-not-allowed`, `letter.patient-mismatch`, `letter.recipient-mismatch`, `letter.missing-fields` or
 *   `letter.notice-too-short`, and `fields` naming each field concerned
 * @example
 * const patient = parseWith('PatientId', PatientIdSchema, 'pat-1');
 * const fields = { practiceName: 'Elm Street Clinic', practiceAddress: '1 Elm St', practicePhone: '555-0100', letterDate: 'November 23, 2026' };
 * if (isOk(patient)) renderLetter(LETTER_TEMPLATES.recall, { patient: patient.right, fields }, { kind: 'patient', name: 'Ana Lima' });
 */
export const renderLetter = (
  template: LetterTemplate,
  data: LetterData,
  recipient: LetterRecipient,
): Either<LetterError, RenderedLetter> => {
  const pieces = parts(template.body);
  if (pieces === undefined)
    return fail('letter.template-syntax', [], 'template.body has a {{ without its }}');
  if (!template.recipients.includes(recipient.kind))
    return fail(
      'letter.recipient-not-allowed',
      [],
      `template ${template.id} is not meant for a ${recipient.kind} recipient`,
    );
  const used: string[] = [];
  for (const p of pieces) if (p.field !== undefined && !used.includes(p.field)) used.push(p.field);
  const unknown = used.filter((f) => !Object.hasOwn(LETTER_FIELDS, f));
  if (unknown.length > 0)
    return fail(
      'letter.unknown-field',
      unknown,
      `template uses fields that are not letter fields: ${unknown.join(', ')}`,
    );
  const allowed = RECIPIENT_ALLOWLIST[recipient.kind];
  const refused = used.filter((f) => !allowed.includes(LETTER_FIELDS[f] ?? 'clinical'));
  if (refused.length > 0)
    return fail(
      'letter.field-not-allowed',
      refused,
      `minimum necessary: a ${recipient.kind} recipient may not receive ${refused.join(', ')}`,
    );
  if ((data.sourcePatients ?? []).some((p) => p !== data.patient))
    return fail(
      'letter.patient-mismatch',
      [],
      'sourcePatients: a record of another patient was used to fill this letter',
    );
  if (data.referredTo !== undefined && recipient.id !== data.referredTo)
    return fail(
      'letter.recipient-mismatch',
      [],
      'recipient.id: the letter is addressed to another provider than the referral names (referredTo)',
    );
  const values: Record<string, string> = { ...data.fields, recipientName: recipient.name };
  const missing = used.filter((f) => isBlank(Object.hasOwn(values, f) ? values[f] : undefined));
  if (missing.length > 0)
    return fail('letter.missing-fields', missing, `missing merge fields: ${missing.join(', ')}`);
  if (used.includes('noticeDays')) {
    const days = Number(values['noticeDays']);
    if (!Number.isFinite(days) || days < MIN_NOTICE_DAYS)
      return fail(
        'letter.notice-too-short',
        ['noticeDays'],
        `noticeDays must be a number of at least ${MIN_NOTICE_DAYS}`,
      );
  }
  const text = pieces.map((p) => (p.field === undefined ? p.text : (values[p.field] ?? '').trim())).join('');
  const html = pieces
    .map((p) => escapeHtml(p.field === undefined ? p.text : (values[p.field] ?? '').trim()))
    .join('')
    .split('\n\n')
    .map((para) => `<p>${para.split('\n').join('<br>')}</p>`)
    .join('\n');
  return ok({ text, html, fields: used, readability: readability(text) });
};
