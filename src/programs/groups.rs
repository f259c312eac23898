//! The groups a member or household belongs to, as results name them: an id in the figures
//! (`groups: ['dibao', 'severeDisability']`), its Chinese name in `labels().group` and in the words.

use serde::{Serialize, Serializer};

macro_rules! groups {
    ($($variant:ident $id:literal $label:literal;)*) => {
        /// A group a programme's rules name (低保对象, 重度残疾人, 脱贫户 …).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Group {
            $($variant,)*
        }

        impl Group {
            /// Every group, in the order `labels().group` lists them.
            pub const ALL: &'static [Group] = &[$(Group::$variant,)*];

            /// The id results carry.
            pub fn id(self) -> &'static str {
                match self { $(Group::$variant => $id,)* }
            }

            /// The Chinese name.
            pub fn label(self) -> &'static str {
                match self { $(Group::$variant => $label,)* }
            }
        }
    };
}

groups! {
    // members
    Tekun              "tekun"              "特困人员";
    Dibao              "dibao"              "低保对象";
    Returned           "returned"           "返贫致贫人口";
    Monitored          "monitored"          "监测对象";
    Alleviated         "alleviated"         "脱贫人口";
    SevereDisability   "severeDisability"   "重度残疾人";
    SeriousIllness     "seriousIllness"     "重病患者";
    Elderly            "elderly"            "老年人";
    Minor              "minor"              "未成年人";
    Disabled           "disabled"           "残疾人";
    // households
    MonitoredHousehold "monitoredHousehold" "农村易返贫致贫户（监测对象）";
    DibaoHousehold     "dibaoHousehold"     "农村低保户";
    TekunDispersed     "tekunDispersed"     "农村分散供养特困人员";
    AlleviatedHousehold "alleviatedHousehold" "脱贫户";
}

impl Serialize for Group {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

/// The Chinese names of `groups`, joined with 、 (for a sentence).
pub fn labels(groups: &[Group]) -> String {
    let names: Vec<&str> = groups.iter().map(|g| g.label()).collect();
    names.join("、")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_labels_are_unique() {
        for (i, g) in Group::ALL.iter().enumerate() {
            assert!(Group::ALL[..i]
                .iter()
                .all(|o| o.id() != g.id() && o.label() != g.label()));
            assert!(g.id().is_ascii());
        }
    }
}
