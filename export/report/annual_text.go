package report

import (
	"fmt"
	"strings"

	"zhengxie/data"
)

// AnnualReportKind is the kind under which the 常委会工作报告's narrative is
// stored (data.Store.ReportText).
const AnnualReportKind = "annual"

// Sections of the 常委会工作报告 the office writes itself, besides
// SectionSpeaker, SectionShortcomings, SectionPlan and SectionClosing,
// which it shares with the proposals report. An empty section is left out
// with its heading.
const (
	SectionReview     = "review"     // the context paragraph opening 一、工作回顾
	SectionExperience = "experience" // 主要体会 (mainly end-of-term reports)
)

// AnnualReportSections lists the editable sections in report order with
// their Chinese names, for an editor.
var AnnualReportSections = []NarrativeSection{
	{SectionSpeaker, "报告人"}, {SectionReview, "工作回顾（开头）"}, {SectionExperience, "主要体会"},
	{SectionShortcomings, "存在的不足"}, {SectionPlan, "下一年工作安排"}, {SectionClosing, "结束语"},
}

// DefaultAnnualNarrative is the text the report prints before the office
// has written its own: wording a county report would use, to be edited.
// nextYear is the year the plan section is for; 0 for a whole-届 report,
// whose plan section gives suggestions to the next 届.
func DefaultAnnualNarrative(c data.Committee, sc Scope, nextYear int) map[string]string {
	county := c.ShortName
	if county == "" {
		county = data.ShortName(c.Name)
	}
	period := fmt.Sprintf("%d年", sc.Year)
	if sc.Year == 0 {
		period = "本届以来"
	}
	plan := fmt.Sprintf("%d年，县政协将重点做好以下几个方面的工作：", nextYear)
	if nextYear == 0 {
		plan = "对下一届县政协工作，我们提出以下建议："
	}
	r := strings.NewReplacer("{县}", county, "{计划}", plan, "{期}", period)
	sections := map[string]string{
		SectionSpeaker:      "",
		SectionReview:       r.Replace(`{期}，在中共{县}委的坚强领导下，县政协常委会坚持团结和民主两大主题，围绕全县中心工作，认真履行政治协商、民主监督、参政议政职能，各项工作取得了新的进展。现将主要工作和有关数据报告如下。`),
		SectionExperience:   "",
		SectionShortcomings: `在肯定成绩的同时，我们也清醒地看到，常委会工作还存在一些不足：一是协商议政的质量和实效有待进一步提高；二是民主监督的方式方法还需进一步探索；三是部分委员履职的积极性和主动性有待增强。对此，我们将认真研究，切实加以改进。`,
		SectionPlan: r.Replace(`{计划}
（一）坚持围绕中心，深化协商议政
紧扣县委、县政府重大决策部署，精心组织专题协商、对口协商和界别协商，提高协商建言的针对性和实效性。
（二）坚持服务大局，强化民主监督
围绕重大决策部署落实和群众关心的突出问题，开展监督性调研视察，推动问题解决。
（三）坚持固本强基，加强自身建设
完善委员履职档案和履职考核制度，加强委员学习培训，引导委员在本职工作中发挥带头作用。`),
		SectionClosing: r.Replace(`各位委员，新征程上，让我们在中共{县}委的坚强领导下，更加紧密地团结起来，守正创新、担当作为，为奋力谱写{县}高质量发展新篇章作出新的更大贡献！`),
	}
	if sc.Year == 0 {
		sections[SectionExperience] = `回顾本届工作，我们深刻体会到：坚持党的领导是做好政协工作的根本保证；坚持围绕中心、服务大局是政协履职的基本要求；坚持发挥委员主体作用是政协工作的活力所在。`
	}
	return sections
}
