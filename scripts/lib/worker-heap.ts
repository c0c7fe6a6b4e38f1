import type { CDPSession } from '@playwright/test';

/*
 * The JavaScript heap of a page's dedicated workers (the rally worker), for
 * the benchmark. `performance.memory` is not defined in a worker and
 * `performance.measureUserAgentSpecificMemory` needs a cross-origin-isolated
 * page (COOP/COEP), so this goes through the DevTools protocol: the page's
 * CDP session attaches to each worker target it starts (not flattened, so
 * Playwright's own session is left alone) and asks it `Runtime.getHeapUsage`.
 */

/** Reads the heap of the workers a page has started; see `watchWorkerHeaps`. */
export interface WorkerHeaps {
  /**
   * The JavaScript heap in use (bytes) summed over the page's live
   * dedicated workers, after a garbage collection in each when `collect`
   * is set; 0 when none is running. A worker that does not answer within
   * two seconds (busy, or ending) counts as 0.
   */
  used(collect?: boolean): Promise<number>;
}

interface AttachedEvent {
  sessionId: string;
  targetInfo: { type: string };
}

/** Starts watching the workers of the page behind `session`; call before the page loads. */
export async function watchWorkerHeaps(session: CDPSession): Promise<WorkerHeaps> {
  const workers = new Set<string>();
  const waiting = new Map<number, (result: unknown) => void>();
  let nextId = 1;
  session.on('Target.attachedToTarget', (event: AttachedEvent) => {
    if (event.targetInfo.type === 'worker') workers.add(event.sessionId);
  });
  session.on('Target.detachedFromTarget', (event: { sessionId: string }) => {
    workers.delete(event.sessionId);
  });
  session.on('Target.receivedMessageFromTarget', (event: { message: string }) => {
    const message = JSON.parse(event.message) as { id?: number; result?: unknown };
    if (message.id === undefined) return;
    waiting.get(message.id)?.(message.result);
    waiting.delete(message.id);
  });
  await session.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });

  const call = (sessionId: string, method: string): Promise<unknown> =>
    new Promise((resolve) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        waiting.delete(id);
        resolve(undefined);
      }, 2000);
      waiting.set(id, (result) => {
        clearTimeout(timer);
        resolve(result);
      });
      session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) }).catch(() => {
        // The worker has gone: it counts as 0.
        clearTimeout(timer);
        waiting.delete(id);
        resolve(undefined);
      });
    });

  return {
    async used(collect = false) {
      const sizes = await Promise.all(
        [...workers].map(async (sessionId) => {
          if (collect) await call(sessionId, 'HeapProfiler.collectGarbage');
          const usage = (await call(sessionId, 'Runtime.getHeapUsage')) as { usedSize?: number } | undefined;
          return usage?.usedSize ?? 0;
        }),
      );
      return sizes.reduce((sum, size) => sum + size, 0);
    },
  };
}
