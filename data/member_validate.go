package data

import (
	"slices"
	"strings"
	"unicode/utf8"

	"zhengxie/data/validate"
)

// Normalize trims every text field and brings 身份证号, 联系电话, 出生年月 and
// 变动日期 into their canonical forms where they parse. It fills 出生年月 and
// 性别 from a valid 身份证号 when they are empty. Values that do not parse
// are left as typed, for Validate to report.
func (m *Member) Normalize() {
	for _, p := range []*string{&m.Name, &m.Gender, &m.Ethnicity, &m.Birth, &m.NativePlace, &m.IDNumber,
		&m.Education, &m.Degree, &m.Title, &m.Phone, &m.Address, &m.Party, &m.Sector, &m.Committee,
		&m.Group, &m.WorkUnit, &m.Role, &m.Status, &m.StatusDate, &m.Note} {
		*p = strings.TrimSpace(strings.ReplaceAll(*p, "\u3000", " "))
	}
	m.Name = strings.Join(strings.Fields(m.Name), "")
	if id, err := validate.IDCard(m.IDNumber); err == nil && id.Number != "" {
		m.IDNumber = id.Number
		if m.Birth == "" {
			m.Birth = id.Birth[:7]
		}
		if m.Gender == "" {
			m.Gender = id.Gender
		}
	}
	if v, err := validate.Phone(m.Phone); err == nil {
		m.Phone = v
	}
	if v, err := validate.YearMonth(m.Birth); err == nil {
		m.Birth = v
	}
	if v, err := validate.Date(m.StatusDate); err == nil {
		m.StatusDate = v
	}
	if m.Status == "" {
		m.Status = StatusServing
	}
	if m.Role == "" {
		m.Role = "委员"
		if m.Standing {
			m.Role = "常委"
		}
	}
	// 主席, 副主席 and 秘书长 sit on the standing committee by office.
	if m.Role != "委员" && slices.Contains(Roles, m.Role) {
		m.Standing = true
	}
}

// Validate checks a normalised member and returns every problem found, each
// naming its field. Nil means the member can be saved.
func (m Member) Validate() ValidationErrors {
	var errs ValidationErrors
	add := func(field, msg string) { errs = append(errs, &ValidationError{Field: field, Msg: msg}) }
	switch {
	case m.Name == "":
		add(FieldName, "不能为空")
	case utf8.RuneCountInString(m.Name) > 20:
		add(FieldName, "过长（最多20个字）")
	}
	switch {
	case m.Gender == "":
		add(FieldGender, "不能为空")
	case !slices.Contains(Genders, m.Gender):
		add(FieldGender, "应为“男”或“女”")
	}
	if m.Sector == "" {
		add(FieldSector, "不能为空")
	}
	birthOK := true
	if m.Birth != "" {
		if _, err := validate.YearMonth(m.Birth); err != nil {
			add(FieldBirth, err.Error())
			birthOK = false
		}
	}
	if m.IDNumber != "" {
		id, err := validate.IDCard(m.IDNumber)
		switch {
		case err != nil:
			add(FieldIDNumber, err.Error())
		case birthOK && m.Birth != "" && id.Birth[:7] != m.Birth:
			add(FieldIDNumber, "与出生年月不一致（身份证号为 "+id.Birth[:4]+"年"+strings.TrimPrefix(id.Birth[5:7], "0")+"月）")
		case slices.Contains(Genders, m.Gender) && id.Gender != m.Gender:
			add(FieldIDNumber, "与性别不一致（身份证号为"+id.Gender+"性）")
		}
	}
	if m.Phone != "" {
		if _, err := validate.Phone(m.Phone); err != nil {
			add(FieldPhone, err.Error())
		}
	}
	if !slices.Contains(Statuses, m.Status) {
		add(FieldStatus, "应为"+strings.Join(Statuses, "、")+"之一")
	}
	if m.StatusDate != "" && !IsDate(m.StatusDate) {
		add(FieldStatusDate, "不是有效日期")
	}
	if !slices.Contains(Roles, m.Role) {
		add(FieldRole, "应为"+strings.Join(Roles, "、")+"之一")
	}
	return errs
}

// check normalises and validates, returning nil or the ValidationErrors.
func (m *Member) check() error {
	m.Normalize()
	if errs := m.Validate(); len(errs) > 0 {
		return errs
	}
	return nil
}
