import type * as fontkit from 'fontkit';

type Run = ReturnType<fontkit.Font['layout']>;

/**
 * The font with its word layouts kept for every document the process renders. pdfkit lays out
 * each word once, but per document, and shaping Inter's contextual features was most of a
 * journal document's render time. pdfkit scales the positions it gets in place, so every call gets
 * its own copy of them (and a width summed from that copy, as fontkit's run does); glyphs are only read. Layouts with explicit features are not kept.
 */
export function withSharedLayouts(font: fontkit.Font, maxWords = 50_000): fontkit.Font {
  const runs = new Map<string, Run>();
  const shared = Object.create(font) as fontkit.Font;
  shared.layout = ((text: string, ...rest: unknown[]) => {
    if (rest.some((r) => r !== undefined)) return (font.layout as (...a: unknown[]) => Run)(text, ...rest);
    let run = runs.get(text);
    if (!run) {
      run = font.layout(text);
      if (runs.size >= maxWords) runs.clear();
      runs.set(text, run);
    }
    const positions = run.positions.map((p) => ({ ...p }));
    // As fontkit's own run: the width is the sum of the advances as they are now (pdfkit scales them).
    return {
      glyphs: run.glyphs,
      positions,
      get advanceWidth() {
        return positions.reduce((w, p) => w + p.xAdvance, 0);
      },
    } as unknown as Run;
  }) as fontkit.Font['layout'];
  return shared;
}
