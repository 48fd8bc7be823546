/** JSON pointers (RFC 6901) and the line:column a pointer is found at: what the JSON reader and its position index share. */

export interface Position {
  line: number;
  column: number;
}

export function escapePointer(segment: string): string {
  return segment.includes('~') || segment.includes('/') ? segment.replace(/~/g, '~0').replace(/\//g, '~1') : segment;
}

export function pointerOf(...segments: (string | number)[]): string {
  let pointer = '';
  for (const s of segments) pointer += `/${escapePointer(String(s))}`;
  return pointer;
}
