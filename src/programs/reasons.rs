//! Why a programme decided as it did, as ids: every result carries `why` (explained or not), and
//! `labels().reason` gives each id a fixed Chinese sentence without figures, so a page can say why
//! from a lean answer. The explained `reasons` say the same with the figures.

use serde::{Serialize, Serializer};

macro_rules! reasons {
    ($($variant:ident $id:literal $text:literal;)*) => {
        /// One reason a result gives in `why`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Reason {
            $($variant,)*
        }

        impl Reason {
            /// Every reason, grouped by programme.
            pub const ALL: &'static [Reason] = &[$(Reason::$variant,)*];

            /// The id results carry, `<programme>.<what>`.
            pub fn id(self) -> &'static str {
                match self { $(Reason::$variant => $id,)* }
            }

            /// The fixed Chinese sentence (`labels().reason[id]`).
            pub fn text(self) -> &'static str {
                match self { $(Reason::$variant => $text,)* }
            }
        }
    };
}

reasons! {
    // 最低生活保障
    DibaoAllTekun            "dibao.allTekun"            "全部成员纳入特困供养，不再另行计算低保。";
    DibaoTekunMembersOut     "dibao.tekunMembersOut"     "部分成员纳入特困供养，低保按其余成员计算。";
    DibaoAllowanceChildrenOut "dibao.allowanceChildrenOut" "孤儿、事实无人抚养儿童领取其基本生活费，不计入家庭低保（只享受一项基本生活保障）。";
    DibaoAssetsFailed        "dibao.assetsFailed"        "家庭财产状况不符合低保条件。";
    DibaoIncomeBelowStandard "dibao.incomeBelowStandard" "人均月收入低于低保标准，纳入低保，按差额补差。";
    DibaoSupplement          "dibao.supplement"          "有成员属重度残疾人、重病患者、老年人或未成年人，加发低保金。";
    DibaoIncomeNotBelowStandard "dibao.incomeNotBelowStandard" "人均月收入不低于低保标准，不能按差额补差纳入低保。";
    DibaoMarginal            "dibao.marginal"            "人均收入低于低保边缘家庭的收入标准（低保标准的规定倍数），属低保边缘家庭。";
    DibaoSinglePerson        "dibao.singlePerson"        "低保边缘家庭中的重度残疾人、重病患者参照“单人户”纳入低保。";
    DibaoSinglePersonAlone   "dibao.singlePersonAlone"   "低保只计一人：“单人户”是把家庭中的个别成员单独纳入低保，一人户已按本人收入核算，不再参照。";
    DibaoSupplementChanges   "dibao.supplementChanges"   "有成员的加发在12个月内到期（未成年人成年）或开始（进入老年人年龄）：全年按各月的加发计算。";
    DibaoMemberJoins         "dibao.memberJoins"         "有成员在12个月内年满18周岁，不再领取孤儿、事实无人抚养儿童基本生活费或特困供养到期：此后计入家庭低保，全年按各月计算。";
    DibaoJoinsLater          "dibao.joinsLater"          "测算日期不享受低保，有成员在12个月内年满18周岁，不再领取孤儿、事实无人抚养儿童基本生活费或特困供养到期：此后纳入低保，月额为0，全年只计纳入后的月份。";
    DibaoGradualExit         "dibao.gradualExit"         "务工收入增加后处于低保渐退期，期内按月发放。";
    DibaoGradualExitEnded    "dibao.gradualExitEnded"    "低保渐退期已经结束。";
    DibaoGradualExitFirst    "dibao.gradualExitFirst"    "渐退期内该户仍是低保家庭，不参照“单人户”另行计算。";
    // 特困人员救助供养
    TekunEligible            "tekun.eligible"            "有成员同时满足无劳动能力、无生活来源、无法定义务人（或义务人无履行能力）三项条件，纳入特困供养。";
    TekunSupportFloor        "tekun.supportFloor"        "基本生活标准加照料护理费低于农村分散供养特困人员供养标准，按供养标准供养。";
    TekunOrphanAllowance     "tekun.orphanAllowance"     "孤儿、事实无人抚养儿童已领取基本生活费，不再认定为特困人员（只享受一项基本生活保障）。";
    TekunNoneEligible        "tekun.noneEligible"        "没有成员同时满足无劳动能力、无生活来源、无法定义务人（或义务人无履行能力）三项条件：不符合特困供养。";
    TekunCapable             "tekun.capable"             "成员有劳动能力。";
    TekunHasMeans            "tekun.hasMeans"            "成员本人月收入不低于低保标准，有生活来源。";
    TekunHasSupporter        "tekun.hasSupporter"        "成员有能履行义务的法定赡养、抚养、扶养义务人。";
    // 临时救助
    TemporaryNoEvent         "temporary.noEvent"         "未遭遇突发事件，也不是登记了刚性支出的低保家庭，不涉及临时救助。";
    TemporarySpending        "temporary.spending"        "低保家庭没有登记突发事件、登记了刚性支出：按生活必需支出突然增加超出家庭承受能力（支出型）测算临时救助。";
    TemporaryNoNeed          "temporary.noNeed"          "扣除刚性支出后的家庭收入加上低保、特困供养的年额，不低于全年低保标准：基本生活未陷入暂时困难，不予临时救助。";
    TemporaryOneOff          "temporary.oneOff"          "突发事件或低保家庭必需支出增加导致基本生活暂时困难，可给予一次性临时救助。";
    TemporaryCaseByCase      "temporary.caseByCase"      "缺口超出救助上限，超出部分可报县级“一事一议”。";
    // 城乡居民养老保险代缴
    PensionLowestTierPaid    "pension.lowestTierPaid"    "有成员属代缴对象，政府代缴最低缴费档次的养老保险费，提高缴费档次时可保留现行最低档次。";
    PensionNoneCovered       "pension.noneCovered"       "没有成员属于代缴对象。";
    PensionKeepsLowestTier   "pension.keepsLowestTier"   "有成员属其他已脱贫人口（脱贫户或脱贫不稳定户），提高缴费档次时可保留现行最低档次。";
    PensionReturnedOnly      "pension.returnedOnly"      "监测对象中只有已认定为返贫致贫的人口属代缴对象，该户未认定。";
    // 教育资助
    EducationNoStudents      "education.noStudents"      "家中没有在校学生。";
    EducationAided           "education.aided"           "在校学生可享受适用的教育资助项目。";
    EducationNoAid           "education.noAid"           "在校学生没有本计算器计算的资助项目。";
    EducationNotInDifficulty "education.notInDifficulty" "不属家庭经济困难学生家庭（脱贫户、监测户或低保、特困家庭）。";
    EducationNoNutritionPlan "education.noNutritionPlan" "所在县未实施农村义务教育学生营养改善计划。";
    EducationYuluEnded       "education.yuluEnded"       "雨露计划补助期已经结束，过渡期后的延续政策请核对当地现行通知。";
    EducationYuluOverAge     "education.yuluOverAge"     "在读中职、高职的成员超过按家庭子女计的年龄（参数）：不计雨露计划。";
    EducationNotComputed     "education.notComputed"     "学前、中职、高职、大学学生的国家助学金、学前资助等本计算器未计算：未计入金额，不等于没有资助。";
    // 孤儿、事实无人抚养儿童基本生活费
    OrphanAllowanceNoChild   "orphanAllowance.noChild"   "家中没有登记为孤儿或事实无人抚养儿童的成员。";
    OrphanAllowancePaid      "orphanAllowance.paid"      "孤儿、事实无人抚养儿童按当地标准按月发放基本生活费。";
    OrphanAllowanceAgedOut   "orphanAllowance.agedOut"   "儿童已满未成年人年龄（且不属仍在校就读继续发放的），不再按孤儿、事实无人抚养儿童发放基本生活费。";
    // 残疾儿童康复救助
    ChildRehabilitationNoChild     "childRehabilitation.noChild"     "家中没有登记残疾类别的未成年人。";
    ChildRehabilitationCovered     "childRehabilitation.covered"     "残疾儿童可申请康复救助，按年度上限由定点康复机构结算。";
    ChildRehabilitationOverAge     "childRehabilitation.overAge"     "儿童超过救助年龄。";
    ChildRehabilitationTypeNotNamed "childRehabilitation.typeNotNamed" "儿童的残疾类别不在国家残疾儿童康复救助制度所列类别中（县级可扩大范围）。";
    // 访视照料服务、失能特困人员集中供养
    CareServicesNotInDifficulty "careServices.notInDifficulty" "不属困难家庭，不在政府购买访视照料服务范围内。";
    CareServicesVisitCare    "careServices.visitCare"    "困难家庭中生活不能自理的老年人、未成年人、残疾人可获得政府购买的访视、照料服务。";
    CareServicesInstitutionalCare "careServices.institutionalCare" "失能、部分失能的特困老年人可优先在县乡养老机构集中供养。";
    CareServicesNoneNeedsCare "careServices.noneNeedsCare" "没有生活不能自理的老年人、未成年人或残疾人。";
    // 乡村公益岗位
    PublicPostUrban          "publicPost.urban"          "城市家庭不在乡村公益岗位范围内。";
    PublicPostNotCovered     "publicPost.notCovered"     "不是脱贫户或监测户，不在乡村公益岗位选聘范围内。";
    PublicPostOrderlyExit    "publicPost.orderlyExit"    "家庭收入已稳定超过监测标准：按“有序退岗”不再安排乡村公益岗位。";
    PublicPostNoCandidate    "publicPost.noCandidate"    "家中没有可聘任乡村公益岗位的弱劳力、半劳力。";
    PublicPostPosts          "publicPost.posts"          "弱劳力、半劳力可聘任乡村公益岗位，在岗领取补贴。";
    // 生态护林员
    ForestRangerUrban        "forestRanger.urban"        "城市家庭不在生态护林员选聘范围内（按只从农村家庭中选聘计）。";
    ForestRangerNotCovered   "forestRanger.notCovered"   "不是脱贫户或监测户，不在生态护林员选聘范围内。";
    ForestRangerNoCandidate  "forestRanger.noCandidate"  "家中没有可选聘为生态护林员的成员。";
    ForestRangerPosts        "forestRanger.posts"        "有劳动能力的成员可选聘为生态护林员，领取劳务补助。";
    ForestRangerPriority     "forestRanger.priority"     "已登记为脱贫不稳定户或边缘易致贫户：优先选聘。";
    // 分类资助参保
    MedicalPremiumSubsidised "medicalPremium.subsidised" "政府按成员所属群体资助医保个人缴费，家庭缴纳其余部分。";
    MedicalPremiumNoneSubsidised "medicalPremium.noneSubsidised" "没有成员享受资助参保。";
    MedicalPremiumUninsured  "medicalPremium.uninsured"  "有成员未参加基本医疗保险：请动员参保。";
    MedicalPremiumTransitionEnded "medicalPremium.transitionEnded" "过渡期已经结束：之后的资助比例是本计算器的假设，请核对当地现行通知。";
    // 住房安全
    HousingUrban             "housing.urban"             "城市家庭不属农村危房改造范围。";
    HousingSubsidy           "housing.subsidy"           "可申请危房改造或农房抗震改造补助（验收后拨付，专用于住房）。";
    HousingNotAppraised      "housing.notAppraised"      "住房安全未保障但未鉴定：请先做农村房屋安全性鉴定。";
    HousingNotProtected      "housing.notProtected"      "不属农村住房安全保障对象。";
    HousingNoRenovation      "housing.noRenovation"      "房屋无需改造，或尚未鉴定。";
    // 防贫保险、扶贫小额保险
    PovertyInsuranceNotCovered "povertyInsurance.notCovered" "不在防贫保险保障范围内。";
    PovertyInsuranceNotAdopted "povertyInsurance.notAdopted" "所在县未开办防贫保险，不涉及理赔。";
    PovertyInsuranceAboveLine "povertyInsurance.aboveLine" "扣除刚性支出后人均收入不低于防贫线，不触发理赔。";
    PovertyInsurancePayout   "povertyInsurance.payout"   "扣除刚性支出后收入低于防贫线：防贫保险可赔付。";
    // 防止返贫动态监测
    MonitoringRegistered     "monitoring.registered"     "该户已纳入防返贫监测，类别以登记为准。";
    MonitoringUrban          "monitoring.urban"          "城市家庭不纳入防止返贫动态监测，请按低收入人口动态监测办理。";
    MonitoringUnstable       "monitoring.unstable"       "脱贫户人均纯收入低于监测标准或“两不愁三保障”及饮水安全未保障：属脱贫不稳定户，应纳入监测。";
    MonitoringMarginal       "monitoring.marginal"       "一般农户人均纯收入低于监测标准或“两不愁三保障”及饮水安全未保障：属边缘易致贫户，应纳入监测。";
    MonitoringSuddenHardship "monitoring.suddenHardship" "因病因灾因意外事故等刚性支出较大或收入大幅缩减，基本生活出现严重困难：属突发严重困难户，应纳入监测。";
    MonitoringRisksFound     "monitoring.risksFound"     "该户已纳入防返贫监测（未登记类别）；本次测算仍有返贫致贫风险，见所列风险。";
    MonitoringNoNewRisk      "monitoring.noNewRisk"      "该户已纳入防返贫监测；本次测算未发现新的返贫致贫风险，类别以登记为准。";
    MonitoringNotInScope     "monitoring.notInScope"     "人均纯收入不低于监测标准，“两不愁三保障”及饮水安全均有保障，未发现突发严重困难：暂不纳入监测。";
    MonitoringUrbanRegistered "monitoring.urbanRegistered" "城市家庭，但已登记为脱贫户或监测户：仍按登记纳入防止返贫动态监测。";
    MonitoringCaseByCase     "monitoring.caseByCase"     "遭遇重大自然灾害或家庭重大变故：实行“一事一议”。";
    MonitoringDevelopment    "monitoring.development"    "家中有劳动能力的成员：坚持开发式帮扶，强化产业、就业帮扶。";
    MonitoringSafetyNet      "monitoring.safetyNet"      "家中无劳动能力的成员：强化兜底保障，确保基本生活不出问题。";
    MonitoringIncomeBelowLine "monitoring.incomeBelowLine" "风险消除：人均纯收入仍低于监测标准。";
    MonitoringNotYetStable   "monitoring.notYetStable"   "风险消除：收入稳定超过监测标准的月数未满。";
    MonitoringGuaranteesUnsecured "monitoring.guaranteesUnsecured" "风险消除：“两不愁三保障”及饮水安全尚未全部保障。";
    MonitoringStillSuddenHardship "monitoring.stillSuddenHardship" "风险消除：仍有突发严重困难。";
    MonitoringNoLabour       "monitoring.noLabour"       "风险消除：家庭无劳动能力，落实兜底保障后不标注风险消除，持续跟踪。";
    MonitoringRiskEliminable "monitoring.riskEliminable" "收入持续稳定超过监测标准已满规定月数，“两不愁三保障”及饮水安全有保障：可按程序标注风险消除。";
    // 医疗保障（三重保障）
    MedicalCovered           "medical.covered"           "基本医保、大病保险、医疗救助依次支付，个人自付其余部分。";
    MedicalNotCovered        "medical.notCovered"        "三重保障均未支付，费用由个人负担。";
    MedicalTilt              "medical.tilt"              "低保对象、特困人员、返贫致贫人口享受大病保险倾斜（起付线降低、支付比例提高）。";
    MedicalNoAssistance      "medical.noAssistance"      "不在本计算器所计的医疗救助对象内。";
    // 脱贫人口小额信贷
    MicrocreditEligible      "microcredit.eligible"      "符合脱贫人口小额信贷条件，财政贴息。";
    MicrocreditNotAlleviated "microcredit.notAlleviated" "借款人不是脱贫人口或监测对象。";
    MicrocreditSuddenHardship "microcredit.suddenHardship" "突发严重困难户不属脱贫人口小额信贷对象（面向脱贫户和边缘易致贫户）。";
    MicrocreditBeforeWindow  "microcredit.beforeWindow"  "测算日期尚在政策期前。";
    MicrocreditAfterWindow   "microcredit.afterWindow"   "政策期已经结束，过渡期后的延续政策请核对当地现行通知。";
    MicrocreditOverCap       "microcredit.overCap"       "贷款金额超过上限。";
    MicrocreditTermTooLong   "microcredit.termTooLong"   "贷款期限超过规定年限。";
    MicrocreditRateAboveLpr  "microcredit.rateAboveLpr"  "贷款利率高于一年期LPR。";
    // 创业担保贷款
    GuaranteeLoanWithinCap   "guaranteeLoan.withinCap"   "申请额度在个人额度上限以内。";
    GuaranteeLoanOverCap     "guaranteeLoan.overCap"     "申请额度超过个人额度上限，可按上限贷款。";
    // 保险+期货
    InsuranceFuturesPayout   "insuranceFutures.payout"   "结算价格低于目标价格，按差价赔付。";
    InsuranceFuturesNoPayout "insuranceFutures.noPayout" "结算价格不低于目标价格，不触发赔付。";
    // 以工代赈
    WorkReliefRemuneration   "workRelief.remuneration"   "项目应带动当地群众务工，按中央预算内投资的规定比例发放劳务报酬，并及时足额发放。";
}

