// Deterministic synthetic patients for the records benchmark: US-style names with a skewed
// frequency (a few very common, a long tail), birth dates 1930-2025, addresses, phones and
// emails; duplicates planted with the errors registration makes (typos, nicknames, day/month
// swaps, a moved household, a missing phone). Seeded, so every run measures the same data.
import type { MatchablePatient } from '../src/records/index.js';
import { seededRandom } from '../src/records/matching/duplicates.js';

const GIVEN = (
  'JAMES MARY ROBERT PATRICIA JOHN JENNIFER MICHAEL LINDA DAVID ELIZABETH WILLIAM BARBARA RICHARD SUSAN JOSEPH JESSICA ' +
  'THOMAS SARAH CHARLES KAREN CHRISTOPHER LISA DANIEL NANCY MATTHEW BETTY ANTHONY MARGARET MARK SANDRA DONALD ASHLEY ' +
  'STEVEN KIMBERLY PAUL EMILY ANDREW DONNA JOSHUA MICHELLE KENNETH CAROL KEVIN AMANDA BRIAN DOROTHY GEORGE MELISSA ' +
  'TIMOTHY DEBORAH RONALD STEPHANIE EDWARD REBECCA JASON SHARON JEFFREY LAURA RYAN CYNTHIA JACOB KATHLEEN GARY AMY ' +
  'NICHOLAS ANGELA ERIC SHIRLEY JONATHAN ANNA STEPHEN BRENDA LARRY PAMELA JUSTIN EMMA SCOTT NICOLE BRANDON HELEN ' +
  'BENJAMIN SAMANTHA SAMUEL KATHERINE GREGORY CHRISTINE ALEXANDER DEBRA FRANK RACHEL PATRICK CAROLYN RAYMOND JANET ' +
  'JACK CATHERINE DENNIS MARIA JERRY HEATHER TYLER DIANE AARON RUTH JOSE JULIE ADAM OLIVIA NATHAN JOYCE HENRY VIRGINIA ' +
  'ZACHARY VICTORIA DOUGLAS KELLY PETER LAUREN KYLE CHRISTINA NOAH JOAN ETHAN EVELYN JEREMY JUDITH WALTER MEGAN ' +
  'CHRISTIAN ANDREA KEITH CHERYL ROGER HANNAH TERRY JACQUELINE AUSTIN MARTHA SEAN GLORIA GERALD TERESA CARL ANN DYLAN ' +
  'SARA HAROLD MADISON JORDAN FRANCES JESSE KATHRYN BRYAN JANICE LAWRENCE JEAN ARTHUR ABIGAIL GABRIEL ALICE BRUCE ' +
  'JUDY LOGAN SOPHIA BILLY GRACE JOE DENISE ALAN AMBER JUAN DORIS ELIJAH MARILYN WILLIE DANIELLE ALBERT BEVERLY WAYNE ' +
  'ISABELLA RANDY THERESA MASON DIANA VINCENT NATALIE LIAM BRITTANY ROY CHARLOTTE BOBBY MARIE CAMERON KAYLA LUIS ALEXIS'
).split(' ');
const FAMILY = (
  'SMITH JOHNSON WILLIAMS BROWN JONES GARCIA MILLER DAVIS RODRIGUEZ MARTINEZ HERNANDEZ LOPEZ GONZALEZ WILSON ANDERSON ' +
  'THOMAS TAYLOR MOORE JACKSON MARTIN LEE PEREZ THOMPSON WHITE HARRIS SANCHEZ CLARK RAMIREZ LEWIS ROBINSON WALKER YOUNG ' +
  'ALLEN KING WRIGHT SCOTT TORRES NGUYEN HILL FLORES GREEN ADAMS NELSON BAKER HALL RIVERA CAMPBELL MITCHELL CARTER ' +
  'ROBERTS GOMEZ PHILLIPS EVANS TURNER DIAZ PARKER CRUZ EDWARDS COLLINS REYES STEWART MORRIS MORALES MURPHY COOK ' +
  'ROGERS GUTIERREZ ORTIZ MORGAN COOPER PETERSON BAILEY REED KELLY HOWARD RAMOS KIM COX WARD RICHARDSON WATSON BROOKS ' +
  'CHAVEZ WOOD JAMES BENNETT GRAY MENDOZA RUIZ HUGHES PRICE ALVAREZ CASTILLO SANDERS PATEL MYERS LONG ROSS FOSTER ' +
  'JIMENEZ POWELL JENKINS PERRY RUSSELL SULLIVAN BELL COLEMAN BUTLER HENDERSON BARNES GONZALES FISHER VASQUEZ SIMMONS ' +
  'ROMERO JORDAN PATTERSON ALEXANDER HAMILTON GRAHAM REYNOLDS GRIFFIN WALLACE MORENO WEST COLE HAYES BRYANT HERRERA ' +
  'GIBSON ELLIS TRAN MEDINA AGUILAR STEVENS MURRAY FORD CASTRO MARSHALL OWENS HARRISON FERNANDEZ MCDONALD WOODS ' +
  'WASHINGTON KENNEDY WELLS VARGAS HENRY CHEN FREEMAN WEBB TUCKER GUZMAN BURNS CRAWFORD OLSON SIMPSON PORTER HUNTER ' +
  'GORDON MENDEZ SILVA SHAW SNYDER MASON DIXON MUNOZ HUNT HICKS HOLMES PALMER WAGNER BLACK ROBERTSON BOYD ROSE STONE ' +
  'SALAZAR FOX WARREN MILLS MEYER RICE SCHMIDT GARZA DANIELS FERGUSON NICHOLS STEPHENS SOTO WEAVER RYAN GARDNER PAYNE'
).split(' ');
const STREETS =
  'MAIN OAK PINE MAPLE CEDAR ELM WASHINGTON LAKE HILL PARK VIEW RIVER CHURCH MILL SPRING NORTH SOUTH HIGHLAND FOREST SUNSET'.split(
    ' ',
  );
