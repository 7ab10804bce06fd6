// GeoReport v2's XML: the element names and nesting of the specification's examples
// (<services><service>…, <service_definition>…, <service_requests><request>…, <errors><error>…), each
// field an element in the order the JSON form lists it, an absent value an empty element.
import { XMLBuilder } from 'fast-xml-parser';
import type { Open311ErrorEntry } from './open311.errors';
import type { GeoReportService, GeoReportServiceDefinition } from './georeport-services.mapper';

const declaration = '<?xml version="1.0" encoding="utf-8"?>\n';

const builder = new XMLBuilder({ format: true, indentBy: '  ', suppressEmptyNode: false });

type Fields = Record<string, unknown>;

/** `<services><service>…</service></services>`. */
export function servicesXml(services: readonly GeoReportService[]): string {
  return document({ services: { service: services.map(elements) } });
}

/** `<service_definition>` with `<attributes><attribute>…<values><value>`. */
export function serviceDefinitionXml(definition: GeoReportServiceDefinition): string {
  return document({
    service_definition: {
      service_code: definition.service_code,
      attributes: {
        attribute: definition.attributes.map(({ values, ...attribute }) => ({
          ...elements(attribute),
          ...(values ? { values: { value: values.map(elements) } } : {}),
        })),
      },
    },
  });
}

/** `<service_requests><request>…</request></service_requests>`: requests, filings and tokens alike. */
export function serviceRequestsXml(requests: readonly object[]): string {
  return document({ service_requests: { request: requests.map((request) => elements(request as Fields)) } });
}

/** `<errors><error><code>…</code><description>…</description></error></errors>`. */
export function errorsXml(errors: readonly Open311ErrorEntry[]): string {
  return document({ errors: { error: errors.map((error) => elements({ ...error })) } });
}

function document(root: Fields): string {
  return declaration + (builder.build(root) as string);
}

// Every value as element text: null becomes an empty element, numbers and booleans their JSON form.
function elements(fields: object): Fields {
  return Object.fromEntries(
    Object.entries(fields).map(([name, value]) => [
      name,
      value === null || value === undefined ? '' : String(value),
    ]),
  );
}
