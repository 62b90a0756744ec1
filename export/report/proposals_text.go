package report

import (
	"fmt"
	"strings"

	"zhengxie/data"
)

// ProposalReportKind is the kind under which the 提案工作情况报告's
// narrative is stored (data.Store.ReportText).
const ProposalReportKind = "proposals"

// Sections of the 提案工作情况报告 the office writes itself. In a section,
// each line is a paragraph; a short line like "（一）……" is a heading.
const (
	SectionSpeaker      = "speaker"      // under the title, e.g. "政协清河县委员会副主席　王某某"; may be empty
	SectionPractice     = "practice"     // 二、主要做法
	SectionShortcomings = "shortcomings" // 三、存在的不足
	SectionPlan         = "plan"         // 四、下一年提案工作安排
	SectionClosing      = "closing"      // the closing paragraph
)

// ProposalReportSections lists the editable sections in report order with
// their Chinese names, for an editor.
var ProposalReportSections = []NarrativeSection{
	{SectionSpeaker, "报告人"}, {SectionPractice, "主要做法"}, {SectionShortcomings, "存在的不足"},
	{SectionPlan, "下一年工作安排"}, {SectionClosing, "结束语"},
}

// DefaultProposalNarrative is the text a report prints before the office
// has written its own: wording a county report would use, to be edited.
// nextYear is the year the plan section is for; 0 for a whole-届 report,
// whose plan section gives suggestions to the next 届.
func DefaultProposalNarrative(c data.Committee, nextYear int) map[string]string {
	return defaultProposalNarrative(c, nextYear)
}

func defaultProposalNarrative(c data.Committee, nextYear int) map[string]string {
	county := c.ShortName
	if county == "" {
		county = data.ShortName(c.Name)
	}
	plan := fmt.Sprintf("%d年，县政协提案工作将重点做好以下几个方面：", nextYear)
	if nextYear == 0 {
		plan = "对下一届县政协提案工作，我们提出以下建议："
	}
	r := strings.NewReplacer("{县}", county, "{计划}", plan)
	return map[string]string{
		SectionSpeaker: "",
		SectionPractice: r.Replace(`（一）聚焦中心大局，着力提高提案质量
坚持把提高质量作为提案工作的生命线，会前印发提案征集参考题目，引导委员围绕县委、县政府中心工作和群众关心的热点难点问题深入调查研究，严格执行提案审查标准，对内容相近的提案作并案处理，对不符合立案条件的提案转为社情民意信息或意见建议，提案的针对性和可操作性进一步增强。
（二）健全督办机制，着力提高办理实效
坚持重点提案由县领导领衔督办制度，提案委员会会同县委督查室、县政府督查室对提案办理情况进行跟踪督办，推动承办单位与提案人面对面沟通协商，做到办前联系、办中沟通、办后回访，提案办理由“重答复”向“重落实”转变。
（三）深化协商办理，着力推动成果转化
把协商贯穿提案办理全过程，通过召开提案办理协商会、组织委员视察提案办理情况等形式，推动一批提案建议转化为具体的政策措施和工作成果，为{县}经济社会发展贡献了政协智慧和力量。`),
		SectionShortcomings: `在肯定成绩的同时，我们也清醒地看到，提案工作还存在一些不足：一是部分提案调研不够深入，建议的针对性和可操作性有待增强；二是少数承办单位重答复、轻落实，办理实效有待提高；三是提案办理协商的形式还不够丰富，委员参与办理协商的积极性有待进一步调动。对此，我们将认真研究，切实加以改进。`,
		SectionPlan: r.Replace(`{计划}
（一）着力提高提案质量
围绕县委、县政府重大决策部署和群众急难愁盼问题，加强提案选题引导，鼓励委员深入调研、精准建言，严把提案审查关，推动提案工作由注重数量向注重质量转变。
（二）着力增强办理实效
完善重点提案遴选和领导领衔督办机制，加强与承办单位的沟通联系，推动提案办理协商常态化，注重跟踪问效，推动更多提案成果落地见效。
（三）着力完善工作机制
健全提案征集、审查、交办、办理、督办、反馈和评价全过程工作机制，推进提案工作信息化建设，做好优秀提案和提案办理先进单位评选表彰工作，不断提升提案工作水平。`),
		SectionClosing: r.Replace(`各位委员，做好新时代提案工作使命光荣、责任重大。让我们在中共{县}委的坚强领导下，坚持团结和民主两大主题，不断提高提案工作质量和水平，为奋力谱写{县}高质量发展新篇章作出新的更大贡献！`),
	}
}

// withDefaults fills the sections t does not have with the defaults. A
// text carried over from another scope (last year's) keeps its wording
// but is labelled with scope, the one being printed.
func withDefaults(t data.ReportText, scope string, defaults map[string]string) data.ReportText {
	out := data.ReportText{Kind: t.Kind, Scope: scope, SavedAt: t.SavedAt, Sections: map[string]string{}}
	for k, v := range defaults {
		out.Sections[k] = v
	}
	for k, v := range t.Sections {
		out.Sections[k] = v
	}
	return out
}
