package demo

// The fictional county: its towns, firms, work units and the profile of
// each 界别. Everything here is invented; any likeness is by accident.

const county = "清河县"

// towns are the county's towns (乡镇). Units named after a town put their
// member into that town's 活动组 (see townGroup).
var towns = []string{"城关镇", "东关镇", "西岗镇", "柳林镇", "双庙镇", "王庄镇", "李集乡", "南阳乡"}

var villages = []string{
	"前屯村", "后屯村", "张庄村", "李庄村", "杨柳村", "北街村", "南关村", "大营村", "小营村", "郝庄村",
	"马厂村", "新立村", "高庄村", "枣园村", "孙楼村", "东堤村", "西堤村", "三里庄村", "白塔村", "刘集村",
}

var brands = []string{
	"华丰", "恒泰", "瑞丰", "鑫源", "宏达", "金鼎", "盛华", "永兴", "德润", "嘉禾", "泰和", "汇通", "新宇", "天成",
	"聚鑫", "润生", "福源", "兴达", "安泰", "裕丰", "佳美", "中信达", "博远", "正和", "龙腾", "众诚", "广源", "益康",
}

var streets = []string{"建设大街", "人民路", "胜利街", "和平路", "育才路", "滨河路", "新华街", "长安路", "振兴大街", "文化路"}

// A pool is a kind of work: the units such people work in, the titles (职称)
// they may hold and how their education is spread.
type pool struct {
	units  []string // templates: {town}, {village}, {brand}, {townhead}
	titles []string // 职称, one picked for about half of the members
	edu    [5]int   // weights of 研究生, 大学, 大专, 中专, 高中
	age    float64  // years off the committee's mean age
	moves  bool     // people in such posts are often moved to another one
}

