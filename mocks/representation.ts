/** Why `mayRepresent` said no, in the mock backend's words (the JSON API's and the FHIR gateway's). */
export function representationRefusal(patientIsMinor: boolean): { detail: string; reason: string } {
  return patientIsMinor
    ? { detail: 'Un curateur ne représente pas un mineur.', reason: 'pas pour un mineur' }
    : { detail: 'L’autorité parentale prend fin à 18 ans : un majeur protégé est représenté par son tuteur ou assisté par son curateur.', reason: 'pas pour un majeur' };
}
