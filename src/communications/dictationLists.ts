/**
 * The lists the dictation checker applies, as data with their sources:
 * - The Joint Commission, "Facts about the Official 'Do Not Use' List" (jointcommission.org),
 *   Information Management standard IM.02.02.01;
 * - ISMP, "List of Error-Prone Abbreviations, Symbols, and Dose Designations" (ismp.org);
 * - FDA Name Differentiation Project (fda.gov) and ISMP's additional tall-man list (ismp.org), plus
 *   frequently reported confusions (hydralazine/hydrochlorothiazide, tramadol/trazodone, ...).
 */

/** How serious a finding is: TJC items are errors, ISMP items warnings, LASA mentions advisories. */
export type Severity = 'error' | 'warning' | 'advisory';
/** Which list a rule comes from. */
export type DictationSource = 'TJC' | 'ISMP' | 'FDA/ISMP LASA';

/** A checker rule: stable id, list, severity, the problem and the list's preferred form. */
export interface DictationRule {
  readonly id: string;
  readonly source: DictationSource;
  readonly severity: Severity;
  readonly problem: string;
  readonly suggestion: string;
}

const tjc = (id: string, problem: string, suggestion: string): DictationRule => ({
  id,
  source: 'TJC',
  severity: 'error',
  problem,
  suggestion,
});
const ismp = (id: string, problem: string, suggestion: string): DictationRule => ({
  id,
  source: 'ISMP',
  severity: 'warning',
  problem,
  suggestion,
});

