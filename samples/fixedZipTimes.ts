/**
 * Zip writers stamp every entry with the time of writing, so the same workbook written twice gives
 * different bytes. Setting every stamp to one date makes a generated .xlsx reproducible, which lets
 * a test prove that a committed workbook is what its generator makes.
 */

const LOCAL_FILE_HEADER = 0x04034b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const END_RECORD_SIZE = 22;

/** A date as the MS-DOS time and date words a zip header holds (two-second resolution). */
function dosStamp(date: Date): { time: number; date: number } {
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    date:
      ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

/**
 * A copy of a zip whose local and central headers all carry `date` (UTC). Throws on bytes that are
 * not a plain zip: it only ever sees what ExcelJS has just written.
 *
 * @example
 * withFixedZipTimes(await workbook.xlsx.writeBuffer(), new Date(Date.UTC(2024, 2, 15)))
 * //=> the same bytes on every run
 */
export function withFixedZipTimes(zip: Buffer, date: Date): Buffer {
  const out = Buffer.from(zip);
  const stamp = dosStamp(date);
  let end = out.length - END_RECORD_SIZE;
  while (end >= 0 && out.readUInt32LE(end) !== END_OF_CENTRAL_DIRECTORY) end -= 1;
  if (end < 0) throw new Error("not a zip: no end-of-central-directory record");
  const count = out.readUInt16LE(end + 10);
  let at = out.readUInt32LE(end + 16);
  for (let i = 0; i < count; i += 1) {
    if (out.readUInt32LE(at) !== CENTRAL_FILE_HEADER) throw new Error("corrupt central directory");
    out.writeUInt16LE(stamp.time, at + 12);
    out.writeUInt16LE(stamp.date, at + 14);
    const local = out.readUInt32LE(at + 42);
    if (out.readUInt32LE(local) !== LOCAL_FILE_HEADER) throw new Error("corrupt local header");
    out.writeUInt16LE(stamp.time, local + 10);
    out.writeUInt16LE(stamp.date, local + 12);
    at += 46 + out.readUInt16LE(at + 28) + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }
  return out;
}
