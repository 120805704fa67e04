import path from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

// pdfmake in Node: Roboto from the app's resources/fonts (embedded in every PDF, so names such as
// "Łódź" print; the standard PDF fonts cover Latin-1 only), no network, and no file access
// beyond the fonts folder. Images reach pdfmake only as data URLs.

let fontsReadyFor: string | null = null;

function useFonts(fontsDir: string): void {
  if (fontsReadyFor === fontsDir) return;
  const dir = path.resolve(fontsDir);
  pdfmake.setFonts({
    Roboto: {
      normal: path.join(dir, 'Roboto-Regular.ttf'),
      bold: path.join(dir, 'Roboto-Medium.ttf'),
      italics: path.join(dir, 'Roboto-Italic.ttf'),
      bolditalics: path.join(dir, 'Roboto-MediumItalic.ttf'),
    },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(dir + path.sep));
  fontsReadyFor = fontsDir;
}

export interface RenderedPdf {
  bytes: Buffer;
  pageCount: number;
}

/** Renders a document definition to PDF bytes, counting pages through the footer callback. */
export async function renderPdf(definition: TDocumentDefinitions, fontsDir: string): Promise<RenderedPdf> {
  useFonts(fontsDir);
  let pageCount = 0;
  const footer = definition.footer;
  const counted: TDocumentDefinitions = {
    ...definition,
    footer: (currentPage, total, pageSize) => {
      pageCount = Math.max(pageCount, total);
      return typeof footer === 'function' ? footer(currentPage, total, pageSize) : (footer ?? null);
    },
  };
  const bytes = await pdfmake.createPdf(counted).getBuffer();
  return { bytes: Buffer.from(bytes), pageCount };
}
