import Plot
import SQLKit
