import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { basePath as readBasePath } from '../../build/environment.ts';
import { chooseEncoding, type Encoding } from './content-encoding.ts';

const host = '127.0.0.1';

/** Where and what `startStaticServer` serves. */
export interface StaticServerOptions {
  /** The built site's folder. */
  folder: string;
  /** The port on 127.0.0.1; 0 picks a free one. */
  port: number;
  /** The path the site lives under, `/` by default (as `BASE_PATH`). */
  basePath?: string | undefined;
}

/** A running static server: its origin, and a function that stops it and closes every open connection. */
export interface StaticServer {
  origin: string;
  close: () => Promise<void>;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};

function fileAt(path: string): string | null {
  try {
    return statSync(path).isFile() ? path : null;
  } catch {
    return null;
  }
}

function compressedPath(file: string, encoding: Encoding): string {
  return `${file}.${encoding === 'br' ? 'br' : 'gz'}`;
}

/**
 * A plain static file server for a built site, like any static host with
 * no rewrite rules: a folder serves its index.html, a folder without its
 * trailing slash is redirected, and anything else missing gets 404.html with
 * status 404. Files precompressed by the build (`.br`, `.gz`, see
 * build/precompress.ts) are sent to clients that accept them, as hosts with
 * gzip_static or brotli_static do. Resolves once it listens.
 */
export async function startStaticServer({ folder, port, basePath: base }: StaticServerOptions): Promise<StaticServer> {
  const root = resolve(folder);
  // The same reading of BASE_PATH as the build's.
  const basePath = readBasePath(base);
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', `http://${host}`);
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      pathname = '/__invalid__';
    }
    const inBase = pathname.startsWith(basePath) ? pathname.slice(basePath.length - 1) : null;
    const target = inBase === null ? null : normalize(join(root, inBase));
    // Never serve anything outside the site folder.
    const safeTarget = target !== null && (target === root || target.startsWith(root + sep)) ? target : null;

    let file = safeTarget === null ? null : fileAt(safeTarget);
    if (safeTarget !== null && file === null) {
      const index = fileAt(join(safeTarget, 'index.html'));
      if (index && !url.pathname.endsWith('/')) {
        response.writeHead(301, { Location: `${url.pathname}/${url.search}` });
        response.end();
        return;
      }
      file = index;
    }
    const status = file === null ? 404 : 200;
    file ??= fileAt(join(root, '404.html'));
    if (file === null) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('Not found');
      return;
    }
    const type = contentTypes[extname(file)] ?? 'application/octet-stream';
    const cache = file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
    // As the generated host settings do: articles fetch the embed script with CORS, for its integrity check.
    const cors =
      file.includes(`${sep}assets${sep}`) || file.endsWith(`${sep}embed.js`) || file.includes(`${sep}oembed${sep}`);
    const copies = new Set<Encoding>(
      (['br', 'gzip'] as const).filter((encoding) => fileAt(compressedPath(file, encoding))),
    );
    const encoding = chooseEncoding(request.headers['accept-encoding'], copies);
    response.writeHead(status, {
      'Content-Type': type,
      'Cache-Control': cache,
      'X-Content-Type-Options': 'nosniff',
      ...(cors ? { 'Access-Control-Allow-Origin': '*' } : {}),
      Vary: 'Accept-Encoding',
      ...(encoding ? { 'Content-Encoding': encoding } : {}),
    });
    createReadStream(encoding ? compressedPath(file, encoding) : file).pipe(response);
  });

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, done);
  });
  return {
    origin: `http://${host}:${String((server.address() as AddressInfo).port)}`,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
