import type { FastifyError } from 'fastify';
import fp from 'fastify-plugin';
import { DomainError } from '../../../src/errors.ts';
import { errorBody, ServerError } from '../domain/server-error.ts';

/** Every refusal leaves as `{error: {code, message, eventId?, path?}}`, whatever raised it. */
export const errorsPlugin = fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError | ServerError | DomainError, request, reply) => {
      if (error instanceof ServerError) {
        if (error.statusCode >= 500) request.log.error({ err: error }, 'server error');
        return reply.code(error.statusCode).send(errorBody(error.code, error.message, error.extra));
      }
      if (error instanceof DomainError) {
        return reply.code(400).send(errorBody(error.code, error.message, error.path ? { path: error.path } : {}));
      }
      const status = error.statusCode ?? 500;
      if (status >= 500) {
        request.log.error({ err: error }, 'unhandled error');
        return reply.code(500).send(errorBody('server.internal', 'Máy chủ gặp lỗi, vui lòng thử lại sau.'));
      }
      return reply.code(status).send(errorBody(...describeClientError(error, status)));
    });
    app.setNotFoundHandler((request, reply) =>
      reply.code(404).send(errorBody('request.not_found', `Không có đường dẫn ${request.method} ${request.url.split('?')[0] ?? ''}.`)),
    );
  },
  { name: 'errors' },
);

function describeClientError(error: FastifyError, status: number): [string, string] {
  if (status === 413) return ['request.too_large', 'Dữ liệu gửi lên quá lớn (tối đa 1 MB mỗi lần gửi).'];
  if (status === 415) return ['request.unsupported_media_type', 'Dữ liệu phải gửi dạng application/json.'];
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
    return ['request.bad_json', 'Dữ liệu gửi lên không phải JSON hợp lệ.'];
  }
  if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return ['request.bad_json', 'Thiếu dữ liệu JSON.'];
  return ['request.invalid', 'Yêu cầu không hợp lệ.'];
}
