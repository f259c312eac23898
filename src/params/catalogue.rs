//! The catalogue: every parameter name the engine reads, with its unit.
//!
//! A parameter file may only use these names, with these units; a full file must give them all.
//! Programs read parameters through these constants, never through string literals, so a typo is
//! a compile error and this list is complete by construction.

use super::Unit;

/// A parameter's name and unit (the unit decides the kind of value: money, rate, count or date).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Spec {
    pub name: &'static str,
    pub unit: Unit,
}

const fn spec(name: &'static str, unit: Unit) -> Spec {
    Spec { name, unit }
}

use Unit::*;

// 过渡期: 一(二), 一(三), 三(七), 六(十六), 六(十七), 六(十九)
pub const TRANSITION_START: Spec = spec("transition.start", Date);
pub const TRANSITION_END: Spec = spec("transition.end", Date);
pub const FUND_INTEGRATION_PILOT_YEARS: Spec = spec("transition.fundIntegrationPilotYears", Years);
pub const VILLAGE_EXPRESS_DEADLINE: Spec = spec("express.villageCoverageDeadline", Date);
pub const MICROCREDIT_WINDOW_START: Spec = spec("credit.microcredit.windowStart", Date);
pub const MICROCREDIT_WINDOW_END: Spec = spec("credit.microcredit.windowEnd", Date);
pub const YULU_WINDOW_END: Spec = spec("education.yulu.windowEnd", Date);

// 防止返贫动态监测: 二(二), 四(九)
pub const MONITORING_INCOME_LINE: Spec = spec("monitoring.incomeLine", YuanPerPersonYear);
pub const MONITORING_STABLE_MONTHS: Spec = spec("monitoring.stableMonths", Months);
pub const MONITORING_RIGID_SPENDING_SHARE: Spec =
    spec("monitoring.suddenHardship.rigidSpendingShare", Rate);
pub const MONITORING_INCOME_FALL_SHARE: Spec =
    spec("monitoring.suddenHardship.incomeFallShare", Rate);

// 劳动能力 (default labour capacity of API.md: working age without severe disability)
pub const LABOR_WORKING_AGE_MIN: Spec = spec("labor.workingAgeMin", Years);
pub const LABOR_WORKING_AGE_MAX: Spec = spec("labor.workingAgeMax", Years);

// 最低生活保障: 四(十)
pub const DIBAO_STANDARD_RURAL: Spec = spec("dibao.standard.rural", YuanPerPersonMonth);
pub const DIBAO_STANDARD_URBAN: Spec = spec("dibao.standard.urban", YuanPerPersonMonth);
pub const DIBAO_EMPLOYMENT_COST_MONTHS: Spec = spec("dibao.employmentCostMonths", Months);
pub const DIBAO_SUPPLEMENT_SEVERE_DISABILITY: Spec =
    spec("dibao.supplement.severeDisability", Rate);
pub const DIBAO_SUPPLEMENT_SERIOUS_ILLNESS: Spec = spec("dibao.supplement.seriousIllness", Rate);
pub const DIBAO_SUPPLEMENT_ELDERLY: Spec = spec("dibao.supplement.elderly", Rate);
pub const DIBAO_SUPPLEMENT_MINOR: Spec = spec("dibao.supplement.minor", Rate);
pub const DIBAO_ELDERLY_AGE: Spec = spec("dibao.elderlyAge", Years);
pub const DIBAO_MINOR_AGE: Spec = spec("dibao.minorAge", Years);
pub const DIBAO_MARGINAL_MULTIPLE: Spec = spec("dibao.marginalMultiple", Multiple);
pub const DIBAO_AVERAGE_SUBSIDY: Spec = spec("dibao.averageSubsidy", YuanPerPersonMonth);
pub const DIBAO_GRADUAL_EXIT_MONTHS: Spec = spec("dibao.gradualExitMonths", Months);

// 最低工资 (for the employment-cost deduction of 四(十))
pub const MINIMUM_WAGE_TIER: Spec = spec("minimumWage.tier", Tier);
pub const MINIMUM_WAGE_TIER1: Spec = spec("minimumWage.tier1", YuanPerMonth);
pub const MINIMUM_WAGE_TIER2: Spec = spec("minimumWage.tier2", YuanPerMonth);
pub const MINIMUM_WAGE_TIER3: Spec = spec("minimumWage.tier3", YuanPerMonth);
pub const MINIMUM_WAGE_HOURLY_TIER1: Spec = spec("minimumWage.hourly.tier1", YuanPerHour);
pub const MINIMUM_WAGE_HOURLY_TIER2: Spec = spec("minimumWage.hourly.tier2", YuanPerHour);
pub const MINIMUM_WAGE_HOURLY_TIER3: Spec = spec("minimumWage.hourly.tier3", YuanPerHour);

