import { graphql } from '../../../../graphql/generated/index.js';

/** Who is signed in (null for the public). */
export const VIEWER_QUERY = graphql(`
  query Viewer {
    viewer {
      id
      name
      role
      organization {
        id
        name
      }
    }
  }
`);