impl Serialize for Reason {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

/// How many reasons a result holds without allocating (no programme gives more today; more spill
/// to the heap).
const WHY_INLINE: usize = 8;

/// A result's `why`: its reasons in the order given, written out as the array of their ids. Held
/// inline (a result is made for every programme of every household), spilling to a `Vec` only past
/// [`WHY_INLINE`].
#[derive(Clone, Debug)]
pub struct Why {
    inline: [Reason; WHY_INLINE],
    len: usize,
    spilled: Vec<Reason>,
}

impl Default for Why {
    fn default() -> Self {
        Why {
            // Filler: only the first `len` are reasons.
            inline: [Reason::DibaoAllTekun; WHY_INLINE],
            len: 0,
            spilled: Vec::new(),
        }
    }
}

impl Why {
    /// The reasons `reasons`, in their order.
    pub fn of(reasons: &[Reason]) -> Why {
        let mut why = Why::default();
        why.extend(reasons.iter().copied());
        why
    }

    pub fn push(&mut self, reason: Reason) {
        if !self.spilled.is_empty() {
            return self.spilled.push(reason);
        }
        match self.inline.get_mut(self.len) {
            Some(slot) => {
                *slot = reason;
                self.len = self.len.saturating_add(1);
            }
            None => {
                self.spilled.extend_from_slice(&self.inline);
                self.spilled.push(reason);
            }
        }
    }

