import type { Admin } from 'kafkajs';
import type { GroupOffsets } from './manifest';

/**
 * The committed offsets of every consumer group whose id starts with `prefix` (the topic
 * prefix of an environment; empty: every group). Partitions without a commit are left out:
 * such a group starts where its own configuration says, as it would have.
 */
export async function readGroupOffsets(admin: Admin, prefix: string): Promise<GroupOffsets[]> {
  const { groups } = await admin.listGroups();
  const ids = groups
    .filter((g) => g.protocolType === 'consumer' && g.groupId.startsWith(prefix))
    .map((g) => g.groupId)
    .sort();
  const out: GroupOffsets[] = [];
  for (const groupId of ids) {
    const topics = (await admin.fetchOffsets({ groupId }))
      .map(({ topic, partitions }) => ({
        topic,
        partitions: partitions
          .filter((p) => Number(p.offset) >= 0)
          .map((p) => ({ partition: p.partition, offset: p.offset })),
      }))
      .filter((t) => t.partitions.length > 0);
    if (topics.length > 0) out.push({ groupId, topics });
  }
  return out;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Sets each group's offsets as the backup read them. Kafka refuses this while a group has
 * members, so restore runs with the services stopped; a group still settling after its last
 * member left is retried for a while before the refusal is reported.
 */
export async function writeGroupOffsets(admin: Admin, groups: GroupOffsets[]): Promise<void> {
  for (const group of groups)
    for (const { topic, partitions } of group.topics) {
      for (let attempt = 1; ; attempt += 1) {
        try {
          await admin.setOffsets({ groupId: group.groupId, topic, partitions });
          break;
        } catch (err) {
          if (attempt >= 20)
            throw new Error(
              `cannot set the offsets of ${group.groupId} on ${topic} (stop its consumers first): ${String(err)}`,
            );
          await pause(500);
        }
      }
    }
}
