import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { goTool, repoRoot } from './support/go-tool';

/** The rendered objects as k8s-check prints them (only the fields these tests read). */
interface K8sObject {
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  spec?: Record<string, unknown>;
}
interface Container {
  name: string;
  image: string;
  ports?: { name: string; containerPort: number }[];
  env?: { name: string; value?: string }[];
  readinessProbe?: { httpGet?: { path: string; port: string } };
  livenessProbe?: { httpGet?: { path: string; port: string } };
}
interface Peer {
  podSelector?: { matchLabels?: Record<string, string> };
  namespaceSelector?: { matchLabels?: Record<string, string> };
  ipBlock?: unknown;
}

const overlay = path.join(repoRoot, 'deploy/k8s/overlays/production');
const EXTERNAL_SECRETS = ['fupin-secrets', 'fupin-gateway-signing'];
const SERVICES = [
  'gateway',
  'registry',
  'assistance',
  'funds',
  'support',
  'matching',
  'assessment',
];

function render(
  dir: string,
  externalSecrets = EXTERNAL_SECRETS,
): { ok: true; objects: K8sObject[] } | { ok: false; error: string } {
  const args = [...externalSecrets.flatMap((s) => ['-external-secret', s]), dir];
  try {
    const out = execFileSync(goTool('k8s-check'), args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
    return { ok: true, objects: JSON.parse(out) as K8sObject[] };
  } catch (err) {
    return { ok: false, error: String((err as { stderr?: string }).stderr ?? err) };
  }
}

function rendered(): K8sObject[] {
  const result = render(overlay);
  if (!result.ok) throw new Error(result.error);
  return result.objects;
}

const find = (objects: K8sObject[], kind: string, name: string) =>
  objects.find((o) => o.kind === kind && o.metadata.name === name);

const containerOf = (deployment: K8sObject): Container =>
  (deployment.spec as { template: { spec: { containers: Container[] } } }).template.spec
    .containers[0]!;

/** A throwaway kustomization; `{base}` in its files stands for the real base, relative to it. */
function variant(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'k8s-check-'));
  // kustomize accepts other kustomizations only by relative path.
  const base = path.relative(dir, path.join(repoRoot, 'deploy/k8s/base'));
  for (const [name, text] of Object.entries(files))
    fs.writeFileSync(path.join(dir, name), text.replaceAll('{base}', base));
  return dir;
}

let objects: K8sObject[];
beforeAll(() => {
  objects = rendered();
}, 300_000);

test('the production overlay renders and every object decodes strictly into its Kubernetes type', () => {
  expect(objects.length).toBeGreaterThan(40);
  expect(objects.every((o) => o.metadata.namespace === 'fupin' || o.kind === 'Namespace')).toBe(
    true,
  );
});

test('each service and the console has a Deployment, Service, autoscaler and disruption budget', () => {
  for (const name of [...SERVICES, 'console']) {
    for (const kind of ['Deployment', 'Service', 'HorizontalPodAutoscaler', 'PodDisruptionBudget'])
      expect([name, kind, find(objects, kind, name) !== undefined]).toEqual([name, kind, true]);
  }
});

test('services listen on their own port, probe /readyz and /healthz, and use their own database', () => {
  for (const name of SERVICES) {
    const pkg = JSON.parse(
      fs.readFileSync(path.join(repoRoot, 'services', name, 'package.json'), 'utf8'),
    ) as { fupin: { port: number } };
    const c = containerOf(find(objects, 'Deployment', name)!);
    expect(c.ports?.[0]?.containerPort).toBe(pkg.fupin.port);
    expect(c.readinessProbe?.httpGet?.path).toBe('/readyz');
    expect(c.livenessProbe?.httpGet?.path).toBe('/healthz');
    const env = Object.fromEntries((c.env ?? []).map((e) => [e.name, e.value]));
    expect(env.MONGO_DB).toBe(name);
    expect(env.PORT).toBe(String(pkg.fupin.port));
    expect(c.image).toMatch(new RegExp(`/fupin/${name}:\\d`));
  }
});

