import { parseArgs } from 'node:util';
import { z } from 'zod';

const configSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535),
  host: z.string().min(1),
  dataDir: z.string().min(1),
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
});
export type ServerConfig = z.infer<typeof configSchema>;

/** Reads the server configuration: command-line flags win over the environment, which wins over defaults. */
export function readServerConfig(argv: string[], env: NodeJS.ProcessEnv): ServerConfig {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
    },
    strict: true,
  });
  const result = configSchema.safeParse({
    port: values.port ?? env.PORT ?? 8080,
    host: values.host ?? env.HOST ?? '127.0.0.1',
    dataDir: values.data ?? env.DATA_DIR ?? './data/server',
    databaseUrl: env.DATABASE_URL || undefined,
  });
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid server configuration: ${issues.join('; ')}`);
  }
  return result.data;
}
