package app

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"zhengxie/data"
)

// pick adds a proposer through the search as a user does: type, then
// choose the first match.
func pick(t *testing.T, f *proposalForm, query string) {
	t.Helper()
	pp := f.proposers
	pp.search.SetText("")
	test.Type(pp.search, query)
	if len(pp.matches) == 0 {
		t.Fatalf("search %q finds no member", query)
	}
	pp.matchList.Select(0)
}

func proposerNames(ps []data.Proposer) []string {
	var out []string
	for _, x := range ps {
		out = append(out, x.Name)
	}
	return out
}

func countProposals(t *testing.T, u *UI) int {
	t.Helper()
	list, err := u.store.ListProposals(u.ctx, data.ProposalFilter{TermID: u.term.ID})
	if err != nil {
		t.Fatal(err)
	}
	return len(list)
}

func TestProposalFormRefusesMissingTitle(t *testing.T) {
	w := newListWorld(t)
	w.l.onAdd()
	f := w.l.form
	if f == nil {
		t.Fatal("新增提案 opened no form")
	}
	if f.session.Selected != "第五次会议" || f.number.Text != "1" || f.numberShown.Text != "第001号" {
		t.Errorf("new form: session %q 案号 %q (%q)", f.session.Selected, f.number.Text, f.numberShown.Text)
	}
	f.category.SetSelected("社会建设")
	pick(t, f, "zm")
	test.Tap(f.saveBtn)
	if got := f.errorText("案由"); got != "不能为空" {
		t.Errorf("message under 案由 %q", got)
	}
	if w.l.form == nil {
		t.Fatal("form closed although the save was refused")
	}
	if n := countProposals(t, w.u); n != 0 {
		t.Fatalf("refused save wrote %d proposals", n)
	}
	test.Type(f.title, titleParking)
	test.Tap(f.saveBtn)
	if w.l.form != nil {
		t.Fatalf("complete proposal refused: %q", f.general.Text)
	}
	if got := shownTitles(w.l); !slices.Equal(got, []string{titleParking}) || w.l.detail.p.Title != titleParking {
		t.Errorf("after save shown %v, detail %q", got, w.l.detail.p.Title)
	}
}

func TestProposalFormSavesJointProposalInOrder(t *testing.T) {
	w := newListWorld(t)
	w.l.onAdd()
	f := w.l.form
	test.Type(f.title, titleWater)
	f.category.SetSelected("经济建设")
	pick(t, f, "李红")
	if f.ptype.Selected != "委员个人" || f.sector.Text != "教育界" {
		t.Errorf("one proposer: type %q, 界别 %q (want the first proposer's)", f.ptype.Selected, f.sector.Text)
	}
	pick(t, f, "zhangm")
	pick(t, f, "wq")
	if f.ptype.Selected != "委员联名" {
		t.Errorf("three proposers: type %q, want 委员联名", f.ptype.Selected)
	}
	f.proposers.move(2, -1) // 王强 before 张明
	f.proposers.move(0, +1) // 李红 after 王强: 王强, 李红, 张明
	f.proposers.remove(2)   // without 张明
	if f.sector.Text != "医药卫生界" {
		t.Errorf("界别 %q does not follow the new 第一提案人", f.sector.Text)
	}
	test.Type(f.body, "部分村组仍依靠山泉水和浅井供水。")
	test.Tap(f.saveBtn)
	if w.l.form != nil {
		t.Fatalf("save refused: %q", f.general.Text)
	}
	list, err := w.u.store.ListProposals(w.u.ctx, data.ProposalFilter{TermID: w.u.term.ID})
	if err != nil || len(list) != 1 {
		t.Fatalf("stored %v %v", list, err)
	}
	p := list[0]
	if got := proposerNames(p.Proposers); !slices.Equal(got, []string{"王强", "李红"}) {
		t.Errorf("proposers %v, want 王强, 李红 in that order", got)
	}
	if p.ProposerType != "委员联名" || p.Sector != "医药卫生界" || p.EnteredBy != "提案委 小周" || p.Number != 1 {
		t.Errorf("stored %s %s 录入人 %q 案号 %d", p.ProposerType, p.Sector, p.EnteredBy, p.Number)
	}
	if info := w.l.detail.info.String(); !strings.Contains(info, "1. 王强（第一提案人）") {
		t.Errorf("detail does not mark the 第一提案人:\n%s", info)
	}
}

