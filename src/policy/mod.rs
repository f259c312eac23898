//! The items of the policy text (`shared/policy/implementation-opinions-2021.md`), by the numbering the
//! text uses: part and item, e.g. `四(十)`. Item numbers restart in part 二 and run on from (五) in
//! part 三. Results cite these ids; the staff page shows the titles.
//!
//! Beside them, what the engine says it applied: [`rules`], every rule with its source (an item, a
//! document or an assumption of this calculator), and [`explain`], the steps, reasons and facts a
//! result is explained with.

pub mod explain;
pub mod rules;

/// `(citation, title)` for every item of the text.
pub const ITEMS: &[(&str, &str)] = &[
    ("一(一)", "指导思想"),
    ("一(二)", "基本思路"),
    ("一(三)", "目标任务"),
    ("二(一)", "保持主要帮扶政策总体稳定"),
    ("二(二)", "健全防止返贫动态监测和帮扶机制"),
    ("二(三)", "巩固“两不愁三保障”成果"),
    ("二(四)", "加强扶贫项目资产管理和监督"),
    ("三(五)", "支持脱贫地区乡村特色产业发展壮大"),
    ("三(六)", "促进脱贫人口稳定就业"),
    ("三(七)", "持续改善脱贫地区基础设施条件"),
    ("三(八)", "进一步提升脱贫地区公共服务水平"),
    ("四(九)", "加强农村低收入人口监测"),
    ("四(十)", "分层分类实施社会救助"),
    ("四(十一)", "合理确定农村医疗保障待遇水平"),
    ("四(十二)", "完善养老保障和儿童关爱服务"),
    ("四(十三)", "织密兜牢丧失劳动能力人口基本生活保障底线"),
    ("五(十四)", "集中力量支持一批乡村振兴重点帮扶县"),
    ("五(十五)", "坚持和完善社会力量参与帮扶机制"),
    ("六(十六)", "做好财政投入政策衔接"),
    ("六(十七)", "做好金融服务政策衔接"),
    ("六(十八)", "做好土地支持政策衔接"),
    ("六(十九)", "做好人才科技支持政策衔接"),
    ("七(二十)", "做好领导体制衔接"),
    ("七(二十一)", "做好工作体系衔接"),
    ("七(二十二)", "做好规划实施和项目建设衔接"),
    ("七(二十三)", "做好考核机制衔接"),
];

pub fn title(citation: &str) -> Option<&'static str> {
    ITEMS.iter().find(|(c, _)| *c == citation).map(|(_, t)| *t)
}

#[cfg(test)]
mod tests {
    use super::ITEMS;

    #[test]
    fn titles_are_the_headings_of_the_text() {
        // www/policy-text.json is the text item by item, each opening with its heading
        // (“基本思路。2020年……”): a title says what the text says, no gloss added.
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/www/policy-text.json");
        let json = std::fs::read_to_string(path).unwrap();
        let text: serde_json::Value = serde_json::from_str(&json).unwrap();
        let items = text["items"].as_array().unwrap();
        assert_eq!(items.len(), ITEMS.len());
        for (item, (citation, title)) in items.iter().zip(ITEMS) {
            assert_eq!(item["citation"], *citation);
            assert_eq!(item["title"], *title, "{citation}");
            let body = item["text"].as_str().unwrap_or_default();
            assert!(body.starts_with(&format!("{title}。")), "{citation}");
        }
    }
}