// 特困人员救助供养: 四(十)
pub const TEKUN_BASIC_MULTIPLE: Spec = spec("tekun.basicMultiple", Multiple);
pub const TEKUN_CARE_SELF_CARE: Spec = spec("tekun.care.selfCare", YuanPerPersonMonth);
pub const TEKUN_CARE_PARTIAL_CARE: Spec = spec("tekun.care.partialCare", YuanPerPersonMonth);
pub const TEKUN_CARE_FULL_CARE: Spec = spec("tekun.care.fullCare", YuanPerPersonMonth);
pub const TEKUN_GUIDANCE_RURAL_CONCENTRATED: Spec = spec(
    "tekun.provincialGuidance.ruralConcentrated",
    YuanPerPersonYear,
);
pub const TEKUN_GUIDANCE_RURAL_DISPERSED: Spec =
    spec("tekun.provincialGuidance.ruralDispersed", YuanPerPersonYear);

// 临时救助: 四(十)
pub const TEMPORARY_MONTHS_GENERAL: Spec = spec("temporary.monthsGeneral", Months);
pub const TEMPORARY_MONTHS_SEVERE: Spec = spec("temporary.monthsSevere", Months);
pub const TEMPORARY_SEVERE_SPENDING_SHARE: Spec = spec("temporary.severeSpendingShare", Rate);

// 医疗保障: 四(十一)
pub const MEDICAL_BASIC_DEDUCTIBLE_TOWNSHIP: Spec = spec("medical.basic.deductible.township", Yuan);
pub const MEDICAL_BASIC_DEDUCTIBLE_COUNTY: Spec = spec("medical.basic.deductible.county", Yuan);
pub const MEDICAL_BASIC_DEDUCTIBLE_CITY: Spec = spec("medical.basic.deductible.city", Yuan);
pub const MEDICAL_BASIC_DEDUCTIBLE_PROVINCE: Spec = spec("medical.basic.deductible.province", Yuan);
pub const MEDICAL_BASIC_RATE_TOWNSHIP: Spec = spec("medical.basic.rate.township", Rate);
pub const MEDICAL_BASIC_RATE_COUNTY: Spec = spec("medical.basic.rate.county", Rate);
pub const MEDICAL_BASIC_RATE_CITY: Spec = spec("medical.basic.rate.city", Rate);
pub const MEDICAL_BASIC_RATE_PROVINCE: Spec = spec("medical.basic.rate.province", Rate);
pub const MEDICAL_BASIC_ANNUAL_CAP: Spec = spec("medical.basic.annualCap", Yuan);
pub const MEDICAL_CRITICAL_BAND_THRESHOLD: Spec =
    spec("medical.criticalIllness.bandThreshold", Yuan);
pub const MEDICAL_CRITICAL_HIGH_RATE: Spec = spec("medical.criticalIllness.highRate", Rate);
pub const MEDICAL_ASSISTANCE_RATE_TEKUN: Spec = spec("medical.assistance.rate.tekun", Rate);
pub const MEDICAL_ASSISTANCE_RATE_MONITORED: Spec = spec("medical.assistance.rate.monitored", Rate);
pub const MEDICAL_ASSISTANCE_ANNUAL_CAP: Spec = spec("medical.assistance.annualCap", Yuan);
pub const MEDICAL_CRITICAL_DEDUCTIBLE: Spec = spec("medical.criticalIllness.deductible", Yuan);
pub const MEDICAL_CRITICAL_RATE: Spec = spec("medical.criticalIllness.rate", Rate);
pub const MEDICAL_CRITICAL_TILT_DEDUCTIBLE_FACTOR: Spec =
    spec("medical.criticalIllness.tiltDeductibleFactor", Rate);
pub const MEDICAL_CRITICAL_TILT_RATE_BONUS: Spec =
    spec("medical.criticalIllness.tiltRateBonus", Rate);
pub const MEDICAL_ASSISTANCE_RATE: Spec = spec("medical.assistance.rate", Rate);

