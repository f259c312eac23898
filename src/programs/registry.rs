//! The one list of household programmes (in the spirit of ripgrep's single list of flags).
//!
//! Each line names a programme: its Rust name, its method and column name, its id, its Chinese label,
//! the policy item it implements, and its module and figures (whose `HouseholdProgramme` impl holds
//! its compute and explain). The estimate, screening rows, register columns, the command-line
//! summary, the golden runners, the bindings, the TypeScript union of results and the `labels` export
//! all follow this list: docs/adding-a-programme.md lists what else a programme touches.

use serde::Serialize;

use super::assistance::Assistance;
use super::{
    row_basis, run, run_for_row, Amounts, Basis, ColumnNotes, ForAlerts, HouseholdProgramme,
    ProgrammeResult,
};
use crate::base::error::Result;
use crate::base::money::Money;
use crate::input::model::Household;
use crate::params::{Reader, UnofficialSet};

/// Calls `$then!` with the list. Programmes are listed in the order results show them.
macro_rules! with_household_programmes {
    ($then:ident) => {
        $then! {
            // variant   method     id           label                    item        figures
            Dibao        dibao      "dibao"      "最低生活保障"           "四(十)"    dibao::DibaoFigures;
            Tekun        tekun      "tekun"      "特困人员救助供养"       "四(十)"    tekun::TekunFigures;
            Temporary    temporary  "temporary"  "临时救助"               "四(十)"    temporary::TemporaryFigures;
            Pension      pension    "pension"    "城乡居民养老保险代缴"   "四(十二)"  pension::PensionFigures;
            Education    education  "education"  "教育资助"               "三(八)"    education::EducationFigures;
            OrphanAllowance orphan_allowance "orphanAllowance" "孤儿、事实无人抚养儿童基本生活费" "四(十二)" orphan_allowance::OrphanAllowanceFigures;
            ChildRehabilitation child_rehabilitation "childRehabilitation" "残疾儿童康复救助" "四(十二)" child_rehabilitation::ChildRehabilitationFigures;
            CareServices care_services "careServices" "访视照料服务、失能特困人员集中供养" "四(十)" care_services::CareServicesFigures;
            PublicPost   public_post "publicPost" "乡村公益岗位"        "三(六)"    public_post::PublicPostFigures;
            ForestRanger forest_ranger "forestRanger" "生态护林员"        "三(六)"    forest_ranger::ForestRangerFigures;
            MedicalPremium medical_premium "medicalPremium" "分类资助参保" "二(三)"  medical_premium::MedicalPremiumFigures;
            Housing      housing    "housing"    "住房安全（农村危房改造）" "二(三)" housing::HousingFigures;
            PovertyInsurance poverty_insurance "povertyInsurance" "防贫保险、扶贫小额保险" "六(十七)" poverty_insurance::PovertyInsuranceFigures;
        }
    };
}
pub(crate) use with_household_programmes;

/// A household programme as the list describes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Programme {
    /// The `program` of its results, e.g. `dibao`.
    pub id: &'static str,
    /// Chinese name.
    pub label: &'static str,
    /// The policy item it implements.
    pub citation: &'static str,
    /// Its name in register columns (`dibao_eligible`, …).
    pub column: &'static str,
    /// How those columns read.
    #[serde(skip)]
    pub notes: ColumnNotes,
}

