package app

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"zhengxie/data"
)

// auditTab opens 设置 → 数据与日志 and reloads it.
func auditTab(t *testing.T, u *UI) *auditView {
	t.Helper()
	u.nav.Select(u.screenIndex(u.settings))
	for _, o := range test.LaidOutObjects(u.settings.obj) {
		if tabs, ok := o.(*container.AppTabs); ok {
			for i, it := range tabs.Items {
				if it.Text == "数据与日志" {
					tabs.SelectIndex(i)
				}
			}
		}
	}
	u.settings.reload(u.ctx)
	return u.settings.audit
}

// editedMember adds 张三 and edits his 界别 and phone through the store.
func editedMember(t *testing.T, u *UI) data.Member {
	t.Helper()
	m := addMember(t, u, "张三", "男", "中国共产党", "中共")
	m.Phone = "13812345678"
	if err := u.store.UpdateMember(u.ctx, &m); err != nil {
		t.Fatal(err)
	}
	m.Sector, m.Phone = "经济界", "13900001111"
	if err := u.store.UpdateMember(u.ctx, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// shownRow is what the table shows in one row, cells joined by |.
func shownRow(v *auditView, row int) string {
	var cells []string
	for _, c := range v.table.columns {
		cells = append(cells, v.table.cell(row, c.title))
	}
	return strings.Join(cells, "|")
}

func TestAuditViewShowsAMemberEditBeforeAndAfter(t *testing.T) {
	u := testUI(t, true)
	editedMember(t, u)
	v := auditTab(t, u)
	if len(v.entries) < 3 {
		t.Fatalf("log lines shown: %d", len(v.entries))
	}
	if got := shownRow(v, 0); !strings.Contains(got, "|修改|委员|张三|联系电话、界别") {
		t.Errorf("newest row: %q", got)
	}
	v.table.selectRow(0)
	for _, want := range []string{"修改委员：张三", "界别：“中国共产党”改为“经济界”", "联系电话：“138****5678”改为“139****1111”"} {
		if !strings.Contains(v.detail.Text, want) {
			t.Errorf("detail lacks %q:\n%s", want, v.detail.Text)
		}
	}
	if strings.Contains(v.detail.Text, "13900001111") {
		t.Error("the detail shows the full phone number")
	}
}

func TestAuditViewFiltersByEntityAndKeyword(t *testing.T) {
	u := testUI(t, true)
	editedMember(t, u)
	v := auditTab(t, u)
	all := v.total
	if !strings.Contains(strings.Join(v.entitySel.Options, ","), "委员") {
		t.Fatalf("对象 choices: %v", v.entitySel.Options)
	}
	v.entitySel.SetSelected("委员")
	tapButton(t, v.obj, "查询")
	if v.total != 3 || v.total >= all {
		t.Fatalf("委员 lines: %d of %d", v.total, all)
	}
	for i, e := range v.entries {
		if e.Entity != "委员" {
			t.Errorf("row %d is %s", i, e.Entity)
		}
	}
	test.Type(v.queryEntry, "经济界")
	tapButton(t, v.obj, "查询")
	if v.total != 1 || v.entries[0].Action != "修改" {
		t.Errorf("keyword: %d lines %+v", v.total, v.entries)
	}
	v.fromEntry.SetText("2026-13-01")
	tapButton(t, v.obj, "查询")
	if !strings.Contains(v.status.Text, "开始日期") {
		t.Errorf("bad date message: %q", v.status.Text)
	}
	tapButton(t, v.obj, "清除条件")
	if v.total != all || v.entitySel.Selected != auditAll {
		t.Errorf("after 清除条件: %d lines, 对象 %q", v.total, v.entitySel.Selected)
	}
}

func TestAuditViewPagesALongLog(t *testing.T) {
	u := testUI(t, true)
	m := addMember(t, u, "张三", "男", "中国共产党", "中共")
	for i := range auditPage + 5 {
		m.Note = strings.Repeat("改", i%7+1)
		m.WorkUnit = string(rune('A' + i%26))
		if err := u.store.UpdateMember(u.ctx, &m); err != nil {
			t.Fatal(err)
		}
	}
	v := auditTab(t, u)
	if len(v.entries) != auditPage || v.prevButton.Disabled() == false || v.nextButton.Disabled() {
		t.Fatalf("first page: %d rows, prev on %v, next off %v", len(v.entries), !v.prevButton.Disabled(), v.nextButton.Disabled())
	}
	tapButton(t, v.obj, "下一页")
	if len(v.entries) != v.total-auditPage || !strings.Contains(v.status.Text, "第 2 / 2 页") || !v.nextButton.Disabled() {
		t.Errorf("second page: %d rows, %q", len(v.entries), v.status.Text)
	}
}

func TestAuditExportReadsBack(t *testing.T) {
	u := testUI(t, true)
	editedMember(t, u)
	v := auditTab(t, u)
	v.entitySel.SetSelected("委员")
	tapButton(t, v.obj, "查询")
	v.entitySel.SetSelected(auditAll) // not applied: the export follows the table
	path := filepath.Join(t.TempDir(), "log.xlsx")
	u.pickers.saveFile = func(_, name string, cb func(string)) {
		if name != "清河县操作日志.xlsx" {
			t.Errorf("suggested name %q", name)
		}
		cb(path)
	}
	tapButton(t, v.obj, "导出Excel…")
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("操作日志")
	if len(rows) != 3+3+1 || rows[0][0] != "政协清河县委员会操作日志" {
		t.Fatalf("rows: %q", rows)
	}
	if got := strings.Join(rows[3], "|"); !strings.Contains(got, "|修改|委员|") || !strings.Contains(got, "界别：“中国共产党”改为“经济界”") {
		t.Errorf("newest line: %q", got)
	}
	if rows[6][0] != "筛选条件：对象：委员" {
		t.Errorf("note: %q", rows[6])
	}
}

// TestAuditScreenshot: ZX_SHOTS=/tmp/shots go test ./app -run AuditScreenshot
func TestAuditScreenshot(t *testing.T) {
	dir := os.Getenv("ZX_SHOTS")
	if dir == "" {
		t.Skip("set ZX_SHOTS to a folder to write screenshots")
	}
	u := testUI(t, true)
	u.store.SetActor("王主任", data.RoleAdmin)
	editedMember(t, u)
	v := auditTab(t, u)
	v.table.selectRow(0)
	u.win.Resize(fyne.NewSize(1280, 800))
	f, err := os.Create(filepath.Join(dir, "audit_view.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	png.Encode(f, u.win.Canvas().Capture())
}