test('the gateway proxies every other service by its cluster address', () => {
  const env = containerOf(find(objects, 'Deployment', 'gateway')!).env ?? [];
  const value = env.find((e) => e.name === 'GATEWAY_SERVICES')?.value ?? '';
  const map = Object.fromEntries(value.split(',').map((p) => p.split('=') as [string, string]));
  for (const name of SERVICES.filter((s) => s !== 'gateway')) {
    const c = containerOf(find(objects, 'Deployment', name)!);
    expect(map[name]).toBe(`http://${name}:${c.ports?.[0]?.containerPort}`);
  }
});

test('services accept traffic only from the gateway (plus metrics scraping and snapshot readers)', () => {
  const policies = objects.filter((o) => o.kind === 'NetworkPolicy');
  const denyAll = policies.find((p) => p.metadata.name === 'default-deny-ingress');
  expect(denyAll?.spec).toEqual({ podSelector: {}, policyTypes: ['Ingress'] });

  for (const name of SERVICES.filter((s) => s !== 'gateway')) {
    const own = policies.filter(
      (p) =>
        (p.spec?.podSelector as { matchLabels?: Record<string, string> })?.matchLabels?.[
          'app.kubernetes.io/name'
        ] === name,
    );
    expect(own).toHaveLength(1);
    const peers = ((own[0]!.spec!.ingress as { from: Peer[] }[]) ?? []).flatMap((r) => r.from);
    for (const peer of peers) {
      expect(peer.ipBlock).toBeUndefined();
      if (peer.namespaceSelector) {
        // Only the monitoring namespace (Prometheus), never "any namespace".
        expect(peer.namespaceSelector.matchLabels).toEqual({ 'fupin.gov.cn/monitoring': 'true' });
        expect(peer.podSelector).toBeUndefined();
      } else {
        const labels = peer.podSelector?.matchLabels ?? {};
        const fromGateway = labels['app.kubernetes.io/name'] === 'gateway';
        const snapshotReader =
          name === 'registry' && labels['fupin.gov.cn/reads-registry-snapshot'] === 'true';
        expect([name, labels, fromGateway || snapshotReader]).toEqual([name, labels, true]);
      }
    }
  }
});

test('the checker refuses an unknown field, a missing probe, a selector that selects nothing', () => {
  const misspelt = variant({
    'kustomization.yaml': `resources: ['{base}']\npatches:\n  - target: { kind: Deployment, name: registry }\n    patch: |-\n      - op: add\n        path: /spec/template/spec/containers/0/readinesProbe\n        value: { httpGet: { path: /readyz, port: http } }\n`,
  });
  const r1 = render(misspelt);
  expect(r1.ok).toBe(false);
  expect(r1.ok ? '' : r1.error).toMatch(/Deployment registry.*unknown field.*readinesProbe/);

  const careless = variant({
    'kustomization.yaml': 'resources: [app.yaml]\n',
    'app.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: web
          image: nginx
          ports: [{ name: http, containerPort: 80 }]
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: wbe }
  ports: [{ name: http, port: 80, targetPort: http }]
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: web }
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: webb }
  minReplicas: 3
  maxReplicas: 2
`,
  });
  const r2 = render(careless, []);
  expect(r2.ok).toBe(false);
  const error = r2.ok ? '' : r2.error;
  expect(error).toMatch(/container web: no readinessProbe/);
  expect(error).toMatch(/container web: no livenessProbe/);
  expect(error).toMatch(/container web: no memory request/);
  expect(error).toMatch(/runAsNonRoot/);
  expect(error).toMatch(/Service web: selector .* selects no pods/);
  expect(error).toMatch(/HorizontalPodAutoscaler web: scaleTargetRef .*webb/);
  expect(error).toMatch(/1 <= min \(3\) <= max \(2\)/);
});

test('a Secret that is neither rendered nor declared external is refused', () => {
  const result = render(overlay, ['fupin-secrets']);
  expect(result.ok).toBe(false);
  expect(result.ok ? '' : result.error).toMatch(/Secret fupin-gateway-signing/);
});
