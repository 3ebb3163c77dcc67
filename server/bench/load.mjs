#!/usr/bin/env node
// Load bench of Kring Server, one instance against two (docs/server/scale-out.md): 200 concurrent users
// (BENCH_USERS) browse feeds (GET /kudos), open cards (POST /people/lookup, 8 people) and send kudos
// (POST /kudos) for BENCH_SECONDS (default 15) after a 3-second warm-up, through a round-robin balancer
// on loopback, on a fresh PostgreSQL database per run (DATABASE_URL, from scripts/with-postgres.sh).
// Each user also keeps its page's live-updates stream open (GET /events; BENCH_STREAMS=0 turns that off):
// the bench measures how long a kudos takes from its sender's answer to every other user's stream.
// Prints `BENCH_ROWS [...]`: requests per second and p95 per operation, per configuration.
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { loadavg } from 'node:os';
import pg from 'pg';
import { startBalancer, startInstances } from '../scripts/cluster.mjs';

const USERS = Number(process.env.BENCH_USERS ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const WARMUP_SECONDS = 3;
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 600);
const STREAMS = process.env.BENCH_STREAMS !== '0';
/** What a user does next: mostly reading, as on an intranet. */
const MIX = [
  ['feed', 0.5],
  ['cards', 0.35],
  ['kudos', 0.15],
];

if (!process.env.DATABASE_URL) {
  console.error('load bench: needs DATABASE_URL (run it with server/scripts/with-postgres.sh)');
  process.exit(3);
}

async function freshDatabase() {
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  const name = `kring_load_${randomUUID().replace(/-/g, '')}`;
  await admin.query(`CREATE DATABASE ${name}`); // hex digits only: no parameter possible for a name
  await admin.end();
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  return url.href;
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** One request; resolves with [status, ms]. */
function call(agent, base, method, path, user, body) {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const headers = { 'x-kring-dev-user': user, accept: 'application/json' };
  if (payload) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = Buffer.byteLength(payload);
  }
  if (method === 'POST' && path === '/api/kring/kudos') headers['idempotency-key'] = randomUUID();
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(`${base}${path}`, { method, headers, agent }, (response) => {
      response.resume();
      response.on('end', () => resolve([response.statusCode, performance.now() - started]));
    });
    req.on('error', () => resolve([0, performance.now() - started]));
    req.end(payload);
  });
}

/** Keeps `user`'s event stream open; calls `onKudos(kudos)` for each kudos event. Returns the closer. */
function openStream(base, user, onKudos) {
  let buffer = '';
  const req = request(
    `${base}/api/kring/events`,
    { headers: { 'x-kring-dev-user': user, accept: 'text/event-stream' }, agent: false },
    (response) => {
      response.setEncoding('utf8');
      response.on('data', (chunk) => {
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!block.includes('event: kudos\n')) continue;
          const data = block.split('\n').find((line) => line.startsWith('data: '));
          if (data) onKudos(JSON.parse(data.slice(6)).kudos);
        }
      });
    },
  );
  req.on('error', () => undefined);
  req.end();
  return () => req.destroy();
}

async function run(instanceCount) {
  const databaseUrl = await freshDatabase();
  const env = {
    DATABASE_URL: databaseUrl,
    KRING_RATE_LIMIT: '1000000',
    KRING_KUDOS_DAILY_LIMIT: '1000000',
  };
  const instances = await startInstances(
    instanceCount,
    ['--dev', '--demo', '--demo-size', String(PEOPLE)],
    env,
  );
  const balancer = await startBalancer(instances.urls);
  const agent = new Agent({ keepAlive: true, maxSockets: USERS });
  const everyone = await (async () => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query('SELECT id FROM people ORDER BY id');
    await client.end();
    return rows.map((row) => row.id);
  })();
  const stats = Object.fromEntries(MIX.map(([name]) => [name, { ms: [], errors: 0 }]));
  /** Sent kudos (by message) → when its sender got the answer; delays until each other stream had it. */
  const answeredAt = new Map();
  const delays = [];
  let measuring = false;
  let stop = false;
  let seed = 1;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const pick = () => everyone[Math.floor(random() * everyone.length)];
  async function user(index) {
    const me = everyone[index % everyone.length];
    while (!stop) {
      const roll = random();
      let op = MIX[MIX.length - 1][0];
      for (let sum = 0, i = 0; i < MIX.length; i++) {
        sum += MIX[i][1];
        if (roll < sum) {
          op = MIX[i][0];
          break;
        }
      }
      let result;
      if (op === 'feed') result = await call(agent, balancer.url, 'GET', '/api/kring/kudos?limit=20', me);
      else if (op === 'cards')
        result = await call(agent, balancer.url, 'POST', '/api/kring/people/lookup', me, {
          ids: Array.from({ length: 8 }, pick),
        });
      else {
        let to = pick();
        while (to === me) to = pick();
        const message = `Thanks for the help with the load test! ${randomUUID()}`;
        result = await call(agent, balancer.url, 'POST', '/api/kring/kudos', me, { to: [to], message });
        if (measuring && result[0] === 201) answeredAt.set(message, performance.now());
      }
      if (!measuring) continue;
      const [status, ms] = result;
      if (status >= 200 && status < 300) stats[op].ms.push(ms);
      else stats[op].errors += 1;
    }
  }
  const closers = STREAMS
    ? everyone.slice(0, USERS).map((id) =>
        openStream(balancer.url, id, (kudos) => {
          const sent = answeredAt.get(kudos.message);
          if (measuring && sent !== undefined && kudos.from !== id) delays.push(performance.now() - sent);
        }),
      )
    : [];
  const users = Array.from({ length: USERS }, (_, index) => user(index));
  await new Promise((resolve) => setTimeout(resolve, WARMUP_SECONDS * 1000));
  measuring = true;
  const load = loadavg()[0].toFixed(1);
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
  measuring = false;
  const elapsed = (performance.now() - started) / 1000;
  stop = true;
  await Promise.all(users);
  for (const close of closers) close();
  agent.destroy();
  await balancer.close();
  await instances.stop();
  const label = instanceCount === 1 ? '1 instance' : `${instanceCount} instances`;
  const rows = [];
  let total = 0;
  for (const [op, { ms, errors }] of Object.entries(stats)) {
    ms.sort((a, b) => a - b);
    total += ms.length;
    const note = `${USERS} users, ${SECONDS} s, load ${load}${errors ? `, ${errors} errors` : ''}`;
    rows.push({
      name: `${op}: throughput (${label})`,
      value: Math.round(ms.length / elapsed),
      unit: 'req/s',
      note,
    });
    rows.push({
      name: `${op}: p95 (${label})`,
      value: Number(percentile(ms, 95).toFixed(1)),
      unit: 'ms',
      note,
    });
  }
  rows.push({ name: `all: throughput (${label})`, value: Math.round(total / elapsed), unit: 'req/s' });
  if (STREAMS) {
    delays.sort((a, b) => a - b);
    const note = `${closers.length} open streams, ${delays.length} deliveries (answer to sender → other streams)`;
    rows.push({
      name: `live: p50 (${label})`,
      value: Number(percentile(delays, 50).toFixed(1)),
      unit: 'ms',
      note,
    });
    rows.push({
      name: `live: p95 (${label})`,
      value: Number(percentile(delays, 95).toFixed(1)),
      unit: 'ms',
      note,
    });
  }
  return rows;
}

const rows = [...(await run(1)), ...(await run(2))];
console.log(`BENCH_ROWS ${JSON.stringify(rows)}`);
