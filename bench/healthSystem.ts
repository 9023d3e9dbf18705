// The benchmarks' deterministic health system now ships as part of `medoffice/testing`, so teams
// can benchmark and test against the same calendar; this keeps the benchmark imports stable.
export {
  generateHealthSystem,
  HEALTH_SYSTEM_APPOINTMENT_TYPES as TYPES,
  HEALTH_SYSTEM_ZONES as ZONES,
  type HealthSystemOptions,
} from '../src/testing/healthSystem.js';