// 养老保险: 四(十二)
pub const PENSION_NATIONAL_MINIMUM_BASIC: Spec = spec("pension.nationalMinimumBasic", YuanPerMonth);
pub const PENSION_LOWEST_TIER: Spec = spec("pension.lowestTier", YuanPerYear);
pub const PENSION_PAID_SHARE_TEKUN: Spec = spec("pension.paidShare.tekun", Rate);
pub const PENSION_PAID_SHARE_DIBAO: Spec = spec("pension.paidShare.dibao", Rate);
pub const PENSION_PAID_SHARE_RETURNED: Spec = spec("pension.paidShare.returnedToPoverty", Rate);
pub const PENSION_PAID_SHARE_SEVERE_DISABILITY: Spec =
    spec("pension.paidShare.severeDisability", Rate);

// 教育: 三(八), 六(十九)
pub const EDUCATION_NUTRITION_PER_DAY: Spec = spec("education.nutrition.perDay", YuanPerDay);
pub const EDUCATION_YULU_ANNUAL: Spec = spec("education.yulu.annual", YuanPerYear);
pub const EDUCATION_SENIOR_HIGH_GRANT: Spec =
    spec("education.seniorHighGrant.average", YuanPerYear);
pub const EDUCATION_SCHOOL_DAYS: Spec = spec("education.schoolDaysPerYear", Days);
pub const EDUCATION_BOARDING_PRIMARY: Spec = spec("education.boarding.primary", YuanPerYear);
pub const EDUCATION_BOARDING_JUNIOR: Spec = spec("education.boarding.junior", YuanPerYear);

// 金融: 六(十七)
pub const MICROCREDIT_CAP: Spec = spec("credit.microcredit.cap", Yuan);
pub const MICROCREDIT_TERM_YEARS: Spec = spec("credit.microcredit.termYears", Years);
pub const GUARANTEE_LOAN_INDIVIDUAL_CAP: Spec = spec("credit.guaranteeLoan.individualCap", Yuan);
pub const LPR_ONE_YEAR: Spec = spec("credit.lpr1y", Rate);
pub const MICROCREDIT_SUBSIDY_SHARE_OF_LPR: Spec =
    spec("credit.microcredit.subsidyShareOfLpr", Rate);

// 以工代赈、公益岗位: 三(六), 六(十六)
pub const WORK_RELIEF_REMUNERATION_SHARE: Spec = spec("workRelief.remunerationShare", Rate);
pub const WORK_RELIEF_KEY_PROJECT_SHARE: Spec =
    spec("workRelief.keyProjectRemunerationShare", Rate);
pub const FOREST_RANGER_PAY: Spec = spec("employment.forestRangerPay", YuanPerYear);

