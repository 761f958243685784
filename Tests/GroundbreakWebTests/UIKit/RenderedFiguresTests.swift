@testable import GroundbreakWeb
import Testing

/// The form token put into figures rendered once with a stand-in: every stand-in replaced, nothing
/// else touched, whatever characters lie around it.
@Suite("Rendered figures: the form token put in")
struct RenderedFiguresTests {
    @Test("every stand-in is replaced, at the start, the end, side by side and among Chinese text; a text without one is returned as it is")
    func replacing() {
        let standIn = RenderedFigures.csrfStandIn
        let cases: [(String, String)] = [
            ("\(standIn)开头", "TOKEN开头"),
            ("<input value=\"\(standIn)\">项目名称：长春新区\(standIn)", "<input value=\"TOKEN\">项目名称：长春新区TOKEN"),
            ("\(standIn)\(standIn)", "TOKENTOKEN"),
            ("没有占位的页面 csrf- \(standIn.dropLast())", "没有占位的页面 csrf- \(standIn.dropLast())"),
            ("", ""),
            ("csrf", "csrf"),
        ]
        for (text, expected) in cases {
            #expect(RenderedFigures.replacing(standIn, with: "TOKEN", in: text) == expected)
        }
        #expect(RenderedFigures.replacing("", with: "x", in: "abc") == "abc")
        #expect(RenderedFigures.replacing("aa", with: "b", in: "aaa") == "ba", "left to right, not overlapping")
    }
}
