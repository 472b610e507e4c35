import { z } from 'zod';

export const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(800).max(10_000),
  height: z.number().int().min(600).max(10_000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

/** 1366×768 is the common office PC (DESIGN §8): fill it. */
export const defaultWindowState: WindowState = { width: 1366, height: 768, maximized: true };

interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Reads saved state; anything unreadable or off every screen falls back to a centred default. */
export function restoreWindowState(saved: string | undefined, displays: readonly { workArea: Rectangle }[]): WindowState {
  let state: WindowState;
  try {
    state = windowStateSchema.parse(JSON.parse(saved ?? 'null'));
  } catch {
    return defaultWindowState;
  }
  if (state.x === undefined || state.y === undefined) return state;
  const { x, y } = state;
  const visible = displays.some(
    ({ workArea }) => x + 100 > workArea.x && x < workArea.x + workArea.width - 100 && y >= workArea.y - 10 && y < workArea.y + workArea.height - 50,
  );
  return visible ? state : { width: state.width, height: state.height, maximized: state.maximized };
}

export interface TrackableWindow {
  on(event: 'close', listener: () => void): unknown;
  getNormalBounds(): Rectangle;
  isMaximized(): boolean;
}

/** Saves the window's normal bounds and maximised flag when it closes. */
export function trackWindowState(window: TrackableWindow, save: (json: string) => void): void {
  window.on('close', () => {
    const bounds = window.getNormalBounds();
    const state: WindowState = {
      x: Math.round(bounds.x),
      y: Math.round(bounds.y),
      width: Math.max(800, Math.round(bounds.width)),
      height: Math.max(600, Math.round(bounds.height)),
      maximized: window.isMaximized(),
    };
    save(JSON.stringify(state));
  });
}
