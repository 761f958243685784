import Foundation

/// The leads' words, zh-CN.
public enum LeadText {
    public static func investorKind(_ kind: Investor.Kind) -> String {
        switch kind {
        case .global500: "世界500强"
        case .china500: "中国500强"
        case .central: "央企"
        case .stateOwned: "国企"
        case .privateOwned: "民企"
        case .foreign: "外资企业"
        case .hongKongMacaoTaiwan: "港澳台企业"
        }
    }

    public static func status(_ status: LeadStatus) -> String {
        switch status {
        case .active: "跟进中"
        case .shelved: "暂缓"
        case .lost: "流失"
        }
    }

    public static func eventKind(_ kind: LeadEvent.Kind) -> String {
        switch kind {
        case .created: "录入"
        case .advanced: "推进"
        case .visit: "考察"
        case .note: "进展"
        case .shelved: "暂缓"
        case .lost: "流失"
        case .reopened: "重新跟进"
        case .linked: "关联台账项目"
        }
    }

    public static func direction(_ direction: LeadEvent.Direction) -> String {
        switch direction {
        case .outbound: "走出去"
        case .inbound: "请进来"
        }
    }

    public static func contract(_ contract: LeadSigning.Contract) -> String {
        switch contract {
        case .framework: "框架协议"
        case .formal: "正式合同"
        }
    }

    public static func capital(_ capital: LeadSigning.Capital) -> String {
        switch capital {
        case .domestic: "内资"
        case .foreign: "外资"
        }
    }

    public static func clock(_ kind: LeadClock.Kind) -> String {
        switch kind {
        case .respond: "响应"
        case .assess: "研判"
        case .progress: "报告进展"
        }
    }

    public static func clockState(_ state: LeadClock.State) -> String {
        switch state {
        case .met: "按时"
        case .running: "进行中"
        case .overdue: "已超时"
        case .late: "超时完成"
        }
    }

    public static func activityKind(_ kind: AttractionActivity.Kind) -> String {
        switch kind {
        case .tripOut: "外出招商（走出去）"
        case .visitIn: "客商来访（请进来）"
        case .fair: "展会推介"
        case .signingCeremony: "集中签约"
        case .online: "线上洽谈"
        case .other: "其他活动"
        }
    }

    public static func notForward(_ stage: String) -> String { "线索已在“\(stage)”阶段，只能向后推进" }
    public static func notActive(_ status: LeadStatus) -> String { "线索已\(status.label)，请先重新跟进" }
    public static let alreadyActive = "线索正在跟进中"
    public static let noProject = "没有这个项目，或无权查看"
    public static let alreadyLinked = "这条线索已关联台账项目，不能再建立新项目；如关联有误，请改为关联正确的项目"
    public static let leadsOfUnit = "活动关联的线索须是本单位的线索"
    public static let domesticInYuan = "内资以人民币计，汇率为1"
    public static let signingRequired = "推进到签约须填写签约日期、签约金额、协议类型和内外资"
    public static let creditCodeRequired = "推进到注册须填写注册企业的统一社会信用代码"
    public static func beforeCreated(_ day: Day) -> String { "日期不能早于线索录入日期 \(day.iso)" }
}
