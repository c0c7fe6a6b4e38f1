/**
 * A URL slug: lowercase letters and digits in groups joined by single hyphens.
 * Kept apart from the schemas so the router does not pull the validator into
 * the first view's code.
 */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
