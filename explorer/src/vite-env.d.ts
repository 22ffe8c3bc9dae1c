/// <reference types="vite/client" />

declare module 'virtual:schema-shape' {
  const shape: { possibleTypes: Record<string, string[]>; embeddedTypes: string[] };
  export default shape;
}
