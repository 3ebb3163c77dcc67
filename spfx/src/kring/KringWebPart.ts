/**
 * What every Kring web part does: render its element with the saved properties as attributes, connect the
 * page's community (the first Kring component on a page loads the Kring core and the backend wiring, in
 * shared chunks), load its own element's code and nothing else, and offer a property pane built from the
 * element's attributes plus the connection settings.
 */
import { Version } from '@microsoft/sp-core-library';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import {
  PropertyPaneButton,
  PropertyPaneDropdown,
  PropertyPaneFieldType,
  PropertyPaneLabel,
  PropertyPaneTextField,
  PropertyPaneToggle,
  type IPropertyPaneConfiguration,
  type IPropertyPaneField,
} from '@microsoft/sp-property-pane';
import { BACKEND_NAMES } from '../generated/kring-attributes';
import type { AttributeField, KringWebPartProperties, WebPartDefinition } from './catalogue';
import { fill, stringsFor, type Strings } from './strings';

type HostModule = typeof import('./host');

/** The Kring core and the SharePoint wiring: one chunk, loaded once, shared by every web part. */
let hostModule: Promise<HostModule> | undefined;
function loadHost(): Promise<HostModule> {
  return (hostModule ??= import(/* webpackChunkName: 'kring-host' */ './host'));
}

const CONNECTION_KEYS = ['backend', 'site-url', 'endpoint', 'server-resource'] as const;

export abstract class KringWebPart extends BaseClientSideWebPart<KringWebPartProperties> {
  protected abstract readonly definition: WebPartDefinition;

  /** Imports this web part's element (`kring/elements/<name>.js`): its own chunk. */
  protected abstract loadElement(): Promise<unknown>;

  private element?: HTMLElement;
  private loading?: Promise<void>;
  private provisionStatus = '';

  protected get strings(): Strings {
    return stringsFor(this.context.pageContext.cultureInfo.currentUICultureName);
  }

  protected get dataVersion(): Version {
    return Version.parse('1.0');
  }

  protected async onInit(): Promise<void> {
    await super.onInit();
    const host = await loadHost();
    host.connectPage(this.context, this.properties, 'web part');
  }

  public render(): void {
    const element = (this.element ??= document.createElement(this.definition.tag));
    for (const field of this.definition.fields) this.applyAttribute(element, field);
    if (element.parentNode !== this.domElement) this.domElement.replaceChildren(element);
    this.loading ??= this.loadElement().then(
      () => undefined,
      (error: unknown) => {
        console.error(`[kring] <${this.definition.tag}> could not be loaded.`, error);
        const message = document.createElement('p');
        message.setAttribute('role', 'alert');
        message.textContent = this.strings.loadFailed;
        this.domElement.replaceChildren(message);
      },
    );
  }

  private applyAttribute(element: HTMLElement, field: AttributeField): void {
    const value = this.properties[field.attribute];
    if (field.kind === 'toggle') element.toggleAttribute(field.attribute, value === true);
    else if (value === undefined || value === null || value === '') element.removeAttribute(field.attribute);
    else element.setAttribute(field.attribute, String(value));
  }

  protected onPropertyPaneFieldChanged(propertyPath: string): void {
    if ((CONNECTION_KEYS as readonly string[]).includes(propertyPath)) {
      void loadHost().then((host) => host.connectPage(this.context, this.properties, 'web part', true));
    }
  }

  protected onDispose(): void {
    this.element?.remove();
    super.onDispose();
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    const strings = this.strings;
    const pages: IPropertyPaneConfiguration['pages'] = [];
    if (this.definition.fields.length) {
      pages.push({
        groups: [
          {
            groupName: strings.elementGroup,
            groupFields: this.definition.fields.flatMap((field) => this.fieldsFor(field, strings)),
          },
        ],
      });
    }
    pages.push(this.connectionPage(strings));
    return { pages };
  }

