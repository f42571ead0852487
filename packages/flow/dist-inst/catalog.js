import { catalogDocument } from '@secret-hygiene/core';
export function shippedJsCatalog() {
    return catalogDocument('flows').javascript;
}
export { shippedAmbiguousNames as shippedAmbiguousCatalog } from '@secret-hygiene/core';
