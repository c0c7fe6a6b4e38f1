import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, request as httpRequest } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from './test.ts';

/*
 * The nginx settings the build writes (dist/nginx.conf, build/nginx-config.ts),
 * included in a server block as docs/deploying.md shows, served by a real nginx
 * (Debian's nginx-light; `.ci/run` installs it) on a free local port.
 */
test.describe.configure({ mode: 'serial' });

const dist = resolve('dist');
const nginxPath = process.env.NGINX_PATH ?? ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path));
let origin = '';
let folder = '';
let nginx: ChildProcess | undefined;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET with exactly the given request headers, and the answer's bytes as sent (never decompressed). */
function get(path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((done, fail) => {
    const request = httpRequest(`${origin}${path}`, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        done({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    });
    request.on('error', fail);
    request.end();
  });
}

test.beforeAll(async () => {
  if (!nginxPath) throw new Error('nginx is not installed: apt-get install -y nginx-light (or set NGINX_PATH)');
  folder = mkdtempSync(join(tmpdir(), 'rally-map-nginx-'));
  // nginx's workers run as another user when the test runs as root.
  chmodSync(folder, 0o755);
  const port = await freePort();
  origin = `http://127.0.0.1:${String(port)}`;
  const temp = (name: string) => `${name}_temp_path ${join(folder, name)};`;
  writeFileSync(
    join(folder, 'nginx.conf'),
    [
      'daemon off;',
      'worker_processes 1;',
      ...(process.getuid?.() === 0 ? ['user root;'] : []),
      `pid ${join(folder, 'nginx.pid')};`,
      `error_log ${join(folder, 'error.log')};`,
      'events { worker_connections 64; }',
      'http {',
      '  include /etc/nginx/mime.types;',
      '  default_type application/octet-stream;',
      `  access_log ${join(folder, 'access.log')};`,
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `  ${temp(name)}`),
      '  server {',
      `    listen 127.0.0.1:${String(port)};`,
      '    server_name localhost;',
      `    root ${dist};`,
      `    include ${join(dist, 'nginx.conf')};`,
      '  }',
      '}',
      '',
    ].join('\n'),
  );
  const started = spawn(nginxPath, ['-p', folder, '-c', join(folder, 'nginx.conf'), '-e', join(folder, 'error.log')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  nginx = started;
  let stderr = '';
  started.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
  const exited = new Promise<never>((_, fail) =>
    started.on('exit', () => {
      const log = existsSync(join(folder, 'error.log')) ? readFileSync(join(folder, 'error.log'), 'utf8') : '';
      fail(new Error(`nginx stopped: ${stderr} ${log}`));
    }),
  );
  const listening = (async () => {
    for (;;) {
      try {
        return await get('/');
      } catch {
        await new Promise((done) => setTimeout(done, 50));
      }
    }
  })();
  await Promise.race([listening, exited]);
});

// nginx stops with the tests, whether they passed or not.
test.afterAll(async () => {
  const running = nginx;
  if (running && running.exitCode === null) {
    const stopped = new Promise((done) => running.once('exit', done));
    running.kill('SIGTERM');
    await stopped;
  }
  if (folder) rmSync(folder, { recursive: true, force: true });
});

const header = (response: RawResponse, name: string) => String(response.headers[name] ?? '');

/** The directives of a Content-Security-Policy header, by name. */
function directives(response: RawResponse): Map<string, string> {
  return new Map(
    header(response, 'content-security-policy')
      .split(';')
      .map((directive) => directive.trim())
      .map((directive) => [directive.split(' ')[0] ?? '', directive.slice(directive.indexOf(' ') + 1)]),
  );
}

function expectSecurityHeaders(response: RawResponse, frameAncestors: string): void {
  const policy = directives(response);
  expect(policy.get('default-src')).toBe("'none'");
  expect(policy.get('script-src')).toBe("'self'");
  expect(policy.get('frame-ancestors')).toBe(frameAncestors);
  expect(header(response, 'x-content-type-options')).toBe('nosniff');
  expect(header(response, 'referrer-policy')).toBe('strict-origin-when-cross-origin');
}

test('pages carry the policy, nosniff and the referrer policy; only embed pages may be framed by others', async () => {
  for (const path of ['/', '/city/london/']) {
    const page = await get(path);
    expect(page.status, path).toBe(200);
    expect(header(page, 'content-type')).toBe('text/html; charset=utf-8');
    expectSecurityHeaders(page, "'self'");
    expect(header(page, 'cache-control')).toBe('no-cache');
  }
  for (const path of ['/embed/', '/embed/city/london/']) {
    const embed = await get(path);
    expect(embed.status, path).toBe(200);
    expectSecurityHeaders(embed, '*');
    expect(header(embed, 'cache-control')).toBe('no-cache');
  }
});

test('hashed assets are immutable; data and the service worker are revalidated', async () => {
  const script = /src="(\/assets\/[^"]+\.js)"/.exec(readFileSync(join(dist, 'index.html'), 'utf8'))?.[1] ?? '';
  const asset = await get(script);
  expect(asset.status).toBe(200);
  expect(header(asset, 'cache-control')).toBe('public, max-age=31536000, immutable');
  expect(header(asset, 'x-content-type-options')).toBe('nosniff');
  expect(header(asset, 'access-control-allow-origin')).toBe('*');
  for (const path of ['/data/rallies.geojson', '/sw.js']) {
    const file = await get(path);
    expect(file.status, path).toBe(200);
    expect(header(file, 'cache-control'), path).toBe('no-cache');
    expect(header(file, 'x-content-type-options'), path).toBe('nosniff');
  }
  expect(header(await get('/data/rallies.geojson'), 'content-type')).toMatch(/^application\/geo\+json/);
});

