// The docs site's playground page: a week of the sample clinic and a cost-share calculator, both
// computed in the browser by the library (bundled from dist/ by `npm run docs`).
import clinicJson from '../data/clinic.json' with { type: 'json' };
import type { SampleClinic } from '../day/clinic.js';
import { clinicCalendar } from '../day/clinicCalendar.js';
import { costShareBreakdown, DEFAULT_FORM, type CostShareForm } from './costShare.js';
import { weekView, type Block, type DayColumn } from './week.js';
import { isErr, isoInstant, parseIsoDate, zone } from '../../src/core/index.js';

// clinic.json as loaded by examples/day/clinic.ts; clinicCalendar parses what scheduling uses.
const clinic = clinicJson as unknown as SampleClinic;
const calendar = clinicCalendar(clinic);
const CLINIC_ZONE = zone(clinic.locations[0]?.zone ?? 'America/New_York');
const ZONES = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'Europe/London',
  'Asia/Kolkata',
];
/** The example week: the sample clinic's extra Sunday hours fall on the day New York falls back. */
const DST_EXAMPLE = { date: '2026-11-01', patientZone: 'Europe/London' } as const;
const SLOTS_LISTED_PER_DAY = 6;
const FIRST_HOUR = 6;
const LAST_HOUR = 20;

const el = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
};
const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

const blockEl = (b: Block, kind: string, index: number, of: number): HTMLElement => {
  const span = (LAST_HOUR - FIRST_HOUR) * 60;
  const top = ((b.from - FIRST_HOUR * 60) / span) * 100;
  const height = ((b.to - b.from) / span) * 100;
  return el('div', {
    class: `block ${kind}`,
    title: `${b.provider} ${b.label}`,
    style: `top:${top}%;height:${height}%;left:${(index / of) * 100}%;width:${100 / of}%`,
  });
};

const dayEl = (d: DayColumn): HTMLElement => {
  const providers: readonly string[] = calendar.providers.map((p) => p.id);
  const lane = (b: Block) => Math.max(0, providers.indexOf(b.provider));
  return el(
    'div',
    { class: `day${d.dst ? ' dst' : ''}`, 'data-date': d.date, 'data-dst': String(d.dst) },
    el('h3', {}, `${d.date}${d.dst ? ` (DST change, ${d.hours} h)` : ''}`),
    el(
      'div',
      { class: 'column' },
      ...d.available.map((b) => blockEl(b, 'open', lane(b), providers.length)),
      ...d.booked.map((b) => blockEl(b, 'booked', lane(b), providers.length)),
      ...d.slots.map((b) => blockEl(b, 'slot', lane(b), providers.length)),
    ),
  );
};

const renderWeek = (): void => {
  const date = parseIsoDate(byId<HTMLInputElement>('date').value);
  if (isErr(date)) {
    byId('error').textContent = 'Pick a date to see its week.';
    return;
  }
  const view = weekView(calendar, CLINIC_ZONE, isoInstant(clinic.scheduling.now), {
    type: byId<HTMLSelectElement>('type').value,
    patientZone: zone(byId<HTMLSelectElement>('zone').value),
    date: date.right,
  });
  byId('error').textContent = view.error ?? '';
  byId('now').textContent = view.now;
  byId('week').replaceChildren(...view.days.map(dayEl));
  byId('slot-count').textContent = String(view.slots.length);
  // The first few of each day, so a late day of the week (the DST Sunday) is listed too.
  const perDay = new Map<string, number>();
  const listed = view.slots.filter((s) => {
    const [day = ''] = s.clinicTime.split(' ');
    const seen = perDay.get(day) ?? 0;
    perDay.set(day, seen + 1);
    return seen < SLOTS_LISTED_PER_DAY;
  });
  byId('slots').replaceChildren(
    ...listed.map((s) =>
      el('li', {}, `${s.provider} ${s.clinicTime} clinic time = ${s.patientTime} patient time`),
    ),
  );
  byId('exclusions').replaceChildren(
    ...view.exclusions.map((x) =>
      el('tr', {}, el('td', {}, x.provider), el('td', {}, x.clinicTime), el('td', {}, x.reasons.join('; '))),
    ),
  );
};

const readForm = (): CostShareForm => ({
  deductible: byId<HTMLInputElement>('deductible').value,
  deductibleMet: byId<HTMLInputElement>('deductible-met').value,
  coinsurancePercent: byId<HTMLInputElement>('coinsurance').value,
  copay: byId<HTMLInputElement>('copay').value,
  oopMax: byId<HTMLInputElement>('oop-max').value,
  oopMet: byId<HTMLInputElement>('oop-met').value,
  lines: byId<HTMLInputElement>('lines')
    .value.split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((s) => {
      const [code = '', allowed = ''] = s.split('=');
      return { code: code.trim(), allowed: allowed.trim() };
    }),
});