/** Every rule by id. */
export const DICTATION_RULES = {
  'TJC-U': tjc('TJC-U', 'U (unit) is mistaken for 0, 4 or cc', "write 'unit'"),
  'TJC-IU': tjc('TJC-IU', 'IU is mistaken for IV or 10', "write 'International Unit'"),
  'TJC-QD': tjc('TJC-QD', 'Q.D. (daily) and Q.O.D. are mistaken for each other', "write 'daily'"),
  'TJC-QOD': tjc(
    'TJC-QOD',
    'Q.O.D. (every other day): the period after Q is read as I, the O as I',
    "write 'every other day'",
  ),
  'TJC-TRAILING-ZERO': tjc(
    'TJC-TRAILING-ZERO',
    'a trailing zero before a dose unit: the decimal point is missed (1.0 mg read as 10 mg)',
    'write the dose without the trailing zero (1 mg)',
  ),
  'TJC-LEADING-ZERO': tjc(
    'TJC-LEADING-ZERO',
    'a dose without a leading zero: the decimal point is missed (.5 mg read as 5 mg)',
    'write a zero before the decimal point (0.5 mg)',
  ),
  'TJC-MS': tjc(
    'TJC-MS',
    'MS can mean morphine sulfate or magnesium sulfate',
    "write 'morphine sulfate' or 'magnesium sulfate'",
  ),
  'TJC-MSO4-MGSO4': tjc(
    'TJC-MSO4-MGSO4',
    'MSO4 and MgSO4 are confused for one another',
    "write 'morphine sulfate' or 'magnesium sulfate'",
  ),
  'ISMP-MICROGRAM': ismp('ISMP-MICROGRAM', 'µg is read as mg', "write 'mcg'"),
  'ISMP-EAR': ismp(
    'ISMP-EAR',
    'AD, AS, AU (ears) are read as OD, OS, OU (eyes)',
    "write 'right ear', 'left ear' or 'each ear'",
  ),
  'ISMP-EYE': ismp(
    'ISMP-EYE',
    'OD, OS, OU (eyes) are read as AD, AS, AU (ears); OD also means once daily',
    "write 'right eye', 'left eye', 'each eye' or 'daily'",
  ),
  'ISMP-BT': ismp('ISMP-BT', 'BT (bedtime) is read as BID', "write 'bedtime'"),
  'ISMP-CC': ismp('ISMP-CC', 'cc is read as u (units)', "write 'mL'"),
  'ISMP-DC': ismp('ISMP-DC', 'D/C means discharge or discontinue', "write 'discharge' or 'discontinue'"),
  'ISMP-IJ': ismp('ISMP-IJ', 'IJ (injection) is read as IV or intrajugular', "write 'injection'"),
  'ISMP-HS-UPPER': ismp('ISMP-HS-UPPER', 'HS (half-strength) is read as bedtime', "write 'half-strength'"),
  'ISMP-HS-LOWER': ismp('ISMP-HS-LOWER', 'hs (bedtime) is read as half-strength', "write 'bedtime'"),
  'ISMP-OJ': ismp('ISMP-OJ', 'OJ (orange juice) is read as OD or OS', "write 'orange juice'"),
  'ISMP-PER-OS': ismp('ISMP-PER-OS', 'per os: os is read as left eye', "write 'by mouth' or 'orally'"),
  'ISMP-QHS': ismp('ISMP-QHS', 'qhs is read as qhr (every hour)', "write 'nightly' or 'at bedtime'"),
  'ISMP-QN': ismp('ISMP-QN', 'qn is read as qh (every hour)', "write 'nightly'"),
  'ISMP-Q1D': ismp('ISMP-Q1D', 'q1d is read as q.i.d.', "write 'daily'"),
  'ISMP-QPM': ismp('ISMP-QPM', 'q6PM and the like are read as every 6 hours', "write 'daily at 6 PM'"),
  'ISMP-SUBCUT': ismp(
    'ISMP-SUBCUT',
    'SC is read as SL, SQ as 5 every, q as every',
    "write 'subcut' or 'subcutaneously'",
  ),
  'ISMP-SSI': ismp(
    'ISMP-SSI',
    'SSI (sliding scale insulin) is read as strong solution of iodine',
    "write 'sliding scale (insulin)'",
  ),
  'ISMP-TIW': ismp(
    'ISMP-TIW',
    'TIW (three times a week) is read as three times a day or twice a week',
    "write '3 times weekly'",
  ),
  'ISMP-UD': ismp('ISMP-UD', 'UD (as directed) is read as unit dose', "write 'as directed'"),
  'ISMP-NG': ismp('ISMP-NG', 'ng is read as mg or nasogastric', "write 'nanogram'"),
  'ISMP-X3D': ismp('ISMP-X3D', 'x3d (for three days) is read as three doses', "write 'for three days'"),
  'ISMP-DRUG-ABBREVIATION': ismp(
    'ISMP-DRUG-ABBREVIATION',
    'an abbreviated drug name is read as another drug',
    'write the drug name in full',
  ),
  'ISMP-DOSE-UNIT-RUN-TOGETHER': ismp(
    'ISMP-DOSE-UNIT-RUN-TOGETHER',
    'dose and unit run together: the m is read as one or two zeros (10mg)',
    'put a space between the dose and the unit (10 mg)',
  ),
  'ISMP-NAME-DOSE-RUN-TOGETHER': ismp(
    'ISMP-NAME-DOSE-RUN-TOGETHER',
    'drug name and dose run together: the l is read as 1 (Inderal40 mg)',
    'put a space between the name and the dose (Inderal 40 mg)',
  ),
  'ISMP-UNIT-PERIOD': ismp(
    'ISMP-UNIT-PERIOD',
    'a unit abbreviation with a period: the period is read as 1 (mg.)',
    'write the unit without a period (mg)',
  ),
  'ISMP-LARGE-DOSE-COMMAS': ismp(
    'ISMP-LARGE-DOSE-COMMAS',
    'a large dose without commas is misread by a factor of ten (100000 units)',
    'use commas (100,000 units) or words (100 thousand units)',
  ),
  LASA: {
    id: 'LASA',
    source: 'FDA/ISMP LASA',
    severity: 'advisory',
    problem: 'look-alike/sound-alike drug name',
    suggestion: 'confirm the drug and the indication',
  },
  'LASA-BOTH': {
    id: 'LASA-BOTH',
    source: 'FDA/ISMP LASA',
    severity: 'warning',
    problem: 'both names of a look-alike/sound-alike pair appear in the text',
    suggestion: 'confirm which drug is meant at each mention',
  },
} as const satisfies Readonly<Record<string, DictationRule>>;

