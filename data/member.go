package data

import "time"

// Catalog kinds: the per-term lists a committee edits itself.
const (
	KindSector    = "sector"    // 界别
	KindParty     = "party"     // 党派 / 政治面貌
	KindCommittee = "committee" // 专委会
	KindGroup     = "group"     // 活动组 / 联络组
)

// CatalogKinds lists every kind in display order.
var CatalogKinds = []string{KindSector, KindParty, KindCommittee, KindGroup}

// KindLabel is the Chinese name of a catalog kind.
func KindLabel(kind string) string {
	switch kind {
	case KindSector:
		return "界别"
	case KindParty:
		return "党派"
	case KindCommittee:
		return "专委会"
	case KindGroup:
		return "活动组"
	}
	return kind
}

// Member status values (任职状态). Active ones count in the roster.
const (
	StatusServing  = "在任"
	StatusAdded    = "增补"
	StatusResigned = "辞去"
	StatusRevoked  = "撤销"
	StatusMoved    = "调离"
	StatusDeceased = "逝世"
)

// Statuses lists every status in display order.
var Statuses = []string{StatusServing, StatusAdded, StatusResigned, StatusRevoked, StatusMoved, StatusDeceased}

// IsActiveStatus reports whether a member with this status is currently serving.
func IsActiveStatus(s string) bool { return s == StatusServing || s == StatusAdded }

// Roles (政协职务), highest first.
var Roles = []string{"主席", "副主席", "秘书长", "常委", "委员"}

// Genders, ethnic groups and education levels offered by forms.
var (
	Genders    = []string{"男", "女"}
	Educations = []string{"研究生", "大学", "大专", "中专", "高中", "初中", "小学"}
	Degrees    = []string{"博士", "硕士", "学士", "无"}
)

// Person is a human being, independent of any term. A person who serves
// several terms has one Person and several Memberships.
type Person struct {
	ID          int64
	Name        string // 姓名
	Gender      string // 性别: 男 / 女
	Ethnicity   string // 民族, e.g. 汉族
	Birth       string // 出生年月, "YYYY-MM"
	NativePlace string // 籍贯
	IDNumber    string // 身份证号, 18 characters, upper-case X
	Education   string // 学历
	Degree      string // 学位
	Title       string // 职称
	Phone       string // 联系电话
	Address     string // 通讯地址
}

// Membership is one person's seat in one term (届). Term-specific facts live
// here so that an earlier term's roster never changes when a later one does.
type Membership struct {
	ID         int64
	PersonID   int64
	TermID     int64
	Party      string // 党派 / 政治面貌 (catalog name)
	Sector     string // 界别 (catalog name)
	Committee  string // 专委会 (catalog name, may be empty)
	Group      string // 活动组 (catalog name, may be empty)
	WorkUnit   string // 工作单位及职务
	Role       string // 政协职务: 主席/副主席/秘书长/常委/委员
	Standing   bool   // 是否常委
	Status     string // 在任/增补/辞去/撤销/调离/逝世
	StatusDate string // date the status took effect, "YYYY-MM-DD" or ""
	IsNew      bool   // 是否新委员 (first term)
	Note       string // 备注
	DeletedAt  *time.Time
}

// Member is the roster row: a person together with one membership.
type Member struct {
	Person
	Membership
}

// MemberFilter selects roster rows. Zero values mean "any".
type MemberFilter struct {
	TermID         int64
	Sector         string
	Party          string
	Committee      string
	Group          string
	Status         string
	StandingOnly   bool
	ActiveOnly     bool
	IncludeDeleted bool // list soft-deleted rows too (recycle bin shows only those)
	DeletedOnly    bool
}

// Term is a 届: a five-year term of the committee.
type Term struct {
	ID        int64
	Number    int // 第N届
	StartYear int
	EndYear   int
	Current   bool
}

// Session is a 次会议: one plenary within a term.
type Session struct {
	ID        int64
	TermID    int64
	Number    int    // 第N次会议
	StartDate string // "YYYY-MM-DD"
	EndDate   string
}

// Committee is the committee this database belongs to.
type Committee struct {
	Name      string // 政协XX县委员会
	ShortName string // XX县 (used in titles: 政协XX县第N届委员会)
}

// CatalogItem is one entry of a per-term list (界别, 党派, 专委会, 活动组).
type CatalogItem struct {
	ID     int64
	TermID int64
	Kind   string
	Name   string
	Sort   int
}
