/**
 * Built-in letter templates and the field allowlists behind minimum necessary (45 CFR 164.502(b),
 * 164.514(d)): every merge field belongs to a category, and each recipient kind may receive only
 * some categories. A template asking for a field outside its recipient's allowlist is refused
 * (fails closed), never silently blanked. Required elements per letter follow the reference §4.1
 * (AMA Code of Medical Ethics Opinion 1.1.5 for dismissal; 29 CFR 2560.503-1 for appeal routes).
 */

/** Who receives a letter. */
export type RecipientKind = 'patient' | 'specialist' | 'payer' | 'attorney' | 'family';

/** What a merge field reveals. */
export type FieldCategory =
  'contact' | 'identity' | 'logistics' | 'clinical' | 'financial' | 'authorization' | 'release';

/** The category of every merge field a template may use. */
export const LETTER_FIELDS: Readonly<Record<string, FieldCategory>> = {
  practiceName: 'contact',
  practicePhone: 'contact',
  practiceAddress: 'contact',
  recipientName: 'contact',
  letterDate: 'contact',
  patientName: 'identity',
  patientDob: 'identity',
  appointmentDate: 'logistics',
  appointmentTime: 'logistics',
  location: 'logistics',
  providerName: 'logistics',
  preparation: 'logistics',
  noShowPolicy: 'logistics',
  effectiveDate: 'logistics',
  noticeDays: 'logistics',
  referringProvider: 'logistics',
  urgency: 'logistics',
  referralReason: 'clinical',
  clinicalQuestion: 'clinical',
  diagnoses: 'clinical',
  medications: 'clinical',
  allergies: 'clinical',
  pertinentResults: 'clinical',
  expectedBack: 'clinical',
  serviceDate: 'financial',
  serviceName: 'financial',
  payerReason: 'financial',
  amountOwed: 'financial',
  appealDeadline: 'financial',
  practiceAction: 'financial',
  authorizationNumber: 'authorization',
  authorizedVisits: 'authorization',
  authorizationValidThrough: 'authorization',
  enclosures: 'release',
  dateRange: 'release',
  pageCount: 'release',
  legalBasis: 'release',
};

/**
 * Categories each recipient kind may receive (reference §4.2): the patient their own logistics,
 * money and releases (no clinical detail in mailed letters, practice policy); a specialist what the
 * referral needs; a payer what the authorization or claim needs; an attorney what the release
 * covers, and no clinical content in the cover letter; a family member logistics only.
 */
export const RECIPIENT_ALLOWLIST: Readonly<Record<RecipientKind, readonly FieldCategory[]>> = {
  patient: ['contact', 'identity', 'logistics', 'financial', 'release'],
  specialist: ['contact', 'identity', 'logistics', 'clinical', 'authorization', 'release'],
  payer: ['contact', 'identity', 'logistics', 'authorization', 'financial', 'release'],
  attorney: ['contact', 'identity', 'release'],
  family: ['contact', 'logistics'],
};

/** A letter template: its recipients and a body with `{{field}}` merge fields. */
export interface LetterTemplate {
  readonly id: string;
  readonly title: string;
  readonly recipients: readonly RecipientKind[];
  readonly body: string;
}

/** What every built-in letter opens with: the letterhead, the date and the greeting. */
const LETTERHEAD = [
  '{{practiceName}}',
  '{{practiceAddress}}',
  '{{letterDate}}',
  '',
  'Dear {{recipientName}},',
  '',
];
/** How a letter closes unless it says otherwise. */
const SINCERELY = ['Sincerely,', '{{practiceName}}'];

/**
 * A built-in template: the letterhead and greeting, the body's lines (an empty line between
 * paragraphs), an empty line and the close.
 */
const letter = (
  id: string,
  title: string,
  recipients: readonly RecipientKind[],
  lines: readonly string[],
  close: readonly string[] = SINCERELY,
): LetterTemplate => ({
  id,
  title,
  recipients,
  body: [...LETTERHEAD, ...lines, '', ...close].join('\n'),
});