const SUFFIXES = ['ST', 'AVE', 'RD', 'DR', 'LN', 'CT', 'BLVD', 'WAY', 'PL'];
const NICK: Readonly<Record<string, string>> = {
  WILLIAM: 'BILL', ROBERT: 'BOB', RICHARD: 'RICK', ELIZABETH: 'LIZ', JAMES: 'JIM', JOHN: 'JACK', MICHAEL: 'MIKE',
  THOMAS: 'TOM', CHARLES: 'CHUCK', JOSEPH: 'JOE', KATHERINE: 'KATE', MARGARET: 'PEGGY', PATRICIA: 'PATTY',
}; // prettier-ignore

/** A generated set: records, and every true pair (planted duplicates, including dup-dup pairs). */
export interface GeneratedPatients {
  readonly records: MatchablePatient[];
  readonly truePairs: Set<string>;
}

export const pairKey = (a: string, b: string): string => (a < b ? `${a}~${b}` : `${b}~${a}`);

export const generatePatients = (n: number, duplicateRate: number, seed: number): GeneratedPatients => {
  const rnd = seededRandom(seed);
  // Skewed pick: a power of the uniform favours the head of each list (common names are common;
  // with ^1.3 the first of 200 names gets ~1.7%, near the US share of Smith or James).
  const skewed = <T>(list: readonly T[]): T => list[Math.floor(rnd() ** 1.3 * list.length)] as T;
  // The long tail: most real family names are outside any top-200 list.
  const SYLLABLES = [
    'KA',
    'RO',
    'MEN',
    'DEL',
    'VAN',
    'SO',
    'TRI',
    'BER',
    'LI',
    'MOR',
    'AN',
    'GU',
    'WEI',
    'ST',
    'OL',
    'DA',
    'NER',
    'HAR',
    'QUI',
    'ZE',
  ];
  const tailName = (): string =>
    Array.from({ length: int(2, 3) }, () => SYLLABLES[int(0, SYLLABLES.length - 1)]).join('');
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const typo = (s: string): string => {
    const i = int(1, Math.max(1, s.length - 1));
    const r = rnd();
    if (r < 0.4) return s.slice(0, i) + s.slice(i + 1);
    if (r < 0.7) return s.slice(0, i) + String.fromCharCode(65 + int(0, 25)) + s.slice(i + 1);
    return s.slice(0, i - 1) + s.charAt(i) + s.charAt(i - 1) + s.slice(i + 1);
  };
  const records: MatchablePatient[] = [];
  const groups = new Map<string, string[]>();
  const originals = Math.round(n / (1 + duplicateRate));
  for (let i = 0; i < originals; i++) {
    const given = rnd() < 0.8 ? skewed(GIVEN) : tailName();
    const family = rnd() < 0.4 ? skewed(FAMILY) : tailName();
    const y = int(1930, 2025);
    const m = String(int(1, 12)).padStart(2, '0');
    const d = String(int(1, 28)).padStart(2, '0');
    const zip = String(int(1001, 99950)).padStart(5, '0');
    const phone = `${int(2, 9)}${int(0, 8)}${int(0, 9)}${int(2, 9)}${int(20, 99)}${int(1000, 9999)}`;
    records.push({
      id: `g${i}`,
      name: { given, family },
      birthDate: `${y}-${m}-${d}`,
      sex: rnd() < 0.5 ? 'female' : 'male',
      addresses: [
        {
          line: [`${int(1, 9999)} ${skewed(STREETS)} ${skewed(SUFFIXES)}`],
          city: `CITY${zip.slice(0, 3)}`,
          state: 'NY',
          postalCode: zip,
        },
      ],
      phones: rnd() < 0.9 ? [{ value: phone }] : [],
      emails: rnd() < 0.5 ? [`${given}.${family}${int(1, 9999)}@example.com`.toLowerCase()] : [],
    });
  }
  let k = 0;
  while (records.length < n) {
    const src = records[int(0, originals - 1)] as MatchablePatient;
    const dup: MatchablePatient = structuredClone(src) as MatchablePatient;
    const mutable = dup as { -readonly [K in keyof MatchablePatient]: MatchablePatient[K] };
    mutable.id = `d${k++}`;
    const given = src.name.given ?? '';
    const family = src.name.family ?? '';
    const r = rnd();
    if (r < 0.25) mutable.name = { given: typo(given), family };
    else if (r < 0.4) mutable.name = { given: NICK[given] ?? typo(given), family };
    else if (r < 0.55) mutable.name = { given, family: typo(family) };
    const b = src.birthDate ?? '';
    const s = rnd();
    if (s < 0.1) mutable.birthDate = `${b.slice(0, 5)}${b.slice(8, 10)}-${b.slice(5, 7)}`;
    else if (s < 0.2) mutable.birthDate = `${b.slice(0, 9)}${(Number(b.slice(9)) + 1) % 10}`;
    if (rnd() < 0.2)
      mutable.addresses = [
        {
          line: [`${int(1, 9999)} ${skewed(STREETS)} ST`],
          city: 'ELSEWHERE',
          state: 'NY',
          postalCode: String(int(10001, 99950)),
        },
      ];
    if (rnd() < 0.3) mutable.phones = [];
    records.push(dup);
    groups.set(src.id, [...(groups.get(src.id) ?? [src.id]), dup.id]);
  }
  const truePairs = new Set<string>();
  for (const g of groups.values())
    for (let i = 0; i < g.length; i++)
      for (let j = i + 1; j < g.length; j++) truePairs.add(pairKey(g[i] as string, g[j] as string));
  return { records, truePairs };
};
