// The service names the benches' generated events and messages cycle through: one list, so every bench's data
// names the same services.
export const BENCH_SERVICES = [
  'cert-manager',
  'ingress',
  'dns',
  'github',
  'sentry',
  'kubernetes',
  'rds',
  'vault',
  'concourse',
  'grafana',
  'prometheus',
  'elasticsearch',
] as const;
