import { AppError, bi, createChinesePdf } from '@fupin/kit';
import PDFDocument from 'pdfkit';
import { RENDERERS } from './renderers';
import type { PrintContext, PrintHousehold, PrintKind, PrintRenderer } from './print.types';

/** The renderer of a kind, or a 422 saying the kind cannot be printed yet. */
export function rendererOf(kind: PrintKind): PrintRenderer {
  const r = RENDERERS[kind];
  if (!r)
    throw new AppError(
      422,
      'GATEWAY_PRINT_KIND_UNAVAILABLE',
      bi(`暂不能打印「${kind}」`, `Documents of kind ${kind} cannot be printed yet`),
    );
  return r;
}

/**
 * One PDF of the households in the order given, each starting on a new page. Pure: the
 * households and the context in, the file's bytes out.
 */
export async function printDocument(
  kind: PrintKind,
  households: PrintHousehold[],
  ctx: PrintContext & { subject: string; fontPath?: string },
): Promise<Buffer> {
  const renderer = rendererOf(kind);
  const { doc, bytes } = createChinesePdf(PDFDocument, {
    title: renderer.title(ctx.subject),
    author: ctx.villageName,
    createdAt: ctx.now,
    ...(ctx.fontPath ? { fontPath: ctx.fontPath } : {}),
  });
  for (const [i, h] of households.entries()) {
    if (i > 0) {
      doc.addPage();
      // A village is seconds of drawing: let the gateway answer between households.
      await new Promise((resolve) => setImmediate(resolve));
    }
    renderer.draw(doc, h, ctx);
  }
  doc.end();
  return bytes;
}
