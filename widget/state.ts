/** What the widget shows; the one place its state lives. Everything renders from these signals. */
import { signal } from '@preact/signals-core';
import type { Allowed } from '../src/decision';

export const banner = signal(false);
export const prefs = signal(false);
/** The dialog's switches before Save. */
export const draft = signal<Allowed>({ categories: {}, vendors: {} });
/** A choice denied tags that already ran: offer a reload. */
export const reload = signal(false);
/** Text for the polite live region. */
export const said = signal('');
