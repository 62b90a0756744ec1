// Package app is zhengxie's Fyne GUI. It never imports fyne.io/fyne/v2/app,
// so it builds and tests without cgo or a display; main.go creates the
// fyne.App and hands it in.
package app

import (
	"context"
	"errors"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zhengxie/assets"
	"zhengxie/data"
)

// screen is one entry of the navigation: built once, reloaded from the
// store whenever it is shown or the term changes.
type screen interface {
	title() string
	icon() fyne.Resource
	view() fyne.CanvasObject
	reload(ctx context.Context)
}

// UI is the main window and everything in it.
type UI struct {
	app   fyne.App
	win   fyne.Window
	store *data.Store
	ctx   context.Context
	run   runner
	pickers

	committee data.Committee
	term      data.Term // the term being viewed
	terms     []data.Term

	titleLabel *widget.Label
	termSelect *widget.Select
	nav        *widget.List
	body       *fyne.Container
	screens    []screen
	current    int

	setup     *setupForm
	home      *homeScreen
	members   *memberList
	proposals *proposalScreen
	reports   *reportScreen
	settings  *settingsScreen

	access access       // login, role and the controls it hides (login.go)
	lock   *data.DBLock // the database's lock, held while the window runs (nil in tests)
	// fileWarned: the user was told the database file was replaced (watchFile).
	fileWarned bool
}

const (
	prefWidth  = "window.width"
	prefHeight = "window.height"
	prefScreen = "screen.last" // followed by the database's path: each file remembers its own screen
)

// screenPref is the preference key of the last screen shown on this
// database, so that another (or a new) database opens on 首页.
func (u *UI) screenPref() string {
	path := u.store.Path()
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	return prefScreen + ":" + path
}

// New builds the main window over an open store. Call ShowAndRun (or, in
// tests, inspect the widgets) afterwards.
func New(a fyne.App, store *data.Store) *UI {
	useChinese()
	a.Settings().SetTheme(newOfficeTheme().warmUp())
	a.SetIcon(fyne.NewStaticResource("zhengxie.png", assets.Icon))
	u := &UI{app: a, store: store, ctx: context.Background()}
	u.win = a.NewWindow("政协履职")
	u.run = backgroundRunner(u.win, store.Path())
	u.pickers = dialogPickers(u)
	u.build()
	u.showLastCrash()
	return u
}

// Window is the main window.
func (u *UI) Window() fyne.Window { return u.win }

func (u *UI) build() {
	u.home = newHomeScreen(u)
	u.members = newMemberList(u)
	u.proposals = newProposalScreen(u)
	u.reports = newReportScreen(u)
	u.settings = newSettingsScreen(u)
	u.screens = []screen{
		u.home,
		u.members,
		u.proposals,
		newActivityScreen(u),
		newInfoScreen(u),
		newAssessmentScreen(u),
		u.reports,
		u.settings,
	}
	u.nav = widget.NewList(
		func() int { return len(u.screens) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.HomeIcon()), widget.NewLabel("委员管理"))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Icon).SetResource(u.screens[i].icon())
			row.Objects[1].(*widget.Label).SetText(u.screens[i].title())
		},
	)
	u.nav.OnSelected = func(i widget.ListItemID) { u.show(i) }
	u.titleLabel = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	u.termSelect = widget.NewSelect(nil, u.onTermSelected)
	u.termSelect.PlaceHolder = "（尚无届次）"
	u.body = container.NewStack()
	help := widget.NewButtonWithIcon("帮助", theme.HelpIcon(), u.showHelp)
	about := widget.NewButtonWithIcon("关于", theme.InfoIcon(), u.showAbout)
	help.Importance, about.Importance = widget.LowImportance, widget.LowImportance
	top := container.NewBorder(nil, widget.NewSeparator(), nil,
		container.NewHBox(widget.NewLabel("查看届次："),
			container.NewGridWrap(fyne.NewSize(250, u.termSelect.MinSize().Height), u.termSelect), help, about, u.sessionButtons()), u.titleLabel)
	split := container.NewHSplit(u.nav, u.body)
	split.Offset = 0.14
	u.win.SetContent(container.NewBorder(container.NewPadded(top), nil, nil, nil, split))
	u.addShortcuts()
	w := u.app.Preferences().FloatWithFallback(prefWidth, 1280)
	h := u.app.Preferences().FloatWithFallback(prefHeight, 800)
	u.win.Resize(fyne.NewSize(float32(w), float32(h)))
	u.win.SetCloseIntercept(u.onQuit)
}

// onQuit keeps the window size and screen and closes the window, which
// ends the program (the window's close button and Ctrl+Q).
func (u *UI) onQuit() {
	u.saveWindowState()
	u.win.Close()
}

// shortcuts are the window's keyboard shortcuts (Ctrl on Windows and
// Linux, Cmd on macOS).
func (u *UI) shortcuts() map[fyne.KeyName]func() {
	return map[fyne.KeyName]func(){
		fyne.KeyN: u.onNew,
		fyne.KeyF: u.onFind,
		fyne.KeyQ: u.onQuit,
	}
}

func (u *UI) addShortcuts() {
	for key, fn := range u.shortcuts() {
		u.win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault},
			func(fyne.Shortcut) { fn() })
	}
}

func (u *UI) onFind() {
	u.nav.Select(u.screenIndex(u.members))
	u.win.Canvas().Focus(u.members.searchEntry)
}

// onNew adds a proposal on the 提案 screen's list, a member everywhere else.
func (u *UI) onNew() {
	if u.current == u.screenIndex(u.proposals) && u.proposals.tabs.SelectedIndex() == 0 {
		u.proposals.list.onAdd()
		return
	}
	u.onNewMember()
}

