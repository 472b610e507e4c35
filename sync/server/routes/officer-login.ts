import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { createPasswordVerifier, MAX_PASSWORD_LENGTH } from '../../../src/auth/password-verifier.ts';
import { usernameSchema } from '../../../src/auth/officer.ts';
import { allowedOnDesk, officerForDesk } from '../domain/officer-access.ts';
import { ServerError } from '../domain/server-error.ts';
import { deskOf } from '../plugins/desk-auth.ts';
import { findOfficerByUsername } from '../repositories/officers.ts';
import { parseWire } from './wire.ts';

const loginBody = z.strictObject({ username: usernameSchema, password: z.string().min(1).max(MAX_PASSWORD_LENGTH) });
const verifier = createPasswordVerifier({ randomBytes: (n) => new Uint8Array(randomBytes(n)) });
// Compared against when the username is unknown, so a miss costs the same time as a wrong password.
const decoy = verifier.create('decoy-password-never-used');

/**
 * `POST /api/officers/login` from an enrolled desk: checks an officer of the desk's unit online and
 * answers with the profile and the officer's desk verifier (the desk refreshes its offline cache with
 * it), never the server's verifier. An officer not allowed on the calling desk is refused before any
 * password is checked: the desk lists its unit's officers anyway.
 */
export const officerLoginRoutes: FastifyPluginAsync = async (app) => {
  app.post(
    '/api/officers/login',
    { onRequest: app.loginGuard.limitAddress, preHandler: app.requireDesk },
    async (request) => {
      const desk = deskOf(request);
      const body = parseWire(loginBody, request.body, 'Yêu cầu đăng nhập');
      const officer = await findOfficerByUsername(app.database.db, desk.unitId, body.username);
      if (officer?.active && !allowedOnDesk(officer.deskAccess, desk.slot)) {
        throw new ServerError(403, 'auth.not_on_this_desk', `Tài khoản không được phép đăng nhập tại quầy số ${desk.slot} của đơn vị.`);
      }
      const matches = await app.loginGuard.attempt({ unitId: desk.unitId, username: body.username }, async () =>
        (await verifier.verify(body.password, officer?.verifier ?? (await decoy))) && officer !== undefined,
      );
      if (!officer || !matches || !officer.active) {
        throw new ServerError(401, 'auth.bad_credentials', 'Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đã bị khóa.');
      }
      const { verifier: deskVerifier, ...profile } = await officerForDesk(officer, desk.slot);
      return { officer: profile, verifier: deskVerifier };
    },
  );
};
