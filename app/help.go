package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"zhengxie/assets"
)

// helpTopic is one section of 使用帮助. Names of buttons, tabs and screens
// are written in 【】 so a test can check each one still exists in the
// program.
type helpTopic struct {
	title string
	body  string // Markdown
	shot  string // screenshot in assets/help, shown under the text ("" = none)
}

var helpTopics = []helpTopic{
	{"开始使用", `
第一次打开时，程序请您填写委员会名称、当前届次（填 11、十一 或 第十一届 均可）和起止年份，并选择如何开始：从空白开始、导入现有的委员名册，或试用示例数据（虚构的清河县，便于试用和培训）。以后可在【设置】中修改委员会名称、增加届次和会议。

- 左侧是各功能页：【首页】【委员】【提案】【履职活动】【社情民意】【履职考核】【报表】【设置】。
- 【首页】的“待办事项”列出需要处理的事：超期或即将到期的提案、等待交办或评价的提案、本年度尚未建立考核规则、自动备份失败。点一下即可前往处理。
- 右上角【查看届次】可切换查看往届的数据。
- 快捷键：Ctrl+N 新增委员或提案，Ctrl+F 查找委员，Ctrl+Q 退出。

### 数据保存在哪里

全部数据保存在本机的一个数据文件中，不联网。点右上角【关于】可看到数据文件的位置、大小和最近一次备份。Windows 上一般在 %LOCALAPPDATA%\zhengxie，统信、麒麟等 Linux 上一般在 ~/.local/share/zhengxie。

### 便携模式

在程序文件旁边放一个名为 portable（或 portable.txt）的空文件，程序就把数据保存在程序旁边的 data 文件夹中。这样可以把程序和数据一起放在 U 盘里，到其他电脑上使用，不需要管理员权限。`, "start.png"},
	{"委员名册导入导出", `
### 导入

在【委员】页点【导入名册】，选择本办的 Excel 名册。表头名称不必完全一致（如“身份证号码”“政治面貌”“工作单位”都能识别）。程序逐行检查身份证号、出生年月、电话等，先显示预览：将新增多少人、更新多少人，或每一处问题所在的行和列。

有问题时可【导出问题清单】，改好表格后重新导入；全部正确才能【确认导入】。同一个人以身份证号（或姓名加出生年月）识别，重复导入只会更新，不会重复。没有现成名册时，点【导入模板】得到一份带下拉选项和填写说明的空白表格。

### 导出

【导出名册】按当前筛选条件导出，可选打印报送版（A4 横向、每页重复表头）或含全部列的完整版（可再导入）。身份证号和电话号码默认隐去中间几位；需要完整号码时（仅管理员），在导出时勾选“含完整身份证号和电话号码”，这样的名册请妥善保管。委员构成统计见【报表】页的【委员构成统计】。

删除的委员进入【回收站】，可以恢复；管理员还可以彻底删除。`, "members.png"},
	{"提案录入与审查交办", `
### 录入

在【提案】页的【提案列表】中点【新增提案】，选择会次，填写案由、正文、提案人（按签名顺序，可输入姓名或拼音首字母）、类别和建议承办单位。输入案由和正文时，程序列出往年最相似的提案及其办理结果，便于查重。往年台账可用【导入台账】整批导入。

### 审查

在列表中选中提案，只显示当前状态下可以做的操作：【送审】【立案】【不予立案】（填写理由和去向，如转社情民意）【并案】【撤案】。每一步都记入办理记录（谁、何时、做了什么）；操作人在【设置】的【提案】页填写；启用登录后为登录的用户。

### 交办

开交办会时用【交办】页：主办单位按提案人的建议预填，可逐行修改；选好会办或分办单位，勾选提案后点【交办所选】，一次交办整张表，并自动计算办理期限。单件提案也可在列表中点【交办】。承办单位的名单在【承办单位】页维护。`, "proposals.png"},
	{"答复与满意度", `
承办单位答复后，在【提案列表】中选中该提案，点【登记答复】：选择答复单位，填写答复日期、文号和办理结果（A 类已解决或采纳、B 类正在解决、C 类因条件限制留作参考；文字可在设置中修改）。所有承办单位都答复后，提案变为“已答复”。

然后点【登记评价】，为每位提案人登记满意度（满意、基本满意、不满意）。不满意的可【再次办理】；办理完毕后点【办结】。期限将到或已超期的提案列在【超期督办】页，可【延期】或【退回重新交办】。

【统计】页给出提案工作报告要用的数字：立案率、办复率、办结率、A/B/C 类占比、满意率等，可复制成段落。各承办单位的办理情况在【承办单位】页，可【导出办理情况统计表】。`, ""},
	{"履职活动登记", `
在【履职活动】页按类别登记委员履职情况：

- 【会议活动】：全体会议、常委会议、视察调研、培训等。点【新增】填写名称、日期、类型和主办，再添加参加人员：输入姓名或拼音（如“zm”）回车添加，或在“按名单添加”中选界别、专委会、活动组整组【添加】。可先【全部设为出席】，再把个别人改为请假、缺席、迟到或早退。
- 【大会发言】【表彰惩戒】【其他履职】：分别登记发言、表彰和惩戒，以及本县自定的其他履职事项。
- 已有的会议签到表可用【导入】整批导入（每行一人次，或每个工作表一个活动），导入前同样先预览。

删除的记录进入【回收站】，可以恢复。社情民意信息在【社情民意】页登记。`, "activities.png"},
	{"考核计算与导出", `
【履职考核】页按年度计算每位委员的考核得分、等次和排名。

1. 先准备规则集：点【新建（从预置）】选一个与本县办法相近的预置办法再修改，或【导入规则文件】。在【编辑规则】中设置考核项目、加分扣分规则、合计组与等次、门槛与结果运用，修改时即时预览一位委员的得分。
2. 规则集就绪后，程序按履职活动、提案、社情民意等记录自动计算；点任一委员可看到每一分的来历。
3. 【未履职】页列出没有完成规定履职要求的委员。
4. 【导出结果表】导出 Excel 考核结果，勾选【含明细】时附带每人的得分明细。下一年度可【复制到下一年】沿用规则。`, "assessment.png"},
	{"备份", `
全部数据都在一个数据文件中（位置见右上角【关于】）。程序打开时（每天一次）和每次关闭时自动备份到数据文件夹中的 backups 文件夹，并按保留规则清理旧备份；【关于】中显示最近一次备份的时间。

- 在【设置】的【备份与恢复】页：【立即备份】；【备份到U盘…】可勾选加密并设置密码（请牢记密码，忘记将无法恢复）；选中一份备份点【恢复…】，或【从文件恢复…】恢复U盘上的备份。恢复前程序会先检查备份文件是否完好。
- 保留几份每日、每周、每月和手动备份，可在同一页修改后【保存保留规则】。
- 换电脑时，在新电脑上放好程序后，用【从文件恢复…】恢复最近的备份；或关闭程序，把整个数据文件夹复制到新电脑的相同位置。便携模式下直接复制整个程序文件夹。
- 【设置】的【数据与日志】页有操作日志，可查看何时做了哪些修改。`, "backup.png"},
}

