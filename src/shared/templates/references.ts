// The guidance documents a checklist item may cite. A closed list so that a typo in a template
// ("HBN 3-01") is caught at load time and reports can group findings by document. Only documents
// named in the project's domain brief are listed; add one here, with its source, before citing it.

export const GUIDANCE_DOCUMENTS = [
  'HBN 03-01', // Adult acute mental health units (2013)
  'HBN 03-01 secure supplement', // Low and medium secure units supplement (2023)
  'HBN 03-02', // CAMHS facilities (2017)
  'HBN 08-02', // Dementia-friendly environments (2015)
  'HBN 00-10', // Floors, walls, ceilings, sanitaryware, windows, curtains and tracking
  'HBN 03-03 draft', // Patient safety and prevention of self-harm (working draft 2020)
  'HTM 55', // Windows
  'HSE window restrictor alert 2012',
  'HSE RR1150', // Window restrictor research
  'SHTM 85', // Firecode: existing premises
  'SHTM 86', // Firecode: fire risk assessment
  'SHTM 04-01', // Water safety
  'SUP 06', // Management and control of hot water (NHS Scotland unified procedure)
  'SHTN 00-01', // Property Appraisal Manual (2021)
  'Smoking (Scotland) regs 2022', // 15 m rule around hospital buildings
  'CQC / MH Nurse Directors Forum ligature guidance 2023',
  'NCISH', // National Confidential Inquiry: inpatient ligature study and safer services toolkit
  'NPSA risk matrix 2008',
  'DiMHN/BRE Informed Choices',
  'DiMHN Design with People in Mind',
  'MWC seclusion guide 2019',
  'HIS IPC standards',
  'CQC contactless monitoring guidance',
  'PLACE',
  "King's Fund EHE",
  '15 Steps Challenge',
  'RCPsych QNWA',
  'RCPsych AIMS',
  'A+DS Personal Space',
  'NICE QS34',
  'DH Safety, privacy and dignity',
  'Core Mental Health Standards 2023',
] as const;
export type GuidanceDocument = (typeof GUIDANCE_DOCUMENTS)[number];
