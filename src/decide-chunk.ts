/** The decision chunk (dist/consentry-decide.js): see recorder.ts. */
import * as recorder from './recorder';

(window as any).consentry.__rec = recorder;
