/**
 * The open data of this build (src/site/open-data.ts), made once and shared by the data
 * endpoints and the /data/ page, so the checksums describe exactly the files written.
 */
import { buildOpenData, type OpenData } from './open-data';
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

/** A response for a static data file. */
export function dataResponse(body: string | Uint8Array<ArrayBuffer>, contentType: string): Response {
  return new Response(body, { headers: { 'Content-Type': `${contentType}; charset=utf-8` } });
}
