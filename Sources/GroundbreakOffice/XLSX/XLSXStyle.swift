import Foundation

/// The fixed cell styles of our workbooks, by their index in `styles.xml`'s `cellXfs`.
public enum XLSXStyle: Int, Sendable {
    case plain = 0
    case title = 1
    case unitLine = 2
    case groupHeader = 3
    case header = 4
    case text = 5
    case amount = 6
    case date = 7
    case integer = 8
    case totalLabel = 9
    case totalAmount = 10
    case wrappedText = 11
}
