import { useRef, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';
import { useT } from '../state/use-t.ts';

/** The three heights of the bottom sheet on phones. */
export type SheetHeight = 'peek' | 'half' | 'full';

const order: readonly SheetHeight[] = ['peek', 'half', 'full'];

interface SheetHandleProps {
  height: SheetHeight;
  onChange: (height: SheetHeight) => void;
  /** The element whose `--sheet-height` follows the finger while dragging. */
  layoutRef: RefObject<HTMLElement | null>;
}

/**
 * The bottom sheet's handle: drag it to any height and it snaps to the
 * nearest of peek, half and full; or press it (and Arrow Up / Down) to move
 * between them. Only shown on narrow screens.
 */
export function SheetHandle({ height, onChange, layoutRef }: SheetHandleProps) {
  const { t } = useT();
  const drag = useRef<{ startY: number; startHeight: number; moved: boolean } | null>(null);
  // A drag ends with a click event; that click must not change the height again.
  const justDragged = useRef(false);
  const index = order.indexOf(height);

  const sheetElement = () => layoutRef.current?.querySelector<HTMLElement>('.panel') ?? null;

  const onPointerDown = (event: PointerEvent<HTMLButtonElement>) => {
    justDragged.current = false;
    const sheet = sheetElement();
    if (!sheet) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { startY: event.clientY, startHeight: sheet.getBoundingClientRect().height, moved: false };
  };

  const onPointerMove = (event: PointerEvent<HTMLButtonElement>) => {
    const layout = layoutRef.current;
    if (!drag.current || !layout) return;
    const delta = drag.current.startY - event.clientY;
    if (Math.abs(delta) < 6 && !drag.current.moved) return;
    drag.current.moved = true;
    const limit = layout.getBoundingClientRect().height - 48;
    const next = Math.min(limit, Math.max(96, drag.current.startHeight + delta));
    layout.classList.add('sheet-dragging');
    layout.style.setProperty('--sheet-height', `${String(Math.round(next))}px`);
  };

  const onPointerUp = () => {
    const layout = layoutRef.current;
    const state = drag.current;
    drag.current = null;
    if (!layout || !state?.moved) return;
    justDragged.current = true;
    const total = layout.getBoundingClientRect().height;
    const current = sheetElement()?.getBoundingClientRect().height ?? 0;
    layout.classList.remove('sheet-dragging');
    layout.style.removeProperty('--sheet-height');
    // Snap to the nearest of the three heights: peek is a strip, half is half, full is nearly all.
    const targets: [SheetHeight, number][] = [
      ['peek', 152],
      ['half', total / 2],
      ['full', total - 56],
    ];
    const nearest = targets.reduce((best, candidate) =>
      Math.abs(candidate[1] - current) < Math.abs(best[1] - current) ? candidate : best,
    );
    onChange(nearest[0]);
  };

  const onClick = () => {
    if (justDragged.current) {
      justDragged.current = false;
      return;
    }
    onChange(height === 'full' ? 'half' : (order[index + 1] ?? 'full'));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowUp' && index < order.length - 1) {
      event.preventDefault();
      onChange(order[index + 1] ?? height);
    } else if (event.key === 'ArrowDown' && index > 0) {
      event.preventDefault();
      onChange(order[index - 1] ?? height);
    }
  };

  return (
    <button
      type="button"
      className="sheet-handle needs-script"
      aria-label={height === 'full' ? t('app.showMoreMap') : t('app.showMorePanel')}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onClick={onClick}
      onKeyDown={onKeyDown}
    >
      <span className="sheet-grip" aria-hidden="true" />
    </button>
  );
}
