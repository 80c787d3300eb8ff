// Tests run in UTC unless a test sets a zone itself, so date logic is checked against
// Asia/Shanghai explicitly rather than by accident of the machine's zone.
process.env.TZ = 'UTC';
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'silent';
// Every test file makes topics of its own; one partition each keeps the broker's open files low.
process.env.KAFKA_TOPIC_PARTITIONS = process.env.KAFKA_TOPIC_PARTITIONS ?? '1';
