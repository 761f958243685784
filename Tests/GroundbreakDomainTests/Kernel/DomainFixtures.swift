import Foundation
import GroundbreakDomain

let today = Day(year: 2026, month: 11, day: 23)!

/// A small catalog with the shapes the rules need.
let catalog = ReferenceCatalog(
    regions: [
        Region(code: "220000", name: "吉林省", kind: .province, parentCode: nil, aliasOf: nil, sort: 1, validity: Validity(source: "t")),
        Region(code: "220100", name: "长春市", kind: .city, parentCode: "220000", aliasOf: nil, sort: 2, validity: Validity(source: "t")),
        Region(code: "220104", name: "朝阳区", kind: .district, parentCode: "220100", aliasOf: nil, sort: 3, validity: Validity(source: "t")),
        Region(code: "220184", name: "公主岭市", kind: .countyCity, parentCode: "220100", aliasOf: nil, sort: 4, validity: Validity(source: "t")),
        Region(code: "220381", name: "公主岭市(旧)", kind: .countyCity, parentCode: "220100", aliasOf: "220184", sort: 5, validity: Validity(source: "t")),
    ],
    zones: [
        Zone(code: "CC-XQ", name: "长春新区", shortName: "长春新区", level: "国家级新区", codeSource: "internal", parentCode: nil, sort: 1, validity: Validity(source: "t")),
        Zone(code: "220173", name: "长春高新技术产业开发区", shortName: "高新区", level: "国家级", codeSource: "NBS", parentCode: "CC-XQ", sort: 2, validity: Validity(source: "t")),
    ],
    departments: [
        Department(code: "CC-GXJ", name: "长春市工业和信息化局", shortName: "市工信局", level: "city", regionCode: "220100", kind: "government", sort: 1, validity: Validity(source: "t")),
        Department(code: "CC-ZRZY", name: "长春市规划和自然资源局", shortName: "市规自局", level: "city", regionCode: "220100", kind: "government", sort: 2, validity: Validity(source: "t")),
    ],
    categories: [
        Category(code: "IND", level: 1, parentCode: nil, name: "产业项目", sort: 1, validity: Validity(source: "t")),
        Category(code: "IND-MFG", level: 2, parentCode: "IND", name: "先进制造业", sort: 2, validity: Validity(source: "t")),
        Category(code: "RE", level: 1, parentCode: nil, name: "房地产开发项目", sort: 3, validity: Validity(source: "t")),
    ],
    sections: [IndustrySection(code: "C", name: "制造业", validity: Validity(source: "t"))],
    divisions: [IndustryDivision(code: "36", sectionCode: "C", name: "汽车制造业", validity: Validity(source: "t"))],
    sizeBands: [
        SizeBand(code: "U5", label: "500万元以下", minimum: .zero, sort: 0, validity: Validity(source: "t")),
        SizeBand(code: "M50", label: "5000万元以上", minimum: .wan(5000), sort: 1, validity: Validity(source: "t")),
        SizeBand(code: "Y20", label: "20亿元以上", minimum: .yi(20), sort: 2, validity: Validity(source: "t")),
    ],
    tags: [Tag(code: "SANZAO", name: "三早项目", description: "", sort: 1, validity: Validity(source: "t"))],
    positions: [
        Position(id: 1, title: "副市长", unitName: "市政府", duty: .sponsor, holderName: "王某"),
        Position(id: 2, title: "项目秘书", unitName: "市工信局", duty: .secretary, holderName: "李某"),
    ]
)

func validInput() -> ProjectInput {
    var input = ProjectInput()
    input.name = "新能源汽车零部件产业园项目"
    input.regionCode = "220104"
    input.categoryCode = "IND-MFG"
    input.investmentType = "enterprise"
    input.totalInvestmentWan = "85000"
    return input
}

func project(stage: Stage = .reserve, suspendedFrom: Stage? = nil, _ change: (inout ProjectFields) -> Void = { _ in }) -> Project {
    var fields = try! ProjectValidator(catalog: catalog, today: today).validate(validInput(), stage: .reserve).get()
    change(&fields)
    return Project(id: 1, fields: fields, stage: stage, suspendedFrom: suspendedFrom, createdAt: Date(), updatedAt: Date(), version: 1)
}
