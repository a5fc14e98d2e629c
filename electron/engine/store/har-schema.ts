import { z } from 'zod';

/**
 * HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/): the required fields and their types.
 * Objects are loose because the spec allows custom fields (names starting with `_`) and optional extras.
 */
const NameValue = z.looseObject({ name: z.string(), value: z.string(), comment: z.string().optional() });

const Cookie = z.looseObject({ name: z.string(), value: z.string() });

const isoDate = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s), {
    message: 'must be an ISO 8601 date-time',
  });

const timing = z.number().min(-1);

export const HarRequestSchema = z.looseObject({
  method: z.string().min(1),
  url: z.string().min(1),
  httpVersion: z.string(),
  cookies: z.array(Cookie),
  headers: z.array(NameValue),
  queryString: z.array(NameValue),
  postData: z
    .looseObject({
      mimeType: z.string(),
      text: z.string().optional(),
      params: z.array(z.looseObject({ name: z.string() })).optional(),
    })
    .optional(),
  headersSize: z.number().int(),
  bodySize: z.number().int(),
});

export const HarResponseSchema = z.looseObject({
  status: z.number().int(),
  statusText: z.string(),
  httpVersion: z.string(),
  cookies: z.array(Cookie),
  headers: z.array(NameValue),
  content: z.looseObject({
    size: z.number().int(),
    compression: z.number().int().optional(),
    mimeType: z.string(),
    text: z.string().optional(),
    encoding: z.string().optional(),
  }),
  redirectURL: z.string(),
  headersSize: z.number().int(),
  bodySize: z.number().int(),
});

export const HarEntrySchema = z.looseObject({
  pageref: z.string().optional(),
  startedDateTime: isoDate,
  time: z.number().min(0),
  request: HarRequestSchema,
  response: HarResponseSchema,
  cache: z.looseObject({}),
  timings: z.looseObject({
    blocked: timing.optional(),
    dns: timing.optional(),
    connect: timing.optional(),
    send: z.number().min(0),
    wait: z.number().min(0),
    receive: z.number().min(0),
    ssl: timing.optional(),
  }),
  serverIPAddress: z.string().optional(),
  connection: z.string().optional(),
  comment: z.string().optional(),
});

export const HarSchema = z.looseObject({
  log: z.looseObject({
    version: z.string(),
    creator: z.looseObject({ name: z.string(), version: z.string() }),
    browser: z.looseObject({ name: z.string(), version: z.string() }).optional(),
    pages: z.array(z.looseObject({})).optional(),
    entries: z.array(HarEntrySchema),
    comment: z.string().optional(),
  }),
});

export type Har = z.infer<typeof HarSchema>;
export type HarEntry = z.infer<typeof HarEntrySchema>;
export type HarNameValue = z.infer<typeof NameValue>;
