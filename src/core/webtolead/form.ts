import { CrmError } from '../errors.js';
import type { OrgSession } from '../org/session.js';
import type { FieldDef } from '../schema/types.js';
import { layoutRequiredProblems } from '../customize/layouts.js';
import { HONEYPOT_FIELD, isWebField, RETURN_URL_FIELD } from './capture.js';

export interface FormRequest {
  /** Lead API names, in the order the form shows them. */
  fields: string[];
  returnUrl: string;
  /** Where the form posts: the `web-to-lead serve` endpoint. */
  action: string;
  title?: string | undefined;
}

export interface FormResult {
  html: string;
  fields: { name: string; label: string; required: boolean; type: string }[];
  action: string;
  returnUrl: string;
}

export const DEFAULT_ACTION_URL = 'http://127.0.0.1:8080/';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** An absolute http(s) URL, or USAGE naming the flag. */
export function requireHttpUrl(text: string, flag: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new CrmError('USAGE', `${flag} ${text}: not an absolute URL.`, { hint: `Example: ${flag} https://www.example.com/thanks` });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CrmError('USAGE', `${flag} ${text}: only http and https URLs are allowed.`, { hint: `Example: ${flag} https://www.example.com/thanks` });
  }
  return url.href;
}

function inputFor(session: OrgSession, field: FieldDef, required: boolean): string {
  const id = `f_${field.name}`;
  const req = required ? ' required' : '';
  const max = field.length ? ` maxlength="${field.length}"` : '';
  switch (field.type) {
    case 'textarea':
      return `<textarea id="${id}" name="${field.name}"${max}${req}></textarea>`;
    case 'picklist': {
      const options = session.objects
        .picklist(session.objects.get('Lead'), field)
        .map((v) => `<option value="${escapeHtml(v.value)}">${escapeHtml(v.value)}</option>`);
      return `<select id="${id}" name="${field.name}"${req}><option value="">--None--</option>${options.join('')}</select>`;
    }
    default: {
      const type = field.type === 'email' ? 'email' : field.type === 'phone' ? 'tel' : field.type === 'url' ? 'url' : field.type === 'number' || field.type === 'currency' ? 'number' : 'text';
      const autocomplete = AUTOCOMPLETE[field.name];
      return `<input id="${id}" name="${field.name}" type="${type}"${max}${req}${autocomplete ? ` autocomplete="${autocomplete}"` : ''}>`;
    }
  }
}

const AUTOCOMPLETE: Record<string, string> = {
  FirstName: 'given-name',
  LastName: 'family-name',
  Email: 'email',
  Phone: 'tel',
  MobilePhone: 'tel',
  Company: 'organization',
  Title: 'organization-title',
  Street: 'street-address',
  City: 'address-level2',
  State: 'address-level1',
  PostalCode: 'postal-code',
  Country: 'country-name',
  Website: 'url',
};

/**
 * A self-contained HTML form posting to the capture endpoint: Lead API names
 * as field names, labels, required markers, the return URL as `retURL` and a
 * honeypot field people never see.
 */
export function renderLeadForm(session: OrgSession, request: FormRequest): FormResult {
  const lead = session.objects.get('Lead');
  const returnUrl = requireHttpUrl(request.returnUrl, '--return-url');
  const action = requireHttpUrl(request.action, '--action');
  const names = request.fields.map((f) => f.trim()).filter(Boolean);
  if (names.length === 0) throw new CrmError('USAGE', '--fields is empty.', { hint: 'Example: --fields FirstName,LastName,Email,Company' });
  const fields: FieldDef[] = [];
  for (const name of names) {
    const field = session.objects.requireField(lead, name);
    if (!isWebField(field)) throw new CrmError('USAGE', `Lead.${field.name} cannot be on a web form (the org sets it).`, { hint: 'Leave it out of --fields.' });
    if (fields.some((f) => f.name === field.name)) throw new CrmError('USAGE', `--fields names ${field.name} twice.`, { hint: 'List each field once.' });
    fields.push(field);
  }
  // Required by the schema or by the page layout: a form without them could never be accepted.
  const layoutRequired = new Set(layoutRequiredProblems(session, lead, {}, 'create', undefined).map((p) => p.field));
  const isRequired = (f: FieldDef): boolean => f.required === true || layoutRequired.has(f.name);
  const missing = lead.fields.filter((f) => isRequired(f) && isWebField(f) && !fields.includes(f)).map((f) => f.name);
  if (missing.length > 0) {
    throw new CrmError('USAGE', `--fields must include the required lead fields ${missing.join(', ')}; without them every post is refused.`, {
      hint: `Add them: --fields ${[...names, ...missing].join(',')}`,
    });
  }
  const title = request.title ?? `Contact ${session.org.company}`;
  const rows = fields.map((f) => {
    const required = isRequired(f);
    const marker = required ? ' <span class="req" aria-hidden="true">*</span>' : '';
    return `  <p><label for="f_${f.name}">${escapeHtml(f.label)}${marker}</label><br>\n    ${inputFor(session, f, required)}</p>`;
  });
  const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { font-family: system-ui, sans-serif; max-width: 32rem; margin: 2rem auto; }
  label { font-weight: 600; } .req { color: #b00; }
  input, select, textarea { width: 100%; box-sizing: border-box; padding: .4rem; }
  .hp { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<!-- Generated by crmctl web-to-lead form: field names are Lead API names. -->
<form action="${escapeHtml(action)}" method="POST" accept-charset="UTF-8" enctype="application/x-www-form-urlencoded">
  <input type="hidden" name="${RETURN_URL_FIELD}" value="${escapeHtml(returnUrl)}">
  <div class="hp" aria-hidden="true"><label for="f_hp">Leave this empty</label><input id="f_hp" type="text" name="${HONEYPOT_FIELD}" tabindex="-1" autocomplete="off"></div>
${rows.join('\n')}
  <p><small><span class="req">*</span> required</small></p>
  <p><button type="submit" name="submit">Submit</button></p>
</form>
</body>
</html>
`;
  return {
    html,
    fields: fields.map((f) => ({ name: f.name, label: f.label, required: isRequired(f), type: f.type })),
    action,
    returnUrl,
  };
}