    pub fn as_slice(&self) -> &[Reason] {
        if self.spilled.is_empty() {
            self.inline.get(..self.len).unwrap_or_default()
        } else {
            &self.spilled
        }
    }
}

impl Extend<Reason> for Why {
    fn extend<I: IntoIterator<Item = Reason>>(&mut self, reasons: I) {
        for r in reasons {
            self.push(r);
        }
    }
}

impl<'a> Extend<&'a Reason> for Why {
    fn extend<I: IntoIterator<Item = &'a Reason>>(&mut self, reasons: I) {
        self.extend(reasons.into_iter().copied());
    }
}

impl FromIterator<Reason> for Why {
    fn from_iter<I: IntoIterator<Item = Reason>>(reasons: I) -> Self {
        let mut why = Why::default();
        why.extend(reasons);
        why
    }
}

impl std::ops::Deref for Why {
    type Target = [Reason];
    fn deref(&self) -> &[Reason] {
        self.as_slice()
    }
}

impl PartialEq for Why {
    fn eq(&self, other: &Why) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl Eq for Why {}

impl Serialize for Why {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.as_slice())
    }
}

/// A [`Why`] of the reasons listed, in their order.
macro_rules! why {
    ($($reason:expr),* $(,)?) => {
        $crate::programs::reasons::Why::of(&[$($reason),*])
    };
}
pub(crate) use why;

