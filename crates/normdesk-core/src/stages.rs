//! The 46 harmonized stage codes (ISO Guide 69), their names in English and Chinese, the stage
//! groups used for filtering, and the Chinese process names used for national, local and group
//! standards. Reference data: it lives in code, not in the database.

use serde::Serialize;
use specta::Type;

/// One harmonized stage code with its names.
#[derive(Debug, Clone, Serialize, Type)]
pub struct Stage {
    /// "30.20"
    pub code: &'static str,
    /// The stage group: "00" preliminary … "95" withdrawal.
    pub group: &'static str,
    pub name_en: &'static str,
    pub name_zh: &'static str,
}

/// A stage group (the first two digits of a code).
#[derive(Debug, Clone, Serialize, Type)]
pub struct StageGroup {
    pub group: &'static str,
    /// Machine name used in filters: "preliminary", "proposal", …
    pub key: &'static str,
    pub name_en: &'static str,
    pub name_zh: &'static str,
    /// The Chinese process name for national, local and group standards (预研, 立项 …).
    pub cn_process: &'static str,
}

pub const GROUPS: &[StageGroup] = &[
    StageGroup {
        group: "00",
        key: "preliminary",
        name_en: "Preliminary",
        name_zh: "预备阶段",
        cn_process: "预研",
    },
    StageGroup {
        group: "10",
        key: "proposal",
        name_en: "Proposal",
        name_zh: "提案阶段",
        cn_process: "立项",
    },
    StageGroup {
        group: "20",
        key: "preparatory",
        name_en: "Preparatory",
        name_zh: "准备阶段",
        cn_process: "起草",
    },
    StageGroup {
        group: "30",
        key: "committee",
        name_en: "Committee",
        name_zh: "委员会阶段",
        cn_process: "征求意见",
    },
    StageGroup {
        group: "40",
        key: "enquiry",
        name_en: "Enquiry",
        name_zh: "征询阶段",
        cn_process: "审查",
    },
    StageGroup {
        group: "50",
        key: "approval",
        name_en: "Approval",
        name_zh: "批准阶段",
        cn_process: "批准",
    },
    StageGroup {
        group: "60",
        key: "publication",
        name_en: "Publication",
        name_zh: "出版阶段",
        cn_process: "发布",
    },
    StageGroup {
        group: "90",
        key: "review",
        name_en: "Review",
        name_zh: "复审阶段",
        cn_process: "复审",
    },
    StageGroup {
        group: "95",
        key: "withdrawal",
        name_en: "Withdrawal",
        name_zh: "废止阶段",
        cn_process: "废止",
    },
];

macro_rules! stages {
    ($($code:literal $group:literal $en:literal $zh:literal;)+) => {
        /// All 46 codes in order.
        pub const ALL: &[Stage] = &[$(Stage { code: $code, group: $group, name_en: $en, name_zh: $zh }),+];
    };
}

stages! {
    "00.00" "00" "Proposal for new project received" "收到新项目提案";
    "00.20" "00" "Proposal for new project under review" "新项目提案审查中";
    "00.60" "00" "Review closed" "审查结束";
    "00.98" "00" "Proposal abandoned" "提案放弃";
    "00.99" "00" "Approved to ballot the proposal" "批准提案投票";
    "10.00" "10" "New project proposal registered" "新工作项目提案登记";
    "10.20" "10" "New project ballot started" "新工作项目投票开始";
    "10.60" "10" "Voting closed" "投票结束";
    "10.92" "10" "Proposal returned to submitter for further definition" "提案退回提交者进一步明确";
    "10.98" "10" "New project rejected" "新工作项目被否决";
    "10.99" "10" "New project approved" "新工作项目批准";
    "20.00" "20" "New project registered in work programme" "新项目列入工作计划";
    "20.20" "20" "Working draft study started" "工作草案研究开始";
    "20.60" "20" "Comment period closed" "意见征集结束";
    "20.98" "20" "Project deleted" "项目撤销";
    "20.99" "20" "Working draft approved for registration as committee draft" "工作草案批准登记为委员会草案";
    "30.00" "30" "Committee draft registered" "委员会草案登记";
    "30.20" "30" "Committee draft study or ballot started" "委员会草案研究或投票开始";
    "30.60" "30" "Voting or comment period closed" "投票或意见征集结束";
    "30.92" "30" "Committee draft referred back to working group" "委员会草案退回工作组";
    "30.98" "30" "Project deleted" "项目撤销";
    "30.99" "30" "Committee draft approved for registration as DIS" "委员会草案批准登记为DIS";
    "40.00" "40" "DIS registered" "国际标准草案登记";
    "40.20" "40" "DIS ballot started" "国际标准草案投票开始";
    "40.60" "40" "Voting closed" "投票结束";
    "40.92" "40" "Full report circulated: DIS referred back" "分发完整报告：DIS退回";
    "40.93" "40" "Full report circulated: decision for new DIS ballot" "分发完整报告：决定重新投票";
    "40.98" "40" "Project deleted" "项目撤销";
    "40.99" "40" "Full report circulated: DIS approved for registration as FDIS" "分发完整报告：DIS批准登记为FDIS";
    "50.00" "50" "Final text registered for formal approval" "最终文本登记待正式批准";
    "50.20" "50" "Proof sent to secretariat or FDIS ballot started" "校样送秘书处或FDIS投票开始";
    "50.60" "50" "Voting closed; proof returned" "投票结束；校样退回";
    "50.92" "50" "FDIS or proof referred back" "FDIS或校样退回";
    "50.98" "50" "Project deleted" "项目撤销";
    "50.99" "50" "FDIS or proof approved for publication" "FDIS或校样批准出版";
    "60.00" "60" "Standard under publication" "标准出版中";
    "60.60" "60" "Standard published" "标准已发布";
    "90.20" "90" "Under systematic review" "系统复审中";
    "90.60" "90" "Review closed" "复审结束";
    "90.92" "90" "To be revised" "待修订";
    "90.93" "90" "Confirmed" "确认继续有效";
    "90.99" "90" "Withdrawal proposed" "提议废止";
    "95.20" "95" "Withdrawal ballot started" "废止投票开始";
    "95.60" "95" "Voting closed" "投票结束";
    "95.92" "95" "Decision not to withdraw" "决定不废止";
    "95.99" "95" "Withdrawn" "已废止";
}

/// Looks up a code ("30.20").
pub fn find(code: &str) -> Option<&'static Stage> {
    ALL.iter().find(|s| s.code == code)
}

/// Looks up a group by its filter key ("committee").
pub fn group_by_key(key: &str) -> Option<&'static StageGroup> {
    GROUPS.iter().find(|g| g.key == key)
}

/// Whether a project at this stage counts as published (or beyond): such a project is never
/// overdue. Cancelled codes (x.98) are not published but are not overdue either.
pub fn is_closed(code: &str) -> bool {
    code >= "60.60" || code.ends_with(".98")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_are_46_unique_codes_in_order() {
        assert_eq!(ALL.len(), 46);
        assert!(ALL.windows(2).all(|w| w[0].code < w[1].code));
        assert!(ALL.iter().all(|s| s.code.starts_with(s.group)));
        assert!(
            ALL.iter()
                .all(|s| GROUPS.iter().any(|g| g.group == s.group))
        );
    }

    #[test]
    fn closed_codes() {
        for (code, closed) in [
            ("30.20", false),
            ("60.00", false),
            ("60.60", true),
            ("95.99", true),
            ("20.98", true),
        ] {
            assert_eq!(is_closed(code), closed, "{code}");
        }
    }
}
