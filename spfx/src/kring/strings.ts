/**
 * Property-pane and message strings, in English and Dutch. The web parts pick the page's language
 * (`pageContext.cultureInfo.currentUICultureName`); Kring's elements translate themselves.
 */
export const STRINGS = {
  en: {
    elementGroup: 'Settings',
    connectionPage: 'Connection',
    connectionDescription:
      'Where Kring reads and writes. On a page with the Kring community extension, the extension’s settings win.',
    backend: 'Backend',
    backendChoices: {
      sharepoint: 'SharePoint (lists on the community site)',
      graph: 'Microsoft Graph',
      rest: 'Kring Server',
      demo: 'Demo data (in this browser only)',
    },
    siteUrl: 'Community site URL',
    siteUrlDescription: 'The site with the Kring lists. Empty: this site.',
    endpoint: 'Kring Server URL',
    endpointDescription: 'E.g. https://kring.contoso.com/api/kring',
    serverResource: 'Kring Server application ID URI',
    serverResourceDescription:
      'The Entra ID app registration of your Kring Server, e.g. api://kring.contoso.com',
    provision: 'Create the community lists on the community site',
    provisionConfirm:
      'Create the Kring lists (kudos, endorsements, invitations, members, ambassadors, badges, activity) on {site}? This needs Manage Lists permission and can be run again safely.',
    provisionRunning: 'Creating the lists…',
    provisionDone: 'Done: {lists} lists and {fields} columns created; everything else was already there.',
    provisionFailed: 'The lists could not be created: {reason}',
    pickPerson: 'Or pick a colleague',
    loadFailed: 'Kring could not be loaded. Reload the page; if this stays, tell your intranet team.',
    person: 'Person',
    personDescription: '“me” (the reader), an e-mail address or a login name',
    view: 'View',
    hrefTemplate: 'Profile link template',
    hrefTemplateDescription: 'E.g. /people/{id}; empty: no link',
    query: 'Start with the search',
    skill: 'Start with the skill',
    department: 'Department',
    limit: 'How many',
    placeholder: 'Search box placeholder',
    showFacets: 'Show filters',
    from: 'Given by',
    value: 'Value',
    compose: 'Let readers give kudos here',
    allowedDomains: 'Allowed e-mail domains',
    allowedDomainsDescription: 'Comma-separated, e.g. contoso.com, contoso.nl',
    quota: 'Invitations per person per month',
    mode: 'Invite by',
    badgeRole: 'Role (empty: the person’s highest badge)',
    size: 'Size',
    headingLevel: 'Heading level',
    month: 'Month (YYYY-MM; empty: last full month)',
    tokenParam: 'Invitation token parameter in the page address',
    none: '(none)',
  },
  nl: {
    elementGroup: 'Instellingen',
    connectionPage: 'Verbinding',
    connectionDescription:
      'Waar Kring leest en schrijft. Op een pagina met de Kring-community-extensie gelden de instellingen van de extensie.',
    backend: 'Backend',
    backendChoices: {
      sharepoint: 'SharePoint (lijsten op de communitysite)',
      graph: 'Microsoft Graph',
      rest: 'Kring Server',
      demo: 'Demogegevens (alleen in deze browser)',
    },
    siteUrl: 'URL van de communitysite',
    siteUrlDescription: 'De site met de Kring-lijsten. Leeg: deze site.',
    endpoint: 'URL van Kring Server',
    endpointDescription: 'Bijv. https://kring.contoso.nl/api/kring',
    serverResource: 'Application ID URI van Kring Server',
    serverResourceDescription: 'De Entra ID-appregistratie van uw Kring Server, bijv. api://kring.contoso.nl',
    provision: 'Maak de communitylijsten op de communitysite',
    provisionConfirm:
      'De Kring-lijsten (kudos, onderschrijvingen, uitnodigingen, leden, ambassadeurs, badges, activiteit) maken op {site}? Hiervoor is de machtiging Lijsten beheren nodig; opnieuw uitvoeren kan geen kwaad.',
    provisionRunning: 'Lijsten worden gemaakt…',
    provisionDone: 'Klaar: {lists} lijsten en {fields} kolommen gemaakt; de rest bestond al.',
    provisionFailed: 'De lijsten konden niet worden gemaakt: {reason}',
    pickPerson: 'Of kies een collega',
    loadFailed:
      'Kring kon niet worden geladen. Laad de pagina opnieuw; blijft dit zo, meld het dan aan uw intranetteam.',
    person: 'Persoon',
    personDescription: '“me” (de lezer), een e-mailadres of een aanmeldnaam',
    view: 'Weergave',
    hrefTemplate: 'Sjabloon voor de profiellink',
    hrefTemplateDescription: 'Bijv. /mensen/{id}; leeg: geen link',
    query: 'Begin met de zoekopdracht',
    skill: 'Begin met de vaardigheid',
    department: 'Afdeling',
    limit: 'Hoeveel',
    placeholder: 'Tekst in het zoekvak',
    showFacets: 'Filters tonen',
    from: 'Gegeven door',
    value: 'Waarde',
    compose: 'Lezers hier kudos laten geven',
    allowedDomains: 'Toegestane e-maildomeinen',
    allowedDomainsDescription: 'Gescheiden door komma’s, bijv. contoso.com, contoso.nl',
    quota: 'Uitnodigingen per persoon per maand',
    mode: 'Uitnodigen via',
    badgeRole: 'Rol (leeg: de hoogste badge van de persoon)',
    size: 'Grootte',
    headingLevel: 'Kopniveau',
    month: 'Maand (JJJJ-MM; leeg: de laatste volle maand)',
    tokenParam: 'Parameter met de uitnodigingscode in het paginaadres',
    none: '(geen)',
  },
} as const;

export type Strings = (typeof STRINGS)['en'];
export type StringKey = { [K in keyof Strings]: Strings[K] extends string ? K : never }[keyof Strings];

/** `nl-NL`, `nl-BE` → Dutch; anything else → English. */
export function languageOf(cultureName: string | undefined): 'en' | 'nl' {
  return cultureName?.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

export function stringsFor(cultureName: string | undefined): Strings {
  return STRINGS[languageOf(cultureName)] as Strings;
}

export function fill(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (match, key: string) => (key in params ? String(params[key]) : match));
}
