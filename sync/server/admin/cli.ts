import { parseArgs } from 'node:util';
import type { z } from 'zod';
import { DomainError } from '../../../src/errors.ts';
import { openDatabase, type DatabaseTarget } from '../db/database.ts';
import { ServerError } from '../domain/server-error.ts';
import {
  calendarImport,
  catalogueImport,
  deskAdd,
  deskAddSchema,
  deskCode,
  deskRevoke,
  officerAdd,
  officerAddSchema,
  officerDesks,
  officerDesksSchema,
  officerList,
  officerListSchema,
  officerRefSchema,
  officerSetActive,
  unitAdd,
  unitAddSchema,
  unitSetAccount,
  unitSetAccountSchema,
  unitUpdate,
  unitUpdateSchema,
  type CommandIo,
} from './commands.ts';
import { readPasswordFromStdin } from './read-password.ts';

const USAGE = `Cách dùng: npm run admin -- <lệnh> [tùy chọn]  (cơ sở dữ liệu: DATABASE_URL, hoặc --data THƯ_MỤC / DATA_DIR)
  unit add --id 000.00.12.H23 --name "UBND xã …" --level commune|district|province|branch [--parent ID]
           [--kind people-committee|police|social-insurance|military-command|other] [--governing-body "Công an thành phố …"]
  unit update --id ID [--name "…"] [--kind …] [--governing-body "…"]   (--governing-body "" xóa)
  unit set-account --unit ID --bin 970415 --account SỐ_TÀI_KHOẢN --name "TÊN CHỦ TÀI KHOẢN"   (tài khoản thu phí, VietQR)
  officer add --unit ID --username TÊN --name "Họ tên" --role reception|processing|leader|admin [--desks all|none|1,2]
                                          (mật khẩu đọc từ stdin; mặc định tiếp nhận, thụ lý: all; lãnh đạo, quản trị: none)
  officer desks --officer MÃ --desks all|none|1,2   (quầy của đơn vị cán bộ được đăng nhập)
  officer disable --officer MÃ            (khóa tài khoản; officer enable --officer MÃ để mở lại)
  officer list --unit ID
  desk add --unit ID --slot 1..9          (in mã kích hoạt dùng một lần, hiệu lực 24 giờ)
  desk code --desk 'ID#SLOT'              (cấp lại mã kích hoạt; kích hoạt lại cả quầy đã thu hồi)
  desk revoke --desk 'ID#SLOT'            (thu hồi quầy: khóa truy cập hết hiệu lực ngay, mã chưa dùng bị hủy)
  catalogue import TỆP.json
  calendar import TỆP.json…`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = readArgs(argv);
  const [noun, verb, ...files] = positionals;
  if (values.help || !noun) throw new UsageError();
  const command = `${noun} ${verb ?? ''}`.trim();

  // Check the arguments before opening the database: a typo should not wait for PGlite.
  const run = planCommand(command, values, files);
  const url = process.env.DATABASE_URL || undefined;
  const target: DatabaseTarget = url ? { kind: 'postgres', url } : { kind: 'pglite', dataDir: values.data ?? process.env.DATA_DIR ?? './data/server' };
  const database = await openDatabase(target);
  try {
    await run(database, { readPassword: () => readPasswordFromStdin(), print: (line) => process.stdout.write(`${line}\n`) });
  } finally {
    await database.close();
  }
}

const OPTIONS = {
  data: { type: 'string' },
  id: { type: 'string' },
  name: { type: 'string' },
  level: { type: 'string' },
  parent: { type: 'string' },
  kind: { type: 'string' },
  'governing-body': { type: 'string' },
  unit: { type: 'string' },
  username: { type: 'string' },
  role: { type: 'string' },
  slot: { type: 'string' },
  desk: { type: 'string' },
  officer: { type: 'string' },
  desks: { type: 'string' },
  bin: { type: 'string' },
  account: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Unknown options (a `--password`, say) are usage errors, never silently ignored. */
function readArgs(argv: string[]) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options: OPTIONS });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

type Values = Record<string, string | boolean | undefined>;
type Run = (database: Awaited<ReturnType<typeof openDatabase>>, io: CommandIo) => Promise<void>;

function planCommand(command: string, values: Values, files: string[]): Run {
  const pick = (...keys: string[]) => Object.fromEntries(keys.filter((key) => values[key] !== undefined).map((key) => [key, values[key]]));
  switch (command) {
    case 'unit add': {
      const input = parse(unitAddSchema, pick('id', 'name', 'level', 'parent', 'kind', 'governing-body'));
      return (database, io) => unitAdd(database, input, io);
    }
    case 'unit set-account': {
      const input = parse(unitSetAccountSchema, pick('unit', 'bin', 'account', 'name'));
      return (database, io) => unitSetAccount(database, input, io);
    }
    case 'unit update': {
      const input = parse(unitUpdateSchema, pick('id', 'name', 'kind', 'governing-body'));
      return (database, io) => unitUpdate(database, input, io);
    }
    case 'officer add': {
      const input = parse(officerAddSchema, pick('unit', 'username', 'name', 'role', 'desks'));
      return (database, io) => officerAdd(database, input, io);
    }
    case 'officer desks': {
      const input = parse(officerDesksSchema, pick('officer', 'desks'));
      return (database, io) => officerDesks(database, input, io);
    }
    case 'officer disable':
    case 'officer enable': {
      const input = parse(officerRefSchema, pick('officer'));
      return (database, io) => officerSetActive(database, input, command === 'officer enable', io);
    }
    case 'officer list': {
      const input = parse(officerListSchema, pick('unit'));
      return (database, io) => officerList(database, input, io);
    }
    case 'desk add': {
      const input = parse(deskAddSchema, pick('unit', 'slot'));
      return (database, io) => deskAdd(database, input, io);
    }
    case 'desk code': {
      const desk = values.desk;
      if (typeof desk !== 'string') throw new UsageError('Thiếu --desk');
      return (database, io) => deskCode(database, desk, io);
    }
    case 'desk revoke': {
      const desk = values.desk;
      if (typeof desk !== 'string') throw new UsageError('Thiếu --desk');
      return (database, io) => deskRevoke(database, desk, io);
    }
    case 'catalogue import': {
      const [file, ...rest] = files;
      if (!file || rest.length > 0) throw new UsageError('Cần đúng một tệp danh mục');
      return (database, io) => catalogueImport(database, file, io);
    }
    case 'calendar import':
      if (files.length === 0) throw new UsageError('Cần ít nhất một tệp lịch');
      return (database, io) => calendarImport(database, files, io);
    default:
      throw new UsageError(`Lệnh không rõ: ${command}`);
  }
}

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new UsageError(`Tham số --${issue?.path.join('.') || '?'} không hợp lệ: ${issue?.message ?? ''}`);
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof UsageError) {
      if (error.message) process.stderr.write(`Lỗi: ${error.message}\n`);
      process.stderr.write(`${USAGE}\n`);
      process.exit(2);
    }
    const message = error instanceof ServerError || error instanceof DomainError || error instanceof Error ? error.message : String(error);
    const code = error instanceof ServerError || error instanceof DomainError ? ` [${error.code}]` : '';
    process.stderr.write(`Lỗi${code}: ${message}\n`);
    process.exit(1);
  },
);
