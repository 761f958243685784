import Foundation

/// Words the demo data is made of: place names, industries and project shapes seen in Changchun's
/// published project lists.
enum DemoVocabulary {
    static let surnames = Array("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文")
    static let givenNames = ["建国", "志强", "海涛", "秀英", "晓东", "丽娟", "明", "伟", "静", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "超", "鹏", "华", "红梅", "春雷", "振宇", "宏伟", "立新", "国庆", "玉兰", "凤霞", "长春", "吉林", "德胜", "文博", "思远", "雪松", "光明", "永刚"]

    static let districtPlaces: [String: [String]] = [
        "220102": ["南关区", "南部新城", "幸福乡"],
        "220103": ["宽城区", "兰家镇", "奋进乡"],
        "220104": ["朝阳区", "永春镇", "乐山镇"],
        "220105": ["二道区", "英俊镇", "劝农山镇"],
        "220106": ["绿园区", "西新镇", "合心镇"],
        "220112": ["双阳区", "奢岭街道", "鹿乡镇", "齐家镇"],
        "220113": ["九台区", "卡伦湖", "龙嘉街道", "其塔木镇"],
        "220122": ["农安县", "合隆镇", "开安镇", "哈拉海镇"],
        "220182": ["榆树市", "五棵树镇", "弓棚子镇"],
        "220183": ["德惠市", "米沙子镇", "朱城子镇"],
        "220184": ["公主岭市", "范家屯镇", "大岭镇", "响水镇"],
    ]

    static let zonePlaces: [String: String] = [
        "220171": "长春经开区", "220172": "净月高新区", "220173": "长春高新区", "220174": "长春汽开区",
        "CC-XQ": "长春新区", "CC-ZH": "中韩示范区", "CC-LHS": "莲花山度假区", "CC-BH": "北湖科技开发区",
        "CC-CD": "长德经济开发区", "CC-KG": "空港经济开发区", "CC-XL": "兴隆综保区",
    ]

    /// Per category: project name cores, GB/T 4754 divisions, typical owner shapes and lead departments.
    struct CategoryShape {
        let cores: [String]
        let divisions: [String]
        let owners: [String]
        let leads: [String]
        let investmentType: [(String, Double)]
    }