/** The built-in templates. Patient letters are written at or below the 8th grade (tested). */
export const LETTER_TEMPLATES = {
  'appointment-confirmation': letter(
    'appointment-confirmation',
    'Appointment confirmation',
    ['patient'],
    [
      'This letter confirms your visit with {{providerName}} on {{appointmentDate}} at {{appointmentTime}}.',
      'The visit is at {{location}}.',
      '',
      'Please come 15 minutes early. {{preparation}}',
      'Bring a photo ID, your insurance card and a list of the medicines you take.',
      '',
      'To change or cancel, call us at {{practicePhone}}.',
    ],
  ),
  'no-show': letter(
    'no-show',
    'Missed appointment',
    ['patient'],
    [
      'We missed you at your visit on {{appointmentDate}} at {{appointmentTime}}.',
      'We want to help you stay well. Please call us at {{practicePhone}} to set up a new time.',
      '',
      'Our policy on missed visits: {{noShowPolicy}}',
    ],
  ),
  discharge: letter(
    'discharge',
    'Ending our care',
    ['patient'],
    [
      'We will no longer be your medical office after {{effectiveDate}}.',
      'That gives you {{noticeDays}} days to find a new doctor.',
      'Until that date, we will still see you for urgent care and emergencies.',
      'In an emergency, call 911.',
      '',
      'Your insurer or the county medical society can help you find a new doctor.',
      'We will send a copy of your records to your new doctor when you sign a release.',
      'Call us at {{practicePhone}} with any questions.',
    ],
  ),
  referral: letter(
    'referral',
    'Referral',
    ['specialist'],
    [
      'I am referring {{patientName}} (date of birth {{patientDob}}) for: {{referralReason}}.',
      'Urgency: {{urgency}}.',
      'Clinical question: {{clinicalQuestion}}',
      '',
      'Diagnoses: {{diagnoses}}',
      'Current medications: {{medications}}',
      'Allergies: {{allergies}}',
      'Pertinent results: {{pertinentResults}}',
      '',
      'Authorization {{authorizationNumber}}: {{authorizedVisits}} visits, valid through {{authorizationValidThrough}}.',
      'Please send back: {{expectedBack}}.',
    ],
    ['Thank you,', '{{referringProvider}}, {{practiceName}}, {{practicePhone}}'],
  ),
  'denial-explanation': letter(
    'denial-explanation',
    'About your insurance denial',
    ['patient'],
    [
      'Your health plan did not pay for {{serviceName}} on {{serviceDate}}.',
      'The plan said: {{payerReason}}',
      'You owe {{amountOwed}} for now.',
      '',
      'You can ask your plan to look at this again. This is called an appeal.',
      'Your plan must get your appeal by {{appealDeadline}}.',
      'What we will do: {{practiceAction}}',
      '',
      'Call us at {{practicePhone}} with any questions.',
    ],
  ),
  recall: letter(
    'recall',
    'Time for your visit',
    ['patient'],
    [
      'It is time for your next visit with us.',
      'Please call us at {{practicePhone}} to set up a time that works for you.',
    ],
  ),
  'records-release-cover': letter(
    'records-release-cover',
    'Records release',
    ['patient', 'attorney', 'specialist', 'payer'],
    [
      'Enclosed are records of {{patientName}}: {{enclosures}}, {{dateRange}}, {{pageCount}} pages.',
      'They are released under {{legalBasis}}.',
      '',
      'These records are confidential. Do not share them further unless the law or the patient allows it.',
      'Questions: {{practicePhone}}.',
    ],
  ),
} as const satisfies Readonly<Record<string, LetterTemplate>>;

/** The id of a built-in template. */
export type BuiltInLetter = keyof typeof LETTER_TEMPLATES;
