import { graphql } from '../../../../graphql/generated/index.js';

/** The choices the event form offers: neighborhoods and co-host organizations. */
export const EVENT_FORM_OPTIONS_QUERY = graphql(`
  query EventFormOptions {
    neighborhoods {
      id
      name
    }
    organizations {
      id
      name
    }
  }
`);