// showHelp opens 使用帮助: the topics on the left, the chosen one on the
// right.
func (u *UI) showHelp() {
	body := widget.NewRichTextFromMarkdown("")
	body.Wrapping = fyne.TextWrapBreak // Chinese has no spaces to wrap at
	shot := canvas.NewImageFromResource(nil)
	shot.FillMode = canvas.ImageFillContain
	shot.SetMinSize(fyne.NewSize(600, 375))
	show := func(i int) {
		body.ParseMarkdown("## " + helpTopics[i].title + "\n" + helpTopics[i].body)
		shot.Resource = helpShot(helpTopics[i].shot)
		setVisible(shot, shot.Resource != nil)
		shot.Refresh()
	}
	list := widget.NewList(
		func() int { return len(helpTopics) },
		func() fyne.CanvasObject { return widget.NewLabel("委员名册导入导出") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(helpTopics[i].title) },
	)
	list.OnSelected = func(i widget.ListItemID) { show(i) }
	split := container.NewHSplit(list, container.NewVScroll(container.NewVBox(body, shot)))
	split.Offset = 0.24
	d := dialog.NewCustom("使用帮助", "关闭", split, u.win)
	d.Resize(fyne.NewSize(900, 620))
	list.Select(0)
	d.Show()
}

// helpShot is a screenshot from assets/help, nil when name is "" or missing.
func helpShot(name string) fyne.Resource {
	if name == "" {
		return nil
	}
	b, err := assets.Help.ReadFile("help/" + name)
	if err != nil {
		return nil
	}
	return fyne.NewStaticResource(name, b)
}
