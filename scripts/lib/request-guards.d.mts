export function malformedPath(url: string | undefined): boolean;
export const MALFORMED_PATH_BODY: string;
