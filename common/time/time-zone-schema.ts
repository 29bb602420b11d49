// A configured time zone as a schema field, apart from zoned.ts, which the
// renderer's first screen uses and which must not load zod.
import { z } from 'zod';
import { isTimeZone } from './zoned.js';

/** An IANA zone name the runtime knows, e.g. Asia/Shanghai, Asia/Urumqi. */
export const timeZoneSchema = z.string().min(1).refine(isTimeZone, { message: 'not a time zone this runtime knows (an IANA name such as Asia/Shanghai)' });