macro_rules! define_registry {
    ($($variant:ident $method:ident $id:literal $label:literal $item:literal $module:ident :: $figures:ident;)*) => {
        /// A household programme's result, tagged by `program`.
        // Each estimate holds one of each in a Vec: the sizes of the variants do not add up.
        #[allow(clippy::large_enum_variant)]
        #[derive(Clone, Debug, PartialEq, Eq, Serialize)]
        #[serde(untagged)]
        pub enum ProgrammeOutcome {
            $($variant(ProgrammeResult<super::$module::$figures>),)*
        }

        impl ProgrammeOutcome {
            /// The id of the programme (`program`).
            pub fn id(&self) -> &'static str {
                match self { $(Self::$variant(r) => r.program,)* }
            }
            /// The programme's Chinese name (from the list, explained or not).
            pub fn label(&self) -> &'static str {
                match self { $(Self::$variant(_) => $label,)* }
            }
            pub fn eligible(&self) -> bool {
                match self { $(Self::$variant(r) => r.eligible,)* }
            }
            /// The result's `annual`.
            pub fn annual(&self) -> Option<Money> {
                match self { $(Self::$variant(r) => r.annual,)* }
            }
            /// The result's `monthly`.
            pub fn monthly(&self) -> Option<Money> {
                match self { $(Self::$variant(r) => r.monthly,)* }
            }
            /// What the figures rested on.
            pub fn basis(&self) -> &Basis {
                match self { $(Self::$variant(r) => &*r.basis,)* }
            }
            pub fn unofficial(&self) -> UnofficialSet {
                self.basis().unofficial
            }
            pub fn stale(&self) -> &crate::params::StaleSet {
                &self.basis().stale
            }
            pub fn assumptions(&self) -> crate::policy::rules::Assumptions {
                self.basis().assumptions
            }
            /// The policy items applied (explained results only).
            pub fn citations(&self) -> &[&'static str] {
                match self { $(Self::$variant(r) => r.words.as_ref().map_or(&[], |w| &w.citations),)* }
            }
            /// The reasons (explained results only).
            pub fn reasons(&self) -> &[String] {
                match self { $(Self::$variant(r) => r.reasons(),)* }
            }
            /// The steps (explained results only).
            pub fn steps(&self) -> &[crate::policy::explain::Step] {
                match self { $(Self::$variant(r) => r.steps(),)* }
            }
            /// The result as part of an estimate (which lists what its programmes rested on once).
            pub(crate) fn in_estimate(&mut self) {
                match self { $(Self::$variant(r) => r.in_estimate(),)* }
            }
            /// Eligibility, amounts and what the result adds to the household's totals.
            pub fn amounts(&self) -> Result<Amounts> {
                match self { $(Self::$variant(r) => r.figures.amounts(),)* }
            }
        }

        /// Every household programme, in the order results list them.
        pub const PROGRAMMES: &[Programme] = &[
            $(Programme {
                id: $id,
                label: $label,
                citation: $item,
                column: stringify!($method),
                notes: <super::$module::$figures as HouseholdProgramme>::COLUMNS,
            },)*
        ];

        /// Every household programme on a checked household, in the list's order (each may rely on
        /// what those before it added to the context); `counted` gets each one's amounts, in order.
        pub(crate) fn run_all(
            h: &Household<'_>,
            a: &mut Assistance,
            reader: &Reader<'_>,
            explain: bool,
            counted: &mut [Amounts; PROGRAMMES.len()],
        ) -> Result<Vec<ProgrammeOutcome>> {
            // Pushed one by one: a result is about a kilobyte, and `vec![…]` would build all
            // thirteen on the stack first and copy them again.
            let mut out = Vec::with_capacity(PROGRAMMES.len());
            let mut slots = counted.iter_mut();
            // A slot for each programme: the spare is never written.
            let mut spare = Amounts::default();
            $(out.push(ProgrammeOutcome::$variant(run::<super::$module::$figures>(
                $id, $label, h, a, reader, explain, slots.next().unwrap_or(&mut spare),
            )?));)*
            Ok(out)
        }

        /// Every household programme on a checked household for a screening row, in the list's
        /// order: the figures [`run_all`] computes unexplained, each handed to `row` as its
        /// amounts, no result assembled; then what they rested on together.
        pub(crate) fn run_all_for_row(
            h: &Household<'_>,
            a: &mut Assistance,
            reader: &Reader<'_>,
            kept: &mut ForAlerts,
            row: &mut dyn FnMut(&Amounts) -> Result<()>,
        ) -> Result<Basis> {
            let mut r = reader.clone();
            $(run_for_row::<super::$module::$figures>(h, a, &mut r, kept, row)?;)*
            Ok(row_basis(&r))
        }

        /// One household programme by id, explained when `explain` (`None`: no such programme).
        /// The programmes listed before it run first, unexplained, for the context.
        pub(crate) fn run_one(
            id: &str,
            h: &Household<'_>,
            a: &mut Assistance,
            reader: &Reader<'_>,
            explain: bool,
        ) -> Result<Option<ProgrammeOutcome>> {
            let mut counted = Amounts::default();
            $(
                let result = run::<super::$module::$figures>(
                    $id, $label, h, a, reader, explain && $id == id, &mut counted,
                )?;
                if $id == id {
                    return Ok(Some(ProgrammeOutcome::$variant(result)));
                }
            )*
            Ok(None)
        }

        /// The TypeScript of the results: each programme's result narrows on `program`.
        #[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
        const PROGRAMME_TYPES: &str = concat!(
            "/**\n",
            " * What every programme result has; the programme's own figures follow. The words (label,\n",
            " * reasons, steps, facts, citations) are there when the call explained (single calls'\n",
            " * default); what the figures rested on (unofficial, stale, assumptions) when the result\n",
            " * stands alone (an estimate lists them once, with `usedBy`).\n",
            " */\n",
            "export interface ProgramResultBase<P extends string = string> {\n",
            "  /** The programme's id. */\n  program: P;\n",
            "  /** Chinese name (explained). */\n  label?: string;\n",
            "  /** The programme applies to the household. 低保 also when no one in it is covered on the date but a member joins it within the 12 months on turning 18 (`why` has 'dibao.joinsLater'): then `monthly` is '0.00' and `annual` the months after. */\n  eligible: boolean;\n",
            "  /** Money per month, where the programme pays monthly (what it pays on the date). */\n  monthly?: string;\n",
            "  /** Money for the 12 months from the date: for a monthly programme, `monthly` × 12 unless a payment ends, starts or changes within them (a 渐退 period ending, an allowance or 特困 ending at 18, a 加发 changing at a birthday, a member joining 低保), then each month as paid; at the parameters' values on the date. */\n  annual?: string;\n",
            "  /** Why, as reason ids (`labels().reason[id]` is each one's sentence), explained or not. */\n  why: string[];\n",
            "  /** Chinese sentences a member of staff can read out (explained). */\n  reasons?: string[];\n",
            "  /** The trace (explained). */\n  steps?: Step[];\n",
            "  /** The figures a card shows, labelled (explained; a lean result's figures are its fields: see Fact). */\n  facts?: Fact[];\n",
            "  /** Policy items applied, e.g. ['四(十)'] (explained). */\n  citations?: string[];\n",
            "  /** Names of parameters used whose status is not 'official' (standalone results). */\n  unofficial?: string[];\n",
            "  /** Figures used that are older than their update cycle on the date (standalone results). */\n  stale?: StaleEntry[];\n",
            "  /** Rules applied that rest on no policy text or cited document (standalone results). */\n  assumptions?: Assumption[];\n",
            "  /** The household's `ref`, when it had one. */\n  ref?: string;\n",
            "}\n",
            "/** What a result standing alone (a programme's own call) lists, explained or not. */\n",
            "export interface StandaloneBasis {\n",
            "  /** Names of parameters used whose status is not 'official'. */\n  unofficial: string[];\n",
            "  /** Figures used that are older than their update cycle on the date. */\n  stale: StaleEntry[];\n",
            "  /** Rules applied that rest on no policy text or cited document. */\n  assumptions: Assumption[];\n",
            "}\n",
            $("/** ", $label, " (", $item, "), as its own call answers it. */\nexport type ", stringify!($variant), "Result = ProgramResultBase<'", $id, "'> & ", stringify!($figures), " & StandaloneBasis;\n",)*
            "/** A household programme's result in an estimate (which lists what they rested on once): narrow it on `program`. */\n",
            "export type ProgramOutcome = never", $(" | (ProgramResultBase<'", $id, "'> & ", stringify!($figures), ")",)* ";\n",
            "/** The id of a household programme. */\n",
            "export type ProgramId = never", $(" | '", $id, "'",)* ";\n",
        );
    };
}

