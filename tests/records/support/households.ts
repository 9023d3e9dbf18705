// A deterministic household test set for the matcher: 10,000 households of people who share an
// address, a home phone and usually a family name (spouses, siblings, twins, a father and son of
// the same name with Jr / Sr), plus second records of some of them with the errors registration
// makes. Built to provoke the dangerous error (merging two family members), independently of the
// matcher: the truth is who was generated, never what the matcher says. Shared by the household
// test and bench/records.bench.ts.
//
// Each person has an SSN of their own; some charts record it in full, some only its last four,
// the others none. Twins' numbers are consecutive (issued together), and some dependents' charts
// (children, a twin, a Jr, now and then a spouse) carry the guarantor's number, keyed from the
// insurance card instead of the patient's own: so an agreeing SSN is not proof of one person here
// either, and a rule that treats it as such merges family members.
import { areNicknames, type MatchablePatient } from '../../../src/records/index.js';
import { seededRandom } from '../../../src/records/matching/duplicates.js';

const FEMALE = (
  'MARY PATRICIA JENNIFER LINDA ELIZABETH BARBARA SUSAN JESSICA SARAH KAREN NANCY LISA BETTY MARGARET ' +
  'SANDRA ASHLEY KIMBERLY EMILY DONNA MICHELLE CAROL AMANDA MELISSA DEBORAH STEPHANIE REBECCA LAURA SHARON ' +
  'CYNTHIA KATHLEEN AMY ANGELA ANNA BRENDA PAMELA NICOLE EMMA HELEN SAMANTHA KATHERINE CHRISTINE RACHEL ' +
  'JANET CATHERINE MARIA HEATHER DIANE JULIE JOYCE VICTORIA KELLY JOAN EVELYN LAUREN JUDITH OLIVIA MEGAN ' +
  'ANDREA CHERYL HANNAH JACQUELINE MARTHA GLORIA TERESA ANN SARA MADISON FRANCES KATHRYN JANICE JEAN ' +
  'ABIGAIL ALICE JUDY SOPHIA GRACE DENISE AMBER DORIS MARILYN DANIELLE BEVERLY ISABELLA THERESA DIANA ' +
  'NATALIE BRITTANY CHARLOTTE KAYLA ALEXIS LORI ALEXANDRA AVA EVA ZOE CHLOE MIA LILY ELLA'
).split(' ');
const MALE = (
  'JAMES ROBERT JOHN MICHAEL DAVID WILLIAM RICHARD JOSEPH THOMAS CHARLES CHRISTOPHER DANIEL MATTHEW ' +
  'ANTHONY MARK DONALD STEVEN PAUL ANDREW JOSHUA KENNETH KEVIN BRIAN GEORGE TIMOTHY RONALD EDWARD JASON ' +
  'JEFFREY RYAN JACOB GARY NICHOLAS ERIC JONATHAN STEPHEN LARRY JUSTIN SCOTT BRANDON BENJAMIN SAMUEL ' +
  'GREGORY ALEXANDER FRANK PATRICK RAYMOND JACK DENNIS JERRY TYLER AARON JOSE ADAM NATHAN HENRY DOUGLAS ' +
  'ZACHARY PETER KYLE NOAH ETHAN JEREMY WALTER CHRISTIAN KEITH ROGER TERRY AUSTIN SEAN GERALD CARL DYLAN ' +
  'HAROLD JORDAN JESSE BRYAN LAWRENCE ARTHUR GABRIEL BRUCE LOGAN ALBERT WAYNE ELIJAH RANDY MASON ' +
  'VINCENT LIAM ROY CAMERON LUIS EVAN OWEN LEO ELI'
).split(' ');
const FAMILY = (
  'SMITH JOHNSON WILLIAMS BROWN JONES GARCIA MILLER DAVIS RODRIGUEZ MARTINEZ HERNANDEZ LOPEZ GONZALEZ ' +
  'WILSON ANDERSON TAYLOR MOORE JACKSON MARTIN LEE PEREZ THOMPSON WHITE HARRIS SANCHEZ CLARK RAMIREZ ' +
  'LEWIS ROBINSON WALKER YOUNG ALLEN KING WRIGHT SCOTT TORRES NGUYEN HILL FLORES GREEN ADAMS NELSON ' +
  'BAKER HALL RIVERA CAMPBELL MITCHELL CARTER ROBERTS GOMEZ PHILLIPS EVANS TURNER DIAZ PARKER CRUZ ' +
  'EDWARDS COLLINS REYES STEWART MORRIS MORALES MURPHY COOK ROGERS ORTIZ MORGAN COOPER PETERSON BAILEY ' +
  'REED KELLY HOWARD RAMOS KIM COX WARD RICHARDSON WATSON BROOKS CHAVEZ WOOD BENNETT GRAY MENDOZA ' +
  'RUIZ HUGHES PRICE ALVAREZ CASTILLO SANDERS PATEL MYERS LONG ROSS FOSTER OKAFOR SCHNEIDER KOWALSKI'
).split(' ');
const STREETS =
  'MAIN OAK PINE MAPLE CEDAR ELM LAKE HILL PARK RIVER CHURCH MILL SPRING HIGHLAND FOREST SUNSET'.split(' ');
