//! Every rule the engine applies, with its source and how sure it is: the policy text itself, a
//! national or provincial document it relies on (cited by number), or an assumption of this
//! calculator that no text states. Steps name the rule they apply (`Step.rule`); a result that applies
//! an assumption lists it in `assumptions`, so a member of staff sees it plainly. docs/rules.md is
//! written from this list (a test keeps the two the same).
//!
//! Each rule has a constant (`rules::DIBAO_BASE`) that code names it by: a step takes its rule's
//! citation from the rule, and only an assumption's constant can be added to [`Assumptions`], so
//! an unknown rule, or a rule recorded as an assumption that is not one, does not compile.

use serde::{Serialize, Serializer};

use crate::base::bits::Bits;
use tsify::Tsify;

/// Where a rule comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// The policy text (实施意见), cited by item.
    Text,
    /// A national or provincial document the text relies on, cited by number.
    Document,
    /// This calculator's assumption: no text found states it.
    Assumption,
}

impl Basis {
    /// As the API names it: `text`, `document` or `assumption`.
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::Text => "text",
            Basis::Document => "document",
            Basis::Assumption => "assumption",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Basis::Text => "政策原文",
            Basis::Document => "国家或省级文件",
            Basis::Assumption => "本计算器的假设",
        }
    }
}

/// One rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    /// The id steps carry, e.g. `dibao.base`.
    pub id: &'static str,
    pub basis: Basis,
    /// The policy item or document, e.g. `四(十)` or `民发〔2021〕57号第十三条`.
    pub source: &'static str,
    /// What the rule does, in Chinese.
    pub text: &'static str,
}

use Basis::{Document, Text};
const ASSUMPTION: Basis = Basis::Assumption;

/// A rule of [`RULES`]: only the constants the table defines exist, so a step or an assumption
/// naming an unknown rule does not compile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RuleId {
    /// Its place in [`RULES`] (the bit [`Assumptions`] keeps).
    index: u16,
    rule: &'static Rule,
}

impl RuleId {
    const fn new(index: u16, rule: &'static Rule) -> Self {
        RuleId { index, rule }
    }
    pub fn rule(self) -> &'static Rule {
        self.rule
    }
    /// The id steps carry, e.g. `dibao.base`.
    pub fn id(self) -> &'static str {
        self.rule.id
    }
    /// What a step applying the rule cites: the first of its sources (`四(十)` of
    /// `四(十)；民发〔2021〕57号第十三条`).
    pub fn citation(self) -> &'static str {
        self.rule.sources().next().unwrap_or(self.rule.source)
    }
}

/// A rule whose basis is an assumption of this calculator: the only kind [`Assumptions`] records.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AssumptionId(RuleId);

impl AssumptionId {
    const fn new(index: u16, rule: &'static Rule) -> Self {
        AssumptionId(RuleId::new(index, rule))
    }
}

impl From<AssumptionId> for RuleId {
    fn from(a: AssumptionId) -> RuleId {
        a.0
    }
}

impl Rule {
    /// The items and documents of [`Rule::source`], each on its own (`二(二)、四(九)` is two).
    pub fn sources(&self) -> impl Iterator<Item = &'static str> {
        self.source.split(['；', '、']).filter(|s| !s.is_empty())
    }

    /// The national or provincial documents of the rule's basis, other than `citation`: what a
    /// step citing `citation` also rests on. Entries are parted by `；`; one that is items of the
    /// policy text (`二(二)、四(九)`) is not a document, and a document is one entry whole,
    /// whatever it lists (`《义务教育法》第二条、第十一条（转述）`).
    pub fn documents_beside(&self, citation: &str) -> Vec<&'static str> {
        self.source
            .split('；')
            .filter(|entry| {
                *entry != citation && !entry.split('、').all(|s| super::title(s).is_some())
            })
            .collect()
    }
}

/// The type of a rule's constant: an assumption's is an [`AssumptionId`].
macro_rules! id_type {
    (ASSUMPTION) => {
        AssumptionId
    };
    ($basis:ident) => {
        RuleId
    };
}

macro_rules! rules {
    ($($name:ident: $id:literal, $basis:ident, $source:literal, $text:literal;)*) => {
        /// Every rule, grouped by programme.
        pub const RULES: &[Rule] = &[$(table::$name),*];

        /// The rules one by one, for their constants.
        mod table {
            use super::*;
            $(pub(super) const $name: Rule = Rule { id: $id, basis: $basis, source: $source, text: $text };)*
        }

        /// Each rule's place in [`RULES`].
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        enum Index {
            $($name,)*
        }

        $(
            #[doc = concat!("`", $id, "`: ", $text)]
            pub const $name: id_type!($basis) = <id_type!($basis)>::new(Index::$name as u16, &table::$name);
        )*
    };
}

