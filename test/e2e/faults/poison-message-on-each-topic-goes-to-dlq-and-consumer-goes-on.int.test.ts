import { createEvent, HouseholdRegistered, MemberAdded, SYSTEM_ACTOR } from '@fupin/contracts';
import {
  connectMongo,
  createKafka,
  createLogger,
  createProducer,
  ensureIndexes,
  ensureTopics,
  projectedHouseholdModel,
  REGISTRY_PROJECTION_TOPICS,
  RegistryProjection,
  Shutdown,
  topicName,
} from '@fupin/kit';
import { collectTopics, eventually, getInfra, uniqueDbName, uniqueName } from '@fupin/testing';

/**
 * Fault 5: a poison message — not JSON, or an envelope that breaks its contract — on each
 * topic a consumer reads goes to `<topic>.dlq` with the reason, and the consumer goes on to
 * the next message.
 */
test('poison on each consumed topic is dead-lettered and the next event still applies', async () => {
  const infra = await getInfra();
  const logger = createLogger({ name: 'poison', level: 'silent' });
  const prefix = uniqueName();
  const conn = await connectMongo({ url: infra.mongoUrl, dbName: uniqueDbName(), logger });
  const kafka = createKafka({ brokers: infra.kafkaBrokers, clientId: prefix, logger });
  const producer = createProducer(kafka);
  await producer.connect();
  const topics = REGISTRY_PROJECTION_TOPICS.map((t) => topicName(prefix, t));
  await ensureTopics(kafka, [...topics, ...topics.map((t) => `${t}.dlq`)]);
  const dlq = await collectTopics(
    kafka,
    topics.map((t) => `${t}.dlq`),
    `${prefix}-dlq-observer`,
  );
  const shutdown = new Shutdown(logger);
  const model = projectedHouseholdModel(conn);
  await ensureIndexes(conn);
  const projection = new RegistryProjection({ model, logger });
  await projection.start(
    {
      kafka,
      conn,
      producer,
      logger,
      shutdown,
      topic: (t) => topicName(prefix, t),
      config: { KAFKA_TOPIC_PREFIX: prefix, CONSUMER_MAX_ATTEMPTS: 2 },
    },
    { groupId: `${prefix}-projection` },
  );
  try {
    const household = {
      id: 'h-poison',
      householdNo: 'P1',
      areaCode: '431121101201',
      groupNo: null,
      status: 'in_poverty' as const,
      attribute: null,
      mainCause: null,
      otherCauses: [],
      size: 1,
      perCapitaIncomeFen: null,
      incomeYear: null,
      housingGrade: null,
      guarantees: {
        food: true,
        clothing: true,
        compulsory_education: true,
        basic_medical: true,
        housing_safety: true,
        safe_water: true,
      },
      identificationYear: 2016,
      exitYear: null,
      partyMember: false,
      revision: 1,
    };
    const valid = {
      [HouseholdRegistered.topic]: createEvent(HouseholdRegistered, {
        aggregateId: household.id,
        areaCode: household.areaCode,
        actor: SYSTEM_ACTOR,
        payload: { household },
      }),
      [MemberAdded.topic]: createEvent(MemberAdded, {
        aggregateId: household.id,
        areaCode: household.areaCode,
        actor: SYSTEM_ACTOR,
        payload: {
          areaCode: household.areaCode,
          member: {
            id: 'm-poison',
            householdId: household.id,
            idHash: 'a'.repeat(64),
            name: '王五',
            relation: 'head',
            sex: 'male',
            birthDate: '1960-01-01',
            status: 'active',
            schoolStage: null,
            inSchool: false,
            health: null,
            labourCapacity: null,
            medicalInsurance: true,
            pensionInsurance: true,
            minimumAllowance: false,
            destituteSupport: false,
          },
        },
      }),
    };
    for (const contractTopic of REGISTRY_PROJECTION_TOPICS) {
      const broken = { ...valid[contractTopic], payload: { household: { id: 42 } } };
      await producer.send({
        topic: topicName(prefix, contractTopic),
        acks: -1,
        messages: [
          { key: household.id, value: '{not json' },
          { key: household.id, value: JSON.stringify(broken) },
          { key: household.id, value: JSON.stringify(valid[contractTopic]) },
        ],
      });
    }
    await eventually(
      async () => {
        const doc = await model.findById(household.id).lean();
        expect(doc?.revision).toBe(1);
        expect(doc?.members.map((m) => m.id)).toEqual(['m-poison']);
      },
      { timeoutMs: 60_000 },
    );
    await eventually(() => expect(dlq.messages).toHaveLength(4), { timeoutMs: 60_000 });
    for (const t of topics)
      expect(dlq.messages.filter((m) => m.topic === `${t}.dlq`).map((m) => m.value)).toEqual([
        '{not json',
        expect.stringContaining('"id":42'),
      ]);
  } finally {
    await shutdown.run('test end');
    await dlq.stop();
    await producer.disconnect();
    await conn.dropDatabase().catch(() => undefined);
    await conn.close();
  }
}, 180_000);
