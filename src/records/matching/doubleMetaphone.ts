/**
 * Double Metaphone phonetic keys, after Lawrence Philips' description ("The Double Metaphone
 * Search Algorithm", C/C++ Users Journal, June 2000). Written for this library from the rules
 * as published; each key is at most 4 characters. `0` stands for the TH sound, `X` for SH/CH.
 */

const VOWELS = 'AEIOUY';

class Keys {
  primary = '';
  secondary = '';
  add(main: string, alternate: string = main): void {
    this.primary += main;
    this.secondary += alternate;
  }
}

/**
 * The primary and secondary Double Metaphone keys of a name. Letters outside A-Z (after removing
 * diacritics; Ç and Ñ are kept as their sounds) are ignored.
 *
 * @param name - a given or family name
 * @returns `[primary, secondary]`, each up to 4 characters; `['', '']` for no letters
 * @example
 * doubleMetaphone('Smith'); // ['SM0', 'XMT']
 * doubleMetaphone('Schmidt'); // ['XMT', 'SMT']
 * doubleMetaphone('Xavier'); // ['SF', 'SFR']
 */
export const doubleMetaphone = (name: string): readonly [string, string] => {
  const w = name
    .toUpperCase()
    .replace(/Ç/g, '\u0001')
    .replace(/Ñ/g, '\u0002')
    .normalize('NFKD')
    .replace(/[^A-Z\u0001\u0002]/g, '');
  if (w === '') return ['', ''];
  const len = w.length;
  const last = len - 1;
  const at = (i: number): string => (i >= 0 && i < len ? w.charAt(i) : '');
  const sub = (i: number, n: number): string => (i >= 0 ? w.substr(i, n) : '');
  const isVowel = (i: number): boolean => i >= 0 && i < len && VOWELS.includes(w.charAt(i));
  const any = (s: string, list: readonly string[]): boolean => list.includes(s);
  const slavoGermanic = /W|K|CZ|WITZ/.test(w);
  const germanic = any(sub(0, 4), ['VAN ', 'VON ']) || sub(0, 3) === 'SCH';
  const k = new Keys();
  let i = 0;
  if (any(sub(0, 2), ['GN', 'KN', 'PN', 'WR', 'PS'])) i = 1;
  if (at(0) === 'X') {
    k.add('S');
    i = 1;
  }
  while (i < len && (k.primary.length < 4 || k.secondary.length < 4)) {
    const c = at(i);
    switch (c) {
      case 'A':
      case 'E':
      case 'I':
      case 'O':
      case 'U':
      case 'Y':
        if (i === 0) k.add('A');
        i += 1;
        break;
      case 'B':
        k.add('P');
        i += at(i + 1) === 'B' ? 2 : 1;
        break;
      case '\u0001':
        k.add('S');
        i += 1;
        break;
      case 'C':
        i += consonantC(i);
        break;
      case 'D':
        if (sub(i, 2) === 'DG') {
          if (any(at(i + 2), ['I', 'E', 'Y'])) {
            k.add('J');
            i += 3;
          } else {
            k.add('TK');
            i += 2;
          }
        } else {
          k.add('T');
          i += any(sub(i, 2), ['DT', 'DD']) ? 2 : 1;
        }
        break;
      case 'F':
        k.add('F');
        i += at(i + 1) === 'F' ? 2 : 1;
        break;
      case 'G':
        i += consonantG(i);
        break;
      case 'H':
        if ((i === 0 || isVowel(i - 1)) && isVowel(i + 1)) {
          k.add('H');
          i += 2;
        } else i += 1;
        break;
      case 'J':
        i += consonantJ(i);
        break;
      case 'K':
        k.add('K');
        i += at(i + 1) === 'K' ? 2 : 1;
        break;
      case 'L':
        if (at(i + 1) === 'L') {
          const spanish =
            (i === len - 3 && any(sub(i - 1, 4), ['ILLO', 'ILLA', 'ALLE'])) ||
            ((any(sub(last - 1, 2), ['AS', 'OS']) || any(at(last), ['A', 'O'])) && sub(i - 1, 4) === 'ALLE');
          k.add('L', spanish ? '' : 'L');
          i += 2;
        } else {
          k.add('L');
          i += 1;
        }
        break;
      case 'M':
        k.add('M');
        i +=
          (sub(i - 1, 3) === 'UMB' && (i + 1 === last || sub(i + 2, 2) === 'ER')) || at(i + 1) === 'M'
            ? 2
            : 1;
        break;
      case 'N':
        k.add('N');
        i += at(i + 1) === 'N' ? 2 : 1;
        break;
      case '\u0002':
        k.add('N');
        i += 1;
        break;
      case 'P':
        if (at(i + 1) === 'H') {
          k.add('F');
          i += 2;
        } else {
          k.add('P');
          i += any(at(i + 1), ['P', 'B']) ? 2 : 1;
        }
        break;
      case 'Q':
        k.add('K');
        i += at(i + 1) === 'Q' ? 2 : 1;
        break;
      case 'R':
        if (i === last && !slavoGermanic && sub(i - 2, 2) === 'IE' && !any(sub(i - 4, 2), ['ME', 'MA']))
          k.add('', 'R');
        else k.add('R');
        i += at(i + 1) === 'R' ? 2 : 1;
        break;
      case 'S':
        i += consonantS(i);
        break;
      case 'T':
        if (sub(i, 4) === 'TION' || any(sub(i, 3), ['TIA', 'TCH'])) {
          k.add('X');
          i += 3;
        } else if (sub(i, 2) === 'TH' || sub(i, 3) === 'TTH') {
          if (any(sub(i + 2, 2), ['OM', 'AM']) || germanic) k.add('T');
          else k.add('0', 'T');
          i += 2;
        } else {
          k.add('T');
          i += any(at(i + 1), ['T', 'D']) ? 2 : 1;
        }
        break;
      case 'V':
        k.add('F');
        i += at(i + 1) === 'V' ? 2 : 1;
        break;
      case 'W':
        i += consonantW(i);
        break;
      case 'X':
        if (!(i === last && (any(sub(i - 3, 3), ['IAU', 'EAU']) || any(sub(i - 2, 2), ['AU', 'OU']))))
          k.add('KS');
        i += any(at(i + 1), ['C', 'X']) ? 2 : 1;
        break;
      case 'Z':
        if (at(i + 1) === 'H') {
          k.add('J');
          i += 2;
        } else {
          if (any(sub(i + 1, 2), ['ZO', 'ZI', 'ZA']) || (slavoGermanic && i > 0 && at(i - 1) !== 'T'))
            k.add('S', 'TS');
          else k.add('S');
          i += at(i + 1) === 'Z' ? 2 : 1;
        }
        break;
      default:
        i += 1;
    }
  }
  return [k.primary.slice(0, 4), k.secondary.slice(0, 4)];

  // Each consonant handler adds to the keys and returns how many letters it consumed.
  function consonantC(i: number): number {
    if (
      i > 1 &&
      !isVowel(i - 2) &&
      sub(i - 1, 3) === 'ACH' &&
      at(i + 2) !== 'I' &&
      (at(i + 2) !== 'E' || any(sub(i - 2, 6), ['BACHER', 'MACHER']))
    ) {
      k.add('K');
      return 2;
    }
    if (i === 0 && sub(i, 6) === 'CAESAR') {
      k.add('S');
      return 2;
    }
    if (sub(i, 4) === 'CHIA') {
      k.add('K');
      return 2;
    }
    if (sub(i, 2) === 'CH') {
      if (i > 0 && sub(i, 4) === 'CHAE') k.add('K', 'X');
      else if (
        i === 0 &&
        (any(sub(i + 1, 5), ['HARAC', 'HARIS']) || any(sub(i + 1, 3), ['HOR', 'HYM', 'HIA', 'HEM'])) &&
        sub(0, 5) !== 'CHORE'
      )
        k.add('K');
      else if (
        germanic ||
        any(sub(i - 2, 6), ['ORCHES', 'ARCHIT', 'ORCHID']) ||
        any(at(i + 2), ['T', 'S']) ||
        ((any(at(i - 1), ['A', 'O', 'U', 'E']) || i === 0) &&
          any(at(i + 2), ['L', 'R', 'N', 'M', 'B', 'H', 'F', 'V', 'W', '']))
      )
        k.add('K');
      else if (i > 0) {
        if (sub(0, 2) === 'MC') k.add('K');
        else k.add('X', 'K');
      } else k.add('X');
      return 2;
    }
    if (sub(i, 2) === 'CZ' && sub(i - 2, 4) !== 'WICZ') {
      k.add('S', 'X');
      return 2;
    }
    if (sub(i + 1, 3) === 'CIA') {
      k.add('X');
      return 3;
    }
    if (sub(i, 2) === 'CC' && !(i === 1 && at(0) === 'M')) {
      if (any(at(i + 2), ['I', 'E', 'H']) && sub(i + 2, 2) !== 'HU') {
        if ((i === 1 && at(i - 1) === 'A') || any(sub(i - 1, 5), ['UCCEE', 'UCCES'])) k.add('KS');
        else k.add('X');
        return 3;
      }
      k.add('K');
      return 2;
    }
    if (any(sub(i, 2), ['CK', 'CG', 'CQ'])) {
      k.add('K');
      return 2;
    }
    if (any(sub(i, 2), ['CI', 'CE', 'CY'])) {
      if (any(sub(i, 3), ['CIO', 'CIE', 'CIA'])) k.add('S', 'X');
      else k.add('S');
      return 2;
    }
    k.add('K');
    return any(at(i + 1), ['C', 'K', 'Q']) && !any(sub(i + 1, 2), ['CE', 'CI']) ? 2 : 1;
  }

  function consonantG(i: number): number {
    if (at(i + 1) === 'H') {
      if (i > 0 && !isVowel(i - 1)) {
        k.add('K');
        return 2;
      }
      if (i === 0) {
        k.add(at(i + 2) === 'I' ? 'J' : 'K');
        return 2;
      }
      if (
        (i > 1 && any(at(i - 2), ['B', 'H', 'D'])) ||
        (i > 2 && any(at(i - 3), ['B', 'H', 'D'])) ||
        (i > 3 && any(at(i - 4), ['B', 'H']))
      )
        return 2;
      if (i > 2 && at(i - 1) === 'U' && any(at(i - 3), ['C', 'G', 'L', 'R', 'T'])) k.add('F');
      else if (i > 0 && at(i - 1) !== 'I') k.add('K');
      return 2;
    }
    if (at(i + 1) === 'N') {
      if (i === 1 && isVowel(0) && !slavoGermanic) k.add('KN', 'N');
      else if (sub(i + 2, 2) !== 'EY' && at(i + 1) !== 'Y' && !slavoGermanic) k.add('N', 'KN');
      else k.add('KN');
      return 2;
    }
    if (sub(i + 1, 2) === 'LI' && !slavoGermanic) {
      k.add('KL', 'L');
      return 2;
    }
    if (
      i === 0 &&
      (at(i + 1) === 'Y' ||
        any(sub(i + 1, 2), ['ES', 'EP', 'EB', 'EL', 'EY', 'IB', 'IL', 'IN', 'IE', 'EI', 'ER']))
    ) {
      k.add('K', 'J');
      return 2;
    }
    if (
      (sub(i + 1, 2) === 'ER' || at(i + 1) === 'Y') &&
      !any(sub(0, 6), ['DANGER', 'RANGER', 'MANGER']) &&
      !any(at(i - 1), ['E', 'I']) &&
      !any(sub(i - 1, 3), ['RGY', 'OGY'])
    ) {
      k.add('K', 'J');
      return 2;
    }
    if (any(at(i + 1), ['E', 'I', 'Y']) || any(sub(i - 1, 4), ['AGGI', 'OGGI'])) {
      if (germanic || sub(i + 1, 2) === 'ET') k.add('K');
      else if (sub(i + 1, 4) === 'IER ') k.add('J');
      else k.add('J', 'K');
      return 2;
    }
    k.add('K');
    return at(i + 1) === 'G' ? 2 : 1;
  }

  function consonantJ(i: number): number {
    if (sub(i, 4) === 'JOSE' || sub(0, 4) === 'SAN ') {
      if ((i === 0 && at(i + 4) === '') || sub(0, 4) === 'SAN ') k.add('H');
      else k.add('J', 'H');
      return 1;
    }
    if (i === 0) k.add('J', 'A');
    else if (isVowel(i - 1) && !slavoGermanic && any(at(i + 1), ['A', 'O'])) k.add('J', 'H');
    else if (i === last) k.add('J', '');
    else if (!any(at(i + 1), ['L', 'T', 'K', 'S', 'N', 'M', 'B', 'Z']) && !any(at(i - 1), ['S', 'K', 'L']))
      k.add('J');
    return at(i + 1) === 'J' ? 2 : 1;
  }

  function consonantS(i: number): number {
    if (any(sub(i - 1, 3), ['ISL', 'YSL'])) return 1;
    if (i === 0 && sub(i, 5) === 'SUGAR') {
      k.add('X', 'S');
      return 1;
    }
    if (sub(i, 2) === 'SH') {
      k.add(any(sub(i + 1, 4), ['HEIM', 'HOEK', 'HOLM', 'HOLZ']) ? 'S' : 'X');
      return 2;
    }
    if (any(sub(i, 3), ['SIO', 'SIA']) || sub(i, 4) === 'SIAN') {
      if (slavoGermanic) k.add('S');
      else k.add('S', 'X');
      return 3;
    }
    if ((i === 0 && any(at(i + 1), ['M', 'N', 'L', 'W'])) || at(i + 1) === 'Z') {
      k.add('S', 'X');
      return at(i + 1) === 'Z' ? 2 : 1;
    }
    if (sub(i, 2) === 'SC') {
      if (at(i + 2) === 'H') {
        if (any(sub(i + 3, 2), ['OO', 'ER', 'EN', 'UY', 'ED', 'EM'])) {
          if (any(sub(i + 3, 2), ['ER', 'EN'])) k.add('X', 'SK');
          else k.add('SK');
        } else if (i === 0 && !isVowel(3) && at(3) !== 'W') k.add('X', 'S');
        else k.add('X');
        return 3;
      }
      k.add(any(at(i + 2), ['I', 'E', 'Y']) ? 'S' : 'SK');
      return 3;
    }
    if (i === last && any(sub(i - 2, 2), ['AI', 'OI'])) k.add('', 'S');
    else k.add('S');
    return any(at(i + 1), ['S', 'Z']) ? 2 : 1;
  }

  function consonantW(i: number): number {
    if (sub(i, 2) === 'WR') {
      k.add('R');
      return 2;
    }
    if (i === 0 && (isVowel(i + 1) || sub(i, 2) === 'WH')) {
      if (isVowel(i + 1)) k.add('A', 'F');
      else k.add('A');
    }
    if (
      (i === last && isVowel(i - 1)) ||
      any(sub(i - 1, 5), ['EWSKI', 'EWSKY', 'OWSKI', 'OWSKY']) ||
      sub(0, 3) === 'SCH'
    ) {
      k.add('', 'F');
      return 1;
    }
    if (any(sub(i, 4), ['WICZ', 'WITZ'])) {
      k.add('TS', 'FX');
      return 4;
    }
    return 1;
  }
};