const renderCostShare = (): void => {
  const result = costShareBreakdown(readForm());
  byId('cost-error').textContent = 'error' in result ? result.error : '';
  byId('breakdown').replaceChildren(
    ...('rows' in result ? result.rows : []).map((r) =>
      el(
        'tr',
        { 'data-line': r.line },
        ...[r.line, r.allowed, r.copay, r.deductible, r.coinsurance, r.patientPays, r.planPays, r.notes].map(
          (v) => el('td', {}, v),
        ),
      ),
    ),
  );
};

const field = (id: string, label: string, value: string): HTMLElement =>
  el('label', {}, `${label} `, el('input', { id, value, size: '10' }));

document.body.append(
  el('h1', {}, `medoffice playground: ${clinic.name}`),
  el('p', {}, 'Everything on this page is computed in your browser by medoffice itself.'),
  el('h2', {}, 'A week of the clinic'),
  el(
    'form',
    { id: 'week-form' },
    el(
      'label',
      {},
      'Visit type ',
      el(
        'select',
        { id: 'type' },
        ...calendar.appointmentTypes.map((t) => el('option', { value: t.id }, t.name ?? t.id)),
      ),
    ),
    el(
      'label',
      {},
      ' Patient zone ',
      el('select', { id: 'zone' }, ...ZONES.map((z) => el('option', { value: z }, z))),
    ),
    el('label', {}, ' Week of ', el('input', { id: 'date', type: 'date', value: clinic.today })),
    el('button', { id: 'dst-week', type: 'button' }, 'Example: the week New York falls back'),
  ),
  el(
    'p',
    {},
    `On Sunday ${DST_EXAMPLE.date} New York's clocks go back from 02:00 to 01:00 (a 25-hour day), and `,
    'the sample clinic holds a Sunday morning clinic that day. The example shows that week with the patient ',
    `in ${DST_EXAMPLE.patientZone}, which changed a week earlier: the same 08:00 clinic slot is 12:00 in `,
    'London on a weekday before the change and 13:00 on the Sunday.',
  ),
  el(
    'p',
    {},
    'Booking as of ',
    el('code', { id: 'now' }),
    '. Grid in clinic time (',
    CLINIC_ZONE,
    `), ${FIRST_HOUR}:00 to ${LAST_HOUR}:00; one lane per provider: `,
    calendar.providers.map((p) => p.id).join(', '),
    '.',
  ),
  el('p', { id: 'error', class: 'error' }),
  el('div', { id: 'week', class: 'week' }),
  el(
    'p',
    {},
    el('span', { class: 'key open' }, 'open'),
    el('span', { class: 'key booked' }, 'booked'),
    el('span', { class: 'key slot' }, 'slot offered'),
    el('span', { class: 'key dstkey' }, 'DST change day'),
  ),
  el('h3', {}, 'Slots (', el('span', { id: 'slot-count' }), ')'),
  el('ul', { id: 'slots' }),
  el('h3', {}, 'Times not offered, with reasons'),
  el(
    'table',
    {},
    el(
      'thead',
      {},
      el('tr', {}, el('th', {}, 'provider'), el('th', {}, 'clinic time'), el('th', {}, 'reasons')),
    ),
    el('tbody', { id: 'exclusions' }),
  ),
  el('h2', {}, 'Cost-share calculator'),
  el(
    'form',
    { id: 'cost-form' },
    field('deductible', 'Deductible $', DEFAULT_FORM.deductible),
    field('deductible-met', 'Deductible met so far $', DEFAULT_FORM.deductibleMet),
    field('coinsurance', 'Coinsurance %', DEFAULT_FORM.coinsurancePercent),
    field('copay', 'Copay $', DEFAULT_FORM.copay),
    field('oop-max', 'Out-of-pocket max $', DEFAULT_FORM.oopMax),
    field('oop-met', 'Out-of-pocket met so far $', DEFAULT_FORM.oopMet),
    el(
      'label',
      {},
      ' Lines (code=allowed, ...) ',
      el('input', {
        id: 'lines',
        size: '40',
        value: DEFAULT_FORM.lines.map((l) => `${l.code}=${l.allowed}`).join(', '),
      }),
    ),
    el('button', { id: 'estimate', type: 'button' }, 'Estimate'),
  ),
  el('p', { id: 'cost-error', class: 'error' }),
  el(
    'table',
    {},
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        ...[
          'line',
          'allowed',
          'copay',
          'deductible',
          'coinsurance',
          'patient pays',
          'plan pays',
          'notes',
        ].map((h) => el('th', {}, h)),
      ),
    ),
    el('tbody', { id: 'breakdown' }),
  ),
);

byId('week-form').addEventListener('change', renderWeek);
byId('dst-week').addEventListener('click', () => {
  byId<HTMLInputElement>('date').value = DST_EXAMPLE.date;
  byId<HTMLSelectElement>('zone').value = DST_EXAMPLE.patientZone;
  renderWeek();
});
byId('estimate').addEventListener('click', renderCostShare);
byId('cost-form').addEventListener('change', renderCostShare);
renderWeek();
renderCostShare();
document.body.dataset['ready'] = 'true';
