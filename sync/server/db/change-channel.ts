/**
 * The NOTIFY channel writers signal on, inside their transaction (delivered at commit). Payloads:
 * 'events' or 'reference'. Listeners re-read the tables; the payload only says which to read.
 */
export const CHANGES_CHANNEL = 'motcua_changes';
export type ChangeTopic = 'events' | 'reference';
