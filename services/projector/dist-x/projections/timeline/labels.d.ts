/** A text in both languages of the timeline: Norwegian bokmål and English. */
export interface Bilingual {
    nb: string;
    en: string;
}
/**
 * Readable names of the codes events carry. Codes a site adds to its reference data
 * and that are missing here read as the code itself, in both languages.
 */
declare const labels: {
    referralSource: {
        gp: {
            nb: string;
            en: string;
        };
        specialist: {
            nb: string;
            en: string;
        };
        municipal: {
            nb: string;
            en: string;
        };
        emergency: {
            nb: string;
            en: string;
        };
        self: {
            nb: string;
            en: string;
        };
    };
    rejectionReason: {
        substance_dependence: {
            nb: string;
            en: string;
        };
        diagnosis_outside_target_group: {
            nb: string;
            en: string;
        };
        involuntary_care: {
            nb: string;
            en: string;
        };
        acute_suicide_risk: {
            nb: string;
            en: string;
        };
        violence_risk: {
            nb: string;
            en: string;
        };
        lacks_consent_capacity: {
            nb: string;
            en: string;
        };
        outpatient_sufficient: {
            nb: string;
            en: string;
        };
        tapering_possible_outpatient: {
            nb: string;
            en: string;
        };
        referral_source_not_accepted: {
            nb: string;
            en: string;
        };
        unwilling_to_participate: {
            nb: string;
            en: string;
        };
        under_18: {
            nb: string;
            en: string;
        };
        unsuitable_other: {
            nb: string;
            en: string;
        };
    };
    setting: {
        earmarked_bed: {
            nb: string;
            en: string;
        };
        day_place: {
            nb: string;
            en: string;
        };
        outpatient: {
            nb: string;
            en: string;
        };
    };
    holdReason: {
        withdrawal_symptoms: {
            nb: string;
            en: string;
        };
        worsening: {
            nb: string;
            en: string;
        };
        life_event: {
            nb: string;
            en: string;
        };
        patient_wish: {
            nb: string;
            en: string;
        };
        other: {
            nb: string;
            en: string;
        };
    };
    relapseKind: {
        readmission: {
            nb: string;
            en: string;
        };
        dose_increase: {
            nb: string;
            en: string;
        };
        medication_restarted: {
            nb: string;
            en: string;
        };
        crisis_plan_activated: {
            nb: string;
            en: string;
        };
        involuntary_admission: {
            nb: string;
            en: string;
        };
        other: {
            nb: string;
            en: string;
        };
    };
    severity: {
        mild: {
            nb: string;
            en: string;
        };
        moderate: {
            nb: string;
            en: string;
        };
        severe: {
            nb: string;
            en: string;
        };
    };
    assessmentMethod: {
        uku: {
            nb: string;
            en: string;
        };
        gass: {
            nb: string;
            en: string;
        };
        clinical: {
            nb: string;
            en: string;
        };
    };
    format: {
        individual: {
            nb: string;
            en: string;
        };
        group: {
            nb: string;
            en: string;
        };
    };
    treatmentMethod: {
        individual_conversations: {
            nb: string;
            en: string;
        };
        group_therapy: {
            nb: string;
            en: string;
        };
        milieu_therapy: {
            nb: string;
            en: string;
        };
        psychotherapy: {
            nb: string;
            en: string;
        };
        istdp: {
            nb: string;
            en: string;
        };
        cognitive_therapy: {
            nb: string;
            en: string;
        };
        psychoeducation: {
            nb: string;
            en: string;
        };
        imr: {
            nb: string;
            en: string;
        };
        recovery_workshops: {
            nb: string;
            en: string;
        };
        mindfulness: {
            nb: string;
            en: string;
        };
        art_expression_therapy: {
            nb: string;
            en: string;
        };
        music_therapy: {
            nb: string;
            en: string;
        };
        physical_activity: {
            nb: string;
            en: string;
        };
        physiotherapy: {
            nb: string;
            en: string;
        };
        psychomotor_therapy: {
            nb: string;
            en: string;
        };
        outdoor_activity: {
            nb: string;
            en: string;
        };
        nutrition: {
            nb: string;
            en: string;
        };
        sleep_and_daily_rhythm: {
            nb: string;
            en: string;
        };
        skills_training: {
            nb: string;
            en: string;
        };
        adl_training: {
            nb: string;
            en: string;
        };
        network_work_relatives: {
            nb: string;
            en: string;
        };
        work_and_education_ips: {
            nb: string;
            en: string;
        };
        social_activities: {
            nb: string;
            en: string;
        };
        nada_acupuncture: {
            nb: string;
            en: string;
        };
        exposure_therapy_bet: {
            nb: string;
            en: string;
        };
        act: {
            nb: string;
            en: string;
        };
        stress_management: {
            nb: string;
            en: string;
        };
        assisted_self_help: {
            nb: string;
            en: string;
        };
        coordination_with_other_services: {
            nb: string;
            en: string;
        };
    };
    rater: {
        patient: {
            nb: string;
            en: string;
        };
        clinician: {
            nb: string;
            en: string;
        };
    };
    bedDenialReason: {
        no_bed_free: {
            nb: string;
            en: string;
        };
        outside_agreement_limits: {
            nb: string;
            en: string;
        };
        agreement_expired: {
            nb: string;
            en: string;
        };
    };
    checkOutReason: {
        left: {
            nb: string;
            en: string;
        };
        discharged: {
            nb: string;
            en: string;
        };
    };
    correctionReason: {
        wrong_patient: {
            nb: string;
            en: string;
        };
        wrong_time: {
            nb: string;
            en: string;
        };
        wrong_value: {
            nb: string;
            en: string;
        };
        duplicate: {
            nb: string;
            en: string;
        };
        other: {
            nb: string;
            en: string;
        };
    };
    legalStatus: {
        voluntary: {
            nb: string;
            en: string;
        };
        involuntary_tph: {
            nb: string;
            en: string;
        };
        involuntary_tud: {
            nb: string;
            en: string;
        };
        involuntary_lifted_before_transfer: {
            nb: string;
            en: string;
        };
    };
};
export type LabelSet = keyof typeof labels;
/** The label of a code in a set; the code itself when the set does not know it. */
export declare function label(set: LabelSet, code: string): Bilingual;
/** Labels of several codes joined into a list in each language. */
export declare function labelList(set: LabelSet, codes: readonly string[]): Bilingual;
/** A dose or count as each language writes numbers (decimal comma in bokmål). */
export declare function amount(value: number): Bilingual;
export {};
//# sourceMappingURL=labels.d.ts.map