/// Every parameter the engine knows. A full parameter file must give each one.
pub const ALL: &[Spec] = &[
    TRANSITION_START,
    TRANSITION_END,
    FUND_INTEGRATION_PILOT_YEARS,
    VILLAGE_EXPRESS_DEADLINE,
    MICROCREDIT_WINDOW_START,
    MICROCREDIT_WINDOW_END,
    YULU_WINDOW_END,
    MONITORING_INCOME_LINE,
    MONITORING_STABLE_MONTHS,
    MONITORING_RIGID_SPENDING_SHARE,
    MONITORING_INCOME_FALL_SHARE,
    LABOR_WORKING_AGE_MIN,
    LABOR_WORKING_AGE_MAX,
    DIBAO_STANDARD_RURAL,
    DIBAO_STANDARD_URBAN,
    DIBAO_EMPLOYMENT_COST_MONTHS,
    DIBAO_SUPPLEMENT_SEVERE_DISABILITY,
    DIBAO_SUPPLEMENT_SERIOUS_ILLNESS,
    DIBAO_SUPPLEMENT_ELDERLY,
    DIBAO_SUPPLEMENT_MINOR,
    DIBAO_ELDERLY_AGE,
    DIBAO_MINOR_AGE,
    DIBAO_MARGINAL_MULTIPLE,
    DIBAO_AVERAGE_SUBSIDY,
    DIBAO_GRADUAL_EXIT_MONTHS,
    MINIMUM_WAGE_TIER,
    MINIMUM_WAGE_TIER1,
    MINIMUM_WAGE_TIER2,
    MINIMUM_WAGE_TIER3,
    MINIMUM_WAGE_HOURLY_TIER1,
    MINIMUM_WAGE_HOURLY_TIER2,
    MINIMUM_WAGE_HOURLY_TIER3,
    TEKUN_BASIC_MULTIPLE,
    TEKUN_CARE_SELF_CARE,
    TEKUN_CARE_PARTIAL_CARE,
    TEKUN_CARE_FULL_CARE,
    TEKUN_GUIDANCE_RURAL_CONCENTRATED,
    TEKUN_GUIDANCE_RURAL_DISPERSED,
    TEMPORARY_MONTHS_GENERAL,
    TEMPORARY_MONTHS_SEVERE,
    TEMPORARY_SEVERE_SPENDING_SHARE,
    MEDICAL_BASIC_DEDUCTIBLE_TOWNSHIP,
    MEDICAL_BASIC_DEDUCTIBLE_COUNTY,
    MEDICAL_BASIC_DEDUCTIBLE_CITY,
    MEDICAL_BASIC_DEDUCTIBLE_PROVINCE,
    MEDICAL_BASIC_RATE_TOWNSHIP,
    MEDICAL_BASIC_RATE_COUNTY,
    MEDICAL_BASIC_RATE_CITY,
    MEDICAL_BASIC_RATE_PROVINCE,
    MEDICAL_BASIC_ANNUAL_CAP,
    MEDICAL_CRITICAL_DEDUCTIBLE,
    MEDICAL_CRITICAL_RATE,
    MEDICAL_CRITICAL_BAND_THRESHOLD,
    MEDICAL_CRITICAL_HIGH_RATE,
    MEDICAL_CRITICAL_TILT_DEDUCTIBLE_FACTOR,
    MEDICAL_CRITICAL_TILT_RATE_BONUS,
    MEDICAL_ASSISTANCE_RATE,
    MEDICAL_ASSISTANCE_RATE_TEKUN,
    MEDICAL_ASSISTANCE_RATE_MONITORED,
    MEDICAL_ASSISTANCE_ANNUAL_CAP,
    PENSION_NATIONAL_MINIMUM_BASIC,
    PENSION_LOWEST_TIER,
    PENSION_PAID_SHARE_TEKUN,
    PENSION_PAID_SHARE_DIBAO,
    PENSION_PAID_SHARE_RETURNED,
    PENSION_PAID_SHARE_SEVERE_DISABILITY,
    EDUCATION_NUTRITION_PER_DAY,
    EDUCATION_YULU_ANNUAL,
    EDUCATION_SENIOR_HIGH_GRANT,
    EDUCATION_SCHOOL_DAYS,
    EDUCATION_BOARDING_PRIMARY,
    EDUCATION_BOARDING_JUNIOR,
    MICROCREDIT_CAP,
    MICROCREDIT_TERM_YEARS,
    GUARANTEE_LOAN_INDIVIDUAL_CAP,
    LPR_ONE_YEAR,
    MICROCREDIT_SUBSIDY_SHARE_OF_LPR,
    WORK_RELIEF_REMUNERATION_SHARE,
    WORK_RELIEF_KEY_PROJECT_SHARE,
    FOREST_RANGER_PAY,
];

pub fn find(name: &str) -> Option<&'static Spec> {
    ALL.iter().find(|s| s.name == name)
}

/// The monthly minimum wage parameter of a tier (1, 2 or 3).
pub fn minimum_wage_of_tier(tier: u32) -> Option<&'static Spec> {
    match tier {
        1 => Some(&MINIMUM_WAGE_TIER1),
        2 => Some(&MINIMUM_WAGE_TIER2),
        3 => Some(&MINIMUM_WAGE_TIER3),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique() {
        for (i, a) in ALL.iter().enumerate() {
            assert!(
                ALL[i + 1..].iter().all(|b| b.name != a.name),
                "{} twice",
                a.name
            );
        }
    }

    /// API.md fixes these names; the catalogue must keep them.
    #[test]
    fn contract_names_are_present() {
        for name in [
            "monitoring.incomeLine",
            "dibao.standard.rural",
            "dibao.standard.urban",
            "dibao.employmentCostMonths",
            "dibao.supplement.severeDisability",
            "dibao.supplement.seriousIllness",
            "dibao.supplement.elderly",
            "dibao.supplement.minor",
            "dibao.elderlyAge",
            "dibao.marginalMultiple",
            "dibao.averageSubsidy",
            "minimumWage.tier1",
            "minimumWage.tier2",
            "minimumWage.tier3",
            "minimumWage.tier",
            "tekun.basicMultiple",
            "tekun.care.selfCare",
            "tekun.care.partialCare",
            "tekun.care.fullCare",
        ] {
            assert!(find(name).is_some(), "{name} missing");
        }
    }
}
