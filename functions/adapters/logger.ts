/**
 * Structured log lines with an allow-list of fields. Personal data (names,
 * codes, addresses, health evidence, e-mail addresses, bodies, tokens) has no
 * field here, so it cannot be logged by accident through this logger.
 */
export interface LogFields {
  readonly requestId?: string;
  readonly routeKey?: string;
  readonly status?: number;
  readonly applicationId?: string;
  /** A draft's random id (docs/drafts.md): it names nobody. */
  readonly draftId?: string;
  readonly eventId?: string;
  readonly notification?: string;
  readonly errorName?: string;
  readonly errorCode?: string;
  readonly attempt?: number;
  readonly count?: number;
}

const allowed: readonly (keyof LogFields)[] = [
  'requestId',
  'routeKey',
  'status',
  'applicationId',
  'draftId',
  'eventId',
  'notification',
  'errorName',
  'errorCode',
  'attempt',
  'count',
];

const write = (level: 'info' | 'warn' | 'error', message: string, fields: LogFields = {}) => {
  const picked = Object.fromEntries(allowed.filter((key) => fields[key] !== undefined).map((key) => [key, fields[key]]));
  console[level](JSON.stringify({ level, message, ...picked }));
};

export const logger = {
  info: (message: string, fields?: LogFields) => write('info', message, fields),
  warn: (message: string, fields?: LogFields) => write('warn', message, fields),
  error: (message: string, fields?: LogFields) => write('error', message, fields),
};

/** The name and AWS error code of an error, never its message (SDK messages can echo keys or values). */
export const errorFields = (error: unknown): Pick<LogFields, 'errorName' | 'errorCode'> => {
  if (!(error instanceof Error)) return { errorName: typeof error };
  const code = (error as { Code?: unknown; code?: unknown }).Code ?? (error as { code?: unknown }).code;
  return { errorName: error.name, ...(typeof code === 'string' && { errorCode: code }) };
};
