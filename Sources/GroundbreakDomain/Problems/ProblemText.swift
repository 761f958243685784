import Foundation

/// The problem workflow's sentences, zh-CN.
public enum ProblemText: Sendable, Equatable {
    case status(ProblemStatus)
    case level(ProblemLevel)
    case event(ProblemEvent.Kind)
    case escalationReason(ProblemEvent.EscalationReason)
    case cyclePhase(ProblemCycle.Phase)
    case eventNotAllowed(ProblemEvent.Kind, ProblemStatus)
    case unknownCategory(String)
    case descriptionRequired
    case textRequired(ProblemEvent.Kind)
    case textTooLong(max: Int)
    case deadlineInPast
    case ownerRequired
    case ownerInSupport
    case unknownUnit(String)
    case topOfLadder
    case noDeadlineToMiss
    case notOverdue
    case projectOrEnterprise

    public var zh: String {
        switch self {
        case .status(let status):
            switch status {
            case .raised: "待分办"
            case .assigned: "已分办"
            case .inProgress: "办理中"
            case .resolved: "待销号"
            case .closed: "已销号"
            case .suspended: "挂起"
            }
        case .level(let level):
            switch level {
            case .unit: "责任单位"
            case .region: "县（市）区、开发区"
            case .centre: "市大项目办"
            case .jointMeeting: "领导小组联席会议"
            }
        case .event(let kind):
            switch kind {
            case .raise: "提出问题"
            case .assign: "分办"
            case .reply: "办理回复"
            case .resolve: "办结"
            case .closeOut: "确认销号"
            case .reopen: "重新办理"
            case .suspend: "挂起"
            case .resume: "恢复办理"
            case .escalate: "提级"
            }
        case .escalationReason(let reason):
            switch reason {
            case .overdue: "逾期未解决"
            case .beyondPower: "责任单位无力解决"
            case .centre: "项目中心提级"
            }
        case .cyclePhase(let phase):
            switch phase {
            case .reporting: "各地各部门报送问题清单"
            case .assigning: "市大项目办分办问题清单"
            case .jointMeeting: "提请联席会议研究需全市统筹的问题"
            case .following: "跟踪办理、准备下月清单"
            }
        case .eventNotAllowed(let kind, let status):
            "问题当前为“\(status.label)”，不能“\(ProblemText.event(kind).zh)”"
        case .unknownCategory(let code): "问题类别“\(code)”不存在"
        case .descriptionRequired: "请填写问题描述"
        case .textRequired(let kind):
            switch kind {
            case .resolve: "办结须写明解决情况（佐证）"
            case .reply: "请填写办理进展"
            default: "请写明原因"
            }
        case .textTooLong(let max): "不能超过 \(max) 字"
        case .deadlineInPast: "办理时限不能早于今天"
        case .ownerRequired: "请选择责任单位"
        case .ownerInSupport: "责任单位不必再列为配合单位"
        case .unknownUnit(let code): "单位“\(code)”不存在"
        case .topOfLadder: "问题已在最高层级（领导小组联席会议），不能再提级"
        case .noDeadlineToMiss: "问题尚未分办，没有办理时限"
        case .notOverdue: "问题尚未逾期"
        case .projectOrEnterprise: "问题须属于一个项目，或写明企业名称"
        }
    }
}