rules! {
    // 过渡期
    TRANSITION_PERIOD: "transition.period", Text, "一(二)", "2020年脱贫攻坚目标任务完成后设立5年过渡期（2021-01-01至2025-12-31）。";
    TRANSITION_PHASE: "transition.phase", Text, "一(二)", "测算日期在过渡期前、过渡期内（第几年）或过渡期后（常态化帮扶）。";
    TRANSITION_AFTER_PERIOD: "transition.afterPeriod", Document, "一(二)；2025年和2026年中央一号文件（新华社转述）", "过渡期后转入常态化帮扶，“大稳定、小调整”：所依据的文件只规定到过渡期结束，延续政策以当地现行通知为准。";
    TRANSITION_CARRIED_VALUES: "transition.carriedValues", ASSUMPTION, "一(二)、四(九)；2025年和2026年中央一号文件（新华社转述）", "过渡期结束后仍沿用只由过渡期文件（2021-2025年）规定的数值（如就业成本扣除的两个月最低工资、分类资助参保的比例，参数说明中写明）：文件只规定到5年过渡期结束（2025-12-31，一(二)），此后转入常态化帮扶（四(九)），“大稳定、小调整”见于2025年和2026年中央一号文件（新华社转述），本计算器按不变计；当地另有规定的，改参数。";
    TRANSITION_DAYS_REMAINING: "transition.daysRemaining", Text, "一(二)", "过渡期剩余天数，含测算当天；过渡期开始前另给距开始的天数。";
    TRANSITION_FUND_INTEGRATION_PILOT: "transition.fundIntegrationPilot", Text, "六(十六)", "过渡期前3年脱贫县继续实行涉农资金统筹整合试点。";
    TRANSITION_MEASURES: "transition.measures", Text, "一(二)、二(一)、二(二)、三(七)、四(九)、六(十七)、六(十九)", "列出测算日期生效的措施及其起止日期。";
    // 家庭成员（各项目共用）
    MEMBER_LABOR_CAPACITY: "member.laborCapacity", Document, "民发〔2021〕43号第五条", "无劳动能力：60周岁以上的老年人，未满16周岁的未成年人（劳动年龄上下限为参数），残疾等级为一、二、三级的智力、精神残疾人，一、二级的肢体残疾人，一级的视力残疾人；第五条列出的成员不论登记为何都按无劳动能力计，登记的劳动能力只对第五条未列出的成员起作用（未登记的默认有劳动能力）。特困、低保就业成本扣除、防返贫监测的帮扶方式都按这一条；乡村公益岗位的弱劳力、半劳力按登记。省级人民政府规定的其他情形（黑民规〔2021〕12号）未见原文，未计入。";
    MEMBER_LABOR_CAPACITY_RECORDED: "member.laborCapacityRecorded", ASSUMPTION, "民发〔2021〕43号第五条", "第五条未列出、登记为无劳动能力的成员（如劳动年龄内患重病的），按登记计为无劳动能力：第五条另有“省级人民政府规定的其他情形”，黑民规〔2021〕12号未见原文，登记的认定按属于这些情形计。";
    MEMBER_SEVERE_DISABILITY: "member.severeDisability", Document, "民发〔2021〕57号第八条（转述）", "重度残疾人（低保边缘家庭参照“单人户”）：一级、二级残疾人和三级智力残疾人、三级精神残疾人。低保加发、养老保险代缴的“重度残疾人”未定义，也按这一条计（本计算器的假设，见加发、代缴规则）。";
    MEMBER_DISABILITY_TYPE: "member.disabilityType", ASSUMPTION, "民发〔2021〕43号第五条；民发〔2021〕57号第八条（转述）", "登记了残疾等级而未登记类别的，或为多重残疾的：一、二级按无劳动能力、重度残疾计，三、四级都不按；孤独症按精神残疾计（一至三级无劳动能力，三级属重度残疾）。两份文件只按类别列出等级。";
    MEMBER_BIRTHDAY: "member.birthday", ASSUMPTION, "民发〔2021〕43号第五条", "周岁从生日当天起算（当天即满；社会救助文件未写明，司法解释另有“从周岁生日的第二天起算”的口径）；2月29日出生的，平年按3月1日满周岁：平年2月28日按未满计，3月1日按已满计（按2月28日满计的，2月28日就多满一岁）。";
    // 年额
    ANNUAL_ENDS_WITHIN_YEAR: "annual.endsWithinYear", ASSUMPTION, "四(十)、四(十二)、六(十九)", "按月发放、测算日期起12个月内到期的（低保渐退期届满，特困人员中的未成年人、孤儿和事实无人抚养儿童年满18周岁，雨露计划补助期届满），全年 = 月额 × 剩余月数（按年的雨露计划以年额的十二分之一为月额）：自测算日期起到期满次日的整月数，不足一月按一月计，最多12个月；低保渐退期届满后，全年接着按期满后的家庭计：不再是低保家庭，按其余条件重新核算，仍属边缘家庭的参照“单人户”，否则不计（渐退期内不参照单人户，期满后才参照）。低保（整户补差或单人户）的加发也按月计：成员在12个月内满未成年人年龄上限（加发到期）或老年人年龄（加发开始）的（年龄为参数），自测算日期起到满周岁所在的月（含该月；月份从测算日期的日起算，满周岁之日恰为某月第一天的，该月也按原额）的月数按原加发额，自其次月起按新的加发额，全年 = 月额 × 12 加上加发的变化额 × 其后月数；有成员年内计入的（见下），加发的变化只计到计入为止，计入后按重新计算的家庭和方式计其加发的变化（不享受低保的不计，参照“单人户”的只计单人户成员的）。低保家庭（渐退期、单人户的见其规则）或测算日期不享受低保的家庭（没有其他成员，或其余成员不符合低保）中，社会散居孤儿、事实无人抚养儿童在12个月内年满18周岁、基本生活费停发（不在继续发放的学校就读）的，特困人员中的未成年人满18周岁、供养到期的（按上文），从满周岁起计入家庭低保：到满周岁前一日（基本生活费、供养的最后一天）的月数按同一办法计、按原月额（满周岁前一日所在的月按原额），其余月份按计入该成员（按18周岁计，其余成员按测算日期）重新计算的月额；几名成员先后计入的，每次按当时的家庭（含已计入的）重新计算；整户补差的低保家庭因计入成员的工资超过标准、进入渐退的，以其满周岁之日为收入变化之日，渐退期自该日起算；测算日期不享受低保、因此纳入的，测算日期的月额为0，全年只计其后月份，仍算符合低保。年内家庭人员构成的其他变化（劳动能力、特困条件等随年龄的变化）不计；渐退期的月额不随年龄调整。年内出生的子女不计：成员的出生日期不能晚于测算日期（否则作为输入错误退回），全年只按测算日期已有的成员计算；子女出生后，以出生后的日期另行测算。";
    ANNUAL_STANDARD_OF_DATE: "annual.standardOfDate", ASSUMPTION, "四(十)、四(十一)、四(十二)、四(十三)、二(三)、三(六)、三(八)、六(十七)、六(十九)", "全年按测算日期的取值计满12个月：测算所用的参数（标准、最低工资、比例等）在测算日期起12个月内另有取值的（如次年1月1日起的新低保标准、12月1日起的新最低工资），全年仍按测算日期的取值 × 12（按年的，按测算日期的年额）计，不按月分段；步骤写明该参数、新取值和起始日期。新取值下的数额，以其起始日期测算，或比较两个日期。年内到期、满周岁的变化按月计，不在此列。";
    // 防止返贫动态监测
    MONITORING_PER_CAPITA_NET_INCOME: "monitoring.perCapitaNetIncome", ASSUMPTION, "二(二)", "家庭人均纯收入 = 登记的经营、财产、转移、其他收入、不计入低保的收入与工资之和 ÷ 人数：各项按已扣除经营费用的净额录入，文件未给出本计算器可用的算法。监测收入标准与这一人均纯收入比较：标准的出处（县级文件转述）写作“家庭年人均可支配收入”，本计算器不另扣个人所得税、社会保险缴费等，按两者相同计。";
    MONITORING_INCOME_LINE: "monitoring.incomeLine", Text, "二(二)", "人均纯收入低于监测收入标准的（等于标准的不算低于），存在返贫致贫风险。";
    MONITORING_GUARANTEES: "monitoring.guarantees", Text, "二(二)", "“两不愁三保障”及饮水安全未保障的，存在返贫致贫风险。";
    MONITORING_RIGID_SPENDING: "monitoring.rigidSpending", ASSUMPTION, "二(二)", "刚性支出大于0且不低于家庭年收入一定比例（参数）的，为“刚性支出较大”；登记了刚性支出或上年收入的都检查，不以登记因病、因灾等事件为前提（原文“因病因灾因意外事故等”）。";
    MONITORING_INCOME_FALL: "monitoring.incomeFall", ASSUMPTION, "二(二)", "今年收入不高于上年收入 ×（1 − 比例）（比例为参数，下降恰好达到比例的也算）的，为“收入大幅缩减”。";
    MONITORING_BASIC_LIVING: "monitoring.basicLiving", ASSUMPTION, "二(二)", "扣除刚性支出后人均收入低于监测标准的一定倍数（参数，等于的不算低于）的，为“基本生活出现严重困难”。";
    MONITORING_RURAL: "monitoring.rural", Document, "二(二)、四(九)；国务院办公厅转发民政部等单位《关于加强低收入人口动态监测做好分层分类社会救助工作的意见》（2023年，转述）", "防止返贫动态监测面向农户（二(二)、四(九)）：城市一般家庭不纳入；城市低收入人口由民政部门开展低收入人口动态监测，这一点见国家文件，实施意见未写。";
    MONITORING_URBAN_REGISTERED: "monitoring.urbanRegistered", ASSUMPTION, "二(二)", "城市家庭已登记为脱贫户、监测户或返贫致贫户的（如易地扶贫搬迁进城），仍按登记纳入监测。";
    MONITORING_SCOPE: "monitoring.scope", Text, "二(二)、四(九)", "脱贫不稳定户、边缘易致贫户、突发严重困难户纳入监测；已认定的监测对象按登记类别。";
    MONITORING_CATEGORY_ORDER: "monitoring.categoryOrder", ASSUMPTION, "二(二)", "一户只定一个监测类别：脱贫户收入低于标准或“两不愁三保障”及饮水安全未保障的为脱贫不稳定户，一般农户的为边缘易致贫户，同时有突发严重困难的也按这两类定；只因突发严重困难纳入的为突发严重困难户。二(二)列出三类，未写一户同时符合几类时定哪一类。";
    MONITORING_TRACK: "monitoring.track", Text, "二(二)", "有劳动能力的开发式帮扶，无劳动能力的兜底保障，重大灾害或家庭重大变故“一事一议”。";
    MONITORING_CASE_BY_CASE: "monitoring.caseByCase", ASSUMPTION, "二(二)", "登记了因灾或家庭变故事件的，按“遭遇重大自然灾害或家庭重大变故”实行“一事一议”：是否“重大”由县级认定，本计算器不判断。";
    MONITORING_RISK_ELIMINATION: "monitoring.riskElimination", Document, "二(二)；国家乡村振兴局等《关于健全防止返贫动态监测和帮扶机制的指导意见》（2021，转述）", "收入持续稳定超过监测标准满规定月数、“两不愁三保障”及饮水安全有保障的，可按程序标注风险消除；无劳动能力的不标注，持续跟踪。";
    // 最低生活保障
    DIBAO_STANDARD: "dibao.standard", Text, "四(十)", "按家庭所在地区和城乡取当地低保标准。";
    DIBAO_STANDARD_BELOW_PROVINCE: "dibao.standardBelowProvince", ASSUMPTION, "四(十)", "地区自有的低保标准低于同日全省标准的，仍按地区标准计算并提示核对：两者来源的起始日期未核实（见参数说明）。";
    DIBAO_TEKUN_MEMBERS: "dibao.tekunMembers", ASSUMPTION, "四(十)、四(十三)；民发〔2021〕43号第四条（转述）", "符合特困条件的成员纳入特困供养，低保按其余成员计算：文件未写明同一家庭特困成员与其余成员怎样分开保障。";
    DIBAO_ALLOWANCE_CHILDREN: "dibao.allowanceChildren", ASSUMPTION, "四(十二)；民发〔2021〕43号第九条（转述）；民发〔2019〕62号（原文未见）", "领取孤儿、事实无人抚养儿童基本生活费的社会散居孤儿、事实无人抚养儿童不计入家庭低保：不计人数，也不分摊家庭收入（只享受一项基本生活保障）；民发〔2019〕62号原文未见，当地把他们纳入低保而基本生活费补差发放的，以当地为准。";
    DIBAO_ALLOWANCE_INSTITUTION: "dibao.allowanceInstitution", Document, "四(十二)；民发〔2021〕57号第七条（转述）", "集中养育的孤儿由养育机构抚养、基本生活费拨付机构，不与家庭共同生活，不计入家庭低保；只有这样的孤儿的家庭没有低保。";
    DIBAO_INSTITUTION_ADULT: "dibao.institutionAdult", ASSUMPTION, "四(十二)；民发〔2021〕57号第七条（转述）", "集中养育的孤儿年内满18周岁、基本生活费停发的，不计入家庭低保：不与家庭共同生活，成年后的保障另行认定；所引文件未写其回到家庭。";
    DIBAO_RIGID_SPENDING: "dibao.rigidSpending", ASSUMPTION, "民发〔2021〕57号（转述）", "因残疾、患重病等增加的刚性支出，核算家庭收入时“可按规定适当扣减”：黑龙江的扣减办法未见，低保的家庭收入不扣除登记的刚性支出；刚性支出用于临时救助的困难缺口和防返贫监测的“刚性支出较大”。";
    DIBAO_EXEMPT_INCOME: "dibao.exemptIncome", Document, "民发〔2021〕57号第十三条（转述）", "优待抚恤金、奖励性补助、社会救助款物、“十四五”期间中央确定的基础养老金等不计入家庭收入。";
    DIBAO_EMPLOYMENT_DEDUCTION: "dibao.employmentDeduction", Text, "四(十)；民发〔2021〕57号第十三条（转述）", "有劳动能力的农村低保对象务工收入，可按务工所在地两个月最低工资标准扣除就业成本；城市家庭的这一步引民发〔2021〕57号第十三条（“必要的就业成本”可扣减），四(十)只写农村低保对象。";
    DIBAO_EMPLOYMENT_DEDUCTION_CAP: "dibao.employmentDeductionCap", ASSUMPTION, "四(十)；民发〔2021〕57号第十三条（转述）", "就业成本扣除额不超过工资（取工资与两个月最低工资中较小的一个），有劳动能力、有工资的成员一律扣除：四(十)写“可按……扣除”，未设上限，也未写何时不扣。";
    DIBAO_EMPLOYMENT_DEDUCTION_URBAN: "dibao.employmentDeductionUrban", ASSUMPTION, "四(十)；民发〔2021〕57号第十三条（转述）", "城市低保对象的就业成本也按务工所在地两个月最低工资扣除：实施意见只写农村低保对象，国家办法只说“必要的就业成本”可扣减、未定数额。";
    DIBAO_EMPLOYMENT_DEDUCTION_CAPACITY: "dibao.employmentDeductionCapacity", ASSUMPTION, "四(十)；民发〔2021〕43号第五条；民发〔2021〕57号第十三条（转述）", "四(十)只对“有劳动能力的”低保对象扣除就业成本，未说按什么认定：按特困人员认定办法第五条判断，60周岁以上、未满16周岁和所列残疾的成员有工资也不扣除（黑龙江的认定办法未见）。";
    DIBAO_WORK_OUTSIDE_PROVINCE: "dibao.workOutsideProvince", Text, "四(十)；民发〔2021〕57号第十三条（转述）", "务工地在省外的，按工作人员登记的务工地月最低工资标准扣除两个月就业成本。";
    DIBAO_WORK_OUTSIDE_PROVINCE_DEFAULT: "dibao.workOutsideProvinceDefault", ASSUMPTION, "四(十)；民发〔2021〕57号第十三条（转述）", "务工地在省外而未登记当地最低工资的，按家庭所在地的最低工资档次扣除：省外各地的最低工资不在参数集中。";
    DIBAO_COUNTED_INCOME: "dibao.countedIncome", Text, "四(十)；民发〔2021〕57号第十三条（转述）", "计算收入 = 经营、财产、转移、其他收入 + 工资 − 就业成本；人均月收入 = 计算收入 ÷ 12 ÷ 低保覆盖人数。";
    DIBAO_ASSETS: "dibao.assets", Document, "民发〔2021〕57号第十四条（转述）", "家庭财产状况须符合当地规定（由工作人员核查）。";
    DIBAO_BASE: "dibao.base", Document, "民发〔2021〕57号第二十三条（转述）", "人均月收入低于低保标准的，低保金可以按人均收入与标准的差额计算，也可以按困难程度和人员情况分档计算。";
    DIBAO_BASE_METHOD: "dibao.baseMethod", ASSUMPTION, "民发〔2021〕57号第二十三条（转述）", "低保金按差额补差，不分档：(标准 − 人均) × 人数，人均收入不先舍入，即 标准 × 人数 − 月计算收入（按显示的两位小数人均手算，可能差 1 分）；人均收入等于标准的不算低于。第二十三条补差、分档两种方式都允许，黑龙江采用哪一种未见原文。";
    DIBAO_SUPPLEMENT: "dibao.supplement", ASSUMPTION, "四(十)；《社会救助暂行办法》第十二条（转述）", "低保家庭中的重度残疾人、重病患者、老年人、未成年人加发低保金：这四类是四(十)的原文。加发额 = 比例（参数）× 低保标准；加发比例和同属多类的只取比例最高的一项是本计算器的假设（黑龙江的加发办法未见）；重度残疾人按单人户的定义（民发〔2021〕57号第八条）。";
    DIBAO_ELIGIBILITY: "dibao.eligibility", Document, "《社会救助暂行办法》第九条（转述）", "人均月收入低于低保标准且财产符合规定的家庭给予低保；人均月收入不低于标准的，不符合低保条件。";
    DIBAO_MARGINAL: "dibao.marginal", Document, "民发〔2021〕57号第八条（转述）；民政部等四部门2022年通知一(四)", "不符合低保条件、人均收入低于低保标准的1.5倍（参数，等于的不算低于）、财产符合规定的，为低保边缘家庭。";
    DIBAO_SINGLE_PERSON: "dibao.singlePerson", Text, "四(十)；民发〔2021〕57号第八条（转述）；民政部等四部门2022年通知一(四)", "低保边缘家庭中的重度残疾人、重病患者可参照“单人户”纳入低保，按“平均补助水平 + 加发”计算；只适用于低保计两人及以上的家庭（见低保纳入方式的规则）。";
    DIBAO_GRADUAL_EXIT: "dibao.gradualExit", Document, "民发〔2021〕57号第三十三条（转述）；民政部等四部门2022年通知一(三)", "就业后家庭人均收入超过低保标准的低保家庭，可给予一定时间的渐退期（月数为参数，黑龙江的月数未见）。";
    DIBAO_GRADUAL_EXIT_EMPLOYMENT: "dibao.gradualExitEmployment", ASSUMPTION, "民发〔2021〕57号第三十三条（转述）", "“因就业超过标准”按不计工资的人均收入低于标准判断：文件未写怎样认定收入超过是就业所致。";
    DIBAO_GRADUAL_EXIT_START: "dibao.gradualExitStart", ASSUMPTION, "民发〔2021〕57号第三十三条（转述）", "未填收入变化日期时，渐退期从测算日期起算：任何测算日期都在渐退期内，比较两个日期也看不出渐退期结束；请填写收入增加的日期。";
    DIBAO_GRADUAL_EXIT_AMOUNT: "dibao.gradualExitAmount", ASSUMPTION, "民发〔2021〕57号第三十三条（转述）", "渐退期内维持现领低保金；未告知现领数额时，不计工资估算：全部工资都按就业新增计、不计入（与“因就业超过标准”的判断一致；家庭此前已有的工资分不出来），按补差加加发计算。";
    DIBAO_ROUTE_ORDER: "dibao.routeOrder", Document, "民发〔2021〕57号第八条（转述）；民发〔2021〕57号第三十三条（转述）；民政部等四部门2022年通知一(一)", "人均收入低于标准、符合条件的家庭整户纳入低保，不得仅将个别家庭成员纳入；“单人户”只适用于低保边缘家庭的重度残疾人、重病患者，是把家庭中的个别成员单独纳入：低保计两人及以上的家庭才适用，低保只计一人的（一人户，或其余成员纳入特困供养、领取孤儿、事实无人抚养儿童基本生活费的）已按本人收入核算，不再参照“单人户”。";
    DIBAO_JOINS_ROUTE: "dibao.joinsRoute", ASSUMPTION, "民发〔2021〕57号第八条（转述）；民发〔2021〕57号第三十三条（转述）", "渐退期、参照“单人户”的家庭有成员年内满18周岁计入的，计入起按当时的家庭重新核算，纳入方式的先后不变：低于标准的整户补差（可能少于渐退月额）；仍不低于标准的，渐退期内维持原额，期满后不再是低保家庭、按其余条件重新核算（仍属边缘家庭的参照“单人户”，否则不计）；仍属边缘家庭的参照“单人户”。所引文件未写这种情形。";
    DIBAO_ROUTE_ORDER_GRADUAL_EXIT: "dibao.routeOrderGradualExit", ASSUMPTION, "民发〔2021〕57号第三十三条（转述）；民发〔2021〕57号第八条（转述）", "渐退先于“单人户”：渐退期内的家庭维持原低保，按仍是低保家庭、不是低保边缘家庭计，成员不参照“单人户”另行计算：所引文件未规定两者的先后。";
    // 特困人员救助供养
    TEKUN_BASIC_STANDARD: "tekun.basicStandard", Document, "四(十)；国发〔2016〕14号（转述）；哈尔滨市2022年标准调整通知（转述）", "特困人员基本生活标准按当地低保标准的一定倍数（参数）确定，按当地公布口径向上取整（哈尔滨取整到元，参数）；当地公布了城市特困人员基本生活标准的（参数，如哈尔滨9县2022年957元），按公布数。";
    TEKUN_BASIC_STANDARD_MULTIPLE: "tekun.basicStandardMultiple", ASSUMPTION, "四(十)；国发〔2016〕14号（转述）", "黑龙江按低保标准的1.3倍计，且按这一下限发放：1.3倍只见于其他省份的实施文件，哈尔滨2022年的标准与之相符（574 = 441 × 1.3 向上取整），黑龙江自己的倍数未见；“不低于”按恰好等于计。";
    TEKUN_MEMBER: "tekun.member", Document, "四(十)；民发〔2021〕43号第四条（转述）", "同时无劳动能力（见成员规则）、无生活来源、无法定赡养抚养扶养义务人（或其无履行能力）的，纳入特困供养：基本生活标准 + 按生活自理能力的照料护理标准（第二十二条）。";
    TEKUN_ORPHAN_ALLOWANCE: "tekun.orphanAllowance", Document, "民发〔2021〕43号第九条（转述）", "同时符合特困条件和孤儿、事实无人抚养儿童条件的未成年人，纳入孤儿、事实无人抚养儿童基本生活保障的，不再认定为特困人员：登记为孤儿或事实无人抚养儿童、未满18周岁（参数）的成员，以及年满18周岁后仍在校就读、继续领取基本生活费的（见孤儿规则），按后者保障。";
    TEKUN_ORPHAN_ALLOWANCE_CHOICE: "tekun.orphanAllowanceChoice", ASSUMPTION, "民发〔2021〕43号第九条（转述）", "同时符合特困人员条件和孤儿、事实无人抚养儿童条件的未成年人，一律按孤儿、事实无人抚养儿童基本生活费保障：第九条由本人（监护人）选择申请哪一项，本计算器不问选择，按已选基本生活费计。年满18周岁后仍在校就读、继续领取基本生活费的，是按当地继续发放的规定，不是这一选择，不适用本条。";
    TEKUN_CONTINUES_MINOR: "tekun.continuesMinor", ASSUMPTION, "民发〔2021〕43号第二十四条（转述）", "特困人员中的未成年人，可继续享有救助供养待遇至18周岁（参数）：只对已是特困人员的适用，家庭信息不记录是否已是特困人员，未满18周岁、有劳动能力（16、17周岁）、无生活来源、无法定义务人（或其无履行能力）的，假定已是特困人员，纳入特困供养（首次申请的不符合，应按低保计算；登记为孤儿、事实无人抚养儿童的按其基本生活费保障）。";
    TEKUN_CONTINUES_AT_SCHOOL: "tekun.continuesAtSchool", ASSUMPTION, "民发〔2021〕43号第二十四条（转述）", "年满18周岁仍在接受义务教育或者在普通高中、中等职业学校就读的，可继续享有救助供养待遇：无生活来源、无法定义务人的在校成员按未成年时已是特困人员计（花名册不记录过去的认定）。登记为孤儿、事实无人抚养儿童的不按此计，这是本计算器的理解：第二十四条只让已是特困人员的“继续享有”，他们未成年时领取的是基本生活费，依第九条不是特困人员；年满18周岁后基本生活费停发的（当地不继续发放，或所读学校不在继续发放之列），按第五条重新认定，不在第五条所列的有劳动能力，不符合特困人员条件（按低保计算）；当地把他们认定为特困人员的，以当地为准。";
    TEKUN_SUPPORT_FLOOR: "tekun.supportFloor", ASSUMPTION, "四(十)；黑龙江省特困人员供养标准（转述）", "农村特困人员每月供养（基本生活 + 照料护理）不低于当地公布的农村分散供养年标准 ÷ 12，集中供养的也按此计：转述的标准只有分散供养的年数额，怎样与按月的基本生活、照料护理标准比较未见规定。";
    TEKUN_FULL_STANDARD: "tekun.fullStandard", ASSUMPTION, "四(十)；国发〔2016〕14号（转述）", "特困人员的基本生活费按标准全额计发，不扣减本人收入：本人收入只用于“无生活来源”的认定（低于当地低保标准），找到的文件没有写明全额发放还是补差发放（黑龙江的特困人员认定办法和社会救助暂行办法实施细则原文未见）；按补差发放的地方，每月少发本人月收入。";
    TEKUN_OWN_INCOME: "tekun.ownIncome", ASSUMPTION, "民发〔2021〕43号第六条（转述）", "“无生活来源”看本人收入：本人工资加家庭其他计入收入按人数平均的份额，低于当地低保标准；纳入特困的成员的份额不再计入其余成员的低保收入。";
    // 临时救助
    TEMPORARY_EVENT: "temporary.event", Text, "四(十)；《社会救助暂行办法》第四十七条（转述）", "因病、因灾、意外事故、家庭变故等基本生活陷入暂时困难的，给予临时救助。";
    TEMPORARY_SPENDING: "temporary.spending", ASSUMPTION, "四(十)；《社会救助暂行办法》第四十七条（转述）", "“因生活必需支出突然增加超出家庭承受能力，导致基本生活暂时出现严重困难的最低生活保障家庭”也给予临时救助（第四十七条）：没有登记突发事件、登记了刚性支出的低保家庭（本测算纳入低保的，或登记为正在享受低保的），按这一支出型测算；把登记的刚性支出当作突然增加的必需支出是本计算器的假设（家庭信息不记录支出何时增加）。缺口、困难程度和救助上限与因突发事件的相同：第四十七条没有写救助额，民发〔2018〕23号二(三)的分类分档也没有给支出型另定月数，按同一组参数（示意值）。不是低保家庭的不按支出型测算：第四十七条只写低保家庭，其他家庭的支出型临时救助另有收入、财产条件（民发〔2018〕23号，转述），本计算器不计。";
    TEMPORARY_NEED: "temporary.need", ASSUMPTION, "四(十)；民发〔2018〕23号二(三)", "困难缺口 = 全年低保线（标准 × 12 × 人数，与低保一样不计领取孤儿、事实无人抚养儿童基本生活费的儿童，他们的基本生活费也不计入收入）− 扣除刚性支出后的年收入 − 低保、特困供养的年额（本测算自测算日期起12个月的数额，不是已领取的数额；低保按月额取整到分之前的数额计，缺口不因低保按分取整而产生）；缺口取整到分后大于0才救助。刚性支出超过收入的，超出部分计入缺口，缺口可大于全年低保线：临时救助救的正是支出型困难（“凡困必帮”），救助额另有上限，上限以上一事一议（与防贫保险不同：防贫保险把人均按0计，只补到防贫线）。";
    TEMPORARY_AMOUNT: "temporary.amount", ASSUMPTION, "四(十)；民发〔2018〕23号二(三)", "救助额为缺口，不超过若干个月的家庭低保标准（与低保标准挂钩、分类分档，月数为参数）：刚性支出大于0且不低于年收入一定比例（参数）的为严重困难，其余（包括没有刚性支出的）为一般困难。";
    TEMPORARY_CEILING_ALL_MEMBERS: "temporary.ceilingAllMembers", ASSUMPTION, "民发〔2018〕23号二(三)", "救助上限（标准 × 月数 × 人数）按家庭全部成员计，包括领取孤儿、事实无人抚养儿童基本生活费、不计入全年低保线的儿童：临时救助不是基本生活保障，“只享受一项基本生活保障”管不到它，突发事件波及的是全家；未找到把这些儿童排除在临时救助之外的规定。只有这样的儿童的家庭，上限因此不为0。";
    TEMPORARY_CASE_BY_CASE: "temporary.caseByCase", ASSUMPTION, "民发〔2018〕23号二(三)", "缺口大于救助上限（等于的不算大于）的，超出部分可按“一事一议”提高救助额度：23号允许对特殊困难一事一议，以缺口（按本计算器的困难缺口算法）超出上限为提示条件、以超出部分为数额是本计算器的做法（实施意见的“一事一议”见二(二)，是对遭遇重大自然灾害或家庭重大变故的监测户）。";
    // 养老保险代缴
    PENSION_LOWEST_TIER: "pension.lowestTier", Text, "四(十二)；国发〔2014〕8号", "政府为困难群体按最低缴费档次代缴部分或全部城乡居民养老保险费；年满16周岁、不在校、未满60周岁（参数）的成员缴费。";
    PENSION_MEMBER: "pension.member", Text, "四(十二)", "低保对象、特困人员、返贫致贫人口、重度残疾人由政府代缴；困难群体和其他已脱贫人口（脱贫户、登记为脱贫不稳定户的监测户）提高缴费档次时可保留现行最低缴费档次。";
    PENSION_SHARE: "pension.share", ASSUMPTION, "四(十二)", "代缴“部分或全部”按人群的比例（参数）计算，同属多类的取最高比例。“重度残疾人”按低保的界定（民发〔2021〕57号第八条）计，代缴的界定未找到；当地只按残疾人证一、二级代缴的，以当地为准。";
    // 孤儿、事实无人抚养儿童基本生活费
    ORPHAN_ALLOWANCE_STANDARD: "orphanAllowance.standard", Document, "四(十二)；国办发〔2010〕54号（转述）", "孤儿按集中养育、社会散居分别发放基本生活费；集中养育的拨付养育机构，社会散居的按月发给监护人：四(十二)只写加强对孤儿、事实无人抚养儿童的保障，发放方式见国办发〔2010〕54号。";
    ORPHAN_ALLOWANCE_DEFACTO: "orphanAllowance.defacto", Document, "四(十二)；民发〔2019〕62号（转述）", "事实无人抚养儿童参照当地社会散居孤儿基本生活保障标准发放基本生活补贴。";
    ORPHAN_ALLOWANCE_AGE: "orphanAllowance.age", Document, "四(十二)；国办发〔2010〕54号（转述）；民发〔2019〕62号（转述）", "年满18周岁（参数：未成年人年龄上限）不再按孤儿、事实无人抚养儿童发放，仍在校就读、当地继续发放的除外（见下条）；满18周岁当天起停发，本年内满18周岁的按剩余月数计。";
    ORPHAN_ALLOWANCE_AT_SCHOOL: "orphanAllowance.atSchool", Document, "哈尔滨市《关于提高全市孤儿基本生活费标准的通知》（2024年，转述）", "享受保障的孤儿成年后继续在普通高中、中等职业学校、高等职业学校、全日制普通高校就读的，继续发放基本生活费，事实无人抚养儿童参照执行（是否继续发放为按地区的参数，哈尔滨市为是）：在学阶段按家庭信息的高中、中职、高职、大学计；通知所列的硕士研究生在家庭信息中没有单独一项，按“大学”填写的都按在校计。继续发放的仍属孤儿、事实无人抚养儿童基本生活保障：不认定为特困人员，不计入家庭低保；满18周岁不停发，本年内不按剩余月数计。未找到国家文件的同样规定（国办发〔2010〕54号、民发〔2019〕62号原文未见）。";
    ORPHAN_ALLOWANCE_AT_SCHOOL_PROVINCE: "orphanAllowance.atSchoolProvince", ASSUMPTION, "哈尔滨市《关于提高全市孤儿基本生活费标准的通知》（2024年，转述）", "哈尔滨市以外（及哈尔滨市2024年以前），年满18周岁后仍在校就读的也继续发放基本生活费，参照哈尔滨市的规定：未找到国家或全省文件，参数的全省取值是示意值；当地不继续发放的，按地区把参数设为0。";
    ORPHAN_ALLOWANCE_NOT_INCOME: "orphanAllowance.notIncome", Document, "民发〔2021〕57号第十三条（转述）", "孤儿、事实无人抚养儿童基本生活费属社会救助款物，不计入低保家庭收入。";
    // 残疾儿童康复救助
    CHILD_REHABILITATION_SCOPE: "childRehabilitation.scope", Document, "四(十二)；国发〔2018〕20号（转述）", "0至6周岁（参数）视力、听力、言语、肢体、智力等残疾儿童和孤独症儿童（含多重残疾）可申请康复救助。";
    CHILD_REHABILITATION_ALL_FAMILIES: "childRehabilitation.allFamilies", ASSUMPTION, "国发〔2018〕20号（转述）", "不设家庭经济条件，精神残疾不列入：20号的救助对象是低保、特困、建档立卡和其他经济困难家庭的残疾儿童，有条件的地区可扩大范围，黑龙江是否已扩大到所有家庭未见；所列类别以“等”结尾，精神残疾是否列入未见。";
    CHILD_REHABILITATION_SERVICES: "childRehabilitation.services", ASSUMPTION, "四(十二)；国发〔2018〕20号（转述）", "康复训练适用于各类；辅助器具适配适用于视力、听力、肢体和多重残疾；手术适用于听力、肢体和多重残疾；各按年度上限（参数）计，由定点机构结算（代付）。";
    // 访视照料服务
    CARE_SERVICES_FAMILY: "careServices.family", ASSUMPTION, "四(十)", "“困难家庭”按低保、特困家庭和脱贫户、监测户计。";
    CARE_SERVICES_MEMBER: "careServices.member", Text, "四(十)、四(十二)", "困难家庭中生活不能自理（失能、部分失能）的老年人、未成年人、残疾人可获政府购买的访视、照料服务；失能、部分失能的特困老年人优先由县乡养老机构集中供养。";
    // 教育资助
    EDUCATION_DIFFICULTY: "education.difficulty", ASSUMPTION, "三(八)", "脱贫户、监测户（含返贫致贫户）或低保、特困家庭的学生按家庭经济困难学生资助。";
    EDUCATION_NUTRITION: "education.nutrition", Text, "三(八)", "农村义务教育学生营养改善计划：每生每天标准 × 在校天数。";
    EDUCATION_BOARDING: "education.boarding", Text, "三(八)", "家庭经济困难的义务教育寄宿生生活补助。";
    EDUCATION_SENIOR_HIGH_GRANT: "education.seniorHighGrant", Text, "三(八)", "家庭经济困难的普通高中学生国家助学金。中等职业学校国家助学金不计算（未找到黑龙江的数额）：中职学生只计雨露计划。";
    EDUCATION_YULU: "education.yulu", Document, "六(十九)；国开办发〔2015〕19号；国乡振发〔2022〕6号（转述）", "脱贫户、监测户的子女（“两后生”）接受中职、高职教育的，过渡期内给予雨露计划补助（截止日为参数，2025-12-31）。";
    EDUCATION_YULU_AGE: "education.yuluAge", ASSUMPTION, "六(十九)", "雨露计划资助脱贫家庭（含监测户）的子女：家庭信息没有成员与户主的关系，在读中职、高职的成员按年龄区分，不超过参数所定年龄的按子女计，超过的（如在读的户主、配偶）不计。";
    EDUCATION_NONE: "education.none", Text, "三(八)", "义务教育、普通高中学生没有适用的资助项目（不属家庭经济困难、所在县未实施营养改善计划等）。";
    EDUCATION_NOT_COMPUTED: "education.notComputed", ASSUMPTION, "三(八)", "学前教育资助，中等职业学校、高等学校的国家助学金等，本计算器未计算（未找到黑龙江的数额）：学前、中职、高职、大学学生只计雨露计划（中职、高职），未计入的不等于没有资助。";
    // 医疗保障
    MEDICAL_BILL: "medical.bill", Document, "国办发〔2021〕42号（转述）", "三重保障只支付政策范围内费用（医疗救助的支付范围原则上符合基本医保支付范围的规定），政策范围外费用由个人负担：四(十一)未写这一点。";
    MEDICAL_GROUP: "medical.group", ASSUMPTION, "四(十一)", "每次只按一类计算；同属几类的，按待遇最高的一类传入（次序见步骤）。取最高的一类是本计算器的做法，文件未写。";
    MEDICAL_BASIC: "medical.basic", ASSUMPTION, "四(十一)", "基本医保：政策范围内费用超过起付线的部分按比例支付（按医院级别），不超过年度限额。四(十一)没有写起付线、比例和限额：算法按城乡居民医保的通常做法，数值是示意值。";
    MEDICAL_TILT: "medical.tilt", Document, "四(十一)；国办发〔2021〕42号（转述）", "低保对象、特困人员、返贫致贫人口享受大病保险倾斜：起付线降低、支付比例提高。";
    MEDICAL_CRITICAL: "medical.critical", ASSUMPTION, "四(十一)", "大病保险：基本医保后的个人负担全年累计超过起付线的部分，分两段按比例支付，不设封顶线。只有取消封顶线是四(十一)的原文；起付线和第一段比例是脱贫攻坚期的数值（转述），分两段是示意。";
    MEDICAL_ASSISTANCE: "medical.assistance", Document, "四(十一)；国办发〔2021〕42号（转述）", "医疗救助：特困、低保、监测对象按比例救助剩余政策范围内费用，不超过年度限额。纳入监测的易返贫致贫人口的比例（参数，示意值）低于低保对象，依据是国办发〔2021〕42号“对低保对象、特困人员符合规定的医疗费用可按不低于70%的比例救助，其他救助对象救助比例原则上略低于低保对象”（转述，原文未见）；黑龙江按人群的比例未找到。";
    MEDICAL_ASSISTANCE_DEDUCTIBLE: "medical.assistanceDeductible", ASSUMPTION, "四(十一)；国办发〔2021〕42号（转述）", "纳入监测的易返贫致贫人口和返贫致贫人口的医疗救助不设起付标准：42号只对低保对象、特困人员取消起付标准，其他救助对象另设（转述，原文未见），黑龙江对这两类的做法未见。";
    MEDICAL_ASSISTANCE_SCOPE: "medical.assistanceScope", ASSUMPTION, "四(十一)；国办发〔2021〕42号（转述）", "医疗救助只计特困人员、低保对象和监测对象，其他人按不救助计：42号的救助对象还有低保边缘家庭成员和因病致贫重病患者（转述），本计算器不分这两类，由当地认定。";
    MEDICAL_ASSISTANCE_RETURNED: "medical.assistanceReturned", ASSUMPTION, "四(十一)；国办发〔2021〕42号（转述）", "返贫致贫人口按“其他救助对象”的比例救助（与纳入监测的易返贫致贫人口同一参数），低于低保对象：国办发〔2021〕42号只分低保对象、特困人员和其他救助对象（转述，原文未见），未写返贫致贫人口属哪一档；四(十一)让返贫致贫人口与低保对象、特困人员同享大病保险倾斜，也有地方把他们与低保、特困同档救助。";
    MEDICAL_PATIENT: "medical.patient", Text, "四(十一)", "个人自付 = 总费用 − 三重保障支付。";
    // 金融
    CREDIT_MICROCREDIT_TERMS: "credit.microcredit.terms", Document, "六(十七)；脱贫人口小额信贷政策通知（转述）", "脱贫人口小额信贷：5万元以下、3年以内（整年）、免担保免抵押、利率不高于一年期LPR、财政贴息；政策期前为尚未开始。续贷、展期不计算。";
    CREDIT_MICROCREDIT_SUBSIDY: "credit.microcredit.subsidy", ASSUMPTION, "六(十七)；脱贫人口小额信贷政策通知（转述）", "单利、整个期限计息；贴息按测算日期的LPR × 比例（参数），不超过利率和利息，期内不变，政策期末发放的也全额贴息。";
    CREDIT_MICROCREDIT_ELIGIBILITY: "credit.microcredit.eligibility", Document, "六(十七)；银保监会等《关于深入扎实做好过渡期脱贫人口小额信贷工作的通知》（转述）", "过渡期内的政策窗口（参数）中脱贫户（含边缘易致贫户）可申请，突发严重困难户不可；不是脱贫人口或监测对象、不在窗口内、超过额度或期限、利率高于一年期LPR的，不符合。";
    CREDIT_MICROCREDIT_CATEGORY_UNKNOWN: "credit.microcredit.categoryUnknown", ASSUMPTION, "六(十七)；银保监会等《关于深入扎实做好过渡期脱贫人口小额信贷工作的通知》（转述）", "未给出监测类别的监测户按可以申请计，即假定不是突发严重困难户。";
    CREDIT_GUARANTEE_LOAN: "credit.guaranteeLoan", Document, "六(十七)；创业担保贷款额度通知（转述）", "个人额度上限按日期和地区取（参数）；借款人条件不审核。";
    CREDIT_GUARANTEE_LOAN_OVER_CAP: "credit.guaranteeLoanOverCap", ASSUMPTION, "六(十七)", "超过上限的按上限计可贷额度。";
    CREDIT_INSURANCE_FUTURES: "credit.insuranceFutures", ASSUMPTION, "六(十七)", "赔付 =（目标价格 − 结算价格，低于0按0计）× 投保数量，以保单条款为准。";
    // 分类资助参保
    MEDICAL_PREMIUM_INDIVIDUAL: "medicalPremium.individual", Document, "二(三)；国家医保局等年度城乡居民医保通知（转述）", "按参保年度的城乡居民基本医疗保险个人缴费标准计算。";
    MEDICAL_PREMIUM_MEMBER: "medicalPremium.member", Document, "二(三)；国办发〔2021〕42号（转述）", "全额资助特困人员，定额资助低保对象（不限于过渡期）；未参保的成员参保后才资助。";
    MEDICAL_PREMIUM_TRANSITION: "medicalPremium.transition", Document, "二(三)；医保发〔2021〕10号（转述）", "过渡期内，返贫致贫人口、其他监测对象和脱贫人口按规定资助参保（比例为参数）；该文件只规定到过渡期结束（2025-12-31）。";
    MEDICAL_PREMIUM_AFTER_PERIOD: "medicalPremium.afterPeriod", ASSUMPTION, "二(三)、二(一)；2025年和2026年中央一号文件（新华社转述）", "过渡期后，返贫致贫人口、其他监测对象和脱贫人口仍按参数比例资助参保：二(三)未设期限，二(一)要求兜底救助类政策保持稳定，过渡期后“大稳定、小调整”（2025年和2026年中央一号文件，新华社转述）；2026-01-01 起的比例沿用过渡期末的数值，当地停止或调整的，改参数。";
    MEDICAL_PREMIUM_SHARE: "medicalPremium.share", ASSUMPTION, "二(三)", "“定额资助”按个人缴费的比例表示（参数，黑龙江比例未找到）；同属多类的取最高比例。";
    // 住房安全
    HOUSING_RURAL: "housing.rural", Text, "二(三)、三(八)", "农村危房改造面向农村家庭；城市家庭不在此列。";
    HOUSING_GROUPS: "housing.groups", ASSUMPTION, "二(三)；建村〔2021〕35号（转述）", "农村监测户（含返贫致贫）、低保户、有分散供养特困人员的家庭和脱贫户属住房安全保障对象；低保边缘家庭未单独判断，脱贫户按未享受过住房保障计。";
    HOUSING_APPRAISAL: "housing.appraisal", Text, "二(三)、三(八)", "危房实施改造；地震高烈度设防地区的安全农房可抗震改造；补助按改造方式（参数）。";
    HOUSING_APPRAISAL_GRADES: "housing.appraisalGrades", ASSUMPTION, "二(三)、三(八)", "房屋安全性鉴定为C级、D级的按危房计（住房安全未保障），C级维修加固、D级拆除重建：实施意见只写“住房安全有保障”“农村危房改造”，按鉴定等级定改造方式是住房和城乡建设部门的做法，本省文件未见。";
    HOUSING_IN_KIND: "housing.inKind", ASSUMPTION, "三(八)", "危房改造、抗震改造补助专用于房屋，计为实物（代付）而非生活现金。";
    // 乡村公益岗位
    PUBLIC_POST_RURAL: "publicPost.rural", Text, "三(六)", "乡村公益岗位设在乡村，面向农村家庭；城市家庭不在此列。";
    PUBLIC_POST_HOUSEHOLD: "publicPost.household", ASSUMPTION, "三(六)", "乡村公益岗位促进弱劳力、半劳力等家庭就近就业：按面向脱贫户、监测户计（原文未限定人群）。";
    PUBLIC_POST_MEMBER: "publicPost.member", ASSUMPTION, "三(六)", "只有登记为部分丧失劳动能力（弱劳力、半劳力）、在聘任年龄内（参数）、不在校的成员可聘任：三(六)只写促进弱劳力、半劳力等家庭就近就业，未规定年龄、在校与否，也未限于弱劳力本人。";
    PUBLIC_POST_EXIT: "publicPost.exit", ASSUMPTION, "三(六)", "“有序退岗”：家庭人均纯收入高于监测标准且稳定满风险消除所需月数（参数）的，退岗。";
    PUBLIC_POST_POSTS: "publicPost.posts", ASSUMPTION, "三(六)", "每户聘任人数不超过参数规定的人数（未见黑龙江文件），在岗按月领取岗位补贴。";
    // 生态护林员
    FOREST_RANGER_RURAL: "forestRanger.rural", ASSUMPTION, "三(六)", "生态护林员只从农村家庭中选聘，城市家庭不在此列：三(六)把生态护林员与乡村公益岗位并列于农村脱贫人口就业，未写城乡；护林员管护的是林地、草原。";
    FOREST_RANGER_HOUSEHOLD: "forestRanger.household", ASSUMPTION, "三(六)", "生态护林员优先保障脱贫不稳定户、边缘易致贫户（三(六)）；按只从脱贫户、监测户中选聘计（原文只写优先）。";
    FOREST_RANGER_ABLE_TO_WORK: "forestRanger.ableToWork", ASSUMPTION, "三(六)", "“实现就业”按有全部劳动能力、在劳动年龄内、不在校的成员计；部分丧失劳动能力的弱劳力、半劳力按乡村公益岗位安置，不重复计算。";
    FOREST_RANGER_POSTS: "forestRanger.posts", ASSUMPTION, "三(六)", "每户选聘人数不超过参数规定的人数（各地通常每户1人，未见黑龙江文件），每人按年补助标准计。";
    // 防贫保险
    POVERTY_INSURANCE_COVERED: "povertyInsurance.covered", ASSUMPTION, "六(十七)", "防贫保险、扶贫小额保险按县开办（参数），保障脱贫户和监测户。";
    POVERTY_INSURANCE_FORMULA: "povertyInsurance.formula", ASSUMPTION, "六(十七)", "扣除刚性支出后人均纯收入低于防贫线（监测标准的倍数）的，按（防贫线 − 人均）× 人数 × 赔付比例赔付，不超过每户上限，一次性现金。刚性支出超过收入的，人均按0计：保险只补到防贫线，超出收入的支出由临时救助和一事一议承担。";
    // 提醒（estimate.alerts）
    ALERTS_SCHOOL_DROPOUT: "alerts.schoolDropout", Document, "二(三)；《义务教育法》第二条、第十一条（转述）", "脱贫户、监测户中6至15周岁（参数）未登记在校、也未登记因身体原因不具备学习条件的成员，提醒控辍保学；满6周岁后的第一个9月1日（学年开始月份，参数，示意；即8月31日前含当日满6周岁的当年入学）起才提醒：6月满6周岁的儿童，9月1日前不算失学。";
    ALERTS_COVERAGE_GAP: "alerts.coverageGap", ASSUMPTION, "四(十三)", "“无法通过产业就业获得稳定收入”按本人没有工资收入计；未满劳动年龄的未成年人不计；是否已纳入低保、特困以本测算的结论（及登记的正在领取低保）为准。";
    ALERTS_UNINSURED: "alerts.uninsured", Text, "二(三)", "脱贫户、监测户中登记为未参加基本医疗保险的成员，提醒参保动员。";
    ALERTS_HOUSING_UNSAFE: "alerts.housingUnsafe", Text, "二(三)", "登记住房安全未保障或鉴定为C级、D级危房的，提醒并给出危房改造的结论。";
    ALERTS_WATER_UNSAFE: "alerts.waterUnsafe", Text, "二(三)", "登记饮水安全未保障的，提醒落实农村供水保障。";
    // 以工代赈
    WORK_RELIEF_REMUNERATION: "workRelief.remuneration", Document, "三(六)、六(十六)；国家发展改革委《以工代赈管理办法》", "劳务报酬不低于中央预算内投资的15%（参数），向上取到分。";
    WORK_RELIEF_REMUNERATION_RAISED: "workRelief.remunerationRaised", Document, "三(六)、六(十六)；国家发展改革委2022-07-18", "提高到30%（参数）：重点项目2022-07-18起，所有项目2023年起。";
    // 县级画像、扶贫项目资产、县级指标（county, assets, countyIndicators）
    COUNTY_ALLEVIATED: "county.alleviated", Text, "五(十四)", "脱贫县指全省20个原国家级贫困县（已全部退出）；8个原省级贫困县2017年退出，不是过渡期的脱贫县。";
    COUNTY_KEY_COUNTY: "county.keyCounty", Text, "五(十四)；六(十六)、六(十九)", "乡村振兴重点帮扶县在20个脱贫县中确定；名单未公布时任何县都不按重点帮扶县计算，针对重点帮扶县的措施列为“待定”。";
    COUNTY_MEASURE: "county.measure", Text, "一(二)、一(三)、三(五)、三(七)、三(八)、五(十四)、六(十六)、六(十七)、六(十八)、六(十九)、七(二十)、七(二十三)", "列出测算日期对该县生效的县级措施、适用范围（脱贫县、非脱贫县、重点帮扶县、所有县）和起止日期。";
    COUNTY_LIST: "county.list", Text, "五(十四)、六(十六)", "地级市或全省：列出测算日期有效的所辖县级单位，及其脱贫县、重点帮扶县、整合试点和生效措施。";
    COUNTY_ALLEVIATED_AREA: "county.alleviatedArea", ASSUMPTION, "一(三)、三(七)、三(八)、六(十六)、六(十七)、六(十八)、六(十九)", "文本中的“脱贫地区”按县计，指20个脱贫县。";
    COUNTY_WINDOW: "county.window", ASSUMPTION, "一(二)、三(五)、三(七)、三(八)、五(十四)、六(十六)、六(十七)、六(十九)、七(二十)、七(二十三)；2025年和2026年中央一号文件（新华社转述）", "文本未写明期限的县级措施（产业规划、基础设施、四好农村路、公共服务、涉农资金整合长效机制、保险以奖代补、企业上市“绿色通道”、教师和医生优先、重点帮扶县支持、县管乡用、人才流动、省级领导联系、考核）自过渡期开始生效，不设截止日；过渡期后按继续计，列为待核对（五(十四)：新征程中不掉队；“大稳定、小调整”：2025年和2026年中央一号文件，新华社转述），当地另有规定的以当地为准。";
    ASSETS_SCOPE: "assets.scope", Text, "二(四)", "使用各级财政专项扶贫资金和贫困县涉农整合资金形成的扶贫项目资产建立台账、分类管理。";
    ASSETS_SCOPE_DOCUMENT: "assets.scopeDocument", Document, "国办函〔2021〕51号（转述）", "地方政府债券、东西部协作、对口支援、定点帮扶、社会捐赠和2021年起衔接资金形成的资产同样纳入；其他资金形成的不是扶贫项目资产。";
    ASSETS_SCOPE_YEAR: "assets.scopeYear", Document, "国办函〔2021〕51号三(一)（转述）", "党的十八大以来形成的资产纳入台账：形成年度早于2012年的不属扶贫项目资产。";
    ASSETS_SCOPE_YEAR2012: "assets.scopeYear2012", ASSUMPTION, "国办函〔2021〕51号三(一)（转述）", "2012年形成的按在范围内计：台账只有年度，分不出党的十八大（11月）前后。";
    ASSETS_INTEGRATED_COUNTY: "assets.integratedCounty", Text, "二(四)、六(十六)", "统筹整合使用的财政涉农资金只在贫困县（脱贫县）实行：台账所在县从来不是脱贫县而登记为整合资金的，标出核实。";
    ASSETS_CLASS: "assets.class", Document, "二(四)；国办函〔2021〕51号（转述）", "按经营性（产业就业类固定资产和权益性资产）、公益性（公益性基础设施、公共服务设施）、到户类（帮助农户发展形成的生物性资产或固定资产）分类。";
    ASSETS_MANAGEMENT: "assets.management", Text, "二(四)", "经营性资产明晰产权、加强经营管理，防止流失和被侵占；公益性资产落实管护主体、明确管护责任，持续发挥作用。";
    ASSETS_HOUSEHOLD: "assets.household", Document, "二(四)；国办函〔2021〕51号（转述）", "到户类资产归农户所有，由农户自行管理，不作村级收益分配和处置审批。";
    ASSETS_OWNER: "assets.owner", Document, "国办函〔2021〕51号（转述）", "经营性、公益性资产的产权明确到村集体或乡、县；到户类归农户：登记的产权归属与类别不符的标出核实。";
    ASSETS_PILOT_FUNDS: "assets.pilotFunds", Text, "六(十六)", "涉农资金统筹整合试点只在过渡期前3年：之后年度形成、登记为整合资金的资产标出核实。";
    ASSETS_INCOME_USES: "assets.incomeUses", Text, "二(四)", "资产收益重点用于项目运行管护、村级公益事业、巩固拓展脱贫攻坚成果等；村级收益部分还可用于产业发展和提质增效、小微奖补、小型公益事业建设、扶贫资产维护。各用途占年收益的比例保留四位小数；计划合计不得超过年收益。";
    ASSETS_INCOME_USES_LISTED: "assets.incomeUsesListed", ASSUMPTION, "二(四)", "文本所列以外的用途（原文为“等”）标为“不在所列用途内”，须另行说明依据；村集体资产的收益视为村级收益，乡、县资产的不适用村级用途。";
    ASSETS_DISPOSAL: "assets.disposal", Text, "二(四)", "转让、置换、报损、报废按国有资产及农村集体资产管理规定履行报批程序；缺少所需审批环节的不得处置。";
    ASSETS_DISPOSAL_APPROVAL: "assets.disposalApproval", ASSUMPTION, "二(四)", "报批层级按账面价值分级：不超过乡镇限额由乡镇审批，不超过县级部门限额由县级行业主管部门会同财政部门审批，以上报县级人民政府（限额为参数）；村集体资产先经村民会议或村民代表会议决议，县级资产从县级部门起。";
    ASSETS_DISPOSAL_VALUE: "assets.disposalValue", ASSUMPTION, "二(四)", "转让、置换价格低于账面价值的，标出资产流失风险，须有资产评估依据。";
    ASSETS_SUMMARY: "assets.summary", Text, "二(四)", "台账按类别和村汇总资产数、账面价值、年收益、计划用途和处置。";
    INDICATORS_INCOME_GROWTH: "indicators.incomeGrowth", Text, "一(三)", "农民人均可支配收入增速 = 本年 ÷ 上年 − 1；脱贫县增速高于全省农民平均增速即达到目标（按精确值比较，显示保留两位小数的百分比）。";
    INDICATORS_MONITORED: "indicators.monitored", Text, "二(二)", "防止返贫监测对象按脱贫不稳定户、边缘易致贫户、突发严重困难户统计，风险消除占比 = 风险已消除户数 ÷ 监测户数。";
    INDICATORS_COVERAGE: "indicators.coverage", Text, "四(十三)", "应保尽保、应兜尽兜：测算符合低保、特困条件而未纳入的为缺口。";
    INDICATORS_CASH: "indicators.cash", ASSUMPTION, "四(十)", "花名册测算的现金帮扶合计（低保、特困等）：实施意见没有这一指标，是本计算器为县级汇总列出的；所计各项的依据见各项目（低保、特困为四(十)）。";
    INDICATORS_KEY_COUNTY: "indicators.keyCounty", Text, "五(十四)", "对乡村振兴重点帮扶县建立跟踪监测机制，定期监测评估；名单未公布时注明。";
    INDICATORS_ASSESSMENT: "indicators.assessment", Text, "七(二十三)", "以上指标用于巩固拓展脱贫攻坚成果和乡村振兴考核。";
}

