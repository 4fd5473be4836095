import { CrmError } from '../errors.js';
import type { FieldDef, ObjectDef, PicklistValueDef } from '../schema/types.js';
import type { OrgDb } from '../store/database.js';
import { allPicklistValues, loadObjectDefs } from '../store/metadata.js';

/**
 * The org's objects and fields (standard + custom) and picklist values,
 * loaded once per command. Call `reload()` after changing metadata.
 */
export class ObjectRegistry {
  private objects: ObjectDef[] = [];
  private picklists = new Map<string, PicklistValueDef[]>();

  constructor(private readonly db: OrgDb) {
    this.reload();
  }

  reload(): void {
    this.objects = loadObjectDefs(this.db);
    this.picklists = allPicklistValues(this.db);
  }

  all(): readonly ObjectDef[] {
    return this.objects;
  }

  /** Find an object by API name, label or plural, ignoring case: `contact`, `Contacts`, `opportunitycontactrole`. */
  find(name: string): ObjectDef | undefined {
    const key = name.trim().toLowerCase();
    return this.objects.find(
      (o) => o.name.toLowerCase() === key || o.label.toLowerCase() === key || o.pluralLabel.toLowerCase() === key,
    );
  }

  get(name: string): ObjectDef {
    const object = this.find(name);
    if (!object) {
      throw new CrmError('UNKNOWN_OBJECT', `There is no object called "${name}".`, {
        hint: `Use one of: ${this.objects.map((o) => o.name.toLowerCase()).join(', ')}.`,
        details: { object: name },
      });
    }
    return object;
  }

  field(object: ObjectDef, name: string): FieldDef | undefined {
    const key = name.trim().toLowerCase();
    return object.fields.find((f) => f.name.toLowerCase() === key) ?? object.fields.find((f) => f.label.toLowerCase() === key);
  }

  requireField(object: ObjectDef, name: string): FieldDef {
    const field = this.field(object, name);
    if (!field) {
      throw new CrmError('UNKNOWN_FIELD', `${object.name} has no field "${name}".`, {
        hint: `Try: crmctl field list ${object.name.toLowerCase()} to see its fields.`,
        details: { object: object.name, field: name },
      });
    }
    return field;
  }

  picklist(object: ObjectDef, field: FieldDef): readonly PicklistValueDef[] {
    return this.picklists.get(`${object.name}.${field.name}`) ?? [];
  }
}
