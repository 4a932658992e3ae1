/** Templates speak millimetres; frames speak points. */
export const MM = 72 / 25.4;
export const mm = (v: number): number => v * MM;
