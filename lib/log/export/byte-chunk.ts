// Gathers an export's text as UTF-8 bytes, a chunk at a time, for the response stream.
import 'server-only';

/** UTF-8 takes at most 3 bytes for one UTF-16 code unit (a surrogate pair's 4 bytes cover 2 units). */
const MAX_BYTES_PER_UNIT = 3;

/**
 * Writing each row into a buffer as it comes costs a fraction of concatenating the text and encoding
 * it at the end, because a row made of many small strings never has to be flattened first.
 */
export class ByteChunk {
  private buffer: Buffer;
  private used = 0;

  constructor(private readonly capacity: number) {
    this.buffer = Buffer.allocUnsafe(capacity);
  }

  get size(): number {
    return this.used;
  }

  append(text: string): void {
    const needed = text.length * MAX_BYTES_PER_UNIT;
    if (this.buffer.length - this.used < needed) {
      const larger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.used + needed));
      this.buffer.copy(larger, 0, 0, this.used);
      this.buffer = larger;
    }
    this.used += this.buffer.write(text, this.used, 'utf8');
  }

  /** The bytes gathered so far; the chunk starts over with a fresh buffer, so the bytes handed out stay as they are. */
  take(): Uint8Array {
    const bytes = this.buffer.subarray(0, this.used);
    this.buffer = Buffer.allocUnsafe(this.capacity);
    this.used = 0;
    return bytes;
  }
}