/// Where two routes compete for the same household or member: the order they are tried in, in
/// Chinese, and the rule that states it (docs/rules.md lists these first).
pub const ORDERS: &[(&str, &str, RuleId)] = &[
    (
        "低保：整户补差、渐退、单人户",
        "先看整户：人均收入低于标准的整户补差（加发随户）；否则正在领取低保、因就业超过标准的，渐退期内维持原低保；都不适用时，低保计两人及以上的低保边缘家庭的重度残疾人、重病患者参照单人户。结果的 route 写明所用方式。",
        DIBAO_ROUTE_ORDER_GRADUAL_EXIT.0,
    ),
    (
        "特困与低保",
        "先逐人认定特困（三项条件都满足的成员），其余成员再按低保计算；特困成员的收入份额不计入其余成员。",
        DIBAO_TEKUN_MEMBERS.0,
    ),
    (
        "劳动能力：第五条与登记",
        "民发〔2021〕43号第五条列出的成员（60周岁以上、未满16周岁、所列残疾）按无劳动能力计，不论登记为何；其余成员按登记，未登记的按有劳动能力（登记为无劳动能力的列为假设）。",
        MEMBER_LABOR_CAPACITY,
    ),
    (
        "孤儿、事实无人抚养儿童与低保",
        "未满18周岁（或年满18周岁后仍在校就读、继续发放）、登记为孤儿或事实无人抚养儿童的，领取其基本生活费，不计入家庭低保（不计人数，也不分摊家庭收入）：集中养育的不与家庭共同生活；散居的只享受一项基本生活保障（假设）。",
        DIBAO_ALLOWANCE_CHILDREN.0,
    ),
    (
        "孤儿、事实无人抚养儿童与特困",
        "未满18周岁（或年满18周岁后仍在校就读、继续发放）、登记为孤儿或事实无人抚养儿童的，领取其基本生活费，不再认定为特困人员。",
        TEKUN_ORPHAN_ALLOWANCE,
    ),
    (
        "临时救助与一事一议",
        "先在上限内给予一次性临时救助；缺口大于上限的部分，报县级一事一议。",
        TEMPORARY_CASE_BY_CASE.0,
    ),
    (
        "防返贫监测的帮扶方式",
        "遭遇重大自然灾害或家庭重大变故的，先按一事一议；否则家中有劳动能力成员的开发式帮扶，都无劳动能力的兜底保障。",
        MONITORING_TRACK,
    ),
];

