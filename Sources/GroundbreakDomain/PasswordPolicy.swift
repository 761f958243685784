import Foundation

/// Password rules for accounts (等保2.0 level 3 practice): at least 8 characters from at least
/// three of the four classes upper-case, lower-case, digit, symbol.
public enum PasswordPolicy {
    public static let minimumLength = 8
    public static let requiredClasses = 3

    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case tooShort
        case tooFewClasses

        public var description: String {
            switch self {
            case .tooShort: "密码至少\(PasswordPolicy.minimumLength)位"
            case .tooFewClasses: "密码须包含大写字母、小写字母、数字、符号中的至少\(PasswordPolicy.requiredClasses)类"
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
