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
    DibaoAssetsFailed        "dibao.assetsFailed"        "家庭财产状况不符合低保条件。";
    DibaoIncomeBelowStandard "dibao.incomeBelowStandard" "人均月收入低于低保标准，整户纳入低保，按差额补差。";
    DibaoSupplement          "dibao.supplement"          "有成员属重度残疾人、重病患者、老年人或未成年人，加发低保金。";
    DibaoIncomeNotBelowStandard "dibao.incomeNotBelowStandard" "人均月收入不低于低保标准，整户不符合低保条件。";
    DibaoMarginal            "dibao.marginal"            "人均收入低于低保标准的1.5倍（参数），属低保边缘家庭。";
    DibaoSinglePerson        "dibao.singlePerson"        "低保边缘家庭中的重度残疾人、重病患者参照“单人户”纳入低保。";
    DibaoGradualExit         "dibao.gradualExit"         "务工收入增加后处于低保渐退期，期内按月发放。";
    DibaoGradualExitEnded    "dibao.gradualExitEnded"    "低保渐退期已经结束。";
    DibaoGradualExitFirst    "dibao.gradualExitFirst"    "渐退期内该户仍是低保家庭，不参照“单人户”另行计算。";
}

impl Serialize for Reason {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

/// The reason of an id, if there is one.
pub fn reason(id: &str) -> Option<Reason> {
    Reason::ALL.iter().copied().find(|r| r.id() == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_name_their_programme() {
        for (i, r) in Reason::ALL.iter().enumerate() {
            assert!(
                Reason::ALL[..i].iter().all(|o| o.id() != r.id()),
                "{}",
                r.id()
            );
            let (programme, what) = r.id().split_once('.').unwrap();
            assert!(!programme.is_empty() && !what.is_empty() && r.id().is_ascii());
            assert!(r.text().ends_with('。'), "{}", r.id());
        }
    }
}
