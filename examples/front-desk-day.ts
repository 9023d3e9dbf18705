// `npm run demo`: a morning at the front desk of the built-in sample clinic (examples/data/).
// Each module adds its part of the day in examples/day/.
import { loadClinic } from './day/clinic.js';
import { printCoreSection } from './day/core.js';

const clinic = loadClinic();
console.log(`medoffice front-desk day at ${clinic.name}, ${clinic.today}`);
printCoreSection(clinic);
