import type { ExportKinds } from '../internal/exportKind.js';

/**
 * How the hostile-input gate (tests/hostile) treats each function exported by `medoffice/communications`
 * (`edge`, `text` or `core`: see {@link ExportKinds}). Whoever exports a new function classifies
 * it here; the gate fails on a function missing from this table.
 */
export const COMMUNICATIONS_EXPORT_KINDS = {
  parsePatientContact: 'edge',
  parseReminderRules: 'edge',
  inputError: 'core',
  planReminders: 'core',
  reconcileReminders: 'core',
  interpretReply: 'text',
  readReply: 'core',
  parseIncomingMessage: 'edge',
  parseRoutingRules: 'edge',
  routeMessage: 'core',
  checkDictation: 'text',
  renderLetter: 'core',
  readability: 'text',
  recallList: 'core',
  toFhirReminderRequest: 'core',
  toFhirReminderCommunication: 'core',
  toFhirRoutedCommunication: 'core',
  toFhirCallbackRequest: 'core',
  fromFhirCommunication: 'edge',
  fromFhirCommunicationRequest: 'edge',
} as const satisfies ExportKinds;