func TestProposalFormEditsFlagsAndKeepsHistory(t *testing.T) {
	w := newListWorld(t)
	p := w.add(1, titleMyopia, "保障学生每天两小时户外活动。", "社会建设", 2)
	w.reload()
	w.selectRow(titleMyopia)
	test.Tap(w.l.editBtn)
	f := w.l.form
	if f == nil || !f.session.Disabled() || f.number.Text != "1" {
		t.Fatalf("edit form %+v", f)
	}
	f.keyTier.SetSelected("重点办理")
	test.Type(f.keyLeader, "副县长 王某")
	f.number.SetText("一")
	test.Tap(f.saveBtn)
	if got := f.errorText("案号"); got == "" {
		t.Error("a 案号 that is not a number was accepted")
	}
	f.number.SetText("7")
	test.Tap(f.saveBtn)
	if w.l.form != nil {
		t.Fatalf("edit refused: %q", f.general.Text)
	}
	got := w.get(p.ID)
	if got.KeyTier != "重点办理" || got.KeyLeader != "副县长 王某" || got.Number != 7 {
		t.Errorf("stored %q %q 案号 %d", got.KeyTier, got.KeyLeader, got.Number)
	}
	if timeline := w.l.detail.history.String(); !strings.Contains(timeline, "列为重点办理") {
		t.Errorf("timeline lacks the change:\n%s", timeline)
	}
}

func TestProposalFormCollectiveTakesOrganisation(t *testing.T) {
	w := newListWorld(t)
	w.l.onAdd()
	f := w.l.form
	test.Type(f.title, titleOld)
	f.category.SetSelected("社会建设")
	f.ptype.SetSelected("党派")
	if !f.org.Visible() || f.proposers.obj.Visible() {
		t.Error("a 党派 proposal should ask for the organisation, not members")
	}
	test.Tap(f.saveBtn)
	if got := f.errorText("提案人"); !strings.Contains(got, "至少需要一名提案人") {
		t.Errorf("message under 提案人 %q", got)
	}
	test.Type(f.org, "民盟清河县委员会")
	test.Tap(f.saveBtn)
	if w.l.form != nil {
		t.Fatalf("save refused: %q", f.general.Text)
	}
	if got := w.l.detail.p.FirstProposer(); got != "民盟清河县委员会" {
		t.Errorf("proposer %q", got)
	}
}

func TestSimilarPanelListsEarlierProposals(t *testing.T) {
	w := newListWorld(t)
	old := w.add(0, titleParking, "建议建设公共停车场。", "社会建设", 0)
	var asked []string
	w.l.similar = func(_ context.Context, title, body string, exclude int64) ([]data.SimilarProposal, error) {
		asked = append(asked, title)
		return []data.SimilarProposal{{Proposal: w.get(old.ID), Score: 0.87, Level: "高度相似", Session: "十一届四次会议"}}, nil
	}
	w.l.onAdd()
	f := w.l.form
	test.Type(f.title, "关于破解城区停车难的建议")
	f.similar.lookup(w.u.ctx, f.title.Text, f.body.Text)
	if len(asked) == 0 || asked[len(asked)-1] != "关于破解城区停车难的建议" {
		t.Fatalf("the check was asked %v", asked)
	}
	title, meta := f.similar.hitText(f.similar.hits[0])
	if title != titleParking || meta != "相似度 87%（高度相似）　十一届四次会议 第001号　已提交" {
		t.Errorf("hit shows %q / %q", title, meta)
	}
	if !strings.Contains(f.similar.status.Text, "1 件") {
		t.Errorf("panel status %q", f.similar.status.Text)
	}
	f.close()
}

func TestSimilarPanelFindsEarlierProposalInStore(t *testing.T) {
	w := newListWorld(t)
	w.add(0, titleParking, "随着机动车保有量快速增长，县城停车位严重不足，医院、学校周边停车难问题尤为突出。"+
		"建议编制停车设施专项规划，利用闲置地块建设公共停车场和立体停车库。", "社会建设", 0)
	w.add(0, titleMyopia, "保障学生每天两小时户外活动，改造教室照明。", "社会建设", 1)
	w.l.similar = storeSimilar(w.u.store)
	w.l.onAdd()
	f := w.l.form
	f.title.SetText("关于破解城区停车难的建议")
	f.body.SetText("城区停车位供给跟不上，医院和学校周边停车难。建议编制停车设施专项规划，建设公共停车场和立体停车库。")
	f.similar.lookup(w.u.ctx, f.title.Text, f.body.Text)
	if len(f.similar.hits) != 1 || f.similar.hits[0].Title != titleParking {
		t.Fatalf("hits %v, want only the earlier parking proposal", f.similar.hits)
	}
	if _, meta := f.similar.hitText(f.similar.hits[0]); !strings.Contains(meta, "十一届四次会议 第001号") {
		t.Errorf("hit meta %q does not say where the earlier proposal is", meta)
	}
	f.close()
}
