/**
 * Words of the application forms for people: a label (and a hint where the label alone would leave a question) for
 * every field of every form, and a name for every choice, in Latvian and English. The form's `ui` document
 * (functions/core/form-ui.ts) joins these to the published JSON Schema; a spec insists that no field or choice is
 * left without words.
 */
import type { Localised } from './services';

export interface FieldText {
  readonly label: Localised;
  readonly hint?: Localised;
}

const t = (lv: string, en: string): Localised => ({ lv, en });
const field = (label: Localised, hint?: Localised): FieldText => (hint ? { label, hint } : { label });

const dateHint = t('Piemēram, 2026-03-15', 'For example, 2026-03-15');
const numberHint = t('Kā rakstīts dokumentā', 'As written on the document');

// Data table, not logic (issue 14's copy check): one entry per form field, its lv/en label and hint; entries look
// alike because each is the same call with other words.
/** By the field's path inside the form (`applicant.address.line`, `evidence.vehicle.vin`). */
export const fieldTexts: Readonly<Record<string, FieldText>> = {
  'applicant.givenName': field(t('Vārds', 'Given name')),
  'applicant.familyName': field(t('Uzvārds', 'Family name')),
  'applicant.personalCode': field(t('Personas kods', 'Personal code'), t('Piemēram, 161175-19997', 'For example, 161175-19997')),
  'applicant.dateOfBirth': field(t('Dzimšanas datums', 'Date of birth'), t('Piemēram, 1975-11-16', 'For example, 1975-11-16')),
  'applicant.address.municipality': field(t('Pašvaldība', 'Municipality'), t('Deklarētās dzīvesvietas pašvaldība', 'Of your declared address')),
  'applicant.address.line': field(t('Iela, māja, dzīvoklis, vieta', 'Street, house, flat, place')),
  'applicant.address.postcode': field(t('Pasta indekss (ja zināt)', 'Postcode (if you know it)'), t('Piemēram, LV-2015', 'For example, LV-2015')),
  'applicant.phone': field(t('Tālrunis', 'Phone'), t('Piemēram, +371 20000000', 'For example, +371 20000000')),
  'applicant.email': field(t('E-pasts', 'E-mail'), t('Uz to sūtīsim ziņas par iesniegumu', 'We send news of the application there')),
  'applicant.language': field(t('Kādā valodā rakstīt?', 'Which language should we write in?')),
  'applicant.contactChannel': field(t('Kā ar jums sazināties?', 'How should we contact you?')),
  'representative.kind': field(t('Kāpēc jūs drīkstat iesniegt šīs personas vārdā?', 'Why may you apply for this person?')),
  'representative.document.type': field(t('Dokuments, kas to apliecina', 'The document that shows it')),
  'representative.document.number': field(t('Dokumenta numurs', 'Document number'), numberHint),
  'representative.document.issuedOn': field(t('Dokumenta izdošanas datums', 'Date the document was issued'), dateHint),
  'declarations.informationIsTrue': field(t('Apliecinu, ka sniegtā informācija ir patiesa', 'I confirm the information I gave is true')),
  'declarations.consentToProcessing': field(
    t('Piekrītu, ka SIVA apstrādā manus datus, arī veselības datus, lai izskatītu iesniegumu', 'I agree that SIVA processes my data, health data included, to handle the application'),
  ),
  'evidence.disabilityGroup': field(t('Invaliditātes grupa', 'Disability group')),
  'evidence.disabilityStatus': field(t('Invaliditāte', 'Disability')),
  'evidence.selfAssessmentCompletedOn': field(t('Kad aizpildījāt funkcionēšanas pašnovērtējuma anketu?', 'When did you fill in the functioning self-assessment?'), dateHint),
  'evidence.workingAndInsured': field(
    t('Vai strādājat un maksājat sociālās apdrošināšanas iemaksas?', 'Do you work and pay social insurance contributions?'),
    t('Svarīgi tikai pēc valsts pensijas vecuma', 'Only matters above state pension age'),
  ),
  'evidence.medicalRehabilitationEndDate': field(t('Kad beidzās medicīniskā rehabilitācija?', 'When did medical rehabilitation end?'), dateHint),
  'evidence.dischargeSummaryNumber': field(t('Izraksta numurs', 'Discharge summary number'), numberHint),
  'evidence.icfCodes': field(t('SFK kodi', 'ICF codes'), t('No izraksta; katru savā rindā, piemēram, b280', 'From the discharge summary; one a line, for example b280')),
  'evidence.subacute': field(t('Vai tas ir subakūts gadījums?', 'Is it a subacute case?'), t('Tā teikts izrakstā', 'The discharge summary says so')),
  'evidence.vdeavkDecisionNumber': field(t('VDEĀVK atzinuma numurs', 'VDEĀVK opinion number'), numberHint),
  'evidence.vdeavkDecisionDate': field(t('VDEĀVK atzinuma datums', 'Date of the VDEĀVK opinion'), dateHint),
  'evidence.vdeavkDecisionValidUntil': field(t('Atzinums derīgs līdz', 'The opinion is valid until'), dateHint),
  'evidence.rehabilitationPlanNumber': field(t('Rehabilitācijas plāna numurs', 'Rehabilitation plan number'), numberHint),
  'evidence.statusCertificateNumber': field(t('Apliecības numurs', 'Certificate number'), numberHint),
  'evidence.certificateNumber': field(t('Apliecības numurs', 'Certificate number'), numberHint),
  'evidence.category': field(t('Kas jūs esat?', 'Which are you?')),
  'evidence.serviceStatus': field(t('Jūsu dienests', 'Your service')),
  'evidence.returnDate': field(t('Atgriešanās datums no starptautiskās operācijas (ja bijāt)', 'Date you returned from an international operation (if you were on one)'), dateHint),
  'evidence.assessmentMode': field(t('Kā vēlaties piedalīties novērtēšanā?', 'How would you like to take part in the assessment?')),
  'evidence.needsAccommodation': field(t('Vai jums vajag naktsmītni un ēdināšanu?', 'Do you need lodging and meals?')),
  'evidence.disabilityCertificateNumber': field(t('Invaliditātes apliecības numurs', 'Disability certificate number'), numberHint),
  'evidence.statementNumber': field(t('Psihiatra atzinuma numurs', "Psychiatrist's statement number"), numberHint),
  'evidence.statementDate': field(t('Psihiatra atzinuma datums', "Date of the psychiatrist's statement"), dateHint),
  'evidence.unemployedSince': field(t('Bezdarbnieks kopš', 'Unemployed since'), dateHint),
  'evidence.programmeCode': field(t('Programmas kods', 'Programme code'), t('Kā to publicē skola, piemēram, surdotulks', 'As the school publishes it, for example surdotulks')),
  'evidence.programmeName': field(t('Programmas nosaukums', 'Programme name')),
  'evidence.funding': field(t('Finansējums', 'Funding')),
  'evidence.educationLevel': field(t('Jūsu izglītība', 'Your education')),
  'evidence.suitabilityAssessment.status': field(t('Profesionālās piemērotības noteikšana', 'Vocational suitability assessment')),
  'evidence.suitabilityAssessment.reference': field(t('Slēdziena numurs (ja pabeigta)', 'Result reference (if completed)'), numberHint),
  'evidence.suitabilityAssessment.completedOn': field(t('Pabeigta (datums)', 'Completed on'), dateHint),
  'evidence.suitabilityAssessment.reason': field(t('Kāpēc nav vajadzīga (ja nav)', 'Why it is not needed (if not)')),
  'evidence.predictedDisability': field(t('Vai jums ir prognozējama invaliditāte?', 'Do you have a predicted disability?')),
  'evidence.mentalDisorder': field(t('Vai jums ir psihiski traucējumi?', 'Do you have a mental disorder?')),
  'evidence.vdeavkStatementNumber': field(t('VDEĀVK atzinuma numurs (ja ir)', 'VDEĀVK statement number (if any)'), numberHint),
  'evidence.gpOpinionDate': field(t('Ģimenes ārsta atzinuma datums', "Date of the GP's opinion"), dateHint),
  'evidence.vocationalRehabilitationReference': field(t('Profesionālās rehabilitācijas numurs', 'Vocational rehabilitation reference'), t('Iesnieguma numurs vai studenta apliecība', 'Application number or student card')),
  'evidence.noMedicalContraindication': field(t('Vai ārsts apliecina, ka nav kontrindikāciju vadīšanai?', 'Does a doctor certify nothing medical stands in the way of driving?')),
  'evidence.medicalCertificateNumber': field(t('Ārsta izziņas numurs', "Doctor's certificate number"), numberHint),
  'evidence.medicalCertificateDate': field(t('Ārsta izziņas datums', "Date of the doctor's certificate"), dateHint),
  'evidence.vehicle.registrationNumber': field(t('Reģistrācijas numurs', 'Registration number'), t('Piemēram, AB-1234', 'For example, AB-1234')),
  'evidence.vehicle.vin': field(t('VIN kods', 'VIN'), t('17 burti un cipari', '17 letters and digits')),
  'evidence.vehicle.make': field(t('Marka', 'Make')),
  'evidence.vehicle.model': field(t('Modelis', 'Model')),
  'evidence.drivingLicenceNumber': field(t('Vadītāja apliecības numurs', 'Driving licence number'), numberHint),
  'evidence.ownership': field(t('Vai esat transportlīdzekļa īpašnieks?', 'Do you own the vehicle?')),
  'evidence.ownerConsent.ownerKind': field(t('Īpašnieks (ja neesat jūs)', 'The owner (if not you)')),
  'evidence.ownerConsent.ownerName': field(t('Īpašnieka nosaukums vai vārds', "Owner's name")),
  'evidence.ownerConsent.consentDocumentNumber': field(t('Piekrišanas dokumenta numurs', 'Consent document number'), numberHint),
  'evidence.ownerConsent.consentDate': field(t('Piekrišanas datums', 'Date of consent'), dateHint),
  'evidence.adaptationNeeded': field(t('Kas jāpielāgo?', 'What needs adapting?'), t('Piemēram, rokas vadība, pacēlājs', 'For example, hand controls, a lift')),
  'evidence.vdeavkCertificateNumber': field(t('VDEĀVK izziņas numurs', 'VDEĀVK certificate number'), numberHint),
  'evidence.vdeavkCertificateDate': field(t('VDEĀVK izziņas datums', 'Date of the VDEĀVK certificate'), dateHint),
  'evidence.coPaymentExempt': field(t('Vai esat atbrīvots no līdzmaksājuma?', 'Are you exempt from the co-payment?')),
  'evidence.acuteEventDate': field(t('Akūtā notikuma datums', 'Date of the acute event'), t('Piemēram, insults vai trauma; 2026-03-15', 'For example a stroke or injury; 2026-03-15')),
  'evidence.employment.status': field(t('Nodarbinātība', 'Employment')),
  'evidence.employment.employer': field(t('Darba devējs (ja ir)', 'Employer (if any)')),
  'evidence.employment.occupation': field(t('Profesija (ja ir)', 'Occupation (if any)')),
  'evidence.employment.onSickLeave': field(t('Vai esat uz slimības lapas?', 'Are you on sick leave?')),
  'evidence.consentToShareWithNvaAndSocialServices': field(
    t('Piekrītu, ka SIVA dalās ar NVA un sociālo dienestu', 'I agree that SIVA shares with the NVA and social services'),
  ),
  'evidence.socialServiceDecisionNumber': field(t('Sociālā dienesta lēmuma numurs', 'Social service decision number'), numberHint),
  'evidence.socialServiceDecisionDate': field(t('Sociālā dienesta lēmuma datums', 'Date of the social service decision'), dateHint),
  'evidence.addictionKind': field(t('Atkarības veids', 'Kind of addiction')),
};

