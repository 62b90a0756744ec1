package data

import "zhengxie/data/mask"

// Masked returns the member with 身份证号 and phone numbers partly hidden
// (3401**********1234, 138****5678), as lists and exports show them unless
// the full values are asked for by someone allowed to see them.
func (m Member) Masked() Member {
	m.IDNumber = mask.IDNumber(m.IDNumber)
	m.Phone = mask.Phone(m.Phone)
	return m
}
