import type { BenchMeasurements } from './bench-report';

/**
 * The personal delivery path's figures for `npm run bench -- --scale` (issue 15): personal
 * deliveries (one row per person per event) per event, by outcome, and the Bot Connector's
 * requests per personal card it carried.
 */
export const personalFigures = (m: BenchMeasurements) => {
  const rows = m.rows.filter((r) => r.destination?.type === 'personal');
  const count = (status: string) => rows.filter((r) => r.status === status).length;
  const sent = count('sent');
  return {
    deliveries: rows.length,
    perEvent: rows.length / (m.config.events || 1),
    sentPerEvent: sent / (m.config.events || 1),
    sent,
    held: count('held'),
    skipped: count('skipped'),
    failed: count('failed'),
    connectorRequests: m.connector.length,
    connectorPerMessage: m.connector.length / (sent || 1),
    connectorThrottled: m.connector.filter((r) => r.status === 429).length,
  };
};

const n = (value: number) => value.toFixed(2);

/** One line per size, printed under the `Scaling:` line. */
export const personalLine = (total: number, m: BenchMeasurements): string => {
  const p = personalFigures(m);
  return (
    `Personal at ${total} rules: ${n(p.perEvent)} personal deliveries per event ` +
    `(${p.deliveries}: ${p.sent} sent, ${p.held} held, ${p.skipped} skipped, ${p.failed} failed); ` +
    `Bot Connector ${n(p.connectorPerMessage)} requests per personal message ` +
    `(${p.connectorRequests} requests, ${p.connectorThrottled} throttled)`
  );
};