test('the build’s gzip copy is sent as it is to browsers that accept gzip', async () => {
  const compressed = await get('/city/london/', { 'Accept-Encoding': 'gzip' });
  expect(header(compressed, 'content-encoding')).toBe('gzip');
  expect(header(compressed, 'vary')).toContain('Accept-Encoding');
  expect(compressed.body.equals(readFileSync(join(dist, 'city/london/index.html.gz')))).toBe(true);
  const plain = await get('/city/london/');
  expect(header(plain, 'content-encoding')).toBe('');
  expect(plain.body.equals(readFileSync(join(dist, 'city/london/index.html')))).toBe(true);
});

test('an unknown city gets 404.html with status 404, and its headers', async () => {
  const missing = await get('/city/atlantis/');
  expect(missing.status).toBe(404);
  expect(missing.body.toString()).toBe(readFileSync(join(dist, '404.html'), 'utf8'));
  expectSecurityHeaders(missing, "'self'");
  const withoutSlash = await get('/city/london');
  expect(withoutSlash.status).toBe(301);
  expect(header(withoutSlash, 'location')).toMatch(/\/city\/london\/$/);
  expect((await get('/nginx.conf')).status).toBe(404);
});

test('each language answers an unknown address with its own not-found page', async () => {
  for (const [path, file] of [
    ['/ru/city/atlantis/', 'ru/404.html'],
    ['/pt-br/nowhere/', 'pt-br/404.html'],
    ['/ru/embed/city/atlantis/', 'ru/404.html'],
    ['/embed/city/atlantis/', '404.html'],
  ] as const) {
    const missing = await get(path);
    expect(missing.status, path).toBe(404);
    expect(missing.body.equals(readFileSync(join(dist, file))), `${path} answers with ${file}`).toBe(true);
  }
  // The Russian not-found page is in Russian.
  expect(readFileSync(join(dist, 'ru/404.html'), 'utf8')).toContain('<html lang="ru"');
});

