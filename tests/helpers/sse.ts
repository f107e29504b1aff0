/** A server-sent event stream read one named event at a time (others are skipped). */
export interface EventReader {
  next(name: string): Promise<unknown>;
  cancel(): Promise<void>;
}

/** Reads `event: <name>\ndata: <json>` frames from a response body. */
export function readEvents(response: Response): EventReader {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  return {
    async next(name) {
      for (;;) {
        const frame = /event: ([^\n]*)\ndata: (.*)\n\n/.exec(buffer);
        if (frame !== null) {
          buffer = buffer.slice(frame.index + frame[0].length);
          if (frame[1] === name) return JSON.parse(frame[2]!) as unknown;
          continue;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before a ${name} event`);
        buffer += value;
      }
    },
    cancel: () => reader.cancel(),
  };
}
