import type { IssueCategory, ReportIssueInput } from '../../graphql/generated/graphql.js';
import { ISSUE_CATEGORIES } from '../../shared/issueCategories.js';

export { ISSUE_CATEGORIES };

/** Labels for the API's field names, to show the server's messages in the form's words. */
export const REPORT_FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  description: 'Description',
  category: 'Category',
  neighborhoodId: 'Neighborhood',
  'location.lat': 'The pin',
  'location.lng': 'The pin',
  'location.address': 'Address',
  contact: 'Contact',
};

export interface ReportFormValues {
  title: string;
  description: string;
  category: IssueCategory | '';
  neighborhoodId: string;
  pin: { lat: number; lng: number } | null;
  address: string;
  anonymous: boolean;
  contact: string;
}

export const EMPTY_REPORT: ReportFormValues = {
  title: '',
  description: '',
  category: '',
  neighborhoodId: '',
  pin: null,
  address: '',
  anonymous: false,
  contact: '',
};

/** What must be filled in before the server is asked, by input field name. */
export function checkReport(values: ReportFormValues): Record<string, string> {
  const problems: Record<string, string> = {};
  if (values.title.trim() === '')
    problems.title = 'Give the issue a short title, e.g. “Streetlight out on Alder & 12th”.';
  if (!values.category) problems.category = 'Choose the category that fits best (or Other).';
  if (!values.neighborhoodId) problems.neighborhoodId = 'Choose the neighborhood where it is.';
  return problems;
}

/**
 * The mutation's input. An anonymous report carries no contact at all; an address travels only
 * with a pin (a location needs coordinates).
 */
export function toReportInput(values: ReportFormValues): ReportIssueInput {
  return {
    title: values.title.trim(),
    description: values.description.trim(),
    category: values.category as IssueCategory,
    neighborhoodId: values.neighborhoodId,
    location: values.pin ? { lat: values.pin.lat, lng: values.pin.lng, address: values.address.trim() || null } : null,
    anonymous: values.anonymous,
    contact: values.anonymous ? null : values.contact.trim() || null,
  };
}
