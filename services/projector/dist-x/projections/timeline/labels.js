"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.label = label;
exports.labelList = labelList;
exports.amount = amount;
/**
 * Readable names of the codes events carry. Codes a site adds to its reference data
 * and that are missing here read as the code itself, in both languages.
 */
const labels = {
    referralSource: {
        gp: { nb: 'fastlege', en: 'GP' },
        specialist: { nb: 'spesialisthelsetjenesten', en: 'the specialist health service' },
        municipal: { nb: 'kommunehelsetjenesten', en: 'the municipal health service' },
        emergency: { nb: 'legevakt', en: 'the emergency service' },
        self: { nb: 'pasienten selv', en: 'the patient themself' },
    },
    rejectionReason: {
        substance_dependence: { nb: 'rusavhengighet', en: 'substance dependence' },
        diagnosis_outside_target_group: { nb: 'diagnose utenfor målgruppen', en: 'diagnosis outside the target group' },
        involuntary_care: { nb: 'under tvungent psykisk helsevern', en: 'under involuntary care' },
        acute_suicide_risk: { nb: 'akutt selvmordsfare', en: 'acute suicide risk' },
        violence_risk: { nb: 'voldsrisiko', en: 'risk of violence' },
        lacks_consent_capacity: { nb: 'mangler samtykkekompetanse', en: 'lacks capacity to consent' },
        outpatient_sufficient: { nb: 'poliklinisk behandling er nok', en: 'outpatient care is sufficient' },
        tapering_possible_outpatient: { nb: 'nedtrapping kan skje poliklinisk', en: 'tapering is possible as an outpatient' },
        referral_source_not_accepted: { nb: 'enheten tar ikke imot henvisninger fra denne henviseren', en: 'the unit does not accept referrals from this source' },
        unwilling_to_participate: { nb: 'ønsker ikke å delta i programmet', en: 'not willing to take part in the programme' },
        under_18: { nb: 'under 18 år', en: 'under 18' },
        unsuitable_other: { nb: 'uegnet av annen grunn', en: 'unsuitable for another reason' },
    },
    setting: {
        earmarked_bed: { nb: 'øremerket seng', en: 'earmarked bed' },
        day_place: { nb: 'dagplass', en: 'day place' },
        outpatient: { nb: 'poliklinisk forløp', en: 'outpatient course' },
    },
    holdReason: {
        withdrawal_symptoms: { nb: 'abstinenssymptomer', en: 'withdrawal symptoms' },
        worsening: { nb: 'forverring', en: 'worsening' },
        life_event: { nb: 'livshendelse', en: 'life event' },
        patient_wish: { nb: 'pasientens ønske', en: "the patient's wish" },
        other: { nb: 'annen grunn', en: 'other reason' },
    },
    relapseKind: {
        readmission: { nb: 'reinnleggelse', en: 'readmission' },
        dose_increase: { nb: 'doseøkning', en: 'dose increase' },
        medication_restarted: { nb: 'legemiddel startet igjen', en: 'medication restarted' },
        crisis_plan_activated: { nb: 'kriseplan tatt i bruk', en: 'crisis plan activated' },
        involuntary_admission: { nb: 'tvangsinnleggelse', en: 'involuntary admission' },
        other: { nb: 'annet', en: 'other' },
    },
    severity: {
        mild: { nb: 'lett', en: 'mild' },
        moderate: { nb: 'moderat', en: 'moderate' },
        severe: { nb: 'alvorlig', en: 'severe' },
    },
    assessmentMethod: {
        uku: { nb: 'UKU', en: 'UKU' },
        gass: { nb: 'GASS', en: 'GASS' },
        clinical: { nb: 'klinisk vurdering', en: 'clinical assessment' },
    },
    format: {
        individual: { nb: 'individuelt', en: 'individual' },
        group: { nb: 'i gruppe', en: 'group' },
    },
    treatmentMethod: {
        individual_conversations: { nb: 'individuelle samtaler', en: 'individual conversations' },
        group_therapy: { nb: 'gruppeterapi', en: 'group therapy' },
        milieu_therapy: { nb: 'miljøterapi', en: 'milieu therapy' },
        psychotherapy: { nb: 'psykoterapi', en: 'psychotherapy' },
        istdp: { nb: 'ISTDP', en: 'ISTDP' },
        cognitive_therapy: { nb: 'kognitiv terapi', en: 'cognitive therapy' },
        psychoeducation: { nb: 'psykoedukasjon', en: 'psychoeducation' },
        imr: { nb: 'IMR (Illness Management and Recovery)', en: 'IMR (Illness Management and Recovery)' },
        recovery_workshops: { nb: 'recoveryverksted', en: 'recovery workshops' },
        mindfulness: { nb: 'oppmerksomt nærvær (mindfulness)', en: 'mindfulness' },
        art_expression_therapy: { nb: 'kunst- og uttrykksterapi', en: 'art and expression therapy' },
        music_therapy: { nb: 'musikkterapi', en: 'music therapy' },
        physical_activity: { nb: 'fysisk aktivitet', en: 'physical activity' },
        physiotherapy: { nb: 'fysioterapi', en: 'physiotherapy' },
        psychomotor_therapy: { nb: 'psykomotorisk fysioterapi', en: 'psychomotor physiotherapy' },
        outdoor_activity: { nb: 'friluftsaktivitet', en: 'outdoor activity' },
        nutrition: { nb: 'kosthold', en: 'nutrition' },
        sleep_and_daily_rhythm: { nb: 'søvn og døgnrytme', en: 'sleep and daily rhythm' },
        skills_training: { nb: 'ferdighetstrening', en: 'skills training' },
        adl_training: { nb: 'ADL-trening', en: 'ADL training' },
        network_work_relatives: { nb: 'nettverksarbeid med pårørende', en: 'network work with relatives' },
        work_and_education_ips: { nb: 'arbeid og skole (IPS)', en: 'work and education (IPS)' },
        social_activities: { nb: 'sosiale aktiviteter', en: 'social activities' },
        nada_acupuncture: { nb: 'NADA-akupunktur', en: 'NADA acupuncture' },
        exposure_therapy_bet: { nb: 'eksponeringsterapi (BET)', en: 'exposure therapy (BET)' },
        act: { nb: 'ACT', en: 'ACT' },
        stress_management: { nb: 'stressmestring', en: 'stress management' },
        assisted_self_help: { nb: 'assistert selvhjelp', en: 'assisted self-help' },
        coordination_with_other_services: { nb: 'samarbeid med andre tjenester', en: 'coordination with other services' },
    },
    rater: {
        patient: { nb: 'pasienten', en: 'the patient' },
        clinician: { nb: 'behandler', en: 'a clinician' },
    },
    bedDenialReason: {
        no_bed_free: { nb: 'ingen ledig seng', en: 'no bed free' },
        outside_agreement_limits: { nb: 'utenfor avtalens rammer', en: 'outside the limits of the agreement' },
        agreement_expired: { nb: 'avtalen er utløpt', en: 'the agreement has expired' },
    },
    checkOutReason: {
        left: { nb: 'reiste', en: 'left' },
        discharged: { nb: 'ble skrevet ut', en: 'was discharged' },
    },
    correctionReason: {
        wrong_patient: { nb: 'feil pasient', en: 'wrong patient' },
        wrong_time: { nb: 'feil tidspunkt', en: 'wrong time' },
        wrong_value: { nb: 'feil verdi', en: 'wrong value' },
        duplicate: { nb: 'registrert to ganger', en: 'recorded twice' },
        other: { nb: 'annen grunn', en: 'other reason' },
    },
    legalStatus: {
        voluntary: { nb: 'frivillig', en: 'voluntary' },
        involuntary_tph: { nb: 'tvungent psykisk helsevern', en: 'involuntary care' },
        involuntary_tud: { nb: 'tvungent psykisk helsevern uten døgnopphold', en: 'involuntary care without 24-hour stay' },
        involuntary_lifted_before_transfer: { nb: 'tvang opphevet før overføring', en: 'involuntary care lifted before transfer' },
    },
};
/** The label of a code in a set; the code itself when the set does not know it. */
function label(set, code) {
    return labels[set][code] ?? { nb: code, en: code };
}
/** Labels of several codes joined into a list in each language. */
function labelList(set, codes) {
    const each = codes.map((code) => label(set, code));
    return { nb: each.map((item) => item.nb).join(', '), en: each.map((item) => item.en).join(', ') };
}
/** A dose or count as each language writes numbers (decimal comma in bokmål). */
function amount(value) {
    return { nb: nbNumber.format(value), en: enNumber.format(value) };
}
const nbNumber = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 3, useGrouping: false });
const enNumber = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3, useGrouping: false });
//# sourceMappingURL=labels.js.map