import type { APIRoute } from 'astro';
import { dataResponse, getOpenData } from '../../site/page-open-data';

export const GET: APIRoute = async () => dataResponse((await getOpenData()).files.catalogJson, 'application/json');
