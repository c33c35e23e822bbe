/**
 * The open data of this build (src/site/open-data.ts), made once and shared by the data
 * endpoints and the /data/ page, so the checksums describe exactly the files written.
 */
import { buildOpenData, type LineFile, type OpenData } from './open-data';
import { absoluteUrl, documentAnchors, documentBodyText, getSiteModel } from './page-data';
import { BUILD_DATE } from './build-date';

let data: Promise<OpenData> | undefined;

export function getOpenData(): Promise<OpenData> {
  data ??= (async () => {
    const model = await getSiteModel();
    const bodies = new Map(
      model.documents.map((document) => [
        document.id,
        { text: documentBodyText(document), anchors: documentAnchors(document) },
      ]),
    );
    return buildOpenData(model, bodies, { buildDate: BUILD_DATE, absoluteUrl });
  })();
  return data;
}

/** A file's lines as a stream of UTF-8, made as they are read. */
function lineStream(file: LineFile): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const lines = file.lines()[Symbol.iterator]();
  return new ReadableStream({
    pull(controller) {
      const next = lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
}

/** A response for a static data file. */
export function dataResponse(file: string | LineFile, contentType: string): Response {
  const body = typeof file === 'string' ? file : lineStream(file);
  return new Response(body, { headers: { 'Content-Type': `${contentType}; charset=utf-8` } });
}
