/** `IN_PROGRESS` → `In progress`: readable text for a GraphQL enum value. */
export function humanizeEnum(value: string): string {
  const words = value.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
