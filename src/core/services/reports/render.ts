import path from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

// pdfmake in Node: Roboto from the app's resources/fonts (embedded in every PDF, so names such as
// "Łódź" print; the standard PDF fonts cover Latin-1 only), no network, and no file access
// beyond the fonts folder. Images reach pdfmake only as data URLs.
//
// pdfmake (with the PDF engine and font parser under it) is loaded on the first report, not when
// the app starts: most sessions print none, and loading it took half a second of every start.

type PdfMake = typeof import('pdfmake');

let loaded: Promise<PdfMake> | null = null;
let fontsReadyFor: string | null = null;

function loadPdfMake(): Promise<PdfMake> {
  // pdfmake is CommonJS: imported as ES, its exports object is the default export.
  loaded ??= import('pdfmake').then((module) => (module as { default?: PdfMake }).default ?? module);
  return loaded;
}

function useFonts(pdfmake: PdfMake, fontsDir: string): void {
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
  const pdfmake = await loadPdfMake();
  useFonts(pdfmake, fontsDir);
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
