/** A Relay global id built by hand, as a tool would hold one (base64url of "Type:pk"). */
export const globalId = (type: string, pk: number): string => Buffer.from(`${type}:${pk}`).toString('base64url');

/** The database key inside a global id, for checks of what is stored. */
export const pkOf = (id: string): number => Number(Buffer.from(id, 'base64url').toString('utf8').split(':')[1]);
