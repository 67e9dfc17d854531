/*
 * A demonstration subset of CIM-10, not the terminology: enough for the suggestion list of the
 * synthesis editor in demos and tests (DECISIONS.md 3). Loaded with a dynamic import() the first
 * time the user types in a coded field, so it stays outside the element's size budget.
 */

export interface DemoCim10Code {
  code: string;
  /** French label (CIM-10 FR). */
  label: string;
}

/** Demonstration subset of CIM-10. */
export const DEMO_CIM10: readonly DemoCim10Code[] = [
  { code: 'I10', label: 'Hypertension essentielle (primitive)' },
  { code: 'I20.9', label: 'Angine de poitrine, sans précision' },
  { code: 'I21.9', label: 'Infarctus aigu du myocarde, sans précision' },
  { code: 'I25.1', label: 'Cardiopathie athérosclérotique' },
  { code: 'I26.9', label: 'Embolie pulmonaire, sans mention de cœur pulmonaire aigu' },
  { code: 'I48.9', label: 'Fibrillation auriculaire et flutter auriculaire, sans précision' },
  { code: 'I50.9', label: 'Insuffisance cardiaque, sans précision' },
  { code: 'I63.9', label: 'Infarctus cérébral, sans précision' },
  { code: 'I70.2', label: 'Athérosclérose des artères distales' },
  { code: 'I80.2', label: 'Phlébite et thrombophlébite d’autres vaisseaux profonds des membres inférieurs' },
  { code: 'E03.9', label: 'Hypothyroïdie, sans précision' },
  { code: 'E05.0', label: 'Thyréotoxicose avec goitre diffus' },
  { code: 'E10.9', label: 'Diabète sucré de type 1, sans complication' },
  { code: 'E11.9', label: 'Diabète sucré de type 2, sans complication' },
  { code: 'E55.9', label: 'Carence en vitamine D, sans précision' },
  { code: 'E66.9', label: 'Obésité, sans précision' },
  { code: 'E78.0', label: 'Hypercholestérolémie essentielle' },
  { code: 'E78.5', label: 'Hyperlipidémie, sans précision' },
  { code: 'D50.9', label: 'Anémie par carence en fer, sans précision' },
  { code: 'J06.9', label: 'Infection aiguë des voies respiratoires supérieures, sans précision' },
  { code: 'J18.9', label: 'Pneumopathie, sans précision' },
  { code: 'J30.4', label: 'Rhinite allergique, sans précision' },
  { code: 'J44.9', label: 'Maladie pulmonaire obstructive chronique, sans précision' },
  { code: 'J45.9', label: 'Asthme, sans précision' },
  { code: 'K21.9', label: 'Reflux gastro-œsophagien sans œsophagite' },
  { code: 'K35.8', label: 'Appendicite aiguë, autres et sans précision' },
  { code: 'K57.3', label: 'Diverticulose du gros intestin, sans perforation ni abcès' },
  { code: 'K58.9', label: 'Syndrome de l’intestin irritable sans diarrhée' },
  { code: 'K80.2', label: 'Calcul de la vésicule biliaire sans cholécystite' },
  { code: 'N18.3', label: 'Maladie rénale chronique, stade 3' },
  { code: 'N39.0', label: 'Infection des voies urinaires, siège non précisé' },
  { code: 'N40', label: 'Hyperplasie de la prostate' },
  { code: 'M10.9', label: 'Goutte, sans précision' },
  { code: 'M16.1', label: 'Autres coxarthroses primaires' },
  { code: 'M17.1', label: 'Autres gonarthroses primaires' },
  { code: 'M54.5', label: 'Lombalgie basse' },
  { code: 'M79.7', label: 'Fibromyalgie' },
  { code: 'M81.9', label: 'Ostéoporose, sans précision' },
  { code: 'F10.2', label: 'Troubles mentaux et du comportement liés à l’utilisation d’alcool : syndrome de dépendance' },
  { code: 'F17.2', label: 'Troubles mentaux et du comportement liés à l’utilisation de tabac : syndrome de dépendance' },
  { code: 'F20.0', label: 'Schizophrénie paranoïde' },
  { code: 'F31.9', label: 'Trouble affectif bipolaire, sans précision' },
  { code: 'F32.0', label: 'Épisode dépressif léger' },
  { code: 'F32.1', label: 'Épisode dépressif moyen' },
  { code: 'F41.0', label: 'Trouble panique [anxiété épisodique paroxystique]' },
  { code: 'F41.1', label: 'Anxiété généralisée' },
  { code: 'F51.0', label: 'Insomnie non organique' },
  { code: 'G20', label: 'Maladie de Parkinson' },
  { code: 'G30.9', label: 'Maladie d’Alzheimer, sans précision' },
  { code: 'G40.9', label: 'Épilepsie, sans précision' },
  { code: 'G43.9', label: 'Migraine, sans précision' },
  { code: 'G47.3', label: 'Apnée du sommeil' },
  { code: 'C18.9', label: 'Tumeur maligne du côlon, sans précision' },
  { code: 'C50.9', label: 'Tumeur maligne du sein, sans précision' },
  { code: 'C61', label: 'Tumeur maligne de la prostate' },
  { code: 'H25.9', label: 'Cataracte sénile, sans précision' },
  { code: 'H40.1', label: 'Glaucome primitif à angle ouvert' },
  { code: 'L20.9', label: 'Dermite atopique, sans précision' },
  { code: 'L40.0', label: 'Psoriasis vulgaris' },
  { code: 'S52.5', label: 'Fracture de l’extrémité inférieure du radius' },
  { code: 'S72.0', label: 'Fracture du col du fémur' },
  { code: 'Z30.0', label: 'Conseils et avis généraux concernant la contraception' },
  { code: 'Z88.0', label: 'Allergie personnelle à la pénicilline' },
];