/** Names of choices, by value (the same value means the same thing in every form). */
export const choiceTexts: Readonly<Record<string, Localised>> = {
  I: t('I grupa', 'Group I'),
  II: t('II grupa', 'Group II'),
  III: t('III grupa', 'Group III'),
  'disabled-child': t('Bērns ar invaliditāti', 'Disabled child'),
  none: t('Nav', 'None'),
  predicted: t('Prognozējama invaliditāte', 'Predicted disability'),
  lv: t('Latviešu', 'Latvian'),
  en: t('Angļu', 'English'),
  email: t('E-pasts', 'E-mail'),
  phone: t('Tālrunis', 'Phone'),
  post: t('Pasts', 'Post'),
  'legal-representative': t('Esmu likumiskais pārstāvis (piemēram, vecāks vai aizbildnis)', 'I am their legal representative (for example a parent or guardian)'),
  'authorised-person': t('Esmu pilnvarota persona', 'I hold their power of attorney'),
  'birth-certificate': t('Dzimšanas apliecība', 'Birth certificate'),
  'court-decision': t('Tiesas nolēmums', 'Court decision'),
  'orphans-court-decision': t('Bāriņtiesas lēmums', "Orphans' court decision"),
  'power-of-attorney': t('Pilnvara', 'Power of attorney'),
  'clean-up-participant': t('Seku likvidētājs', 'Clean-up participant'),
  'affected-person': t('Cietusī persona', 'Affected person'),
  'soldier-after-international-operation': t('Karavīrs pēc starptautiskās operācijas', 'Soldier after an international operation'),
  'home-guard': t('Zemessargs', 'Home Guard'),
  'interior-officer': t('Iekšlietu dienesta amatpersona', 'Interior service officer'),
  'civilian-expert': t('Civilais eksperts', 'Civilian expert'),
  'in-person': t('Klātienē', 'In person'),
  remote: t('Attālināti', 'Remotely'),
  state: t('Valsts', 'State-funded'),
  paid: t('Maksas', 'Paid'),
  basic: t('Pamatizglītība', 'Basic'),
  secondary: t('Vidējā', 'Secondary'),
  higher: t('Augstākā', 'Higher'),
  completed: t('Pabeigta', 'Completed'),
  exempt: t('Nav vajadzīga', 'Not needed'),
  'sign-language-interpreter-programme': t('Surdotulka programma', 'Sign-language interpreter programme'),
  'paid-studies': t('Maksas studijas', 'Paid studies'),
  owner: t('Jā, esmu īpašnieks', 'Yes, I own it'),
  'not-owner': t('Nē', 'No'),
  person: t('Cita persona', 'Another person'),
  'leasing-company': t('Līzinga kompānija', 'Leasing company'),
  company: t('Uzņēmums', 'Company'),
  employed: t('Strādāju', 'Employed'),
  'self-employed': t('Pašnodarbināts', 'Self-employed'),
  unemployed: t('Bezdarbnieks', 'Unemployed'),
  other: t('Cits', 'Other'),
  substance: t('Vielu atkarība', 'Substance addiction'),
  process: t('Procesu atkarība', 'Process addiction'),
  true: t('Jā', 'Yes'),
  false: t('Nē', 'No'),
};

/** The pages of every form, in order; `evidence` holds the chosen track's own fields. */
export const pageTitles = {
  who: t('Kam jūs piesakāties?', 'Who are you applying for?'),
  person: t('Persona, kuras vārdā piesakāties', 'The person you are applying for'),
  representative: t('Jūsu tiesības pārstāvēt', 'Your right to represent them'),
  track: t('Kura grupa jums atbilst?', 'Which group fits you?'),
  about: t('Dzimšanas datums', 'Date of birth'),
  address: t('Adrese', 'Address'),
  contact: t('Saziņa', 'Contact'),
  evidence: t('Dokumenti un ziņas', 'Documents and details'),
  declarations: t('Apliecinājumi', 'Declarations'),
} as const satisfies Record<string, Localised>;

export type FormPageId = keyof typeof pageTitles;
