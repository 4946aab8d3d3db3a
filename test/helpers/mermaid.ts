/**
 * Mermaid's own parser, for checking that every chart the report emits is one GitHub can draw.
 * Mermaid sanitises labels with DOMPurify, which needs a DOM; parsing needs no sanitising, so the
 * (DOM-less, inert) DOMPurify instance gets pass-through hooks before Mermaid loads.
 */
type Purify = { addHook?: unknown; removeHook?: unknown; removeAllHooks?: unknown; sanitize?: unknown };

let loaded: Promise<{ parse(text: string): Promise<unknown> }> | undefined;

async function load(): Promise<{ parse(text: string): Promise<unknown> }> {
  const purify = (await import('dompurify')).default as unknown as Purify;
  const noop = (): void => undefined;
  purify.addHook ??= noop;
  purify.removeHook ??= noop;
  purify.removeAllHooks ??= noop;
  purify.sanitize = (text: string): string => text;
  return (await import('mermaid')).default;
}

/** Parses a diagram; throws Mermaid's parse error when the text is not a valid diagram. */
export async function parseMermaid(text: string): Promise<unknown> {
  loaded ??= load();
  return (await loaded).parse(text);
}

/** The bodies of the ```mermaid blocks of a markdown text. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((m) => m[1] as string);
}
