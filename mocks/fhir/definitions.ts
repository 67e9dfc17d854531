import { indexSearchParameterBundle, indexStructureDefinitionBundle } from '@medplum/core';
import type { Bundle, SearchParameter, StructureDefinition } from '@medplum/fhirtypes';
import { importDefinitionBundles } from './definitions-data.js';

/**
 * The resource types the DMP gateway stores or searches. Medplum's search matching needs their
 * StructureDefinitions (to know that an `identifier` is an Identifier, a `name` a HumanName…)
 * and their SearchParameters; indexing only these keeps start-up short.
 */
const RESOURCE_TYPES = new Set([
  'Resource',
  'DomainResource',
  'Bundle',
  'OperationOutcome',
  'Patient',
  'Practitioner',
  'PractitionerRole',
  'Organization',
  'RelatedPerson',
  'DocumentReference',
  'Binary',
  'Consent',
  'AuditEvent',
]);

let loaded: Promise<void> | undefined;

/** Indexes the R4 definitions into @medplum/core's global schema, once per page or process. */
export function loadFhirDefinitions(): Promise<void> {
  loaded ??= importDefinitionBundles().then(({ types, resources, searchParameters }) => {
    indexStructureDefinitionBundle(types);
    const wanted: Bundle<StructureDefinition> = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: (resources.entry ?? []).filter((e) => e.resource?.resourceType === 'StructureDefinition' && RESOURCE_TYPES.has(e.resource.id ?? '')),
    };
    indexStructureDefinitionBundle(wanted);
    const parameters: Bundle<SearchParameter> = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: (searchParameters.entry ?? []).filter((e) => e.resource?.base?.some((base) => RESOURCE_TYPES.has(base))),
    };
    indexSearchParameterBundle(parameters);
  });
  return loaded;
}