  private fieldsFor(field: AttributeField, strings: Strings): IPropertyPaneField<unknown>[] {
    const label = strings[field.label];
    const description = field.description ? strings[field.description] : undefined;
    switch (field.kind) {
      case 'toggle':
        return [PropertyPaneToggle(field.attribute, { label })];
      case 'choice': {
        const options = (field.choices ?? []).map((choice) => ({ key: choice, text: choice }));
        if (field.optional) options.unshift({ key: '', text: strings.none });
        return [PropertyPaneDropdown(field.attribute, { label, options })];
      }
      case 'number':
        return [
          PropertyPaneTextField(field.attribute, {
            label,
            description,
            onGetErrorMessage: (value: string) => (!value || /^\d+$/.test(value) ? '' : '1, 2, 3…'),
          }),
        ];
      case 'person':
        return [
          PropertyPaneTextField(field.attribute, { label, description }),
          this.personPicker(field, strings),
        ];
      default:
        return [PropertyPaneTextField(field.attribute, { label, description })];
    }
  }

  /** Kring's own people picker (directory search through the page's community) as the person field. */
  private personPicker(field: AttributeField, strings: Strings): IPropertyPaneField<unknown> {
    return {
      type: PropertyPaneFieldType.Custom,
      targetProperty: field.attribute,
      properties: {
        key: `kring-person-${field.attribute}`,
        onRender: (
          host: HTMLElement,
          _context: unknown,
          changed?: (targetProperty?: string, newValue?: unknown) => void,
        ) => {
          void import(/* webpackChunkName: 'kring-people-picker' */ 'kring/elements/people-picker.js');
          const picker = document.createElement('kring-people-picker');
          picker.setAttribute('label', strings.pickPerson);
          picker.addEventListener('kring-people-change', (event) => {
            // KringPeopleChangeEvent: `detail.ids` are the chosen people, in order.
            const { ids } = (event as unknown as { detail: { ids: string[] } }).detail;
            if (ids[0]) changed?.(field.attribute, ids[0]);
          });
          host.replaceChildren(picker);
        },
        onDispose: (host: HTMLElement) => host.replaceChildren(),
      },
    } as IPropertyPaneField<unknown>;
  }

  private connectionPage(strings: Strings): IPropertyPaneConfiguration['pages'][number] {
    const backend = (this.properties.backend as string | undefined) || 'sharepoint';
    const fields: IPropertyPaneField<unknown>[] = [
      PropertyPaneDropdown('backend', {
        label: strings.backend,
        selectedKey: backend,
        options: BACKEND_NAMES.map((name) => ({ key: name, text: strings.backendChoices[name] })),
      }),
      PropertyPaneTextField('site-url', { label: strings.siteUrl, description: strings.siteUrlDescription }),
    ];
    if (backend === 'rest') {
      fields.push(
        PropertyPaneTextField('endpoint', {
          label: strings.endpoint,
          description: strings.endpointDescription,
        }),
        PropertyPaneTextField('server-resource', {
          label: strings.serverResource,
          description: strings.serverResourceDescription,
        }),
      );
    }
    if (backend === 'sharepoint') {
      fields.push(
        PropertyPaneButton('provision', { text: strings.provision, onClick: () => void this.provision() }),
      );
      if (this.provisionStatus) fields.push(PropertyPaneLabel('provision', { text: this.provisionStatus }));
    }
    return {
      header: { description: strings.connectionDescription },
      groups: [{ groupName: strings.connectionPage, groupFields: fields }],
    };
  }

  /** First run on a new community site: the owner confirms, then the lists and columns are created. */
  private async provision(): Promise<void> {
    const strings = this.strings;
    const site =
      (this.properties['site-url'] as string | undefined) || this.context.pageContext.web.absoluteUrl;
    if (!window.confirm(fill(strings.provisionConfirm, { site }))) return;
    this.setProvisionStatus(strings.provisionRunning);
    try {
      const host = await loadHost();
      const report = await host.provisionLists(this.context, site);
      this.setProvisionStatus(
        fill(strings.provisionDone, {
          lists: report.createdLists.length,
          fields: report.createdFields.length,
        }),
      );
    } catch (error) {
      this.setProvisionStatus(
        fill(strings.provisionFailed, { reason: error instanceof Error ? error.message : String(error) }),
      );
    }
  }

  private setProvisionStatus(text: string): void {
    this.provisionStatus = text;
    this.context.propertyPane.refresh();
  }
}