    static let shapes: [String: CategoryShape] = [
        "IND-MFG": CategoryShape(
            cores: ["汽车零部件产业园", "新能源汽车电池托盘生产线", "整车焊装车间智能化改造", "轨道客车转向架生产基地", "精密模具制造", "高端装备制造基地", "汽车电子产业园", "智能网联汽车测试场", "轻量化车身部件", "农机装备制造"],
            divisions: ["36", "36", "36", "37", "35", "34", "38", "33", "29"],
            owners: ["汽车零部件有限公司", "装备制造有限公司", "精密机械有限公司", "轨道交通装备有限公司", "汽车科技有限公司"],
            leads: ["CC-GXJ", "CC-TCJ", "CC-SWJ"],
            investmentType: [("enterprise", 0.8), ("foreign", 0.12), ("mixed", 0.08)]),
        "IND-SEI": CategoryShape(
            cores: ["光电信息产业园", "生物医药产业化基地", "新材料产业园", "疫苗生产基地", "卫星及应用产业园", "氢能装备制造", "碳纤维复合材料", "半导体激光器生产线", "创新药研发及产业化", "高端医疗器械"],
            divisions: ["39", "27", "26", "28", "38", "40", "30"],
            owners: ["光电科技股份有限公司", "生物制药有限公司", "新材料有限公司", "卫星技术有限公司", "氢能科技有限公司"],
            leads: ["CC-GXJ", "CC-KJJ", "CC-FGW"],
            investmentType: [("enterprise", 0.75), ("foreign", 0.1), ("mixed", 0.15)]),
        "IND-SVC": CategoryShape(
            cores: ["现代物流园", "冷链物流中心", "商贸综合体", "文旅小镇", "冰雪旅游度假区", "科技企业孵化器", "数字经济产业园", "总部经济大厦", "会展中心", "电子商务产业园"],
            divisions: ["59", "59", "52", "61", "72", "73", "65", "51"],
            owners: ["物流有限公司", "商业管理有限公司", "文化旅游发展有限公司", "科技服务有限公司", "供应链管理有限公司"],
            leads: ["CC-SWJ", "CC-WGLJ", "CC-FGW", "CC-TCJ"],
            investmentType: [("enterprise", 0.85), ("mixed", 0.1), ("foreign", 0.05)]),
        "IND-AGR": CategoryShape(
            cores: ["农产品加工产业园", "玉米深加工", "肉牛屠宰及精深加工", "高标准农田建设", "设施农业园区", "梅花鹿产业园", "鲜食玉米加工", "粮食仓储物流"],
            divisions: ["13", "13", "14", "01", "03", "05"],
            owners: ["农业发展有限公司", "食品有限公司", "牧业有限公司", "粮食集团有限公司"],
            leads: ["CC-NYNC", "CC-LSJ"],
            investmentType: [("enterprise", 0.7), ("government", 0.2), ("mixed", 0.1)]),
        "INF-TRN": CategoryShape(
            cores: ["快速路建设工程", "城市轨道交通线路", "国道改扩建工程", "农村公路提质改造", "综合交通枢纽", "高速公路连接线", "铁路专用线", "公交场站"],
            divisions: ["48", "48", "53", "54"],
            owners: ["城市建设投资有限公司", "交通投资集团有限公司", "轨道交通集团有限公司"],
            leads: ["CC-JTJ", "CC-ZJJ"],
            investmentType: [("government", 0.85), ("mixed", 0.15)]),
        "INF-ENE": CategoryShape(
            cores: ["风电项目", "光伏发电项目", "220千伏输变电工程", "热电联产机组", "储能电站", "绿氢制备项目", "生物质热电", "城市供热管网改造"],
            divisions: ["44", "44", "44", "45"],
            owners: ["新能源有限公司", "电力有限公司", "热电有限公司", "能源发展有限公司"],
            leads: ["CC-NYJ", "CC-FGW"],
            investmentType: [("enterprise", 0.7), ("mixed", 0.2), ("government", 0.1)]),
        "INF-WAT": CategoryShape(
            cores: ["灌区续建配套与现代化改造", "中部城市引松供水配套", "河道综合治理", "防洪堤加固工程", "水库除险加固", "农村供水保障工程"],
            divisions: ["76", "76", "46", "48"],
            owners: ["水务投资有限公司", "水利建设有限公司"],
            leads: ["CC-SWU", "CC-NYNC"],
            investmentType: [("government", 0.9), ("mixed", 0.1)]),
        "INF-MUN": CategoryShape(
            cores: ["城市地下管网改造", "老旧供热管网改造", "污水处理厂提标改造", "城市更新片区", "燃气管网更新", "海绵城市建设", "市政道路建设", "垃圾焚烧发电"],
            divisions: ["48", "78", "46", "45", "77"],
            owners: ["城市建设投资有限公司", "城市更新有限公司", "排水有限公司", "燃气股份有限公司"],
            leads: ["CC-ZJJ", "CC-GYJ", "CC-CGJ"],
            investmentType: [("government", 0.75), ("mixed", 0.25)]),
        "INF-NEW": CategoryShape(
            cores: ["数据中心", "算力中心", "5G基站建设", "工业互联网平台", "城市大脑", "智慧城市"],
            divisions: ["65", "63", "64"],
            owners: ["云计算有限公司", "数据科技有限公司", "通信有限公司"],
            leads: ["CC-ZSJ", "CC-GXJ"],
            investmentType: [("enterprise", 0.6), ("government", 0.25), ("mixed", 0.15)]),
        "SOC-EDU": CategoryShape(
            cores: ["九年一贯制学校", "职业技术学院新校区", "中学教学楼", "幼儿园建设", "高校实验楼"],
            divisions: ["83"],
            owners: ["教育局", "学院", "教育投资有限公司"],
            leads: ["CC-JYJ"],
            investmentType: [("government", 0.9), ("mixed", 0.1)]),
        "SOC-HLT": CategoryShape(
            cores: ["人民医院新院区", "中医院综合楼", "传染病医院", "妇幼保健院", "疾控中心实验楼", "区域医疗中心"],
            divisions: ["84"],
            owners: ["人民医院", "中医院", "卫生健康局"],
            leads: ["CC-WJW"],
            investmentType: [("government", 0.85), ("mixed", 0.15)]),
        "SOC-ELD": CategoryShape(
            cores: ["养老服务中心", "医养结合项目", "普惠托育中心", "康养社区"],
            divisions: ["85", "84"],
            owners: ["养老服务有限公司", "健康产业有限公司", "民政局"],
            leads: ["CC-MZJ", "CC-WJW"],
            investmentType: [("enterprise", 0.5), ("government", 0.3), ("mixed", 0.2)]),
        "SOC-CUL": CategoryShape(
            cores: ["全民健身中心", "文化馆", "博物馆", "体育场馆改造", "图书馆新馆"],
            divisions: ["88", "89"],
            owners: ["文化旅游投资有限公司", "体育局"],
            leads: ["CC-WGLJ", "CC-TYJ"],
            investmentType: [("government", 0.8), ("mixed", 0.2)]),
        "SOC-HSG": CategoryShape(
            cores: ["老旧小区改造", "棚户区改造", "保障性租赁住房", "城中村改造", "公共租赁住房"],
            divisions: ["47", "70"],
            owners: ["城市建设投资有限公司", "住房保障有限公司"],
            leads: ["CC-ZJJ"],
            investmentType: [("government", 0.8), ("mixed", 0.2)]),
        "ENV": CategoryShape(
            cores: ["黑土地保护治理", "秸秆综合利用", "水源地保护", "矿山生态修复", "饮马河流域治理", "固废资源化利用"],
            divisions: ["77", "42", "77"],
            owners: ["环保科技有限公司", "生态环境局", "资源再生有限公司"],
            leads: ["CC-STHJ", "CC-LYJ"],
            investmentType: [("government", 0.6), ("enterprise", 0.3), ("mixed", 0.1)]),
        "RE": CategoryShape(
            cores: ["住宅小区", "商住综合体", "城市综合体", "人才公寓"],
            divisions: ["70"],
            owners: ["房地产开发有限公司", "置业有限公司"],
            leads: ["CC-ZJJ", "CC-ZRZY"],
            investmentType: [("enterprise", 1.0)]),
    ]

    static let categoryWeights: [(String, Double)] = [
        ("IND-MFG", 22), ("IND-SEI", 14), ("IND-SVC", 12), ("IND-AGR", 7),
        ("INF-TRN", 7), ("INF-ENE", 7), ("INF-WAT", 3), ("INF-MUN", 8), ("INF-NEW", 3),
        ("SOC-EDU", 3), ("SOC-HLT", 3), ("SOC-ELD", 1.5), ("SOC-CUL", 1.5), ("SOC-HSG", 3),
        ("ENV", 2), ("RE", 3),
    ]

    static let suffixes = ["项目", "建设项目", "工程", "项目（一期）", "项目（二期）"]
    static let ownerPrefixes = ["长春", "吉林", "吉林省", "中车长春", "一汽", "长光", "亚泰", "华润", "中铁", "中建", "国电", "大唐", "长春市", "北方", "东北"]
    static let sponsorTitles = ["市委书记", "市长", "常务副市长", "副市长", "副市长", "副市长", "副市长", "副市长", "市委常委、秘书长", "市委常委、组织部部长", "市委常委、宣传部部长", "市人大常委会副主任", "市政协副主席", "市委常委、新区党工委书记"]
}