with_household_programmes!(define_registry);

/// The programmes that are not household programmes of the list: `(id, label)`.
pub const OTHER_PROGRAMMES: &[(&str, &str)] = &[
    (super::monitoring::ID, super::monitoring::LABEL),
    (super::medical::ID, super::medical::LABEL),
    (super::credit::MICROCREDIT, super::credit::MICROCREDIT_LABEL),
    (
        super::credit::GUARANTEE_LOAN,
        super::credit::GUARANTEE_LOAN_LABEL,
    ),
    (
        super::credit::INSURANCE_FUTURES,
        super::credit::INSURANCE_FUTURES_LABEL,
    ),
    (super::work_relief::ID, super::work_relief::LABEL),
];

/// The results that are not a household programme of the list, each with its figures.
#[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
const OTHER_RESULT_TYPES: &str = r#"
/** 防止返贫动态监测 (二(二), 四(九)), as its own call answers it (an estimate's `monitoring` lists no basis). */
export type MonitoringResult = ProgramResultBase<'monitoring'> & MonitoringFigures & StandaloneBasis;
/** 医疗保障（三重保障） (四(十一)). */
export type MedicalResult = ProgramResultBase<'medical'> & MedicalFigures & StandaloneBasis;
/** 脱贫人口小额信贷 (六(十七)). Before the policy window: not eligible (`microcredit.beforeWindow`, 尚未开始), not an error. The interest and subsidy are this calculator's reading (simple interest over the whole term, the LPR of `asOf` held; assumption `credit.microcredit.subsidy`). Renewals and extensions (续贷、展期) are not computed. */
export type MicrocreditResult = ProgramResultBase<'microcredit'> & MicrocreditFigures & StandaloneBasis;
/** 创业担保贷款 (六(十七)): the individual cap on the date. Who may borrow is not checked; a request above the cap is lent at the cap (assumption `credit.guaranteeLoanOverCap`). */
export type GuaranteeLoanResult = ProgramResultBase<'guaranteeLoan'> & GuaranteeLoanFigures & StandaloneBasis;
/** 保险+期货 (六(十七)). */
export type InsuranceFuturesResult = ProgramResultBase<'insuranceFutures'> & InsuranceFuturesFigures & StandaloneBasis;
/** 以工代赈 (三(六), 六(十六)). */
export type WorkReliefResult = ProgramResultBase<'workRelief'> & WorkReliefFigures & StandaloneBasis;
"#;

