// A planned reminder and a routed message to write as FHIR, built through the public functions.
import { planReminders } from '../../src/communications/reminders.js';
import { parseRoutingRules, routeMessage } from '../../src/communications/routing.js';
import type { ReceivedMessage } from '../../src/communications/fhir.js';
import type { PlannedReminder } from '../../src/communications/model.js';
import { appt, contact, instant, rules } from './fixtures.js';
import type { PatientId } from '../../src/core/ids.js';

const planned = planReminders(
  [appt('lab', '2026-11-24T09:00:00-05:00'), appt('visit', '2026-11-24T10:00:00-05:00')],
  [contact('p1')],
  rules({ offsets: [{ kind: 'calendar', daysBefore: 1, at: '10:00' }] }),
  instant('2026-11-20T08:00:00-05:00'),
);
if (planned._tag === 'Left' || planned.right.messages[0] === undefined) throw new Error('sample reminder');
export const FHIR_SAMPLE_REMINDER: PlannedReminder = planned.right.messages[0];

const routing = parseRoutingRules({ zone: 'America/New_York' });
if (routing._tag === 'Left') throw new Error('sample routing rules');
const message = {
  text: 'No nausea, but chest pain since lunch. Also a question on my bill.',
  channel: 'portal' as const,
};
const at = instant('2026-11-23T09:15:00-05:00');
const routed = routeMessage(message, routing.right, at);
if (routed._tag === 'Left') throw new Error('sample route');
export const FHIR_SAMPLE_RECEIVED: ReceivedMessage = {
  message,
  routed: routed.right,
  receivedAt: at,
  patient: 'p1' as PatientId,
};