/// The reason of an id, if there is one.
pub fn reason(id: &str) -> Option<Reason> {
    Reason::ALL.iter().copied().find(|r| r.id() == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::programs::registry::{OTHER_PROGRAMMES, PROGRAMMES};

    #[test]
    fn ids_are_unique_and_name_their_programme() {
        for (i, r) in Reason::ALL.iter().enumerate() {
            assert!(
                Reason::ALL[..i].iter().all(|o| o.id() != r.id()),
                "{}",
                r.id()
            );
            let (programme, what) = r.id().split_once('.').unwrap();
            assert!(!what.is_empty() && r.id().is_ascii());
            let known = PROGRAMMES.iter().any(|p| p.id == programme)
                || OTHER_PROGRAMMES.iter().any(|(id, _)| *id == programme);
            assert!(known, "{}: not a programme's id", r.id());
            assert!(r.text().ends_with('。'), "{}", r.id());
        }
    }

    /// A `why` keeps its reasons in the order given, inline or past [`WHY_INLINE`], and is written
    /// as the array of their ids, as a `Vec` of them is.
    #[test]
    fn why_keeps_its_order_and_writes_the_ids() {
        for n in [0, 1, WHY_INLINE, WHY_INLINE + 1, 2 * WHY_INLINE + 3] {
            // Taken from the end of the list: not in the list's order.
            let reasons: Vec<Reason> = Reason::ALL.iter().rev().take(n).copied().collect();
            let mut why = Why::default();
            why.extend(reasons.iter());
            assert_eq!(why.as_slice(), reasons.as_slice());
            assert_eq!(why, reasons.iter().copied().collect::<Why>());
            assert_eq!(
                serde_json::to_string(&why).unwrap(),
                serde_json::to_string(&reasons).unwrap()
            );
        }
        assert_eq!(
            serde_json::to_string(&why![Reason::TemporaryOneOff, Reason::TemporaryCaseByCase])
                .unwrap(),
            r#"["temporary.oneOff","temporary.caseByCase"]"#
        );
    }
}
