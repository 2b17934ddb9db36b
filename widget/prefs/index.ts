/**
 * The preferences dialog's chunk (dist/consentry-prefs.js). The widget fetches it when the visitor
 * reaches for "Customise" or the reopen button (pointer over it, focus on it), or when the site
 * calls `consentry.show()`, so a first visit that ends with "Accept all" or "Reject all" never
 * downloads it. Everything else it uses is the widget's (widget/shared.ts).
 */
import { prefs } from '../../src/i18n/en';
import { adopt, core, dialog, en, shadow } from '../shared';
import { css } from './styles';
import { Prefs } from './Prefs';

Object.assign(en, prefs);
adopt(shadow, css, core.nonce);
dialog.Prefs = Prefs;
