/**
 * The cookie cleanup as a chunk of its own (dist/consentry-cleanup.js): the
 * loader fetches it at the first withdrawal of a vendor that declares cookies,
 * so pages where nobody withdraws never pay for it.
 */
import { deleteCookies } from './cleanup';

const api = (window as any).consentry;
api.__cleanup = (vendors: Parameters<typeof deleteCookies>[0]) => deleteCookies(vendors, api.__core.config.cookie.name);
