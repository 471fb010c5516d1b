import { MessageDirection, NotificationType, ProtocolRequestType, RequestType } from 'vscode-languageserver-protocol';

export interface NoteParams {
  uri: string;
  line: number;
  column: number;
}

export interface Note {
  id: string;
  text: string;
}

/** Custom requests a notes extension adds to its language server. */
export namespace NotesAtRequest {
  export const method: 'notes/at' = 'notes/at';
  export const messageDirection: MessageDirection = MessageDirection.clientToServer;
  export const type = new ProtocolRequestType<NoteParams, Note[], never, void, void>(method);
}

export const addNote = new RequestType<NoteParams & { text: string }, Note, void>('notes/add');

export const resolveNote = new RequestType<{ id: string }, Note | null, void>('notes/resolve');

export const notesChanged = new NotificationType<{ uri: string; count: number; at: Date }>('notes/changed');