/// The rule of an id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

/// The assumptions a result applied: a bit per rule of [`RULES`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Assumptions(Bits);

const _: () = assert!(RULES.len() <= Bits::CAPACITY, "Assumptions holds 256 rules");

impl Assumptions {
    /// Record that the assumption `id` was applied.
    pub fn add(&mut self, id: AssumptionId) {
        self.0.insert(usize::from(id.0.index));
    }
    /// `id` when `applies`.
    pub fn add_if(&mut self, applies: bool, id: AssumptionId) {
        if applies {
            self.add(id);
        }
    }
    pub fn extend(&mut self, other: Assumptions) {
        self.0.union(other.0);
    }
    pub fn is_empty(self) -> bool {
        self.0.is_empty()
    }
    /// The rules applied, in the order of [`RULES`].
    pub fn iter(self) -> impl Iterator<Item = &'static Rule> {
        self.0.indices().filter_map(|i| RULES.get(i))
    }
    pub fn contains(self, id: AssumptionId) -> bool {
        self.0.contains(usize::from(id.0.index))
    }
    /// Whether `rule` is one of the assumptions applied.
    pub fn includes(self, rule: &Rule) -> bool {
        self.iter().any(|r| r == rule)
    }
}

/// An assumption as a result lists it.
#[derive(Serialize, Tsify)]
pub struct Assumption {
    pub rule: &'static str,
    /// Chinese: what is assumed and why (explained results only).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub text: Option<&'static str>,
}

