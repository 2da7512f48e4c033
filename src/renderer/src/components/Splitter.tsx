import type { KeyboardEvent, PointerEvent } from 'react';

interface SplitterProps {
  /** What it resizes, as its accessible name: "Resize the notes column". */
  label: string;
  /** The width of the column to its right (end side), in CSS pixels. */
  value: number;
  min: number;
  max: number;
  onChange: (next: number) => void;
  /** The id of the column it resizes. */
  controls?: string;
  className?: string;
}

/**
 * A vertical divider that sets the width of the column after it (WAI-ARIA window splitter): drag
 * it, or focus it and use the arrow keys (Shift for larger steps), Home for the widest and End for
 * the narrowest. The value is clamped by the caller's `min` and `max`.
 */
export function Splitter({ label, value, min, max, onChange, controls, className = 'splitter' }: SplitterProps) {
  const clamp = (next: number) => Math.round(Math.max(min, Math.min(next, max)));

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.preventDefault();
    const handle = event.currentTarget;
    handle.setPointerCapture(event.pointerId);
    const startX = event.clientX;
    const startValue = value;
    const move = (moveEvent: globalThis.PointerEvent) => onChange(clamp(startValue + startX - moveEvent.clientX));
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
      handle.removeEventListener('pointercancel', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
    handle.addEventListener('pointercancel', up);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? 80 : 20;
    const next = { ArrowLeft: value + step, ArrowRight: value - step, Home: max, End: min }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    onChange(clamp(next));
  };

  return (
    <div
      className={className}
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-controls={controls}
      aria-valuenow={Math.round(value)}
      aria-valuemin={Math.round(min)}
      aria-valuemax={Math.round(Math.max(min, max))}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
