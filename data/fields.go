package data

import "time"

// Field labels: the Chinese names of member fields as forms, sheets and
// error messages show them. ValidationError.Field uses exactly these, so a
// form can mark the right entry and an import preview the right column.
const (
	FieldName        = "姓名"
	FieldGender      = "性别"
	FieldEthnicity   = "民族"
	FieldBirth       = "出生年月"
	FieldNativePlace = "籍贯"
	FieldIDNumber    = "身份证号"
	FieldParty       = "党派"
	FieldSector      = "界别"
	FieldWorkUnit    = "工作单位及职务"
	FieldEducation   = "学历"
	FieldDegree      = "学位"
	FieldTitle       = "职称"
	FieldPhone       = "联系电话"
	FieldAddress     = "通讯地址"
	FieldStanding    = "是否常委"
	FieldRole        = "政协职务"
	FieldCommittee   = "专委会"
	FieldGroup       = "活动组"
	FieldStatus      = "任职状态"
	FieldStatusDate  = "变动日期"
	FieldIsNew       = "是否新委员"
	FieldNote        = "备注"
)

// RosterFields lists the member fields in roster order (after 序号).
var RosterFields = []string{
	FieldName, FieldGender, FieldEthnicity, FieldBirth, FieldNativePlace, FieldIDNumber, FieldParty, FieldSector,
	FieldWorkUnit, FieldEducation, FieldDegree, FieldTitle, FieldPhone, FieldAddress, FieldStanding, FieldRole,
	FieldCommittee, FieldGroup, FieldStatus, FieldStatusDate, FieldIsNew, FieldNote,
}

// FieldValue returns a member's field as the text a sheet or table shows.
func (m Member) FieldValue(field string) string {
	switch field {
	case FieldName:
		return m.Name
	case FieldGender:
		return m.Gender
	case FieldEthnicity:
		return m.Ethnicity
	case FieldBirth:
		return m.Birth
	case FieldNativePlace:
		return m.NativePlace
	case FieldIDNumber:
		return m.IDNumber
	case FieldParty:
		return m.Party
	case FieldSector:
		return m.Sector
	case FieldWorkUnit:
		return m.WorkUnit
	case FieldEducation:
		return m.Education
	case FieldDegree:
		return m.Degree
	case FieldTitle:
		return m.Title
	case FieldPhone:
		return m.Phone
	case FieldAddress:
		return m.Address
	case FieldStanding:
		return yesNo(m.Standing)
	case FieldRole:
		return m.Role
	case FieldCommittee:
		return m.Committee
	case FieldGroup:
		return m.Group
	case FieldStatus:
		return m.Status
	case FieldStatusDate:
		return m.StatusDate
	case FieldIsNew:
		return yesNo(m.IsNew)
	case FieldNote:
		return m.Note
	}
	return ""
}

func yesNo(b bool) string {
	if b {
		return "是"
	}
	return "否"
}

// IsDate reports whether s is a real calendar date written YYYY-MM-DD.
func IsDate(s string) bool {
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}
