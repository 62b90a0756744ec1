package data

// Default per-term lists seeded into a new term when there is no earlier
// term to copy from. Every committee edits them to match its own 届
// (shared/domain.md §3.4: local committees have 19–26 界别, only the
// democratic parties with a local organisation, and "三委一办"-style 专委会).
var defaultCatalogs = map[string][]string{
	KindSector: {
		"中国共产党", "民革", "民盟", "民建", "民进", "农工党", "致公党", "九三学社", "无党派人士",
		"共青团和青联", "工会", "妇联", "工商联", "科协", "台联", "侨联",
		"文化艺术界", "科学技术界", "社会科学界", "经济界", "农业界", "教育界", "体育界",
		"新闻出版界", "医药卫生界", "社会福利和社会保障界", "少数民族界", "宗教界", "环境资源界", "特别邀请人士",
	},
	KindParty: {
		"中共", "民革", "民盟", "民建", "民进", "农工党", "致公党", "九三学社", "台盟", "无党派", "群众",
	},
	KindCommittee: {
		"提案委员会", "经济委员会", "科教文卫体委员会", "社会和法制委员会", "文化文史和学习委员会", "委员联络委员会",
	},
	KindGroup: {
		"城关镇委员活动组", "第一委员活动组", "第二委员活动组", "第三委员活动组", "第四委员活动组",
	},
}

// DefaultCatalog returns the built-in list for a kind.
func DefaultCatalog(kind string) []string {
	return append([]string(nil), defaultCatalogs[kind]...)
}
