// Tests run in UTC unless a test sets a zone itself, so date logic is checked against
// Asia/Shanghai explicitly rather than by accident of the machine's zone.
process.env.TZ = 'UTC';
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'silent';
