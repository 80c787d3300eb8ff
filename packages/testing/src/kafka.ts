import type { Kafka, KafkaMessage } from 'kafkajs';

export interface Collected {
  topic: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

function headersOf(m: KafkaMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(m.headers ?? {})) {
    const one = Array.isArray(v) ? v[0] : v;
    if (one !== undefined) out[k] = one.toString();
  }
  return out;
}

/** Reads every message of some topics from the beginning into an array, for assertions. */
export async function collectTopics(kafka: Kafka, topics: string[], groupId: string) {
  const messages: Collected[] = [];
  const consumer = kafka.consumer({ groupId });
  let joined!: () => void;
  const ready = new Promise<void>((r) => (joined = r));
  consumer.on(consumer.events.GROUP_JOIN, () => joined());
  await consumer.connect();
  for (const topic of topics) await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ topic, message }) => {
      messages.push({
        topic,
        key: message.key?.toString() ?? null,
        value: message.value?.toString() ?? null,
        headers: headersOf(message),
      });
    },
  });
  await ready;
  return { messages, stop: () => consumer.disconnect() };
}
