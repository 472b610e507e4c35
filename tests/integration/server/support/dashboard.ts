import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/** What a browser holds after opening the dashboard's login page: its form cookie and the form's token. */
export interface DashboardForm {
  cookie: string;
  token: string;
}

/** The origin the server sees for `app.inject` (Host: localhost:80). */
export const SERVER_ORIGIN = 'http://localhost';

/** The `name=value` of every cookie an answer sets. */
export function cookiesSet(response: LightMyRequestResponse): string[] {
  const header = response.headers['set-cookie'];
  const list = Array.isArray(header) ? header : header === undefined ? [] : [String(header)];
  return list.map((cookie) => cookie.split(';')[0] ?? '');
}

export function formTokenIn(html: string): string {
  const match = /name="csrf" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error(`no form token in:\n${html.slice(0, 500)}`);
  return match[1];
}

/** Opens `/bao-cao` as a browser would (from `remoteAddress`) and keeps what its login form needs. */
export async function openLoginForm(app: FastifyInstance, remoteAddress = '127.0.0.1', headers: Record<string, string> = {}): Promise<DashboardForm> {
  const page = await app.inject({ method: 'GET', url: '/bao-cao', remoteAddress, headers });
  if (page.statusCode !== 200) throw new Error(`login page: ${page.statusCode} ${page.body}`);
  const cookie = cookiesSet(page).find((c) => /^(__Host-)?motcua_form=/.test(c));
  if (!cookie) throw new Error('the login page set no form cookie');
  return { cookie, token: formTokenIn(page.body) };
}

export interface FormPost {
  form: DashboardForm;
  fields?: Record<string, string>;
  remoteAddress?: string;
  /** Headers a browser adds, or a forger changes: Origin, Sec-Fetch-Site, Referer… ('' leaves one out). */
  headers?: Record<string, string>;
  /** Leave the token out, or send another one. */
  token?: string | null;
  extraCookies?: string[];
}

/** Posts a dashboard form as Chromium does from the page (Origin, Sec-Fetch-Site, the form cookie and token). */
export function postForm(app: FastifyInstance, url: string, { form, fields = {}, remoteAddress = '127.0.0.1', headers = {}, token, extraCookies = [] }: FormPost) {
  const body = new URLSearchParams(fields);
  const sent = token === undefined ? form.token : token;
  if (sent !== null) body.set('csrf', sent);
  const sentHeaders = Object.entries({
    'content-type': 'application/x-www-form-urlencoded',
    origin: SERVER_ORIGIN,
    'sec-fetch-site': 'same-origin',
    cookie: [form.cookie, ...extraCookies].filter((c) => c !== '').join('; '),
    ...headers,
  }).filter(([, value]) => value !== '');
  return app.inject({ method: 'POST', url, remoteAddress, headers: Object.fromEntries(sentHeaders), payload: body.toString() });
}

/** Logs in on the dashboard; the session cookie (`name=value`), or throws with the page's answer. */
export async function dashboardLogin(app: FastifyInstance, fields: { unit: string; username: string; password: string }, remoteAddress = '127.0.0.1'): Promise<string> {
  const form = await openLoginForm(app, remoteAddress);
  const response = await postForm(app, '/bao-cao/dang-nhap', { form, fields, remoteAddress });
  const session = cookiesSet(response).find((c) => c.startsWith('motcua_bao_cao='));
  if (response.statusCode !== 303 || !session) throw new Error(`dashboard login: ${response.statusCode} ${response.body.slice(0, 300)}`);
  return `${session}; ${form.cookie}`;
}
