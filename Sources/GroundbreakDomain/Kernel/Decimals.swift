import Foundation

/// Figures with a fixed number of places, rounded as officials round (四舍五入, half away from
/// zero): 6.25 → 6.3, where `String(format:)` would give 6.2 (it rounds half to even). Every
/// figure a page, workbook or document prints with places goes through here, so two screens
/// showing one figure agree to the last digit.
public enum Decimals {
    public static func text(_ value: Double, places: Int = 1, signed: Bool = false) -> String {
        guard value.isFinite else { return String(value) }
        let factor = pow(10, Double(places))
        // The nudge carries a value stored a hair below its half (1.005 as 1.00499…) over it.
        let magnitude = (abs(value) * factor * (1 + 1e-12)).rounded(.toNearestOrAwayFromZero) / factor
        let rounded = value < 0 && magnitude > 0 ? -magnitude : magnitude
        return String(format: signed ? "%+.\(places)f" : "%.\(places)f", rounded)
    }

    /// `86.1%`.
    public static func percent(_ value: Double, places: Int = 1) -> String { text(value, places: places) + "%" }
}
