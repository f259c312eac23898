//! The catalogue: every parameter name the engine knows, with its unit, label, valid range, update
//! cycle and scope. It alone owns names, units and labels: a parameter file may only use these
//! names, with these units, and cannot change a label.
//!
//! Programs read parameters through these constants, never through string literals, so a typo is a
//! compile error and this list is complete by construction. The build script includes this file to
//! check the analyst's files (`data/params/*.toml`) against it.
//!
//! Update cycles (`every(n)`: a value `n` months old or older is reported as stale):
//! - 12 months: figures set every year (低保、特困 standards, the monitoring line, the LPR, the
//!   national basic pension, medical-insurance figures, the average 低保 subsidy);
//! - 24 months: the minimum wage, tiers and amounts (《最低工资规定》第十条：每两年至少调整一次);
//! - none: rules of the policy text and of national documents (the transition dates, 2 months of
//!   minimum wage, 1.3 × 低保, ages, shares), which change only when a document changes them.

use super::spec::{def, Limits, Spec, Unit::*};

/// Defines each parameter's static with its index (its place in [`ALL`]), and `ALL` itself, from one
/// list: a lookup is then an array access, and the list cannot fall out of step with `ALL`. Statics,
/// not constants: the module holds each parameter once (a constant `Spec` is copied wherever its
/// address is taken).
macro_rules! catalogue {
    ($($(#[$meta:meta])* $id:ident = $spec:expr;)*) => {
        #[allow(non_camel_case_types, clippy::upper_case_acronyms, dead_code)]
        enum Index { $($id),* }
        $($(#[$meta])* pub static $id: Spec = $spec.at(Index::$id as usize);)*
        /// Every parameter the engine knows, in index order.
        pub static ALL: &[&Spec] = &[$(&$id),*];
    };
}

catalogue! {
    // 过渡期: 一(二), 一(三), 三(七), 六(十六), 六(十七), 六(十九)
    TRANSITION_START = def("transition.start", Date, "过渡期起始日").calendar();
    TRANSITION_END = def("transition.end", Date, "过渡期结束日").calendar();
    FUND_INTEGRATION_PILOT_YEARS = def("transition.fundIntegrationPilotYears", Years, "脱贫县涉农资金统筹整合试点年数")
        .calendar().limits(Limits::whole(0, 20));
    VILLAGE_EXPRESS_DEADLINE = def("express.villageCoverageDeadline", Date, "有条件的建制村“村村通快递”完成时限").calendar();
    MICROCREDIT_WINDOW_START = def("credit.microcredit.windowStart", Date, "脱贫人口小额信贷政策起始日").calendar();
    MICROCREDIT_WINDOW_END = def("credit.microcredit.windowEnd", Date, "脱贫人口小额信贷政策截止日").calendar();
    YULU_WINDOW_END = def("education.yulu.windowEnd", Date, "雨露计划补助截止日").calendar();
    // 防止返贫动态监测: 二(二), 四(九)
    MONITORING_INCOME_LINE = def("monitoring.incomeLine", YuanPerPersonYear, "防止返贫监测收入标准（人均纯收入）").every(12);
    MONITORING_STABLE_MONTHS = def("monitoring.stableMonths", Months, "风险消除所需收入稳定月数").limits(Limits::whole(0, 36));
    MONITORING_RIGID_SPENDING_SHARE = def("monitoring.suddenHardship.rigidSpendingShare", Rate, "突发严重困难：刚性支出占家庭年收入比例（达到即视为“刚性支出较大”）")
        .limits(Limits::SHARE_OF_INCOME);
    MONITORING_INCOME_FALL_SHARE = def("monitoring.suddenHardship.incomeFallShare", Rate, "突发严重困难：收入较上年下降比例（达到即视为“收入大幅缩减”）");
    MONITORING_LIVING_LINE_MULTIPLE = def("monitoring.suddenHardship.livingLineMultiple", Multiple, "突发严重困难：扣除刚性支出后的收入低于监测收入标准的倍数")
        .about("家庭收入扣除刚性支出后，人均低于“监测收入标准 × 本倍数”即视为基本生活出现严重困难（二(二)“导致基本生活出现严重困难”）。");
    // 劳动能力 (default labour capacity of API.md: working age without severe disability)
    LABOR_WORKING_AGE_MIN = def("labor.workingAgeMin", Years, "劳动年龄下限");
    LABOR_WORKING_AGE_MAX = def("labor.workingAgeMax", Years, "劳动年龄上限（含）");
    // 最低生活保障: 四(十)
    DIBAO_STANDARD_RURAL = def("dibao.standard.rural", YuanPerPersonMonth, "农村低保标准").every(12);
    DIBAO_STANDARD_URBAN = def("dibao.standard.urban", YuanPerPersonMonth, "城市低保标准").every(12);
    DIBAO_EMPLOYMENT_COST_MONTHS = def("dibao.employmentCostMonths", Months, "就业成本扣除月数（务工地最低工资）").limits(Limits::whole(0, 12)).of_the_period();
    DIBAO_SUPPLEMENT_SEVERE_DISABILITY = def("dibao.supplement.severeDisability", Rate, "低保金加发比例：重度残疾人");
    DIBAO_SUPPLEMENT_SERIOUS_ILLNESS = def("dibao.supplement.seriousIllness", Rate, "低保金加发比例：重病患者");
    DIBAO_SUPPLEMENT_ELDERLY = def("dibao.supplement.elderly", Rate, "低保金加发比例：老年人");
    DIBAO_SUPPLEMENT_MINOR = def("dibao.supplement.minor", Rate, "低保金加发比例：未成年人");
    DIBAO_ELDERLY_AGE = def("dibao.elderlyAge", Years, "老年人年龄起点").limits(Limits::whole(0, 120));
    DIBAO_MINOR_AGE = def("dibao.minorAge", Years, "未成年人年龄上限（不含）").limits(Limits::whole(0, 120));
    DIBAO_MARGINAL_MULTIPLE = def("dibao.marginalMultiple", Multiple, "低保边缘家庭认定倍数（低保标准的倍数）");
    DIBAO_AVERAGE_SUBSIDY = def("dibao.averageSubsidy", YuanPerPersonMonth, "当地低保平均补助水平").every(12);
    DIBAO_GRADUAL_EXIT_MONTHS = def("dibao.gradualExitMonths", Months, "低保渐退期月数").limits(Limits::whole(0, 24));
    LOW_INCOME_URBAN_MIN = def("dibao.lowIncomeFamily.urbanMin", YuanPerPersonMonth, "城市低收入困难家庭认定标准：下限")
        .every(12).informational()
        .about("哈尔滨市区公布的城市低收入困难家庭标准区间的下限（低保标准的1.0倍）。仅供参考，计算不读取。");
    LOW_INCOME_URBAN_MAX = def("dibao.lowIncomeFamily.urbanMax", YuanPerPersonMonth, "城市低收入困难家庭认定标准：上限")
        .every(12).informational()
        .about("哈尔滨市区公布的城市低收入困难家庭标准区间的上限（低保标准的1.2倍）。仅供参考，计算不读取。");
    // 最低工资 (for the employment-cost deduction of 四(十))
    MINIMUM_WAGE_TIER = def("minimumWage.tier", Tier, "最低工资档次（按县（市、区））").every(24).county_only()
        .about("各县（市、区）在每次调整中所属的最低工资档次。只按县级单位取值：地级市、全省没有档次。");
    MINIMUM_WAGE_TIER1 = def("minimumWage.tier1", YuanPerMonth, "月最低工资：一档").every(24);
    MINIMUM_WAGE_TIER2 = def("minimumWage.tier2", YuanPerMonth, "月最低工资：二档").every(24);
    MINIMUM_WAGE_TIER3 = def("minimumWage.tier3", YuanPerMonth, "月最低工资：三档").every(24);
    MINIMUM_WAGE_HOURLY_TIER1 = def("minimumWage.hourly.tier1", YuanPerHour, "小时最低工资：一档").every(24).informational();
    MINIMUM_WAGE_HOURLY_TIER2 = def("minimumWage.hourly.tier2", YuanPerHour, "小时最低工资：二档").every(24).informational();
    MINIMUM_WAGE_HOURLY_TIER3 = def("minimumWage.hourly.tier3", YuanPerHour, "小时最低工资：三档").every(24).informational();
    // 特困人员救助供养: 四(十)
    TEKUN_BASIC_MULTIPLE = def("tekun.basicMultiple", Multiple, "特困人员基本生活标准（低保标准的倍数）");
    TEKUN_BASIC_ROUND_UP_TO = def("tekun.basicRoundUpTo", Yuan, "特困人员基本生活标准的进位单位")
        .limits(Limits::POSITIVE_MONEY)
        .about("基本生活标准（低保标准 × 倍数）向上取整到本金额的整数倍：1.00 即取整到元，0.01 即到分。");
    TEKUN_BASIC_URBAN = def("tekun.basicStandard.urban", YuanPerPersonMonth, "特困人员基本生活标准（城市，当地公布数）").every(12)
        .about("当地公布的城市特困人员基本生活标准。有取值的地区按公布数计发；没有取值的，按低保标准 × tekun.basicMultiple 向上取整。");
    TEKUN_CARE_SELF_CARE = def("tekun.care.selfCare", YuanPerPersonMonth, "特困人员照料护理标准（农村）：全自理").every(12);
    TEKUN_CARE_PARTIAL_CARE = def("tekun.care.partialCare", YuanPerPersonMonth, "特困人员照料护理标准（农村）：半护理").every(12);
    TEKUN_CARE_FULL_CARE = def("tekun.care.fullCare", YuanPerPersonMonth, "特困人员照料护理标准（农村）：全护理").every(12);
    TEKUN_CARE_URBAN_SELF_CARE = def("tekun.careUrban.selfCare", YuanPerPersonMonth, "特困人员照料护理标准（城市）：全自理").every(12)
        .about("城市特困人员的照料护理标准；农村为 tekun.care.*。");
    TEKUN_CARE_URBAN_PARTIAL_CARE = def("tekun.careUrban.partialCare", YuanPerPersonMonth, "特困人员照料护理标准（城市）：半护理").every(12)
        .about("城市特困人员的照料护理标准；农村为 tekun.care.*。");
    TEKUN_CARE_URBAN_FULL_CARE = def("tekun.careUrban.fullCare", YuanPerPersonMonth, "特困人员照料护理标准（城市）：全护理").every(12)
        .about("城市特困人员的照料护理标准；农村为 tekun.care.*。");
    TEKUN_SUPPORT_URBAN_CONCENTRATED = def("tekun.supportStandard.urbanConcentrated", YuanPerPersonYear, "特困人员供养标准：城市集中供养")
        .every(12).informational().about("全省或市公布的特困人员年供养标准（哈尔滨市区为全自理人员标准）。仅供参考，计算按低保标准的倍数加照料护理标准。");
    TEKUN_SUPPORT_URBAN_DISPERSED = def("tekun.supportStandard.urbanDispersed", YuanPerPersonYear, "特困人员供养标准：城市分散供养")
        .every(12).informational().about("全省或市公布的特困人员年供养标准（哈尔滨市区为全自理人员标准）。仅供参考，计算不读取。");
    TEKUN_SUPPORT_RURAL_CONCENTRATED = def("tekun.supportStandard.ruralConcentrated", YuanPerPersonYear, "特困人员供养标准：农村集中供养")
        .every(12).informational().about("全省或市公布的特困人员年供养标准（哈尔滨市区为全自理人员标准）。仅供参考，计算不读取。");
    TEKUN_SUPPORT_RURAL_DISPERSED = def("tekun.supportStandard.ruralDispersed", YuanPerPersonYear, "特困人员供养标准：农村分散供养")
        .every(12).about("全省或市公布的农村分散供养特困人员年供养标准（哈尔滨市区为全自理人员标准）。农村特困人员每月供养（基本生活 + 照料护理）不低于本标准 ÷ 12。");
    // 临时救助: 四(十)
    TEMPORARY_MONTHS_GENERAL = def("temporary.monthsGeneral", Months, "临时救助：一般困难救助月数（家庭月低保标准的倍数）").limits(Limits::whole(0, 60));
    TEMPORARY_MONTHS_SEVERE = def("temporary.monthsSevere", Months, "临时救助：严重困难救助月数（超出部分县级一事一议）").limits(Limits::whole(0, 60));
    TEMPORARY_SEVERE_SPENDING_SHARE = def("temporary.severeSpendingShare", Rate, "临时救助：刚性支出达到家庭年收入的该比例即为严重困难")
        .limits(Limits::SHARE_OF_INCOME);
    // 医疗保障: 四(十一)
    MEDICAL_BASIC_DEDUCTIBLE_TOWNSHIP = def("medical.basic.deductible.township", Yuan, "基本医保住院起付线：乡镇卫生院").every(12);
    MEDICAL_BASIC_DEDUCTIBLE_COUNTY = def("medical.basic.deductible.county", Yuan, "基本医保住院起付线：县级医院").every(12);
    MEDICAL_BASIC_DEDUCTIBLE_CITY = def("medical.basic.deductible.city", Yuan, "基本医保住院起付线：市级医院").every(12);
    MEDICAL_BASIC_DEDUCTIBLE_PROVINCE = def("medical.basic.deductible.province", Yuan, "基本医保住院起付线：省级医院").every(12);
    MEDICAL_BASIC_RATE_TOWNSHIP = def("medical.basic.rate.township", Rate, "基本医保报销比例：乡镇卫生院").every(12);
    MEDICAL_BASIC_RATE_COUNTY = def("medical.basic.rate.county", Rate, "基本医保报销比例：县级医院").every(12);
    MEDICAL_BASIC_RATE_CITY = def("medical.basic.rate.city", Rate, "基本医保报销比例：市级医院").every(12);
    MEDICAL_BASIC_RATE_PROVINCE = def("medical.basic.rate.province", Rate, "基本医保报销比例：省级医院").every(12);
    MEDICAL_BASIC_ANNUAL_CAP = def("medical.basic.annualCap", Yuan, "基本医保年度最高支付限额").every(12);
    MEDICAL_CRITICAL_BAND_THRESHOLD = def("medical.criticalIllness.bandThreshold", Yuan, "大病保险分段：高比例段起点（合规费用超过起付线的部分）").every(12);
    MEDICAL_CRITICAL_HIGH_RATE = def("medical.criticalIllness.highRate", Rate, "大病保险高段报销比例").every(12);
    MEDICAL_ASSISTANCE_RATE_TEKUN = def("medical.assistance.rate.tekun", Rate, "医疗救助比例：特困人员");
    MEDICAL_ASSISTANCE_RATE_MONITORED = def("medical.assistance.rate.monitored", Rate, "医疗救助比例：返贫致贫人口（已纳入监测）");
    MEDICAL_ASSISTANCE_ANNUAL_CAP = def("medical.assistance.annualCap", Yuan, "医疗救助年度救助限额").every(12);
    MEDICAL_CRITICAL_DEDUCTIBLE = def("medical.criticalIllness.deductible", Yuan, "大病保险起付线").every(12);
    MEDICAL_CRITICAL_RATE = def("medical.criticalIllness.rate", Rate, "大病保险报销比例").every(12);
    MEDICAL_CRITICAL_TILT_DEDUCTIBLE_FACTOR = def("medical.criticalIllness.tiltDeductibleFactor", Rate, "大病保险倾斜：起付线系数（低保、特困、返贫致贫人口）");
    MEDICAL_CRITICAL_TILT_RATE_BONUS = def("medical.criticalIllness.tiltRateBonus", Rate, "大病保险倾斜：报销比例提高");
    MEDICAL_ASSISTANCE_RATE = def("medical.assistance.rate", Rate, "医疗救助比例（重点救助对象）");
    // 分类资助参保: 二(三)
    MEDICAL_PREMIUM_INDIVIDUAL = def("medicalPremium.individual", YuanPerPersonYear, "城乡居民基本医疗保险个人缴费标准").every(12);
    MEDICAL_PREMIUM_SHARE_TEKUN = def("medicalPremium.paidShare.tekun", Rate, "资助参保比例（个人缴费的比例）：特困人员");
    MEDICAL_PREMIUM_SHARE_DIBAO = def("medicalPremium.paidShare.dibao", Rate, "资助参保比例（个人缴费的比例）：低保对象");
    MEDICAL_PREMIUM_SHARE_RETURNED = def("medicalPremium.paidShare.returned", Rate, "资助参保比例（个人缴费的比例）：返贫致贫人口");
    MEDICAL_PREMIUM_SHARE_MONITORED = def("medicalPremium.paidShare.monitored", Rate, "资助参保比例（个人缴费的比例）：其他监测对象");
    MEDICAL_PREMIUM_SHARE_ALLEVIATED = def("medicalPremium.paidShare.alleviated", Rate, "资助参保比例（个人缴费的比例）：脱贫人口（过渡期）");
    // 住房安全、农村危房改造: 二(三), 三(八)
    HOUSING_SUBSIDY_REPAIR = def("housing.subsidy.repair", Yuan, "农村危房改造补助：C级维修加固（每户）").every(12);
    HOUSING_SUBSIDY_REBUILD = def("housing.subsidy.rebuild", Yuan, "农村危房改造补助：D级拆除重建（每户）").every(12);
    HOUSING_SUBSIDY_SEISMIC = def("housing.subsidy.seismic", Yuan, "农房抗震改造补助（每户）").every(12);
    HOUSING_SEISMIC_ZONE = def("housing.seismicZone", Flag, "是否地震高烈度设防地区（按县）")
        .about("1：该县（市、区）属地震高烈度设防地区，实施农房抗震改造；0：不属。");
    // 养老保险: 四(十二)
    PENSION_NATIONAL_MINIMUM_BASIC = def("pension.nationalMinimumBasic", YuanPerMonth, "城乡居民养老保险全国基础养老金最低标准")
        .every(12).informational();
    PENSION_LOWEST_TIER = def("pension.lowestTier", YuanPerYear, "城乡居民养老保险最低缴费档次").every(12);
    PENSION_PAID_SHARE_TEKUN = def("pension.paidShare.tekun", Rate, "政府代缴比例：特困人员");
    PENSION_PAID_SHARE_DIBAO = def("pension.paidShare.dibao", Rate, "政府代缴比例：低保对象");
    PENSION_PAID_SHARE_RETURNED = def("pension.paidShare.returnedToPoverty", Rate, "政府代缴比例：返贫致贫人口");
    PENSION_PAID_SHARE_SEVERE_DISABILITY = def("pension.paidShare.severeDisability", Rate, "政府代缴比例：重度残疾人");
    // 孤儿、事实无人抚养儿童: 四(十二)
    ORPHAN_STANDARD_INSTITUTION = def("orphan.standard.institution", YuanPerPersonMonth, "孤儿基本生活保障标准：集中养育").every(12);
    ORPHAN_STANDARD_DISPERSED = def("orphan.standard.dispersed", YuanPerPersonMonth, "孤儿基本生活保障标准：社会散居（事实无人抚养儿童参照）").every(12);
    ORPHAN_CONTINUES_AT_SCHOOL = def("orphan.continuesAtSchool", Flag, "孤儿、事实无人抚养儿童年满18周岁后仍在校就读的继续发放（按地区）")
        .about("1：年满18周岁后仍在普通高中、中等职业学校、高等职业学校、全日制普通高校就读的，继续发放基本生活费；0：满18周岁即停发。");
    // 残疾儿童康复救助: 四(十二)
    CHILD_REHAB_AGE_MAX = def("childRehabilitation.ageMax", Years, "残疾儿童康复救助年龄上限（含）").limits(Limits::whole(0, 17));
    CHILD_REHAB_TRAINING = def("childRehabilitation.ceiling.training", YuanPerYear, "残疾儿童康复救助：康复训练年度上限").every(12);
    CHILD_REHAB_DEVICES = def("childRehabilitation.ceiling.devices", YuanPerYear, "残疾儿童康复救助：辅助器具适配年度上限").every(12);
    CHILD_REHAB_SURGERY = def("childRehabilitation.ceiling.surgery", YuanPerYear, "残疾儿童康复救助：手术年度上限").every(12);
    // 教育: 三(八), 六(十九)
    EDUCATION_NUTRITION_PER_DAY = def("education.nutrition.perDay", YuanPerDay, "农村义务教育学生营养改善计划补助");
    EDUCATION_NUTRITION_PILOT = def("education.nutrition.pilot", Flag, "是否实施农村义务教育学生营养改善计划（按县）")
        .about("1：该县（市、区）实施农村义务教育学生营养改善计划；0：未实施。");
    EDUCATION_YULU_ANNUAL = def("education.yulu.annual", YuanPerYear, "雨露计划职业教育补助");
    EDUCATION_YULU_AGE_MAX = def("education.yulu.ageMax", Years, "雨露计划：按家庭子女计的最大年龄（含）").limits(Limits::whole(15, 60))
        .about("家庭信息没有成员与户主的关系：在读中职、高职的成员不超过这个年龄的，按脱贫家庭（监测户）子女计雨露计划；超过的不计。");
    EDUCATION_SENIOR_HIGH_GRANT = def("education.seniorHighGrant.average", YuanPerYear, "普通高中国家助学金平均标准");
    EDUCATION_SCHOOL_DAYS = def("education.schoolDaysPerYear", Days, "营养改善计划：全年在校天数").limits(Limits::whole(1, 366));
    EDUCATION_BOARDING_PRIMARY = def("education.boarding.primary", YuanPerYear, "寄宿生生活补助：小学");
    EDUCATION_COMPULSORY_AGE_MIN = def("education.compulsoryAgeMin", Years, "义务教育适龄：起始年龄").limits(Limits::whole(0, 20));
    EDUCATION_COMPULSORY_AGE_MAX = def("education.compulsoryAgeMax", Years, "义务教育适龄：最大年龄（含）").limits(Limits::whole(0, 20))
        .about("年满起始年龄入学、接受九年义务教育：适龄为起始年龄至起始年龄 + 9（含当年满该岁者）。用于“控辍保学”提醒。");
    EDUCATION_SCHOOL_YEAR_START_MONTH = def("education.schoolYearStartMonth", MonthOfYear, "学年开始的月份（该月1日入学）")
        .about("年满起始年龄后的第一个该月1日起才是义务教育适龄：取9即9月1日入学，8月31日（含）前年满6周岁的当年入学。用于“控辍保学”提醒。");
    EDUCATION_BOARDING_JUNIOR = def("education.boarding.junior", YuanPerYear, "寄宿生生活补助：初中");
    // 金融: 六(十七)
    MICROCREDIT_CAP = def("credit.microcredit.cap", Yuan, "脱贫人口小额信贷额度上限");
    MICROCREDIT_TERM_YEARS = def("credit.microcredit.termYears", Years, "脱贫人口小额信贷期限上限").limits(Limits::whole(1, 30));
    GUARANTEE_LOAN_INDIVIDUAL_CAP = def("credit.guaranteeLoan.individualCap", Yuan, "创业担保贷款个人额度上限");
    LPR_ONE_YEAR = def("credit.lpr1y", Rate, "一年期贷款市场报价利率（LPR）").every(12);
    MICROCREDIT_SUBSIDY_SHARE_OF_LPR = def("credit.microcredit.subsidyShareOfLpr", Rate, "脱贫人口小额信贷财政贴息（占一年期LPR的比例）");
    // 防贫保险: 六(十七)
    POVERTY_INSURANCE_ADOPTED = def("povertyInsurance.adopted", Flag, "是否开办防贫保险（按县）")
        .about("1：该县（市、区）开办防贫保险；0：未开办。");
    POVERTY_INSURANCE_LINE_MULTIPLE = def("povertyInsurance.lineMultiple", Multiple, "防贫保险防贫线（监测收入标准的倍数）");
    POVERTY_INSURANCE_PAYOUT_RATE = def("povertyInsurance.payoutRate", Rate, "防贫保险赔付比例（缺口的比例）");
    POVERTY_INSURANCE_CAP = def("povertyInsurance.cap", Yuan, "防贫保险每户年度赔付上限").every(12);
    // 以工代赈、公益岗位: 三(六), 六(十六)
    WORK_RELIEF_REMUNERATION_SHARE = def("workRelief.remunerationShare", Rate, "以工代赈中央资金劳务报酬占比下限");
    WORK_RELIEF_KEY_PROJECT_SHARE = def("workRelief.keyProjectRemunerationShare", Rate, "以工代赈重点项目劳务报酬占比下限");
    // 扶贫项目资产: 二(四)
    ASSETS_DISPOSAL_TOWNSHIP_LIMIT = def("assets.disposal.townshipLimit", Yuan, "扶贫项目资产处置：乡镇审批限额（账面价值）")
        .about("账面价值不超过本额的处置由乡镇人民政府审批（村集体资产先经村民会议或村民代表会议决议），超过的报县级。");
    ASSETS_DISPOSAL_COUNTY_DEPARTMENT_LIMIT = def("assets.disposal.countyDepartmentLimit", Yuan, "扶贫项目资产处置：县级主管部门审批限额（账面价值）")
        .about("账面价值不超过本额的处置由县级行业主管部门会同财政部门审批，超过的报县级人民政府。");
    ASSETS_SCOPE_FROM = def("assets.scopeFrom", Date, "扶贫项目资产范围的起点（党的十八大召开之日）").calendar()
        .about("此后形成的资产纳入扶贫项目资产台账（国办函〔2021〕51号：党的十八大以来）。");
    FOREST_RANGER_PAY = def("employment.forestRangerPay", YuanPerYear, "生态护林员年补助（每人）").every(12);
    PUBLIC_POST_MONTHLY = def("publicPost.monthly", YuanPerMonth, "乡村公益岗位补贴（每岗）").every(12);
    PUBLIC_POST_AGE_MIN = def("publicPost.ageMin", Years, "乡村公益岗位聘任年龄下限").limits(Limits::whole(0, 120));
    PUBLIC_POST_AGE_MAX = def("publicPost.ageMax", Years, "乡村公益岗位聘任年龄上限（含）").limits(Limits::whole(0, 120));
    PUBLIC_POST_PER_HOUSEHOLD = def("publicPost.perHousehold", Persons, "乡村公益岗位：每户至多聘任人数");
    FOREST_RANGER_PER_HOUSEHOLD = def("employment.forestRanger.perHousehold", Persons, "生态护林员：每户至多选聘人数");
}

pub fn find(name: &str) -> Option<&'static Spec> {
    ALL.iter().find(|s| s.name == name).copied()
}

/// The known name nearest to `name` (edit distance), to suggest when a name is unknown. `None` for
/// very long text (nothing near) or when nothing is within half the name's length.
pub fn nearest(name: &str) -> Option<&'static str> {
    nearest_among(name, ALL.iter().map(|s| s.name))
}

/// Of `candidates`, the one `name` is most likely a misspelling of (a few letters off), if any:
/// `wage` → `wages`.
pub fn nearest_among<'c>(
    name: &str,
    candidates: impl IntoIterator<Item = &'c str>,
) -> Option<&'c str> {
    let len = name.chars().count();
    if len == 0 || len > 80 {
        return None;
    }
    let lower = name.to_ascii_lowercase();
    let (best, distance) = candidates
        .into_iter()
        .map(|c| (c, edit_distance(&lower, &c.to_ascii_lowercase())))
        .min_by_key(|(_, d)| *d)?;
    (distance.saturating_mul(2) <= len.max(4)).then_some(best)
}

/// Levenshtein distance over characters, with one row of memory.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = i;
        let mut left = i.saturating_add(1);
        let mut next = Vec::with_capacity(row.len());
        next.push(left);
        for (j, cb) in b.iter().enumerate() {
            let up = row.get(j.saturating_add(1)).copied().unwrap_or(usize::MAX);
            let cost = usize::from(ca != *cb);
            let value = diagonal
                .saturating_add(cost)
                .min(up.saturating_add(1))
                .min(left.saturating_add(1));
            next.push(value);
            diagonal = up;
            left = value;
        }
        row = next;
    }
    row.last().copied().unwrap_or(0)
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

    #[test]
    fn nearest_names() {
        assert_eq!(
            nearest("dibao.standard.rurall"),
            Some("dibao.standard.rural")
        );
        assert_eq!(
            nearest("Dibao.Standard.Urban"),
            Some("dibao.standard.urban")
        );
        assert_eq!(nearest("minimumwage.tier"), Some("minimumWage.tier"));
        assert_eq!(nearest("zzzzzzzzzzzzzzzzzzzzzzz"), None);
        assert_eq!(nearest(&"x".repeat(10_000)), None);
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
