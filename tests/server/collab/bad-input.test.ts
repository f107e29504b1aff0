import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { colorForUser } from '../../../shared/collab/awareness.ts';
import { CloseCode } from '../../../shared/collab/close-codes.ts';
import type { CollabClient } from '../../helpers/collab-client.ts';
import {
  destroyAllRawSockets,
  INVALID_FRAMES,
  Op,
  openRawSocket,
  type RawSocket,
} from '../../helpers/raw-socket.ts';
import { startTestServer, type TestServer } from '../../helpers/test-server.ts';
import { waitFor } from '../../helpers/wait.ts';
import type { Persona } from '../../helpers/workspace.ts';

const INTACT = 'Văn kiện nguyên vẹn';
let server: TestServer;
let writer: CollabClient;
let room = '';
let roomCounter = 0;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

beforeEach(async () => {
  room = `bad-${++roomCounter}`;
  writer = server.connect(room);
  await writer.synced();
  writer.type(INTACT);
  await expectIntact();
});
afterEach(() => {
  writer.destroy();
  destroyAllRawSockets();
});

/** A fresh honest client syncs the intact text, and the writer is still connected. */
async function expectIntact(): Promise<void> {
  const probe = server.connect(room);
  try {
    await waitFor(() => probe.text() === INTACT, 'a fresh client to sync the intact text');
    expect(probe.doc.store.pendingStructs).toBeNull();
    expect(writer.provider.wsconnected).toBe(true);
  } finally {
    probe.destroy();
  }
}

/**
 * An attacker that has done the handshake properly (authenticated upgrade, sync step 1), so
 * only its bad input counts. By default it is the writer's own user, with write access.
 */
async function openAttacker(as: Persona = 'editor'): Promise<RawSocket> {
  const socket = await openRawSocket(server.rawUrl(room, as));
  socket.sendBinary(syncMessage(0, new Uint8Array([0])));
  return socket;
}

function syncMessage(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** Deterministic pseudo-random bytes (a failing case can be replayed from its seed). */
function randomBytes(seed: number, length: number): Uint8Array {
  let state = seed >>> 0 || 1;
  return Uint8Array.from({ length }, () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state & 0xff;
  });
}

function refusals(): string[] {
  return server.logs
    .filter((e) => e.msg === 'collab connection refused' && e.fields.room === room)
    .map((e) => String(e.fields.code));
}