var pools = map[string]pool{
	"gov": {units: []string{
		"中共清河县委常委、统战部部长", "清河县人民政府副县长", "中共清河县委办公室主任", "清河县发展和改革局局长",
		"清河县财政局局长", "清河县教育局局长", "清河县卫生健康局局长", "清河县农业农村局局长",
		"清河县自然资源和规划局局长", "清河县住房和城乡建设局局长", "清河县交通运输局局长", "清河县水利局局长",
		"清河县商务局局长", "清河县文化广电和旅游局局长", "清河县民政局局长", "清河县人力资源和社会保障局局长",
		"清河县市场监督管理局局长", "清河县审计局局长", "清河县统计局局长", "清河县应急管理局局长",
		"清河县司法局局长", "清河县人民法院副院长", "清河县人民检察院副检察长", "中共清河县委党校常务副校长",
		"清河县经济开发区管委会副主任", "中共清河县委组织部副部长", "中共清河县委宣传部副部长", "清河县公安局副局长",
		"中共{town}委员会书记", "{town}{townhead}", "中共清河县委统战部副部长", "清河县行政审批局局长",
		"清河县工业和信息化局局长", "清河县信访局局长", "政协清河县委员会办公室主任",
	}, edu: [5]int{35, 58, 7, 0, 0}, moves: true},
	"edu": {units: []string{
		"清河县第一中学校长", "清河县第一中学副校长", "清河县第一中学教师", "清河县第二中学校长", "清河县第二中学教师",
		"清河县第三中学副校长", "清河县职业技术教育中心校长", "清河县职业技术教育中心教师", "清河县实验小学校长",
		"清河县实验小学教师", "清河县育才小学副校长", "清河县第二实验小学教师", "{town}中心学校校长", "{town}中学教师",
		"清河县第一幼儿园园长", "清河县教师发展中心教研员", "清河县特殊教育学校校长", "清河县{brand}培训学校校长",
	}, titles: []string{"正高级教师", "高级教师", "高级教师", "一级教师", "一级教师"}, edu: [5]int{20, 72, 8, 0, 0}, moves: true},
	"med": {units: []string{
		"清河县人民医院院长", "清河县人民医院主任医师", "清河县人民医院副主任医师", "清河县人民医院护理部主任",
		"清河县中医医院副院长", "清河县中医医院主治医师", "清河县妇幼保健院院长", "清河县疾病预防控制中心主任",
		"{town}卫生院院长", "清河县第二人民医院主治医师", "清河县第二人民医院副院长", "清河县{brand}大药房总经理",
		"清河县{brand}口腔诊所所长", "{town}{village}卫生室乡村医生",
	}, titles: []string{"主任医师", "副主任医师", "副主任医师", "主治医师", "主管护师"}, edu: [5]int{28, 57, 12, 3, 0}, moves: true},
	"biz": {units: []string{
		"河北{brand}食品有限公司董事长", "清河县{brand}羊绒制品有限公司总经理", "河北{brand}汽车配件有限公司董事长",
		"清河县{brand}建筑工程有限公司总经理", "清河县{brand}商贸有限公司总经理", "河北{brand}纺织有限公司董事长",
		"清河县{brand}物流有限公司总经理", "河北{brand}机械制造有限公司董事长", "清河县{brand}房地产开发有限公司总经理",
		"河北{brand}新材料科技有限公司董事长", "清河县{brand}电子商务有限公司总经理", "河北{brand}合金刀具有限公司董事长",
		"清河县{brand}酒店管理有限公司总经理", "清河县{brand}超市有限公司总经理", "河北{brand}羊绒集团有限公司副总经理",
	}, titles: []string{"高级经济师", "经济师", "工程师"}, edu: [5]int{10, 45, 30, 10, 5}},
	"finance": {units: []string{
		"中国农业银行清河县支行行长", "中国工商银行清河县支行副行长", "中国建设银行清河县支行行长",
		"河北清河农村商业银行股份有限公司董事长", "中国邮政储蓄银行清河县支行行长", "国网清河县供电公司总经理",
		"中国移动清河分公司总经理", "中国联通清河分公司总经理", "中国人民财产保险股份有限公司清河支公司经理",
		"清河县城市建设投资集团有限公司董事长", "国家税务总局清河县税务局副局长", "清河县供销合作社联合社主任",
	}, titles: []string{"高级经济师", "经济师", "高级会计师", "会计师"}, edu: [5]int{20, 70, 10, 0, 0}, moves: true},
	"sci": {units: []string{
		"清河县科学技术局副局长", "河北{brand}新材料科技有限公司总工程师", "清河县气象局局长", "清河县科技馆馆长",
		"清河县检验检测中心主任", "清河县{brand}电子科技有限公司技术总监", "清河县水利工程建设管理站站长",
		"清河县计量检定所所长", "清河县农业技术推广中心主任",
	}, titles: []string{"正高级工程师", "高级工程师", "高级工程师", "工程师"}, edu: [5]int{35, 55, 10, 0, 0}, moves: true},
	"culture": {units: []string{
		"清河县文化馆馆长", "清河县图书馆馆长", "清河县文物保护管理所所长", "清河县书法家协会主席",
		"清河县美术家协会主席", "清河县作家协会主席", "清河县摄影家协会副主席", "清河县音乐家协会主席",
		"清河县河北梆子剧团团长", "清河县博物馆馆长", "清河县文化馆副研究馆员", "清河县{brand}文化传媒有限公司总经理",
	}, titles: []string{"副研究馆员", "馆员", "国家二级演员"}, edu: [5]int{10, 65, 20, 5, 0}, moves: true},
	"socsci": {units: []string{
		"中共清河县委党校教师", "清河县地方志编纂办公室主任", "清河县史志研究会会长", "清河县{brand}会计师事务所所长",
		"中共清河县委党校副校长", "清河县档案馆馆长", "中共清河县委政策研究室主任",
	}, titles: []string{"副教授", "讲师", "注册会计师"}, edu: [5]int{40, 55, 5, 0, 0}, moves: true},
	"law": {units: []string{
		"河北{brand}律师事务所主任", "河北{brand}律师事务所律师", "清河县公证处主任", "清河县法律援助中心主任",
		"清河县人民法院审判员", "清河县人民检察院检察官",
	}, titles: []string{"一级律师", "二级律师", "三级律师"}, edu: [5]int{25, 70, 5, 0, 0}},
	"agri": {units: []string{
		"{town}{village}党支部书记、村委会主任", "清河县{brand}种植专业合作社理事长", "清河县{brand}养殖专业合作社理事长",
		"清河县{brand}家庭农场场主", "清河县农业农村局副局长", "清河县畜牧兽医中心主任",
		"清河县{brand}农机服务专业合作社理事长", "{town}农业综合服务站站长", "清河县{brand}果蔬专业合作社理事长",
		"{town}{village}村委会主任", "清河县农业技术推广中心高级农艺师",
	}, titles: []string{"高级农艺师", "农艺师", "高级畜牧师"}, edu: [5]int{3, 25, 35, 22, 15}},
	"sport": {units: []string{
		"清河县体育中心主任", "清河县第一中学体育教师", "清河县武术协会会长", "清河县{brand}健身俱乐部经理",
		"清河县业余体育学校校长", "清河县文化广电和旅游局体育股股长",
	}, titles: []string{"高级教师", "一级教师", "国家一级教练"}, edu: [5]int{5, 70, 25, 0, 0}, age: -5, moves: true},
	"news": {units: []string{
		"清河县融媒体中心主任", "清河县融媒体中心副主任", "清河县融媒体中心记者", "邢台日报社清河记者站站长",
		"清河县新华书店经理", "清河县融媒体中心编辑部主任",
	}, titles: []string{"高级记者", "主任记者", "记者"}, edu: [5]int{10, 75, 15, 0, 0}, moves: true},
	"welfare": {units: []string{
		"清河县民政局副局长", "清河县社会福利院院长", "清河县残疾人联合会理事长", "清河县医疗保障局局长",
		"清河县{brand}养老服务中心主任", "清河县慈善协会会长", "清河县退役军人事务局副局长", "清河县红十字会常务副会长",
		"清河县社会保险事业服务中心主任",
	}, titles: []string{"高级社会工作师", "社会工作师"}, edu: [5]int{10, 60, 25, 5, 0}, moves: true},
	"minority": {units: []string{
		"清河县民族宗教事务局副局长", "清河县{brand}清真食品有限公司总经理", "清河县回民小学校长",
		"{town}{village}党支部书记", "清河县{brand}清真餐饮有限公司总经理", "清河县人民医院副主任医师",
	}, titles: []string{"一级教师", "副主任医师"}, edu: [5]int{5, 50, 30, 10, 5}},
	"religion": {units: []string{
		"清河县伊斯兰教协会会长", "清河县佛教协会会长", "清河县基督教两会主席", "清河县天主教爱国会主任",
		"{town}清真寺教长", "清河县兴福寺住持", "清河县伊斯兰教协会副会长", "清河县基督教两会副主席",
	}, edu: [5]int{5, 40, 35, 15, 5}, age: 3},
	"env": {units: []string{
		"邢台市生态环境局清河县分局局长", "邢台市生态环境局清河县分局副局长", "清河县自然资源和规划局副局长",
		"清河县林业技术推广站站长", "清河县{brand}环保科技有限公司总经理", "清河县城市管理综合行政执法局副局长",
		"清河县水务集团有限公司总经理",
	}, titles: []string{"高级工程师", "工程师"}, edu: [5]int{25, 65, 10, 0, 0}, moves: true},
	"youth": {units: []string{
		"共青团清河县委员会副书记", "清河县青年企业家协会会长", "清河县{brand}电子商务有限公司总经理",
		"清河县第一中学团委书记", "清河县青年联合会副主席", "{town}团委书记",
	}, edu: [5]int{25, 70, 5, 0, 0}, age: -13, moves: true},
	"union": {units: []string{
		"清河县总工会副主席", "河北{brand}纺织有限公司工会主席", "国网清河县供电公司工会主席",
		"河北{brand}机械制造有限公司车间主任", "清河县人民医院工会主席", "清河县{brand}羊绒制品有限公司质检员",
	}, titles: []string{"高级技师", "技师", "工程师"}, edu: [5]int{5, 45, 35, 10, 5}, moves: true},
	"women": {units: []string{
		"清河县妇女联合会副主席", "清河县{brand}家政服务有限公司总经理", "{town}妇联主席", "清河县女企业家协会会长",
		"清河县{brand}羊绒制品有限公司总经理", "{town}{village}妇联主席",
	}, edu: [5]int{10, 60, 25, 5, 0}},
	"special": {units: []string{
		"清河县人民武装部政治委员", "清河县人民武装部部长", "清河县消防救援大队大队长", "清河县关心下一代工作委员会主任",
		"清河县老年大学校长", "清河县老干部活动中心主任", "清河县人民法院原副院长", "清河县{brand}律师事务所主任",
	}, edu: [5]int{15, 65, 20, 0, 0}, age: 4},
}

