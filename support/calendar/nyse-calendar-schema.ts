import { z } from 'zod'

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-03-02')
const wallTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a New York time like 09:30')

/** The schema of `fixtures/alpaca/nyse-calendar-*.json`: closures and early closes of one exchange over a covered range. */
export const NYSE_CALENDAR_SCHEMA = z.object({
  $comment: z.string().optional(),
  exchange: z.literal('XNYS'),
  timeZone: z.literal('America/New_York'),
  coverage: z.object({ start: isoDate, end: isoDate }),
  regular: z.object({ open: wallTime, close: wallTime, sessionOpen: wallTime, sessionClose: wallTime }),
  early: z.object({ close: wallTime, sessionClose: wallTime }),
  sources: z.array(z.object({ title: z.string(), published: isoDate, url: z.url() })).min(1),
  checkedAgainst: z.string().optional(),
  closures: z.array(z.object({ date: isoDate, name: z.string(), special: z.boolean().optional() })),
  earlyCloses: z.array(z.object({ date: isoDate, name: z.string() })),
})

/** The parsed calendar data file. */
export type NyseCalendarData = z.infer<typeof NYSE_CALENDAR_SCHEMA>