const STREET_TYPES: readonly (readonly [string, string])[] = [
  ['Street', 'St'],
  ['Avenue', 'Ave'],
  ['Road', 'Rd'],
  ['Drive', 'Dr'],
  ['Lane', 'Ln'],
  ['Court', 'Ct'],
];
// Cities with their 3-digit ZIP areas (each household gets a 5-digit ZIP in its city's area).
const CITIES: readonly (readonly [string, string, string])[] = (
  'Springfield IL 627|Denver CO 802|Columbus OH 432|Austin TX 787|Tucson AZ 857|Raleigh NC 276|' +
  'Portland OR 972|Boise ID 837|Omaha NE 681|Tulsa OK 741|Madison WI 537|Albany NY 122|Dayton OH 454|' +
  'Fresno CA 937|Mesa AZ 852|Reno NV 895|Akron OH 443|Provo UT 846|Macon GA 312|Salem OR 973|' +
  'Eugene OR 974|Toledo OH 436|Lansing MI 489|Peoria IL 616|Wichita KS 672|Durham NC 277|Tampa FL 336|' +
  'Orlando FL 328|Richmond VA 232|Norfolk VA 235|Spokane WA 992|Tacoma WA 984|Fargo ND 581|Billings MT 591|' +
  'Laredo TX 780|Waco TX 767|Lubbock TX 794|Amarillo TX 791|Savannah GA 314|Mobile AL 366'
)
  .split('|')
  .map((c) => {
    const parts = c.split(' ');
    return [parts[0] ?? '', parts[1] ?? '', parts[2] ?? ''] as const;
  });
const NICKNAMES: Readonly<Record<string, string>> = {
  WILLIAM: 'BILL', ROBERT: 'BOB', RICHARD: 'RICK', ELIZABETH: 'LIZ', MARGARET: 'PEGGY', KATHERINE: 'KATE',
  JAMES: 'JIM', JOHN: 'JACK', JOSEPH: 'JOE', MICHAEL: 'MIKE', THOMAS: 'TOM', CHARLES: 'CHARLIE',
  EDWARD: 'ED', ANTHONY: 'TONY', CHRISTOPHER: 'CHRIS', DANIEL: 'DAN', DAVID: 'DAVE', MATTHEW: 'MATT',
  JENNIFER: 'JEN', JESSICA: 'JESS', REBECCA: 'BECKY', SUSAN: 'SUE', PATRICIA: 'PATTY', SAMANTHA: 'SAM',
}; // prettier-ignore

/** One generated record, with the person it belongs to. */
export interface HouseholdRecord {
  readonly record: MatchablePatient;
  /** The person: records with the same person are true duplicates. */
  readonly person: string;
  /** Household number. */
  readonly household: number;
  /** Role in the household, for reporting errors by kind. */
  readonly role: 'parent' | 'spouse' | 'child' | 'twin' | 'junior';
}

