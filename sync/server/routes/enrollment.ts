import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { officerForDesk } from '../domain/officer-access.ts';
import { redeemEnrollmentCode } from '../repositories/desks.ts';
import { lastReceiptNumbers } from '../repositories/fee-receipts.ts';
import { listUnitOfficers } from '../repositories/officers.ts';
import { findUnit } from '../repositories/units.ts';
import type { RateLimits } from '../plugins/rate-limit.ts';
import { parseWire } from './wire.ts';

const enrollBody = z.strictObject({ code: z.string().min(8).max(64) });

/**
 * `POST /api/desks/enroll {code}`: spends a one-time code and answers with the desk credential
 * (shown once, stored by the server only as a hash), who the desk is, and its unit's officers as
 * this desk sees them: desk verifiers, for offline login, only of the officers allowed on it;
 * and the last fee receipt number of each of its counter's books, for a reinstalled desk.
 */
export const enrollmentRoutes: FastifyPluginAsync<{ limits: RateLimits }> = async (app, { limits }) => {
  app.post('/api/desks/enroll', { config: { rateLimit: { max: limits.enroll, timeWindow: 60_000 } } }, async (request) => {
    const { code } = parseWire(enrollBody, request.body, 'Yêu cầu kích hoạt');
    const { desk, credential } = await redeemEnrollmentCode(app.database.db, code);
    const unit = await findUnit(app.database.db, desk.unitId);
    const officers = await Promise.all((await listUnitOfficers(app.database.db, desk.unitId)).map((officer) => officerForDesk(officer, desk.slot)));
    const feeReceiptSeries = await lastReceiptNumbers(app.database.db, desk.unitId, desk.slot);
    request.log.info({ deskId: desk.id }, 'desk enrolled');
    return { credential, desk: { deskId: desk.id, agencyId: desk.unitId, slot: desk.slot }, unit, officers, feeReceiptSeries };
  });
};
