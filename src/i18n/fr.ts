/** Français: built-in texts (same keys as en.ts). */
export default {
  'banner.title': 'Nous utilisons des cookies',
  'banner.text':
    'Nous utilisons des cookies et des technologies similaires pour faire fonctionner ce site, comprendre comment il est utilisé et afficher des publicités pertinentes. Choisissez ce que vous autorisez ; vous pouvez changer d’avis à tout moment.',
  'banner.policy': 'Politique relative aux cookies',
  'banner.acceptAll': 'Tout accepter',
  'banner.rejectAll': 'Tout refuser',
  'banner.customise': 'Personnaliser',
  'optout.title': 'Vos choix en matière de confidentialité',
  'optout.text':
    'Nos partenaires et nous utilisons des cookies pour mesurer les visites et afficher des publicités. Certaines lois considèrent cela comme une vente ou un partage de vos données personnelles, et vous pouvez vous y opposer à tout moment.',
  'optout.button': 'Ne pas vendre ni partager mes données personnelles',
  'optout.honoured':
    'Demande d’opposition prise en compte : votre navigateur envoie le signal Global Privacy Control, nous ne vendons donc ni ne partageons vos données personnelles.',
  'optout.dismiss': 'J’ai compris',
  'prefs.title': 'Préférences de confidentialité',
  'prefs.text':
    'Choisissez les cookies et technologies similaires que ce site peut utiliser. Les cookies nécessaires font fonctionner le site et ne peuvent pas être désactivés.',
  'prefs.save': 'Enregistrer mes choix',
  'prefs.close': 'Fermer',
  'prefs.vendors': 'Fournisseurs ({n})',
  'prefs.always': 'Toujours actifs',
  'prefs.gpc': 'Désactivé car votre navigateur envoie Global Privacy Control. Vous pouvez tout de même l’activer.',
  'prefs.dnt': 'Désactivé car votre navigateur envoie « Do Not Track ». Vous pouvez tout de même l’activer.',
  'prefs.id': 'Identifiant de consentement',
  'prefs.date': 'Date',
  'prefs.none': 'Aucun choix enregistré pour l’instant.',
  'prefs.saved': 'Vos choix sont enregistrés.',
  'vendor.purpose': 'Finalité',
  'vendor.data': 'Données collectées',
  'vendor.retention': 'Durée de conservation',
  'vendor.cookies': 'Cookies',
  'vendor.privacy': 'Politique de confidentialité',
  'vendor.optout': 'S’opposer',
  'reload.text': 'Certains services ont déjà été exécutés sur cette page. Rechargez-la pour les arrêter.',
  'reload.button': 'Recharger la page',
  reopen: 'Préférences en matière de cookies',
  'category.required.name': 'Strictement nécessaires',
  'category.required.description':
    'Assurent la sécurité et le bon fonctionnement du site, par exemple votre connexion et ce choix de consentement. Ils ne peuvent pas être désactivés.',
  'category.functional.name': 'Fonctionnels',
  'category.functional.description': 'Mémorisent vos réglages, comme la langue ou la région, et permettent des fonctions comme le chat d’assistance.',
  'category.performance.name': 'Mesure d’audience',
  'category.performance.description': 'Comptent les visites et mesurent l’utilisation du site, pour savoir ce qui fonctionne et l’améliorer.',
  'category.advertising.name': 'Publicité',
  'category.advertising.description':
    'Permettent à nos partenaires publicitaires d’afficher des annonces adaptées à vos centres d’intérêt et d’en mesurer l’efficacité.',
} as Record<string, string>;