// A sectorProfile says how a 界别 is made up.
type sectorProfile struct {
	name    string
	weight  int      // seats out of a 295-seat committee
	party   string   // every member's 党派 when the 界别 is a party's
	cpc     float64  // share of 中共 members when the 界别 is mixed
	women   float64  // chance a member is a woman
	pools   []string // kinds of work, picked uniformly
	head    string   // work unit of the 界别's first member, "" for none
	headCPC bool     // the head is a 中共 member
}

// sectors follow data.DefaultCatalog(data.KindSector), in its order.
var sectors = []sectorProfile{
	{name: "中国共产党", weight: 40, party: "中共", women: 0.2, pools: []string{"gov"}},
	{name: "民革", weight: 6, party: "民革", women: 0.3, pools: []string{"law", "edu", "biz", "med"}},
	{name: "民盟", weight: 8, party: "民盟", women: 0.35, pools: []string{"edu", "culture", "socsci"}},
	{name: "民建", weight: 7, party: "民建", women: 0.25, pools: []string{"biz", "finance"}},
	{name: "民进", weight: 7, party: "民进", women: 0.35, pools: []string{"edu", "culture", "news"}},
	{name: "农工党", weight: 6, party: "农工党", women: 0.35, pools: []string{"med"}},
	{name: "致公党", weight: 4, party: "致公党", women: 0.3, pools: []string{"biz", "sci"}},
	{name: "九三学社", weight: 6, party: "九三学社", women: 0.3, pools: []string{"sci", "med", "edu"}},
	{name: "无党派人士", weight: 10, party: "无党派", women: 0.3, pools: []string{"edu", "med", "sci", "law"}},
	{name: "共青团和青联", weight: 8, cpc: 0.5, women: 0.4, pools: []string{"youth"},
		head: "共青团清河县委员会书记", headCPC: true},
	{name: "工会", weight: 8, cpc: 0.6, women: 0.3, pools: []string{"union"},
		head: "清河县总工会常务副主席", headCPC: true},
	{name: "妇联", weight: 9, cpc: 0.5, women: 0.95, pools: []string{"women"},
		head: "清河县妇女联合会主席", headCPC: true},
	{name: "工商联", weight: 18, cpc: 0.15, women: 0.2, pools: []string{"biz"}, head: "清河县工商业联合会主席"},
	{name: "科协", weight: 7, cpc: 0.4, women: 0.3, pools: []string{"sci"},
		head: "清河县科学技术协会主席", headCPC: true},
	{name: "台联", weight: 3, cpc: 0.3, women: 0.3, pools: []string{"biz", "edu"}, head: "清河县台湾同胞联谊会会长"},
	{name: "侨联", weight: 3, cpc: 0.3, women: 0.3, pools: []string{"biz", "med"}, head: "清河县归国华侨联合会主席"},
	{name: "文化艺术界", weight: 10, cpc: 0.3, women: 0.4, pools: []string{"culture"},
		head: "清河县文学艺术界联合会主席", headCPC: true},
	{name: "科学技术界", weight: 8, cpc: 0.35, women: 0.3, pools: []string{"sci"}},
	{name: "社会科学界", weight: 6, cpc: 0.4, women: 0.35, pools: []string{"socsci", "law"},
		head: "清河县社会科学界联合会主席", headCPC: true},
	{name: "经济界", weight: 25, cpc: 0.25, women: 0.2, pools: []string{"biz", "biz", "finance"}},
	{name: "农业界", weight: 20, cpc: 0.35, women: 0.15, pools: []string{"agri"}},
	{name: "教育界", weight: 18, cpc: 0.35, women: 0.4, pools: []string{"edu"}},
	{name: "体育界", weight: 4, cpc: 0.3, women: 0.3, pools: []string{"sport"}},
	{name: "新闻出版界", weight: 4, cpc: 0.5, women: 0.4, pools: []string{"news"}},
	{name: "医药卫生界", weight: 16, cpc: 0.3, women: 0.4, pools: []string{"med"}},
	{name: "社会福利和社会保障界", weight: 8, cpc: 0.4, women: 0.35, pools: []string{"welfare"}},
	{name: "少数民族界", weight: 5, cpc: 0.4, women: 0.3, pools: []string{"minority"}},
	{name: "宗教界", weight: 4, women: 0.1, pools: []string{"religion"}},
	{name: "环境资源界", weight: 5, cpc: 0.4, women: 0.3, pools: []string{"env"}},
	{name: "特别邀请人士", weight: 12, cpc: 0.5, women: 0.15, pools: []string{"special"}},
}