/// [`Assumptions`] as a result lists them: `[{ rule, text? }]`, the sentence when explained.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AssumptionList {
    pub set: Assumptions,
    pub words: bool,
}

impl Serialize for AssumptionList {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.set.iter().map(|r| Assumption {
            rule: r.id,
            text: self.words.then_some(r.text),
        }))
    }
}

/// A set on its own is written with its sentences (county results, which are always explained).
impl Serialize for Assumptions {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        AssumptionList {
            set: *self,
            words: true,
        }
        .serialize(s)
    }
}

/// docs/rules.md, written from [`RULES`].
pub fn document() -> String {
    let mut out = String::from(
        "# 计算规则一览\n\n\
         本页由 `src/policy/rules.rs` 生成，列出引擎适用的每一条规则：规则编号（测算步骤中的 `rule`）、\
         依据（政策原文条目，或所依据的国家、省级文件文号），以及规则的性质：\n\n\
         - **政策原文**：《中共黑龙江省委 黑龙江省人民政府关于实现巩固拓展脱贫攻坚成果同乡村振兴有效衔接的实施意见》的条目；\n\
         - **国家或省级文件**：实施意见所依据的文件（“转述”表示只见到转述，未见原文）；\n\
         - **本计算器的假设**：没有找到文件明确规定、由本计算器采用的做法。凡用到假设的测算结果，都在 \
         `assumptions` 中列出，工作人员页面在结果旁显示。\n\n\
         规则所用的具体数额（标准、比例、月数）是带日期和来源的参数，见 [parameters.md](parameters.md)。\n\n\
         文号简称：“民发〔2021〕43号”为民政部《特困人员认定办法》；“民发〔2021〕57号”为民政部《最低生活保障审核确认办法》；\
         “民政部等四部门2022年通知”为民政部、中央农办、财政部、国家乡村振兴局《关于进一步做好最低生活保障等社会救助兜底保障工作的通知》（2022年）；\
         “国办函〔2021〕51号”为国务院办公厅转发国家乡村振兴局等《关于加强扶贫项目资产后续管理的指导意见》；\
         “国办发〔2021〕42号”为国务院办公厅《关于健全重特大疾病医疗保险和救助制度的意见》。\
         黑龙江省的《特困人员认定办法》（黑民规〔2021〕12号）和《最低生活保障审核确认办法》（黑民规〔2021〕16号）未见原文，\
         其中省级规定的其他情形未计入。\n",
    );
    out.push_str("\n## 几种方式竞合时的先后\n\n| 场合 | 先后 | 规则 | 性质 |\n|---|---|---|---|\n");
    for (place, text, id) in ORDERS {
        let (basis, id) = (id.rule().basis.label(), id.id());
        out.push_str(&format!("| {place} | {text} | `{id}` | {basis} |\n"));
    }
    out.push_str("\n## 全部规则\n\n| 规则 | 性质 | 依据 | 内容 |\n|---|---|---|---|\n");
    for r in RULES {
        out.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            r.id,
            r.basis.label(),
            r.source,
            r.text
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_name_their_programme() {
        for (i, r) in RULES.iter().enumerate() {
            assert!(RULES[..i].iter().all(|o| o.id != r.id), "{} twice", r.id);
            assert!(r.id.contains('.'), "{}", r.id);
        }
    }

    #[test]
    fn each_constant_is_its_rule() {
        assert_eq!(DIBAO_BASE.id(), "dibao.base");
        assert_eq!(RuleId::from(TEMPORARY_NEED).rule().basis, Basis::Assumption);
        for (i, r) in RULES.iter().enumerate() {
            assert_eq!(rule(r.id), Some(r), "{}", r.id);
            assert!(r.sources().count() >= 1, "{}", r.id);
            assert_eq!(RULES.iter().position(|o| o == r), Some(i));
        }
        // A step cites the first source of its rule.
        assert_eq!(DIBAO_COUNTED_INCOME.citation(), "四(十)");
        assert_eq!(MONITORING_RURAL.citation(), "二(二)");
        let parts: Vec<&str> = COUNTY_KEY_COUNTY.rule().sources().collect();
        assert_eq!(parts, ["五(十四)", "六(十六)", "六(十九)"]);
    }

    #[test]
    fn the_documents_beside_a_citation_are_the_rest_of_its_rules_basis_but_its_items() {
        // tekun.member: 四(十) of the text, 民发〔2021〕43号第四条 behind it.
        assert_eq!(
            TEKUN_MEMBER.rule().documents_beside("四(十)"),
            ["民发〔2021〕43号第四条（转述）"]
        );
        // A step citing the document (an urban deduction) has the rest only: 四(十) is an item,
        // said by the steps that apply it.
        let capacity = RuleId::from(DIBAO_EMPLOYMENT_DEDUCTION_CAPACITY).rule();
        assert_eq!(
            capacity.documents_beside("民发〔2021〕57号第十三条（转述）"),
            ["民发〔2021〕43号第五条"]
        );
        // Items listed item by item are not documents: a measure cites its own item only.
        assert!(COUNTY_KEY_COUNTY
            .rule()
            .documents_beside("五(十四)")
            .is_empty());
        // A document is one, whatever articles it lists.
        assert_eq!(
            ALERTS_SCHOOL_DROPOUT.rule().documents_beside("二(三)"),
            ["《义务教育法》第二条、第十一条（转述）"]
        );
        // A rule no item states: the first document is cited, the others shown.
        assert_eq!(
            DIBAO_MARGINAL
                .rule()
                .documents_beside("民发〔2021〕57号第八条（转述）"),
            ["民政部等四部门2022年通知一(四)"]
        );
    }

    #[test]
    fn a_phrase_the_policy_text_lacks_is_cited_to_its_document() {
        // “大稳定、小调整” (after the period) is said by the 2025 and 2026 No. 1 documents, not by
        // any item of the text (二(一) keeps policies stable within the period): a rule quoting it
        // shows that document beside the item its steps cite.
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/www/policy-text.json");
        let text = std::fs::read_to_string(path).unwrap();
        assert!(!text.contains("大稳定"));
        let quoting: Vec<&Rule> = RULES
            .iter()
            .filter(|r| r.text.contains("“大稳定、小调整”"))
            .collect();
        assert!(quoting.len() >= 3);
        for r in quoting {
            let cited = r.sources().next().unwrap();
            assert!(
                r.documents_beside(cited)
                    .iter()
                    .any(|d| d.contains("中央一号文件")),
                "{}: {}",
                r.id,
                r.source
            );
        }
        assert_eq!(RuleId::from(TRANSITION_CARRIED_VALUES).citation(), "一(二)");
    }

    #[test]
    fn assumptions_are_recorded_by_their_constant() {
        let mut a = Assumptions::default();
        assert!(a.is_empty());
        a.add(TEMPORARY_NEED);
        assert!(a.contains(TEMPORARY_NEED));
        assert!(!a.contains(TEMPORARY_AMOUNT));
        let json = serde_json::to_string(&AssumptionList {
            set: a,
            words: true,
        })
        .unwrap();
        assert!(
            json.starts_with(r#"[{"rule":"temporary.need","text":""#),
            "{json}"
        );
    }

    #[test]
    fn a_rule_says_another_in_words_not_by_its_id() {
        // Its text is what an officer reads (the assumptions of a printed 测算单): no ids.
        for r in RULES {
            for other in RULES {
                assert!(!r.text.contains(other.id), "{}: {}", r.id, other.id);
            }
        }
    }

    #[test]
    fn what_the_text_does_not_say_is_not_marked_as_its_words() {
        // 四(十二) only strengthens the care of orphans; how the allowance is paid (institution,
        // guardian) is 国办发〔2010〕54号's.
        assert_eq!(ORPHAN_ALLOWANCE_STANDARD.rule().basis, Basis::Document);
        assert!(ORPHAN_ALLOWANCE_STANDARD
            .rule()
            .source
            .contains("国办发〔2010〕54号"));
        // 四(十一) names the three layers; that costs outside the policy scope are the patient's
        // is the insurance's own rule.
        assert_eq!(MEDICAL_BILL.rule().basis, Basis::Document);
        assert!(!MEDICAL_BILL.rule().source.contains("四(十一)"));
        // 城市低收入人口 under 民政's monitoring is a national definition, not the text's.
        assert_eq!(MONITORING_RURAL.rule().basis, Basis::Document);
        assert!(MONITORING_RURAL.rule().source.contains("民政部"));
        // 四(十) has no indicator of the cash paid: the total is this calculator's.
        assert_eq!(
            RuleId::from(INDICATORS_CASH).rule().basis,
            Basis::Assumption
        );
        // The notice says the budget subsidises at the LPR; simple interest over the whole term at
        // the LPR of the date, held, is this calculator's reading.
        assert_eq!(
            RuleId::from(CREDIT_MICROCREDIT_SUBSIDY).rule().basis,
            Basis::Assumption
        );
        // 六(十七) gives no cap, and no notice found lends a request above the cap at the cap.
        assert_eq!(
            RuleId::from(CREDIT_GUARANTEE_LOAN_OVER_CAP).rule().basis,
            Basis::Assumption
        );
        assert!(!CREDIT_GUARANTEE_LOAN.rule().text.contains("按上限"));
        // 以工代赈 is 三(六)'s and 六(十六)'s; the share's document is the one in force.
        for r in [WORK_RELIEF_REMUNERATION, WORK_RELIEF_REMUNERATION_RAISED] {
            assert!(
                r.rule().source.starts_with("三(六)、六(十六)；"),
                "{}",
                r.id()
            );
        }
    }

    #[test]
    fn docs_rules_md_is_written_from_the_list() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md");
        let on_disk = std::fs::read_to_string(path).unwrap_or_default();
        if on_disk != document() {
            // Write it, so the diff shows in the commit; the test still fails until it is kept.
            std::fs::write(path, document()).unwrap();
            panic!("docs/rules.md was out of date and has been rewritten: commit it");
        }
    }
}