/** The generated set. */
export interface HouseholdSet {
  readonly records: readonly HouseholdRecord[];
  /** Pairs (`a~b`, ids in code-unit order) of records of the same person. */
  readonly truePairs: ReadonlySet<string>;
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');
const iso = (y: number, m: number, d: number): string => `${y}-${pad(m, 2)}-${pad(d, 2)}`;
const title = (s: string): string => s.charAt(0) + s.slice(1).toLowerCase();
export const householdPairKey = (a: string, b: string): string => (a < b ? `${a}~${b}` : `${b}~${a}`);

interface Person {
  readonly given: string;
  readonly middle: string | undefined;
  readonly family: string;
  readonly previousFamily: string | undefined;
  readonly suffix: string | undefined;
  readonly birth: readonly [number, number, number];
  readonly sex: 'male' | 'female';
  readonly multipleBirth: boolean;
  /** The person's own SSN, `AAA-GG-SSSS`. */
  readonly ssn: string;
  /** How the person's charts record an SSN: in full, the last four only, or not at all. */
  readonly ssnForm: 'full' | 'last4' | undefined;
  readonly mobile: string | undefined;
  readonly role: HouseholdRecord['role'];
}

/** Shares of people whose charts record the full SSN, and only its last four. */
const FULL_SSN = 0.35;
const LAST_FOUR_ONLY = 0.25;
/** Chance that a dependent's chart carries the guarantor's SSN instead of the patient's own. */
const GUARANTOR_SSN_ON_CHILD = 0.1;
const GUARANTOR_SSN_ON_SPOUSE = 0.05;
const OLD_LAST_FOUR_CHANCE = 0.4;
/** Offset of the SSN stream's seed from the set's seed. */
const SSN_STREAM = 0x55a;

/** Errors registration makes on a second record of a person: each a plausible keying error. */
const TYPOS = ['given-typo', 'nickname', 'family-typo', 'dob-transpose', 'dob-swap', 'dob-digit', 'street-abbrev', 'no-phone', 'middle-initial', 'case'] as const; // prettier-ignore

/**
 * Builds the household set.
 *
 * @param households - number of households (10,000 in the test and bench)
 * @param seed - generator seed
 * @returns records and the true duplicate pairs
 */
export const generateHouseholds = (households: number, seed = 14): HouseholdSet => {
  const next = seededRandom(seed);
  // SSNs come from a stream of their own, so the households, names, dates and errors are the
  // ones the set had before it recorded SSNs (the same people, with numbers added).
  const nextForSsn = seededRandom(seed + SSN_STREAM);
  const ssnInt = (lo: number, hi: number): number => lo + Math.floor(nextForSsn() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const chance = (p: number): boolean => next() < p;
  const int = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1));
  const phone = (): string =>
    `${int(2, 9)}${int(0, 8)}${int(2, 9)}-${int(2, 9)}${pad(int(0, 99), 2)}-${pad(int(0, 9999), 4)}`;
  const records: HouseholdRecord[] = [];
  const truePairs = new Set<string>();
  let nextId = 0;

