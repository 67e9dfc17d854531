/*
 * Demonstration subsets, not the terminologies: about sixty CIM-10 codes and sixty drugs, enough
 * for the suggestion lists of the synthesis editor in demos and tests (DECISIONS.md 3). They live
 * with the editor, which loads them lazily; the seed re-exports them so there is one copy. The
 * README labels these lists as demonstration data.
 */
export { DEMO_CIM10, type DemoCim10Code } from '../../src/elements/dmp-synthesis-editor/codes/cim10.js';
export { DEMO_DRUGS, type DemoDrug } from '../../src/elements/dmp-synthesis-editor/codes/drugs.js';
