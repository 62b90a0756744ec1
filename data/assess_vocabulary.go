package data

import (
	"context"
	"maps"

	"zhengxie/data/assess"
	"zhengxie/data/proposal"
)

// RuleVocabulary is every name a rule set may use in this database: the
// county's lists (设置 → 履职), the attendance statuses, the proposal
// states, proposer types and key tiers, the author roles the assessment
// facts give, and the 政协职务 (see assessmentFacts for where each comes from).
func (s *Store) RuleVocabulary(ctx context.Context) (assess.Vocabulary, error) {
	cfg, err := s.ActivityConfig(ctx)
	if err != nil {
		return assess.Vocabulary{}, err
	}
	return RuleVocabulary(cfg), nil
}

// RuleVocabulary is the vocabulary of a database with these lists.
func RuleVocabulary(cfg ActivityConfig) assess.Vocabulary {
	statuses := make([]string, len(proposal.Statuses))
	for i, st := range proposal.Statuses {
		statuses[i] = string(st)
	}
	authors := []string{"第一署名", RoleCoAuthor}
	key := assess.VocabularyKey
	f := map[string]assess.Names{
		key(assess.KindEvent, assess.FieldTypes):    {Label: "活动类型", Known: cfg.EventTypes, Settable: true},
		key(assess.KindEvent, assess.FieldStatuses): {Label: "出席情况", Known: AttendanceStatuses},
		key(assess.KindEvent, assess.FieldRoles):    {Label: "参加角色", Known: cfg.Roles, Settable: true},

		key(assess.KindSpeech, assess.FieldTypes):  {Label: "发言形式", Known: cfg.SpeechForms, Settable: true},
		key(assess.KindSpeech, assess.FieldLevels): {Label: "发言会议", Known: cfg.SpeechMeetings, Settable: true},
		key(assess.KindSpeech, assess.FieldRoles):  {Label: "发言人署名", Known: authors},

		key(assess.KindInfo, assess.FieldLevels): {Label: "采用级别", Known: cfg.AdoptLevels, Settable: true},
		key(assess.KindInfo, assess.FieldRoles):  {Label: "作者署名", Known: []string{RoleFirstAuthor, RoleCoAuthor}},

		key(assess.KindProposal, assess.FieldTypes):    {Label: "提案者性质", Known: proposal.ProposerTypes},
		key(assess.KindProposal, assess.FieldStatuses): {Label: "提案状态", Known: statuses},
		key(assess.KindProposal, assess.FieldLevels):   {Label: "重点提案类别", Known: proposal.KeyTiers},
		key(assess.KindProposal, assess.FieldRoles):    {Label: "提案人署名", Known: []string{RoleFirstProposer, RoleCoProposer}},

		key(assess.KindAward, assess.FieldTypes):  {Label: "表彰类型", Known: cfg.AwardKinds, Settable: true},
		key(assess.KindAward, assess.FieldLevels): {Label: "表彰级别", Known: cfg.AwardLevels, Settable: true},

		key(assess.KindRecord, assess.FieldTypes): {Label: "其他履职类型", Known: cfg.RecordTypes, Settable: true},
		key(assess.KindRecord, assess.FieldRoles): {Label: "作者署名", Known: authors},
	}
	aliases := maps.Clone(ruleAliases)
	maps.Copy(aliases, eventTypeAliases)
	return assess.Vocabulary{Fields: f, MemberRoles: Roles, Aliases: aliases}
}

// ruleAliases are the words 考核办法 write for the names this program
// uses (besides the event type short forms of eventTypeAliases). A word
// counts only where the name it stands for is in the list.
var ruleAliases = map[string]string{
	// attendance
	"到会": AttPresent, "参加": AttPresent, "出勤": AttPresent,
	"请假": AttLeave, "已请假": AttLeave, "请假(批准)": AttLeave, "请假已批准": AttLeave, "准假": AttLeave,
	"请假未批准": AttLeaveRefused, "请假(未准)": AttLeaveRefused, "请假未准": AttLeaveRefused,
	"缺席": AttAbsent, "无故缺席": AttAbsent, "缺席无故": AttAbsent, "未请假缺席": AttAbsent, "旷会": AttAbsent,
	// proposal states
	"已立案": string(proposal.Filed), "不立案": string(proposal.Rejected), "未立案": string(proposal.Rejected),
	"已办结": string(proposal.Closed), "已撤案": string(proposal.Withdrawn), "撤回": string(proposal.Withdrawn),
	"答复": string(proposal.Answered),
	// roles
	"领衔": RoleFirstProposer, "领衔人": RoleFirstProposer, "领衔提案人": RoleFirstProposer,
	"联名提案人": RoleCoProposer, "附议": RoleCoProposer,
	"第一作者": "第一署名", "第一署名": RoleFirstAuthor,
	// levels
	"国家级": "国家", "全国": "国家", "省级": "省", "市级": "市(地)", "地级": "市(地)", "县级": "县",
	"口头": "口头发言", "书面": "书面发言",
}
