/**
 * The blocked iframe's texts (gate/placeholder.ts) in each built-in language: what it says, its
 * button, its link. They ship with the placeholder's chunk, not in the language files, since a
 * returning visitor's page shows placeholders without the widget. `texts` overrides them
 * (`placeholder.text`, `placeholder.button`, `placeholder.link`).
 */
export const PLACEHOLDER: Record<string, [string, string, string]> = {
  en: ['{vendor} content is blocked until you allow it.', 'Allow {vendor}', 'Privacy policy'],
  de: ['Inhalte von {vendor} sind blockiert, bis Sie sie erlauben.', '{vendor} erlauben', 'Datenschutzerklärung'],
  es: ['El contenido de {vendor} está bloqueado hasta que lo permita.', 'Permitir {vendor}', 'Política de privacidad'],
  fr: ['Le contenu de {vendor} est bloqué tant que vous ne l’autorisez pas.', 'Autoriser {vendor}', 'Politique de confidentialité'],
  it: ['I contenuti di {vendor} sono bloccati finché non li consenti.', 'Consenti {vendor}', 'Informativa sulla privacy'],
  nl: ['Inhoud van {vendor} is geblokkeerd totdat u die toestaat.', '{vendor} toestaan', 'Privacybeleid'],
  pl: ['Treści od {vendor} są zablokowane, dopóki na nie nie zezwolisz.', 'Zezwól na {vendor}', 'Polityka prywatności'],
  pt: ['O conteúdo de {vendor} está bloqueado até que o permita.', 'Permitir {vendor}', 'Política de privacidade'],
};