/// Which programmes each total of an estimate adds up (what their `amounts` may put there). The
/// TypeScript declarations and docs/api.md name them from this list (scripts/assemble-package.mjs
/// reads it), and tests/totals.rs holds every programme to it over the golden cases, both ways: no
/// programme adds to a total it is not listed under, and each one listed does in some case.
pub const TOTALS: &[(&str, &[&str])] = &[
    ("totalMonthly", &["dibao", "tekun", "orphanAllowance"]),
    (
        "totalAnnual",
        &[
            "dibao",
            "tekun",
            "temporary",
            "education",
            "orphanAllowance",
            "povertyInsurance",
        ],
    ),
    ("totalOneOff", &["temporary", "povertyInsurance"]),
    (
        "totalOnBehalf",
        &[
            "pension",
            "education",
            "orphanAllowance",
            "medicalPremium",
            "housing",
        ],
    ),
    ("totalEarnings", &["publicPost", "forestRanger"]),
];

/// What each programme's annual amount is, in the words a printed summary puts beside it: whether it
/// is cash and whether the cash total (`totalAnnual`, 现金帮扶合计) counts it. A test holds each to
/// [`TOTALS`].
pub const AMOUNT_NOTES: &[(&str, &str)] = &[
    ("dibao", "按月现金，计入合计"),
    ("tekun", "按月现金，计入合计"),
    ("temporary", "一次性现金，计入合计"),
    ("pension", "代缴保费，不计入合计"),
    ("education", "其中现金部分计入合计"),
    ("orphanAllowance", "现金计入合计，付机构的不计入"),
    ("childRehabilitation", "最高额，不计入合计"),
    ("careServices", "服务，没有金额"),
    ("publicPost", "劳动报酬，不计入合计"),
    ("forestRanger", "劳动报酬，不计入合计"),
    ("medicalPremium", "资助缴费，不计入合计"),
    ("housing", "改造补助，不计入合计"),
    ("povertyInsurance", "一次性赔付，计入合计"),
];

/// What a programme's annual amount is ([`AMOUNT_NOTES`]); empty for an id not listed.
pub fn amount_note(id: &str) -> &'static str {
    AMOUNT_NOTES
        .iter()
        .find(|(p, _)| *p == id)
        .map_or("", |(_, note)| note)
}

/// The list entry of a programme id.
pub fn programme(id: &str) -> Option<&'static Programme> {
    PROGRAMMES.iter().find(|p| p.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_columns_are_unique_and_items_of_the_text() {
        for (i, p) in PROGRAMMES.iter().enumerate() {
            assert!(PROGRAMMES[..i]
                .iter()
                .all(|q| q.id != p.id && q.column != p.column));
            assert!(crate::policy::title(p.citation).is_some(), "{}", p.citation);
        }
    }

    /// A note says the cash total counts the amount exactly when `totalAnnual` lists the programme,
    /// and every programme has one.
    #[test]
    fn amount_notes_agree_with_the_totals() {
        let annual = TOTALS
            .iter()
            .find(|(total, _)| *total == "totalAnnual")
            .map(|(_, ids)| *ids)
            .unwrap_or_default();
        assert_eq!(AMOUNT_NOTES.len(), PROGRAMMES.len());
        for p in PROGRAMMES {
            let note = amount_note(p.id);
            let counted = note.contains("计入合计") && !note.contains("不计入合计");
            assert_eq!(counted, annual.contains(&p.id), "{}: {note}", p.id);
        }
    }
}
