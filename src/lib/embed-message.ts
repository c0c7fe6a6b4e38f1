/** The smallest and largest iframe height, in pixels, an embed may ask for. */
export const embedHeightRange = { min: 200, max: 4000 } as const;

/** The message type the embed posts with its content height. */
export const heightMessageType = 'rally-map:height';

/**
 * Reads a height message posted by an embedded map: `{ type:
 * "rally-map:height", height }`. Returns the height, rounded up to a whole
 * pixel, only if it is a finite number within `embedHeightRange`; anything
 * else (strings, NaN, negative or huge numbers, other shapes) gives `null`.
 * It never reads anything but the height: no URL in a message is acted on.
 */
export function readHeightMessage(data: unknown): number | null {
  if (typeof data !== 'object' || data === null) return null;
  const message = data as { type?: unknown; height?: unknown };
  if (message.type !== heightMessageType) return null;
  const { height } = message;
  if (typeof height !== 'number' || !Number.isFinite(height)) return null;
  if (height < embedHeightRange.min || height > embedHeightRange.max) return null;
  return Math.ceil(height);
}

/**
 * The messages an embed posts to its host page when its content height
 * changes: its own, plus the forms that newsroom tools already listen for
 * (AMP's `embed-size`, Datawrapper's `datawrapper-height`, and Pym.js when
 * the host gave a child id), so the iframe resizes there without embed.js.
 */
export function embedHeightMessages(height: number, embedId: string, pymChildId: string | null): unknown[] {
  const rounded = Math.ceil(height);
  const messages: unknown[] = [
    { type: heightMessageType, height: rounded },
    { sentinel: 'amp', type: 'embed-size', height: rounded },
    { 'datawrapper-height': { [embedId]: rounded } },
  ];
  if (pymChildId !== null) messages.push(`pymxPYMx${pymChildId}xPYMxheightxPYMx${String(rounded)}`);
  return messages;
}