/** A rule id of the checker. */
export type DictationRuleId = keyof typeof DICTATION_RULES;

/** Tokens flagged wherever they stand, compared exactly (case matters: "MS" yes, "ms" no; "OD" yes, "od" no). */
export const EXACT_TOKENS: ReadonlyMap<string, DictationRuleId> = new Map<string, DictationRuleId>([
  ['MS', 'TJC-MS'],
  ['AD', 'ISMP-EAR'],
  ['AS', 'ISMP-EAR'],
  ['AU', 'ISMP-EAR'],
  ['OD', 'ISMP-EYE'],
  ['OS', 'ISMP-EYE'],
  ['OU', 'ISMP-EYE'],
  ['BT', 'ISMP-BT'],
  ['IJ', 'ISMP-IJ'],
  ['HS', 'ISMP-HS-UPPER'],
  ['hs', 'ISMP-HS-LOWER'],
  ['OJ', 'ISMP-OJ'],
  ['SSI', 'ISMP-SSI'],
  ['UD', 'ISMP-UD'],
  ...['APAP', 'AZT', 'CPZ', 'DPT', 'HCT', 'HCTZ', 'MTX', 'PTU', 'TAC', 'TNK', 'TPA'].map(
    (t): [string, DictationRuleId] => [t, 'ISMP-DRUG-ABBREVIATION'],
  ),
]);

/** Tokens flagged wherever they stand, compared in lower case with periods removed ("Q.D.", "qd"). */
export const FOLDED_TOKENS: ReadonlyMap<string, DictationRuleId> = new Map<string, DictationRuleId>([
  ['qd', 'TJC-QD'],
  ['qod', 'TJC-QOD'],
  ['mso4', 'TJC-MSO4-MGSO4'],
  ['mgso4', 'TJC-MSO4-MGSO4'],
  ['qhs', 'ISMP-QHS'],
  ['qn', 'ISMP-QN'],
  ['q1d', 'ISMP-Q1D'],
  ['tiw', 'ISMP-TIW'],
  ['d/c', 'ISMP-DC'],
  ['µg', 'ISMP-MICROGRAM'],
  ['μg', 'ISMP-MICROGRAM'],
  ['znso4', 'ISMP-DRUG-ABBREVIATION'],
]);

/** Tokens flagged only as units, after a number ("10 U", "4U", "5 cc", "1000 IU"; "cc: Dr. Osei" is not). */
export const UNIT_TOKENS: ReadonlyMap<string, DictationRuleId> = new Map<string, DictationRuleId>([
  ['U', 'TJC-U'],
  ['u', 'TJC-U'],
  ['IU', 'TJC-IU'],
  ['iu', 'TJC-IU'],
  ['cc', 'ISMP-CC'],
  ['CC', 'ISMP-CC'],
  ['ng', 'ISMP-NG'],
]);

/** Route abbreviations flagged after a dose or a unit (SC is also a state code in an address). */
export const ROUTE_TOKENS: ReadonlyMap<string, DictationRuleId> = new Map<string, DictationRuleId>([
  ['sc', 'ISMP-SUBCUT'],
  ['sq', 'ISMP-SUBCUT'],
]);