// democraticParties are the parties a member of a mixed 界别 may belong to.
var democraticParties = []string{"民革", "民盟", "民建", "民进", "农工党", "致公党", "九三学社"}

// committeeOf is the 专委会 a kind of work leans to.
var committeeOf = map[string][]string{
	"gov":      {"提案委员会", "委员联络委员会", "经济委员会"},
	"edu":      {"科教文卫体委员会"},
	"med":      {"科教文卫体委员会"},
	"biz":      {"经济委员会", "提案委员会"},
	"finance":  {"经济委员会"},
	"sci":      {"科教文卫体委员会", "经济委员会"},
	"culture":  {"文化文史和学习委员会", "科教文卫体委员会"},
	"socsci":   {"文化文史和学习委员会", "社会和法制委员会"},
	"law":      {"社会和法制委员会"},
	"agri":     {"经济委员会", "提案委员会"},
	"sport":    {"科教文卫体委员会"},
	"news":     {"文化文史和学习委员会"},
	"welfare":  {"社会和法制委员会"},
	"minority": {"委员联络委员会", "社会和法制委员会"},
	"religion": {"委员联络委员会"},
	"env":      {"经济委员会", "提案委员会"},
	"youth":    {"委员联络委员会", "社会和法制委员会"},
	"union":    {"社会和法制委员会", "委员联络委员会"},
	"women":    {"社会和法制委员会", "委员联络委员会"},
	"special":  {"提案委员会", "委员联络委员会"},
}

// groups are the default 活动组; towns map onto them in townGroup.
var groups = []string{"城关镇委员活动组", "第一委员活动组", "第二委员活动组", "第三委员活动组", "第四委员活动组"}
