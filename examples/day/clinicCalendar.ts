// The sample clinic as a scheduling calendar: each provider's weekly hours become a weekly
// availability template (the lunch break splits the day into two windows), joined with the
// scheduling state kept in clinic.json (visit types, room hours, holidays, appointments, holds).
import type { SchedulingCalendar } from '../../src/scheduling/index.js';
import { parseSchedulingCalendar } from '../../src/scheduling/index.js';
import type { SampleClinic } from './clinic.js';

export const clinicCalendar = (clinic: SampleClinic): SchedulingCalendar => {
  const weekly = clinic.providers.flatMap((p) =>
    p.weeklyHours.map((h, i) => ({
      id: `${p.id}-hours-${i}`,
      owner: { kind: 'provider', id: p.id },
      zone: p.zone,
      location: p.locations[0],
      windows: h.lunch
        ? [
            { start: h.start, end: h.lunch[0] },
            { start: h.lunch[1], end: h.end },
          ]
        : [{ start: h.start, end: h.end }],
      rrule: `FREQ=WEEKLY;BYDAY=${h.days.join(',')}`,
      dtstart: '2026-01-05',
    })),
  );
  const parsed = parseSchedulingCalendar({
    providers: clinic.providers.map(({ id, name, zone, locations, specialties }) => ({
      id,
      name,
      zone,
      locations,
      specialties,
    })),
    locations: clinic.locations,
    resources: clinic.resources.map((r) => ({
      ...r,
      category: r.kind.endsWith('-room') ? 'room' : 'equipment',
    })),
    appointmentTypes: clinic.scheduling.appointmentTypes,
    templates: [...weekly, ...clinic.scheduling.templates],
    exceptions: clinic.scheduling.exceptions,
    appointments: clinic.scheduling.appointments,
    holds: clinic.scheduling.holds,
  });
  if (parsed._tag === 'Left') throw new Error(parsed.left.message);
  return parsed.right;
};
