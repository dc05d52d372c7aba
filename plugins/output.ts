/**
 * Output handling shared by the process and in-process runners: splits chunks into lines, keeps
 * them up to a byte bound (stdout + stderr together), and streams the kept lines to listeners.
 * What listeners receive is exactly what the result keeps: once the bound is hit nothing more is
 * kept or streamed, so the kept output is always a prefix of the real output.
 */
import { StringDecoder } from 'node:string_decoder';
import type { OutputLine } from './runner.ts';

type Stream = OutputLine['stream'];

/** A line longer than this (in UTF-16 units) without a newline is split, so one endless line can't grow memory. */
export const MAX_LINE_CHARS = 16_384;

export class OutputCollector {
  readonly stdout: string[] = [];
  readonly stderr: string[] = [];
  truncated = false;

  readonly #max: number;
  #bytes = 0;
  #closed = false;
  readonly #listeners = new Set<(line: OutputLine) => void>();
  readonly #partial: Record<Stream, string> = { stdout: '', stderr: '' };
  readonly #decoders: Record<Stream, StringDecoder> = {
    stdout: new StringDecoder('utf8'),
    stderr: new StringDecoder('utf8'),
  };

  constructor(maxOutputBytes: number) {
    this.#max = maxOutputBytes;
  }

  subscribe(listener: (line: OutputLine) => void): () => void {
    if (this.#closed) return () => {};
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** A raw chunk from a pipe; partial lines are held until their newline (or `close`). */
  pushChunk(stream: Stream, chunk: Buffer | string): void {
    if (this.#closed || this.truncated) return; // keep draining the pipe, but stop decoding
    let text = this.#partial[stream] + (typeof chunk === 'string' ? chunk : this.#decoders[stream].write(chunk));
    let nl: number;
    while ((nl = text.indexOf('\n')) !== -1) {
      this.#pushLine(stream, stripCr(text.slice(0, nl)));
      text = text.slice(nl + 1);
    }
    while (text.length > MAX_LINE_CHARS) {
      this.#pushLine(stream, text.slice(0, MAX_LINE_CHARS));
      text = text.slice(MAX_LINE_CHARS);
    }
    this.#partial[stream] = text;
  }

  /** Text from an in-process plugin: each `\n`-separated piece is one line (no trailing newline needed). */
  pushText(stream: Stream, text: string): void {
    if (this.#closed) return;
    for (const line of text.split('\n')) {
      let rest = stripCr(line);
      while (rest.length > MAX_LINE_CHARS) {
        this.#pushLine(stream, rest.slice(0, MAX_LINE_CHARS));
        rest = rest.slice(MAX_LINE_CHARS);
      }
      this.#pushLine(stream, rest);
    }
  }

  /** Flushes partial lines and stops accepting output; listeners are dropped. Idempotent. */
  close(): void {
    if (this.#closed) return;
    for (const stream of ['stdout', 'stderr'] as const) {
      const rest = this.truncated ? '' : this.#partial[stream] + this.#decoders[stream].end();
      this.#partial[stream] = '';
      if (rest !== '') this.pushChunk(stream, rest + '\n');
    }
    this.#closed = true;
    this.#listeners.clear();
  }

  #pushLine(stream: Stream, line: string): void {
    if (this.#closed || this.truncated) return;
    const size = Buffer.byteLength(line, 'utf8') + 1;
    if (this.#bytes + size > this.#max) {
      this.truncated = true;
      return;
    }
    this.#bytes += size;
    this[stream].push(line);
    const event: OutputLine = { stream, line, at: Date.now() };
    for (const listener of [...this.#listeners]) {
      try {
        listener(event);
      } catch {
        // A listener's failure must not break the run or escape into the event loop.
      }
    }
  }
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
