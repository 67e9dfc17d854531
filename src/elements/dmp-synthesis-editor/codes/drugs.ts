/*
 * A demonstration subset of the BDPM (Base de données publique des médicaments), not the
 * terminology (DECISIONS.md 3): CIS codes and labels are the BDPM's, ATC codes the WHO codes of
 * the active substance. Loaded lazily like the CIM-10 subset.
 */

export interface DemoDrug {
  /** Code identifiant de spécialité, 8 digits. */
  cis: string;
  atc: string;
  /** The BDPM denomination. */
  label: string;
}

/** Demonstration subset of the BDPM, with ATC as a translation. */
export const DEMO_DRUGS: readonly DemoDrug[] = [
  { cis: '65198099', atc: 'N05AX12', label: 'ABILIFY 10 mg, comprimé' },
  { cis: '69116854', atc: 'A10BF01', label: 'ACARBOSE BIOGARAN 50 mg, comprimé' },
  { cis: '65728601', atc: 'C08CA01', label: 'AMLODIPINE BIOGARAN 5 mg, gélule' },
  { cis: '63458349', atc: 'C08CA01', label: 'AMLOR 5 mg, gélule' },
  { cis: '69118175', atc: 'J01CA04', label: 'AMOXICILLINE BIOGARAN 500 mg, gélule' },
  { cis: '64672103', atc: 'J01CA04', label: 'AMOXICILLINE SANDOZ 1 g, comprimé dispersible' },
  { cis: '69256767', atc: 'J01CR02', label: 'AMOXICILLINE/ACIDE CLAVULANIQUE ARROW 500 mg/62,5 mg ADULTES, comprimé pelliculé' },
  { cis: '62538162', atc: 'C01CA24', label: 'ANAPEN 300 microgrammes/0,3 ml, solution injectable en seringue préremplie' },
  { cis: '68434537', atc: 'L02BG03', label: 'ANASTROZOLE BIOGARAN 1 mg, comprimé pelliculé' },
  { cis: '69015780', atc: 'C09CA06', label: 'ATACAND 8 mg, comprimé sécable' },
  { cis: '61519586', atc: 'N05BB01', label: 'ATARAX 25 mg, comprimé pelliculé sécable' },
  { cis: '65597002', atc: 'C07AB03', label: 'ATENOLOL BIOGARAN 50 mg, comprimé sécable' },
  { cis: '68212077', atc: 'C10AA05', label: 'ATORVASTATINE BIOGARAN 20 mg, comprimé pelliculé' },
  { cis: '60234100', atc: 'N02BE01', label: 'DOLIPRANE 1000 mg, comprimé' },
  { cis: '64889982', atc: 'A10BH01', label: 'JANUVIA 100 mg, comprimé pelliculé' },
  { cis: '67947145', atc: 'A10BK03', label: 'JARDIANCE 10 mg, comprimé pelliculé' },
  { cis: '67559559', atc: 'J01FA07', label: 'JOSACINE 500 mg/5 ml, granulés pour suspension buvable' },
  { cis: '61348441', atc: 'B01AC06', label: 'KARDEGIC 160 mg, poudre pour solution buvable en sachet' },
  { cis: '64755969', atc: 'B01AC06', label: 'KARDEGIC 75 mg, poudre pour solution buvable en sachet-dose' },
  { cis: '61315306', atc: 'C09CA06', label: 'KENZEN 8 mg, comprimé sécable' },
  { cis: '68596770', atc: 'N03AX14', label: 'KEPPRA 500 mg, comprimé pelliculé' },
  { cis: '67702384', atc: 'C07AB05', label: 'KERLONE 20 mg, comprimé pelliculé sécable' },
  { cis: '63951694', atc: 'R06AX22', label: 'KESTIN 10 mg, comprimé pelliculé' },
  { cis: '60782303', atc: 'B01AB05', label: 'LOVENOX 4 000 UI (40 mg)/0,4 ml, solution injectable en seringue préremplie' },
  { cis: '65984700', atc: 'C08CA04', label: 'LOXEN 20 mg, comprimé sécable' },
  { cis: '63096099', atc: 'N03AX16', label: 'LYRICA 75 mg, gélule' },
  { cis: '62949690', atc: 'N05BA11', label: 'LYSANXIA 10 mg, comprimé' },
  { cis: '61204836', atc: 'A03AX58', label: 'METEOSPASMYL, capsule molle' },
  { cis: '60754492', atc: 'A10BA02', label: 'METFORMINE BGR 850 mg, comprimé pelliculé' },
  { cis: '67346461', atc: 'A10BA02', label: 'METFORMINE BIOGARAN 1000 mg, comprimé pelliculé' },
  { cis: '64873679', atc: 'A10BA02', label: 'METFORMINE SANDOZ 850 mg, comprimé pelliculé' },
  { cis: '64930518', atc: 'C07AB02', label: 'METOPROLOL SANDOZ 50 mg, comprimé' },
  { cis: '68602579', atc: 'P01AB01', label: 'METRONIDAZOLE BIOGARAN 500 mg, comprimé pelliculé' },
  { cis: '68494783', atc: 'N06AX03', label: 'MIANSERINE BIOGARAN 10 mg, comprimé pelliculé' },
  { cis: '65777648', atc: 'A02BC04', label: 'RABEPRAZOLE SANDOZ 20 mg, comprimé gastro-résistant' },
  { cis: '65348773', atc: 'A07XA04', label: 'RACECADOTRIL BGR 100 mg, gélule' },
  { cis: '67760715', atc: 'G03XC01', label: 'RALOXIFENE BIOGARAN 60 mg, comprimé pelliculé' },
  { cis: '62561175', atc: 'C09AA05', label: 'RAMIPRIL BIOGARAN 10 mg, comprimé sécable' },
  { cis: '61599041', atc: 'C09AA05', label: 'RAMIPRIL BIOGARAN 5 mg, comprimé sécable' },
  { cis: '65462218', atc: 'N04BD02', label: 'RASAGILINE BIOGARAN 1 mg, comprimé' },
  { cis: '64939766', atc: 'R06AE07', label: 'REACTINE 10 mg, comprimé pelliculé sécable' },
  { cis: '60917345', atc: 'J07CA01', label: 'REVAXIS, suspension injectable en seringue préremplie' },
  { cis: '61741918', atc: 'R01AD05', label: 'RHINOCORT 64 microgrammes/dose, suspension pour pulvérisation nasale' },
  { cis: '61476925', atc: 'J01DD04', label: 'ROCEPHINE 1 g/3,5 ml, poudre et solvant pour solution injectable (IM)' },
  { cis: '64266362', atc: 'N04BC04', label: 'ROPINIROLE BIOGARAN LP 2 mg, comprimé pelliculé à libération prolongée' },
  { cis: '64720167', atc: 'R03AC02', label: 'VENTOLINE 100 microgrammes/dose, suspension pour inhalation en flacon pressurisé' },
  { cis: '60628554', atc: 'C08DA01', label: 'VERAPAMIL BIOGARAN L.P. 240 mg, gélule à libération prolongée' },
  { cis: '65538840', atc: 'N01BB02', label: 'VERSATIS 700 mg, emplâtre médicamenteux' },
  { cis: '67862887', atc: 'G04BD08', label: 'VESICARE 5 mg, comprimé pelliculé' },
  { cis: '68104411', atc: 'N05BA18', label: 'VICTAN 2 mg, comprimé pelliculé sécable' },
  { cis: '62645506', atc: 'A10BJ02', label: 'VICTOZA 6 mg/ml, solution injectable en stylo prérempli' },
  { cis: '61615937', atc: 'A10BH02', label: 'VILDAGLIPTINE BIOGARAN 50 mg, comprimé' },
  { cis: '68414328', atc: 'N05CF02', label: 'ZOLPIDEM ZENTIVA 10 mg, comprimé pelliculé sécable' },
  { cis: '63404013', atc: 'A02BC01', label: 'ZOLTUM 20 mg, gélule gastro-résistante' },
  { cis: '68232350', atc: 'N02CC03', label: 'ZOMIG 2,5 mg, comprimé pelliculé' },
  { cis: '60530882', atc: 'A04AA01', label: 'ZOPHREN 4 mg, comprimé pelliculé' },
  { cis: '62048087', atc: 'N05CF01', label: 'ZOPICLONE BIOGARAN 7,5 mg, comprimé pelliculé sécable' },
  { cis: '68670676', atc: 'J05AB01', label: 'ZOVIRAX 200 mg, comprimé' },
  { cis: '65069229', atc: 'D06BB03', label: 'ZOVIRAX 5 %, crème' },
  { cis: '64556383', atc: 'N06AX12', label: 'ZYBAN L.P. 150 mg, comprimé à libération prolongée' },
  { cis: '64148136', atc: 'M04AA01', label: 'ZYLORIC 100 mg, comprimé' },
  { cis: '63902334', atc: 'A11CC05', label: 'ZYMAD 10 000 UI/ml, solution buvable en gouttes' },
  { cis: '69441965', atc: 'A11CC05', label: 'ZYMAD 50 000 UI, solution buvable en ampoule' },
];
