// The admin pages' fields are the board's own labelled fields.
export { Field as AdminField } from '../../../shared/FormField.js';
