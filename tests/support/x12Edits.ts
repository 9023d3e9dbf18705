// Random edits of real X12 files for the properties that hold a fast reader to its reference:
// delimiters, whitespace, junk, truncation and segments of the reader's own kind inserted at
// random places. Each test names the segments that matter to its reader.
import fc from 'fast-check';

/** Delimiters, whitespace and envelope trailers: what every X12 reader must survive. */
const COMMON_INSERTS = [
  '*',
  '~',
  ':',
  '>',
  '^',
  '|',
  ' ',
  '\r\n',
  '\t',
  '~~',
  '.',
  'SE*3*0001~',
  'GE*1*1~',
  'IEA*1*1~',
];

/**
 * One to four edits (replace `len` characters at `at` by an insert) applied to one of `files`.
 *
 * @param files - the real files to edit
 * @param segments - segments of the reader's kind to insert besides the common ones
 */
export const editedX12 = (files: readonly string[], segments: readonly string[]): fc.Arbitrary<string> => {
  const edit = fc.record({
    at: fc.nat(),
    len: fc.nat({ max: 12 }),
    insert: fc.oneof(fc.constantFrom(...COMMON_INSERTS, ...segments), fc.string({ maxLength: 6 })),
  });
  return fc
    .tuple(fc.constantFrom(...files), fc.array(edit, { minLength: 1, maxLength: 4 }))
    .map(([text, edits]) => {
      let t = text;
      for (const e of edits) {
        const at = e.at % (t.length + 1);
        t = t.slice(0, at) + e.insert + t.slice(at + e.len);
      }
      return t;
    });
};
