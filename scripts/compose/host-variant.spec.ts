import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { hostVariant, type Compose, type Images } from './host-variant';

const root = join(__dirname, '..', '..');
const images: Images = {
  engine: 'engine:test',
  engineBuild: 'engine-build:test',
  postgres: 'pg:standin',
  rabbitmq: 'rabbit:standin',
  nginx: 'nginx:standin',
};
const readFile = (path: string) => readFileSync(join(root, path), 'utf8');
const real = () => load(readFile('docker-compose.yml')) as Compose;
const variantOf = (compose: Compose) => hostVariant(compose, { portBase: 52100, images, readFile });

/** Ports the machine's own services hold (PostgreSQL, RabbitMQ and its Erlang ports, Redis, NATS). */
const MACHINE_PORTS = [5432, 5672, 4369, 25672, 6379, 4222];

describe('the host-network variant of docker-compose.yml', () => {
  it("given the real file, then every service runs on host networking on a port of its own, none of the machine's", () => {
    const { compose, ports } = variantOf(real());
    expect(Object.keys(compose.services)).toEqual(Object.keys(real().services));
    for (const service of Object.values(compose.services)) {
      expect(service.network_mode).toBe('host');
      expect(service.ports).toBeUndefined();
    }
    const used = Object.values(ports);
    expect(new Set(used).size).toBe(used.length);
    for (const port of used) expect(MACHINE_PORTS).not.toContain(port);
    expect(compose.services['case-api-1'].environment).toMatchObject({ PORT: String(ports['case-api-1']) });
    expect(compose.services.postgres.environment).toMatchObject({ PGPORT: String(ports.postgres) });
  });

  it('given the real file, then no address names a service: each is its 127.0.0.1 port', () => {
    const { compose, files, ports } = variantOf(real());
    const text = JSON.stringify(compose) + Object.values(files).join('\n');
    for (const name of Object.keys(compose.services)) expect(text).not.toMatch(new RegExp(`\\b${name}:\\d`));
    expect(compose.services['case-worker'].environment).toMatchObject({
      EVENTSTORE_URL: `esdb://127.0.0.1:${ports.eventstore}?tls=false`,
      DATABASE_URL: `postgres://engine:engine@127.0.0.1:${ports.postgres}/cases`,
      RABBITMQ_URL: `amqp://engine:engine@127.0.0.1:${ports.rabbitmq}`,
    });
    expect(files['./docker/nginx.conf']).toContain(`server 127.0.0.1:${ports['case-api-2']} `);
    expect(files['./docker/nginx.conf']).toContain(`listen 127.0.0.1:${ports.proxy};`);
  });

  it('given the real file, then the engine runs the built image and each third-party image a labelled stand-in', () => {
    const { compose, standIns } = variantOf(real());
    expect(compose.services['case-api-2'].image).toBe('engine:test');
    expect(compose.services['case-api-2'].build).toBeUndefined();
    expect(compose.services.eventstore.image).toBe('engine-build:test');
    expect(standIns.eventstore).toMatch(/STAND-IN.*not EventStoreDB/);
    expect(Object.keys(standIns).sort()).toEqual(['eventstore', 'postgres', 'proxy', 'rabbitmq']);
    // The dependencies and their health conditions are the real file's.
    expect(compose.services.proxy.depends_on).toEqual(real().services.proxy.depends_on);
  });

  it('given a service whose image has no stand-in, then the variant is refused, naming it', () => {
    const compose = real();
    compose.services.redis = { image: 'redis:7' };
    expect(() => variantOf(compose)).toThrow(/service redis: no stand-in for image redis:7/);
  });

  it('given an address on a port the variant does not map, then it is refused', () => {
    const compose = real();
    compose.services['case-worker'].environment = { DATABASE_URL: 'postgres://postgres:6543/cases' };
    expect(() => variantOf(compose)).toThrow(/postgres:6543: the host-network variant maps no such port/);
  });
});
