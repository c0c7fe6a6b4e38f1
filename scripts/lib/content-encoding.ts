/** A compressed copy a static server can send instead of the file itself. */
export type Encoding = 'br' | 'gzip';

/**
 * Picks the precompressed copy to send for a request's `Accept-Encoding`
 * header: brotli before gzip, and only one the client accepts (`q=0` means
 * refused) and the server has. Returns null to send the file as it is.
 */
export function chooseEncoding(acceptEncoding: string | undefined, available: ReadonlySet<Encoding>): Encoding | null {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name = '', ...parameters] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const quality = parameters.map((parameter) => /^\s*q=([\d.]+)\s*$/.exec(parameter)?.[1]).find(Boolean);
    accepted.set(name.trim(), quality === undefined ? 1 : Number(quality));
  }
  const acceptable = (encoding: Encoding) =>
    available.has(encoding) && (accepted.get(encoding) ?? accepted.get('*') ?? 0) > 0;
  if (acceptable('br')) return 'br';
  if (acceptable('gzip')) return 'gzip';
  return null;
}
