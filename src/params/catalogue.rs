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
    /// Its place in [`ALL`].
    pub index: usize,
}

use Unit::*;

/// Defines each parameter's constant with its index (its place in [`ALL`]), and `ALL` itself, from one
/// list: a lookup is then an array access, and the list cannot fall out of step with `ALL`.
macro_rules! catalogue {
    ($($(#[$meta:meta])* $id:ident = ($name:literal, $unit:ident);)*) => {
        #[allow(non_camel_case_types, clippy::upper_case_acronyms, dead_code)]
        enum Index { $($id),* }
        $($(#[$meta])* pub const $id: Spec = Spec { name: $name, unit: $unit, index: Index::$id as usize };)*
        /// Every parameter the engine knows, in index order. A full parameter file must give each one.
        pub const ALL: &[Spec] = &[$($id),*];
    };
}

catalogue! {
    // 过渡期: 一(二), 一(三), 三(七), 六(十六), 六(十七), 六(十九)
    TRANSITION_START = ("transition.start", Date);
    TRANSITION_END = ("transition.end", Date);
    FUND_INTEGRATION_PILOT_YEARS = ("transition.fundIntegrationPilotYears", Years);
    VILLAGE_EXPRESS_DEADLINE = ("express.villageCoverageDeadline", Date);
    MICROCREDIT_WINDOW_START = ("credit.microcredit.windowStart", Date);
    MICROCREDIT_WINDOW_END = ("credit.microcredit.windowEnd", Date);
    YULU_WINDOW_END = ("education.yulu.windowEnd", Date);
    // 防止返贫动态监测: 二(二), 四(九)
    MONITORING_INCOME_LINE = ("monitoring.incomeLine", YuanPerPersonYear);
    MONITORING_STABLE_MONTHS = ("monitoring.stableMonths", Months);
    MONITORING_RIGID_SPENDING_SHARE = ("monitoring.suddenHardship.rigidSpendingShare", Rate);
    MONITORING_INCOME_FALL_SHARE = ("monitoring.suddenHardship.incomeFallShare", Rate);
    // 劳动能力 (default labour capacity of API.md: working age without severe disability)
    LABOR_WORKING_AGE_MIN = ("labor.workingAgeMin", Years);
    LABOR_WORKING_AGE_MAX = ("labor.workingAgeMax", Years);
    // 最低生活保障: 四(十)
    DIBAO_STANDARD_RURAL = ("dibao.standard.rural", YuanPerPersonMonth);
    DIBAO_STANDARD_URBAN = ("dibao.standard.urban", YuanPerPersonMonth);
    DIBAO_EMPLOYMENT_COST_MONTHS = ("dibao.employmentCostMonths", Months);
    DIBAO_SUPPLEMENT_SEVERE_DISABILITY = ("dibao.supplement.severeDisability", Rate);
    DIBAO_SUPPLEMENT_SERIOUS_ILLNESS = ("dibao.supplement.seriousIllness", Rate);
    DIBAO_SUPPLEMENT_ELDERLY = ("dibao.supplement.elderly", Rate);
    DIBAO_SUPPLEMENT_MINOR = ("dibao.supplement.minor", Rate);
    DIBAO_ELDERLY_AGE = ("dibao.elderlyAge", Years);
    DIBAO_MINOR_AGE = ("dibao.minorAge", Years);
    DIBAO_MARGINAL_MULTIPLE = ("dibao.marginalMultiple", Multiple);
    DIBAO_AVERAGE_SUBSIDY = ("dibao.averageSubsidy", YuanPerPersonMonth);
    DIBAO_GRADUAL_EXIT_MONTHS = ("dibao.gradualExitMonths", Months);
    // 最低工资 (for the employment-cost deduction of 四(十))
    MINIMUM_WAGE_TIER = ("minimumWage.tier", Tier);
    MINIMUM_WAGE_TIER1 = ("minimumWage.tier1", YuanPerMonth);
    MINIMUM_WAGE_TIER2 = ("minimumWage.tier2", YuanPerMonth);
    MINIMUM_WAGE_TIER3 = ("minimumWage.tier3", YuanPerMonth);
    MINIMUM_WAGE_HOURLY_TIER1 = ("minimumWage.hourly.tier1", YuanPerHour);
    MINIMUM_WAGE_HOURLY_TIER2 = ("minimumWage.hourly.tier2", YuanPerHour);
    MINIMUM_WAGE_HOURLY_TIER3 = ("minimumWage.hourly.tier3", YuanPerHour);
    // 特困人员救助供养: 四(十)
    TEKUN_BASIC_MULTIPLE = ("tekun.basicMultiple", Multiple);
    TEKUN_CARE_SELF_CARE = ("tekun.care.selfCare", YuanPerPersonMonth);
    TEKUN_CARE_PARTIAL_CARE = ("tekun.care.partialCare", YuanPerPersonMonth);
    TEKUN_CARE_FULL_CARE = ("tekun.care.fullCare", YuanPerPersonMonth);
    TEKUN_GUIDANCE_RURAL_CONCENTRATED = ("tekun.provincialGuidance.ruralConcentrated", YuanPerPersonYear);
    TEKUN_GUIDANCE_RURAL_DISPERSED = ("tekun.provincialGuidance.ruralDispersed", YuanPerPersonYear);
    // 临时救助: 四(十)
    TEMPORARY_MONTHS_GENERAL = ("temporary.monthsGeneral", Months);
    TEMPORARY_MONTHS_SEVERE = ("temporary.monthsSevere", Months);
    TEMPORARY_SEVERE_SPENDING_SHARE = ("temporary.severeSpendingShare", Rate);
    // 医疗保障: 四(十一)
    MEDICAL_BASIC_DEDUCTIBLE_TOWNSHIP = ("medical.basic.deductible.township", Yuan);
    MEDICAL_BASIC_DEDUCTIBLE_COUNTY = ("medical.basic.deductible.county", Yuan);
    MEDICAL_BASIC_DEDUCTIBLE_CITY = ("medical.basic.deductible.city", Yuan);
    MEDICAL_BASIC_DEDUCTIBLE_PROVINCE = ("medical.basic.deductible.province", Yuan);
    MEDICAL_BASIC_RATE_TOWNSHIP = ("medical.basic.rate.township", Rate);
    MEDICAL_BASIC_RATE_COUNTY = ("medical.basic.rate.county", Rate);
    MEDICAL_BASIC_RATE_CITY = ("medical.basic.rate.city", Rate);
    MEDICAL_BASIC_RATE_PROVINCE = ("medical.basic.rate.province", Rate);
    MEDICAL_BASIC_ANNUAL_CAP = ("medical.basic.annualCap", Yuan);
    MEDICAL_CRITICAL_BAND_THRESHOLD = ("medical.criticalIllness.bandThreshold", Yuan);
    MEDICAL_CRITICAL_HIGH_RATE = ("medical.criticalIllness.highRate", Rate);
    MEDICAL_ASSISTANCE_RATE_TEKUN = ("medical.assistance.rate.tekun", Rate);
    MEDICAL_ASSISTANCE_RATE_MONITORED = ("medical.assistance.rate.monitored", Rate);
    MEDICAL_ASSISTANCE_ANNUAL_CAP = ("medical.assistance.annualCap", Yuan);
    MEDICAL_CRITICAL_DEDUCTIBLE = ("medical.criticalIllness.deductible", Yuan);
    MEDICAL_CRITICAL_RATE = ("medical.criticalIllness.rate", Rate);
    MEDICAL_CRITICAL_TILT_DEDUCTIBLE_FACTOR = ("medical.criticalIllness.tiltDeductibleFactor", Rate);
    MEDICAL_CRITICAL_TILT_RATE_BONUS = ("medical.criticalIllness.tiltRateBonus", Rate);
    MEDICAL_ASSISTANCE_RATE = ("medical.assistance.rate", Rate);
    // 养老保险: 四(十二)
    PENSION_NATIONAL_MINIMUM_BASIC = ("pension.nationalMinimumBasic", YuanPerMonth);
    PENSION_LOWEST_TIER = ("pension.lowestTier", YuanPerYear);
    PENSION_PAID_SHARE_TEKUN = ("pension.paidShare.tekun", Rate);
    PENSION_PAID_SHARE_DIBAO = ("pension.paidShare.dibao", Rate);
    PENSION_PAID_SHARE_RETURNED = ("pension.paidShare.returnedToPoverty", Rate);
    PENSION_PAID_SHARE_SEVERE_DISABILITY = ("pension.paidShare.severeDisability", Rate);
    // 教育: 三(八), 六(十九)
    EDUCATION_NUTRITION_PER_DAY = ("education.nutrition.perDay", YuanPerDay);
    EDUCATION_YULU_ANNUAL = ("education.yulu.annual", YuanPerYear);
    EDUCATION_SENIOR_HIGH_GRANT = ("education.seniorHighGrant.average", YuanPerYear);
    EDUCATION_SCHOOL_DAYS = ("education.schoolDaysPerYear", Days);
    EDUCATION_BOARDING_PRIMARY = ("education.boarding.primary", YuanPerYear);
    EDUCATION_BOARDING_JUNIOR = ("education.boarding.junior", YuanPerYear);
    // 金融: 六(十七)
    MICROCREDIT_CAP = ("credit.microcredit.cap", Yuan);
    MICROCREDIT_TERM_YEARS = ("credit.microcredit.termYears", Years);
    GUARANTEE_LOAN_INDIVIDUAL_CAP = ("credit.guaranteeLoan.individualCap", Yuan);
    LPR_ONE_YEAR = ("credit.lpr1y", Rate);
    MICROCREDIT_SUBSIDY_SHARE_OF_LPR = ("credit.microcredit.subsidyShareOfLpr", Rate);
    // 以工代赈、公益岗位: 三(六), 六(十六)
    WORK_RELIEF_REMUNERATION_SHARE = ("workRelief.remunerationShare", Rate);
    WORK_RELIEF_KEY_PROJECT_SHARE = ("workRelief.keyProjectRemunerationShare", Rate);
    FOREST_RANGER_PAY = ("employment.forestRangerPay", YuanPerYear);
}

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
    fn indices_are_places_in_all() {
        for (i, spec) in ALL.iter().enumerate() {
            assert_eq!(spec.index, i, "{}", spec.name);
        }
    }

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
