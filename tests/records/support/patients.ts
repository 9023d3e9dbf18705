// Test patients built through the real parser.
import { parsePatient, type Patient } from '../../../src/records/index.js';

export const patient = (input: Record<string, unknown>): Patient => {
  const r = parsePatient({
    id: 'pat-001',
    name: { family: 'Rivera', given: 'Ana' },
    birthDate: '1984-03-09',
    sex: 'female',
    addresses: [{ line: ['123 N MAIN ST APT 4B'], city: 'CAMBRIDGE', state: 'MA', postalCode: '02139' }],
    phones: [{ use: 'mobile', value: '+16175550142' }],
    ...input,
  });
  if (r._tag === 'Left') throw new Error(r.left.message);
  return r.right;
};
