/**
 * The reference reader of 271s: the same interpreter as read271 fed by the split tokenizer of
 * parseX12 (every segment an array of element strings). Plain and obviously equal to the X12
 * grammar; the property test holds read271's offset cursor to the same results (DESIGN rule 13).
 */
import type { Either } from '../../core/result.js';
import type { X12Error } from './errors.js';
import type { Read271Options, Read271Result } from './read271.js';
import { ArraySegmentView, splitSegments } from './tokenize.js';
import { read271With, type Tokenizer } from './walk271.js';

const split: Tokenizer = (text, from, d) => {
  const segments = splitSegments(text, from, d);
  let i = 0;
  return () => {
    const s = segments[i++];
    return s === undefined ? undefined : new ArraySegmentView(s, d.element);
  };
};

/**
 * Reads a 271 interchange exactly as {@link read271} does, tokenizing by splitting.
 *
 * @param text - the 271 interchange text
 * @param options - the payer's percent convention
 * @returns what {@link read271} returns for the same text
 * @example
 * read271Reference(text); // deep-equal to read271(text)
 */
export const read271Reference = (
  text: unknown,
  options: Read271Options = {},
): Either<X12Error, Read271Result> => read271With(text, options, split);
