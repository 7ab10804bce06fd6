// The ticket category catalogue as GeoReport v2 services: one service per active category, its code the
// category code, and one service definition per service naming the attributes a filing may carry.
import { ticketCategories, ticketCategory, type TicketCategory } from '@loop/contracts';
import type { Language } from '@loop/platform';
import { unknownService } from './open311.errors';

/** A service as `GET services` lists it, fields in the specification's order. */
export interface GeoReportService {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime';
  keywords: string;
  group: string;
}

/** One option of a list attribute. */
export interface GeoReportAttributeValue {
  key: string;
  name: string;
}

/** One attribute of a service definition, fields in the specification's order. */
export interface GeoReportAttribute {
  variable: boolean;
  code: string;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: boolean;
  datatype_description: string | null;
  order: number;
  description: string;
  values?: GeoReportAttributeValue[];
}

/** A service definition as `GET services/{service_code}` answers it. */
export interface GeoReportServiceDefinition {
  service_code: string;
  attributes: GeoReportAttribute[];
}

/** The code of the attribute that sets the ticket's urgency. */
export const URGENCY_ATTRIBUTE = 'urgency';

/** The urgencies a filing may choose, with their names. */
export const urgencyValues: ReadonlyArray<{
  key: 'normal' | 'urgent' | 'emergency';
  name: Record<Language, string>;
}> = [
  { key: 'normal', name: { 'zh-CN': '一般', en: 'Normal' } },
  { key: 'urgent', name: { 'zh-CN': '紧急', en: 'Urgent' } },
  { key: 'emergency', name: { 'zh-CN': '特急（危及安全）', en: 'Emergency (a danger to people)' } },
];

/** What the facade tells a client about what happens after filing (the same for every service). */
export function serviceNotice(language: Language): string {
  return language === 'en'
    ? 'The community dispatches the request to a party member or the property company; you can follow it here until it is closed.'
    : '社区将派单给在职党员或红色物业办理，可在此跟踪办理进度直至办结。';
}

/** Every active category as a GeoReport service. */
export function servicesOf(language: Language): GeoReportService[] {
  return ticketCategories
    .filter((category) => category.active)
    .map((category) => service(category, language));
}

/** The service definition of an active category; 404 for any other code. */
export function serviceDefinitionOf(code: string, language: Language): GeoReportServiceDefinition {
  activeCategory(code);
  return {
    service_code: code,
    attributes: [
      {
        variable: true,
        code: URGENCY_ATTRIBUTE,
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: null,
        order: 1,
        description:
          language === 'en'
            ? 'How urgent the need is; normal when not given.'
            : '紧急程度，不填按“一般”处理。',
        values: urgencyValues.map((value) => ({ key: value.key, name: value.name[language] })),
      },
      {
        variable: false,
        code: 'place',
        datatype: 'string',
        required: false,
        datatype_description: null,
        order: 2,
        description:
          language === 'en'
            ? 'Where: address_id is the id of a household or compound in the district directory; address_string and lat/long are kept on the request as given.'
            : '地点：address_id 填写区名录中的住户或小区编号；address_string 与 lat/long 按原样记录在工单上。',
      },
    ],
  };
}

/** The active category with this code; 404 (unknown service) otherwise. */
export function activeCategory(code: string): TicketCategory {
  const category = ticketCategory(code);
  if (!category?.active) throw unknownService(code);
  return category;
}

/** The category's name in the language (zh-CN or English). */
export function serviceName(category: TicketCategory, language: Language): string {
  return language === 'en' ? category.nameEn : category.nameZh;
}

function service(category: TicketCategory, language: Language): GeoReportService {
  return {
    service_code: category.code,
    service_name: serviceName(category, language),
    description: language === 'en' ? category.nameEn : `${category.nameZh}（${category.nameEn}）`,
    metadata: true,
    type: 'realtime',
    keywords: category.skills.join(', '),
    group: category.code.split('.')[0],
  };
}
