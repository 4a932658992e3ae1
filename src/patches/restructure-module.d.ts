// restructure ships no types; folderpers only patches Struct's prototype (restructure.ts).
declare module 'restructure' {
  export const Struct: { prototype: object };
}
