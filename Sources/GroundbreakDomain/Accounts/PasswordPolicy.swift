import Foundation

/// Password rules for accounts (等保2.0 level 3 practice): at least 8 characters from at least
/// three of the four classes upper-case, lower-case, digit, symbol.
public enum PasswordPolicy {
    public static let minimumLength = 8
    public static let requiredClasses = 3

    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case tooShort
        case tooFewClasses
        case containsUsername
        case reused
        case mismatch
        case wrongCurrent

        public var description: String {
            switch self {
            case .tooShort: "密码至少\(PasswordPolicy.minimumLength)位"
            case .tooFewClasses: "密码须包含大写字母、小写字母、数字、符号中的至少\(PasswordPolicy.requiredClasses)类"
            case .containsUsername: "密码不能包含用户名"
            case .reused: "新密码不能与最近5次使用过的密码相同"
            case .mismatch: "两次输入的新密码不一致"
            case .wrongCurrent: "当前密码不正确"
            }
        }
    }

    public static func check(_ password: String) -> [Problem] {
        var problems: [Problem] = []
        if password.count < minimumLength { problems.append(.tooShort) }
        var classes = 0
        if password.contains(where: { $0.isUppercase && $0.isASCII }) { classes += 1 }
        if password.contains(where: { $0.isLowercase && $0.isASCII }) { classes += 1 }
        if password.contains(where: { $0.isNumber && $0.isASCII }) { classes += 1 }
        if password.contains(where: { !($0.isLetter || $0.isNumber) || !$0.isASCII }) { classes += 1 }
        if classes < requiredClasses { problems.append(.tooFewClasses) }
        return problems
    }
}

extension PasswordPolicy {
    /// A one-time password an administrator hands over: 12 characters, all four classes,
    /// without look-alikes (0/O, 1/l/I).
    public static func temporaryPassword<R: RandomNumberGenerator>(using generator: inout R) -> String {
        let upper = Array("ABCDEFGHJKLMNPQRSTUVWXYZ"), lower = Array("abcdefghijkmnpqrstuvwxyz")
        let digits = Array("23456789"), symbols = Array("#%+=@!")
        var characters = [upper.randomElement(using: &generator)!, lower.randomElement(using: &generator)!,
                          digits.randomElement(using: &generator)!, symbols.randomElement(using: &generator)!]
        let all = upper + lower + digits
        while characters.count < 12 { characters.append(all.randomElement(using: &generator)!) }
        return String(characters.shuffled(using: &generator))
    }

    /// Also refuses a password that contains the user name.
    public static func check(_ password: String, username: String) -> [Problem] {
        var problems = check(password)
        if username.count >= 3 && password.lowercased().contains(username.lowercased()) { problems.append(.containsUsername) }
        return problems
    }
}

/// How long to hold a sign-in that follows failures in the window: nothing for the first
/// `freeFailures`, then doubling from half a second, at most `maximum`.
///
/// Counted per address *and user name*, so a guesser slows only their own guesses at one
/// account; and per address alone with a larger allowance (`addressFreeFailures`), for one
/// address trying many names. A city's offices share a few NAT addresses, so the address alone
/// must not slow everyone behind it at the first typos.
public enum SignInThrottle {
    public static let window: TimeInterval = 15 * 60
    public static let freeFailures = 5
    public static let addressFreeFailures = 30
    public static let maximum: Duration = .seconds(8)

    public static func delay(afterFailures failures: Int, free: Int = freeFailures) -> Duration {
        guard failures >= free else { return .zero }
        let exponent = min(failures - free, 10)
        let milliseconds = 500 * (1 << exponent)
        return min(.milliseconds(milliseconds), maximum)
    }

    /// The hold for a sign-in as `username` from an address.
    public static func delay(nameFailures: Int, addressFailures: Int) -> Duration {
        max(delay(afterFailures: nameFailures), delay(afterFailures: addressFailures, free: addressFreeFailures))
    }
}
