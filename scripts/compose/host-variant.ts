import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { dump, load } from 'js-yaml';

/**
 * The host-network variant of docker-compose.yml that `npm run test:compose` starts. Our CI
 * machines have no image registry and only host networking, so the variant is made from the real
 * file rather than written beside it (the two cannot drift): every service gets
 * `network_mode: host` and a 127.0.0.1 port of its own (the machine's PostgreSQL, RabbitMQ and
 * Redis keep theirs), each `service:port` address is rewritten to it, the engine's services run the
 * image built from the real Dockerfile, and each third-party image is replaced by a local STAND-IN.
 * A service, or an address, the variant does not know is an error: a new one must be given a stand-in.
 */

type Env = Record<string, string>;
interface Healthcheck {
  test: string[];
  interval?: string;
  timeout?: string;
  retries?: number;
  start_period?: string;
}
interface Service {
  build?: unknown;
  image?: string;
  command?: string[];
  environment?: Env | string[];
  ports?: string[];
  volumes?: string[];
  healthcheck?: Healthcheck;
  depends_on?: unknown;
  restart?: string;
  network_mode?: string;
  labels?: Env;
}
export interface Compose {
  version?: string;
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

/** What replaces a third-party image, told the 127.0.0.1 port it must listen on. */
interface StandIn {
  /** The official image's name (without tag) this stands in for. */
  replaces: string;
  /** What the test prints and labels the container with. */
  label: string;
  /** The port(s) the official image listens on, first the one others connect to. */
  listens: number[];
  image: (images: Images) => string;
  command?: string[];
  environment?: (port: number) => Env;
  healthcheck: (port: number) => string[];
}

export interface Images {
  /** The image built from the real Dockerfile. */
  engine: string;
  /** Its `build` stage (sources and dev dependencies): runs the EventStoreDB protocol fake. */
  engineBuild: string;
  postgres: string;
  rabbitmq: string;
  nginx: string;
}

const tcpOpen = (port: number) => ['CMD', 'bash', '-c', `exec 3<>/dev/tcp/127.0.0.1/${port}`];

export const STAND_INS: readonly StandIn[] = [
  {
    replaces: 'eventstore/eventstore',
    label: 'EventStoreDB STAND-IN: the protocol fake of libs/event-store/testing, not EventStoreDB',
    listens: [2113],
    image: (images) => images.engineBuild,
    command: [
      'node',
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      'libs/event-store/testing/esdb-protocol-fake/serve.ts',
    ],
    environment: (port) => ({
      ESDB_STAND_IN_PORT: String(port),
      ESDB_STAND_IN_FILE: '/var/lib/eventstore/events.sqlite',
    }),
    healthcheck: tcpOpen,
  },
  {
    replaces: 'postgres',
    label: "PostgreSQL STAND-IN: Debian's postgresql-15 (trust authentication), not the official image",
    listens: [5432],
    image: (images) => images.postgres,
    environment: (port) => ({ PGPORT: String(port) }),
    healthcheck: (port) => ['CMD', '/usr/lib/postgresql/15/bin/pg_isready', '-h', '127.0.0.1', '-p', String(port)],
  },
  {
    replaces: 'rabbitmq',
    label: "RabbitMQ STAND-IN: Debian's rabbitmq-server, not the official image",
    listens: [5672],
    image: (images) => images.rabbitmq,
    environment: (port) => ({ RABBITMQ_NODE_PORT: String(port), RABBITMQ_NODE_IP_ADDRESS: '127.0.0.1' }),
    healthcheck: tcpOpen,
  },
  {
    replaces: 'nginx',
    label: "nginx STAND-IN: Debian's nginx-light with the same conf.d, not the official image",
    listens: [80],
    image: (images) => images.nginx,
    healthcheck: (port) => ['CMD', 'curl', '-fs', '-o', '/dev/null', `http://127.0.0.1:${port}/health`],
  },
];

/** The port the engine listens on in its container (the Dockerfile's PORT). */
const ENGINE_PORT = 3000;

export interface Variant {
  compose: Compose;
  /** Bind-mounted files, rewritten for host networking: path relative to the output directory → text. */
  files: Record<string, string>;
  /** service → its 127.0.0.1 port. */
  ports: Record<string, number>;
  /** service → what it stands in for (third-party services only). */
  standIns: Record<string, string>;
}

/**
 * The variant of `compose` (docker-compose.yml as parsed) for host networking. Ports are
 * `portBase` + an offset per service, in the order the services are declared.
 */
export function hostVariant(
  compose: Compose,
  options: { portBase: number; images: Images; readFile: (path: string) => string },
): Variant {
  const names = Object.keys(compose.services);
  const ports: Record<string, number> = {};
  const addresses = new Map<string, string>();
  const standIns: Record<string, string> = {};
  const kinds = new Map<string, StandIn | 'engine'>();
  names.forEach((name, index) => {
    const service = compose.services[name];
    const kind = service.build ? 'engine' : standInFor(name, service.image);
    kinds.set(name, kind);
    ports[name] = options.portBase + index;
    const listens = kind === 'engine' ? [ENGINE_PORT] : kind.listens;
    for (const port of listens) addresses.set(`${name}:${port}`, `127.0.0.1:${ports[name]}`);
    if (kind !== 'engine') standIns[name] = kind.label;
  });
  const rewrite = (text: string) => rewriteAddresses(text, names, addresses);

  const files: Record<string, string> = {};
  const services: Record<string, Service> = {};
  for (const name of names) {
    const service = compose.services[name];
    const kind = kinds.get(name)!;
    const port = ports[name];
    const environment = Object.fromEntries(
      Object.entries(environmentOf(service.environment)).map(([key, value]) => [key, rewrite(value)]),
    );
    const out: Service = {
      network_mode: 'host',
      // The test kills an API container to show the other serving: the daemon must not restart it meanwhile.
      restart: 'no',
      ...(service.depends_on ? { depends_on: service.depends_on } : {}),
    };
    if (kind === 'engine') {
      out.image = options.images.engine;
      if (service.command) out.command = service.command.map(rewrite);
      // On the machine's loopback only: host networking would otherwise open it on every interface.
      out.environment = { ...environment, PORT: String(port), HOST: '127.0.0.1' };
      if (service.healthcheck)
        out.healthcheck = { ...service.healthcheck, test: service.healthcheck.test.map(rewrite) };
    } else {
      out.image = kind.image(options.images);
      if (kind.command) out.command = kind.command;
      out.environment = { ...environment, ...kind.environment?.(port) };
      out.healthcheck = { ...service.healthcheck, test: kind.healthcheck(port) };
      out.labels = { 'stand-in': kind.label };
    }
    if (service.volumes) {
      out.volumes = service.volumes.map((volume) => {
        if (!volume.startsWith('./')) return volume;
        const [source, ...rest] = volume.split(':');
        const listenPorts = kind === 'engine' ? [ENGINE_PORT] : kind.listens;
        files[source] = rewriteListen(rewrite(options.readFile(source)), listenPorts[0], port);
        return [source, ...rest].join(':');
      });
    }
    services[name] = out;
  }
  return { compose: { version: compose.version, services, volumes: compose.volumes }, files, ports, standIns };
}

function standInFor(name: string, image: string | undefined): StandIn {
  const repository = (image ?? '').replace(/:[^/:]+$/, '');
  const standIn = STAND_INS.find((candidate) => candidate.replaces === repository);
  if (!standIn) {
    throw new Error(
      `service ${name}: no stand-in for image ${image ?? '(none)'}; add one to scripts/compose/host-variant.ts`,
    );
  }
  return standIn;
}

function environmentOf(environment: Service['environment']): Env {
  if (!environment) return {};
  if (Array.isArray(environment)) {
    return Object.fromEntries(environment.map((entry) => [entry.split('=')[0], entry.slice(entry.indexOf('=') + 1)]));
  }
  return Object.fromEntries(
    Object.entries(environment).map(([key, value]) => [key, value == null ? '' : String(value)]),
  );
}

/** Every `service:port` becomes its 127.0.0.1 address; a service named with a port the variant does not map is an error. */
function rewriteAddresses(text: string, names: string[], addresses: Map<string, string>): string {
  const pattern = new RegExp(`(?<![\\w.-])(${names.map(escape).join('|')}):(\\d+)(?![\\w-])`, 'g');
  return text.replace(pattern, (match) => {
    const address = addresses.get(match);
    if (!address) throw new Error(`${match}: the host-network variant maps no such port`);
    return address;
  });
}

function rewriteListen(text: string, from: number, to: number): string {
  return text.replace(new RegExp(`(\\blisten\\s+)${from}\\b`, 'g'), (_, listen: string) => `${listen}127.0.0.1:${to}`);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');

/** `tsx scripts/compose/host-variant.ts <docker-compose.yml> <out dir> <port base> <engine image> <build image> <postgres> <rabbitmq> <nginx>` */
function main(argv: string[]) {
  const [file, outDir, portBase, engine, engineBuild, postgres, rabbitmq, nginx] = argv;
  if (!nginx)
    throw new Error(
      'usage: host-variant.ts <compose file> <out dir> <port base> <engine> <engine build> <postgres> <rabbitmq> <nginx>',
    );
  const source = resolve(file);
  const variant = hostVariant(load(readFileSync(source, 'utf8')) as Compose, {
    portBase: Number(portBase),
    images: { engine, engineBuild, postgres, rabbitmq, nginx },
    readFile: (path) => readFileSync(join(dirname(source), path), 'utf8'),
  });
  mkdirSync(outDir, { recursive: true });
  for (const [path, text] of Object.entries(variant.files)) {
    mkdirSync(dirname(join(outDir, path)), { recursive: true });
    writeFileSync(join(outDir, path), text);
  }
  const header = `# GENERATED from ${file} by scripts/compose/host-variant.ts for host networking; do not edit.\n`;
  writeFileSync(join(outDir, 'docker-compose.yml'), header + dump(variant.compose, { lineWidth: 200, noRefs: true }));
  // For the test script: the ports and the stand-ins, one `service port label` a line.
  writeFileSync(
    join(outDir, 'services.txt'),
    Object.entries(variant.ports)
      .map(([name, port]) => `${name} ${port} ${variant.standIns[name] ?? 'the engine, built from the Dockerfile'}`)
      .join('\n') + '\n',
  );
}

if (require.main === module) main(process.argv.slice(2));