func (u *UI) onNewMember() {
	u.nav.Select(u.screenIndex(u.members))
	u.members.onAdd()
}

func (u *UI) screenIndex(s screen) int {
	for i, x := range u.screens {
		if x == s {
			return i
		}
	}
	return 0
}

func (u *UI) saveWindowState() {
	size := u.win.Canvas().Size()
	p := u.app.Preferences()
	p.SetFloat(prefWidth, float64(size.Width))
	p.SetFloat(prefHeight, float64(size.Height))
	p.SetInt(u.screenPref(), u.current)
}

// ShowAndRun shows the window, runs the first-run setup when the database
// is empty, and runs the app until the window closes.
func (u *UI) ShowAndRun() {
	u.Start()
	u.win.ShowAndRun()
}

// Start loads the committee and opens the last screen; when the database is
// not set up yet it opens the first-run setup instead.
func (u *UI) Start() {
	if !u.loggedIn() {
		return // the login dialog starts the window after a good password
	}
	ok, err := u.store.IsSetUp(u.ctx)
	if err != nil {
		showError(err, u.win)
		return
	}
	if !ok {
		u.showSetup()
		return
	}
	u.reloadAll()
	last := u.app.Preferences().IntWithFallback(u.screenPref(), 0)
	if last < 0 || last >= len(u.screens) {
		last = 0
	}
	u.nav.Select(last)
}

// reloadAll re-reads the committee and terms and refreshes the shown screen.
func (u *UI) reloadAll() {
	c, err := u.store.GetCommittee(u.ctx)
	if err != nil && !errors.Is(err, data.ErrNotFound) {
		showError(err, u.win)
	}
	u.committee = c
	u.terms, err = u.store.ListTerms(u.ctx)
	if err != nil {
		showError(err, u.win)
	}
	keep := u.term.ID
	u.term = data.Term{}
	for _, t := range u.terms {
		if (keep != 0 && t.ID == keep) || (keep == 0 && t.Current) {
			u.term = t
		}
	}
	if u.term.ID == 0 && len(u.terms) > 0 {
		u.term = u.terms[0]
	}
	labels := make([]string, len(u.terms))
	for i, t := range u.terms {
		labels[i] = t.Label()
		if t.Current {
			labels[i] += " 当前"
		}
	}
	u.termSelect.Options = labels
	for i, t := range u.terms {
		if t.ID == u.term.ID {
			u.termSelect.SetSelectedIndex(i) // calls onTermSelected, which reloads the screen
		}
	}
	u.updateTitle()
	u.reloadCurrent()
}

func (u *UI) updateTitle() {
	title := "政协履职"
	if u.committee.Name != "" {
		title = u.committee.Name + " — 政协履职"
	}
	if n := u.userName(); n != "" {
		title += "（" + n + "，" + string(u.access.user.Role) + "）"
	}
	u.win.SetTitle(title)
	u.titleLabel.SetText(u.committee.Name)
}

func (u *UI) onTermSelected(string) {
	i := u.termSelect.SelectedIndex()
	if i < 0 || i >= len(u.terms) || u.terms[i].ID == u.term.ID {
		return
	}
	u.term = u.terms[i]
	u.reloadCurrent()
}

func (u *UI) show(i int) {
	if i < 0 || i >= len(u.screens) || !u.access.checked {
		return // nothing shows behind the login dialog
	}
	u.current = i
	u.syncActor()
	u.body.Objects = []fyne.CanvasObject{u.screens[i].view()}
	u.body.Refresh()
	u.screens[i].reload(u.ctx)
}

func (u *UI) reloadCurrent() {
	if u.current < len(u.screens) && len(u.body.Objects) > 0 {
		u.screens[u.current].reload(u.ctx)
	}
}

// heading is the large title line at the top of a screen.
func heading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}

// ID is the application ID (also in FyneApp.toml); preferences are stored
// under it.
const ID = "cn.zhengxie.desktop"

// Run opens the database at path and runs the window until it is closed.
// When the database cannot be opened it shows why instead (offering the
// newest backup of a damaged file; see recovery.go).
//
// A panic anywhere in the window (a UI callback runs inside ShowAndRun)
// ends it with a crash log, the exit backup and a note the next start
// shows (crash.go), and exit code 1.
func Run(a fyne.App, path string) int {
	lock, err := data.LockDatabase(path, data.LockWindow)
	if errors.Is(err, data.ErrInUse) {
		return runRecovery(a, path, err, nil) // says which program holds the file
	} else if err != nil {
		fyne.LogError("lock database (working without the lock)", err) // e.g. a read-only folder
	}
	defer lock.Release()
	store, err := data.Open(context.Background(), path)
	if err != nil {
		return runRecovery(a, path, err, lock) // says why; offers the newest backup of a damaged file
	}
	var u *UI
	stop := func() {}
	if c := catchPanic(func() {
		u = New(a, store)
		u.lock = lock
		u.backupAtStart()
		stop = u.watchFile(fileWatchEvery)
		u.testPanic() // only with ZX_TEST_PANIC set (crash tests)
		u.ShowAndRun()
	}); c != nil {
		stop()
		return afterCrash(c, path, u, store)
	}
	stop()
	u.backupAtExit() // and closes the store, which a restore may have replaced
	return 0
}

// useChinese installs Chinese texts for Fyne's own buttons and dialogs in
// place of the English ones, whatever the system locale: the program is
// Chinese-only, and an office PC may well run an English locale.
func useChinese() {
	if err := lang.AddTranslationsForLocale(assets.FyneStrings, fyne.Locale("en")); err != nil {
		fyne.LogError("install Chinese texts", err)
	}
}