  for (let h = 0; h < households; h++) {
    const family = pick(FAMILY);
    const [city, state, zip3] = pick(CITIES);
    const [streetType, streetAbbrev] = pick(STREET_TYPES);
    const streetName = `${int(1, 9999)} ${title(pick(STREETS))}`;
    const home = phone();
    const zip = `${zip3}${pad(int(0, 99), 2)}`;
    const people: Person[] = [];
    const used = new Set<string>();
    // Parents give their children different names, not variants of one name (Ann and Anna,
    // Catherine and Katherine): a reused name is a Jr, made on purpose below.
    const variantOf = (x: string, y: string): boolean =>
      x.slice(0, 3) === y.slice(0, 3) || x.slice(1) === y.slice(1) || areNicknames(x, y);
    const freshName = (sex: 'male' | 'female'): string => {
      for (;;) {
        const g = pick(sex === 'male' ? MALE : FEMALE);
        if (![...used].some((u) => variantOf(u, g))) {
          used.add(g);
          return g;
        }
      }
    };
    // Area 001-899 without 666, group 01-99, serial 0001-9998 (room for a twin's next number).
    const newSsn = (): string => {
      const area = ssnInt(1, 898);
      return `${pad(area === 666 ? 667 : area, 3)}-${pad(ssnInt(1, 99), 2)}-${pad(ssnInt(1, 9998), 4)}`;
    };
    const nextSsn = (ssn: string): string => `${ssn.slice(0, 7)}${pad(Number(ssn.slice(7)) + 1, 4)}`;
    const ssnForm = (): Person['ssnForm'] => {
      const r = nextForSsn();
      return r < FULL_SSN ? 'full' : r < FULL_SSN + LAST_FOUR_ONLY ? 'last4' : undefined;
    };
    // Before the set recorded SSNs, the main stream drew a last four here (a chance, and the
    // digits when it came up); the draws stay so the people and their errors are unchanged.
    const keepOldDraws = (): undefined => {
      if (chance(OLD_LAST_FOUR_CHANCE)) next();
      return undefined;
    };
    const dob = (y0: number, y1: number): readonly [number, number, number] => [
      int(y0, y1),
      int(1, 12),
      int(1, 28),
    ];
    const person = (
      sex: 'male' | 'female',
      birth: readonly [number, number, number],
      role: HouseholdRecord['role'],
      extra: Partial<Person> = {},
    ): Person => ({
      given: extra.given ?? freshName(sex),
      middle: chance(0.6) ? pick(sex === 'male' ? MALE : FEMALE) : undefined,
      family: extra.family ?? family,
      previousFamily: extra.previousFamily,
      suffix: extra.suffix,
      birth,
      sex,
      multipleBirth: extra.multipleBirth ?? false,
      ssn: extra.ssn ?? newSsn(),
      ssnForm: keepOldDraws() ?? ssnForm(),
      mobile: role === 'parent' || role === 'spouse' ? phone() : undefined,
      role,
    });

    const parentSex = chance(0.5) ? 'male' : 'female';
    const parentBirth = dob(1950, 1990);
    const parent = person(parentSex, parentBirth, 'parent');
    people.push(parent);
    if (chance(0.75)) {
      // A spouse, born within a few years; some kept their own family name, some took the
      // household's and record the earlier one.
      const keepsName = chance(0.25);
      const spouseSex = chance(0.9) ? (parentSex === 'male' ? 'female' : 'male') : parentSex;
      people.push(
        person(spouseSex, dob(parentBirth[0] - 5, parentBirth[0] + 5), 'spouse', {
          family: keepsName ? pick(FAMILY) : family,
          ...(keepsName || chance(0.5) ? {} : { previousFamily: pick(FAMILY) }),
        }),
      );
    }
    const firstChild = parentBirth[0] + int(20, 35);
    const children = int(0, 4);
    for (let c = 0; c < children; c++) {
      const year = Math.min(2025, firstChild + c * int(1, 4));
      const sex = chance(0.5) ? 'male' : 'female';
      if (c === 0 && parentSex === 'male' && chance(0.3)) {
        // A son named after his father: Jr on his chart, Sr on the father's, or only one of them.
        const which = int(0, 2);
        const junior = person('male', dob(year, year), 'junior', {
          given: parent.given,
          ...(which === 1 ? {} : { suffix: 'Jr' }),
        });
        people.push(junior);
        if (which > 0) people[0] = { ...parent, suffix: which === 1 ? 'Sr' : 'Sr.' };
        continue;
      }
      if (chance(0.08)) {
        // Twins: the same birth date, different given names; the multiple birth is recorded on
        // some charts only.
        const birth = dob(year, year);
        const flagged = chance(0.5);
        const first = person(sex, birth, 'twin', { multipleBirth: flagged });
        people.push(first);
        people.push(
          person(chance(0.5) ? 'male' : 'female', birth, 'twin', {
            multipleBirth: flagged && chance(0.7),
            ssn: nextSsn(first.ssn),
          }),
        );
        continue;
      }
      people.push(person(sex, dob(year, year), 'child'));
    }

    for (const p of people) {
      const personId = `h${h}-${p.given}-${p.birth.join('')}`;
      const guarantor = people[0] as Person;
      const dependent = p.role === 'child' || p.role === 'twin' || p.role === 'junior';
      const base = (id: string, typo?: (typeof TYPOS)[number]): MatchablePatient => {
        // The guarantor's number on a dependent's chart, keyed from the insurance card.
        const keyedSsn =
          (dependent && nextForSsn() < GUARANTOR_SSN_ON_CHILD) ||
          (p.role === 'spouse' && nextForSsn() < GUARANTOR_SSN_ON_SPOUSE)
            ? guarantor.ssn
            : p.ssn;
        const ssnValue =
          p.ssnForm === 'full' ? keyedSsn : p.ssnForm === 'last4' ? keyedSsn.slice(-4) : undefined;
        let given = title(p.given);
        let family = title(p.family);
        let [y, m, d] = p.birth;
        let street = `${streetName} ${streetType}`;
        let middle = p.middle === undefined ? undefined : title(p.middle);
        let phones = [{ value: home }, ...(p.mobile === undefined ? [] : [{ value: p.mobile }])];
        switch (typo) {
          case 'given-typo': {
            // Adjacent letters transposed, or one dropped.
            const i = int(1, Math.max(1, given.length - 2));
            given = chance(0.5)
              ? given.slice(0, i) + given.charAt(i + 1) + given.charAt(i) + given.slice(i + 2)
              : given.slice(0, i) + given.slice(i + 1);
            break;
          }
          case 'nickname':
            given = title(NICKNAMES[p.given] ?? p.given);
            break;
          case 'family-typo': {
            const i = int(1, Math.max(1, family.length - 1));
            family = family.slice(0, i) + family.slice(i + 1);
            break;
          }
          case 'dob-transpose': {
            const s = pad(d, 2);
            d = Number(s.charAt(1) + s.charAt(0)) || d;
            if (d > 28) d = p.birth[2];
            break;
          }
          case 'dob-swap':
            if (d <= 12) [m, d] = [d, m];
            break;
          case 'dob-digit':
            y = y + (chance(0.5) ? 1 : -1) * (y % 10 === 9 ? -1 : 1);
            break;
          case 'street-abbrev':
            street = `${streetName} ${streetAbbrev}`;
            break;
          case 'no-phone':
            phones = [];
            break;
          case 'middle-initial':
            middle = middle?.charAt(0);
            break;
          case 'case':
            given = given.toUpperCase();
            family = family.toLowerCase();
            break;
          case undefined:
            break;
        }
        return {
          id,
          name: {
            given,
            family,
            ...(middle === undefined ? {} : { middle: [middle] }),
            ...(p.suffix === undefined ? {} : { suffix: p.suffix }),
          },
          ...(p.previousFamily === undefined ? {} : { previousNames: [{ family: title(p.previousFamily) }] }),
          birthDate: iso(y, m, d),
          sex: p.sex,
          ...(p.multipleBirth ? { multipleBirth: true } : {}),
          addresses: [{ line: [street], city, state, postalCode: zip }],
          phones,
          ...(ssnValue === undefined
            ? {}
            : {
                identifiers: [
                  {
                    kind: 'SSN',
                    system: p.ssnForm === 'full' ? 'http://hl7.org/fhir/sid/us-ssn' : 'ssn-last4',
                    value: ssnValue,
                  },
                ],
              }),
        };
      };
      const firstId = `r${nextId++}`;
      records.push({ record: base(firstId), person: personId, household: h, role: p.role });
      if (chance(0.2)) {
        // A second chart of the same person, with one registration error.
        const secondId = `r${nextId++}`;
        const typo = pick(TYPOS);
        records.push({ record: base(secondId, typo), person: personId, household: h, role: p.role });
        truePairs.add(householdPairKey(firstId, secondId));
      }
    }
  }
  return { records, truePairs };
};