/** Dose units: a trailing zero or a missing leading zero matters only before one (TJC: not before cm or mm). */
export const DOSE_UNITS: ReadonlySet<string> = new Set([
  'mg',
  'mcg',
  'µg',
  'μg',
  'g',
  'gm',
  'gram',
  'grams',
  'ml',
  'l',
  'unit',
  'units',
  'meq',
  'mmol',
  'iu',
  'u',
  'cc',
  'ng',
  'mg/kg',
  'tab',
  'tabs',
  'tablet',
  'tablets',
  'cap',
  'caps',
  'capsule',
  'capsules',
  'puff',
  'puffs',
  'drop',
  'drops',
]);

/**
 * Look-alike/sound-alike pairs with the lists' tall-man lettering. FDA Table 1 (1-18), ISMP Table 2
 * (19-49), other frequent confusions (50-55).
 */
export const LASA_PAIRS: readonly (readonly [string, string])[] = [
  ['acetaZOLAMIDE', 'acetoHEXAMIDE'],
  ['buPROPion', 'busPIRone'],
  ['chlorproMAZINE', 'chlorproPAMIDE'],
  ['clomiPHENE', 'clomiPRAMINE'],
  ['cycloSERINE', 'cycloSPORINE'],
  ['DAUNOrubicin', 'DOXOrubicin'],
  ['dimenhyDRINATE', 'diphenhydrAMINE'],
  ['DOBUTamine', 'DOPamine'],
  ['glipiZIDE', 'glyBURIDE'],
  ['hydrALAZINE', 'hydrOXYzine'],
  ['medroxyPROGESTERone', 'methylPREDNISolone'],
  ['methylPREDNISolone', 'methylTESTOSTERone'],
  ['niCARdipine', 'NIFEdipine'],
  ['predniSONE', 'prednisoLONE'],
  ['sulfADIAZINE', 'sulfiSOXAZOLE'],
  ['TOLAZamide', 'TOLBUTamide'],
  ['vinBLAStine', 'vinCRIStine'],
  ['CISplatin', 'CARBOplatin'],
  ['ALPRAZolam', 'LORazepam'],
  ['amLODIPine', 'aMILoride'],
  ['azaCITIDine', 'azaTHIOprine'],
  ['ceFAZolin', 'cefTRIAXone'],
  ['CeleBREX', 'CeleXA'],
  ['CeleBREX', 'Cerebyx'],
  ['chlorproMAZINE', 'chlordiazePOXIDE'],
  ['clonazePAM', 'cloNIDine'],
  ['clonazePAM', 'LORazepam'],
  ['cloNIDine', 'KlonoPIN'],
  ['DACTINomycin', 'DAPTOmycin'],
  ['ePHEDrine', 'EPINEPHrine'],
  ['fentaNYL', 'SUFentanil'],
  ['FLUoxetine', 'DULoxetine'],
  ['guanFACINE', 'guaiFENesin'],
  ['HumaLOG', 'HumuLIN'],
  ['HYDROcodone', 'oxyCODONE'],
  ['metFORMIN', 'metroNIDAZOLE'],
  ['HYDROmorphone', 'morphine'],
  ['NexIUM', 'NexAVAR'],
  ['NIFEdipine', 'niMODipine'],
  ['NovoLOG', 'NovoLIN'],
  ['OXcarbazepine', 'carBAMazepine'],
  ['oxyCODONE', 'OxyCONTIN'],
  ['PARoxetine', 'FLUoxetine'],
  ['PENTobarbital', 'PHENobarbital'],
  ['PriLOSEC', 'PROzac'],
  ['QUEtiapine', 'OLANZapine'],
  ['quiNINE', 'quiNIDine'],
  ['riTUXimab', 'inFLIXimab'],
  ['SandIMMUNE', 'SandoSTATIN'],
  ['SEROquel', 'SINEquan'],
  ['traMADol', 'traZODone'],
  ['CeleXA', 'Cerebyx'],
  ['hydrALAZINE', 'hydroCHLOROthiazide'],
  ['Avandia', 'Coumadin'],
  ['ketorolac', 'traMADol'],
  ['AmBisome', 'Abelcet'],
];