test('an old ?lang= link goes to the same page in that language, other parameters kept', async () => {
  const redirects: [string, string][] = [
    ['/city/london/?lang=ru', '/ru/city/london/?lang=ru'],
    ['/?lang=RU', '/ru/?lang=RU'],
    ['/city/london/?utm_source=x&lang=pt-BR', '/pt-br/city/london/?utm_source=x&lang=pt-BR'],
    ['/de/city/berlin/?lang=es-MX', '/es/city/berlin/?lang=es-MX'],
    ['/ru/city/london/?lang=en', '/city/london/?lang=en'],
    ['/embed/city/london/?lang=ru&childId=map-1', '/ru/embed/city/london/?lang=ru&childId=map-1'],
    ['/city/london/quote/1/?lang=sv', '/sv/city/london/quote/1/?lang=sv'],
  ];
  for (const [from, to] of redirects) {
    const answer = await get(from);
    expect(answer.status, from).toBe(301);
    const location = new URL(header(answer, 'location'), origin);
    expect(`${location.pathname}${location.search}`, from).toBe(to);
    // And the page it goes to is there, with no further redirect.
    expect((await get(to)).status, to).toBe(200);
  }
  // Already in that language, not a language, or not a page: served as it is.
  for (const path of [
    '/ru/city/london/?lang=ru',
    '/city/london/?lang=en',
    '/city/london/?lang=xx',
    '/city/london/?lang=',
    '/data/rallies.geojson?lang=ru',
    '/favicon.svg?lang=ru',
  ]) {
    expect((await get(path)).status, path).toBe(200);
  }
});

test('the classic oEmbed endpoint answers with the page’s document', async () => {
  const document = (name: string) => readFileSync(join(dist, 'oembed', name), 'utf8');
  for (const [url, file] of [
    ['https://rallies.example.org/city/london/', 'city/london.json'],
    ['https%3A%2F%2Frallies.example.org%2Fcity%2Frome%2F', 'city/rome.json'],
    ['https://rallies.example.org/', 'index.json'],
  ] as const) {
    const answer = await get(`/oembed?url=${url.includes('%') ? url : encodeURI(url)}`);
    expect(answer.status, url).toBe(200);
    expect(answer.body.toString(), url).toBe(document(file));
    expect(header(answer, 'content-type')).toMatch(/^application\/json/);
    expect(header(answer, 'access-control-allow-origin')).toBe('*');
  }
});

test('embed.js and its versioned copy are open to every site, the copy cached for good and matching its integrity', async () => {
  const oembed = JSON.parse(readFileSync(join(dist, 'oembed/index.json'), 'utf8')) as { html: string };
  const [, path = '', integrity = ''] =
    /<script async src="https?:\/\/[^/]+(\/assets\/embed\.[0-9a-f]+\.js)" integrity="([^"]+)"/.exec(oembed.html) ?? [];
  const versioned = await get(path);
  expect(versioned.status).toBe(200);
  expect(header(versioned, 'access-control-allow-origin')).toBe('*');
  expect(header(versioned, 'cache-control')).toBe('public, max-age=31536000, immutable');
  expect(`sha384-${createHash('sha384').update(versioned.body).digest('base64')}`).toBe(integrity);
  const unversioned = await get('/embed.js');
  expect(unversioned.status).toBe(200);
  expect(header(unversioned, 'access-control-allow-origin')).toBe('*');
  expect(header(unversioned, 'cache-control')).toBe('public, max-age=3600');
  expect(unversioned.body.equals(versioned.body)).toBe(true);
});

test('in another site’s page, a full-site page is refused and the embed page shows', async ({ page }) => {
  const article = createHttpServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(
      `<!doctype html><title>Article</title>` +
        `<iframe id="site" src="${origin}/city/london/"></iframe>` +
        `<iframe id="embed" src="${origin}/embed/city/london/"></iframe>`,
    );
  });
  await new Promise<void>((done) => article.listen(0, 'localhost', done));
  try {
    const refused = page.waitForEvent('console', (message) => message.text().includes('frame-ancestors'));
    await page.goto(`http://localhost:${String((article.address() as AddressInfo).port)}/`);
    await refused;
    await expect(page.frameLocator('#embed').locator('#city-heading')).toHaveText('London');
    expect(await page.frameLocator('#site').locator('#city-heading').count()).toBe(0);
  } finally {
    await new Promise((done) => {
      article.close(done);
      article.closeAllConnections();
    });
  }
});
