export { startDeskSync } from './desk-sync.ts';
export type { DeskSync, DeskSyncOptions } from './desk-sync.ts';
export { enrollDesk, loadEnrollment } from './enrollment.ts';
export type { EnrollInput, EnrollOutcome, Enrollment } from './enrollment.ts';
export type { DayEndProgress, DayEndReport, DayEndStage } from './day-end.ts';
export type { Rejection } from './rejections.ts';
export { phaseLabels } from './sync-status.ts';
export type { SyncPhase, SyncStatus } from './sync-status.ts';
export { SyncError } from './http-client.ts';