describe('bad input closes only the offending connection', () => {
  it('truncated varints close the connection with 1002', async () => {
    for (const bytes of [[0x80], [0x00, 0x80], [0x00, 0x00, 0xff], [0x00, 0x02, 0x05, 0x01], [0x01, 0x90]]) {
      const attacker = await openAttacker();
      attacker.sendBinary(new Uint8Array(bytes));
      expect((await attacker.waitForClose(3000)).code).toBe(CloseCode.ProtocolError);
    }
    expect(refusals()).toEqual(Array(5).fill('malformed_message'));
    await expectIntact();
  });

  it('random bytes never change the text or stop the server', async () => {
    const seeds = Array.from({ length: 40 }, (_, i) => i + 1);
    await Promise.all(
      seeds.map(async (seed) => {
        const attacker = await openAttacker();
        for (let i = 0; i < 10; i++)
          attacker.sendBinary(randomBytes(seed * 100 + i, 1 + ((seed * 7 + i) % 300)));
        // Some byte strings happen to decode as ignored message types; those sockets stay open.
        await attacker.waitForClose(1000).catch(() => attacker.destroy());
      }),
    );
    await expectIntact();
  });

  it('a garbage update is refused with 1003 and never stored or relayed', async () => {
    const attacker = await openAttacker();
    attacker.sendBinary(syncMessage(2, randomBytes(7, 64)));
    expect((await attacker.waitForClose(3000)).code).toBe(CloseCode.UnsupportedData);
    expect(refusals()).toEqual(['invalid_update']);
    await expectIntact();
  });

  it('an update whose history is missing is refused and does not poison the draft', async () => {
    const forger = new Y.Doc();
    const fragment = forger.getXmlFragment('content');
    fragment.insert(0, [new Y.XmlText('lost first part ')]);
    const before = Y.encodeStateVector(forger);
    (fragment.get(0) as Y.XmlText).insert(0, 'dependent part ');
    const gap = Y.encodeStateAsUpdate(forger, before); // refers to structs the server never saw
    const attacker = await openAttacker();
    attacker.sendBinary(syncMessage(2, gap));
    expect((await attacker.waitForClose(3000)).code).toBe(CloseCode.UnsupportedData);
    await expectIntact();
    // The draft still accepts honest edits after the refusal.
    writer.type(' tiếp');
    const probe = server.connect(room);
    await waitFor(() => probe.text() === `${INTACT} tiếp`, 'the honest edit');
    probe.destroy();
  });

  it('a delete of unknown items is refused like any missing history', async () => {
    const forger = new Y.Doc();
    const text = forger.getText('x');
    text.insert(0, 'abc');
    const inserted = Y.encodeStateVector(forger);
    text.delete(0, 3);
    const deleteOnly = Y.encodeStateAsUpdate(forger, inserted);
    const attacker = await openAttacker();
    attacker.sendBinary(syncMessage(2, deleteOnly));
    expect((await attacker.waitForClose(3000)).code).toBe(CloseCode.UnsupportedData);
    await expectIntact();
  });

  it('a frame larger than the payload limit is refused with 1009 from its header', async () => {
    const attacker = await openAttacker();
    // Only the header is sent, never the payload: a 1009 close can only come from the declared
    // length (no clock needed to tell that the server did not wait for the bytes).
    attacker.sendFrame({ opcode: Op.BINARY, declaredLength: 2 * 1024 * 1024 + 1 });
    expect((await attacker.waitForClose(3000)).code).toBe(CloseCode.MessageTooBig);
    await expectIntact();
  });

  it.each(INVALID_FRAMES.map((c) => [c.name, c] as const))(
    'an invalid frame (%s) closes only that socket',
    async (_name, c) => {
      const attacker = await openAttacker();
      for (const frame of c.frames) attacker.sendFrame(frame);
      expect((await attacker.waitForClose(3000)).code).toBe(c.expectedCode);
      await expectIntact();
    },
  );

  it('a text frame is refused: the protocol is binary', async () => {
    const attacker = await openAttacker();
    attacker.sendText('hello');
    expect((await attacker.waitForClose(3000)).code).toBe(CloseCode.ProtocolError);
    await expectIntact();
  });

  it('unknown message types are ignored and the connection keeps working', async () => {
    const attacker = await openAttacker();
    attacker.sendBinary(new Uint8Array([7, 1, 2, 3]));
    attacker.sendBinary(new Uint8Array([2, 0])); // auth, which only servers send
    attacker.sendBinary(syncMessage(0, new Uint8Array([0])));
    // The step 1 sent after them is still answered with the whole draft (sync step 2).
    await waitFor(
      () => attacker.messages.filter((m) => m.data[0] === 0 && m.data[1] === 1).length >= 2,
      'two step 2 answers',
    );
    expect(refusals()).toEqual([]);
  });

  it('awareness for a clientID another connection owns is not relayed', async () => {
    const viewer = server.connect(room);
    await viewer.synced();
    writer.provider.awareness.setLocalStateField('user', { name: 'Thư ký' });
    await waitFor(
      () => viewer.provider.awareness.getStates().get(writer.doc.clientID) !== undefined,
      'writer presence',
    );
    // Another user with write access; a relayed forgery would carry its identity and the marker.
    const attacker = await openAttacker('coeditor');
    const entry = encoding.createEncoder();
    encoding.writeVarUint(entry, 1);
    encoding.writeVarUint(entry, writer.doc.clientID);
    encoding.writeVarUint(entry, 1000);
    encoding.writeVarString(entry, JSON.stringify({ user: { name: 'Kẻ giả mạo' }, forged: true }));
    const message = encoding.createEncoder();
    encoding.writeVarUint(message, 1);
    encoding.writeVarUint8Array(message, encoding.toUint8Array(entry));
    const awarenessSeen = (): number => attacker.messages.filter((m) => m.data[0] === 1).length;
    const before = awarenessSeen();
    attacker.sendBinary(encoding.toUint8Array(message));
    // A query answered on the same socket: the forgery before it has been handled.
    attacker.sendBinary(new Uint8Array([3]));
    await waitFor(() => awarenessSeen() > before, 'the answer to the awareness query');
    const probe = server.connect(room);
    await probe.synced();
    await waitFor(() => probe.provider.awareness.getStates().has(writer.doc.clientID), 'probe sees presence');
    // The writer's state as the server rewrote it: `user` is its member identity (R9).
    const editor = await server.server.app.services.users.getByUsername('editor');
    expect(probe.provider.awareness.getStates().get(writer.doc.clientID)).toEqual({
      user: { id: editor.id, name: editor.displayName, color: colorForUser(editor.id) },
    });
    probe.destroy();
    viewer.destroy();
  });
});
